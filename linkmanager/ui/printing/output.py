"""Where the painter's pages go: a PDF file, a QPrinter, and a Qt application for the command line.

A PDF is vector: its code keeps the exact size asked for; 1200 dpi is only the precision of
its coordinates and font sizes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from datetime import tzinfo
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrinter

from linkmanager.services.print_batch import SheetItem, SheetLayout
from linkmanager.services.qr import check_print_width, qr_matrix
from linkmanager.ui.printing.painter import page_layout, paint_code, paint_mark, paint_sheet

PDF_DPI = 1200
MARK_SHARE = 0.16  # height of the band under a marked code, as a share of the code's width


class PrintOutputError(OSError):
    """The PDF or the printer could not be written to; the message names the place."""


def ensure_gui_app() -> QCoreApplication:
    """The running Qt application, or a new headless-capable one (for the command line): fonts
    and PDF writing need a QGuiApplication, and a Linux box without a display gets "offscreen"."""
    app = QCoreApplication.instance()
    if app is not None:
        return app
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication(["linkmanager"])


def _not_written(target: Path) -> str:
    return QCoreApplication.translate(
        "PrintOutput", "{path} could not be written (is the folder writable?)"
    ).format(path=target)


def _pdf_writer(path: Path, title: str, layout: QPageLayout) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setTitle(title)
    writer.setCreator("LinkManager")
    if not writer.setPageLayout(layout):
        raise PrintOutputError(
            QCoreApplication.translate("PrintOutput", "the page size could not be set for {path}").format(
                path=path
            )
        )
    return writer


def write_sheet_pdf(
    path: str | os.PathLike[str],
    layout: SheetLayout,
    items: Sequence[SheetItem],
    *,
    title: str | None = None,
    tz: tzinfo | None = None,
) -> int:
    """`items` on `layout` as a PDF at `path`, by the printing painter; the number of pages.
    `title`: the document's (None: "Payment link QR codes", translated). `tz`: the zone of the
    dates on cards and receipts (None: the computer's own). PrintOutputError when the file could
    not be written whole (a full disk shows only when the writer is closed)."""
    if not items:
        raise ValueError("there is nothing to print")
    target = Path(path)
    if title is None:
        title = QCoreApplication.translate("PrintOutput", "Payment link QR codes")
    writer = _pdf_writer(target, title, page_layout(layout))
    painter = QPainter()
    if not painter.begin(writer):
        raise PrintOutputError(_not_written(target))
    try:
        pages = paint_sheet(painter, writer, layout, items, tz)
    finally:
        ended = painter.end()
    del writer  # closes the file
    if not ended or not target.is_file() or target.stat().st_size == 0:
        raise PrintOutputError(_not_written(target))
    return pages


def write_code_pdf(
    path: str | os.PathLike[str], url: str, size_mm: float, *, ec: str = "M", mark: str | None = None
) -> None:
    """One code on a page of its own size (quiet zone included), with a band for `mark` under it:
    a vector QR to place in other documents, drawn by the printing painter. `size_mm` keeps the
    code itself at least MIN_PRINT_MM wide (ValueError otherwise)."""
    matrix = qr_matrix(url, ec)
    check_print_width(size_mm, len(matrix))
    target = Path(path)
    band_mm = size_mm * MARK_SHARE if mark else 0.0
    size = QPageSize(QSizeF(size_mm, size_mm + band_mm), QPageSize.Unit.Millimeter, "QR code")
    writer = _pdf_writer(
        target,
        QCoreApplication.translate("PrintOutput", "Payment link QR code"),
        QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(), QPageLayout.Unit.Millimeter),
    )
    per_mm = PDF_DPI / 25.4
    painter = QPainter()
    if not painter.begin(writer):
        raise PrintOutputError(_not_written(target))
    try:
        drawn = paint_code(painter, QRectF(0, 0, size_mm * per_mm, size_mm * per_mm), matrix)
        if mark:
            band = QRectF(drawn.x(), size_mm * per_mm, drawn.width(), band_mm * per_mm)
            paint_mark(painter, writer, band.adjusted(band.height() * 0.3, 0, -band.height() * 0.3, 0), mark)
    finally:
        painter.end()


def configure_printer(printer: QPrinter, layout: SheetLayout) -> None:
    """The printer's paper as the layout wants it; positions count from the paper's corner, since
    the layout's margins already keep clear of the printer's unprintable edges."""
    printer.setFullPage(True)
    printer.setPageLayout(page_layout(layout))
