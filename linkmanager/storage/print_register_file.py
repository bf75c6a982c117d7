"""The print register's file on disk: private, checked before use, never replaced.

As the cache's file (storage.cache_files): the folder 0700 and the file 0600 before SQLite
writes a byte, and a first look at the header. Unlike the cache, a file that fails a check is
only reported (`damaged`), never moved aside: it is the only copy of what it records.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from linkmanager.domain.i18n import translate
from linkmanager.storage.cache_errors import NOT_WRITABLE_ERRNOS, CacheError, why_read_only
from linkmanager.storage.cache_files import FILE_MODE, SQLITE_HEADER, make_dirs, tighten

_BINARY = getattr(os, "O_BINARY", 0)


class PrintRegisterError(CacheError):
    """The register cannot be read or written; the message names the file and what to do."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


def damaged(path: Path, reason: str) -> PrintRegisterError:
    """The register's file cannot be used: said so, and left as it is."""
    said = translate(
        "PrintRegister",
        "The print register {path} cannot be used because {reason}. LinkManager leaves it as it is: it is "
        "the only record of what was printed. Restore it from a backup, or move it elsewhere to start a new "
        "register; printing itself still works.",
    )
    return PrintRegisterError(said.format(path=path, reason=reason), path)


def _refused(path: Path, reason: object) -> PrintRegisterError:
    said = translate("PrintRegister", "The print register {path} cannot be opened ({reason}).")
    return PrintRegisterError(said.format(path=path, reason=reason), path)


def prepare_file(path: Path) -> str | None:
    """Make the folder and an empty 0600 file if missing; refuse a file that is not SQLite's.

    Returns why an existing file cannot be written (it is then opened for reading), or None."""
    try:
        make_dirs(path.parent)
    except OSError as exc:
        raise _refused(path, exc.strerror or exc) from None
    if path.is_dir():
        raise damaged(path, translate("PrintRegister", "it is a folder, not a file"))
    read_only = why_read_only(path) if path.exists() else None
    fd = None
    if read_only is None:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | _BINARY, FILE_MODE)
        except OSError as exc:
            if exc.errno not in NOT_WRITABLE_ERRNOS or not path.exists():
                raise _refused(path, exc.strerror or exc) from None
            read_only = why_read_only(path) or str(exc.strerror or exc)
    if fd is None:
        try:
            fd = os.open(path, os.O_RDONLY | _BINARY)
        except OSError as exc:
            raise _refused(path, exc.strerror or exc) from None
    try:
        header = os.read(fd, len(SQLITE_HEADER))
    finally:
        os.close(fd)
    if header and header != SQLITE_HEADER[: len(header)]:
        not_sqlite = "it is not a database (its first bytes are not an SQLite header)"
        raise damaged(path, translate("PrintRegister", not_sqlite))
    if header and len(header) < len(SQLITE_HEADER):
        cut = "it is cut short (the file ends inside the SQLite header)"
        raise damaged(path, translate("PrintRegister", cut))
    if read_only is None:
        tighten(path)
    return read_only


def check_file(conn: sqlite3.Connection, path: Path, application_id: int) -> None:
    """Whole and ours: SQLite's quick check, and no other program's database."""
    try:
        problems = [str(row[0]) for row in conn.execute("PRAGMA quick_check(5)")]
        found_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        has_tables = conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone() is not None
    except sqlite3.DatabaseError as exc:
        reason = translate("PrintRegister", "its contents are damaged (SQLite says: {text})")
        raise damaged(path, reason.format(text=exc)) from None
    if problems != ["ok"]:
        first = (
            problems[0].splitlines()[0]
            if problems and problems[0]
            else translate("PrintRegister", "no details")
        )
        reason = translate("PrintRegister", "it failed its integrity check (SQLite found: {problem})")
        raise damaged(path, reason.format(problem=first))
    if has_tables and found_id != application_id:
        other = translate(
            "PrintRegister",
            "it is an SQLite database of some other program, not a LinkManager print register",
        )
        raise damaged(path, other)
