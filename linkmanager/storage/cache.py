"""The offline cache: one SQLite file per profile holding links, usages and sync state.

Threads: one sqlite3 connection (check_same_thread=False) behind one RLock serves every thread.
SQLite lets one writer in at a time anyway; a connection per thread would add SQLITE_BUSY retries
between our own workers and connections left in pool threads; with one, close() is complete and no
thread sees a half-written sync. The lock is waited for on workers only: the reads of every link
and the window's look-up of one (link_now) use read-only connections that a sync's write never blocks.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from linkmanager.domain.lifecycle import effective_status
from linkmanager.domain.models import PaymentLink, Usage, ensure_utc, utc_now
from linkmanager.domain.status import LinkStatus
from linkmanager.storage import cache_reads, cache_sync, cache_writes, owner_pages, search, term_owners
from linkmanager.storage.cache_errors import (
    CacheCorruptError,
    CacheError,
    CacheReadOnlyError,
    CacheTooNewError,
    UnknownLinkError,
    altered,
    closed,
    translate,
)
from linkmanager.storage.cache_files import move_aside
from linkmanager.storage.cache_model import (
    SELECT_CACHED,
    SELECT_USAGES,
    CachedLink,
    LinkChange,
    SearchHit,
    StoredDataError,
    SyncMarks,
    SyncProblem,
    SyncState,
    UsageChange,
    UsageList,
    clean,
    decode_cached,
    decode_usage,
)
from linkmanager.storage.cache_open import connect

__all__ = [
    "CacheCorruptError",
    "CacheError",
    "CacheReadOnlyError",
    "CacheTooNewError",
    "CachedLink",
    "LinkCache",
    "LinkChange",
    "SearchHit",
    "SyncMarks",
    "SyncProblem",
    "SyncState",
    "UnknownLinkError",
    "UsageChange",
    "UsageList",
]

log = logging.getLogger(__name__)
T = TypeVar("T")

_ORDER = " ORDER BY confirmed_at DESC, coalesce(nullif(name, ''), reference) COLLATE NOCASE, id"


class LinkCache:
    """Links, usages and sync state of one profile; every write is one transaction."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        clock: Callable[[], datetime] = utc_now,
        *,
        read_only: str | None = None,
    ) -> None:
        """Use LinkCache.open(path): it checks, creates and migrates the file first."""
        self._conn: sqlite3.Connection | None = conn
        self._read_only = read_only
        self._path = path
        self._clock = clock
        self._lock = threading.RLock()
        self._key_ids: cache_reads.KeyIds | None = None  # see _ids_by_key
        self._owners: term_owners.TermOwners | None = None  # see prepare_search
        self._side = cache_reads.SideReader(path)  # see link_now

    @classmethod
    def open(cls, path: Path, *, clock: Callable[[], datetime] = utc_now) -> LinkCache:
        """Create or open (and migrate) the cache at `path`; CacheCorruptError when it is damaged.

        `clock` is the real time: the default for `now` in reads, and what tells a stale answer
        from a clock that was set back (see cache_writes)."""
        path = Path(path)
        opened = connect(path)
        return cls(opened.conn, path, clock, read_only=opened.read_only)

    @classmethod
    def rebuild(cls, path: Path, *, clock: Callable[[], datetime] = utc_now) -> LinkCache:
        """Move a damaged cache (with its -wal/-shm) aside to `<name>.corrupt-<UTC time>`, open a fresh one.

        The old file is kept, not deleted: it may be the only copy of data Lean no longer lists.
        Close every LinkCache open on `path` first."""
        path = Path(path)
        move_aside(path, clock())
        return cls.open(path, clock=clock)

    @property
    def path(self) -> Path:
        return self._path

    @property
    def read_only(self) -> str | None:
        """Why nothing can be saved to this cache (read-only media, permissions); None when it can."""
        return self._read_only

    def close(self) -> None:
        self._side.close()
        with self._lock:
            if self._conn is not None:
                try:
                    self._conn.close()
                finally:
                    self._conn = None

    def __enter__(self) -> LinkCache:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    # --- plumbing ---------------------------------------------------------------------------

    def _live(self) -> sqlite3.Connection:
        if self._conn is None:
            raise closed(self._path)
        return self._conn

    @contextmanager
    def _transaction(self, doing: str, begin: str) -> Iterator[sqlite3.Connection]:
        with self._lock:
            conn = self._live()
            try:
                conn.execute(begin)
            except sqlite3.Error as exc:
                raise translate(exc, self._path, doing) from None
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction:
                    try:
                        conn.execute("ROLLBACK")
                    except sqlite3.Error:
                        log.exception("rollback failed in %s", self._path)
                if isinstance(exc, sqlite3.Error):
                    raise translate(exc, self._path, doing) from exc
                if isinstance(exc, StoredDataError):
                    raise altered(self._path, exc) from exc
                raise

    def read(self, doing: str, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run `work` in a read transaction: one consistent snapshot even across several queries."""
        with self._transaction(doing, "BEGIN") as conn:
            return work(conn)

    def read_beside(self, doing: str, work: Callable[[sqlite3.Connection], T]) -> T:
        """A long read on a connection of its own: the cache's lock stays free meanwhile."""
        self._live()  # closed is closed, whatever the connection
        return cache_reads.read_beside(self._path, doing, work)

    def write(self, doing: str, work: Callable[[sqlite3.Connection], T]) -> T:
        """One write transaction (read/read_beside/write also serve payment_reads and matches)."""
        if self._read_only is not None:
            raise CacheReadOnlyError(self._path, self._read_only)
        with self._transaction(doing, "BEGIN IMMEDIATE") as conn:
            return work(conn)

    # --- reads ------------------------------------------------------------------------------

    def links(
        self, status: LinkStatus | None = None, *, now: datetime | None = None, ordered: bool = True
    ) -> list[CachedLink]:
        """Cached links, newest confirmed first, then by name; `status` filters by the effective status
        at `now`. `ordered=False` skips the sort (0.5 s at 100,000 links) for a caller that sorts."""
        moment = ensure_utc(now if now is not None else self._clock())
        query = SELECT_CACHED + (_ORDER if ordered else "")
        rows = self.read("read the links", lambda conn: conn.execute(query).fetchall())
        with cache_reads.collector_paused():
            cached = self._decoded(rows)
        if status is None:
            return cached
        return [item for item in cached if effective_status(item.link, moment) == status]

    def first_links(
        self, order: str | None, *, descending: bool = False, limit: int = 200
    ) -> list[CachedLink]:
        """The first `limit` links in one of the table's orders (FIRST_ORDERS; None: links(ordered=False)'s)
        for a first screenful; ties by id, links without the value last, as in the table."""
        if limit <= 0:
            return []
        rows = self.read(
            "read the links", lambda conn: cache_reads.first_rows(conn, order, descending, limit)
        )
        return self._decoded(rows)

    def _decoded(self, rows: list[Any]) -> list[CachedLink]:
        try:
            return [decode_cached(row) for row in rows]
        except StoredDataError as exc:
            raise altered(self._path, exc) from exc

    def table_rows(self, make: Callable[[Sequence[Any]], T]) -> list[T]:
        """Every link as `make` turns a SELECT_TABLE row into a table row (services.link_rows)."""
        made, refused, ids = self.read_beside(
            "read the links", lambda conn: cache_reads.table_rows(conn, make)
        )
        with self._lock:
            self._key_ids = ids  # the first search's look-up, with the rows' own id strings
        if refused:
            log.warning("%d stored links could not be read back and are not shown", refused)
        return made

    def read_now(self, doing: str, work: Callable[[sqlite3.Connection], T]) -> T:
        """A small read for the window's thread: on SideReader's connection, never behind a sync."""
        self._live()  # closed is closed, on every connection
        try:
            return self._side.read(doing, work)
        except CacheError:
            return self.read(doing, work)

    def link_now(self, link_id: str) -> CachedLink | None:
        """link() for the window's thread (read_now)."""
        query = SELECT_CACHED + " WHERE id = ?"
        rows = self.read_now("read a link", lambda conn: conn.execute(query, (clean(link_id),)).fetchall())
        return self._decoded(rows)[0] if rows else None

    def link(self, link_id: str) -> CachedLink | None:
        rows = self.read(
            "read a link",
            lambda conn: conn.execute(SELECT_CACHED + " WHERE id = ?", (clean(link_id),)).fetchall(),
        )
        return self._decoded(rows)[0] if rows else None

    def usages(self, link_id: str) -> list[Usage]:
        """The link's cached usages in Lean's order (usages Lean stopped listing come last)."""
        return self._usages(" WHERE l.id = ? ORDER BY u.position", (clean(link_id),))

    def usage(self, link_id: str, usage_id: str) -> Usage | None:
        found = self._usages(" WHERE l.id = ? AND u.usage_id = ?", (clean(link_id), clean(usage_id)))
        return found[0] if found else None

    def _usages(self, where: str, params: tuple[str, ...]) -> list[Usage]:
        sql = SELECT_USAGES + where
        rows = self.read("read usages", lambda conn: conn.execute(sql, params).fetchall())
        try:
            return [decode_usage(row) for row in rows]
        except StoredDataError as exc:
            raise altered(self._path, exc) from exc

    def status_counts(self, now: datetime | None = None) -> dict[LinkStatus, int]:
        """Links per effective status at `now`; every known status is present, unknown ones when held."""
        moment = ensure_utc(now if now is not None else self._clock())
        return self.read_beside("count the links", lambda conn: cache_reads.status_counts(conn, moment))

    def search(self, text: str, limit: int = 200) -> list[SearchHit]:
        """Links and usages holding `text` anywhere in a searchable value; see storage.search."""
        return self.read("search", lambda conn: search.search(conn, text, limit))

    def search_link_ids(self, text: str) -> tuple[set[str], set[str]]:
        """Every link holding `text`: (ids matched in the link's own fields, ids matched only in a
        usage's). The lean form of search() for filtering a table; see storage.search."""
        return self.searching(lambda conn, owners, ids: search.link_ids(conn, text, owners, ids))

    def searching(
        self, work: Callable[[sqlite3.Connection, term_owners.TermOwners | None, list[str | None]], T]
    ) -> T:
        """`work` in one read transaction, given what searches hold: the index's owners (None until
        prepare_search) and every link's id by row key (storage.search_words)."""
        return self.read("search", lambda conn: work(conn, self._owners, self._ids_by_key(conn)))

    def prepare_search(self) -> None:
        """Hold every indexed value's link in memory (storage.term_owners; read from the pages kept
        in the file, storage.owner_pages, then kept again): call it on a worker once, without the
        cache's lock. Searches work as before until it is done, only the broadest slower."""
        if self._owners is None:
            built = self._owners = term_owners.build(self._path)
            if built.covered > built.kept and self._read_only is None:
                try:  # for the next start; without it that start is only slower
                    self.write("keep the search index", partial(owner_pages.save, owners=built))
                except CacheError as exc:
                    log.warning("The search index could not be kept for the next start: %s", exc)

    def _ids_by_key(self, conn: sqlite3.Connection) -> list[str | None]:
        """Every link's id by row key, read again only when a link was added: links are never
        deleted, so the largest key moves exactly when the set of links changes."""
        newest = conn.execute("SELECT max(key) FROM links").fetchone()[0]
        if self._key_ids is None or self._key_ids[0] != newest:
            self._key_ids = cache_reads.ids_by_key(conn)
        return self._key_ids[1]

    def sync_state(self) -> SyncState:
        return self.read("read the sync state", cache_reads.sync_state)

    def sync_marks(self) -> dict[str, SyncMarks]:
        """Every link's sync marks by id: what the sync engine plans a link's usages from."""
        with cache_reads.collector_paused():
            return self.read("read the links", cache_sync.sync_marks)

    def problems(self) -> list[SyncProblem]:
        """What syncs could not bring up to date, oldest first; a link's go when it syncs again."""
        return self.read("read the sync problems", cache_sync.problems)

    def is_empty(self) -> bool:
        """True when no link is cached (see sync_state() for whether a full sync ever finished)."""
        return self.read("read the links", cache_reads.no_links)

    # --- writes -----------------------------------------------------------------------------

    def store_listing(
        self, links: Sequence[PaymentLink], confirmed_at: datetime, *, complete: bool
    ) -> list[LinkChange]:
        """Upsert the listed links; with `complete`, links absent from it are marked missing (never
        deleted). A LinkChange for each new link and each whose server-reported status changed."""
        return self.write(
            "save links",
            lambda conn: cache_writes.put_links(conn, links, confirmed_at, complete, self._clock()),
        )

    def store_link(self, link: PaymentLink, confirmed_at: datetime) -> LinkChange | None:
        """One link as just re-read with GET."""
        changes = self.write(
            "save a link",
            lambda conn: cache_writes.put_links(conn, [link], confirmed_at, False, self._clock()),
        )
        return changes[0] if changes else None

    def store_usages(
        self,
        link_id: str,
        usages: Sequence[Usage],
        confirmed_at: datetime,
        *,
        link_status: LinkStatus,
        read_all: bool = True,
    ) -> list[UsageChange]:
        """The link's complete usage list as just read: upserted in this order, none deleted.

        `read_all` is False when only the unsettled usages were fetched again. The link's
        problems are over. Returns a UsageChange for each new usage and each whose usage or
        payment status changed.
        """
        return self.store_usage_lists([UsageList(link_id, usages, confirmed_at, link_status, read_all)])

    def confirm_usages(self, link_id: str, confirmed_at: datetime, *, link_status: LinkStatus) -> None:
        """A cheap probe showed the link's usages unchanged: they are confirmed as of `confirmed_at`."""
        self.store_usage_lists([UsageList(link_id, None, confirmed_at, link_status)])

    def store_usage_lists(self, lists: Sequence[UsageList]) -> list[UsageChange]:
        """Several links' usages (or probe confirmations) in one transaction: what a sync's workers
        read while the last batch was being written. Each link is whole: its new list or its old."""
        return self.write(
            "save usages", lambda conn: cache_writes.put_usage_lists(conn, lists, self._clock())
        )

    def mark_unlisted(self, listed_at: datetime, *, keep: Collection[str] = ()) -> int:
        """A listing read at `listed_at` was complete: links it did not confirm are marked missing
        (never deleted), except `keep` (listed in records that could not be read). Answers how
        many links are missing now."""
        return self.write(
            "mark unlisted links",
            lambda conn: cache_sync.mark_unlisted(conn, listed_at, self._clock(), keep),
        )

    def note_problems(self, problems: Sequence[SyncProblem], seen_at: datetime) -> None:
        self.write("save sync problems", lambda conn: cache_sync.note_problems(conn, problems, seen_at))

    def clear_listing_problems(self, kinds: Collection[str]) -> None:
        self.write("save sync problems", lambda conn: cache_sync.clear_listing_problems(conn, kinds))

    def record_sync_started(self, started_at: datetime) -> None:
        self.write("record the sync", lambda conn: cache_sync.record_sync_started(conn, started_at))

    def record_full_sync(self, finished_at: datetime) -> None:
        self.write("record the sync", lambda conn: cache_sync.record_full_sync(conn, finished_at))
