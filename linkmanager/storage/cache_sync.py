"""The cache's records about syncing itself: per-link marks for planning, problems, missing links.

Each function runs inside a transaction LinkCache opened (as in cache_writes). Problems are kept
one row per link and kind; a problem met again keeps its `since`, so "since when" survives any
number of syncs that fail the same way, and the row goes when a sync succeeds where it failed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Sequence
from datetime import datetime

from linkmanager.storage.cache_model import (
    SyncMarks,
    SyncProblem,
    clean,
    link_status,
    time_from,
    time_or_none,
    time_text,
)

# The listing's own problems are stored under this link id (the column is NOT NULL, so that
# the UNIQUE (link_id, what) constraint holds for them too).
LISTING = ""
# A link's usages read or confirmed clear every problem of that link but a malformed listing
# record, which only a readable listing record clears (put_links).
LINK_RECORD_PROBLEM = "link-malformed"

_MARKS = (
    "SELECT id, current_usages, status, usages_confirmed_at, usages_confirmed_status, usages_read_at, "
    "usage_count, unsettled_usages FROM links"
)


def sync_marks(conn: sqlite3.Connection) -> dict[str, SyncMarks]:
    return {
        row[0]: SyncMarks(
            current_usages=row[1],
            status=link_status(row[2]),
            usages_confirmed_at=time_or_none(row[3]),
            usages_confirmed_status=None if row[4] is None else link_status(row[4]),
            usages_read_at=time_or_none(row[5]),
            usage_count=row[6],
            unsettled_usages=row[7],
        )
        for row in conn.execute(_MARKS)
    }


def note_problems(conn: sqlite3.Connection, problems: Sequence[SyncProblem], seen_at: datetime) -> None:
    """Store or refresh each problem; one met again keeps the `since` it already had."""
    stamp = time_text(seen_at)
    conn.executemany(
        "INSERT INTO problems (link_id, what, detail, raw, since, seen_at) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (link_id, what) DO UPDATE SET detail = excluded.detail, raw = excluded.raw, "
        "seen_at = excluded.seen_at",
        [
            (
                LISTING if p.link_id is None else clean(p.link_id),
                p.what,
                clean(p.detail),
                clean(p.raw),
                stamp,
                stamp,
            )
            for p in problems
        ],
    )


def clear_link_problems(conn: sqlite3.Connection, link_id: str) -> None:
    """A link's usages were brought up to date: its problems are over (but a bad listing record)."""
    conn.execute(
        "DELETE FROM problems WHERE link_id = ? AND what != ?", (clean(link_id), LINK_RECORD_PROBLEM)
    )


def clear_record_problems(conn: sqlite3.Connection, link_ids: Collection[str]) -> None:
    """These links were listed in a readable record again."""
    conn.executemany(
        "DELETE FROM problems WHERE link_id = ? AND what = ?",
        [(clean(i), LINK_RECORD_PROBLEM) for i in link_ids],
    )


def clear_listing_problems(conn: sqlite3.Connection, kinds: Collection[str]) -> None:
    """A new listing was read: the previous listing's problems of these kinds are replaced by its own."""
    conn.executemany("DELETE FROM problems WHERE link_id = ? AND what = ?", [(LISTING, k) for k in kinds])


def problems(conn: sqlite3.Connection) -> list[SyncProblem]:
    rows = conn.execute(
        "SELECT link_id, what, detail, raw, since, seen_at FROM problems ORDER BY since, link_id, what"
    )
    return [
        SyncProblem(
            link_id=row[0] or None,
            what=row[1],
            detail=row[2],
            raw=row[3],
            since=time_from(row[4]),
            seen_at=time_from(row[5]),
        )
        for row in rows
    ]


def mark_unlisted(conn: sqlite3.Connection, listed_at: datetime, now: datetime, keep: Collection[str]) -> int:
    """After a complete listing read at `listed_at`: every link it did not confirm is marked missing,
    but the `keep` ones (listed, in a record that could not be read). A link confirmed later by a
    GET is not missing; a confirmation time past `now` is not believed (see cache_writes._stale).
    Answers how many links are marked missing now."""
    stamp, real = time_text(listed_at), time_text(now)
    conn.execute(
        "UPDATE links SET missing_since = ? WHERE missing_since IS NULL AND (confirmed_at < ? OR confirmed_at > ?)",
        (stamp, stamp, real),
    )
    # One statement per kept id rather than `NOT IN json_each(...)`: SQLite's JSON cuts text at a NUL.
    conn.executemany(
        "UPDATE links SET missing_since = NULL WHERE id = ? AND missing_since = ?",
        [(clean(i), stamp) for i in keep],
    )
    return int(conn.execute("SELECT count(*) FROM links WHERE missing_since IS NOT NULL").fetchone()[0])


def record_sync_started(conn: sqlite3.Connection, started_at: datetime) -> None:
    _put_meta(conn, "last_sync_started", started_at)


def record_full_sync(conn: sqlite3.Connection, finished_at: datetime) -> None:
    _put_meta(conn, "last_full_sync", finished_at)


def _put_meta(conn: sqlite3.Connection, key: str, moment: datetime) -> None:
    conn.execute(
        "INSERT INTO sync_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, time_text(moment)),
    )
