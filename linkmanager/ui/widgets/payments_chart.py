"""The Payments view's chart: collected per local day for the last 30 days, and the outcome breakdown.

Left, one small bar plot per currency, stacked and sharing the day axis: a day's total is a
separate amount, not a point on a trend, so bars (not lines); and each currency keeps its own
amount axis, labelled with its code, because AED in thousands and KWD in tens on one axis would
flatten KWD to zero and invite comparing amounts that cannot be compared. Pointing at a bar gives
the exact Decimal amount for that day; the exact 30-day totals are written under the plots.

Right, the count of payments per outcome for the current filter as horizontal bars in the
outcomes' fixed colours, the count written at each bar's end, so colour is never the only cue.

Screen readers cannot read a plot: the widget's accessible description (and the summary line under
the plots) says the same in words. pyqtgraph (~0.8 s to import) loads with the first data shown,
never with this module.
"""

from __future__ import annotations

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

PLOT_HEIGHT = 130  # each currency's plot, at least (more currencies scroll)
DAY_TICK_EVERY = 7  # a labelled day each week, counted back from today
DAY_LABEL_ROOM = 24  # pixels right of the plots for the newest day's label
DAY_BAR = "#009E73"  # the Collected outcome's colour: these bars are collected amounts


def tr(text: str) -> str:
    return QCoreApplication.translate("PaymentsChart", text)


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


def day_ticks(days: Sequence[date]) -> list[tuple[int, str]]:
    """Labelled days: today and each week before it ("12 May"), so the newest day is always named."""
    locale = QLocale()
    picked = range(len(days) - 1, -1, -DAY_TICK_EVERY)
    return sorted((i, locale.toString(_qdate(days[i]), "d MMM")) for i in picked)


def _total(values: Sequence[Decimal]) -> Decimal:
    return sum(values, Decimal(0))


def _has_collected(daily: DailyCollected) -> bool:
    return any(any(values) for values in daily.amounts.values())


