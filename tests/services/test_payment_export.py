"""The Payments and Links views' export columns, row values, chosen links and filters in words.

Rows come from a real SQLite cache through the same services the window and the command line use.
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from linkmanager.domain import (
    CollectedIdentifier,
    IdentifierType,
    LinkStatus,
    Money,
    PaymentDetails,
    PaymentLink,
    Usage,
    UsageStatus,
)
from linkmanager.domain.outcome import Outcome
from linkmanager.services import payment_export
from linkmanager.services.link_rows import COLUMN_NAMES, LinkRow
from linkmanager.services.payment_export import (
    LINK_EXPORT_COLUMNS,
    LINKS,
    PAYMENT_EXPORT_COLUMNS,
    PAYMENT_VIEW_COLUMNS,
    PAYMENTS,
    ExportWords,
    chosen_links,
    link_filters_text,
    link_values,
    link_view_indexes,
    payment_filters_text,
    payment_values,
    payment_view_indexes,
)
from linkmanager.services.payment_source import PaymentRow, PaymentSource
from linkmanager.services.payments import Found, PaymentColumn, PaymentFilter, PaymentSort
from linkmanager.storage.cache import LinkCache

DUBAI = ZoneInfo("Asia/Dubai")
T1 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
T2 = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
NOW = datetime(2026, 3, 3, tzinfo=UTC)


def link(id_: str, amount: str, currency: str, name: str | None, reference: str) -> PaymentLink:
    details = PaymentDetails(Money(Decimal(amount), currency), reference)
    return PaymentLink(id_, f"https://pay.example/{id_}", LinkStatus.ACTIVE, 0, details, name, max_usages=5)


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[LinkCache]:
    """Two links (AED, KWD); link-b is no longer listed; link-a has a usage seen before and one not."""
    with LinkCache.open(tmp_path / "cache.sqlite3", clock=lambda: NOW) as opened:
        opened.store_listing(
            [link("link-a", "262.00", "AED", "Rent", "INV-1"), link("link-b", "1.500", "KWD", None, "=1+1")],
            T1,
            complete=True,
        )
        opened.store_listing([link("link-a", "262.00", "AED", "Rent", "INV-1")], T2, complete=True)
        payer = CollectedIdentifier(IdentifierType.EMAIL, "Email", "=cmd|' /C calc'!A0")
        paid = Usage("u-1", "link-a", UsageStatus.PAYMENT_CREATED, (payer,), "c-1", "p-1", "ACCEPTED_BY_BANK")
        opened.store_usages("link-a", [paid], T1, link_status=LinkStatus.ACTIVE)
        failed = Usage("u-2", "link-a", UsageStatus.FAILED)
        opened.store_usages("link-a", [paid, failed], T2, link_status=LinkStatus.ACTIVE)
        yield opened


def payment_rows(cache: LinkCache) -> list[PaymentRow]:
    source = PaymentSource(cache)
    table = source.table(NOW)
    return list(source.rows(table, table.pick(PaymentFilter(), PaymentSort(), source).places))


def test_the_columns_are_the_views_and_every_export_column_is_reachable() -> None:
    assert [c.title for c in PAYMENT_EXPORT_COLUMNS] == [
        "Seen at", "Seen", "Link", "Reference", "Amount", "Currency", "Outcome", "Usage status",
        "Payment status", "Payment ID", "Customer ID", "Payer value", "Link ID", "Usage ID",
    ]  # fmt: skip
    assert [c.kind for c in PAYMENT_EXPORT_COLUMNS[:6]] == ["moment", "text", "text", "text", "money", "text"]
    assert set(PAYMENT_VIEW_COLUMNS) == set(PaymentColumn)
    assert payment_view_indexes(PaymentColumn) == list(range(len(PAYMENT_EXPORT_COLUMNS)))
    assert payment_view_indexes([PaymentColumn.AMOUNT, PaymentColumn.SEEN], ids=False) == [4, 0, 1]
    assert payment_view_indexes([PaymentColumn.PAYER]) == [11, 12, 13]
    assert link_view_indexes(range(len(COLUMN_NAMES))) == list(range(len(LINK_EXPORT_COLUMNS)))
    assert [LINK_EXPORT_COLUMNS[i].title for i in link_view_indexes([3, 4])] == [
        "Amount", "Currency", "Usages", "Max usages",
    ]  # fmt: skip


def test_a_payment_row_gives_one_value_of_its_kind_per_column(cache: LinkCache) -> None:
    failed, paid = payment_rows(cache)  # newest first
    assert payment_values(paid) == [
        T1, "seen before", "Rent", "INV-1", Money(Decimal("262.00"), "AED"), "AED", "Collected",
        "PAYMENT_CREATED", "ACCEPTED_BY_BANK", "p-1", "c-1", "=cmd|' /C calc'!A0", "link-a", "u-1",
    ]  # fmt: skip
    assert payment_values(failed) == [
        T2, "first seen", "Rent", "INV-1", Money(Decimal("262.00"), "AED"), "AED", "Failed",
        "FAILED", None, None, None, None, "link-a", "u-2",
    ]  # fmt: skip
    gone = dataclasses.replace(failed, texts=None)  # the usage went in a rebuild meanwhile
    assert payment_values(gone)[7:12] == [None] * 5


def test_the_window_exports_its_visible_columns_under_its_titles_and_words(cache: LinkCache) -> None:
    failed, paid = payment_rows(cache)
    words = ExportWords(
        outcomes={outcome: outcome.word.upper() for outcome in Outcome},
        first_seen="zum ersten Mal",
        seen_before="schon vorher",
    )
    layout = PAYMENTS.only(payment_view_indexes([PaymentColumn.OUTCOME, PaymentColumn.SEEN], ids=False),
                           ["Ergebnis", "Gesehen", "Wie"], words)  # fmt: skip
    assert [(c.title, c.kind) for c in layout.columns] == [
        ("Ergebnis", "text"), ("Gesehen", "moment"), ("Wie", "text"),
    ]  # fmt: skip
    assert list(layout.rows([paid, failed])) == [
        ["COLLECTED", T1, "schon vorher"],
        ["FAILED", T2, "zum ersten Mal"],
    ]
    assert PAYMENTS.only([13]).row(paid) == ["u-1"]  # the English words stay the default
    with pytest.raises(ValueError, match="2 titles for 1 columns"):
        PAYMENTS.only([0], ["a", "b"])
    with pytest.raises(IndexError, match="no export column 14"):
        PAYMENTS.only([14])


def test_a_link_row_gives_money_counts_and_its_status_in_words(cache: LinkCache) -> None:
    rows = {row.id: row for row in chosen_links(cache, NOW)}
    assert link_values(rows["link-a"]) == [
        "link-a", "Rent", "Active", Money(Decimal("262.00"), "AED"), "AED", 0, 5, None, "INV-1", None,
    ]  # fmt: skip
    assert link_values(rows["link-b"])[:4] == [
        "link-b", None, "Active · not listed by Lean", Money(Decimal("1.500"), "KWD"),
    ]  # fmt: skip
    words = ExportWords(not_listed=" (fehlt)", link_status=lambda status: status.value.lower())
    assert LINKS.only([2], words=words).row(rows["link-b"]) == ["active (fehlt)"]
    damaged = LinkRow(
        "link-x", None, LinkStatus.USED, 1, 1, "not a number", "AED", None, "R", None, T1, None, NOW
    )
    assert link_values(damaged)[2:4] == ["Used", None]  # the amount's cell is empty, the row stays


def test_chosen_links_are_filtered_and_ordered_as_links_lists_them(cache: LinkCache) -> None:
    assert [r.id for r in chosen_links(cache, NOW, sort=("amount", False))] == ["link-a", "link-b"]
    assert [r.id for r in chosen_links(cache, NOW, sort=("amount", True))] == ["link-b", "link-a"]
    assert [r.id for r in chosen_links(cache, NOW, currency="KWD")] == ["link-b"]
    assert [r.id for r in chosen_links(cache, NOW, search="INV-1")] == ["link-a"]
    assert [r.id for r in chosen_links(cache, NOW, search="calc")] == ["link-a"]  # a payer's value
    assert chosen_links(cache, NOW, status=LinkStatus.EXPIRED) == []


def test_payment_filters_in_words() -> None:
    assert payment_filters_text(PaymentFilter(), DUBAI) == "none (all payments)"
    assert payment_filters_text(PaymentFilter(), DUBAI, PaymentSort()) == (
        "none (all payments); sorted by seen, descending"
    )
    days = PaymentFilter(
        outcomes=frozenset({Outcome.FAILED, Outcome.COLLECTED}),
        currency="KWD",
        since=datetime(2026, 2, 28, 20, tzinfo=UTC),  # 1 March in Dubai
        until=datetime(2026, 3, 4, 20, tzinfo=UTC),  # the midnight after 4 March
        link_statuses=frozenset({LinkStatus.USED, LinkStatus.ACTIVE}),
        found=Found("rent", np.zeros(0, dtype=np.int64)),
    )
    assert payment_filters_text(days, DUBAI, PaymentSort(PaymentColumn.PAYMENT_ID, False)) == (
        "outcome collected, failed; currency KWD; seen from 2026-03-01 to 2026-03-04 (local days); "
        'link status ACTIVE, USED; search "rent"; sorted by payment id, ascending'
    )
    one_day = PaymentFilter(since=days.since, until=days.since + timedelta(days=1))
    assert payment_filters_text(one_day, DUBAI) == "seen on 2026-03-01 (local days)"
    assert payment_filters_text(PaymentFilter(since=days.since), DUBAI) == (
        "seen on or after 2026-03-01 (local days)"
    )
    assert payment_filters_text(PaymentFilter(until=days.until), DUBAI) == (
        "seen on or before 2026-03-04 (local days)"
    )


def test_link_filters_in_words() -> None:
    assert link_filters_text() == "none (all links)"
    assert link_filters_text(status=LinkStatus.DISABLED, currency="AED", search="x", sort=("name", True)) == (
        'status DISABLED; currency AED; search "x"; sorted by name, descending'
    )


@pytest.fixture
def tz(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """TZ changed for this test, and the C library told (time.tzset) before and after."""
    yield monkeypatch
    monkeypatch.undo()
    time.tzset()


@pytest.mark.skipif(os.name == "nt", reason="TZ and tzset are POSIX")
@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Asia/Dubai", ZoneInfo("Asia/Dubai")),
        (":America/New_York", ZoneInfo("America/New_York")),
        ("/usr/share/zoneinfo/Asia/Riyadh", ZoneInfo("Asia/Riyadh")),
        ("UTC-4", timezone(timedelta(hours=4))),  # POSIX: four hours east; no name to give
    ],
)
def test_the_local_zone_is_named_when_the_system_names_it(
    tz: pytest.MonkeyPatch, given: str, expected: object
) -> None:
    tz.setenv("TZ", given)
    time.tzset()
    assert payment_export.local_zone() == expected  # ZoneInfo is one object per name


def test_whole_rows_are_the_rows_payment_source_gives_with_their_usages(cache: LinkCache) -> None:
    source = PaymentSource(cache)
    table = source.table(NOW)
    places = table.pick(PaymentFilter(), PaymentSort(), source).places
    whole = list(payment_export.whole_rows(source, table, places, batch=1))
    assert [row for row, _ in whole] == list(source.rows(table, places))
    assert [usage.usage_id if usage else None for _, usage in whole] == ["u-2", "u-1"]
    cache.write(
        "damage", lambda conn: conn.execute("UPDATE usages SET identifiers = '[[' WHERE usage_id = 'u-1'")
    )
    (_, failed), (paid, damaged) = payment_export.whole_rows(source, table, places)
    assert failed is not None
    assert damaged is None  # the row stays, its usage's texts are blank
    assert paid.texts is None
    assert payment_values(paid)[:7] == payment_values(payment_rows(cache)[1])[:7]
