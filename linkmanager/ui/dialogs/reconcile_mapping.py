"""Which columns of a bank statement hold the date, amount, currency and description.

Each column is chosen from the statement's own titles (set_titles; the field stays editable for a
letter, a number or a title further down), and a title that obviously fits ("Date", "Amount",
"Currency", "Description"/"Details"/"Narrative") is chosen for an empty field. Chosen once per bank:
picking a bank the cache remembers fills its columns, over any guess. "Read statement" asks
the controller to read the file (on the runner); a statement that does not read is refused with
its sentence in red under the fields, and the dialog stays open to fix the mapping. Nothing is
stored before a clean read (the controller remembers the columns after one).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QPalette, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from linkmanager.domain.money import is_iso_currency
from linkmanager.services.reconcile_export import BankColumns
from linkmanager.services.statement import ColumnMapping
from linkmanager.ui.text import LEFT_TO_RIGHT, isolated
from linkmanager.ui.widgets.copy_field import muted, plain_label

WIDTH = 560
TITLE_MOST = 200  # what a mapping may name (services.statement); a longer title is not offered
# The titles that obviously hold each value, most likely first (matched trimmed, in any case).
OBVIOUS_TITLES = {
    "date": ("date",),
    "amount": ("amount",),
    "currency": ("currency",),
    "description": ("description", "details", "narrative", "narration"),
}


def _key(title: str) -> str:
    return " ".join(title.split()).casefold()


def obvious_columns(titles: Sequence[str]) -> dict[str, str]:
    """The title that obviously holds each value: one named so exactly, else the only one that has
    the word in it ("Posting date"; "Debit amount" and "Credit amount" are no obvious pick)."""
    chosen: dict[str, str] = {}
    for field, words in OBVIOUS_TITLES.items():
        free = [t for t in titles if t not in chosen.values()]
        exact = [t for word in words for t in free if _key(t) == word]
        pattern = re.compile(r"\b(?:" + "|".join(words) + r")\b")
        within = [t for t in free if pattern.search(_key(t))]
        if exact or len(within) == 1:
            chosen[field] = (exact or within)[0]
    return chosen


@dataclass(frozen=True, slots=True)
class ReadRequest:
    """What the user asked to read the statement with."""

    mapping: ColumnMapping
    default_currency: str | None
    bank: str  # "" when none is named
    remember: bool


class ReconcileMappingDialog(QDialog):
    """The bank and its four columns; read_requested(ReadRequest) when the user asks to read."""

    read_requested = Signal(object)

    def __init__(self, file_name: str, parent: QWidget | None = None, *, titles: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reconcile bank statement"))
        self.setAccessibleName(self.tr("Statement columns"))
        self._banks: dict[str, BankColumns] = {}  # by name in any case

        self.file_label = plain_label(
            f"{LEFT_TO_RIGHT}" + self.tr("Statement: {name}").format(name=isolated(file_name))
        )
        self.file_label.setAccessibleName(self.tr("Statement file"))
        self.file_label.setWordWrap(True)
        self.bank_combo = QComboBox()
        self.bank_combo.setEditable(True)
        self.bank_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.bank_combo.setAccessibleName(self.tr("Bank"))
        self.bank_combo.setToolTip(self.tr("A bank whose columns were remembered, or a new bank's name"))
        bank_edit = QLineEdit()
        bank_edit.setPlaceholderText(self.tr("e.g. Emirates NBD"))
        bank_edit.setMaxLength(100)
        self.bank_combo.setLineEdit(bank_edit)
        self.bank_combo.currentTextChanged.connect(self._on_bank)

        self.date_combo = self._column_combo(self.tr("Date column"), self.tr("e.g. Value Date, or B"))
        self.amount_combo = self._column_combo(self.tr("Amount column"), self.tr("e.g. Credit, or D"))
        self.currency_combo = self._column_combo(
            self.tr("Currency column"), self.tr("none: every line is in the default currency")
        )
        self.description_combo = self._column_combo(
            self.tr("Description column"), self.tr("e.g. Narration, or C")
        )
        self._columns = {
            "date": self.date_combo,
            "amount": self.amount_combo,
            "currency": self.currency_combo,
            "description": self.description_combo,
        }
        self._titles: list[str] = []
        self._remembered = False  # a bank's columns filled the fields: no guess then (no currency is one)
        self.hint_label = muted(
            plain_label(
                self.tr(
                    "Choose each column from the statement's titles, or write its title, its letter "
                    "(A, B, …) or its number (1, 2, …). Dates are read day first (DD/MM/YYYY)."
                )
            )
        )
        self.hint_label.setWordWrap(True)
        self.default_currency_edit = QLineEdit()
        self.default_currency_edit.setAccessibleName(self.tr("Default currency"))
        self.default_currency_edit.setPlaceholderText(self.tr("empty: the statement has a currency column"))
        self.default_currency_edit.setMaxLength(3)
        self.default_currency_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression("[A-Za-z]{0,3}"), self.default_currency_edit)
        )
        self.default_currency_edit.textEdited.connect(self._upper_currency)
        self.remember_box = QCheckBox(self.tr("&Remember for this bank"))
        self.remember_box.setAccessibleName(self.tr("Remember for this bank"))
        self.remember_box.setToolTip(self.tr("Next time, choosing this bank fills in these columns"))
        self.remember_box.setChecked(True)

        self.error_label = plain_label(selectable=True)
        self.error_label.setAccessibleName(self.tr("Problem"))
        self.error_label.setWordWrap(True)
        palette = self.error_label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, Qt.GlobalColor.red)
        self.error_label.setPalette(palette)
        self.error_label.hide()
        self.busy_label = muted(plain_label(self.tr("Reading the statement…")))
        self.busy_label.hide()

        self.buttons = QDialogButtonBox()
        self.read_button = QPushButton(self.tr("Read &statement"))
        self.read_button.setAccessibleName(self.tr("Read statement"))
        self.read_button.setToolTip(self.tr("Read the statement with these columns and propose matches"))
        self.read_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.buttons.addButton(self.read_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.read_button.clicked.connect(self.request_read)
        self.cancel_button.clicked.connect(self.reject)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Bank:"), self.bank_combo)
        form.addRow(self.tr("&Date:"), self.date_combo)
        form.addRow(self.tr("&Amount:"), self.amount_combo)
        form.addRow(self.tr("C&urrency:"), self.currency_combo)
        form.addRow(self.tr("D&escription:"), self.description_combo)
        form.addRow("", self.hint_label)
        form.addRow(self.tr("Default &currency:"), self.default_currency_edit)
        form.addRow("", self.remember_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.busy_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        order = (
            self.bank_combo, *self._columns.values(), self.default_currency_edit, self.remember_box,
            self.read_button, self.cancel_button,
        )  # fmt: skip
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self.setMinimumWidth(WIDTH)
        self._update_remember()
        if titles:
            self.set_titles(titles)
        self.bank_combo.setFocus()

    def _column_combo(self, name: str, placeholder: str) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(True)  # a letter, a number, or a title below the rows read, still typed
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setAccessibleName(name)
        combo.setToolTip(
            self.tr("A column title from the statement, a letter (A, B, …) or a number (1, 2, …)")
        )
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(16)  # a long title does not widen the dialog
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(TITLE_MOST)
        combo.setLineEdit(edit)
        completer = combo.completer()
        if completer is not None:  # inline completion would turn a typed letter "B" into "Balance"
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
        return combo

    # -- public ------------------------------------------------------------------------------------

    def set_banks(self, banks: Sequence[BankColumns], chosen: str = "") -> None:
        """The banks the cache remembers; `chosen` (the last one used) is picked and fills the columns."""
        typed = self.bank_combo.currentText()
        self._banks = {b.bank.casefold(): b for b in banks}
        self.bank_combo.blockSignals(True)
        self.bank_combo.clear()
        self.bank_combo.addItems([b.bank for b in banks])
        self.bank_combo.setEditText(typed or chosen)
        self.bank_combo.blockSignals(False)
        self._on_bank(self.bank_combo.currentText())

    def set_titles(self, titles: Sequence[str]) -> None:
        """The statement's column titles, offered by every column field; an empty field gets the one
        that obviously fits, and what is already there (a remembered bank's columns) stays."""
        spaced = (" ".join(str(t).split()) for t in titles)
        self._titles = list(dict.fromkeys(t for t in spaced if 0 < len(t) <= TITLE_MOST))
        guesses = {} if self._remembered else obvious_columns(self._titles)
        for field, combo in self._columns.items():
            kept = combo.currentText()
            combo.clear()
            if field == "currency":
                combo.addItem("")  # none: the default currency
            combo.addItems(self._titles)
            self._choose(combo, kept.strip() or guesses.get(field, ""))

    def titles(self) -> list[str]:
        return list(self._titles)

    def set_default_currency(self, code: str) -> None:
        self.default_currency_edit.setText(code.upper()[:3])

    def mapping(self) -> ColumnMapping | None:
        """The columns as chosen or typed, or None (with the problem shown) when one is missing."""
        needed = (
            (self.date_combo, self.tr("Say which column holds the date.")),
            (self.amount_combo, self.tr("Say which column holds the amount.")),
            (self.description_combo, self.tr("Say which column holds the description.")),
        )
        for combo, problem in needed:
            if not combo.currentText().strip():
                self.show_error(problem)
                combo.setFocus()
                return None
        currency = self.currency_combo.currentText().strip() or None
        chosen = (self.date_combo, self.amount_combo, self.description_combo)
        date, amount, description = (c.currentText().strip() for c in chosen)
        return ColumnMapping(date, amount, currency, description)

    def request_read(self) -> None:
        mapping = self.mapping()
        if mapping is None:
            return
        code = self.default_currency_edit.text().strip().upper() or None
        if code is not None and not is_iso_currency(code):
            self.show_error(self.tr("{code} is not a currency code such as AED or SAR.").format(code=code))
            self.default_currency_edit.setFocus()
            return
        bank = " ".join(self.bank_combo.currentText().split())
        remember = self.remember_box.isChecked() and bool(bank)
        self.show_error("")
        self.read_requested.emit(ReadRequest(mapping, code, bank, remember))

    def set_busy(self, busy: bool) -> None:
        """While the statement is read: the fields stay as they are, Read waits."""
        self.busy_label.setVisible(busy)
        self.read_button.setEnabled(not busy)
        fields: tuple[QWidget, ...] = (
            self.bank_combo, *self._columns.values(), self.default_currency_edit, self.remember_box,
        )  # fmt: skip
        for widget in fields:
            widget.setEnabled(not busy)
        if busy:
            self.error_label.hide()
        else:
            self._update_remember()

    def show_error(self, sentence: str) -> None:
        """One sentence in red under the fields (plain text: it may quote the statement); "" hides it."""
        self.error_label.setText(sentence)
        self.error_label.setVisible(bool(sentence))

    def error_text(self) -> str:
        return self.error_label.text()

    # -- inside ------------------------------------------------------------------------------------

    def _on_bank(self, text: str) -> None:
        held = self._banks.get(" ".join(text.split()).casefold())
        if held is not None and held.mapping is not None:
            for field, combo in self._columns.items():
                self._choose(combo, getattr(held.mapping, field) or "")
            self._remembered = True
        self._update_remember()

    @staticmethod
    def _choose(combo: QComboBox, text: str) -> None:
        """`text` in the field: the statement's title it names (in any case) chosen, else as written."""
        at = combo.findText(text, Qt.MatchFlag.MatchFixedString)  # "": the currency's "none", if any
        combo.setCurrentIndex(at)
        if at < 0:
            combo.setEditText(text)

    def _update_remember(self) -> None:
        named = bool(self.bank_combo.currentText().strip())
        self.remember_box.setEnabled(named)
        if not named:
            self.remember_box.setToolTip(self.tr("Name the bank to remember its columns"))
        else:
            self.remember_box.setToolTip(self.tr("Next time, choosing this bank fills in these columns"))

    def _upper_currency(self, text: str) -> None:
        if text != text.upper():
            at = self.default_currency_edit.cursorPosition()
            self.default_currency_edit.setText(text.upper())
            self.default_currency_edit.setCursorPosition(at)
