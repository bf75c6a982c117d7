"""`linkmanager` with no command starts the window without loading any command's module."""

from __future__ import annotations

import pytest

from linkmanager.cli.main import build_parser, window_args


def test_the_window_options_parse_as_the_whole_parser_parses_them() -> None:
    argv = ["--profile", "links", "--home", "/tmp/x", "--demo", "-v"]  # a profile named like a command
    args = window_args(argv)
    assert args is not None
    assert vars(args) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [
        ["links"],
        ["--profile", "Shop", "sync"],
        ["-h"],
        ["--help"],
        ["-vh"],  # bundled with -v, as the whole parser reads it
        ["--h", "/tmp/x"],  # --help or --home: the whole parser calls it ambiguous
        ["--profile"],  # no value: the whole parser says so, with its own usage line
        ["sim", "--port", "0"],
        ["--nonsense"],
    ],
)
def test_a_command_help_or_a_mistake_goes_to_the_whole_parser(argv: list[str]) -> None:
    assert window_args(argv) is None


def test_the_version_is_said_without_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        window_args(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.startswith("linkmanager ")
