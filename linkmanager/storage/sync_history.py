"""Each sync's report, the last 100 per profile: what services.changes turns into "what changed".

A report is recorded when a sync ends (completed, cancelled or failed), in one write
transaction of its own, like the sync's other writes (LinkCache.write). Only Lean's ids and the
statuses before and after are kept: names and amounts are read from the links when a report is
shown (a link's amount never changes; its name as it is now is the one people know).

Bounded whatever a sync met: at most MAX_ROWS rows per report (link changes first, then new
payments, then payments that moved; the collected and failed ones before the rest), with the
true counts beside them; only the newest MAX_REPORTS reports are kept.

Link status changes are taken from `link_history` since the previous report, so that a change
this workstation made between two syncs (disable, enable: the action stores Lean's answer, and
the next sync then sees nothing move) is reported as well as those the sync itself observed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from linkmanager.domain.outcome import Outcome, outcome_of
from linkmanager.storage.cache_model import (
    LinkChange,
    UsageChange,
    clean,
    clean_or_none,
    time_or_none,
    time_text,
)

MAX_REPORTS = 100
MAX_ROWS = 5_000

KIND_LINK = 0
KIND_NEW_USAGE = 1
KIND_MOVED_USAGE = 2

# The payments people most need to hear of are kept first when a report must be cut short.
_PRIORITY = {Outcome.COLLECTED: 0, Outcome.FAILED: 1, Outcome.PENDING: 2}

_INSERT_REPORT = (
    "INSERT INTO sync_reports (finished_at, completed, full, first_sync, problems, links_added, "
    "link_changes, new_usages, usage_changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
# The outcome after is the one the cache stored with the usage (it also knows the payment id).
_INSERT_ROW = (
    "INSERT INTO sync_report_rows (report_key, kind, link_id, usage_id, status_before, status, "
    "payment_status_before, payment_status, outcome_before, outcome, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "coalesce((SELECT u.outcome FROM usages AS u JOIN links AS l ON l.key = u.link_key "
    "WHERE l.id = ? AND u.usage_id = ?), ?), ?)"
)
_LINK_MOVES = (
    "SELECT l.id, h.seen_at, h.status_before, h.status FROM link_history AS h "
    "JOIN links AS l ON l.key = h.link_key WHERE h.seen_at > ? AND h.seen_at <= ? ORDER BY h.seen_at, h.key"
)
_TRIM_ROWS = (
    "DELETE FROM sync_report_rows WHERE report_key IN "
    "(SELECT key FROM sync_reports ORDER BY key DESC LIMIT -1 OFFSET ?)"
)
_TRIM_REPORTS = (
    "DELETE FROM sync_reports WHERE key IN (SELECT key FROM sync_reports ORDER BY key DESC LIMIT -1 OFFSET ?)"
)


@dataclass(frozen=True, slots=True)
class KeptRow:
    """One change a report kept, by Lean's ids; with what the cache holds of its link now."""

    kind: int  # KIND_LINK, KIND_NEW_USAGE, KIND_MOVED_USAGE
    link_id: str
    usage_id: str | None
    status_before: str | None  # the link's or the usage's
    status: str
    payment_status_before: str | None
    payment_status: str | None
    outcome_before: int | None
    outcome: int | None
    seen_at: datetime | None  # when the link's status was seen to move (None: during that sync)
    # The link as cached now (None when it is not cached): display name, amount, currency.
    link_name: str | None
    amount: str | None
    currency: str | None


@dataclass(frozen=True, slots=True)
class KeptReport:
    key: int
    finished_at: datetime
    previous_finished_at: datetime | None  # the report before it, when one is kept
    completed: bool
    full: bool
    first_sync: bool  # the cache's first: every link and payment was new to it
    problems: int
    links_added: int
    link_changes: int  # true counts; `rows` holds at most MAX_ROWS of them together
    new_usages: int
    usage_changes: int
    rows: tuple[KeptRow, ...]


