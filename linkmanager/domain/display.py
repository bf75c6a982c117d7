"""How the window writes amounts and times for the language chosen: a process-wide setting, no Qt.

English unless the window says otherwise (linkmanager.ui.language.apply at start): the command
line, exports and logs never call `set_locale`, so they keep one fixed form ("AED 1,500.00",
"28 Nov 2026 23:59 +04:00") that scripts and accountants can rely on.

Arabic: babel's CLDR patterns for ar_AE ("١٬٥٠٠٫٠٠ AED" reads right to left, the number's own
digits left to right) with Latin digits by default; Arabic-Indic digits (٠١٢٣٤٥٦٧٨٩) when chosen,
for the numbers in amounts, dates and counts alike. babel only chooses the separators of a
numbering system, not its digits, so the digits are mapped here.
"""

from __future__ import annotations

from datetime import datetime

import babel.dates

from linkmanager.domain import i18n

_LOCALES = {"en": "en_US", "ar": "ar_AE"}
# Digits, then the decimal and grouping separators CLDR's "arab" numbering system writes with them.
_ARABIC_INDIC = str.maketrans("0123456789.,", "٠١٢٣٤٥٦٧٨٩٫٬")

_language = "en"
_arabic_digits = False


def set_locale(language: str, digits: str = "latin") -> None:
    """The window's language ("en", "ar") and digits ("latin", "arabic") from now on."""
    global _language, _arabic_digits
    _language = language if language in _LOCALES else "en"
    _arabic_digits = digits == "arabic"


def language() -> str:
    return _language


def babel_locale() -> str:
    """The locale babel formats with: "en_US" or "ar_AE"."""
    return _LOCALES[_language]


def digits(text: str) -> str:
    """A number, amount or date with its digits (and separators) in the chosen script; unchanged
    with Latin digits. Not for sentences: their full stops would change too."""
    return text.translate(_ARABIC_INDIC) if _arabic_digits else text


def number_text(value: int) -> str:
    """A count as the window writes it: "12,400" (grouped, the chosen digits)."""
    return digits(f"{value:,}")


def month_day_year(moment: datetime) -> str:
    """ "28 نوفمبر 2026": the day, the month's name and the year in the window's language
    (lifecycle.moment_text writes the English form itself, unchanged for the command line)."""
    return digits(babel.dates.format_date(moment, "dd MMMM y", locale=babel_locale()))


def clock_text(moment: datetime) -> str:
    """ "23:59" (24-hour, as every screen and card shows it), in the chosen digits."""
    return digits(f"{moment:%H:%M}")


def outside_text(text: str) -> str:
    """A name or payer's value for the window: set apart in a directional isolate, its own
    directional controls made visible (domain.i18n.isolated), whenever that can matter: in the
    right-to-left interface, or when it carries a control (U+202E would turn it round).
    Plain text in the English interface is left exactly as it is."""
    if text and (_language != "en" or i18n.BIDI_CONTROLS.intersection(text)):
        return i18n.isolated(text)
    return text


def left_to_right(text: str) -> str:
    """Ids, URLs, codes: left to right in the right-to-left interface (as they are elsewhere)."""
    return i18n.left_to_right(text) if text and _language != "en" else text
