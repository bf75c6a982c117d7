"""The engine behind a table view: rows, a filter and a sort in; what to show and how to get there out.

No Qt here. A view adapter (ui/models/row_model.py) holds one engine; every change the user or a
sync asks for (new rows, a filter, a sort) returns a Job: a callable over immutable snapshots, so
it can run on a worker thread while the window stays responsive. Its Answer says what changed —
a reset, a relayout or edits (runs removed, inserted, changed; see table_diff) — and the counts
per group. `accept` takes an answer only if it is the newest asked for, so a slow sort never
lands after the filter typed since; an answer planned from rows no longer shown is planned again.

Two kinds of table share this bookkeeping (Requests) and the steps' vocabulary (table_diff): rows
as Python objects (TableEngine: the Links view, up to a few 100,000 rows) and rows as places
into numpy columns (services.payment_engine: the Payments view, a million usages).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from operator import is_
from typing import Generic, TypeVar

from linkmanager.services import table_diff
from linkmanager.services.table_diff import Key, Locate, Relayout, Reset, Step
from linkmanager.services.table_places import PickedPlaces
from linkmanager.services.table_rows import (
    Counts,
    RowFilter,
    RowSet,
    RowSort,
    Selection,
    TableSpec,
    count_groups,
    select,
)

R = TypeVar("R")

# From this many rows a change is worth a worker thread (a sort of 20,000 rows takes ~0.1 s);
# below it the answer is made on the spot, which is simpler for everyone.
ASYNC_FROM = 20_000


@dataclass(frozen=True, slots=True)
class Answer(Generic[R]):
    request: int
    base: Sequence[R]  # the rows shown when the job was made (its steps start from them)
    rowset: RowSet[R]
    rows: list[R]  # what to show
    places: Mapping[Key, int]  # each of `rows`' place by key
    steps: list[Step[R]]
    counts: Counts
    picked: tuple[list[R], list[int] | None] | None  # (the order, places in it; None: all), if from one
    flt: RowFilter


@dataclass(frozen=True, slots=True)
class Job(Generic[R]):
    """Make the answer for one request (any thread); `heavy`: better made off the GUI thread."""

    request: int
    heavy: bool
    make: Callable[[], Answer[R]] = field(repr=False)


@dataclass(frozen=True, slots=True)
class _Shown(Generic[R]):
    rows: Sequence[R]
    places: Mapping[Key, int]
    rowset: RowSet[R] | None  # None: nothing shown yet (the next answer is a reset)
    picked: tuple[list[R], list[int] | None] | None = None  # see Answer.picked
    flt: RowFilter | None = None  # the filter that picked `rows`


# Up to this many rows picked (a search's), a diff looks their places up in a dict: made in a few
# milliseconds, C-level lookups. Above it, and whenever no diff is needed (one relayout),
# PickedPlaces spares making the dict; but each of its lookups is a Python call.
DICT_PLACES_UP_TO = 30_000


def _narrowing(shown: Sequence[R], chosen: Selection[R]) -> Locate | None:
    """When every row is shown and `chosen` is picked out of them in the same order, with so many
    runs gone that one relayout beats row signals: where a key lands, by bisection."""
    order, order_places, at = chosen.order, chosen.order_places, chosen.at
    if order is None or order_places is None or at is None or len(shown) != len(order):
        return None
    if shown is not order and not all(map(is_, shown, order)):
        return None
    if not table_diff.too_many_gaps(at, len(order)):
        return None

    picked = PickedPlaces(order, order_places, at, lambda row: row)  # only looked up, never iterated

    def locate(keys: Collection[Key]) -> Mapping[Key, int]:
        return {k: row for k in keys if (row := picked.get(k)) is not None}

    return locate


def _widening(shown: _Shown[R], chosen: Selection[R]) -> Locate | None:
    """When the rows shown were picked out of the order `chosen` now shows whole, with so many
    runs to come back that one relayout beats row signals: where a key lands, from the order."""
    order, order_places = chosen.order, chosen.order_places
    if order is None or order_places is None or chosen.rows is not order or shown.picked is None:
        return None
    shown_order, shown_at = shown.picked
    if shown_order is not order or shown_at is None or not table_diff.too_many_gaps(shown_at, len(order)):
        return None
    return lambda keys: order_places


class Requests:
    """Requests numbered as they are asked; an answer is taken only if it is the newest's."""

    def __init__(self) -> None:
        self._request = 0
        self._accepted = 0

    @property
    def pending(self) -> bool:
        """True while an asked-for answer has not been accepted."""
        return self._accepted != self._request

    @property
    def asked(self) -> int:
        """The number of the latest request (they count up)."""
        return self._request

    @property
    def shown(self) -> int:
        """The number of the request whose answer is shown (0: none yet)."""
        return self._accepted

    def _next(self) -> int:
        self._request += 1
        return self._request

    def _void(self) -> None:
        """Whatever is on its way is void: the state set now is shown."""
        self._request += 1
        self._accepted = self._request

    def _take(self, request: int) -> bool:
        """Whether the answer to `request` may be shown (then it is)."""
        if request != self._request:
            return False
        self._accepted = request
        return True


