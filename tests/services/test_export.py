"""The export writer's files, read back with the tools an accountant's computer would use: the
csv module with utf-8-sig (as Excel reads a CSV with a BOM) and openpyxl for XLSX.

Header block, titles, money with its currency's decimals, moments in the workstation's zone as
real date-times, empty cells, and formula defusing in both formats (no XLSX cell is a formula).
"""

from __future__ import annotations

import csv
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from openpyxl.utils.escape import unescape

from linkmanager.domain.money import Money
from linkmanager.services.export import ExportColumn, ExportError, ExportHeader, defuse, export_rows
from linkmanager.services.export_xlsx import sheet_name

DUBAI = ZoneInfo("Asia/Dubai")
HEADER = ExportHeader(
    title="Payments",
    profile="Main office",
    environment="sandbox",
    filters="Collected; AED; this month (1 Dec 2026 – 31 Dec 2026)",
    data_as_of=datetime(2026, 12, 1, 10, 5, 0, tzinfo=UTC),
    zone=DUBAI,
    exported_at=datetime(2026, 12, 2, 8, 0, 30, tzinfo=UTC),
)
COLUMNS = (
    ExportColumn("Paid at", "moment"),
    ExportColumn("Payer", "text"),
    ExportColumn("Amount", "money"),
    ExportColumn("Currency", "text"),
    ExportColumn("Usages", "integer"),
)
TEXT = (ExportColumn("Note", "text"),)
FORMATS = ("csv", "xlsx")
PAID = datetime(2026, 12, 1, 20, 30, 15, 999_000, tzinfo=UTC)  # 2026-12-02 00:30:15 in Dubai


def wall(*fields: int) -> datetime:
    """A wall-clock time with no zone, as an Excel cell holds it."""
    return datetime(*fields, tzinfo=UTC).replace(tzinfo=None)


@dataclass
class Sheet:
    """An export read back: the header block (label -> value), the titles, the data rows."""

    header: dict[str, Any]
    titles: list[Any]
    rows: list[list[Any]]
    cells: list[list[Any]]  # XLSX: every cell of the sheet, as openpyxl reads it


def split(table: list[list[Any]]) -> tuple[dict[str, Any], list[Any], list[list[Any]]]:
    """The header block, one empty row, the titles row, then the rows."""
    empty = next(i for i, row in enumerate(table) if all(v in (None, "") for v in row))
    return {row[0]: row[1] for row in table[:empty]}, table[empty + 1], table[empty + 2 :]


def read(path: Path) -> Sheet:
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as file:
            return Sheet(*split(list(csv.reader(file))), [])
    ws = openpyxl.load_workbook(path).active
    cells = [list(row) for row in ws.iter_rows()]
    return Sheet(*split([[cell.value for cell in row] for row in cells]), cells)


def shown(value: Any) -> Any:
    """An XLSX string as Excel shows it: OOXML's _xHHHH_ escapes decoded."""
    return unescape(value) if isinstance(value, str) else value


def export(
    tmp_path: Path, fmt: Any, rows: list[tuple[object, ...]], columns: Any = COLUMNS, **kw: Any
) -> Sheet:
    path = tmp_path / f"out.{fmt}"
    assert export_rows(path, fmt, kw.pop("header", HEADER), columns, iter(rows), **kw) == len(rows)
    return read(path)


def texts(tmp_path: Path, fmt: str, values: list[str]) -> list[Any]:
    sheet = export(tmp_path, fmt, [(v,) for v in values], TEXT)
    return [shown(row[0]) if fmt == "xlsx" else row[0] for row in sheet.rows]


def payment(amount: str = "262", currency: str = "AED", payer: str | None = "Ahmed") -> tuple[object, ...]:
    return (PAID, payer, Money(Decimal(amount), currency), currency, 3)


def test_csv_starts_with_a_bom_and_the_header_block(tmp_path: Path) -> None:
    sheet = export(tmp_path, "csv", [payment()], total=1)
    assert (tmp_path / "out.csv").read_bytes().startswith(b"\xef\xbb\xbfLinkManager export,Payments\r\n")
    assert sheet.header == {
        "LinkManager export": "Payments",
        "Profile": "Main office",
        "Environment": "sandbox",
        "Filters": "Collected; AED; this month (1 Dec 2026 – 31 Dec 2026)",
        "Data as of": "2026-12-01 14:05:00 +04:00",
        "Time zone": "Asia/Dubai (UTC+04:00)",
        "Exported at": "2026-12-02 12:00:30 +04:00",
        "Rows": "1",
    }
    assert sheet.titles == ["Paid at", "Payer", "Amount", "Currency", "Usages"]
    assert sheet.rows == [["2026-12-02 00:30:15", "Ahmed", "262.00", "AED", "3"]]


