"""What goes on a printed sheet of QR codes, and where each thing sits on it: no Qt.

The lifecycle decides what prints (product.md): ACTIVE links do; DISABLED ones only when the
user asks, and then with a DISABLED mark; EXPIRED, USED and unknown statuses never. The painter
(ui/printing) draws exactly what `choose_links` returns, in the order given, at the places
`SheetLayout.place` computes in millimetres, so what is validated here is what gets printed.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from linkmanager.domain.i18n import translate

# Choosing the links (services.print_choice) is part of this module's face: the painter, the preview
# and the command line import it from here.
from linkmanager.services.print_choice import DISABLED_MARK as DISABLED_MARK
from linkmanager.services.print_choice import UNREADABLE as UNREADABLE
from linkmanager.services.print_choice import LeftOut as LeftOut
from linkmanager.services.print_choice import SheetChoice as SheetChoice
from linkmanager.services.print_choice import SheetItem as SheetItem
from linkmanager.services.print_choice import choose_links as choose_links
from linkmanager.services.qr import EC_LEVELS, MIN_PRINT_MM, QUIET_ZONE, qr_matrix

MIN_MODULE_MM = 0.33  # smaller modules are unreliable for phone cameras (common print guidance)


def plain_line(text: str | None) -> str:
    """Server text made fit for one printed line: line breaks and tabs become spaces, invisible
    format characters (bidi overrides that would reorder the line) are dropped."""
    if not text:
        return ""
    kept = (
        " " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch
        for ch in text
        if unicodedata.category(ch) != "Cf" or ch in "\u200c\u200d"  # joiners shape Arabic
    )
    return " ".join("".join(kept).split())


# --- layouts ----------------------------------------------------------------------------------


class Template(StrEnum):
    CARD = "card"  # one link a page: A6 counter card (A5 on request)
    RECEIPT = "receipt"  # one link a slip of an 80 mm thermal roll, pure black
    LABELS = "labels"  # a grid of labels on a sheet, A4 3 x 8 by default


@dataclass(frozen=True, slots=True)
class Paper:
    name: str
    width_mm: float
    height_mm: float


PAPERS = {
    "A4": Paper("A4", 210, 297),
    "A5": Paper("A5", 148, 210),
    "A6": Paper("A6", 105, 148),
    "Letter": Paper("Letter", 215.9, 279.4),
}
RECEIPT_PAPER = Paper("80 mm roll", 80, 0)  # the height follows the content


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle on the page in millimetres, from the top left corner."""

    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class Row:
    """One band of a link's block, top to bottom: the code, or text of one role."""

    role: str  # "qr", "name", "amount", "caption", "caption_ar", "reference", "expires", "link_id"
    height_mm: float
    lines: int = 1
    bold: bool = False


# Row heights in mm at A6 width (cards scale with the paper's width); text is ~70 % of a line.
_CARD_TOP = (Row("name", 14, lines=2, bold=True), Row("amount", 12, bold=True))
_CARD_BOTTOM = (Row("reference", 5), Row("expires", 5), Row("link_id", 4.5))
_RECEIPT_TOP = (Row("name", 11, lines=2, bold=True), Row("amount", 8, bold=True))
_CAPTION = {Template.CARD: 9.0, Template.RECEIPT: 6.5, Template.LABELS: 3.2}
_LABEL_TEXT = (Row("name", 3.2, bold=True), Row("amount", 3.2))
_PADDING = {Template.CARD: 0.0, Template.RECEIPT: 0.0, Template.LABELS: 1.5}


