"""What changed at each sync, against the simulator over loopback, into a real SQLite cache: the
payments made between two syncs, payments that moved, links whose status moved (and who asked,
from journal entries), and the links to watch."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from linkmanager.api import LeanClient
from linkmanager.domain.models import utc_now
from linkmanager.domain.outcome import Outcome
from linkmanager.domain.status import LinkStatus
from linkmanager.services.changes import load_digests
from linkmanager.services.changes_model import ALERT_EXPIRING, ALERT_LIMIT, ChangeDigest
from linkmanager.services.sync import SyncEngine, SyncFailed
from linkmanager.simulator import Simulator
from linkmanager.simulator.errors import ApiError
from linkmanager.storage.cache import LinkCache


class Clock:
    def __init__(self) -> None:
        self.now = utc_now()

    def __call__(self) -> datetime:
        return self.now

    def later(self, minutes: float = 5) -> None:
        self.now += timedelta(minutes=minutes)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def cache(tmp_path: Path, clock: Clock) -> Iterator[LinkCache]:
    """The cache on the sync's clock (a listing "from the future" would mark every link missing)."""
    with LinkCache.open(tmp_path / "cache.sqlite3", clock=clock) as opened:
        yield opened


@pytest.fixture
def engine(client: LeanClient, cache: LinkCache, clock: Clock) -> SyncEngine:
    return SyncEngine(client, cache, clock=clock)


def _pay(sim: Simulator, outcomes: list[str]) -> dict[str, tuple[str, str]]:
    """Pay ACTIVE links with room, one payment each: {usage id: (link id, outcome asked)}."""
    paid: dict[str, tuple[str, str]] = {}
    wanted = list(outcomes)
    for link_id in sim.state.link_ids(status="ACTIVE"):
        if not wanted:
            break
        try:
            usage = sim.pay(link_id, wanted[0])
        except ApiError:
            continue  # expired meanwhile or full: the next link
        paid[usage["usage_id"]] = (link_id, wanted.pop(0))
    assert not wanted
    return paid


def _latest(cache: LinkCache, now: datetime) -> ChangeDigest:
    digests = load_digests(cache, now)
    assert len(digests) == 1
    return digests[0]


def test_no_sync_no_digest(cache: LinkCache) -> None:
    assert load_digests(cache, utc_now()) == []


def test_the_first_sync_is_the_starting_point_not_news(
    engine: SyncEngine, cache: LinkCache, clock: Clock
) -> None:
    engine.run()
    digest = _latest(cache, clock.now)
    assert digest.first_sync
    assert digest.completed
    assert digest.links_added == 150
    assert (digest.new_payments, digest.new_payments_count, digest.moved_payments) == ((), 0, ())


def test_a_sync_lists_exactly_the_payments_made_since_the_last_one(
    sim: Simulator, engine: SyncEngine, cache: LinkCache, clock: Clock
) -> None:
    engine.run()
    paid = _pay(sim, ["accepted", "pending", "failed", "accepted"])
    clock.later()
    engine.run(full=True)  # a failed attempt moves no count in the listing: a full sync reads it
    digest = _latest(cache, clock.now)
    assert not digest.first_sync
    assert {c.usage_id for c in digest.new_payments} == set(paid)
    assert digest.new_payments_count == 4
    expected = {"accepted": Outcome.COLLECTED, "pending": Outcome.PENDING, "failed": Outcome.FAILED}
    totals: dict[str, Decimal] = {}
    for change in digest.new_payments:
        link_id, asked = paid[change.usage_id]
        cached = cache.link(link_id)
        assert cached is not None
        assert change.link_id == link_id
        assert change.link_name == cached.link.display_name
        assert change.amount == cached.link.payment_details.amount
        assert (change.outcome, change.outcome_before) == (expected[asked], None)
        if asked == "accepted":
            money = cached.link.payment_details.amount
            totals[money.currency] = totals.get(money.currency, Decimal(0)) + money.amount
    assert digest.totals_collected() == totals
    # The next sync with nothing new says so.
    clock.later()
    engine.run()
    assert _latest(cache, clock.now).new_payments == ()
    assert len(load_digests(cache, clock.now, last=10)) == 3


