"""JSON text with exact numbers: non-integer numbers read as Decimal and written without float.

The stdlib encoder writes Decimal only by way of float (1500.10 -> 1500.1, 0.1 + 0.2 trouble),
so writing is a small emitter of our own; reading is the stdlib with parse_float=Decimal.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any


class JsonTextError(ValueError):
    """Text that is not JSON, or a value JSON cannot hold."""


def _refuse_constant(name: str) -> Any:
    raise JsonTextError(f"{name} is not valid JSON")


_encode_str = json.JSONEncoder(ensure_ascii=False).encode


def loads(text: str | bytes) -> Any:
    """Parse JSON; every non-integer number becomes a Decimal; NaN and Infinity are refused."""
    # The error is raised outside the except block: json's own error (as __context__) keeps the
    # whole text it failed on, and a server's answer may quote a token or a secret back at us.
    try:
        return json.loads(text, parse_float=Decimal, parse_constant=_refuse_constant)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        problem = f"not valid JSON: {exc}"
    except RecursionError:
        problem = "not valid JSON: nested too deeply"
    raise JsonTextError(problem)


def dumps(value: Any, default: Callable[[Any], Any] | None = None) -> str:
    """Serialise dicts, lists, strings, ints, bools, None and Decimal; Decimal digits kept as they are.

    `default`, as in json.dumps, turns any other value into one of those (or raises).
    """
    parts: list[str] = []
    _emit(value, parts, default)
    return "".join(parts)


def _emit(value: Any, out: list[str], default: Callable[[Any], Any] | None) -> None:
    if value is None or isinstance(value, bool | str):
        out.append(_encode_str(value))
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise JsonTextError(f"{value} cannot be written as a JSON number")
        out.append(_decimal_text(value))
    elif isinstance(value, int):
        out.append(str(value))
    elif isinstance(value, float):
        raise JsonTextError("floats are not written: money and numbers travel as Decimal")
    elif isinstance(value, bytes | bytearray | memoryview):
        raise JsonTextError("bytes are not JSON; decode them to text first")
    elif isinstance(value, Mapping):
        out.append("{")
        for i, (key, item) in enumerate(value.items()):
            if not isinstance(key, str):
                raise JsonTextError(f"JSON object keys are strings, not {key!r}")
            if i:
                out.append(",")
            out.append(_encode_str(key))
            out.append(":")
            _emit(item, out, default)
        out.append("}")
    elif isinstance(value, Sequence):
        out.append("[")
        for i, item in enumerate(value):
            if i:
                out.append(",")
            _emit(item, out, default)
        out.append("]")
    elif default is not None:
        _emit(default(value), out, None)
    else:
        raise JsonTextError(f"{type(value).__name__} cannot be written as JSON")


def _decimal_text(value: Decimal) -> str:
    """Plain positional notation (1500.00, not 1.50000E+3): what every JSON reader expects."""
    return format(value, "f")
