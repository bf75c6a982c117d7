"""Suggestions for a search that matched nothing: the link names a misspelt word was meant to find."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from linkmanager.domain import PaymentLink
from linkmanager.storage.cache import LinkCache
from linkmanager.storage.search_words import WordSearch

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
LinkFactory = Callable[..., PaymentLink]
NAMES = [
    "October consulting retainer",
    "Consulting – March",
    "Consulting retainer – November 2026, second instalment",
    "Consulting workshop",
    "Consulting retainer – June",
    "Term 2 tuition – Grade 6",
    "إيجار شهر مارس",
    "فاتورة الإنترنت – مايو",
]


@pytest.fixture
def words(cache: LinkCache, make_link: LinkFactory) -> WordSearch:
    links = [make_link(f"l{i}", name=name, reference=f"REF-{i}") for i, name in enumerate(NAMES)]
    cache.store_listing([*links, make_link("plain", name=None, reference="CONSULTAN-REF")], T0, complete=True)
    return WordSearch(cache, lambda: T0)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # The closest first, then the shortest: at most three.
        ("consultng", ["Consulting – March", "Consulting workshop", "Consulting retainer – June"]),
        ("CONSULTNG", ["Consulting – March", "Consulting workshop", "Consulting retainer – June"]),
        ("consultng retainr", ["Consulting retainer – June", "October consulting retainer",
                               "Consulting retainer – November 2026, second instalment"]),
        ("retainr octobr", ["October consulting retainer"]),
        ("consultng workshop", ["Consulting workshop"]),  # the word spelt right narrows them
        ("tuiton", ["Term 2 tuition – Grade 6"]),
        ("فاتوره", ["فاتورة الإنترنت – مايو"]),  # ة typed as ه
        ("مرس", ["إيجار شهر مارس"]),
    ],
)  # fmt: skip
def test_a_misspelt_word_suggests_the_names_it_was_meant_for(
    words: WordSearch, typed: str, expected: list[str]
) -> None:
    assert words.find(typed).ids == set()  # (references are not suggested: "CONSULTAN-REF")
    assert words.suggest(typed) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "xyzzy",  # near nothing
        "consulting tuition",  # both spelt right: nothing to fix
        "6,300 pending",  # an amount and an outcome word are not typos
        "12345",
        "",
        '"',
        "\u202e\x00",
    ],
)
def test_no_suggestion_without_a_misspelling_near_a_name(words: WordSearch, typed: str) -> None:
    assert words.suggest(typed) == []


def test_at_most_the_limit(words: WordSearch) -> None:
    assert len(words.suggest("consultng", limit=2)) == 2
    assert words.suggest("consultng", limit=0) == []


def test_names_added_since_are_suggested(words: WordSearch, cache: LinkCache, make_link: LinkFactory) -> None:
    assert words.suggest("gardnes") == []
    cache.store_link(make_link("new", name="Salmiya Gardens"), T0)
    assert words.suggest("gardnes") == ["Salmiya Gardens"]


def test_thousands_of_names_answer_quickly(cache: LinkCache, make_link: LinkFactory) -> None:
    """~14,000 distinct names are what 100,000 links hold; the vocabulary is read once, then kept."""
    kinds = ["Consulting retainer", "Monthly rent", "School fees", "Gym membership", "Parking permit"]
    links = [make_link(f"n{i}", name=f"{kinds[i % 5]} – unit {i}") for i in range(6000)]
    cache.store_listing(links, T0, complete=True)
    words = WordSearch(cache, lambda: T0)
    began = time.perf_counter()
    assert words.suggest("parkng") == [
        "Parking permit – unit 4",
        "Parking permit – unit 9",
        "Parking permit – unit 14",
    ]
    first = time.perf_counter() - began
    began = time.perf_counter()
    words.suggest("membrship")
    again = time.perf_counter() - began
    assert first < 2.0  # generous: the point is that it is not minutes (measured: ~30 ms)
    assert again < first
