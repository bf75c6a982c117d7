"""Schema 6 on a cache written by schema 5: every row kept, outcomes computed, old usages "seen before"."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from linkmanager.domain import LinkStatus, Usage, UsageStatus
from linkmanager.domain.outcome import Outcome
from linkmanager.storage.cache import LinkCache
from linkmanager.storage.schema import MIGRATIONS, SCHEMA_VERSION, migrate

Raw = Callable[[Path], sqlite3.Connection]
STAMP = "2026-02-01T08:00:00.000000Z"
LATER = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)

# (usage id, usage status, payment status, payment id) -> the outcome the migration must store
USAGES: list[tuple[str, str, str | None, str | None, Outcome]] = [
    ("u-started", "STARTED", None, None, Outcome.STARTED),
    ("u-started-paid", "STARTED", None, "pay-2", Outcome.PENDING),
    ("u-pending", "PAYMENT_CREATED", "PENDING_WITH_BANK", "pay-3", Outcome.PENDING),
    ("u-awaiting", "PAYMENT_CREATED", "AWAITING_AUTHORISATION", "pay-4", Outcome.PENDING),
    ("u-accepted", "PAYMENT_CREATED", "ACCEPTED_BY_BANK", "pay-5", Outcome.COLLECTED),
    ("u-processed", "PAYMENT_CREATED", "PROCESSED", "pay-6", Outcome.COLLECTED),
    ("u-rejected", "PAYMENT_CREATED", "REJECTED_BY_BANK", "pay-7", Outcome.FAILED),
    ("u-cancelled", "PAYMENT_CREATED", "CANCELLED", "pay-8", Outcome.FAILED),
    ("u-failed", "FAILED", None, None, Outcome.FAILED),
    ("u-expired", "EXPIRED", None, None, Outcome.EXPIRED),
    ("u-expired-failed", "EXPIRED", "FAILED", "pay-11", Outcome.FAILED),
    ("u-unknown", "ON_HOLD", None, None, Outcome.OTHER),
]
OLD_USAGES = (
    "SELECT key, link_key, usage_id, position, usage_status, payment_status, payment_id, customer_id, "
    "identifiers, settled, first_seen_at FROM usages ORDER BY key"
)
OLD_LINKS = (
    "SELECT key, id, status, amount, currency, reference, name, confirmed_at, usages_confirmed_at "
    "FROM links ORDER BY key"
)


def _version_5_cache(path: Path, raw: Raw) -> None:
    """A cache as schema 5 left it: two links whose usages were read, one whose usages never were."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = raw(path)
    try:
        assert migrate(conn, path, MIGRATIONS[:5]) == 5
        for key, link_id, read in ((1, "link-a", STAMP), (2, "link-b", STAMP), (3, "link-c", None)):
            conn.execute(
                "INSERT INTO links (key, id, url, status, current_usages, amount, currency, reference, name, "
                "identifiers, confirmed_at, first_seen_at, usages_confirmed_at, usages_confirmed_status, "
                "usages_read_at, name_key) VALUES (?, ?, 'https://pay.example/l', 'ACTIVE', 0, '1.500', 'KWD', "
                "?, ?, '[]', ?, ?, ?, ?, ?, ?)",
                (
                    key,
                    link_id,
                    f"INV-{key}",
                    f"Link {key}",
                    STAMP,
                    STAMP,
                    read,
                    read and "ACTIVE",
                    read,
                    f"link {key}",
                ),
            )
        for position, (usage_id, status, payment, payment_id, _) in enumerate(USAGES):
            conn.execute(
                "INSERT INTO usages (link_key, usage_id, position, usage_status, payment_status, payment_id, "
                "customer_id, identifiers, settled, first_seen_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, 0, ?)",
                (
                    1 + position % 2,
                    usage_id,
                    position // 2,
                    status,
                    payment,
                    payment_id,
                    f'[["EMAIL","Email","{usage_id}@mail.example"]]',
                    STAMP,
                ),
            )
        assert "outcome" not in {row[1] for row in conn.execute("PRAGMA table_info(usages)")}
    finally:
        conn.close()


