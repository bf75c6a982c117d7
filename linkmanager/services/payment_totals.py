"""Sums for finance staff over the Payments table: per currency and outcome, per day, selections.

Money stays exact: a usage's amount is its link's, so a sum is Σ (usages of a link) × (its amount).
Amounts are counted in each currency's minor units as integers (fils, halalas; 3 digits for KWD,
BHD, OMR), and turned back into Decimal once per total. A link whose amount has more digits than
its currency allows (never valid at Lean, but the cache keeps what it was sent) is summed as a
Decimal on its own; a damaged amount is left out of sums (its payments still count).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from decimal import Decimal

import numpy as np
import numpy.typing as npt

from linkmanager.domain.money import currency_digits
from linkmanager.domain.outcome import Outcome
from linkmanager.services.date_ranges import local_midnight, local_today
from linkmanager.services.payments import Mask, PaymentTable, Places

TOTALLED: tuple[Outcome, ...] = (Outcome.COLLECTED, Outcome.PENDING, Outcome.FAILED)
_SAFE = 2**62  # int64 sums below this cannot have overflowed


@dataclass(frozen=True, slots=True)
class Total:
    count: int
    amount: Decimal


def in_units(minor: int, digits: int) -> Decimal:
    """Minor units as an amount with the currency's digits: 26200, 2 -> 262.00; 0, 3 -> 0.000."""
    return Decimal(minor).scaleb(-digits).quantize(Decimal(1).scaleb(-digits))


def _sum(table: PaymentTable, per_link: npt.NDArray[np.int64], links: Mask, currency: str) -> Decimal:
    """Σ count × amount over the links in `links` (all of one currency)."""
    amounts = table.amounts
    counts = per_link[links]
    units = amounts.minor[links]
    if int(counts.sum()) * int(np.abs(units).max(initial=0)) < _SAFE:
        total = int(np.dot(counts, units))
    else:  # beyond int64: Python's integers
        total = sum(int(c) * int(u) for c, u in zip(counts, units, strict=True))
    amount = in_units(total, currency_digits(currency))
    for link, odd in amounts.odd.items():
        if links[link] and per_link[link]:
            amount += odd * int(per_link[link])
    return amount


def _per_link(table: PaymentTable, rows: Mask | Places) -> npt.NDArray[np.int64]:
    return np.bincount(table.link[rows], minlength=len(table.link_keys)).astype(np.int64)


def _link_currency_masks(table: PaymentTable) -> dict[str, Mask]:
    codes = table.link_currency_codes()
    return {currency: codes == i for i, currency in enumerate(table.currencies)}


def totals(
    table: PaymentTable, mask: Mask, outcomes: Iterable[Outcome] = TOTALLED
) -> dict[str, dict[Outcome, Total]]:
    """Per currency (those with any row shown), the count and sum of each outcome under `mask`."""
    by_currency = _link_currency_masks(table)
    answer: dict[str, dict[Outcome, Total]] = {}
    shown_links = _per_link(table, mask)
    # One pass over the rows per outcome; the currencies are then sums over links (a few thousand).
    per_outcome = {outcome: _per_link(table, mask & (table.outcome == int(outcome))) for outcome in outcomes}
    for currency, links in by_currency.items():
        if not shown_links[links].any():
            continue
        answer[currency] = {
            outcome: Total(int(per_link[links].sum()), _sum(table, per_link, links, currency))
            for outcome, per_link in per_outcome.items()
        }
    return answer


def selection_sums(table: PaymentTable, places: Places) -> dict[str, Total]:
    """The selected rows' count and sum per currency, whatever their outcome (the status bar's)."""
    per_link = _per_link(table, places)
    answer = {}
    for currency, links in _link_currency_masks(table).items():
        count = int(per_link[links].sum())
        if count:
            answer[currency] = Total(count, _sum(table, per_link, links, currency))
    return answer


@dataclass(frozen=True, slots=True)
class DailyCollected:
    days: list[date]  # oldest first, ending today (local)
    amounts: dict[str, list[Decimal]]  # per currency, one sum per day


def collected_per_day(
    table: PaymentTable, mask: Mask, now: datetime, zone: tzinfo, count: int = 30
) -> DailyCollected:
    """Collected amounts per local day for the last `count` days, one series per currency."""
    today = local_today(now, zone)
    day_list = [today - timedelta(days=count - 1 - i) for i in range(count)]
    bounds = np.array(
        [int(local_midnight(day, zone).timestamp()) for day in [*day_list, today + timedelta(days=1)]],
        dtype=np.int64,
    )
    collected = mask & (table.outcome == int(Outcome.COLLECTED))
    places = np.flatnonzero(collected)
    day_of = np.searchsorted(bounds, table.seen[places], side="right") - 1
    inside = (day_of >= 0) & (day_of < count)
    places, day_of = places[inside], day_of[inside]
    amounts = table.amounts
    series: dict[str, list[Decimal]] = {}
    link_codes = table.link_currency_codes()
    for code, currency in enumerate(table.currencies):
        of_currency = link_codes[table.link[places]] == code
        if not of_currency.any():
            continue
        links = table.link[places[of_currency]]
        sums = np.zeros(count, dtype=np.int64)
        np.add.at(sums, day_of[of_currency], amounts.minor[links])
        digits = currency_digits(currency)
        values = [in_units(int(units), digits) for units in sums]
        if amounts.odd:  # the rare amounts that are no whole number of minor units
            is_odd = np.isin(links, np.array(list(amounts.odd), dtype=links.dtype))
            for link, day in zip(links[is_odd], day_of[of_currency][is_odd], strict=True):
                values[int(day)] += amounts.odd[int(link)]
        series[currency] = values
    return DailyCollected(day_list, series)
