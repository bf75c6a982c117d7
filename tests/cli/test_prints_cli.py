"""`linkmanager prints [LINK_ID] [--json]`: the print register as a person or a script reads it, from a
profile synced from the simulator (names from the cache), the register written as the window does."""

from __future__ import annotations

import argparse
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from linkmanager.cli.main import _run
from linkmanager.cli.prints_cmds import add_prints_parser, prints
from linkmanager.simulator import Simulator
from linkmanager.storage.paths import AppPaths
from linkmanager.storage.print_register import PrintRecord, PrintRegister

pytestmark = pytest.mark.usefixtures("memory_keyring")

Run = Any  # tests/cli/conftest.py
T0 = datetime(2026, 5, 12, 8, 30, tzinfo=UTC)


def parser() -> argparse.ArgumentParser:
    """The command's parser as cli.main builds it: `prints` under the program, the common options."""
    program = argparse.ArgumentParser(prog="linkmanager")
    program.add_argument("--home")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--home", default=argparse.SUPPRESS)
    common.add_argument("--profile", default=argparse.SUPPRESS)
    add_prints_parser(program.add_subparsers(dest="command"), common)
    return program


class Prints:
    def __init__(self, home: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.home = home
        self.capsys = capsys

    def __call__(self, *argv: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        args = parser().parse_args(["--home", str(self.home), "prints", *argv])
        code = _run(prints, args)  # the dispatch's error handling, as `main` runs it
        out, err = self.capsys.readouterr()
        return code, out, err

    def register(self) -> PrintRegister:
        cache = AppPaths.under(self.home).cache_file("Sim")
        return PrintRegister.open(PrintRegister.beside(cache))


@pytest.fixture
def synced(run: Run, capsys: pytest.CaptureFixture[str]) -> tuple[Prints, list[dict[str, Any]]]:
    with Simulator(seed=3, links=12) as sim:
        assert run.add_profile(sim)[0] == 0
        assert run("sync")[0] == 0
    code, out, _ = run("links", "--json")
    assert code == 0
    return Prints(run.home, capsys), json.loads(out)


def test_an_empty_register_says_so_and_creates_nothing(synced: tuple[Prints, list[dict[str, Any]]]) -> None:
    prints_run, links = synced
    code, out, err = prints_run()
    assert code == 0
    assert out == ""
    assert err.strip() == (
        "The print register is empty: no QR code has been printed or saved from this profile yet."
    )
    code, out, err = prints_run("--json")
    assert (code, json.loads(out)) == (0, [])
    code, out, err = prints_run(links[0]["id"])
    assert (code, out) == (0, "")
    assert "No prints recorded for" in err
    caches = AppPaths.under(prints_run.home).caches_dir
    assert not any(p.name.endswith("-prints.sqlite3") for p in caches.iterdir())


def test_the_register_newest_first_in_text_and_json(synced: tuple[Prints, list[dict[str, Any]]]) -> None:
    prints_run, links = synced
    first, second = links[0], links[1]
    with prints_run.register() as register:
        register.record([
            PrintRecord(first["id"], T0, "print", "labels", 24, "HP LaserJet", "cashier"),
            PrintRecord(second["id"], T0, "print", "labels", 3, "HP LaserJet", "cashier"),
        ])  # fmt: skip
        register.record([PrintRecord(first["id"], T0 + timedelta(days=1), "qr_file", "svg", 1, "/tmp/a.svg")])

    code, out, err = prints_run()
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["When", "Link", "ID", "Name", "What", "Template", "Copies", "Where", "User"]
    assert len(lines) == 4
    assert re.match(r"2026-05-1[23] \d\d:\d\d [+-]\d\d:\d\d ", lines[1])  # local, with its offset
    assert first["id"] in lines[1]
    assert "QR file saved" in lines[1]
    assert "/tmp/a.svg" in lines[1]
    assert second["id"] in lines[2]  # of two at the same moment, the one recorded last first
    assert "24" in lines[3]
    assert "printed" in lines[3]
    assert "HP LaserJet" in lines[3]
    assert "cashier" in lines[3]
    assert err.strip() == "3 records, 28 items in all."

    code, out, err = prints_run(first["id"], "--json")
    assert code == 0
    assert json.loads(out) == [
        {
            "link_id": first["id"],
            "at": "2026-05-13T08:30:00Z",
            "kind": "qr_file",
            "template": "svg",
            "copies": 1,
            "where": "/tmp/a.svg",
            "user": "",
        },
        {
            "link_id": first["id"],
            "at": "2026-05-12T08:30:00Z",
            "kind": "print",
            "template": "labels",
            "copies": 24,
            "where": "HP LaserJet",
            "user": "cashier",
        },
    ]
    code, out, err = prints_run(first["id"])
    assert code == 0
    assert "Link ID" not in out  # one link: its id is not repeated on every line
    assert err.strip().startswith("2 records, 25 items in all for ")


def test_an_unknown_link_is_one_sentence_and_exit_1(synced: tuple[Prints, list[dict[str, Any]]]) -> None:
    prints_run, _ = synced
    code, out, err = prints_run("link-that-never-was")
    assert code == 1
    assert out == ""
    assert err == (
        "linkmanager: No link 'link-that-never-was' in the cache and no prints recorded for it: check the id "
        "(`linkmanager links` lists the cached links).\n"
    )


def test_a_link_gone_from_the_cache_still_lists_its_prints(
    synced: tuple[Prints, list[dict[str, Any]]],
) -> None:
    prints_run, _ = synced
    with prints_run.register() as register:
        register.record([PrintRecord("link-deleted", T0, "pdf", "card", 1, "/tmp/card.pdf", "cashier")])
    code, out, err = prints_run("link-deleted")
    assert code == 0
    assert "PDF saved" in out
    assert err.strip() == "1 record, 1 item in all for link-deleted."


def test_a_damaged_register_is_reported_not_a_traceback(synced: tuple[Prints, list[dict[str, Any]]]) -> None:
    prints_run, _ = synced
    path = PrintRegister.beside(AppPaths.under(prints_run.home).cache_file("Sim"))
    path.write_bytes(b"not a database at all\n" * 10)
    code, out, err = prints_run()
    assert code == 1
    assert out == ""
    assert err.startswith(
        f"linkmanager: The print register {path} cannot be used because it is not a database"
    )
    assert "Traceback" not in err
    assert path.read_bytes() == b"not a database at all\n" * 10
