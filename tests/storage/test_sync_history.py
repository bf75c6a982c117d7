"""Each sync's report kept in the cache (schema 7): read back, trimmed to the last 100, bounded, and
added to a cache written by schema 6 without touching its rows."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from linkmanager.domain import LinkStatus, UsageStatus
from linkmanager.domain.outcome import Outcome
from linkmanager.storage import sync_history
from linkmanager.storage.cache import LinkCache, LinkChange, UsageChange
from linkmanager.storage.schema import MIGRATIONS, SCHEMA_VERSION, migrate

Raw = Callable[[Path], sqlite3.Connection]
LinkFactory = Callable[..., Any]
UsageFactory = Callable[..., Any]


def _record(cache: LinkCache, finished_at: datetime, **fields: Any) -> int:
    values: dict[str, Any] = {
        "completed": True,
        "full": False,
        "problems": 0,
        "links_added": 0,
        "status_changes": [],
        "new_usages": [],
        "usage_changes": [],
    }
    values.update(fields)
    return cache.write("test", partial(sync_history.record, finished_at=finished_at, **values))


def _reports(cache: LinkCache, last: int = 1) -> list[sync_history.KeptReport]:
    return cache.read("test", partial(sync_history.reports, last=last))


def _new(
    link_id: str, usage_id: str, after: str = "PAYMENT_CREATED", payment: str | None = None
) -> UsageChange:
    return UsageChange(link_id, usage_id, None, UsageStatus(after), None, payment)


def test_a_report_is_kept_with_names_amounts_and_outcomes_read_from_the_cache(
    cache: LinkCache, make_link: LinkFactory, make_usage: UsageFactory, at: Callable[[float], datetime]
) -> None:
    cache.store_listing(
        [make_link("link-1"), make_link("link-2", name=None, reference="REF-2")], at(0), complete=True
    )
    assert _record(cache, at(1), links_added=2) == 1  # the cache's first sync: the starting point
    cache.store_usages(
        "link-1",
        [make_usage("u-paid", usage_status=UsageStatus.PAYMENT_CREATED, payment_status="ACCEPTED_BY_BANK")],
        at(10),
        link_status=LinkStatus.ACTIVE,
    )
    key = _record(
        cache,
        at(11),
        full=True,
        problems=2,
        status_changes=[LinkChange("link-2", "REF-2", LinkStatus.ACTIVE, LinkStatus.DISABLED)],
        new_usages=[_new("link-1", "u-paid", payment="ACCEPTED_BY_BANK")],
        usage_changes=[
            UsageChange("link-2", "u-moved", UsageStatus.STARTED, UsageStatus.FAILED, None, None),
        ],
    )
    newest, first = _reports(cache, last=5)
    assert (first.key, first.first_sync, first.rows) == (1, True, ())
    assert (newest.key, newest.finished_at, newest.previous_finished_at) == (key, at(11), at(1))
    assert (newest.completed, newest.full, newest.first_sync, newest.problems) == (True, True, False, 2)
    assert (newest.link_changes, newest.new_usages, newest.usage_changes) == (1, 1, 1)
    link_row, paid, moved = newest.rows
    assert (link_row.kind, link_row.link_id, link_row.status_before, link_row.status) == (
        sync_history.KIND_LINK, "link-2", "ACTIVE", "DISABLED",
    )  # fmt: skip
    assert link_row.link_name == "REF-2"  # no name: the reference, as display_name
    assert (paid.kind, paid.usage_id, paid.outcome, paid.outcome_before) == (
        sync_history.KIND_NEW_USAGE, "u-paid", Outcome.COLLECTED, None,
    )  # fmt: skip
    assert (paid.link_name, paid.amount, paid.currency) == ("Link link-1", "1500.10", "AED")
    assert (moved.kind, moved.status_before, moved.status) == (
        sync_history.KIND_MOVED_USAGE,
        "STARTED",
        "FAILED",
    )
    assert (moved.outcome_before, moved.outcome) == (Outcome.STARTED, Outcome.FAILED)


def test_a_first_sync_keeps_no_payment_rows_only_counts(
    cache: LinkCache, make_link: LinkFactory, at: Callable[[float], datetime]
) -> None:
    cache.store_listing([make_link("link-1")], at(0), complete=True)
    _record(cache, at(1), links_added=1, new_usages=[_new("link-1", f"u-{i}") for i in range(3)])
    (report,) = _reports(cache)
    assert (report.first_sync, report.new_usages, report.rows) == (True, 3, ())


def test_only_the_last_100_reports_are_kept(cache: LinkCache, at: Callable[[float], datetime]) -> None:
    for n in range(105):
        _record(cache, at(n), new_usages=[_new("link-x", f"u-{n}")])
    assert cache.read("test", sync_history.count) == 100
    kept = _reports(cache, last=1000)
    assert [r.key for r in kept] == list(range(105, 5, -1))
    assert [r.rows[0].usage_id for r in kept[-1:]] == ["u-5"]
    orphans = cache.read(
        "test",
        lambda conn: conn.execute(
            "SELECT count(*) FROM sync_report_rows WHERE report_key NOT IN (SELECT key FROM sync_reports)"
        ).fetchone()[0],
    )
    assert orphans == 0


def test_a_report_of_50000_payments_keeps_5000_rows_the_collected_first_and_the_true_counts(
    cache: LinkCache, cache_path: Path, make_link: LinkFactory, at: Callable[[float], datetime]
) -> None:
    cache.store_listing([make_link("link-1")], at(0), complete=True)
    _record(cache, at(1), links_added=1)
    started = [_new("link-1", f"s-{i}", after="STARTED") for i in range(49_990)]
    collected = [_new("link-1", f"c-{i}", payment="ACCEPTED_BY_BANK") for i in range(10)]
    moved = [
        UsageChange("link-1", f"m-{i}", UsageStatus.STARTED, UsageStatus.FAILED, None, None)
        for i in range(20)
    ]
    _record(cache, at(2), new_usages=started + collected, usage_changes=moved)
    (report,) = _reports(cache)
    assert (report.new_usages, report.usage_changes) == (50_000, 20)
    assert len(report.rows) == sync_history.MAX_ROWS
    assert [r.usage_id for r in report.rows[:10]] == [f"c-{i}" for i in range(10)]
    assert all(r.kind == sync_history.KIND_NEW_USAGE for r in report.rows)
    assert cache_path.stat().st_size < 8 * 2**20


def test_link_changes_between_two_syncs_come_from_the_history_once_per_link(
    cache: LinkCache, make_link: LinkFactory, at: Callable[[float], datetime]
) -> None:
    links = [make_link("link-1"), make_link("link-2"), make_link("link-3")]
    cache.store_listing(links, at(0), complete=True)
    _record(cache, at(1), links_added=3)
    # This workstation disabled link-1 between the syncs (the action stores Lean's answer) ...
    cache.store_link(make_link("link-1", status=LinkStatus.DISABLED), at(2))
    # ... and link-3 was disabled and enabled again: no change to report.
    cache.store_link(make_link("link-3", status=LinkStatus.DISABLED), at(3))
    cache.store_link(make_link("link-3"), at(4))
    # The sync itself sees link-2 expire.
    changes = cache.store_listing(
        [
            make_link("link-1", status=LinkStatus.DISABLED),
            make_link("link-2", status=LinkStatus.EXPIRED),
            links[2],
        ],
        at(5),
        complete=True,
    )
    _record(cache, at(6), status_changes=[c for c in changes if c.before is not None])
    (report,) = _reports(cache)
    moves = {r.link_id: (r.status_before, r.status, r.seen_at) for r in report.rows}
    assert moves == {"link-1": ("ACTIVE", "DISABLED", at(2)), "link-2": ("ACTIVE", "EXPIRED", at(5))}


def test_alerts_name_active_links_expiring_within_a_day_or_near_their_limit(
    cache: LinkCache, make_link: LinkFactory, at: Callable[[float], datetime]
) -> None:
    now = at(0)
    links = [
        make_link("soon", expires_at=now + timedelta(hours=3)),
        make_link("later", expires_at=now + timedelta(hours=30)),
        make_link("past", expires_at=now - timedelta(minutes=1)),
        make_link("full-ish", max_usages=10, current_usages=9),
        make_link("full", max_usages=10, current_usages=10),
        make_link("half", max_usages=10, current_usages=5),
        make_link("off", status=LinkStatus.DISABLED, expires_at=now + timedelta(hours=1)),
    ]
    cache.store_listing(links, now, complete=True)
    rows, total = cache.read("test", partial(sync_history.alerts, now=now, soon=now + timedelta(hours=24)))
    assert [r[0] for r in rows] == ["soon", "full-ish"]
    assert total == 2
    rows, total = cache.read(
        "test", partial(sync_history.alerts, now=now, soon=now + timedelta(hours=24), limit=1)
    )
    assert ([r[0] for r in rows], total) == (["soon"], 2)


def _version_6_cache(path: Path, raw: Raw) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = raw(path)
    try:
        assert migrate(conn, path, MIGRATIONS[:6]) == 6
        conn.execute(
            "INSERT INTO links (key, id, url, status, current_usages, amount, currency, reference, name, "
            "identifiers, confirmed_at, first_seen_at, name_key) VALUES (1, 'link-a', 'https://pay.example/l', "
            "'ACTIVE', 0, '1.500', 'KWD', 'INV-1', 'Link A', '[]', ?, ?, 'link a')",
            ("2026-02-01T08:00:00.000000Z", "2026-02-01T08:00:00.000000Z"),
        )
        assert "sync_reports" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()


def test_a_schema_6_cache_gains_the_report_tables_and_keeps_its_rows(
    cache_path: Path, raw_connection: Raw, at: Callable[[float], datetime]
) -> None:
    _version_6_cache(cache_path, raw_connection)
    with LinkCache.open(cache_path) as cache:
        assert [c.link.id for c in cache.links()] == ["link-a"]
        assert _reports(cache) == []
        # Not the cache's first sync (it held a link before): a new payment is news.
        _record(cache, at(1), new_usages=[_new("link-a", "u-1", payment="ACCEPTED_BY_BANK")])
        (report,) = _reports(cache)
        assert (report.first_sync, [r.usage_id for r in report.rows]) == (False, ["u-1"])
        assert (report.rows[0].amount, report.rows[0].currency) == ("1.500", "KWD")
    conn = raw_connection(cache_path)
    try:
        versions = [row[0] for row in conn.execute("SELECT version FROM schema_version ORDER BY 1")]
    finally:
        conn.close()
    assert SCHEMA_VERSION == 7
    assert versions == list(range(1, 8))
