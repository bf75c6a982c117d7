"""Speed of the offline cache at the size of a busy account: 10,000 links, 50,000 usages.

Run: `.venv/bin/python tests/benchmarks/bench_cache.py [--links 10000] [--usages 5] [--repeat 5]`
Not part of the test suite (no timed assertions there); prints the measured figures.
Targets: store_listing of 10,000 links < ~1 s; links() < ~0.3 s; a search well under 100 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import replace
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
from linkmanager.storage.cache import LinkCache

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
FIRST_NAMES = ["Ahmed", "Fatima", "Omar", "Layla", "Yusuf", "Mariam", "محمد", "عائشة", "خالد", "نورة"]
WORDS = ["Rent", "Invoice", "Tuition", "Membership", "Consulting", "إيجار", "فاتورة", "اشتراك"]
CONFIGS = (
    IdentifierConfig(IdentifierType.EMAIL, "Email", True, 100),
    IdentifierConfig(IdentifierType.MOBILE_PHONE, "Mobile number", True, 20),
    IdentifierConfig(IdentifierType.TEXT, "الاسم", False, 255),
)


def make_links(count: int, rng: random.Random) -> list[PaymentLink]:
    statuses = [LinkStatus.ACTIVE] * 6 + [LinkStatus.DISABLED, LinkStatus.EXPIRED, LinkStatus.USED]
    return [
        PaymentLink(
            id=f"{rng.getrandbits(128):032x}",
            url=f"https://pay.example/l/{i}",
            status=rng.choice(statuses),
            current_usages=rng.randrange(10),
            payment_details=PaymentDetails(
                Money(Decimal(rng.randrange(100, 10**6)).scaleb(-2), rng.choice(["AED", "SAR", "KWD"])),
                f"INV-{i:06d}",
                payment_purpose="GDS",
            ),
            name=f"{rng.choice(WORDS)} {rng.choice(FIRST_NAMES)} {i}",
            max_usages=rng.choice([None, 1, 10, 1000]),
            expires_at=rng.choice([None, NOW + timedelta(days=rng.randrange(-90, 365))]),
            customer_id=f"cust-{rng.randrange(5000):05d}",
            identifiers=CONFIGS,
        )
        for i in range(count)
    ]


def make_usages(link: PaymentLink, count: int, rng: random.Random) -> list[Usage]:
    usages = []
    for _ in range(count):
        who = rng.choice(FIRST_NAMES)
        paid = rng.random() < 0.7
        usages.append(
            Usage(
                usage_id=f"{rng.getrandbits(128):032x}",
                payment_link_id=link.id,
                usage_status=UsageStatus.PAYMENT_CREATED if paid else UsageStatus.FAILED,
                identifiers=(
                    CollectedIdentifier(
                        IdentifierType.EMAIL, "Email", f"{who.lower()}{rng.randrange(10**4)}@mail.example"
                    ),
                    CollectedIdentifier(
                        IdentifierType.MOBILE_PHONE, "Mobile number", f"+9715{rng.randrange(10**8):08d}"
                    ),
                    CollectedIdentifier(IdentifierType.TEXT, "الاسم", f"{who} {rng.choice(FIRST_NAMES)}"),
                ),
                payment_id=f"{rng.getrandbits(128):032x}" if paid else None,
                payment_status=rng.choice(["ACCEPTED_BY_BANK", "PENDING_WITH_BANK"]) if paid else None,
            )
        )
    return usages


def timed(work: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Median wall time of `repeat` runs, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def report(what: str, seconds: float, note: str = "") -> None:
    print(f"{what:<52} {seconds * 1000:9.1f} ms  {note}")


def bench_read_during_write(cache: LinkCache, links: list[PaymentLink]) -> None:
    """How long a GUI worker's read waits while a sync worker stores a whole listing (one lock)."""
    flipped = [replace(link, current_usages=link.current_usages + 1) for link in links]
    waits: list[float] = []
    writer = threading.Thread(
        target=lambda: cache.store_listing(flipped, NOW + timedelta(minutes=1), complete=True)
    )
    writer.start()
    while writer.is_alive():
        started = time.perf_counter()
        cache.link(links[0].id)
        waits.append(time.perf_counter() - started)
    writer.join()
    report(
        f"a read during store_listing (worst of {len(waits)})",
        max(waits),
        f"median {statistics.median(waits) * 1000:.2f} ms",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--links", type=int, default=10_000)
    parser.add_argument("--usages", type=int, default=5, help="usages per link")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(7)
    links = make_links(args.links, rng)
    usages = {link.id: make_usages(link, args.usages, rng) for link in links}
    total_usages = sum(map(len, usages.values()))

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "profile" / "cache.sqlite"
        cache = LinkCache.open(path)
        started = time.perf_counter()
        cache.store_listing(links, NOW, complete=True)
        report(f"store_listing {len(links)} links (new cache)", time.perf_counter() - started)
        seconds, _ = timed(lambda: cache.store_listing(links, NOW, complete=True), args.repeat)
        report(f"store_listing {len(links)} links (again, unchanged)", seconds)

        started = time.perf_counter()
        for link in links:
            cache.store_usages(link.id, usages[link.id], NOW, link_status=link.status)
        elapsed = time.perf_counter() - started
        report(
            f"store_usages x{len(links)} ({total_usages} usages)",
            elapsed,
            f"{elapsed / len(links) * 1e6:.0f} µs per link",
        )
        busiest = links[0]
        seconds, _ = timed(
            lambda: cache.store_usages(busiest.id, usages[busiest.id], NOW, link_status=busiest.status),
            args.repeat,
        )
        report(f"store_usages one link ({args.usages} usages, unchanged)", seconds)

        seconds, everything = timed(cache.links, args.repeat)
        report(f"links() -> {len(everything)}", seconds)
        seconds, expired = timed(lambda: cache.links(LinkStatus.EXPIRED, now=NOW), args.repeat)
        report(f"links(EXPIRED) -> {len(expired)}", seconds)
        seconds, counts = timed(lambda: cache.status_counts(NOW), args.repeat)
        report("status_counts()", seconds, str({k.value: v for k, v in counts.items()}))
        seconds, _ = timed(lambda: cache.usages(busiest.id), args.repeat)
        report("usages(one link)", seconds)

        sample = usages[links[len(links) // 2].id][0]
        phone = sample.identifiers[1].value
        queries = {
            "a link id (exact)": links[1234 % len(links)].id,
            "a usage id (exact)": sample.usage_id,
            "middle of a phone number": phone[5:11],
            "a reference": "INV-004242",
            "an Arabic word (common)": "فاتورة",
            "an Arabic name (very common)": "محمد",
            "very broad: 'mail.example'": "mail.example",
            "no match": "zzqqzzqq",
            "short (2 chars, LIKE fallback)": "Om",
            'hostile: NEAR(" *': 'NEAR(" *',
        }
        for label, text in queries.items():
            seconds, hits = timed(lambda text=text: cache.search(text), args.repeat)
            report(f"search {label}", seconds, f"{len(hits)} hits")
        bench_read_during_write(cache, links)
        cache.close()

        seconds, _ = timed(lambda: LinkCache.open(path).close(), args.repeat)
        report("open (quick_check + migrate check)", seconds)
        size = sum(f.stat().st_size for f in path.parent.iterdir())
        print(f"{'file size':<52} {size / 2**20:9.1f} MiB")


if __name__ == "__main__":
    main()
