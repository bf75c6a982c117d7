"""`linkmanager COMMAND ...`: the parser, the dispatch, and errors turned into one clear sentence.

Commands import what they need lazily where it is heavy, so `linkmanager sim` starts fast and
nothing here pulls in Qt. Exit codes: cli/exit_codes.py.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from linkmanager import __version__
from linkmanager.cli.exit_codes import EXIT_BROKEN_PIPE, EXIT_CANCELLED


class _NotTheWindow(Exception):
    """argv is not (only) the window's options: the whole parser must read it."""


class _WindowParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotTheWindow(message)


def _program_parser(
    parser_class: type[argparse.ArgumentParser] = argparse.ArgumentParser, *, add_help: bool = True
) -> argparse.ArgumentParser:
    """The program's own options: all the window takes."""
    parser = parser_class(
        prog="linkmanager",
        description="Manage Lean Technologies Payment Links from the desktop and the command line.",
        add_help=add_help,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens to stderr")
    parser.add_argument(
        "--home", metavar="DIR", help="keep profiles and caches in DIR (also LINKMANAGER_HOME)"
    )
    parser.add_argument("--profile", metavar="NAME", help="the profile to open (with no command: the window)")
    window = parser.add_argument_group("the window (when no command is given)")
    window.add_argument(
        "--demo", action="store_true", help="explore with demo data: the built-in simulator, no Lean account"
    )
    window.add_argument(
        "--screenshot", metavar="PATH", help="start, wait for the first sync, save the window as PNG, exit"
    )
    window.add_argument(
        "--view", choices=("links", "payments"), help="with --screenshot: the view to save (default: links)"
    )
    window.add_argument(
        "--counter",
        metavar="LINK_ID",
        help="with --screenshot: open the counter display for LINK_ID ('first': the first active link) "
        "and save the display as PATH and its operator panel as PATH-operator.png",
    )
    window.add_argument(
        "--lang",
        choices=("en", "ar"),
        help="the window's language for this run: English, or Arabic right to left (default: Settings, else the system's)",
    )
    window.add_argument(
        "--self-test", action="store_true", help="check resources, QR, cache and keyring, then exit"
    )
    return parser


def window_args(argv: Sequence[str] | None = None) -> argparse.Namespace | None:
    """The window's options when `argv` names no command and asks for no help; else None.

    Parsed without building the commands' parsers, whose modules (creation, printing, QR, the
    simulator's options) would otherwise be imported on every start of the window.
    """
    parser = _program_parser(_WindowParser, add_help=False)
    # -h/--help noted, not handled: read as the whole parser reads it (-vh, --he, the ambiguous --h)
    parser.add_argument("-h", "--help", action="store_true")
    try:
        args, rest = parser.parse_known_args(argv)
    except _NotTheWindow:
        return None  # a mistake: the whole parser says what it is
    if rest or args.help:
        return None  # a command or help: the whole parser answers
    del args.help
    args.command = None
    return args


def build_parser() -> argparse.ArgumentParser:
    from linkmanager.cli.action_cmds import add_action_parsers
    from linkmanager.cli.changes_cmds import add_changes_parser
    from linkmanager.cli.create_cmds import add_create_parser
    from linkmanager.cli.journal_cmds import add_journal_parser
    from linkmanager.cli.payment_cmds import add_payment_parsers
    from linkmanager.cli.prints_cmds import add_prints_parser
    from linkmanager.cli.profile_cmds import add_profile_parsers
    from linkmanager.cli.qr_cmds import add_qr_parsers
    from linkmanager.cli.read_cmds import add_read_parsers
    from linkmanager.cli.reconcile_cmds import add_reconcile_parser
    from linkmanager.cli.sync_cmds import add_sync_parser
    from linkmanager.cli.watch_cmds import add_watch_parser
    from linkmanager.simulator.cli import add_sim_arguments

    parser = _program_parser()
    # Options every profile command takes, also after the command name.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--home", metavar="DIR", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    common.add_argument(
        "--profile",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help="the profile to use (not needed when there is one)",
    )

    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_profile_parsers(commands, common)
    add_sync_parser(commands, common)
    add_read_parsers(commands, common)
    add_payment_parsers(commands, common)
    add_reconcile_parser(commands, common)
    add_action_parsers(commands, common)
    add_qr_parsers(commands, common)
    add_create_parser(commands, common)
    add_watch_parser(commands, common)
    add_prints_parser(commands, common)
    add_journal_parser(commands, common)
    add_changes_parser(commands, common)
    sim = commands.add_parser(
        "sim",
        help="run the built-in Lean Payment Links simulator on loopback",
        description="Serve a simulated Lean Payment Links API until interrupted. The first line on "
        "stdout is a JSON object with api_url, token_url, client_id and client_secret.",
    )
    add_sim_arguments(sim)
    return parser


def _handler(args: argparse.Namespace) -> Callable[..., int]:
    from linkmanager.cli import (
        action_cmds,
        changes_cmds,
        create_cmds,
        journal_cmds,
        payment_cmds,
        prints_cmds,
        profile_cmds,
        qr_cmds,
        read_cmds,
        reconcile_cmds,
        sync_cmds,
        watch_cmds,
    )

    if args.command == "profile":
        return {
            "add": profile_cmds.profile_add,
            "secret": profile_cmds.profile_secret,
            "list": profile_cmds.profile_list,
            "remove": profile_cmds.profile_remove,
        }[args.profile_command]
    return {
        "sync": sync_cmds.sync,
        "links": read_cmds.links,
        "usages": read_cmds.usages,
        "search": read_cmds.search,
        "payments": payment_cmds.payments,
        "totals": payment_cmds.totals,
        "export": payment_cmds.export,
        "reconcile": reconcile_cmds.reconcile,
        "disable": action_cmds.set_status,
        "enable": action_cmds.set_status,
        "qr": qr_cmds.qr,
        "print": qr_cmds.print_sheet,
        "create": create_cmds.create,
        "watch": watch_cmds.watch,
        "prints": prints_cmds.prints,
        "journal": journal_cmds.journal,
        "changes": changes_cmds.changes,
    }[args.command]


def main(argv: Sequence[str] | None = None) -> int:
    args = window_args(argv) or build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if args.command == "sim":
        from linkmanager.simulator.cli import run_sim

        return run_sim(args)
    if args.command is None:
        # No command: the window (Qt is imported only here, never by the command line).
        from linkmanager.app import run_gui

        return run_gui(args)
    try:
        code = _run(_handler(args), args)
        sys.stdout.flush()  # inside the try: a reader that left fails here, not at exit
        return code
    except BrokenPipeError:
        # The reader went away (`linkmanager links | head`): not worth a traceback. Point stdout
        # at /dev/null so Python's own flush at exit does not fail again (Python docs, "SIGPIPE").
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


def _run(handler: Callable[..., int], args: argparse.Namespace) -> int:
    from linkmanager.cli.context import Context
    from linkmanager.cli.errors import explain

    ctx = Context(home=args.home, profile_name=getattr(args, "profile", None))
    try:
        return handler(ctx, args)
    except KeyboardInterrupt:
        print("Cancelled.", file=sys.stderr)
        return EXIT_CANCELLED
    except Exception as exc:
        known = explain(exc, ctx)
        if known is None:
            raise
        message, code = known
        from linkmanager.cli.output import safe

        print(f"linkmanager: {safe(message)}", file=sys.stderr)  # Lean's words may hold escapes
        return code
    finally:
        ctx.close()
