"""Client credentials: grants, refusals, expiry in simulated time, revocation."""

from __future__ import annotations

import base64

import httpx
import pytest

from linkmanager.simulator import Simulator

from .conftest import LINKS, bearer, grant


def test_token_grant_has_lean_shape(sim: Simulator) -> None:
    response = grant(sim)
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 3599
    assert body["scope"] == "api"
    assert len(body["access_token"]) >= 32
    assert response.headers["cache-control"] == "no-store"


@pytest.mark.parametrize(
    ("field", "value", "status", "error"),
    [
        ("client_secret", "wrong", 401, "invalid_client"),
        ("client_id", "someone-else", 401, "invalid_client"),
        ("client_secret", "", 401, "invalid_client"),
        ("grant_type", "password", 400, "unsupported_grant_type"),
        ("grant_type", "", 400, "invalid_request"),
        ("scope", "admin", 400, "invalid_scope"),
    ],
)
def test_token_refusals(sim: Simulator, field: str, value: str, status: int, error: str) -> None:
    response = grant(sim, **{field: value})
    assert response.status_code == status
    body = response.json()
    assert body["error"] == error
    assert body["status"] in ("UNAUTHORIZED", "INVALID_PARAMETERS")
    assert body["message"]
    assert sim.client_secret not in response.text


def test_token_request_must_be_form_encoded(sim: Simulator, anon: httpx.Client) -> None:
    response = anon.post(
        sim.token_url,
        json={
            "client_id": sim.client_id,
            "client_secret": sim.client_secret,
            "grant_type": "client_credentials",
        },
    )
    assert response.status_code == 400


def test_token_accepts_http_basic_client_auth(sim: Simulator, anon: httpx.Client) -> None:
    basic = base64.b64encode(f"{sim.client_id}:{sim.client_secret}".encode()).decode()
    response = anon.post(
        sim.token_url, data={"grant_type": "client_credentials"}, headers={"Authorization": f"Basic {basic}"}
    )
    assert response.status_code == 200


def test_token_endpoint_only_takes_post(sim: Simulator, anon: httpx.Client) -> None:
    response = anon.get(sim.token_url)
    assert response.status_code == 405
    assert response.json()["status"] == "INVALID_HTTP_METHOD"


def test_explicit_credentials_are_used() -> None:
    with Simulator(links=1, client_id="my-id", client_secret="my-secret") as sim:
        assert (sim.client_id, sim.client_secret) == ("my-id", "my-secret")
        assert grant(sim).status_code == 200


def test_default_secret_is_new_each_run_and_id_stable_per_seed() -> None:
    a, b = Simulator(seed=3, links=0), Simulator(seed=3, links=0)
    assert a.client_id == b.client_id
    assert a.client_secret != b.client_secret


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer"},
        {"Authorization": "Bearer not-a-token"},
        {"Authorization": "Basic abc"},
    ],
)
def test_api_without_valid_token_is_401(sim: Simulator, anon: httpx.Client, headers: dict[str, str]) -> None:
    response = anon.get(LINKS, headers=headers)
    assert response.status_code == 401
    assert response.json()["status"] == "UNAUTHORIZED"
    assert response.headers["www-authenticate"].startswith("Bearer")


def test_token_expires_in_simulated_time(sim: Simulator, anon: httpx.Client) -> None:
    headers = bearer(sim)
    assert anon.get(LINKS, headers=headers).status_code == 200
    sim.clock.advance(3598)
    assert anon.get(LINKS, headers=headers).status_code == 200
    sim.clock.advance(2)
    response = anon.get(LINKS, headers=headers)
    assert response.status_code == 401
    assert "expired" in response.json()["message"]


def test_ttl_change_applies_to_later_tokens(sim: Simulator, anon: httpx.Client) -> None:
    old = bearer(sim)
    sim.token_ttl_seconds = 5
    new = grant(sim)
    assert new.json()["expires_in"] == 5
    sim.clock.advance(5)
    assert anon.get(LINKS, headers=old).status_code == 200
    stale = {"Authorization": f"Bearer {new.json()['access_token']}"}
    assert anon.get(LINKS, headers=stale).status_code == 401
    with pytest.raises(ValueError, match="token_ttl_seconds"):
        sim.token_ttl_seconds = -1


def test_revoke_tokens(sim: Simulator, anon: httpx.Client) -> None:
    headers = bearer(sim)
    sim.revoke_tokens()
    assert anon.get(LINKS, headers=headers).status_code == 401
    assert anon.get(LINKS, headers=bearer(sim)).status_code == 200
