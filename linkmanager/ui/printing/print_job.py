"""One print job on a printer, judged by its end: only a job that ended well counts as printed.

QPainter.end() on a QPrinter returns False when the printer (or the spooler) failed, and the
printer's state says Error after a failure mid-job; either way nothing is recorded as printed.
Before a print or a PDF of links that will soon stop working, the operator is asked to go on:
a non-blocking message (open(), never exec()) whose "go on" button continues.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import tzinfo
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from linkmanager.services.print_batch import SheetItem, SheetLayout
from linkmanager.ui.printing.painter import paint_sheet

logger = logging.getLogger(__name__)


def print_to(printer: QPrinter, layout: SheetLayout, items: Sequence[SheetItem], tz: tzinfo | None) -> bool:
    """Paint `items` on `printer`; True only when the whole job ended well."""
    painter = QPainter()
    if not painter.begin(printer):
        logger.warning("The printer %r could not be started", printer.printerName())
        return False
    try:
        paint_sheet(painter, printer, layout, items, tz)
    finally:
        ended = painter.end()
    return ended and printer.printerState() != QPrinter.PrinterState.Error


def printer_place(printer: QPrinter) -> tuple[str, str]:
    """(register kind, where): the printer's name, or the file when its dialog printed to a PDF."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        return "pdf", str(Path(printer.outputFileName()).absolute())
    return "print", printer.printerName() or QCoreApplication.translate("PrintJob", "the default printer")


def ask_to_go_on(
    parent: QWidget, warnings: Sequence[str], go_on_text: str, then: Callable[[], object]
) -> tuple[QMessageBox, QPushButton]:
    """Name each link that will soon stop working; `then()` when the operator goes on. Cancel is the
    default: Enter or Esc on a message that appears by surprise prints nothing."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("PrintJob", "Print anyway?"))
    box.setTextFormat(Qt.TextFormat.PlainText)  # link names come from the server
    lead = QCoreApplication.translate("PrintJob", "These codes will soon lead customers to an error page:")
    box.setText("\n\n".join([lead, *warnings]))
    go_on = box.addButton(go_on_text, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    go_on.clicked.connect(then)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box, go_on


def warn(parent: QWidget, title: str, text: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.open()
    return box
