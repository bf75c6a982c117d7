"""The sync engine against the simulator over loopback, into a real SQLite cache."""

from __future__ import annotations

import math
import threading
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from linkmanager.api import LeanClient, LeanTransportError
from linkmanager.api.retry import RetryPolicy
from linkmanager.domain.lifecycle import usage_is_settled
from linkmanager.domain.models import PaymentDetails, PaymentLink, utc_now
from linkmanager.domain.money import Money
from linkmanager.domain.status import LinkStatus
from linkmanager.services.sync import (
    SchedulePolicy,
    SyncCancelled,
    SyncEngine,
    SyncFailed,
    SyncProgress,
    UsageAction,
    plan_usages,
)
from linkmanager.services.sync_plan import Schedule
from linkmanager.simulator import FaultSpec, Simulator
from linkmanager.storage.cache import LinkCache, SyncMarks

from .conftest import FAST_RETRIES, client_for, server_snapshot, snapshot


def test_a_first_sync_caches_every_link_and_usage_exactly(
    sim: Simulator, client: LeanClient, cache: LinkCache
) -> None:
    report = SyncEngine(client, cache).run()
    assert report.completed
    assert report.links_seen == 150
    assert len(report.links_added) == 150
    assert report.status_changes == []
    assert snapshot(cache) == server_snapshot(sim, client)
    assert cache.sync_state().last_full_sync is not None
    assert report.usage_reads == 150
    usage_pages = sum(max(1, math.ceil(len(cache.usages(c.link.id)) / 100)) for c in cache.links())
    assert report.requests == 1 + 2 + usage_pages  # token, two pages of links, each link's usage pages
    assert len(report.new_usages) == sum(len(cache.usages(c.link.id)) for c in cache.links())


def test_a_resync_with_no_change_asks_only_what_can_have_changed(
    client: LeanClient, cache: LinkCache
) -> None:
    SyncEngine(client, cache).run()
    before = snapshot(cache)
    report = SyncEngine(client, cache).run()
    unsettled = [c for c in cache.links() if c.unsettled_usages]
    # The two link pages, one read per link with a usage still unsettled, and the rolling share of
    # confirmations for the seconds since the last sync (a link or two at most).
    assert report.usage_reads == len(unsettled)
    assert report.usage_probes <= 2
    assert report.requests == 2 + report.usage_reads + report.usage_probes
    assert report.usage_skips == 150 - report.usage_reads - report.usage_probes
    assert report.links_added == report.status_changes == report.new_usages == report.usage_changes == []
    assert report.complete
    assert snapshot(cache) == before


def test_a_resync_after_activity_finds_payments_at_once_and_attempts_within_the_bound(
    sim: Simulator, client: LeanClient, cache: LinkCache
) -> None:
    now = [utc_now()]
    engine = SyncEngine(client, cache, clock=lambda: now[0])
    engine.run()
    active = sim.state.link_ids(status="ACTIVE")[:2]
    started = sim.state.add_usage(active[0], status="STARTED")["usage_id"]
    paid = sim.state.add_usage(active[1], status="PAYMENT_CREATED")["usage_id"]
    now[0] += timedelta(minutes=5)
    report = engine.run()
    # A successful payment moves the link's count in the listing: read at once.
    assert [(c.link_id, c.usage_id) for c in report.new_usages] == [(active[1], paid)]
    # An attempt not yet paid changes nothing Lean lists: found when the link is confirmed, within
    # the freshness bound (60 minutes by default).
    now[0] += timedelta(minutes=60)
    report = engine.run()
    assert [(c.link_id, c.usage_id, c.before) for c in report.new_usages] == [(active[0], started, None)]
    # An unsettled usage is read every sync: its change shows on the next one.
    sim.state.update_usage(started, "PAYMENT_CREATED", "ACCEPTED_BY_BANK")
    now[0] += timedelta(minutes=1)
    report = engine.run()
    assert [(c.usage_id, c.before, c.after, c.payment_status_after) for c in report.usage_changes] == [
        (started, "STARTED", "PAYMENT_CREATED", "ACCEPTED_BY_BANK")
    ]
    assert snapshot(cache) == server_snapshot(sim, client)


def test_a_link_that_expires_is_reported_and_then_left_alone(
    sim: Simulator, client: LeanClient, cache: LinkCache
) -> None:
    SyncEngine(client, cache).run()
    expiring = [c.link for c in cache.links(LinkStatus.ACTIVE) if c.link.expires_at is not None]
    latest = max(link.expires_at for link in expiring if link.expires_at)
    sim.clock.advance((latest - sim.clock.now()).total_seconds() + 60)
    report = SyncEngine(client, cache).run()
    moved = {c.link_id: (c.before, c.after) for c in report.status_changes}
    for link in expiring:
        assert moved[link.id] == (LinkStatus.ACTIVE, LinkStatus.EXPIRED)


