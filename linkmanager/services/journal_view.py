"""The window's Journal view without Qt: its columns, its filters, and what each cell says.

The journal (storage.journal) is read whole, newest first, and filtered here in memory: a few
thousand entries filter in milliseconds, and the user list of the filter comes from the same
read. A filter matches a link by its id or its cached name, as a person remembers either.
Statuses and actions stay Lean's and the journal's own codes in the data; the window words them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from typing import TYPE_CHECKING

from linkmanager.domain.models import ensure_utc
from linkmanager.storage.journal import JournalCheck, JournalError
from linkmanager.storage.journal_model import JournalEntry

if TYPE_CHECKING:
    from linkmanager.services.workspace import Workspace

__all__ = [
    "MAX_ENTRIES",
    "JournalColumn",
    "JournalFilter",
    "JournalRead",
    "filter_entries",
    "lean_text",
    "link_ids",
    "matches",
    "read_journal",
    "users_of",
]

# Read at most this many entries (the newest): a journal of years stays bounded on screen.
MAX_ENTRIES = 100_000
# Links named by the journal but not in the window's rows read one by one from the cache, at most.
MAX_LOOKUPS = 500


class JournalColumn(IntEnum):
    """The Journal view's columns, in their first order."""

    WHEN = 0
    USER = 1
    PROFILE = 2
    ACTION = 3
    LINK = 4
    STATUS = 5  # before → after
    OUTCOME = 6
    LEAN = 7  # HTTP status and request id
    REASON = 8
    MESSAGE = 9
    BATCH = 10


@dataclass(frozen=True, slots=True)
class JournalFilter:
    """What the Journal view shows: every field None (or empty) lets everything through."""

    link: str = ""  # a link's id or part of its cached name, any case
    user: str | None = None
    action: str | None = None  # "disable" | "enable" | "create"
    outcome: str | None = None  # "done" | "refused" | "failed"
    since: datetime | None = None  # aware, inclusive
    until: datetime | None = None  # aware, exclusive


def matches(entry: JournalEntry, flt: JournalFilter, name: str = "") -> bool:
    """Whether `entry` (whose link is called `name` in the cache) passes `flt`."""
    draft = entry.draft
    if flt.user is not None and entry.user != flt.user:
        return False
    if flt.action is not None and draft.action != flt.action:
        return False
    if flt.outcome is not None and draft.outcome != flt.outcome:
        return False
    if flt.since is not None and entry.at < ensure_utc(flt.since):
        return False
    if flt.until is not None and entry.at >= ensure_utc(flt.until):
        return False
    wanted = flt.link.strip().casefold()
    if wanted:
        return wanted in draft.link_id.casefold() or wanted in name.casefold()
    return True


def filter_entries(
    entries: Iterable[JournalEntry], flt: JournalFilter, names: Mapping[str, str]
) -> list[JournalEntry]:
    """The entries `flt` lets through, in their order (newest first as read)."""
    return [entry for entry in entries if matches(entry, flt, names.get(entry.draft.link_id, ""))]


def users_of(entries: Iterable[JournalEntry]) -> list[str]:
    """Every user who appears, sorted without regard to case (the user filter's choices)."""
    return sorted({entry.user for entry in entries}, key=lambda user: (user.casefold(), user))


def link_ids(entries: Iterable[JournalEntry]) -> set[str]:
    """The links the entries name (a create that got no id names none)."""
    return {entry.draft.link_id for entry in entries if entry.draft.link_id}


def lean_text(entry: JournalEntry) -> str:
    """Lean's answer as the command line writes it: "200 req-123", "429", or ""."""
    draft = entry.draft
    parts = [str(draft.http_status)] if draft.http_status is not None else []
    if draft.request_id:
        parts.append(draft.request_id)
    return " ".join(parts)


@dataclass(frozen=True, slots=True)
class JournalRead:
    """One reading of the journal for the window: its entries (newest first), the cached names of
    their links, its chain's check, and why it cannot be read or written (None: it can)."""

    entries: list[JournalEntry]
    names: dict[str, str]
    check: JournalCheck
    problem: str | None  # Workspace.journal_problem(): changes are not being journalled
    error: str | None  # the entries could not be read


def read_journal(
    workspace: Workspace, known_name: Callable[[str], str | None], *, limit: int = MAX_ENTRIES
) -> JournalRead:
    """Read and check the journal (on a worker). `known_name(link_id)` answers from what the window
    holds already; other links are read from the cache, up to MAX_LOOKUPS of them."""
    check = workspace.journal_check()
    try:
        entries = workspace.journal_entries(limit=limit)
        error = None
    except JournalError as exc:
        entries, error = [], str(exc)
    names: dict[str, str] = {}
    missing: list[str] = []
    for link_id in sorted(link_ids(entries)):
        name = known_name(link_id)
        if name is None:
            missing.append(link_id)
        else:
            names[link_id] = name
    for link_id in missing[:MAX_LOOKUPS]:
        cached = workspace.link(link_id)
        if cached is not None:
            names[link_id] = cached.link.display_name
    return JournalRead(entries, names, check, workspace.journal_problem(), error)
