"""search_link_ids: which links match, and which only through what a payer typed; all of them, cheaply.

The window filters its table on this answer, so it must agree with search() (the same matching,
the same quoting, the same scan below three characters) without search()'s limit.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkmanager.domain import CollectedIdentifier, IdentifierType, LinkStatus, PaymentLink, Usage
from linkmanager.storage.cache import LinkCache

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
LinkFactory = Callable[..., PaymentLink]
UsageFactory = Callable[..., Usage]

PAYER_VALUES = [
    '=HYPERLINK("http://evil.example","click")',
    "<b>bold</b><script>alert(1)</script>",
    'say "hello" *now*',
    "NEAR(a b) OR c AND NOT d",
    "100% _sure_ \\ done",
    "Robert'); DROP TABLE usages;--",
    "محمد عبد الله",
    "Flat 12B",
]


def payer(usage_id: str, link_id: str, make_usage: UsageFactory, *values: str) -> Usage:
    return make_usage(
        usage_id,
        link_id,
        identifiers=tuple(CollectedIdentifier(IdentifierType.TEXT, "Note", v) for v in values),
    )


@pytest.fixture
def shop(cache: LinkCache, make_link: LinkFactory, make_usage: UsageFactory) -> LinkCache:
    """rent: matched by its own fields; b7e4: Arabic name; quiet: found only through its payers;
    both: 'Flat' in its name and in a payer's value."""
    cache.store_listing(
        [
            make_link("rent", name="Rent for March", reference="INV-2026-0042", customer_id="CUST-ACME-7"),
            make_link("b7e4", name="إيجار شهر مارس", reference="REF-AR-1"),
            make_link("quiet", name="Plain", reference="REF-Q"),
            make_link("both", name="Flat rental", reference="REF-B"),
            make_link("odd", name="Other 50%", reference="REF-O"),
        ],
        T0,
        complete=True,
    )
    cache.store_usages(
        "quiet", [payer("q1", "quiet", make_usage, *PAYER_VALUES)], T0, link_status=LinkStatus.ACTIVE
    )
    cache.store_usages("both", [payer("b1", "both", make_usage, "Flat 7")], T0, link_status=LinkStatus.ACTIVE)
    return cache


def from_hits(cache: LinkCache, text: str) -> tuple[set[str], set[str]]:
    """What the window used to make of search(): the same answer, the slow way."""
    hits = cache.search(text, limit=1_000_000)
    direct = {h.link.link.id for h in hits if h.usage is None}
    return direct, {h.link.link.id for h in hits if h.usage is not None} - direct


@pytest.mark.parametrize(
    ("query", "direct", "via_usage"),
    [
        ("for March", {"rent"}, set()),
        ("2026-0042", {"rent"}, set()),
        ("acme", {"rent"}, set()),
        ("DROP TABLE", set(), {"quiet"}),  # only a payer typed it
        ("flat", {"both"}, {"quiet"}),  # both: in its name and a payer's value, so direct
        ("مارس", {"b7e4"}, set()),
        ("عبد الله", set(), {"quiet"}),
        ("nothing like this", set(), set()),
    ],
)
def test_direct_and_through_a_usage(
    shop: LinkCache, query: str, direct: set[str], via_usage: set[str]
) -> None:
    assert shop.search_link_ids(query) == (direct, via_usage)


def test_every_match_is_returned_not_the_first_few(cache: LinkCache, make_link: LinkFactory) -> None:
    cache.store_listing(
        [make_link(f"l{i:03d}", reference=f"BATCH-{i}") for i in range(450)], T0, complete=True
    )
    direct, via_usage = cache.search_link_ids("batch-")
    assert direct == {f"l{i:03d}" for i in range(450)}
    assert via_usage == set()
    assert len(cache.search("batch-")) == 200  # search() keeps its limit; this one has none


