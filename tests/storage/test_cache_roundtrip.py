"""What goes into the cache comes back equal: every field, exact digits, unknown values, hostile text."""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkmanager.domain import (
    CollectedIdentifier,
    IdentifierConfig,
    IdentifierType,
    LinkStatus,
    Money,
    PaymentDetails,
    PaymentLink,
    Usage,
    UsageStatus,
)
from linkmanager.storage.cache import LinkCache

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
LinkFactory = Callable[..., PaymentLink]
UsageFactory = Callable[..., Usage]

HOSTILE_TEXT = [
    "محمد عبد الله",
    "\u200fمرحبا\u200e",  # RTL and LTR marks around Arabic
    "💳🇦🇪 pay",
    "x" * 255,
    "<b>x</b>",
    '=HYPERLINK("x")',
    "'; DROP TABLE links; --",
    'quote " and \\ backslash',
    "line\nbreak\ttab",
    "",
]


def test_every_link_field_comes_back_exactly(
    cache: LinkCache, make_link: LinkFactory, identifiers: tuple[IdentifierConfig, ...]
) -> None:
    link = PaymentLink(
        id="a1b2c3d4-e5f6-7890-abcd-ef1234567890",
        url="https://pay.example/l/a1b2",
        status=LinkStatus.DISABLED,
        current_usages=3,
        payment_details=PaymentDetails(
            Money(Decimal("1500.10"), "AED"), "INV-2026-001", destination_id="dest-9", payment_purpose="RNT"
        ),
        name="Rent March",
        max_usages=10,
        expires_at=datetime(2026, 6, 30, 23, 59, 30, 123456, tzinfo=timezone(timedelta(hours=4))),
        redirect_url="https://merchant.example/thanks",
        customer_id="cust-42",
        identifiers=identifiers,
    )
    cache.store_listing([link], T0, complete=True)
    back = cache.link(link.id)
    assert back is not None
    assert back.link == link
    assert back.link.amount.amount.as_tuple() == Decimal("1500.10").as_tuple()  # the trailing zero too
    assert back.link.expires_at == datetime(2026, 6, 30, 19, 59, 30, 123456, tzinfo=UTC)
    assert back.link.expires_at is not None
    assert back.link.expires_at.tzinfo is not None
    assert back.confirmed_at == T0
    assert back.link.identifiers == identifiers  # order, labels, required, limit, an unknown type


def test_optional_fields_stay_absent(cache: LinkCache, make_link: LinkFactory) -> None:
    link = make_link("bare", name=None, max_usages=None, expires_at=None, identifiers=())
    cache.store_listing([link], T0, complete=False)
    back = cache.link("bare")
    assert back is not None
    assert back.link == link
    assert back.link.max_usages is None
    assert back.link.expires_at is None
    assert back.link.name is None
    assert back.usages_confirmed_at is None
    assert back.usages_confirmed_status is None
    assert back.missing_since is None


@pytest.mark.parametrize(
    ("amount", "currency"),
    [
        (Decimal("1500.10"), "AED"),
        (Decimal("12.500"), "KWD"),
        (Decimal("0.001"), "BHD"),
        (Decimal("1000"), "JPY"),
        (Decimal("1E+3"), "SAR"),
        (Decimal("123456789012345678901234567890.12"), "AED"),
        (Decimal("-0.00"), "AED"),
    ],
)
def test_amounts_keep_every_digit(
    cache: LinkCache, make_link: LinkFactory, amount: Decimal, currency: str
) -> None:
    cache.store_listing([make_link("m", amount=amount, currency=currency)], T0, complete=False)
    back = cache.link("m")
    assert back is not None
    assert back.link.amount == Money(amount, currency)
    assert str(back.link.amount.amount) == str(amount)


def test_amounts_are_stored_as_text_never_real(
    cache: LinkCache, make_link: LinkFactory, cache_path: Path
) -> None:
    cache.store_listing([make_link("m", amount=Decimal("0.10"))], T0, complete=False)
    conn = sqlite3.connect(cache_path)
    try:
        assert conn.execute("SELECT typeof(amount), amount FROM links").fetchone() == ("text", "0.10")
    finally:
        conn.close()


@pytest.mark.parametrize("text", HOSTILE_TEXT)
def test_hostile_text_round_trips(
    cache: LinkCache, make_link: LinkFactory, make_usage: UsageFactory, text: str
) -> None:
    link = make_link("h", name=text or None, customer_id=text or None)
    usage = make_usage(
        "u",
        "h",
        identifiers=(CollectedIdentifier(IdentifierType.TEXT, text, text),),
        payment_status=text or None,
    )
    cache.store_listing([link], T0, complete=False)
    cache.store_usages("h", [usage], T0, link_status=link.status)
    back = cache.link("h")
    assert back is not None
    assert back.link == link
    assert cache.usages("h") == [usage]


def test_unknown_statuses_and_types_round_trip(
    cache: LinkCache, make_link: LinkFactory, make_usage: UsageFactory
) -> None:
    link = make_link("u1", status=LinkStatus("ARCHIVED"))
    usage = make_usage(
        "x",
        "u1",
        usage_status=UsageStatus("REFUNDED"),
        payment_status="SOMETHING_NEW",
        identifiers=(CollectedIdentifier(IdentifierType("IBAN"), "IBAN", "AE070331234567890123456"),),
    )
    cache.store_listing([link], T0, complete=True)
    cache.store_usages("u1", [usage], T0, link_status=LinkStatus("ARCHIVED"))
    back = cache.link("u1")
    assert back is not None
    assert back.link.status.value == "ARCHIVED"
    assert not back.link.status.is_known
    assert back.usages_confirmed_status == LinkStatus("ARCHIVED")
    assert cache.usages("u1") == [usage]
    assert cache.usages("u1")[0].identifiers[0].type.value == "IBAN"


