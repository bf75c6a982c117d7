"""`linkmanager journal [--link ID] [--since DATE] [--json] | --verify` on a profile synced from the
simulator, after `disable`/`enable` journalled what they asked: who, where, before → after, the
reason; a changed entry makes --verify fail naming it; `disable` without a reason is refused for a
production profile before any request."""

from __future__ import annotations

import argparse
import json
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from linkmanager.cli.journal_cmds import add_journal_parser, journal
from linkmanager.cli.main import _run
from linkmanager.simulator import Simulator
from linkmanager.storage.journal import ActionJournal
from linkmanager.storage.paths import AppPaths
from linkmanager.storage.print_register import current_user
from linkmanager.storage.profiles import ProfileStore

pytestmark = pytest.mark.usefixtures("memory_keyring")

Run = Any  # tests/cli/conftest.py


def parser() -> argparse.ArgumentParser:
    """The command's parser as cli.main will build it: `journal` under the program, the common options."""
    program = argparse.ArgumentParser(prog="linkmanager")
    program.add_argument("--home")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--home", default=argparse.SUPPRESS)
    common.add_argument("--profile", default=argparse.SUPPRESS)
    add_journal_parser(program.add_subparsers(dest="command"), common)
    return program


class Journal:
    def __init__(self, home: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.home = home
        self.capsys = capsys

    def __call__(self, *argv: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        args = parser().parse_args(["--home", str(self.home), "journal", *argv])
        code = _run(journal, args)  # the dispatch's error handling, as `main` runs it
        out, err = self.capsys.readouterr()
        return code, out, err

    @property
    def path(self) -> Path:
        return ActionJournal.beside(AppPaths.under(self.home).cache_file("Sim"))


@pytest.fixture
def sim() -> Any:
    with Simulator(seed=3, links=30) as simulator:
        yield simulator


@pytest.fixture
def synced(run: Run, sim: Simulator, capsys: pytest.CaptureFixture[str]) -> Journal:
    assert run.add_profile(sim)[0] == 0
    assert run("sync")[0] == 0
    return Journal(run.home, capsys)


def test_nothing_journalled_yet_says_so_and_creates_nothing(synced: Journal) -> None:
    code, out, err = synced()
    assert (code, out) == (0, "")
    assert err.strip() == (
        "The action journal is empty: no link has been disabled, enabled or created from this profile yet."
    )
    assert json.loads(synced("--json")[1]) == []
    assert synced("--verify")[:2] == (
        0,
        "Journal intact: 0 entries (nothing has been journalled from this profile yet).\n",
    )
    assert not synced.path.exists()


def test_disable_and_enable_are_listed_newest_first_and_as_json(
    synced: Journal, run: Run, sim: Simulator
) -> None:
    active = sim.state.link_ids(status="ACTIVE")[:2]
    assert run("disable", active[0], "--reason", "Season over")[0] == 0
    assert run("disable", active[1], "--reason", "Season over")[0] == 0
    assert run("enable", active[0])[0] == 0
    expired = sim.state.link_ids(status="EXPIRED")[0]
    assert run("disable", expired, "--reason", "Tidy up")[0] == 1  # refused by the rules, journalled
    code, out, err = synced("--json")
    assert code == 0
    entries = json.loads(out)
    assert [(e["action"], e["link_id"], e["outcome"]) for e in entries] == [
        ("disable", expired, "refused"),
        ("enable", active[0], "done"),
        ("disable", active[1], "done"),
        ("disable", active[0], "done"),
    ]
    first = entries[-1]
    assert first == {
        **first,
        "seq": 1,
        "user": current_user(),
        "profile": "Sim",
        "environment": "custom",
        "status_before": "ACTIVE",
        "status_after": "DISABLED",
        "reason": "Season over",
        "http_status": None,
        "request_id": None,
    }
    assert isinstance(first["link_name"], str)  # the cached name
    assert first["at"].endswith("Z")
    assert err.strip() == "4 entries (1 refused or failed)."
    code, out, err = synced()
    lines = out.splitlines()
    assert lines[0].split() == [
        "When",
        "User",
        "Profile",
        "Action",
        "Link",
        "ID",
        "Name",
        "Status",
        "Outcome",
        "Lean",
        "Reason",
        "Message",
    ]
    assert "ACTIVE → DISABLED" in lines[-1]
    assert "Season over" in lines[-1]
    assert "Sim/custom" in lines[-1]
    code, out, err = synced("--link", active[0], "--json")
    assert [e["action"] for e in json.loads(out)] == ["enable", "disable"]
    tomorrow = (datetime.now(UTC).astimezone() + timedelta(days=1)).date().isoformat()
    code, out, err = synced("--since", tomorrow, "--json")
    assert (code, json.loads(out), err.strip()) == (0, [], "Nothing journalled since then.")


def test_changing_an_entry_s_text_makes_verify_fail_naming_it(
    synced: Journal, run: Run, sim: Simulator
) -> None:
    for link_id in sim.state.link_ids(status="ACTIVE")[:3]:
        assert run("disable", link_id, "--reason", "Closing")[0] == 0
    code, out, err = synced("--verify")
    assert (code, out, err) == (0, "Journal intact: 3 entries.\n", "")
    conn = sqlite3.connect(synced.path, isolation_level=None)
    conn.execute("UPDATE entries SET reason = 'Approved' WHERE seq = 2")
    conn.close()
    code, out, err = synced("--verify")
    assert (code, out) == (1, "")
    assert err.startswith(f"Entry 2 of the action journal {synced.path} was changed after it was written")
    assert "LinkManager leaves the journal as it is" in err


def test_bad_options_are_said_and_change_nothing(synced: Journal) -> None:
    code, _, err = synced("--since", "yesterday")
    assert code == 2
    assert (
        err.strip() == "linkmanager: --since takes a day as YYYY-MM-DD, such as 2026-03-01, not 'yesterday'."
    )
    code, _, err = synced("--verify", "--json")
    assert (code, err.strip()) == (2, "linkmanager: --verify checks the whole journal: give it alone.")
    assert not synced.path.exists()


def test_a_production_disable_without_a_reason_is_refused_before_any_request(
    synced: Journal, run: Run, sim: Simulator
) -> None:
    store = ProfileStore(AppPaths.under(run.home).profiles_file)
    store.update(replace(store.get("Sim"), environment="production"))
    link_id = sim.state.link_ids(status="ACTIVE")[0]
    before = sum(sim.requests.values())
    code, _, err = run("disable", link_id)
    assert code == 2
    assert err.strip() == (
        "linkmanager: Give a reason for this change: it is required for production links. Nothing was sent (--reason TEXT)."
    )
    assert sum(sim.requests.values()) == before
    assert sim.state.get_link(link_id)["status"] == "ACTIVE"
    assert run("disable", link_id, "--reason", "Fraud report")[0] == 0
    entry = json.loads(synced("--json")[1])[0]
    assert (entry["environment"], entry["reason"], entry["outcome"]) == ("production", "Fraud report", "done")


def test_a_journal_that_cannot_be_used_does_not_stop_the_change(
    synced: Journal, run: Run, sim: Simulator
) -> None:
    synced.path.write_bytes(b"not a journal at all\n" * 40)
    link_id = sim.state.link_ids(status="ACTIVE")[0]
    code, out, err = run("disable", link_id)
    assert code == 0
    assert "is disabled" in out
    assert err.startswith(
        f"This change will not be journalled: The action journal {synced.path} cannot be used"
    )
    assert sim.state.get_link(link_id)["status"] == "DISABLED"
    code, _, err = synced("--verify")
    assert code == 1
    assert "is not a database" in err
