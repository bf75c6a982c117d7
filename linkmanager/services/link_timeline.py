"""One link's timeline: what this workstation saw and did with it, newest first, from four places.

- the cache (storage.schema 6): when the link was first seen, each status change a sync observed
  (`link_history`), each payment (usage) first seen and each change of its statuses (`usage_history`);
- the action journal (storage.journal): what was asked of Lean from here, by whom, why, and Lean's answer;
- the print register (storage.print_register): prints and saved QR files.

Lean sends no times at all, so every time here is when this workstation learned or did something.
Each source is read newest first and at most `limit` + 1 rows, so a link with thousands of payments
costs no more than one with three; `complete` says whether anything was left out. A status change
this workstation made itself is journalled and also observed (the cache stores Lean's answer): the
observed copy is left out, the journal's entry says more. A journal or register that cannot be read
costs its events, said in `problems`, never the rest.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from linkmanager.domain.money import Money, MoneyError
from linkmanager.domain.outcome import Outcome, outcome_of
from linkmanager.storage.cache import LinkCache
from linkmanager.storage.cache_model import time_or_none
from linkmanager.storage.journal import JournalEntry, JournalError
from linkmanager.storage.print_register import PrintRecord, PrintRegister, PrintRegisterError

__all__ = [
    "TIMELINE_LIMIT",
    "JournalRead",
    "LinkTimeline",
    "TimelineEvent",
    "TimelineKind",
    "read_timeline",
]

TIMELINE_LIMIT = 50  # events shown at first; "Show all" reads with no limit
# A journalled change and the cache's record of the same answer are seconds apart (one clock).
_SAME_CHANGE = timedelta(minutes=2)

# (link_id, limit) -> the link's journal entries, newest first (Workspace.journal_entries).
JournalRead = Callable[[str, int | None], Sequence[JournalEntry]]


class TimelineKind(StrEnum):
    FIRST_SEEN = "first_seen"  # the link first seen by this workstation (status_after: as it was then)
    STATUS = "status"  # a change of the link's status a sync (or a re-read) observed
    PAYMENT = "payment"  # a usage first seen (outcome as it is now, the link's amount)
    PAYMENT_MOVED = "payment_moved"  # a change of a usage's statuses observed
    ACTION = "action"  # a journalled change asked of Lean from this workstation
    PRINT = "print"  # a print job or a saved QR file


# Events at one moment, in the order they happened: a link is first seen, then its payments found
# on that first look; what this workstation did comes after what it had seen.
_RANK = {
    TimelineKind.FIRST_SEEN: 0,
    TimelineKind.STATUS: 1,
    TimelineKind.PAYMENT: 2,
    TimelineKind.PAYMENT_MOVED: 3,
    TimelineKind.ACTION: 4,
    TimelineKind.PRINT: 5,
}


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """One line of the timeline; which fields are set depends on `kind`."""

    at: datetime  # aware UTC
    kind: TimelineKind
    status_before: str | None = None  # link status (STATUS) or usage status (PAYMENT_MOVED)
    status_after: str | None = None
    payment_before: str | None = None  # the bank's payment status (PAYMENT_MOVED)
    payment_after: str | None = None
    usage_id: str | None = None  # PAYMENT, PAYMENT_MOVED: the usage to open
    outcome: Outcome | None = None  # PAYMENT: now; PAYMENT_MOVED: after the change
    outcome_before: Outcome | None = None  # PAYMENT_MOVED
    amount: Money | None = None  # PAYMENT: the link's amount (a usage pays exactly that)
    seen_before: bool = False  # PAYMENT: found on the first look at the link, so made before `at`
    entry: JournalEntry | None = None  # ACTION
    record: PrintRecord | None = None  # PRINT


@dataclass(frozen=True, slots=True)
class LinkTimeline:
    link_id: str
    events: tuple[TimelineEvent, ...]  # newest first
    complete: bool  # False: older events were left out (read again with limit=None)
    problems: tuple[str, ...] = field(default=())  # a source that could not be read: one sentence each


def _time(text: object) -> datetime | None:
    try:
        return time_or_none(text if isinstance(text, str) else None)
    except (ValueError, TypeError):
        return None  # a damaged time costs its event, not the timeline


def _money(amount: object, currency: object) -> Money | None:
    try:
        return Money(Decimal(str(amount)), str(currency))
    except (InvalidOperation, MoneyError, ValueError):
        return None


def _outcome(code: object) -> Outcome:
    try:
        return Outcome(int(code))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return Outcome.OTHER


def _cache_events(conn: sqlite3.Connection, link_id: str, rows: int) -> tuple[list[TimelineEvent], bool]:
    """(events, more) from the cache: at most `rows` of each kind (-1: all), `more` when one had more."""
    link = conn.execute(
        "SELECT key, first_seen_at, status, amount, currency FROM links WHERE id = ?", (link_id,)
    ).fetchone()
    if link is None:
        return [], False
    key, first_seen, status, amount, currency = link
    events: list[TimelineEvent] = []
    more = False
    moves = conn.execute(
        "SELECT seen_at, status_before, status FROM link_history WHERE link_key = ? "
        "ORDER BY seen_at DESC, key DESC LIMIT ?",
        (key, rows),
    ).fetchall()
    more |= rows >= 0 and len(moves) >= rows
    for seen_at, before, after in moves:
        if (at := _time(seen_at)) is not None:
            events.append(TimelineEvent(at, TimelineKind.STATUS, status_before=before, status_after=after))
    # The state first seen is the first change's "before" (storage.schema 6), else today's.
    oldest = conn.execute(
        "SELECT status_before FROM link_history WHERE link_key = ? ORDER BY seen_at, key LIMIT 1", (key,)
    ).fetchone()
    if (at := _time(first_seen)) is not None:
        first = oldest[0] if oldest else status
        events.append(TimelineEvent(at, TimelineKind.FIRST_SEEN, status_after=first))
    money = _money(amount, currency)
    usages = conn.execute(
        "SELECT usage_id, first_seen_at, seen_before, outcome FROM usages WHERE link_key = ? "
        "ORDER BY first_seen_at DESC, key DESC LIMIT ?",
        (key, rows),
    ).fetchall()
    more |= rows >= 0 and len(usages) >= rows
    for usage_id, seen_at, before, code in usages:
        if (at := _time(seen_at)) is not None:
            events.append(
                TimelineEvent(
                    at,
                    TimelineKind.PAYMENT,
                    usage_id=usage_id,
                    outcome=_outcome(code),
                    amount=money,
                    seen_before=bool(before),
                )
            )
    changes = conn.execute(
        "SELECT u.usage_id, u.payment_id, h.seen_at, h.usage_status_before, h.payment_status_before, "
        "h.usage_status, h.payment_status FROM usage_history AS h JOIN usages AS u ON u.key = h.usage_key "
        "WHERE u.link_key = ? ORDER BY h.seen_at DESC, h.key DESC LIMIT ?",
        (key, rows),
    ).fetchall()
    more |= rows >= 0 and len(changes) >= rows
    for usage_id, payment_id, seen_at, usage_before, payment_before, usage_after, payment_after in changes:
        if (at := _time(seen_at)) is None:
            continue
        events.append(
            TimelineEvent(
                at,
                TimelineKind.PAYMENT_MOVED,
                status_before=usage_before,
                status_after=usage_after,
                payment_before=payment_before,
                payment_after=payment_after,
                usage_id=usage_id,
                outcome=outcome_of(usage_after, payment_after, payment_id),
                outcome_before=outcome_of(usage_before, payment_before, payment_id),
            )
        )
    return events, more


def _prints(cache: LinkCache, link_id: str, rows: int | None) -> list[TimelineEvent]:
    """The register's records of the link; none when no register was made (nothing was printed)."""
    path = PrintRegister.beside(cache.path)
    if not path.exists():
        return []
    with PrintRegister.open(path) as register:
        records = register.entries(link_id, rows)
    return [TimelineEvent(r.at, TimelineKind.PRINT, record=r) for r in records]


