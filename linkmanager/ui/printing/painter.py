"""The one painter of printed QR codes: counter card, receipt and label sheet, on any paged device.

A QPrinter (the print preview, the OS print dialog) and a QPdfWriter ("Save as PDF", the
command line) get the very same drawing, so a PDF shows what the printer gets. Geometry comes
from services.print_batch in millimetres; here it becomes device pixels. The code is drawn as
one vector path, antialiasing off, pure black on white: sharp at any resolution and with no grey
for a thermal printer. On a printer, modules are whole printer dots (every module the same
width); a PDF keeps the exact size asked for: the code itself (quiet zone not counted) exactly
SheetLayout.qr_mm wide, whatever its URL. Every server string is drawn as plain text.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import tzinfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QTextLayout,
    QTextOption,
)
from PySide6.QtPrintSupport import QPrinter

from linkmanager.domain.lifecycle import moment_text
from linkmanager.domain.models import PaymentLink
from linkmanager.domain.money import format_money
from linkmanager.services.print_batch import Box, Row, SheetItem, SheetLayout, Template, plain_line
from linkmanager.services.qr import MIN_PRINT_MM, QUIET_ZONE, Matrix, qr_matrix

SCAN_TO_PAY = str(QT_TRANSLATE_NOOP("PrintPainter", "Scan to pay"))  # translated when printed alone
SCAN_TO_PAY_AR = "امسح للدفع"  # beside the English one, as it is
FONT_FAMILIES = ["DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial", "Noto Sans", "sans-serif"]
TEXT_SHARE = 0.68  # of a row's line height taken by the font's pixel size
BLACK, WHITE = QColor(0, 0, 0), QColor(255, 255, 255)


def page_layout(layout: SheetLayout) -> QPageLayout:
    """The paper of `layout`, portrait, with no device margins: the layout has its own."""
    width, height = layout.page_size()
    size = QPageSize(
        QSizeF(width, height),
        QPageSize.Unit.Millimeter,
        layout.paper.name,
        QPageSize.SizeMatchPolicy.ExactMatch,
    )
    return QPageLayout(
        size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter
    )


def paint_sheet(
    painter: QPainter,
    device: QPagedPaintDevice,
    layout: SheetLayout,
    items: Sequence[SheetItem],
    tz: tzinfo | None = None,
) -> int:
    """Draw `items` with an active `painter` on `device`, one page after another, the first page
    from the layout's start_at (a part-used label sheet); the number of pages. `tz`: the zone
    expiry times are shown in (None: the computer's own, as it is on each date)."""
    per_mm = device.logicalDpiX() / 25.4
    snap = isinstance(device, QPrinter) and device.outputFormat() == QPrinter.OutputFormat.NativeFormat
    if layout.is_roll:  # a thermal printer prints grey edges as noise
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, False)
    pages = 0
    for index, item in enumerate(items):
        page, _ = layout.position(index)
        while pages <= page:
            if pages:
                device.newPage()
            pages += 1
        for row, box in layout.place(index):
            _paint_row(painter, device, per_mm, layout, row, _px(box, per_mm), item, tz, snap)
    return pages


def _px(box: Box, per_mm: float) -> QRectF:
    return QRectF(box.x * per_mm, box.y * per_mm, box.width * per_mm, box.height * per_mm)


def _paint_row(
    painter: QPainter,
    device: QPagedPaintDevice,
    per_mm: float,
    layout: SheetLayout,
    row: Row,
    rect: QRectF,
    item: SheetItem,
    tz: tzinfo | None,
    snap: bool,
) -> None:
    if row.role == "qr":
        matrix = qr_matrix(item.link.url, layout.ec)
        least = MIN_PRINT_MM * per_mm if snap else None
        paint_code(painter, rect, matrix, code_px=layout.qr_mm * per_mm, min_px=least)
        return
    if item.mark and row.role in ("caption", "caption_ar"):
        if row.role == "caption":  # one band over every caption row: the mark replaces the call to act
            rows = [r for r in layout.block() if r.role in ("caption", "caption_ar")]
            band = QRectF(rect.x(), rect.y(), rect.width(), sum(r.height_mm for r in rows) * per_mm)
            paint_mark(painter, device, band, item.mark)
        return
    text = row_text(row.role, item.link, layout, tz)
    if text:
        font = _font(rect.height() / row.lines * TEXT_SHARE, bold=row.bold)
        _paint_text(painter, device, rect, text, font, row.lines, shrink=row.role in _NEVER_ELIDED)


_NEVER_ELIDED = frozenset({"amount", "reference", "expires", "link_id", "caption", "caption_ar"})  # never cut


def short_id(link_id: str) -> str:
    """The first 8 characters of a link id, as people read a UUID aloud."""
    link_id = plain_line(link_id)
    return link_id if len(link_id) <= 10 else link_id[:8] + "…"


