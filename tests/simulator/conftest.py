"""Fixtures: a running simulator per test, an httpx client with a token and one without."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from linkmanager.simulator import Simulator

LINKS = "/payment-links/v1"
# Loading the CA bundle costs ~20 ms per httpx client; the simulator is plain HTTP anyway.
TLS = ssl.create_default_context()


def http(sim: Simulator, **kwargs: Any) -> httpx.Client:
    return httpx.Client(base_url=sim.api_url, verify=TLS, timeout=10, **kwargs)


def grant(sim: Simulator, **overrides: str) -> httpx.Response:
    form = {
        "client_id": sim.client_id,
        "client_secret": sim.client_secret,
        "grant_type": "client_credentials",
        "scope": "api",
        **overrides,
    }
    with http(sim) as anon:
        return anon.post(sim.token_url, data=form)


def bearer(sim: Simulator) -> dict[str, str]:
    response = grant(sim)
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def new_link_body(**extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"payment_details": {"reference": "INV-1", "currency": "AED", "amount": 10}}
    body.update(extra)
    return body


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(seed=7, links=60) as simulator:
        yield simulator


@pytest.fixture
def client(sim: Simulator) -> Iterator[httpx.Client]:
    """Authorized client on the API base URL."""
    with http(sim, headers=bearer(sim)) as authorized:
        yield authorized


@pytest.fixture
def anon(sim: Simulator) -> Iterator[httpx.Client]:
    """Client without credentials."""
    with http(sim) as unauthorized:
        yield unauthorized
