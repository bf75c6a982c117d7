"""`linkmanager watch LINK_ID`: payments on one link as Lean reports them, until Ctrl+C.

One line per event on stdout (or, with --json, one JSON object per line, flushed as it comes);
Lean out of reach and back again is said on stderr in both modes, so stdout stays the events.
`--until-paid` exits 0 after the first collected payment (ACCEPTED_BY_BANK or PROCESSED). The
poller is services.watch's, the one the window's counter display uses.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import datetime
from typing import TYPE_CHECKING, Any, TextIO

from linkmanager.cli.context import Context
from linkmanager.cli.exit_codes import EXIT_ERROR, EXIT_OK
from linkmanager.cli.output import safe, usage_json, utc_text
from linkmanager.cli.profile_cmds import CommandError
from linkmanager.domain.lifecycle import offset_text
from linkmanager.domain.models import PaymentLink, ensure_utc
from linkmanager.domain.money import format_money
from linkmanager.domain.status import LinkStatus
from linkmanager.services.watch_rules import DEFAULT_INTERVAL, MIN_INTERVAL, check_interval

if TYPE_CHECKING:
    from linkmanager.services.watch import WatchEvent

CANNOT_PAY = frozenset({LinkStatus.DISABLED, LinkStatus.EXPIRED, LinkStatus.USED})


def add_watch_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    watch = commands.add_parser(
        "watch",
        parents=[common],
        help="show payments on one link as they arrive (online, until Ctrl+C)",
        description="Watch one link: every payment Lean reports for it, each change of a payment's "
        "outcome, and the link's status, one line each, until Ctrl+C (exit 130). New payments and "
        "changes are stored in the cache as a sync stores them. When Lean cannot be reached the watch "
        "says so on stderr and keeps trying, waiting longer each time (up to 30 s). Exits 1 for a link "
        "Lean does not know or one that is USED or EXPIRED, 3 when Lean cannot be reached at the start.",
    )
    watch.add_argument("link_id", metavar="LINK_ID")
    watch.add_argument(
        "--interval",
        type=_interval,
        default=DEFAULT_INTERVAL,
        metavar="SECONDS",
        help=f"seconds between looks at Lean, at least {MIN_INTERVAL:g} (default {DEFAULT_INTERVAL:g})",
    )
    watch.add_argument(
        "--json",
        action="store_true",
        help='one JSON object per line per event: {"event": "usage", "usage_changed" or "link_status", '
        '"link_id", "usage": Lean\'s usage fields or null, "status", "outcome", "seen_at"}',
    )
    watch.add_argument(
        "--until-paid",
        action="store_true",
        help="exit 0 after the first collected payment (ACCEPTED_BY_BANK or PROCESSED)",
    )


def _interval(text: str) -> float:
    try:
        return check_interval(float(text))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a number of seconds of at least {MIN_INTERVAL:g}"
        ) from None


def watch(ctx: Context, args: argparse.Namespace) -> int:
    from linkmanager.services.watch import LinkWatcher, WatchError  # with the API client, not the parser

    watcher = LinkWatcher(ctx.client, ctx.cache(), args.link_id, interval=args.interval)
    try:
        try:
            link = watcher.start()
        except WatchError as exc:
            raise CommandError(str(exc), EXIT_ERROR) from None
        print(_opening(link, watcher.status, args), file=sys.stderr, flush=True)
        while True:
            for event in watcher.poll():
                if event.kind in ("unreachable", "reachable"):
                    print(f"linkmanager watch: {event.message}", file=sys.stderr, flush=True)
                    continue
                _show(event, watcher.link, args.json, sys.stdout)
                if args.until_paid and event.collected:
                    return EXIT_OK
                if args.until_paid and event.status == LinkStatus.EXPIRED:
                    raise CommandError(f"Link {safe(link.display_name)} expired before a payment arrived.")
            time.sleep(watcher.next_delay())
    finally:
        watcher.close()


def _opening(link: PaymentLink, status: LinkStatus, args: argparse.Namespace) -> str:
    """What is watched, on stderr: the link, its amount, and how the watch ends."""
    what = f"Watching {safe(link.display_name)} ({link.id}), {_money(link)}"
    ends = "until the first collected payment or Ctrl+C" if args.until_paid else "until Ctrl+C"
    if status == LinkStatus.DISABLED:
        return (
            f"{what}: the link is disabled and cannot take payments now; watching in case it is "
            f"enabled again, every {args.interval:g} s {ends}."
        )
    return f"{what}: checking Lean every {args.interval:g} s {ends}."


def _money(link: PaymentLink) -> str:
    return format_money(link.amount).replace("\u00a0", " ")


def moment(seen_at: datetime) -> str:
    """ "2026-05-12 14:02:31 +04:00": this computer's time, with its offset."""
    local = ensure_utc(seen_at).astimezone()
    return f"{local:%Y-%m-%d %H:%M:%S} {offset_text(local.utcoffset())}"


def event_json(event: WatchEvent) -> dict[str, Any]:
    """A WatchEvent as `--json` prints it: the usage in Lean's wire names, times in UTC."""
    outcome = event.outcome
    return {
        "event": event.kind,
        "link_id": event.link_id,
        "usage": usage_json(event.usage) if event.usage is not None else None,
        "status": event.status,
        "outcome": outcome.word if outcome is not None else None,
        "seen_at": utc_text(event.seen_at),
    }


def event_line(event: WatchEvent, link: PaymentLink) -> str:
    """One line for people: when, what happened, the amount, the outcome."""
    when = moment(event.seen_at)
    usage = event.usage
    if usage is None:  # link_status
        status = LinkStatus(event.status or "UNKNOWN")
        note = " and cannot take payments" if status in CANNOT_PAY else ""
        return f"{when}  link {safe(status.value)}{note}  {safe(link.display_name)}"
    outcome = event.outcome.word if event.outcome is not None else "unknown"
    statuses = f"{usage.usage_status.value}, {safe(usage.payment_status) or 'no payment status'}"
    head = "payment" if event.kind == "usage" else "payment now"
    return f"{when}  {head} {outcome}  {_money(link)}  ({statuses})  usage {safe(usage.usage_id)}"


def _show(event: WatchEvent, link: PaymentLink, as_json: bool, out: TextIO) -> None:
    if as_json:
        # ASCII escapes: a payer's control or bidi characters never reach a terminal raw.
        out.write(json.dumps(event_json(event), ensure_ascii=True) + "\n")
    else:
        out.write(event_line(event, link) + "\n")
    out.flush()
