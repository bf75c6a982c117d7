"""`linkmanager changes [--last N] [--json]`: what changed at the last syncs, newest first (offline).

Each sync keeps its report in the cache (the last 100; storage.sync_history): the payments it
found new or saw move, the links whose status moved (and, from the action journal beside the
cache, who asked for it when this computer did), and, with the newest, the links about to expire
or reach their limit. Reading creates nothing: with no cache or no report, the answer is that no
sync was recorded. Times are in the computer's zone with the offset; `--json` gives one array,
snake_case keys, amounts as strings beside their currency, times in UTC.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from linkmanager.cli.context import Context
from linkmanager.cli.output import clip, print_json, safe, table, utc_text, when_text
from linkmanager.domain.models import utc_now
from linkmanager.domain.money import Money, format_money
from linkmanager.services.changes import JournalEntries, JournalEntryLike, load_digests
from linkmanager.services.changes_model import (
    ALERT_EXPIRING,
    ChangeDigest,
    LinkAlert,
    LinkStatusChange,
    PaymentChange,
)
from linkmanager.services.export_cells import money_text
from linkmanager.storage.cache import LinkCache
from linkmanager.storage.sync_history import MAX_REPORTS

JOURNAL_ENTRIES_READ = 20_000  # the newest actions matched against the status changes


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a whole number from 1 to {MAX_REPORTS}, not {text!r}") from None
    if not 1 <= value <= MAX_REPORTS:
        raise argparse.ArgumentTypeError(f"a whole number from 1 to {MAX_REPORTS}, not {text!r}")
    return value


def add_changes_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    changes = commands.add_parser(
        "changes",
        parents=[common],
        help="what changed at the last sync: new payments, payments that moved, links (offline)",
        description="What each sync found, newest first, from the cache: new payments (outcome, amount, "
        "link), payments whose status moved, links that became USED, EXPIRED or DISABLED (and who asked "
        "for it, when this computer did), and links that expire within 24 hours or have used 90 % of "
        f"their limit. The last {MAX_REPORTS} syncs are kept.",
    )
    changes.add_argument(
        "--last",
        type=_count,
        default=1,
        metavar="N",
        help=f"the last N syncs (1 to {MAX_REPORTS}; default 1)",
    )
    changes.add_argument(
        "--json", action="store_true", help="a JSON array, one object per sync, times in UTC"
    )


# --- JSON -------------------------------------------------------------------------------------


def _money(money: Money | None) -> dict[str, str | None]:
    return {
        "amount": None if money is None else money_text(money),
        "currency": None if money is None else money.currency,
    }


def payment_json(change: PaymentChange) -> dict[str, Any]:
    return {
        "link_id": change.link_id,
        "link_name": change.link_name,
        "usage_id": change.usage_id,
        **_money(change.amount),
        "outcome": change.outcome.word,
        "outcome_before": None if change.outcome_before is None else change.outcome_before.word,
        "usage_status": change.usage_status,
        "payment_status": change.payment_status,
    }


def link_json(change: LinkStatusChange) -> dict[str, Any]:
    return {
        "link_id": change.link_id,
        "link_name": change.link_name,
        "before": None if change.before is None else change.before.value,
        "after": change.after.value,
        "by": change.by,
        "at": utc_text(change.at),
    }


def alert_json(alert: LinkAlert) -> dict[str, Any]:
    return {
        "link_id": alert.link_id,
        "link_name": alert.link_name,
        "kind": alert.kind,
        "expires_at": utc_text(alert.expires_at),
        "used": alert.used,
        "limit": alert.limit,
    }


def _totals(totals: dict[str, Decimal]) -> dict[str, str]:
    return {currency: money_text(Money(amount, currency)) for currency, amount in sorted(totals.items())}


def digest_json(digest: ChangeDigest) -> dict[str, Any]:
    return {
        "sync_id": digest.sync_id,
        "finished_at": utc_text(digest.finished_at),
        "completed": digest.completed,
        "full": digest.full,
        "first_sync": digest.first_sync,
        "problems": digest.problems,
        "links_added": digest.links_added,
        "new_payments": [payment_json(c) for c in digest.new_payments],
        "new_payments_count": digest.new_payments_count,
        "moved_payments": [payment_json(c) for c in digest.moved_payments],
        "moved_payments_count": digest.moved_payments_count,
        "link_changes": [link_json(c) for c in digest.link_changes],
        "alerts": [alert_json(a) for a in digest.alerts],
        "alerts_count": digest.alerts_count,
        "collected": _totals(digest.totals_collected()),
    }


# --- text -------------------------------------------------------------------------------------


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def _amount(money: Money | None) -> str:
    return "—" if money is None else format_money(money)


def _more(shown: int, total: int) -> list[str]:
    return [f"  … and {total - shown:,} more (a report keeps 5,000 rows)"] if total > shown else []


def _indented(text: str) -> list[str]:
    return ["  " + line for line in text.splitlines()]


def _payments(title: str, changes: Sequence[PaymentChange], total: int, moved: bool) -> list[str]:
    if not total:
        return []
    rows = [
        [
            f"{c.outcome_before.word if c.outcome_before else '?'} → {c.outcome.word}"
            if moved
            else c.outcome.word,
            _amount(c.amount),
            clip(safe(c.link_name), 40),
            c.link_id,
            c.usage_id,
            safe(c.payment_status or c.usage_status),
        ]
        for c in changes
    ]
    header = ["Outcome", "Amount", "Link", "Link ID", "Usage ID", "Lean's status"]
    lines = [f"{title} ({total:,}):", *_indented(table(rows, header, right=frozenset({1})))]
    return lines + _more(len(changes), total)


def _links(changes: Sequence[LinkStatusChange]) -> list[str]:
    if not changes:
        return []
    rows = [
        [
            f"{c.before.value if c.before else 'new'} → {c.after.value}",
            clip(safe(c.link_name), 40),
            c.link_id,
            f"{safe(c.by)}, {when_text(c.at)}" if c.by and c.at else "",
        ]
        for c in changes
    ]
    header = ["Status", "Link", "Link ID", "By (this computer)"]
    return [f"Links that changed status ({len(changes):,}):", *_indented(table(rows, header))]


def _alert_text(alert: LinkAlert) -> str:
    if alert.kind == ALERT_EXPIRING and alert.expires_at is not None:
        return f"expires {when_text(alert.expires_at)}"
    return f"{alert.used:,} of {alert.limit or 0:,} uses taken"


def _alerts(digest: ChangeDigest) -> list[str]:
    if not digest.alerts:
        return []
    rows = [[_alert_text(a), clip(safe(a.link_name), 40), a.link_id] for a in digest.alerts]
    lines = [
        f"Links to watch ({digest.alerts_count:,}):",
        *_indented(table(rows, ["Why", "Link", "Link ID"])),
    ]
    shown = len({a.link_id for a in digest.alerts})
    return lines + ([f"  … and {digest.alerts_count - shown:,} more"] if digest.alerts_count > shown else [])


def _heading(digest: ChangeDigest) -> str:
    how = ("full sync" if digest.full else "sync") + (" interrupted" if not digest.completed else "")
    parts = [f"{how.capitalize()} finished {when_text(digest.finished_at)} (#{digest.sync_id})"]
    if digest.problems:
        parts.append(f"{_plural(digest.problems, 'problem')} (`linkmanager sync` lists them)")
    return ", ".join(parts)


def digest_text(digest: ChangeDigest) -> str:
    lines = [_heading(digest)]
    if not digest.completed:
        lines.append("It stopped part-way: this is what it stored before.")
    if digest.first_sync:
        lines.append(
            f"The first sync of this cache: {_plural(digest.links_added, 'link')} cached with their payments; "
            "what changes is listed from the next sync on."
        )
    elif digest.links_added:
        lines.append(f"{_plural(digest.links_added, 'new link')} cached.")
    lines += _payments("New payments", digest.new_payments, digest.new_payments_count, moved=False)
    lines += _payments("Payments that moved", digest.moved_payments, digest.moved_payments_count, moved=True)
    lines += _links(digest.link_changes)
    lines += _alerts(digest)
    collected = digest.totals_collected()
    if collected:
        money = ", ".join(format_money(Money(a, c)) for c, a in sorted(collected.items()))
        lines.append(f"Collected: {money}.")
    if digest.empty and not digest.first_sync and not digest.links_added:
        lines.append("Nothing changed.")
    return "\n".join(lines)


# --- the command --------------------------------------------------------------------------------


def _journal(ctx: Context) -> JournalEntries | None:
    """The action journal's entries, read only when a journal exists beside the cache (or None)."""
    from linkmanager.storage.journal import ActionJournal

    path = ActionJournal.beside(ctx.paths.cache_file(ctx.profile.name))
    if not path.exists():
        return None

    def entries() -> Sequence[JournalEntryLike]:
        with ActionJournal.open(path) as journal:
            return journal.entries(limit=JOURNAL_ENTRIES_READ)

    return entries


def read_digests(ctx: Context, last: int, now: datetime) -> list[ChangeDigest]:
    path = ctx.paths.cache_file(ctx.profile.name)
    if not path.exists():  # never synced: reading creates nothing
        return []
    with LinkCache.open(path) as cache:
        return load_digests(cache, now, last=last, journal_entries=_journal(ctx))


def changes(ctx: Context, args: argparse.Namespace) -> int:
    digests = read_digests(ctx, args.last, utc_now())
    if args.json:
        print_json([digest_json(d) for d in digests], sys.stdout)
    elif digests:
        print("\n\n".join(digest_text(d) for d in digests))
    if not digests:
        print("No sync recorded yet.", file=sys.stderr)
    return 0
