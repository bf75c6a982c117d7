"""Journalling one attempted change: what the action services hand to storage.journal.

An attempt is started with what is known before anything is sent (the action, the link, the
reason, the bulk action it belongs to) and ends with exactly one entry: done, refused or failed.
A journal that cannot take the entry is logged and said (the returned problem), never raised: the
change at Lean happened or not whatever the journal's file does, and that is what the caller
must learn first.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TypeAlias

from linkmanager.storage.journal import ActionJournal, JournalDraft, JournalError

__all__ = ["Attempt", "JournalSource", "Journalling"]

logger = logging.getLogger(__name__)

# A journal, a function giving one when it is needed (the workspace opens its own on the first
# change), or None: nothing journalled. The function may answer None (the journal cannot be used).
JournalSource: TypeAlias = ActionJournal | Callable[[], ActionJournal | None] | None


class Attempt:
    """One change being tried; the first of done/refused/failed journals it, later calls do nothing."""

    def __init__(self, owner: Journalling, action: str, link_id: str, reason: str, batch: str | None) -> None:
        self._owner = owner
        self._action = action
        self.link_id = link_id
        self._reason = reason
        self._batch = batch
        self.recorded = False

    def done(self, before: str | None, after: str | None, message: str = "") -> str | None:
        return self._record("done", before, after, message)

    def refused(self, before: str | None, message: str) -> str | None:
        return self._record("refused", before, None, message)

    def failed(
        self, before: str | None, message: str, http_status: int | None = None, request_id: str | None = None
    ) -> str | None:
        return self._record("failed", before, None, message, http_status, request_id)

    def not_created(self, what: str, error: Exception) -> str | None:
        """A create that did not happen, or may have (services.create's CreateRefused, CreateUncertain):
        refused when it was stopped before sending (`unsent`), else failed with Lean's answer."""
        message = f"{what}: {error}"
        if getattr(error, "unsent", False):
            return self.refused(None, message)
        status, request_id = getattr(error, "http_status", None), getattr(error, "request_id", None)
        return self.failed(None, message, status, request_id)

    def _record(
        self,
        outcome: str,
        before: str | None,
        after: str | None,
        message: str,
        http_status: int | None = None,
        request_id: str | None = None,
    ) -> str | None:
        if self.recorded:
            return None
        self.recorded = True
        draft = JournalDraft(
            action=self._action,
            link_id=self.link_id,
            profile=self._owner.profile,
            environment=self._owner.environment,
            status_before=before,
            status_after=after,
            outcome=outcome,
            reason=self._reason,
            http_status=http_status,
            request_id=request_id,
            message=message,
            batch=self._batch,
        )
        return self._owner.append(draft)


class Journalling:
    """The journal (None: nothing journalled) and who the entries are for."""

    def __init__(
        self, journal: JournalSource, profile: str, environment: str, clock: Callable[[], datetime]
    ) -> None:
        self._source = journal
        self.profile = profile
        self.environment = environment
        self._clock = clock

    def start(self, action: str, link_id: str, reason: str = "", batch: str | None = None) -> Attempt:
        return Attempt(self, action, link_id, reason, batch)

    def append(self, draft: JournalDraft) -> str | None:
        """Journal `draft`; why it could not be, or None (also when there is no journal)."""
        try:
            journal = self._source() if callable(self._source) else self._source
            if journal is None:
                return None
            journal.append(draft, at=self._clock())
        except JournalError as exc:
            logger.warning("a %s of link %r was not journalled: %s", draft.action, draft.link_id, exc)
            return str(exc)
        return None
