"""Link actions that write to Lean: disable and enable, with the lifecycle rules applied first.

The server is the source of truth: the link is read again before the change (so a link that
expired or filled up since the last sync is refused with the rule, not with Lean's 400), the
change is sent, and the answer is stored. A terminal link in the cache is refused before any
request, because EXPIRED and USED can never change back.

Every change asked for is journalled (storage.journal) when a journal is given: done, refused by
the rules, or failed (Lean's HTTP status and request id, or why Lean could not be reached). A
reason that cannot be used (domain.reason) is bad input, refused before anything else and not
journalled: nothing was asked of Lean. A journal that cannot take the entry never undoes or hides
the change itself: the change's result (or error) stands, and `StatusChange.journal_problem`
(or the log, for an error) says the entry is missing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING

from linkmanager.api.errors import LeanHTTPError, UpdateNotConfirmed
from linkmanager.domain.lifecycle import TERMINAL, check_status_change, effective_status
from linkmanager.domain.models import PaymentLink, utc_now
from linkmanager.domain.reason import check_reason
from linkmanager.domain.status import LinkStatus
from linkmanager.services.journalling import Journalling, JournalSource
from linkmanager.services.messages import request_id_of
from linkmanager.storage.cache import LinkCache

if TYPE_CHECKING:  # the client module (and httpx) loads with the first client, not before
    from linkmanager.api.client import LeanClient

logger = logging.getLogger(__name__)


class ActionRefused(Exception):
    """The lifecycle rules do not allow this change; the message says why, for people."""


@dataclass(frozen=True, slots=True)
class StatusChange:
    link: PaymentLink  # as Lean answered after the change
    before: LinkStatus
    after: LinkStatus
    journal_problem: str | None = None  # why the change is missing from the journal; None when journalled


class LinkActions:
    """Disable and enable links for one profile: the cache for what we know, Lean for the change.

    `client` is a factory so that a change the cache already rules out touches neither the
    keyring nor the network. `journal` (None: nothing journalled) records each change under the
    profile's name and environment.
    """

    def __init__(
        self,
        cache: LinkCache,
        client: Callable[[], LeanClient],
        *,
        clock: Callable[[], datetime] = utc_now,
        tz: tzinfo = UTC,
        journal: JournalSource = None,
        profile: str = "",
        environment: str = "",
    ) -> None:
        self._client_factory = client
        self._cache = cache
        self._clock = clock
        self._tz = tz
        self._environment = environment
        self._journalling = Journalling(journal, profile, environment, clock)

    def reason_required(self, target: LinkStatus) -> bool:
        """A reason must be given to disable a link in production; elsewhere it is optional."""
        return target == LinkStatus.DISABLED and self._environment == "production"

    def refusal(self, link_id: str, target: LinkStatus) -> str | None:
        """Why the cache alone already rules the change out (terminal links), else None."""
        cached = self._cache.link(link_id)
        if cached is None:
            return None
        if effective_status(cached.link, self._clock()) in TERMINAL:
            return check_status_change(cached.link, target, self._clock(), self._tz).reason
        return None

    def set_status(
        self, link_id: str, target: LinkStatus, *, reason: str = "", batch: str | None = None
    ) -> StatusChange:
        """Check the reason, re-read the link, check the rules on Lean's current state, send the change,
        store it; journalled whatever the outcome. ReasonRefused (nothing sent, nothing journalled),
        ActionRefused, or the client's LeanError."""
        reason = check_reason(reason, self.reason_required(target))
        entry = self._journalling.start(
            "disable" if target == LinkStatus.DISABLED else "enable", link_id, reason, batch
        )
        cached = self._cache.link(link_id)
        before: str | None = effective_status(cached.link, self._clock()).value if cached else None
        refused = self.refusal(link_id, target)
        if refused:
            entry.refused(before, refused)
            raise ActionRefused(refused)
        try:
            client = self._client_factory()
            current = client.get_link(link_id)
            before = current.status.value
            self._cache.store_link(current, self._clock())
            decision = check_status_change(current, target, self._clock(), self._tz)
            if not decision:
                entry.refused(before, decision.reason)
                raise ActionRefused(decision.reason)
            updated = client.set_status(link_id, target)
        except LeanHTTPError as exc:
            entry.failed(before, str(exc), exc.http_status, request_id_of(exc))
            raise
        except UpdateNotConfirmed as exc:  # Lean made the change; only reading it back failed
            entry.done(before, exc.status, str(exc))
            raise
        except Exception as exc:  # unreachable, a malformed answer, the cache: whatever it was, journalled
            entry.failed(before, str(exc))
            raise
        # Journalled before the cache stores it: a cache that fails now must not lose the entry.
        problem = entry.done(current.status.value, updated.status.value)
        self._cache.store_link(updated, self._clock())
        logger.info("Link %s: %s -> %s", link_id, current.status.value, updated.status.value)
        return StatusChange(updated, current.status, updated.status, problem)

    def journal_skipped(
        self,
        link_id: str,
        target: LinkStatus,
        before: str | None,
        why: str,
        *,
        reason: str = "",
        batch: str | None = None,
    ) -> str | None:
        """A link a bulk action left out before asking Lean (terminal, or already in the target
        status): journalled as refused, so every link of the action has its entry. Why it could not
        be journalled, or None."""
        action = "disable" if target == LinkStatus.DISABLED else "enable"
        return self._journalling.start(action, link_id, reason, batch).refused(before, why)

    def disable(self, link_id: str, *, reason: str = "", batch: str | None = None) -> StatusChange:
        return self.set_status(link_id, LinkStatus.DISABLED, reason=reason, batch=batch)

    def enable(self, link_id: str, *, reason: str = "", batch: str | None = None) -> StatusChange:
        return self.set_status(link_id, LinkStatus.ACTIVE, reason=reason, batch=batch)
