"""Print preview of QR codes: Qt's preview dialog, with the choices and the links left out above it.

The preview comes first, then the OS print dialog (the preview's Print button), or "Save as
PDF…" through the same painter. Links that are not ACTIVE are listed in a "Left out" banner; a
disabled link is drawn only when "Include disabled links" is ticked, and then carries the
DISABLED mark. A label sheet's grid (columns x rows) is chosen beside the template, to match
the label stock, with the copies of each link and the first free label (preview_options).
Links that expire within a day or have few uses left are named in the warnings banner, and
asked about before printing or saving. A print counts (`printed`, for the print register) only
when the printer's job ended well (print_job); a saved PDF when it was written. Every change
re-renders the preview; nothing here blocks (open(), not exec()).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from linkmanager.domain.models import PaymentLink
from linkmanager.services.print_batch import (
    LayoutError,
    SheetChoice,
    SheetItem,
    SheetLayout,
    Template,
    choose_links,
    print_warnings,
    scan_warnings,
    sheet_layout,
    with_copies,
)
from linkmanager.services.print_copies import print_records
from linkmanager.services.workspace import CachedLink
from linkmanager.ui.printing.choices import (
    BANNER_LINES,
    TEMPLATES,
    default_template,
    left_out_text,
    pdf_filter,
    sheet_file_name,
    template_index,
    template_label,
)
from linkmanager.ui.printing.output import configure_printer, write_sheet_pdf
from linkmanager.ui.printing.painter import paint_sheet
from linkmanager.ui.printing.preview_options import (
    Remembered,
    SheetOptions,
    banner,
    load_choices,
    save_choices,
    spin_box,
)
from linkmanager.ui.printing.print_job import ask_to_go_on, print_to, printer_place, warn

logger = logging.getLogger(__name__)


class PrintPreview(QPrintPreviewDialog):
    """Preview of the QR codes of `links` on a template; Print opens the OS print dialog."""

    saved = Signal(str)  # the PDF written by "Save as PDF…"
    printed = Signal(object)  # tuple[PrintRecord, ...]: a print that ended well, or a PDF written

    def __init__(
        self,
        links: Sequence[CachedLink | PaymentLink],
        now: datetime,
        parent: QWidget | None = None,
        *,
        template: int | None = None,
        include_disabled: bool = False,
        tz: tzinfo | None = None,
        settings: QSettings | None = None,
    ) -> None:
        """`settings`: where the last choices are remembered (None: nowhere); a remembered
        template wins over the default one, `template` (an index into TEMPLATES) over both."""
        self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # outlives the dialog's use of it
        super().__init__(self._printer, parent)
        self.setWindowTitle(self.tr("Print QR codes"))
        self._links = [entry.link if isinstance(entry, CachedLink) else entry for entry in links]
        self._now = now
        self._tz = tz
        self._last_dir: str | None = None
        self.sheet: SheetLayout = sheet_layout(Template.CARD)
        self.choice: SheetChoice = choose_links([], now)
        self.items: tuple[SheetItem, ...] = ()  # what is painted: the chosen links, each copy
        self.soon_stopping: list[str] = []  # links that expire soon or have few uses left
        self.warning_box: QMessageBox | None = None  # the question before printing (tests answer it)
        self.print_dialog: QPrintDialog | None = None
        self.go_on_button: QPushButton | None = None
        self.failure_box: QMessageBox | None = None  # "Not printed" (tests read it)
        self._settings = settings
        remembered = load_choices(settings)

        self.template_box = QComboBox()
        self.template_box.setAccessibleName(self.tr("Template"))
        for label, _, _ in TEMPLATES:
            self.template_box.addItem(template_label(label))
        if template is None:
            template = template_index(remembered.template)
        self.template_box.setCurrentIndex(
            default_template(len(self._links)) if template is None else template
        )
        self.disabled_box = QCheckBox(self.tr("Include disabled links"))
        self.disabled_box.setAccessibleName(self.tr("Include disabled links"))
        self.disabled_box.setToolTip(self.tr("Print disabled links too, each marked DISABLED"))
        self.disabled_box.setChecked(include_disabled)
        self.bilingual_box = QCheckBox(self.tr("English and Arabic caption"))
        self.bilingual_box.setAccessibleName(self.tr("English and Arabic caption"))
        self.bilingual_box.setChecked(remembered.bilingual)
        self.options = SheetOptions()
        self.options.restore(remembered)
        # A label sheet's grid, to match the label stock in the printer; shown for labels only.
        self.columns_box = spin_box(
            self.tr("Label columns"),
            self.tr("Label columns on a sheet: match the label stock in the printer"),
            10,
        )
        self.rows_box = spin_box(
            self.tr("Label rows"), self.tr("Label rows on a sheet: match the label stock in the printer"), 20
        )
        self.grid_label = QLabel(self.tr("&Grid:"))
        self.grid_label.setBuddy(self.columns_box)
        self._by = QLabel("×")
        self._grid_paper: str | None = None  # the paper the grid boxes were last filled for
        if remembered.template is not None and remembered.columns and remembered.rows:
            index = template_index(remembered.template)
            self._grid_paper = TEMPLATES[index][2] if index is not None else None
            self.columns_box.setValue(remembered.columns)
            self.rows_box.setValue(remembered.rows)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setAccessibleName(self.tr("Save as PDF"))
        self.save_button.clicked.connect(self.save_pdf)
        self.left_out_label = banner(self.tr("Left out"))
        self.warnings_label = banner(self.tr("Warnings"))

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
        column.addWidget(self.options)
        column.addWidget(self.left_out_label)
        column.addWidget(self.warnings_label)
        outer = self.layout()
        if isinstance(outer, QVBoxLayout):  # Qt's dialog: one main window holding toolbar and preview
            outer.insertWidget(0, panel)

        self.preview_widget = self.findChild(QPrintPreviewWidget)
        self.print_action = self._toolbar_action("Print")
        if self.print_action is not None:  # ours, not Qt's: warnings first, and the job's end judged
            self.print_action.triggered.disconnect()
            self.print_action.triggered.connect(self.print_sheet)
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
        self.options.changed.connect(self.update_sheet)
        tab_order = [
            self.template_box, self.columns_box, self.rows_box, self.disabled_box, self.bilingual_box,
            *self.options.focus_order(), self.save_button,
        ]  # fmt: skip
        for first, second in itertools.pairwise(tab_order):
            QWidget.setTabOrder(first, second)
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
        """Choose again (template, disabled links, caption, copies) and re-render the preview;
        the choices are remembered for the next print."""
        self._choose(rerender=True)
        self._remember()

    def _layout(self, template: Template, paper: str | None, chosen: bool) -> SheetLayout:
        """The layout as chosen; the first label is offered up to the grid's last, then applied."""
        whole = {
            "paper": paper,
            "columns": self.columns_box.value() if chosen else None,
            "rows": self.rows_box.value() if chosen else None,
            "bilingual": self.bilingual_box.isChecked(),
        }
        sheet = sheet_layout(template, **whole)  # type: ignore[arg-type]
        self.options.set_sheet(template == Template.LABELS, sheet.per_page)
        if self.options.start_at() == 1:
            return sheet
        return sheet_layout(template, start_at=self.options.start_at(), **whole)  # type: ignore[arg-type]

    def _choose(self, *, rerender: bool) -> None:
        _, template, paper = TEMPLATES[self.template_box.currentIndex()]
        labels = template == Template.LABELS
        for widget in (self.grid_label, self.columns_box, self._by, self.rows_box):
            widget.setVisible(labels)
        chosen = labels and paper == self._grid_paper  # else the paper's default grid
        try:
            self.sheet = self._layout(template, paper, chosen)
        except LayoutError as exc:  # a grid too dense for the paper: say why, print nothing
            self._unprintable(str(exc), rerender)
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
            tz=self._tz,  # None: the workstation's zone at each moment (summer time included)
        )
        self.left_out_label.setText(left_out_text(self.choice, BANNER_LINES))
        self.left_out_label.setVisible(bool(self.choice.left_out))
        try:
            self.items = with_copies(self.choice.items, self.options.copies(), self.sheet)
        except ValueError as exc:  # more codes than one print holds
            self._unprintable(str(exc), rerender)
            return
        self.soon_stopping = print_warnings(self.choice.items, self._now, self._tz)
        warnings = [*self.soon_stopping, *scan_warnings(self.choice.items, self.sheet)]
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

    def _unprintable(self, why: str, rerender: bool) -> None:
        """Say why, and print nothing: Print and Save off, an empty preview (not the last good one)."""
        self.printable = False
        self.items = ()
        self.soon_stopping = []
        self.warnings_label.setText(why)
        self.warnings_label.setVisible(True)
        self.save_button.setEnabled(False)
        if self.print_action is not None:
            self.print_action.setEnabled(False)
        if rerender and self.preview_widget is not None:
            self.preview_widget.updatePreview()

    def _remember(self) -> None:
        label, template, _ = TEMPLATES[self.template_box.currentIndex()]
        labels = template == Template.LABELS
        columns, rows = (self.columns_box.value(), self.rows_box.value()) if labels else (None, None)
        copies, fill = self.options.copies_box.value(), self.options.fill_box.isChecked()
        save_choices(
            self._settings, Remembered(label, columns, rows, copies, fill, self.bilingual_box.isChecked())
        )

    def _paint(self, printer: QPrinter) -> None:
        # With nothing to print a blank page is still begun: Qt's preview keeps the pages of the
        # last drawing when none is made, which would show codes that are no longer chosen.
        # Print and Save are disabled then, so the blank page never reaches paper.
        painter = QPainter()
        if not painter.begin(printer):
            logger.warning("The printer could not be started")
            return
        try:
            if self.items and self.printable:
                paint_sheet(painter, printer, self.sheet, self.items, self._tz)
        finally:
            painter.end()

    # -- printing ------------------------------------------------------------------------------------

    def _after_warnings(self, go_on: str, then: Callable[[], object]) -> None:
        """`then()` at once, or once the operator chose to go on despite links soon stopping."""
        if not self.soon_stopping:
            then()
            return
        self.warning_box, self.go_on_button = ask_to_go_on(self, self.soon_stopping, go_on, then)

    def print_sheet(self) -> None:
        """The preview's Print: the warnings, then the OS print dialog, then the job."""
        if self.items and self.printable:
            self._after_warnings(self.tr("Print anyway"), self.ask_printer)

    def ask_printer(self) -> None:
        """The OS print dialog (tests replace this); print_now() when the operator chooses Print."""
        dialog = QPrintDialog(self._printer, self)
        dialog.accepted.connect(self.print_now)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()  # open(), which the type stubs do not know without arguments
        self.print_dialog = dialog

    def print_now(self) -> bool:
        """Print on the chosen printer; recorded (`printed`) only when the job ended well."""
        kind, where = printer_place(self._printer)
        if not print_to(self._printer, self.sheet, self.items, self._tz):
            text = self.tr(
                "{printer} did not finish the job: nothing was recorded as printed. Check the printer, "
                "then print again."
            ).format(printer=where)
            self.failure_box = warn(self, self.tr("Not printed"), text)
            return False
        printer = self._printer
        times = printer.copyCount() if printer.supportsMultipleCopies() else 1  # the driver's copies
        self.printed.emit(
            print_records(self.items, self.sheet, kind, where, datetime.now(UTC), max(1, times))
        )
        self.accept()
        return True

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
        """Save as PDF…: the warnings first (then None: the save follows the answer), the file's
        name, the file; the path written, or None."""
        if not self.items or not self.printable:
            return None
        if self.soon_stopping:
            self._after_warnings(self.tr("Save anyway"), self._save_pdf_now)
            return None
        return self._save_pdf_now()

    def _save_pdf_now(self) -> str | None:
        path = self.choose_pdf_path(sheet_file_name([i.link for i in self.choice.items], self.sheet))
        if not path:
            return None
        try:
            write_sheet_pdf(path, self.sheet, self.items, tz=self._tz)
        except OSError as exc:  # PrintOutputError included
            logger.info("Could not save a PDF: %s", exc)
            text = self.tr("The PDF could not be saved to {path}:\n{error}").format(path=path, error=exc)
            warn(self, self.tr("PDF not saved"), text)
            return None
        self._last_dir = str(Path(path).parent)
        where = str(Path(path).absolute())
        self.printed.emit(print_records(self.items, self.sheet, "pdf", where, datetime.now(UTC)))
        self.saved.emit(path)
        return path
