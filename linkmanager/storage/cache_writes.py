"""The cache's writes, each run by LinkCache inside one transaction it opened.

Nothing here deletes a link or a usage: the server never says "deleted", and what was cached
is the user's record. An answer older than what the cache already holds (a slow worker's)
is ignored rather than allowed to undo a fresher one; see `_stale`. `now` is the real time of the
write, passed in so that tests can fix it.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from linkmanager.domain.models import PaymentLink, Usage
from linkmanager.domain.outcome import outcome_code
from linkmanager.domain.sorting import text_key
from linkmanager.domain.status import LinkStatus, UsageStatus
from linkmanager.storage.cache_errors import UnknownLinkError
from linkmanager.storage.cache_model import (
    LinkChange,
    UsageChange,
    UsageList,
    clean,
    encode_link,
    encode_usage,
    link_terms,
    time_text,
    usage_terms,
)
from linkmanager.storage.cache_sync import clear_link_problems, clear_record_problems
from linkmanager.storage.search import replace_terms

log = logging.getLogger(__name__)

_INSERT_LINK = (
    "INSERT INTO links (id, url, status, current_usages, amount, currency, reference, destination_id, "
    "payment_purpose, name, max_usages, expires_at, redirect_url, customer_id, identifiers, "
    "confirmed_at, first_seen_at, name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_HELD = "SELECT key, status, confirmed_at, name, reference, customer_id FROM links WHERE id = ?"
_UPDATE_LINK = (
    "UPDATE links SET url = ?, status = ?, current_usages = ?, amount = ?, currency = ?, reference = ?, "
    "destination_id = ?, payment_purpose = ?, name = ?, max_usages = ?, expires_at = ?, redirect_url = ?, "
    "customer_id = ?, identifiers = ?, confirmed_at = ?, name_key = ?, missing_since = NULL WHERE key = ?"
)


_LINK_MOVED = "INSERT INTO link_history (link_key, seen_at, status_before, status) VALUES (?, ?, ?, ?)"
_USAGE_MOVED = (
    "INSERT INTO usage_history (usage_key, seen_at, usage_status_before, payment_status_before, "
    "usage_status, payment_status) VALUES (?, ?, ?, ?, ?, ?)"
)


def _stale(stamp: str, held: str | None, now: str) -> bool:
    """An answer read before the one already stored (fixed-width UTC text compares as time).

    A stored time later than `now` is not believed: the clock was wrong then or has been set
    back since, and trusting it would freeze the cache until the clock caught up.
    """
    return held is not None and stamp < held <= now


def put_links(
    conn: sqlite3.Connection,
    links: Sequence[PaymentLink],
    confirmed_at: datetime,
    complete: bool,
    now: datetime,
) -> list[LinkChange]:
    """Upsert `links` (the server's fields replace ours); with `complete`, mark the absent ones missing.

    A link confirmed after this listing was read (by a GET meanwhile) is neither overwritten
    nor marked missing by it.
    """
    stamp, real = time_text(confirmed_at), time_text(now)
    latest: dict[str, PaymentLink] = {}
    for link in links:  # a link listed twice (pages shifted under us): the later answer wins
        latest[clean(link.id)] = link
    inserted: list[tuple[int, PaymentLink]] = []
    updates: list[tuple[Any, ...]] = []
    reindex: list[tuple[int, PaymentLink]] = []
    changes: list[LinkChange] = []
    link_moves: list[tuple[Any, ...]] = []  # link_history rows
    # One query per id rather than `IN json_each(...)`: SQLite's JSON functions cut text at a NUL.
    for link_id, link in latest.items():
        row = encode_link(link)
        before = conn.execute(_HELD, (link_id,)).fetchone()
        if before is None:
            key = conn.execute(_INSERT_LINK, (*row, stamp, stamp, text_key(row[9]))).lastrowid
            assert key is not None
            inserted.append((key, link))
            changes.append(LinkChange(link_id, link.display_name, None, link.status))
            continue
        key, status, confirmed, name, reference, customer_id = before
        if _stale(stamp, confirmed, real):
            log.debug("ignored a stale answer for link %s (%s < %s)", link_id, stamp, confirmed)
            continue
        updates.append((*row[1:], stamp, text_key(row[9]), key))
        if status != row[2]:
            changes.append(LinkChange(link_id, link.display_name, LinkStatus(status), link.status))
            link_moves.append((key, stamp, status, row[2]))
        if (name, reference, customer_id) != (row[9], row[6], row[13]):
            reindex.append((key, link))
    conn.executemany(_UPDATE_LINK, updates)
    conn.executemany(_LINK_MOVED, link_moves)
    fresh = {(key, None) for key, _ in inserted}
    replace_terms(conn, [((key, None), link_terms(link)) for key, link in [*reindex, *inserted]], fresh)
    clear_record_problems(conn, latest.keys())
    if complete:
        # Every listed link now has confirmed_at = stamp, or a later one if a GET overtook the
        # listing; the others were not listed. A time past `now` is not believed (see _stale).
        conn.execute(
            "UPDATE links SET missing_since = ? WHERE missing_since IS NULL AND (confirmed_at < ? OR confirmed_at > ?)",
            (stamp, stamp, real),
        )
    return changes


def _link_for_usages(conn: sqlite3.Connection, link_id: str) -> tuple[int, str | None]:
    row = conn.execute(
        "SELECT key, usages_confirmed_at FROM links WHERE id = ?", (clean(link_id),)
    ).fetchone()
    if row is None:
        raise UnknownLinkError(link_id)
    return row[0], row[1]


def put_usages(
    conn: sqlite3.Connection,
    link_id: str,
    usages: Sequence[Usage],
    confirmed_at: datetime,
    link_status: LinkStatus,
    now: datetime,
    read_all: bool = True,
) -> list[UsageChange]:
    """Upsert the link's complete usage list in the given order; usages no longer listed stay, after them.

    `read_all`: every usage was read from Lean just now (not only the unsettled ones), which
    dates `usages_read_at`.
    """
    stamp = time_text(confirmed_at)
    link_key, held_at = _link_for_usages(conn, link_id)
    if _stale(stamp, held_at, time_text(now)):
        log.debug("ignored a stale usage list for link %s (%s < %s)", link_id, stamp, held_at)
        return []
    latest: dict[str, Usage] = {}
    for usage in usages:  # listed twice: the first place counts, the later answer wins
        if usage.payment_link_id != link_id:
            raise ValueError(
                f"usage {usage.usage_id!r} belongs to link {usage.payment_link_id!r}, not {link_id!r}"
            )
        latest[clean(usage.usage_id)] = usage
    held = {
        row[0]: row
        for row in conn.execute(
            "SELECT usage_id, key, usage_status, payment_status, payment_id, customer_id, identifiers, position "
            "FROM usages WHERE link_key = ? ORDER BY position",
            (link_key,),
        )
    }
    inserts: list[tuple[Any, ...]] = []
    updates: list[tuple[Any, ...]] = []
    moves: list[tuple[Any, ...]] = []  # usage_history rows
    reindex: list[tuple[int, Usage]] = []
    changes: list[UsageChange] = []
    # Found on the first look at the link's usages: it happened some time before this one.
    seen_before = int(held_at is None)
    for position, (usage_id, usage) in enumerate(latest.items()):
        row = encode_usage(usage)
        outcome = outcome_code(row[0], row[1], row[2])
        before = held.get(usage_id)
        if before is None:
            inserts.append((link_key, usage_id, position, *row, stamp, outcome, seen_before))
            changes.append(
                UsageChange(link_id, usage_id, None, usage.usage_status, None, usage.payment_status)
            )
            continue
        key, status, payment_status = before[1], before[2], before[3]
        updates.append((position, *row, outcome, key))
        if (status, payment_status) != (row[0], row[1]):
            moves.append((key, stamp, status, payment_status, row[0], row[1]))
            changes.append(
                UsageChange(
                    link_id,
                    usage_id,
                    UsageStatus(status),
                    usage.usage_status,
                    payment_status,
                    usage.payment_status,
                )
            )
        if before[4:7] != row[2:5]:
            reindex.append((key, usage))
    # Usages Lean no longer lists keep their relative order, after the listed ones.
    gone = [row[1] for usage_id, row in held.items() if usage_id not in latest]
    updates_gone = [(len(latest) + i, key) for i, key in enumerate(gone)]
    conn.executemany(
        "INSERT INTO usages (link_key, usage_id, position, usage_status, payment_status, payment_id, "
        "customer_id, identifiers, settled, first_seen_at, outcome, seen_before) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        inserts,
    )
    conn.executemany(
        "UPDATE usages SET position = ?, usage_status = ?, payment_status = ?, payment_id = ?, "
        "customer_id = ?, identifiers = ?, settled = ?, outcome = ? WHERE key = ?",
        updates,
    )
    conn.executemany(_USAGE_MOVED, moves)
    conn.executemany("UPDATE usages SET position = ? WHERE key = ?", updates_gone)
    fresh: set[tuple[int, int | None]] = set()
    if inserts:
        keys = dict(
            conn.execute("SELECT usage_id, key FROM usages WHERE link_key = ?", (link_key,)).fetchall()
        )
        reindex.extend((keys[row[1]], latest[row[1]]) for row in inserts)
        fresh = {(link_key, keys[row[1]]) for row in inserts}
    replace_terms(conn, [((link_key, key), usage_terms(usage)) for key, usage in reindex], fresh)
    _confirm(conn, link_key, stamp, link_status, read_all)
    clear_link_problems(conn, link_id)
    return changes


def put_usage_lists(conn: sqlite3.Connection, lists: Sequence[UsageList], now: datetime) -> list[UsageChange]:
    changes: list[UsageChange] = []
    for item in lists:
        if item.usages is None:
            confirm_usages(conn, item.link_id, item.confirmed_at, item.link_status, now)
        else:
            changes += put_usages(
                conn, item.link_id, item.usages, item.confirmed_at, item.link_status, now, item.read_all
            )
    return changes


def confirm_usages(
    conn: sqlite3.Connection, link_id: str, confirmed_at: datetime, link_status: LinkStatus, now: datetime
) -> None:
    stamp = time_text(confirmed_at)
    link_key, held_at = _link_for_usages(conn, link_id)
    if not _stale(stamp, held_at, time_text(now)):
        _confirm(conn, link_key, stamp, link_status)
        clear_link_problems(conn, link_id)


def _confirm(
    conn: sqlite3.Connection, link_key: int, stamp: str, link_status: LinkStatus, read_all: bool = False
) -> None:
    """Date the link's usages (and, when every one was just read, `usages_read_at`) and recount them."""
    conn.execute(
        "UPDATE links SET usages_confirmed_at = ?, usages_confirmed_status = ?, "
        "usages_read_at = CASE WHEN ? THEN ? ELSE usages_read_at END, "
        "usage_count = (SELECT count(*) FROM usages WHERE link_key = links.key), "
        "unsettled_usages = (SELECT count(*) FROM usages WHERE link_key = links.key AND settled = 0) "
        "WHERE key = ?",
        (stamp, clean(link_status.value), read_all, stamp, link_key),
    )
