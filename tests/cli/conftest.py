"""The command line run in-process as a person or a script runs it: a throwaway --home, an
in-memory keyring (tests/conftest.py) and, where a profile is needed, the simulator."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from linkmanager.cli import main


class Run:
    """`run("links", "--json")` -> (exit code, stdout, stderr), with --home set."""

    def __init__(
        self, home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        self.home = home
        self.capsys = capsys
        self.monkeypatch = monkeypatch

    def __call__(self, *argv: str, stdin: str = "") -> tuple[int, str, str]:
        self.monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        self.capsys.readouterr()
        code = main(["--home", str(self.home), *argv])
        out, err = self.capsys.readouterr()
        return code, out, err

    def add_profile(self, sim: Any, name: str = "Sim") -> tuple[int, str, str]:
        """`profile add NAME` for a running simulator, its secret on stdin."""
        return self(
            "profile", "add", name, "--api-url", sim.api_url, "--token-url", sim.token_url,
            "--client-id", sim.client_id, "--secret-stdin", stdin=sim.client_secret + "\n",
        )  # fmt: skip


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.delenv("LINKMANAGER_HOME", raising=False)
    return Run(tmp_path / "home", capsys, monkeypatch)


@pytest.fixture
def run_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[[str], Run]:
    """Runners for several homes side by side: run_in("a"), run_in("b")."""
    monkeypatch.delenv("LINKMANAGER_HOME", raising=False)
    return lambda name: Run(tmp_path / name, capsys, monkeypatch)
