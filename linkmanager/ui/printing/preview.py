"""Print preview of QR codes: Qt's preview dialog, with the choices and the links left out above it.

The preview comes first, then the OS print dialog (the preview's Print button), or "Save as
PDF…" through the same painter. Links that are not ACTIVE are listed in a "Left out" banner; a
disabled link is drawn only when "Include disabled links" is ticked, and then carries the
DISABLED mark. A label sheet's grid (columns x rows) is chosen beside the template, to match
the label stock. Every change re-renders the preview; nothing here blocks (open(), not exec()).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from linkmanager.domain.models import PaymentLink
from linkmanager.services.print_batch import (
    LayoutError,
    SheetChoice,
    SheetLayout,
    Template,
    choose_links,
    scan_warnings,
    sheet_layout,
)
from linkmanager.services.workspace import CachedLink
from linkmanager.ui.printing.choices import (
    BANNER_LINES,
    TEMPLATES,
    default_template,
    left_out_text,
    pdf_filter,
    sheet_file_name,
    template_label,
)
from linkmanager.ui.printing.output import configure_printer, write_sheet_pdf
from linkmanager.ui.printing.painter import paint_sheet

logger = logging.getLogger(__name__)


class PrintPreview(QPrintPreviewDialog):
    """Preview of the QR codes of `links` on a template; Print opens the OS print dialog."""

    saved = Signal(str)  # the PDF written by "Save as PDF…"

    def __init__(
        self,
        links: Sequence[CachedLink | PaymentLink],
        now: datetime,
        parent: QWidget | None = None,
        *,
        template: int | None = None,
        include_disabled: bool = False,
        tz: tzinfo | None = None,
    ) -> None:
        self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # outlives the dialog's use of it
        super().__init__(self._printer, parent)
        self.setWindowTitle(self.tr("Print QR codes"))
        self._links = [entry.link if isinstance(entry, CachedLink) else entry for entry in links]
        self._now = now
        self._tz = tz
        self._last_dir: str | None = None
        self.sheet: SheetLayout = sheet_layout(Template.CARD)
        self.choice: SheetChoice = choose_links([], now)

        self.template_box = QComboBox()
        self.template_box.setAccessibleName(self.tr("Template"))
        for label, _, _ in TEMPLATES:
            self.template_box.addItem(template_label(label))
        self.template_box.setCurrentIndex(
            default_template(len(self._links)) if template is None else template
        )
        self.disabled_box = QCheckBox(self.tr("Include disabled links"))
        self.disabled_box.setAccessibleName(self.tr("Include disabled links"))
        self.disabled_box.setToolTip(self.tr("Print disabled links too, each marked DISABLED"))
        self.disabled_box.setChecked(include_disabled)
        self.bilingual_box = QCheckBox(self.tr("English and Arabic caption"))
        self.bilingual_box.setAccessibleName(self.tr("English and Arabic caption"))
        # A label sheet's grid, to match the label stock in the printer; shown for labels only.
        self.columns_box = _spin_box(
            self.tr("Label columns"),
            self.tr("Label columns on a sheet: match the label stock in the printer"),
            10,
        )
        self.rows_box = _spin_box(
            self.tr("Label rows"), self.tr("Label rows on a sheet: match the label stock in the printer"), 20
        )
        self.grid_label = QLabel(self.tr("&Grid:"))
        self.grid_label.setBuddy(self.columns_box)
        self._by = QLabel("×")
        self._grid_paper: str | None = None  # the paper the grid boxes were last filled for
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setAccessibleName(self.tr("Save as PDF"))
        self.save_button.clicked.connect(self.save_pdf)
        self.left_out_label = _banner(self.tr("Left out"))
        self.warnings_label = _banner(self.tr("Warnings"))

        caption = QLabel(self.tr("&Template:"))
        caption.setBuddy(self.template_box)
        choices = QHBoxLayout()
        choices.addWidget(caption)
        choices.addWidget(self.template_box)
        for widget in (self.grid_label, self.columns_box, self._by, self.rows_box):
            choices.addWidget(widget)
        choices.addWidget(self.disabled_box)
        choices.addWidget(self.bilingual_box)
        choices.addStretch(1)
        choices.addWidget(self.save_button)
        panel = QWidget(self)
        column = QVBoxLayout(panel)
        column.setContentsMargins(8, 6, 8, 6)
        column.addLayout(choices)
        column.addWidget(self.left_out_label)
        column.addWidget(self.warnings_label)
        outer = self.layout()
        if isinstance(outer, QVBoxLayout):  # Qt's dialog: one main window holding toolbar and preview
            outer.insertWidget(0, panel)

        self.preview_widget = self.findChild(QPrintPreviewWidget)
        self.print_action = self._toolbar_action("Print")
        for name in ("Portrait", "Landscape", "Page setup"):  # the template decides the paper
            action = self._toolbar_action(name)
            if action is not None:
                action.setVisible(False)
        self.paintRequested.connect(self._paint)
        self.template_box.currentIndexChanged.connect(self.update_sheet)
        self.disabled_box.toggled.connect(self.update_sheet)
        self.bilingual_box.toggled.connect(self.update_sheet)
        self.columns_box.valueChanged.connect(self.update_sheet)
        self.rows_box.valueChanged.connect(self.update_sheet)
        self.printable = True  # False while the choices make a layout that cannot be printed
        self._choose(rerender=False)

    def _toolbar_action(self, name: str) -> QAction | None:
        """One of Qt's preview actions, by its (translated) text: Qt gives them no object names."""
        text = QCoreApplication.translate("QPrintPreviewDialog", name)
        toolbar = self.findChild(QToolBar)
        actions = [a for a in toolbar.actions() if a.text() == text] if toolbar else []
        return actions[-1] if actions else None

    # -- state ---------------------------------------------------------------------------------------

    def update_sheet(self) -> None:
        """Choose again (template, disabled links, caption) and re-render the preview."""
        self._choose(rerender=True)

    def _choose(self, *, rerender: bool) -> None:
        _, template, paper = TEMPLATES[self.template_box.currentIndex()]
        labels = template == Template.LABELS
        for widget in (self.grid_label, self.columns_box, self._by, self.rows_box):
            widget.setVisible(labels)
        chosen = labels and paper == self._grid_paper  # else the paper's default grid
        try:
            self.sheet = sheet_layout(
                template,
                paper=paper,
                columns=self.columns_box.value() if chosen else None,
                rows=self.rows_box.value() if chosen else None,
                bilingual=self.bilingual_box.isChecked(),
            )
        except LayoutError as exc:  # a grid too dense for the paper: say why, print nothing
            self.printable = False
            self.warnings_label.setText(str(exc))
            self.warnings_label.setVisible(True)
            self.save_button.setEnabled(False)
            if self.print_action is not None:
                self.print_action.setEnabled(False)
            if rerender and self.preview_widget is not None:
                self.preview_widget.updatePreview()  # an empty preview, not the last good one
            return
        self.printable = True
        if labels and paper != self._grid_paper:  # another paper: its default grid
            self._grid_paper = paper
            for box, value in ((self.columns_box, self.sheet.columns), (self.rows_box, self.sheet.rows)):
                box.blockSignals(True)
                box.setValue(value)
                box.blockSignals(False)
        self.choice = choose_links(
            self._links,
            self._now,
            include_disabled=self.disabled_box.isChecked(),
            ec=self.sheet.ec,
            tz=self._tz or _local(),
        )
        self.left_out_label.setText(left_out_text(self.choice, BANNER_LINES))
        self.left_out_label.setVisible(bool(self.choice.left_out))
        warnings = scan_warnings(self.choice.items, self.sheet)
        if not self.choice.items:
            warnings.insert(0, self.tr("Nothing to print: every selected link is left out."))
        self.warnings_label.setText("\n".join(warnings))
        self.warnings_label.setVisible(bool(warnings))
        self.save_button.setEnabled(bool(self.choice.items))
        if self.print_action is not None:
            self.print_action.setEnabled(bool(self.choice.items))
        configure_printer(self._printer, self.sheet)
        if rerender and self.preview_widget is not None:
            self.preview_widget.updatePreview()

    def _paint(self, printer: QPrinter) -> None:
        # With nothing to print a blank page is still begun: Qt's preview keeps the pages of the
        # last drawing when none is made, which would show codes that are no longer chosen.
        # Print and Save are disabled then, so the blank page never reaches paper.
        painter = QPainter()
        if not painter.begin(printer):
            logger.warning("The printer could not be started")
            return
        try:
            if self.choice.items and self.printable:
                paint_sheet(painter, printer, self.sheet, self.choice.items, self._tz)
        finally:
            painter.end()

    # -- PDF -----------------------------------------------------------------------------------------

    def choose_pdf_path(self, default_name: str) -> str | None:
        """Ask where to save (tests replace this); None when the user cancels."""
        folder = self._last_dir or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), str(Path(folder) / default_name), pdf_filter()
        )
        if not path:
            return None
        return path if path.lower().endswith(".pdf") else path + ".pdf"

    def save_pdf(self) -> str | None:
        if not self.choice.items or not self.printable:
            return None
        path = self.choose_pdf_path(sheet_file_name([i.link for i in self.choice.items], self.sheet))
        if not path:
            return None
        try:
            write_sheet_pdf(path, self.sheet, self.choice.items, tz=self._tz)
        except OSError as exc:  # PrintOutputError included
            logger.info("Could not save a PDF: %s", exc)
            text = self.tr("The PDF could not be saved to {path}:\n{error}").format(path=path, error=exc)
            _warn(self, self.tr("PDF not saved"), text)
            return None
        self._last_dir = str(Path(path).parent)
        self.saved.emit(path)
        return path


def _local() -> tzinfo:
    return datetime.now(UTC).astimezone().tzinfo or UTC


def _spin_box(name: str, tip: str, high: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(1, high)
    box.setAccessibleName(name)
    box.setToolTip(tip)
    return box


def _banner(name: str) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # link names come from the server
    label.setAccessibleName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setVisible(False)
    return label


def _warn(parent: QWidget, title: str, text: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.open()
    return box
