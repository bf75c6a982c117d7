"""The action journal: every change this workstation asked Lean for, who asked, and what Lean said.

It lives in its own SQLite file beside the profile's cache (`<cache stem>-journal.sqlite3`), as the
print register does (storage.print_register), and for the same reason: it is not Lean's data and
cannot be fetched again, so `sync --rebuild` (which moves only the cache and its -wal/-shm/-journal
side files aside) never touches it, and a damaged, foreign or newer file is refused with an error
naming it, never moved aside, repaired or recreated. WAL with `synchronous = FULL`; 0600 file.

Each entry is hash-chained: its `hash` is sha256 over a canonical JSON of every stored field,
its `prev_hash` (the previous entry's hash; 64 zeros for the first) and its `seq` included. Each
append also replaces a small anchor file beside the journal (`<cache stem>-journal.anchor`,
storage.journal_file) with the new newest (seq, hash).

What verify() detects:
- an entry whose stored text was changed (any field, its time and user included): its hash no
  longer matches; an entry changed and its hash recomputed: the next entry's prev_hash does not;
- an entry removed from the middle or the start: a gap in seq (renumbering changes the hashes);
- the newest entries removed (or the whole file replaced by an older copy): the journal ends
  before, or disagrees with, the entry its anchor names; a missing or unreadable anchor while the
  journal holds entries is reported too.
What it does not detect: someone who rewrites the journal AND its anchor consistently (the hash
is not keyed: whoever can write both files can forge both), nor the removal of entries written
by another process in the same instant as this one's (the anchor moves forward only, and two
writers may leave it one entry behind the head: a crash between an append and its anchor does
the same, and verify accepts an anchor behind the head when the chain holds its entry unchanged).
An anchor that disagrees with the chain is never moved on: the break stays reported until a
person restores the files.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from linkmanager.domain.i18n import translate
from linkmanager.domain.models import ensure_utc
from linkmanager.storage.cache_files import open_read_only, tighten
from linkmanager.storage.cache_model import time_text
from linkmanager.storage.journal_check import JournalCheck, anchor_agrees, check_chain
from linkmanager.storage.journal_file import (
    GENESIS,
    Anchor,
    AnchorUnreadable,
    JournalError,
    anchor_path,
    check_file,
    entry_hash,
    failed,
    prepare_file,
    read_anchor,
    write_anchor,
)
from linkmanager.storage.journal_model import (
    ACTIONS,
    COLUMNS,
    OUTCOMES,
    SELECT_ENTRIES,
    JournalDraft,
    JournalEntry,
    entry_of,
    row_of,
)
from linkmanager.storage.print_register import current_user

__all__ = [
    "ACTIONS",
    "OUTCOMES",
    "ActionJournal",
    "JournalCheck",
    "JournalDraft",
    "JournalEntry",
    "JournalError",
]

log = logging.getLogger(__name__)
_T = TypeVar("_T")

JOURNAL_SUFFIX = "-journal.sqlite3"
APPLICATION_ID = 0x4C4D4A31  # "LMJ1" in the SQLite header: not a cache ("LMC1") nor a register ("LMP1")
SCHEMA_VERSION = 1
_BUSY_TIMEOUT_S = 10.0

_SCHEMA = (
    """CREATE TABLE schema_version (
        version INTEGER PRIMARY KEY,
        description TEXT NOT NULL,
        applied_at TEXT NOT NULL
    )""",
    # No CHECKs on the values: a tampered row must stay readable so that verify() can name it.
    """CREATE TABLE entries (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user TEXT NOT NULL,
        action TEXT NOT NULL,
        link_id TEXT NOT NULL,
        profile TEXT NOT NULL,
        environment TEXT NOT NULL,
        status_before TEXT,
        status_after TEXT,
        outcome TEXT NOT NULL,
        reason TEXT NOT NULL,
        http_status INTEGER,
        request_id TEXT,
        message TEXT NOT NULL,
        batch TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    )""",
    "CREATE INDEX entries_by_link ON entries (link_id, seq)",
    "CREATE INDEX entries_by_time ON entries (at)",
)


class ActionJournal:
    """The journal file of one profile; one connection behind a lock serves every thread."""

    def __init__(self, conn: sqlite3.Connection, path: Path, read_only: str | None = None) -> None:
        """Use ActionJournal.open(path): it checks, creates and sets up the file first."""
        self._conn: sqlite3.Connection | None = conn
        self._path = path
        self._anchor = anchor_path(path)
        self._read_only = read_only
        self._last_error: str | None = None
        self._lock = threading.Lock()

    @staticmethod
    def beside(cache_path: Path) -> Path:
        """The journal for the cache at `cache_path`: `shop-1a2b3c4d-journal.sqlite3` beside it."""
        cache_path = Path(cache_path)
        return cache_path.with_name(cache_path.stem + JOURNAL_SUFFIX)

    @classmethod
    def open(cls, path: Path) -> ActionJournal:
        """Create or open the journal at `path`; JournalError when it cannot be used. A file that can
        be read but not written opens for reading (verify and entries work; append says why not)."""
        path = Path(path)
        read_only = prepare_file(path)
        doing = translate("Journal", "be opened")
        try:
            if read_only is None:
                conn = sqlite3.connect(
                    path, timeout=_BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
                )
            else:
                conn = open_read_only(path, timeout=_BUSY_TIMEOUT_S)
        except sqlite3.Error as exc:
            raise failed(exc, path, doing) from None
        try:
            check_file(conn, path, APPLICATION_ID)
            if read_only is None:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = FULL")
                _set_up(conn, path)
                tighten(path)  # the -wal and -shm files exist now
            else:
                _check_version(conn, path)
        except sqlite3.Error as exc:
            conn.close()
            raise failed(exc, path, doing) from None
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, read_only)

    @property
    def path(self) -> Path:
        return self._path

    @property
    def read_only(self) -> str | None:
        """Why nothing can be appended (read-only media, permissions); None when it can."""
        return self._read_only

    @property
    def problem(self) -> str | None:
        """Why the last append failed, or why none can succeed (read-only); None when all is well."""
        if self._last_error is None and self._read_only is not None:
            return str(self._read_only_error())
        return self._last_error

    def _read_only_error(self) -> JournalError:
        refused = translate(
            "Journal",
            "The action journal {path} is read-only ({reason}): changes are not journalled. Make the folder "
            "writable to journal changes.",
        )
        return JournalError(refused.format(path=self._path, reason=self._read_only), self._path)

    # -- writes ------------------------------------------------------------------------------------

    def append(
        self, draft: JournalDraft, *, at: datetime | None = None, user: str | None = None
    ) -> JournalEntry:
        """Store one entry at the end of the chain, in one transaction; then move the anchor on.

        `at` defaults to now, `user` to the OS user (print_register.current_user)."""
        moment = ensure_utc(at) if at is not None else datetime.now(UTC)
        who = current_user() if user is None else user
        if self._read_only is not None:
            raise self._read_only_error()
        try:
            entry = self._append(draft, moment, who)
        except JournalError as exc:
            self._last_error = str(exc)
            raise
        self._last_error = None
        return entry

    def _append(self, draft: JournalDraft, moment: datetime, who: str) -> JournalEntry:
        with self._lock:
            conn = self._connection()
            try:
                conn.execute("BEGIN IMMEDIATE")  # another window or command appending: wait for it
                try:
                    head = conn.execute("SELECT seq, hash FROM entries ORDER BY seq DESC LIMIT 1").fetchone()
                    seq, prev = (int(head[0]) + 1, str(head[1])) if head else (1, GENESIS)
                    fields = row_of(draft, seq, moment, who, prev)
                    digest = entry_hash(fields)
                    columns = ", ".join((*COLUMNS, "hash"))
                    marks = ", ".join("?" * (len(COLUMNS) + 1))
                    values = (*(fields[name] for name in COLUMNS), digest)
                    conn.execute(f"INSERT INTO entries ({columns}) VALUES ({marks})", values)  # noqa: S608
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
            except sqlite3.Error as exc:
                raise failed(exc, self._path, translate("Journal", "journal the change")) from None
            self._move_anchor(conn, Anchor(seq, digest))
        return entry_of((*(fields[name] for name in COLUMNS), digest))

    def _move_anchor(self, conn: sqlite3.Connection, new: Anchor) -> None:
        """Anchor the new head, unless the anchor disagrees with the chain (that break stays
        reported) or is already further on (another writer's). A failure is logged: the entry is
        stored, and verify() will say the anchor lags (which it tolerates) or is missing."""
        try:
            current = read_anchor(self._anchor)
        except AnchorUnreadable:
            return
        if current is None and new.seq != 1:
            return  # entries without an anchor: removed, and said so by verify()
        try:
            if current is not None and (current.seq >= new.seq or not anchor_agrees(conn, current)):
                return
        except sqlite3.Error as exc:  # the entry is stored; verify() will say what the anchor lacks
            log.warning("could not check the journal anchor %s: %s", self._anchor, exc)
            return
        try:
            write_anchor(self._anchor, new)
        except OSError as exc:
            log.warning("could not move the journal anchor %s on: %s", self._anchor, exc.strerror or exc)

    # -- reads -------------------------------------------------------------------------------------

    def entries(
        self,
        *,
        link_id: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        user: str | None = None,
        action: str | None = None,
        limit: int | None = None,
    ) -> list[JournalEntry]:
        """Entries newest first: of one link, from `since` (inclusive) to `until` (exclusive), by one
        user, of one action; at most `limit`."""
        sql = (
            SELECT_ENTRIES
            + " WHERE (?1 IS NULL OR link_id = ?1) AND (?2 IS NULL OR at >= ?2) AND (?3 IS NULL OR at < ?3)"
            " AND (?4 IS NULL OR user = ?4) AND (?5 IS NULL OR action = ?5) ORDER BY seq DESC LIMIT ?6"
        )
        params = (
            link_id,
            None if since is None else time_text(since),
            None if until is None else time_text(until),
            user,
            action,
            -1 if limit is None else max(0, limit),
        )
        rows = self._read(lambda conn: conn.execute(sql, params).fetchall())
        return [entry_of(tuple(row)) for row in rows]

    def verify(self) -> JournalCheck:
        """Walk the chain by seq and hold it against the anchor (see the module docstring)."""
        return self._read(lambda conn: check_chain(conn, self._path, self._anchor))

    def _read(self, work: Callable[[sqlite3.Connection], _T]) -> _T:
        with self._lock:
            try:
                return work(self._connection())
            except sqlite3.Error as exc:
                raise failed(exc, self._path, translate("Journal", "be read")) from None

    # -- lifetime ----------------------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            closed = translate("Journal", "The action journal {path} has been closed.")
            raise JournalError(closed.format(path=self._path), self._path)
        return self._conn

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> ActionJournal:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def _version(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
    if row.fetchone() is None:
        return 0
    return int(conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] or 0)


def _check_version(conn: sqlite3.Connection, path: Path, *, allow_empty: bool = False) -> None:
    found = _version(conn)
    if found > SCHEMA_VERSION:
        newer = translate(
            "Journal",
            "The action journal {path} was written by a newer version of LinkManager (journal schema "
            "{found}; this version reads up to {supported}): update LinkManager to use it. It is left as it is.",
        )
        raise JournalError(newer.format(path=path, found=found, supported=SCHEMA_VERSION), path)
    if found == 0 and not allow_empty:
        blocked = translate(
            "Journal",
            "The action journal {path} cannot be set up where it is (it is read-only): open it once where it "
            "can be written.",
        )
        raise JournalError(blocked.format(path=path), path)


def _set_up(conn: sqlite3.Connection, path: Path) -> None:
    """Create the tables of a new journal, in one transaction (another process doing the same waits)."""
    _check_version(conn, path, allow_empty=True)
    if _version(conn) == SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        if _version(conn) == 0:
            for statement in _SCHEMA:
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                (SCHEMA_VERSION, "the action journal, hash-chained", datetime.now(UTC).isoformat()),
            )
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID:d}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    log.info("action journal %s set up at version %d", path, SCHEMA_VERSION)