class TableEngine(Requests, Generic[R]):
    """What one table shows, and what it is asked to show next."""

    def __init__(self, spec: TableSpec[R], *, async_from: int = ASYNC_FROM) -> None:
        super().__init__()
        self.spec = spec
        self.async_from = async_from
        self._rowset: RowSet[R] = RowSet([], spec)  # the rows asked for
        self._filter = RowFilter()
        self._sort = RowSort()
        self._shown: _Shown[R] = _Shown([], {}, None)
        self._counts: Counts | None = None

    # -- what is asked for -----------------------------------------------------------------------

    @property
    def rowset(self) -> RowSet[R]:
        """The rows asked for last (shown, or on their way)."""
        return self._rowset

    @property
    def filter(self) -> RowFilter:
        return self._filter

    @property
    def sort(self) -> RowSort:
        return self._sort

    def set_rows(self, rows: Sequence[R]) -> Job[R]:
        self._rowset = RowSet(rows, self.spec)
        return self._job()

    def set_filter(self, flt: RowFilter) -> Job[R]:
        self._filter = flt
        return self._job()

    def set_sort(self, sort: RowSort) -> Job[R]:
        self._sort = sort
        return self._job()

    def again(self) -> Job[R]:
        """The answer for what is asked now, made afresh (e.g. on the spot, for a caller that
        needs the rows shown before it goes on)."""
        return self._job()

    def clear(self, flt: RowFilter | None = None) -> list[Step[R]]:
        """Nothing at all, at once (a profile switch): a reset, and any answer on its way is void.
        `flt`: the filter from now on (None: the same)."""
        if flt is not None:
            self._filter = flt
        self._rowset = RowSet([], self.spec)
        self._void()
        self._shown = _Shown([], {}, None)
        self._counts = count_groups([], self.spec)
        return [Reset([])]

    # -- what is shown ---------------------------------------------------------------------------

    @property
    def loaded(self) -> bool:
        return self._shown.rowset is not None

    def counts(self) -> Counts | None:
        """Rows per group under the shown filter (all but its group); None before any answer."""
        return None if self._counts is None else dict(self._counts)

    def row_of(self, key: Key) -> int | None:
        return self._shown.places.get(key)

    def accept(self, answer: Answer[R]) -> list[Step[R]] | None:
        """The steps to apply for `answer`; None when a newer request has superseded it."""
        if answer.request != self._request:
            return None
        steps = answer.steps
        if answer.base is not self._shown.rows:  # shown rows changed meanwhile: plan again
            steps = self._plan(self._shown, answer.rowset, answer.rows, answer.places, None, answer.flt)
        self._shown = _Shown(answer.rows, answer.places, answer.rowset, answer.picked, answer.flt)
        self._counts = answer.counts
        self._take(answer.request)
        return steps

    # -- inside ----------------------------------------------------------------------------------

    def _job(self) -> Job[R]:
        request = self._next()
        rowset, flt, sort, shown = self._rowset, self._filter, self._sort, self._shown
        spec = self.spec
        heavy = max(rowset.given_size, len(shown.rows)) >= self.async_from

        def make() -> Answer[R]:
            chosen = select(rowset, flt, sort)
            places: Mapping[Key, int]
            if chosen.rows is chosen.order and chosen.order_places is not None:
                places = chosen.order_places  # made with the order (kept, never changed)
            elif chosen.order is not None and chosen.order_places is not None and chosen.at is not None:
                places = PickedPlaces(chosen.order, chosen.order_places, chosen.at, spec.key)
            else:
                places = table_diff.places_of(chosen.rows, spec.key)
            steps = self._plan(shown, rowset, chosen.rows, places, chosen, flt)
            picked = (chosen.order, chosen.at) if chosen.order is not None else None
            return Answer(request, shown.rows, rowset, chosen.rows, places, steps, chosen.counts, picked, flt)

        return Job(request, heavy, make)

    def _plan(
        self,
        shown: _Shown[R],
        rowset: RowSet[R],
        rows: list[R],
        places: Mapping[Key, int],
        chosen: Selection[R] | None,
        flt: RowFilter,
    ) -> list[Step[R]]:
        if shown.rowset is None:
            return [Reset(rows)]
        if rowset is shown.rowset and flt == shown.flt:
            if len(rows) == len(shown.rows) and all(map(is_, rows, shown.rows)):
                return []  # asked again, nothing changed
            # The same rows in another order (a sort): one relayout, nothing to diff.
            return [Relayout(rows, lambda keys: places)]
        changed = rowset.changes_from(shown.rowset) if rowset is not shown.rowset else frozenset()
        if not changed and chosen is not None:
            locate = _narrowing(shown.rows, chosen) or _widening(shown, chosen)
            if locate is not None:
                # A search over the whole list: its rows keep their order, the rest go. Scattered
                # over 100,000 rows that is one relayout; the diff would only find that out.
                return [Relayout(rows, locate)]
        if isinstance(places, PickedPlaces) and len(places) <= DICT_PLACES_UP_TO:
            places = table_diff.places_of(rows, self.spec.key)  # the diff looks up most of them
        return table_diff.plan(shown.rows, shown.places, rows, self.spec.key, changed, places)
