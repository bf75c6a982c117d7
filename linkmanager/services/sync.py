"""Sync: bring the offline cache up to date with Lean, asking only what can have changed.

1. **The listing, always whole**, read page by page as workers free up (sync_listing): page 0
   first for the totals, which are checked before anything fans out. Each page is stored as it
   arrives and its links' usages are planned at once, so usage requests start while the rest of
   the listing is still being read. Links missing from a whole listing are marked, never deleted.
2. **Usages, only where something can have changed** (sync_plan): a link whose payment count
   moved is read at once, unsettled usages every sync, every changeable link confirmed within the
   profile's freshness bound on a rolling schedule, settled usages re-read daily.
3. **One bad answer costs one link** (sync_usages): a link whose usages cannot be read after
   retries, or whose answer is malformed or contradicts itself, is recorded as a problem (with a
   bounded excerpt of the answer) and keeps what was cached; the sync goes on with every other
   link. A bad listing record costs that record; a page that cannot be read costs its links their
   confirmation. Problems are kept in the cache until a sync succeeds where it failed.
4. **Bounded**: at most `concurrency` requests at once; every request ends within the client's
   deadline; a failure that may pass (a drop, a 5xx, a short rate limit) sends the link to the
   back of the queue twice before it counts as a problem; when Lean stops answering altogether
   (requests failing in a row, or none succeeding for STALL_SECONDS) the sync stops as offline
   rather than record a problem for every remaining link, and a refused secret stops it too.
   Workers only read; this thread stores what they read in batches, each link whole.

`run` returns a report whose `complete` says whether everything was brought up to date; it
raises SyncFailed only when the sync could not go on (Lean unreachable, credentials refused,
the cache unwritable), carrying the report of what was done before.
"""

from __future__ import annotations

import functools
import logging
import queue
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from linkmanager import api
from linkmanager.api.errors import LeanError, LeanTransportError
from linkmanager.domain.models import Page, PaymentLink, utc_now
from linkmanager.services.changes import keep_report
from linkmanager.services.sync_listing import Listing, first_page, read_page, rewalk
from linkmanager.services.sync_plan import SchedulePolicy, UsageAction, plan_usages, rolling_schedule
from linkmanager.services.sync_report import (
    ProgressCallback,
    SyncAborted,
    SyncCancelled,
    SyncFailed,
    SyncProgress,
    SyncReport,
)
from linkmanager.services.sync_usages import (
    LISTING_KINDS,
    ProblemKind,
    UsageOutcome,
    UsageReader,
    passing,
    read_link_usages,
)
from linkmanager.storage.cache import (
    CacheError,
    CacheReadOnlyError,
    LinkCache,
    SyncMarks,
    SyncProblem,
    UsageList,
)

if TYPE_CHECKING:  # the client module (and httpx) loads with the first client, not before
    from linkmanager.api.client import LeanClient

__all__ = [
    "ProblemKind",
    "ProgressCallback",
    "SchedulePolicy",
    "SyncCancelled",
    "SyncEngine",
    "SyncFailed",
    "SyncProblem",
    "SyncProgress",
    "SyncReport",
    "UsageAction",
    "plan_usages",
]

logger = logging.getLogger(__name__)

DEFAULT_CONCURRENCY = 8
OUTAGE_FAILURES_PER_WORKER = 2  # failed requests in a row, per worker, that mean Lean is gone
STALL_SECONDS = 150.0  # no request succeeded for this long: Lean is gone
# A link or page whose requests failed for a passing reason (a dropped connection, a 5xx, a short
# rate limit) after the client's own retries goes to the back of the queue this many times more
# before it is recorded as a problem: by then the moment has usually passed.
SECOND_CHANCES = 2


class SyncInternalError(Exception):
    """A bug of ours stopped the sync (never a traceback for the user)."""


class SyncEngine:
    """Runs one sync at a time for one profile (client + cache)."""

    def __init__(
        self,
        client: LeanClient,
        cache: LinkCache,
        *,
        concurrency: int = DEFAULT_CONCURRENCY,
        clock: Callable[[], datetime] = utc_now,
        policy: SchedulePolicy | None = None,
    ) -> None:
        if concurrency < 1:
            raise ValueError("concurrency is at least 1")
        self.client = client
        self.cache = cache
        self.concurrency = concurrency
        self.clock = clock
        self.policy = policy or SchedulePolicy()
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


@dataclass(frozen=True, slots=True)
class _Task:
    work: Callable[[], Any]
    page: int | None = None  # the listing page it reads (-1: the whole listing again)
    tries: int = 1


