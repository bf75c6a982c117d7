"""Link actions that write to Lean: disable and enable, with the lifecycle rules applied first.

The server is the source of truth: the link is read again before the change (so a link that
expired or filled up since the last sync is refused with the rule, not with Lean's 400), the
change is sent, and the answer is stored. A terminal link in the cache is refused before any
request, because EXPIRED and USED can never change back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING

from linkmanager.domain.lifecycle import TERMINAL, check_status_change, effective_status
from linkmanager.domain.models import PaymentLink, utc_now
from linkmanager.domain.status import LinkStatus
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


class LinkActions:
    """Disable and enable links for one profile: the cache for what we know, Lean for the change.

    `client` is a factory so that a change the cache already rules out touches neither the
    keyring nor the network.
    """

    def __init__(
        self,
        cache: LinkCache,
        client: Callable[[], LeanClient],
        *,
        clock: Callable[[], datetime] = utc_now,
        tz: tzinfo = UTC,
    ) -> None:
        self._client_factory = client
        self._cache = cache
        self._clock = clock
        self._tz = tz

    def refusal(self, link_id: str, target: LinkStatus) -> str | None:
        """Why the cache alone already rules the change out (terminal links), else None."""
        cached = self._cache.link(link_id)
        if cached is None:
            return None
        if effective_status(cached.link, self._clock()) in TERMINAL:
            return check_status_change(cached.link, target, self._clock(), self._tz).reason
        return None

    def set_status(self, link_id: str, target: LinkStatus) -> StatusChange:
        """Re-read the link, check the rules on Lean's current state, send the change, store it."""
        reason = self.refusal(link_id, target)
        if reason:
            raise ActionRefused(reason)
        client = self._client_factory()
        current = client.get_link(link_id)
        self._cache.store_link(current, self._clock())
        decision = check_status_change(current, target, self._clock(), self._tz)
        if not decision:
            raise ActionRefused(decision.reason)
        updated = client.set_status(link_id, target)
        self._cache.store_link(updated, self._clock())
        logger.info("Link %s: %s -> %s", link_id, current.status.value, updated.status.value)
        return StatusChange(updated, current.status, updated.status)

    def disable(self, link_id: str) -> StatusChange:
        return self.set_status(link_id, LinkStatus.DISABLED)

    def enable(self, link_id: str) -> StatusChange:
        return self.set_status(link_id, LinkStatus.ACTIVE)
