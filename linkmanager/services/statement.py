"""Bank statements read for matching (services.matching): CSV or XLSX, columns as the bank names them.

- A mapping names each column by title (case-insensitive, trimmed), letter (A to ZZ) or 1-based number.
  The header is the first of the first 30 rows holding every titled column (banks print their name and
  the period above it); with letters and numbers only, the lines start at the first row with a date.
- `line` counts the rows under the header from 1, blank ones included. Rows with neither date nor amount
  (blank, "Opening balance", a description's second row) are skipped.
- Dates are read DAY FIRST (05/12/2026 is 5 December), as UAE and Saudi banks write them; also ISO
  2026-12-05, 5-Dec-2026, 05 Dec 2026, Dec 5, 2026 and Excel date cells; a time after the date is ignored.
- A payment received is a credit: a positive amount or one marked CR. A debit (-262.00, (262.00), 262.00 DR)
  is kept, negative, never matched; so is an empty amount (a debit row under a Credit column). Commas group
  thousands. A currency written with the number (AED 262.00) is the line's when no column gives one.
- One bad line refuses the whole import, naming the line: nothing is matched from a statement half read.
- Every cell is data (an XLSX formula is read as the value Excel last computed). Bounded: 50 MB a file
  (300 MB unpacked for XLSX), 1,000,000 rows, 131,072 characters a cell.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import itertools
import math
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from linkmanager.domain.i18n import Context, translate
from linkmanager.domain.money import is_iso_currency
from linkmanager.services.statement_values import parse_amount, parse_date  # the rules for values

StatementCounts = Context("StatementCounts")  # plurals: lupdate reads X.tr(text, "", n) as a plural

MAX_BYTES = 50 * 1024 * 1024
MAX_UNPACKED = 300 * 1024 * 1024  # an XLSX is a zip: its parts' size, not the file's, is the memory at risk
MAX_ROWS = 1_000_000
MAX_CELL = 131_072  # the csv module's own field limit
HEADER_ROWS = 30
FIELDS = ("date", "amount", "currency", "description")


class StatementError(ValueError):
    """A statement that cannot be read, in one sentence for the person; nothing was imported."""


def _refused(sentence: str, **values: object) -> StatementError:
    """A StatementError saying `sentence` (translated already) with its fields filled in."""
    return StatementError(sentence.format(**values))


class MappingError(StatementError):
    """A column mapping that is not written right (a usage error on the command line)."""


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """Where each value is: a column title, a letter (A, B, …) or a 1-based number; no currency
    column when every line is in one currency (then read_statement needs `default_currency`)."""

    date: str
    amount: str
    currency: str | None
    description: str

    def text(self) -> str:
        """As parse_mapping reads it: "date=Date,amount=Amount,currency=Currency,description=Details"."""
        pairs = [(f, getattr(self, f)) for f in FIELDS]
        return ",".join(f"{name}={value}" for name, value in pairs if value is not None)


@dataclass(frozen=True, slots=True)
class StatementLine:
    line: int  # rows under the header, from 1
    date: date
    amount: Decimal  # a credit is positive, a debit negative
    currency: str  # "" only for a zero amount without any currency
    description: str


@dataclass(frozen=True, slots=True)
class Statement:
    name: str  # the file's name
    lines: list[StatementLine]
    sheet: str | None  # the XLSX sheet read
    header_row: int  # the header's row in the file or sheet, from 1; 0 when the mapping needed none


_SPLIT = re.compile(r"\s*,\s*(?=[A-Za-z_]+\s*=)")  # a comma inside a title ("Amount, AED") stays
_POSITION = re.compile(r"[A-Za-z]{1,2}|[0-9]{1,4}")


def parse_mapping(text: str) -> ColumnMapping:
    """ "date=Date,amount=Amount,currency=Currency,description=Details"; a title may hold commas."""
    found: dict[str, str] = {}
    for part in _SPLIT.split(text.strip()):
        name, sep, value = part.partition("=")
        name, value = name.strip().lower(), value.strip()
        if not sep or name not in FIELDS:
            raise MappingError(f"The column mapping cannot read {part[:40]!r}: write date=COL,amount=COL,…")
        if name in found:
            raise MappingError(f"The column mapping names the {name} column twice.")
        if not value or len(value) > 200:
            raise MappingError(f"The column mapping needs a column title, letter or number after {name}=.")
        found[name] = value
    for name in ("date", "amount", "description"):
        if name not in found:
            raise MappingError(f"The column mapping needs {name}=COLUMN.")
    return ColumnMapping(found["date"], found["amount"], found.get("currency"), found["description"])


def _position(spec: str) -> int | None:
    """A letter's or number's 0-based column, None for a title."""
    spec = spec.strip()
    if not _POSITION.fullmatch(spec) or spec.strip("0") == "":
        return None
    if spec.isdigit():
        return int(spec) - 1
    return functools.reduce(lambda n, ch: n * 26 + ord(ch) - 64, spec.upper(), 0) - 1


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else value.isoformat() if isinstance(value, date) else str(value).strip()


def _title(value: object) -> str:
    return " ".join(_text(value).split()).casefold()


def _shown(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


def _cell_amount(value: object) -> tuple[Decimal, str | None] | None:
    if isinstance(value, float) and math.isfinite(value):
        return Decimal(str(round(value, 6))), None  # Excel's float noise (0.30000000000000004) goes
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return Decimal(value), None
    return None if isinstance(value, bool | float) else parse_amount(_text(value))


def _cell_date(value: object) -> date | None:
    if isinstance(value, datetime | date):  # an Excel date cell
        return value.date() if isinstance(value, datetime) else value
    return parse_date(_text(value))


def _load(path: Path) -> bytes:
    try:
        with path.open("rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError as exc:
        cannot = translate("Statement", "{path} cannot be read: {reason}.")
        raise _refused(cannot, path=path, reason=exc.strerror or exc) from None
    if len(data) > MAX_BYTES:
        raise _refused(
            translate("Statement", "{name} is larger than 50 MB: import a shorter period."), name=path.name
        )
    if not data.strip():
        raise _refused(translate("Statement", "{name} is empty."), name=path.name)
    return data


def _refusal(data: bytes) -> str | None:
    """Why the content is neither CSV nor XLSX, whatever the file's name says ("{name} is …"); None
    when it may be CSV."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return translate(
            "Statement", "{name} is an old Excel (.xls) workbook: save it as .xlsx or CSV and import that."
        )
    if data.startswith(b"%PDF"):
        return translate("Statement", "{name} is a PDF: ask the bank for the CSV or Excel statement.")
    if head.startswith((b"<html", b"<!doctype", b"<?xml", b"<table")):
        return translate(
            "Statement",
            "{name} is a web page (HTML or XML), not CSV or XLSX: open it in Excel and save it as .xlsx.",
        )
    if data[:4] in (b"PK\x05\x06", b"PK\x07\x08"):  # an empty or split zip ("PK" alone may be text)
        return translate("Statement", "{name} is a zip archive but not an Excel workbook (.xlsx).")
    return None


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; else Arabic Windows (cp1256) when that reads
    Arabic letters, else Western Windows (cp1252), else Latin-1, which reads anything."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text"
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data:
        raise StatementError(
            translate("Statement", "The file is not a CSV or XLSX file: it holds binary data.")
        )
    with contextlib.suppress(UnicodeDecodeError):
        return data.decode("utf-8-sig")
    arabic = data.decode("cp1256")
    if any("\u0600" <= ch <= "\u06ff" for ch in arabic):
        return arabic
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _csv_tables(text: str) -> Iterator[tuple[str | None, Iterator[Sequence[object]]]]:
    """The text read with each delimiter, the likeliest (most used at the start) first."""
    sample = text[:65536]
    for delimiter in sorted(",;\t", key=lambda d: -sample.count(d)):
        yield None, csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def _xlsx_tables(data: bytes, path: Path) -> Iterator[tuple[str | None, Iterator[Sequence[object]]]]:
    """Every sheet, first to last (read from memory: openpyxl would refuse a name not ending .xlsx)."""
    import openpyxl

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "xl/workbook.xml" not in archive.namelist():
                raise _refused(
                    translate("Statement", "{name} is a zip archive but not an Excel workbook (.xlsx)."),
                    name=path.name,
                )
            if sum(item.file_size for item in archive.infolist()) > MAX_UNPACKED:
                unpacks = translate(
                    "Statement", "{name} unpacks to more than 300 MB: that is no bank statement."
                )
                raise _refused(unpacks, name=path.name)
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except StatementError:
        raise
    except Exception as exc:  # a damaged or hostile workbook fails in many ways; all mean the same
        not_open = translate("Statement", "{name} is not a workbook Excel can open ({kind}).")
        raise _refused(not_open, name=path.name, kind=type(exc).__name__) from exc
    try:
        for sheet in book.worksheets:
            if hasattr(sheet, "reset_dimensions"):
                sheet.reset_dimensions()  # some programs write a wrong size, which read-only mode trusts
            yield sheet.title, _guarded(sheet.iter_rows(values_only=True), path)
    finally:
        book.close()


