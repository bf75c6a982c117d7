"""Watching one link for payments: a light poller the counter display and `linkmanager watch` share.

Each round asks Lean for the first usages page of size 1 (every `interval`, 2 s by default,
never under 1 s): its one usage is the newest (Lean's order is undocumented; the simulator lists
usages newest first, and that is what page 0 is read for here), its total says how many there
are. When the total grew by more than one, page 0 is read again with as many as arrived (up to
CATCH_UP_PAGES pages of 100) so that no payment is missed; the few newest usages still pending
are re-read one by one until final, so their move to collected or failed is seen; and the link
itself is read every `link_interval` (at once after a payment: it may be USED now). Expiry is
judged on this workstation's clock (lifecycle.effective_status), without asking Lean.

New usages and status changes are stored in the cache as a sync stores them (store_link,
store_usages over the cached list), and come back as WatchEvents. At start, a cache whose count
of the link's usages is not Lean's is brought up to date first (read as a sync reads a link), so
that the lists stored afterwards are never partial ones passing for complete. Lean failing is never raised
by poll(): it becomes one "unreachable" event per outage and a growing wait (Retry-After when
Lean gives one, else doubling up to 30 s), then "reachable" when Lean answers again.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from linkmanager import api
from linkmanager.api.errors import LeanError, LeanSchemaError, NotFoundError
from linkmanager.domain.lifecycle import TERMINAL, effective_status, usage_is_settled
from linkmanager.domain.models import PaymentLink, Usage, utc_now
from linkmanager.domain.outcome import Outcome, outcome_of
from linkmanager.domain.status import LinkStatus
from linkmanager.services.sync_usages import LinkProblem, UsageReader
from linkmanager.services.watch_rules import (
    CATCH_UP_PAGES,
    DEFAULT_INTERVAL,
    LINK_INTERVAL,
    MIN_INTERVAL,
    PENDING_REREADS,
    backoff_after,
    check_interval,
    newest_first,
    own_usages,
    reachable_message,
    terminal_message,
    unknown_link_message,
    unreachable_message,
)
from linkmanager.storage.cache import CacheError, LinkCache

if TYPE_CHECKING:
    from linkmanager.api.client import LeanClient

__all__ = [
    "DEFAULT_INTERVAL",
    "LINK_INTERVAL",
    "MIN_INTERVAL",
    "LinkWatcher",
    "WatchError",
    "WatchEvent",
]

logger = logging.getLogger(__name__)

USAGE, USAGE_CHANGED, LINK_STATUS = "usage", "usage_changed", "link_status"
UNREACHABLE, REACHABLE = "unreachable", "reachable"


@dataclass(frozen=True, slots=True)
class WatchEvent:
    """One thing the watcher saw: a new usage, a usage's move, the link's status, or Lean's reach."""

    kind: str  # usage, usage_changed, link_status, unreachable, reachable
    link_id: str
    usage: Usage | None  # for usage and usage_changed
    status: str | None  # the link's (effective) status, for link_status
    seen_at: datetime  # aware UTC: when this workstation saw it
    message: str = ""  # one sentence, for unreachable and reachable
    previous: Usage | None = None  # usage_changed: the usage as it was

    @property
    def outcome(self) -> Outcome | None:
        if self.usage is None:
            return None
        return outcome_of(self.usage.usage_status, self.usage.payment_status, self.usage.payment_id)

    @property
    def collected(self) -> bool:
        """The usage's payment was accepted or processed by the bank."""
        return self.outcome == Outcome.COLLECTED

    @property
    def failed(self) -> bool:
        """The attempt failed, or the bank rejected, failed or cancelled the payment."""
        return self.outcome == Outcome.FAILED


class WatchError(Exception):
    """The link cannot be watched (unknown to Lean, or USED/EXPIRED); the message is one sentence."""


