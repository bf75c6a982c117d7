"""What can go wrong with the offline cache, in words a person can act on.

sqlite3's own messages ("database disk image is malformed") name neither the file nor the way
out; every error the cache raises names both. Payer data never appears in a message.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

_REBUILD = (
    "it can be rebuilt from Lean with `linkmanager sync --rebuild` (or Sync in the window), "
    "and your saved credentials are untouched"
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


class CacheError(Exception):
    """Base of every error the cache raises; the message is one clear sentence for people."""


class CacheCorruptError(CacheError):
    """The file is not a database, fails its integrity check, cannot be read, or is too new."""

    def __init__(self, path: Path, reason: str, *, advice: str = _REBUILD) -> None:
        super().__init__(f"The offline cache {path} cannot be used because {reason}; {advice}.")
        self.path = path
        self.reason = reason


class CacheTooNewError(CacheCorruptError):
    """Written by a newer LinkManager: updating the app is the other way out, besides rebuilding."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(
            path,
            f"it was written by a newer version of LinkManager (cache schema {found}; "
            f"this version reads up to {supported})",
            advice="update LinkManager, or rebuild the cache from Lean with a full sync "
            "(your saved credentials are untouched)",
        )
        self.found = found
        self.supported = supported


class CacheReadOnlyError(CacheError):
    """The cache can be read but not written (read-only media or permissions): reads still work.

    Nothing is wrong with the file, so the message names the real reason and never advises a rebuild.
    """

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"The offline cache {path} is read-only ({reason}): it still answers reads, but nothing "
            "can be saved to it. Copy it to a writable folder, or fix the folder's permissions, to sync."
        )
        self.path = path
        self.reason = reason


class UnknownLinkError(CacheError, LookupError):
    """Usages were offered for a link the cache has never stored: the sync engine's order is wrong."""

    def __init__(self, link_id: str) -> None:
        super().__init__(
            f"The link {link_id!r} is not in the offline cache; store the link before its usages."
        )
        self.link_id = link_id


def translate(error: sqlite3.Error, path: Path, doing: str) -> CacheError:
    """The CacheError that says what an sqlite3 error means for this file.

    `doing` completes "The offline cache ... could not ...": "save links", "be opened".
    """
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(error)
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or "malformed" in text or "not a database" in text:
        return CacheCorruptError(path, f"its contents are damaged (SQLite says: {text})")
    if primary in (_SQLITE_CANTOPEN, _SQLITE_PERM, _SQLITE_AUTH, _SQLITE_READONLY):
        return CacheCorruptError(path, f"it cannot be opened for reading and writing (SQLite says: {text})")
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return CacheError(
            f"The offline cache {path} could not {doing}: it is busy, probably open in another LinkManager window."
        )
    if primary == _SQLITE_FULL:
        return CacheError(f"The offline cache {path} could not {doing}: the disk is full.")
    if primary == _SQLITE_IOERR:
        return CacheError(
            f"The offline cache {path} could not {doing}: reading or writing the file failed ({text})."
        )
    return CacheError(f"The offline cache {path} could not {doing} ({text}).")
