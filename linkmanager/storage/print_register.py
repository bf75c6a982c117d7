"""The print register: every QR code that left this workstation, per link (when, how, where, who).

It lives in its own SQLite file beside the profile's cache (`<cache stem>-prints.sqlite3`), never
in the cache: a damaged cache is moved aside and rebuilt from Lean (LinkCache.rebuild), and Lean
knows nothing of what was printed here. The register cannot be fetched again, so it is handled
with more care than the cache, not less:
- a damaged, foreign or newer file is refused with an error naming the file and the way out, and
  is never moved aside or recreated by LinkManager: only a person decides to give up that record;
- WAL with `synchronous = FULL`: a print is a rare write, and a power cut must not lose the last;
- a version table and numbered migrations, as the cache has (storage.schema), each in one
  transaction; private permissions (0600 file, 0700 folder), as the cache's (cache_files).
A read of a register that does not exist yet finds nothing and creates nothing.
"""

from __future__ import annotations

import getpass
import logging
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from linkmanager.domain.i18n import QT_TRANSLATE_NOOP, translate
from linkmanager.domain.models import ensure_utc
from linkmanager.storage.cache_errors import why_read_only
from linkmanager.storage.cache_files import open_read_only, tighten
from linkmanager.storage.cache_model import clean, time_from, time_text
from linkmanager.storage.print_register_file import PrintRegisterError, check_file, damaged, prepare_file

__all__ = [
    "KINDS",
    "NO_PRINTS",
    "PrintRecord",
    "PrintRegister",
    "PrintRegisterError",
    "PrintSummary",
    "current_user",
]

log = logging.getLogger(__name__)

KINDS = ("print", "pdf", "qr_file")  # printed on a printer, a PDF saved, a QR image saved
REGISTER_SUFFIX = "-prints.sqlite3"
# "LMP1" in the SQLite header: `file` and forensic tools tell the register from a cache ("LMC1").
APPLICATION_ID = 0x4C4D5031
_BUSY_TIMEOUT_S = 10.0

_MIGRATIONS: tuple[tuple[int, str, tuple[str, ...]], ...] = (
    (
        1,
        "prints and saved QR files, per link",
        (
            """CREATE TABLE schema_version (
                version INTEGER PRIMARY KEY,
                description TEXT NOT NULL,
                applied_at TEXT NOT NULL
            )""",
            # `at` is fixed-width UTC text (storage.cache_model.time_text): text order is time order.
            """CREATE TABLE prints (
                key INTEGER PRIMARY KEY,
                link_id TEXT NOT NULL,
                at TEXT NOT NULL,
                kind TEXT NOT NULL,
                template TEXT NOT NULL,
                copies INTEGER NOT NULL CHECK (copies > 0),
                place TEXT NOT NULL,
                user TEXT NOT NULL
            )""",
            "CREATE INDEX prints_by_link ON prints (link_id, at)",
            "CREATE INDEX prints_by_time ON prints (at)",
        ),
    ),
)
SCHEMA_VERSION = _MIGRATIONS[-1][0]


@dataclass(frozen=True, slots=True)
class PrintRecord:
    """One print job or one saved file for one link: `copies` items of that link's code."""

    link_id: str
    at: datetime  # aware; stored as UTC
    kind: str  # one of KINDS
    template: str  # "card", "labels", "receipt", ...; for a QR file its format: "png", "svg", "pdf"
    copies: int
    where: str  # the printer's name, or the file's path
    user: str = ""  # the OS user (current_user())


@dataclass(frozen=True, slots=True)
class PrintSummary:
    """What the register holds for one link; NO_PRINTS for a link never printed."""

    count: int  # items printed or saved in total (the sum of copies)
    times: int  # print jobs and saves
    first_at: datetime | None
    last_at: datetime | None
    last_where: str = ""  # the printer or file of the last one
    last_kind: str = ""


NO_PRINTS = PrintSummary(0, 0, None, None)


def current_user() -> str:
    """The OS user's login name; "" where the OS cannot say (no such variable or account)."""
    try:
        return getpass.getuser()
    except Exception:  # KeyError, OSError: getuser's failures differ by platform and Python version
        return ""


