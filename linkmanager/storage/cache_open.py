"""Opening a cache file: checked, set up for WAL, migrated (or read-only where it cannot be
written); every failure a CacheError naming the file."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from linkmanager.domain import i18n
from linkmanager.storage.cache_errors import (
    CacheCorruptError,
    CacheError,
    CacheTooNewError,
    CacheUpgradeBlockedError,
    lacks_side_files,
    translate,
)
from linkmanager.storage.cache_files import open_read_only, prepare, tighten
from linkmanager.storage.schema import SCHEMA_VERSION, current_version, migrate, register_functions

log = logging.getLogger(__name__)

_BUSY_TIMEOUT_S = 10.0


@dataclass(frozen=True, slots=True)
class Opened:
    """An open cache connection; `read_only` says why it cannot be written (None: it can)."""

    conn: sqlite3.Connection
    read_only: str | None = None


def _summary(problems: list[str]) -> str:
    """quick_check's report on one line: the first problem, and how many more."""
    lines = [line.strip() for row in problems for line in str(row).splitlines()]
    lines = [line for line in lines if line and not line.startswith("***")] or ["no details"]
    more = f", and {len(lines) - 1} more" if len(lines) > 1 else ""
    return f"SQLite found: {lines[0]}{more}"


# A whole-file check reads every page: 1.2 s for a 1 GB cache (100,000 links, 1,000,000 usages),
# the most of a start. Above this size only the links table is checked at open; damage
# elsewhere is still reported, with the way out, when a read or write meets it.
_FULL_CHECK_BYTES = 64 * 2**20


def _integrity_check(path: Path) -> str:
    try:
        large = path.stat().st_size > _FULL_CHECK_BYTES
    except OSError:
        large = False
    return "PRAGMA quick_check(links)" if large else "PRAGMA quick_check(5)"


def connect(path: Path) -> Opened:
    """Open, check and set up the file; every failure becomes a CacheError naming it.

    A file that can be read but not written (read-only media, permissions) opens read-only.
    """
    read_only = prepare(path)
    if read_only is not None:
        return _connect_read_only(path, read_only)
    try:
        conn = sqlite3.connect(path, timeout=_BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise translate(exc, path, "be opened") from None
    try:
        _check(conn, path)
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            log.warning("cache %s stays in %s journal mode: WAL is not available there", path, mode)
        # With WAL, NORMAL never leaves the file inconsistent; a power cut may lose the last commit.
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        migrate(conn, path)
        tighten(path)  # the -wal and -shm files exist now
    except CacheError:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        raise translate(exc, path, "be opened") from None
    return Opened(conn)


def _check(conn: sqlite3.Connection, path: Path) -> None:
    problems = [row[0] for row in conn.execute(_integrity_check(path))]
    if problems != ["ok"]:
        failed = i18n.translate("Cache", "it failed its integrity check ({summary})")
        raise CacheCorruptError(path, failed.format(summary=_summary(problems)))


def _connect_read_only(path: Path, reason: str) -> Opened:
    """Reads only, and no migration: a cache older than this version is refused, not upgraded."""
    try:
        conn = open_read_only(path, timeout=_BUSY_TIMEOUT_S)
    except sqlite3.Error as exc:
        if not lacks_side_files(exc):
            raise translate(exc, path, "be read") from None
        # Not a read-only medium (open_read_only would have gone immutable): the folder refuses.
        unreadable = i18n.translate(
            "Cache",
            "The offline cache {path} cannot be read where it is: SQLite must create {shm} beside it to read it "
            "safely, but there is no permission to write to {folder}. Make that folder writable, or copy the "
            "cache to a folder you can write to.",
        )
        raise CacheError(unreadable.format(path=path, shm=f"{path.name}-shm", folder=path.parent)) from None
    try:
        _check(conn, path)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        register_functions(conn)
        found = current_version(conn, path)
        if found > SCHEMA_VERSION:
            raise CacheTooNewError(path, found, SCHEMA_VERSION, read_only=reason)
        if found < SCHEMA_VERSION:
            raise CacheUpgradeBlockedError(path, found, SCHEMA_VERSION, reason)
    except CacheError:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        raise translate(exc, path, "be read") from None
    log.info("cache %s is read-only (%s): opened for reading", path, reason)
    return Opened(conn, read_only=reason)
