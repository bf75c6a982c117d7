"""The float-free JSON writer and reader."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from linkmanager.simulator.jsonio import dumps, format_time, loads


def test_decimals_keep_their_scale() -> None:
    assert dumps({"a": Decimal("1500.00"), "b": Decimal("12.345"), "c": Decimal("1E+3")}) == (
        b'{"a":1500.00,"b":12.345,"c":1000}'
    )


def test_round_trip_without_floats() -> None:
    data = loads(b'{"amount": 0.1, "n": 3, "s": "\\u0627", "l": [true, false, null]}')
    assert data == {"amount": Decimal("0.1"), "n": 3, "s": "ا", "l": [True, False, None]}
    assert json.loads(dumps(data)) == {"amount": 0.1, "n": 3, "s": "ا", "l": [True, False, None]}


def test_strings_are_escaped_and_unicode_kept() -> None:
    assert dumps('<"x">\n\u202e🙂') == '"<\\"x\\">\\n\u202e🙂"'.encode()


def test_times_are_utc_with_z() -> None:
    gulf = dt.timezone(dt.timedelta(hours=4))
    assert format_time(dt.datetime(2026, 4, 30, 23, 59, 59, tzinfo=gulf)) == "2026-04-30T19:59:59Z"
    assert (
        format_time(dt.datetime(2026, 1, 1, microsecond=250000, tzinfo=dt.UTC)) == "2026-01-01T00:00:00.250Z"
    )
    assert format_time(dt.datetime(2026, 1, 1, microsecond=7, tzinfo=dt.UTC)) == "2026-01-01T00:00:00.000007Z"
    with pytest.raises(ValueError, match="naive"):
        format_time(dt.datetime(2026, 1, 1))  # noqa: DTZ001


@pytest.mark.parametrize("bad", [1.5, Decimal("NaN"), object(), {1, 2}])
def test_refuses_what_json_cannot_hold_exactly(bad: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        dumps(bad)


@pytest.mark.parametrize("raw", [b"NaN", b"[Infinity]", b"-Infinity"])
def test_reader_refuses_non_json_numbers(raw: bytes) -> None:
    with pytest.raises(ValueError, match="not valid JSON"):
        loads(raw)
