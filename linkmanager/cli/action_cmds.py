"""`linkmanager disable | enable LINK_ID`: online, re-reading the link first."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from linkmanager.cli.context import Context
from linkmanager.cli.output import safe
from linkmanager.domain.lifecycle import enable_deadline_text
from linkmanager.domain.status import LinkStatus
from linkmanager.services.actions import LinkActions


def add_action_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    for name, what in (
        ("disable", "stop a link from accepting payments"),
        ("enable", "re-enable a disabled link"),
    ):
        parser = commands.add_parser(name, parents=[common], help=f"{what} (online)")
        parser.add_argument("link_id", metavar="LINK_ID")


def set_status(ctx: Context, args: argparse.Namespace) -> int:
    target = LinkStatus.DISABLED if args.command == "disable" else LinkStatus.ACTIVE
    zone = datetime.now().astimezone().tzinfo or UTC
    change = LinkActions(ctx.cache(), ctx.client, tz=zone).set_status(args.link_id, target)
    name = safe(change.link.display_name)
    if target == LinkStatus.DISABLED:
        print(
            f"Link {change.link.id} ({name}) is disabled: customers opening it see an error page and cannot "
            f"start new payments. {enable_deadline_text(change.link, zone)}"
        )
    else:
        print(f"Link {change.link.id} ({name}) is active again: customers can pay through it.")
    return 0
