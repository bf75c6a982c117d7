"""Money: an exact Decimal amount with its ISO 4217 currency, formatted by CLDR rules (Babel).

No float ever touches an amount: the JSON parser yields Decimal, Money refuses float, and
formatting goes through Babel with the currency's own number of digits (AED 2, KWD 3, JPY 0).
"""

from __future__ import annotations

import decimal
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import babel
import babel.numbers

from linkmanager.domain import display

_CURRENCY_SHAPE = re.compile(r"[A-Z]{3}")
_DEFAULT_LOCALE = "en"
_PRECISION = 80


class MoneyError(ValueError):
    """An amount or currency that cannot be money (words for the person, not a traceback)."""


@lru_cache(maxsize=512)
def currency_digits(currency: str) -> int:
    """Minor-unit digits of an ISO currency from CLDR: AED 2, SAR 2, KWD 3, BHD 3, JPY 0."""
    return int(babel.numbers.get_currency_precision(currency))


# ISO 4217 codes that are not money anyone pays with: no currency, testing, metals, fund units.
NON_PAYMENT_CODES: frozenset[str] = frozenset(
    {"XXX", "XTS", "XAU", "XAG", "XPT", "XPD", "XDR", "XSU", "XUA", "XBA", "XBB", "XBC", "XBD"}
)


def is_iso_currency(currency: str) -> bool:
    """True for a currency people pay in that CLDR knows ("ABC" and "XAU" are not)."""
    return (
        bool(_CURRENCY_SHAPE.fullmatch(currency))
        and currency not in NON_PAYMENT_CODES
        and babel.numbers.is_currency(currency)
    )


def _wide() -> decimal.Context:
    """Enough precision for any amount Lean could send: the default 28 digits fail on 1e26."""
    return decimal.Context(prec=_PRECISION)


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal):
            raise MoneyError(f"an amount must be an exact Decimal, not {type(self.amount).__name__}")
        if not self.amount.is_finite():
            raise MoneyError(f"an amount must be a finite number, not {self.amount}")
        if not isinstance(self.currency, str) or not _CURRENCY_SHAPE.fullmatch(self.currency):
            raise MoneyError(f"a currency is three capital letters (ISO 4217), not {self.currency!r}")

    @property
    def digits(self) -> int:
        return currency_digits(self.currency)

    def fits_currency(self) -> bool:
        """True when the amount has no more decimals than the currency has (12.345 AED does not)."""
        with decimal.localcontext(_wide()):
            return self.amount == self.amount.quantize(Decimal(1).scaleb(-self.digits))

    def __add__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        if other.currency != self.currency:
            raise MoneyError(f"cannot add {other.currency} to {self.currency}")
        return Money(self.amount + other.amount, self.currency)

    def __str__(self) -> str:
        return format_money(self)


@lru_cache(maxsize=64)
def _code_pattern(locale: str) -> str:
    """The locale's currency pattern with the ISO code in place of the symbol.

    CLDR's currency spacing puts a space between a code and a digit ("AED 1,500.00");
    Babel does not apply that rule, so the pattern gets a no-break space where needed.
    """
    pattern = babel.Locale.parse(locale).currency_formats["standard"].pattern
    pattern = re.sub(r"¤+", "¤", pattern)
    pattern = re.sub(r"¤(?=[#0])", "¤¤\u00a0", pattern)
    pattern = re.sub(r"(?<=[#0])¤", "\u00a0¤¤", pattern)
    return re.sub(r"(?<!¤)¤(?!¤)", "¤¤", pattern)


def format_money(money: Money, locale: str | None = None) -> str:
    """Money for people, "AED 1,500.00" or "KWD 12.500": the ISO code, grouping, and at least the currency's digits.

    Without `locale`: English ("en"), or the window's language and digits when it chose Arabic
    (domain.display; the command line and exports never do).

    An amount with more decimals than its currency has is shown exactly, never rounded: a
    finance screen must not hide what the server holds.
    """
    if locale is None and display.language() != "en":  # the window's language (domain.display)
        return display.digits(format_money(money, display.babel_locale()))
    with decimal.localcontext(_wide()):
        try:
            return _format_currency(money, locale)
        except (decimal.InvalidOperation, ValueError, OverflowError):
            # Beyond any real amount (1E+308 from a cache written before the API refused such
            # values): shown exactly as held, never a crash.
            return f"{money.currency}\u00a0{money.amount}"


def _format_currency(money: Money, locale: str | None) -> str:
    return babel.numbers.format_currency(
        money.amount,
        money.currency,
        format=_code_pattern(locale or _DEFAULT_LOCALE),
        locale=locale or _DEFAULT_LOCALE,
        currency_digits=True,
        decimal_quantization=False,
    )


def format_amount(money: Money, locale: str | None = None) -> str:
    """The number alone with at least the currency's digits ("1,500.00"), for a column beside the code."""
    if locale is None and display.language() != "en":
        return display.digits(format_amount(money, display.babel_locale()))
    fraction = "." + "0" * money.digits if money.digits else ""
    with decimal.localcontext(_wide()):
        try:
            return babel.numbers.format_decimal(
                money.amount,
                format="#,##0" + fraction,
                locale=locale or _DEFAULT_LOCALE,
                decimal_quantization=False,
            )
        except (decimal.InvalidOperation, ValueError, OverflowError):
            return str(money.amount)  # as format_money: exact, never a crash


def load_locale_data(locale: str | None = None) -> None:
    """Load what formatting money in `locale` reads from CLDR (Babel's locale data, a few tens of
    milliseconds the first time in a process, most of it holding the interpreter), so that it can
    be done at a moment of one's choosing, such as on a thread while a window starts up."""
    format_money(Money(Decimal(1), "USD"), locale)
