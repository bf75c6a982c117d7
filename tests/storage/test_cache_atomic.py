"""A write that fails half-way leaves everything cached before it whole, consistent and searchable."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

import pytest

from linkmanager.domain import LinkStatus, PaymentLink, Usage, UsageStatus
from linkmanager.storage.cache import CacheError, LinkCache

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
LinkFactory = Callable[..., PaymentLink]
UsageFactory = Callable[..., Usage]
Raw = Callable[[Path], sqlite3.Connection]


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


class Exploding:
    """Looks like a link until its fields are read, the way a half-parsed object might."""

    id = "bomb"
    display_name = "bomb"

    @property
    def payment_details(self) -> Any:
        raise RuntimeError("the server's answer fell apart")


def everything(cache: LinkCache) -> dict[str, Any]:
    """All a reader can see: links with their freshness and counts, usages, and what search finds."""
    return {
        "links": cache.links(now=T0),
        "usages": {c.link.id: cache.usages(c.link.id) for c in cache.links(now=T0)},
        "search": [(h.link.link.id, h.usage, h.field, h.value) for h in cache.search("mail.example")],
        "counts": cache.status_counts(T0),
    }


@pytest.fixture
def filled(cache: LinkCache, make_link: LinkFactory, make_usage: UsageFactory) -> LinkCache:
    cache.store_listing([make_link("a"), make_link("b"), make_link("c")], at(0), complete=True)
    cache.store_usages(
        "a", [make_usage("a1", "a"), make_usage("a2", "a")], at(1), link_status=LinkStatus.ACTIVE
    )
    cache.record_full_sync(at(2))
    return cache


@pytest.fixture
def trigger(cache_path: Path, raw_connection: Raw) -> Iterator[Callable[[str], None]]:
    """Install a trigger that aborts a write from inside SQLite, as a full disk or an I/O error would."""
    names: list[str] = []

    def install(sql: str) -> None:
        conn = raw_connection(cache_path)
        conn.execute(sql)
        conn.close()
        names.append(sql.split()[2])

    yield install
    conn = raw_connection(cache_path)
    for name in names:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    conn.close()


def test_a_listing_that_breaks_half_way_changes_nothing(
    filled: LinkCache, make_link: LinkFactory, index_is_consistent: Callable[[], None]
) -> None:
    before = everything(filled)
    listing = [
        make_link("a", status=LinkStatus.DISABLED),  # written before the failure, then rolled back
        make_link("new", name="Brand new"),
        cast(PaymentLink, Exploding()),
        make_link("c"),
    ]
    with pytest.raises(RuntimeError, match="fell apart"):
        filled.store_listing(listing, at(5), complete=True)
    assert everything(filled) == before
    assert filled.link("new") is None
    assert filled.search("Brand new") == []
    index_is_consistent()
    # and the cache goes on working
    assert filled.store_listing([make_link("a"), make_link("b"), make_link("c")], at(6), complete=True) == []


def test_a_listing_failing_at_its_last_step_changes_nothing(
    filled: LinkCache,
    make_link: LinkFactory,
    trigger: Callable[[str], None],
    index_is_consistent: Callable[[], None],
) -> None:
    trigger(
        "CREATE TRIGGER fail_marking BEFORE UPDATE OF missing_since ON links "
        "WHEN NEW.missing_since IS NOT NULL BEGIN SELECT RAISE(ABORT, 'simulated I/O error'); END"
    )
    before = everything(filled)
    with pytest.raises(CacheError, match="could not save links") as caught:
        filled.store_listing(
            [make_link("a", status=LinkStatus.DISABLED), make_link("z")], at(5), complete=True
        )
    assert str(filled.path) in str(caught.value)
    assert everything(filled) == before
    assert filled.link("z") is None
    index_is_consistent()


@pytest.mark.parametrize(
    "failing",
    [
        "CREATE TRIGGER fail_insert BEFORE INSERT ON usages WHEN NEW.usage_id = 'a4' "
        "BEGIN SELECT RAISE(ABORT, 'simulated I/O error'); END",
        "CREATE TRIGGER fail_update BEFORE UPDATE ON usages WHEN NEW.usage_id = 'a2' "
        "BEGIN SELECT RAISE(ABORT, 'simulated I/O error'); END",
        "CREATE TRIGGER fail_index BEFORE INSERT ON search_terms WHEN NEW.value = 'p-a1' "
        "BEGIN SELECT RAISE(ABORT, 'simulated I/O error'); END",
    ],
    ids=["inserting a usage", "updating a usage", "indexing a usage"],
)
def test_usages_that_break_half_way_change_nothing(
    filled: LinkCache,
    make_usage: UsageFactory,
    trigger: Callable[[str], None],
    index_is_consistent: Callable[[], None],
    failing: str,
) -> None:
    trigger(failing)
    before = everything(filled)
    paid = make_usage(
        "a1", "a", usage_status=UsageStatus.PAYMENT_CREATED, payment_id="p-a1", payment_status="X"
    )
    listed = [
        make_usage("a3", "a"),
        paid,
        make_usage("a2", "a", usage_status=UsageStatus.FAILED),
        make_usage("a4", "a"),
    ]
    with pytest.raises(CacheError, match="simulated I/O error"):
        filled.store_usages("a", listed, at(5), link_status=LinkStatus.USED)
    assert everything(filled) == before
    stored = filled.link("a")
    assert stored is not None
    assert stored.usages_confirmed_at == at(1)
    assert stored.usage_count == 2
    index_is_consistent()


def test_a_crash_in_the_middle_of_a_write_loses_nothing(
    filled: LinkCache, cache_path: Path, index_is_consistent: Callable[[], None]
) -> None:
    """The process dies (power cut, kill -9) between two links of a listing."""
    before = everything(filled)
    filled.close()
    script = textwrap.dedent(
        f"""
        import os
        from datetime import datetime, UTC
        from decimal import Decimal
        from pathlib import Path
        from linkmanager.domain import LinkStatus, Money, PaymentDetails, PaymentLink
        from linkmanager.storage.cache import LinkCache

        class Dying:
            id = "dying"
            display_name = "dying"
            @property
            def payment_details(self):
                os._exit(9)

        link = PaymentLink("a", "https://x", LinkStatus.DISABLED, 0, PaymentDetails(Money(Decimal(1), "AED"), "r"))
        cache = LinkCache.open(Path({str(cache_path)!r}))
        cache.store_listing([link, Dying()], datetime(2026, 3, 1, 10, tzinfo=UTC), complete=True)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 9, result.stderr
    with LinkCache.open(cache_path) as reopened:
        assert everything(reopened) == before
    index_is_consistent()


def test_the_consistency_check_can_fail(
    filled: LinkCache, cache_path: Path, raw_connection: Raw, index_is_consistent: Callable[[], None]
) -> None:
    """index_is_consistent sees a value in search_terms that the FTS index does not hold."""
    conn = raw_connection(cache_path)
    conn.execute(
        "INSERT INTO search_terms (link_key, usage_key, kind, label, value) VALUES (1, NULL, 'name', NULL, 'not indexed')"
    )
    conn.close()
    with pytest.raises(sqlite3.DatabaseError):
        index_is_consistent()
