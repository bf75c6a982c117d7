"""The create form's rules: everything Lean would refuse is refused here first, in words."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linkmanager.domain.choices import currency_choices, purpose_choices
from linkmanager.domain.link_draft import (
    DraftError,
    IdentifierDraft,
    LinkDraft,
    copy_name,
    duplicate_of,
    parse_amount,
    parse_expiry,
    to_request,
    validate,
)
from linkmanager.domain.models import IdentifierConfig, PaymentDetails, PaymentLink
from linkmanager.domain.money import Money, currency_digits
from linkmanager.domain.status import IdentifierType, LinkStatus

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
GOOD = LinkDraft(amount="1500.00", currency="AED", reference="INV-1042")
CUSTOMER = "f47ac10b-58cc-4372-a567-0e02b2c3d479"


def errors_of(**fields: object) -> dict[str, str]:
    return validate(replace(GOOD, **fields), NOW)  # type: ignore[arg-type]


def test_a_minimal_draft_is_valid_and_leaves_lean_its_defaults() -> None:
    assert validate(GOOD, NOW) == {}
    request = to_request(GOOD, NOW)
    assert request.payment_details == PaymentDetails(Money(Decimal("1500.00"), "AED"), "INV-1042")
    assert (request.name, request.max_usages, request.expires_at, request.redirect_url) == (None,) * 4
    assert request.identifiers == ()


def test_every_field_reaches_the_request() -> None:
    draft = LinkDraft(
        amount="1,500.5",
        currency="AED",
        reference=" INV-1042 ",
        name="April rent",
        payment_purpose="RNT",
        destination_id="9B1DEB4D-3B7D-4BAD-9BDD-2B0D7B3DCB6D",
        expires_at=NOW + timedelta(days=30),
        max_usages="1,000",
        redirect_url="https://shop.example.com/thanks?order=42",
        customer_id=CUSTOMER.upper(),
        identifiers=(IdentifierDraft("EMAIL", "Your email", True, 80), IdentifierDraft("TEXT")),
    )
    request = to_request(draft, NOW)
    assert request.payment_details.amount == Money(Decimal("1500.50"), "AED")
    assert str(request.payment_details.amount.amount) == "1500.50"  # the currency's digits on the wire
    assert request.payment_details.reference == "INV-1042"
    assert request.payment_details.payment_purpose == "RNT"
    assert request.payment_details.destination_id == "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d"
    assert request.max_usages == 1000
    assert request.customer_id == CUSTOMER
    assert request.identifiers == (
        IdentifierConfig(IdentifierType.EMAIL, "Your email", True, 80),
        IdentifierConfig(IdentifierType.TEXT, None, False, None),
    )


@pytest.mark.parametrize(
    ("amount", "currency", "words"),
    [
        ("", "AED", "Enter the amount"),
        ("0", "AED", "more than zero"),
        ("0.00", "AED", "more than zero"),
        ("-5", "AED", "digits and a point"),
        ("1,5", "AED", "digits and a point"),  # a decimal comma is not guessed at
        ("12.345", "AED", "AED amounts have at most 2 decimal places; 12.345 has 3."),
        ("12.5", "JPY", "JPY amounts have no decimals"),
        ("1.2345", "KWD", "at most 3 decimal places"),
        ("1e3", "AED", "digits and a point"),
        ("NaN", "AED", "digits and a point"),
        ("1000000000000000", "AED", "too large"),
    ],
)
def test_amounts_lean_would_refuse(amount: str, currency: str, words: str) -> None:
    assert words in errors_of(amount=amount, currency=currency)["amount"]


@pytest.mark.parametrize(("amount", "currency"), [("12.34", "AED"), ("12.345", "KWD"), ("12.3", "KWD"),
                                                  ("100", "JPY"), ("1200.", "JPY"), ("5.", "AED")])  # fmt: skip
def test_amounts_are_sent_with_the_currencys_digits(amount: str, currency: str) -> None:
    sent = parse_amount(amount, currency)
    assert -sent.as_tuple().exponent == currency_digits(currency)  # type: ignore[operator]
    assert sent == Decimal(amount.rstrip("."))


@pytest.mark.parametrize(
    ("amount", "currency", "words"),
    [
        # Lean counts the decimals written, and "1.500" is fifteen hundred where a point groups
        # thousands: a zero past the currency's digits is refused, never quietly dropped.
        ("12.340", "AED", "AED amounts have at most 2 decimal places; 12.340 has 3."),
        ("1.500", "AED", "1.500 has 3"),
        ("100.0", "JPY", "JPY amounts have no decimals; 100.0 has 1."),
        ("1.5000", "KWD", "at most 3 decimal places"),
    ],
)
def test_zeros_past_the_currencys_digits_are_refused(amount: str, currency: str, words: str) -> None:
    with pytest.raises(ValueError, match="amounts have") as caught:
        parse_amount(amount, currency)
    assert words in str(caught.value)


@pytest.mark.parametrize("currency", ["KWD", "BHD", "OMR"])
def test_grouping_that_reads_as_decimals_in_a_three_digit_currency_is_refused(currency: str) -> None:
    # "12,500" is twelve thousand five hundred, or twelve and a half where a comma marks decimals.
    with pytest.raises(ValueError, match="two ways") as caught:
        parse_amount("12,500", currency)
    assert "12500" in str(caught.value)
    assert parse_amount("12,500.000", currency) == Decimal("12500.000")  # the point settles it
    assert parse_amount("12500", currency) == Decimal("12500.000")


def test_grouping_that_reads_one_way_is_accepted() -> None:
    assert parse_amount("12,500", "AED") == Decimal("12500.00")  # 12.500 is no AED amount
    assert parse_amount("1,500,000", "JPY") == Decimal("1500000")


@given(
    cents=st.integers(min_value=1, max_value=10**14),
    currency=st.sampled_from(["AED", "SAR", "KWD", "BHD", "JPY", "USD"]),
)
def test_any_amount_with_the_currencys_digits_is_kept_exactly(cents: int, currency: str) -> None:
    amount = Decimal(cents).scaleb(-currency_digits(currency))
    assert parse_amount(format(amount, "f"), currency) == amount


@given(extra=st.integers(min_value=1, max_value=9), currency=st.sampled_from(["AED", "KWD", "JPY"]))
def test_one_digit_too_many_is_always_refused(extra: int, currency: str) -> None:
    text = "1." + "0" * currency_digits(currency) + str(extra)
    with pytest.raises(ValueError, match=f"{currency} amounts have"):
        parse_amount(text, currency)


@pytest.mark.parametrize("currency", ["", "aed", "ABC", "XAU", "XXX", "AE"])
def test_unknown_or_unpayable_currencies(currency: str) -> None:
    assert "ISO 4217" in errors_of(currency=currency)["currency"]


@pytest.mark.parametrize(
    ("reference", "words"), [("", "Enter a reference"), ("  ", "Enter"), ("a\nb", "line")]
)
def test_reference_is_required_and_single_line(reference: str, words: str) -> None:
    assert words in errors_of(reference=reference)["reference"]


@pytest.mark.parametrize(
    "url",
    [
        "http://shop.example.com/",
        "shop.example.com/thanks",
        "/thanks",
        "https://",
        "https://user@shop.example.com/",
        "https://shop.example.com/a b",
        "https://shop.example.com:99999/",
        "javascript:alert(1)",
    ],
)
def test_redirect_url_must_be_absolute_https(url: str) -> None:
    assert "https://" in errors_of(redirect_url=url)["redirect_url"]


def test_expiry_must_be_in_the_future() -> None:
    assert "passed" in errors_of(expires_at=NOW)["expires_at"]
    assert "passed" in errors_of(expires_at=NOW - timedelta(minutes=1))["expires_at"]
    assert errors_of(expires_at=NOW + timedelta(minutes=1)) == {}


@pytest.mark.parametrize(("text", "words"), [("0", "at least 1"), ("-1", "at least 1"), ("1.5", "whole"),
                                             ("abc", "whole"), ("2147483648", "at most 2,147,483,647")])  # fmt: skip
def test_usage_limit_is_a_whole_number_from_1(text: str, words: str) -> None:
    assert words in errors_of(max_usages=text)["max_usages"]


def test_usage_limit_accepts_grouping_and_defaults_to_leans() -> None:
    assert to_request(GOOD, NOW).max_usages is None
    assert to_request(replace(GOOD, max_usages="2,500"), NOW).max_usages == 2500


@pytest.mark.parametrize("text", ["42", "not-a-uuid", CUSTOMER + "0", CUSTOMER.replace("-", "")])
def test_customer_and_destination_ids_are_uuids(text: str) -> None:
    assert "UUID" in errors_of(customer_id=text)["customer_id"]
    assert "UUID" in errors_of(destination_id=text)["destination_id"]


def test_payment_purpose_is_one_of_leans_codes_and_says_what_they_mean() -> None:
    message = errors_of(payment_purpose="XYZ")["payment_purpose"]
    assert "RNT (Rent payments)" in message
    assert errors_of(payment_purpose="GDS") == {}
    assert dict(purpose_choices())["FIS"] == "Financial services"


def test_identifier_rows_are_checked_one_by_one() -> None:
    rows = (
        IdentifierDraft("EMAIL", "Email", True, 255),
        IdentifierDraft("FAX"),
        IdentifierDraft("TEXT", "Order", False, 0),
        IdentifierDraft("TEXT", "Note", False, 256),
        IdentifierDraft("MOBILE_PHONE", "Phone\tnumber", False, 1),
    )
    errors = errors_of(identifiers=rows)
    assert set(errors) == {
        "identifiers[1].type",
        "identifiers[2].limit",
        "identifiers[3].limit",
        "identifiers[4].display_label",
    }
    assert "EMAIL, MOBILE_PHONE, TEXT" in errors["identifiers[1].type"]
    assert "from 1 to 255" in errors["identifiers[2].limit"]


def test_to_request_refuses_with_every_problem() -> None:
    with pytest.raises(DraftError) as caught:
        to_request(LinkDraft(amount="12.345", currency="AED", reference=""), NOW)
    assert set(caught.value.errors) == {"amount", "reference"}
    assert str(caught.value) == caught.value.errors["amount"]


@pytest.mark.parametrize("zone", [None, ZoneInfo("Europe/London")])
def test_an_expiry_without_offset_follows_the_zones_daylight_saving(
    london: None, zone: tzinfo | None
) -> None:
    # Whatever today's offset is, each date gets its own: 18:00 in July is 17:00 UTC (BST).
    assert parse_expiry("2099-07-15T18:00", zone) == datetime(2099, 7, 15, 17, 0, tzinfo=UTC)
    assert parse_expiry("2099-01-15T18:00", zone) == datetime(2099, 1, 15, 18, 0, tzinfo=UTC)


@pytest.mark.parametrize("zone", [None, ZoneInfo("Europe/London")])
def test_a_local_time_that_does_not_exist_or_happens_twice_is_refused(
    london: None, zone: tzinfo | None
) -> None:
    with pytest.raises(ValueError, match="does not exist") as gap:
        parse_expiry("2099-03-29T01:30", zone)  # the clocks go from 01:00 to 02:00
    assert "offset" in str(gap.value)
    with pytest.raises(ValueError, match="twice") as fold:
        parse_expiry("2099-10-25T01:30", zone)  # 01:30 BST, then 01:30 GMT
    assert "+01:00" in str(fold.value)
    assert parse_expiry("2099-10-25T01:30+00:00", zone) == datetime(2099, 10, 25, 1, 30, tzinfo=UTC)


def test_expiry_text_with_and_without_an_offset() -> None:
    dubai = timezone(timedelta(hours=4))
    assert parse_expiry("2026-07-01T18:00+04:00", UTC) == datetime(2026, 7, 1, 14, 0, tzinfo=UTC)
    assert parse_expiry("2026-07-01T14:00Z", dubai) == datetime(2026, 7, 1, 14, 0, tzinfo=UTC)
    assert parse_expiry("2026-07-01T18:00", dubai) == datetime(2026, 7, 1, 14, 0, tzinfo=UTC)  # local
    for bad in ("2026-07-01", "tomorrow", "2026-13-01T10:00"):
        with pytest.raises(ValueError, match="2026-07-01T18:00"):
            parse_expiry(bad, UTC)


# -- duplicating ---------------------------------------------------------------------------------


def used_link(**fields: object) -> PaymentLink:
    values: dict[str, object] = {
        "id": "pl_1",
        "url": "https://pay.example/pl_1",
        "status": LinkStatus.USED,
        "current_usages": 1,
        "payment_details": PaymentDetails(Money(Decimal("1500"), "KWD"), "RENT-APR", None, "RNT"),
        "name": "April rent",
        "max_usages": 1,
        "expires_at": NOW - timedelta(days=1),
        "redirect_url": "https://shop.example.com/done",
        "customer_id": CUSTOMER,
        "identifiers": (IdentifierConfig(IdentifierType.EMAIL, "Your email", True, 80),),
    }
    values.update(fields)
    return PaymentLink(**values)  # type: ignore[arg-type]


def test_duplicate_keeps_the_payment_and_clears_a_passed_expiry() -> None:
    draft = duplicate_of(used_link(), NOW)
    assert draft == LinkDraft(
        amount="1500.000",  # KWD has three decimals
        currency="KWD",
        reference="RENT-APR",
        name="April rent (copy)",
        payment_purpose="RNT",
        expires_at=None,
        max_usages="1",
        redirect_url="https://shop.example.com/done",
        customer_id=CUSTOMER,
        identifiers=(IdentifierDraft("EMAIL", "Your email", True, 80),),
    )
    assert validate(draft, NOW) == {}


def test_duplicate_keeps_a_future_expiry_and_names_an_unnamed_link_by_reference() -> None:
    later = NOW + timedelta(days=3)
    draft = duplicate_of(used_link(expires_at=later, name=None, max_usages=None), NOW)
    assert draft.expires_at == later
    assert draft.name == "RENT-APR (copy)"
    assert draft.max_usages == ""  # no limit cannot be asked for: Lean's default applies


def test_duplicate_never_rounds_an_amount_lean_holds() -> None:
    draft = duplicate_of(used_link(payment_details=PaymentDetails(Money(Decimal("1.2345"), "AED"), "R")), NOW)
    assert draft.amount == "1.2345"
    assert "amount" in validate(draft, NOW)  # shown, and refused, rather than silently changed


def test_copy_names_count_up() -> None:
    assert copy_name("Rent") == "Rent (copy)"
    assert copy_name("Rent (copy)") == "Rent (copy 2)"
    assert copy_name("Rent (copy 2)") == "Rent (copy 3)"


def test_the_currency_list_puts_leans_markets_first_and_only_lists_current_money() -> None:
    codes = [code for code, _ in currency_choices()]
    assert codes[:2] == ["AED", "SAR"]
    assert {"KWD", "BHD", "OMR", "USD", "EUR", "JPY"} <= set(codes)
    assert not {"DEM", "XAU", "XXX"} & set(codes)
    assert len(codes) == len(set(codes))
    assert dict(currency_choices())["AED"] == "United Arab Emirates Dirham"
