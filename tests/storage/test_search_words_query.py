"""storage.search_query: how a search box's text is read into words and their meanings (no cache)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linkmanager.domain.outcome import Outcome
from linkmanager.domain.status import LinkStatus
from linkmanager.storage.search_query import Word, amount_of, parse, searchable


def texts(query: str) -> list[str]:
    return [w.text for w in parse(query)]


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("6300", Decimal("6300")),
        ("6,300", Decimal("6300")),
        ("6,300.00", Decimal("6300")),
        ("6300.0", Decimal("6300")),
        ("1,234,567.891", Decimal("1234567.891")),
        (".5", Decimal("0.5")),
        ("٦٣٠٠", Decimal("6300")),  # Arabic-Indic digits
        ("٦٬٣٠٠٫٠٠", Decimal("6300")),  # and the Arabic thousands and decimal separators
    ],
)
def test_amounts_however_typed(typed: str, amount: Decimal) -> None:
    assert amount_of(typed) == amount
    (word,) = parse(typed)
    assert word.amount == amount
    assert word.text == typed  # still searched as text too


@pytest.mark.parametrize(
    "typed", ["63,00", "6,3000", "1e3", "-5", "+5", "6300.", "6.300.00", "INV-6300", "6 300", ""]
)
def test_what_is_not_an_amount(typed: str) -> None:
    assert amount_of(typed) is None


def test_words_in_order_each_once_without_case() -> None:
    assert texts("  consulting  retainer\toctober\n") == ["consulting", "retainer", "october"]
    assert texts("Rent rent RENT march") == ["Rent", "march"]


def test_a_quoted_phrase_is_one_word_with_no_meaning() -> None:
    words = parse('rent "for March" "pending"')
    assert [(w.text, w.quoted) for w in words] == [("rent", False), ("for March", True), ("pending", True)]
    assert not words[2].outcomes  # quoted: the text only


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"', ['"']),  # a quote without its pair is a character
        ('say "hello', ["say", '"hello']),
        ('""', ['""']),  # an empty pair too
        ('" "', ['"']),  # two quotes, one word
        ('=HYPERLINK("x")', ['=HYPERLINK("x")']),  # quotes inside a word are characters
        ('a"b c"d', ['a"b', 'c"d']),
        ("NEAR( a*", ["NEAR(", "a*"]),
        ("\u200frent\u200e \u202eevil", ["rent", "evil"]),  # marks around each word go
        ("a\u202eevil", ["a\u202eevil"]),  # one inside stays: it is what was typed
        ("ren\x00t", ["rent"]),  # NUL dropped
        ("\x00 \u200b", []),
    ],
)
def test_hostile_text_becomes_plain_words(query: str, expected: list[str]) -> None:
    assert texts(query) == expected


def test_status_and_outcome_words() -> None:
    by_text = {
        w.text: w for w in parse("Active disabled EXPIRED used collected pending failed started other")
    }
    assert by_text["Active"].statuses == {LinkStatus.ACTIVE}
    assert by_text["disabled"].statuses == {LinkStatus.DISABLED}
    assert (by_text["EXPIRED"].statuses, by_text["EXPIRED"].outcomes) == (
        {LinkStatus.EXPIRED},
        {Outcome.EXPIRED},
    )
    assert by_text["used"].statuses == {LinkStatus.USED}
    assert by_text["collected"].outcomes == {Outcome.COLLECTED}
    assert by_text["pending"].outcomes == {Outcome.PENDING}
    assert by_text["failed"].outcomes == {Outcome.FAILED}
    assert by_text["started"].outcomes == {Outcome.STARTED}
    assert not by_text["other"].has_meaning  # too common a word to filter on
    assert not parse("activate")[0].has_meaning  # whole words only


def test_currency_codes() -> None:
    assert [w.currency for w in parse("AED sar Kwd INV com abc")] == ["AED", "SAR", "KWD", None, None, None]


def test_searchable_needs_one_word_the_index_can_answer() -> None:
    assert searchable("rent 1")
    assert not searchable("a b")
    assert not searchable("12 ab")
    assert not searchable('"')


@given(st.text(max_size=40))
def test_any_text_parses_to_non_empty_stripped_words(query: str) -> None:
    for word in parse(query):
        assert isinstance(word, Word)
        assert word.text
        assert "\x00" not in word.text
        assert word.text == word.text.strip()
