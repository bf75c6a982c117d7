"""The profile commands' environment names are Lean's, listed without importing the HTTP stack."""

from __future__ import annotations

from linkmanager import api
from linkmanager.cli.profile_cmds import LEAN_ENVIRONMENTS


def test_the_parsers_environment_names_are_the_apis() -> None:
    assert sorted(LEAN_ENVIRONMENTS) == sorted(api.ENVIRONMENTS)