def lenient_time(text: str | None) -> datetime | None:
    try:
        return time_or_none(text)
    except (ValueError, TypeError):
        return None  # a damaged time costs this value, not the row


def _outcome(usage_status: str | None, payment_status: str | None) -> Outcome | None:
    return None if usage_status is None else outcome_of(usage_status, payment_status)


def _priority(change: UsageChange) -> int:
    return _PRIORITY.get(outcome_of(change.after, change.payment_status_after), 3)


def _link_rows(
    conn: sqlite3.Connection, previous: str | None, finished: str, observed: Sequence[LinkChange]
) -> list[tuple[str, str | None, str, str | None]]:
    """(link id, status before, status, seen at) for every link whose status moved since the previous
    report: each link once, from its first status to its last (none when it came back)."""
    moves: dict[str, list[Any]] = {}
    if previous is not None:
        for link_id, seen_at, before, after in conn.execute(_LINK_MOVES, (previous, finished)):
            held = moves.setdefault(link_id, [before, after, seen_at])
            held[1], held[2] = after, seen_at
    for change in observed:  # what the sync saw, if the history did not hold it (no previous report)
        if change.before is not None and clean(change.link_id) not in moves:
            moves[clean(change.link_id)] = [change.before.value, change.after.value, None]
    return [(link_id, b, a, at) for link_id, (b, a, at) in moves.items() if b != a]


def record(
    conn: sqlite3.Connection,
    *,
    finished_at: datetime,
    completed: bool,
    full: bool,
    problems: int,
    links_added: int,
    status_changes: Sequence[LinkChange],
    new_usages: Sequence[UsageChange],
    usage_changes: Sequence[UsageChange],
    keep: int = MAX_REPORTS,
    max_rows: int = MAX_ROWS,
) -> int:
    """Keep one sync's report (in the caller's write transaction); answers its key. Older reports
    beyond the newest `keep` go."""
    finished = time_text(finished_at)
    last = conn.execute("SELECT finished_at FROM sync_reports ORDER BY key DESC LIMIT 1").fetchone()
    previous: str | None = None if last is None else last[0]
    cached = int(conn.execute("SELECT count(*) FROM links").fetchone()[0])
    first_sync = previous is None and cached == links_added
    links = _link_rows(conn, previous, finished, status_changes)
    key = conn.execute(
        _INSERT_REPORT,
        (
            finished,
            int(completed),
            int(full),
            int(first_sync),
            problems,
            links_added,
            len(links),
            len(new_usages),
            len(usage_changes),
        ),
    ).lastrowid
    assert key is not None
    rows: list[tuple[Any, ...]] = [
        (key, KIND_LINK, link_id, None, before, after, None, None, None, None, None, None, seen_at)
        for link_id, before, after, seen_at in links[:max_rows]
    ]
    room = max_rows - len(rows)
    # A first sync finds everything "new": that is the starting point, not news.
    fresh = [] if first_sync else sorted(new_usages, key=_priority)[:room]
    moved = sorted(usage_changes, key=_priority)[: room - len(fresh)]
    for kind, changes in ((KIND_NEW_USAGE, fresh), (KIND_MOVED_USAGE, moved)):
        for change in changes:
            link_id, usage_id = clean(change.link_id), clean(change.usage_id)
            before = _outcome(change.before, change.payment_status_before)
            rows.append(
                (
                    key,
                    kind,
                    link_id,
                    usage_id,
                    clean_or_none(change.before),
                    clean(change.after),
                    clean_or_none(change.payment_status_before),
                    clean_or_none(change.payment_status_after),
                    None if before is None else int(before),
                    link_id,
                    usage_id,
                    int(outcome_of(change.after, change.payment_status_after)),
                    None,
                )
            )
    conn.executemany(_INSERT_ROW, rows)
    conn.execute(_TRIM_ROWS, (keep,))
    conn.execute(_TRIM_REPORTS, (keep,))
    return int(key)