def test_a_link_with_many_matching_usages_is_one_id(
    cache: LinkCache, make_link: LinkFactory, make_usage: UsageFactory
) -> None:
    cache.store_listing([make_link("busy", name="Busy")], T0, complete=True)
    usages = [payer(f"u{i}", "busy", make_usage, f"Order 55-{i}") for i in range(30)]
    cache.store_usages("busy", usages, T0, link_status=LinkStatus.ACTIVE)
    assert cache.search_link_ids("order 55") == (set(), {"busy"})


@pytest.mark.parametrize(
    ("query", "direct", "via_usage"),
    [
        ("%", {"odd"}, {"quiet"}),  # LIKE's wildcards are the characters themselves
        ("_s", set(), {"quiet"}),
        ("\\", set(), {"quiet"}),
        ("مح", set(), {"quiet"}),
        ("رس", {"b7e4"}, set()),
        ("zz", set(), set()),
    ],
)
def test_short_queries_scan_with_the_same_meaning(
    shop: LinkCache, query: str, direct: set[str], via_usage: set[str]
) -> None:
    assert shop.search_link_ids(query) == (direct, via_usage)


def test_short_queries_ignore_ascii_case(shop: LinkCache) -> None:
    assert shop.search_link_ids("fL") == shop.search_link_ids("Fl") == ({"both"}, {"quiet"})


@pytest.mark.parametrize("query", ["", "   ", "\u200f", "\t\n", "\x00"])
def test_an_empty_query_finds_nothing(shop: LinkCache, query: str) -> None:
    assert shop.search_link_ids(query) == (set(), set())


def test_invisible_marks_around_a_query_are_ignored(shop: LinkCache) -> None:
    assert shop.search_link_ids("\u200fمارس\u200e") == ({"b7e4"}, set())


def test_a_missing_link_is_still_found(shop: LinkCache, make_link: LinkFactory) -> None:
    shop.store_listing([make_link("rent", name="Rent for March")], T0, complete=True)
    assert shop.search_link_ids("DROP TABLE") == (set(), {"quiet"})  # no longer listed, still cached


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        "*",
        "a*",
        "NEAR(",
        "AND",
        "OR NOT",
        "^",
        ":",
        "value:x",
        "(",
        '=HYPERLINK("x")',
        "<b>",
        "x" * 5000,
        "\ud800",
        "'; DROP TABLE links; --",
    ],
)
def test_hostile_queries_do_not_raise_or_change_anything(shop: LinkCache, query: str) -> None:
    assert shop.search_link_ids(query) == from_hits(shop, query)
    assert len(shop.links()) == 5


@pytest.mark.parametrize("value", PAYER_VALUES)
def test_hostile_values_are_found_by_themselves(shop: LinkCache, value: str) -> None:
    assert shop.search_link_ids(value) == (set(), {"quiet"})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.one_of(
        st.text(max_size=12),
        st.sampled_from(PAYER_VALUES).flatmap(
            lambda v: st.tuples(st.integers(0, len(v) - 1), st.integers(1, 6)).map(
                lambda c: v[c[0] : c[0] + c[1]]
            )
        ),
    )
)
def test_it_agrees_with_search(shop: LinkCache, query: str) -> None:
    assert shop.search_link_ids(query) == from_hits(shop, query)


def test_links_added_after_a_search_are_found_by_the_next_one(
    cache: LinkCache, make_link: LinkFactory
) -> None:
    """Ids are looked up from link keys held in memory: they must follow links added since."""
    cache.store_listing([make_link("a", name="Rent March")], T0, complete=True)
    cache.links()  # fills the key -> id map as a side effect
    assert cache.search_link_ids("Rent") == ({"a"}, set())
    cache.store_listing(
        [make_link("a", name="Rent March"), make_link("b", name="Rent April")], T0, complete=True
    )
    assert cache.search_link_ids("Rent") == ({"a", "b"}, set())
    cache.store_link(make_link("c", name="Rent May"), T0)
    assert cache.search_link_ids("Rent") == ({"a", "b", "c"}, set())
