"""A link's timeline merges the cache (first seen, observed status changes, payments), the action
journal and the print register, newest first, bounded; a source that cannot be read costs only its
events. Real simulator, real caches, journal and register files."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from linkmanager.domain.money import Money
from linkmanager.domain.outcome import Outcome
from linkmanager.domain.status import LinkStatus
from linkmanager.services.link_timeline import LinkTimeline, TimelineKind, read_timeline
from linkmanager.services.sync import SyncEngine
from linkmanager.services.workspace import PrintRecord, ProfileInfo, Workspace
from linkmanager.simulator import Simulator
from linkmanager.storage.journal import ActionJournal

from .conftest import client_for

BODY = {
    "name": "Timeline 75",
    "payment_details": {"reference": "INV-75", "currency": "KWD", "amount": Decimal("75.5")},
}


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(seed=3, links=10) as simulator:
        yield simulator


@pytest.fixture
def workspace(sim: Simulator, tmp_path: Path) -> Iterator[Workspace]:
    """A production profile's workspace on a cache synced once."""
    from linkmanager.storage.cache import LinkCache

    opened = Workspace(
        ProfileInfo("Shop", "production", sim.api_url),
        LinkCache.open(tmp_path / "shop-1a2b3c4d.sqlite3"),
        lambda: client_for(sim),
    )
    yield opened
    opened.close()


def sync(sim: Simulator, workspace: Workspace) -> None:
    with client_for(sim) as lean:
        SyncEngine(lean, workspace.cache).run()


def timeline(workspace: Workspace, link_id: str, limit: int | None = 50) -> LinkTimeline:
    return read_timeline(
        workspace.cache,
        link_id,
        journal=lambda wanted, rows: workspace.journal_entries(link_id=wanted, limit=rows),
        limit=limit,
    )


def test_every_source_in_one_list_newest_first(sim: Simulator, workspace: Workspace) -> None:
    link_id = str(sim.state.create_link(BODY)["id"])
    sync(sim, workspace)
    paid = sim.pay(link_id, "accepted")
    workspace.refresh_usages(link_id)  # the payment first seen
    change = workspace.set_status(link_id, LinkStatus.DISABLED, reason="Customer <b>asked</b>")
    assert change.journal_problem is None
    sim.state.set_status(link_id, "ACTIVE")  # enabled again on Lean's dashboard, not here
    sync(sim, workspace)
    printed_at = datetime.now(UTC)
    workspace.record_prints([PrintRecord(link_id, printed_at, "print", "card", 2, "HP LaserJet", "sam")])

    found = timeline(workspace, link_id)

    assert found.complete
    assert found.problems == ()
    assert [e.kind for e in found.events] == [
        TimelineKind.PRINT,
        TimelineKind.STATUS,  # the sync saw it come back: nobody here did that
        TimelineKind.ACTION,  # the disable, journalled (its observed copy is not repeated)
        TimelineKind.PAYMENT,
        TimelineKind.FIRST_SEEN,
    ]
    times = [e.at for e in found.events]
    assert times == sorted(times, reverse=True)
    assert all(t.tzinfo is not None for t in times)
    record, moved, action, payment, first = found.events
    assert record.record is not None
    assert (record.record.copies, record.record.where) == (2, "HP LaserJet")
    assert (moved.status_before, moved.status_after) == ("DISABLED", "ACTIVE")
    assert action.entry is not None
    assert action.entry.draft.action == "disable"
    assert action.entry.draft.outcome == "done"
    assert action.entry.draft.reason == "Customer <b>asked</b>"  # kept as text
    assert (action.entry.draft.status_before, action.entry.draft.status_after) == ("ACTIVE", "DISABLED")
    assert action.entry.user
    assert payment.usage_id == paid["usage_id"]
    assert payment.outcome == Outcome.COLLECTED
    assert payment.amount == Money(Decimal("75.5"), "KWD")
    assert not payment.seen_before  # it appeared between two looks
    assert first.status_after == "ACTIVE"


def test_a_payment_whose_status_moved_and_payments_found_on_the_first_look(
    sim: Simulator, workspace: Workspace
) -> None:
    link_id = str(sim.state.create_link(BODY)["id"])
    early = sim.state.add_usage(link_id, status="PAYMENT_CREATED", payment_status="PENDING_WITH_BANK")
    sync(sim, workspace)
    workspace.refresh_usages(link_id)
    sim.state.update_usage(str(early["usage_id"]), "PAYMENT_CREATED", "ACCEPTED_BY_BANK")
    workspace.refresh_usages(link_id)

    found = timeline(workspace, link_id)

    kinds = [e.kind for e in found.events]
    assert kinds == [TimelineKind.PAYMENT_MOVED, TimelineKind.PAYMENT, TimelineKind.FIRST_SEEN]
    moved, payment, _ = found.events
    assert (moved.outcome_before, moved.outcome) == (Outcome.PENDING, Outcome.COLLECTED)
    assert (moved.payment_before, moved.payment_after) == ("PENDING_WITH_BANK", "ACCEPTED_BY_BANK")
    assert moved.usage_id == payment.usage_id == early["usage_id"]
    assert payment.seen_before  # made before the link was first looked at
    assert payment.outcome == Outcome.COLLECTED  # as it is now


def test_bounded_to_the_latest_with_the_rest_on_request(sim: Simulator, workspace: Workspace) -> None:
    link_id = str(sim.state.create_link({**BODY, "max_usages": 50})["id"])
    sync(sim, workspace)
    for _ in range(6):
        sim.pay(link_id, "failed")
    workspace.refresh_usages(link_id)
    now = datetime.now(UTC)
    workspace.record_prints([PrintRecord(link_id, now, "pdf", "labels", 1, "/tmp/x.pdf", "sam")] * 3)

    latest = timeline(workspace, link_id, limit=4)
    everything = timeline(workspace, link_id, limit=None)

    assert len(latest.events) == 4
    assert not latest.complete
    assert everything.complete
    assert everything.problems == ()
    assert len(everything.events) == 1 + 6 + 3  # first seen, six payments, three saved PDFs
    assert list(latest.events) == list(everything.events[:4])
    assert {e.outcome for e in everything.events if e.kind == TimelineKind.PAYMENT} == {Outcome.FAILED}
    exact = timeline(workspace, link_id, limit=len(everything.events))
    assert exact.complete


def test_an_unreadable_journal_costs_only_its_events(sim: Simulator, workspace: Workspace) -> None:
    link_id = str(sim.state.create_link(BODY)["id"])
    sync(sim, workspace)
    ActionJournal.beside(workspace.cache.path).write_bytes(b"not a journal at all" * 100)

    found = timeline(workspace, link_id)

    assert [e.kind for e in found.events] == [TimelineKind.FIRST_SEEN]
    assert len(found.problems) == 1
    assert "journal" in found.problems[0].lower()


def test_a_link_the_cache_does_not_hold_has_an_empty_timeline(workspace: Workspace) -> None:
    found = timeline(workspace, "no-such-link")
    assert found.events == ()
    assert found.complete
