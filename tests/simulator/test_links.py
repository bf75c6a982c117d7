"""Reading links: paging, ordering, single links, unknown ids and URLs, keep-alive."""

from __future__ import annotations

import http.client
import json
import socket

import httpx
import pytest

from linkmanager.simulator import Simulator
from linkmanager.simulator.routes import Route, resolve

from .conftest import LINKS, new_link_body


def _all_pages(client: httpx.Client, path: str, size: int) -> tuple[list[dict], dict]:
    items: list[dict] = []
    page = 0
    while True:
        body = client.get(path, params={"page": page, "size": size}).json()
        items.extend(body["content"])
        page += 1
        if page >= body["page"]["total_pages"]:
            return items, body["page"]


def test_paging_totals_across_many_pages(client: httpx.Client) -> None:
    links, meta = _all_pages(client, LINKS, 7)
    assert meta == {"number": 8, "size": 7, "total_elements": 60, "total_pages": 9}
    assert len(links) == 60
    assert len({link["id"] for link in links}) == 60


def test_default_page_size_is_50(client: httpx.Client) -> None:
    body = client.get(LINKS).json()
    assert body["page"] == {"number": 0, "size": 50, "total_elements": 60, "total_pages": 2}
    assert len(body["content"]) == 50
    assert len(client.get(LINKS, params={"page": 1}).json()["content"]) == 10


def test_page_past_the_end_is_empty(client: httpx.Client) -> None:
    body = client.get(LINKS, params={"page": 99, "size": 100}).json()
    assert body["content"] == []
    assert body["page"]["total_elements"] == 60


def test_newest_first_so_a_new_link_shifts_pages(client: httpx.Client) -> None:
    first = client.get(LINKS, params={"size": 10}).json()["content"]
    created = client.post(LINKS, json=new_link_body()).json()
    again = client.get(LINKS, params={"size": 10}).json()["content"]
    assert again[0]["id"] == created["id"]
    assert [x["id"] for x in again[1:]] == [x["id"] for x in first[:9]]
    page_two = client.get(LINKS, params={"page": 1, "size": 10}).json()["content"]
    assert page_two[0]["id"] == first[9]["id"]


@pytest.mark.parametrize(
    "params",
    [
        {"size": 0},
        {"size": 101},
        {"size": "ten"},
        {"size": ""},
        {"page": -1},
        {"page": "1.5"},
        {"page": "x"},
    ],
)
@pytest.mark.parametrize("which", ["links", "usages"])
def test_bad_paging_is_400(sim: Simulator, client: httpx.Client, params: dict, which: str) -> None:
    path = LINKS if which == "links" else f"{LINKS}/{sim.state.link_ids()[0]}/usages"
    response = client.get(path, params=params)
    assert response.status_code == 400
    assert response.json()["status"] == "INVALID_PARAMETERS"


def test_size_100_is_allowed(client: httpx.Client) -> None:
    assert len(client.get(LINKS, params={"size": 100}).json()["content"]) == 60


def test_get_one_link_matches_the_list(client: httpx.Client) -> None:
    listed = client.get(LINKS, params={"size": 5}).json()["content"]
    for link in listed:
        response = client.get(f"{LINKS}/{link['id']}")
        assert response.status_code == 200
        assert response.json() == link


def test_uppercase_id_finds_the_link(client: httpx.Client) -> None:
    link = client.get(LINKS, params={"size": 1}).json()["content"][0]
    assert client.get(f"{LINKS}/{link['id'].upper()}").json()["id"] == link["id"]


@pytest.mark.parametrize(
    "path",
    [
        f"{LINKS}/00000000-0000-4000-8000-000000000000",
        f"{LINKS}/not-a-uuid",
        f"{LINKS}/00000000-0000-4000-8000-000000000000/usages",
        f"{LINKS}/not-a-uuid/usages",
        f"{LINKS}/00000000-0000-4000-8000%2F000000000000",
    ],
)
def test_unknown_or_malformed_ids_are_404(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.json()["status"] == "RESOURCE_NOT_FOUND"
    assert response.json()["timestamp"].endswith("Z")


def test_unknown_usage_is_404(sim: Simulator, client: httpx.Client) -> None:
    link_ids = sim.state.link_ids()
    other = next(i for i in link_ids if sim.state.list_usages(i, 0, 1)["content"])
    usage_id = sim.state.list_usages(other, 0, 1)["content"][0]["usage_id"]
    assert client.get(f"{LINKS}/{other}/usages/{usage_id}").status_code == 200
    mismatched = next(i for i in link_ids if i != other)
    assert client.get(f"{LINKS}/{mismatched}/usages/{usage_id}").status_code == 404
    assert client.get(f"{LINKS}/{other}/usages/nope").status_code == 404


@pytest.mark.parametrize(
    "path", ["/", "/payment-links", "/payment-links/v2", f"{LINKS}/", f"{LINKS}/a/b", "/x"]
)
def test_unknown_paths_are_invalid_url(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.json()["status"] == "INVALID_URL"


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("DELETE", LINKS),
        ("PUT", LINKS),
        ("POST", f"{LINKS}/x"),
        ("DELETE", f"{LINKS}/x"),
        ("POST", f"{LINKS}/x/usages"),
    ],
)
def test_wrong_methods_are_405(client: httpx.Client, method: str, path: str) -> None:
    response = client.request(method, path)
    assert response.status_code == 405
    assert response.json()["status"] == "INVALID_HTTP_METHOD"
    assert response.headers["allow"]


