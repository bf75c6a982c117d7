"""Tokens against the simulator: renewal before expiry, one renewal after 401, refused credentials."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

from linkmanager.api import AuthenticationError, Credentials, LeanClient
from linkmanager.simulator import Simulator

Delta = Callable[[], dict[tuple[str, str], int]]


def test_token_is_fetched_once_and_reused(sim: Simulator, client: LeanClient, requests_delta: Delta) -> None:
    client.list_links()
    client.get_link(sim.state.link_ids()[0])
    assert requests_delta()[("POST", "token")] == 1


def test_token_is_renewed_before_it_expires(
    start_sim: Callable[..., Simulator], make_client: Callable[..., LeanClient]
) -> None:
    sim = start_sim(token_ttl_seconds=100)
    # The client reads the simulator's clock, so advancing it ages the token for both sides.
    client = make_client(sim, clock=lambda: sim.clock.now().timestamp())
    link_id = sim.state.link_ids()[0]
    client.get_link(link_id)
    sim.clock.advance(85)  # 15 s left: outside the 10 s margin
    client.get_link(link_id)
    assert sim.requests[("POST", "token")] == 1
    sim.clock.advance(6)  # 9 s left: inside the margin, renewed before sending
    client.get_link(link_id)
    assert sim.requests[("POST", "token")] == 2
    assert sim.requests[("GET", "get_link")] == 3  # no request was refused with 401 and repeated
    assert client.stats.tokens_fetched == 2


def test_expired_token_is_renewed_once_after_401(
    sim: Simulator, client: LeanClient, requests_delta: Delta
) -> None:
    link_id = sim.state.link_ids()[0]
    client.get_link(link_id)
    sim.revoke_tokens()
    assert client.get_link(link_id).id == link_id
    delta = requests_delta()
    assert delta[("POST", "token")] == 2
    assert delta[("GET", "get_link")] == 3  # ok, 401, ok after renewal


def test_a_second_401_is_an_authentication_error(
    sim: Simulator, client: LeanClient, requests_delta: Delta
) -> None:
    body = b'{"status":"UNAUTHORIZED","message":"the access token is not valid"}'
    sim.override_next("GET", "/payment-links/v1", 401, body, count=2)
    with pytest.raises(AuthenticationError) as info:
        client.list_links()
    assert info.value.http_status == 401
    assert info.value.lean_status == "UNAUTHORIZED"
    assert info.value.lean_message == "the access token is not valid"
    assert requests_delta() == {("POST", "token"): 2, ("GET", "list_links"): 2}


def test_wrong_secret_is_refused_without_retries_or_echo(
    sim: Simulator, make_client: Callable[..., LeanClient], requests_delta: Delta
) -> None:
    client = make_client(sim, credentials=Credentials(sim.client_id, "wrong-secret-123"))
    with pytest.raises(AuthenticationError) as info:
        client.list_links()
    assert info.value.http_status == 401
    assert "token" in str(info.value)
    assert "wrong-secret-123" not in str(info.value) + repr(info.value) + info.value.raw_body
    assert requests_delta() == {("POST", "token"): 1}


def test_token_endpoint_faults_are_retried(
    sim: Simulator, client: LeanClient, sleeps: list[float], requests_delta: Delta
) -> None:
    sim.faults.queue("503", path_prefix="/oauth2/token")
    client.list_links()
    assert requests_delta()[("POST", "token")] == 2
    assert sleeps == [0.25]


def test_threads_share_one_token(sim: Simulator, client: LeanClient, requests_delta: Delta) -> None:
    link_ids = sim.state.link_ids()
    errors: list[BaseException] = []

    def work(link_id: str) -> None:
        try:
            client.get_link(link_id)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(link_ids[i % len(link_ids)],)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert requests_delta() == {("POST", "token"): 1, ("GET", "get_link"): 8}
