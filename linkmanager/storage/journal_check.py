"""Verifying the action journal: walk the hash chain by seq, then hold its end against the anchor.

Reports the first break only, in one sentence naming the entry: what was found first is what a
person restores from; everything after it is suspect anyway. Never repairs anything.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from linkmanager.domain.i18n import Context, translate
from linkmanager.storage.journal_file import GENESIS, Anchor, AnchorUnreadable, entry_hash, read_anchor
from linkmanager.storage.journal_model import COLUMNS, SELECT_ENTRIES

__all__ = ["JournalCheck", "anchor_agrees", "check_chain"]

Journal = Context("Journal")  # plurals: lupdate reads X.tr(text, "", n) as a plural


@dataclass(frozen=True, slots=True)
class JournalCheck:
    """What verify() found: `message` is one sentence naming the first broken entry, or saying all is well."""

    ok: bool
    entries: int
    broken_seq: int | None
    message: str


def anchor_agrees(conn: sqlite3.Connection, anchor: Anchor) -> bool:
    """The chain holds the anchored entry, with the anchored hash."""
    row = conn.execute("SELECT hash FROM entries WHERE seq = ?", (anchor.seq,)).fetchone()
    return row is not None and row[0] == anchor.hash


def _intact(count: int) -> JournalCheck:
    if count == 1:
        return JournalCheck(True, 1, None, translate("Journal", "Journal intact: 1 entry."))
    return JournalCheck(True, count, None, Journal.tr("Journal intact: %Ln entries.", "", count))


def _broken(count: int, broken: int | None, text: str, **names: object) -> JournalCheck:
    return JournalCheck(False, count, broken, translate("Journal", text).format(**names))


def _hash_of(fields: dict[str, object]) -> str | None:
    try:
        return entry_hash(fields)
    except (TypeError, ValueError):  # a value no entry can hold (a blob written in by hand)
        return None


def check_chain(conn: sqlite3.Connection, path: Path, anchor_file: Path) -> JournalCheck:
    """The first break of the journal at `path` (see storage.journal for what is and is not seen).

    An entry's own hash is checked before its link to the previous one: a renumbered entry fails
    its own (seq is hashed), so a prev_hash that does not match with an intact entry can only mean
    the previous entry was changed and its hash recomputed."""
    try:
        anchor = read_anchor(anchor_file)
        unreadable = ""
    except AnchorUnreadable as exc:
        anchor, unreadable = None, str(exc)
    expected, prev, count = 1, GENESIS, 0
    anchored_hash: str | None = None
    cursor = conn.execute(SELECT_ENTRIES + " ORDER BY seq")
    for row in cursor:
        fields = dict(zip(COLUMNS, row[:-1], strict=True))
        stored = row[-1]
        seq = fields["seq"]
        if type(seq) is not int or seq < expected:
            return _broken(
                count,
                expected,
                "Entry {seq} of the action journal {path} was changed: its number is wrong.",
                seq=expected,
                path=path,
            )
        if seq > expected:
            text = (
                "Entry {seq} of the action journal {path} is missing: it was removed (the entries go from "
                "{before} to {after})."
            )
            return _broken(count, expected, text, seq=expected, path=path, before=expected - 1, after=seq)
        if _hash_of(fields) != stored:
            text = (
                "Entry {seq} of the action journal {path} was changed after it was written (its contents no "
                "longer match its hash)."
            )
            return _broken(count, seq, text, seq=seq, path=path)
        if fields["prev_hash"] != prev:
            if seq == 1:
                text = "Entry 1 of the action journal {path} was changed after it was written."
                return _broken(count, 1, text, path=path)
            text = (
                "Entry {seq} of the action journal {path} was changed after it was written (its hash was "
                "recomputed, but entry {next} still holds the old one)."
            )
            return _broken(count, seq - 1, text, seq=seq - 1, path=path, next=seq)
        if anchor is not None and seq == anchor.seq:
            anchored_hash = str(stored)
        prev, expected, count = str(stored), expected + 1, count + 1
    if unreadable:
        text = (
            "The anchor {anchor} of the action journal {path} cannot be read ({reason}), so the removal of "
            "its newest entries cannot be ruled out: restore the anchor from a backup."
        )
        return _broken(count, None, text, anchor=anchor_file, path=path, reason=unreadable)
    if anchor is None:
        if count == 0:
            return _intact(0)
        text = (
            "The anchor {anchor} of the action journal {path} is missing, so the removal of its newest "
            "entries cannot be ruled out: restore the anchor from a backup."
        )
        return _broken(count, None, text, anchor=anchor_file, path=path)
    if anchor.seq > count:
        text = (
            "The newest entries of the action journal {path} were removed: it ends at entry {head}, but "
            "entry {seq} was written (its anchor {anchor} says so)."
        )
        return _broken(count, count + 1, text, path=path, head=count, seq=anchor.seq, anchor=anchor_file)
    if anchored_hash != anchor.hash:
        text = (
            "Entry {seq} of the action journal {path} is not the entry its anchor {anchor} recorded: the "
            "journal was rewritten from there."
        )
        return _broken(count, anchor.seq, text, seq=anchor.seq, path=path, anchor=anchor_file)
    return _intact(count)
