"""`linkmanager watch` in-process against the simulator, a payer paying from another thread.

The payer is the simulator's own (POST /_sim/links/{id}/pay, over HTTP as a demo script would).
"""

from __future__ import annotations

import _thread
import datetime as dt
import json
import re
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from linkmanager.simulator import Simulator

Run = Any
MemoryKeyring = Any

USAGE_FIELDS = {
    "usage_id",
    "payment_link_id",
    "usage_status",
    "customer_id",
    "payment_id",
    "payment_status",
    "identifiers",
}


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(seed=7, links=3) as simulator:
        yield simulator


def new_link(sim: Simulator, **extra: Any) -> str:
    body = {"name": "Counter", "payment_details": {"reference": "POS-1", "currency": "AED", "amount": 262}}
    return str(sim.state.create_link({**body, **extra})["id"])


def pay_later(
    sim: Simulator, link_id: str, outcome: str = "accepted", after: float = 1.0
) -> threading.Thread:
    """A customer paying `after` seconds from now, through the simulator's HTTP endpoint."""

    def pay() -> None:
        threading.Event().wait(after)
        response = httpx.post(f"{sim.pay_url_prefix}{link_id}/pay", json={"outcome": outcome}, timeout=10)
        assert response.status_code == 201, response.text

    thread = threading.Thread(target=pay, daemon=True)
    thread.start()
    return thread


@pytest.fixture
def profile(run: Run, sim: Simulator, memory_keyring: MemoryKeyring) -> Run:
    code, _, err = run.add_profile(sim)
    assert code == 0, err
    return run


def test_until_paid_prints_the_payment_as_one_json_line_and_exits_0(profile: Run, sim: Simulator) -> None:
    link_id = new_link(sim)
    payer = pay_later(sim, link_id)
    code, out, err = profile("watch", link_id, "--json", "--until-paid", "--interval", "1")
    payer.join()
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 1
    event = json.loads(lines[0])
    assert set(event) == {"event", "link_id", "usage", "status", "outcome", "seen_at"}
    assert event["event"] == "usage"
    assert event["link_id"] == link_id
    assert event["status"] is None
    assert event["outcome"] == "collected"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", event["seen_at"])
    usage = event["usage"]
    assert set(usage) == USAGE_FIELDS
    assert usage["payment_link_id"] == link_id
    assert (usage["usage_status"], usage["payment_status"]) == ("PAYMENT_CREATED", "ACCEPTED_BY_BANK")
    assert "Watching Counter" in err
    # Stored as a sync stores it: the offline `usages` command knows it now.
    code, cached, _ = profile("usages", link_id, "--json")
    assert code == 0
    assert [u["usage_id"] for u in json.loads(cached)] == [usage["usage_id"]]


def test_a_failed_attempt_does_not_end_until_paid_and_lines_are_for_people(
    profile: Run, sim: Simulator, dubai: None
) -> None:
    link_id = new_link(sim)
    sim.pay(link_id, "failed")  # before the watch: known, never reported
    failed = pay_later(sim, link_id, "failed", after=0.5)
    paid = pay_later(sim, link_id, "accepted", after=2.5)
    code, out, err = profile("watch", link_id, "--until-paid", "--interval", "1")
    failed.join()
    paid.join()
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 2
    assert re.match(
        r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+04:00  payment failed  AED 262\.00  \(FAILED, FAILED\)", lines[0]
    )
    assert re.match(
        r".* \+04:00  payment collected  AED 262\.00  \(PAYMENT_CREATED, ACCEPTED_BY_BANK\)", lines[1]
    )


def test_a_disabled_link_is_watched_and_said_to_take_no_payments_now(profile: Run, sim: Simulator) -> None:
    link_id = new_link(sim)
    sim.state.set_status(link_id, "DISABLED")

    def enable_then_pay() -> None:
        threading.Event().wait(1.0)
        sim.state.set_status(link_id, "ACTIVE")
        sim.pay(link_id, "accepted")

    thread = threading.Thread(target=enable_then_pay, daemon=True)
    thread.start()
    code, out, err = profile("watch", link_id, "--json", "--until-paid", "--interval", "1")
    thread.join()
    assert code == 0, err
    assert "disabled and cannot take payments now" in err
    assert json.loads(out.splitlines()[-1])["outcome"] == "collected"


def test_ctrl_c_ends_the_watch_with_130(profile: Run, sim: Simulator) -> None:
    link_id = new_link(sim)
    timer = threading.Timer(1.5, _thread.interrupt_main)
    timer.start()
    code, out, err = profile("watch", link_id, "--interval", "1")
    timer.join()
    assert code == 130
    assert out == ""
    assert "Cancelled." in err


def test_an_unknown_link_exits_1_with_one_sentence(profile: Run) -> None:
    code, out, err = profile("watch", "1b4e28ba-2fa1-11d2-883f-0016d3cca427")
    assert code == 1
    assert out == ""
    assert err.strip() == (
        "linkmanager: Lean has no payment link 1b4e28ba-2fa1-11d2-883f-0016d3cca427; check the id."
    )


def test_used_and_expired_links_exit_1_cannot_take_payments(profile: Run, sim: Simulator) -> None:
    used = new_link(sim, max_usages=1)
    sim.pay(used, "accepted")
    code, _, err = profile("watch", used)
    assert code == 1
    assert err.strip() == "linkmanager: Link Counter is used up and cannot take payments; create a new link."
    expires = (dt.datetime.now(dt.UTC) + dt.timedelta(minutes=10)).strftime("%Y-%m-%dT%H:%M:%SZ")
    expiring = new_link(sim, expires_at=expires)
    sim.clock.advance(601)
    code, _, err = profile("watch", expiring, "--json")
    assert code == 1
    assert len(err.strip().splitlines()) == 1
    assert "has expired and cannot take payments" in err


@pytest.mark.parametrize("interval", ["0.5", "0", "soon", "nan"])
def test_an_interval_under_one_second_is_a_usage_error(
    run: Run, capsys: pytest.CaptureFixture[str], interval: str
) -> None:
    with pytest.raises(SystemExit) as stopped:
        run("watch", "some-link", "--interval", interval)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert f"argument --interval: {interval!r} is not a number of seconds of at least 1" in err


def test_lean_unreachable_at_the_start_exits_3(profile: Run, sim: Simulator) -> None:
    link_id = new_link(sim)
    sim.stop()
    code, out, err = profile("watch", link_id)
    assert code == 3
    assert out == ""
    assert err.startswith("linkmanager: ")
