"""The Payments chart at a real window's size: every currency's plot in sight at once, each with
named days under it and its code above it in full, and counts of days in correct English."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QDate, QLocale, QRectF
from PySide6.QtGui import QImage, QPainter
from pytestqt.qtbot import QtBot

from linkmanager.domain.money import Money, format_money
from linkmanager.domain.outcome import Outcome
from linkmanager.services.payment_totals import DailyCollected
from linkmanager.ui.widgets.payments_chart import PaymentsChart, day_label, day_step, grid_shape, tr_n

TODAY = date(2026, 5, 14)
DAYS = [TODAY - timedelta(days=29 - i) for i in range(30)]
COUNTS: Mapping[Outcome, int] = {Outcome.COLLECTED: 12, Outcome.PENDING: 3, Outcome.FAILED: 1}


def series(**days: str) -> list[Decimal]:
    values = [Decimal("0.00")] * 30
    for index, amount in days.items():
        values[int(index.removeprefix("d"))] = Decimal(amount)
    return values


def three_currencies() -> DailyCollected:
    return DailyCollected(
        DAYS,
        {
            "AED": series(d3="12000.00", d20="399.50", d29="0.50"),
            "KWD": series(d10="539.000"),  # one day only
            "SAR": series(d28="12373.78", d29="100.00"),
        },
    )


@pytest.fixture
def chart(qtbot: QtBot) -> PaymentsChart:
    """About the room the chart has in a 1280×800 window with the chart shown."""
    widget = PaymentsChart()
    qtbot.addWidget(widget)
    widget.resize(1260, 300)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def drawn_texts(axis: Any) -> list[str]:
    """The labels the axis really draws (pyqtgraph drops those that do not fit its bounds)."""
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [text for _, _, text in specs[2]] if specs else []


def test_all_three_currencies_are_in_sight_side_by_side(chart: PaymentsChart, qtbot: QtBot) -> None:
    chart.show_data(three_currencies(), COUNTS, "GST +0400")
    qtbot.wait(50)
    view = chart._days_view
    assert chart.days_area.verticalScrollBar().maximum() == 0  # nothing to scroll to
    visible = QRectF(view.viewport().rect())
    plots = dict(chart._day_plots)
    assert sorted(plots) == ["AED", "KWD", "SAR"]
    tops = set()
    for currency, plot in plots.items():
        box = view.mapFromScene(plot.sceneBoundingRect()).boundingRect()
        assert visible.contains(QRectF(box)), currency
        tops.add(round(plot.sceneBoundingRect().top()))
    assert len(tops) == 1  # one row


def test_each_plot_is_titled_with_its_whole_currency_code(chart: PaymentsChart, qtbot: QtBot) -> None:
    chart.show_data(three_currencies(), COUNTS, "GST +0400")
    qtbot.wait(50)
    for currency, plot in chart._day_plots:
        title = plot.titleLabel
        assert title.text == currency
        text_box = title.item.sceneBoundingRect()
        assert plot.sceneBoundingRect().contains(text_box), currency  # not cut by the plot's edge
        assert text_box.width() >= chart.fontMetrics().horizontalAdvance(currency)


def test_every_plot_names_its_days_with_today_last(chart: PaymentsChart, qtbot: QtBot) -> None:
    chart.show_data(three_currencies(), COUNTS, "GST +0400")
    qtbot.wait(50)
    for currency, plot in chart._day_plots:
        texts = drawn_texts(plot.getAxis("bottom"))
        assert len(texts) >= 2, currency
        assert texts[-1] == day_label(TODAY), currency
        for text in texts:
            assert text in {day_label(day) for day in DAYS}
            assert re.fullmatch(r"\d\d \S+", text), text


def test_day_labels_are_local_days_written_05_nov() -> None:
    assert day_label(date(2026, 11, 5)) == QLocale().toString(QDate(2026, 11, 5), "dd MMM")
    assert day_label(date(2026, 11, 5)).startswith("05 ")


def test_a_narrow_plot_names_every_other_week(chart: PaymentsChart, qtbot: QtBot) -> None:
    chart.show_data(three_currencies(), COUNTS, "GST +0400")
    axis = chart._day_plots[0][1].getAxis("bottom")
    wide = axis.tickValues(-0.6, 29.6, 900)
    narrow = axis.tickValues(-0.6, 29.6, 150)
    assert wide[0] == (7, [1, 8, 15, 22, 29])
    assert narrow[0] == (14, [1, 15, 29])
    assert axis.tickStrings([29.0], 1.0, 7) == [day_label(TODAY)]
    assert axis.tickStrings([3.0, 4.0], 1.0, 1) == ["", ""]  # a small tick for every other day


def test_day_step_keeps_labels_apart() -> None:
    assert day_step(20, 45) == 7
    assert day_step(5, 45) == 14
    assert day_step(1, 45) == 56
    assert day_step(0, 45) == 364  # no room at all: a label a year, never a division by zero


def test_grid_shape_puts_three_side_by_side_and_balances_more() -> None:
    assert [grid_shape(n) for n in (1, 2, 3, 4, 5, 6, 7)] == [
        (1, 1),
        (1, 2),
        (1, 3),
        (2, 2),
        (2, 3),
        (2, 3),
        (3, 3),
    ]


def test_four_currencies_make_two_rows_that_scroll_rather_than_squash(chart: PaymentsChart) -> None:
    data = three_currencies()
    data.amounts["USD"] = series(d5="10.00")
    chart.show_data(data, COUNTS, "GST +0400")
    tops = {round(plot.sceneBoundingRect().top()) for _, plot in chart._day_plots}
    assert len(tops) == 2
    assert chart._days_view.minimumHeight() >= 2 * 100


def test_one_day_is_singular_in_the_summary(chart: PaymentsChart) -> None:
    chart.show_data(three_currencies(), COUNTS, "GST +0400")
    words = chart.summary.text()
    assert f"{format_money(Money(Decimal('539.000'), 'KWD'))} on 1 day;" in words
    assert f"{format_money(Money(Decimal('12400.00'), 'AED'))} on 3 days;" in words
    assert f"{format_money(Money(Decimal('12473.78'), 'SAR'))} on 2 days." in words
    assert "1 days" not in words


def test_counted_words() -> None:
    assert tr_n("on 1 day", "on %n days", 1) == "on 1 day"
    assert tr_n("on 1 day", "on %n days", 0) == "on 0 days"
    assert tr_n("on 1 day", "on %n days", 12) == "on 12 days"