def test_xlsx_has_one_sheet_with_the_header_block_bold_titles_and_frozen_panes(tmp_path: Path) -> None:
    sheet = export(tmp_path, "xlsx", [payment()], total=1)
    workbook = openpyxl.load_workbook(tmp_path / "out.xlsx")
    assert workbook.sheetnames == ["Payments"]
    ws = workbook.active
    assert sheet.header["Data as of"] == "2026-12-01 14:05:00 +04:00"
    assert sheet.header["Time zone"] == "Asia/Dubai (UTC+04:00)"
    assert sheet.header["Rows"] == 1
    assert len(sheet.header) == 8
    assert sheet.titles == ["Paid at", "Payer", "Amount", "Currency", "Usages"]
    assert ws.freeze_panes == "A11"  # 8 header lines, an empty row, the titles on row 10
    assert all(cell.font.bold for cell in ws[10])
    assert [ws.column_dimensions[c].width for c in "ABCDE"] == [20, 24, 14, 24, 10]
    assert sheet.rows == [[wall(2026, 12, 2, 0, 30, 15), "Ahmed", 262, "AED", 3]]


def test_the_rows_line_is_left_out_when_the_count_is_not_known(tmp_path: Path) -> None:
    for fmt in FORMATS:
        assert "Rows" not in export(tmp_path, fmt, [payment()]).header


def test_never_synced_data_and_a_fixed_offset_zone_are_said_plainly(tmp_path: Path) -> None:
    plus_four = timezone(timedelta(hours=4))
    header = ExportHeader("Links", "P", "production", "All", None, plus_four, HEADER.exported_at)
    for fmt in FORMATS:
        sheet = export(tmp_path, fmt, [], TEXT, header=header)
        assert sheet.header["LinkManager export"] == "Links"
        assert sheet.header["Data as of"] == "never synced"
        assert sheet.header["Time zone"] == "UTC+04:00"
        assert sheet.rows == []


@pytest.mark.parametrize(
    ("amount", "currency", "text", "number_format"),
    [
        ("262", "AED", "262.00", "#,##0.00"),
        ("1.5", "KWD", "1.500", "#,##0.000"),
        ("5000", "JPY", "5000", "#,##0"),
        ("5E+3", "JPY", "5000", "#,##0"),
        ("1234567.5", "AED", "1234567.50", "#,##0.00"),  # no thousands separators in CSV
        ("-75.25", "SAR", "-75.25", "#,##0.00"),
    ],
)
def test_money_has_exactly_its_currency_decimals(
    tmp_path: Path, amount: str, currency: str, text: str, number_format: str
) -> None:
    assert export(tmp_path, "csv", [payment(amount, currency)]).rows[0][2:4] == [text, currency]
    sheet = export(tmp_path, "xlsx", [payment(amount, currency)])
    cell = sheet.cells[-1][2]
    assert cell.data_type == "n"
    assert cell.value == float(Decimal(amount))
    assert cell.number_format == number_format


def test_an_amount_finer_than_its_currency_is_never_rounded(tmp_path: Path) -> None:
    assert export(tmp_path, "csv", [payment("12.345", "AED")]).rows[0][2] == "12.345"
    assert export(tmp_path, "xlsx", [payment("12.345", "AED")]).rows[0][2] == 12.345


def test_an_amount_beyond_excel_precision_is_written_exactly_as_text(tmp_path: Path) -> None:
    huge = "12345678901234567.89"  # 19 significant digits; a double holds 15
    assert export(tmp_path, "csv", [payment(huge)]).rows[0][2] == huge
    assert export(tmp_path, "xlsx", [payment(huge)]).rows[0][2] == huge


def test_moments_are_local_in_the_given_zone_as_real_datetimes(tmp_path: Path) -> None:
    london = ZoneInfo("Europe/London")
    header = ExportHeader("Payments", "P", "sandbox", "", None, london, HEADER.exported_at)
    summer, winter = datetime(2026, 7, 1, 11, 0, tzinfo=UTC), datetime(2026, 12, 1, 11, 0, tzinfo=UTC)
    rows = [(summer, None, None, None, None), (winter, None, None, None, None)]
    csv_rows = export(tmp_path, "csv", rows, header=header).rows
    assert [row[0] for row in csv_rows] == ["2026-07-01 12:00:00", "2026-12-01 11:00:00"]  # BST, then GMT
    sheet = export(tmp_path, "xlsx", [payment()])
    cell = sheet.cells[-1][0]
    assert cell.is_date
    assert cell.value == wall(2026, 12, 2, 0, 30, 15)  # Dubai, naive, to the second
    assert cell.number_format == "yyyy-mm-dd hh:mm:ss"


