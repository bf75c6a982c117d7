"""Error answers become typed exceptions; answers that break the contract become LeanSchemaError."""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from linkmanager.api import (
    BadRequestError,
    LeanClient,
    LeanSchemaError,
    NotFoundError,
    PermissionDeniedError,
)
from linkmanager.domain import LinkStatus, NewPaymentLink, jsontext
from linkmanager.simulator import Simulator

LINKS = "/payment-links/v1"
LINK_ID = "a1b2c3d4-e5f6-7890-abcd-ef1234567890"
LINK: dict[str, Any] = {
    "id": LINK_ID,
    "link": "https://secure.leantech.me/pay/bed3bf92-3b0a-4f75-8cf2-94355bbb915a",
    "status": "ACTIVE",
    "current_usages": 0,
    "name": "April Rent Collection",
    "max_usages": 1,
    "expires_at": "2026-04-30T23:59:59Z",
    "redirect_url": "https://your.domain.com/payments/complete",
    "customer_id": None,
    "payment_details": {"reference": "RENT-APR-2024", "currency": "AED", "amount": Decimal("1500.00")},
    "identifiers": [{"type": "EMAIL", "display_label": "Your email address", "required": True}],
}


def link_with(**changes: Any) -> dict[str, Any]:
    link = copy.deepcopy(LINK)
    for key, value in changes.items():
        target, _, leaf = key.rpartition("__")
        holder = link[target] if target else link
        if value is ...:
            del holder[leaf]
        else:
            holder[leaf] = value
    return link


def page_of(*links: Any, total: int | None = None) -> bytes:
    count = len(links) if total is None else total
    meta = {"number": 0, "size": 100, "total_elements": count, "total_pages": 1}
    return jsontext.dumps({"content": list(links), "page": meta}).encode()


def answer(sim: Simulator, method: str, path: str, body: bytes | dict[str, Any], status: int = 200) -> None:
    raw = body if isinstance(body, bytes) else jsontext.dumps(body).encode()
    sim.override_next(method, path, status, raw, {"Content-Type": "application/json"})


# -- Lean's refusals ---------------------------------------------------------------------------------


def test_unknown_link_is_not_found_with_leans_words(client: LeanClient) -> None:
    with pytest.raises(NotFoundError) as info:
        client.get_link(str(uuid.uuid4()))
    error = info.value
    assert error.http_status == 404
    assert error.lean_status == "RESOURCE_NOT_FOUND"
    assert error.lean_message
    assert "not found" in error.lean_message
    assert error.lean_message in str(error)


def test_invalid_create_is_a_bad_request(client: LeanClient, new_link: Callable[..., NewPaymentLink]) -> None:
    with pytest.raises(BadRequestError) as info:
        client.create_link(new_link(amount="0"))
    assert info.value.http_status == 400
    assert info.value.lean_status == "INVALID_PARAMETERS"
    assert "POST /payment-links/v1" in str(info.value)


def test_terminal_link_cannot_change_status(sim: Simulator, client: LeanClient) -> None:
    expired = sim.state.link_ids(status="EXPIRED")[0]
    with pytest.raises(BadRequestError, match="cannot change status"):
        client.set_status(expired, LinkStatus.ACTIVE)


def test_forbidden_is_permission_denied(sim: Simulator, client: LeanClient) -> None:
    body = {"status": "INSUFFICIENT_ACCESS_LEVEL", "message": "This application cannot manage payment links"}
    answer(sim, "GET", LINKS, body, status=403)
    with pytest.raises(PermissionDeniedError) as info:
        client.list_links()
    assert info.value.lean_status == "INSUFFICIENT_ACCESS_LEVEL"
    assert "cannot manage payment links" in str(info.value)


