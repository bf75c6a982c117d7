"""The Payments view's chart: collected per local day for the last 30 days, and the outcome breakdown.

Left, one small bar plot per currency, side by side (a grid beyond three): a day's total is a
separate amount, not a point on a trend, so bars; each currency has its own amount axis, titled
with its code (AED in thousands beside KWD in tens on one axis would flatten KWD to zero). Days are
named ("05 Nov") each week back from today, every other week on a narrow plot. Pointing at a bar
gives its exact Decimal amount; the exact 30-day totals are written under the plots.

Right, the count of payments per outcome for the filter as horizontal bars in the outcomes'
colours, the count written at each bar's end, so colour is never the only cue.

Screen readers cannot read a plot: the accessible description (and the summary line under the
plots) says the same in words. pyqtgraph (~0.8 s to import) loads with the first data shown.
"""

from __future__ import annotations

import functools
import math
import os
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QPointF, Qt
from PySide6.QtGui import QColor, QCursor, QFontMetrics, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QStackedWidget, QToolTip, QVBoxLayout, QWidget

from linkmanager.domain.money import Money, format_money
from linkmanager.domain.outcome import OUTCOMES, Outcome
from linkmanager.ui.widgets.outcome_legend import outcome_colour, outcome_label

if TYPE_CHECKING:
    from linkmanager.services.payment_totals import DailyCollected

ROW_HEIGHT = 120  # each row of currency plots, at least (beyond two rows, they scroll)
MAX_COLUMNS = 3  # currencies side by side; more make a second row
DAY_TICK_EVERY = 7  # a labelled day each week, counted back from today
DAY_LABEL_GAP = 10  # pixels, at least, between two day labels
DAY_FORMAT = "dd MMM"  # "05 Nov", as the tables write days ("05 Nov 2026")


def tr_n(one: str, many: str, count: int) -> str:
    """Unused here (lupdate cannot see texts passed through it); kept for tests that import it."""
    return QCoreApplication.translate("PaymentsChart", one if count == 1 else many, None, count)


def _pyqtgraph() -> Any:
    """pyqtgraph, imported on first use and set up for this window: PySide6, antialiased, no OpenGL."""
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    import pyqtgraph

    pyqtgraph.setConfigOptions(antialias=True, useOpenGL=False)
    return pyqtgraph


def nice_ticks(top: float, intervals: int = 3) -> list[float]:
    """Round tick values from 0 past `top` in about `intervals` steps of 1, 2, 2.5 or 5 × 10ⁿ."""
    if top <= 0 or not math.isfinite(top):
        return [0.0, 1.0]
    raw = top / intervals
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    count = math.ceil(top / step - 1e-9)
    return [i * step for i in range(count + 1)]


def tick_text(value: float, step: float) -> str:
    """An axis value with grouping and only the decimals its step needs: "12,500", "2.5"."""
    digits = max(0, -int(Decimal(repr(step)).normalize().as_tuple().exponent))
    return f"{value:,.{digits}f}"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def day_label(day: date) -> str:
    """ "05 Nov": a local day on the axis, month named in the user's language."""
    return QLocale().toString(_qdate(day), DAY_FORMAT)


def day_step(pixels_per_day: float, label_width: int) -> int:
    """Days between two labels: a week, or as many weeks as keep labels `DAY_LABEL_GAP` apart."""
    weeks = math.ceil((label_width + DAY_LABEL_GAP) / max(DAY_TICK_EVERY * pixels_per_day, 1e-3))
    return min(max(weeks, 1), 52) * DAY_TICK_EVERY


def day_ticks(days: Sequence[date], every: int = DAY_TICK_EVERY) -> list[tuple[int, str]]:
    """Labelled days: today and each `every` days before it, so the newest day is always named."""
    picked = range(len(days) - 1, -1, -every)
    return sorted((i, day_label(days[i])) for i in picked)


def grid_shape(count: int) -> tuple[int, int]:
    """(rows, columns) for `count` plots: side by side up to MAX_COLUMNS, rows as even as can be."""
    rows = max(1, math.ceil(count / MAX_COLUMNS))
    return rows, max(1, math.ceil(count / rows))


