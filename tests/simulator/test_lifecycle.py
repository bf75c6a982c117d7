"""Lifecycle in simulated time: expiry, stuck usages, usage limits, simulated payers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import httpx
import pytest

from linkmanager.simulator import Simulator

from .conftest import LINKS, new_link_body


@pytest.fixture
def sim() -> Iterator[Simulator]:
    """Tokens that outlive the clock jumps below."""
    with Simulator(seed=7, links=60, token_ttl_seconds=10**8) as simulator:
        yield simulator


def _in(seconds: int) -> str:
    return (dt.datetime.now(dt.UTC) + dt.timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _link(client: httpx.Client, link_id: str) -> dict:
    return client.get(f"{LINKS}/{link_id}").json()


def test_link_expires_when_its_time_passes(sim: Simulator, client: httpx.Client) -> None:
    link_id = client.post(LINKS, json=new_link_body(expires_at=_in(3600))).json()["id"]
    sim.clock.advance(3000)
    assert _link(client, link_id)["status"] == "ACTIVE"
    sim.clock.advance(700)
    assert _link(client, link_id)["status"] == "EXPIRED"
    assert client.patch(f"{LINKS}/{link_id}", json={"status": "ACTIVE"}).status_code == 400


def test_a_disabled_link_still_expires(sim: Simulator, client: httpx.Client) -> None:
    link_id = client.post(LINKS, json=new_link_body(expires_at=_in(600))).json()["id"]
    assert client.patch(f"{LINKS}/{link_id}", json={"status": "DISABLED"}).status_code == 200
    sim.clock.advance(601)
    assert _link(client, link_id)["status"] == "EXPIRED"
    listed = client.get(LINKS, params={"size": 1}).json()["content"][0]
    assert listed["id"] == link_id
    assert listed["status"] == "EXPIRED"


def test_started_usage_expires_after_30_minutes(sim: Simulator, client: httpx.Client) -> None:
    link_id = client.post(LINKS, json=new_link_body(max_usages=1)).json()["id"]
    usage = sim.state.add_usage(link_id, status="STARTED")
    assert usage["payment_status"] is None
    assert usage["payment_id"] is None
    path = f"{LINKS}/{link_id}/usages/{usage['usage_id']}"
    sim.clock.advance(29 * 60)
    assert client.get(path).json()["usage_status"] == "STARTED"
    sim.clock.advance(61)
    assert client.get(path).json()["usage_status"] == "EXPIRED"
    assert _link(client, link_id)["current_usages"] == 0


def test_link_is_used_when_payments_reach_max_usages(sim: Simulator, client: httpx.Client) -> None:
    link_id = client.post(LINKS, json=new_link_body(max_usages=2)).json()["id"]
    sim.state.add_usage(link_id, status="FAILED")
    sim.state.add_usage(link_id, status="PAYMENT_CREATED", payment_status="ACCEPTED_BY_BANK")
    link = _link(client, link_id)
    assert (link["status"], link["current_usages"]) == ("ACTIVE", 1)
    sim.state.add_usage(link_id, status="PAYMENT_CREATED")
    link = _link(client, link_id)
    assert (link["status"], link["current_usages"]) == ("USED", 2)
    usages = client.get(f"{LINKS}/{link_id}/usages").json()
    assert usages["page"]["total_elements"] == 3
    assert [u["usage_status"] for u in usages["content"]] == ["PAYMENT_CREATED", "PAYMENT_CREATED", "FAILED"]
    assert client.put(f"{LINKS}/{link_id}", json={"status": "DISABLED"}).status_code == 400


def test_a_started_usage_counts_once_it_succeeds(sim: Simulator, client: httpx.Client) -> None:
    link_id = client.post(LINKS, json=new_link_body(max_usages=1)).json()["id"]
    usage = sim.state.add_usage(link_id, status="STARTED")
    sim.state.update_usage(usage["usage_id"], "PAYMENT_CREATED", "PENDING_WITH_BANK")
    link = _link(client, link_id)
    assert (link["status"], link["current_usages"]) == ("USED", 1)
    got = client.get(f"{LINKS}/{link_id}/usages/{usage['usage_id']}").json()
    sim.state.update_usage(usage["usage_id"], "FAILED", "REJECTED_BY_BANK")
    link = _link(client, link_id)
    assert (link["status"], link["current_usages"]) == ("USED", 1)  # the count only grows
    assert got["payment_status"] == "PENDING_WITH_BANK"
    assert got["payment_id"]


def test_add_usage_refuses_unknown_links_and_statuses(sim: Simulator) -> None:
    with pytest.raises(KeyError):
        sim.state.add_usage("00000000-0000-4000-8000-000000000000")
    link_id = sim.state.link_ids("ACTIVE")[0]
    with pytest.raises(ValueError, match="usage status"):
        sim.state.add_usage(link_id, status="DONE")


def test_simulated_payer_moves_through_lean_states(sim: Simulator, client: httpx.Client) -> None:
    outcomes = set()
    for _ in range(40):
        usage_id = sim.activity.step()
        assert usage_id is not None
        outcomes.add(usage_id)
    link_of = {}
    for link_id in sim.state.link_ids():
        for u in sim.state.list_usages(link_id, 0, 100)["content"]:
            if u["usage_id"] in outcomes:
                link_of[u["usage_id"]] = link_id
                assert u["usage_status"] == "STARTED"
                assert u["payment_status"] is None
    assert len(link_of) == 40
    sim.clock.advance(30)
    statuses = {
        (u["usage_status"], u["payment_status"])
        for uid, lid in link_of.items()
        for u in [client.get(f"{LINKS}/{lid}/usages/{uid}").json()]
    }
    assert ("PAYMENT_CREATED", "ACCEPTED_BY_BANK") in statuses
    assert ("FAILED", "FAILED") in statuses
    sim.clock.advance(30 * 60)
    final = {client.get(f"{LINKS}/{lid}/usages/{uid}").json()["usage_status"] for uid, lid in link_of.items()}
    assert "STARTED" not in final


def test_simulated_payers_never_overfill_a_link() -> None:
    with Simulator(links=0) as sim:
        link = sim.state.create_link(new_link_body(max_usages=3))
        for _ in range(20):
            sim.activity.step()
            sim.clock.advance(60)
        got = sim.state.get_link(link["id"])
        assert got is not None
        assert got["current_usages"] <= 3
        created = [
            u
            for u in sim.state.list_usages(link["id"], 0, 100)["content"]
            if u["usage_status"] == "PAYMENT_CREATED"
        ]
        assert len(created) == got["current_usages"]
        assert got["status"] == ("USED" if got["current_usages"] == 3 else "ACTIVE")


def test_activity_thread_starts_payments_and_stops() -> None:
    with Simulator(links=5, activity_per_minute=6000) as sim:
        before = sum(sim.state.list_usages(i, 0, 1)["page"]["total_elements"] for i in sim.state.link_ids())
        deadline = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=5)
        after = before
        while after == before and dt.datetime.now(dt.UTC) < deadline:
            after = sum(
                sim.state.list_usages(i, 0, 1)["page"]["total_elements"] for i in sim.state.link_ids()
            )
    assert after > before
    assert sim.activity._thread is None
