"""Disable or enable many links at once: the plan, the run, and the result (no Qt).

The plan is made from what the cache holds, so the confirmation can list every link and count
the ones that will be skipped before anything is sent: terminal links (EXPIRED, USED: nothing can
change them back) and links already in the target status. The run then asks Lean for each
remaining link in turn, through a `change(link_id)` the caller binds (Workspace.set_status with
the target, the reason and the batch id): it re-reads the link first, so a status that moved
since the last sync is judged on Lean's answer, never on the cache's.

One link at a time, at a polite pace (Lean publishes no limits; each change is three requests:
read, change, read back), honouring 429 with bounded waits, cancellable between links. One
link's failure never stops the others, and the result names every link: done, skipped (why),
failed (Lean's answer) or not attempted (cancelled). The command line's exit code comes from it.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, tzinfo
from enum import StrEnum

from linkmanager.api.errors import LeanError, LeanHTTPError, RateLimitedError, UpdateNotConfirmed
from linkmanager.domain.i18n import Context, translate
from linkmanager.domain.lifecycle import SETTABLE, check_status_change, effective_status
from linkmanager.domain.money import Money
from linkmanager.domain.status import LinkStatus
from linkmanager.services.actions import ActionRefused, StatusChange
from linkmanager.storage.cache_model import CachedLink

logger = logging.getLogger(__name__)

BulkCounts = Context("BulkStatus")  # plurals: lupdate reads X.tr(text, "", n) as a plural

REQUESTS_PER_LINK = 3  # read the link, change it, read it back (LeanClient.set_status)
MAX_REQUESTS_PER_SECOND = 4.0
POLITE_INTERVAL = REQUESTS_PER_LINK / MAX_REQUESTS_PER_SECOND  # seconds between two links' starts
RATE_LIMIT_TRIES = 3  # a link Lean keeps refusing with 429 is tried this often, then failed
DEFAULT_RATE_WAIT = 5.0  # seconds, when a 429 came without Retry-After
MAX_RATE_WAIT = 60.0  # a longer Retry-After is cut to this: the person is watching a progress bar

# Exit codes for the command line (linkmanager.cli.exit_codes: EXIT_OK, EXIT_ERROR, EXIT_PROBLEMS).
EXIT_ALL_IN_TARGET = 0
EXIT_NOTHING_DONE = 1
EXIT_SOME_NOT_DONE = 4


class SkipKind(StrEnum):
    """Why a link is left alone."""

    EXPIRED = "expired"
    USED = "used"
    ALREADY = "already"  # already in the target status: it ends where it was asked to
    UNKNOWN = "unknown"  # a status Lean reports that LinkManager cannot reason about
    REFUSED = "refused"  # Lean's current state, read just before the change, rules it out


class Outcome(StrEnum):
    DONE = "done"
    SKIPPED = "skipped"
    FAILED = "failed"
    CANCELLED = "cancelled"  # not attempted: the run was cancelled first


@dataclass(frozen=True, slots=True)
class BulkItem:
    """One link of a plan, as the cache knows it; `amount` and `status` are None for an id the
    cache does not hold (it is still tried: Lean may know it, or answer 404)."""

    link_id: str
    name: str
    amount: Money | None
    status: LinkStatus | None  # the effective status when the plan was made
    skip: SkipKind | None = None
    why: str = ""  # the skip's reason in words

    @property
    def acts(self) -> bool:
        return self.skip is None


@dataclass(frozen=True, slots=True)
class BulkPlan:
    """Every link asked for, in the order given, each either to change or skipped (with why)."""

    target: LinkStatus
    items: tuple[BulkItem, ...]

    @property
    def to_change(self) -> tuple[BulkItem, ...]:
        return tuple(item for item in self.items if item.acts)

    @property
    def skipped(self) -> tuple[BulkItem, ...]:
        return tuple(item for item in self.items if not item.acts)

    def skip_counts(self) -> dict[SkipKind, int]:
        """How many links each reason skips, in SkipKind's order; reasons that skip none left out."""
        counted = Counter(item.skip for item in self.items if item.skip is not None)
        return {kind: counted[kind] for kind in SkipKind if counted[kind]}

    def only(self, link_ids: Iterable[str]) -> BulkPlan:
        """The same plan for some of its links (Retry failed): each of them to be tried again."""
        wanted = set(link_ids)
        return BulkPlan(
            self.target,
            tuple(replace(i, skip=None, why="") for i in self.items if i.link_id in wanted),
        )


def _check_target(target: LinkStatus) -> None:
    if target not in SETTABLE:
        raise ValueError(f"links can only be disabled or enabled, not set to {target.value}")


