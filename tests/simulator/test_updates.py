"""Status updates: PATCH and PUT, idempotence, spec-only servers, and terminal statuses."""

from __future__ import annotations

import httpx
import pytest

from linkmanager.simulator import Simulator

from .conftest import LINKS, new_link_body


def _status(client: httpx.Client, link_id: str) -> str:
    return str(client.get(f"{LINKS}/{link_id}").json()["status"])


@pytest.mark.parametrize("method", ["PATCH", "PUT"])
def test_disable_and_enable(client: httpx.Client, method: str) -> None:
    link_id = client.post(LINKS, json=new_link_body()).json()["id"]
    response = client.request(method, f"{LINKS}/{link_id}", json={"status": "DISABLED"})
    assert response.status_code == 200
    assert response.content == b""
    assert _status(client, link_id) == "DISABLED"
    assert client.request(method, f"{LINKS}/{link_id}", json={"status": "ACTIVE"}).status_code == 200
    assert _status(client, link_id) == "ACTIVE"


@pytest.mark.parametrize("status", ["ACTIVE", "DISABLED"])
def test_setting_the_current_status_again_is_accepted(client: httpx.Client, status: str) -> None:
    link_id = client.post(LINKS, json=new_link_body()).json()["id"]
    for _ in range(2):
        assert client.patch(f"{LINKS}/{link_id}", json={"status": status}).status_code == 200
    assert _status(client, link_id) == status


def test_patch_refused_on_a_spec_only_server(sim: Simulator, client: httpx.Client) -> None:
    link_id = client.post(LINKS, json=new_link_body()).json()["id"]
    sim.patch_allowed = False
    response = client.patch(f"{LINKS}/{link_id}", json={"status": "DISABLED"})
    assert response.status_code == 405
    assert response.json()["status"] == "INVALID_HTTP_METHOD"
    assert "PATCH" not in response.headers["allow"]
    assert _status(client, link_id) == "ACTIVE"
    assert client.put(f"{LINKS}/{link_id}", json={"status": "DISABLED"}).status_code == 200
    assert _status(client, link_id) == "DISABLED"
    assert sim.requests[("PATCH", "update_link")] == 1
    assert sim.requests[("PUT", "update_link")] == 1


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"status": "EXPIRED"}, "INVALID_PARAMETERS"),
        ({"status": "USED"}, "INVALID_PARAMETERS"),
        ({"status": "disabled"}, "INVALID_PARAMETERS"),
        ({"status": None}, "MISSING_PARAMETERS"),
        ({}, "MISSING_PARAMETERS"),
        (["DISABLED"], "INVALID_PARAMETERS"),
    ],
)
def test_update_refusals(client: httpx.Client, body: object, status: str) -> None:
    link_id = client.post(LINKS, json=new_link_body()).json()["id"]
    response = client.patch(f"{LINKS}/{link_id}", json=body)
    assert response.status_code == 400
    assert response.json()["status"] == status
    assert _status(client, link_id) == "ACTIVE"


def test_update_of_unknown_link_is_404(client: httpx.Client) -> None:
    response = client.put(f"{LINKS}/00000000-0000-4000-8000-000000000000", json={"status": "DISABLED"})
    assert response.status_code == 404
    assert response.json()["status"] == "RESOURCE_NOT_FOUND"


@pytest.mark.parametrize("method", ["PUT", "PATCH"])
@pytest.mark.parametrize("body", [b'{"status": "nope"}', b"{}", b"[1]", b"{not json", b""])
def test_unknown_link_is_404_whatever_the_body(client: httpx.Client, method: str, body: bytes) -> None:
    response = client.request(
        method,
        f"{LINKS}/00000000-0000-4000-8000-000000000000",
        content=body,
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 404
    assert response.json()["status"] == "RESOURCE_NOT_FOUND"


@pytest.mark.parametrize("terminal", ["EXPIRED", "USED"])
@pytest.mark.parametrize("wanted", ["ACTIVE", "DISABLED"])
def test_terminal_links_refuse_every_change(
    sim: Simulator, client: httpx.Client, terminal: str, wanted: str
) -> None:
    link_id = sim.state.link_ids(terminal)[0]
    response = client.patch(f"{LINKS}/{link_id}", json={"status": wanted})
    assert response.status_code == 400
    assert response.json()["status"] == "INVALID_PARAMETERS"
    assert terminal in response.json()["message"]
    assert _status(client, link_id) == terminal