def _check(record: PrintRecord) -> PrintRecord:
    """A record as stored: a bad one is a programming error, refused before anything is written."""
    if not record.link_id:
        raise ValueError("a print record needs a link id")
    if record.kind not in KINDS:
        raise ValueError(f"a print record's kind is one of {KINDS}, not {record.kind!r}")
    if record.copies < 1:
        raise ValueError(f"a print record counts at least one copy, not {record.copies}")
    ensure_utc(record.at)  # a naive time raises
    return record


class PrintRegister:
    """The register file of one profile; one connection behind a lock serves every thread."""

    def __init__(self, conn: sqlite3.Connection, path: Path, read_only: str | None = None) -> None:
        """Use PrintRegister.open(path): it checks, creates and migrates the file first."""
        self._conn: sqlite3.Connection | None = conn
        self._path = path
        self._read_only = read_only
        self._lock = threading.Lock()

    @staticmethod
    def beside(cache_path: Path) -> Path:
        """The register's file for the cache at `cache_path`: `shop-1a2b3c4d-prints.sqlite3` beside it."""
        cache_path = Path(cache_path)
        return cache_path.with_name(cache_path.stem + REGISTER_SUFFIX)

    @classmethod
    def open(cls, path: Path) -> PrintRegister:
        """Create or open (and migrate) the register at `path`; PrintRegisterError when it cannot be used.

        A file that can be read but not written opens for reading; record() then says why not."""
        path = Path(path)
        read_only = prepare_file(path)
        try:
            if read_only is None:
                conn = sqlite3.connect(
                    path, timeout=_BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
                )
            else:
                conn = open_read_only(path, timeout=_BUSY_TIMEOUT_S)
        except sqlite3.Error as exc:
            raise _failed(exc, path, QT_TRANSLATE_NOOP("PrintRegister", "be opened")) from None
        try:
            check_file(conn, path, APPLICATION_ID)
            if read_only is None:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = FULL")
                _migrate(conn, path)
                tighten(path)  # the -wal and -shm files exist now
            else:
                _version_readable(conn, path)
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, read_only)

    @property
    def path(self) -> Path:
        return self._path

    # -- writes ------------------------------------------------------------------------------------

    def record(self, records: Sequence[PrintRecord]) -> None:
        """Store `records` in one transaction: all of them, or (on any failure) none."""
        rows = [
            (r.link_id, time_text(r.at), r.kind, clean(r.template), r.copies, clean(r.where), clean(r.user))
            for r in map(_check, records)
        ]
        if not rows:
            return
        if self._read_only is not None:
            refused = translate(
                "PrintRegister",
                "The print register {path} is read-only ({reason}): the print was not recorded. Make the "
                "folder writable to record prints.",
            )
            raise PrintRegisterError(refused.format(path=self._path, reason=self._read_only), self._path)
        with self._lock:
            conn = self._connection()
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    conn.executemany(
                        "INSERT INTO prints (link_id, at, kind, template, copies, place, user) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        rows,
                    )
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
            except sqlite3.Error as exc:
                raise _failed(
                    exc, self._path, QT_TRANSLATE_NOOP("PrintRegister", "record the print")
                ) from None

    # -- reads -------------------------------------------------------------------------------------

    def summary(self, link_id: str) -> PrintSummary:
        row = self._one(
            "SELECT coalesce(sum(copies), 0), count(*), min(at), max(at) FROM prints WHERE link_id = ?",
            (link_id,),
        )
        count, times, first, last = row
        if not times:
            return NO_PRINTS
        newest = self._one(
            "SELECT place, kind FROM prints WHERE link_id = ? ORDER BY at DESC, key DESC LIMIT 1", (link_id,)
        )
        return PrintSummary(int(count), int(times), time_from(first), time_from(last), newest[0], newest[1])

    def entries(self, link_id: str | None = None, limit: int | None = None) -> list[PrintRecord]:
        """The records of `link_id` (None: of every link), newest first, at most `limit`."""
        # One statement for both: a NULL link id matches every record; LIMIT -1 is no limit.
        sql = (
            "SELECT link_id, at, kind, template, copies, place, user FROM prints"
            " WHERE ?1 IS NULL OR link_id = ?1 ORDER BY at DESC, key DESC LIMIT ?2"
        )
        params = (link_id, -1 if limit is None else max(0, limit))
        with self._lock:
            try:
                found = self._connection().execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise _failed(exc, self._path, QT_TRANSLATE_NOOP("PrintRegister", "be read")) from None
        return [PrintRecord(r[0], time_from(r[1]), r[2], r[3], int(r[4]), r[5], r[6]) for r in found]

    def link_ids(self) -> set[str]:
        """Every link the register holds a record of."""
        with self._lock:
            try:
                rows = self._connection().execute("SELECT DISTINCT link_id FROM prints").fetchall()
            except sqlite3.Error as exc:
                raise _failed(exc, self._path, QT_TRANSLATE_NOOP("PrintRegister", "be read")) from None
        return {row[0] for row in rows}

    def _one(self, sql: str, params: tuple[object, ...]) -> tuple[Any, ...]:
        with self._lock:
            try:
                return tuple(self._connection().execute(sql, params).fetchone())
            except sqlite3.Error as exc:
                raise _failed(exc, self._path, QT_TRANSLATE_NOOP("PrintRegister", "be read")) from None

    # -- lifetime ----------------------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            closed = translate("PrintRegister", "The print register {path} has been closed.")
            raise PrintRegisterError(closed.format(path=self._path), self._path)
        return self._conn

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> PrintRegister:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def _failed(error: sqlite3.Error, path: Path, doing: str) -> PrintRegisterError:
    """An sqlite3 error in words: damage is said as damage (and never repaired here). `doing`
    completes "could not …", marked for translation where it is passed."""
    doing = translate("PrintRegister", doing)
    text = str(error)
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in (11, 26) or "malformed" in text or "not a database" in text:  # CORRUPT, NOTADB
        reason = translate("PrintRegister", "its contents are damaged (SQLite says: {text})")
        return damaged(path, reason.format(text=text))
    if primary == 13:  # FULL
        full = translate(
            "PrintRegister",
            "The disk is full: the print register {path} could not {doing}. Free some space on that disk and "
            "try again; what it recorded before is kept.",
        )
        return PrintRegisterError(full.format(path=path, doing=doing), path)
    reason_ro = why_read_only(path)
    if reason_ro is not None:
        refused = translate("PrintRegister", "The print register {path} could not {doing} ({reason}).")
        return PrintRegisterError(refused.format(path=path, doing=doing, reason=reason_ro), path)
    failed = translate("PrintRegister", "The print register {path} could not {doing} (SQLite says: {text}).")
    return PrintRegisterError(failed.format(path=path, doing=doing, text=text), path)


