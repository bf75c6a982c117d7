"""The reason given for a change to a link (disable, enable): checked before anything is sent.

A reason is kept in the action journal (storage.journal) for as long as the journal lives, and
shown in tables and exports: so it is one short line of plain text. Disabling a production link
requires one (Workspace.reason_required); elsewhere it is optional, and an empty one is kept
empty. An unusable reason is refused before any request, with one sentence saying why.
"""

from __future__ import annotations

import unicodedata

from linkmanager.domain.i18n import translate

__all__ = ["MAX_REASON", "ReasonRefused", "check_reason"]

MAX_REASON = 500  # characters: a sentence or two, not a document

# Characters that would change how the text around a reason looks, or hide part of it: line
# breaks and tabs, other controls, and Unicode's format controls (U+202E reverses what follows).
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})


class ReasonRefused(ValueError):
    """The reason cannot be used; the message is one sentence saying why, for people."""


def check_reason(reason: str, required: bool) -> str:
    """`reason` without its outer white space, or ReasonRefused: empty where one is required, longer
    than MAX_REASON characters, or holding control characters (only plain spaces are allowed)."""
    text = reason.strip()
    if not text.strip():
        if required:
            raise ReasonRefused(
                translate("Reason", "Give a reason for this change: it is required for production links.")
            )
        return ""
    if len(text) > MAX_REASON:
        said = translate("Reason", "The reason is {count} characters long: keep it to {limit} at most.")
        raise ReasonRefused(said.format(count=len(text), limit=MAX_REASON))
    if any(unicodedata.category(char) in _REFUSED_CATEGORIES for char in text):
        raise ReasonRefused(
            translate(
                "Reason",
                "The reason holds line breaks, tabs or other control characters: write it as one line of "
                "plain text.",
            )
        )
    return text
