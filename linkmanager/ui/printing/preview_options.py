"""The print preview's copies and first label, and the choices remembered between two prints.

"Copies of each link" is a number, or "Fill the sheet" (services.print_copies.FILL): as many copies
as share the free labels of one sheet. "Start at label" is the first free label of a sheet that
was used in part; it is about one physical sheet, so it starts at 1 each time and is never
remembered. Everything else the operator chose (template and paper, grid, copies or fill, the
caption) is kept in the window's settings under "print/" and offered again next time.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from linkmanager.services.print_batch import MAX_COPIES

_KEYS = ("template", "columns", "rows", "copies", "fill", "bilingual")


@dataclass(frozen=True, slots=True)
class Remembered:
    """The last print's choices; None: not chosen yet (the defaults apply)."""

    template: str | None = None  # a TEMPLATES label as written (untranslated), which holds the paper
    columns: int | None = None  # the label grid, for that template's paper
    rows: int | None = None
    copies: int = 1
    fill: bool = False
    bilingual: bool = False


def _int(value: object, low: int, high: int) -> int | None:
    try:
        number = int(str(value))
    except ValueError:
        return None
    return number if low <= number <= high else None


def _bool(value: object) -> bool:
    return str(value).lower() in ("true", "1")


def load_choices(settings: QSettings | None) -> Remembered:
    """What was remembered; anything missing or unreadable (an edited file) is left to the defaults."""
    if settings is None:
        return Remembered()
    values = {key: settings.value(f"print/{key}") for key in _KEYS}
    template = values["template"]
    return Remembered(
        template=str(template) if template else None,
        columns=_int(values["columns"], 1, 99),
        rows=_int(values["rows"], 1, 99),
        copies=_int(values["copies"], 1, MAX_COPIES) or 1,
        fill=_bool(values["fill"]),
        bilingual=_bool(values["bilingual"]),
    )


def save_choices(settings: QSettings | None, chosen: Remembered) -> None:
    if settings is None:
        return
    for key in _KEYS:
        value = getattr(chosen, key)
        if value is None:
            settings.remove(f"print/{key}")
        else:
            settings.setValue(f"print/{key}", value)


class SheetOptions(QWidget):
    """Copies of each link (or Fill the sheet), and the label to start at: labels only, but copies."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.copies_box = QSpinBox()
        self.copies_box.setRange(1, MAX_COPIES)
        self.copies_box.setAccessibleName(self.tr("Copies of each link"))
        self.copies_box.setToolTip(
            self.tr("How many codes of each link: on a card or a receipt, a page each")
        )
        self.copies_label = QLabel(self.tr("C&opies of each link:"))
        self.copies_label.setBuddy(self.copies_box)
        self.fill_box = QCheckBox(self.tr("&Fill the sheet"))
        self.fill_box.setAccessibleName(self.tr("Fill the sheet"))
        self.fill_box.setToolTip(
            self.tr("As many copies as fill the free labels of one sheet, shared by the links")
        )
        self.start_box = QSpinBox()
        self.start_box.setRange(1, 1)
        self.start_box.setAccessibleName(self.tr("Start at label"))
        self.start_box.setToolTip(
            self.tr(
                "The first free label of a sheet used in part: counted along the rows, from 1 at the top left"
            )
        )
        self.start_label = QLabel(self.tr("Start at &label:"))
        self.start_label.setBuddy(self.start_box)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.copies_label, self.copies_box, self.fill_box, self.start_label, self.start_box):
            row.addWidget(widget)
        row.addStretch(1)
        self.copies_box.valueChanged.connect(self.changed)
        self.fill_box.toggled.connect(self._on_fill)
        self.start_box.valueChanged.connect(self.changed)
        self._labels = False

    def _on_fill(self) -> None:
        self.copies_box.setEnabled(not (self._labels and self.fill_box.isChecked()))
        self.changed.emit()

    def set_sheet(self, labels: bool, per_page: int) -> None:
        """Fill and the first label are for label sheets; the first label is 1 to `per_page`."""
        self._labels = labels
        self.fill_box.setEnabled(labels)
        self.start_box.setEnabled(labels)
        self.start_label.setEnabled(labels)
        self.start_box.blockSignals(True)
        self.start_box.setMaximum(max(1, per_page) if labels else 1)
        self.start_box.blockSignals(False)
        self.copies_box.setEnabled(not (labels and self.fill_box.isChecked()))

    def copies(self) -> int | None:
        """The copies of each link; None: fill the sheet."""
        return None if self._labels and self.fill_box.isChecked() else self.copies_box.value()

    def start_at(self) -> int:
        return self.start_box.value() if self._labels else 1

    def restore(self, chosen: Remembered) -> None:
        for widget in (self.copies_box, self.fill_box):
            widget.blockSignals(True)
        self.copies_box.setValue(chosen.copies)
        self.fill_box.setChecked(chosen.fill)
        for widget in (self.copies_box, self.fill_box):
            widget.blockSignals(False)

    def focus_order(self) -> list[QWidget]:
        return [self.copies_box, self.fill_box, self.start_box]


def spin_box(name: str, tip: str, high: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(1, high)
    box.setAccessibleName(name)
    box.setToolTip(tip)
    return box


def banner(name: str) -> QLabel:
    """A banner above the preview (left out, warnings): plain, selectable, hidden until it has text."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # link names come from the server
    label.setAccessibleName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setVisible(False)
    return label