def test_a_payment_that_moves_is_listed_with_its_outcome_before_and_after(
    sim: Simulator, engine: SyncEngine, cache: LinkCache, clock: Clock
) -> None:
    engine.run()
    ((usage_id, (link_id, _)),) = _pay(sim, ["pending"]).items()
    clock.later()
    engine.run()
    assert [c.usage_id for c in _latest(cache, clock.now).new_payments] == [usage_id]
    sim.state.update_usage(usage_id, "PAYMENT_CREATED", "ACCEPTED_BY_BANK")
    clock.later()
    engine.run()  # an unsettled usage is read again every sync
    digest = _latest(cache, clock.now)
    assert digest.new_payments == ()
    (moved,) = digest.moved_payments
    assert (moved.link_id, moved.usage_id) == (link_id, usage_id)
    assert (moved.outcome_before, moved.outcome) == (Outcome.PENDING, Outcome.COLLECTED)
    assert moved.payment_status == "ACCEPTED_BY_BANK"
    assert set(digest.totals_collected()) == {moved.amount.currency if moved.amount else ""}


@dataclass(frozen=True)
class Draft:
    action: str
    link_id: str
    status_after: str | None
    outcome: str


@dataclass(frozen=True)
class Entry:
    at: datetime
    user: str
    draft: Draft


def test_status_changes_name_who_asked_when_this_workstation_did(
    sim: Simulator, client: LeanClient, engine: SyncEngine, cache: LinkCache, clock: Clock
) -> None:
    engine.run()
    elsewhere, here, refused = sim.state.link_ids(status="ACTIVE")[:3]
    sim.state.set_status(elsewhere, "DISABLED")  # on Lean's dashboard: no journal entry
    # This workstation disables one (the action stores Lean's answer at once, between syncs).
    clock.later(1)
    cache.store_link(client.set_status(here, LinkStatus.DISABLED), clock.now)
    asked_at = clock.now
    clock.later()
    engine.run()
    journal = [
        Entry(asked_at, "alice", Draft("disable", here, "DISABLED", "done")),
        Entry(asked_at, "bob", Draft("disable", refused, None, "failed")),
        Entry(
            asked_at - timedelta(days=3), "carol", Draft("disable", elsewhere, "DISABLED", "done")
        ),  # before
    ]
    (digest,) = load_digests(cache, clock.now, journal_entries=lambda: journal)
    changes = {c.link_id: c for c in digest.link_changes}
    assert set(changes) == {elsewhere, here}
    assert (changes[here].before, changes[here].after) == (LinkStatus.ACTIVE, LinkStatus.DISABLED)
    assert (changes[here].by, changes[here].at) == ("alice", asked_at)
    assert (changes[elsewhere].by, changes[elsewhere].at) == (None, None)
    # A journal that cannot be read costs only the names.

    def broken() -> list[Entry]:
        raise OSError("the journal is on a disk that went away")

    (digest,) = load_digests(cache, clock.now, journal_entries=broken)
    assert {c.link_id: c.by for c in digest.link_changes} == {elsewhere: None, here: None}


def test_alerts_come_with_the_newest_digest_only(
    sim: Simulator, engine: SyncEngine, cache: LinkCache, clock: Clock
) -> None:
    engine.run()
    clock.later()
    engine.run()
    newest, older = load_digests(cache, clock.now, last=2)
    assert (older.alerts, older.alerts_count) == ((), 0)
    active = [c.link for c in cache.links(LinkStatus.ACTIVE, now=clock.now)]
    soon = clock.now + timedelta(hours=24)
    expiring = {link.id for link in active if link.expires_at is not None and link.expires_at <= soon}
    near = {link.id for link in active if link.max_usages and link.current_usages * 10 >= link.max_usages * 9}
    assert expiring | near  # the simulator's seed has some of each kind or the other
    assert {a.link_id for a in newest.alerts if a.kind == ALERT_EXPIRING} == expiring
    assert {a.link_id for a in newest.alerts if a.kind == ALERT_LIMIT} == near
    assert newest.alerts_count == len(expiring | near)


def test_an_interrupted_sync_keeps_its_report_and_one_that_never_reached_lean_does_not(
    sim: Simulator, engine: SyncEngine, cache: LinkCache, clock: Clock
) -> None:
    engine.run()
    sim.stop()  # Lean is gone: the next sync fails before any answer
    clock.later()
    with pytest.raises(SyncFailed):
        engine.run()
    assert len(load_digests(cache, clock.now, last=10)) == 1