def test_create_answers_201_with_defaults(client: httpx.Client) -> None:
    raw = b'{"payment_details": {"reference": "RENT-APR-2024", "currency": "AED", "amount": 1500.00}}'
    response = client.post(LINKS, content=raw, headers={"Content-Type": "application/json"})
    assert response.status_code == 201
    assert b'"amount":1500.00' in response.content
    link = response.json()
    assert link["status"] == "ACTIVE"
    assert link["current_usages"] == 0
    assert link["max_usages"] == 1000
    assert link["link"] == "https://pay.simulator.invalid/pay/" + link["link"].rsplit("/", 1)[1]
    assert link["redirect_url"] == "https://shop.example.com/"
    assert link["expires_at"] is None
    assert link["identifiers"] is None
    assert response.headers["location"] == f"{LINKS}/{link['id']}"
    assert client.get(f"{LINKS}/{link['id']}").json() == link


def test_create_keeps_every_field(client: httpx.Client) -> None:
    body = {
        "name": "April Rent Collection",
        "max_usages": 1,
        "expires_at": "2099-04-30T23:59:59Z",
        "redirect_url": "https://your.domain.com/payments/complete?order=42",
        "customer_id": "F47AC10B-58CC-4372-A567-0E02B2C3D479",
        "payment_details": {
            "destination_id": "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d",
            "reference": "RENT-APR-2024",
            "currency": "KWD",
            "amount": 12.345,
            "payment_purpose": "RNT",
        },
        "identifiers": [{"type": "EMAIL", "display_label": "Your email address", "required": True}],
        "unknown_field": "ignored",
    }
    response = client.post(LINKS, content=json.dumps(body), headers={"Content-Type": "application/json"})
    assert response.status_code == 201, response.text
    assert b'"amount":12.345' in response.content
    link = response.json()
    assert link["customer_id"] == "f47ac10b-58cc-4372-a567-0e02b2c3d479"
    assert link["expires_at"] == "2099-04-30T23:59:59Z"
    assert link["redirect_url"] == body["redirect_url"]
    assert link["identifiers"] == [
        {"type": "EMAIL", "display_label": "Your email address", "required": True, "limit": None}
    ]
    assert link["payment_details"]["payment_purpose"] == "RNT"


def test_expiry_with_offset_comes_back_in_utc(client: httpx.Client) -> None:
    response = client.post(LINKS, json=new_link_body(expires_at="2099-01-01T03:30:00.250+04:00"))
    assert response.json()["expires_at"] == "2098-12-31T23:30:00.250Z"


def test_keep_alive_serves_many_requests_on_one_connection(sim: Simulator, client: httpx.Client) -> None:
    host, port = sim.api_url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=5)
    auth = dict(client.headers)
    try:
        for _ in range(3):
            conn.request("GET", LINKS + "?size=1", headers={"Authorization": auth["authorization"]})
            response = conn.getresponse()
            assert response.status == 200
            assert json.loads(response.read())["page"]["size"] == 1
    finally:
        conn.close()


def test_stop_cuts_pooled_connections(sim: Simulator, client: httpx.Client) -> None:
    assert client.get(LINKS).status_code == 200
    sim.stop()
    with pytest.raises(httpx.TransportError):
        client.get(LINKS)


def test_head_answers_without_body(client: httpx.Client) -> None:
    response = client.head(LINKS)
    assert response.status_code == 405
    assert response.content == b""
    assert client.get(LINKS).status_code == 200  # the connection is still in step


def test_protocol_errors_are_json(sim: Simulator) -> None:
    host, port = sim.api_url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=5)
    try:
        conn.request("BREW", LINKS)
        response = conn.getresponse()
        assert response.status == 501
        assert json.loads(response.read())["status"] == "INVALID_HTTP_METHOD"
    finally:
        conn.close()


def test_percent_encoded_segments_are_decoded(sim: Simulator, client: httpx.Client) -> None:
    link_id = sim.state.link_ids()[0]
    encoded = link_id.replace("-", "%2D")
    assert client.get(f"{LINKS}/{encoded}").json()["id"] == link_id
    assert client.get(f"{LINKS}/{encoded}/us%61ges").status_code == 200
    assert client.get("/payment%2Dlinks/v1", params={"size": 1}).status_code == 200
    assert sim.requests[("GET", "get_link")] == 1
    assert sim.requests[("GET", "list_usages")] == 1


def test_resolve_decodes_after_splitting() -> None:
    assert resolve(f"{LINKS}/a%2Db/usages/c%20d") == Route("usage", "a-b", "c d")
    assert resolve(f"{LINKS}/a%2Fb") == Route("link", "a/b")  # one segment: never a valid id
    assert resolve(f"{LINKS}%2Fa") is None


@pytest.mark.parametrize(
    ("host", "advertised"),
    [("0.0.0.0", "127.0.0.1"), ("", "127.0.0.1"), ("::", "[::1]")],  # noqa: S104 - what is tested
)
def test_wildcard_binds_advertise_loopback(host: str, advertised: str) -> None:
    if ":" in host and not _ipv6_loopback_works():
        pytest.skip("no IPv6 loopback here")
    with Simulator(links=1, host=host) as sim:
        assert sim.api_url.startswith(f"http://{advertised}:")
        assert sim.token_url.startswith(f"http://{advertised}:")
        assert sim.links_url.startswith(f"http://{advertised}:")
        with httpx.Client(timeout=10) as anon:
            assert anon.post(sim.token_url, data=_credentials(sim)).status_code == 200


def _ipv6_loopback_works() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


def _credentials(sim: Simulator) -> dict[str, str]:
    return {
        "client_id": sim.client_id,
        "client_secret": sim.client_secret,
        "grant_type": "client_credentials",
    }


def test_addresses_need_a_running_server() -> None:
    sim = Simulator(links=0)
    with pytest.raises(RuntimeError, match="start"):
        _ = sim.api_url
    with sim:
        assert sim.token_url == sim.api_url + "/oauth2/token"
    sim.stop()  # idempotent