def row_text(role: str, link: PaymentLink, layout: SheetLayout, tz: tzinfo | None) -> str:
    """The words of one row; server strings pass through plain_line (one line, no bidi tricks)."""
    if role == "name":
        return plain_line(link.display_name) or link.id
    if role == "amount":
        return format_money(link.amount)
    if role == "caption":
        if layout.bilingual:  # English, and Arabic in the next row, whatever the interface's language
            return SCAN_TO_PAY
        return QCoreApplication.translate("PrintPainter", SCAN_TO_PAY)
    if role == "caption_ar":
        return SCAN_TO_PAY_AR
    if role == "reference":
        reference = plain_line(link.reference)
        if layout.template == Template.LABELS:  # tells apart two labels of the same name
            return reference or QCoreApplication.translate("PrintPainter", "ID {id}").format(
                id=short_id(link.id)
            )
        if not reference:
            return ""
        return QCoreApplication.translate("PrintPainter", "Reference {reference}").format(reference=reference)
    if role == "expires":
        if link.expires_at is None:
            return QCoreApplication.translate("PrintPainter", "No expiry date")
        # The shop's local time with its offset (None: the zone as it will be then, DST and all).
        when = moment_text(link.expires_at, tz)
        return QCoreApplication.translate("PrintPainter", "Expires {when}").format(when=when)
    if role == "link_id":
        return QCoreApplication.translate("PrintPainter", "Link ID {id}").format(id=plain_line(link.id))
    raise ValueError(f"no text for a row of role {role!r}")


def _font(pixels: float, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPixelSize(max(1, round(pixels)))
    font.setBold(bold)
    font.setKerning(True)
    return font


def _paint_text(
    painter: QPainter,
    device: QPagedPaintDevice,
    rect: QRectF,
    text: str,
    font: QFont,
    lines: int,
    *,
    shrink: bool,
    colour: QColor = BLACK,
) -> None:
    """Centred text in `rect`: wrapped to `lines` lines and elided, or shrunk to fit (amounts and
    ids must never lose a character)."""
    if shrink:
        while font.pixelSize() > 4 and QFontMetricsF(font, device).horizontalAdvance(text) > rect.width():
            font.setPixelSize(math.floor(font.pixelSize() * 0.92))
    parts = _wrapped(text, font, device, rect.width(), lines)
    painter.setFont(font)
    painter.setPen(colour)
    line_height = rect.height() / lines
    top = rect.y() + (lines - len(parts)) * line_height / 2
    for i, part in enumerate(parts):
        line = QRectF(rect.x(), top + i * line_height, rect.width(), line_height)
        painter.drawText(line, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextSingleLine), part)


def _wrapped(text: str, font: QFont, device: QPagedPaintDevice, width: float, lines: int) -> list[str]:
    metrics = QFontMetricsF(font, device)
    if lines == 1:
        return [metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)]
    layout = QTextLayout(text, font, device)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    starts: list[int] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        starts.append(line.textStart())
    layout.endLayout()
    ends = [*starts[1:], len(text)]
    parts = [text[a:b].strip() for a, b in zip(starts, ends, strict=True)]
    if len(parts) > lines:
        rest = text[starts[lines - 1] :].strip()
        parts = [*parts[: lines - 1], metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)]
    return parts


def paint_code(
    painter: QPainter,
    rect: QRectF,
    matrix: Matrix,
    *,
    code_px: float | None = None,
    min_px: float | None = None,
) -> QRectF:
    """The code with its quiet zone of 4 modules, centred in `rect` (a square); the area drawn.

    `code_px`: the width of the code itself (quiet zone not counted), which `rect` must hold with
    its quiet zone; None: the code and its quiet zone fill `rect`. With `min_px` (a printer's
    dots), modules are whole dots, so every module prints the same width, when that keeps the
    code itself at least `min_px` wide; otherwise, and without `min_px` (a PDF), the exact size
    is kept.
    """
    modules = len(matrix) + 2 * QUIET_ZONE
    fits = min(rect.width(), rect.height()) / modules
    exact = fits if code_px is None else min(fits, code_px / len(matrix))
    unit = float(math.floor(exact))
    if min_px is None or unit < 2 or unit * len(matrix) < min_px - 0.5:
        unit = exact
    size = unit * modules
    x0 = rect.x() + (rect.width() - size) / 2
    y0 = rect.y() + (rect.height() - size) / 2
    if min_px is not None:  # on whole dots too
        x0, y0 = float(round(x0)), float(round(y0))
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)  # one fill for all runs: no seams between rows
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if not row[x]:
                x += 1
                continue
            start = x
            while x < len(row) and row[x]:
                x += 1
            top = y0 + (y + QUIET_ZONE) * unit
            path.addRect(QRectF(x0 + (start + QUIET_ZONE) * unit, top, (x - start) * unit, unit))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    area = QRectF(x0, y0, size, size)
    painter.fillRect(area, WHITE)
    painter.fillPath(path, BLACK)
    painter.restore()
    return area


def paint_mark(painter: QPainter, device: QPagedPaintDevice, band: QRectF, mark: str) -> None:
    """White bold letters on a solid black band: a mark no one can miss, in pure black."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    inset = band.height() * 0.08
    solid = band.adjusted(0, inset, 0, -inset)
    painter.fillRect(solid, BLACK)
    font = _font(solid.height() * 0.72, bold=True)
    font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 112)
    _paint_text(
        painter,
        device,
        solid.adjusted(solid.height() * 0.3, 0, -solid.height() * 0.3, 0),
        mark,
        font,
        1,
        shrink=True,
        colour=WHITE,
    )
    painter.restore()
