"""Bank statements read as banks write them: real CSV and XLSX files in tmp_path, no mocks."""

from __future__ import annotations

import csv
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from linkmanager.services import statement as statement_module
from linkmanager.services.statement import (
    ColumnMapping,
    MappingError,
    StatementError,
    parse_amount,
    parse_date,
    parse_mapping,
    read_statement,
)

MAPPING = parse_mapping("date=Date,amount=Amount,currency=Currency,description=Description")
TITLES = ["Emirates Bank PJSC", "Account 0123456789", "Period 01/12/2026 - 31/12/2026", ""]
HEADER = ["Date", "Description", "Amount", "Currency", "Balance"]


def write_csv(path: Path, rows: list[list[Any]], *, delimiter: str = ",", encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as file:
        csv.writer(file, delimiter=delimiter).writerows(rows)
    return path


def write_xlsx(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        for cells in sheet.iter_rows():
            for cell in cells:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # text that looks like a formula, as a hostile payer types it
    book.save(path)
    return path


def statement_rows() -> list[list[Any]]:
    return [
        [title] for title in TITLES
    ] + [
        HEADER,
        ["05/12/2026", "LEAN PAYMENT 3fa85f64-5717-4562-b3fc-2c963f66afa6", "262.00", "AED", "1,000.00"],
        ["", "", "", "", ""],
        ["06/12/2026", "Bank charges", "-10.50", "AED", "989.50"],
        ["07-Dec-2026", "Transfer INV-7", "1,234.50 CR", "AED", "2,224.00"],
    ]  # fmt: skip


def test_a_csv_below_the_bank_s_title_lines(tmp_path: Path) -> None:
    read = read_statement(write_csv(tmp_path / "december.csv", statement_rows()), MAPPING)
    assert read.name == "december.csv"
    assert read.sheet is None
    assert read.header_row == len(TITLES) + 1
    # Lines count the rows under the header from 1; the blank row 2 is counted, not read.
    assert [(x.line, x.date, x.amount, x.currency) for x in read.lines] == [
        (1, date(2026, 12, 5), Decimal("262.00"), "AED"),
        (3, date(2026, 12, 6), Decimal("-10.50"), "AED"),
        (4, date(2026, 12, 7), Decimal("1234.50"), "AED"),
    ]
    assert read.lines[0].description == "LEAN PAYMENT 3fa85f64-5717-4562-b3fc-2c963f66afa6"


def test_titles_are_found_in_any_case_and_spacing(tmp_path: Path) -> None:
    rows = [["  DATE ", "description", "AMOUNT", "currency"], ["2026-12-05", "x", "5", "SAR"]]
    mapping = parse_mapping("date=date, amount = Amount ,currency=CURRENCY,description=Description")
    assert read_statement(write_csv(tmp_path / "s.csv", rows), mapping).lines[0].currency == "SAR"


@pytest.mark.parametrize(
    ("delimiter", "encoding"),
    [(";", "utf-8"), ("\t", "utf-8"), (",", "utf-8-sig"), (";", "utf-8-sig"), ("\t", "utf-16")],
)
def test_delimiters_and_encodings(tmp_path: Path, delimiter: str, encoding: str) -> None:
    path = write_csv(tmp_path / "s.csv", statement_rows(), delimiter=delimiter, encoding=encoding)
    read = read_statement(path, MAPPING)
    assert [x.amount for x in read.lines] == [Decimal("262.00"), Decimal("-10.50"), Decimal("1234.50")]


def test_the_delimiter_is_the_one_that_finds_the_header(tmp_path: Path) -> None:
    # More commas than semicolons (in the descriptions), and a first title that begins with "PK".
    rows = [["PKR and AED statement"], HEADER]
    rows += [[f"0{d}/12/2026", "a, b, c, d, e, f", "1,234.50", "AED", ""] for d in range(1, 6)]
    read = read_statement(write_csv(tmp_path / "s.csv", rows, delimiter=";"), MAPPING)
    assert [x.amount for x in read.lines] == [Decimal("1234.50")] * 5
    assert read.lines[0].description == "a, b, c, d, e, f"


def test_arabic_windows_and_western_windows_text(tmp_path: Path) -> None:
    rows = [["Date", "Description", "Amount", "Currency"], ["05/12/2026", "دفعة من أحمد", "262", "AED"]]
    arabic = read_statement(write_csv(tmp_path / "a.csv", rows, encoding="cp1256"), MAPPING)
    assert arabic.lines[0].description == "دفعة من أحمد"
    rows[1][1] = "Café Zürich €"
    western = read_statement(write_csv(tmp_path / "w.csv", rows, encoding="cp1252"), MAPPING)
    assert western.lines[0].description == "Café Zürich €"


def test_xlsx_with_real_dates_numbers_and_a_cover_sheet(tmp_path: Path) -> None:
    rows = [
        ["Statement of account"],
        [],
        ["Value Date", "Narrative", "Credit", "Ccy"],
        [
            datetime(2026, 12, 5, 14, 30),  # noqa: DTZ001 - Excel's times have no zone
            '=HYPERLINK("http://x","y")',
            262.0,
            "AED",
        ],
        [date(2026, 12, 6), 12345.0, None, "AED"],  # a debit row: its Credit cell is empty
        ["08/12/2026", "<b>bold</b>\u202eevil", 0.1 + 0.2, "AED"],
    ]
    path = write_xlsx(tmp_path / "s.xlsx", {"Cover": [["Bank of Nowhere"], ["no table here"]], "Lines": rows})
    mapping = parse_mapping("date=Value Date,amount=Credit,currency=Ccy,description=Narrative")
    read = read_statement(path, mapping)
    assert read.sheet == "Lines"
    assert read.header_row == 3
    assert [(x.line, x.date, x.amount, x.description) for x in read.lines] == [
        (1, date(2026, 12, 5), Decimal("262"), '=HYPERLINK("http://x","y")'),
        (2, date(2026, 12, 6), Decimal(0), "12345"),
        (3, date(2026, 12, 8), Decimal("0.3"), "<b>bold</b>\u202eevil"),
    ]


def test_an_xlsx_named_csv_is_read_by_its_content(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "x.xlsx", {"S": [HEADER, ["05/12/2026", "d", 5, "AED"]]})
    renamed = path.rename(tmp_path / "x.csv")
    assert read_statement(renamed, MAPPING).lines[0].amount == 5


def test_columns_by_letter_and_number(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "s.csv", statement_rows())
    by_letters = read_statement(path, parse_mapping("date=A,amount=c,currency=D,description=B"))
    by_numbers = read_statement(path, parse_mapping("date=1,amount=3,currency=4,description=2"))
    mixed = read_statement(path, parse_mapping("date=Date,amount=C,currency=4,description=Description"))
    reference = read_statement(path, MAPPING).lines
    assert by_letters.lines == reference
    assert mixed.lines == reference
    # Without titles the lines start at the first row with a date: the header's row is above it.
    assert by_numbers.header_row == len(TITLES) + 1
    assert [x.line for x in by_numbers.lines] == [1, 3, 4]


def test_no_currency_column_with_a_default_and_codes_written_with_the_amount(tmp_path: Path) -> None:
    rows = [["Date", "Description", "Amount"], ["05/12/2026", "a", "262.00"], ["06/12/2026", "b", "USD 5.00"]]
    mapping = parse_mapping("date=Date,amount=Amount,description=Description")
    assert mapping.currency is None
    read = read_statement(write_csv(tmp_path / "s.csv", rows), mapping, default_currency="AED")
    assert [(x.amount, x.currency) for x in read.lines] == [
        (Decimal("262.00"), "AED"),
        (Decimal("5.00"), "USD"),
    ]
    with pytest.raises(StatementError, match="say which currency"):
        read_statement(tmp_path / "s.csv", mapping)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,234.50", (Decimal("1234.50"), None)),
        ("-262.00", (Decimal("-262.00"), None)),
        ("(262.00)", (Decimal("-262.00"), None)),
        ("262.00 CR", (Decimal("262.00"), None)),
        ("262.00 DR", (Decimal("-262.00"), None)),
        ("262.00-", (Decimal("-262.00"), None)),
        ("AED 262.00", (Decimal("262.00"), "AED")),
        ("262.00AED", (Decimal("262.00"), "AED")),
        ("AED (1,000.00)", (Decimal("-1000.00"), "AED")),
        ("د.إ 10", (Decimal("10"), "AED")),
        ("١٢٣٫٥٠", (Decimal("123.50"), None)),
        ("+5", (Decimal(5), None)),
        ("12,3x", None),
        ("1.234,50", None),
        ("1,23", None),
        ("XYZ 5", None),
        ("5 CR DR", None),
        ("(5", None),
        ("-5 CR", None),
        ("five", None),
        ("1" * 200, None),
    ],
)
def test_amounts(text: str, expected: tuple[Decimal, str | None] | None) -> None:
    assert parse_amount(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-05", date(2026, 12, 5)),
        ("05/12/2026", date(2026, 12, 5)),  # day first
        ("5/12/26", date(2026, 12, 5)),
        ("05.12.2026 14:30:00", date(2026, 12, 5)),
        ("5-Dec-2026", date(2026, 12, 5)),
        ("05 Dec 2026", date(2026, 12, 5)),
        ("05 December 2026 10:00 AM", date(2026, 12, 5)),
        ("05DEC2026", date(2026, 12, 5)),
        ("Dec 5, 2026", date(2026, 12, 5)),
        ("2026-12-05T23:59:59+04:00", date(2026, 12, 5)),
        ("12/25/2026", None),  # month first is not read: day 12 of month 25
        ("31/02/2026", None),
        ("05 Ju 2026", None),
        ("yesterday", None),
        ("2026-12-05 and more", None),
    ],
)
def test_dates(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


def test_mapping_text_round_trips_and_titles_may_hold_commas() -> None:
    mapping = parse_mapping("date=Date, amount=Amount, AED,currency=C,description=Details")
    assert mapping == ColumnMapping("Date", "Amount, AED", "C", "Details")
    assert parse_mapping(mapping.text()) == mapping
    assert parse_mapping("date=A,amount=B,description=C").text() == "date=A,amount=B,description=C"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("date=A,amount=B", "needs description="),
        ("date=A,amount=B,description=C,date=D", "twice"),
        ("date=A,amont=B,description=C", "cannot read"),
        ("date=,amount=B,description=C", "after date="),
        ("", "cannot read"),
    ],
)
def test_bad_mappings(text: str, words: str) -> None:
    with pytest.raises(MappingError, match=words):
        parse_mapping(text)


