"""The XLSX writer: openpyxl in write-only mode, so a million rows stream through bounded memory.

Every text cell is written as a string with the Text number format ("@"), so no cell is ever a
formula, even one a person later edits. Text a spreadsheet would run ("=…", "+9665…") is written
exactly as it is, in a cell styled with Excel's quote prefix (quotePrefix="1", what Excel applies
when a person types '+9665…): it shows as written and is never evaluated, and no apostrophe is
added to the text. Money is a real number shown with its currency's
decimals, moments real Excel date-times in the workstation's zone.

openpyxl streams the sheet's XML into a file of its own in the system's temporary folder and
zips it into the workbook on save; a cancelled or failed export removes that file too.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from datetime import tzinfo
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from linkmanager.domain.i18n import Context
from linkmanager.services.export_cells import (
    ExportColumn,
    ExportError,
    ExportHeader,
    HeaderValue,
    as_integer,
    as_money,
    as_text,
    header_block,
    local_moment,
    money_digits,
    money_text,
    number_format,
    xlsx_text,
)

ExportCounts = Context("ExportCounts")  # plurals: lupdate reads X.tr(text, "", n) as a plural

MAX_SHEET_ROWS = 1_048_576  # Excel's limit for one sheet
TEXT_FORMAT = "@"
MOMENT_FORMAT = "yyyy-mm-dd hh:mm:ss"
INTEGER_FORMAT = "0"
# An Excel number is a double: 15 significant digits. A longer amount is written as its exact
# text rather than rounded without a word.
_EXACT_DIGITS = 15
_SHEET_NAME_REFUSES = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
# Column widths in characters: the stream is written before any value is seen, so by kind.
_WIDTHS = {"text": 24, "money": 14, "moment": 20, "integer": 10}
_HEADER_LABEL_WIDTH = 20  # column A also holds the header's labels ("LinkManager export")

Cell = Any  # openpyxl ships no type information
MakeCell = Callable[[object], object]


def sheet_name(title: str) -> str:
    """A name Excel accepts for a sheet: no []:*?/\\, at most 31 characters, never blank."""
    name = _SHEET_NAME_REFUSES.sub(" ", title).strip().strip("'")[:31].strip()
    return name or "Export"


class _Cells:
    """The cells of one sheet, each styled once and reused row after row.

    A write-only sheet writes a row as soon as it is appended, so one cell object per column
    and style can carry every row's value (a new styled cell per value would cost more than the
    XML it becomes). Each is styled, which makes openpyxl never hold on to it between cells.
    """

    def __init__(self, ws: Any, zone: tzinfo) -> None:
        self._ws = ws
        self._zone = zone
        self._styled: dict[tuple[int, str, bool], Cell] = {}

    def _cell(self, column: int, style: str, quoted: bool = False) -> Cell:
        cell = self._styled.get((column, style, quoted))
        if cell is None:
            cell = self._styled[column, style, quoted] = WriteOnlyCell(self._ws)
            cell.number_format = style
            if quoted:
                cell.quotePrefix = True
        return cell

    def text(self, column: int, text: str) -> Cell:
        """A string cell whatever the text looks like ("=1", "#N/A", "1.5" all stay text)."""
        value, quoted = xlsx_text(text)
        return _string(self._cell(column, TEXT_FORMAT, quoted), value)

    def header_value(self, column: int, value: HeaderValue) -> Cell:
        if isinstance(value, int):
            cell = self._cell(column, INTEGER_FORMAT)
            cell.value = value
            return cell
        return self.text(column, value)

    def maker(self, index: int, column: ExportColumn) -> MakeCell:
        """How a value of `column` (the `index`-th) becomes a cell; None stays an empty cell."""

        text_cells = (self._cell(index, TEXT_FORMAT), self._cell(index, TEXT_FORMAT, quoted=True))

        def text(value: object) -> object:
            if value is None:
                return None
            written, quoted = xlsx_text(as_text(value, column))
            return _string(text_cells[quoted], written)

        def money(value: object) -> object:
            if value is None:
                return None
            money = as_money(value, column)
            if len(money.amount.as_tuple().digits) > _EXACT_DIGITS:
                return self.text(index, money_text(money))
            cell = self._cell(index, number_format(money_digits(money)))
            cell.value = money.amount  # openpyxl writes a Decimal as a number
            return cell

        def moment(value: object) -> object:
            if value is None:
                return None
            cell = self._cell(index, MOMENT_FORMAT)
            cell.value = local_moment(value, column, self._zone)
            return cell

        def integer(value: object) -> object:
            if value is None:
                return None
            number = as_integer(value, column)
            if abs(number) >= 10**_EXACT_DIGITS:
                return self.text(index, str(number))
            cell = self._cell(index, INTEGER_FORMAT)
            cell.value = number
            return cell

        makers: dict[str, MakeCell] = {"text": text, "money": money, "moment": moment, "integer": integer}
        return makers[column.kind]


def _string(cell: Cell, written: str) -> Cell:
    """`cell` holding `written` (xlsx_text's) as a string: openpyxl would make "=…" a formula."""
    cell.value = written
    cell.data_type = "s"  # never a formula, never an error value such as "#N/A"
    return cell


def _titles(ws: Any, columns: Sequence[ExportColumn]) -> list[Cell]:
    bold = Font(bold=True)
    titles = []
    for column in columns:
        written, quoted = xlsx_text(column.title)
        cell = _string(WriteOnlyCell(ws), written)
        cell.number_format = TEXT_FORMAT
        cell.font = bold
        if quoted:
            cell.quotePrefix = True
        titles.append(cell)
    return titles


def too_many_rows(count: int, most: int) -> ExportError:
    return ExportError(
        ExportCounts.tr(
            "%Ln row(s) do not fit in one Excel sheet (at most {most} below the header); export to CSV instead, "
            "or narrow the filters.",
            None,
            count,
        ).format(most=f"{most:,}")
    )


def write_xlsx(
    file: IO[bytes],
    header: ExportHeader,
    columns: Sequence[ExportColumn],
    rows: Iterable[Sequence[object]],
    total: int | None,
) -> None:
    """Write the header block, the titles and every row to `file` as one workbook with one sheet."""
    block = header_block(header, total)
    titles_row = len(block) + 2  # the block, one empty row, then the titles
    most = MAX_SHEET_ROWS - titles_row
    if total is not None and total > most:
        raise too_many_rows(total, most)
    workbook = Workbook(write_only=True)
    workbook.properties.creator = "LinkManager"
    workbook.properties.title = f"{header.title} export"
    ws = workbook.create_sheet(sheet_name(header.title))
    # Widths and frozen panes go before the first row: a write-only sheet writes its top then.
    for index, column in enumerate(columns, 1):
        width = _WIDTHS[column.kind] if index > 1 else max(_WIDTHS[column.kind], _HEADER_LABEL_WIDTH)
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = f"A{titles_row + 1}"
    cells = _Cells(ws, header.zone)
    try:
        for label, value in block:
            ws.append([cells.text(1, label), cells.header_value(2, value)])
        ws.append([])
        ws.append(_titles(ws, columns))
        makers = [cells.maker(index, column) for index, column in enumerate(columns, 1)]
        for count, row in enumerate(rows, 1):
            if count > most:
                raise too_many_rows(count, most)
            ws.append([make(value) for make, value in zip(makers, row, strict=True)])
        workbook.save(file)
    except BaseException:
        _discard(ws)
        raise


def _discard(ws: Any) -> None:
    """Close a sheet left half-written and remove the XML openpyxl was streaming it into."""
    with suppress(Exception):
        if not ws.closed:
            ws.close()
    streamed = getattr(getattr(ws, "_writer", None), "out", None)
    if isinstance(streamed, str):
        with suppress(OSError):
            os.remove(streamed)
