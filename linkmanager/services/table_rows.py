"""A table's rows as one immutable set, and how a filter and a sort pick the rows to show.

No Qt here: the window's tables (through services.table_engine) and the command line use it.
Rows are any objects; a TableSpec says how to read them (key, group, sort keys, date, currency).
A RowSet never changes once made; the work a whole set costs (its keys, a sorted order, counts)
is done once, on whichever thread first asks, under a lock, and kept.
"""

from __future__ import annotations

import threading
from array import array
from collections import Counter
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import compress, count, islice, repeat
from operator import and_, eq, ge, gt, is_, is_not, lt
from typing import Any, Generic, TypeVar

from linkmanager.services.slices import dict_in_slices, mapped_in_slices, places_in_slices, sorted_in_slices
from linkmanager.services.table_places import OrderPlaces

R = TypeVar("R")
Key = Hashable
Counts = dict[Hashable | None, int]  # rows per group; None: all of them

# What values_in() holds for "no value": before every real time, so a range's test can be C-level.
NO_VALUE = datetime.min.replace(tzinfo=UTC)

# A search's few rows are sorted on their own while the whole order is not made yet (a first
# sort of 100,000 rows costs most of a second); past one row in this many, the whole order pays.
_SORT_ALONE_BELOW = 8


@dataclass(frozen=True, slots=True)
class TableSpec(Generic[R]):
    """How to read one kind of row.

    `key`: unique per row, and the order of ties in every sort. `group`: a row's tab (a link's
    status, a payment's outcome); `groups` are counted even when none is there. `sort_key(column)`:
    the column's key function; a key of None means "no value", listed last in either direction. `when` and `currency`: what a
    date range and a currency filter look at. `same(new, old)`: a newer copy of a row shows the
    same (not a change to repaint); without it every new object is a change.
    """

    key: Callable[[R], Key]
    group: Callable[[R], Hashable]
    sort_key: Callable[[int], Callable[[R], Any]]
    columns: int
    groups: tuple[Hashable, ...] = ()
    when: Callable[[R], datetime | None] | None = None
    currency: Callable[[R], str | None] | None = None
    same: Callable[[R, R], bool] | None = None


@dataclass(frozen=True, slots=True)
class RowFilter:
    """Which rows to show: a group (tab), a search's keys, a date range [since, until), a currency.

    None anywhere means "no limit". A date range leaves out rows that have no date.
    """

    group: Hashable | None = None
    keys: frozenset[Key] | None = None
    since: datetime | None = None
    until: datetime | None = None
    currency: str | None = None

    def detail_test(self, spec: TableSpec[Any]) -> Callable[[Any], bool] | None:
        """One row's test for the date range and the currency; None when there is nothing to test.

        (The keys and the group are not tested row by row: see select.)"""
        tests: list[Callable[[Any], bool]] = []
        if self.currency is not None and spec.currency is not None:
            currency, code = spec.currency, self.currency
            tests.append(lambda row: currency(row) == code)
        if (self.since is not None or self.until is not None) and spec.when is not None:
            when, since, until = spec.when, self.since, self.until
            tests.append(lambda row: _within(when(row), since, until))
        if len(tests) == 2:
            return lambda row: tests[0](row) and tests[1](row)
        return tests[0] if tests else None


def _within(moment: datetime | None, since: datetime | None, until: datetime | None) -> bool:
    if moment is None:
        return False
    return (since is None or moment >= since) and (until is None or moment < until)


@dataclass(frozen=True, slots=True)
class RowSort:
    """Column -1: the order the rows were given in."""

    column: int = -1
    descending: bool = False


@dataclass(frozen=True, slots=True)
class ColumnOrder:
    """One column's rows by value, kept so a re-sort either way is a pass, not a sort:
    `valued` (places of rows with a value, ascending, ties by key), `ties` (the runs [start, end)
    of equal values there), `missing` (places of rows with no value, by key)."""

    valued: array[int]
    ties: list[tuple[int, int]]
    missing: array[int]

    def places(self, descending: bool) -> list[int]:
        """The places in sorted order: ties in key order and None last, in either direction."""
        if not descending:
            order = self.valued.tolist()
        else:  # the reverse, with each run of ties turned back into key order
            order = self.valued[::-1].tolist()
            last = len(order)
            for start, end in self.ties:
                order[last - end : last - start] = order[last - end : last - start][::-1]
        order.extend(self.missing)
        return order


