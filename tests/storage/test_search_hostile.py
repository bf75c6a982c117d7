"""Whatever a user types, or a payer typed, search treats it as text: it never raises, never injects."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkmanager.domain import CollectedIdentifier, IdentifierType, LinkStatus, PaymentLink, Usage
from linkmanager.storage.cache import LinkCache
from linkmanager.storage.search import normalise

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)

PAYER_VALUES = [
    '=HYPERLINK("http://evil.example","click")',
    "<b>bold</b><script>alert(1)</script>",
    'say "hello" *now*',
    "NEAR(a b) OR c AND NOT d",
    "a\u202eevil\u202c",  # right-to-left override
    "100% _sure_ \\ done",
    "Robert'); DROP TABLE usages;--",
    "^start col:value {x y}",
]

HOSTILE_QUERIES = [
    '"',
    '""',
    '"""',
    "*",
    "a*",
    "NEAR(",
    "NEAR(a b, 2)",
    "AND",
    "OR NOT",
    "-",
    "^",
    ":",
    "value:x",
    "{value}: x",
    "(",
    ")",
    '=HYPERLINK("x")',
    "<b>",
    "\u200f\u202e",
    "\x00",
    "a\x00b",
    "\\",
    "%",
    "_",
    "%%%",
    "'; DROP TABLE links; --",
    "x" * 10_000,
    "\ud800",  # a lone surrogate pasted from somewhere
]


@pytest.fixture
def stored(
    cache: LinkCache, make_link: Callable[..., PaymentLink], make_usage: Callable[..., Usage]
) -> LinkCache:
    cache.store_listing(
        [make_link("l", name="Plain name"), make_link("m", name="Other 50%")], T0, complete=True
    )
    usages = [
        make_usage(f"u{i}", "l", identifiers=(CollectedIdentifier(IdentifierType.TEXT, "Note", value),))
        for i, value in enumerate(PAYER_VALUES)
    ]
    cache.store_usages("l", usages, T0, link_status=LinkStatus.ACTIVE)
    return cache


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_queries_do_not_raise(stored: LinkCache, query: str) -> None:
    hits = stored.search(query)
    assert isinstance(hits, list)
    assert len(stored.links()) == 2  # and nothing was changed by it


@pytest.mark.parametrize("value", PAYER_VALUES)
def test_hostile_values_are_found_by_themselves(stored: LinkCache, value: str) -> None:
    hits = stored.search(value)
    assert [(h.field, h.value) for h in hits] == [("Note", value)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"hello"', ['say "hello" *now*']),
        ("*now*", ['say "hello" *now*']),
        ("NEAR(a", ["NEAR(a b) OR c AND NOT d"]),
        ("<b>", ["<b>bold</b><script>alert(1)</script>"]),
        ('=HYPERLINK("', ['=HYPERLINK("http://evil.example","click")']),
    ],
)
def test_syntax_characters_are_searched_literally(stored: LinkCache, query: str, expected: list[str]) -> None:
    assert [h.value for h in stored.search(query)] == expected


@pytest.mark.parametrize(
    ("query", "expected"), [("%", ["100% _sure_ \\ done", "Other 50%"]), ("_s", ["100% _sure_ \\ done"])]
)
def test_like_wildcards_in_short_queries_are_literal(
    stored: LinkCache, query: str, expected: list[str]
) -> None:
    assert sorted(h.value for h in stored.search(query)) == sorted(expected)


def test_a_backslash_is_literal(stored: LinkCache) -> None:
    assert [h.value for h in stored.search("\\")] == ["100% _sure_ \\ done"]
    assert [h.value for h in stored.search("\\ d")] == ["100% _sure_ \\ done"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=30))
def test_any_text_is_a_valid_query(stored: LinkCache, query: str) -> None:
    """It never raises, and whatever it finds holds the query (compared without case)."""
    needle = normalise(query).casefold()
    for hit in stored.search(query):
        assert needle in hit.value.casefold()


@st.composite
def pieces(draw: st.DrawFn) -> tuple[str, str]:
    value = draw(st.sampled_from(PAYER_VALUES))
    start = draw(st.integers(0, len(value) - 3))
    end = draw(st.integers(start + 3, len(value)))
    return value, value[start:end]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces(), st.booleans())
def test_any_piece_of_a_stored_value_finds_it(stored: LinkCache, case: tuple[str, str], shout: bool) -> None:
    value, piece = case
    query = piece.upper() if shout else piece
    if not normalise(query):
        return  # only spaces or marks: nothing to look for
    assert value in [hit.value for hit in stored.search(query)]