def plan_item(cached: CachedLink, target: LinkStatus, now: datetime, tz: tzinfo | None = UTC) -> BulkItem:
    """One link judged by the lifecycle rules at `now` (reasons' times in `tz`)."""
    link = cached.link
    status = effective_status(link, now)
    item = BulkItem(link.id, link.display_name, link.amount, status)
    decision = check_status_change(link, target, now, tz)
    if decision:
        return item
    if status == LinkStatus.EXPIRED:
        kind = SkipKind.EXPIRED
    elif status == LinkStatus.USED:
        kind = SkipKind.USED
    elif status == target:
        kind = SkipKind.ALREADY
    else:
        kind = SkipKind.UNKNOWN
    return replace(item, skip=kind, why=decision.reason)


def plan_bulk(
    links: Sequence[CachedLink], target: LinkStatus, now: datetime, tz: tzinfo | None = UTC
) -> BulkPlan:
    """The plan for `links` (the window's selection), each link once, in the order given."""
    _check_target(target)
    seen: set[str] = set()
    items: list[BulkItem] = []
    for cached in links:
        if cached.link.id not in seen:
            seen.add(cached.link.id)
            items.append(plan_item(cached, target, now, tz))
    return BulkPlan(target, tuple(items))


def plan_ids(
    link_ids: Sequence[str],
    lookup: Callable[[str], CachedLink | None],
    target: LinkStatus,
    now: datetime,
    tz: tzinfo | None = UTC,
) -> BulkPlan:
    """The plan for ids typed on the command line: `lookup` is the cache (LinkCache.link); an id it
    does not hold is still tried (the cache may predate the link), and Lean's 404 names it."""
    _check_target(target)
    seen: set[str] = set()
    items: list[BulkItem] = []
    for link_id in link_ids:
        if link_id in seen:
            continue
        seen.add(link_id)
        cached = lookup(link_id)
        items.append(plan_item(cached, target, now, tz) if cached else BulkItem(link_id, "", None, None))
    return BulkPlan(target, tuple(items))


def new_batch_id() -> str:
    """An id shared by every link of one bulk action, so the journal can show them together."""
    return uuid.uuid4().hex


@dataclass(frozen=True, slots=True)
class BulkEntry:
    """What became of one link."""

    item: BulkItem
    outcome: Outcome
    detail: str = ""  # skipped: why; failed: Lean's answer or what went wrong; done: a caveat
    http_status: int | None = None
    request_id: str | None = None
    before: LinkStatus | None = None
    after: LinkStatus | None = None

    @property
    def link_id(self) -> str:
        return self.item.link_id

    @property
    def in_target(self) -> bool:
        """The link ends in the status asked for: changed now, or it already was."""
        return self.outcome == Outcome.DONE or self.item.skip == SkipKind.ALREADY


@dataclass(frozen=True, slots=True)
class BulkResult:
    """Every link of the plan, in its order, with its outcome."""

    target: LinkStatus
    entries: tuple[BulkEntry, ...]
    cancelled: bool = False

    def with_outcome(self, outcome: Outcome) -> tuple[BulkEntry, ...]:
        return tuple(entry for entry in self.entries if entry.outcome == outcome)

    def counts(self) -> dict[Outcome, int]:
        counted = Counter(entry.outcome for entry in self.entries)
        return {outcome: counted[outcome] for outcome in Outcome}

    def failed_ids(self) -> list[str]:
        """The links to try again: those that failed (not the skipped ones: the rules stand)."""
        return [entry.link_id for entry in self.entries if entry.outcome == Outcome.FAILED]

    def exit_code(self) -> int:
        """0 when every link ends in the target status (changed, or already there); 1 when none
        does (nothing could be done); 4 otherwise (some were skipped, failed or not attempted)."""
        in_target = sum(entry.in_target for entry in self.entries)
        if in_target == len(self.entries):
            return EXIT_ALL_IN_TARGET
        return EXIT_NOTHING_DONE if in_target == 0 else EXIT_SOME_NOT_DONE


@dataclass(frozen=True, slots=True)
class BulkProgress:
    """After each link: how many are finished, of how many, and the latest entry."""

    finished: int
    total: int
    latest: BulkEntry


Change = Callable[[str], StatusChange]
Pause = Callable[[float], bool]  # waits up to the seconds given; True when cancelled meanwhile


