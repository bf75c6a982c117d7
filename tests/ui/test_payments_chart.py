"""The Payments chart: the data in words for screen readers, an empty state, colours that show,
pyqtgraph loaded only with the first data; and the outcome legend's words and colours."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QToolTip
from pytestqt.qtbot import QtBot

from linkmanager.domain.money import Money, format_money
from linkmanager.domain.outcome import OUTCOMES, RULES, Outcome
from linkmanager.services.payment_totals import DailyCollected
from linkmanager.ui.app_setup import dark_palette
from linkmanager.ui.widgets.outcome_legend import (
    OutcomeLegend,
    legend_dialog,
    outcome_colour,
    outcome_label,
)
from linkmanager.ui.widgets.payments_chart import PaymentsChart, day_ticks, nice_ticks, tick_text

TODAY = date(2026, 5, 14)
DAYS = [TODAY - timedelta(days=29 - i) for i in range(30)]
COUNTS: Mapping[Outcome, int] = {
    Outcome.COLLECTED: 34,
    Outcome.PENDING: 2,
    Outcome.FAILED: 5,
    Outcome.STARTED: 1,
    Outcome.EXPIRED: 0,
    Outcome.OTHER: 0,
}


def two_currencies() -> DailyCollected:
    aed = [Decimal("0.00")] * 30
    kwd = [Decimal("0.000")] * 30
    aed[3], aed[20], aed[29] = Decimal("12000.00"), Decimal("399.50"), Decimal("0.50")
    kwd[10], kwd[29] = Decimal("4.250"), Decimal("0.250")
    return DailyCollected(DAYS, {"AED": aed, "KWD": kwd})


@pytest.fixture
def chart(qtbot: QtBot) -> PaymentsChart:
    widget = PaymentsChart()
    qtbot.addWidget(widget)
    widget.resize(1000, 360)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_description_names_each_currency_total_exactly(chart: PaymentsChart) -> None:
    chart.show_data(two_currencies(), COUNTS, "GST +0400")
    words = chart.accessibleDescription()
    assert format_money(Money(Decimal("12400.00"), "AED")) in words  # AED 12,400.00
    assert format_money(Money(Decimal("4.500"), "KWD")) in words  # KWD 4.500
    assert "last 30 days" in words
    for outcome in OUTCOMES:
        assert f"{outcome_label(outcome)} {COUNTS[outcome]:,}" in words
    assert chart.summary.text() == words
    assert chart.days_area.isVisible()
    assert not chart.days_empty.isVisible()
    assert "GST +0400" in chart.days_title.text()


def test_a_day_says_its_exact_amount(chart: PaymentsChart, qtbot: QtBot) -> None:
    chart.show_data(two_currencies(), COUNTS, "GST +0400")
    assert chart.day_text("AED", 20).endswith(f"{format_money(Money(Decimal('399.50'), 'AED'))} collected")
    assert "KWD\u00a04.250" in chart.day_text("KWD", 10)
    assert chart.day_text("KWD", 30) == ""
    assert chart.day_text("SAR", 0) == ""
    currency, plot = chart._day_plots[0]
    centre = plot.vb.sceneBoundingRect().center()
    chart._on_days_hover(centre)  # what pointing there does
    index = round(plot.vb.mapSceneToView(centre).x())
    assert currency == "AED"
    assert QToolTip.text() == chart.day_text("AED", index)


def test_empty_data_says_so_instead_of_empty_axes(chart: PaymentsChart) -> None:
    chart.show_data(DailyCollected(DAYS, {}), {o: 0 for o in OUTCOMES}, "UTC +0000")
    assert chart.days_empty.isVisible()
    assert chart.days_empty.text() == "No collected payments in the last 30 days for this filter"
    assert chart.outcomes_empty.isVisible()
    assert "No collected payments in the last 30 days" in chart.accessibleDescription()


def test_clear_forgets_the_data(chart: PaymentsChart) -> None:
    chart.show_data(two_currencies(), COUNTS, "GST +0400")
    chart.clear()
    assert chart.days_empty.isVisible()
    assert chart.summary.text() == ""
    assert "AED" not in chart.accessibleDescription()


def test_a_dark_palette_redraws_the_plots_dark(chart: PaymentsChart) -> None:
    chart.show_data(two_currencies(), COUNTS, "GST +0400")
    chart.setPalette(dark_palette())
    dark = dark_palette().window().color().rgb() & 0xFFFFFF
    image = chart._days_view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert image.pixel(image.width() - 2, 2) & 0xFFFFFF == dark


def colours_in(image: QImage) -> set[int]:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return {image.pixel(x, y) & 0xFFFFFF for y in range(image.height()) for x in range(image.width())}


def test_the_drawing_shows_bars_in_the_outcome_colours(chart: PaymentsChart) -> None:
    chart.show_data(two_currencies(), COUNTS, "GST +0400")
    image = chart.grab().toImage()
    found = colours_in(image)
    background = chart.palette().window().color().rgb() & 0xFFFFFF
    assert len(found - {background}) > 10  # not blank
    for outcome in (Outcome.COLLECTED, Outcome.FAILED):
        assert outcome_colour(outcome).rgb() & 0xFFFFFF in found, outcome
    assert outcome_colour(Outcome.EXPIRED).rgb() & 0xFFFFFF not in found  # a zero count has no bar


def test_importing_the_chart_does_not_import_pyqtgraph() -> None:
    code = "import linkmanager.ui.widgets.payments_chart, sys; assert 'pyqtgraph' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_axis_helpers() -> None:
    assert nice_ticks(12000) == [0, 5000, 10000, 15000]
    assert nice_ticks(4.25) == [0, 2, 4, 6]
    assert nice_ticks(0) == [0.0, 1.0]
    assert tick_text(12500, 2500) == "12,500"
    assert tick_text(2.5, 2.5) == "2.5"
    ticks = day_ticks(DAYS)
    assert ticks[-1][0] == 29
    assert [i for i, _ in ticks] == [1, 8, 15, 22, 29]


def test_every_outcome_has_a_label_a_colour_and_a_legend_line(qtbot: QtBot) -> None:
    legend = OutcomeLegend()
    qtbot.addWidget(legend)
    rules = dict(RULES)
    colours = set()
    for outcome in Outcome:
        label = outcome_label(outcome)
        assert label
        assert label != outcome.name
        colour = outcome_colour(outcome)
        assert isinstance(colour, QColor)
        assert colour.isValid()
        colours.add(colour.name())
        line = legend.lines[outcome]
        assert line.accessibleName() == f"{label} — {rules[outcome]}"
        assert colour.name().lower() in line.text().lower()
    assert len(colours) == len(Outcome)  # one colour each
    assert legend.plain_text().splitlines()[0] == (
        "● Collected — the bank accepted or processed the payment (ACCEPTED_BY_BANK, PROCESSED)"
    )
    assert outcome_label(Outcome.PENDING) == "Pending with bank"


def test_the_legend_dialog_holds_the_legend(qtbot: QtBot) -> None:
    dialog = legend_dialog()
    qtbot.addWidget(dialog)
    assert dialog.findChild(OutcomeLegend) is not None
    assert dialog.windowTitle()
