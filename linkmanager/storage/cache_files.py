"""The cache file on disk: private permissions, a first look at its header, moving a damaged one aside.

The cache holds payer phone numbers and e-mails, so the directory is 0700 and the file 0600
before SQLite writes a byte. SQLite gives its -wal and -shm files the mode of the database
file; `tighten` still sets them explicitly so an old, looser file is fixed on the next open.
"""

from __future__ import annotations

import logging
import os
import stat
from datetime import UTC, datetime
from pathlib import Path

from linkmanager.storage.cache_errors import CacheCorruptError, CacheError

log = logging.getLogger(__name__)

FILE_MODE = 0o600
DIR_MODE = 0o700
SIDE_FILES = ("-wal", "-shm", "-journal")
SQLITE_HEADER = b"SQLite format 3\x00"


def companions(path: Path) -> list[Path]:
    """The database file and the files SQLite keeps beside it, in that order."""
    return [path, *(path.with_name(path.name + suffix) for suffix in SIDE_FILES)]


def _make_dirs(directory: Path) -> None:
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


def prepare(path: Path) -> None:
    """Make the directory and an empty 0600 file if missing; refuse a file that is not SQLite's."""
    try:
        _make_dirs(path.parent)
    except OSError as exc:
        raise CacheError(
            f"The folder for the offline cache, {path.parent}, cannot be created ({exc.strerror or exc})."
        ) from None
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), FILE_MODE)
    except IsADirectoryError:
        raise CacheCorruptError(path, "it is a folder, not a file") from None
    except OSError as exc:
        raise CacheCorruptError(path, f"it cannot be opened ({exc.strerror or exc})") from None
    try:
        header = os.read(fd, len(SQLITE_HEADER))
    finally:
        os.close(fd)
    if header and header != SQLITE_HEADER[: len(header)]:
        raise CacheCorruptError(path, "it is not a database (its first bytes are not an SQLite header)")
    if header and len(header) < len(SQLITE_HEADER):
        raise CacheCorruptError(path, "it is cut short (the file ends inside the SQLite header)")
    tighten(path)


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
        raise CacheError(
            f"The damaged offline cache {path} could not be moved aside ({exc.strerror or exc})."
        ) from None
    log.warning("moved the damaged cache %s aside to %s", path, target)
    return target
