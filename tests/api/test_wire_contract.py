"""wire.py against Lean's published contract: its examples parse, and what we send validates."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from linkmanager.api.errors import LeanSchemaError
from linkmanager.api.wire import (
    link_to_wire,
    new_link_body,
    parse_link,
    parse_link_page,
    parse_usage,
    parse_usage_page,
    usage_to_wire,
)
from linkmanager.domain import jsontext
from linkmanager.domain.models import IdentifierConfig, NewPaymentLink, PaymentDetails
from linkmanager.domain.money import Money
from linkmanager.domain.status import IdentifierType, LinkStatus, UsageStatus

Errors = Callable[[str, Any], list[str]]


def example(spec: dict[str, Any], path: str, method: str, status: str) -> Any:
    """An example answer from the spec, re-read as exact JSON (as the client reads Lean)."""
    value = spec["paths"][path][method]["responses"][status]["content"]["application/json"]["example"]
    return jsontext.loads(json.dumps(value, default=str))


def plain(value: Any) -> Any:
    """Decimal -> float for jsonschema's 'number' check only (never for our own arithmetic)."""
    return json.loads(jsontext.dumps(value))


def test_every_example_answer_in_the_contract_parses(contract_spec: dict[str, Any]) -> None:
    link = parse_link(example(contract_spec, "/payment-links/v1/{payment_link_id}", "get", "200"))
    assert link.status is LinkStatus.ACTIVE
    assert link.amount == Money(Decimal("1500"), "AED")
    assert link.expires_at == datetime(2026, 4, 30, 23, 59, 59, tzinfo=UTC)
    assert link.identifiers == (IdentifierConfig(IdentifierType.EMAIL, "Your email address", True, None),)

    page = parse_link_page(example(contract_spec, "/payment-links/v1", "get", "200"))
    assert [lk.id for lk in page.items] == ["a1b2c3d4-e5f6-7890-abcd-ef1234567890"]
    assert (page.number, page.total_elements, page.total_pages) == (0, 1, 1)

    created = parse_link(example(contract_spec, "/payment-links/v1", "post", "201"))
    assert created.current_usages == 0

    usages = parse_usage_page(
        example(contract_spec, "/payment-links/v1/{payment_link_id}/usages", "get", "200")
    )
    assert usages.items[0].usage_status is UsageStatus.PAYMENT_CREATED
    assert usages.items[0].payment_status == "PENDING"

    usage = parse_usage(
        example(contract_spec, "/payment-links/v1/{payment_link_id}/usages/{usage_id}", "get", "200")
    )
    assert [i.value for i in usage.identifiers] == ["payer@example.com", "+971501234567"]


def test_what_we_send_to_create_a_link_matches_the_contract(contract_errors: Errors) -> None:
    full = NewPaymentLink(
        payment_details=PaymentDetails(Money(Decimal("1500.10"), "AED"), "INV-1042", None, "RNT"),
        name="April rent",
        max_usages=1,
        expires_at=datetime(2030, 4, 30, 23, 59, 59, tzinfo=UTC),
        redirect_url="https://shop.example.com/done",
        customer_id="f47ac10b-58cc-4372-a567-0e02b2c3d479",
        identifiers=(IdentifierConfig(IdentifierType.MOBILE_PHONE, "رقم الجوال", True, 20),),
    )
    body = new_link_body(full)
    assert contract_errors("CreatePaymentLinkRequest", plain(body)) == []
    assert '"amount":1500.10' in jsontext.dumps(body)
    assert body["expires_at"] == "2030-04-30T23:59:59Z"

    minimal = new_link_body(NewPaymentLink(PaymentDetails(Money(Decimal("5"), "KWD"), "R")))
    assert minimal == {"payment_details": {"reference": "R", "currency": "KWD", "amount": Decimal("5")}}
    assert contract_errors("CreatePaymentLinkRequest", plain(minimal)) == []


