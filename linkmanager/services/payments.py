"""Every usage of every link as one table, for finance staff: filter, sort, count, at 1,000,000 rows.

No Qt here: the window's Payments view and the command line's `payments`, `totals` and `export`
share it, so both list in the same order. The table is columns of numbers (numpy) in usage-key
order, one entry per usage, plus the facts of each link; texts (ids, statuses, payer values) are
read from the cache for the rows actually shown. A filter is a few vectorised comparisons and a
sort one argsort: milliseconds at a million rows, where Python objects per row cost 0.4–2 s per
filter and ~370 MB (measured with the links table's engine, services/table_engine.py, at 1,000,000
rows); tests/benchmarks/bench_payments.py measures the view as it is.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import IntEnum
from typing import Any, Protocol, cast

import numpy as np
import numpy.typing as npt

from linkmanager.domain.lifecycle import status_at
from linkmanager.domain.models import ensure_utc
from linkmanager.domain.money import Money
from linkmanager.domain.outcome import OUTCOMES, Outcome
from linkmanager.domain.sorting import text_key
from linkmanager.domain.status import LinkStatus
from linkmanager.services.link_amounts import LinkAmounts
from linkmanager.storage.payment_reads import LinkFacts, UsageNumbers

Ints = npt.NDArray[np.int64]
Places = npt.NDArray[np.intp]
Mask = npt.NDArray[np.bool_]


class PaymentColumn(IntEnum):
    SEEN = 0
    LINK = 1
    REFERENCE = 2
    AMOUNT = 3
    CURRENCY = 4
    OUTCOME = 5
    USAGE_STATUS = 6
    PAYMENT_STATUS = 7
    PAYMENT_ID = 8
    CUSTOMER_ID = 9
    PAYER = 10


# Columns whose order SQLite makes from the usages' own texts (see storage.payment_reads).
TEXT_COLUMNS: dict[PaymentColumn, str] = {
    PaymentColumn.USAGE_STATUS: "usage_status",
    PaymentColumn.PAYMENT_STATUS: "payment_status",
    PaymentColumn.PAYMENT_ID: "payment_id",
    PaymentColumn.CUSTOMER_ID: "customer_id",
    PaymentColumn.PAYER: "payer",
}
COLUMN_NAMES: dict[str, PaymentColumn] = {
    column.name.lower().replace("_", "-"): column for column in PaymentColumn
}


@dataclass(frozen=True, slots=True)
class Found:
    """A search's usage keys (sorted), compared by the text that found them."""

    text: str
    keys: Ints = field(compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class PaymentFilter:
    """Empty sets and None mean "no limit"; [since, until) on when each usage was first seen."""

    outcomes: frozenset[Outcome] = frozenset()
    currency: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    link_statuses: frozenset[LinkStatus] = frozenset()
    found: Found | None = None


@dataclass(frozen=True, slots=True)
class PaymentSort:
    """Ties go by usage key (the order usages were first stored); descending turns the whole order
    round, so the newest payments come first, except that rows without a value stay last."""

    column: PaymentColumn = PaymentColumn.SEEN
    descending: bool = True  # the newest payments first


@dataclass(frozen=True, slots=True)
class Picked:
    """The rows a filter and a sort show: `places` into the table's columns, in order."""

    places: Places
    counts: dict[Outcome, int]  # per outcome under every filter but the outcomes
    mask: Mask  # the rows shown, by place (for totals and charts)


@dataclass(frozen=True, slots=True)
class PaymentLinkInfo:
    """A row's link as shown: its texts (read for the rows on screen) and what the table holds."""

    key: int
    id: str
    name: str | None
    reference: str
    money: Money | None  # None: the stored amount is damaged (the row stays, its amount is blank)
    currency: str
    status: LinkStatus  # effective, when the table was made

    @property
    def display_name(self) -> str:
        return self.name or self.reference


class OrderSource(Protocol):
    """Where orders of texts the table does not hold come from (services.payment_source)."""

    def text_ranks(self, column: str) -> tuple[Ints, int]:
        """Usage keys in the column's order, and how many of them have a value (they come first)."""

    def link_texts_for_sort(self, by: str) -> list[tuple[int, str]]:
        """(link key, text) of every link with usages; `by` "name" or "reference"."""


class PaymentTable:
    """One immutable snapshot of every usage; orders are made once per sort and kept."""

    def __init__(self, numbers: UsageNumbers, links: Sequence[LinkFacts], now: datetime) -> None:
        self.made_at = ensure_utc(now)
        facts = sorted(links, key=lambda fact: fact.key)
        self.link_keys: Ints = np.array([fact.key for fact in facts], dtype=np.int64)
        where = np.searchsorted(self.link_keys, numbers.link_keys)
        last = max(len(facts) - 1, 0)
        linked = (where < len(facts)) & (self.link_keys[np.minimum(where, last)] == numbers.link_keys)
        self.keys: Ints = numbers.keys[linked]  # a usage whose link cannot be read costs that usage
        self.seen: Ints = numbers.seen[linked]
        self.outcome = numbers.outcome[linked]
        self.seen_before = numbers.seen_before[linked]
        self.link = where[linked].astype(np.int32)
        self.currencies = sorted({fact.currency for fact in facts})
        self._link_currency = _codes([fact.currency for fact in facts], self.currencies)
        effective: dict[tuple[str, bool, bool], LinkStatus] = {}  # a handful of kinds, not one per link
        statuses = []
        for fact in facts:
            kind = (fact.status, fact.limit_reached, fact.expired)
            if kind not in effective:
                effective[kind] = _effective(fact, self.made_at)
            statuses.append(effective[kind])
        self.link_statuses: list[LinkStatus] = sorted(set(statuses))
        self._link_status = _codes(statuses, self.link_statuses)
        self.amounts = LinkAmounts.of(facts)
        self._lock = threading.Lock()
        self._orders: dict[tuple[PaymentColumn, bool], Places] = {}
        self._ranks: dict[PaymentColumn, tuple[Ints, Mask]] = {}
        self.memo: dict[str, Any] = {}  # what other services derive from the table once (totals)

    def __len__(self) -> int:
        return len(self.keys)

    def link_currency(self, link: int) -> str:
        return self.currencies[int(self._link_currency[link])]

    def link_status(self, link: int) -> LinkStatus:
        return self.link_statuses[int(self._link_status[link])]

    def link_currency_codes(self) -> npt.NDArray[np.int16]:
        return self._link_currency

    def place_of(self, usage_key: int) -> int | None:
        at = int(np.searchsorted(self.keys, usage_key))
        return at if at < len(self.keys) and int(self.keys[at]) == usage_key else None

    # -- filtering -------------------------------------------------------------------------------

    def pick(self, flt: PaymentFilter, sort: PaymentSort, orders: OrderSource | None = None) -> Picked:
        """The rows `flt` lets through, in `sort`'s order (ties by usage key), with the counts."""
        order = self.order(sort, orders)
        if not (flt.currency is not None or flt.link_statuses or flt.since or flt.until or flt.found):
            # A tab alone (the usual case): the outcomes read in the order's sequence, not
            # gathered through it, and no mask of every row made to be all true.
            counts = self._counts(flt, None)
            if not flt.outcomes:
                return Picked(order, counts, np.ones(len(self), dtype=np.bool_))
            shown = _of_outcomes(self._outcomes_in(sort, order), flt.outcomes)
            return Picked(np.compress(shown, order), counts, _of_outcomes(self.outcome, flt.outcomes))
        base = self.mask(flt, outcomes=False)
        counts = self._counts(flt, base)
        mask = base & _of_outcomes(self.outcome, flt.outcomes) if flt.outcomes else base
        return Picked(np.compress(mask[order], order), counts, mask)

    def _outcomes_in(self, sort: PaymentSort, order: Places) -> npt.NDArray[np.int8]:
        """Each row's outcome code in the order's sequence, made once per order kept."""
        held: dict[tuple[PaymentColumn, bool], Any] = self.memo.setdefault("outcomes in order", {})
        found = held.get((sort.column, sort.descending))
        if found is None or found[0] is not order:
            found = held[(sort.column, sort.descending)] = (order, self.outcome[order])
            while len(held) > 4:
                held.pop(next(iter(held)))
        return cast(npt.NDArray[np.int8], found[1])

    def mask(self, flt: PaymentFilter, *, outcomes: bool = True) -> Mask:
        mask = np.ones(len(self), dtype=np.bool_)
        if flt.currency is not None:
            code = self.currencies.index(flt.currency) if flt.currency in self.currencies else -1
            mask &= (self._link_currency == code)[self.link]
        if flt.link_statuses:
            codes = [i for i, status in enumerate(self.link_statuses) if status in flt.link_statuses]
            mask &= np.isin(self._link_status, np.array(codes, dtype=np.int16))[self.link]
        if flt.since is not None:
            mask &= self.seen >= int(ensure_utc(flt.since).timestamp())
        if flt.until is not None:
            mask &= self.seen < int(ensure_utc(flt.until).timestamp())
        if flt.found is not None:
            mask &= self._found_mask(flt.found.keys)
        if outcomes and flt.outcomes:
            mask &= _of_outcomes(self.outcome, flt.outcomes)
        return mask

    def _counts(self, flt: PaymentFilter, base: Mask | None) -> dict[Outcome, int]:
        """Rows per outcome under every filter but the outcomes: kept per such filter, so going
        from tab to tab counts nothing again (a bincount over a million rows is ~5 ms)."""
        key = (flt.currency, flt.link_statuses, flt.since, flt.until, flt.found)
        held: dict[Any, dict[Outcome, int]] = self.memo.setdefault("outcome counts", {})
        counts = held.get(key)
        if counts is None:
            limited = flt.currency is not None or flt.link_statuses or flt.since or flt.until or flt.found
            chosen = self.outcome if base is None or not limited else self.outcome[base]
            by_code = np.bincount(chosen, minlength=len(Outcome))
            counts = {outcome: int(by_code[outcome]) for outcome in OUTCOMES}
            if len(held) >= 16:  # a few filters back and forth, not every one ever typed
                held.pop(next(iter(held)))
            held[key] = counts
        return dict(counts)

    def _found_mask(self, found: Ints) -> Mask:
        mask = np.zeros(len(self), dtype=np.bool_)
        if len(found) and len(self):
            at = np.searchsorted(self.keys, found)
            inside = at < len(self.keys)
            at = at[inside]
            mask[at[self.keys[at] == found[inside]]] = True
        return mask

    # -- sorting ---------------------------------------------------------------------------------

    def order(self, sort: PaymentSort, orders: OrderSource | None = None) -> Places:
        """Every place in the sort's order; ties by usage key, missing values last either way."""
        with self._lock:
            made = self._orders.get((sort.column, sort.descending))
            if made is None:
                rank, missing = self._rank(sort.column, orders)
                # Descending is ascending turned round (ties by key too: the newest first), except
                # that rows without a value stay last either way.
                keys = np.arange(len(self))
                made = np.lexsort((-keys, -rank, missing) if sort.descending else (keys, rank, missing))
                made.flags.writeable = False  # shared: a tab alone shows it as it is
                if len(self._orders) > 3:  # a few orders kept: 8 MB each at a million rows
                    self._orders.pop(next(iter(self._orders)))
                self._orders[(sort.column, sort.descending)] = made
            return made

    def _rank(self, column: PaymentColumn, orders: OrderSource | None) -> tuple[Ints, Mask]:
        no_missing = np.zeros(len(self), dtype=np.bool_)
        if column == PaymentColumn.SEEN:
            return self.seen, no_missing
        if column == PaymentColumn.OUTCOME:
            place = {outcome: i for i, outcome in enumerate(OUTCOMES)}
            lookup = np.array([place[Outcome(code)] for code in range(len(Outcome))], dtype=np.int64)
            return lookup[self.outcome], no_missing
        held = self._ranks.get(column)
        if held is None:
            if column in TEXT_COLUMNS:
                held = self._text_rank(column, _needed(orders, column))
            else:
                per_link = self._link_ranks(column, orders)[self.link]
                held = (per_link, per_link < 0)
            self._ranks[column] = held
        return held

    def _link_ranks(self, column: PaymentColumn, orders: OrderSource | None) -> Ints:
        """Each link's rank in the column's order (-1: no value, listed last)."""
        count = len(self.link_keys)
        values: list[Any]
        if column in (PaymentColumn.LINK, PaymentColumn.REFERENCE):
            by = "name" if column == PaymentColumn.LINK else "reference"
            keyed = {key: text_key(text) for key, text in _needed(orders, column).link_texts_for_sort(by)}
            values = [keyed.get(int(key)) for key in self.link_keys]
        elif column == PaymentColumn.AMOUNT:
            values = [self.amounts.decimal(i) for i in range(count)]
        else:
            values = [self.currencies[int(code)] for code in self._link_currency]
        # Equal values share a rank (two links of the same name tie, and ties go by usage key).
        place = {value: i for i, value in enumerate(sorted({v for v in values if v is not None}))}
        return np.array([-1 if v is None else place[v] for v in values], dtype=np.int64)

    def _text_rank(self, column: PaymentColumn, orders: OrderSource) -> tuple[Ints, Mask]:
        ordered_keys, present = orders.text_ranks(TEXT_COLUMNS[column])
        rank = np.full(len(self), len(ordered_keys), dtype=np.int64)
        missing = np.ones(len(self), dtype=np.bool_)
        at = np.searchsorted(self.keys, ordered_keys)
        inside = at < len(self.keys)
        hit = np.zeros(len(ordered_keys), dtype=np.bool_)
        hit[inside] = self.keys[np.minimum(at, len(self.keys) - 1)[inside]] == ordered_keys[inside]
        places = np.arange(len(ordered_keys))[hit]
        rank[at[hit]] = places
        missing[at[hit]] = places >= present
        return rank, missing


def _of_outcomes(codes: npt.NDArray[np.int8], outcomes: frozenset[Outcome]) -> Mask:
    """Which of `codes` are among `outcomes`: a compare per outcome wanted (a tab is one or
    two), ten times quicker than a lookup table indexed by a million int8 codes."""
    mask = np.zeros(len(codes), dtype=np.bool_)
    for outcome in outcomes:
        mask |= codes == int(outcome)
    return mask


def _needed(orders: OrderSource | None, column: PaymentColumn) -> OrderSource:
    if orders is None:
        raise ValueError(f"sorting by {column.name} needs the cache's order of that column")
    return orders


def _codes(values: Sequence[Any], vocabulary: Sequence[Any]) -> npt.NDArray[np.int16]:
    place = {value: i for i, value in enumerate(vocabulary)}
    return np.array([place[value] for value in values], dtype=np.int16)


def _effective(fact: LinkFacts, now: datetime) -> LinkStatus:
    """domain.lifecycle.status_at from the two facts SQL answered (as cache_reads.status_counts)."""
    expiry = now - timedelta(seconds=1) if fact.expired else None
    limit = 1 if fact.limit_reached else None
    return status_at(LinkStatus(fact.status), int(fact.limit_reached), limit, expiry, now)