@functools.cache
def _day_axis_type(pg: Any) -> Any:
    """The bottom axis of a day plot, made with pyqtgraph's AxisItem once pyqtgraph is loaded."""

    class DayAxis(pg.AxisItem):  # type: ignore[misc]
        """Names days ("05 Nov") as often as its width allows; a small tick marks every day."""

        def __init__(self, days: Sequence[date]) -> None:
            super().__init__("bottom")
            self.days, self.labels = list(days), [day_label(day) for day in days]

        def tickValues(self, minVal: float, maxVal: float, size: float) -> list[Any]:  # noqa: N802, N803
            if not self.days or maxVal <= minVal:
                return []
            metrics = QFontMetrics(self.style["tickFont"] or self.font())
            widest = max(metrics.horizontalAdvance(label) for label in self.labels)
            every = day_step(size / (maxVal - minVal), widest)
            named = [i for i, _ in day_ticks(self.days, every)]
            return [(every, named), (1, sorted(set(range(len(self.days))) - set(named)))]

        def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
            if spacing == 1:
                return [""] * len(values)
            return [self.labels[round(v)] if 0 <= round(v) < len(self.labels) else "" for v in values]

    return DayAxis


def _has_collected(daily: DailyCollected) -> bool:
    return any(any(values) for values in daily.amounts.values())


