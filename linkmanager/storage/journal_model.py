"""The action journal's entries: what a caller hands over (JournalDraft), what is stored (JournalEntry).

Every stored field is bounded and cleaned here, before it is hashed: what is hashed is exactly
what is stored, so verify() can recompute it from the row (storage.journal_check).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from linkmanager.storage.cache_model import clean, time_from, time_text

__all__ = [
    "ACTIONS",
    "COLUMNS",
    "OUTCOMES",
    "SELECT_ENTRIES",
    "JournalDraft",
    "JournalEntry",
    "entry_of",
    "row_of",
]

ACTIONS = ("disable", "enable", "create")
OUTCOMES = ("done", "refused", "failed")
# Bounds on what one entry stores, whatever a caller or a server hands over.
_MAX_ID = 200
_MAX_NAME = 200
_MAX_TEXT = 500
_MAX_STATUS = 40

# The stored columns, in order; every one of them (seq and prev_hash too) goes into the entry's hash.
COLUMNS = (
    "seq",
    "at",
    "user",
    "action",
    "link_id",
    "profile",
    "environment",
    "status_before",
    "status_after",
    "outcome",
    "reason",
    "http_status",
    "request_id",
    "message",
    "batch",
    "prev_hash",
)
SELECT_ENTRIES = (
    "SELECT seq, at, user, action, link_id, profile, environment, status_before, status_after, outcome, "
    "reason, http_status, request_id, message, batch, prev_hash, hash FROM entries"
)


@dataclass(frozen=True, slots=True)
class JournalDraft:
    """What the caller knows about one attempted change."""

    action: str  # "disable" | "enable" | "create"
    link_id: str  # "" for a create that got no id
    profile: str
    environment: str  # the profile's: "production" | "sandbox" | "custom" (or "demo")
    status_before: str | None  # Lean's status read just before (None: unknown / create)
    status_after: str | None  # as Lean answered after (None: nothing changed)
    outcome: str  # "done" | "refused" | "failed"
    reason: str = ""
    http_status: int | None = None
    request_id: str | None = None
    message: str = ""  # Lean's answer or why refused/failed, one sentence, bounded
    batch: str | None = None  # shared by every link of one bulk action


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """One entry as stored."""

    seq: int
    at: datetime  # aware UTC
    user: str
    draft: JournalDraft
    prev_hash: str
    hash: str


def _bounded(text: str | None, limit: int) -> str:
    """One line of at most `limit` characters: white space runs (line breaks too) become one space."""
    if not text:
        return ""
    flat = " ".join(clean(str(text)).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _optional(text: str | None, limit: int) -> str | None:
    return None if text is None else _bounded(text, limit)


def row_of(draft: JournalDraft, seq: int, at: datetime, user: str, prev_hash: str) -> dict[str, Any]:
    """The stored fields of an entry, bounded and cleaned: what is hashed is what is stored."""
    if draft.action not in ACTIONS:
        raise ValueError(f"a journal entry's action is one of {ACTIONS}, not {draft.action!r}")
    if draft.outcome not in OUTCOMES:
        raise ValueError(f"a journal entry's outcome is one of {OUTCOMES}, not {draft.outcome!r}")
    if draft.http_status is not None and not 100 <= int(draft.http_status) <= 999:
        raise ValueError(f"an HTTP status is 100..999, not {draft.http_status!r}")
    return {
        "seq": seq,
        "at": time_text(at),
        "user": _bounded(user, _MAX_NAME),
        "action": draft.action,
        "link_id": _bounded(draft.link_id, _MAX_ID),
        "profile": _bounded(draft.profile, _MAX_NAME),
        "environment": _bounded(draft.environment, _MAX_STATUS),
        "status_before": _optional(draft.status_before, _MAX_STATUS),
        "status_after": _optional(draft.status_after, _MAX_STATUS),
        "outcome": draft.outcome,
        "reason": _bounded(draft.reason, _MAX_TEXT),
        "http_status": None if draft.http_status is None else int(draft.http_status),
        "request_id": _optional(draft.request_id, _MAX_ID),
        "message": _bounded(draft.message, _MAX_TEXT),
        "batch": _optional(draft.batch, _MAX_ID),
        "prev_hash": prev_hash,
    }


def entry_of(row: tuple[Any, ...]) -> JournalEntry:
    """A stored row (COLUMNS + hash) as an entry."""
    f = dict(zip((*COLUMNS, "hash"), row, strict=True))
    draft = JournalDraft(
        action=str(f["action"]),
        link_id=str(f["link_id"]),
        profile=str(f["profile"]),
        environment=str(f["environment"]),
        status_before=None if f["status_before"] is None else str(f["status_before"]),
        status_after=None if f["status_after"] is None else str(f["status_after"]),
        outcome=str(f["outcome"]),
        reason=str(f["reason"]),
        http_status=f["http_status"] if isinstance(f["http_status"], int) else None,
        request_id=None if f["request_id"] is None else str(f["request_id"]),
        message=str(f["message"]),
        batch=None if f["batch"] is None else str(f["batch"]),
    )
    return JournalEntry(
        int(f["seq"]), time_from(str(f["at"])), str(f["user"]), draft, f["prev_hash"], f["hash"]
    )