def test_a_moment_is_truncated_to_its_second_never_rounded_into_the_next_day(tmp_path: Path) -> None:
    late = datetime(2026, 12, 1, 19, 59, 59, 900_000, tzinfo=UTC)  # 23:59:59.9 in Dubai
    assert export(tmp_path, "csv", [(late, None, None, None, None)]).rows[0][0] == "2026-12-01 23:59:59"
    assert export(tmp_path, "xlsx", [(late, None, None, None, None)]).rows[0][0] == wall(
        2026, 12, 1, 23, 59, 59
    )


def test_none_is_an_empty_cell_in_every_kind(tmp_path: Path) -> None:
    empty = (None, None, None, None, None)
    assert export(tmp_path, "csv", [empty, payment()]).rows[0] == ["", "", "", "", ""]
    sheet = export(tmp_path, "xlsx", [empty, payment()])
    assert sheet.rows[0] == [None] * 5


def test_integers_are_digits_in_csv_and_numbers_in_xlsx(tmp_path: Path) -> None:
    rows: list[tuple[object, ...]] = [(None, None, None, None, n) for n in (0, 7, -2, 1_000_000)]
    assert [r[4] for r in export(tmp_path, "csv", rows).rows] == ["0", "7", "-2", "1000000"]
    sheet = export(tmp_path, "xlsx", rows)
    assert [r[4] for r in sheet.rows] == [0, 7, -2, 1_000_000]
    assert {row[4].data_type for row in sheet.cells[-4:]} == {"n"}


DANGEROUS = ['=HYPERLINK("http://x","y")', "+1", "-2", "@SUM(A1)", "\tx", "\rx", "=1+1", "\x00x"]


def test_text_a_spreadsheet_would_run_gets_a_leading_apostrophe_in_csv(tmp_path: Path) -> None:
    got = texts(tmp_path, "csv", DANGEROUS[:-1])
    assert got == ["'" + text for text in DANGEROUS[:-1]]


def test_text_a_spreadsheet_would_run_stays_as_written_in_xlsx_with_a_quote_prefix(tmp_path: Path) -> None:
    sheet = export(tmp_path, "xlsx", [(text,) for text in DANGEROUS[:-1]], TEXT)
    assert [shown(row[0]) for row in sheet.rows] == DANGEROUS[:-1]
    assert [row[0].quotePrefix for row in sheet.cells[-len(DANGEROUS[:-1]) :]] == [True] * 7


@pytest.mark.parametrize("fmt", FORMATS)
def test_harmless_text_stays_exactly_as_typed(tmp_path: Path, fmt: str) -> None:
    harmless = ["a=b", " =1", "1.5", "#N/A", "TRUE", "<b>bold</b>", "\u202eevil.exe", "إيجار", "x\ny", "a'b"]
    assert texts(tmp_path, fmt, harmless) == harmless


def test_a_leading_nul_is_defused_in_csv_and_replaced_in_xlsx(tmp_path: Path) -> None:
    assert texts(tmp_path, "csv", ["\x00x"]) == ["'\x00x"]
    assert texts(tmp_path, "xlsx", ["\x00x"]) == ["\ufffdx"]


def test_defuse_checks_only_the_first_character() -> None:
    assert [defuse(t) for t in DANGEROUS] == ["'" + t for t in DANGEROUS]
    assert [defuse(t) for t in ["", "a=b", " =1", "'=1", "1-2"]] == ["", "a=b", " =1", "'=1", "1-2"]


