"""Bulk disable/enable (services.bulk_status) against the simulator: real HTTP, a real cache file.

The run's pauses go through a recorder, so the polite pace and Retry-After are checked by what
was asked for, not by the clock; the simulator's fault injection makes Lean answer 429 and 503.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from linkmanager.api import LeanClient
from linkmanager.api.retry import RetryPolicy
from linkmanager.domain.lifecycle import effective_status
from linkmanager.domain.status import LinkStatus
from linkmanager.services.bulk_status import (
    MAX_RATE_WAIT,
    POLITE_INTERVAL,
    BulkPlan,
    BulkProgress,
    BulkRun,
    Outcome,
    SkipKind,
    new_batch_id,
    plan_bulk,
    plan_ids,
)
from linkmanager.services.sync import SyncEngine
from linkmanager.services.workspace import CachedLink, ProfileInfo, Workspace
from linkmanager.simulator import Simulator
from linkmanager.storage.cache import LinkCache

from .conftest import client_for

ONE_TRY = RetryPolicy(attempts=1)  # Lean's 429 and 503 reach the bulk run at once


class Pauses(list[float]):
    """A pause that does not wait: it records the seconds asked for; never cancelled."""

    def __call__(self, seconds: float) -> bool:
        self.append(seconds)
        return False


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(seed=5, links=40) as simulator:
        yield simulator


@pytest.fixture
def workspace(sim: Simulator, tmp_path: Path) -> Iterator[Workspace]:
    cache = LinkCache.open(tmp_path / "cache.sqlite3")
    with client_for(sim) as lean:
        SyncEngine(lean, cache).run()
    opened = Workspace(
        ProfileInfo("Sim", "sandbox", sim.api_url),
        cache,
        lambda: client_for(sim, retry=ONE_TRY),
        clock=sim.clock.now,
    )
    yield opened
    opened.close()


@pytest.fixture
def lean(sim: Simulator) -> Iterator[LeanClient]:
    """Another client: what Lean holds, read independently of the workspace."""
    with client_for(sim) as client:
        yield client


def links_in(workspace: Workspace, status: LinkStatus) -> list[CachedLink]:
    now = workspace.now()
    return sorted(
        (c for c in workspace.links() if effective_status(c.link, now) == status), key=lambda c: c.link.id
    )


def run(
    workspace: Workspace, plan: BulkPlan, pauses: Pauses | None = None, **kwargs: object
) -> tuple[BulkRun, Pauses]:
    batch = new_batch_id()
    pauses = pauses if pauses is not None else Pauses()

    def change(link_id: str):  # type: ignore[no-untyped-def]
        return workspace.set_status(link_id, plan.target, reason="Season over", batch=batch)

    def status_now(link_id: str) -> LinkStatus | None:
        cached = workspace.link(link_id)
        return workspace.status_of(cached) if cached is not None else None

    return BulkRun(plan, change, pause=pauses, status_now=status_now, **kwargs), pauses  # type: ignore[arg-type]


def test_four_active_and_one_expired_disable_four_and_skip_the_expired(
    workspace: Workspace, lean: LeanClient
) -> None:
    active = links_in(workspace, LinkStatus.ACTIVE)[:4]
    expired = links_in(workspace, LinkStatus.EXPIRED)[:1]
    assert len(active) == 4
    assert len(expired) == 1
    plan = plan_bulk([*active, *expired], LinkStatus.DISABLED, workspace.now())
    assert [i.link_id for i in plan.to_change] == [c.link.id for c in active]
    assert plan.skip_counts() == {SkipKind.EXPIRED: 1}
    assert plan.skipped[0].amount == expired[0].link.amount
    assert plan.skipped[0].status == LinkStatus.EXPIRED

    bulk, pauses = run(workspace, plan, clock=lambda: 0.0)  # a clock that stands still: full pauses
    result = bulk.run()

    assert [e.outcome for e in result.entries] == [Outcome.DONE] * 4 + [Outcome.SKIPPED]
    assert "expired" in result.entries[4].detail
    for cached in active:
        assert lean.get_link(cached.link.id).status == LinkStatus.DISABLED
        assert workspace.status_of(workspace.link(cached.link.id)) == LinkStatus.DISABLED  # type: ignore[arg-type]
    assert all(e.before == LinkStatus.ACTIVE and e.after == LinkStatus.DISABLED for e in result.entries[:4])
    assert result.exit_code() == 4
    assert result.failed_ids() == []
    assert pauses == [POLITE_INTERVAL] * 3  # the polite pace between the four changes


def test_an_unknown_id_fails_with_lean_s_answer_and_the_others_go_on(
    workspace: Workspace, lean: LeanClient
) -> None:
    first, second = (c.link.id for c in links_in(workspace, LinkStatus.ACTIVE)[:2])
    plan = plan_ids(
        [first, "no-such-link", second, first], workspace.link, LinkStatus.DISABLED, workspace.now()
    )
    assert [i.link_id for i in plan.items] == [first, "no-such-link", second]  # each once, in order
    assert plan.items[1].amount is None
    assert plan.items[1].acts

    result = run(workspace, plan)[0].run()

    outcomes = {e.link_id: e for e in result.entries}
    assert outcomes[first].outcome == outcomes[second].outcome == Outcome.DONE
    unknown = outcomes["no-such-link"]
    assert unknown.outcome == Outcome.FAILED
    assert unknown.http_status == 404
    assert unknown.detail
    assert result.failed_ids() == ["no-such-link"]
    assert lean.get_link(second).status == LinkStatus.DISABLED
    assert result.exit_code() == 4


def test_429_is_honoured_with_lean_s_retry_after_and_bounded(workspace: Workspace, sim: Simulator) -> None:
    ids = [c.link.id for c in links_in(workspace, LinkStatus.ACTIVE)[:3]]
    plan = plan_ids(ids, workspace.link, LinkStatus.DISABLED, workspace.now())
    sim.faults.queue("429:2", method="PATCH")  # the first change: "wait 2 s"
    sim.faults.queue("429:3600", method="PATCH")  # its second try: "wait an hour", cut short
    bulk, _ = run(workspace, plan, interval=0)

    result = bulk.run()

    assert sim.faults.applied["429"] == 2
    assert bulk.rate_waits == [2, MAX_RATE_WAIT]
    assert [e.outcome for e in result.entries] == [Outcome.DONE] * 3
    assert result.exit_code() == 0


def test_a_link_lean_keeps_limiting_fails_and_the_others_are_done(
    workspace: Workspace, sim: Simulator
) -> None:
    ids = [c.link.id for c in links_in(workspace, LinkStatus.ACTIVE)[:2]]
    plan = plan_ids(ids, workspace.link, LinkStatus.DISABLED, workspace.now())
    sim.faults.queue("429:1", count=3, method="PATCH")
    result = run(workspace, plan, interval=0)[0].run()
    assert [e.outcome for e in result.entries] == [Outcome.FAILED, Outcome.DONE]
    assert result.entries[0].http_status == 429


def test_cancel_mid_way_leaves_the_rest_unattempted(workspace: Workspace, lean: LeanClient) -> None:
    active = links_in(workspace, LinkStatus.ACTIVE)[:5]
    plan = plan_bulk(active, LinkStatus.DISABLED, workspace.now())
    cancel = threading.Event()
    seen: list[BulkProgress] = []

    def progress(step: BulkProgress) -> None:
        seen.append(step)
        if step.finished == 2:
            cancel.set()  # Cancel pressed while the second link was changed

    result = run(workspace, plan, cancel=cancel, progress=progress, interval=0)[0].run()

    assert [e.outcome for e in result.entries] == [Outcome.DONE] * 2 + [Outcome.CANCELLED] * 3
    assert result.cancelled
    assert [s.finished for s in seen] == [1, 2, 3, 4, 5]
    assert seen[-1].total == 5
    assert [lean.get_link(c.link.id).status for c in active[2:]] == [LinkStatus.ACTIVE] * 3
    assert result.exit_code() == 4


def test_retry_failed_tries_only_the_failed_ones(
    workspace: Workspace, sim: Simulator, lean: LeanClient
) -> None:
    ids = [c.link.id for c in links_in(workspace, LinkStatus.ACTIVE)[:3]]
    plan = plan_ids(ids, workspace.link, LinkStatus.DISABLED, workspace.now())
    sim.faults.queue("503", method="PATCH")  # the first link's change fails on Lean's side
    first = run(workspace, plan, interval=0)[0].run()
    assert first.failed_ids() == [ids[0]]
    assert first.entries[0].http_status == 503
    assert lean.get_link(ids[0]).status == LinkStatus.ACTIVE

    patches = sim.requests.copy()
    again = run(workspace, plan.only(first.failed_ids()), interval=0)[0].run()

    assert [(e.link_id, e.outcome) for e in again.entries] == [(ids[0], Outcome.DONE)]
    assert lean.get_link(ids[0]).status == LinkStatus.DISABLED
    assert sum((sim.requests - patches).values()) <= 4  # one link's read, change and read back (+ token)
    assert again.exit_code() == 0


def test_already_in_the_target_status_is_skipped_and_counts_as_there(
    workspace: Workspace, lean: LeanClient
) -> None:
    disabled = links_in(workspace, LinkStatus.DISABLED)[:1]
    active = links_in(workspace, LinkStatus.ACTIVE)[:2]
    lean.set_status(active[1].link.id, LinkStatus.DISABLED)  # disabled since the last sync, elsewhere
    plan = plan_bulk([*disabled, *active], LinkStatus.DISABLED, workspace.now())
    assert plan.skip_counts() == {SkipKind.ALREADY: 1}  # the cache does not know of the second yet

    result = run(workspace, plan, interval=0)[0].run()

    assert [e.outcome for e in result.entries] == [Outcome.SKIPPED, Outcome.DONE, Outcome.SKIPPED]
    assert result.entries[2].item.skip == SkipKind.ALREADY  # found so on the re-read, not sent
    assert result.exit_code() == 0


def test_nothing_done_exits_1_and_targets_are_only_active_or_disabled(workspace: Workspace) -> None:
    expired = links_in(workspace, LinkStatus.EXPIRED)[:2]
    result = run(workspace, plan_bulk(expired, LinkStatus.DISABLED, workspace.now()))[0].run()
    assert result.exit_code() == 1
    assert result.counts()[Outcome.SKIPPED] == 2
    with pytest.raises(ValueError, match="disabled or enabled"):
        plan_bulk(expired, LinkStatus.EXPIRED, workspace.now())
