"""Each link's amount as exact whole minor units (fils, halalas) for numpy to sum: the Payments
table's amounts (services.payments), checked as Money checks them without making a Money each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from linkmanager.domain.money import Money, MoneyError, currency_digits
from linkmanager.storage.payment_reads import LinkFacts


@dataclass(frozen=True, slots=True)
class LinkAmounts:
    """Each link's amount as whole minor units of its currency (fils, halalas: exact integers to
    sum with numpy), with the few that are not (`odd`, as Decimal) and the unreadable (`damaged`)."""

    minor: npt.NDArray[np.int64]
    digits: npt.NDArray[np.int8]
    odd: dict[int, Decimal]
    damaged: npt.NDArray[np.bool_]

    @classmethod
    def of(cls, facts: Sequence[LinkFacts]) -> LinkAmounts:
        minor = np.zeros(len(facts), dtype=np.int64)
        digits = np.zeros(len(facts), dtype=np.int8)
        damaged = np.zeros(len(facts), dtype=np.bool_)
        odd: dict[int, Decimal] = {}
        seen: dict[tuple[str, str], tuple[int, int] | Decimal | None] = {}  # prices recur
        for i, fact in enumerate(facts):
            price = (fact.amount, fact.currency)
            if price not in seen:
                seen[price] = _units(*price)
            held = seen[price]
            if held is None:
                damaged[i] = True
            elif isinstance(held, Decimal):
                odd[i] = held
            else:
                minor[i], digits[i] = held
        return cls(minor, digits, odd, damaged)

    def decimal(self, link: int) -> Decimal | None:
        if self.damaged[link]:
            return None
        held = self.odd.get(link)
        if held is not None:
            return held
        places = int(self.digits[link])
        return Decimal(int(self.minor[link])).scaleb(-places).quantize(Decimal(1).scaleb(-places))


def _units(amount: str, currency: str) -> tuple[int, int] | Decimal | None:
    """(minor units, digits); the Decimal when it is no whole number of them; None: unreadable.
    Checked as Money checks (a finite amount, a currency CLDR knows) without making one."""
    try:
        exact = Decimal(amount)
        places = currency_digits(currency)
    except (InvalidOperation, ValueError, TypeError):
        return None
    if not exact.is_finite() or not _known_currency(currency):
        return None
    units = exact.scaleb(places)
    if units == units.to_integral_value() and abs(units) < 2**53:
        return int(units), places
    return exact


@lru_cache(maxsize=256)
def _known_currency(currency: str) -> bool:
    try:
        Money(Decimal(1), currency)
    except MoneyError:
        return False
    return True