def _journalled_elsewhere(event: TimelineEvent, done: Sequence[JournalEntry]) -> bool:
    """An observed status change that is the answer to a change journalled here (within minutes)."""
    return any(
        entry.draft.status_before == event.status_before
        and entry.draft.status_after == event.status_after
        and abs(entry.at - event.at) <= _SAME_CHANGE
        for entry in done
    )


def read_timeline(
    cache: LinkCache,
    link_id: str,
    *,
    journal: JournalRead | None = None,
    limit: int | None = TIMELINE_LIMIT,
) -> LinkTimeline:
    """The link's timeline, newest first, at most `limit` events (None: all). A blocking call for a
    worker thread. CacheError when the cache cannot be read; the journal's and the register's
    failures are kept in `problems`."""
    rows = -1 if limit is None else max(0, limit) + 1  # one more than shown: is anything left out?
    events, more = cache.read("read a link's timeline", lambda conn: _cache_events(conn, link_id, rows))
    problems: list[str] = []
    entries: Sequence[JournalEntry] = ()
    if journal is not None:
        try:
            entries = journal(link_id, None if rows < 0 else rows)
        except JournalError as exc:
            problems.append(str(exc))
        more |= rows >= 0 and len(entries) >= rows
    done = [e for e in entries if e.draft.outcome == "done" and e.draft.action != "create"]
    events = [e for e in events if e.kind != TimelineKind.STATUS or not _journalled_elsewhere(e, done)]
    events += [TimelineEvent(e.at, TimelineKind.ACTION, entry=e) for e in entries]
    try:
        printed = _prints(cache, link_id, None if rows < 0 else rows)
    except PrintRegisterError as exc:
        problems.append(str(exc))
        printed = []
    more |= rows >= 0 and len(printed) >= rows
    events += printed
    events.sort(key=lambda e: (e.at, _RANK[e.kind]), reverse=True)
    if limit is not None and len(events) > limit:
        events, more = events[:limit], True
    return LinkTimeline(link_id, tuple(events), not more, tuple(problems))