@dataclass(frozen=True, slots=True)
class SheetLayout:
    """A template on a paper: margins, grid (labels), the code's printed width (quiet zone
    included) and whether the caption is in English and Arabic."""

    template: Template
    paper: Paper
    columns: int = 1
    rows: int = 1
    margin_mm: float = 8.0
    qr_mm: float = 60.0
    bilingual: bool = False
    ec: str = "M"

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def scale(self) -> float:
        """Cards on larger paper get larger text."""
        return self.paper.width_mm / PAPERS["A6"].width_mm if self.template == Template.CARD else 1.0

    def block(self) -> tuple[Row, ...]:
        """The rows of one link's block, top to bottom."""
        caption = _CAPTION[self.template] * self.scale
        if self.template == Template.LABELS:  # one caption line: "Scan to pay · امسح للدفع"
            return (Row("qr", self.qr_mm), *_LABEL_TEXT, Row("caption", caption))
        captions: tuple[Row, ...] = (Row("caption", caption, bold=True),)
        if self.bilingual:
            captions += (Row("caption_ar", caption, bold=True),)
        top: tuple[Row, ...]
        bottom: tuple[Row, ...]
        if self.template == Template.RECEIPT:
            top, bottom = _RECEIPT_TOP, tuple(Row(r.role, 4.5) for r in _CARD_BOTTOM)
        else:
            k = self.scale
            top = tuple(Row(r.role, r.height_mm * k, r.lines, r.bold) for r in _CARD_TOP)
            bottom = tuple(Row(r.role, r.height_mm * k) for r in _CARD_BOTTOM)
        return (*top, Row("qr", self.qr_mm), *captions, *bottom)

    def block_height(self) -> float:
        return sum(row.height_mm for row in self.block())

    def page_size(self) -> tuple[float, float]:
        if self.template == Template.RECEIPT:
            return self.paper.width_mm, round(self.block_height() + 2 * self.margin_mm, 1)
        return self.paper.width_mm, self.paper.height_mm

    def cell(self, index: int) -> Box:
        """The area of the `index`-th link on its page (the whole printable area but for labels)."""
        width, height = self.page_size()
        cell_w = (width - 2 * self.margin_mm) / self.columns
        cell_h = (height - 2 * self.margin_mm) / self.rows
        slot = index % self.per_page
        column, row = slot % self.columns, slot // self.columns
        return Box(self.margin_mm + column * cell_w, self.margin_mm + row * cell_h, cell_w, cell_h)

    def place(self, index: int) -> list[tuple[Row, Box]]:
        """Where each row of the `index`-th link goes: the block centred in its cell."""
        cell, pad = self.cell(index), _PADDING[self.template]
        y = cell.y + (cell.height - self.block_height()) / 2
        placed = []
        for row in self.block():
            if row.role == "qr":
                box = Box(cell.x + (cell.width - self.qr_mm) / 2, y, self.qr_mm, self.qr_mm)
            else:
                box = Box(cell.x + pad, y, cell.width - 2 * pad, row.height_mm)
            placed.append((row, box))
            y += row.height_mm
        return placed

    def problems(self) -> list[str]:
        """What makes this layout unprintable, in words; [] when it is fine."""
        found = []
        if not (math.isfinite(self.qr_mm) and math.isfinite(self.margin_mm)):
            # NaN passes every comparison below: it would reach the painter as a size
            found.append(
                translate("PrintBatch", "Sizes are numbers of mm, not {code} and {margin}.").format(
                    code=f"{self.qr_mm:g}", margin=f"{self.margin_mm:g}"
                )
            )
            return found
        if self.ec not in EC_LEVELS:
            found.append(
                translate("PrintBatch", "Error correction is one of {levels}, not {level}.").format(
                    levels=", ".join(EC_LEVELS), level=repr(self.ec)
                )
            )
        if not (1 <= self.columns <= 10 and 1 <= self.rows <= 20):
            found.append(
                translate(
                    "PrintBatch", "A grid has 1 to 10 columns and 1 to 20 rows, not {columns} × {rows}."
                ).format(columns=self.columns, rows=self.rows)
            )
            return found
        if self.template == Template.CARD and self.per_page != 1:
            found.append(translate("PrintBatch", "A card holds one link a page; only labels have a grid."))
        elif self.template == Template.RECEIPT and self.per_page != 1:
            found.append(translate("PrintBatch", "A receipt holds one link a page; only labels have a grid."))
        if self.qr_mm < MIN_PRINT_MM:
            found.append(
                translate(
                    "PrintBatch",
                    "The QR code must be at least {least} mm wide to scan reliably; {asked} mm was asked.",
                ).format(least=MIN_PRINT_MM, asked=f"{self.qr_mm:g}")
            )
        width, height = self.page_size()
        margin = f"{self.margin_mm:g}"
        if self.margin_mm < 0 or 2 * self.margin_mm >= min(width, height):
            found.append(
                translate("PrintBatch", "Margins of {margin} mm do not fit on {paper}.").format(
                    margin=margin, paper=self.paper.name
                )
            )
            return found
        cell, pad = self.cell(0), _PADDING[self.template]
        if self.qr_mm > cell.width - 2 * pad or self.block_height() > cell.height - 2 * pad:
            if self.template == Template.LABELS:
                too_small = translate(
                    "PrintBatch",
                    "A {code} mm QR code with its text needs {width} × {height} mm, but a {columns} × {rows} grid "
                    "on {paper} with {margin} mm margins leaves labels of {cell_width} × {cell_height} mm. Choose "
                    "a smaller code, fewer labels or larger paper.",
                )
            else:
                too_small = translate(
                    "PrintBatch",
                    "A {code} mm QR code with its text needs {width} × {height} mm, but {paper} with {margin} mm "
                    "margins leaves {cell_width} × {cell_height} mm. Choose a smaller code, fewer labels or larger "
                    "paper.",
                )
            found.append(
                too_small.format(
                    code=f"{self.qr_mm:g}",
                    width=f"{self.qr_mm + 2 * pad:.1f}",
                    height=f"{self.block_height() + 2 * pad:.1f}",
                    columns=self.columns,
                    rows=self.rows,
                    paper=self.paper.name,
                    margin=margin,
                    cell_width=f"{cell.width:.1f}",
                    cell_height=f"{cell.height:.1f}",
                )
            )
        return found


