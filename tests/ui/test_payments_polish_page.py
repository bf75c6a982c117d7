"""The Payments page's custom days always show the range applied, and its columns start as wide as
what they hold; a saved header (window_state) still wins over those defaults."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QDate, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from linkmanager.services.date_ranges import QuickRange
from linkmanager.services.payment_source import PaymentSource
from linkmanager.services.payments import PaymentColumn
from linkmanager.storage.cache import LinkCache
from linkmanager.ui.models.payments_model import PaymentsTableModel
from linkmanager.ui.widgets.payments_page import FIRST_DAY, PaymentsPage

UUID = "7c9e6679-7425-40de-944b-e07fc1f90ae7"


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[LinkCache]:
    opened = LinkCache.open(tmp_path / "c.sqlite3")
    yield opened
    opened.close()


def make_page(
    qtbot: QtBot, cache: LinkCache, state: QByteArray | None = None, width: int = 1900
) -> PaymentsPage:
    page = PaymentsPage(PaymentsTableModel(PaymentSource(cache), lambda: UTC))
    qtbot.addWidget(page)
    if state is not None:  # as window_state.restore_payments_state does, before the page shows
        page.table.horizontalHeader().restoreState(state)
    page.resize(width, 600)
    page.show()
    qtbot.waitExposed(page)
    return page


def custom(page: PaymentsPage) -> None:
    page.dates.setCurrentIndex(page.dates.findData(QuickRange.CUSTOM))


def test_moving_the_first_day_past_the_last_takes_the_last_along(qtbot: QtBot, cache: LinkCache) -> None:
    page = make_page(qtbot, cache)
    custom(page)
    page.first_day.setDate(QDate(2026, 5, 1))
    page.last_day.setDate(QDate(2026, 5, 10))
    with qtbot.waitSignal(page.filters_changed) as blocker:
        page.first_day.setDate(QDate(2026, 5, 20))
    assert blocker.signal_triggered
    assert page.last_day.date() == QDate(2026, 5, 20)
    assert page.custom_days() == (date(2026, 5, 20), date(2026, 5, 20))


def test_moving_the_last_day_before_the_first_takes_the_first_along(qtbot: QtBot, cache: LinkCache) -> None:
    page = make_page(qtbot, cache)
    custom(page)
    page.last_day.setDate(QDate(2026, 5, 10))
    page.first_day.setDate(QDate(2026, 5, 5))
    page.last_day.setDate(QDate(2026, 4, 28))
    assert page.first_day.date() == QDate(2026, 4, 28)
    assert page.custom_days() == (date(2026, 4, 28), date(2026, 4, 28))


def test_one_change_asks_for_one_filtering(qtbot: QtBot, cache: LinkCache) -> None:
    page = make_page(qtbot, cache)
    custom(page)
    page.first_day.setDate(QDate(2026, 5, 1))
    page.last_day.setDate(QDate(2026, 5, 10))
    seen: list[int] = []
    page.filters_changed.connect(lambda: seen.append(1))
    page.first_day.setDate(QDate(2026, 6, 1))  # past the last: both move, one filtering
    assert len(seen) == 1
    page.first_day.setDate(QDate(2026, 5, 15))  # within: only the first moves
    assert len(seen) == 2
    assert page.last_day.date() == QDate(2026, 6, 1)


def test_a_day_typed_applies_once_finished(qtbot: QtBot, cache: LinkCache) -> None:
    page = make_page(qtbot, cache)
    custom(page)
    page.first_day.setDate(QDate(2026, 5, 1))
    page.last_day.setDate(QDate(2026, 5, 10))
    seen: list[int] = []
    page.filters_changed.connect(lambda: seen.append(1))
    page.first_day.setFocus()
    page.first_day.setSelectedSection(page.first_day.Section.DaySection)
    QTest.keyClicks(page.first_day, "25")
    assert seen == []  # "2", then "25": nothing applied, the last day not pushed on the way
    assert page.last_day.date() == QDate(2026, 5, 10)
    QTest.keyClick(page.first_day, Qt.Key.Key_Return)
    assert page.first_day.date() == QDate(2026, 5, 25)
    assert page.last_day.date() == QDate(2026, 5, 25)
    assert len(seen) == 1


def test_the_days_have_sensible_limits(qtbot: QtBot, cache: LinkCache) -> None:
    page = make_page(qtbot, cache)
    custom(page)
    page.first_day.setDate(QDate(1900, 1, 1))
    assert page.first_day.date() == FIRST_DAY
    page.last_day.setDate(QDate(2999, 1, 1))
    assert page.last_day.date() <= QDate.currentDate().addYears(1).addDays(1)
    for edit in (page.first_day, page.last_day):
        assert edit.accessibleName()
        assert edit.toolTip()


def test_columns_fit_what_they_hold(qtbot: QtBot, cache: LinkCache) -> None:
    page = make_page(qtbot, cache, width=1280)
    table = page.table
    metrics = table.fontMetrics()
    for column, sample in (
        (PaymentColumn.SEEN, "before 05 Dec 2026 09:16 +04:00"),
        (PaymentColumn.AMOUNT, "1,234,567.000"),
        (PaymentColumn.PAYMENT_STATUS, "Pending with bank"),
    ):
        assert table.columnWidth(column) > metrics.horizontalAdvance(sample), column
    # Short of room the ids give theirs first, cut in the middle but keeping both ends.
    ends = metrics.horizontalAdvance(UUID[:8] + "…" + UUID[-6:])
    assert ends < table.columnWidth(PaymentColumn.PAYMENT_ID) < metrics.horizontalAdvance(UUID)
    header = table.horizontalHeader()
    for column in PaymentColumn:
        title = str(page.model.headerData(column, Qt.Orientation.Horizontal))
        assert page.default_widths[column] > header.fontMetrics().horizontalAdvance(title)


def test_a_wide_window_gives_the_link_column_room_not_only_the_last(qtbot: QtBot, cache: LinkCache) -> None:
    page = make_page(qtbot, cache, width=1920)
    header = page.table.horizontalHeader()
    link, payer = header.sectionSize(PaymentColumn.LINK), header.sectionSize(PaymentColumn.PAYER)
    assert link > page.default_widths[PaymentColumn.LINK]
    assert payer < page.table.viewport().width() // 3
    assert header.sectionSize(PaymentColumn.PAYMENT_ID) == page.default_widths[PaymentColumn.PAYMENT_ID]
    page.resize(1400, 600)  # narrower again: the Link column gives its room back
    assert header.sectionSize(PaymentColumn.LINK) < link


def test_a_column_the_user_sized_stays_as_left(qtbot: QtBot, cache: LinkCache) -> None:
    page = make_page(qtbot, cache, width=1600)
    header = page.table.horizontalHeader()
    header.resizeSection(PaymentColumn.LINK, 123)  # as a drag of the header's edge does
    page.resize(1900, 600)
    assert header.sectionSize(PaymentColumn.LINK) == 123


def test_a_saved_header_wins_over_the_defaults(qtbot: QtBot, cache: LinkCache) -> None:
    first = make_page(qtbot, cache, width=1900)
    header = first.table.horizontalHeader()
    header.resizeSection(PaymentColumn.PAYMENT_ID, 90)
    header.resizeSection(PaymentColumn.LINK, 150)
    first.table.setColumnHidden(PaymentColumn.REFERENCE, True)
    first.table.setColumnHidden(PaymentColumn.CUSTOMER_ID, False)
    saved = header.saveState()

    again = make_page(qtbot, cache, saved, width=1900)
    restored = again.table.horizontalHeader()
    assert restored.sectionSize(PaymentColumn.PAYMENT_ID) == 90
    assert restored.sectionSize(PaymentColumn.LINK) == 150  # not widened by the first show
    assert again.table.isColumnHidden(PaymentColumn.REFERENCE)
    assert not again.table.isColumnHidden(PaymentColumn.CUSTOMER_ID)