def _guarded(rows: Iterator[Sequence[object]], path: Path) -> Iterator[Sequence[object]]:
    try:
        yield from rows
    except Exception as exc:  # as in _xlsx_tables: damage found further in
        damaged = translate("Statement", "{name} is damaged and cannot be read ({kind}).")
        raise _refused(damaged, name=path.name, kind=type(exc).__name__) from exc


@dataclass(frozen=True, slots=True)
class _Found:
    header: int  # the header's index in the rows read first; -1 when there is none
    columns: list[int | None]  # one per FIELDS entry


def _locate(head: list[Sequence[object]], mapping: ColumnMapping) -> _Found | tuple[str, list[str]]:
    """The header and every mapped column, or (the first column not found, the likeliest titles)."""
    specs = [getattr(mapping, f) for f in FIELDS]
    width = max((len(row) for row in head), default=0)  # a letter or number past it is no column
    best: tuple[int, str, list[str]] = (-1, "", [])
    for index, row in enumerate(head):
        titles = [_title(cell) for cell in row]
        columns: list[int | None] = []
        for spec in specs:
            key = None if spec is None else _title(spec)
            if key is None or key in titles:
                columns.append(None if key is None else titles.index(key))
            elif (at := _position(spec)) is not None and at < width:
                columns.append(at)
            else:
                score = sum(1 for s in specs if s is not None and _title(s) in titles)
                if score > best[0] or (score == best[0] and len([t for t in titles if t]) > len(best[2])):
                    best = (score, spec, [_shown(_text(c)) for c in row if _text(c)])
                break
        else:
            if any(s is not None and _title(s) in titles for s in specs):
                return _Found(index, columns)
            at = _position(mapping.date)
            if at is not None and at < len(row) and _cell_date(row[at]) is not None:
                return _Found(index - 1, columns)  # no titles: the lines start here
    return best[1] or mapping.date, best[2]


