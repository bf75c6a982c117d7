"""The simulator's payer on demand: POST /_sim/links/{id}/pay and Simulator.pay.

201 with the usage as Lean lists it; 409 for a link that cannot take a payment, 404 for an
unknown link, 400 for a bad outcome, all in Lean's error shape; the link's counters and its USED
transition as for the simulated payers; no token, and this machine only.
"""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from linkmanager.simulator import ApiError, Simulator
from linkmanager.simulator.payer import is_loopback
from linkmanager.simulator.routes import Request

from .conftest import LINKS, http, new_link_body


@pytest.fixture
def sim() -> Iterator[Simulator]:
    """Tokens that outlive the clock jumps below."""
    with Simulator(seed=7, links=5, token_ttl_seconds=10**8) as simulator:
        yield simulator


@pytest.fixture
def anon(sim: Simulator) -> Iterator[httpx.Client]:
    with http(sim) as client:
        yield client


def _pay(anon: httpx.Client, link_id: str, outcome: Any = "accepted", **kwargs: Any) -> httpx.Response:
    body = kwargs.pop("json", {"outcome": outcome})
    return anon.post(f"/_sim/links/{link_id}/pay", json=body, **kwargs)


def _new_link(client: httpx.Client, **extra: Any) -> str:
    response = client.post(LINKS, json=new_link_body(**extra))
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def _is_lean_error(response: httpx.Response, http_status: int) -> dict[str, Any]:
    assert response.status_code == http_status, response.text
    body: dict[str, Any] = response.json()
    assert set(body) == {"status", "message", "timestamp"}
    assert body["status"]
    assert body["message"]
    return body


@pytest.mark.parametrize(
    ("outcome", "usage_status", "payment_status", "counted"),
    [
        ("accepted", "PAYMENT_CREATED", "ACCEPTED_BY_BANK", 1),
        ("pending", "PAYMENT_CREATED", "PENDING_WITH_BANK", 1),
        ("failed", "FAILED", "FAILED", 0),
    ],
)
def test_each_outcome_answers_201_with_the_usage_lean_then_lists(
    client: httpx.Client,
    anon: httpx.Client,
    outcome: str,
    usage_status: str,
    payment_status: str,
    counted: int,
) -> None:
    link_id = _new_link(client, max_usages=5)
    response = _pay(anon, link_id, outcome)  # no token: anon
    assert response.status_code == 201, response.text
    usage = response.json()
    assert usage["payment_link_id"] == link_id
    assert (usage["usage_status"], usage["payment_status"]) == (usage_status, payment_status)
    assert usage["payment_id"]
    assert client.get(f"{LINKS}/{link_id}/usages/{usage['usage_id']}").json() == usage
    listed = client.get(f"{LINKS}/{link_id}/usages", params={"page": 0, "size": 1}).json()
    assert listed["content"] == [usage]
    assert listed["page"]["total_elements"] == 1
    link = client.get(f"{LINKS}/{link_id}").json()
    assert (link["current_usages"], link["status"]) == (counted, "ACTIVE")


def test_the_newest_payment_is_first_in_the_usages_list(client: httpx.Client, anon: httpx.Client) -> None:
    link_id = _new_link(client)
    ids = [_pay(anon, link_id, outcome).json()["usage_id"] for outcome in ("failed", "pending", "accepted")]
    listed = client.get(f"{LINKS}/{link_id}/usages").json()["content"]
    assert [u["usage_id"] for u in listed] == ids[::-1]


def test_a_link_becomes_used_at_its_limit_and_then_refuses_409(
    client: httpx.Client, anon: httpx.Client
) -> None:
    link_id = _new_link(client, max_usages=2)
    assert _pay(anon, link_id, "failed").status_code == 201  # a failed attempt takes no place
    assert _pay(anon, link_id, "accepted").status_code == 201
    assert client.get(f"{LINKS}/{link_id}").json()["status"] == "ACTIVE"
    assert _pay(anon, link_id, "accepted").status_code == 201
    link = client.get(f"{LINKS}/{link_id}").json()
    assert (link["status"], link["current_usages"]) == ("USED", 2)
    body = _is_lean_error(_pay(anon, link_id, "accepted"), 409)
    assert "USED" in body["message"]
    assert client.get(f"{LINKS}/{link_id}/usages").json()["page"]["total_elements"] == 3


def test_a_disabled_link_refuses_409_and_takes_payments_again_once_enabled(
    client: httpx.Client, anon: httpx.Client
) -> None:
    link_id = _new_link(client)
    assert client.patch(f"{LINKS}/{link_id}", json={"status": "DISABLED"}).status_code == 200
    body = _is_lean_error(_pay(anon, link_id, "failed"), 409)
    assert "DISABLED" in body["message"]
    assert client.get(f"{LINKS}/{link_id}/usages").json()["page"]["total_elements"] == 0
    assert client.patch(f"{LINKS}/{link_id}", json={"status": "ACTIVE"}).status_code == 200
    assert _pay(anon, link_id).status_code == 201


