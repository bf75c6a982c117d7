"""The table engine for the Payments view: a PaymentTable, a filter and a sort in; steps out.

The same bookkeeping as the Links view's engine (services.table_engine.Requests: requests are
numbered, only the newest answer is shown, so a slow sort never lands after the filter typed
since) and the same steps (services.table_diff), over rows that are places into numpy columns
rather than Python objects: at a million usages a filter is a few vectorised comparisons.

What changes is said as one step: a Reset for the first rows, else a Relayout whose `locate`
finds each usage key's new row, so a view's selection and current row follow their payments
through a new filter, a new sort and a sync that read the table again (usage keys are stable).
No Qt here; the work of a Job can run on any thread.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, cast

import numpy as np

from linkmanager.domain.outcome import Outcome
from linkmanager.services.payments import (
    OrderSource,
    PaymentFilter,
    PaymentSort,
    PaymentTable,
    Picked,
    Places,
)
from linkmanager.services.table_diff import Key, Relayout, Reset
from linkmanager.services.table_engine import Requests

X = TypeVar("X")  # what a caller makes beside the rows on the same thread (totals, first texts)
PlaceStep = Reset[int] | Relayout[int]


@dataclass(frozen=True, slots=True)
class PaymentAnswer(Generic[X]):
    request: int
    base: int  # the request whose answer was shown when this one was planned (0: none)
    table: PaymentTable
    picked: Picked
    flt: PaymentFilter
    sort: PaymentSort
    steps: list[PlaceStep]
    extra: X

    @property
    def places(self) -> Places:
        return self.picked.places

    @property
    def counts(self) -> dict[Outcome, int]:
        return self.picked.counts


@dataclass(frozen=True, slots=True)
class PaymentJob(Generic[X]):
    """Make the answer for one request, on any thread."""

    request: int
    make: Callable[[], PaymentAnswer[X]] = field(repr=False)


def as_rows(places: Places) -> Sequence[int]:
    """A step's rows: the places themselves (an array reads like a sequence of ints)."""
    return cast(Sequence[int], places)


def locator(table: PaymentTable, places: Places) -> Callable[[Collection[Key]], Mapping[Key, int]]:
    """Where usage keys are among `places` (rows of `table`): their rows, for those shown."""

    def locate(keys: Collection[Key]) -> Mapping[Key, int]:
        wanted = np.fromiter((int(cast(int, k)) for k in keys), dtype=np.int64, count=len(keys))
        if not len(wanted) or not len(places):
            return {}
        at = np.minimum(np.searchsorted(table.keys, wanted), len(table.keys) - 1)
        row_of_place = np.full(len(table), -1, dtype=np.intp)
        row_of_place[places] = np.arange(len(places))
        rows = np.where(table.keys[at] == wanted, row_of_place[at], -1)
        return {int(k): int(r) for k, r in zip(wanted, rows, strict=True) if r >= 0}

    return locate


def plan(shown: PaymentAnswer[Any] | None, table: PaymentTable, picked: Picked) -> list[PlaceStep]:
    """The step from what is shown to `picked`: nothing when the rows are the very same."""
    if shown is None:
        return [Reset(as_rows(picked.places))]
    if shown.table is table and np.array_equal(shown.places, picked.places):
        return []
    return [Relayout(as_rows(picked.places), locator(table, picked.places))]


def _first_plan(anything_shown: bool, table: PaymentTable, picked: Picked) -> list[PlaceStep]:
    """The plan a job makes: it holds no answer shown (8 MB of places at a million rows), so
    `accept` says "nothing changed" when the rows shown are the very same."""
    if not anything_shown:
        return [Reset(as_rows(picked.places))]
    return [Relayout(as_rows(picked.places), locator(table, picked.places))]


class PaymentEngine(Requests, Generic[X]):
    """What the Payments table shows, and what it is asked to show next."""

    def __init__(self, extra: Callable[[PaymentTable, Picked], X], orders: OrderSource | None = None) -> None:
        super().__init__()
        self._extra = extra
        self._orders = orders
        self._table: PaymentTable | None = None
        self._filter = PaymentFilter()
        self._sort = PaymentSort()
        self._answer: PaymentAnswer[X] | None = None

    @property
    def table(self) -> PaymentTable | None:
        """The table asked for last (shown, or on its way)."""
        return self._table

    @property
    def filter(self) -> PaymentFilter:
        return self._filter

    @property
    def sort(self) -> PaymentSort:
        return self._sort

    @property
    def answer(self) -> PaymentAnswer[X] | None:
        """The answer shown (None before the first)."""
        return self._answer

    def set_table(self, table: PaymentTable) -> PaymentJob[X] | None:
        self._table = table
        return self._job()

    def set_filter(self, flt: PaymentFilter) -> PaymentJob[X] | None:
        self._filter = flt
        return self._job()

    def set_sort(self, sort: PaymentSort) -> PaymentJob[X] | None:
        self._sort = sort
        return self._job()

    def accept(self, answer: PaymentAnswer[X]) -> list[PlaceStep] | None:
        """The steps to apply for `answer`; None when a newer request superseded it."""
        base = self.shown
        if not self._take(answer.request):
            return None
        steps = answer.steps
        if answer.base != base or isinstance(steps[0], Relayout):  # from what is shown now
            steps = plan(self._answer, answer.table, answer.picked)
        self._answer = answer
        return steps

    def _job(self) -> PaymentJob[X] | None:
        """None until there is a table to pick from."""
        table = self._table
        if table is None:
            return None
        base, anything_shown = self.shown, self._answer is not None
        request, flt, sort = self._next(), self._filter, self._sort
        orders, extra = self._orders, self._extra

        def make() -> PaymentAnswer[X]:
            picked = table.pick(flt, sort, orders)
            steps = _first_plan(anything_shown, table, picked)
            return PaymentAnswer(request, base, table, picked, flt, sort, steps, extra(table, picked))

        return PaymentJob(request, make)
