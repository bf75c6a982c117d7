"""The sync engine against the simulator over loopback, into a real SQLite cache."""

from __future__ import annotations

import math
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from linkmanager.api import ApiEndpoints, Credentials, LeanClient, LeanTransportError
from linkmanager.api.retry import RetryPolicy
from linkmanager.domain.lifecycle import TERMINAL, usage_is_settled
from linkmanager.domain.status import LinkStatus
from linkmanager.services.sync import (
    SyncCancelled,
    SyncEngine,
    SyncFailed,
    SyncProgress,
    UsageAction,
    plan_usages,
)
from linkmanager.simulator import FaultSpec, Simulator
from linkmanager.storage.cache import LinkCache

FAST_RETRIES = RetryPolicy(attempts=8, base_delay=0.01, max_delay=0.05, max_retry_after=0.05)


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(seed=5, links=150) as simulator:
        yield simulator


def client_for(sim: Simulator, **kwargs: Any) -> LeanClient:
    kwargs.setdefault("timeout", httpx.Timeout(10.0, connect=2.0))
    return LeanClient(
        ApiEndpoints(sim.api_url, sim.token_url), Credentials(sim.client_id, sim.client_secret), **kwargs
    )


@pytest.fixture
def client(sim: Simulator) -> Iterator[LeanClient]:
    with client_for(sim) as lean:
        yield lean


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[LinkCache]:
    with LinkCache.open(tmp_path / "cache.sqlite3") as opened:
        yield opened


def snapshot(cache: LinkCache) -> dict[str, Any]:
    """Everything the cache holds about links and usages (not when it learned it)."""
    return {c.link.id: (c.link, tuple(cache.usages(c.link.id))) for c in cache.links()}


def server_snapshot(sim: Simulator, client: LeanClient) -> dict[str, Any]:
    return {link.id: (link, tuple(client.list_usages(link.id))) for link in client.list_links()}


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
    can_change = [
        c for c in cache.links() if not (c.usages_confirmed_status in TERMINAL and c.unsettled_usages == 0)
    ]
    # One request per link that can change; a link with several pages of usages whose pending
    # ones are not all on its first page needs one more request for each (or for each page).
    extra = sum(
        min(c.unsettled_usages, math.ceil(c.usage_count / 100) - 1)
        for c in can_change
        if c.unsettled_usages and c.usage_count > 100
    )
    assert 2 + len(can_change) <= report.requests <= 2 + len(can_change) + extra
    assert report.usage_skips == 150 - len(can_change)
    assert report.links_added == report.status_changes == report.new_usages == report.usage_changes == []
    assert snapshot(cache) == before


def test_a_resync_after_activity_finds_new_and_changed_usages(
    sim: Simulator, client: LeanClient, cache: LinkCache
) -> None:
    SyncEngine(client, cache).run()
    active = sim.state.link_ids(status="ACTIVE")[0]
    new_id = sim.state.add_usage(active, status="STARTED")["usage_id"]
    report = SyncEngine(client, cache).run()
    assert [(c.link_id, c.usage_id, c.before) for c in report.new_usages] == [(active, new_id, None)]
    sim.state.update_usage(new_id, "PAYMENT_CREATED", "ACCEPTED_BY_BANK")
    report = SyncEngine(client, cache).run()
    assert [(c.usage_id, c.before, c.after, c.payment_status_after) for c in report.usage_changes] == [
        (new_id, "STARTED", "PAYMENT_CREATED", "ACCEPTED_BY_BANK")
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


def test_planning_rules() -> None:
    from linkmanager.storage.cache import CachedLink

    def cached(status: LinkStatus, confirmed: LinkStatus | None, unsettled: int = 0) -> CachedLink:
        from decimal import Decimal

        from linkmanager.domain.models import PaymentDetails, PaymentLink, utc_now
        from linkmanager.domain.money import Money

        link = PaymentLink("l", "https://x", status, 0, PaymentDetails(Money(Decimal(1), "AED"), "R"))
        now = utc_now()
        return CachedLink(link, now, None if confirmed is None else now, confirmed, None, 3, unsettled)

    from linkmanager.domain.models import utc_now

    now = utc_now()
    assert plan_usages(cached(LinkStatus.ACTIVE, None), now) is UsageAction.READ
    assert plan_usages(cached(LinkStatus.USED, LinkStatus.USED), now) is UsageAction.SKIP
    assert plan_usages(cached(LinkStatus.USED, LinkStatus.USED, unsettled=1), now) is UsageAction.READ
    assert plan_usages(cached(LinkStatus.USED, LinkStatus.ACTIVE), now) is UsageAction.PROBE
    assert plan_usages(cached(LinkStatus.DISABLED, LinkStatus.DISABLED), now) is UsageAction.PROBE
    assert plan_usages(cached(LinkStatus.USED, LinkStatus.USED), now, full=True) is UsageAction.READ


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


def test_a_moved_payment_count_forces_a_read() -> None:
    from decimal import Decimal

    from linkmanager.domain.models import PaymentDetails, PaymentLink, utc_now
    from linkmanager.domain.money import Money
    from linkmanager.storage.cache import CachedLink

    now = utc_now()
    link = PaymentLink(
        "l", "https://x", LinkStatus.USED, 2, PaymentDetails(Money(Decimal(1), "AED"), "R"), max_usages=2
    )
    cached = CachedLink(link, now, now, LinkStatus.USED, None, 2, 0)
    assert plan_usages(cached, now, paid_before=2) is UsageAction.SKIP
    assert plan_usages(cached, now, paid_before=1) is UsageAction.READ
