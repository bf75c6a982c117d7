"""The cache file on disk: private permissions, a first look at its header, moving a damaged one aside.

The cache holds payer phone numbers and e-mails, so the directory is 0700 and the file 0600
before SQLite writes a byte. SQLite gives its -wal and -shm files the mode of the database
file; `tighten` still sets them explicitly so an old, looser file is fixed on the next open.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import stat
from datetime import UTC, datetime
from pathlib import Path

from linkmanager.domain.i18n import translate
from linkmanager.storage.cache_errors import (
    NOT_WRITABLE_ERRNOS,
    READ_ONLY_FILE_SYSTEM,
    CacheCorruptError,
    CacheDiskFullError,
    CacheError,
    lacks_side_files,
    on_read_only_medium,
    why_read_only,
)

log = logging.getLogger(__name__)

FILE_MODE = 0o600
DIR_MODE = 0o700
SIDE_FILES = ("-wal", "-shm", "-journal")
SQLITE_HEADER = b"SQLite format 3\x00"
_BINARY = getattr(os, "O_BINARY", 0)


def companions(path: Path) -> list[Path]:
    """The database file and the files SQLite keeps beside it, in that order."""
    return [path, *(path.with_name(path.name + suffix) for suffix in SIDE_FILES)]


def make_dirs(directory: Path) -> None:
    """Create missing directories 0700; an existing directory's mode is the user's business."""
    missing: list[Path] = []
    current = directory
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        folder.mkdir(mode=DIR_MODE, exist_ok=True)
        os.chmod(folder, DIR_MODE)  # mkdir's mode is filtered by the umask


def _os_reason(exc: OSError, folder: Path) -> str:
    """An OSError in words: what the user can act on, naming the folder that refuses."""
    if exc.errno == errno.EROFS:
        return translate("Cache", READ_ONLY_FILE_SYSTEM)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return translate("Cache", "no permission to write to {path}").format(path=folder)
    return str(exc.strerror or exc)


def prepare(path: Path) -> str | None:
    """Make the directory and an empty 0600 file if missing; refuse a file that is not SQLite's.

    Returns why an existing, readable file cannot be written (read-only media, permissions), or
    None when it can: such a cache is opened read-only rather than refused.
    """
    try:
        make_dirs(path.parent)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise CacheDiskFullError(path, "be created") from None
        refusing = Path(exc.filename).parent if exc.filename else path.parent
        no_folder = translate(
            "Cache", "The folder for the offline cache, {folder}, cannot be created ({reason})."
        )
        raise CacheError(no_folder.format(folder=path.parent, reason=_os_reason(exc, refusing))) from None
    if path.is_dir():
        raise CacheCorruptError(path, translate("Cache", "it is a folder, not a file"))
    # Before trying to open for writing: a file in a folder no one may write to is read-only too,
    # since SQLite could not create its -wal and -shm files there.
    read_only = why_read_only(path) if path.exists() else None
    fd = None
    if read_only is None:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | _BINARY, FILE_MODE)
        except OSError as exc:
            if exc.errno == errno.ENOSPC:
                raise CacheDiskFullError(path, "be created") from None
            if exc.errno not in NOT_WRITABLE_ERRNOS:
                unopened = translate("Cache", "it cannot be opened ({reason})")
                raise CacheCorruptError(path, unopened.format(reason=exc.strerror or exc)) from None
            read_only = why_read_only(path) or _os_reason(exc, path.parent)
    if fd is None:
        try:
            fd = os.open(path, os.O_RDONLY | _BINARY)
        except FileNotFoundError:
            uncreated = translate("Cache", "The offline cache {path} cannot be created ({reason}).")
            raise CacheError(uncreated.format(path=path, reason=read_only)) from None
        except OSError as exc:
            why: str | None = exc.strerror
            if exc.errno in NOT_WRITABLE_ERRNOS:
                why = translate("Cache", "no permission to read {path}").format(path=path)
            unread = translate("Cache", "The offline cache {path} cannot be read ({reason}).")
            raise CacheError(unread.format(path=path, reason=why or exc)) from None
    try:
        header = os.read(fd, len(SQLITE_HEADER))
    finally:
        os.close(fd)
    if header and header != SQLITE_HEADER[: len(header)]:
        raise CacheCorruptError(
            path, translate("Cache", "it is not a database (its first bytes are not an SQLite header)")
        )
    if header and len(header) < len(SQLITE_HEADER):
        raise CacheCorruptError(
            path, translate("Cache", "it is cut short (the file ends inside the SQLite header)")
        )
    if read_only is None:
        tighten(path)
    return read_only


def _probe(uri: str, timeout: float) -> sqlite3.Connection:
    """Connect and read once: SQLite opens the -wal and -shm files only at the first read."""
    conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def open_read_only(path: Path, *, timeout: float = 5.0) -> sqlite3.Connection:
    """A connection that never writes: `mode=ro`, or `immutable=1` where that cannot work.

    A reader of a WAL database needs the -shm file, and creates it when missing. On a read-only
    medium it cannot; nothing can change the file there either, so SQLite may skip locking and
    the -shm altogether (immutable). Anywhere else someone may still write the file, so the
    sqlite3.Error is raised rather than risk reading a half-written page.
    """
    uri = path.resolve().as_uri()
    try:
        return _probe(f"{uri}?mode=ro", timeout)
    except sqlite3.Error as exc:
        if not (lacks_side_files(exc) and on_read_only_medium(path)):
            raise
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:  # immutable would ignore what the -wal holds
        stuck = translate(
            "Cache",
            "The offline cache {path} cannot be read where it is ({reason}): its last changes are still in {wal}, "
            "which SQLite cannot read there without {shm}. Open it once where it can be written.",
        )
        reason = translate("Cache", READ_ONLY_FILE_SYSTEM)
        raise CacheError(stuck.format(path=path, reason=reason, wal=wal.name, shm=f"{path.name}-shm"))
    return _probe(f"{uri}?immutable=1", timeout)


def tighten(path: Path) -> None:
    """Set 0600 on the database and whichever side files exist now (no-op where modes do not exist)."""
    if os.name == "nt":
        return
    for file in companions(path):
        try:
            if stat.S_IMODE(file.stat().st_mode) != FILE_MODE:
                os.chmod(file, FILE_MODE)
        except FileNotFoundError:
            continue
        except OSError as exc:
            log.warning("could not make %s private: %s", file, exc.strerror or exc)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def move_aside(path: Path, now: datetime | None = None) -> Path | None:
    """Rename the file and its side files to `<name>.corrupt-<UTC time>[-wal|-shm]`; None if nothing was there.

    The side files keep SQLite's suffixes so the set can still be opened together for a post-mortem.
    """
    files = [file for file in companions(path) if file.exists()]
    if not files:
        return None
    stamp = _stamp(now or datetime.now(UTC))
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while any(file.exists() for file in companions(target)):
        counter += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    try:
        for file in files:
            file.rename(target.with_name(target.name + file.name[len(path.name) :]))
    except OSError as exc:
        stuck = translate("Cache", "The damaged offline cache {path} could not be moved aside ({reason}).")
        raise CacheError(stuck.format(path=path, reason=exc.strerror or exc)) from None
    log.warning("moved the damaged cache %s aside to %s", path, target)
    return target