def column_order(values: Sequence[Any], keys: Sequence[Any]) -> ColumnOrder:
    """Sort `values` (where `keys[i]` is the row key of `values[i]`): one sort by value (stable),
    then only the runs of equal values sorted by key. Most columns have few ties (names,
    amounts), so this spares a sort of every key."""
    if None not in values:
        # A C-level key (list.__getitem__) over plain values lets sort() use its fast compares.
        order = sorted_in_slices(range(len(values)), key=values.__getitem__)
        missing: list[int] = []
    else:
        present = list(compress(count(), map(is_not, values, repeat(None))))
        keyed = list(map(values.__getitem__, present))
        order = list(map(present.__getitem__, sorted_in_slices(range(len(keyed)), key=keyed.__getitem__)))
        missing = sorted_in_slices(
            list(compress(count(), map(is_, values, repeat(None)))), key=keys.__getitem__
        )
    ties = _ties_by_key(order, values, keys)
    return ColumnOrder(array("i", order), ties, array("i", missing))


def sort_order(values: Sequence[Any], keys: Sequence[Any], descending: bool) -> list[int]:
    """The places of `values` in sorted order: ties in key order, None last, either direction."""
    return column_order(values, keys).places(descending)


def _ties_by_key(order: list[int], values: Sequence[Any], keys: Sequence[Any]) -> list[tuple[int, int]]:
    """Sort each run of equal values in `order` by key, in place; the runs [start, end)."""
    in_order = list(map(values.__getitem__, order))
    # Positions whose value equals the one before: C-level; the loop below visits only those.
    tied = compress(count(1), map(eq, in_order, islice(in_order, 1, None)))
    runs: list[tuple[int, int]] = []
    start = end = -2
    for place in tied:
        if place != end + 1:
            if end > start:
                runs.append((start, end + 1))
            start = place - 1
        end = place
    if end > start:
        runs.append((start, end + 1))
    for start, stop in runs:
        order[start:stop] = sorted_in_slices(order[start:stop], key=keys.__getitem__)
    return runs


def sort_rows(
    rows: Sequence[R], spec: TableSpec[R], sort: RowSort, values: Sequence[Any] | None = None
) -> list[R]:
    """`rows` -> a new list by the column's key (see sort_order)."""
    if values is None:
        values = list(map(spec.sort_key(sort.column), rows))
    keys = list(map(spec.key, rows))
    return list(map(rows.__getitem__, sort_order(values, keys, sort.descending)))


