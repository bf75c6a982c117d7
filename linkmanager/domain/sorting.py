"""How text sorts in lists of links: one rule, shared by the table and the cache's indexes.

Case-insensitive by Unicode case folding ("Ärger" with "ärger", "STRASSE" with "straße"), then by
code point; an empty or missing value has no key (None), and callers put it last.
"""

from __future__ import annotations


def text_key(text: str | None) -> str | None:
    return text.casefold() if text else None