def test_an_expired_link_refuses_409(sim: Simulator, client: httpx.Client, anon: httpx.Client) -> None:
    expires = (dt.datetime.now(dt.UTC) + dt.timedelta(seconds=600)).strftime("%Y-%m-%dT%H:%M:%SZ")
    link_id = _new_link(client, expires_at=expires)
    sim.clock.advance(601)
    body = _is_lean_error(_pay(anon, link_id), 409)
    assert "EXPIRED" in body["message"]


def test_a_started_payer_holding_the_last_place_means_409(
    sim: Simulator, client: httpx.Client, anon: httpx.Client
) -> None:
    link_id = _new_link(client, max_usages=1)
    sim.state.add_usage(link_id, status="STARTED")
    body = _is_lean_error(_pay(anon, link_id), 409)
    assert "max_usages" in body["message"]


def test_an_unknown_link_is_404_in_leans_shape(anon: httpx.Client) -> None:
    assert _is_lean_error(_pay(anon, str(uuid.uuid4())), 404)["status"] == "RESOURCE_NOT_FOUND"
    assert _is_lean_error(_pay(anon, "not-a-uuid"), 404)["status"] == "RESOURCE_NOT_FOUND"


@pytest.mark.parametrize(
    "body",
    [{"outcome": "paid"}, {"outcome": 1}, {}, {"outcome": None}, ["accepted"], "accepted"],
)
def test_a_bad_or_missing_outcome_is_400_and_changes_nothing(
    client: httpx.Client, anon: httpx.Client, body: Any
) -> None:
    link_id = _new_link(client)
    _is_lean_error(_pay(anon, link_id, json=body), 400)
    assert client.get(f"{LINKS}/{link_id}/usages").json()["page"]["total_elements"] == 0


def test_malformed_json_and_an_empty_body_are_400(client: httpx.Client, anon: httpx.Client) -> None:
    link_id = _new_link(client)
    headers = {"Content-Type": "application/json"}
    _is_lean_error(anon.post(f"/_sim/links/{link_id}/pay", content=b'{"outcome": ', headers=headers), 400)
    _is_lean_error(anon.post(f"/_sim/links/{link_id}/pay", content=b"", headers=headers), 400)


def test_only_post_and_only_the_pay_path(client: httpx.Client, anon: httpx.Client) -> None:
    link_id = _new_link(client)
    assert _is_lean_error(anon.get(f"/_sim/links/{link_id}/pay"), 405)["status"] == "INVALID_HTTP_METHOD"
    assert _is_lean_error(anon.post(f"/_sim/links/{link_id}/refund", json={}), 404)["status"] == "INVALID_URL"
    assert _is_lean_error(anon.post(f"/_sim/links/{link_id}", json={}), 404)["status"] == "INVALID_URL"


def test_a_request_from_beyond_this_machine_is_refused(sim: Simulator, client: httpx.Client) -> None:
    link_id = _new_link(client)
    body = b'{"outcome": "accepted"}'
    headers = {"content-type": "application/json"}
    app = sim._app
    remote = app.handle(Request("POST", f"/_sim/links/{link_id}/pay", {}, headers, body, "192.0.2.10"))
    assert remote.status == 403
    assert sim.state.list_usages(link_id, 0, 10)["page"]["total_elements"] == 0
    local = app.handle(Request("POST", f"/_sim/links/{link_id}/pay", {}, headers, body, "::ffff:127.0.0.1"))
    assert local.status == 201
    assert is_loopback("127.0.0.1")
    assert is_loopback("::1")
    assert not is_loopback("10.0.0.1")


def test_simulator_pay_in_process(sim: Simulator, client: httpx.Client) -> None:
    link_id = _new_link(client, max_usages=1)
    usage = sim.pay(link_id, "accepted")
    assert client.get(f"{LINKS}/{link_id}/usages/{usage['usage_id']}").json() == usage
    with pytest.raises(ApiError) as used:
        sim.pay(link_id, "accepted")
    assert used.value.http_status == 409
    with pytest.raises(ApiError) as unknown:
        sim.pay(str(uuid.uuid4()), "accepted")
    assert unknown.value.http_status == 404
    with pytest.raises(ApiError) as bad:
        sim.pay(link_id, "refunded")
    assert bad.value.http_status == 400


def test_payers_at_once_never_take_more_places_than_the_link_has(
    sim: Simulator, client: httpx.Client
) -> None:
    link_id = _new_link(client, max_usages=3)
    answers: list[int] = []
    lock = threading.Lock()

    def payer() -> None:
        try:
            sim.pay(link_id, "accepted")
            code = 201
        except ApiError as exc:
            code = exc.http_status
        with lock:
            answers.append(code)

    threads = [threading.Thread(target=payer) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers) == [201] * 3 + [409] * 9
    link = client.get(f"{LINKS}/{link_id}").json()
    assert (link["status"], link["current_usages"]) == ("USED", 3)


def test_the_pay_endpoint_is_counted_and_meets_no_random_api_fault() -> None:
    with Simulator(seed=3, links=2, faults="503=1.0") as faulty, http(faulty) as anon:
        link_id = faulty.state.create_link(new_link_body())["id"]
        assert _pay(anon, link_id).status_code == 201
        assert faulty.requests[("POST", "sim_pay")] == 1