def test_no_xlsx_cell_is_ever_a_formula(tmp_path: Path) -> None:
    header = ExportHeader("=Payments", "=cmd|'/c calc'!A1", "+x", "-y", None, DUBAI, HEADER.exported_at)
    columns = (ExportColumn("=SUM(A1)", "text"), ExportColumn("@title", "text"))
    rows: list[tuple[object, ...]] = [(text, "#DIV/0!") for text in DANGEROUS]
    path = tmp_path / "out.xlsx"
    export_rows(path, "xlsx", header, columns, iter(rows))
    with zipfile.ZipFile(path) as archive:
        sheets = [archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/")]
    assert sheets
    assert not any("<f>" in xml or "<f " in xml for xml in sheets)
    ws = openpyxl.load_workbook(path).active
    cells = [cell for row in ws.iter_rows() for cell in row if cell.value is not None]
    assert len(cells) == 7 * 2 + 2 + 2 * len(DANGEROUS)
    assert {cell.data_type for cell in cells} == {"s"}  # header labels and values, titles, rows: text
    assert ws.title == "=Payments"  # a sheet's name is never evaluated
    assert [cell.number_format for cell in cells] == ["@"] * len(cells)  # text, even once edited


def test_header_values_are_defused_too(tmp_path: Path) -> None:
    header = ExportHeader("Payments", "=evil()", "sandbox", "@filters", None, DUBAI, HEADER.exported_at)
    sheet = export(tmp_path, "csv", [], TEXT, header=header)
    assert (sheet.header["Profile"], sheet.header["Filters"]) == ("'=evil()", "'@filters")
    sheet = export(tmp_path, "xlsx", [], TEXT, header=header)
    assert (sheet.header["Profile"], sheet.header["Filters"]) == ("=evil()", "@filters")
    quoted = {row[0].value: row[1].quotePrefix for row in sheet.cells if row[0].value}
    assert (quoted["Profile"], quoted["Filters"], quoted["Environment"]) == (True, True, False)


def test_characters_xml_cannot_hold_become_replacement_characters_in_xlsx_only(tmp_path: Path) -> None:
    typed = ["a\x00b\x01c\x0bd\x1fe", "\x08start", "\ufffe\uffff"]
    assert texts(tmp_path, "xlsx", typed) == ["a\ufffdb\ufffdc\ufffdd\ufffde", "\ufffdstart", "\ufffd\ufffd"]
    assert texts(tmp_path, "csv", typed) == typed  # a CSV holds them as typed


def test_a_lone_surrogate_becomes_a_replacement_character_in_both_formats(tmp_path: Path) -> None:
    for fmt in FORMATS:
        assert texts(tmp_path, fmt, ["pay\ud800er"]) == ["pay\ufffder"]


def test_carriage_returns_and_escape_lookalikes_show_in_excel_as_typed(tmp_path: Path) -> None:
    typed = ["a\rb", "a\r\nb", "_x0041_", "_x000D_", "x_x0041_y_"]
    sheet = export(tmp_path, "xlsx", [(t,) for t in typed], TEXT)
    assert [row[0] for row in sheet.rows][:3] == ["a_x000D_b", "a_x000D_\nb", "_x005F_x0041_"]
    assert [shown(row[0]) for row in sheet.rows] == typed
    assert texts(tmp_path, "csv", typed) == typed


class Outcome(StrEnum):
    COMPLETED = "completed"


def test_a_str_enum_is_written_as_its_text(tmp_path: Path) -> None:
    for fmt in FORMATS:
        assert texts(tmp_path, fmt, [Outcome.COMPLETED]) == ["completed"]


def test_a_sheet_name_is_one_excel_accepts() -> None:
    assert sheet_name("Payments") == "Payments"
    assert sheet_name("a/b[c]:d*e?f\\g") == "a b c  d e f g"
    assert sheet_name("x" * 40) == "x" * 31
    assert sheet_name("[]") == "Export"


@pytest.mark.parametrize("fmt", FORMATS)
def test_too_many_rows_for_one_excel_sheet_are_refused_up_front(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"out.{fmt}"
    if fmt == "csv":
        export_rows(path, fmt, HEADER, TEXT, iter([("a",)] * 3))  # a CSV has no such limit
        assert path.exists()
        return
    with pytest.raises(ExportError, match=r"1,048,600 rows do not fit in one Excel sheet.*export to CSV"):
        export_rows(path, fmt, HEADER, TEXT, iter([]), total=1_048_600)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_empty_export_still_has_its_header_and_titles(tmp_path: Path, fmt: str) -> None:
    sheet = export(tmp_path, fmt, [], total=0)
    assert sheet.header["Rows"] in ("0", 0)
    assert sheet.titles == ["Paid at", "Payer", "Amount", "Currency", "Usages"]
    assert sheet.rows == []


def test_zeros_beyond_the_currency_digits_say_nothing_and_are_dropped(tmp_path: Path) -> None:
    rows = export(tmp_path, "csv", [payment("262.000", "AED"), payment("12.3450", "AED")]).rows
    assert [row[2] for row in rows] == ["262.00", "12.345"]
    cells = export(tmp_path, "xlsx", [payment("262.000", "AED"), payment("1.50000", "KWD")]).cells
    assert [row[2].number_format for row in cells[-2:]] == ["#,##0.00", "#,##0.000"]
