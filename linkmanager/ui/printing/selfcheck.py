"""The self-test's print check: a small label sheet through the real painter, to PDF files.

Run by `linkmanager --self-test` (app_selftest.py), which imports this module only when the
check runs, as the window loads Qt's print support only on the first print. It proves that a
frozen bundle carries what printing needs (QtPrintSupport and, on Linux, the CUPS plugin), and
reads the result from the PDF itself: no rasteriser is needed.
"""

from __future__ import annotations

import ctypes
import re
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter

from linkmanager.domain import LinkStatus, Money, PaymentDetails, PaymentLink, utc_now
from linkmanager.services.print_batch import choose_links, sheet_layout
from linkmanager.ui.printing.output import configure_printer, write_sheet_pdf
from linkmanager.ui.printing.painter import paint_sheet

A6_POINTS = (105 / 25.4 * 72, 148 / 25.4 * 72)


def check_print() -> str:
    """Three labels (the third a disabled link, marked) on A6 sheets of one column of two: two
    pages, drawn as "Save as PDF" writes them (QPdfWriter) and as the preview and the OS print
    dialog drive them (a QPrinter), in a temporary folder."""
    links = [
        PaymentLink(
            id=f"self-test-link-{n}",
            url=f"https://pay.example/l/self-test-link-{n}",
            status=LinkStatus.DISABLED if n == 3 else LinkStatus.ACTIVE,
            current_usages=0,
            payment_details=PaymentDetails(Money(Decimal("1500.10"), "AED"), f"SELFTEST-{n}"),
            name=f"Self-test link {n}",
        )
        for n in (1, 2, 3)
    ]
    layout = sheet_layout("labels", paper="A6", columns=1, rows=2, bilingual=True)
    items = choose_links(links, utc_now(), include_disabled=True).items
    if len(items) != 3 or items[2].mark is None:
        raise ValueError("the disabled link was not chosen with its mark")
    with tempfile.TemporaryDirectory(prefix="linkmanager-selftest-") as folder:
        written = Path(folder) / "labels.pdf"
        pages = write_sheet_pdf(written, layout, items)
        printed = Path(folder) / "printed.pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        configure_printer(printer, layout)
        painter = QPainter()
        if not painter.begin(printer):
            raise ValueError("a QPrinter could not be started")
        try:
            printer_pages = paint_sheet(painter, printer, layout, items)
        finally:
            painter.end()
        check_pdf(written, pages, expected_pages=2)
        check_pdf(printed, printer_pages, expected_pages=2)
        size = written.stat().st_size
    return f"a 3-label sheet on 2 A6 pages as PDF ({size:,} bytes) and through a QPrinter; {printer_plugin()}"


def check_pdf(path: Path, drawn: int, *, expected_pages: int) -> None:
    """A whole PDF of `expected_pages` A6 pages, read from its page tree."""
    data = path.read_bytes() if path.is_file() else b""
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-32:]:
        raise ValueError(f"{path.name} is not a whole PDF ({len(data)} bytes)")
    counts = [int(n) for n in re.findall(rb"/Type\s*/Pages\b.*?/Count\s+(\d+)", data, re.DOTALL)]
    if drawn != expected_pages or counts != [expected_pages]:
        raise ValueError(f"{path.name} has {counts or 'no'} pages ({drawn} drawn), not {expected_pages}")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    if len(boxes) != expected_pages or any(  # Qt rounds a page to whole points
        abs(float(w) - A6_POINTS[0]) > 1 or abs(float(h) - A6_POINTS[1]) > 1 for w, h in boxes
    ):
        raise ValueError(f"{path.name} has pages of {boxes!r} points, not A6")


def printer_plugin(plugin_dirs: list[str] | None = None) -> str:
    """On Linux the OS print dialog finds printers through Qt's CUPS plugin: without it in the
    bundle a person could only print to PDF. (Windows and macOS have it inside QtPrintSupport.)"""
    if not sys.platform.startswith("linux"):
        return "printers through QtPrintSupport"
    directories = QCoreApplication.libraryPaths() if plugin_dirs is None else plugin_dirs
    found = [
        path
        for directory in directories
        for path in sorted((Path(directory) / "printsupport").glob("*cups*"))
    ]
    if not found:
        raise ValueError(f"no CUPS print support plugin in {directories}")
    try:
        ctypes.CDLL(str(found[0]))
    except OSError as exc:  # libcups is missing on this machine, not from the installation
        return f"CUPS plugin {found[0].name} present but does not load here ({exc})"
    return f"CUPS plugin {found[0].name} loads"
