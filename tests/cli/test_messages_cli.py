"""The command line says the catalogue's sentence: the same headline and advice as the window,
then the command that does what the window's button does; exit codes as before."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from linkmanager.api.errors import AuthenticationError
from linkmanager.services.messages import MessageContext, message_for
from linkmanager.simulator import Simulator

from .conftest import Run

REFUSAL = b'{"status": "UNAUTHORIZED", "message": "client authentication failed"}'


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(seed=11, links=10) as simulator:
        yield simulator


def test_a_refused_secret_says_which_profile_and_what_to_do(
    run: Run, sim: Simulator, memory_keyring: Any
) -> None:
    assert run.add_profile(sim)[0] == 0
    sim.override_next("POST", "/oauth2/token", 401, REFUSAL)  # the secret was revoked at Lean
    code, out, err = run("sync")
    assert code == 1
    assert out == ""
    window = message_for(
        AuthenticationError(401, request="sign in (POST /oauth2/token)"), MessageContext("Sim", "custom")
    )
    assert window.headline == "Lean did not accept the client secret of profile Sim (custom address)."
    assert err == f"linkmanager: {window.headline} {window.advice} Run `linkmanager profile secret Sim`.\n"
    assert sim.client_secret not in err


def test_offline_names_the_profile_and_the_reason_and_exits_3(
    run: Run, sim: Simulator, memory_keyring: Any
) -> None:
    assert run.add_profile(sim)[0] == 0
    assert run("sync")[0] == 0
    sim.stop()
    code, _, err = run("sync")
    assert code == 3
    assert err.startswith(
        "linkmanager: Lean could not be reached for profile Sim (custom address) (connection refused). "
        "Check this computer's network connection"
    )
    assert "still answers reads" in err
    assert err.count("\n") == 1
