"""`linkmanager disable | enable LINK_ID [LINK_ID ...] [--reason TEXT] [--yes]`: online, each link re-read first.

Each change asked for is journalled in the profile's action journal (storage.journal), with the
reason, whatever Lean answers. A reason is required to disable a production link; an unusable
one is refused before anything is sent. A journal that cannot be used does not stop the change:
stderr says the change is not journalled, and why.

Several links go through the bulk engine (services.bulk_status): terminal links and links already
in the target status are skipped (and journalled as such), the rest changed one at a time at a
polite pace; every link not ending in the target status is named on stderr. Exit 0 when every
link ended in the target status, 4 when some were skipped or failed, 1 when none was changed.
At a terminal the plan is shown and confirmed first (--yes skips the question); a script, which
cannot answer, has decided by running the command.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime, tzinfo

from linkmanager.cli.context import Context
from linkmanager.cli.exit_codes import EXIT_USAGE
from linkmanager.cli.output import safe
from linkmanager.cli.profile_cmds import CommandError
from linkmanager.domain.lifecycle import effective_status, enable_deadline_text
from linkmanager.domain.models import utc_now
from linkmanager.domain.reason import MAX_REASON, ReasonRefused, check_reason
from linkmanager.domain.status import LinkStatus
from linkmanager.services.actions import LinkActions
from linkmanager.storage.journal import ActionJournal, JournalError

MAX_IDS = 10_000  # one command line: far past any real selection, and bounded


def add_action_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    for name, what in (
        ("disable", "stop links from accepting payments"),
        ("enable", "re-enable disabled links"),
    ):
        parser = commands.add_parser(
            name,
            parents=[common],
            help=f"{what} (online)",
            description=f"{what[0].upper()}{what[1:]}. Each link is read from Lean first; expired and used "
            "links, and links already in that status, are skipped. Every attempt is journalled. Exit 0 when "
            "every link ended in the status asked, 4 when some were skipped or failed, 1 when none changed.",
        )
        parser.add_argument("link_ids", nargs="+", metavar="LINK_ID")
        parser.add_argument(
            "--reason",
            default="",
            metavar="TEXT",
            help=f"why, kept in the action journal (one line, up to {MAX_REASON} characters); required to "
            "disable a production link",
        )
        parser.add_argument("--yes", action="store_true", help="do not ask before changing several links")


def journal_or_none(ctx: Context) -> ActionJournal | None:
    """The profile's journal, or None (said on stderr) when it cannot be used: the change goes on."""
    try:
        return ctx.journal()
    except JournalError as exc:
        print(f"This change will not be journalled: {exc}", file=sys.stderr)
        return None


def set_status(ctx: Context, args: argparse.Namespace) -> int:
    target = LinkStatus.DISABLED if args.command == "disable" else LinkStatus.ACTIVE
    link_ids: list[str] = list(dict.fromkeys(args.link_ids))  # each once, in the order given
    if len(link_ids) > MAX_IDS:
        raise CommandError(f"At most {MAX_IDS:,} links at a time; {len(link_ids):,} were given.", EXIT_USAGE)
    zone = datetime.now().astimezone().tzinfo or UTC
    profile = ctx.profile
    actions = LinkActions(
        ctx.cache(),
        ctx.client,
        tz=zone,
        journal=journal_or_none(ctx),
        profile=profile.name,
        environment=profile.environment,
    )
    try:
        reason = check_reason(args.reason, actions.reason_required(target))
    except ReasonRefused as exc:
        raise CommandError(f"{exc} Nothing was sent (--reason TEXT).", EXIT_USAGE) from None
    if len(link_ids) == 1:
        return _one(actions, link_ids[0], target, reason, zone)
    return _many(ctx, actions, link_ids, target, reason, zone, ask=not args.yes and sys.stdin.isatty())


def _one(actions: LinkActions, link_id: str, target: LinkStatus, reason: str, zone: tzinfo) -> int:
    change = actions.set_status(link_id, target, reason=reason)
    name = safe(change.link.display_name)
    if target == LinkStatus.DISABLED:
        print(
            f"Link {change.link.id} ({name}) is disabled: customers opening it see an error page and cannot "
            f"start new payments. {enable_deadline_text(change.link, zone)}"
        )
    else:
        print(f"Link {change.link.id} ({name}) is active again: customers can pay through it.")
    if change.journal_problem:
        print(f"The change was made but not journalled: {change.journal_problem}", file=sys.stderr)
    return 0


def _many(
    ctx: Context,
    actions: LinkActions,
    link_ids: list[str],
    target: LinkStatus,
    reason: str,
    zone: tzinfo,
    *,
    ask: bool,
) -> int:
    from linkmanager.services.bulk_report import detail_text, outcome_text
    from linkmanager.services.bulk_status import BulkProgress, BulkRun, new_batch_id, plan_ids

    cache = ctx.cache()
    plan = plan_ids(link_ids, cache.link, target, utc_now(), zone)
    verb = "disable" if target == LinkStatus.DISABLED else "enable"
    print(
        f"{len(plan.to_change)} of {len(plan.items)} links to {verb}; {len(plan.skipped)} skipped.",
        file=sys.stderr,
    )
    if ask and plan.to_change and not _confirmed(f"{verb.capitalize()} {len(plan.to_change)} links? [y/N] "):
        print("Nothing was changed.", file=sys.stderr)
        return 1
    batch = new_batch_id()
    for item in plan.skipped:
        before = item.status.value if item.status is not None else None
        actions.journal_skipped(item.link_id, target, before, item.why, reason=reason, batch=batch)

    def status_now(link_id: str) -> LinkStatus | None:
        cached = cache.link(link_id)
        return effective_status(cached.link, utc_now()) if cached is not None else None

    def progress(step: BulkProgress) -> None:
        if sys.stderr.isatty():  # a log file gets the result below, not a line per link
            print(f"{step.finished} of {step.total} links…", file=sys.stderr)

    run = BulkRun(
        plan,
        lambda link_id: actions.set_status(link_id, target, reason=reason, batch=batch),
        status_now=status_now,
        progress=progress,
    )
    result = run.run()
    for entry in result.entries:
        name = safe(entry.item.name)
        label = f"{entry.link_id}{f' ({name})' if name else ''}"
        if entry.in_target:
            print(f"{label}: {outcome_text(entry, target).lower()}")
        else:
            print(
                f"{label}: {outcome_text(entry, target).lower()}: {safe(detail_text(entry))}", file=sys.stderr
            )
    counts = result.counts()
    summary = ", ".join(f"{n} {outcome.value}" for outcome, n in counts.items() if n)
    print(f"{len(result.entries)} links: {summary}.", file=sys.stderr)
    return result.exit_code()


def _confirmed(question: str) -> bool:
    try:
        return input(question).strip().lower() in ("y", "yes")
    except EOFError:
        return False