def tables_of(path: Path) -> Iterator[tuple[str | None, Iterator[Sequence[object]]]]:
    """The file's tables (sheets, or the text split by each likely delimiter); StatementError if none."""
    data = _load(path)
    if data.startswith(b"PK\x03\x04"):
        return _xlsx_tables(data, path)
    if (why := _refusal(data)) is not None:
        raise _refused(why, name=path.name)
    return _csv_tables(_decode(data))


def read_statement(path: Path, mapping: ColumnMapping, *, default_currency: str | None = None) -> Statement:
    """The statement's lines, or StatementError naming what is wrong (and the line, for a bad value)."""
    path = Path(path)
    if mapping.currency is None and default_currency is None:
        raise StatementError(
            translate("Statement", "With no currency column, say which currency the lines are in (e.g. AED).")
        )
    tables = tables_of(path)
    missing: tuple[str, list[str]] = (mapping.date, [])
    try:
        for sheet, rows in tables:
            head = list(itertools.islice(rows, HEADER_ROWS))
            found = _locate(head, mapping)
            if isinstance(found, _Found):
                below = itertools.chain(head[found.header + 1 :], rows)
                lines = _lines(below, found.columns, default_currency)
                return Statement(path.name, lines, sheet, found.header + 1)
            if len(found[1]) > len(missing[1]):
                missing = found
    except csv.Error as exc:
        if "field larger" in str(exc):
            too_long = translate("Statement", "A cell of {name} holds more than {limit} characters.")
            raise _refused(too_long, name=path.name, limit=f"{MAX_CELL:,}") from None
        not_csv = translate("Statement", "{name} is not a CSV file this program can read ({error}).")
        raise _refused(not_csv, name=path.name, error=exc) from None
    finally:
        getattr(tables, "close", lambda: None)()
    first = HEADER_ROWS
    if all(_position(s) is not None for s in (getattr(mapping, f) for f in FIELDS) if s is not None):
        no_date = StatementCounts.tr("No row among the first %n has a date in column {column}.", None, first)
        raise _refused(no_date, column=mapping.date)
    titles = ", ".join(missing[1][:20]) or StatementCounts.tr(
        "none found in its first %n row(s)", None, first
    )
    no_column = translate("Statement", "The statement has no column '{column}'; its columns are: {titles}.")
    raise _refused(no_column, column=_shown(missing[0]), titles=titles)


