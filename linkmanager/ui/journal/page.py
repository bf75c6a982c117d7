"""The Journal page: a banner when the journal needs attention, the filters, the entries' table.

Thin widgets: what a filter means (dates in local days, a link by id or name) is
services.journal_view's; the page says what the user chose (`filters_changed`) and shows what it
is given. The date choices are the Payments page's, in the same words (their translations serve
both), and mean the same local days (services.date_ranges).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from linkmanager.domain.i18n import QT_TRANSLATE_NOOP
from linkmanager.services.date_ranges import QuickRange
from linkmanager.services.journal_view import JournalColumn
from linkmanager.services.workspace import JournalEntry
from linkmanager.ui.journal.model import ACTION_WORDS, OUTCOME_WORDS, JournalTableModel
from linkmanager.ui.widgets.table_views import COMPACT_ID, fit_columns, make_table, moment_sample

# The Payments page's date choices, in its words and context: one translation for both pages.
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
FIRST_DAY = QDate(2000, 1, 1)
FUTURE_DAYS = 366
RED = "#E5484D"
_HIDDEN = (JournalColumn.BATCH,)


def _combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


class JournalPage(QWidget):
    filters_changed = Signal()

    def __init__(self, model: JournalTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.banner = QLabel()
        self.banner.setTextFormat(Qt.TextFormat.PlainText)  # paths and entries come from files
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.banner.setAccessibleName(self.tr("Journal warning"))
        self.banner.setStyleSheet(
            "QLabel { border-width: 0 0 0 3px; border-style: solid;"
            f" border-color: {RED}; padding: 4px 0px 4px 8px; }}"
        )
        self.banner.hide()

        self.link = QLineEdit(placeholderText=self.tr("Link ID or name"))
        self.link.setAccessibleName(self.tr("Link filter"))
        self.link.setClearButtonEnabled(True)
        self.user = _combo(self.tr("User"))
        self.user.addItem(self.tr("All users"), None)
        self.action = _combo(self.tr("Action"))
        self.action.addItem(self.tr("All actions"), None)
        for code, words in ACTION_WORDS.items():
            self.action.addItem(QCoreApplication.translate("JournalModel", words), code)
        self.outcome = _combo(self.tr("Outcome"))
        self.outcome.addItem(self.tr("All outcomes"), None)
        for code, words in OUTCOME_WORDS.items():
            self.outcome.addItem(QCoreApplication.translate("JournalModel", words), code)
        self.dates = _combo(self.tr("Date range"))
        for which, words in _RANGES:
            self.dates.addItem(QCoreApplication.translate("PaymentsPage", words), which)
        self.first_day, self.last_day = QDateEdit(), QDateEdit()
        for edit in (self.first_day, self.last_day):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")  # as exports and the command line write days
            edit.setKeyboardTracking(False)  # a day typed digit by digit applies once finished
            edit.setDateRange(FIRST_DAY, QDate.currentDate().addDays(FUTURE_DAYS))
        self.first_day.setAccessibleName(self.tr("First day"))
        self.last_day.setAccessibleName(self.tr("Last day"))
        today = QDate.currentDate()
        self.first_day.setDate(today.addDays(-6))
        self.last_day.setDate(today)
        self.export_button = QToolButton()  # File > Export view… (Ctrl+E), here too
        self.export_button.setAccessibleName(self.tr("Export the journal"))
        self.note = QLabel()  # "12 entries", "Nothing journalled yet."
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setAccessibleName(self.tr("Journal note"))

        self.table: QTableView = make_table(model, self.tr("Journal table"), (), _HIDDEN)
        self.table.setSortingEnabled(False)  # a journal reads newest first: its own order
        self._fit_columns()

        filters = QHBoxLayout()
        for widget in (
            self.link,
            self.user,
            self.action,
            self.outcome,
            self.dates,
            self.first_day,
            self.last_day,
            self.export_button,
        ):
            filters.addWidget(widget)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addLayout(filters)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        self._show_custom_days()

        self.link.textChanged.connect(lambda _: self.filters_changed.emit())
        for combo in (self.user, self.action, self.outcome):
            combo.currentIndexChanged.connect(lambda _: self.filters_changed.emit())
        self.dates.currentIndexChanged.connect(self._on_dates)
        self.first_day.dateChanged.connect(self._on_first_day)
        self.last_day.dateChanged.connect(self._on_last_day)

    def focus_order(self) -> list[QWidget]:
        return [
            self.link,
            self.user,
            self.action,
            self.outcome,
            self.dates,
            self.first_day,
            self.last_day,
            self.export_button,
            self.table,
        ]

    def _fit_columns(self) -> None:
        metrics = self.table.fontMetrics()
        samples: dict[int, str] = {
            JournalColumn.WHEN: moment_sample(metrics),
            JournalColumn.USER: "accountant",
            JournalColumn.PROFILE: "Main shop (production)",
            JournalColumn.ACTION: QCoreApplication.translate("JournalModel", "Disable"),
            JournalColumn.LINK: "Ramadan iftar (" + COMPACT_ID + ")",
            JournalColumn.STATUS: "Disabled → Active",
            JournalColumn.OUTCOME: QCoreApplication.translate("JournalModel", "Refused"),
            JournalColumn.LEAN: "200 " + COMPACT_ID,
            JournalColumn.REASON: "Customer asked to stop",
            JournalColumn.BATCH: COMPACT_ID,
        }
        fit_columns(self.table, samples, JournalColumn.MESSAGE)

    # -- what the user chose ---------------------------------------------------------------------

    def link_text(self) -> str:
        return self.link.text()

    def user_choice(self) -> str | None:
        user = self.user.currentData()
        return user if isinstance(user, str) else None

    def action_choice(self) -> str | None:
        action = self.action.currentData()
        return action if isinstance(action, str) else None

    def outcome_choice(self) -> str | None:
        outcome = self.outcome.currentData()
        return outcome if isinstance(outcome, str) else None

    def quick_range(self) -> QuickRange:
        return QuickRange(self.dates.currentData())

    def custom_days(self) -> tuple[date, date]:
        first, last = self.first_day.date(), self.last_day.date()
        return date(first.year(), first.month(), first.day()), date(last.year(), last.month(), last.day())

    def _on_dates(self) -> None:
        self._show_custom_days()
        self.filters_changed.emit()

    def _show_custom_days(self) -> None:
        custom = self.quick_range() == QuickRange.CUSTOM
        self.first_day.setVisible(custom)
        self.last_day.setVisible(custom)

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

    # -- what it is given ------------------------------------------------------------------------

    def set_users(self, users: Sequence[str]) -> None:
        """The user filter's choices; the chosen user stays chosen while the journal names them."""
        chosen = self.user_choice()
        with QSignalBlocker(self.user):
            self.user.clear()
            self.user.addItem(self.tr("All users"), None)
            for user in users:
                self.user.addItem(user, user)
            at = self.user.findData(chosen) if chosen is not None else 0
            self.user.setCurrentIndex(max(at, 0))
        if chosen is not None and self.user_choice() != chosen:
            self.filters_changed.emit()

    def set_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setAccessibleDescription(text)
        self.banner.setVisible(bool(text))

    def set_note(self, text: str) -> None:
        self.note.setText(text)

    def selected_entry(self) -> JournalEntry | None:
        index = self.table.currentIndex()
        return self.model.entry_at(index.row()) if index.isValid() else None