class PaymentsChart(QWidget):
    """show_data(daily, counts, zone label) draws both charts; clear() empties them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Payments chart"))
        self._pg: Any = None
        self._days_view: Any = None
        self._outcomes_view: Any = None
        self._day_plots: list[tuple[str, Any]] = []
        self._last: tuple[DailyCollected, dict[Outcome, int], str] | None = None
        self.days_title = QLabel()
        self.days_title.setWordWrap(True)
        self.days_empty = _note_label()
        self.days_area = QScrollArea()
        self.days_area.setWidgetResizable(True)
        self.days_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.days_stack = QStackedWidget()
        self.days_stack.addWidget(self.days_empty)
        self.days_stack.addWidget(self.days_area)
        self.outcomes_title = QLabel(self.tr("Outcomes for this filter"))
        self.outcomes_empty = _note_label(self.tr("No payments for this filter"))
        self.outcomes_stack = QStackedWidget()
        self.outcomes_stack.addWidget(self.outcomes_empty)
        self.summary = _note_label()  # the exact amounts, in words: what a screen reader reads too
        self.summary.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName(self.tr("Chart summary"))
        left = QVBoxLayout()
        left.addWidget(self.days_title)
        left.addWidget(self.days_stack, 1)
        right = QVBoxLayout()
        right.addWidget(self.outcomes_title)
        right.addWidget(self.outcomes_stack, 1)
        charts = QHBoxLayout()
        charts.addLayout(left, 5)
        charts.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(charts, 1)
        layout.addWidget(self.summary)
        self.setMinimumHeight(260)
        self.clear()

    # -- what it is given ------------------------------------------------------------------------

    def show_data(self, daily: DailyCollected, counts: Mapping[Outcome, int], zone_label: str) -> None:
        """Collected per local day (one plot per currency) and the outcome counts of the filter."""
        self._last = (daily, dict(counts), zone_label)
        self._render()

    def clear(self) -> None:
        self._last = None
        self._day_plots = []
        self.days_title.setText(self.tr("Collected per day"))
        self.days_empty.setText(self.tr("No data to show yet"))
        self.days_stack.setCurrentWidget(self.days_empty)
        self.outcomes_stack.setCurrentWidget(self.outcomes_empty)
        self.summary.setText("")
        self.setAccessibleDescription(self.tr("No data to show yet"))

    def day_text(self, currency: str, index: int) -> str:
        """What pointing at a day's bar says: "Tue 12 May 2026: AED 1,250.00" (exact)."""
        if self._last is None:
            return ""
        daily = self._last[0]
        values = daily.amounts.get(currency)
        if values is None or not 0 <= index < len(values):
            return ""
        day = QLocale().toString(_qdate(daily.days[index]), "ddd d MMM yyyy")
        amount = format_money(Money(values[index], currency))
        return self.tr("{day}: {amount} collected").format(day=day, amount=amount)

    # -- drawing ---------------------------------------------------------------------------------

    def _render(self) -> None:
        if self._last is None:
            return
        daily, counts, zone_label = self._last
        n = len(daily.days)
        title = self.tr("Collected per day, last %Ln days (local days, {zone})", "", n)
        none = self.tr("No collected payments in the last %Ln days", "", n)
        if n == 1:  # one day is today: said so, not "the last 1 day"
            title, none = self.tr("Collected today ({zone})"), self.tr("No collected payments today")
        self.days_title.setText(title.format(zone=zone_label))
        self.days_empty.setText(self.tr("{none} for this filter").format(none=none))
        if _has_collected(daily):
            self._draw_days(daily)
            self.days_stack.setCurrentWidget(self.days_area)
        else:
            self._day_plots = []
            self.days_stack.setCurrentWidget(self.days_empty)
        if any(counts.get(outcome, 0) for outcome in OUTCOMES):
            self._draw_outcomes(counts)
            self.outcomes_stack.setCurrentWidget(self._outcomes_view)
        else:
            self.outcomes_stack.setCurrentWidget(self.outcomes_empty)
        text = self._words(daily, counts, none)
        self.summary.setText(text)
        self.setAccessibleDescription(text)
        for view in (self._days_view, self._outcomes_view):
            if view is not None:
                view.setAccessibleDescription(text)

    def _words(self, daily: DailyCollected, counts: Mapping[Outcome, int], none: str) -> str:
        n = len(daily.days)
        if _has_collected(daily):
            parts = [
                self.tr("{amount} on %Ln day(s)", "", sum(1 for value in values if value)).format(
                    amount=format_money(Money(sum(values, Decimal(0)), currency))
                )
                for currency, values in sorted(daily.amounts.items())
                if any(values)
            ]
            totals = self.tr("Collected in the last %Ln days: {totals}.", "", n)
            if n == 1:
                totals = self.tr("Collected today: {totals}.")
            collected = totals.format(totals="; ".join(parts))
        else:
            collected = self.tr("{none} for this filter.").format(none=none)
        outcomes = ", ".join(
            self.tr("{outcome} {count}").format(outcome=outcome_label(o), count=f"{counts.get(o, 0):,}")
            for o in OUTCOMES
        )
        return self.tr("{collected} Payments for this filter by outcome: {outcomes}.").format(
            collected=collected, outcomes=outcomes
        )

    def _colours(self) -> tuple[QColor, QColor, QColor]:
        """Background, text and grid colours from the palette (light or dark)."""
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        grid = QColor(text.red(), text.green(), text.blue(), 50)
        return palette.color(QPalette.ColorRole.Window), text, grid

    def _view(self) -> Any:
        if self._pg is None:
            self._pg = _pyqtgraph()
        view = self._pg.GraphicsLayoutWidget()
        view.setAccessibleName(self.tr("Chart"))
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return view

    def _plot(self, view: Any, row: int, col: int = 0, axes: dict[str, Any] | None = None) -> Any:
        background, text, _ = self._colours()
        view.setBackground(background)
        plot = view.addPlot(row=row, col=col, axisItems=axes)
        plot.setMouseEnabled(x=False, y=False)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setPen(text)
            axis.setTextPen(text)
            axis.enableAutoSIPrefix(False)
        return plot

    def _draw_days(self, daily: DailyCollected) -> None:
        if self._days_view is None:
            self._days_view = self._view()
            self._days_view.setAccessibleName(self.tr("Collected per day chart"))
            self._days_view.scene().sigMouseMoved.connect(self._on_days_hover)
            self.days_area.setWidget(self._days_view)
        view, pg = self._days_view, self._pg
        view.ci.clear()
        _, text, grid = self._colours()
        shown = [(c, v) for c, v in sorted(daily.amounts.items()) if any(v)]
        n = len(daily.days)
        y_ticks = [nice_ticks(float(max(values))) for _, values in shown]
        y_labels = [[(t, tick_text(t, ticks[1])) for t in ticks] for ticks in y_ticks]
        metrics = QFontMetrics(self.font())
        axis_width = 16 + max(metrics.horizontalAdvance(s) for labels in y_labels for _, s in labels)
        # Today's label is centred on the last bar: half of it reaches past the plot's right edge.
        overhang = max(metrics.horizontalAdvance(day_label(day)) for day in daily.days) // 2 + 4
        rows, columns = grid_shape(len(shown))
        points = f"{self.font().pointSizeF():g}pt"
        self._day_plots = []
        for place, ((currency, values), labels) in enumerate(zip(shown, y_labels, strict=True)):
            axis = _day_axis_type(pg)(daily.days)
            plot = self._plot(view, place // columns, place % columns, {"bottom": axis})
            plot.setTitle(currency, color=text.name(), size=points, bold=True)
            # Positions on the screen only: the amounts people read stay Decimal (tooltips, summary).
            heights = [float(value) for value in values]
            bars = pg.BarGraphItem(x=list(range(n)), height=heights, width=0.7, brush=DAY_BAR, pen=None)
            plot.addItem(bars)
            left = plot.getAxis("left")
            left.setTicks([labels, []])
            left.setWidth(axis_width)
            for value, _ in labels[1:]:  # drawn as lines, not the axis's grid, which hides the end labels
                plot.addItem(pg.InfiniteLine(pos=value, angle=0, pen=grid, movable=False))
            axis.setStyle(hideOverlappingLabels=overhang)
            plot.setXRange(-0.6, n - 0.4, padding=0)
            plot.setYRange(0, labels[-1][0] * 1.04, padding=0)
            self._day_plots.append((currency, plot))
        view.ci.setContentsMargins(2, 4, overhang, 2)
        view.ci.layout.setHorizontalSpacing(overhang + 6)
        view.ci.layout.setVerticalSpacing(10)
        view.setMinimumHeight(ROW_HEIGHT * rows if rows > 1 else 0)

    def _draw_outcomes(self, counts: Mapping[Outcome, int]) -> None:
        if self._outcomes_view is None:
            self._outcomes_view = self._view()
            self._outcomes_view.setAccessibleName(self.tr("Outcomes chart"))
            self.outcomes_stack.addWidget(self._outcomes_view)
        view, pg = self._outcomes_view, self._pg
        view.ci.clear()
        _, text, _ = self._colours()
        plot = self._plot(view, 0)
        plot.hideAxis("bottom")
        values = [counts.get(outcome, 0) for outcome in OUTCOMES]
        brushes = [outcome_colour(outcome) for outcome in OUTCOMES]
        pens = [pg.mkPen(text, width=1) if value else pg.mkPen(None) for value in values]
        rows = list(range(len(values)))
        bars = pg.BarGraphItem(
            x0=[0] * len(rows), y=rows, width=values, height=0.65, brushes=brushes, pens=pens
        )
        plot.addItem(bars)
        for i, value in enumerate(values):
            label = pg.TextItem(f"\u00a0{value:,}", color=text, anchor=(0, 0.5))
            label.setPos(value, i)
            plot.addItem(label)
        labels = [outcome_label(outcome) for outcome in OUTCOMES]
        left = plot.getAxis("left")
        left.setTicks([list(enumerate(labels)), []])
        left.setWidth(16 + max(QFontMetrics(self.font()).horizontalAdvance(s) for s in labels))
        plot.invertY(True)
        plot.setYRange(-0.5, len(values) - 0.5, padding=0)
        room = QFontMetrics(self.font()).horizontalAdvance(f"\u00a0{max(values):,}") + 10
        plot.vb.sigResized.connect(lambda vb: _fit_counts(vb, max(values), room))
        _fit_counts(plot.vb, max(values), room)

    def _on_days_hover(self, position: QPointF) -> None:
        for currency, plot in self._day_plots:
            if plot.vb.sceneBoundingRect().contains(position):
                index = round(plot.vb.mapSceneToView(position).x())
                words = self.day_text(currency, index)
                if words:
                    QToolTip.showText(QCursor.pos(), words, self._days_view)
                    return
        QToolTip.hideText()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Light or dark: the plots are drawn again in the new palette's colours."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._render()


def _fit_counts(view_box: Any, top: int, room: int) -> None:
    """The widest bar ends `room` pixels before the plot's edge, so its count is written in full."""
    width = view_box.width()
    free = width - room if width > 2 * room else width / 2
    view_box.setXRange(0, top * width / max(free, 1), padding=0)


DAY_BAR = outcome_colour(Outcome.COLLECTED).name()  # these bars are collected amounts


def _note_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    return label
