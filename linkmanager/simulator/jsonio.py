"""JSON in and out without floats (domain.jsontext), plus times written as Lean writes them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from linkmanager.domain import jsontext

__all__ = ["dumps", "format_time", "loads"]


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


def _encode_extra(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return format_time(value)
    # float included on purpose: a float reaching the wire is a bug in the simulator.
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def dumps(value: Any) -> bytes:
    """UTF-8 JSON; Decimal as a plain number with its scale kept (1500.00 stays 1500.00)."""
    return jsontext.dumps(value, default=_encode_extra).encode("utf-8")


def loads(data: bytes | str) -> Any:
    """Parse JSON with numbers as Decimal/int; NaN and Infinity are refused as JSON forbids."""
    return jsontext.loads(data)