@pytest.mark.parametrize("body", [b"<html><h1>Not Found</h1></html>", b'{"error_code": 7}', b"[1, 2]"])
def test_error_bodies_without_leans_status_are_kept_raw(
    sim: Simulator, client: LeanClient, body: bytes
) -> None:
    answer(sim, "GET", f"{LINKS}/{LINK_ID}", body, status=404)
    with pytest.raises(NotFoundError) as info:
        client.get_link(LINK_ID)
    assert info.value.lean_status is None
    assert info.value.lean_message is None
    assert info.value.raw_body == body.decode()
    if body.startswith(b"<"):
        assert "an HTML error page instead of Lean's JSON" in str(info.value)
    else:
        assert body.decode()[:20] in str(info.value)


# -- answers that break the contract -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "field", "problem"),
    [
        (
            link_with(payment_details__amount="1500.00"),
            "payment_details.amount",
            "expected a number, got text",
        ),
        (link_with(id=...), "id", "missing"),
        (link_with(current_usages=Decimal("1.5")), "current_usages", "expected a whole number"),
        (link_with(identifiers={"type": "EMAIL"}), "identifiers", "expected a list"),
        (["not", "an", "object"], "<root>", "expected an object"),
        (b"<html>Service Unavailable</html>", "<body>", "not JSON"),
        (b"", "<body>", "empty answer"),
    ],
)
def test_broken_link_answers_name_the_field(
    sim: Simulator, client: LeanClient, body: Any, field: str, problem: str
) -> None:
    answer(sim, "GET", f"{LINKS}/{LINK_ID}", body)
    with pytest.raises(LeanSchemaError) as info:
        client.get_link(LINK_ID)
    assert info.value.field == field
    assert problem in info.value.problem
    assert field in str(info.value)


def test_content_that_is_not_a_list(sim: Simulator, client: LeanClient) -> None:
    body = {
        "content": {"id": LINK_ID},
        "page": {"number": 0, "size": 100, "total_elements": 1, "total_pages": 1},
    }
    answer(sim, "GET", LINKS, body)
    with pytest.raises(LeanSchemaError) as info:
        client.list_links()
    assert info.value.field == "content"


def test_a_broken_third_page_returns_nothing(
    start_sim: Callable[..., Simulator], make_client: Callable[..., LeanClient]
) -> None:
    sim = start_sim(links=250)
    broken = link_with(status=...)
    answer(sim, "GET", f"{LINKS}?page=2&size=100", page_of(LINK, LINK, broken, total=250))
    client = make_client(sim)
    with pytest.raises(LeanSchemaError) as info:
        client.list_links()
    assert info.value.field == "content[2].status"
    assert info.value.context == "links page 2"
    assert sim.requests[("GET", "list_links")] == 3


def test_unknown_values_and_extra_fields_are_kept_or_ignored(sim: Simulator, client: LeanClient) -> None:
    body = link_with(status="ARCHIVED", colour="teal", payment_details__fx_rate=Decimal("3.6725"))
    body["identifiers"].append({"type": "NATIONAL_ID", "required": False, "hint": "new in v2"})
    del body["redirect_url"], body["max_usages"], body["name"]
    answer(sim, "GET", f"{LINKS}/{LINK_ID}", body)
    link = client.get_link(LINK_ID)
    assert link.status.value == "ARCHIVED"
    assert not link.status.is_known
    assert link.identifiers[1].type.value == "NATIONAL_ID"
    assert link.redirect_url is None
    assert link.max_usages is None
    assert link.name is None
    assert str(link.amount.amount) == "1500.00"


def test_unknown_usage_statuses_are_kept(sim: Simulator, client: LeanClient) -> None:
    usage = {
        "usage_id": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
        "payment_link_id": LINK_ID,
        "usage_status": "REFUNDED",
        "payment_status": "SETTLEMENT_HOLD",
        "identifiers": [],
        "device": "ios",
    }
    answer(sim, "GET", f"{LINKS}/{LINK_ID}/usages", page_of(usage))
    (only,) = client.list_usages(LINK_ID)
    assert only.usage_status.value == "REFUNDED"
    assert only.payment_status == "SETTLEMENT_HOLD"
