"""Search finds every kind of value, names the link, the usage and the field, and follows every write."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from linkmanager.domain import (
    CollectedIdentifier,
    IdentifierType,
    LinkStatus,
    PaymentLink,
    Usage,
    UsageStatus,
)
from linkmanager.storage.cache import LinkCache, SearchHit

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
LinkFactory = Callable[..., PaymentLink]
UsageFactory = Callable[..., Usage]


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def found(hits: list[SearchHit]) -> list[tuple[str, str | None, str, str]]:
    return [(h.link.link.id, h.usage.usage_id if h.usage else None, h.field, h.value) for h in hits]


@pytest.fixture
def shop(cache: LinkCache, make_link: LinkFactory, make_usage: UsageFactory) -> LinkCache:
    cache.store_listing(
        [
            make_link(
                "3f2a9c1e-7b4d-4e8a-9c2f-1a2b3c4d5e6f",
                name="Rent for March",
                reference="INV-2026-0042",
                customer_id="CUST-ACME-7",
            ),
            make_link("b7e4", name="إيجار شهر مارس", reference="REF-AR-1"),
        ],
        T0,
        complete=True,
    )
    cache.store_usages(
        "3f2a9c1e-7b4d-4e8a-9c2f-1a2b3c4d5e6f",
        [
            Usage(
                usage_id="9d8c7b6a-usage",
                payment_link_id="3f2a9c1e-7b4d-4e8a-9c2f-1a2b3c4d5e6f",
                usage_status=UsageStatus.PAYMENT_CREATED,
                identifiers=(
                    CollectedIdentifier(IdentifierType.EMAIL, "Email", "Fatima.Zahra@Mail.example"),
                    CollectedIdentifier(IdentifierType.MOBILE_PHONE, "Mobile number", "+971501234567"),
                    CollectedIdentifier(IdentifierType.TEXT, "", "Flat 12B"),
                ),
                customer_id="CUST-PAYER-1",
                payment_id="pay-5e5e5e",
                payment_status="ACCEPTED_BY_BANK",
            )
        ],
        T0,
        link_status=LinkStatus.ACTIVE,
    )
    cache.store_usages(
        "b7e4",
        [
            make_usage(
                "ar-usage",
                "b7e4",
                identifiers=(CollectedIdentifier(IdentifierType.TEXT, "الاسم", "محمد عبد الله"),),
            )
        ],
        T0,
        link_status=LinkStatus.ACTIVE,
    )
    return cache


LINK = "3f2a9c1e-7b4d-4e8a-9c2f-1a2b3c4d5e6f"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (LINK, (LINK, None, "link id", LINK)),
        ("7b4d-4e8a", (LINK, None, "link id", LINK)),
        ("for Mar", (LINK, None, "name", "Rent for March")),
        ("2026-0042", (LINK, None, "reference", "INV-2026-0042")),
        ("ACME", (LINK, None, "customer id", "CUST-ACME-7")),
        ("PAYER", (LINK, "9d8c7b6a-usage", "customer id", "CUST-PAYER-1")),
        ("9d8c7b6a-usage", (LINK, "9d8c7b6a-usage", "usage id", "9d8c7b6a-usage")),
        ("5e5e5e", (LINK, "9d8c7b6a-usage", "payment id", "pay-5e5e5e")),
        ("zahra@mail", (LINK, "9d8c7b6a-usage", "Email", "Fatima.Zahra@Mail.example")),
        ("5012345", (LINK, "9d8c7b6a-usage", "Mobile number", "+971501234567")),
        ("Flat 12", (LINK, "9d8c7b6a-usage", "Text", "Flat 12B")),  # no label: the type names it
        ("مارس", ("b7e4", None, "name", "إيجار شهر مارس")),
        ("عبد الله", ("b7e4", "ar-usage", "الاسم", "محمد عبد الله")),
    ],
)
def test_each_kind_of_value_is_found_and_named(
    shop: LinkCache, query: str, expected: tuple[str, str | None, str, str]
) -> None:
    assert found(shop.search(query)) == [expected]


def test_a_hit_carries_the_whole_link_and_usage(shop: LinkCache) -> None:
    (hit,) = shop.search("5012345")
    assert hit.link == shop.link(LINK)
    assert hit.usage == shop.usage(LINK, "9d8c7b6a-usage")
    assert hit.link.usage_count == 1


@pytest.mark.parametrize("query", ["FATIMA.ZAHRA", "fatima.zahra", "rent FOR march", "cust-acme"])
def test_search_ignores_case(shop: LinkCache, query: str) -> None:
    assert len(shop.search(query)) == 1


def test_search_ignores_case_beyond_ascii(cache: LinkCache, make_link: LinkFactory) -> None:
    cache.store_listing([make_link("x", name="Ödeme İSTANBUL Ωmega")], T0, complete=True)
    assert found(cache.search("ödeme"))[0][3] == "Ödeme İSTANBUL Ωmega"
    assert len(cache.search("ωMEGA")) == 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("12", {("3f2a9c1e-7b4d-4e8a-9c2f-1a2b3c4d5e6f", "9d8c7b6a-usage", "Mobile number")}),
        ("مح", {("b7e4", "ar-usage", "الاسم")}),
        (
            "7",
            {(LINK, None, "link id"), (LINK, None, "customer id"), (LINK, "9d8c7b6a-usage", "Mobile number")},
        ),
    ],
)
def test_short_queries_fall_back_to_a_scan(
    shop: LinkCache, query: str, expected: set[tuple[str, str | None, str]]
) -> None:
    hits = {(link, usage, field) for link, usage, field, _ in found(shop.search(query))}
    assert expected <= hits
    assert all(query.lower() in value.lower() for *_, value in found(shop.search(query)))


def test_short_queries_ignore_ascii_case(shop: LinkCache) -> None:
    assert found(shop.search("zA")) == found(shop.search("Za"))
    assert any(value == "Fatima.Zahra@Mail.example" for *_, value in found(shop.search("zA")))


@pytest.mark.parametrize("query", ["", "   ", "\u200f", "\t\n"])
def test_an_empty_query_finds_nothing(shop: LinkCache, query: str) -> None:
    assert shop.search(query) == []


def test_invisible_marks_around_a_query_are_ignored(shop: LinkCache) -> None:
    assert found(shop.search("\u200fمارس\u200e")) == found(shop.search("مارس"))


def test_no_match_finds_nothing(shop: LinkCache) -> None:
    assert shop.search("nothing like this") == []


def test_an_exact_match_comes_first_and_limit_is_kept(
    cache: LinkCache, make_link: LinkFactory, make_usage: UsageFactory
) -> None:
    cache.store_listing([make_link(f"ref-{i}", reference=f"ABC-{i}") for i in range(30)], T0, complete=True)
    cache.store_listing([make_link("exact", reference="ABC")], at(1), complete=False)
    hits = cache.search("abc", limit=5)
    assert len(hits) == 5
    assert found(hits)[0] == ("exact", None, "reference", "ABC")
    assert len(cache.search("ABC-", limit=1000)) == 30
    assert cache.search("abc", limit=0) == []


def test_the_index_follows_changed_values(
    cache: LinkCache,
    make_link: LinkFactory,
    make_usage: UsageFactory,
    index_is_consistent: Callable[[], None],
) -> None:
    cache.store_listing([make_link("l", name="Old name")], at(0), complete=True)
    cache.store_usages("l", [make_usage("u", "l")], at(1), link_status=LinkStatus.ACTIVE)
    assert cache.search("pay-late") == []
    cache.store_listing([make_link("l", name="New name")], at(2), complete=True)
    cache.store_usages(
        "l", [make_usage("u", "l", payment_id="pay-late")], at(3), link_status=LinkStatus.ACTIVE
    )
    assert cache.search("Old name") == []
    assert found(cache.search("New name")) == [("l", None, "name", "New name")]
    assert found(cache.search("pay-late")) == [("l", "u", "payment id", "pay-late")]
    index_is_consistent()


def test_a_missing_link_is_still_found_and_says_so(shop: LinkCache, make_link: LinkFactory) -> None:
    shop.store_listing([make_link("b7e4", name="إيجار شهر مارس", reference="REF-AR-1")], at(5), complete=True)
    (hit,) = shop.search("ACME")
    assert hit.link.missing_since == at(5)
    assert len(shop.search("5012345")) == 1  # its usages too
