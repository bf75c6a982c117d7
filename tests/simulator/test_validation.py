"""Every invalid create or update request is a 4xx with a Lean error body, and creates nothing."""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal
from typing import Any

import httpx
import pytest

from linkmanager.simulator import ApiError, Simulator
from linkmanager.simulator.validation import RedirectAllowList

from .conftest import LINKS, bearer, http, new_link_body

GOOD: dict[str, Any] = {
    "name": "x",
    "max_usages": 5,
    "expires_at": "2099-01-01T00:00:00Z",
    "redirect_url": "https://shop.example.com/done",
    "customer_id": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
    "payment_details": {
        "destination_id": "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d",
        "reference": "R-1",
        "currency": "AED",
        "amount": 10,
        "payment_purpose": "RNT",
    },
    "identifiers": [{"type": "TEXT", "display_label": "Unit", "required": True, "limit": 10}],
}


def _with(path: str, value: Any) -> dict[str, Any]:
    """GOOD with one field replaced (value ... deletes it); path like payment_details.amount."""
    body = copy.deepcopy(GOOD)
    *parents, leaf = path.split(".")
    node: Any = body
    for key in parents:
        node = node[int(key)] if isinstance(node, list) else node[key]
    if value is ...:
        del node[leaf]
    else:
        node[leaf] = value
    return body


REFUSED = [
    ("payment_details.amount", 0, "INVALID_PARAMETERS"),
    ("payment_details.amount", -5, "INVALID_PARAMETERS"),
    ("payment_details.amount", "10.00", "INVALID_PARAMETERS"),
    ("payment_details.amount", True, "INVALID_PARAMETERS"),
    ("payment_details.amount", 12.345, "INVALID_PARAMETERS"),
    ("payment_details.amount", 10**15, "INVALID_PARAMETERS"),
    ("payment_details.amount", ..., "MISSING_PARAMETERS"),
    ("payment_details.currency", "aed", "INVALID_PARAMETERS"),
    ("payment_details.currency", "ABC", "INVALID_PARAMETERS"),
    ("payment_details.currency", "AEDX", "INVALID_PARAMETERS"),
    ("payment_details.currency", ..., "MISSING_PARAMETERS"),
    ("payment_details.reference", ..., "MISSING_PARAMETERS"),
    ("payment_details.reference", "", "INVALID_PARAMETERS"),
    ("payment_details.reference", 42, "INVALID_PARAMETERS"),
    ("payment_details.destination_id", "acct-1", "INVALID_PARAMETERS"),
    ("payment_details.payment_purpose", "XYZ", "INVALID_PARAMETERS"),
    ("payment_details.payment_purpose", "rnt", "INVALID_PARAMETERS"),
    ("payment_details", ..., "MISSING_PARAMETERS"),
    ("payment_details", None, "MISSING_PARAMETERS"),
    ("payment_details", "AED 10", "INVALID_PARAMETERS"),
    ("expires_at", "2001-01-01T00:00:00Z", "INVALID_PARAMETERS"),
    ("expires_at", "2099-01-01", "INVALID_PARAMETERS"),
    ("expires_at", "2099-01-01T00:00:00", "INVALID_PARAMETERS"),
    ("expires_at", "2099-13-01T00:00:00Z", "INVALID_PARAMETERS"),
    ("expires_at", "tomorrow", "INVALID_PARAMETERS"),
    ("expires_at", "9999-12-31T23:59:59-01:00", "INVALID_PARAMETERS"),
    ("expires_at", 4102444800, "INVALID_PARAMETERS"),
    ("max_usages", 0, "INVALID_PARAMETERS"),
    ("max_usages", -1, "INVALID_PARAMETERS"),
    ("max_usages", 1.5, "INVALID_PARAMETERS"),
    ("max_usages", "3", "INVALID_PARAMETERS"),
    ("max_usages", 2**31, "INVALID_PARAMETERS"),
    ("identifiers.0.type", "PASSPORT", "INVALID_PARAMETERS"),
    ("identifiers.0.type", "email", "INVALID_PARAMETERS"),
    ("identifiers.0.type", ..., "MISSING_PARAMETERS"),
    ("identifiers.0.limit", 0, "INVALID_PARAMETERS"),
    ("identifiers.0.limit", 256, "INVALID_PARAMETERS"),
    ("identifiers.0.required", "yes", "INVALID_PARAMETERS"),
    ("identifiers", {"type": "EMAIL"}, "INVALID_PARAMETERS"),
    ("identifiers", ["EMAIL"], "INVALID_PARAMETERS"),
    ("redirect_url", "http://shop.example.com/done", "INVALID_PARAMETERS"),
    ("redirect_url", "/done", "INVALID_PARAMETERS"),
    ("redirect_url", "https://unregistered.invalid/return", "INVALID_PARAMETERS"),
    ("redirect_url", "https://shop.example.com.evil.test/", "INVALID_PARAMETERS"),
    ("redirect_url", "https://user@shop.example.com/", "INVALID_PARAMETERS"),
    ("customer_id", "customer-42", "INVALID_PARAMETERS"),
    ("customer_id", 42, "INVALID_PARAMETERS"),
    ("name", 42, "INVALID_PARAMETERS"),
]