def _rows(path: Path, raw: Raw, sql: str) -> list[tuple[object, ...]]:
    conn = raw(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture
def v5_path(cache_path: Path, raw_connection: Raw) -> Path:
    _version_5_cache(cache_path, raw_connection)
    return cache_path


def test_every_row_is_kept(v5_path: Path, raw_connection: Raw) -> None:
    usages_before = _rows(v5_path, raw_connection, OLD_USAGES)
    links_before = _rows(v5_path, raw_connection, OLD_LINKS)
    assert len(usages_before) == len(USAGES)
    LinkCache.open(v5_path).close()
    assert _rows(v5_path, raw_connection, OLD_USAGES) == usages_before
    assert _rows(v5_path, raw_connection, OLD_LINKS) == links_before


def test_outcomes_are_computed_for_every_status_combination(v5_path: Path, raw_connection: Raw) -> None:
    LinkCache.open(v5_path).close()
    stored = dict(_rows(v5_path, raw_connection, "SELECT usage_id, outcome FROM usages"))
    assert stored == {usage_id: int(outcome) for usage_id, *_, outcome in USAGES}


def test_every_old_usage_was_seen_before(v5_path: Path, raw_connection: Raw) -> None:
    LinkCache.open(v5_path).close()
    assert _rows(v5_path, raw_connection, "SELECT DISTINCT seen_before FROM usages") == [(1,)]


def test_the_new_tables_are_empty_and_the_version_recorded(v5_path: Path, raw_connection: Raw) -> None:
    LinkCache.open(v5_path).close()
    for table in ("usage_history", "link_history", "statement_matches", "statement_formats"):
        assert _rows(v5_path, raw_connection, f"SELECT count(*) FROM {table}") == [(0,)], table  # noqa: S608
    versions = [
        row[0] for row in _rows(v5_path, raw_connection, "SELECT version FROM schema_version ORDER BY 1")
    ]
    assert SCHEMA_VERSION >= 6
    assert versions == list(range(1, SCHEMA_VERSION + 1))
    indexes = {
        row[0] for row in _rows(v5_path, raw_connection, "SELECT name FROM sqlite_master WHERE type='index'")
    }
    assert {"usages_by_seen", "usage_history_by_usage", "link_history_by_link"} <= indexes


def test_opening_twice_changes_nothing_more(v5_path: Path, raw_connection: Raw) -> None:
    LinkCache.open(v5_path).close()
    first = _rows(v5_path, raw_connection, "SELECT * FROM usages ORDER BY key")
    LinkCache.open(v5_path).close()
    assert _rows(v5_path, raw_connection, "SELECT * FROM usages ORDER BY key") == first
    assert _rows(v5_path, raw_connection, "SELECT count(*) FROM schema_version WHERE version = 6") == [(1,)]


def test_the_migrated_usages_read_back_as_they_were(v5_path: Path) -> None:
    with LinkCache.open(v5_path, clock=lambda: LATER) as cache:
        read = {usage.usage_id: usage for usage in cache.usages("link-a") + cache.usages("link-b")}
    assert set(read) == {usage_id for usage_id, *_ in USAGES}
    for usage_id, status, payment, payment_id, _ in USAGES:
        usage = read[usage_id]
        assert (usage.usage_status, usage.payment_status, usage.payment_id) == (
            UsageStatus(status),
            payment,
            payment_id,
        )


def test_after_the_migration_new_usages_are_dated_and_history_written(
    v5_path: Path, raw_connection: Raw, make_usage: Callable[..., Usage]
) -> None:
    """link-a's usages were read by schema 5: a usage new to it appeared between two looks; link-c's
    never were: its first look finds usages that happened before."""
    with LinkCache.open(v5_path, clock=lambda: LATER) as cache:
        kept = [u for u in cache.usages("link-a") if u.usage_id != "u-started"]
        moved = make_usage(
            "u-started",
            "link-a",
            usage_status=UsageStatus.PAYMENT_CREATED,
            payment_status="PROCESSED",
            payment_id="pay-1",
        )
        cache.store_usages(
            "link-a", [moved, *kept, make_usage("u-new", "link-a")], LATER, link_status=LinkStatus.ACTIVE
        )
        cache.store_usages("link-c", [make_usage("u-c", "link-c")], LATER, link_status=LinkStatus.ACTIVE)
    seen = dict(_rows(v5_path, raw_connection, "SELECT usage_id, seen_before FROM usages"))
    assert (seen["u-new"], seen["u-c"], seen["u-started"]) == (0, 1, 1)
    history = _rows(
        v5_path,
        raw_connection,
        "SELECT u.usage_id, h.seen_at, h.usage_status_before, h.payment_status_before, h.usage_status, "
        "h.payment_status FROM usage_history AS h JOIN usages AS u ON u.key = h.usage_key",
    )
    assert history == [
        ("u-started", "2026-03-01T09:00:00.000000Z", "STARTED", None, "PAYMENT_CREATED", "PROCESSED")
    ]
    outcome = _rows(v5_path, raw_connection, "SELECT outcome FROM usages WHERE usage_id = 'u-started'")
    assert outcome == [(int(Outcome.COLLECTED),)]
