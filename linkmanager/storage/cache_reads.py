"""Reads of the cache that need more than a SELECT: a screenful in the table's order, counts by status.

Each runs inside a read transaction LinkCache opened.
"""

from __future__ import annotations

import gc
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from linkmanager.domain import jsontext
from linkmanager.domain.lifecycle import status_at
from linkmanager.domain.status import LinkStatus
from linkmanager.storage.cache_errors import closed, translate
from linkmanager.storage.cache_files import open_read_only
from linkmanager.storage.cache_model import (
    BY_KEYS,
    SELECT_CACHED,
    SELECT_TABLE,
    StoredDataError,
    SyncState,
    time_or_none,
    time_text,
)

T = TypeVar("T")
_CHUNK_ROWS = 5_000


# The orders first_links() can read without reading every link: each is exactly the order the
# links table sorts that column in (domain.sorting for text). "name" and "expires_at" come from
# an index; the others are computed over every link (~0.1 s at 100,000), still far from a full load.
FIRST_ORDERS = {
    "id": "id",
    "name": "name_key",
    "reference": "lm_text_key(reference)",
    "customer_id": "lm_text_key(customer_id)",
    "expires_at": "expires_at",
}


def first_rows(conn: sqlite3.Connection, order: str | None, descending: bool, limit: int) -> list[Any]:
    """SELECT_CACHED rows of the first `limit` links in one of FIRST_ORDERS: ties by id, links
    without the value last, as in the table; in the table's own order when `order` is None."""
    if order is None:
        return conn.execute(SELECT_CACHED + " LIMIT ?", (limit,)).fetchall()
    value = FIRST_ORDERS[order]
    direction = "DESC" if descending else "ASC"
    ranked = (
        f"SELECT key FROM links WHERE {value} IS NOT NULL ORDER BY {value} {direction}, id LIMIT ?",  # noqa: S608 - value and direction are ours
        f"SELECT key FROM links WHERE {value} IS NULL ORDER BY id LIMIT ?",  # noqa: S608
    )
    keys = [row[0] for row in conn.execute(ranked[0], (limit,))]
    if len(keys) < limit:
        keys += [row[0] for row in conn.execute(ranked[1], (limit - len(keys),))]
    rows = {
        row[-1]: row
        for row in conn.execute(SELECT_CACHED + " WHERE key IN " + BY_KEYS, (jsontext.dumps(keys),))
    }
    return [rows[key] for key in keys]


