"""Where each thing sits on a printed sheet of QR codes, in millimetres: no Qt.

A layout's `qr_mm` is the width of the code ITSELF, its quiet zone not counted: what a phone's
camera has to resolve. Every code is drawn exactly that wide, whatever its URL, and the layout
reserves room for the widest quiet zone any URL needs (4 modules of the smallest code, version
1: 21 modules), so neither text nor a label's edge ever reaches into it. The minimum
(qr.MIN_PRINT_MM, 20 mm) is thus a rule on the layout alone, checked before any link is known.

Labels put the code on the left and the words on its right, as real label stock is landscape
(e.g. 3 × 8 of 63.5 × 33.9 mm); cards and receipts stack everything under one another.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, replace
from enum import StrEnum

from linkmanager.domain.i18n import translate
from linkmanager.services.qr import EC_LEVELS, MIN_PRINT_MM, QUIET_ZONE

SMALLEST_CODE = 21  # modules across a version 1 code: the one whose quiet zone is widest in mm
QUIET_SHARE = (SMALLEST_CODE + 2 * QUIET_ZONE) / SMALLEST_CODE  # room for the code and any quiet zone


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


class Template(StrEnum):
    CARD = "card"  # one link a page: A6 counter card (A5 on request)
    RECEIPT = "receipt"  # one link a slip of an 80 mm thermal roll, pure black
    RECEIPT58 = "receipt58"  # the same on a 58 mm roll (small thermal printers), pure black
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
RECEIPT58_PAPER = Paper("58 mm roll", 58, 0)
# Thermal printers print 72 mm of an 80 mm roll and 48 mm of a 58 mm one: (paper, code, margin).
ROLLS = {Template.RECEIPT: (RECEIPT_PAPER, 45.0, 4.0), Template.RECEIPT58: (RECEIPT58_PAPER, 32.0, 5.0)}


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
_CAPTION = {Template.CARD: 9.0, Template.RECEIPT: 6.5, Template.RECEIPT58: 6.5}
# A label's words, beside its code; "reference" is the reference, or the short link id.
_LABEL_TEXT = (Row("name", 7.6, lines=2, bold=True), Row("amount", 4.4, bold=True), Row("reference", 3.6))
_LABEL_CAPTION = 3.6
LABEL_PAD = 1.5  # inside a label's edge: label stock is cut with a tolerance
LABEL_GAP = 1.0  # between the code's quiet zone and the words
LABEL_TEXT_MIN = 24.0  # the narrowest column of words worth printing


@dataclass(frozen=True, slots=True)
class SheetLayout:
    """A template on a paper: margins, grid (labels), the code's own printed width (quiet zone
    excluded), whether the caption is in English and Arabic, and (labels) the first position
    used on the first page, for a part-used sheet."""

    template: Template
    paper: Paper
    columns: int = 1
    rows: int = 1
    margin_mm: float = 8.0
    qr_mm: float = 50.0
    bilingual: bool = False
    ec: str = "M"
    start_at: int = 1  # 1-based; positions before it on the first page stay empty

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def is_roll(self) -> bool:
        """A receipt on a thermal roll: pure black, one slip a link."""
        return self.template in ROLLS

    @property
    def code_box_mm(self) -> float:
        """The square kept for the code and its quiet zone: nothing else is drawn in it."""
        return self.qr_mm * QUIET_SHARE

    @property
    def scale(self) -> float:
        """Cards on larger paper get larger text."""
        return self.paper.width_mm / PAPERS["A6"].width_mm if self.template == Template.CARD else 1.0

    def block(self) -> tuple[Row, ...]:
        """The rows of one link's block: top to bottom, but for labels the code then the words
        beside it."""
        box = Row("qr", self.code_box_mm)
        captions: tuple[Row, ...]
        if self.template == Template.LABELS:
            captions = (Row("caption", _LABEL_CAPTION),)
            if self.bilingual:
                captions += (Row("caption_ar", _LABEL_CAPTION),)
            return (box, *_LABEL_TEXT, *captions)
        caption = _CAPTION[self.template] * self.scale
        captions = (Row("caption", caption, bold=True),)
        if self.bilingual:
            captions += (Row("caption_ar", caption, bold=True),)
        top: tuple[Row, ...]
        bottom: tuple[Row, ...]
        if self.is_roll:
            top, bottom = _RECEIPT_TOP, tuple(Row(r.role, 4.5) for r in _CARD_BOTTOM)
        else:
            k = self.scale
            top = tuple(Row(r.role, r.height_mm * k, r.lines, r.bold) for r in _CARD_TOP)
            bottom = tuple(Row(r.role, r.height_mm * k) for r in _CARD_BOTTOM)
        return (*top, box, *captions, *bottom)

    def _words_height(self) -> float:
        return sum(row.height_mm for row in self.block() if row.role != "qr")

    def block_height(self) -> float:
        if self.template == Template.LABELS:
            return max(self.code_box_mm, self._words_height())
        return sum(row.height_mm for row in self.block())

    def block_width(self) -> float:
        """The narrowest area the block fits in (labels: code, gap and a column of words)."""
        if self.template == Template.LABELS:
            return self.code_box_mm + LABEL_GAP + LABEL_TEXT_MIN
        return self.code_box_mm

    def page_size(self) -> tuple[float, float]:
        if self.is_roll:
            return self.paper.width_mm, math.ceil((self.block_height() + 2 * self.margin_mm) * 10) / 10
        return self.paper.width_mm, self.paper.height_mm

    def position(self, index: int) -> tuple[int, int]:
        """(page, slot) of the `index`-th code, both from 0: the first page begins at start_at."""
        return divmod(index + self.start_at - 1, self.per_page)

    def cell(self, index: int) -> Box:
        """The area of the `index`-th code on its page (the whole printable area but for labels)."""
        width, height = self.page_size()
        cell_w = (width - 2 * self.margin_mm) / self.columns
        cell_h = (height - 2 * self.margin_mm) / self.rows
        _, slot = self.position(index)
        column, row = slot % self.columns, slot // self.columns
        return Box(self.margin_mm + column * cell_w, self.margin_mm + row * cell_h, cell_w, cell_h)

    def place(self, index: int) -> list[tuple[Row, Box]]:
        """Where each row of the `index`-th code goes: the block centred in its cell (labels: the
        code on the left, the words centred beside it)."""
        cell, box = self.cell(index), self.code_box_mm
        if self.template == Template.LABELS:
            inner = Box(
                cell.x + LABEL_PAD,
                cell.y + LABEL_PAD,
                cell.width - 2 * LABEL_PAD,
                cell.height - 2 * LABEL_PAD,
            )
            placed = [(self.block()[0], Box(inner.x, inner.y + (inner.height - box) / 2, box, box))]
            left = inner.x + box + LABEL_GAP
            y = inner.y + (inner.height - self._words_height()) / 2
            for row in self.block()[1:]:
                placed.append((row, Box(left, y, inner.x + inner.width - left, row.height_mm)))
                y += row.height_mm
            return placed
        y = cell.y + (cell.height - self.block_height()) / 2
        placed = []
        for row in self.block():
            if row.role == "qr":
                placed.append((row, Box(cell.x + (cell.width - box) / 2, y, box, box)))
            else:
                placed.append((row, Box(cell.x, y, cell.width, row.height_mm)))
            y += row.height_mm
        return placed

    def problems(self) -> list[str]:
        """What makes this layout unprintable, in words; [] when it is fine."""
        if not (math.isfinite(self.qr_mm) and math.isfinite(self.margin_mm)):
            # NaN passes every comparison below: it would reach the painter as a size
            return [
                translate("PrintBatch", "Sizes are numbers of mm, not {code} and {margin}.").format(
                    code=f"{self.qr_mm:g}", margin=f"{self.margin_mm:g}"
                )
            ]
        found = []
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
        elif self.is_roll and self.per_page != 1:
            found.append(translate("PrintBatch", "A receipt holds one link a page; only labels have a grid."))
        found += self._start_problems()
        if self.qr_mm < MIN_PRINT_MM:
            found.append(
                translate(
                    "PrintBatch",
                    "The QR code itself (its quiet zone not counted) must be at least {least} mm wide to "
                    "scan reliably; {asked} mm was asked.",
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
        cell = self.cell(0)
        pad = LABEL_PAD if self.template == Template.LABELS else 0.0
        if self.block_width() > cell.width - 2 * pad or self.block_height() > cell.height - 2 * pad:
            found.append(self._too_small(cell, pad))
        return found

    def _start_problems(self) -> list[str]:
        if self.template != Template.LABELS:
            if self.start_at == 1:
                return []
            return [
                translate(
                    "PrintBatch",
                    "Only label sheets have a first position; a card or receipt always starts its own page.",
                )
            ]
        if 1 <= self.start_at <= self.per_page:
            return []
        return [
            translate(
                "PrintBatch",
                "Label sheets of {columns} × {rows} have positions 1 to {last}; {asked} was asked.",
            ).format(columns=self.columns, rows=self.rows, last=self.per_page, asked=self.start_at)
        ]

    def _too_small(self, cell: Box, pad: float) -> str:
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
        return too_small.format(
            code=f"{self.qr_mm:g}",
            width=f"{self.block_width() + 2 * pad:.1f}",
            height=f"{self.block_height() + 2 * pad:.1f}",
            columns=self.columns,
            rows=self.rows,
            paper=self.paper.name,
            margin=f"{self.margin_mm:g}",
            cell_width=f"{cell.width:.1f}",
            cell_height=f"{cell.height:.1f}",
        )


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
    start_at: int = 1,
) -> SheetLayout:
    """A template's layout with its defaults for anything not given; raises LayoutError with
    every problem in words when the result cannot be printed. `qr_mm`: the code's own width."""
    kind = Template(template)
    if paper is not None and paper not in PAPERS:
        no_paper = translate("PrintBatch", "Paper is one of {papers}, not {paper}.")
        raise LayoutError(no_paper.format(papers=", ".join(PAPERS), paper=repr(paper)))
    if kind in ROLLS:
        if paper is not None:
            raise LayoutError(
                translate(
                    "PrintBatch",
                    "A receipt takes no paper size: it prints on an 80 mm roll (receipt) or a 58 mm roll "
                    "(receipt58).",
                )
            )
        chosen, default_qr, default_margin = ROLLS[kind]
    elif kind == Template.CARD:
        chosen = PAPERS[paper or "A6"]
        default_qr, default_margin = round(50 * chosen.width_mm / PAPERS["A6"].width_mm), 8.0
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
        start_at=start_at,
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
    across = (width - 2 * layout.margin_mm) // (layout.block_width() + 2 * LABEL_PAD)
    down = (height - 2 * layout.margin_mm) // (layout.block_height() + 2 * LABEL_PAD)
    return replace(
        layout,
        columns=int(min(layout.columns, max(1, across))) if columns else layout.columns,
        rows=int(min(layout.rows, max(1, down))) if rows else layout.rows,
    )
