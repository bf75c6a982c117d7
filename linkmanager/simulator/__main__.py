"""`python -m linkmanager.simulator`: the simulator without the rest of the application."""

from __future__ import annotations

import argparse
import logging
import sys

from linkmanager.simulator.cli import add_sim_arguments, run_sim


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m linkmanager.simulator",
        description="Serve a simulated Lean Payment Links API on loopback.",
    )
    add_sim_arguments(parser)
    parser.add_argument("-v", "--verbose", action="store_true", help="log every request to stderr")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING, stream=sys.stderr)
    return run_sim(args)


if __name__ == "__main__":
    sys.exit(main())
