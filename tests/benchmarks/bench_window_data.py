"""bench_window's data: a cache of 100,000 links and 1,000,000 usages, made once and kept.

The values come from the simulator's catalogue and fake payers (English and Arabic names and
references, Gulf phone numbers, e-mails, UUIDs, a share of hostile values), seeded, so every
build holds the same data. The file is built under a temporary name and renamed when complete;
a manifest beside it (written last) says what it holds and which queries and links to use.
"""

from __future__ import annotations

import json
import os
import random
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from linkmanager.domain import (
    CollectedIdentifier,
    IdentifierConfig,
    IdentifierType,
    LinkStatus,
    Money,
    PaymentDetails,
    PaymentLink,
    Usage,
    UsageStatus,
)
from linkmanager.simulator import fake
from linkmanager.simulator.catalogue import describe
from linkmanager.simulator.model import IdentifierSpec
from linkmanager.storage import cache_writes
from linkmanager.storage.cache import LinkCache
from linkmanager.storage.schema import SCHEMA_VERSION

# The data's "now"; the window in the child runs on a clock fixed an hour later, so which links
# count as expired (the tab counts, the rows shown) is the same on every run, whatever the date.
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
WINDOW_NOW = NOW + timedelta(hours=1)
SEED = 20260601
DATA_VERSION = 1  # bump when the generator changes: the cached file is then rebuilt
LINKS_PER_TRANSACTION = 2_000  # of usages; a few seconds of writing each

_LINK_STATUSES = (
    (LinkStatus.ACTIVE, 62),
    (LinkStatus.DISABLED, 8),
    (LinkStatus.EXPIRED, 15),
    (LinkStatus.USED, 15),
)
_USAGE_STATUSES = (
    (UsageStatus.PAYMENT_CREATED, 70),
    (UsageStatus.FAILED, 15),
    (UsageStatus.EXPIRED, 10),
    (UsageStatus.STARTED, 5),
)
_CURRENCIES = (("AED", 60), ("SAR", 30), ("KWD", 10))


def _weighted(rng: random.Random, table: Sequence[tuple[Any, int]]) -> Any:
    return rng.choices([k for k, _ in table], [w for _, w in table])[0]


@dataclass(frozen=True, slots=True)
class Layout:
    links: int
    usages: int
    busy: int  # usages of the one busy link

    @property
    def key(self) -> str:
        return f"d{DATA_VERSION}-s{SCHEMA_VERSION}-{self.links}x{self.usages}-busy{self.busy}-seed{SEED}"


def _specs(identifiers: Sequence[IdentifierConfig]) -> tuple[IdentifierSpec, ...]:
    return tuple(IdentifierSpec(c.type.value, c.display_label, c.required, c.limit) for c in identifiers)


def _amount(rng: random.Random, currency: str, low: int, high: int) -> Decimal:
    if currency == "KWD":
        return Decimal(rng.randint(low * 84, high * 84)).scaleb(-3)
    base = rng.randint(low, high) * (102 if currency == "SAR" else 100) // 100
    return Decimal(f"{base}.{rng.randint(0, 99):02d}") if rng.random() < 0.4 else Decimal(base)


def make_link(rng: random.Random, *, busy: bool = False) -> PaymentLink:
    arabic = rng.random() < 0.3
    d = describe(rng, "donation" if busy else None, arabic)
    currency = _weighted(rng, _CURRENCIES)
    status = LinkStatus.ACTIVE if busy else _weighted(rng, _LINK_STATUSES)
    if status == LinkStatus.EXPIRED:
        expires: datetime | None = NOW - timedelta(days=rng.randint(1, 180), hours=rng.randint(0, 23))
    elif busy or rng.random() < 0.4:
        expires = None
    else:
        expires = NOW + timedelta(days=rng.randint(1, 120), hours=rng.randint(0, 23))
    link_id = fake.seeded_uuid(rng)
    return PaymentLink(
        id=link_id,
        url=f"https://checkout.leantech.me/pay/{fake.seeded_uuid(rng)}",
        status=status,
        current_usages=0,  # set from the usages made for it
        payment_details=PaymentDetails(
            Money(_amount(rng, currency, *d.aed_range), currency),
            d.reference,
            destination_id=None,
            payment_purpose=d.purpose,
        ),
        name=None if rng.random() < 0.08 else d.name,
        max_usages=None if busy else d.max_usages,
        expires_at=expires,
        redirect_url=f"https://shop.example.ae/payments/complete?ref={d.reference}"
        if rng.random() < 0.5
        else None,
        customer_id=fake.seeded_uuid(rng) if rng.random() < 0.3 else None,
        identifiers=tuple(
            IdentifierConfig(IdentifierType(s.type), s.display_label, bool(s.required), s.limit)
            for s in d.identifiers or ()
        ),
    )