NOW = utc_now()


def marks_of(
    status: LinkStatus,
    confirmed: LinkStatus | None,
    *,
    unsettled: int = 0,
    count: int = 3,
    paid: int = 0,
    age: timedelta = timedelta(0),
    read_age: timedelta = timedelta(0),
) -> SyncMarks:
    return SyncMarks(
        current_usages=paid,
        status=status,
        usages_confirmed_at=None if confirmed is None else NOW - age,
        usages_confirmed_status=confirmed,
        usages_read_at=None if confirmed is None else NOW - read_age,
        usage_count=count,
        unsettled_usages=unsettled,
    )


def listed(status: LinkStatus, paid: int = 0, link_id: str = "l") -> PaymentLink:
    return PaymentLink(link_id, "https://x", status, paid, PaymentDetails(Money(Decimal(1), "AED"), "R"))


def test_planning_rules() -> None:
    now = NOW
    active, used, disabled = LinkStatus.ACTIVE, LinkStatus.USED, LinkStatus.DISABLED
    assert plan_usages(listed(active), None, now) is UsageAction.READ  # new to the cache
    assert plan_usages(listed(active), marks_of(active, None), now) is UsageAction.READ  # never confirmed
    assert plan_usages(listed(used), marks_of(used, used), now) is UsageAction.SKIP
    assert plan_usages(listed(used), marks_of(used, used, unsettled=1), now) is UsageAction.READ
    assert plan_usages(listed(active), marks_of(active, active), now) is UsageAction.SKIP  # fresh
    hour = timedelta(minutes=60)
    assert plan_usages(listed(active), marks_of(active, active, age=hour), now) is UsageAction.PROBE
    assert plan_usages(listed(disabled), marks_of(disabled, disabled, age=hour), now) is UsageAction.PROBE
    assert (
        plan_usages(listed(used), marks_of(used, active), now) is UsageAction.PROBE
    )  # became terminal: once more
    policy = SchedulePolicy(freshness=timedelta(minutes=10))
    ten = marks_of(active, active, age=timedelta(minutes=10))
    assert plan_usages(listed(active), ten, now, policy=policy) is UsageAction.PROBE
    # Settled usages are read in full at least daily, terminal links too: a bank can reverse a payment.
    day = timedelta(days=1)
    assert plan_usages(listed(used), marks_of(used, used, read_age=day), now) is UsageAction.REREAD
    assert plan_usages(listed(used), marks_of(used, used, count=0, read_age=day), now) is UsageAction.SKIP
    assert plan_usages(listed(used), marks_of(used, used), now, full=True) is UsageAction.REREAD
    # A time in the future (the clock was set back) is not believed.
    ahead = marks_of(active, active, age=-timedelta(hours=3))
    assert plan_usages(listed(active), ahead, now) is UsageAction.PROBE
    # A link left with a problem by an earlier sync is read again.
    retry = Schedule(retry=frozenset({"l"}))
    assert plan_usages(listed(used), marks_of(used, used), now, schedule=retry) is UsageAction.READ


def test_a_moved_payment_count_forces_a_read() -> None:
    now = NOW
    marks = marks_of(LinkStatus.USED, LinkStatus.USED, paid=2, count=2)
    assert plan_usages(listed(LinkStatus.USED, paid=2), marks, now) is UsageAction.SKIP
    assert plan_usages(listed(LinkStatus.USED, paid=3), marks, now) is UsageAction.READ


def test_sync_under_faults_ends_with_the_same_cache(
    sim: Simulator, client: LeanClient, tmp_path: Path
) -> None:
    with LinkCache.open(tmp_path / "clean.sqlite3") as clean:
        SyncEngine(client, clean).run()
        expected = snapshot(clean)
    sim.faults.spec = FaultSpec.parse("429=0.1:0,503=0.1,502=0.05,drop=0.05")
    with client_for(sim, retry=FAST_RETRIES) as flaky, LinkCache.open(tmp_path / "flaky.sqlite3") as cache:
        report = SyncEngine(flaky, cache).run()
        assert report.completed
        assert flaky.stats.retries > 0
        assert sum(sim.faults.applied.values()) > 0
        assert snapshot(cache) == expected