class BulkRun:
    """Runs a plan on the thread that calls run(): blocking, one link at a time.

    `status_now(link_id)` (optional; the cache's effective status) tells a refusal because the link
    is already in the target status (it ends where asked) from a terminal one; `pause` waits and
    returns True when cancelled (default: the cancel event's wait, so Cancel cuts a wait short).
    """

    def __init__(
        self,
        plan: BulkPlan,
        change: Change,
        *,
        cancel: threading.Event | None = None,
        progress: Callable[[BulkProgress], None] | None = None,
        status_now: Callable[[str], LinkStatus | None] | None = None,
        interval: float = POLITE_INTERVAL,
        pause: Pause | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.plan = plan
        self.cancel = cancel or threading.Event()
        self._change = change
        self._progress = progress
        self._status_now = status_now
        self._interval = max(interval, 0.0)
        self._pause = pause if pause is not None else self.cancel.wait
        self._clock = clock
        self._last_start: float | None = None
        self.rate_waits: list[float] = []  # what 429s made the run wait, in seconds (tests, logs)

    def run(self) -> BulkResult:
        entries: list[BulkEntry] = []
        total = len(self.plan.items)
        cancelled = False
        for item in self.plan.items:
            if item.skip is not None:
                entry = BulkEntry(item, Outcome.SKIPPED, item.why, before=item.status, after=item.status)
            elif cancelled or self.cancel.is_set() or self._wait_turn():
                cancelled = True
                entry = BulkEntry(item, Outcome.CANCELLED, _not_attempted(), before=item.status)
            else:
                entry = self._one(item)
            entries.append(entry)
            if self._progress is not None:
                self._progress(BulkProgress(len(entries), total, entry))
        return BulkResult(self.plan.target, tuple(entries), cancelled)

    def _wait_turn(self) -> bool:
        """Keep the polite pace between two links' starts; True when cancelled while waiting."""
        now = self._clock()
        if self._last_start is not None:
            left = self._last_start + self._interval - now
            if left > 0 and self._pause(left):
                return True
        self._last_start = self._clock()
        return False

    def _one(self, item: BulkItem) -> BulkEntry:
        for attempt in range(1, RATE_LIMIT_TRIES + 1):
            try:
                change = self._change(item.link_id)
            except RateLimitedError as error:
                wait = min(
                    error.retry_after if error.retry_after is not None else DEFAULT_RATE_WAIT, MAX_RATE_WAIT
                )
                if attempt == RATE_LIMIT_TRIES:
                    return _failed(item, error)
                logger.info("Lean asked to slow down at %s; waiting %.1f s", item.link_id, wait)
                self.rate_waits.append(wait)
                if self._pause(wait):
                    return BulkEntry(item, Outcome.CANCELLED, _not_attempted(), before=item.status)
                self._last_start = self._clock()
            except ActionRefused as error:
                return self._refused(item, str(error))
            except UpdateNotConfirmed as error:  # the change happened; only its read-back failed
                return BulkEntry(item, Outcome.DONE, str(error), before=item.status, after=self.plan.target)
            except Exception as error:  # one link's failure never stops the others
                if not isinstance(error, LeanError):
                    logger.warning("Bulk change of %s failed: %s", item.link_id, error, exc_info=True)
                return _failed(item, error)
            else:
                caveat = change.journal_problem or ""  # done, but missing from the journal: said
                return BulkEntry(item, Outcome.DONE, caveat, before=change.before, after=change.after)
        raise AssertionError("unreachable")  # pragma: no cover - the loop always returns

    def _refused(self, item: BulkItem, why: str) -> BulkEntry:
        status = self._status_now(item.link_id) if self._status_now is not None else None
        kind = SkipKind.ALREADY if status == self.plan.target else SkipKind.REFUSED
        skipped = replace(item, skip=kind, why=why, status=status or item.status)
        return BulkEntry(skipped, Outcome.SKIPPED, why, before=status, after=status)


def _failed(item: BulkItem, error: BaseException) -> BulkEntry:
    if isinstance(error, LeanHTTPError):
        detail = error.detail or str(error)
        return BulkEntry(item, Outcome.FAILED, detail, error.http_status, error.request_id, item.status)
    return BulkEntry(item, Outcome.FAILED, str(error) or type(error).__name__, before=item.status)


def _not_attempted() -> str:
    return translate("BulkStatus", "Not attempted: the run was cancelled first.")


def skip_kind_text(kind: SkipKind, count: int, target: LinkStatus) -> str:
    """ "2 expired links", "1 link already disabled": one reason's count, for the confirmation."""
    if kind == SkipKind.EXPIRED:
        return BulkCounts.tr("%Ln expired link(s)", "", count)
    if kind == SkipKind.USED:
        return BulkCounts.tr("%Ln used link(s) (limit of payments reached)", "", count)
    if kind == SkipKind.ALREADY:
        if target == LinkStatus.DISABLED:
            return BulkCounts.tr("%Ln link(s) already disabled", "", count)
        return BulkCounts.tr("%Ln link(s) already active", "", count)
    if kind == SkipKind.UNKNOWN:
        return BulkCounts.tr("%Ln link(s) with a status LinkManager does not know", "", count)
    return BulkCounts.tr("%Ln link(s) refused by the rules", "", count)
