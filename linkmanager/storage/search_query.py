"""What a search box's text asks for: words, each matched anywhere, with the meanings people give them.

The rules (storage.search_words applies them; the window and `linkmanager search` share them):

- The text is split at white space into words; a link matches when every word matches (AND), in
  any order, each in any field of the link or of one of its usages (a name word and a fragment of
  a payer's phone number may match different fields). Repeated words count once.
- A double-quoted run `"like this"` standing apart (white space or the ends around it) is one
  phrase, searched as written, spaces included, with no special meaning; any other quote is an
  ordinary character (`=HYPERLINK("x")` is one word).
- Every word is searched as text, exactly as storage.search searches a phrase: never SQL or FTS
  syntax, invisible format marks (RLM, ZWSP, U+202E) stripped from its ends, NUL dropped.
- A word may mean more, added to its text match (OR), so that a name holding "active" or a
  reference holding "6300" is still found:
  - an amount: digits with optional thousands commas and decimals ("6300", "6,300", "6,300.00",
    "6300.0"; Arabic-Indic digits and separators too) also matches links whose amount equals it
    as a number (6,300.00 == 6300). A sign, an exponent or a misplaced comma ("63,00") is text only;
  - a link status ("active", "disabled", "expired", "used") also matches links in that effective
    status now (domain.lifecycle: an ACTIVE link whose expiry passed is expired);
  - a payment outcome ("collected", "pending", "failed", "started", "expired") also matches links
    with a usage of that outcome (domain.outcome). "expired" means either: the link expired, or an
    attempt did. "other" is left as text: it is too common a word to be a filter;
  - three letters naming a currency some cached link is in ("AED", "sar") match the links in that
    currency instead of text (as text, "aed" would match every id holding those hex digits), so
    "AED 6,300.00", as the window shows an amount, finds the link; "aed" in quotes is text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from linkmanager.domain.money import is_iso_currency
from linkmanager.domain.outcome import Outcome
from linkmanager.domain.status import LinkStatus
from linkmanager.storage.search import TRIGRAM, normalise

STATUS_WORDS: dict[str, LinkStatus] = {status.value.casefold(): status for status in LinkStatus.known()}
OUTCOME_WORDS: dict[str, Outcome] = {
    outcome.word: outcome for outcome in Outcome if outcome is not Outcome.OTHER
}

# 6300 | 6,300 | 6,300.00 | 6300.0 | .5 (Python's \d is every Unicode decimal digit; Decimal reads them).
_AMOUNT = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+")
_ARABIC_SEPARATORS = str.maketrans({"\u066c": ",", "\u066b": "."})  # Arabic thousands, decimal separators
# A quoted run holding more than spaces, standing apart: `=HYPERLINK("x")` stays one word.
_PHRASE = re.compile(r'(?<!\S)"([^"]*[^"\s][^"]*)"(?!\S)')
_CURRENCY = re.compile(r"[A-Za-z]{3}")


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a query: its text, and what else it may mean (see the module's rules)."""

    text: str  # searched as text (normalised: never empty)
    quoted: bool = False  # a "quoted phrase": text only
    amount: Decimal | None = None
    statuses: frozenset[LinkStatus] = frozenset()
    outcomes: frozenset[Outcome] = frozenset()
    currency: str | None = None  # the ISO 4217 code the word spells, upper-case

    @property
    def short(self) -> bool:
        """Below the trigram index's three characters: answered by a scan, never by the index."""
        return len(self.text) < TRIGRAM

    @property
    def has_meaning(self) -> bool:
        return bool(self.amount is not None or self.statuses or self.outcomes or self.currency)


def amount_of(text: str) -> Decimal | None:
    """The number a word spells as an amount is typed, or None ("6,300.00" -> Decimal("6300.00"))."""
    plain = text.translate(_ARABIC_SEPARATORS)
    if not _AMOUNT.fullmatch(plain):
        return None
    try:
        return Decimal(plain.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only what Decimal reads
        return None


def word(text: str, *, quoted: bool = False) -> Word | None:
    """The Word for one piece of the query (None when nothing searchable is left of it)."""
    text = normalise(text)
    if not text:
        return None
    if quoted:
        return Word(text, quoted=True)
    folded = text.casefold()
    status = STATUS_WORDS.get(folded)
    outcome = OUTCOME_WORDS.get(folded)
    return Word(
        text,
        amount=amount_of(text),
        statuses=frozenset({status} if status is not None else ()),
        outcomes=frozenset({outcome} if outcome is not None else ()),
        currency=text.upper() if _CURRENCY.fullmatch(text) and is_iso_currency(text.upper()) else None,
    )


def parse(text: str) -> tuple[Word, ...]:
    """The query's words in the order typed, each once (compared without case)."""
    text = normalise(text)
    words: list[Word] = []
    place = 0
    for phrase in _PHRASE.finditer(text):
        words.extend(_plain(text[place : phrase.start()]))
        found = word(phrase.group(1), quoted=True)
        if found is not None:
            words.append(found)
        place = phrase.end()
    words.extend(_plain(text[place:]))
    seen: set[tuple[str, bool]] = set()
    unique: list[Word] = []
    for each in words:
        key = (each.text.casefold(), each.quoted)
        if key not in seen:
            seen.add(key)
            unique.append(each)
    return tuple(unique)


def _plain(text: str) -> list[Word]:
    return [found for piece in text.split() if (found := word(piece)) is not None]


def searchable(text: str) -> bool:
    """Whether the index can answer the query: at least one word of three characters or more.
    (Shorter words alone could only be answered by a scan of every value.)"""
    return any(not each.short for each in parse(text))
