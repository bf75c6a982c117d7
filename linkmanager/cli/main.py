"""The headless command line: `linkmanager COMMAND ...`, thin over the services.

Commands import their modules lazily so that `linkmanager sim` starts fast and so that
nothing here pulls in Qt.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from linkmanager import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="linkmanager",
        description="Manage Lean Technologies Payment Links from the desktop and the command line.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens to stderr")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    from linkmanager.simulator.cli import add_sim_arguments

    sim = commands.add_parser(
        "sim",
        help="run the built-in Lean Payment Links simulator on loopback",
        description="Serve a simulated Lean Payment Links API until interrupted. The first line on "
        "stdout is a JSON object with api_url, token_url, client_id and client_secret.",
    )
    add_sim_arguments(sim)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if args.command == "sim":
        from linkmanager.simulator.cli import run_sim

        return run_sim(args)
    parser.print_help(sys.stderr)
    return 2
