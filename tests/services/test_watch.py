"""LinkWatcher against a real simulator, a real client and a real cache file.

Time between polls is a hand-moved monotonic clock: a test says "2 s later" and polls, so
nothing waits; the simulator's payer on demand (Simulator.pay) is the customer.
"""

from __future__ import annotations

import datetime as dt
import inspect
import threading
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest

from linkmanager.api import LeanClient
from linkmanager.api.errors import LeanTransportError
from linkmanager.api.retry import RetryPolicy
from linkmanager.domain import LinkStatus, Money, UsageStatus
from linkmanager.domain.models import NewPaymentLink, PaymentDetails, PaymentLink
from linkmanager.services.watch import DEFAULT_INTERVAL, LinkWatcher, WatchError, WatchEvent
from linkmanager.services.workspace import ProfileInfo, Workspace
from linkmanager.simulator import Simulator
from linkmanager.storage.cache import LinkCache

from .conftest import FAST_RETRIES, client_for


class Clock:
    """time.monotonic for the watcher, moved by hand."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(seed=5, links=3, token_ttl_seconds=10**6) as simulator:
        yield simulator


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def make_watcher(sim: Simulator, cache: LinkCache, clock: Clock) -> Iterator[Callable[..., LinkWatcher]]:
    made: list[LinkWatcher] = []

    def make(link_id: str, retry: RetryPolicy = FAST_RETRIES, **kwargs: Any) -> LinkWatcher:
        kwargs.setdefault("clock", clock)
        made.append(LinkWatcher(lambda: client_for(sim, retry=retry), cache, link_id, **kwargs))
        return made[-1]

    yield make
    for watcher in made:
        watcher.close()


def new_link(client: LeanClient, **fields: Any) -> PaymentLink:
    details = PaymentDetails(Money(Decimal("262.00"), "AED"), "POS-1")
    return client.create_link(NewPaymentLink(details, name="Counter", **fields))


def kinds(events: list[WatchEvent]) -> list[str]:
    return [e.kind for e in events]


def test_a_payment_is_reported_by_the_next_poll_and_stored(
    sim: Simulator,
    client: LeanClient,
    cache: LinkCache,
    clock: Clock,
    make_watcher: Callable[..., LinkWatcher],
) -> None:
    link = new_link(client, max_usages=5)
    watcher = make_watcher(link.id)
    assert watcher.start().id == link.id
    assert watcher.poll() == []  # nothing due yet
    paid = sim.pay(link.id, "accepted")
    assert watcher.next_delay() == pytest.approx(DEFAULT_INTERVAL)
    clock.advance(watcher.next_delay())
    events = watcher.poll()
    assert kinds(events) == ["usage"]
    event = events[0]
    assert event.usage is not None
    assert event.usage.usage_id == paid["usage_id"]
    assert event.collected
    assert not event.failed
    assert event.link_id == link.id
    assert event.status is None
    assert event.seen_at.tzinfo is not None
    assert [u.usage_id for u in cache.usages(link.id)] == [paid["usage_id"]]
    assert watcher.link.current_usages == 1  # the link was read again at once after the payment
    clock.advance(2)
    assert watcher.poll() == []  # reported once


def test_the_usages_known_at_start_are_not_new(
    sim: Simulator, client: LeanClient, clock: Clock, make_watcher: Callable[..., LinkWatcher]
) -> None:
    link = new_link(client)
    before = [sim.pay(link.id, "failed")["usage_id"], sim.pay(link.id, "accepted")["usage_id"]]
    watcher = make_watcher(link.id)
    watcher.start()  # the cache had none of them: read whole, as a sync reads a link
    assert {u.usage_id for u in watcher.cache.usages(link.id)} == set(before)
    clock.advance(2)
    assert watcher.poll() == []


def test_a_pending_payment_moving_to_accepted_is_usage_changed(
    sim: Simulator,
    client: LeanClient,
    cache: LinkCache,
    clock: Clock,
    make_watcher: Callable[..., LinkWatcher],
) -> None:
    link = new_link(client)
    watcher = make_watcher(link.id)
    watcher.start()
    pending = sim.pay(link.id, "pending")
    sim.pay(link.id, "failed")  # now the newest: the pending one is off page 0 of size 1
    clock.advance(2)
    events = watcher.poll()
    assert kinds(events) == ["usage", "usage"]
    first, second = events
    assert first.usage is not None
    assert first.usage.usage_id == pending["usage_id"]  # oldest first
    assert not first.collected
    assert not first.failed
    assert second.failed
    clock.advance(2)
    assert watcher.poll() == []
    sim.state.update_usage(pending["usage_id"], "PAYMENT_CREATED", "ACCEPTED_BY_BANK")
    clock.advance(2)
    events = watcher.poll()
    assert kinds(events) == ["usage_changed"]
    assert events[0].collected
    assert events[0].previous is not None
    assert events[0].previous.payment_status == "PENDING_WITH_BANK"
    stored = cache.usage(link.id, pending["usage_id"])
    assert stored is not None
    assert stored.payment_status == "ACCEPTED_BY_BANK"
    assert len(cache.usages(link.id)) == 2


def test_several_payments_between_two_polls_are_all_reported(
    sim: Simulator,
    client: LeanClient,
    cache: LinkCache,
    clock: Clock,
    make_watcher: Callable[..., LinkWatcher],
) -> None:
    link = new_link(client)
    watcher = make_watcher(link.id)
    watcher.start()
    paid = [sim.pay(link.id, "accepted")["usage_id"] for _ in range(7)]
    clock.advance(2)
    events = watcher.poll()
    assert [e.usage.usage_id for e in events if e.usage] == paid
    assert {u.usage_id for u in cache.usages(link.id)} == set(paid)


def test_the_last_payment_a_link_takes_makes_it_used(
    sim: Simulator, client: LeanClient, clock: Clock, make_watcher: Callable[..., LinkWatcher]
) -> None:
    link = new_link(client, max_usages=1)
    watcher = make_watcher(link.id)
    watcher.start()
    sim.pay(link.id, "accepted")
    clock.advance(2)
    events = watcher.poll()
    assert kinds(events) == ["usage", "link_status"]
    assert events[1].status == "USED"
    assert watcher.status == LinkStatus.USED


def test_disabling_and_enabling_the_link_are_link_status_events(
    client: LeanClient, cache: LinkCache, clock: Clock, make_watcher: Callable[..., LinkWatcher]
) -> None:
    link = new_link(client)
    watcher = make_watcher(link.id)
    watcher.start()
    client.set_status(link.id, LinkStatus.DISABLED)
    clock.advance(2)
    assert watcher.poll() == []  # the link itself is read every 10 s
    clock.advance(8)
    events = watcher.poll()
    assert kinds(events) == ["link_status"]
    assert events[0].status == "DISABLED"
    cached = cache.link(link.id)
    assert cached is not None
    assert cached.link.status == LinkStatus.DISABLED
    client.set_status(link.id, LinkStatus.ACTIVE)
    clock.advance(10)
    assert [e.status for e in watcher.poll()] == ["ACTIVE"]


def test_a_disabled_link_can_be_watched(client: LeanClient, make_watcher: Callable[..., LinkWatcher]) -> None:
    link = new_link(client)
    client.set_status(link.id, LinkStatus.DISABLED)
    watcher = make_watcher(link.id)
    assert watcher.start().status == LinkStatus.DISABLED
    assert watcher.status == LinkStatus.DISABLED


def test_expiry_is_noticed_without_asking_lean(
    sim: Simulator, client: LeanClient, clock: Clock, make_watcher: Callable[..., LinkWatcher]
) -> None:
    expires = dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)
    link = new_link(client, expires_at=expires)
    moment = [dt.datetime.now(dt.UTC)]
    watcher = make_watcher(link.id, now=lambda: moment[0])
    watcher.start()
    before = sum(sim.requests.values())
    moment[0] = expires + dt.timedelta(seconds=1)
    events = watcher.poll()  # no round is due: only the clock speaks
    assert kinds(events) == ["link_status"]
    assert events[0].status == "EXPIRED"
    assert sum(sim.requests.values()) == before


def test_lean_stopping_is_one_unreachable_event_then_reachable_after_restart(
    sim: Simulator, client: LeanClient, clock: Clock, make_watcher: Callable[..., LinkWatcher]
) -> None:
    link = new_link(client)
    watcher = make_watcher(link.id)
    watcher.start()
    port = int(sim.base_url.rsplit(":", 1)[1])
    sim.stop()
    clock.advance(2)
    events = watcher.poll()
    assert kinds(events) == ["unreachable"]
    assert "cannot be reached" in events[0].message
    delays = [watcher.next_delay()]
    for _ in range(4):
        clock.advance(watcher.next_delay())
        assert watcher.poll() == []  # said once per outage
        delays.append(watcher.next_delay())
    assert delays == [4.0, 8.0, 16.0, 30.0, 30.0]
    sim.port = port
    sim.start()
    paid = sim.pay(link.id, "accepted")
    clock.advance(watcher.next_delay())
    events = watcher.poll()
    assert kinds(events)[:2] == ["reachable", "usage"]
    assert events[1].usage is not None
    assert events[1].usage.usage_id == paid["usage_id"]  # paid during the outage, seen now
    assert watcher.next_delay() == pytest.approx(2.0)


def test_429_backs_off_honouring_retry_after(
    sim: Simulator, client: LeanClient, clock: Clock, make_watcher: Callable[..., LinkWatcher]
) -> None:
    link = new_link(client)
    watcher = make_watcher(link.id, retry=RetryPolicy(attempts=1))
    watcher.start()
    body = b'{"status": "RATE_LIMIT_EXCEEDED", "message": "slow down"}'
    sim.override_next("GET", "/payment-links/v1/", 429, body, {"Retry-After": "7"})
    clock.advance(2)
    events = watcher.poll()
    assert kinds(events) == ["unreachable"]
    assert "limiting requests" in events[0].message
    assert watcher.next_delay() == pytest.approx(7.0)
    sim.override_next("GET", "/payment-links/v1/", 429, body, count=2)  # no Retry-After: doubling
    clock.advance(7)
    assert watcher.poll() == []
    assert watcher.next_delay() == pytest.approx(14.0)
    clock.advance(14)
    assert watcher.poll() == []
    assert watcher.next_delay() == pytest.approx(28.0)
    clock.advance(28)
    assert kinds(watcher.poll()) == ["reachable"]
    assert watcher.next_delay() == pytest.approx(2.0)


def test_a_malformed_or_foreign_usage_costs_that_record_only(
    sim: Simulator, client: LeanClient, clock: Clock, make_watcher: Callable[..., LinkWatcher]
) -> None:
    link = new_link(client)
    watcher = make_watcher(link.id)
    watcher.start()
    paid = sim.pay(link.id, "accepted")
    sim.faults.queue("foreign-usage", count=1)
    clock.advance(2)
    assert watcher.poll() == []  # the one record named another link: left out, nothing raised
    sim.faults.queue("bad-usage:usage_status-number", count=1)
    clock.advance(2)
    assert watcher.poll() == []
    clock.advance(2)
    events = watcher.poll()
    assert kinds(events) == ["usage"]
    assert events[0].usage is not None
    assert events[0].usage.usage_id == paid["usage_id"]


def test_a_page_bigger_than_asked_is_cut_to_its_size(
    sim: Simulator, client: LeanClient, clock: Clock, make_watcher: Callable[..., LinkWatcher]
) -> None:
    link = new_link(client)
    watcher = make_watcher(link.id)
    watcher.start()
    ids = [sim.pay(link.id, "accepted")["usage_id"] for _ in range(2)]
    page = sim.state.list_usages(link.id, 0, 10)
    page["page"]["total_elements"] = 1  # a liar: one usage, two sent
    from linkmanager.simulator.jsonio import dumps

    sim.override_next("GET", f"/payment-links/v1/{link.id}/usages", 200, dumps(page))
    clock.advance(2)
    events = watcher.poll()
    assert [e.usage.usage_id for e in events if e.usage] == [ids[1]]


@pytest.mark.parametrize("interval", [0.5, 0.999, 0, -1, float("nan"), float("inf")])
def test_an_interval_under_one_second_is_refused(sim: Simulator, cache: LinkCache, interval: float) -> None:
    with pytest.raises(ValueError, match="watch interval must be"):
        LinkWatcher(lambda: client_for(sim), cache, "x", interval=interval)


def test_an_unknown_link_is_refused(client: LeanClient, make_watcher: Callable[..., LinkWatcher]) -> None:
    with pytest.raises(WatchError, match="Lean has no payment link 1b4e28ba"):
        make_watcher("1b4e28ba-2fa1-11d2-883f-0016d3cca427").start()


def test_used_and_expired_links_are_refused(
    sim: Simulator, client: LeanClient, make_watcher: Callable[..., LinkWatcher]
) -> None:
    used = new_link(client, max_usages=1)
    sim.pay(used.id, "accepted")
    with pytest.raises(WatchError, match="used up and cannot take payments"):
        make_watcher(used.id).start()
    expiring = new_link(client, expires_at=dt.datetime.now(dt.UTC) + dt.timedelta(minutes=5))
    sim.clock.advance(301)
    with pytest.raises(WatchError, match="has expired and cannot take payments"):
        make_watcher(expiring.id).start()


def test_lean_unreachable_at_start_raises_lean_errors(
    sim: Simulator, client: LeanClient, cache: LinkCache
) -> None:
    link = new_link(client)
    with client_for(sim, retry=FAST_RETRIES) as made:
        watcher = LinkWatcher(lambda: made, cache, link.id)
        sim.stop()
        with pytest.raises(LeanTransportError):
            watcher.start()


def test_run_emits_until_stopped(
    sim: Simulator, client: LeanClient, make_watcher: Callable[..., LinkWatcher]
) -> None:
    import time

    link = new_link(client)
    watcher = make_watcher(link.id, interval=1.0, clock=time.monotonic)
    watcher.start()
    seen: list[WatchEvent] = []
    arrived = threading.Event()
    stop = threading.Event()

    def emit(event: WatchEvent) -> None:
        seen.append(event)
        if event.collected:
            arrived.set()

    thread = threading.Thread(target=watcher.run, args=(emit, stop), daemon=True)
    thread.start()
    sim.pay(link.id, "accepted")
    assert arrived.wait(20)
    stop.set()
    thread.join(10)
    assert not thread.is_alive()
    assert seen[0].kind == "usage"


def test_a_workspace_makes_watchers_on_its_profile(
    sim: Simulator, client: LeanClient, cache: LinkCache, clock: Clock
) -> None:
    link = new_link(client)
    workspace = Workspace(ProfileInfo("Sim", "demo", sim.api_url), cache, lambda: client_for(sim))
    assert inspect.signature(Workspace.watch_link).parameters["interval"].default == DEFAULT_INTERVAL
    watcher = workspace.watch_link(link.id, interval=3)
    try:
        assert watcher.interval == 3
        assert watcher.start().id == link.id
        assert workspace.link(link.id) is not None
        assert UsageStatus.PAYMENT_CREATED  # the vocabulary the events carry
    finally:
        watcher.close()
