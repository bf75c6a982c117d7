"""storage.search_words on a real cache: every word in any order and any field, amounts however
typed, status and outcome words, hostile text searched literally, usages that matched."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkmanager.domain import (
    CollectedIdentifier,
    IdentifierType,
    LinkStatus,
    PaymentLink,
    Usage,
    UsageStatus,
)
from linkmanager.storage.cache import LinkCache
from linkmanager.storage.search_query import parse
from linkmanager.storage.search_words import LinkSearch, WordSearch

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
NOW = T0 + timedelta(days=30)
HOSTILE = '=HYPERLINK("x") say "hi" NEAR( *star* a\u202eevil 100%_'
LinkFactory = Callable[..., PaymentLink]
UsageFactory = Callable[..., Usage]


def payer(make_usage: UsageFactory, usage_id: str, link_id: str, *values: str, **fields: object) -> Usage:
    identifiers = tuple(CollectedIdentifier(IdentifierType.TEXT, "Note", v) for v in values)
    return make_usage(usage_id, link_id, identifiers=identifiers, **fields)


@pytest.fixture
def shop(cache: LinkCache, make_link: LinkFactory, make_usage: UsageFactory) -> LinkCache:
    """oct: a consulting retainer (AED 6,300.00) paid by Fatima; gym (SAR 6300, a payer wrote
    "consulting fee", payment pending); inter: "Interactive" but disabled; old: active but past
    its expiry; park: its one use taken (AED 6300.0), an attempt expired; kwd: KWD 6.300."""
    cache.store_listing(
        [
            make_link("oct", name="October consulting retainer", reference="CONS-2025-0042", amount=Decimal("6300.00")),
            make_link("gym", name="Gym membership", reference="GYM-1", amount=Decimal("6300"), currency="SAR"),
            make_link("inter", name="Interactive workshop", reference="WS-1", status=LinkStatus.DISABLED),
            make_link("old", name="Old rent", reference="RENT-1", expires_at=T0 - timedelta(days=1)),
            make_link("park", name="Parking", reference="PRK-1", amount=Decimal("6300.0"), max_usages=1, current_usages=1),
            make_link("kwd", name="Kuwait invoice", reference="K-1", amount=Decimal("6.300"), currency="KWD"),
            make_link("odd", name=HOSTILE, reference="H-1"),
        ],
        T0,
        complete=True,
    )  # fmt: skip
    paid = dict(
        usage_status=UsageStatus.PAYMENT_CREATED, payment_id="pay-1", payment_status="ACCEPTED_BY_BANK"
    )
    waiting = dict(
        usage_status=UsageStatus.PAYMENT_CREATED, payment_id="pay-2", payment_status="PENDING_WITH_BANK"
    )
    usages = {
        "oct": [payer(make_usage, "oct-1", "oct", "Fatima Zahra", "+971501112233", **paid),
                payer(make_usage, "oct-2", "oct", "Omar")],
        "gym": [payer(make_usage, "gym-1", "gym", "consulting fee", **waiting)],
        "park": [payer(make_usage, "park-1", "park", "Salim", usage_status=UsageStatus.EXPIRED)],
    }  # fmt: skip
    for link_id, found in usages.items():
        cache.store_usages(link_id, found, T0, link_status=LinkStatus.ACTIVE)
    return cache


@pytest.fixture
def words(shop: LinkCache) -> WordSearch:
    return WordSearch(shop, lambda: NOW)


def ids(found: LinkSearch) -> tuple[set[str], set[str]]:
    return found.direct, found.via_usage


@pytest.mark.parametrize(
    ("query", "direct", "via_usage"),
    [
        ("consulting retainer october", {"oct"}, set()),  # the name is "October consulting retainer"
        ("OCTOBER Retainer", {"oct"}, set()),
        ("retainer 0042", {"oct"}, set()),  # a name word and a reference fragment
        ("consulting", {"oct"}, {"gym"}),  # gym: only a payer wrote it
        ("consulting fatima", set(), {"oct"}),  # a name word and a payer's: through the usage
        ("consulting fee", set(), {"gym"}),
        ("consulting nothing", set(), set()),
        ('"consulting retainer"', {"oct"}, set()),  # a phrase, as written
        ('"retainer consulting"', set(), set()),  # not in that order
        ("rent old", {"old"}, set()),
    ],
)
def test_every_word_matches_anywhere_in_any_order(
    words: WordSearch, query: str, direct: set[str], via_usage: set[str]
) -> None:
    assert ids(words.find(query)) == (direct, via_usage)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("6300", {"oct", "gym", "park"}),  # 6300.00 AED, 6300 SAR, 6300.0 AED
        ("6,300", {"oct", "gym", "park"}),
        ("6,300.00", {"oct", "gym", "park"}),
        ("6300.0", {"oct", "gym", "park"}),
        ("٦٣٠٠", {"oct", "gym", "park"}),
        ("AED 6,300.00", {"oct", "park"}),  # as the window shows an amount
        ("6,300.00 aed", {"oct", "park"}),
        ("SAR 6300", {"gym"}),
        ("6.3", {"kwd"}),
        ("6.300 KWD", {"kwd"}),
        ("63,00", set()),  # not an amount as typed anywhere: text only
        ("6,300 consulting", {"oct", "gym"}),
        ("0042", {"oct"}),  # a number that is no link's amount still finds text
        ("USD", set()),  # no link in USD: searched as text, found nowhere
    ],
)
def test_amounts_match_however_typed(words: WordSearch, query: str, expected: set[str]) -> None:
    assert words.find(query).ids == expected


@pytest.mark.parametrize("prepared", [False, True])
def test_amounts_agree_with_and_without_the_facts_in_memory(words: WordSearch, prepared: bool) -> None:
    if prepared:
        words.prepare()
    assert words.find("6,300").ids == {"oct", "gym", "park"}
    assert words.find("AED 6300").ids == {"oct", "park"}


@pytest.mark.parametrize(
    ("amount", "typed"),
    [
        ("123456789012345678.12345", "123,456,789,012,345,678.12345"),  # beyond the integer arrays
        ("99999999999999.9999", "99,999,999,999,999.9999"),  # the largest they hold
        ("999999999999999", "999999999999999"),  # 15 digits: exact, in Python
        ("0.00001", ".00001"),
        ("1E+3", "1,000"),  # an exponent, as a Decimal may be written
    ],
)
@pytest.mark.parametrize("prepared", [False, True])
def test_any_stored_amount_is_found_exactly(
    cache: LinkCache, make_link: LinkFactory, amount: str, typed: str, prepared: bool
) -> None:
    cache.store_listing(
        [
            make_link("it", amount=Decimal(amount)),
            make_link("near", amount=Decimal(amount) + Decimal("0.0001")),
        ],
        T0,
        complete=True,
    )
    words = WordSearch(cache, lambda: NOW)
    if prepared:
        words.prepare()
    assert words.find(typed).ids == {"it"}


def test_links_added_after_prepare_are_found_by_amount(
    words: WordSearch, shop: LinkCache, make_link: LinkFactory
) -> None:
    words.prepare()
    shop.store_link(make_link("late", name="Late fee", amount=Decimal("6300.000")), T0)
    shop.store_link(make_link("huge", name="Huge", amount=Decimal("123456789012345678.12345")), T0)
    assert words.find("6,300").ids == {"oct", "gym", "park", "late"}
    assert words.find("123,456,789,012,345,678.12345").ids == {"huge"}  # beyond the integer arrays
    assert words.find("AED 6300").ids == {"oct", "park", "late"}


@pytest.mark.parametrize(
    ("query", "direct", "via_usage"),
    [
        ("active", {"oct", "gym", "kwd", "odd", "inter"}, set()),  # inter: "Interactive", as text
        ("disabled", {"inter"}, set()),
        ("used", {"park"}, set()),
        ("expired", {"old"}, {"park"}),  # old: the link expired; park: an attempt did
        ("collected", set(), {"oct"}),
        ("pending", set(), {"gym"}),
        ("failed", set(), set()),
        ("consulting pending", set(), {"gym"}),
        ("pending consulting", set(), {"gym"}),
        ("collected october", set(), {"oct"}),
        ("active workshop", {"inter"}, set()),  # disabled, but "active" is in its name
        ('"active"', {"inter"}, set()),  # quoted: the text only
    ],
)
def test_status_and_outcome_words_filter(
    words: WordSearch, query: str, direct: set[str], via_usage: set[str]
) -> None:
    assert ids(words.find(query)) == (direct, via_usage)


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "*star*",
        "NEAR(",
        "=HYPERLINK(",
        '=HYPERLINK("x")',
        'say "hi"',
        "a\u202eevil",
        "\u202eevil",
        "100%_",
        "HYPER\x00LINK",
    ],
)
def test_hostile_text_is_searched_literally(words: WordSearch, query: str) -> None:
    assert words.find(query).ids == {"odd"}


@pytest.mark.parametrize(
    "query", ["", "   ", "\u200f", "\x00", '""x', "%", "_", "\\", "'; DROP TABLE links; --", "\ud800"]
)
def test_odd_queries_do_not_raise_or_change_anything(words: WordSearch, shop: LinkCache, query: str) -> None:
    assert isinstance(words.find(query), LinkSearch)
    assert words.find(query, short_limit=1).ids <= {link.link.id for link in shop.links()}
    assert len(shop.links()) == 7


def test_a_short_word_is_scanned_among_the_links_found_or_skipped(words: WordSearch) -> None:
    assert words.find("consulting om").ids == {"oct"}  # "Omar" is oct's payer
    assert words.find("consulting om", short_limit=5).ids == {"oct"}
    skipped = words.find("consulting om", short_limit=1)
    assert (skipped.ids, skipped.skipped) == ({"oct", "gym"}, ("om",))  # too many links: said, not scanned
    assert words.find("om", short_limit=5).skipped == ("om",)  # short words alone: a scan of everything
    assert ids(words.find("om")) == (set(), {"oct"})  # the command line scans: "Omar"


VOCABULARY = [
    "consulting",
    "retainer",
    "october",
    "6,300",
    "aed",
    "active",
    "pending",
    "fatima",
    "rent",
    "0042",
    "om",
]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=4, unique=True), st.randoms())
def test_word_order_never_changes_the_answer(words: WordSearch, chosen: list[str], rng: object) -> None:
    shuffled = list(chosen)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    assert ids(words.find(" ".join(chosen))) == ids(words.find(" ".join(reversed(shuffled))))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(VOCABULARY), min_size=2, max_size=3, unique=True))
def test_more_words_never_find_more(words: WordSearch, chosen: list[str]) -> None:
    together = words.find(" ".join(chosen)).ids
    for each in chosen:
        assert together <= words.find(each).ids


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.text(
        alphabet=st.characters(blacklist_categories=["Zs", "Cc", "Nd"], blacklist_characters='"'),
        min_size=3,
        max_size=8,
    )
)
def test_a_plain_word_finds_what_the_one_phrase_search_finds(
    words: WordSearch, shop: LinkCache, word: str
) -> None:
    if any(w.has_meaning for w in parse(word)):
        return  # a currency code or a status word means more than its text
    assert ids(words.find(word)) == shop.search_link_ids(word)


def test_matched_usages_name_the_usages_that_matched(words: WordSearch) -> None:
    assert words.matched_usages("consulting fatima", "oct") == ["oct-1"]
    assert words.matched_usages("collected", "oct") == ["oct-1"]
    assert words.matched_usages("omar", "oct") == ["oct-2"]
    assert words.matched_usages("fatima om", "oct") == ["oct-1", "oct-2"]  # one word each: Lean's order
    assert words.matched_usages("zahra 2233 om", "oct") == ["oct-1", "oct-2"]  # two words first
    assert words.matched_usages("om fatima zahra", "oct") == ["oct-1", "oct-2"]
    assert words.matched_usages("october", "oct") == []  # the link's own name: no usage
    assert words.matched_usages("pending", "gym") == ["gym-1"]
    assert words.matched_usages("", "oct") == []
    assert words.matched_usages("fatima", "no-such-link") == []


def test_hits_say_what_each_word_matched(words: WordSearch) -> None:
    found = {
        (h.link.link.id, h.usage.usage_id if h.usage else None, h.field, h.value)
        for h in words.hits("AED 6,300 pending consulting", 50)
    }
    assert found == set()  # no link is all of it
    found = {
        (h.link.link.id, h.usage.usage_id if h.usage else None, h.field, h.value)
        for h in words.hits("consulting pending", 50)
    }
    assert found == {
        ("gym", "gym-1", "Note", "consulting fee"),
        ("gym", "gym-1", "payment outcome", "pending"),
    }
    found = {(h.link.link.id, h.field, h.value) for h in words.hits("AED 6,300.00", 50)}
    assert found == {
        ("oct", "currency", "AED"), ("oct", "amount", "AED\xa06,300.00"),
        ("park", "currency", "AED"), ("park", "amount", "AED\xa06,300.00"),
    }  # fmt: skip
    assert {(h.link.link.id, h.field, h.value) for h in words.hits("used", 50)} == {
        ("park", "status", "Used")
    }
    assert len(words.hits("6300", 2)) == 2


def test_a_one_word_query_hits_as_the_one_phrase_search(words: WordSearch, shop: LinkCache) -> None:
    for query in ["consulting", "fatima", "H-1", "rent"]:
        assert words.hits(query, 200) == shop.search(query, 200)
