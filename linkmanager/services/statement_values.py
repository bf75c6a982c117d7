"""A bank's amounts and dates as statements write them (services.statement reads the files).

- Dates are read DAY FIRST (05/12/2026 is 5 December), as UAE and Saudi banks write them; also ISO
  2026-12-05, 5-Dec-2026, 05 Dec 2026 and Dec 5, 2026; a time after the date is ignored.
- A credit is a positive amount or one marked CR; a debit is -262.00, (262.00) or 262.00 DR. Commas group
  thousands; Arabic-Indic digits are read too. A currency may be written with the number (AED 262.00).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from linkmanager.domain.money import is_iso_currency

_LOCAL_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬−", "01234567890123456789.,-")
_CURRENCY = r"[A-Za-z]{3}|د\.إ|ر\.س|[$€£¥₹﷼]"
_AMOUNT = re.compile(
    rf"(?P<a>{_CURRENCY})?(?P<s>[-+])?(?P<o>\()?(?P<b>{_CURRENCY})?"
    r"(?P<n>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?|[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
    rf"(?P<c>{_CURRENCY})?(?P<cl>\))?(?P<t>-)?(?P<d>{_CURRENCY})?(?P<m>[CD]R)?\.?",
    re.IGNORECASE,
)
_SIGN_CODES = {"د.إ": "AED", "ر.س": "SAR", "€": "EUR", "£": "GBP"}


def parse_amount(text: str) -> tuple[Decimal, str | None] | None:
    """(signed amount, the currency written with it) from bank text; None when it is no amount."""
    text = "".join(text.translate(_LOCAL_DIGITS).split())  # spaces carry no meaning in an amount
    found = _AMOUNT.fullmatch(text) if len(text) <= 100 else None
    if found is None or bool(found["o"]) != bool(found["cl"]) or (found["s"] and found["t"]):
        return None
    written = [w for w in found.group("a", "b", "c", "d") if w] or [""]
    letters = written[0].isascii() and written[0].isalpha()
    code = written[0].upper() if letters else _SIGN_CODES.get(written[0], "")
    if len(written) > 1 or (letters and not is_iso_currency(code)):
        return None
    marker = (found["m"] or "").upper()
    debit = found["s"] == "-" or bool(found["t"] or found["o"]) or marker == "DR"
    if debit and marker == "CR":
        return None
    amount = Decimal(found["n"].replace(",", ""))
    return (-amount if debit else amount), code or None


_FULL = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
         "october", "november", "december")  # fmt: skip
_ISO = re.compile(r"(?P<y>[0-9]{4})[-/.](?P<m>[0-9]{1,2})[-/.](?P<d>[0-9]{1,2})")
_DMY = re.compile(r"(?P<d>[0-9]{1,2})[-/.](?P<m>[0-9]{1,2})[-/.](?P<y>[0-9]{4}|[0-9]{2})")
_D_MON_Y = re.compile(r"(?P<d>[0-9]{1,2})[-/. ]?(?P<mon>[A-Za-z]{3,9})\.?[-/., ]*(?P<y>[0-9]{4}|[0-9]{2})")
_MON_D_Y = re.compile(r"(?P<mon>[A-Za-z]{3,9})\.? (?P<d>[0-9]{1,2}),? (?P<y>[0-9]{4})")
_TIME = re.compile(r"(?:[T ] ?[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)? ?(?:[AP]M)? ?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?", re.I)  # fmt: skip


def _month(name: str) -> int | None:
    name = name.lower()
    number = next((n for n, full in enumerate(_FULL, start=1) if full.startswith(name[:3])), None)
    return number if number and (_FULL[number - 1].startswith(name) or name == "sept") else None


def parse_date(text: str) -> date | None:
    """A bank's date, day first; None when it is not one."""
    text = " ".join(text.translate(_LOCAL_DIGITS).split())
    for pattern in (_ISO, _DMY, _D_MON_Y, _MON_D_Y):
        found = pattern.match(text)
        if found is None or not _TIME.fullmatch(text, found.end()):
            continue
        parts = found.groupdict()
        month = _month(parts["mon"]) if "mon" in parts else int(parts["m"])
        year = int(parts["y"]) + (2000 if len(parts["y"]) == 2 else 0)
        try:
            return date(year, month or 0, int(parts["d"]))
        except ValueError:
            return None
    return None
