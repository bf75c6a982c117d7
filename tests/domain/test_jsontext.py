from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linkmanager.domain import jsontext

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text()
    | st.decimals(allow_nan=False, allow_infinity=False, places=4),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@given(json_values)
def test_round_trip_keeps_every_value(value: object) -> None:
    assert jsontext.loads(jsontext.dumps(value)) == value


@given(
    st.decimals(allow_nan=False, allow_infinity=False, places=3).filter(lambda d: d != d.to_integral_value())
)
def test_decimal_digits_survive_exactly(amount: Decimal) -> None:
    text = jsontext.dumps({"amount": amount})
    back = jsontext.loads(text)["amount"]
    assert isinstance(back, Decimal)
    assert str(back) == format(amount, "f")


def test_trailing_zeros_are_kept() -> None:
    assert jsontext.dumps({"amount": Decimal("1500.10")}) == '{"amount":1500.10}'
    assert jsontext.loads('{"amount": 1500.10}')["amount"].as_tuple().exponent == -2


def test_floats_are_refused() -> None:
    with pytest.raises(jsontext.JsonTextError, match="Decimal"):
        jsontext.dumps({"amount": 0.1})


@pytest.mark.parametrize("text", ["NaN", '{"a": Infinity}', "{not json", b"\xff\xfe"])
def test_bad_text_is_a_clear_error(text: str | bytes) -> None:
    with pytest.raises(jsontext.JsonTextError):
        jsontext.loads(text)


def test_deeply_nested_text_is_a_clear_error_not_a_crash() -> None:
    with pytest.raises(jsontext.JsonTextError, match="nested too deeply"):
        jsontext.loads("[" * 200_000)


def test_bytes_are_not_silently_written_as_a_list() -> None:
    with pytest.raises(jsontext.JsonTextError, match="bytes"):
        jsontext.dumps({"a": b"ab"})


def test_a_default_hook_writes_other_types() -> None:
    assert jsontext.dumps({"when": {1, 2}}, default=sorted) == '{"when":[1,2]}'