def make_usages(rng: random.Random, link: PaymentLink, count: int) -> list[Usage]:
    specs = _specs(link.identifiers)
    made = []
    for _ in range(count):
        status = _weighted(rng, _USAGE_STATUSES)
        hostile = rng.choice(fake.HOSTILE_VALUES) if rng.random() < 0.02 else None
        values = fake.payer_values(rng, specs, link.amount.currency, hostile)
        paid = status == UsageStatus.PAYMENT_CREATED or (status == UsageStatus.FAILED and rng.random() < 0.7)
        if status == UsageStatus.PAYMENT_CREATED:
            payment_status: str | None = "ACCEPTED_BY_BANK" if rng.random() < 0.9 else "PENDING_WITH_BANK"
        else:
            payment_status = "FAILED" if paid else None
        made.append(
            Usage(
                usage_id=fake.seeded_uuid(rng),
                payment_link_id=link.id,
                usage_status=status,
                identifiers=tuple(
                    CollectedIdentifier(IdentifierType(v.type), v.display_label, v.value) for v in values
                ),
                customer_id=(link.customer_id or fake.seeded_uuid(rng)) if paid else None,
                payment_id=fake.seeded_uuid(rng) if paid else None,
                payment_status=payment_status,
            )
        )
    return made


def usage_counts(rng: random.Random, layout: Layout, busy_index: int) -> list[int]:
    """Usages per link: skewed (most links have a few, some dozens), exactly `layout.usages` in all."""
    counts = [min(int(rng.expovariate(1 / 10)), 300) for _ in range(layout.links)]
    counts[busy_index] = layout.busy
    others = [i for i in range(layout.links) if i != busy_index]
    gap = layout.usages - sum(counts)
    while gap:
        i = rng.choice(others)
        if gap > 0:
            counts[i] += 1
            gap -= 1
        elif counts[i] > 0:
            counts[i] -= 1
            gap += 1
    return counts


def _with_usage_count(link: PaymentLink, usages: Sequence[Usage]) -> PaymentLink:
    paid = sum(u.usage_status == UsageStatus.PAYMENT_CREATED for u in usages)
    limit = link.max_usages
    if link.status == LinkStatus.USED:
        limit = max(paid, 1)
        paid = limit
    elif limit is not None and paid > limit:
        limit = paid + 10
    return replace(link, current_usages=paid, max_usages=limit)


def _chunks(n: int, size: int) -> Iterator[range]:
    for start in range(0, n, size):
        yield range(start, min(start + size, n))