def _version(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
    if row.fetchone() is None:
        return 0
    return int(conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] or 0)


def _too_new(path: Path, found: int) -> PrintRegisterError:
    newer = translate(
        "PrintRegister",
        "The print register {path} was written by a newer version of LinkManager (register schema {found}; "
        "this version reads up to {supported}): update LinkManager to use it. It is left as it is.",
    )
    return PrintRegisterError(newer.format(path=path, found=found, supported=SCHEMA_VERSION), path)


def _version_readable(conn: sqlite3.Connection, path: Path) -> None:
    found = _version(conn)
    if found > SCHEMA_VERSION:
        raise _too_new(path, found)
    if found < SCHEMA_VERSION:
        blocked = translate(
            "PrintRegister",
            "The print register {path} cannot be set up where it is (it is read-only): open it once where it "
            "can be written.",
        )
        raise PrintRegisterError(blocked.format(path=path), path)


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    """The missing steps, each with its schema_version row in one transaction."""
    found = _version(conn)
    if found > SCHEMA_VERSION:
        raise _too_new(path, found)
    for version, description, statements in _MIGRATIONS:
        if version <= found:
            continue
        conn.execute("BEGIN IMMEDIATE")  # another process migrating: wait, then see its result
        try:
            if _version(conn) >= version:
                conn.execute("ROLLBACK")
                continue
            for statement in statements:
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                (version, description, datetime.now(UTC).isoformat()),
            )
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID:d}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        log.info("print register %s set up at version %d (%s)", path, version, description)
