"""Which links' usages a sync asks Lean about, and how: pure rules, no I/O.

Lean's API has no `updated_since` and no timestamps, so a sync cannot ask "what changed?". What
it knows for free from the listing is each link's status and `current_usages` (successful
payments): a link whose count moved is read at once. Everything else that can still change is
re-confirmed on a rolling schedule:

- unsettled usages (a payment still pending with the bank, a usage STARTED) are read every sync;
- every changeable link (ACTIVE or DISABLED) is confirmed (a probe: one usage of page 0, whose
  total says whether anything is new) at least once per `freshness` (a profile setting,
  60 minutes by default);
- every link with usages is read in full at least once per `reread` (a day): a settled payment
  can still be reversed by the bank, and only a full read shows a status change of an old usage;
- terminal links (EXPIRED, USED) with nothing due cost nothing.

"Rolling": each sync does its share of the not-yet-due work, oldest first, in proportion to the
time since the previous sync (budget = changeable links x gap / freshness), so a full sync does
not make every link due at the same moment an hour later. Whatever is due is done whatever the
budget: the bounds hold even after the app was closed for a week.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from linkmanager.domain.lifecycle import TERMINAL
from linkmanager.domain.models import PaymentLink
from linkmanager.storage.cache import SyncMarks

DEFAULT_FRESHNESS = timedelta(minutes=60)
DEFAULT_REREAD = timedelta(days=1)


class UsageAction(Enum):
    SKIP = "skip"  # nothing can have changed, or nothing is due yet
    PROBE = "probe"  # one request of size 1; read everything only if the count moved
    READ = "read"  # the first page of 100, then only what can have changed
    REREAD = "reread"  # every page: settled usages too


@dataclass(frozen=True, slots=True)
class SchedulePolicy:
    freshness: timedelta = DEFAULT_FRESHNESS  # every changeable link confirmed at least this often
    reread: timedelta = DEFAULT_REREAD  # every link with usages read in full at least this often

    def __post_init__(self) -> None:
        if self.freshness <= timedelta(0) or self.reread <= timedelta(0):
            raise ValueError("schedule bounds must be positive")


@dataclass(frozen=True, slots=True)
class Schedule:
    """The links this sync confirms or re-reads ahead of time (their share of the rolling work)."""

    early_probes: frozenset[str] = frozenset()
    early_rereads: frozenset[str] = frozenset()
    retry: frozenset[str] = frozenset()  # links left with a problem by an earlier sync: read again


def changeable(marks: SyncMarks) -> bool:
    """Its usages can still change without its payment count moving."""
    return marks.status not in TERMINAL or marks.usages_confirmed_status not in TERMINAL


def _older_than(moment: datetime | None, bound: timedelta, now: datetime) -> bool:
    """Never seen, older than `bound`, or dated in the future (a clock set back: not believed)."""
    return moment is None or moment > now or now - moment >= bound


def probe_due(marks: SyncMarks, now: datetime, policy: SchedulePolicy) -> bool:
    return changeable(marks) and _older_than(marks.usages_confirmed_at, policy.freshness, now)


def reread_due(marks: SyncMarks, now: datetime, policy: SchedulePolicy) -> bool:
    return marks.usage_count > 0 and _older_than(marks.usages_read_at, policy.reread, now)


def _share(
    items: Iterable[tuple[str, SyncMarks]],
    due: Callable[[SyncMarks], bool],
    age: Callable[[SyncMarks], datetime | None],
    fraction: float,
) -> frozenset[str]:
    """The oldest not-yet-due ids, so that due + these = `fraction` of all the items."""
    pool = list(items)
    budget = round(len(pool) * fraction)  # a share too small to round to one waits for a later sync
    waiting = [(age(m), link_id) for link_id, m in pool if not due(m)]
    extra = budget - (len(pool) - len(waiting))
    if extra <= 0:
        return frozenset()
    waiting.sort(key=lambda item: (item[0] is not None, item[0], item[1]))
    return frozenset(link_id for _, link_id in waiting[:extra])


def rolling_schedule(
    marks: Mapping[str, SyncMarks],
    now: datetime,
    previous_sync: datetime | None,
    policy: SchedulePolicy,
    retry: Iterable[str] = (),
) -> Schedule:
    """This sync's share of the work that is not due yet (see the module docstring)."""
    gap = policy.freshness if previous_sync is None else max(now - previous_sync, timedelta(0))
    probes = _share(
        ((i, m) for i, m in marks.items() if changeable(m)),
        lambda m: probe_due(m, now, policy),
        lambda m: m.usages_confirmed_at,
        min(gap / policy.freshness, 1.0),
    )
    rereads = _share(
        ((i, m) for i, m in marks.items() if m.usage_count > 0),
        lambda m: reread_due(m, now, policy),
        lambda m: m.usages_read_at,
        min(gap / policy.reread, 1.0),
    )
    return Schedule(probes, rereads, frozenset(retry))


def plan_usages(
    listed: PaymentLink,
    marks: SyncMarks | None,
    now: datetime,
    *,
    policy: SchedulePolicy | None = None,
    schedule: Schedule | None = None,
    full: bool = False,
) -> UsageAction:
    """What a listed link's usages need this sync.

    `marks` is what the cache held before this listing (None: a new link). Only what Lean
    reported counts, never a status our clock worked out: a clock running ahead must not decide
    that a link Lean still calls ACTIVE can be left alone.
    """
    policy = policy or SchedulePolicy()
    schedule = schedule or Schedule()
    if marks is None or marks.usages_confirmed_at is None:
        return UsageAction.READ
    if full:
        return UsageAction.REREAD
    if reread_due(marks, now, policy) or listed.id in schedule.early_rereads:
        return UsageAction.REREAD
    if marks.unsettled_usages > 0 or marks.current_usages != listed.current_usages:
        return UsageAction.READ
    if listed.id in schedule.retry:
        return UsageAction.READ
    if probe_due(marks, now, policy) or listed.id in schedule.early_probes:
        return UsageAction.PROBE
    if (listed.status in TERMINAL) != (marks.usages_confirmed_status in TERMINAL):
        # It became final since its usages were confirmed: one last look, once. (Or Lean calls a
        # link live that we saw final: never trust our old verdict over Lean's.)
        return UsageAction.PROBE
    return UsageAction.SKIP
