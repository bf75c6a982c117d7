"""Exact sums over the Payments table: per currency and outcome, selections, and per local day."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linkmanager.domain.models import PaymentDetails, PaymentLink, Usage
from linkmanager.domain.money import Money, currency_digits
from linkmanager.domain.outcome import Outcome
from linkmanager.domain.status import LinkStatus, UsageStatus
from linkmanager.services.payment_source import PaymentSource
from linkmanager.services.payment_totals import TOTALLED, Total, collected_per_day, selection_sums, totals
from linkmanager.services.payments import PaymentFilter, PaymentTable
from linkmanager.storage.cache import LinkCache
from linkmanager.storage.payment_reads import LinkFacts, UsageNumbers

DUBAI = ZoneInfo("Asia/Dubai")
NOW = datetime(2026, 3, 31, 12, 0, tzinfo=UTC)  # 16:00 in Dubai
PRICES = {"aed": ("0.10", "AED"), "kwd": ("1.500", "KWD"), "sar": ("25.50", "SAR"), "usd": ("5.00", "USD")}
BANK = {"c": ("PAYMENT_CREATED", "ACCEPTED_BY_BANK"), "p": ("PAYMENT_CREATED", "PENDING_WITH_BANK")}
BANK |= {"f": ("FAILED", None), "s": ("STARTED", None)}


def utc(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, second, tzinfo=UTC)


# (when, link, new usages as "id:kind"): each read lists the link's earlier usages again
READS = [
    (utc(1, 19, 59, 59), "aed", "a0:c"),  # Dubai 1 March 23:59:59: a day before the 30 shown
    (utc(1, 20), "aed", "ab:c"),  # Dubai 2 March 00:00: the first day shown
    (utc(10, 19, 59, 59), "aed", "a1:c"),  # Dubai 10 March
    (utc(10, 20), "aed", "a2:c a3:c a4:p"),  # Dubai 11 March, midnight
    (utc(10, 21, 30), "kwd", "k1:c k2:c k3:c k4:p k5:f"),  # Dubai 11 March 01:30
    (utc(31, 11), "sar", "s1:s s2:c"),  # Dubai 31 March 15:00: today
]


@dataclass
class Cached:
    source: PaymentSource
    table: PaymentTable
    keys: dict[str, int]

    def places(self, *usage_ids: str) -> np.ndarray:
        return np.array([self.table.place_of(self.keys[i]) for i in usage_ids], dtype=np.intp)

    def mask(self, **limits: object) -> np.ndarray:
        return self.table.mask(PaymentFilter(**limits))  # type: ignore[arg-type]


def _link(name: str) -> PaymentLink:
    amount, currency = PRICES[name]
    details = PaymentDetails(Money(Decimal(amount), currency), f"INV-{name}")
    return PaymentLink(f"link-{name}", f"https://pay.example/{name}", LinkStatus.ACTIVE, 0, details, name)


@pytest.fixture
def cached(tmp_path: Path) -> Iterator[Cached]:
    with LinkCache.open(tmp_path / "cache.sqlite3", clock=lambda: NOW) as cache:
        cache.store_listing([_link(name) for name in PRICES], utc(1, 0), complete=True)
        listed: dict[str, list[Usage]] = {}
        for when, name, new in READS:
            for item in new.split():
                usage_id, kind = item.split(":")
                status, bank = BANK[kind]
                usage = Usage(usage_id, f"link-{name}", UsageStatus(status), payment_status=bank)
                listed.setdefault(name, []).append(usage)
            cache.store_usages(f"link-{name}", listed[name], when, link_status=LinkStatus.ACTIVE)
        keys = dict(cache.read("keys", lambda c: c.execute("SELECT usage_id, key FROM usages").fetchall()))
        source = PaymentSource(cache)
        yield Cached(source, source.table(NOW), keys)


def test_sums_are_exact_per_currency_and_outcome(cached: Cached) -> None:
    got = totals(cached.table, cached.mask())
    assert list(got) == ["AED", "KWD", "SAR"]  # USD has no usage, so no row
    texts = {cur: {o.word: (t.count, str(t.amount)) for o, t in per.items()} for cur, per in got.items()}
    assert texts == {
        "AED": {"collected": (5, "0.50"), "pending": (1, "0.10"), "failed": (0, "0.00")},
        "KWD": {"collected": (3, "4.500"), "pending": (1, "1.500"), "failed": (1, "1.500")},
        "SAR": {"collected": (1, "25.50"), "pending": (0, "0.00"), "failed": (0, "0.00")},
    }
    assert all(isinstance(t.amount, Decimal) for per in got.values() for t in per.values())
    assert list(got["AED"]) == list(TOTALLED)


def test_only_currencies_with_rows_shown(cached: Cached) -> None:
    assert list(totals(cached.table, cached.mask(currency="KWD"))) == ["KWD"]
    nothing = np.zeros(len(cached.table), dtype=np.bool_)
    assert totals(cached.table, nothing) == {}
    started_only = cached.mask(outcomes=frozenset({Outcome.STARTED}))
    assert totals(cached.table, started_only) == {"SAR": {o: Total(0, Decimal("0.00")) for o in TOTALLED}}


def test_totals_of_chosen_outcomes(cached: Cached) -> None:
    got = totals(cached.table, cached.mask(currency="AED"), outcomes=[Outcome.COLLECTED])
    assert got == {"AED": {Outcome.COLLECTED: Total(5, Decimal("0.50"))}}


def test_selection_sums_whatever_the_outcome(cached: Cached) -> None:
    three = selection_sums(cached.table, cached.places("a1", "a2", "a3"))
    assert three == {"AED": Total(3, Decimal("0.30"))}
    assert str(three["AED"].amount) == "0.30"  # 0.1 * 3 in floats is 0.30000000000000004
    mixed = selection_sums(cached.table, cached.places("k1", "k4", "k5", "a4", "s1"))
    assert {cur: (t.count, str(t.amount)) for cur, t in mixed.items()} == {
        "AED": (1, "0.10"),
        "KWD": (3, "4.500"),
        "SAR": (1, "25.50"),
    }
    assert selection_sums(cached.table, cached.places()) == {}


def test_collected_per_day_in_dubai(cached: Cached) -> None:
    daily = collected_per_day(cached.table, cached.mask(), NOW, DUBAI)
    assert len(daily.days) == 30
    assert (daily.days[0], daily.days[-1]) == (date(2026, 3, 2), date(2026, 3, 31))
    assert daily.days == [date(2026, 3, 2) + timedelta(days=i) for i in range(30)]
    by_day = {
        cur: {d.day: str(v) for d, v in zip(daily.days, values, strict=True) if v}
        for cur, values in daily.amounts.items()
    }
    assert by_day == {
        "AED": {2: "0.10", 10: "0.10", 11: "0.20"},  # a0 fell on 1 March, before the 30 days
        "KWD": {11: "4.500"},  # first seen at 21:30 UTC on the 10th: the 11th in Dubai
        "SAR": {31: "25.50"},
    }
    assert str(daily.amounts["KWD"][0]) == "0.000"  # days without payments are exact zeros
    assert all(len(values) == 30 for values in daily.amounts.values())


def test_collected_per_day_follows_the_zone(cached: Cached) -> None:
    daily = collected_per_day(cached.table, cached.mask(), NOW, UTC, count=31)
    assert (daily.days[0], daily.days[-1]) == (date(2026, 3, 1), date(2026, 3, 31))
    kwd = {d.day: str(v) for d, v in zip(daily.days, daily.amounts["KWD"], strict=True) if v}
    aed = {d.day: str(v) for d, v in zip(daily.days, daily.amounts["AED"], strict=True) if v}
    assert (kwd, aed) == ({10: "4.500"}, {1: "0.20", 10: "0.30"})


def test_collected_per_day_respects_the_mask(cached: Cached) -> None:
    daily = collected_per_day(cached.table, cached.mask(currency="SAR"), NOW, DUBAI, count=7)
    assert list(daily.amounts) == ["SAR"]
    assert [str(v) for v in daily.amounts["SAR"]] == ["0.00"] * 6 + ["25.50"]
    assert collected_per_day(cached.table, cached.mask(currency="USD"), NOW, DUBAI).amounts == {}


# -- a property: the sums equal a plain Decimal sum over the rows ---------------------------------

CURRENCIES = ["AED", "KWD", "SAR", "BHD", "OMR", "JPY"]


@st.composite
def tables(draw: st.DrawFn) -> tuple[PaymentTable, list[tuple[Decimal, str]], np.ndarray, np.ndarray]:
    prices: list[tuple[Decimal, str]] = []
    for _ in range(draw(st.integers(1, 5))):
        currency = draw(st.sampled_from(CURRENCIES))
        extra = draw(st.sampled_from([0, 0, 0, 1]))  # now and then more digits than the currency has
        minor = draw(st.one_of(st.integers(0, 10**4), st.integers(0, 10**15)))
        prices.append((Decimal(minor).scaleb(-(currency_digits(currency) + extra)), currency))
    count = draw(st.integers(0, 40))
    link_of = draw(st.lists(st.integers(0, len(prices) - 1), min_size=count, max_size=count))
    outcome = draw(st.lists(st.sampled_from(list(Outcome)), min_size=count, max_size=count))
    numbers = UsageNumbers(
        keys=np.arange(1, count + 1, dtype=np.int64),
        link_keys=np.array(link_of, dtype=np.int64) + 1,
        seen=np.full(count, int(NOW.timestamp()), dtype=np.int64),
        outcome=np.array(outcome, dtype=np.int8),
        seen_before=np.zeros(count, dtype=np.bool_),
    )
    facts = [
        LinkFacts(i + 1, str(amount), cur, "ACTIVE", False, False) for i, (amount, cur) in enumerate(prices)
    ]
    mask = np.array(draw(st.lists(st.booleans(), min_size=count, max_size=count)), dtype=np.bool_)
    places = np.array(
        sorted(set(draw(st.lists(st.integers(0, max(count - 1, 0)), max_size=count)))), dtype=np.intp
    )
    return PaymentTable(numbers, facts, NOW), prices, mask, places[places < count]


@settings(max_examples=200, deadline=None)
@given(tables())
def test_totals_equal_a_plain_decimal_sum(
    drawn: tuple[PaymentTable, list[tuple[Decimal, str]], np.ndarray, np.ndarray],
) -> None:
    table, prices, mask, places = drawn
    rows = [
        (prices[int(link)], Outcome(int(code))) for link, code in zip(table.link, table.outcome, strict=True)
    ]
    expected: dict[str, dict[Outcome, Total]] = {}
    for currency in sorted({cur for (_, cur), _ in (rows[p] for p in np.flatnonzero(mask))}):
        expected[currency] = {}
        for outcome in TOTALLED:
            chosen = [
                amount
                for p, ((amount, cur), o) in enumerate(rows)
                if mask[p] and cur == currency and o is outcome
            ]
            expected[currency][outcome] = Total(len(chosen), sum(chosen, Decimal(0)))
    got = totals(table, mask)
    assert got == expected
    for currency, per in got.items():  # shown with the currency's digits, unless an amount has more
        if all(
            amount.as_tuple().exponent == -currency_digits(currency)
            for amount, cur in prices
            if cur == currency
        ):
            assert {t.amount.as_tuple().exponent for t in per.values()} == {-currency_digits(currency)}
    selected: dict[str, list[Decimal]] = {}
    for p in places:
        (amount, currency), _ = rows[int(p)]
        selected.setdefault(currency, []).append(amount)
    assert selection_sums(table, places) == {
        c: Total(len(a), sum(a, Decimal(0))) for c, a in selected.items()
    }
