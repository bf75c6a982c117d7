"""The Payments table over a real cache: filters, counts, sorts, damaged rows, and rows' texts."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from linkmanager.domain.models import CollectedIdentifier, PaymentDetails, PaymentLink, Usage
from linkmanager.domain.money import Money
from linkmanager.domain.outcome import OUTCOMES, Outcome
from linkmanager.domain.sorting import text_key
from linkmanager.domain.status import IdentifierType, LinkStatus, UsageStatus
from linkmanager.services.payment_source import PaymentSource
from linkmanager.services.payment_totals import totals
from linkmanager.services.payments import (
    TEXT_COLUMNS,
    Found,
    PaymentColumn,
    PaymentFilter,
    PaymentSort,
    PaymentTable,
)
from linkmanager.storage.cache import LinkCache

T = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
NOW = T + timedelta(days=30)
HOSTILE = "\x00<b>Ahmed</b>\u202e' OR 1=1; -- أحمد\t%_\\"


@dataclass(frozen=True)
class Link:
    id: str
    name: str | None
    reference: str
    amount: str
    currency: str
    status: LinkStatus
    expires_at: datetime | None = None


EXPIRY = T + timedelta(days=10)  # passed at NOW: the ACTIVE KWD link is in effect EXPIRED
LINKS = {
    "aed": Link("link-aed", "Alpha dinner", "INV-300", "10.00", "AED", LinkStatus.ACTIVE),
    "kwd": Link("link-kwd", "kuwait course", "INV-100", "1.500", "KWD", LinkStatus.ACTIVE, EXPIRY),
    "sar": Link("link-sar", None, "INV-200", "25.50", "SAR", LinkStatus.DISABLED),
}
# usage id: link, usage status, payment status, payment id, customer id, payer value, outcome ("-": none)
TABLE = """
a1 aed PAYMENT_CREATED ACCEPTED_BY_BANK pay-a1 cust-b zed@mail.example COLLECTED
a2 aed STARTED - - - - STARTED
a3 aed PAYMENT_CREATED PENDING_WITH_BANK pay-a3 - amy@mail.example PENDING
a4 aed FAILED - - Cust-C Bob@mail.example FAILED
k1 kwd PAYMENT_CREATED PROCESSED pay-k1 Cust-A kim@mail.example COLLECTED
k2 kwd EXPIRED - - - KAT@mail.example EXPIRED
k3 kwd PAYMENT_CREATED ACCEPTED_BY_BANK pay-k3 - ken@mail.example COLLECTED
k4 kwd ON_HOLD - - - - OTHER
s1 sar PAYMENT_CREATED REJECTED_BY_BANK PAY-s1 - sam@mail.example FAILED
s2 sar PAYMENT_CREATED processed pay-s2 cust-d sue@mail.example PENDING
s3 sar STARTED - pay-s3 - HOSTILE PENDING
"""
USAGES: dict[str, tuple[Any, ...]] = {
    line.split()[0]: (
        *[{"-": None, "HOSTILE": HOSTILE}.get(word, word) for word in line.split()[1:-1]],
        Outcome[line.split()[-1]],
    )
    for line in TABLE.strip().splitlines()
}
# (when, link, usage ids listed): each read lists every usage the link has by then
READS = [
    (T, "aed", ("a1", "a2")),
    (T + timedelta(hours=1), "kwd", ("k1", "k2")),
    (T + timedelta(hours=2), "sar", ("s1", "s2", "s3")),
    (T + timedelta(hours=24), "aed", ("a1", "a2", "a3", "a4")),
    (T + timedelta(hours=48), "kwd", ("k1", "k2", "k3", "k4")),
]
KEY_ORDER = list(dict.fromkeys(i for _, _, ids in READS for i in ids))  # the cache numbers them so
SEEN = {usage_id: when for when, _, ids in reversed(READS) for usage_id in ids}
SEEN_BEFORE = {usage_id: usage_id in {"a1", "a2", "k1", "k2", "s1", "s2", "s3"} for usage_id in USAGES}


def payment_link(link: Link) -> PaymentLink:
    return PaymentLink(
        id=link.id,
        url=f"https://pay.example/l/{link.id}",
        status=link.status,
        current_usages=0,
        payment_details=PaymentDetails(Money(Decimal(link.amount), link.currency), link.reference),
        name=link.name,
        max_usages=1000,
        expires_at=link.expires_at,
    )


def usage(usage_id: str) -> Usage:
    link, status, bank, payment_id, customer, payer, _ = USAGES[usage_id]
    identifiers = () if payer is None else (CollectedIdentifier(IdentifierType.EMAIL, "Email", payer),)
    return Usage(usage_id, LINKS[link].id, UsageStatus(status), identifiers, customer, payment_id, bank)


@dataclass
class Payments:
    cache: LinkCache
    source: PaymentSource
    keys: dict[str, int]  # usage id -> usage key

    def table(self) -> PaymentTable:
        return self.source.table(NOW)

    def ids(self, table: PaymentTable, places: Any) -> list[str]:
        by_key = {key: usage_id for usage_id, key in self.keys.items()}
        return [by_key[int(table.keys[place])] for place in places]

    def raw(self, sql: str) -> None:
        with closing(sqlite3.connect(self.cache.path, isolation_level=None)) as conn:
            conn.execute(sql)


@pytest.fixture
def payments(tmp_path: Path) -> Iterator[Payments]:
    with LinkCache.open(tmp_path / "cache.sqlite3", clock=lambda: NOW) as cache:
        cache.store_listing([payment_link(link) for link in LINKS.values()], T, complete=True)
        for when, link, ids in READS:
            cache.store_usages(LINKS[link].id, [usage(i) for i in ids], when, link_status=LINKS[link].status)
        keys = dict(cache.read("keys", lambda c: c.execute("SELECT usage_id, key FROM usages").fetchall()))
        assert sorted(keys, key=keys.__getitem__) == KEY_ORDER
        yield Payments(cache, PaymentSource(cache), keys)


def shown(payments: Payments, flt: PaymentFilter, sort: PaymentSort | None = None) -> list[str]:
    table = payments.table()
    return payments.ids(table, table.pick(flt, sort or PaymentSort(), payments.source).places)


def newest_first(ids: Any) -> list[str]:
    """The default order (first seen, newest first; ties by usage key, the newest first too) of some
    usage ids."""
    return sorted(ids, key=lambda i: (-SEEN[i].timestamp(), -KEY_ORDER.index(i)))


def test_every_usage_is_a_row_in_key_order(payments: Payments) -> None:
    table = payments.table()
    assert len(table) == len(USAGES)
    assert [int(key) for key in table.keys] == sorted(payments.keys.values())
    assert payments.ids(table, range(len(table))) == KEY_ORDER
    assert [Outcome(int(code)) for code in table.outcome] == [USAGES[i][-1] for i in KEY_ORDER]
    assert table.currencies == ["AED", "KWD", "SAR"]
    for usage_id, key in payments.keys.items():
        assert payments.ids(table, [table.place_of(key)]) == [usage_id]
    assert table.place_of(max(payments.keys.values()) + 1) is None
    assert table.place_of(0) is None
    assert shown(payments, PaymentFilter()) == newest_first(USAGES)
    with pytest.raises(ValueError, match="PAYMENT_ID"):  # a text sort needs the cache's order
        table.pick(PaymentFilter(), PaymentSort(PaymentColumn.PAYMENT_ID))


def hours(count: float) -> datetime:
    return T + timedelta(hours=count)


def outcomes(*chosen: Any) -> frozenset[Any]:
    return frozenset(chosen)


statuses = outcomes


DUBAI = timezone(timedelta(hours=4))
FILTERS = {
    "collected": (PaymentFilter(outcomes=outcomes(Outcome.COLLECTED)), "a1 k1 k3"),
    "two-outcomes": (PaymentFilter(outcomes=outcomes(Outcome.PENDING, Outcome.OTHER)), "a3 s2 s3 k4"),
    "currency": (PaymentFilter(currency="KWD"), "k1 k2 k3 k4"),
    "absent-currency": (PaymentFilter(currency="USD"), ""),
    "since-inclusive": (PaymentFilter(since=hours(24)), "a3 a4 k3 k4"),
    "until-exclusive": (PaymentFilter(until=hours(24)), "a1 a2 k1 k2 s1 s2 s3"),
    "one-second": (PaymentFilter(since=hours(24), until=hours(24) + timedelta(seconds=1)), "a3 a4"),
    "since-in-dubai": (PaymentFilter(since=hours(1).astimezone(DUBAI)), "k1 k2 k3 k4 s1 s2 s3 a3 a4"),
    "expired-link": (PaymentFilter(link_statuses=statuses(LinkStatus.EXPIRED)), "k1 k2 k3 k4"),
    "active-link": (PaymentFilter(link_statuses=statuses(LinkStatus.ACTIVE)), "a1 a2 a3 a4"),
    "disabled-or-used": (
        PaymentFilter(link_statuses=statuses(LinkStatus.DISABLED, LinkStatus.USED)),
        "s1 s2 s3",
    ),
    "combined": (PaymentFilter(outcomes=outcomes(Outcome.COLLECTED), currency="KWD", since=hours(2)), "k3"),
    "combined-statuses": (
        PaymentFilter(
            outcomes=outcomes(Outcome.FAILED, Outcome.PENDING),
            link_statuses=statuses(LinkStatus.ACTIVE, LinkStatus.DISABLED),
            until=hours(3),
        ),
        "s1 s2 s3",
    ),
}


@pytest.mark.parametrize(("flt", "expected"), FILTERS.values(), ids=FILTERS.keys())
def test_each_filter(payments: Payments, flt: PaymentFilter, expected: str) -> None:
    assert shown(payments, flt) == newest_first(expected.split())
    table = payments.table()
    assert set(payments.ids(table, table.mask(flt).nonzero()[0])) == set(expected.split())


def test_an_active_link_past_its_expiry_counts_as_expired(payments: Payments) -> None:
    table = payments.table()
    assert table.link_statuses == sorted({LinkStatus.ACTIVE, LinkStatus.EXPIRED, LinkStatus.DISABLED})
    before_expiry = payments.source.table(T + timedelta(days=9))
    assert before_expiry.link_statuses == sorted({LinkStatus.ACTIVE, LinkStatus.DISABLED})
    payments.raw("UPDATE links SET current_usages = max_usages WHERE id = 'link-aed'")  # its limit reached
    used = PaymentFilter(link_statuses=statuses(LinkStatus.USED))
    assert shown(payments, used) == newest_first(["a1", "a2", "a3", "a4"])


SEARCHES = {
    "link-name-finds-every-usage": ("kuwait", "k1 k2 k3 k4"),
    "link-reference": ("INV-200", "s1 s2 s3"),
    "payer-value": ("zed@", "a1"),
    "payment-ids": ("pay-k", "k1 k3"),
    "short-usage-id": ("a4", "a4"),
    "customer-ids-any-case": ("cust-", "a1 a4 k1 s2"),
    "nothing": ("nothing-like-it", ""),
    # Every word, in any order, each in any field of the usage or its link.
    "two-words-two-fields": ("kuwait pay-k", "k1 k3"),
    "the-other-order": ("PAY-K  Kuwait", "k1 k3"),
    "words-of-different-links": ("kuwait zed@", ""),
    "an-outcome-word": ("kuwait collected", "k1 k3"),
    "a-short-word-beside-a-long-one-is-not-a-scan": ("kuwait k", "k1 k2 k3 k4"),
}


@pytest.mark.parametrize(("text", "expected_ids"), SEARCHES.values(), ids=SEARCHES.keys())
def test_search_filters_to_the_found_usages(payments: Payments, text: str, expected_ids: str) -> None:
    expected = set(expected_ids.split())
    found = payments.source.search(text)
    assert found == Found(text, found.keys)
    assert shown(payments, PaymentFilter(found=found)) == newest_first(expected)
    with_outcome = PaymentFilter(found=found, outcomes=frozenset({Outcome.COLLECTED}))
    assert set(shown(payments, with_outcome)) == {i for i in expected if USAGES[i][-1] is Outcome.COLLECTED}


def test_counts_ignore_the_outcome_filter_but_respect_the_others(payments: Payments) -> None:
    table = payments.table()
    flt = PaymentFilter(outcomes=frozenset({Outcome.COLLECTED}), currency="KWD")
    picked = table.pick(flt, PaymentSort())
    assert payments.ids(table, picked.places) == ["k3", "k1"]
    in_kwd = {Outcome.COLLECTED: 2, Outcome.EXPIRED: 1, Outcome.OTHER: 1}
    assert list(picked.counts.items()) == [(outcome, in_kwd.get(outcome, 0)) for outcome in OUTCOMES]
    assert set(payments.ids(table, picked.mask.nonzero()[0])) == {"k1", "k3"}
    everything = table.pick(PaymentFilter(outcomes=frozenset({Outcome.STARTED})), PaymentSort())
    assert everything.counts == {o: sum(1 for v in USAGES.values() if v[-1] is o) for o in OUTCOMES}


def _value(column: PaymentColumn, usage_id: str) -> Any:
    link_name, status, bank, payment_id, customer, payer, outcome = USAGES[usage_id]
    link = LINKS[link_name]
    names = ("usage_status", "payment_status", "payment_id", "customer_id", "payer")
    texts = dict(zip(names, (status, bank, payment_id, customer, payer), strict=True))
    if column in TEXT_COLUMNS:  # SQLite's NOCASE: ASCII letters folded
        text = texts[TEXT_COLUMNS[column]]
        return None if text is None else text.lower()
    return {
        PaymentColumn.SEEN: SEEN[usage_id],
        PaymentColumn.OUTCOME: OUTCOMES.index(outcome),
        PaymentColumn.LINK: text_key(link.name or link.reference),
        PaymentColumn.REFERENCE: text_key(link.reference),
        PaymentColumn.AMOUNT: Decimal(link.amount),
        PaymentColumn.CURRENCY: link.currency,
    }[column]


def expected_order(column: PaymentColumn, descending: bool) -> list[str]:
    """Values in order with ties by usage key; descending is that order turned round (the newest
    first), except that missing values stay last either way."""
    present = [i for i in KEY_ORDER if _value(column, i) is not None]
    present.sort(key=lambda i: _value(column, i))  # stable: ties keep key order
    missing = [i for i in KEY_ORDER if _value(column, i) is None]
    if descending:
        present.reverse()
        missing.reverse()
    return present + missing


SORTS = [pytest.param(c, d, id=f"{c.name}-{d}") for c in PaymentColumn for d in (False, True)]


@pytest.mark.parametrize(("column", "descending"), SORTS)
def test_every_sort_column(payments: Payments, column: PaymentColumn, descending: bool) -> None:
    expected = expected_order(column, descending)
    assert shown(payments, PaymentFilter(), PaymentSort(column, descending)) == expected


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize(
    ("column", "without"),
    [(PaymentColumn.PAYMENT_ID, {"a2", "a4", "k2", "k4"}), (PaymentColumn.PAYER, {"a2", "k4"})],
)
def test_missing_values_come_last_both_ways(
    payments: Payments, column: PaymentColumn, without: set[str], descending: bool
) -> None:
    order = shown(payments, PaymentFilter(), PaymentSort(column, descending))
    assert set(order[-len(without) :]) == without  # their order among themselves: test_every_sort_column


def test_a_damaged_first_seen_time_costs_only_that_usage(payments: Payments) -> None:
    payments.raw("UPDATE usages SET first_seen_at = '2026-03-01T10:00:00 (damaged)' WHERE usage_id = 'k1'")
    table = payments.table()
    assert len(table) == len(USAGES) - 1
    assert table.place_of(payments.keys["k1"]) is None
    assert shown(payments, PaymentFilter()) == newest_first(set(USAGES) - {"k1"})
    rows = list(payments.source.rows(table, table.pick(PaymentFilter(), PaymentSort()).places))
    assert [row.texts.usage_id for row in rows if row.texts] == newest_first(set(USAGES) - {"k1"})


def test_a_damaged_amount_keeps_the_row_without_money(payments: Payments) -> None:
    payments.raw("UPDATE links SET amount = '25,50' WHERE id = 'link-sar'")
    table = payments.table()
    assert len(table) == len(USAGES)
    places = table.pick(PaymentFilter(currency="SAR"), PaymentSort()).places
    rows = list(payments.source.rows(table, places))
    assert [row.texts.usage_id for row in rows if row.texts] == newest_first(["s1", "s2", "s3"])
    assert all(row.money is None and row.link.currency == "SAR" for row in rows)
    sums = totals(table, table.mask(PaymentFilter()), outcomes=(Outcome.PENDING, Outcome.COLLECTED))
    assert sums["SAR"][Outcome.PENDING].amount == Decimal("0.00")
    assert sums["AED"][Outcome.PENDING].amount == Decimal("10.00")
    assert sums["KWD"][Outcome.COLLECTED].amount == Decimal("3.000")
    for descending in (False, True):  # an amount that cannot be read sorts last, both ways
        order = shown(payments, PaymentFilter(), PaymentSort(PaymentColumn.AMOUNT, descending))
        assert set(order[-3:]) == {"s1", "s2", "s3"}


def test_rows_carry_the_texts_and_the_link(payments: Payments) -> None:
    table = payments.table()
    places = table.pick(PaymentFilter(), PaymentSort()).places
    rows = {row.texts.usage_id: row for row in payments.source.rows(table, places, batch=4) if row.texts}
    assert list(rows) == newest_first(USAGES)
    k3, link = rows["k3"], rows["k3"].link
    assert (k3.usage_key, k3.seen_at, k3.seen_before, k3.outcome) == (
        11 - 1,
        SEEN["k3"],
        False,
        Outcome.COLLECTED,
    )
    assert (k3.money, str(k3.money.amount) if k3.money else None) == (Money(Decimal("1.500"), "KWD"), "1.500")
    assert (link.id, link.name, link.reference, link.status) == (
        "link-kwd",
        "kuwait course",
        "INV-100",
        "EXPIRED",
    )
    assert rows["s1"].link.display_name == "INV-200"
    assert (rows["a1"].texts.first_value, rows["a1"].texts.payment_status) == (
        "zed@mail.example",
        "ACCEPTED_BY_BANK",
    )
    assert rows["a2"].texts.first_value is None
    assert rows["s3"].texts.first_value == HOSTILE  # kept exactly, as data
    assert {i: row.seen_before for i, row in rows.items()} == SEEN_BEFORE


def test_first_keys_match_the_default_order(payments: Payments) -> None:
    table = payments.table()
    default = payments.ids(table, table.pick(PaymentFilter(), PaymentSort()).places)
    first = payments.source.first_keys(4)  # the four seen last, two syncs' worth
    assert len(first) == 4
    rows = payments.source.first_rows(first, NOW)
    assert {row.texts.usage_id for row in rows if row.texts} == set(default[:4])
    assert all(row.link.money is not None for row in rows)


def test_first_keys_are_the_default_order_exactly(payments: Payments) -> None:
    """The first screenful shown before the table is read must not reorder when the table arrives."""
    table = payments.table()
    default = payments.ids(table, table.pick(PaymentFilter(), PaymentSort()).places)
    first_rows = payments.source.first_rows(payments.source.first_keys(5), NOW)
    assert [row.texts.usage_id for row in first_rows if row.texts] == default[:5]


@pytest.mark.parametrize(
    ("column", "descending"),
    [(PaymentColumn.CURRENCY, False), (PaymentColumn.AMOUNT, True)],
    ids=["cur", "amt"],
)
def test_equal_values_on_different_links_tie_by_usage_key(
    payments: Payments, column: PaymentColumn, descending: bool
) -> None:
    payments.raw("UPDATE links SET currency = 'AED', amount = '10.00' WHERE id = 'link-sar'")
    # AED 10.00 on two links: seven equal values, ordered by usage key whichever link holds them
    # (the newest first when descending)
    expected = [i for i in KEY_ORDER if i[0] in "as"]
    if descending:
        expected.reverse()
    assert shown(payments, PaymentFilter(), PaymentSort(column, descending))[:7] == expected
