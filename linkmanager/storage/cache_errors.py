"""What can go wrong with the offline cache, in words a person can act on.

sqlite3's own messages ("database disk image is malformed") name neither the file nor the way
out; every error the cache raises names both. Payer data never appears in a message. A file
that is merely read-only, or a disk that is full, is not damage: those messages never advise a
rebuild, which could not help and would throw away the only copy a read-only medium holds.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

from linkmanager.domain import i18n
from linkmanager.domain.i18n import QT_TRANSLATE_NOOP

# Sentences for people (translated into the window's language; the command line's is English). A
# CacheError's `doing` completes "could not …": every one the callers pass is marked here, and said
# translated (_doing); one that is not is said as it was given.
_DOING = (
    QT_TRANSLATE_NOOP("Cache", "be created"),
    QT_TRANSLATE_NOOP("Cache", "be opened"),
    QT_TRANSLATE_NOOP("Cache", "be read"),
    QT_TRANSLATE_NOOP("Cache", "count the links"),
    QT_TRANSLATE_NOOP("Cache", "keep the search index"),
    QT_TRANSLATE_NOOP("Cache", "mark unlisted links"),
    QT_TRANSLATE_NOOP("Cache", "prepare the search"),
    QT_TRANSLATE_NOOP("Cache", "read a link"),
    QT_TRANSLATE_NOOP("Cache", "read a usage's history"),
    QT_TRANSLATE_NOOP("Cache", "read payments"),
    QT_TRANSLATE_NOOP("Cache", "read the bank's columns"),
    QT_TRANSLATE_NOOP("Cache", "read the banks' columns"),
    QT_TRANSLATE_NOOP("Cache", "read the links"),
    QT_TRANSLATE_NOOP("Cache", "read the payments"),
    QT_TRANSLATE_NOOP("Cache", "read the sync problems"),
    QT_TRANSLATE_NOOP("Cache", "read the sync state"),
    QT_TRANSLATE_NOOP("Cache", "read usages"),
    QT_TRANSLATE_NOOP("Cache", "record the sync"),
    QT_TRANSLATE_NOOP("Cache", "remember the bank's columns"),
    QT_TRANSLATE_NOOP("Cache", "save a link"),
    QT_TRANSLATE_NOOP("Cache", "save links"),
    QT_TRANSLATE_NOOP("Cache", "save sync problems"),
    QT_TRANSLATE_NOOP("Cache", "save the matches"),
    QT_TRANSLATE_NOOP("Cache", "save usages"),
    QT_TRANSLATE_NOOP("Cache", "search"),
    QT_TRANSLATE_NOOP("Cache", "search the payments"),
    QT_TRANSLATE_NOOP("Cache", "sort the payments"),
    QT_TRANSLATE_NOOP("Cache", "suggest"),
    QT_TRANSLATE_NOOP("Cache", "undo the match"),
)


def _doing(doing: str) -> str:
    return i18n.translate("Cache", doing)


def _rebuild() -> str:
    return i18n.translate(
        "Cache",
        "it can be rebuilt from Lean with `linkmanager sync --rebuild` (or Sync in the window), "
        "and your saved credentials are untouched",
    )


# Primary SQLite result codes (the low byte of an extended code).
_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_AUTH = 23
_SQLITE_NOTADB = 26

READ_ONLY_FILE_SYSTEM = QT_TRANSLATE_NOOP("Cache", "read-only file system")  # said translated
NOT_WRITABLE_ERRNOS = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})
# sqlite3 does not expose the errno behind an SQLITE_IOERR (growing the -shm file on a full disk
# fails with IOERR_SHMSIZE, not SQLITE_FULL); less room than this left beside the file means
# the failed write was the disk filling up.
_FULL_BELOW_BYTES = 1 << 20


class CacheError(Exception):
    """Base of every error the cache raises; the message is one clear sentence for people."""


class CacheCorruptError(CacheError):
    """The file is not a database, fails its integrity check, cannot be read, or is too new."""

    def __init__(self, path: Path, reason: str, *, advice: str | None = None) -> None:
        unusable = i18n.translate(
            "Cache", "The offline cache {path} cannot be used because {reason}; {advice}."
        )
        super().__init__(
            unusable.format(path=path, reason=reason, advice=_rebuild() if advice is None else advice)
        )
        self.path = path
        self.reason = reason


class CacheTooNewError(CacheCorruptError):
    """Written by a newer LinkManager: updating the app is the other way out, besides rebuilding."""

    def __init__(self, path: Path, found: int, supported: int, *, read_only: str | None = None) -> None:
        if read_only is None:
            advice = i18n.translate(
                "Cache",
                "update LinkManager, or rebuild the cache from Lean with a full sync (your saved credentials are "
                "untouched)",
            )
        else:  # a read-only file cannot be rebuilt where it is
            advice = i18n.translate("Cache", "update LinkManager to read it")
        newer = i18n.translate(
            "Cache",
            "it was written by a newer version of LinkManager (cache schema {found}; this version reads up to "
            "{supported})",
        )
        super().__init__(path, newer.format(found=found, supported=supported), advice=advice)
        self.found = found
        self.supported = supported
        self.read_only = read_only  # why it cannot be moved aside and rebuilt, when it cannot


class CacheReadOnlyError(CacheError):
    """The cache can be read but not written (read-only media or permissions): reads still work.

    Nothing is wrong with the file, so the message names the real reason and never advises a rebuild.
    """

    def __init__(self, path: Path, reason: str) -> None:
        read_only = i18n.translate(
            "Cache",
            "The offline cache {path} is read-only ({reason}): it still answers reads, but nothing can be saved "
            "to it. To sync, copy it to a folder you can write to, or make this one writable.",
        )
        super().__init__(read_only.format(path=path, reason=reason))
        self.path = path
        self.reason = reason


class CacheUpgradeBlockedError(CacheError):
    """A read-only cache written by an older LinkManager: reading it needs an upgrade it cannot get."""

    def __init__(self, path: Path, found: int, supported: int, reason: str) -> None:
        if found == 0:
            blocked = i18n.translate(
                "Cache",
                "The offline cache {path} holds no data yet and cannot be set up where it is ({reason}): open it "
                "once where it can be written.",
            )
        else:
            blocked = i18n.translate(
                "Cache",
                "The offline cache {path} was written by an older LinkManager (cache schema {found}; this version "
                "reads {supported}) and cannot be upgraded where it is ({reason}): open it once where it can be "
                "written.",
            )
        super().__init__(blocked.format(path=path, found=found, supported=supported, reason=reason))
        self.path = path
        self.found = found
        self.reason = reason


class CacheDiskFullError(CacheError):
    """No room left on the disk holding the cache; what was stored before is intact."""

    def __init__(self, path: Path, doing: str) -> None:
        full = i18n.translate(
            "Cache",
            "The disk is full: the offline cache {path} could not {doing}. Free some space on that disk and try "
            "again; nothing stored before is lost.",
        )
        super().__init__(full.format(path=path, doing=_doing(doing)))
        self.path = path


class UnknownLinkError(CacheError, LookupError):
    """Usages were offered for a link the cache has never stored: the sync engine's order is wrong."""

    def __init__(self, link_id: str) -> None:
        super().__init__(
            f"The link {link_id!r} is not in the offline cache; store the link before its usages."
        )
        self.link_id = link_id


