"""The Payments page: outcome tabs and filters over every usage, totals under it, a chart beside.

Thin widgets: what the filters mean (dates in local time, outcomes) is services' and domain's;
the page only says what the user chose (`filters_changed`) and shows what it is given.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
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

from linkmanager.domain.i18n import QT_TRANSLATE_NOOP
from linkmanager.domain.money import Money, format_money
from linkmanager.domain.outcome import Outcome
from linkmanager.domain.status import LinkStatus
from linkmanager.services.date_ranges import QuickRange
from linkmanager.services.payment_totals import TOTALLED, Total
from linkmanager.services.payments import PaymentColumn
from linkmanager.ui.models.payments_model import PaymentsTableModel
from linkmanager.ui.models.status_style import (
    PAYMENT_STATUS_LABELS,
    USAGE_STATUS_LABELS,
    payment_status_text,
    usage_status_text,
)
from linkmanager.ui.widgets.copy_field import status_text
from linkmanager.ui.widgets.outcome_legend import legend_dialog, outcome_label
from linkmanager.ui.widgets.table_views import elide_ids, make_table

TAB_OUTCOMES: tuple[Outcome | None, ...] = (
    None,
    Outcome.COLLECTED,
    Outcome.PENDING,
    Outcome.FAILED,
    Outcome.STARTED,
    Outcome.EXPIRED,
)
_RANGES = (
    (QuickRange.ALL, QT_TRANSLATE_NOOP("PaymentsPage", "All dates")),
    (QuickRange.TODAY, QT_TRANSLATE_NOOP("PaymentsPage", "Today")),
    (QuickRange.YESTERDAY, QT_TRANSLATE_NOOP("PaymentsPage", "Yesterday")),
    (QuickRange.THIS_WEEK, QT_TRANSLATE_NOOP("PaymentsPage", "This week")),
    (QuickRange.LAST_7_DAYS, QT_TRANSLATE_NOOP("PaymentsPage", "Last 7 days")),
    (QuickRange.THIS_MONTH, QT_TRANSLATE_NOOP("PaymentsPage", "This month")),
    (QuickRange.LAST_MONTH, QT_TRANSLATE_NOOP("PaymentsPage", "Last month")),
    (QuickRange.CUSTOM, QT_TRANSLATE_NOOP("PaymentsPage", "Custom…")),
)
_HIDDEN = (PaymentColumn.CUSTOMER_ID, PaymentColumn.USAGE_STATUS)
_UUID = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
# What a typical cell holds: each column starts as wide as this or its title, whichever is wider.
_SAMPLES: dict[PaymentColumn, str] = {
    PaymentColumn.LINK: "Ramadan iftar contribution",
    PaymentColumn.REFERENCE: "INV-2026-000123",
    PaymentColumn.AMOUNT: "1,234,567.000",
    PaymentColumn.CURRENCY: "AED",
    PaymentColumn.PAYMENT_ID: _UUID,
    PaymentColumn.CUSTOMER_ID: _UUID,
    PaymentColumn.PAYER: "payer.name@example.com",
}
_CELL_PAD = 16  # the cell's margins, and a little air
_HEAD_PAD = 32  # the header's margins and its sort arrow
_ICON = 20  # the outcome's dot and the gap after it
LINK_MAX_CHARS = 60  # on a wide screen the Link column takes spare room up to this many "x" wide
FIRST_DAY = QDate(2000, 1, 1)  # the custom range's limits: no payment link is older, and
FUTURE_DAYS = 366  # typing 2062 for 2026 is refused rather than silently showing nothing


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
        self.tabs.setAccessibleName(self.tr("Outcome tabs"))
        self.tabs.setExpanding(False)
        for outcome in TAB_OUTCOMES:
            self.tabs.addTab(self.tr("All payments") if outcome is None else outcome_label(outcome))
        self.currency = _combo(self.tr("Currency"))
        self.currency.addItem(self.tr("All currencies"), None)
        self.dates = _combo(self.tr("Date range"))
        for which, words in _RANGES:
            self.dates.addItem(QCoreApplication.translate("PaymentsPage", words), which)
        self.first_day, self.last_day = QDateEdit(), QDateEdit()
        for edit in (self.first_day, self.last_day):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")  # unambiguous, as exports and the command line write days
            # A day typed digit by digit applies once finished (Enter, Tab): "2026-05-1" on the way
            # to "2026-05-14" neither filters a million payments nor pushes the other day along.
            edit.setKeyboardTracking(False)
        self.first_day.setAccessibleName(self.tr("First day"))
        self.first_day.setToolTip(self.tr("First day of the range (included)"))
        self.last_day.setAccessibleName(self.tr("Last day"))
        self.last_day.setToolTip(self.tr("Last day of the range (included)"))
        today = QDate.currentDate()
        self._limit_days()
        self.first_day.setDate(today.addDays(-6))
        self.last_day.setDate(today)
        self.link_status = _combo(self.tr("Link status"))
        self.link_status.addItem(self.tr("Any link status"), None)
        for status in LinkStatus.known():
            self.link_status.addItem(status_text(status), status)
        self.legend_button = QToolButton()
        self.legend_button.setText(self.tr("What do these mean?"))
        self.legend_button.setAccessibleName(self.tr("Outcome legend"))
        self.chart_button = QToolButton()
        self.chart_button.setText(self.tr("Chart"))
        self.chart_button.setCheckable(True)
        self.chart_button.setAccessibleName(self.tr("Show the chart"))

        self.table: QTableView = make_table(model, self.tr("Payments table"), (), _HIDDEN)
        # An ID keeps its start and its end (a link's name, cut, keeps its start).
        elide_ids(self.table, (PaymentColumn.PAYMENT_ID, PaymentColumn.CUSTOMER_ID))
        self.default_widths = self._default_widths()
        for column, width in self.default_widths.items():
            self.table.setColumnWidth(column, width)
        self._default_layout = self._header_layout()
        self._shown_once = False
        self._auto_fit = False  # the Link column follows the window until the user sizes a column
        self._fitting = False
        self.table.horizontalHeader().sectionResized.connect(self._on_section_resized)
        self.table.horizontalHeader().setSortIndicator(PaymentColumn.SEEN, Qt.SortOrder.DescendingOrder)
        self.totals = QFrame()
        self.totals.setAccessibleName(self.tr("Totals"))
        self._totals_grid = QGridLayout(self.totals)
        self._totals_grid.setContentsMargins(4, 2, 4, 2)
        self.note = QLabel()  # "Reading 1,000,000 payments…", "No payment matches these filters."
        self.note.setAccessibleName(self.tr("Payments note"))
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
        self.first_day.dateChanged.connect(self._on_first_day)
        self.last_day.dateChanged.connect(self._on_last_day)
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
        if custom:
            self._limit_days()  # today moves on: the latest day allowed follows it
        self.first_day.setVisible(custom)
        self.last_day.setVisible(custom)

    def _limit_days(self) -> None:
        latest = QDate.currentDate().addDays(FUTURE_DAYS)
        for edit in (self.first_day, self.last_day):
            edit.setDateRange(FIRST_DAY, latest)

    def _on_first_day(self, day: QDate) -> None:
        """The first day moved past the last: the last follows, so the range shown is the one applied."""
        if day > self.last_day.date():
            with QSignalBlocker(self.last_day):
                self.last_day.setDate(day)
        self.filters_changed.emit()

    def _on_last_day(self, day: QDate) -> None:
        if day < self.first_day.date():
            with QSignalBlocker(self.first_day):
                self.first_day.setDate(day)
        self.filters_changed.emit()

    def _on_chart(self, shown: bool) -> None:
        self.chart_holder.setVisible(shown)
        self.chart_toggled.emit(shown)

    # -- column widths -------------------------------------------------------------------------

    def _default_widths(self) -> dict[PaymentColumn, int]:
        """Each column as wide as its title or a typical value, in this screen's fonts."""
        cells, heads = self.table.fontMetrics(), self.table.horizontalHeader().fontMetrics()
        when = QCoreApplication.translate("PaymentsModel", "before {when}").format(
            when="05 Dec 2026 09:16 +04:00"
        )
        samples = dict(_SAMPLES)
        samples[PaymentColumn.SEEN] = when
        samples[PaymentColumn.OUTCOME] = max((outcome_label(o) for o in Outcome), key=cells.horizontalAdvance)
        usage_words = (usage_status_text(code) for code in USAGE_STATUS_LABELS)
        samples[PaymentColumn.USAGE_STATUS] = max(usage_words, key=cells.horizontalAdvance)
        payment_words = (payment_status_text(code) for code in PAYMENT_STATUS_LABELS)
        samples[PaymentColumn.PAYMENT_STATUS] = max(payment_words, key=cells.horizontalAdvance)
        widths = {}
        for column in PaymentColumn:
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            cell = cells.horizontalAdvance(samples[column]) + _CELL_PAD
            if column == PaymentColumn.OUTCOME:
                cell += _ICON
            widths[column] = max(cell, heads.horizontalAdvance(title) + _HEAD_PAD)
        return widths

    def _last_shown(self) -> int | None:
        """The column the header stretches: the rightmost one shown."""
        header = self.table.horizontalHeader()
        shown = [c for c in PaymentColumn if not header.isSectionHidden(c)]
        return max(shown, key=header.visualIndex, default=None)

    def _header_layout(self) -> tuple[tuple[int, bool, int], ...]:
        """Order, hidden and width of every column but the stretched last: what a restored
        header state changes (window_state restores it before the page is first shown)."""
        header, last = self.table.horizontalHeader(), self._last_shown()
        return tuple(
            (header.visualIndex(c), header.isSectionHidden(c), 0 if c == last else header.sectionSize(c))
            for c in PaymentColumn
        )

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self._auto_fit = self._header_layout() == self._default_layout  # no saved state
            self.fit_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_columns()

    def _on_section_resized(self, column: int, old: int, new: int) -> None:
        if not self._fitting and column != self._last_shown():  # the user's own widths: they stay as left
            self._auto_fit = False

    def fit_columns(self) -> None:
        """Until the user sizes a column, spare room goes half to the Link column (up to
        LINK_MAX_CHARS wide) and half to the stretched last one, rather than all to the last;
        short of room, the ID columns give theirs first (elided in the middle: 254b0c…a0c3)."""
        header = self.table.horizontalHeader()
        shown = [c for c in PaymentColumn if not header.isSectionHidden(c)]
        if not self._auto_fit or PaymentColumn.LINK not in shown or self._last_shown() == PaymentColumn.LINK:
            return
        spare = self.table.viewport().width() - sum(self.default_widths[c] for c in shown)
        link = self.default_widths[PaymentColumn.LINK]
        most = max(self.table.fontMetrics().horizontalAdvance("x" * LINK_MAX_CHARS), link)
        ids = [
            c for c in (PaymentColumn.PAYMENT_ID, PaymentColumn.CUSTOMER_ID) if c in shown and c != shown[-1]
        ]
        least = self.table.fontMetrics().horizontalAdvance(_UUID[:8] + "…" + _UUID[-6:]) + _CELL_PAD
        self._fitting = True
        try:
            header.resizeSection(PaymentColumn.LINK, min(link + max(spare, 0) // 2, most))
            for column in ids:  # each gives up to what the others lack, never below `least`
                full = self.default_widths[column]
                header.resizeSection(column, max(least, full + min(spare, 0) // len(ids)))
        finally:
            self._fitting = False

    # -- what it is given ------------------------------------------------------------------------

    def set_currencies(self, currencies: Sequence[str]) -> None:
        chosen = self.currency_code()
        self.currency.blockSignals(True)
        self.currency.clear()
        self.currency.addItem(self.tr("All currencies"), None)
        for code in currencies:
            self.currency.addItem(code, code)
        at = self.currency.findData(chosen) if chosen else 0
        self.currency.setCurrentIndex(max(at, 0))
        self.currency.blockSignals(False)

    def show_counts(self, counts: Mapping[Outcome, int]) -> None:
        for tab, outcome in enumerate(TAB_OUTCOMES):
            count = sum(counts.values()) if outcome is None else counts.get(outcome, 0)
            words = self.tr("All payments") if outcome is None else outcome_label(outcome)
            self.tabs.setTabText(tab, f"{words} ({count:,})")

    def show_totals(self, totals: Mapping[str, Mapping[Outcome, Total]]) -> None:
        grid = self._totals_grid
        while grid.count():
            item = grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        heads = [self.tr("Totals"), *(outcome_label(outcome) for outcome in TOTALLED)]
        for column, words in enumerate(heads):
            grid.addWidget(_cell(f"<b>{words}</b>", rich=True), 0, column)
        if not totals:
            grid.addWidget(_cell(self.tr("No payments in this view.")), 1, 0, 1, len(heads))
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
    return QCoreApplication.translate("PaymentsPage", "{count} · {amount}").format(
        count=f"{total.count:,}", amount=amount
    )


def _cell(text: str, *, rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
