"""What an export holds, and how each value becomes a cell: shared by the CSV and XLSX writers (no Qt).

Text a spreadsheet would run as a formula is defused: in a CSV (which has no cell types) with a
leading apostrophe, OWASP's advice; in an XLSX it stays exactly as written, a string cell with
Excel's own "quote prefix" (what Excel does when a person types '+9665…: the cell shows the text,
never runs it, and only the formula bar shows the apostrophe). Money keeps its exact amount with
at least its currency's digits; moments are local to the workstation's
zone, to the second. A value of the wrong kind is a programming error that names its column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Literal, get_args

from linkmanager.domain.money import Money, currency_digits

ColumnKind = Literal["text", "money", "moment", "integer"]
HeaderValue = str | int

NEVER_SYNCED = "never synced"

# A first character that makes Excel, LibreOffice or Sheets evaluate a cell (OWASP's list, and
# NUL from ASVS 1.2.10). Only the very first character counts: nothing is stripped before.
_FORMULA_STARTS = frozenset("=+-@\t\r\0")
# What UTF-8 cannot encode: a lone surrogate (from a JSON "\ud800" escape).
_SURROGATES = re.compile("[\ud800-\udfff]")
# What XML 1.0 cannot hold at all; openpyxl refuses the controls with IllegalCharacterError.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Excel decodes "_xHHHH_" in a cell's text, and an XML reader turns a raw CR into LF: both are
# written as OOXML escapes so that the cell shows exactly what the payer typed.
_OOXML_ESCAPES = re.compile("_(?=x[0-9A-Fa-f]{4}_)|\r")
_OOXML_ESCAPED = {"_": "_x005F_", "\r": "_x000D_"}
REPLACEMENT = "\ufffd"


class ExportError(Exception):
    """An export that could not be written, in one sentence saying what happened and what to do."""


class ExportCancelled(Exception):
    """The person cancelled the export; no file was written and any earlier file is untouched."""


@dataclass(frozen=True, slots=True)
class ExportColumn:
    """One column as the view shows it: its title and the kind of value its cells hold."""

    title: str
    kind: ColumnKind

    def __post_init__(self) -> None:
        if self.kind not in get_args(ColumnKind):
            raise ValueError(f"export column {self.title!r} has an unknown kind {self.kind!r}")


@dataclass(frozen=True, slots=True)
class ExportHeader:
    """What the file says about itself above the rows, so that an accountant knows what it holds."""

    title: str  # "Payments" or "Links"
    profile: str
    environment: str  # "sandbox" / "production"
    filters: str  # the view's filters in words
    data_as_of: datetime | None  # aware: when the cache was last synced in full (None: never)
    zone: tzinfo  # the workstation's time zone: moments are written in it, and it is named
    exported_at: datetime  # aware

    def __post_init__(self) -> None:
        for name in ("data_as_of", "exported_at"):
            moment = getattr(self, name)
            if moment is not None and moment.utcoffset() is None:
                raise ValueError(f"ExportHeader.{name} must be an aware datetime, not a naive one")


def runs_as_formula(text: str) -> bool:
    """Whether a spreadsheet would run this text ("=1", "+9665…", "@x"): its first character says."""
    return bool(text) and text[0] in _FORMULA_STARTS


def defuse(text: str) -> str:
    """Text a spreadsheet would run as a formula, made inert with a leading apostrophe ("=1" -> "'=1")."""
    return "'" + text if runs_as_formula(text) else text


def csv_text(text: str) -> str:
    """Text for a CSV cell: defused, and a lone surrogate (UTF-8 cannot hold it) made U+FFFD."""
    if not text.isascii():
        text = _SURROGATES.sub(REPLACEMENT, text)
    return defuse(text)


def xlsx_text(text: str) -> tuple[str, bool]:
    """Text for an XLSX cell, and whether its cell needs Excel's quote prefix (it would run).

    What XML cannot hold is made U+FFFD (a leading NUL so replaced runs nothing), then the text is
    OOXML-escaped; it is never given an apostrophe: the cell's style defuses it.
    """
    text = _XML_ILLEGAL.sub(REPLACEMENT, text)
    quoted = runs_as_formula(text)
    if "_x" in text or "\r" in text:
        text = _OOXML_ESCAPES.sub(lambda found: _OOXML_ESCAPED[found.group()], text)
    return text, quoted


def _wrong(column: ExportColumn, value: object, expected: str) -> TypeError:
    return TypeError(
        f"export column {column.title!r} ({column.kind}) holds a {type(value).__name__}, not {expected}"
    )


def as_text(value: object, column: ExportColumn) -> str:
    """A text cell's value as a plain str (a StrEnum becomes its text)."""
    if not isinstance(value, str):
        raise _wrong(column, value, "str or None")
    return value if type(value) is str else str.__str__(value)