def test_every_usage_field_comes_back(cache: LinkCache, make_link: LinkFactory) -> None:
    usage = Usage(
        usage_id="usage-9",
        payment_link_id="l",
        usage_status=UsageStatus.PAYMENT_CREATED,
        identifiers=(
            CollectedIdentifier(IdentifierType.EMAIL, "Email", "payer@mail.example"),
            CollectedIdentifier(IdentifierType.MOBILE_PHONE, "Phone", "+966500000001"),
            CollectedIdentifier(IdentifierType.TEXT, "", "no label"),
        ),
        customer_id="cust-7",
        payment_id="pay-3",
        payment_status="ACCEPTED_BY_BANK",
    )
    cache.store_listing([make_link("l")], T0, complete=False)
    cache.store_usages("l", [usage], T0, link_status=LinkStatus.ACTIVE)
    assert cache.usage("l", "usage-9") == usage
    assert cache.usage("l", "nope") is None
    assert cache.usage("other", "usage-9") is None


def test_a_lone_surrogate_is_stored_as_a_replacement_character(
    cache: LinkCache, make_link: LinkFactory, make_usage: UsageFactory
) -> None:
    """JSON may carry "\\ud800"; SQLite cannot store it, and it must not fail a whole sync."""
    cache.store_listing([make_link("s", name="bad \ud800 name")], T0, complete=False)
    usage = make_usage("u", "s", identifiers=(CollectedIdentifier(IdentifierType.TEXT, "T", "x\udfffy"),))
    cache.store_usages("s", [usage], T0, link_status=LinkStatus.ACTIVE)
    back = cache.link("s")
    assert back is not None
    assert back.link.name == "bad \ufffd name"
    assert cache.usages("s")[0].identifiers[0].value == "x\ufffdy"


def test_naive_times_are_refused(cache: LinkCache, make_link: LinkFactory) -> None:
    with pytest.raises(ValueError, match="naive"):
        cache.store_listing([make_link()], datetime(2026, 1, 1), complete=False)  # noqa: DTZ001
    assert cache.is_empty()


# --- a property: anything the domain can hold, the cache gives back -------------------------

texts = st.text(max_size=40)
optional_texts = st.none() | st.text(min_size=1, max_size=40)
statuses = st.sampled_from([*LinkStatus.known(), LinkStatus("ARCHIVED")])
moments = st.datetimes(
    min_value=datetime(1970, 1, 1),  # noqa: DTZ001 (hypothesis takes naive bounds)
    max_value=datetime(9999, 1, 1),  # noqa: DTZ001
    timezones=st.just(UTC),
)
amounts = st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-(10**12), max_value=10**12)
kinds = st.sampled_from([*IdentifierType.known(), IdentifierType("IBAN")])


@st.composite
def links_and_usages(draw: st.DrawFn) -> tuple[PaymentLink, list[Usage]]:
    link = PaymentLink(
        id=draw(st.text(min_size=1, max_size=40)),
        url=draw(texts),
        status=draw(statuses),
        current_usages=draw(st.integers(0, 10**6)),
        payment_details=PaymentDetails(
            Money(draw(amounts), draw(st.sampled_from(["AED", "KWD", "SAR", "JPY"]))),
            draw(texts),
            draw(optional_texts),
            draw(optional_texts),
        ),
        name=draw(optional_texts),
        max_usages=draw(st.none() | st.integers(0, 10**6)),
        expires_at=draw(st.none() | moments),
        redirect_url=draw(optional_texts),
        customer_id=draw(optional_texts),
        identifiers=tuple(
            draw(
                st.lists(
                    st.builds(
                        IdentifierConfig,
                        kinds,
                        optional_texts,
                        st.booleans(),
                        st.none() | st.integers(1, 255),
                    ),
                    max_size=3,
                )
            )
        ),
    )
    ids = draw(st.lists(st.text(min_size=1, max_size=20), max_size=4, unique=True))
    usages = [
        Usage(
            usage_id=usage_id,
            payment_link_id=link.id,
            usage_status=draw(st.sampled_from([*UsageStatus.known(), UsageStatus("REFUNDED")])),
            identifiers=tuple(
                draw(st.lists(st.builds(CollectedIdentifier, kinds, texts, texts), max_size=3))
            ),
            customer_id=draw(optional_texts),
            payment_id=draw(optional_texts),
            payment_status=draw(optional_texts),
        )
        for usage_id in ids
    ]
    return link, usages


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(links_and_usages())
def test_round_trip_property(case: tuple[PaymentLink, list[Usage]]) -> None:
    link, usages = case
    with tempfile.TemporaryDirectory() as folder, LinkCache.open(Path(folder) / "c.sqlite") as cache:
        cache.store_listing([link], T0, complete=True)
        cache.store_usages(link.id, usages, T0, link_status=link.status)
        back = cache.link(link.id)
        assert back is not None
        assert back.link == link
        assert str(back.link.amount.amount) == str(link.amount.amount)
        assert cache.usages(link.id) == usages
        assert back.usage_count == len(usages)