def status_counts(conn: sqlite3.Connection, moment: datetime) -> dict[LinkStatus, int]:
    """Links per effective status at `moment`; every known status is present, unknown ones when held.

    SQL answers the two facts the rule looks at (limit reached, expiry passed: fixed-width UTC
    text compares as time) in one pass, into a handful of groups; the rule itself stays
    domain.lifecycle.status_at, applied to each group. At 100,000 links this is a few tens of
    milliseconds: the window's tabs can count from it before the rows load.
    """
    full = "max_usages IS NOT NULL AND current_usages >= max_usages"
    rows = conn.execute(
        f"SELECT status, sum({full}), ifnull(sum(NOT ({full}) AND expires_at <= ?), 0), count(*) "  # noqa: S608
        "FROM links GROUP BY status",
        (time_text(moment),),
    ).fetchall()
    counts: Counter[LinkStatus] = Counter({status: 0 for status in LinkStatus.known()})
    passed = moment - timedelta(seconds=1)
    for text, limit_reached, expired, count in rows:
        status = LinkStatus(text)
        # Three kinds of link per status: limit reached; else expiry passed; else neither.
        counts[status_at(status, 1, 1, None, moment)] += limit_reached
        counts[status_at(status, 0, None, passed, moment)] += expired
        counts[status_at(status, 0, None, None, moment)] += count - limit_reached - expired
    return dict(counts)


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic-GC passes while a bulk read builds objects that all stay alive: with 100,000
    links, the passes it would trigger scan every object made so far (~0.3 s of 1 s) to free
    nothing. Decoded links hold no reference cycles; refcounting still frees as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def no_links(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM links LIMIT 1").fetchone() is None


def sync_state(conn: sqlite3.Connection) -> SyncState:
    meta = dict(conn.execute("SELECT key, value FROM sync_meta").fetchall())
    return SyncState(
        last_full_sync=time_or_none(meta.get("last_full_sync")),
        last_sync_started=time_or_none(meta.get("last_sync_started")),
    )


# Every link's id by row key: links are never deleted and their keys run 1, 2, 3..., so a list
# (8 bytes a link) holds them where a dict of 100,000 would take ~5 MB more.
KeyIds = tuple[int | None, list[str | None]]  # (the largest key, ids by key)


def ids_by_key(conn: sqlite3.Connection) -> KeyIds:
    newest = conn.execute("SELECT max(key) FROM links").fetchone()[0]
    ids: list[str | None] = [None] * ((newest or 0) + 1)
    for key, link_id in conn.execute("SELECT key, id FROM links"):
        ids[key] = link_id
    return newest, ids


def table_rows(conn: sqlite3.Connection, make: Callable[[Sequence[Any]], T]) -> tuple[list[T], int, KeyIds]:
    """Every link's SELECT_TABLE row through `make`, a chunk at a time (never a list of 100,000 raw
    rows beside the made ones); how many `make` refused (StoredDataError: a damaged row costs that
    row, not the table); and the ids by key, sharing the id strings the rows hold."""
    made: list[T] = []
    refused = 0
    newest = conn.execute("SELECT max(key) FROM links").fetchone()[0]
    ids: list[str | None] = [None] * ((newest or 0) + 1)
    cursor = conn.execute(SELECT_TABLE)
    with collector_paused():
        for chunk in iter(lambda: cursor.fetchmany(_CHUNK_ROWS), []):
            for raw in chunk:
                ids[raw[-1]] = raw[0]
                try:
                    made.append(make(raw))
                except StoredDataError:
                    refused += 1
        # Out of the collector's passes before it is back on: its first pass would otherwise scan
        # the 100,000 new rows at once (~60 ms, holding every thread, the window's too). The cost:
        # reference cycles other threads dropped during the read are kept for good (a few, small).
        gc.freeze()
    return made, refused, (newest, ids)


def read_beside(path: Path, doing: str, work: Callable[[sqlite3.Connection], T]) -> T:
    """`work` in one read transaction on a read-only connection opened for it: a read of every
    link (~0.7 s at 100,000) then neither waits for the cache's lock nor holds it from a sync."""
    try:
        conn = open_read_only(path)
    except sqlite3.Error as exc:
        raise translate(exc, path, doing) from None
    try:
        conn.execute("BEGIN")
        return work(conn)
    except sqlite3.Error as exc:
        raise translate(exc, path, doing) from None
    finally:
        conn.close()


class SideReader:
    """Small reads for the window's thread, through a read-only connection of its own.

    The cache's connection is shared behind a lock that a sync's write transaction holds for up to
    a second, and a click must not wait for that. In WAL mode a reader never waits for the writer
    (it reads the last committed state), so a look-up by id here takes well under a millisecond.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._conn: sqlite3.Connection | None = None
        self._closed = False
        self._lock = threading.Lock()

    def read(self, doing: str, work: Callable[[sqlite3.Connection], T]) -> T:
        with self._lock:
            if self._closed:  # never opened again once closed (a late click after a profile switch)
                raise closed(self._path)
            try:
                if self._conn is None:
                    # A short busy wait: outside WAL (a file system without shared memory) a
                    # writer can hold the file; the caller then reads the usual way.
                    self._conn = open_read_only(self._path, timeout=0.1)
                return work(self._conn)
            except sqlite3.Error as exc:
                raise translate(exc, self._path, doing) from None

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._conn is not None:
                self._conn.close()
                self._conn = None