def test_link_and_usage_round_trip_through_lean_names(
    contract_spec: dict[str, Any], contract_errors: Errors
) -> None:
    raw = example(contract_spec, "/payment-links/v1/{payment_link_id}", "get", "200")
    link = parse_link(raw)
    again = link_to_wire(link)
    assert parse_link(again) == link
    assert contract_errors("PaymentLinkResponse", plain(again)) == []

    raw_usage = example(contract_spec, "/payment-links/v1/{payment_link_id}/usages/{usage_id}", "get", "200")
    usage = parse_usage(raw_usage)
    assert parse_usage(usage_to_wire(usage)) == usage
    assert contract_errors("PaymentLinkUsageDetails", usage_to_wire(usage)) == []


def minimal_link(**changes: Any) -> dict[str, Any]:
    link: dict[str, Any] = {
        "id": "l1",
        "link": "https://pay/1",
        "status": "ACTIVE",
        "current_usages": 0,
        "payment_details": {"reference": "R", "currency": "AED", "amount": Decimal("10.50")},
    }
    link.update(changes)
    return link


def test_missing_optional_and_unknown_extra_fields_are_accepted() -> None:
    link = parse_link(minimal_link(redirect_url=None, max_usages=None, surprise={"new": True}))
    assert link.redirect_url is None
    assert link.max_usages is None
    assert link.identifiers == ()
    assert link.amount.amount == Decimal("10.50")


def test_unknown_statuses_are_kept() -> None:
    assert parse_link(minimal_link(status="ARCHIVED")).status.value == "ARCHIVED"
    usage = parse_usage(
        {
            "usage_id": "u",
            "payment_link_id": "l",
            "usage_status": "ON_HOLD",
            "identifiers": [],
            "payment_status": "X",
        }
    )
    assert not usage.usage_status.is_known


@pytest.mark.parametrize(
    ("change", "field", "problem"),
    [
        ({"id": None}, "id", "is null"),
        ({"status": 3}, "status", "expected text"),
        ({"current_usages": "2"}, "current_usages", "whole number"),
        ({"current_usages": -1}, "current_usages", "at least 0"),
        (
            {"payment_details": {"reference": "R", "currency": "AED", "amount": "10"}},
            "payment_details.amount",
            "number",
        ),
        (
            {"payment_details": {"reference": "R", "currency": "aed", "amount": 10}},
            "payment_details.currency",
            "three",
        ),
        ({"payment_details": {"currency": "AED", "amount": 10}}, "payment_details.reference", "missing"),
        ({"expires_at": "next tuesday"}, "expires_at", "ISO-8601"),
        ({"identifiers": [{"type": "EMAIL", "required": "yes"}]}, "identifiers[0].required", "true or false"),
        ({"identifiers": {"type": "EMAIL"}}, "identifiers", "expected a list"),
    ],
)
def test_a_schema_breaking_link_names_the_field(change: dict[str, Any], field: str, problem: str) -> None:
    with pytest.raises(LeanSchemaError) as caught:
        parse_link(minimal_link(**change))
    assert caught.value.field == field
    assert problem in str(caught.value)


def test_a_broken_item_deep_in_a_page_names_its_position() -> None:
    page = {
        "content": [minimal_link(), minimal_link(id="l2", link=7)],
        "page": {"number": 2, "size": 100, "total_elements": 2, "total_pages": 3},
    }
    with pytest.raises(LeanSchemaError, match=r"links page 3: field 'content\[1\].link'"):
        parse_link_page(page, context="links page 3")


@pytest.mark.parametrize("body", [[], "text", None, {"content": []}, {"content": {}, "page": {}}])
def test_a_page_that_is_not_a_page_is_refused(body: Any) -> None:
    with pytest.raises(LeanSchemaError):
        parse_link_page(body)


def test_naive_times_from_lean_are_read_as_utc() -> None:
    link = parse_link(minimal_link(expires_at="2030-01-01T10:00:00"))
    assert link.expires_at == datetime(2030, 1, 1, 10, tzinfo=UTC)
    assert parse_link(minimal_link(expires_at="2030-01-01T14:00:00+04:00")).expires_at == link.expires_at
