"""Printing for people and for scripts: terminal-safe text, aligned tables, exact JSON.

Payer text is untrusted: control characters (an ESC could drive the terminal) and bidi
overrides are shown escaped, never sent raw to a terminal. JSON keeps Lean's field names,
amounts as strings (exact, and safe for tools that read numbers as floats), times as UTC.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from contextlib import suppress
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TextIO

from linkmanager.api.wire import link_to_wire, usage_to_wire
from linkmanager.domain.lifecycle import effective_status, offset_text
from linkmanager.domain.models import Usage, ensure_utc
from linkmanager.storage.cache import CachedLink

# Format characters that reorder or hide text in a terminal (bidi embeddings, overrides, isolates).
_BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u2028\u2029"
)


def safe(text: str | None) -> str:
    """Text for a terminal: control and bidi-control characters escaped as \\x1b, \\u202e."""
    if text is None:
        return ""
    out = []
    for ch in text:
        if ch in _BIDI_CONTROLS or unicodedata.category(ch) == "Cc":
            out.append(f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


def _width(text: str) -> int:
    """Columns a string takes: East Asian wide characters and most emoji take two, marks none."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def clip(text: str, limit: int) -> str:
    if _width(text) <= limit:
        return text
    out, used = [], 0
    for ch in text:
        w = _width(ch)
        if used + w > limit - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def table(rows: Sequence[Sequence[str]], header: Sequence[str], right: frozenset[int] = frozenset()) -> str:
    """A plain aligned table; columns listed in `right` are right-aligned (amounts)."""
    cells = [list(header), *[[safe(c) for c in row] for row in rows]]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(header))]
    lines = []
    for row in cells:
        parts = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - _width(cell))
            parts.append(pad + cell if i in right else cell + pad)
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines)


def local_time(moment: datetime | None) -> str:
    """A time in the computer's zone, with the zone: "2026-11-26 14:02 +04"."""
    if moment is None:
        return "—"
    local = ensure_utc(moment).astimezone()
    return f"{local:%Y-%m-%d %H:%M} {local.tzname() or ''}".rstrip()


def when_text(moment: datetime) -> str:
    """ "2026-05-12 14:02 +04:00": the computer's zone, with its offset at that moment."""
    local = ensure_utc(moment).astimezone()
    return f"{local:%Y-%m-%d %H:%M} {offset_text(local.utcoffset())}"


def ago(moment: datetime, now: datetime) -> str:
    seconds = int((ensure_utc(now) - ensure_utc(moment)).total_seconds())
    if seconds < 60:
        return "just now"
    for size, unit in ((86400, "day"), (3600, "hour"), (60, "min")):
        if seconds >= size:
            n = seconds // size
            return f"{n} {unit}{'s' if n > 1 and unit != 'min' else ''} ago"
    return "just now"


def utc_text(moment: datetime | None) -> str | None:
    return ensure_utc(moment).isoformat().replace("+00:00", "Z") if moment else None


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def link_json(cached: CachedLink, now: datetime) -> dict[str, Any]:
    """PaymentLinkResponse in Lean's names (amount as a string) plus what the cache knows."""
    body = _jsonable(link_to_wire(cached.link))
    body["effective_status"] = effective_status(cached.link, now).value
    body["confirmed_at"] = utc_text(cached.confirmed_at)
    body["missing_since"] = utc_text(cached.missing_since)
    return body  # type: ignore[no-any-return]


def usage_json(usage: Usage) -> dict[str, Any]:
    """PaymentLinkUsageDetails in Lean's names."""
    return _jsonable(usage_to_wire(usage))  # type: ignore[no-any-return]


def print_json(value: Any, out: TextIO) -> None:
    # ASCII escapes: a payer's control or bidi characters can never reach a terminal raw.
    json.dump(value, out, ensure_ascii=True, indent=2)
    out.write("\n")


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def day_option(option: str, text: str | None) -> date | None:
    """A --since/--until day as YYYY-MM-DD; one sentence (exit 2) for anything else."""
    from linkmanager.cli.exit_codes import EXIT_USAGE
    from linkmanager.cli.profile_cmds import CommandError

    if text is None:
        return None
    with suppress(ValueError):
        if _DAY.fullmatch(text):
            return date.fromisoformat(text)
    raise CommandError(f"{option} takes a day as YYYY-MM-DD, such as 2026-03-01, not {text!r}.", EXIT_USAGE)
