"""Every change asked of the simulator is journalled: disable, enable and create, done, refused by the
rules (before any request) or failed (Lean's HTTP status and request id, or the broken connection),
with the OS user, the profile, its environment and the status before and after. A journal that
cannot be used never stops a change, and is said."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from linkmanager.api.errors import LeanHTTPError, LeanTransportError
from linkmanager.api.retry import RetryPolicy
from linkmanager.domain.lifecycle import effective_status
from linkmanager.domain.link_draft import LinkDraft
from linkmanager.domain.reason import ReasonRefused, check_reason
from linkmanager.domain.status import LinkStatus
from linkmanager.services.actions import ActionRefused
from linkmanager.services.create import CreateRefused
from linkmanager.services.sync import SyncEngine
from linkmanager.services.workspace import JournalEntry, ProfileInfo, Workspace
from linkmanager.simulator import Simulator
from linkmanager.storage.cache import LinkCache
from linkmanager.storage.journal import ActionJournal
from linkmanager.storage.print_register import current_user

from .conftest import client_for

ONE_TRY = RetryPolicy(attempts=1)  # Lean's error reaches the action at once
UPDATES = ("PATCH", "update_link")
READS = ("GET", "get_link")

Open = Callable[[str], Workspace]


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(seed=5, links=40) as simulator:
        yield simulator


@pytest.fixture
def open_workspace(sim: Simulator, tmp_path: Path) -> Iterator[Open]:
    """Workspaces on one synced cache, for a profile in the environment asked for."""
    cache_path = tmp_path / "caches" / "shop-1a2b3c4d.sqlite3"
    with LinkCache.open(cache_path) as cache, client_for(sim) as lean:
        SyncEngine(lean, cache).run()
    opened: list[Workspace] = []

    def make(environment: str) -> Workspace:
        workspace = Workspace(
            ProfileInfo("Shop", environment, sim.api_url),
            LinkCache.open(cache_path),
            lambda: client_for(sim, retry=ONE_TRY),
            clock=sim.clock.now,
        )
        opened.append(workspace)
        return workspace

    yield make
    for workspace in opened:
        workspace.close()


def ids_in(workspace: Workspace, status: LinkStatus) -> list[str]:
    now = workspace.now()
    return sorted(c.link.id for c in workspace.links() if effective_status(c.link, now) == status)


def only_entry(workspace: Workspace) -> JournalEntry:
    entries = workspace.journal_entries()
    assert len(entries) == 1
    return entries[0]


def test_a_disable_and_an_enable_are_journalled_with_who_where_and_what(open_workspace: Open) -> None:
    workspace = open_workspace("production")
    link_id = ids_in(workspace, LinkStatus.ACTIVE)[0]
    change = workspace.set_status(link_id, LinkStatus.DISABLED, reason="  Season over  ", batch="b-1")
    assert change.after == LinkStatus.DISABLED
    assert change.journal_problem is None
    workspace.set_status(link_id, LinkStatus.ACTIVE)
    enabled, disabled = workspace.journal_entries()
    assert (disabled.seq, disabled.user) == (1, current_user())
    assert disabled.at == disabled.at.astimezone()  # aware
    assert disabled.draft == replace(
        disabled.draft,
        action="disable",
        link_id=link_id,
        profile="Shop",
        environment="production",
        status_before="ACTIVE",
        status_after="DISABLED",
        outcome="done",
        reason="Season over",
        http_status=None,
        batch="b-1",
    )
    assert (enabled.draft.action, enabled.draft.status_before, enabled.draft.status_after) == (
        "enable",
        "DISABLED",
        "ACTIVE",
    )
    assert (enabled.draft.reason, enabled.draft.outcome, enabled.prev_hash) == ("", "done", disabled.hash)
    assert [e.seq for e in workspace.journal_entries(link_id=link_id, action="enable")] == [2]
    check = workspace.journal_check()
    assert (check.ok, check.entries) == (True, 2)
    assert workspace.journal_problem() is None


def test_a_reason_is_required_to_disable_in_production_and_refused_before_any_request(
    open_workspace: Open, sim: Simulator, tmp_path: Path
) -> None:
    production, sandbox = open_workspace("production"), open_workspace("sandbox")
    assert production.reason_required(LinkStatus.DISABLED)
    assert not production.reason_required(LinkStatus.ACTIVE)
    assert not sandbox.reason_required(LinkStatus.DISABLED)
    link_id = ids_in(production, LinkStatus.ACTIVE)[0]
    reads, updates = sim.requests[READS], sim.requests[UPDATES]
    for reason in ("", "   ", "two\nlines", "x" * 501, "hidden \u202e text"):
        with pytest.raises(ReasonRefused):
            production.set_status(link_id, LinkStatus.DISABLED, reason=reason)
    assert (sim.requests[READS], sim.requests[UPDATES]) == (reads, updates)  # nothing was sent
    assert production.journal_entries() == []  # bad input, not a change asked of Lean
    assert not any("journal" in p.name for p in (tmp_path / "caches").iterdir())
    assert sandbox.set_status(link_id, LinkStatus.DISABLED).after == LinkStatus.DISABLED  # optional there


def test_the_reason_check_says_why_in_one_sentence() -> None:
    assert check_reason("  Stock ran out  ", required=True) == "Stock ran out"
    assert check_reason("", required=False) == ""
    with pytest.raises(
        ReasonRefused, match=r"^Give a reason for this change: it is required for production links\.$"
    ):
        check_reason(" ", required=True)
    with pytest.raises(ReasonRefused, match=r"^The reason is 501 characters long: keep it to 500 at most\.$"):
        check_reason("x" * 501, required=False)
    with pytest.raises(ReasonRefused, match="control characters"):
        check_reason("a\tb", required=False)


def test_a_change_the_cache_rules_out_is_journalled_as_refused_without_a_request(
    open_workspace: Open, sim: Simulator
) -> None:
    workspace = open_workspace("sandbox")
    expired = ids_in(workspace, LinkStatus.EXPIRED)[0]
    reads, updates = sim.requests[READS], sim.requests[UPDATES]
    with pytest.raises(ActionRefused) as refused:
        workspace.set_status(expired, LinkStatus.DISABLED, reason="Tidy up")
    assert (sim.requests[READS], sim.requests[UPDATES]) == (reads, updates)
    entry = only_entry(workspace)
    assert (entry.draft.outcome, entry.draft.status_before, entry.draft.status_after) == (
        "refused",
        "EXPIRED",
        None,
    )
    assert (entry.draft.message, entry.draft.reason, entry.draft.http_status) == (
        str(refused.value),
        "Tidy up",
        None,
    )


def test_a_change_lean_s_current_state_rules_out_is_journalled_as_refused(open_workspace: Open) -> None:
    workspace = open_workspace("sandbox")
    disabled = ids_in(workspace, LinkStatus.DISABLED)[0]
    with pytest.raises(ActionRefused) as refused:
        workspace.set_status(disabled, LinkStatus.DISABLED)
    entry = only_entry(workspace)
    assert (entry.draft.outcome, entry.draft.status_before, entry.draft.message) == (
        "refused",
        "DISABLED",
        str(refused.value),
    )


def test_lean_s_error_is_journalled_with_its_status_and_request_id(
    open_workspace: Open, sim: Simulator
) -> None:
    workspace = open_workspace("production")
    link_id = ids_in(workspace, LinkStatus.ACTIVE)[0]
    body = {"status": "FORBIDDEN", "message": "Not allowed for this app", "request_id": "req-42"}
    sim.override_next("PATCH", f"/payment-links/v1/{link_id}", 403, json.dumps(body).encode())
    with pytest.raises(LeanHTTPError) as failed:
        workspace.set_status(link_id, LinkStatus.DISABLED, reason="Fraud report")
    entry = only_entry(workspace)
    assert entry.draft == replace(
        entry.draft,
        action="disable",
        status_before="ACTIVE",
        status_after=None,
        outcome="failed",
        reason="Fraud report",
        http_status=403,
        request_id="req-42",
        message=str(failed.value),
    )
    assert "Not allowed for this app" in entry.draft.message
    assert sim.state.get_link(link_id)["status"] == "ACTIVE"


def test_a_broken_connection_is_journalled_as_failed_with_what_happened(
    open_workspace: Open, sim: Simulator
) -> None:
    workspace = open_workspace("sandbox")
    link_id = ids_in(workspace, LinkStatus.DISABLED)[0]
    sim.faults.queue("drop", method="PATCH")
    with pytest.raises(LeanTransportError) as failed:
        workspace.set_status(link_id, LinkStatus.ACTIVE)
    entry = only_entry(workspace)
    assert (entry.draft.action, entry.draft.outcome, entry.draft.status_before) == (
        "enable",
        "failed",
        "DISABLED",
    )
    assert (entry.draft.http_status, entry.draft.message) == (None, str(failed.value))


def test_creates_are_journalled_done_and_failed(open_workspace: Open, sim: Simulator) -> None:
    workspace = open_workspace("sandbox")
    creator = workspace.creator()
    made = creator.create(LinkDraft(amount="1500.00", currency="AED", reference="INV-1042")).link
    body = {"status": "INVALID_PARAMETERS", "message": "amount is too large", "request_id": "req-7"}
    sim.override_next("POST", "/payment-links/v1", 400, json.dumps(body).encode())
    with pytest.raises(CreateRefused):
        creator.create(LinkDraft(amount="99999.00", currency="AED", reference="INV-1043"))
    failed, done = workspace.journal_entries()
    assert (done.draft.action, done.draft.link_id, done.draft.outcome) == ("create", made.id, "done")
    assert (done.draft.status_before, done.draft.status_after) == (None, "ACTIVE")
    assert "INV-1042" in done.draft.message
    assert (failed.draft.link_id, failed.draft.outcome, failed.draft.http_status) == ("", "failed", 400)
    assert failed.draft.request_id == "req-7"
    assert "INV-1043" in failed.draft.message
    assert "amount is too large" in failed.draft.message


def test_a_journal_that_cannot_be_opened_never_stops_a_change_and_is_said(
    open_workspace: Open, tmp_path: Path
) -> None:
    workspace = open_workspace("sandbox")
    journal = ActionJournal.beside(workspace.cache.path)
    journal.write_bytes(b"a shopping list, not a database\n" * 50)
    check = workspace.journal_check()  # reported at start...
    assert not check.ok
    assert str(journal) in check.message
    assert "is not a database" in check.message
    link_id = ids_in(workspace, LinkStatus.ACTIVE)[0]
    change = workspace.set_status(link_id, LinkStatus.DISABLED)  # ...and the window keeps working
    assert change.after == LinkStatus.DISABLED
    assert workspace.journal_problem() == check.message
    assert journal.read_bytes() == b"a shopping list, not a database\n" * 50  # never repaired


def test_a_journal_that_fails_verification_is_reported_not_repaired(open_workspace: Open) -> None:
    import sqlite3

    workspace = open_workspace("sandbox")
    for link_id in ids_in(workspace, LinkStatus.ACTIVE)[:3]:
        workspace.set_status(link_id, LinkStatus.DISABLED, reason="Closing")
    conn = sqlite3.connect(ActionJournal.beside(workspace.cache.path), isolation_level=None)
    conn.execute("UPDATE entries SET reason = 'Approved by the boss' WHERE seq = 2")
    conn.close()
    later = open_workspace("sandbox")  # the next start
    check = later.journal_check()
    assert (check.ok, check.broken_seq) == (False, 2)
    assert "Entry 2 of the action journal" in check.message
    assert [e.draft.reason for e in later.journal_entries()] == ["Closing", "Approved by the boss", "Closing"]