def build(path: Path, manifest_path: Path, layout: Layout) -> dict[str, Any]:
    """Fill a new cache at `path` and write the manifest; returns the manifest."""
    started = time.perf_counter()
    tmp = path.with_name(path.name + ".building")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    rng = random.Random(SEED)
    busy_index = layout.links // 3
    counts = usage_counts(rng, layout, busy_index)
    links = [make_link(rng, busy=i == busy_index) for i in range(layout.links)]
    print(f"building the cache: {layout.links:,} links, {layout.usages:,} usages -> {path}", flush=True)
    cache = LinkCache.open(tmp)
    try:
        t = time.perf_counter()
        cache.store_listing(links, NOW, complete=True)
        listed = time.perf_counter() - t
        t = time.perf_counter()
        stored = 0
        for chunk in _chunks(layout.links, LINKS_PER_TRANSACTION):
            # Each link's usages from its own seed: the manifest can remake any one of them.
            batch = [
                (links[i], make_usages(random.Random(f"{SEED}-{i}"), links[i], counts[i])) for i in chunk
            ]

            def write(conn: Any, batch: list[tuple[PaymentLink, list[Usage]]] = batch) -> None:
                # What store_usages runs, for many links in one transaction (store_usages opens
                # one per link: 100,000 commits would make the build several times slower).
                for link, usages in batch:
                    cache_writes.put_usages(conn, link.id, usages, NOW, link.status, NOW)

            cache.write("fill the benchmark cache", write)
            for i, (link, usages) in zip(chunk, batch, strict=True):
                links[i] = _with_usage_count(link, usages)
            stored += sum(len(u) for _, u in batch)
            if chunk.stop % 20_000 == 0 or chunk.stop == layout.links:
                rate = stored / (time.perf_counter() - t)
                print(f"  {chunk.stop:>7,} links, {stored:>9,} usages ({rate:,.0f} usages/s)", flush=True)
        usages_s = time.perf_counter() - t
        t = time.perf_counter()
        cache.store_listing(links, NOW, complete=True)  # now with current_usages matching the usages
        listed += time.perf_counter() - t
        cache.record_full_sync(NOW)
    finally:
        cache.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)  # closed cleanly: nothing left in them
    os.replace(tmp, path)
    manifest = _manifest(layout, links, counts, busy_index)
    manifest["build_seconds"] = {
        "total": time.perf_counter() - started,
        "store_listing": listed,
        "usages (made and stored)": usages_s,
    }
    manifest["file_bytes"] = path.stat().st_size
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def _manifest(layout: Layout, links: list[PaymentLink], counts: list[int], busy_index: int) -> dict[str, Any]:
    """What the child needs: the busy link, a few ordinary ones to click between, the queries."""
    # A reference someone would type: an invoice number (there are thousands of INV-... references).
    invoice = next(
        link
        for link in links[len(links) // 2 :]
        if link.reference.startswith("INV-") and link.status == LinkStatus.ACTIVE
    )
    # A phone number's middle digits, from a payer of some link halfway down.
    phone = None
    for i in range(len(links) // 2, len(links)):
        for usage in make_usages(random.Random(f"{SEED}-{i}"), links[i], counts[i]):
            phone = next((v.value for v in usage.identifiers if v.type == IdentifierType.MOBILE_PHONE), None)
            if phone:
                break
        if phone:
            break
    assert phone is not None
    step = max(1, len(links) // 7)
    ordinary = {links[i].id: counts[i] for i in range(1, len(links), step) if 0 < counts[i] <= 30}
    return {
        "key": layout.key,
        "links": layout.links,
        "usages": layout.usages,
        "busy_link": links[busy_index].id,
        "busy_usages": counts[busy_index],
        "ordinary_links": ordinary,  # link id -> its usages
        "queries": {
            "a reference": invoice.reference,
            "an Arabic word": "فاتورة",
            "a phone fragment": phone[-9:-2],
        },
    }


def ensure(root: Path, layout: Layout, *, rebuild: bool = False) -> tuple[Path, dict[str, Any]]:
    """The cache for `layout` under `root`, built only when missing (or `rebuild`)."""
    root.mkdir(parents=True, exist_ok=True)
    path = root / f"cache-{layout.key}.sqlite3"
    manifest_path = root / f"manifest-{layout.key}.json"
    if not rebuild and path.exists() and manifest_path.exists():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        took = manifest["build_seconds"]["total"]
        print(f"cache {path} is already built (it took {took:.0f} s); --rebuild to make it again")
        return path, manifest
    manifest_path.unlink(missing_ok=True)
    manifest = build(path, manifest_path, layout)
    b = manifest["build_seconds"]
    print(
        f"built in {b['total']:.0f} s (store_listing x2 {b['store_listing']:.0f} s, "
        f"usages made and stored {b['usages (made and stored)']:.0f} s); {manifest['file_bytes'] / 2**20:,.0f} MiB"
    )
    return path, manifest
