"""The command line as a script uses it, and Lean's contract checker against the simulator."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from linkmanager.simulator import Simulator

from .conftest import LINKS, TLS

REPO = Path(__file__).resolve().parents[2]
CHECK_CONTRACT = REPO.parent / "shared" / "tools" / "check-contract"


def _start(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-m", "linkmanager.simulator", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def served() -> Iterator[tuple[subprocess.Popen[str], dict[str, str]]]:
    proc = _start("--port", "0", "--links", "25", "--seed", "3")
    try:
        assert proc.stdout is not None
        ready = json.loads(proc.stdout.readline())
        yield proc, ready
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=10)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_cli_serves_until_signalled(served: tuple[subprocess.Popen[str], dict[str, str]], sig: int) -> None:
    proc, ready = served
    assert set(ready) == {"api_url", "token_url", "client_id", "client_secret"}
    assert ready["api_url"].startswith("http://127.0.0.1:")
    with httpx.Client(verify=TLS, timeout=10) as http:
        form = {
            "client_id": ready["client_id"],
            "client_secret": ready["client_secret"],
            "grant_type": "client_credentials",
            "scope": "api",
        }
        token = http.post(ready["token_url"], data=form).json()["access_token"]
        listed = http.get(ready["api_url"] + LINKS, headers={"Authorization": f"Bearer {token}"})
    assert listed.json()["page"]["total_elements"] == 25
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=10)
    assert proc.returncode == 0
    assert out == ""  # nothing after the one JSON line
    assert "Traceback" not in err
    assert ready["client_secret"] not in err
    assert "stopped" in err


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--faults", "503=2"], "between 0 and 1"),
        (["--links", "-1"], "0 or more"),
        (["--port", "70000"], "port"),
    ],
)
def test_cli_refuses_bad_options(args: list[str], words: str) -> None:
    proc = _start(*args)
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == 2
    assert out == ""
    assert words in err


@pytest.mark.timeout(600)  # the first run builds the checker's own venv under /tmp
def test_contract_checker_passes_with_writes() -> None:
    if not CHECK_CONTRACT.exists():
        # CI always has shared/ beside the clone: there a missing checker is a failure.
        if os.environ.get("CI"):
            pytest.fail(f"{CHECK_CONTRACT} is not beside this checkout")
        pytest.skip(f"{CHECK_CONTRACT} is not beside this checkout")
    with Simulator() as sim:
        result = subprocess.run(
            [
                str(CHECK_CONTRACT),
                "--base",
                sim.api_url,
                "--token-url",
                sim.token_url,
                "--client-id",
                sim.client_id,
                "--client-secret",
                sim.client_secret,
                "--write",
            ],
            capture_output=True,
            text=True,
            timeout=580,
            check=False,
        )
    last = result.stdout.strip().splitlines()[-1]
    failures = [line for line in result.stdout.splitlines() if line.startswith("FAIL")]
    assert failures == []
    assert " 0 failed" in last, result.stdout[-2000:] + result.stderr[-2000:]
    assert result.returncode == 0