class LinkWatcher:
    """Polls one link; start() once, then poll() when next_delay() says, or run() in a thread."""

    def __init__(
        self,
        client_factory: Callable[[], LeanClient],
        cache: LinkCache,
        link_id: str,
        *,
        interval: float = DEFAULT_INTERVAL,
        link_interval: float = LINK_INTERVAL,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self.interval = check_interval(interval)
        self.link_interval = check_interval(link_interval, "link interval")
        self.link_id = link_id
        self.cache = cache
        self._client_factory = client_factory
        self._clock = clock
        self._now = now
        self._client: LeanClient | None = None
        self._link: PaymentLink | None = None
        self._status = LinkStatus.ACTIVE  # the effective status last reported
        self._known: dict[str, Usage] = {}  # newest first
        self._total = 0  # Lean's usage count at the last read
        self._next_usages = self._next_link = 0.0
        self._retry_at: float | None = None  # set during an outage
        self._backoff = 0.0
        self._outage = False
        self._lock = threading.Lock()  # one round at a time
        self._cache_failing = False

    # -- public ----------------------------------------------------------------------------------

    @property
    def link(self) -> PaymentLink:
        """The latest copy of the link, as Lean last gave it."""
        if self._link is None:
            raise RuntimeError("LinkWatcher.start() has not been called")
        return self._link

    @property
    def status(self) -> LinkStatus:
        """The link's effective status as last reported (expiry judged on this clock)."""
        return self._status

    def start(self) -> PaymentLink:
        """Read the link and remember the usages known already (the cache's and Lean's newest).

        Raises WatchError for a link Lean does not know or one that is USED or EXPIRED, and the
        api.errors LeanError subclasses when Lean cannot be reached at all.
        """
        with self._lock:
            client = self._open()
            try:
                link = client.get_link(self.link_id)
            except NotFoundError:
                raise WatchError(unknown_link_message(self.link_id)) from None
            except ValueError:  # not an id at all (empty)
                raise WatchError(unknown_link_message(self.link_id)) from None
            now = self._now()
            status = effective_status(link, now)
            self._store(lambda: self.cache.store_link(link, now))
            if status in TERMINAL:
                raise WatchError(terminal_message(link, status))
            first = client.usages_page(self.link_id, 0, 1, lenient=True)
            cached = self._cached_usages()
            if first.total_elements != len(cached.keys() | {u.usage_id for u in first.items}):
                cached = self._read_all(client, link, now) or cached
            self._known = newest_first(own_usages(first, self.link_id, 1), cached)
            self._link, self._status, self._total = link, status, first.total_elements
            if any(cached.get(i) != u for i, u in self._known.items()):
                self._store_usages(now)  # Lean's newest, which the cache did not hold yet
            started = self._clock()
            self._next_usages = started + self.interval
            self._next_link = started + self.link_interval
            self._retry_at, self._backoff, self._outage = None, 0.0, False
            return link

    def poll(self) -> list[WatchEvent]:
        """One round of what is due now; the events it saw, oldest first. Never raises for Lean."""
        with self._lock:
            self.link  # noqa: B018 - raises when start() was not called
            started = self._clock()
            if self._retry_at is not None and started < self._retry_at:
                return self._status_events()
            if self._retry_at is None and started < min(self._next_usages, self._next_link):
                return self._status_events()
            try:
                events = self._round(started)
            except LeanError as exc:
                return self._failed(exc, started)
            if self._outage:
                seen = self._now()
                events.insert(0, WatchEvent(REACHABLE, self.link_id, None, None, seen, reachable_message()))
            self._retry_at, self._backoff, self._outage = None, 0.0, False
            return events + self._status_events()

    def next_delay(self) -> float:
        """Seconds until poll() has something to do (backoff included)."""
        due = self._retry_at if self._retry_at is not None else min(self._next_usages, self._next_link)
        return max(0.0, due - self._clock())

    def run(self, emit: Callable[[WatchEvent], None], stop: threading.Event) -> None:
        """poll, emit, wait, until `stop` is set; start() must have been called."""
        self.link  # noqa: B018 - raises when start() was not called
        while not stop.is_set():
            for event in self.poll():
                emit(event)
            stop.wait(self.next_delay())

    def close(self) -> None:
        """Close the client this watcher opened (safe to call again, and from another thread)."""
        client, self._client = self._client, None
        if client is not None:
            client.close()

    # -- one round -------------------------------------------------------------------------------

    def _round(self, started: float) -> list[WatchEvent]:
        """Read what is due, then store it and say what changed; a failing read raises LeanError."""
        client = self._open()
        fresh: dict[str, Usage] = {}  # usages read this round, newest first
        if self._retry_at is not None or started >= self._next_usages:
            fresh = self._read_usages(client)
            self._next_usages = started + self.interval
        seen = self._now()
        events = self._usage_events(fresh, seen)
        link = None
        if events or self._retry_at is not None or started >= self._next_link:
            link = client.get_link(self.link_id)  # after a payment at once: it may be USED now
            self._next_link = started + self.link_interval
        if link is not None:
            self._link = link
            self._store(lambda: self.cache.store_link(link, seen))
        if events:
            self._known = newest_first(fresh.values(), self._known)
            self._store_usages(seen)
        return events

    def _read_usages(self, client: LeanClient) -> dict[str, Usage]:
        """The newest usage, the ones that arrived since the last round, and the pending re-read."""
        page = client.usages_page(self.link_id, 0, 1, lenient=True)
        fresh = {u.usage_id: u for u in own_usages(page, self.link_id, 1)}
        arrived = page.total_elements - self._total
        if arrived > 1:
            # Several since the last round: newest first on page 0, so read as many as arrived.
            size = min(arrived, api.MAX_PAGE_SIZE)
            for number in range(min(CATCH_UP_PAGES, -(-arrived // size))):
                more = client.usages_page(self.link_id, number, size, lenient=True)
                fresh.update((u.usage_id, u) for u in own_usages(more, self.link_id, size))
            unseen = sum(1 for i in fresh if i not in self._known)
            if unseen < arrived:
                logger.info(
                    "Watching %s: %d usages arrived, %d read now; a sync reads the rest",
                    self.link_id,
                    arrived,
                    unseen,
                )
        self._total = page.total_elements
        pending = [i for i, u in self._known.items() if i not in fresh and not usage_is_settled(u)][
            :PENDING_REREADS
        ]
        for usage_id in pending:
            try:
                usage = client.get_usage(self.link_id, usage_id)
            except (NotFoundError, LeanSchemaError) as exc:  # costs this record only
                logger.warning("Watching %s: usage %s could not be re-read: %s", self.link_id, usage_id, exc)
                continue
            if usage.payment_link_id == self.link_id:
                fresh[usage.usage_id] = usage
        return fresh

    def _usage_events(self, fresh: dict[str, Usage], seen: datetime) -> list[WatchEvent]:
        """New usages (oldest first) and known ones whose usage or payment status moved."""
        events = []
        for usage in reversed(fresh.values()):
            before = self._known.get(usage.usage_id)
            if before is None:
                events.append(WatchEvent(USAGE, self.link_id, usage, None, seen))
            elif (before.usage_status, before.payment_status) != (usage.usage_status, usage.payment_status):
                events.append(WatchEvent(USAGE_CHANGED, self.link_id, usage, None, seen, previous=before))
        return events

    def _status_events(self) -> list[WatchEvent]:
        """link_status when the link's effective status moved (Lean's answer, or its expiry passing)."""
        now = self._now()
        status = effective_status(self.link, now)
        if status == self._status:
            return []
        self._status = status
        return [WatchEvent(LINK_STATUS, self.link_id, None, status.value, now)]

    def _failed(self, error: LeanError, started: float) -> list[WatchEvent]:
        self._backoff = backoff_after(error, self._backoff, self.interval)
        self._retry_at = started + self._backoff
        logger.info("Watching %s: %s; trying again in %.0f s", self.link_id, error, self._backoff)
        events = self._status_events()
        if self._outage:
            return events
        self._outage = True
        message = unreachable_message(error, self._backoff)
        return [WatchEvent(UNREACHABLE, self.link_id, None, None, self._now(), message), *events]

    # -- the client and the cache ----------------------------------------------------------------

    def _open(self) -> LeanClient:
        if self._client is None:
            self._client = self._client_factory()
        return self._client

    def _read_all(self, client: LeanClient, link: PaymentLink, now: datetime) -> dict[str, Usage]:
        """The link's usages read and stored as a sync reads them (once, at start, when the cache's
        count is not Lean's): a partial list stored later would otherwise pass for complete."""
        try:
            read = UsageReader(client, self.cache, lambda: None).read(self.link_id, everything=False)
        except LinkProblem as exc:  # the sync will meet it too; watching goes on without
            logger.warning("Watching %s: its usages could not all be read: %s", self.link_id, exc.detail)
            return {}
        self._store(
            lambda: self.cache.store_usages(
                self.link_id, read.usages, now, link_status=link.status, read_all=read.read_all
            )
        )
        return {u.usage_id: u for u in read.usages}

    def _cached_usages(self) -> dict[str, Usage]:
        try:
            return {u.usage_id: u for u in self.cache.usages(self.link_id)}
        except CacheError as exc:
            logger.warning("Watching %s: the cache could not be read (%s)", self.link_id, exc)
            return {}

    def _store_usages(self, seen: datetime) -> None:
        """The cached list with what this round read, new usages in front: stored as a sync stores
        a partial read (only some usages fetched again), so nothing cached is lost."""
        cached = self._cached_usages()
        order = newest_first((u for i, u in self._known.items() if i not in cached), cached)
        merged = [self._known.get(i, u) for i, u in order.items()]
        status = self.link.status
        self._store(
            lambda: self.cache.store_usages(self.link_id, merged, seen, link_status=status, read_all=False)
        )

    def _store(self, write: Callable[[], object]) -> None:
        """A cache write; a cache that cannot be written never stops the watch (said once)."""
        try:
            write()
        except CacheError as exc:
            if not self._cache_failing:
                logger.warning("Watching %s: the cache could not be updated (%s)", self.link_id, exc)
            self._cache_failing = True
        else:
            self._cache_failing = False