class PaymentsChart(QWidget):
    """show_data(daily, counts, zone label) draws both charts; clear() empties them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Payments chart"))
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

        self.outcomes_title = QLabel(tr("Outcomes for this filter"))
        self.outcomes_empty = _note_label()
        self.outcomes_empty.setText(tr("No payments for this filter"))
        self.outcomes_stack = QStackedWidget()
        self.outcomes_stack.addWidget(self.outcomes_empty)

        self.summary = QLabel()  # the exact amounts, in words: what a screen reader reads too
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName(tr("Chart summary"))

        left = QVBoxLayout()
        left.addWidget(self.days_title)
        left.addWidget(self.days_stack, 1)
        right = QVBoxLayout()
        right.addWidget(self.outcomes_title)
        right.addWidget(self.outcomes_stack, 1)
        charts = QHBoxLayout()
        charts.addLayout(left, 3)
        charts.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(charts, 1)
        layout.addWidget(self.summary)
        self.setMinimumHeight(260)
        self.clear()

    # -- what it is given ------------------------------------------------------------------------

    def show_data(
        self, daily: DailyCollected, outcome_counts: Mapping[Outcome, int], zone_label: str
    ) -> None:
        """Collected per local day (one plot per currency) and the outcome counts of the filter."""
        self._last = (daily, dict(outcome_counts), zone_label)
        self._render()

    def clear(self) -> None:
        self._last = None
        self._day_plots = []
        self.days_title.setText(tr("Collected per day"))
        self.days_empty.setText(tr("No data to show yet"))
        self.days_stack.setCurrentWidget(self.days_empty)
        self.outcomes_stack.setCurrentWidget(self.outcomes_empty)
        self.summary.setText("")
        self.setAccessibleDescription(tr("No data to show yet"))

    def day_text(self, currency: str, index: int) -> str:
        """What pointing at a day's bar says: "Tue 12 May 2026: AED 1,250.00" (exact)."""
        if self._last is None:
            return ""
        daily = self._last[0]
        values = daily.amounts.get(currency)
        if values is None or not 0 <= index < len(values):
            return ""
        day = QLocale().toString(_qdate(daily.days[index]), "ddd d MMM yyyy")
        return tr("{day}: {amount} collected").format(
            day=day, amount=format_money(Money(values[index], currency))
        )

    # -- drawing ---------------------------------------------------------------------------------

    def _render(self) -> None:
        if self._last is None:
            return
        daily, counts, zone_label = self._last
        n = len(daily.days)
        self.days_title.setText(
            tr("Collected per day, last {days} days (local days, {zone})").format(days=n, zone=zone_label)
        )
        self.days_empty.setText(
            tr("No collected payments in the last {days} days for this filter").format(days=n)
        )
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
        text = self._words(daily, counts)
        self.summary.setText(text)
        self.setAccessibleDescription(text)
        for view in (self._days_view, self._outcomes_view):
            if view is not None:
                view.setAccessibleDescription(text)

    def _words(self, daily: DailyCollected, counts: Mapping[Outcome, int]) -> str:
        n = len(daily.days)
        if _has_collected(daily):
            parts = [
                tr("{amount} on {days} days").format(
                    amount=format_money(Money(_total(values), currency)),
                    days=sum(1 for value in values if value),
                )
                for currency, values in sorted(daily.amounts.items())
                if any(values)
            ]
            collected = tr("Collected in the last {days} days: {totals}.").format(
                days=n, totals="; ".join(parts)
            )
        else:
            collected = tr("No collected payments in the last {days} days for this filter.").format(days=n)
        outcomes = ", ".join(
            tr("{outcome} {count}").format(outcome=outcome_label(o), count=f"{counts.get(o, 0):,}")
            for o in OUTCOMES
        )
        return tr("{collected} Payments for this filter by outcome: {outcomes}.").format(
            collected=collected, outcomes=outcomes
        )

    def _colours(self) -> tuple[QColor, QColor, QColor]:
        """Background, text and grid colours from the palette (light or dark)."""
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        grid = QColor(text)
        grid.setAlpha(50)
        return palette.color(QPalette.ColorRole.Window), text, grid

    def _view(self) -> Any:
        if self._pg is None:
            self._pg = _pyqtgraph()
        view = self._pg.GraphicsLayoutWidget()
        view.setAccessibleName(tr("Chart"))
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return view

    def _plot(self, view: Any, row: int) -> Any:
        background, text, _ = self._colours()
        view.setBackground(background)
        plot = view.addPlot(row=row, col=0)
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
            self._days_view.setAccessibleName(tr("Collected per day chart"))
            self._days_view.scene().sigMouseMoved.connect(self._on_days_hover)
            self.days_area.setWidget(self._days_view)
        view, pg = self._days_view, self._pg
        view.ci.clear()
        _, text, grid = self._colours()
        shown = [(c, v) for c, v in sorted(daily.amounts.items()) if any(v)]
        n = len(daily.days)
        x_ticks = day_ticks(daily.days)
        y_labels: list[list[tuple[float, str]]] = []
        for values in (v for _, v in shown):
            ticks = nice_ticks(float(max(values)))
            y_labels.append([(t, tick_text(t, ticks[1])) for t in ticks])
        metrics = QFontMetrics(self.font())
        axis_width = 16 + max(metrics.horizontalAdvance(s) for labels in y_labels for _, s in labels)
        self._day_plots = []
        for row, ((currency, values), labels) in enumerate(zip(shown, y_labels, strict=True)):
            plot = self._plot(view, row)
            plot.setLabel("left", currency, color=text.name())
            # Positions on the screen only: the amounts people read stay Decimal (tooltips, summary).
            heights = [float(value) for value in values]
            plot.addItem(
                pg.BarGraphItem(x=list(range(n)), height=heights, width=0.7, brush=DAY_BAR, pen=None)
            )
            left = plot.getAxis("left")
            left.setTicks([labels, []])
            left.setWidth(axis_width)
            for value, _ in labels[1:]:  # drawn as lines, not the axis's grid, which hides the end labels
                plot.addItem(pg.InfiniteLine(pos=value, angle=0, pen=grid, movable=False))
            bottom = plot.getAxis("bottom")
            bottom.setTicks([x_ticks, [(i, "") for i in range(n)]])
            bottom.setStyle(showValues=row == len(shown) - 1, hideOverlappingLabels=DAY_LABEL_ROOM)
            plot.setXRange(-0.6, n - 0.4, padding=0)
            plot.setYRange(0, labels[-1][0] * 1.04, padding=0)
            self._day_plots.append((currency, plot))
        view.ci.setContentsMargins(2, 8, DAY_LABEL_ROOM, 2)  # today's label, half past the last bar
        view.ci.layout.setVerticalSpacing(14)
        view.setMinimumHeight(PLOT_HEIGHT * len(shown))

    def _draw_outcomes(self, counts: Mapping[Outcome, int]) -> None:
        if self._outcomes_view is None:
            self._outcomes_view = self._view()
            self._outcomes_view.setAccessibleName(tr("Outcomes chart"))
            self.outcomes_stack.addWidget(self._outcomes_view)
        view, pg = self._outcomes_view, self._pg
        view.ci.clear()
        _, text, _ = self._colours()
        plot = self._plot(view, 0)
        plot.hideAxis("bottom")
        values = [counts.get(outcome, 0) for outcome in OUTCOMES]
        plot.addItem(
            pg.BarGraphItem(
                x0=[0] * len(values),
                y=list(range(len(values))),
                width=values,
                height=0.65,
                brushes=[outcome_colour(outcome) for outcome in OUTCOMES],
                pens=[pg.mkPen(text, width=1) if value else pg.mkPen(None) for value in values],
            )
        )
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


def _note_label() -> QLabel:
    label = QLabel()
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    return label
