"""Server and payer text inside sentences and tooltips of our own, shown as written, never as markup.

An Arabic name first in a line turns the whole line right to left, and weak characters next to
it (brackets, ids, colons) jump to its side. Each such value is isolated (FSI ... PDI) and the line
starts left to right (LRM), as Unicode's bidi algorithm recommends for embedded user text.
"""

from __future__ import annotations

LEFT_TO_RIGHT = "\u200e"
_ISOLATE, _END_ISOLATE = "\u2068", "\u2069"


def isolated(text: str) -> str:
    """`text` keeps its own direction without reordering what surrounds it."""
    return f"{_ISOLATE}{text}{_END_ISOLATE}"


def escaped(text: str, *, quote: bool = True) -> str:
    """`text` as HTML shows it literally: what html.escape does, without its module's import (and
    html.entities') on the way to the window's first paint."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        text = text.replace('"', "&quot;").replace("'", "&#x27;")
    return text


def plain_tooltip(text: str) -> str:
    """A table cell's tooltip Qt cannot read as markup: escaped inside <p>, so "<b>x</b>" shows as typed."""
    return "<p>" + escaped(text).replace("\n", "<br>") + "</p>"
