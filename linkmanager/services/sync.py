"""Sync: bring the offline cache up to date with Lean, downloading only what can have changed.

Lean's API has no `updated_since`, no timestamps and no webhooks for links, so the strategy is:

1. **The listing, always whole.** Every page of links is read (page 0 first for the totals,
   the rest concurrently), because a status or usage count can change on any page. The listing
   is stored in one transaction; links missing from it are kept and marked, never deleted.
2. **Usages, only where something can have changed.** For each listed link:
   - never read (or a full sync was asked for): read every usage page;
   - some cached usage is not settled (STARTED, or a payment still pending with the bank):
     read every usage page, since statuses move without changing the count;
   - terminal (EXPIRED/USED) when its usages were last confirmed, and all of them settled:
     nothing can change any more, so **no request at all**;
   - otherwise a **probe**: the first usages page with size 1, whose `total_elements` says
     whether anything is new. Usages are never deleted, so an equal count with every cached
     usage settled means nothing changed; a different count means read every page.
   - reading starts with the first page of 100. When its total equals the cached count (no new
     usage) and the link has more pages, only the unsettled usages that page did not show are
     fetched, one GET each, or the other pages when those are fewer requests: a popular link
     always has a payment pending with the bank, and re-reading all of it every time would
     cost a page per hundred usages. Lean's order is undocumented; this never depends on it,
     it only costs one request when the pending usages come first.
   The link's status stored with its usages is the one the listing reported (never one our
   clock worked out), so a link that became terminal during the sync is checked once more next
   time, never skipped too early. A link whose `current_usages` moved since the last listing
   is read whatever the other rules say.
3. Requests run concurrently (at most `concurrency`); a 429 holds every worker (the client's
   rate gate); cancellation is checked between requests. Each link's usages are stored in their
   own transaction, so a sync that stops half-way leaves every link consistent: either its new
   usages or its previous ones. A link created or changed while a sync runs appears in the next
   listing and is picked up then. The full-sync time is recorded only when everything succeeded.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, TypeVar

from linkmanager import api
from linkmanager.api.errors import LeanError, LeanSchemaError, LeanTransportError
from linkmanager.domain.lifecycle import TERMINAL, usage_is_settled
from linkmanager.domain.models import Page, PaymentLink, Usage, utc_now
from linkmanager.domain.status import LinkStatus
from linkmanager.storage.cache import CachedLink, CacheError, LinkCache, LinkChange, UsageChange

if TYPE_CHECKING:  # the client module (and httpx) loads with the first client, not before
    from linkmanager.api.client import LeanClient

logger = logging.getLogger(__name__)

DEFAULT_CONCURRENCY = 8
T = TypeVar("T")


class SyncCancelled(Exception):
    """The user stopped the sync; what was stored before stays, nothing half-written."""


class SyncFailed(Exception):
    """The sync stopped on an error. `report` holds what was done before it; the cache is intact."""

    def __init__(self, cause: Exception, report: SyncReport) -> None:
        self.cause = cause
        self.report = report
        super().__init__(f"Sync stopped: {cause} Everything cached before is kept.")

    @property
    def offline(self) -> bool:
        """Lean could not be reached (as opposed to refusing or answering badly)."""
        return isinstance(self.cause, LeanTransportError)


class _Aborted(Exception):
    """Raised in a worker when another worker has failed; the first real error is reported."""


class UsageAction(Enum):
    SKIP = "skip"  # terminal and settled: cannot change
    PROBE = "probe"  # one request of size 1; read everything only if the count moved
    READ = "read"  # the first page of 100, then only what can have changed


def plan_usages(
    cached: CachedLink, now: datetime, *, full: bool = False, paid_before: int | None = None
) -> UsageAction:
    """What a link's usages need, by the rules in this module's docstring.

    Only statuses Lean reported count here, never one our clock worked out: a computer whose
    clock runs ahead must not decide that a link Lean still calls ACTIVE can be skipped.
    `paid_before` is the link's `current_usages` before this listing: a change means new
    payments, whatever the rest says (and costs no request to notice).
    """
    if full or cached.usages_confirmed_at is None or cached.unsettled_usages > 0:
        return UsageAction.READ
    if paid_before is not None and paid_before != cached.link.current_usages:
        return UsageAction.READ
    if cached.usages_confirmed_status in TERMINAL and cached.link.status in TERMINAL:
        return UsageAction.SKIP
    return UsageAction.PROBE


@dataclass(frozen=True, slots=True)
class SyncProgress:
    """Counts for a progress bar: link pages, then links whose usages are done."""

    link_pages_done: int
    link_pages_total: int | None
    usage_links_done: int
    usage_links_total: int | None


@dataclass(slots=True)
class SyncReport:
    """What a sync found and what it cost."""

    concurrency: int
    full: bool
    links_seen: int = 0
    links_added: list[LinkChange] = field(default_factory=list)
    status_changes: list[LinkChange] = field(default_factory=list)
    new_usages: list[UsageChange] = field(default_factory=list)
    usage_changes: list[UsageChange] = field(default_factory=list)
    links_missing: int = 0
    usage_reads: int = 0
    usage_probes: int = 0
    usage_skips: int = 0
    requests: int = 0
    seconds: float = 0.0
    completed: bool = False


ProgressCallback = Callable[[SyncProgress], None]


class SyncEngine:
    """Runs one sync at a time for one profile (client + cache)."""

    def __init__(
        self,
        client: LeanClient,
        cache: LinkCache,
        *,
        concurrency: int = DEFAULT_CONCURRENCY,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        if concurrency < 1:
            raise ValueError("concurrency is at least 1")
        self._client = client
        self._cache = cache
        self._concurrency = concurrency
        self._clock = clock
        self._running = threading.Lock()

    def run(
        self,
        *,
        full: bool = False,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> SyncReport:
        """Sync now. Raises SyncCancelled, or SyncFailed carrying the partial report."""
        if not self._running.acquire(blocking=False):
            raise RuntimeError("a sync is already running for this profile")
        try:
            return _Run(self, full, progress or (lambda _: None), cancel or threading.Event()).go()
        finally:
            self._running.release()


class _Run:
    """One sync's state: counters under a lock, a pool, and the report being filled."""

    def __init__(
        self, engine: SyncEngine, full: bool, progress: ProgressCallback, cancel: threading.Event
    ) -> None:
        self.client = engine._client
        self.cache = engine._cache
        self.clock = engine._clock
        self.concurrency = engine._concurrency
        self.full = full
        self.progress = progress
        self.cancel = cancel
        self.report = SyncReport(concurrency=engine._concurrency, full=full)
        self.lock = threading.Lock()
        self.pages_done = 0
        self.pages_total: int | None = None
        self.links_done = 0
        self.links_total: int | None = None
        self.abort = threading.Event()  # another worker failed: stop between requests
        self.paid_before: dict[str, int] = {}

    def go(self) -> SyncReport:
        started = time.perf_counter()
        requests_before = self.client.stats.requests
        try:
            with ThreadPoolExecutor(self.concurrency, thread_name_prefix="sync") as pool:
                links = self._listing(pool)
                self._usages(pool, links)
            self.cache.record_full_sync(self.clock())
            self.report.completed = True
            return self._finish(started, requests_before)
        except SyncCancelled:
            raise
        except (LeanError, CacheError, OSError) as exc:
            raise SyncFailed(exc, self._finish(started, requests_before)) from exc

    def _finish(self, started: float, requests_before: int) -> SyncReport:
        self.report.seconds = time.perf_counter() - started
        self.report.requests = self.client.stats.requests - requests_before
        return self.report

    # -- step 1: the listing ----------------------------------------------------------------------

    def _listing(self, pool: ThreadPoolExecutor) -> list[PaymentLink]:
        confirmed_at = self.clock()
        first = self._page(0)
        pages: list[Page[PaymentLink]] = [first]
        rest = [pool.submit(self._page, n) for n in range(1, first.total_pages)]
        pages.extend(self._results(rest))
        links: dict[str, PaymentLink] = {}
        for page in pages:
            for link in page.items:
                links[link.id] = link
        total = max(page.total_elements for page in pages)
        if len(links) < total:
            # Links were created while we read and pushed others across pages: read it again,
            # in order this time; the client raises if the list still does not add up.
            logger.info("Listing moved while read (%d of %d); reading it again", len(links), total)
            self._check_cancel()
            for link in self.client.list_links():
                links[link.id] = link
        listed = list(links.values())
        self.paid_before = {c.link.id: c.link.current_usages for c in self.cache.links()}
        changes = self.cache.store_listing(listed, confirmed_at, complete=True)
        self.report.links_seen = len(listed)
        self.report.links_added = [c for c in changes if c.before is None]
        self.report.status_changes = [c for c in changes if c.before is not None]
        self.report.links_missing = sum(1 for c in self.cache.links() if c.missing_since is not None)
        return listed

    def _page(self, number: int) -> Page[PaymentLink]:
        self._check_cancel()
        page = self.client.links_page(number, api.MAX_PAGE_SIZE)
        with self.lock:
            self.pages_done += 1
            self.pages_total = max(self.pages_total or 0, page.total_pages, self.pages_done)
        self._tell()
        return page

    # -- step 2: usages -----------------------------------------------------------------------------

    def _usages(self, pool: ThreadPoolExecutor, listed: Sequence[PaymentLink]) -> None:
        now = self.clock()
        todo: list[tuple[PaymentLink, UsageAction]] = []
        for link in listed:
            cached = self.cache.link(link.id)
            action = (
                UsageAction.READ
                if cached is None
                else plan_usages(cached, now, full=self.full, paid_before=self.paid_before.get(link.id))
            )
            if action is UsageAction.SKIP:
                self.report.usage_skips += 1
            else:
                todo.append((link, action))
        with self.lock:
            self.links_total = len(todo)
        self._tell()
        self._results([pool.submit(self._link_usages, link, action) for link, action in todo])

    def _link_usages(self, link: PaymentLink, action: UsageAction) -> None:
        self._check_cancel()
        confirmed_at = self.clock()
        status = link.status  # as Lean reported it (see plan_usages)
        probes = 0
        if action is UsageAction.PROBE:
            probes = 1
            probe = self.client.usages_page(link.id, 0, size=1)
            cached = self.cache.link(link.id)
            if cached is not None and probe.total_elements == cached.usage_count:
                self.cache.confirm_usages(link.id, confirmed_at, link_status=status)
                self._link_done(reads=0, probes=probes)
                return
            self._check_cancel()
        self._store(link.id, self._read(link.id), confirmed_at, status)
        self._link_done(reads=1, probes=probes)

    def _read(self, link_id: str) -> list[Usage]:
        """The link's complete usage list, asking as little as the cache allows (module docstring)."""
        first = self.client.usages_page(link_id, 0, api.MAX_PAGE_SIZE)
        if first.total_pages <= 1 and len(first.items) == first.total_elements:
            return list(first.items)
        cached = self.cache.link(link_id)
        known = {u.usage_id: u for u in self.cache.usages(link_id)} if cached and not self.full else {}
        fresh = {u.usage_id: u for u in first.items}
        if known and first.total_elements == len(known) and fresh.keys() <= known.keys():
            pending = [i for i, u in known.items() if not usage_is_settled(u) and i not in fresh]
            if len(pending) < first.total_pages - 1:
                for usage_id in pending:
                    self._check_cancel()
                    fresh[usage_id] = self.client.get_usage(link_id, usage_id)
                return [fresh.get(i, u) for i, u in known.items()]
        for number in range(1, first.total_pages):
            self._check_cancel()
            for usage in self.client.usages_page(link_id, number, api.MAX_PAGE_SIZE).items:
                fresh[usage.usage_id] = usage
        if len(fresh) < first.total_elements:
            # Usages arrived while we read and shifted the pages: one ordered walk settles it.
            return self.client.list_usages(link_id)
        return list(fresh.values())

    def _store(
        self, link_id: str, usages: Sequence[Usage], confirmed_at: datetime, status: LinkStatus
    ) -> None:
        stray = next((u for u in usages if u.payment_link_id != link_id), None)
        if stray is not None:
            raise LeanSchemaError(
                "payment_link_id",
                f"usage {stray.usage_id} names another link",
                context=f"usages of {link_id}",
            )
        changes = self.cache.store_usages(link_id, usages, confirmed_at, link_status=status)
        with self.lock:
            self.report.new_usages.extend(c for c in changes if c.before is None)
            self.report.usage_changes.extend(c for c in changes if c.before is not None)

    # -- plumbing ------------------------------------------------------------------------------------

    def _link_done(self, *, reads: int, probes: int) -> None:
        with self.lock:
            self.report.usage_reads += reads
            self.report.usage_probes += probes
            self.links_done += 1
        self._tell()

    def _results(self, futures: Sequence[Future[T]]) -> list[T]:
        """Wait for all; on the first failure stop the others between requests and raise it."""
        wait(futures, return_when=FIRST_EXCEPTION)
        failures = [f.exception() for f in futures if f.done() and not f.cancelled() and f.exception()]
        if failures:
            self.abort.set()
            for future in futures:
                future.cancel()
            wait(futures)
            first = next((e for e in failures if not isinstance(e, _Aborted)), failures[0])
            assert first is not None
            raise first
        return [f.result() for f in futures]

    def _check_cancel(self) -> None:
        if self.cancel.is_set():
            raise SyncCancelled("Sync cancelled; everything stored before is kept.")
        if self.abort.is_set():
            raise _Aborted

    def _tell(self) -> None:
        with self.lock:
            snapshot = SyncProgress(self.pages_done, self.pages_total, self.links_done, self.links_total)
        self.progress(snapshot)
