"""A sync stopped part-way says how far it got, in numbers the cache bears out."""

from __future__ import annotations

import threading

import pytest

from linkmanager.api import LeanClient
from linkmanager.api.retry import RetryPolicy
from linkmanager.services.messages import Action, MessageContext, MessageKind, message_for
from linkmanager.services.sync import SyncEngine, SyncFailed, SyncProgress
from linkmanager.simulator import Simulator
from linkmanager.storage.cache import LinkCache

from .conftest import client_for


def confirmed(cache: LinkCache) -> dict[str, object]:
    return {c.link.id: c.usages_confirmed_at for c in cache.links()}


def test_a_server_that_dies_mid_sync_is_said_as_interrupted_with_counts(
    sim: Simulator, client: LeanClient, cache: LinkCache
) -> None:
    first = SyncEngine(client, cache).run()
    assert first.completed
    assert first.links_total == 150
    assert first.links_updated == 150 - len(first.problem_links)
    before = confirmed(cache)

    def kill_midway(progress: SyncProgress) -> None:
        if progress.usage_links_done == 5:
            threading.Thread(target=sim.stop).start()

    with (
        client_for(sim, retry=RetryPolicy(attempts=2, base_delay=0.01)) as dying,
        pytest.raises(SyncFailed) as failed,
    ):
        SyncEngine(dying, cache, concurrency=2).run(full=True, progress=kill_midway)
    report = failed.value.report
    assert report.interrupted
    assert report.links_total == 150
    after = confirmed(cache)
    updated = sum(after[link_id] != when for link_id, when in before.items())
    assert 5 <= report.links_updated < 150
    assert report.links_updated == updated  # each one counted is stored, and only those

    message = message_for(failed.value, MessageContext("Shop", "sandbox"))
    assert message.kind is MessageKind.SYNC_INTERRUPTED
    assert message.headline == (
        f"Sync interrupted — {updated} of 150 links updated; the rest keeps its previous data."
    )
    assert message.action is Action.RETRY
    assert message.offline
    assert "Lean could not be reached for profile Shop (sandbox)" in message.advice


def test_a_sync_refused_at_sign_in_is_not_an_interruption(sim: Simulator, cache: LinkCache) -> None:
    sim.override_next(
        "POST", "/oauth2/token", 401, b'{"status": "UNAUTHORIZED", "message": "client authentication failed"}'
    )
    with client_for(sim) as refused, pytest.raises(SyncFailed) as failed:
        SyncEngine(refused, cache).run()
    assert not failed.value.report.interrupted
    message = message_for(failed.value, MessageContext("Shop", "sandbox"))
    assert message.kind is MessageKind.CREDENTIALS_REFUSED
    assert message.headline == "Lean did not accept the client secret of profile Shop (sandbox)."
