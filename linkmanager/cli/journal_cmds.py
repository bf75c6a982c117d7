"""`linkmanager journal [--link ID] [--since DATE] [--json] | --verify`: the action journal (offline).

Every disable, enable and create asked of Lean from this profile is journalled beside its cache
(storage.journal), whatever the outcome. Reading creates nothing: with no journal yet, the answer
is that nothing was journalled. Times are in the computer's zone with the offset; `--json` gives
one array, times in UTC, as `prints --json` does. `--verify` walks the hash chain and exits 1
naming the first broken entry; it never repairs anything.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import datetime
from typing import Any

from linkmanager.cli.context import Context
from linkmanager.cli.exit_codes import EXIT_ERROR, EXIT_OK, EXIT_USAGE
from linkmanager.cli.output import clip, day_option, print_json, safe, table, utc_text, when_text
from linkmanager.cli.payment_cmds import local_zone
from linkmanager.cli.profile_cmds import CommandError
from linkmanager.services.date_ranges import local_midnight
from linkmanager.storage.journal import ActionJournal, JournalEntry
from linkmanager.storage.journal_file import anchor_path

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def add_journal_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    journal = commands.add_parser(
        "journal",
        parents=[common],
        help="list the action journal: every disable, enable and create asked of Lean from here (offline)",
        description="List the action journal, newest first: when, the computer's user, the profile and its "
        "environment, the action, the link, its status before and after, the outcome, Lean's HTTP status "
        "and request id, and the reason. --verify checks that no entry was changed or removed.",
    )
    journal.add_argument("--link", metavar="ID", help="only the entries of this link")
    journal.add_argument("--since", metavar="YYYY-MM-DD", help="only entries on or after this local day")
    journal.add_argument("--json", action="store_true", help="a JSON array of entries, times in UTC")
    journal.add_argument(
        "--verify",
        action="store_true",
        help="check the hash chain: exit 0 when intact, 1 naming the first changed or removed entry",
    )


def _since(text: str | None) -> datetime | None:
    """--since as the local midnight that starts that day, in UTC (summer time included)."""
    day = day_option("--since", text)
    return local_midnight(day, local_zone()) if day is not None else None


def entry_json(entry: JournalEntry, names: dict[str, str]) -> dict[str, Any]:
    draft = entry.draft
    return {
        "seq": entry.seq,
        "at": utc_text(entry.at),
        "user": entry.user,
        "profile": draft.profile,
        "environment": draft.environment,
        "action": draft.action,
        "link_id": draft.link_id or None,
        "link_name": names.get(draft.link_id),
        "status_before": draft.status_before,
        "status_after": draft.status_after,
        "outcome": draft.outcome,
        "http_status": draft.http_status,
        "request_id": draft.request_id,
        "reason": draft.reason,
        "message": draft.message,
        "batch": draft.batch,
        "hash": entry.hash,
    }


def _exists(ctx: Context) -> bool:
    path = ctx.journal_path()
    return path.exists() or anchor_path(path).exists()


def _read(ctx: Context, link_id: str | None, since: datetime | None) -> list[JournalEntry]:
    if not _exists(ctx):  # nothing journalled yet: reading creates nothing
        return []
    with ActionJournal.open(ctx.journal_path()) as journal:
        return journal.entries(link_id=link_id, since=since)


def _verify(ctx: Context) -> int:
    if not _exists(ctx):
        print("Journal intact: 0 entries (nothing has been journalled from this profile yet).")
        return EXIT_OK
    with ActionJournal.open(ctx.journal_path()) as journal:
        check = journal.verify()
    if check.ok:
        print(check.message)
        return EXIT_OK
    print(
        f"{check.message} LinkManager leaves the journal as it is: restore it from a backup, or keep it "
        "as evidence.",
        file=sys.stderr,
    )
    return EXIT_ERROR


def _before_after(entry: JournalEntry) -> str:
    before, after = entry.draft.status_before or "?", entry.draft.status_after or "—"
    return f"{before} → {after}" if entry.draft.action != "create" else f"→ {after}"


def _lean(entry: JournalEntry) -> str:
    parts = [str(entry.draft.http_status)] if entry.draft.http_status is not None else []
    if entry.draft.request_id:
        parts.append(entry.draft.request_id)
    return " ".join(parts)


def journal(ctx: Context, args: argparse.Namespace) -> int:
    if args.verify:
        if args.link or args.since or args.json:
            raise CommandError("--verify checks the whole journal: give it alone.", EXIT_USAGE)
        return _verify(ctx)
    since = _since(args.since)  # a bad day is said before anything is opened
    link_id: str | None = args.link
    entries = _read(ctx, link_id, since)
    names = ctx.cached_names({e.draft.link_id for e in entries} | ({link_id} if link_id else set()))
    if args.json:
        print_json([entry_json(e, names) for e in entries], sys.stdout)
    elif entries:
        rows = [
            [
                when_text(e.at),
                clip(safe(e.user), 20),
                clip(safe(f"{e.draft.profile}/{e.draft.environment}"), 30),
                e.draft.action,
                safe(e.draft.link_id) or "—",
                clip(safe(names.get(e.draft.link_id, "")), 30),
                _before_after(e),
                e.draft.outcome,
                clip(safe(_lean(e)), 40),
                clip(safe(e.draft.reason), 60),
                clip(safe(e.draft.message), 80),
            ]
            for e in entries
        ]
        header = [
            "When",
            "User",
            "Profile",
            "Action",
            "Link ID",
            "Name",
            "Status",
            "Outcome",
            "Lean",
            "Reason",
            "Message",
        ]
        print(table(rows, header))
    print(_summary(entries, link_id, names, since is not None), file=sys.stderr)
    return EXIT_OK


def _summary(entries: list[JournalEntry], link_id: str | None, names: dict[str, str], since: bool) -> str:
    if not entries:
        if link_id:
            return f"Nothing journalled for {safe(names.get(link_id) or link_id)}{' since then' if since else ''}."
        if since:
            return "Nothing journalled since then."
        return "The action journal is empty: no link has been disabled, enabled or created from this profile yet."
    count = f"{len(entries):,} entr{'ies' if len(entries) != 1 else 'y'}"
    failed = sum(e.draft.outcome != "done" for e in entries)
    tail = f" ({failed:,} refused or failed)" if failed else ""
    return f"{count}{tail} for {safe(names.get(link_id) or link_id)}." if link_id else f"{count}{tail}."