class RowSet(Generic[R]):
    """Rows in the order given (a later row with the same key replaces an earlier one)."""

    def __init__(self, rows: Sequence[R], spec: TableSpec[R]) -> None:
        self.spec = spec
        self._given = rows
        self._lock = threading.RLock()
        self._by_key: dict[Key, R] | None = None
        # The rows once each, in the order given (by_key's): every order is a permutation of it.
        self._base: list[R] | None = None
        self._keys: list[Key] = []  # the key of each row there
        self._key_index: dict[Key, int] = {}  # each key's place there
        self._order: tuple[RowSort, list[R], OrderPlaces, array[int]] | None = None  # the latest sort only
        self._order_columns: dict[str, list[Any]] = {}  # a value of each row, in that order
        self._base_columns: dict[str, list[Any]] = {}  # a value of each row, in the base order
        self._sort_keys: dict[int, list[Any]] = {}  # a column's sort key of each row, base order
        self._column_orders: dict[int, ColumnOrder] = {}  # each column sorted so far
        self._counts: Counts | None = None
        self._changes: tuple[RowSet[R], frozenset[Key]] | None = None

    def __len__(self) -> int:
        return len(self.by_key)

    @property
    def given_size(self) -> int:
        """How many rows were given (duplicates counted): a size known without any work."""
        return len(self._given)

    @property
    def by_key(self) -> Mapping[Key, R]:
        """Every row by key, in the order given (do not change it)."""
        with self._lock:
            if self._by_key is None:
                self._by_key = dict_in_slices(list(map(self.spec.key, self._given)), self._given)
            return self._by_key

    def rows(self) -> list[R]:
        return list(self.by_key.values())

    def ordered(self, sort: RowSort) -> tuple[list[R], OrderPlaces]:
        """Every row in `sort`'s order, and each one's place there: made once per sort (the last
        one is kept), so a tab switch or a cleared search is one pass, not a sort."""
        with self._lock:
            if self._order is None or self._order[0] != sort:
                base = self._base_rows()
                if sort.column < 0:
                    perm = list(range(len(base)))
                else:
                    perm = self._column_order(sort.column).places(sort.descending)
                order = mapped_in_slices(base.__getitem__, perm)
                # 4 bytes a place, not a list of int objects (~3.6 MB less at 100,000 rows).
                places = array("i", perm)
                self._order = (sort, order, OrderPlaces(self._key_index, places).made(), places)
                self._order_columns = {}
            return self._order[1], self._order[2]

    def values_in(self, sort: RowSort, name: str, read: Callable[[R], Any]) -> list[Any]:
        """`read(row)` for each row in `sort`'s order, made once per order: a tab or a date range
        is then one C-level pass over a list of values, not over 1,000,000 rows scattered in
        memory through Python calls. (None becomes NO_VALUE, which compares with datetimes.)"""
        with self._lock:
            self.ordered(sort)
            assert self._order is not None
            found = self._order_columns.get(name)
            if found is None:
                base = self._base_columns.get(name)
                if base is None:  # once per set of rows, in the base order; each sort permutes it
                    base = [NO_VALUE if v is None else v for v in map(read, self._base_rows())]
                    self._base_columns[name] = base
                found = self._order_columns[name] = list(map(base.__getitem__, self._order[3]))
            return found

    def has_order(self, sort: RowSort) -> bool:
        with self._lock:
            return self._order is not None and self._order[0] == sort

    def counts(self) -> Counts:
        """Rows per group, all rows."""
        with self._lock:
            if self._counts is None:
                self._counts = count_groups(self.by_key.values(), self.spec)
            return self._counts

    def changes_from(self, older: RowSet[R]) -> frozenset[Key]:
        """Keys in both sets whose rows show differently (spec.same), kept for the last `older`."""
        with self._lock:
            if self._changes is None or self._changes[0] is not older:
                mine, theirs, same = self.by_key, older.by_key, self.spec.same
                changed = set()
                for key, row in mine.items():
                    before = theirs.get(key)
                    if before is not None and before is not row and (same is None or not same(row, before)):
                        changed.add(key)
                self._changes = (older, frozenset(changed))
            return self._changes[1]

    def _base_rows(self) -> list[R]:
        if self._base is None:
            by_key = self.by_key
            self._keys = list(by_key)
            self._key_index = places_in_slices(self._keys)
            self._base = list(by_key.values())
        return self._base

    def _column_keys(self, column: int) -> list[Any]:
        """The column's sort key of every row in the base order, made once (a re-sort is then a sort)."""
        found = self._sort_keys.get(column)
        if found is None:
            found = self._sort_keys[column] = mapped_in_slices(self.spec.sort_key(column), self._base_rows())
        return found

    def _column_order(self, column: int) -> ColumnOrder:
        found = self._column_orders.get(column)
        if found is None:
            found = self._column_orders[column] = column_order(self._column_keys(column), self._keys)
        return found

    def pick(self, keys: Collection[Key]) -> list[R]:
        """The rows of these keys (unknown keys are left out), in no particular order."""
        by_key = self.by_key
        return list(map(by_key.__getitem__, compress(keys, map(by_key.__contains__, keys))))


def count_groups(rows: Collection[R], spec: TableSpec[R]) -> Counts:
    counts: Counts = dict.fromkeys(spec.groups, 0)
    counts.update(Counter(map(spec.group, rows)))
    counts[None] = len(rows)
    return counts


