"""`linkmanager changes [--last N] [--json]`: after a sync, the payments the simulator made since the
one before, as a person and as a script read them (offline, from the cache)."""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from linkmanager.cli.changes_cmds import add_changes_parser, changes
from linkmanager.cli.main import _run
from linkmanager.simulator import Simulator
from linkmanager.simulator.errors import ApiError
from linkmanager.storage.paths import AppPaths

pytestmark = pytest.mark.usefixtures("memory_keyring")

Run = Any  # tests/cli/conftest.py


def parser() -> argparse.ArgumentParser:
    """The command's parser as cli.main would build it: `changes` under the program, the common options."""
    program = argparse.ArgumentParser(prog="linkmanager")
    program.add_argument("--home")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--home", default=argparse.SUPPRESS)
    common.add_argument("--profile", default=argparse.SUPPRESS)
    add_changes_parser(program.add_subparsers(dest="command"), common)
    return program


class Changes:
    def __init__(self, home: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.home = home
        self.capsys = capsys

    def __call__(self, *argv: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        args = parser().parse_args(["--home", str(self.home), "changes", *argv])
        code = _run(changes, args)  # the dispatch's error handling, as `main` runs it
        out, err = self.capsys.readouterr()
        return code, out, err


def _pay(sim: Simulator, outcomes: list[str]) -> dict[str, str]:
    """One payment on each of the first ACTIVE links that can take one: {usage id: link id}."""
    paid: dict[str, str] = {}
    for link_id in sim.state.link_ids(status="ACTIVE"):
        if len(paid) == len(outcomes):
            break
        try:
            paid[sim.pay(link_id, outcomes[len(paid)])["usage_id"]] = link_id
        except ApiError:
            continue
    assert len(paid) == len(outcomes)
    return paid


def test_changes_json_after_a_sync_lists_the_payments_the_simulator_made(
    run: Run, capsys: pytest.CaptureFixture[str]
) -> None:
    changes_run = Changes(run.home, capsys)
    with Simulator(seed=3, links=12) as sim:
        assert run.add_profile(sim)[0] == 0
        code, out, err = changes_run()
        assert (code, out, err.strip()) == (0, "", "No sync recorded yet.")
        assert not AppPaths.under(run.home).cache_file("Sim").exists()  # reading created nothing
        assert run("sync")[0] == 0
        code, out, _ = changes_run("--json")
        (first,) = json.loads(out)
        assert (first["first_sync"], first["new_payments"], first["links_added"]) == (True, [], 12)
        paid = _pay(sim, ["accepted", "pending", "failed"])
        assert run("sync", "--full")[0] == 0
    code, out, err = changes_run("--json")
    assert code == 0
    (digest,) = json.loads(out)
    assert digest["completed"] is True
    assert digest["first_sync"] is False
    assert {p["usage_id"]: p["link_id"] for p in digest["new_payments"]} == paid
    assert digest["new_payments_count"] == 3
    links = {link["id"]: link for link in json.loads(run("links", "--json")[1])}
    for payment in digest["new_payments"]:
        link, details = links[payment["link_id"]], links[payment["link_id"]]["payment_details"]
        assert Decimal(payment["amount"]) == Decimal(details["amount"])  # a string, exact
        assert payment["currency"] == details["currency"]
        assert payment["link_name"] == (link["name"] or details["reference"])
        assert payment["outcome_before"] is None
    outcomes = sorted(p["outcome"] for p in digest["new_payments"])
    assert outcomes == ["collected", "failed", "pending"]
    collected = next(p for p in digest["new_payments"] if p["outcome"] == "collected")
    assert digest["collected"] == {collected["currency"]: collected["amount"]}
    assert digest["finished_at"].endswith("Z")
    # Two syncs kept; newest first.
    code, out, _ = changes_run("--last", "5", "--json")
    assert [d["sync_id"] for d in json.loads(out)] == [digest["sync_id"], first["sync_id"]]
    # As a person reads it: the outcome, the amount with its currency, the link's name and ids.
    code, out, _ = changes_run()
    assert code == 0
    assert out.startswith("Full sync finished ")
    assert "New payments (3):" in out
    for usage_id, link_id in paid.items():
        line = next(line for line in out.splitlines() if usage_id in line)
        assert link_id in line
        assert links[link_id]["payment_details"]["currency"] in line
    assert "Collected: " in out


@pytest.mark.parametrize("value", ["0", "101", "two"])
def test_a_bad_count_is_refused_in_one_sentence(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        parser().parse_args(["changes", "--last", value])
    assert stopped.value.code == 2
    assert "a whole number from 1 to 100" in capsys.readouterr().err