def test_the_good_body_is_accepted(client: httpx.Client) -> None:
    assert client.post(LINKS, json=GOOD).status_code == 201


@pytest.mark.parametrize(("path", "value", "status"), REFUSED, ids=[f"{p}={v!r}" for p, v, _ in REFUSED])
def test_create_refusals(sim: Simulator, client: httpx.Client, path: str, value: Any, status: str) -> None:
    before = sim.state.link_count()
    response = client.post(LINKS, json=_with(path, value))
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["status"] == status
    assert path.split(".")[-1] in body["message"] or path.split(".")[0] in body["message"]
    assert body["timestamp"].endswith("Z")
    assert sim.state.link_count() == before


@pytest.mark.parametrize(
    ("currency", "amount"),
    [("AED", "12.34"), ("KWD", "12.345"), ("JPY", "1200"), ("AED", "1E+3"), ("SAR", "0.01")],
)
def test_amounts_within_currency_digits_are_accepted(
    client: httpx.Client, currency: str, amount: str
) -> None:
    raw = f'{{"payment_details":{{"reference":"R","currency":"{currency}","amount":{amount}}}}}'
    response = client.post(LINKS, content=raw, headers={"Content-Type": "application/json"})
    assert response.status_code == 201, response.text


@pytest.mark.parametrize(
    ("currency", "amount"), [("AED", "12.345"), ("AED", "10.500"), ("KWD", "1.0001"), ("JPY", "1.5")]
)
def test_more_decimals_than_the_currency_allows(client: httpx.Client, currency: str, amount: str) -> None:
    raw = f'{{"payment_details":{{"reference":"R","currency":"{currency}","amount":{amount}}}}}'
    response = client.post(LINKS, content=raw, headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert "decimal places" in response.json()["message"]


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        (b"{not json", "INVALID_PARAMETERS"),
        (b"[1, 2]", "INVALID_PARAMETERS"),
        (b'"text"', "INVALID_PARAMETERS"),
        (b"null", "INVALID_PARAMETERS"),
        (b'{"payment_details": {"reference": "R", "currency": "AED", "amount": NaN}}', "INVALID_PARAMETERS"),
        (b"\xff\xfe{}", "INVALID_PARAMETERS"),
        (b"[" * 50_000, "INVALID_PARAMETERS"),
        (b"", "MISSING_PARAMETERS"),
    ],
)
def test_malformed_bodies(client: httpx.Client, raw: bytes, status: str) -> None:
    response = client.post(LINKS, content=raw, headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.json()["status"] == status


def test_non_json_content_type_is_415(client: httpx.Client) -> None:
    response = client.post(
        LINKS, content=b"amount=10", headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert response.status_code == 415
    assert response.json()["status"] == "UNSUPPORTED_MEDIA_TYPE"


def test_oversized_body_is_413(client: httpx.Client) -> None:
    response = client.post(
        LINKS, content=b" " * (1024 * 1024 + 1), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413


def test_explicit_null_max_usages_gets_the_default(client: httpx.Client) -> None:
    assert client.post(LINKS, json=new_link_body(max_usages=None)).json()["max_usages"] == 1000


def test_custom_allow_list() -> None:
    with Simulator(links=0, redirect_allow_list=["https://pay.example.org/return/"]) as sim:
        ok = sim.state.create_link(new_link_body(redirect_url="https://pay.example.org/return/42"))
        assert ok["redirect_url"] == "https://pay.example.org/return/42"
        assert sim.state.create_link(new_link_body())["redirect_url"] == "https://pay.example.org/return/"
        with pytest.raises(ApiError, match="not registered"):
            sim.state.create_link(new_link_body(redirect_url="https://pay.example.org/elsewhere"))
    with pytest.raises(ValueError, match="https"):
        Simulator(links=0, redirect_allow_list=["http://plain.example/"])


def test_expiry_must_be_in_the_future_of_the_simulated_clock(sim: Simulator) -> None:
    body = new_link_body(expires_at="2099-01-01T00:00:00Z")
    assert sim.state.create_link(body)["expires_at"] == dt.datetime(2099, 1, 1, tzinfo=dt.UTC)
    sim.clock.advance(100 * 365 * 86400)
    with pytest.raises(ApiError, match="future") as refused:
        sim.state.create_link(body)
    assert refused.value.http_status == 400


def test_a_float_amount_from_python_is_a_bug_not_a_400(sim: Simulator) -> None:
    before = sim.state.link_count()
    with pytest.raises(TypeError, match="float"):
        sim.state.create_link(
            new_link_body(payment_details={"reference": "R", "currency": "AED", "amount": 10.5})
        )
    assert sim.state.link_count() == before
    for amount in (10, Decimal("10.50")):
        body = new_link_body(payment_details={"reference": "R", "currency": "AED", "amount": amount})
        assert sim.state.create_link(body)["payment_details"]["amount"] == Decimal(amount)


NON_PAYMENT = ["XXX", "XTS", "XAU", "XAG", "XPT", "XPD", "XDR", "XSU", "XUA", "XBA", "XBB", "XBC", "XBD"]


@pytest.mark.parametrize("currency", NON_PAYMENT)
def test_codes_nobody_pays_in_are_refused(sim: Simulator, client: httpx.Client, currency: str) -> None:
    before = sim.state.link_count()
    body = new_link_body(payment_details={"reference": "R", "currency": currency, "amount": 10})
    response = client.post(LINKS, json=body)
    assert response.status_code == 400
    assert response.json()["status"] == "INVALID_PARAMETERS"
    assert "currency" in response.json()["message"]
    assert sim.state.link_count() == before


@pytest.mark.parametrize("currency", ["XOF", "XAF", "XCD", "XPF"])
def test_real_x_currencies_are_accepted(client: httpx.Client, currency: str) -> None:
    body = new_link_body(payment_details={"reference": "R", "currency": currency, "amount": 10})
    response = client.post(LINKS, json=body)
    assert response.status_code == 201, response.text
    assert response.json()["payment_details"]["currency"] == currency


SCOPED = RedirectAllowList(["https://shop.example.com/payments/", "https://pay.example.org/return"])


@pytest.mark.parametrize(
    "url",
    [
        "https://shop.example.com/payments/../admin",
        "https://shop.example.com/payments/%2e%2e/admin",
        "https://shop.example.com/payments/%2E%2E/admin",
        "https://shop.example.com/payments/..",
        "https://shop.example.com/payments\\..\\admin",
        "https://shop.example.com/payments/ok/../../admin",
        "https://shop.example.com/admin",
        "https://shop.example.com/payments",
        "https://pay.example.org/returned",
        "https://pay.example.org/return/../x",
    ],
)
def test_path_scoped_allow_list_refuses_escapes(url: str) -> None:
    assert not SCOPED.allows(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://shop.example.com/payments/",
        "https://shop.example.com/payments/done?order=1",
        "https://shop.example.com/payments/./done",
        "https://shop.example.com/payments//done",
        "https://shop.example.com/payments/%64one",
        "https://pay.example.org/return",
        "https://pay.example.org/return/42",
    ],
)
def test_path_scoped_allow_list_allows_what_is_under_it(url: str) -> None:
    assert SCOPED.allows(url)


def test_redirect_escaping_a_scoped_entry_is_400() -> None:
    scoped = Simulator(links=0, redirect_allow_list=["https://shop.example.com/payments/"])
    with scoped as sim, http(sim, headers=bearer(sim)) as client:
        escape = client.post(
            LINKS, json=new_link_body(redirect_url="https://shop.example.com/payments/../admin")
        )
        fine = client.post(LINKS, json=new_link_body(redirect_url="https://shop.example.com/payments/42"))
    assert escape.status_code == 400
    assert "redirect_url" in escape.json()["message"]
    assert fine.status_code == 201
    assert sim.state.link_count() == 1


def test_allow_list_entries_cannot_climb() -> None:
    with pytest.raises(ValueError, match=r"\.\."):
        RedirectAllowList(["https://shop.example.com/payments/../"])
