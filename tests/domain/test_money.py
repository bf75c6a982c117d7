from __future__ import annotations

from decimal import Decimal

import babel.numbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

from linkmanager.domain.money import (
    Money,
    MoneyError,
    currency_digits,
    format_amount,
    format_money,
    is_iso_currency,
)

CURRENCIES = ["AED", "SAR", "KWD", "BHD", "OMR", "JPY", "USD"]


def amounts(digits: int) -> st.SearchStrategy[Decimal]:
    return st.decimals(
        min_value=Decimal("-1e12"),
        max_value=Decimal("1e12"),
        places=digits,
        allow_nan=False,
        allow_infinity=False,
    )


@st.composite
def money(draw: st.DrawFn) -> Money:
    currency = draw(st.sampled_from(CURRENCIES))
    return Money(draw(amounts(currency_digits(currency))), currency)


def test_currency_digits_come_from_cldr() -> None:
    assert currency_digits("AED") == 2
    assert currency_digits("SAR") == 2
    assert currency_digits("KWD") == 3
    assert currency_digits("BHD") == 3
    assert currency_digits("JPY") == 0


def test_formats_with_the_iso_code_and_the_currency_digits() -> None:
    assert format_money(Money(Decimal("1500"), "AED")) == "AED\u00a01,500.00"
    assert format_money(Money(Decimal("12.5"), "KWD")) == "KWD\u00a012.500"
    assert format_money(Money(Decimal("-1234.5"), "SAR")) == "-SAR\u00a01,234.50"
    assert format_amount(Money(Decimal("1500"), "AED")) == "1,500.00"
    assert format_amount(Money(Decimal("7"), "KWD")) == "7.000"


def test_local_formats_follow_the_locale() -> None:
    assert format_money(Money(Decimal("1234.5"), "AED"), "de_DE") == "1.234,50\u00a0AED"
    arabic = format_money(Money(Decimal("1500"), "AED"), "ar_AE")
    assert "AED" in arabic
    assert "1,500.00" in arabic


def test_more_decimals_than_the_currency_has_are_shown_not_rounded() -> None:
    odd = Money(Decimal("12.345"), "AED")
    assert not odd.fits_currency()
    assert format_money(odd) == "AED\u00a012.345"


@pytest.mark.parametrize("bad", [1.5, 2, "3.00"])
def test_money_refuses_anything_but_decimal(bad: object) -> None:
    with pytest.raises(MoneyError, match="Decimal"):
        Money(bad, "AED")  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["NaN", "Infinity", "-Infinity"])
def test_money_refuses_non_finite_amounts(bad: str) -> None:
    with pytest.raises(MoneyError, match="finite"):
        Money(Decimal(bad), "AED")


@pytest.mark.parametrize("bad", ["aed", "AE", "AEDX", "", "A1D"])
def test_money_refuses_a_malformed_currency(bad: str) -> None:
    with pytest.raises(MoneyError, match="three capital letters"):
        Money(Decimal(1), bad)


def test_iso_currency_check_knows_real_codes() -> None:
    assert is_iso_currency("AED")
    assert is_iso_currency("KWD")
    assert is_iso_currency("XOF")
    assert not is_iso_currency("ABC")
    assert not is_iso_currency("aed")
    for code in ("XXX", "XTS", "XAU", "XDR"):
        assert not is_iso_currency(code), code


def test_amounts_beyond_28_digits_still_format_exactly() -> None:
    huge = Money(Decimal("123456789012345678901234567890.12"), "AED")
    assert huge.fits_currency()
    assert format_money(huge) == "AED\u00a0123,456,789,012,345,678,901,234,567,890.12"


@given(money())
def test_formatting_round_trips_exactly(m: Money) -> None:
    text = format_amount(m)
    assert babel.numbers.parse_decimal(text, locale="en") == m.amount
    assert len(text.rpartition(".")[2] if m.digits else "") == m.digits
    assert format_money(m).replace("\u00a0", " ").lstrip("-").startswith(m.currency + " ")


@given(money())
def test_an_amount_with_the_currency_digits_fits(m: Money) -> None:
    assert m.fits_currency()
    finer = Money(m.amount + Decimal(1).scaleb(-(m.digits + 1)), m.currency)
    assert not finer.fits_currency()


@given(
    st.sampled_from(CURRENCIES).flatmap(
        lambda c: st.lists(amounts(currency_digits(c)), min_size=1).map(lambda xs: [Money(x, c) for x in xs])
    )
)
def test_adding_money_is_exact_and_order_free(items: list[Money]) -> None:
    total = items[0]
    for m in items[1:]:
        total = total + m
    assert total.amount == sum((m.amount for m in items), Decimal(0))
    reverse = items[-1]
    for m in reversed(items[:-1]):
        reverse = reverse + m
    assert reverse == total


def test_adding_two_currencies_is_refused() -> None:
    with pytest.raises(MoneyError, match="cannot add KWD to AED"):
        Money(Decimal(1), "AED") + Money(Decimal(1), "KWD")


@pytest.mark.parametrize(
    "amount",
    ["1E+308", "99999999999999999999999999999999999999999999999999999999999999999999999999999999999.5"],
)
def test_an_amount_beyond_any_real_one_is_shown_as_held_never_a_crash(amount: str) -> None:
    # The API refuses such amounts now; a cache written before may still hold one.
    money = Money(Decimal(amount), "AED")
    assert format_money(money) == f"AED\u00a0{Decimal(amount)}"
    assert format_amount(money) == str(Decimal(amount))