def as_money(value: object, column: ExportColumn) -> Money:
    if not isinstance(value, Money):
        raise _wrong(column, value, "Money or None")
    return value


def as_integer(value: object, column: ExportColumn) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _wrong(column, value, "int or None")
    return value


def local_moment(value: object, column: ExportColumn, zone: tzinfo) -> datetime:
    """An aware moment as naive local time in `zone`, to the second.

    Truncated, never rounded: 23:59:59.7 stays on its day. Excel has no time zones, so the cell
    holds local time and the header names the zone.
    """
    if not isinstance(value, datetime):
        raise _wrong(column, value, "an aware datetime or None")
    if value.utcoffset() is None:
        raise ValueError(
            f"export column {column.title!r} (moment) holds a naive datetime; moments must be aware"
        )
    return value.astimezone(zone).replace(tzinfo=None, microsecond=0)


def money_digits(money: Money) -> int:
    """Decimals to show: the currency's (AED 2, KWD 3, JPY 0), or more if the amount needs them.

    12.345 AED shows 12.345 (a finance file never rounds what the server holds); 262.000 AED
    shows 262.00 (its last zero says nothing).
    """
    wanted = currency_digits(money.currency)
    _, digits, exponent = money.amount.as_tuple()
    assert isinstance(exponent, int)  # Money is always finite
    places, last = -exponent, len(digits) - 1
    while places > wanted and last >= 0 and digits[last] == 0:
        places, last = places - 1, last - 1
    return max(wanted, places)


def money_text(money: Money) -> str:
    """The amount alone, exact, with at least the currency's decimals: "262.00", "1.500", "5000"."""
    return f"{money.amount:.{money_digits(money)}f}"


def number_format(digits: int) -> str:
    """Excel's number format showing `digits` decimals: "#,##0.00", "#,##0.000", "#,##0"."""
    return "#,##0." + "0" * digits if digits else "#,##0"


def _offset(delta: timedelta | None) -> str:
    minutes = round((delta or timedelta()).total_seconds() / 60)
    sign = "-" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


def local_stamp(moment: datetime, zone: tzinfo) -> str:
    """A moment in the zone with its offset, for the header: "2026-12-01 14:05:00 +04:00"."""
    local = moment.astimezone(zone)
    return f"{local:%Y-%m-%d %H:%M:%S} {_offset(local.utcoffset())}"


def zone_name(zone: tzinfo, at: datetime) -> str:
    """The zone's name and its offset at `at`: "Asia/Dubai (UTC+04:00)", or "UTC+04:00" alone."""
    local = at.astimezone(zone)
    offset = "UTC" + _offset(local.utcoffset())
    key = getattr(zone, "key", None)  # a ZoneInfo's IANA name
    name = key if isinstance(key, str) else zone.tzname(local)
    if name and name[0] in "+-":  # "+04": an offset calling itself a name says nothing more
        name = None
    return f"{name} ({offset})" if name and name != offset else offset


def header_block(header: ExportHeader, total: int | None) -> list[tuple[str, HeaderValue]]:
    """The lines above the rows, label then value; "Rows" only when the count is known up front."""
    as_of = NEVER_SYNCED if header.data_as_of is None else local_stamp(header.data_as_of, header.zone)
    block: list[tuple[str, HeaderValue]] = [
        ("LinkManager export", header.title),
        ("Profile", header.profile),
        ("Environment", header.environment),
        ("Filters", header.filters),
        ("Data as of", as_of),
        ("Time zone", zone_name(header.zone, header.exported_at)),
        ("Exported at", local_stamp(header.exported_at, header.zone)),
    ]
    if total is not None:
        block.append(("Rows", total))
    return block