def closed(path: Path) -> CacheError:
    """The cache was closed (a profile switch) before this read or write."""
    return CacheError(i18n.translate("Cache", "The offline cache {path} has been closed.").format(path=path))


def altered(path: Path, error: Exception) -> CacheCorruptError:
    """A stored row that cannot be read back: someone else changed the file, or it is damaged."""
    problem = i18n.translate("Cache", "{problem}: the file was altered or damaged").format(problem=error)
    return CacheCorruptError(path, problem)


def _existing(path: Path) -> Path:
    """`path` or its nearest existing ancestor: what a file system question can be asked about."""
    while not path.exists() and path.parent != path:
        path = path.parent
    return path


def on_read_only_medium(path: Path) -> bool:
    """The file system holding `path` is mounted read-only (no one at all can write it)."""
    try:
        flags = os.statvfs(_existing(path)).f_flag
    except (OSError, AttributeError):  # Windows has no statvfs
        return False
    return bool(flags & os.ST_RDONLY)


def why_read_only(path: Path) -> str | None:
    """Why the cache file at `path` (and the -wal/-shm beside it) cannot be written; None if it can."""
    if on_read_only_medium(path):
        return i18n.translate("Cache", READ_ONLY_FILE_SYSTEM)
    for target in (path, path.parent):
        if target.exists() and not os.access(target, os.W_OK):
            return i18n.translate("Cache", "no permission to write to {path}").format(path=target)
    return None


def disk_is_full(path: Path) -> bool:
    """Next to no room, or no free inode, left on the disk holding `path`."""
    where = _existing(path)
    try:
        if shutil.disk_usage(where).free < _FULL_BELOW_BYTES:
            return True
        stats = os.statvfs(where)
    except (OSError, AttributeError):  # Windows has no statvfs (nor inodes to run out of)
        return False
    return stats.f_files > 0 and stats.f_favail == 0


def _primary(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def lacks_side_files(error: sqlite3.Error) -> bool:
    """SQLite could not open or create the -wal/-shm files even a reader of a WAL database needs."""
    return _primary(error) in (_SQLITE_CANTOPEN, _SQLITE_READONLY)


def translate(error: sqlite3.Error, path: Path, doing: str) -> CacheError:
    """The CacheError that says what an sqlite3 error means for this file.

    `doing` completes "The offline cache ... could not ...": "save links", "be opened".
    """
    primary = _primary(error)
    text = str(error)
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or "malformed" in text or "not a database" in text:
        return CacheCorruptError(
            path, i18n.translate("Cache", "its contents are damaged (SQLite says: {text})").format(text=text)
        )
    if primary == _SQLITE_FULL or (primary in (_SQLITE_IOERR, _SQLITE_CANTOPEN) and disk_is_full(path)):
        return CacheDiskFullError(path, doing)
    if primary in (_SQLITE_CANTOPEN, _SQLITE_PERM, _SQLITE_AUTH, _SQLITE_READONLY, _SQLITE_IOERR):
        reason = why_read_only(path)
        if reason is not None:
            return CacheReadOnlyError(path, reason)
    if primary == _SQLITE_READONLY:
        return CacheReadOnlyError(path, i18n.translate("Cache", "SQLite says: {text}").format(text=text))
    if primary in (_SQLITE_CANTOPEN, _SQLITE_PERM, _SQLITE_AUTH):
        unopened = i18n.translate(
            "Cache", "it cannot be opened for reading and writing (SQLite says: {text})"
        )
        return CacheCorruptError(path, unopened.format(text=text))
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
        said = i18n.translate(
            "Cache",
            "The offline cache {path} could not {doing}: it is busy, probably open in another LinkManager window.",
        )
    elif primary == _SQLITE_IOERR:
        said = i18n.translate(
            "Cache",
            "The offline cache {path} could not {doing}: reading or writing the file failed ({text}).",
        )
    else:
        said = i18n.translate("Cache", "The offline cache {path} could not {doing} ({text}).")
    return CacheError(said.format(path=path, doing=_doing(doing), text=text))