class _Run:
    """One sync: a scheduler loop on the calling thread, requests on a pool of workers."""

    def __init__(
        self, engine: SyncEngine, full: bool, progress: ProgressCallback, cancel: threading.Event
    ) -> None:
        self.client, self.cache, self.clock = engine.client, engine.cache, engine.clock
        self.concurrency, self.policy, self.full = engine.concurrency, engine.policy, full
        # Twice as many tasks as workers are handed to the pool, so that a worker that finishes
        # while this thread writes to the cache finds its next request waiting.
        self.queue_depth = 2 * engine.concurrency
        self.progress, self.cancel = progress, cancel
        self.report = SyncReport(concurrency=engine.concurrency, full=full)
        self.reader = UsageReader(self.client, self.cache, self._check_cancel)
        self.abort = threading.Event()  # stopping: workers give up between requests
        self.usage_queue: deque[_Task] = deque()
        self.pending: list[UsageList] = []  # read by workers, not yet stored
        self.retry_queue: deque[_Task] = deque()  # listing pages to try once more
        self.pages_done = 0
        self.links_done = 0
        self.links_planned = 0
        self.failures_in_a_row = 0
        self.last_success = time.monotonic()
        self.rewalk_due = False

    def go(self) -> SyncReport:
        started = time.perf_counter()
        requests_before = self.client.stats.requests
        try:
            if self.cache.read_only is not None:
                raise CacheReadOnlyError(self.cache.path, self.cache.read_only)
            self._sync()
            self.report.finished_at = self.clock()
            self.cache.record_full_sync(self.report.finished_at)
            self.report.completed = True
            return self._finish(started, requests_before)
        except SyncCancelled:
            self._finish(started, requests_before)
            raise
        except (LeanError, CacheError, OSError) as exc:
            raise SyncFailed(exc, self._finish(started, requests_before)) from exc
        except SyncAborted as exc:
            raise SyncFailed(LeanTransportError(str(exc)), self._finish(started, requests_before)) from exc
        except Exception as exc:  # a bug of ours: one sentence for the user, the traceback in the log
            logger.debug("unexpected error in the sync", exc_info=True)
            cause = SyncInternalError(
                f"An unexpected error stopped it ({type(exc).__name__}: {exc}); please report it."
            )
            raise SyncFailed(cause, self._finish(started, requests_before)) from exc

    def _finish(self, started: float, requests_before: int) -> SyncReport:
        self.report.seconds = time.perf_counter() - started
        self.report.requests = self.client.stats.requests - requests_before
        keep_report(self.cache, self.report, self.clock(), reached_lean=self.pages_done > 0)
        return self.report

    def _sync(self) -> None:
        self.marks = self.cache.sync_marks()
        problem_links = {p.link_id for p in self.cache.problems() if p.link_id is not None}
        self.listed_at = self.clock()
        previous = self.cache.sync_state().last_sync_started
        self.schedule = rolling_schedule(self.marks, self.listed_at, previous, self.policy, problem_links)
        size = api.MAX_PAGE_SIZE
        first = self._first_page(size)
        self.cache.record_sync_started(self.listed_at)
        self.listing = Listing.starting_with(first, size)
        self.pages_done = 1
        self._take_page(first)
        with ThreadPoolExecutor(self.concurrency, thread_name_prefix="sync") as pool:
            self._drain(pool)
            if self.listing.short:
                self.rewalk_due = True  # links moved across pages while we read: once more, in order
                self._drain(pool)
                if self.listing.short:
                    self.listing.give_up_short()
        self.cache.clear_listing_problems(LISTING_KINDS)
        self.cache.note_problems(self.listing.problems, self.clock())
        self.report.problems[:0] = self.listing.problems
        self.report.links_seen = len(self.listing.seen)
        if self.listing.whole:
            self.report.links_missing = self.cache.mark_unlisted(
                self.listed_at, keep=self.listing.unreadable_ids
            )

    # -- the scheduler loop -----------------------------------------------------------------------

    def _drain(self, pool: ThreadPoolExecutor) -> None:
        """Run tasks, at most `queue_depth` handed to the pool at once, until none is left; stop
        all on a fatal error. Finished futures arrive through a queue: concurrent.futures.wait
        costs a lock per pending future on every call, a sixth of a sync's time at 4,000 links."""
        running: dict[Future[Any], _Task] = {}
        finished: queue.SimpleQueue[Future[Any]] = queue.SimpleQueue()

        def fill() -> None:
            while len(running) < self.queue_depth and (task := self._next_task()) is not None:
                future = pool.submit(task.work)
                running[future] = task
                future.add_done_callback(finished.put)

        try:
            while True:
                fill()
                if not running:
                    return
                done = [finished.get()]
                while not finished.empty():
                    done.append(finished.get())
                for future in done:
                    self._handle(running.pop(future), future.result())
                # Workers are given their next requests first; the writes follow, in one
                # transaction, while those requests travel.
                fill()
                self._flush()
        except BaseException as exc:
            self.abort.set()
            for future in running:
                future.cancel()
            wait(running)
            if not isinstance(exc, CacheError):
                self._flush()  # what was read before a cancel or an outage is kept
            raise

    def _next_task(self) -> _Task | None:
        if self.rewalk_due:
            self.rewalk_due = False
            return _Task(self._rewalk, page=-1)
        if self.retry_queue:
            return self.retry_queue.popleft()
        number = self.listing.next_page()
        if number is not None:
            return _Task(functools.partial(self._read_page, number), page=number)
        return self.usage_queue.popleft() if self.usage_queue else None

    def _handle(self, task: _Task, outcome: Any) -> None:
        if task.page is not None:
            pages = outcome if isinstance(outcome, list) else [outcome]
            for page in pages:
                self._count(page if isinstance(page, LeanError) else None)
                if isinstance(page, LeanError):
                    if passing(page) and task.tries <= SECOND_CHANCES and task.page >= 0:
                        self.retry_queue.append(replace(task, tries=task.tries + 1))
                    else:
                        self.listing.failed(task.page, page)
                else:
                    self.pages_done += 1
                    self._take_page(page)
            self._tell()
            return
        assert isinstance(outcome, UsageOutcome)
        self._count(outcome.error)
        self.report.usage_reads += outcome.reads
        self.report.usage_probes += outcome.probes
        if outcome.result is not None:
            self.pending.append(outcome.result)
        if outcome.problem is not None:
            if passing(outcome.error) and task.tries <= SECOND_CHANCES:
                self.usage_queue.append(replace(task, tries=task.tries + 1))  # to the back of the queue
                return
            self._record(outcome.problem)
        self.links_done += 1
        self._tell()

    def _count(self, unreachable: LeanError | None) -> None:
        """Track Lean answering; stop the sync once it clearly no longer does."""
        if not isinstance(unreachable, LeanTransportError):
            self.failures_in_a_row = 0
            self.last_success = time.monotonic()
            return
        self.failures_in_a_row += 1
        silent = time.monotonic() - self.last_success
        if self.failures_in_a_row >= OUTAGE_FAILURES_PER_WORKER * self.concurrency or silent >= STALL_SECONDS:
            raise SyncAborted(
                f"Lean stopped answering during the sync ({self.failures_in_a_row} requests in a row failed, "
                f"none succeeded for {silent:.0f} s; the last: {unreachable})."
            )

    # -- the listing -------------------------------------------------------------------------------

    def _first_page(self, size: int) -> Page[PaymentLink]:
        return first_page(self.client, size, self._check_cancel, second_chances=SECOND_CHANCES)

    def _read_page(self, number: int) -> Page[PaymentLink] | LeanError:
        return read_page(self.client, number, self.listing.size, self._check_cancel)

    def _rewalk(self) -> list[Page[PaymentLink] | LeanError]:
        return rewalk(self.client, self.listing, self._check_cancel)

    def _take_page(self, page: Page[PaymentLink]) -> None:
        links = self.listing.take(page)
        self.report.links_total = self.listing.total if self.listing.believable else None
        changes = self.cache.store_listing(links, self.listed_at, complete=False)
        self.report.links_added.extend(c for c in changes if c.before is None)
        self.report.status_changes.extend(c for c in changes if c.before is not None)
        now = self.clock()
        for link in links:
            marks = self.marks.get(link.id)
            action = plan_usages(link, marks, now, policy=self.policy, schedule=self.schedule, full=self.full)
            if action is UsageAction.SKIP:
                self.report.usage_skips += 1
                continue
            self.links_planned += 1
            self.usage_queue.append(_Task(functools.partial(self._usages, link, action, marks)))

    # -- one link's usages (on a worker) --------------------------------------------------------------

    def _usages(self, link: PaymentLink, action: UsageAction, marks: SyncMarks | None) -> UsageOutcome:
        self._check_cancel()
        return read_link_usages(self.reader, link, action, marks, self.clock())

    def _flush(self) -> None:
        """Store what the workers read, in one transaction; a bug in one link's write costs that link."""
        pending, self.pending = self.pending, []
        if not pending:
            return
        stored = len(pending)
        try:
            changes = self.cache.store_usage_lists(pending)
        except CacheError:
            raise
        except Exception:  # find the one that fails, keep the others
            changes = []
            for item in pending:
                try:
                    changes += self.cache.store_usage_lists([item])
                except CacheError:
                    raise
                except Exception as exc:
                    stored -= 1
                    logger.debug("unexpected error storing the usages of %s", item.link_id, exc_info=True)
                    detail = f"An unexpected error stopped its sync ({type(exc).__name__}: {exc}); please report it."
                    self._record(SyncProblem(item.link_id, ProblemKind.INTERNAL, detail))
        self.report.usage_lists_stored += stored
        self.report.new_usages.extend(c for c in changes if c.before is None)
        self.report.usage_changes.extend(c for c in changes if c.before is not None)

    def _record(self, problem: SyncProblem) -> None:
        self.cache.note_problems([problem], self.clock())
        self.report.problems.append(problem)
        logger.info("Link %s could not be synced: %s", problem.link_id, problem.detail)

    # -- plumbing ----------------------------------------------------------------------------------

    def _check_cancel(self) -> None:
        if self.cancel.is_set():
            raise SyncCancelled("Sync cancelled; everything stored before is kept.")
        if self.abort.is_set():
            raise SyncAborted("the sync is stopping")

    def _tell(self) -> None:
        total = None if not self.listing.believable else self.listing.limit
        self.progress(SyncProgress(self.pages_done, total, self.links_done, self.links_planned))
