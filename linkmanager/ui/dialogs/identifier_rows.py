"""The create form's "Ask the payer for" rows: type, label, required, character limit; add and remove.

Each row has its own error line, so "The character limit must be from 1 to 255." appears under
the row it is about (errors arrive keyed `identifiers[2].limit`, see domain.link_draft).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from linkmanager.domain.link_draft import IDENTIFIER_LIMIT_RANGE, IdentifierDraft, identifier_key


class IdentifierRow(QWidget):
    """One field the payer fills in."""

    remove_requested = Signal(object)  # this row

    def __init__(self, parent: QWidget | None, error_color: str) -> None:
        super().__init__(parent)
        self.type_box = QComboBox(self)
        self.type_box.setAccessibleName(self.tr("Field type"))
        choices = (  # Lean's type, its name, the label's placeholder
            ("EMAIL", self.tr("Email address"), self.tr("e.g. Your email address")),
            ("MOBILE_PHONE", self.tr("Mobile phone"), self.tr("e.g. Your mobile number")),
            ("TEXT", self.tr("Text"), self.tr("e.g. Invoice number")),
        )
        self._hints = {value: hint for value, _, hint in choices}
        for value, title, _ in choices:
            self.type_box.addItem(title, value)
        self.label_edit = QLineEdit(self)
        self.label_edit.setAccessibleName(self.tr("Label shown to the payer"))
        self.required_box = QCheckBox(self.tr("Required"), self)
        self.required_box.setAccessibleName(self.tr("Required"))
        self.limit_box = QSpinBox(self)
        self.limit_box.setAccessibleName(self.tr("Character limit"))
        self.limit_box.setRange(0, IDENTIFIER_LIMIT_RANGE[1])
        self.limit_box.setSpecialValueText(self.tr("No limit"))
        self.limit_box.setPrefix(self.tr("max "))
        self.limit_box.setSuffix(self.tr(" chars"))
        self.limit_box.setToolTip(self.tr("The most characters the payer can type (1 to 255)"))
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setAccessibleName(self.tr("Remove this field"))
        self.error = QLabel(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"QLabel {{ color: {error_color}; }}")
        self.error.hide()

        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.type_box)
        line.addWidget(self.label_edit, 1)
        line.addWidget(self.required_box)
        line.addWidget(self.limit_box)
        line.addWidget(self.remove_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addLayout(line)
        box.addWidget(self.error)

        self.type_box.currentIndexChanged.connect(self._type_changed)
        self.remove_button.clicked.connect(self._remove)
        self.label_edit.textEdited.connect(self.error.hide)
        self._type_changed()

    def _remove(self) -> None:
        self.remove_requested.emit(self)

    def _type_changed(self) -> None:
        self.label_edit.setPlaceholderText(self._hints.get(self.type_box.currentData(), ""))
        self.error.hide()

    def value(self) -> IdentifierDraft:
        limit = self.limit_box.value()
        return IdentifierDraft(
            str(self.type_box.currentData()),
            self.label_edit.text(),
            self.required_box.isChecked(),
            limit or None,
        )

    def set_value(self, row: IdentifierDraft) -> None:
        index = self.type_box.findData(row.type)
        if index < 0:  # a type Lean added that we do not know: kept visible, and refused by the checks
            self.type_box.addItem(row.type, row.type)
            index = self.type_box.count() - 1
        self.type_box.setCurrentIndex(index)
        self.label_edit.setText(row.label)
        self.required_box.setChecked(row.required)
        self.limit_box.setValue(
            row.limit if row.limit is not None and row.limit <= self.limit_box.maximum() else 0
        )

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))


class IdentifierRows(QWidget):
    """Rows of identifiers with an "Add" button; empty means the payer is asked for nothing."""

    changed = Signal()

    def __init__(self, parent: QWidget | None, error_color: str) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Fields to collect from the payer"))
        self._error_color = error_color
        self.rows: list[IdentifierRow] = []
        self._rows_box = QVBoxLayout()
        self._rows_box.setContentsMargins(0, 0, 0, 0)
        self.empty_label = QLabel(self.tr("The payer is asked for nothing before paying."), self)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.add_button = QPushButton(self.tr("Add a field…"), self)
        self.add_button.setAccessibleName(self.tr("Add a field to collect"))
        self.add_button.clicked.connect(self.add_row)
        footer = QHBoxLayout()
        footer.addWidget(self.empty_label)
        footer.addStretch(1)
        footer.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._rows_box)
        layout.addLayout(footer)

    def add_row(self) -> IdentifierRow:
        row = IdentifierRow(self, self._error_color)
        row.remove_requested.connect(self._remove_row)
        self._rows_box.addWidget(row)
        self.rows.append(row)
        self._update()
        row.label_edit.setFocus()
        return row

    def _remove_row(self, row: object) -> None:
        if isinstance(row, IdentifierRow) and row in self.rows:
            self.rows.remove(row)
            self._rows_box.removeWidget(row)
            row.deleteLater()
            self._update()

    def _update(self) -> None:
        self.empty_label.setVisible(not self.rows)
        self.changed.emit()

    def values(self) -> tuple[IdentifierDraft, ...]:
        return tuple(row.value() for row in self.rows)

    def set_values(self, values: tuple[IdentifierDraft, ...]) -> None:
        for row in list(self.rows):
            self._remove_row(row)
        for value in values:
            self.add_row().set_value(value)

    def show_errors(self, errors: Mapping[str, str]) -> None:
        """Each row shows its own first problem (type, then label, then limit)."""
        for i, row in enumerate(self.rows):
            keys = (identifier_key(i, name) for name in ("type", "display_label", "limit", "required"))
            row.show_error(next((errors[k] for k in keys if k in errors), ""))

    def shown_errors(self) -> dict[int, str]:
        return {i: row.error.text() for i, row in enumerate(self.rows) if not row.error.isHidden()}