def test_a_server_that_dies_mid_sync_leaves_the_cache_whole(
    sim: Simulator, client: LeanClient, cache: LinkCache
) -> None:
    SyncEngine(client, cache).run()
    before = snapshot(cache)
    finished = cache.sync_state().last_full_sync
    for link_id in sim.state.link_ids(status="ACTIVE")[:20]:
        sim.state.add_usage(link_id, status="STARTED")

    def kill_midway(progress: SyncProgress) -> None:
        if progress.usage_links_done == 5:
            threading.Thread(target=sim.stop).start()

    with (
        client_for(sim, retry=RetryPolicy(attempts=2, base_delay=0.01)) as dying,
        pytest.raises(SyncFailed) as failed,
    ):
        SyncEngine(dying, cache, concurrency=2).run(full=True, progress=kill_midway)
    assert isinstance(failed.value.cause, LeanTransportError)
    assert "Everything cached before is kept" in str(failed.value)
    assert cache.sync_state().last_full_sync == finished
    after = snapshot(cache)
    assert after.keys() == before.keys()
    for link_id, (link, usages) in before.items():
        # Every link holds either its old usages or the newer complete list, never a mix or less.
        assert after[link_id][0] == link
        assert set(usages) <= set(after[link_id][1]) or after[link_id][1] == usages


def test_cancel_stops_between_requests_and_keeps_the_cache(client: LeanClient, cache: LinkCache) -> None:
    cancel = threading.Event()

    def cancel_after_first_page(progress: SyncProgress) -> None:
        if progress.link_pages_done >= 1:
            cancel.set()

    with pytest.raises(SyncCancelled):
        SyncEngine(client, cache).run(progress=cancel_after_first_page, cancel=cancel)
    assert cache.sync_state().last_full_sync is None


def test_one_sync_at_a_time(client: LeanClient, cache: LinkCache) -> None:
    engine = SyncEngine(client, cache)
    gate = threading.Event()
    release = threading.Event()
    errors: list[BaseException] = []

    def slow_progress(_: SyncProgress) -> None:
        gate.set()
        release.wait(5)

    worker = threading.Thread(target=lambda: engine.run(progress=slow_progress))
    worker.start()
    gate.wait(5)
    try:
        engine.run()
    except RuntimeError as exc:
        errors.append(exc)
    release.set()
    worker.join(30)
    assert errors
    assert "already running" in str(errors[0])


def test_settled_usages_are_what_the_skip_rule_relies_on(client: LeanClient, cache: LinkCache) -> None:
    SyncEngine(client, cache).run()
    for c in cache.links():
        usages = cache.usages(c.link.id)
        assert c.usage_count == len(usages)
        assert c.unsettled_usages == sum(1 for u in usages if not usage_is_settled(u))
        assert c.usages_confirmed_at is not None
        assert c.usages_confirmed_at - c.confirmed_at < timedelta(minutes=5)


@pytest.mark.parametrize("pending_first", [True, False])
def test_a_busy_link_with_a_pending_payment_is_not_read_again_whole(
    tmp_path: Path, pending_first: bool
) -> None:
    with (
        Simulator(links=0) as sim,
        client_for(sim) as client,
        LinkCache.open(tmp_path / "c.sqlite3") as cache,
    ):
        busy = sim.state.create_link({"payment_details": {"reference": "R", "currency": "AED", "amount": 5}})[
            "id"
        ]
        if not pending_first:  # the oldest usage: on the last page of a newest-first list
            pending = sim.state.add_usage(busy, status="STARTED")["usage_id"]
        for _ in range(320):
            sim.state.add_usage(busy, status="FAILED")
        if pending_first:
            pending = sim.state.add_usage(busy, status="STARTED")["usage_id"]
        engine = SyncEngine(client, cache)
        engine.run()
        sim.state.update_usage(pending, "PAYMENT_CREATED", "ACCEPTED_BY_BANK")
        before = sim.requests.copy()
        report = engine.run()
        asked = sim.requests - before
        assert [(c.usage_id, c.after) for c in report.usage_changes] == [(pending, "PAYMENT_CREATED")]
        # Four pages of usages, yet only the first is read, plus one GET when the pending usage was elsewhere.
        assert asked[("GET", "list_usages")] == 1
        assert asked[("GET", "get_usage")] == (0 if pending_first else 1)
        assert cache.usages(busy) == client.list_usages(busy)


def test_a_clock_running_ahead_never_makes_a_live_link_be_skipped(
    sim: Simulator, client: LeanClient, cache: LinkCache
) -> None:
    from datetime import UTC, datetime

    soon = (sim.clock.now() + timedelta(seconds=60)).astimezone(UTC).isoformat().replace("+00:00", "Z")
    link_id = sim.state.create_link(
        {"expires_at": soon, "payment_details": {"reference": "SKEW", "currency": "AED", "amount": 5}}
    )["id"]

    def ahead() -> datetime:
        return datetime.now(UTC) + timedelta(minutes=2)  # this computer's clock runs 2 minutes fast

    engine = SyncEngine(client, cache, clock=ahead)
    engine.run()
    paid = sim.state.add_usage(link_id, status="PAYMENT_CREATED")["usage_id"]
    report = engine.run()
    assert paid in {c.usage_id for c in report.new_usages}
    assert [u.usage_id for u in cache.usages(link_id)] == [paid]
