"""`linkmanager disable|enable ID [ID ...]`: many links at once through the bulk engine, against the
simulator: the issue's case (four ACTIVE links and one EXPIRED one), unknown ids, the journal."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from linkmanager.simulator import Simulator
from linkmanager.storage.print_register import current_user

pytestmark = pytest.mark.usefixtures("memory_keyring")

Run = Any  # tests/cli/conftest.py


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(seed=3, links=40) as running:
        yield running


@pytest.fixture
def links(run: Run, sim: Simulator) -> dict[str, list[str]]:
    """The synced profile's link ids by effective status."""
    assert run.add_profile(sim)[0] == 0
    assert run("sync")[0] == 0
    code, out, _ = run("links", "--json")
    assert code == 0
    by_status: dict[str, list[str]] = {}
    for link in json.loads(out):
        by_status.setdefault(link["effective_status"], []).append(link["id"])
    return by_status


def test_four_active_and_one_expired_exit_4_disable_the_four_and_name_the_expired(
    run: Run, sim: Simulator, links: dict[str, list[str]]
) -> None:
    active, expired = links["ACTIVE"][:4], links["EXPIRED"][0]
    code, out, err = run("disable", *active, expired, "--reason", "Season over")
    assert code == 4, err
    assert [line.split(":")[0].split(" ")[0] for line in out.splitlines()] == active
    assert all(line.endswith(": disabled") for line in out.splitlines())
    assert expired in err
    assert "skipped" in err.splitlines()[-1]
    assert {sim.state.get_link(link_id)["status"] for link_id in active} == {"DISABLED"}

    code, out, _ = run("journal", "--json")
    assert code == 0
    entries = json.loads(out)
    done = [e for e in entries if e["outcome"] == "done"]
    assert sorted(e["link_id"] for e in done) == sorted(active)
    assert {(e["action"], e["reason"], e["user"], e["status_after"]) for e in done} == {
        ("disable", "Season over", current_user(), "DISABLED")
    }
    (refused,) = [e for e in entries if e["link_id"] == expired]
    assert refused["outcome"] == "refused"
    assert len({e["batch"] for e in entries}) == 1  # one bulk action
    assert run("journal", "--verify")[0] == 0


def test_every_link_already_in_the_target_status_is_exit_0_and_an_unknown_id_is_named(
    run: Run, sim: Simulator, links: dict[str, list[str]]
) -> None:
    disabled = links["DISABLED"][:2]
    code, _, err = run("enable", *disabled)
    assert code == 0, err
    code, _, err = run("disable", *disabled, "--yes")
    assert code == 0, err
    unknown = "00000000-0000-4000-8000-000000000000"
    code, out, err = run("enable", disabled[0], unknown)
    assert code == 4
    assert unknown in err
    assert out.startswith(disabled[0])
    assert sim.state.get_link(disabled[0])["status"] == "ACTIVE"


def test_nothing_changeable_is_exit_1(run: Run, links: dict[str, list[str]]) -> None:
    code, out, err = run("disable", *links["EXPIRED"][:2])
    assert (code, out) == (1, "")
    assert err.count("skipped") >= 2
