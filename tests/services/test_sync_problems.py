"""One bad answer costs one link, never the whole sync: problems, the listing's gaps, Lean going quiet.

Every test runs the real engine against the simulator over loopback into a real SQLite cache;
the simulator's fault kinds produce the hostile answers.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from linkmanager.api import LeanClient
from linkmanager.services.sync import ProblemKind, SyncEngine, SyncFailed
from linkmanager.simulator import FaultSpec, Simulator
from linkmanager.storage import cache_writes
from linkmanager.storage.cache import CacheReadOnlyError, LinkCache

from .conftest import FAST_RETRIES, client_for, snapshot

LISTING = "/payment-links/v1?"  # list requests only (a link's own URLs go on with "/")


def usages_of(link_id: str) -> str:
    return f"/payment-links/v1/{link_id}/usages"


def busy_link(cache: LinkCache) -> str:
    """A cached link with several usages."""
    return max(cache.links(), key=lambda c: (c.usage_count, c.link.id)).link.id


def test_a_malformed_usage_costs_its_link_only_until_a_sync_reads_it_well(
    sim: Simulator, client: LeanClient, cache: LinkCache
) -> None:
    engine = SyncEngine(client, cache)
    engine.run()
    victim = busy_link(cache)
    before = snapshot(cache)
    sim.faults.queue("bad-usage:usage_status-number", path_prefix=usages_of(victim))
    report = engine.run(full=True)
    assert report.completed
    assert not report.complete
    assert [(p.link_id, p.what) for p in report.problems] == [(victim, ProblemKind.USAGES_MALFORMED)]
    assert "usage_status" in report.problems[0].detail
    assert '"usage_status":' in report.problems[0].raw  # the record as Lean sent it, for inspection
    assert report.usage_reads == 149  # every other link was read (a full sync)
    assert snapshot(cache) == before  # the problem link keeps exactly what it had
    stored = cache.problems()
    assert [(p.link_id, p.what) for p in stored] == [(victim, ProblemKind.USAGES_MALFORMED)]
    assert stored[0].since is not None
    assert stored[0].since == stored[0].seen_at
    # The next sync reads the problem link again (no rule would otherwise) and the problem is over.
    report = engine.run()
    assert report.complete
    assert cache.problems() == []


def test_a_usage_naming_another_link_is_a_problem_not_data(
    sim: Simulator, client: LeanClient, cache: LinkCache
) -> None:
    engine = SyncEngine(client, cache)
    engine.run()
    victim = busy_link(cache)
    before = cache.usages(victim)
    sim.faults.queue("foreign-usage", path_prefix=usages_of(victim))
    report = engine.run(full=True)
    assert [(p.link_id, p.what) for p in report.problems] == [(victim, ProblemKind.USAGES_INCONSISTENT)]
    assert "names another link" in report.problems[0].detail
    assert cache.usages(victim) == before


def test_a_malformed_listing_record_costs_that_record_and_keeps_what_was_cached(
    sim: Simulator, client: LeanClient, cache: LinkCache
) -> None:
    engine = SyncEngine(client, cache)
    engine.run()
    first_listed = client.links_page(0, 1).items[0].id
    held = cache.link(first_listed)
    assert held is not None
    for variant in ("amount-huge", "current_usages-huge", "link-javascript", "expires_at-garbage"):
        sim.faults.queue(f"bad-link:{variant}", path_prefix=LISTING)
        report = engine.run()
        assert [(p.link_id, p.what) for p in report.problems] == [
            (first_listed, ProblemKind.LINK_MALFORMED)
        ], variant
        assert report.links_seen == 149
        kept = cache.link(first_listed)
        assert kept is not None
        assert kept.link == held.link
        assert kept.confirmed_at == held.confirmed_at
        assert kept.missing_since is None  # listed, if unreadably: not gone
    # Nothing out of range was stored: every cached amount and count is a sane one.
    assert all(c.link.amount.amount < 10**12 and c.link.current_usages < 10**9 for c in cache.links())
    assert all(c.link.url.startswith("https://") for c in cache.links())
    report = engine.run()
    assert report.complete
    assert cache.problems() == []


def test_a_listing_record_without_an_id_marks_nothing_as_gone(
    sim: Simulator, client: LeanClient, cache: LinkCache
) -> None:
    engine = SyncEngine(client, cache)
    engine.run()
    sim.faults.queue("bad-link:id-null", path_prefix=LISTING)
    report = engine.run()
    assert [(p.link_id, p.what) for p in report.problems] == [(None, ProblemKind.LINK_MALFORMED)]
    assert report.links_missing == 0
    assert all(c.missing_since is None for c in cache.links())


def test_a_listing_page_that_cannot_be_read_keeps_its_links(sim: Simulator, cache: LinkCache) -> None:
    with client_for(sim, retry=FAST_RETRIES) as client:
        engine = SyncEngine(client, cache)
        engine.run()
        before = {c.link.id: c.confirmed_at for c in cache.links()}
        sim.faults.queue("500", count=100, method="GET", path_prefix=LISTING + "page=1")
        report = engine.run()
    assert report.completed
    assert [(p.link_id, p.what) for p in report.problems] == [(None, ProblemKind.PAGE_UNREADABLE)]
    assert "Page 2 of the links could not be read" in report.problems[0].detail
    after = {c.link.id: c for c in cache.links()}
    assert after.keys() == before.keys()
    assert all(c.missing_since is None for c in after.values())
    refreshed = [i for i, c in after.items() if c.confirmed_at > before[i]]
    assert len(refreshed) == 100  # page 1 (the first page) was stored; page 2's links keep their old time


def test_absurd_listing_totals_cost_a_problem_not_a_billion_requests(
    sim: Simulator, client: LeanClient, cache: LinkCache
) -> None:
    sim.faults.queue("page-lie", path_prefix=LISTING + "page=0")
    asked_before = sim.requests[("GET", "list_links")]
    report = SyncEngine(client, cache).run()
    asked = sim.requests[("GET", "list_links")] - asked_before
    assert asked == 2  # page 0, then (totals that lie say nothing of how far to read) one page at a time
    assert [(p.link_id, p.what) for p in report.problems] == [(None, ProblemKind.PAGE_TOTALS)]
    assert "cannot be true" in report.problems[0].detail
    assert len(cache.links()) == 150
    assert report.links_missing == 0


def test_absurd_usage_totals_are_a_problem_for_that_link(
    sim: Simulator, client: LeanClient, cache: LinkCache
) -> None:
    engine = SyncEngine(client, cache)
    engine.run()
    victim = busy_link(cache)
    before = cache.usages(victim)
    sim.faults.queue("page-lie", path_prefix=usages_of(victim))
    report = engine.run(full=True)
    assert [(p.link_id, p.what) for p in report.problems] == [(victim, ProblemKind.USAGES_INCONSISTENT)]
    assert '"total_pages": 1000000000' in report.problems[0].raw
    assert cache.usages(victim) == before


def test_an_enormous_answer_costs_one_link(sim: Simulator, client: LeanClient, cache: LinkCache) -> None:
    engine = SyncEngine(client, cache)
    engine.run()
    victim = busy_link(cache)
    sim.faults.queue("huge:50", count=10, path_prefix=usages_of(victim))
    report = engine.run(full=True)
    assert [(p.link_id, p.what) for p in report.problems] == [(victim, ProblemKind.USAGES_MALFORMED)]
    assert "larger than" in report.problems[0].detail


def test_lean_going_quiet_mid_sync_ends_it_as_offline_naming_the_stall(
    sim: Simulator, cache: LinkCache
) -> None:
    with client_for(sim) as client:
        SyncEngine(client, cache).run()
    before = snapshot(cache)
    # Every request for a link's own data trickles one byte a second; each request gives up at
    # its one-second deadline, and the sync stops once Lean has clearly stopped answering.
    sim.faults.queue("drip:1000", count=10_000, path_prefix="/payment-links/v1/")
    started = time.monotonic()
    with client_for(sim, deadline=1.0) as client, pytest.raises(SyncFailed) as failed:
        SyncEngine(client, cache, concurrency=4).run(full=True)
    assert time.monotonic() - started < 30
    assert failed.value.offline
    message = str(failed.value)
    assert "Lean stopped answering during the sync" in message
    assert "no complete answer within 1 s" in message
    assert snapshot(cache) == before


def test_an_unexpected_error_costs_one_link(
    sim: Simulator, client: LeanClient, cache: LinkCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = SyncEngine(client, cache)
    engine.run()
    victim = busy_link(cache)
    store = cache_writes.put_usages

    def store_with_a_bug(conn: Any, link_id: str, *args: Any) -> Any:
        if link_id == victim:  # no real component can be made to have a bug on purpose
            raise ZeroDivisionError("division by zero")
        return store(conn, link_id, *args)

    monkeypatch.setattr(cache_writes, "put_usages", store_with_a_bug)
    report = engine.run(full=True)
    assert report.completed
    assert [(p.link_id, p.what) for p in report.problems] == [(victim, ProblemKind.INTERNAL)]
    assert "ZeroDivisionError" in report.problems[0].detail
    assert len(report.new_usages) == 0  # a full sync of an unchanged account: nothing new, and no crash


def test_a_read_only_cache_is_refused_before_anything_is_asked(sim: Simulator, tmp_path: Path) -> None:
    path = tmp_path / "ro.sqlite3"
    LinkCache.open(path).close()
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
    with client_for(sim) as client, LinkCache(conn, path, read_only="read-only file system") as cache:
        asked = sum(sim.requests.values())
        with pytest.raises(SyncFailed) as failed:
            SyncEngine(client, cache).run()
    assert isinstance(failed.value.cause, CacheReadOnlyError)
    assert "read-only file system" in str(failed.value)
    assert "rebuild" not in str(failed.value)
    assert sum(sim.requests.values()) == asked


# -- the issue's own measures: a faulty Lean ends with the same cache; bad records cost their links


def test_5xx_drops_and_rate_limits_end_with_every_link_a_clean_sync_caches(
    sim: Simulator, client: LeanClient, tmp_path: Path
) -> None:
    with LinkCache.open(tmp_path / "clean.sqlite3") as clean:
        SyncEngine(client, clean).run()
        expected = snapshot(clean)
    sim.faults.spec = FaultSpec.parse("429=0.1:0,500=0.05,503=0.05,drop=0.05,token:503=0.2")
    with client_for(sim, retry=FAST_RETRIES) as flaky, LinkCache.open(tmp_path / "flaky.sqlite3") as cache:
        report = SyncEngine(flaky, cache).run()
        assert report.complete, report.problems
        assert sim.faults.applied["500"] > 0
        assert flaky.stats.retries > 0
        assert snapshot(cache) == expected


def test_bad_and_foreign_usages_cost_their_links_and_nothing_else(
    sim: Simulator, client: LeanClient, tmp_path: Path
) -> None:
    with LinkCache.open(tmp_path / "clean.sqlite3") as clean:
        SyncEngine(client, clean).run()
        expected = snapshot(clean)
    sim.faults.spec = FaultSpec.parse("bad-usage=0.02,foreign-usage=0.02")
    with LinkCache.open(tmp_path / "faulty.sqlite3") as cache:
        report = SyncEngine(client, cache).run()
        assert report.completed
        assert not report.complete
        bad = set(report.problem_links)
        assert bad
        assert all(p.link_id in bad for p in report.problems)
        assert {p.what for p in report.problems} <= {
            ProblemKind.USAGES_MALFORMED,
            ProblemKind.USAGES_INCONSISTENT,
        }
        got = snapshot(cache)
        assert got.keys() == expected.keys()  # every link cached
        for link_id, (link, usages) in expected.items():
            assert got[link_id][0] == link
            if link_id not in bad:
                assert got[link_id][1] == usages
            else:
                assert got[link_id][1] == ()  # nothing half-read was stored


def test_a_stalled_first_page_ends_the_sync_at_its_deadline_not_after_second_chances(
    sim: Simulator, cache: LinkCache
) -> None:
    sim.faults.queue("drip:2000", count=100, path_prefix=LISTING)
    with client_for(sim, deadline=1.0) as client, pytest.raises(SyncFailed) as failed:
        SyncEngine(client, cache).run()
    assert failed.value.offline
    assert "no complete answer within 1 s" in str(failed.value)
    assert sim.requests[("GET", "list_links")] == 1  # one stalled request; nothing tried behind it
