"""What the create form offers: currencies people pay in today, and Lean's payment purposes.

Currencies come from CLDR (Babel): the ones some territory uses as legal tender today, with
Lean's home markets first. Validation accepts any payable ISO code, as Lean does; the list
only keeps withdrawn ones (DEM, FRF) out of the way.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import babel.numbers
from babel.core import get_global

from linkmanager.domain.money import is_iso_currency
from linkmanager.domain.status import PAYMENT_PURPOSES, purpose_meaning

HOME_CURRENCIES = ("AED", "SAR")  # Lean's markets: the UAE and Saudi Arabia


@lru_cache(maxsize=4)
def _tender_today(today: dt.date) -> tuple[str, ...]:
    codes: set[str] = set()
    for territory in get_global("territory_currencies"):
        codes.update(babel.numbers.get_territory_currencies(territory, start_date=today, tender=True))
    return tuple(sorted(code for code in codes if is_iso_currency(code)))


def currency_choices(today: dt.date | None = None, locale: str = "en") -> list[tuple[str, str]]:
    """(code, English name) for every currency in use today; AED and SAR first."""
    codes = _tender_today(today or dt.datetime.now(dt.UTC).date())
    ordered = [*HOME_CURRENCIES, *(c for c in codes if c not in HOME_CURRENCIES)]
    return [(code, babel.numbers.get_currency_name(code, locale=locale)) for code in ordered]


def purpose_choices() -> list[tuple[str, str]]:
    """Lean's payment purpose codes with their meaning (in the interface's language), in the contract's order."""
    return [(code, purpose_meaning(code)) for code in PAYMENT_PURPOSES]