def test_a_missing_column_is_named_with_the_columns_there_are(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "s.csv", statement_rows())
    mapping = parse_mapping("date=Date,amount=Amount,currency=Currency,description=Narrative")
    with pytest.raises(StatementError) as caught:
        read_statement(path, mapping)
    assert str(caught.value) == (
        "The statement has no column 'Narrative'; its columns are: Date, Description, Amount, Currency, Balance."
    )
    with pytest.raises(StatementError, match="no column 'Z'"):
        read_statement(path, parse_mapping("date=Date,amount=Z,currency=Currency,description=Description"))
    with pytest.raises(StatementError, match="has a date in column H"):
        read_statement(path, parse_mapping("date=H,amount=C,currency=D,description=B"))


def test_a_bad_line_refuses_the_whole_statement_naming_the_line(tmp_path: Path) -> None:
    rows = [HEADER] + [["05/12/2026", "ok", "1.00", "AED"]] * 13 + [["06/12/2026", "bad", "12,3x", "AED"]]
    with pytest.raises(StatementError) as caught:
        read_statement(write_csv(tmp_path / "a.csv", rows), MAPPING)
    assert str(caught.value) == "Line 14: the amount '12,3x' is not a number."
    rows[-1] = ["31/02/2026", "bad", "1.00", "AED"]
    with pytest.raises(
        StatementError, match=r"^Line 14: the date '31/02/2026' is not a date \(read day first"
    ):
        read_statement(write_csv(tmp_path / "d.csv", rows), MAPPING)
    rows[-1] = ["", "no date", "1.00", "AED"]
    with pytest.raises(StatementError, match=r"^Line 14: the date is empty\."):
        read_statement(write_csv(tmp_path / "e.csv", rows), MAPPING)
    rows[-1] = ["06/12/2026", "x", "1.00", "Dirham"]
    with pytest.raises(StatementError, match=r"^Line 14: the currency 'DIRHAM' is not a currency code\."):
        read_statement(write_csv(tmp_path / "c.csv", rows), MAPPING)
    rows[-1] = ["06/12/2026", "x", "USD 1.00", "AED"]
    with pytest.raises(StatementError, match=r"^Line 14: the amount says USD, the currency column AED\."):
        read_statement(write_csv(tmp_path / "m.csv", rows), MAPPING)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "is a PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), r"old Excel \(.xls\)"),
        (b"<html><body><table><tr><td>Date</td></tr></table>", "is a web page"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00", "binary data"),
        (b"PK\x05\x06" + bytes(18), "zip archive but not an Excel workbook"),
        (b"", "is empty"),
        (b"  \r\n\r\n", "is empty"),
    ],
)
def test_files_that_are_not_statements(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "statement.csv"
    path.write_bytes(content)
    with pytest.raises(StatementError, match=words):
        read_statement(path, MAPPING)


def test_zips_that_are_not_workbooks_and_damaged_workbooks(tmp_path: Path) -> None:
    other = tmp_path / "doc.xlsx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    with pytest.raises(StatementError, match="not an Excel workbook"):
        read_statement(other, MAPPING)
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(damaged, "w") as archive:
        archive.writestr("xl/workbook.xml", "<not a workbook")
    with pytest.raises(StatementError, match="not a workbook Excel can open"):
        read_statement(damaged, MAPPING)
    with pytest.raises(StatementError, match="cannot be read"):
        read_statement(tmp_path / "absent.csv", MAPPING)
    with pytest.raises(StatementError, match="cannot be read"):
        read_statement(tmp_path, MAPPING)


def test_bounded_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as file:
        file.truncate(statement_module.MAX_BYTES + 1)
    with pytest.raises(StatementError, match="larger than 50 MB"):
        read_statement(huge, MAPPING)
    long_cell = write_csv(tmp_path / "cell.csv", [HEADER, ["05/12/2026", "x" * 200_000, "1", "AED"]])
    with pytest.raises(StatementError, match="more than 131,072 characters"):
        read_statement(long_cell, MAPPING)
    many = write_csv(tmp_path / "many.csv", [HEADER] + [["05/12/2026", "x", "1", "AED"]] * 11)
    monkeypatch.setattr(statement_module, "MAX_ROWS", 10)
    with pytest.raises(StatementError, match="more than 10 rows"):
        read_statement(many, MAPPING)
    book = write_xlsx(tmp_path / "b.xlsx", {"S": [HEADER, ["05/12/2026", "x", 1, "AED"]]})
    monkeypatch.setattr(statement_module, "MAX_UNPACKED", 1000)
    with pytest.raises(StatementError, match="unpacks to more than"):
        read_statement(book, MAPPING)


def test_an_xlsx_cell_longer_than_the_cap_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(statement_module, "MAX_CELL", 100)
    book = write_xlsx(tmp_path / "b.xlsx", {"S": [HEADER, ["05/12/2026", "x" * 101, 1, "AED"]]})
    with pytest.raises(StatementError, match=r"^Line 1: a cell holds more than 100 characters"):
        read_statement(book, MAPPING)
