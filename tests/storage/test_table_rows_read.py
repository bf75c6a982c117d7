"""The links table's slim rows (LinkCache.table_rows) show what rows made from whole links show,
a damaged stored link costs that row only, and LinkCache.link_now answers while a sync writes.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from linkmanager.domain import LinkStatus, PaymentLink
from linkmanager.services.link_rows import COLUMN_NAMES, LinkRow, make_rows, status_reason, table_row
from linkmanager.storage.cache import CacheError, LinkCache

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
NOW = T0 + timedelta(days=2)
LinkFactory = Callable[..., PaymentLink]


def varied_links(make_link: LinkFactory) -> list[PaymentLink]:
    return [
        make_link("a", name="Rent <b>", amount=Decimal("262.5"), currency="AED"),
        make_link("b", name=None, amount=Decimal("1.250"), currency="KWD", customer_id="cust-9"),
        make_link("c", name="إيجار شقة", status=LinkStatus.DISABLED, expires_at=T0 + timedelta(days=1)),
        make_link("d", name="Full", current_usages=3, max_usages=3),
        make_link("e", name="Later", expires_at=T0 + timedelta(days=30), max_usages=None),
        make_link("f", name="\u202eevil", status=LinkStatus.USED, current_usages=1, max_usages=1),
    ]


def shown(row: LinkRow) -> tuple[object, ...]:
    keys = tuple(row.key(column) for column in range(len(COLUMN_NAMES)))
    return (row.id, row.status, row.make_texts(), keys, status_reason(row), row.display_name)


def test_slim_rows_show_what_rows_of_whole_links_show(tmp_path: Path, make_link: LinkFactory) -> None:
    with LinkCache.open(tmp_path / "cache.sqlite3") as cache:
        cache.store_listing(varied_links(make_link), T0, complete=True)
        cache.mark_unlisted(T0 + timedelta(hours=1), keep={"a", "b", "c", "d", "e"})  # "f" not listed
        slim = sorted(cache.table_rows(lambda raw: table_row(raw, NOW)), key=lambda row: row.id)
        whole = sorted(make_rows(cache.links(now=NOW), NOW), key=lambda row: row.id)
    assert [shown(row) for row in slim] == [shown(row) for row in whole]
    assert [row.status for row in slim] == [
        LinkStatus.ACTIVE,
        LinkStatus.ACTIVE,
        LinkStatus.EXPIRED,  # disabled, but its expiry has passed
        LinkStatus.USED,  # its limit is reached
        LinkStatus.ACTIVE,
        LinkStatus.USED,
    ]
    assert all(row.cached is None for row in slim)
    assert all(row.cached is not None for row in whole)
    assert all(new.shows_as(old) and old.shows_as(new) for new, old in zip(slim, whole, strict=True))


def test_a_damaged_stored_link_costs_its_row_only(tmp_path: Path, make_link: LinkFactory) -> None:
    path = tmp_path / "cache.sqlite3"
    with LinkCache.open(path) as cache:
        cache.store_listing(varied_links(make_link), T0, complete=True)
        conn = sqlite3.connect(path)
        with conn:
            conn.execute("UPDATE links SET amount = 'lots' WHERE id = 'b'")
            conn.execute("UPDATE links SET expires_at = 'soon' WHERE id = 'c'")
        conn.close()
        rows = cache.table_rows(lambda raw: table_row(raw, NOW))
    assert sorted(row.id for row in rows) == ["a", "d", "e", "f"]


def test_link_now_answers_while_a_sync_holds_the_cache(tmp_path: Path, make_link: LinkFactory) -> None:
    with LinkCache.open(tmp_path / "cache.sqlite3") as cache:
        cache.store_listing(varied_links(make_link), T0, complete=True)
        writing, release = threading.Event(), threading.Event()

        def long_write(_: sqlite3.Connection) -> None:
            writing.set()
            release.wait(30)

        writer = threading.Thread(target=lambda: cache.write("hold the cache as a sync does", long_write))
        writer.start()
        try:
            assert writing.wait(10)
            answers: list[object] = []
            reader = threading.Thread(target=lambda: answers.append(cache.link_now("c")))
            reader.start()
            reader.join(10)
            still_writing = writer.is_alive()
        finally:
            release.set()
            writer.join(10)
        assert still_writing
        assert not reader.is_alive()
        assert answers == [cache.link("c")]
        assert cache.link_now("nope") is None


def test_a_closed_cache_answers_no_link_now(tmp_path: Path, make_link: LinkFactory) -> None:
    cache = LinkCache.open(tmp_path / "cache.sqlite3")
    cache.store_listing(varied_links(make_link), T0, complete=True)
    assert cache.link_now("a") is not None
    cache.close()
    with pytest.raises(CacheError):
        cache.link_now("a")  # a late click after a profile switch: said, not answered
    assert cache._side._conn is None  # and its connection not opened again
