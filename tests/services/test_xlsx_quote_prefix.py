"""Text a spreadsheet would run is defused in an XLSX the way Excel does it itself: the text stays
exactly as written, in a string cell whose style carries quotePrefix="1" (as when a person types
'+966…). Read back with openpyxl, as an accountant's tools would, and from the raw sheet XML.
"""

from __future__ import annotations

import csv
import zipfile
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest
from openpyxl.utils.escape import unescape

from linkmanager.domain.money import Money
from linkmanager.services.export import ExportColumn, ExportHeader, export_rows
from linkmanager.services.export_cells import xlsx_text

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
HEADER = ExportHeader("Payments", "Main", "sandbox", "All", None, UTC, datetime(2026, 12, 2, tzinfo=UTC))
TEXT = (ExportColumn("Payer", "text"),)
RUNS = ['=HYPERLINK("http://x","y")', "+966500000000", "-5", "@x", "\tx", "\rx", "=1+1"]
PLAIN = ["Ahmed", "a=b", " =1", "966500000000", "'quoted", "x+1", "#N/A", "1.5", ""]
FIRST_ROW = 10  # seven header lines (no total), an empty row, the titles


def write(tmp_path: Path, rows: list[tuple[object, ...]], columns: tuple[ExportColumn, ...] = TEXT) -> Path:
    path = tmp_path / "out.xlsx"
    export_rows(path, "xlsx", HEADER, columns, iter(rows))
    return path


def first_cells(path: Path, count: int, column: int = 1) -> list[openpyxl.cell.Cell]:
    ws = openpyxl.load_workbook(path).active
    cells = ws.iter_rows(min_row=FIRST_ROW, max_row=FIRST_ROW + count - 1, min_col=column, max_col=column)
    return [row[0] for row in cells]


def raw_cells(path: Path) -> dict[str, tuple[str, bool, ElementTree.Element]]:
    """Each cell of the sheet XML by reference: its type, whether its style quotes, the element."""
    with zipfile.ZipFile(path) as archive:
        # The test's own workbook, just written: no untrusted XML.
        sheet = ElementTree.fromstring(archive.read("xl/worksheets/sheet1.xml"))  # noqa: S314
        styles = ElementTree.fromstring(archive.read("xl/styles.xml"))  # noqa: S314
    xfs = styles.find(f"{MAIN}cellXfs")
    assert xfs is not None
    quotes = [xf.get("quotePrefix") in ("1", "true") for xf in xfs]
    return {
        c.get("r", ""): (c.get("t", "n"), quotes[int(c.get("s", "0"))], c) for c in sheet.iter(f"{MAIN}c")
    }


def test_text_that_would_run_reads_back_exactly_as_a_quoted_string(tmp_path: Path) -> None:
    cells = first_cells(write(tmp_path, [(text,) for text in RUNS]), len(RUNS))
    assert [unescape(cell.value) for cell in cells] == RUNS  # no apostrophe added
    assert [cell.data_type for cell in cells] == ["s"] * len(RUNS)
    assert [cell.quotePrefix for cell in cells] == [True] * len(RUNS)
    assert [cell.number_format for cell in cells] == ["@"] * len(RUNS)


def test_the_sheet_xml_holds_no_formula_and_quotes_exactly_the_cells_that_would_run(tmp_path: Path) -> None:
    path = write(tmp_path, [(text,) for text in RUNS + PLAIN])
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml
    assert "<f " not in xml
    raw = raw_cells(path)
    assert not any(element.find(f"{MAIN}f") is not None for _, _, element in raw.values())
    rows = range(FIRST_ROW, FIRST_ROW + len(RUNS) + len(PLAIN) - 1)  # the empty text is no cell
    assert [raw[f"A{row}"][:2] for row in rows] == [("inlineStr", True)] * len(RUNS) + [
        ("inlineStr", False)
    ] * (len(PLAIN) - 1)
    texts = ["".join(raw[f"A{row}"][2].itertext()) for row in rows]
    assert [unescape(text) for text in texts] == RUNS + PLAIN[:-1]


def test_ordinary_text_has_no_quote_prefix(tmp_path: Path) -> None:
    cells = first_cells(write(tmp_path, [(text,) for text in PLAIN]), len(PLAIN))
    assert [cell.value or "" for cell in cells] == PLAIN
    assert [cell.quotePrefix for cell in cells] == [False] * len(PLAIN)


def test_numbers_and_dates_are_unchanged_and_unquoted(tmp_path: Path) -> None:
    columns = (
        ExportColumn("Paid at", "moment"),
        ExportColumn("Amount", "money"),
        ExportColumn("Usages", "integer"),
        ExportColumn("Payer", "text"),
    )
    paid = datetime(2026, 12, 1, 20, 30, 15, tzinfo=UTC)
    rows: list[tuple[object, ...]] = [(paid, Money(Decimal("-5.00"), "AED"), -5, "-5")]
    ws = openpyxl.load_workbook(write(tmp_path, rows, columns)).active
    moment, amount, usages, payer = next(ws.iter_rows(min_row=FIRST_ROW, max_row=FIRST_ROW))
    assert (moment.value, moment.data_type) == (paid.replace(tzinfo=None), "d")
    assert (amount.value, amount.data_type, amount.number_format) == (-5, "n", "#,##0.00")
    assert (usages.value, usages.data_type) == (-5, "n")
    assert (payer.value, payer.data_type) == ("-5", "s")  # the text "-5" is text, quoted
    assert [c.quotePrefix for c in (moment, amount, usages, payer)] == [False, False, False, True]


def test_titles_and_header_values_are_quoted_not_prefixed(tmp_path: Path) -> None:
    header = ExportHeader("Payments", "=evil()", "sandbox", "+filters", None, UTC, HEADER.exported_at)
    path = tmp_path / "out.xlsx"
    export_rows(path, "xlsx", header, (ExportColumn("=SUM(A1)", "text"),), iter([]))
    ws = openpyxl.load_workbook(path).active
    profile, filters, title = ws["B2"], ws["B4"], ws[f"A{FIRST_ROW - 1}"]
    assert [(c.value, c.quotePrefix) for c in (profile, filters, title)] == [
        ("=evil()", True),
        ("+filters", True),
        ("=SUM(A1)", True),
    ]
    assert title.font.bold
    assert (ws["A2"].value, ws["A2"].quotePrefix) == ("Profile", False)


def test_a_leading_nul_is_replaced_and_then_runs_nothing(tmp_path: Path) -> None:
    (cell,) = first_cells(write(tmp_path, [("\x00=1",)]), 1)
    assert (cell.value, cell.quotePrefix) == ("\ufffd=1", False)


@pytest.mark.parametrize(
    ("text", "written"),
    [("+966500000000", ("+966500000000", True)), ("\rx", ("_x000D_x", True)), ("a\rb", ("a_x000D_b", False))],
)
def test_xlsx_text_says_which_text_needs_the_quote_prefix(text: str, written: tuple[str, bool]) -> None:
    assert xlsx_text(text) == written


def test_csv_keeps_the_apostrophe(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    export_rows(path, "csv", HEADER, TEXT, iter([(text,) for text in [*RUNS, "Ahmed"]]))
    with path.open(encoding="utf-8-sig", newline="") as file:
        got = [row[0] for row in list(csv.reader(file))[-len(RUNS) - 1 :]]
    assert got == ["'" + text for text in RUNS] + ["Ahmed"]