def _lines(
    rows: Iterator[Sequence[object]], columns: list[int | None], default: str | None
) -> list[StatementLine]:
    out: list[StatementLine] = []
    for number, row in enumerate(rows, start=1):
        if number > MAX_ROWS:
            too_many = translate(
                "Statement", "The statement has more than {limit} rows: import a shorter period."
            )
            raise _refused(too_many, limit=f"{MAX_ROWS:,}")
        cells = [row[c] if c is not None and c < len(row) else None for c in columns]
        if any(isinstance(c, str) and len(c) > MAX_CELL for c in cells):
            raise _refused(
                translate("Statement", "Line {line}: a cell holds more than {limit} characters."),
                line=number,
                limit=f"{MAX_CELL:,}",
            )
        if _text(cells[0]) or _text(cells[1]):
            out.append(_line(number, cells, default))
    return out


def _line(number: int, cells: list[object], default: str | None) -> StatementLine:
    raw_date, raw_amount, raw_currency, raw_description = cells
    if not _text(raw_date):
        raise _refused(translate("Statement", "Line {line}: the date is empty."), line=number)
    day = _cell_date(raw_date)
    if day is None:
        not_date = translate(
            "Statement", "Line {line}: the date '{date}' is not a date (read day first, DD/MM/YYYY)."
        )
        raise _refused(not_date, line=number, date=_shown(_text(raw_date)))
    parsed = _cell_amount(raw_amount) if _text(raw_amount) else (Decimal(0), None)
    if parsed is None:
        not_number = translate("Statement", "Line {line}: the amount '{amount}' is not a number.")
        raise _refused(not_number, line=number, amount=_shown(_text(raw_amount)))
    amount, written = parsed
    column = _text(raw_currency).upper()
    if column and not is_iso_currency(column):
        not_code = translate("Statement", "Line {line}: the currency '{currency}' is not a currency code.")
        raise _refused(not_code, line=number, currency=_shown(column))
    if column and written and column != written:
        disagree = translate(
            "Statement", "Line {line}: the amount says {written}, the currency column {column}."
        )
        raise _refused(disagree, line=number, written=written, column=column)
    currency = column or written or default or ""
    if not currency and amount:
        raise _refused(translate("Statement", "Line {line}: the currency is empty."), line=number)
    return StatementLine(number, day, amount, currency, _text(raw_description))
