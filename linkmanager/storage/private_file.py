"""A private SQLite file LinkManager keeps beside a profile's cache that is the only copy of what it
records (the print register, the action journal): made private, checked before use, never replaced.

As the cache's file (storage.cache_files): the folder 0700 and the file 0600 before SQLite writes
a byte, and a first look at the header. Unlike the cache, a file that fails a check is only
reported (the owner's `damaged`), never moved aside. The reasons are said here, in one place and
one translation context; each owner words the sentence around them (its `damaged`, `refused`).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from linkmanager.domain.i18n import translate
from linkmanager.storage.cache_errors import NOT_WRITABLE_ERRNOS, why_read_only
from linkmanager.storage.cache_files import FILE_MODE, SQLITE_HEADER, make_dirs, tighten

_BINARY = getattr(os, "O_BINARY", 0)

Damaged = Callable[[Path, str], Exception]  # (path, reason) -> the owner's error: cannot be used
Refused = Callable[[Path, object], Exception]  # (path, OS reason) -> the owner's error: cannot be opened


def prepare_file(path: Path, damaged: Damaged, refused: Refused) -> str | None:
    """Make the folder and an empty 0600 file if missing; refuse a file that is not SQLite's.

    Returns why an existing file cannot be written (it is then opened for reading), or None."""
    try:
        make_dirs(path.parent)
    except OSError as exc:
        raise refused(path, exc.strerror or exc) from None
    if path.is_dir():
        raise damaged(path, translate("PrivateFile", "it is a folder, not a file"))
    read_only = why_read_only(path) if path.exists() else None
    fd = None
    if read_only is None:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | _BINARY, FILE_MODE)
        except OSError as exc:
            if exc.errno not in NOT_WRITABLE_ERRNOS or not path.exists():
                raise refused(path, exc.strerror or exc) from None
            read_only = why_read_only(path) or str(exc.strerror or exc)
    if fd is None:
        try:
            fd = os.open(path, os.O_RDONLY | _BINARY)
        except OSError as exc:
            raise refused(path, exc.strerror or exc) from None
    try:
        header = os.read(fd, len(SQLITE_HEADER))
    finally:
        os.close(fd)
    if header and header != SQLITE_HEADER[: len(header)]:
        raise damaged(
            path, translate("PrivateFile", "it is not a database (its first bytes are not an SQLite header)")
        )
    if header and len(header) < len(SQLITE_HEADER):
        raise damaged(
            path, translate("PrivateFile", "it is cut short (the file ends inside the SQLite header)")
        )
    if read_only is None:
        tighten(path)
    return read_only


def check_file(
    conn: sqlite3.Connection, path: Path, application_id: int, damaged: Damaged, other_program: str
) -> None:
    """Whole and ours: SQLite's quick check, and no other program's database (`other_program` says
    so in the owner's words)."""
    try:
        problems = [str(row[0]) for row in conn.execute("PRAGMA quick_check(5)")]
        found_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        has_tables = conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone() is not None
    except sqlite3.DatabaseError as exc:
        reason = translate("PrivateFile", "its contents are damaged (SQLite says: {text})")
        raise damaged(path, reason.format(text=exc)) from None
    if problems != ["ok"]:
        first = (
            problems[0].splitlines()[0]
            if problems and problems[0]
            else translate("PrivateFile", "no details")
        )
        reason = translate("PrivateFile", "it failed its integrity check (SQLite found: {problem})")
        raise damaged(path, reason.format(problem=first))
    if has_tables and found_id != application_id:
        raise damaged(path, other_program)
