"""JSON in and out without floats: money stays Decimal from the wire to the wire.

The stdlib encoder cannot write a Decimal as a bare number without a float round trip, which
would turn `1500.00` into `1500.0` (and 0.1 + 0.2 into noise), so this writes JSON by hand.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

__all__ = ["dumps", "format_time", "loads"]

_encode_str = json.JSONEncoder(ensure_ascii=False).encode


def format_time(value: dt.datetime) -> str:
    """ISO-8601 in UTC with `Z`, like Java's Instant.toString (fraction only when there is one)."""
    if value.tzinfo is None:
        raise ValueError("naive datetimes are not allowed in the simulator")
    utc = value.astimezone(dt.UTC)
    text = utc.strftime("%Y-%m-%dT%H:%M:%S")
    micro = utc.microsecond
    if micro % 1000 == 0 and micro:
        text += f".{micro // 1000:03d}"
    elif micro:
        text += f".{micro:06d}"
    return text + "Z"


def _emit(value: Any, out: list[str]) -> None:
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, str):
        out.append(_encode_str(value))
    elif isinstance(value, int):
        out.append(str(value))
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"cannot write {value} as JSON")
        out.append(format(value, "f"))
    elif isinstance(value, dt.datetime):
        out.append(_encode_str(format_time(value)))
    elif isinstance(value, Mapping):
        out.append("{")
        for i, (key, item) in enumerate(value.items()):
            if i:
                out.append(",")
            out.append(_encode_str(str(key)))
            out.append(":")
            _emit(item, out)
        out.append("}")
    elif isinstance(value, Sequence):
        out.append("[")
        for i, item in enumerate(value):
            if i:
                out.append(",")
            _emit(item, out)
        out.append("]")
    else:
        # float included on purpose: a float reaching the wire is a bug in the simulator.
        raise TypeError(f"cannot write {type(value).__name__} as JSON")


def dumps(value: Any) -> bytes:
    """UTF-8 JSON; Decimal as a plain number with its scale kept (1500.00 stays 1500.00)."""
    out: list[str] = []
    _emit(value, out)
    return "".join(out).encode("utf-8")


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def loads(data: bytes | str) -> Any:
    """Parse JSON with numbers as Decimal/int; NaN and Infinity are refused as JSON forbids."""
    return json.loads(data, parse_float=Decimal, parse_constant=_reject_constant)