@dataclass(frozen=True, slots=True)
class Selection(Generic[R]):
    """The rows a filter and a sort show; `places` in `order` when picked from the whole order."""

    rows: list[R]
    counts: Counts  # per group, under everything in the filter but the group
    order: list[R] | None = None  # every row in the sort's order, when `rows` came out of it
    order_places: Mapping[Key, int] | None = None  # each row's place in `order`, by key
    at: list[int] | None = None  # where each of `rows` sits in `order` (ascending); None: all


def in_group(rows: list[R], spec: TableSpec[R], group: Hashable | None) -> list[R]:
    """The rows of one group (None: all), in their order; map/compress, no Python loop."""
    if group is None:
        return rows
    return list(compress(rows, map(eq, map(spec.group, rows), repeat(group))))


def _picked(
    rowset: RowSet[R], sort: RowSort, at: list[int] | None, flt: RowFilter, *, group: bool
) -> list[int]:
    """The places in `sort`'s order (all, or those `at`) of the rows that pass `flt` (its group
    too when `group`), found over per-order value lists with C-level compares, no Python loop."""
    spec = rowset.spec
    masks: list[Iterator[Any]] = []

    def column(name: str, read: Callable[[R], Any]) -> list[Any]:
        values = rowset.values_in(sort, name, read)
        return values if at is None else list(map(values.__getitem__, at))

    if group and flt.group is not None:
        masks.append(map(eq, column("group", spec.group), repeat(flt.group)))
    if flt.currency is not None and spec.currency is not None:
        masks.append(map(eq, column("currency", spec.currency), repeat(flt.currency)))
    if (flt.since is not None or flt.until is not None) and spec.when is not None:
        whens = column("when", spec.when)
        masks.append(
            map(gt if flt.since is None else ge, whens, repeat(NO_VALUE if flt.since is None else flt.since))
        )
        if flt.until is not None:
            masks.append(map(lt, whens, repeat(flt.until)))
    base: Iterable[int] = range(len(rowset.ordered(sort)[0])) if at is None else at
    if not masks:
        return list(base)
    mask = masks[0]
    for more in masks[1:]:
        mask = map(and_, mask, more)
    return list(compress(base, mask))


def select(rowset: RowSet[R], flt: RowFilter, sort: RowSort) -> Selection[R]:
    """The rows to show: filtered, then sorted by the column key with the row key as tie-break.

    With no search the list is the sort's whole order, filtered. A search's rows are picked out by
    their places in that order (a lookup per found key, not a pass over every row), or, while the
    order is not made yet, sorted on their own when they are few. Counts apply everything in the
    filter but the group: the tabs show what each would hold."""
    spec = rowset.spec
    test = flt.detail_test(spec)
    keys = flt.keys
    if keys is None:
        order, places = rowset.ordered(sort)
        if test is None and flt.group is None:
            return Selection(order, rowset.counts(), order, places)
        if test is None:
            counts, passing = rowset.counts(), None
        else:
            passing = _picked(rowset, sort, None, flt, group=False)
            counts = count_groups(list(map(order.__getitem__, passing)), spec)
        at = _picked(rowset, sort, passing, flt, group=True)
        return Selection(list(map(order.__getitem__, at)), counts, order, places, at)
    if sort.column >= 0 and not rowset.has_order(sort) and len(keys) * _SORT_ALONE_BELOW < len(rowset):
        found = rowset.pick(keys)
        found.sort(key=spec.key)  # type: ignore[arg-type]  # keys are comparable (ids)
        candidates = found if test is None else list(filter(test, found))
        counts = count_groups(candidates, spec)
        return Selection(sort_rows(in_group(candidates, spec, flt.group), spec, sort), counts)
    order, places = rowset.ordered(sort)
    try:  # one lookup per key: a search finds only rows the set holds...
        at = sorted(places.places_of(keys))
    except KeyError:  # ...unless the rows changed between the search and its answer
        at = sorted(places.places_of(places.known(keys)))
    rows = list(map(order.__getitem__, at))
    if test is None and flt.group is None:
        return Selection(rows, count_groups(rows, spec), order, places, at)
    at = _picked(rowset, sort, at, flt, group=False)
    candidates = list(map(order.__getitem__, at))
    at = _picked(rowset, sort, at, flt, group=True)
    return Selection(list(map(order.__getitem__, at)), count_groups(candidates, spec), order, places, at)
