"""Any text survives an export: read back as typed, or (CSV) with a leading apostrophe when a
spreadsheet would run it (an XLSX keeps it as typed, in a cell with Excel's quote prefix), or (XLSX
only, and CSV for a lone surrogate) with U+FFFD where the format cannot hold a character. Excel's
reading of OOXML escapes is applied to XLSX text, as Excel applies it.
"""

from __future__ import annotations

import csv
import re
import tempfile
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.utils.escape import unescape

from linkmanager.domain.money import Money
from linkmanager.services.export import ExportColumn, ExportHeader, export_rows

HEADER = ExportHeader("Payments", "P", "sandbox", "All", None, UTC, datetime(2026, 12, 2, tzinfo=UTC))
COLUMNS = (ExportColumn("Text", "text"),)
FORMULA_STARTS = "=+-@\t\r\x00"
XML_CANNOT_HOLD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
SURROGATES = re.compile("[\ud800-\udfff]")

pieces = st.one_of(
    st.characters(exclude_categories=[]),  # every code point but surrogates
    st.characters(categories=["Cs"]),  # lone surrogates, as a JSON "\ud800" escape gives
    st.sampled_from(
        ["=", "+", "-", "@", "\t", "\r", "\r\n", "\n", '"', ",", "<b>", "\u202e", "_x0041_", "_x000D_"]
    ),
)
texts = st.lists(pieces, max_size=30).map("".join)


def runs(text: str) -> bool:
    return text[:1] != "" and text[0] in FORMULA_STARTS


def expected(text: str, cannot_hold: re.Pattern[str], apostrophe: bool = True) -> str:
    held = cannot_hold.sub("\ufffd", text)
    return "'" + held if apostrophe and runs(held) else held


def export(folder: Path, fmt: str, values: list[str]) -> Path:
    path = folder / f"out.{fmt}"
    export_rows(path, fmt, HEADER, COLUMNS, iter([(v,) for v in values]))  # type: ignore[arg-type]
    return path


@settings(max_examples=60, deadline=None)
@given(st.lists(texts, min_size=1, max_size=20))
def test_any_text_round_trips_through_csv(values: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = export(Path(folder), "csv", values)
        with path.open(encoding="utf-8-sig", newline="") as file:
            table = list(csv.reader(file))
    got = [row[0] for row in table[-len(values) :]]
    assert got == [expected(v, SURROGATES) for v in values]
    assert all(g in (v, "'" + v) for g, v in zip(got, values, strict=True) if not SURROGATES.search(v))


@settings(max_examples=60, deadline=None)
@given(st.lists(texts, min_size=1, max_size=20))
def test_any_text_round_trips_through_xlsx(values: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        ws = openpyxl.load_workbook(export(Path(folder), "xlsx", values)).active
        first = 10  # seven header lines (no total), an empty row, the titles
        cells = [row[0] for row in ws.iter_rows(min_row=first, max_row=first + len(values) - 1, max_col=1)]
    assert {cell.data_type for cell in cells if cell.value is not None} <= {"s"}
    got = ["" if cell.value is None else unescape(cell.value) for cell in cells]
    assert got == [expected(v, XML_CANNOT_HOLD, apostrophe=False) for v in values]
    assert [cell.quotePrefix for cell in cells] == [runs(g) for g in got]


@settings(max_examples=60, deadline=None)
@given(
    st.decimals(min_value=-(10**12), max_value=10**12, places=3, allow_nan=False, allow_infinity=False),
    st.sampled_from(["AED", "KWD", "JPY"]),
)
def test_any_amount_keeps_its_exact_value(amount: Decimal, currency: str) -> None:
    columns = (ExportColumn("Amount", "money"),)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "out.csv"
        export_rows(path, "csv", HEADER, columns, iter([(Money(amount, currency),)]))
        with path.open(encoding="utf-8-sig", newline="") as file:
            text = list(csv.reader(file))[-1][0]
    assert Decimal(text) == amount
    digits = {"AED": 2, "KWD": 3, "JPY": 0}[currency]
    exponent = amount.normalize().as_tuple().exponent
    assert isinstance(exponent, int)
    assert len(text.partition(".")[2]) == max(digits, -exponent)  # its currency's, or more if needed
    assert "," not in text
