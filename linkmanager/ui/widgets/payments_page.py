"""The Payments page: outcome tabs and filters over every usage, totals under it, a chart beside.

Thin widgets: what the filters mean (dates in local time, outcomes) is services' and domain's;
the page only says what the user chose (`filters_changed`) and shows what it is given.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTabBar,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from linkmanager.domain.money import Money, format_money
from linkmanager.domain.outcome import Outcome
from linkmanager.domain.status import LinkStatus
from linkmanager.services.date_ranges import QuickRange
from linkmanager.services.payment_totals import TOTALLED, Total
from linkmanager.services.payments import PaymentColumn
from linkmanager.ui.models.payments_model import PaymentsTableModel
from linkmanager.ui.widgets.outcome_legend import legend_dialog, outcome_label
from linkmanager.ui.widgets.table_views import make_table

TAB_OUTCOMES: tuple[Outcome | None, ...] = (
    None,
    Outcome.COLLECTED,
    Outcome.PENDING,
    Outcome.FAILED,
    Outcome.STARTED,
    Outcome.EXPIRED,
)
_RANGES = (
    (QuickRange.ALL, "All dates"),
    (QuickRange.TODAY, "Today"),
    (QuickRange.YESTERDAY, "Yesterday"),
    (QuickRange.THIS_WEEK, "This week"),
    (QuickRange.LAST_7_DAYS, "Last 7 days"),
    (QuickRange.THIS_MONTH, "This month"),
    (QuickRange.LAST_MONTH, "Last month"),
    (QuickRange.CUSTOM, "Custom…"),
)
_WIDTHS = (
    (PaymentColumn.SEEN, 200),
    (PaymentColumn.LINK, 200),
    (PaymentColumn.REFERENCE, 110),
    (PaymentColumn.AMOUNT, 100),
    (PaymentColumn.CURRENCY, 70),
    (PaymentColumn.OUTCOME, 150),
    (PaymentColumn.PAYMENT_STATUS, 140),
    (PaymentColumn.PAYMENT_ID, 140),
)
_HIDDEN = (PaymentColumn.CUSTOMER_ID, PaymentColumn.USAGE_STATUS)


def tr(text: str) -> str:
    return QCoreApplication.translate("PaymentsPage", text)


def _combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


class PaymentsPage(QWidget):
    filters_changed = Signal()
    chart_toggled = Signal(bool)

    def __init__(self, model: PaymentsTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.tabs = QTabBar()
        self.tabs.setAccessibleName(tr("Outcome tabs"))
        self.tabs.setExpanding(False)
        for outcome in TAB_OUTCOMES:
            self.tabs.addTab(tr("All payments") if outcome is None else outcome_label(outcome))
        self.currency = _combo(tr("Currency"))
        self.currency.addItem(tr("All currencies"), None)
        self.dates = _combo(tr("Date range"))
        for which, words in _RANGES:
            self.dates.addItem(tr(words), which)
        self.first_day, self.last_day = QDateEdit(), QDateEdit()
        for edit in (self.first_day, self.last_day):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")  # unambiguous, as exports and the command line write days
        self.first_day.setAccessibleName(tr("First day"))
        self.last_day.setAccessibleName(tr("Last day"))
        today = QDate.currentDate()
        self.first_day.setDate(today.addDays(-6))
        self.last_day.setDate(today)
        self.link_status = _combo(tr("Link status"))
        self.link_status.addItem(tr("Any link status"), None)
        for status in LinkStatus.known():
            self.link_status.addItem(tr(status.label), status)
        self.legend_button = QToolButton()
        self.legend_button.setText(tr("What do these mean?"))
        self.legend_button.setAccessibleName(tr("Outcome legend"))
        self.chart_button = QToolButton()
        self.chart_button.setText(tr("Chart"))
        self.chart_button.setCheckable(True)
        self.chart_button.setAccessibleName(tr("Show the chart"))

        self.table: QTableView = make_table(model, tr("Payments table"), _WIDTHS, _HIDDEN)
        self.table.horizontalHeader().setSortIndicator(PaymentColumn.SEEN, Qt.SortOrder.DescendingOrder)
        self.totals = QFrame()
        self.totals.setAccessibleName(tr("Totals"))
        self._totals_grid = QGridLayout(self.totals)
        self._totals_grid.setContentsMargins(4, 2, 4, 2)
        self.note = QLabel()  # "Reading 1,000,000 payments…", "No payment matches these filters."
        self.note.setAccessibleName(tr("Payments note"))
        self.chart_holder = QWidget()
        self.chart_layout = QVBoxLayout(self.chart_holder)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        self.chart_holder.hide()

        # The tabs on a row of their own: the filters beside them squeezed Started and Expired out
        # of sight at 1280 pixels once the custom days showed.
        filters = QHBoxLayout()
        for widget in (
            self.currency,
            self.dates,
            self.first_day,
            self.last_day,
            self.link_status,
            self.legend_button,
            self.chart_button,
        ):
            filters.addWidget(widget)
        filters.addStretch(1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.chart_holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        layout.addLayout(filters)
        layout.addWidget(self.note)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.totals)
        self._show_custom_days()

        self.tabs.currentChanged.connect(lambda _: self.filters_changed.emit())
        for combo in (self.currency, self.link_status):
            combo.currentIndexChanged.connect(lambda _: self.filters_changed.emit())
        self.dates.currentIndexChanged.connect(self._on_dates)
        self.first_day.dateChanged.connect(lambda _: self.filters_changed.emit())
        self.last_day.dateChanged.connect(lambda _: self.filters_changed.emit())
        self.chart_button.toggled.connect(self._on_chart)
        self.legend_button.clicked.connect(self.show_legend)

    def show_legend(self) -> None:
        """The outcome rules in words, beside the table (non-modal: the table stays usable)."""
        dialog = legend_dialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    # -- what the user chose ---------------------------------------------------------------------

    def outcome(self) -> Outcome | None:
        return TAB_OUTCOMES[max(self.tabs.currentIndex(), 0)]

    def currency_code(self) -> str | None:
        code = self.currency.currentData()
        return code if isinstance(code, str) else None

    def quick_range(self) -> QuickRange:
        return QuickRange(self.dates.currentData())

    def custom_days(self) -> tuple[date, date]:
        first, last = self.first_day.date(), self.last_day.date()
        return date(first.year(), first.month(), first.day()), date(last.year(), last.month(), last.day())

    def link_status_choice(self) -> LinkStatus | None:
        status = self.link_status.currentData()  # Qt hands a str back, not the LinkStatus stored
        return LinkStatus(status) if isinstance(status, str) and status else None

    def _on_dates(self) -> None:
        self._show_custom_days()
        self.filters_changed.emit()

    def _show_custom_days(self) -> None:
        custom = self.quick_range() == QuickRange.CUSTOM
        self.first_day.setVisible(custom)
        self.last_day.setVisible(custom)

    def _on_chart(self, shown: bool) -> None:
        self.chart_holder.setVisible(shown)
        self.chart_toggled.emit(shown)

    # -- what it is given ------------------------------------------------------------------------

    def set_currencies(self, currencies: Sequence[str]) -> None:
        chosen = self.currency_code()
        self.currency.blockSignals(True)
        self.currency.clear()
        self.currency.addItem(tr("All currencies"), None)
        for code in currencies:
            self.currency.addItem(code, code)
        at = self.currency.findData(chosen) if chosen else 0
        self.currency.setCurrentIndex(max(at, 0))
        self.currency.blockSignals(False)

    def show_counts(self, counts: Mapping[Outcome, int]) -> None:
        for tab, outcome in enumerate(TAB_OUTCOMES):
            count = sum(counts.values()) if outcome is None else counts.get(outcome, 0)
            words = tr("All payments") if outcome is None else outcome_label(outcome)
            self.tabs.setTabText(tab, f"{words} ({count:,})")

    def show_totals(self, totals: Mapping[str, Mapping[Outcome, Total]]) -> None:
        grid = self._totals_grid
        while grid.count():
            item = grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        heads = [tr("Totals"), *(outcome_label(outcome) for outcome in TOTALLED)]
        for column, words in enumerate(heads):
            grid.addWidget(_cell(f"<b>{words}</b>", rich=True), 0, column)
        if not totals:
            grid.addWidget(_cell(tr("No payments in this view.")), 1, 0, 1, len(heads))
        for row, (currency, by_outcome) in enumerate(sorted(totals.items()), start=1):
            grid.addWidget(_cell(currency), row, 0)
            for column, outcome in enumerate(TOTALLED, start=1):
                total = by_outcome.get(outcome)
                grid.addWidget(_cell(_total_text(total, currency)), row, column)
        grid.setColumnStretch(len(heads), 1)

    def set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))


def _total_text(total: Total | None, currency: str) -> str:
    if total is None or total.count == 0:
        return "—"
    amount = format_money(Money(total.amount, currency))
    return tr("{count} · {amount}").format(count=f"{total.count:,}", amount=amount)


def _cell(text: str, *, rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