class LayoutError(ValueError):
    """A layout that cannot be printed; the message says why in words."""


def sheet_layout(
    template: Template | str,
    *,
    paper: str | None = None,
    columns: int | None = None,
    rows: int | None = None,
    qr_mm: float | None = None,
    margin_mm: float | None = None,
    bilingual: bool = False,
    ec: str = "M",
) -> SheetLayout:
    """A template's layout with its defaults for anything not given; raises LayoutError with
    every problem in words when the result cannot be printed."""
    kind = Template(template)
    if paper is not None and paper not in PAPERS:
        no_paper = translate("PrintBatch", "Paper is one of {papers}, not {paper}.")
        raise LayoutError(no_paper.format(papers=", ".join(PAPERS), paper=repr(paper)))
    if kind == Template.RECEIPT:
        if paper is not None:
            raise LayoutError(
                translate("PrintBatch", "A receipt prints on an 80 mm roll; it takes no paper size.")
            )
        chosen, default_qr, default_margin = RECEIPT_PAPER, 50.0, 4.0
    elif kind == Template.CARD:
        chosen = PAPERS[paper or "A6"]
        default_qr, default_margin = round(60 * chosen.width_mm / PAPERS["A6"].width_mm), 8.0
    else:
        chosen, default_qr, default_margin = PAPERS[paper or "A4"], 22.0, 8.0
    labels = kind == Template.LABELS
    layout = SheetLayout(
        kind,
        chosen,
        columns=(3 if labels else 1) if columns is None else columns,
        rows=(8 if labels else 1) if rows is None else rows,
        margin_mm=default_margin if margin_mm is None else margin_mm,
        qr_mm=default_qr if qr_mm is None else qr_mm,
        bilingual=bilingual,
        ec=ec.upper(),
    )
    if labels and (columns is None or rows is None):
        layout = _fitting_grid(layout, columns is None, rows is None)
    problems = layout.problems()
    if problems:
        raise LayoutError(" ".join(problems))
    return layout


def _fitting_grid(layout: SheetLayout, columns: bool, rows: bool) -> SheetLayout:
    """The default grid (3 x 8) cut down to what fits the paper: 3 x 7 on Letter, where 8 rows
    of the default code and text do not fit. A grid that was given is kept as it is."""
    if not (math.isfinite(layout.qr_mm) and math.isfinite(layout.margin_mm)):
        return layout  # problems() says why
    width, height = layout.page_size()
    pad = _PADDING[Template.LABELS]
    across = (width - 2 * layout.margin_mm) // (layout.qr_mm + 2 * pad)
    down = (height - 2 * layout.margin_mm) // (layout.block_height() + 2 * pad)
    return replace(
        layout,
        columns=int(min(layout.columns, max(1, across))) if columns else layout.columns,
        rows=int(min(layout.rows, max(1, down))) if rows else layout.rows,
    )


def module_warning(name: str, url: str, width_mm: float, ec: str = "M") -> str | None:
    """A sentence when a code `width_mm` wide (quiet zone included) has modules too small for a
    phone to read (its URL is long); None when it will scan."""
    modules = len(qr_matrix(url, ec)) + 2 * QUIET_ZONE
    size = width_mm / modules
    if size >= MIN_MODULE_MM:
        return None
    needed = math.ceil(modules * MIN_MODULE_MM)
    return translate(
        "PrintBatch",
        "{name}: its long URL makes modules of {size} mm, which phones may not read; print the code at least "
        "{needed} mm wide.",
    ).format(name=name, size=f"{size:.2f}", needed=needed)


def scan_warnings(items: Iterable[SheetItem], layout: SheetLayout) -> list[str]:
    """Links whose code would be printed with modules too small for a phone to read."""
    found = (
        module_warning(
            plain_line(item.link.display_name) or item.link.id, item.link.url, layout.qr_mm, layout.ec
        )
        for item in items
    )
    return [warning for warning in found if warning]