_REPORTS = (
    "SELECT key, finished_at, completed, full, first_sync, problems, links_added, link_changes, new_usages, "
    "usage_changes, (SELECT p.finished_at FROM sync_reports AS p WHERE p.key < r.key ORDER BY p.key DESC LIMIT 1) "
    "FROM sync_reports AS r ORDER BY key DESC LIMIT ?"
)
_ROWS = (
    "SELECT r.kind, r.link_id, r.usage_id, r.status_before, r.status, r.payment_status_before, r.payment_status, "
    "r.outcome_before, r.outcome, r.seen_at, coalesce(nullif(l.name, ''), l.reference), l.amount, l.currency "
    "FROM sync_report_rows AS r LEFT JOIN links AS l ON l.id = r.link_id WHERE r.report_key = ? "
    "ORDER BY r.kind, r.key"
)


def _kept_row(r: Sequence[Any]) -> KeptRow:
    return KeptRow(
        kind=r[0],
        link_id=r[1],
        usage_id=r[2],
        status_before=r[3],
        status=r[4],
        payment_status_before=r[5],
        payment_status=r[6],
        outcome_before=r[7],
        outcome=r[8],
        seen_at=lenient_time(r[9]),
        link_name=r[10],
        amount=r[11],
        currency=r[12],
    )


def reports(conn: sqlite3.Connection, last: int = 1) -> list[KeptReport]:
    """The newest `last` reports, newest first, each with its rows."""
    if last <= 0:
        return []
    kept = []
    for row in conn.execute(_REPORTS, (last,)).fetchall():
        finished_at = lenient_time(row[1])
        if finished_at is None:
            continue  # a damaged time costs this report, not the others
        rows = tuple(_kept_row(r) for r in conn.execute(_ROWS, (row[0],)).fetchall())
        kept.append(
            KeptReport(
                key=row[0],
                finished_at=finished_at,
                previous_finished_at=lenient_time(row[10]),
                completed=bool(row[2]),
                full=bool(row[3]),
                first_sync=bool(row[4]),
                problems=row[5],
                links_added=row[6],
                link_changes=row[7],
                new_usages=row[8],
                usage_changes=row[9],
                rows=rows,
            )
        )
    return kept


def count(conn: sqlite3.Connection) -> int:
    """How many reports are kept."""
    return int(conn.execute("SELECT count(*) FROM sync_reports").fetchone()[0])


# Links still ACTIVE at `now` (not expired, not used up, still listed) that expire by `soon` or
# have used at least 90 % of their limit: what the digest warns of.
_ALERTS = (
    "FROM links WHERE status = 'ACTIVE' AND missing_since IS NULL AND (expires_at IS NULL OR expires_at > ?) "
    "AND (max_usages IS NULL OR current_usages < max_usages) AND ((expires_at IS NOT NULL AND expires_at <= ?) "
    "OR (max_usages > 0 AND current_usages * 10 >= max_usages * 9))"
)
MAX_ALERTS = 1_000

AlertRow = tuple[str, str, datetime | None, int, int | None]  # id, name, expires at, used, limit


def alerts(
    conn: sqlite3.Connection, now: datetime, soon: datetime, limit: int = MAX_ALERTS
) -> tuple[list[AlertRow], int]:
    """The links to warn of, soonest expiry first (at most `limit`), and how many there are."""
    bounds = (time_text(now), time_text(soon))
    total = int(conn.execute(f"SELECT count(*) {_ALERTS}", bounds).fetchone()[0])
    rows = conn.execute(
        f"SELECT id, coalesce(nullif(name, ''), reference), expires_at, current_usages, max_usages {_ALERTS} "
        "ORDER BY expires_at IS NULL, expires_at, id LIMIT ?",
        (*bounds, limit),
    ).fetchall()
    return [(r[0], r[1], lenient_time(r[2]), r[3], r[4]) for r in rows], total
