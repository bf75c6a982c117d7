"""The action journal's files on disk: the SQLite file, its anchor, their errors and the hash.

As the print register's file (storage.print_register_file): private (0700 folder, 0600 files),
checked before use, and never moved aside or recreated. The anchor is a small JSON file beside
the journal (`<cache stem>-journal.anchor`) holding the newest entry's seq and hash: what the
chain cannot show by itself (its newest entries removed) shows as a journal that ends before
its anchor. It is replaced whole (a temporary file, then a rename), so it is never half-written.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from linkmanager.domain.i18n import translate
from linkmanager.storage import private_file
from linkmanager.storage.cache_errors import CacheError, why_read_only
from linkmanager.storage.cache_files import FILE_MODE, tighten

log = logging.getLogger(__name__)

GENESIS = "0" * 64  # the first entry's prev_hash
ANCHOR_SUFFIX = ".anchor"  # beside the journal: shop-1a2b3c4d-journal.anchor
_ANCHOR_MAX_BYTES = 4096  # a real anchor is about 150 bytes; anything larger is not ours


class JournalError(CacheError):
    """The journal cannot be read or written; the message names the file and what to do."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


def damaged(path: Path, reason: str) -> JournalError:
    """The journal's file cannot be used: said so, and left as it is."""
    said = translate(
        "Journal",
        "The action journal {path} cannot be used because {reason}. LinkManager leaves it as it is: it is "
        "the only record of the changes made from this computer. Restore it from a backup, or move it "
        "elsewhere to start a new journal.",
    )
    return JournalError(said.format(path=path, reason=reason), path)


def _refused(path: Path, reason: object) -> JournalError:
    said = translate("Journal", "The action journal {path} cannot be opened ({reason}).")
    return JournalError(said.format(path=path, reason=reason), path)


def prepare_file(path: Path) -> str | None:
    """storage.private_file.prepare_file, in this file's words."""
    return private_file.prepare_file(path, damaged, _refused)


def check_file(conn: sqlite3.Connection, path: Path, application_id: int) -> None:
    """storage.private_file.check_file, in this file's words."""
    other = translate(
        "Journal", "it is an SQLite database of some other program, not a LinkManager action journal"
    )
    private_file.check_file(conn, path, application_id, damaged, other)


def failed(error: sqlite3.Error, path: Path, doing: str) -> JournalError:
    """An sqlite3 error in words, damage said as damage (and never repaired). `doing` completes
    "could not …" and is already translated."""
    text = str(error)
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in (11, 26) or "malformed" in text or "not a database" in text:  # CORRUPT, NOTADB
        reason = translate("Journal", "its contents are damaged (SQLite says: {text})")
        return damaged(path, reason.format(text=text))
    if primary == 13:  # FULL
        full = translate(
            "Journal",
            "The disk is full: the action journal {path} could not {doing}. Free some space on that disk and "
            "try again; what it recorded before is kept.",
        )
        return JournalError(full.format(path=path, doing=doing), path)
    if primary == 5:  # BUSY: another window or command held it for the whole busy timeout
        busy = translate(
            "Journal",
            "The action journal {path} could not {doing}: another LinkManager window or command kept it busy. "
            "Try again in a moment.",
        )
        return JournalError(busy.format(path=path, doing=doing), path)
    reason_ro = why_read_only(path)
    if reason_ro is not None:
        refused = translate("Journal", "The action journal {path} could not {doing} ({reason}).")
        return JournalError(refused.format(path=path, doing=doing, reason=reason_ro), path)
    said = translate("Journal", "The action journal {path} could not {doing} (SQLite says: {text}).")
    return JournalError(said.format(path=path, doing=doing, text=text), path)


def entry_hash(fields: dict[str, Any]) -> str:
    """sha256 of every stored field of an entry (prev_hash included), serialised canonically."""
    text = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# -- the anchor ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Anchor:
    """The newest entry as written by the last append: where the chain must reach at least."""

    seq: int
    hash: str


class AnchorUnreadable(Exception):
    """The anchor file exists but is not an anchor; the message says why, for people."""


def anchor_path(journal: Path) -> Path:
    return journal.with_name(journal.stem + ANCHOR_SUFFIX)


def read_anchor(path: Path) -> Anchor | None:
    """The anchor at `path`; None when there is none; AnchorUnreadable when it is not one."""
    try:
        with open(path, "rb") as file:
            raw = file.read(_ANCHOR_MAX_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise AnchorUnreadable(str(exc.strerror or exc)) from None
    try:
        if len(raw) > _ANCHOR_MAX_BYTES:
            raise ValueError("too large")
        data = json.loads(raw.decode("utf-8"))
        seq, digest = data["seq"], data["hash"]
        if type(seq) is not int or seq < 1 or not isinstance(digest, str) or len(digest) != 64:
            raise ValueError("wrong fields")
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise AnchorUnreadable(translate("Journal", "it is not a journal anchor")) from None
    return Anchor(seq, digest)


def write_anchor(path: Path, anchor: Anchor) -> None:
    """Replace the anchor at `path` whole, 0600, flushed to disk: OSError when it cannot."""
    text = json.dumps({"journal": path.stem, "seq": anchor.seq, "hash": anchor.hash}, sort_keys=True)
    fd, temporary = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(text + "\n")
            file.flush()
            os.fsync(file.fileno())
        if os.name != "nt":
            os.chmod(temporary, FILE_MODE)  # mkstemp makes 0600 already; a umask cannot loosen it
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    tighten(path)
