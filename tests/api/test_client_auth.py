"""Tokens against the simulator: renewal before expiry, one renewal after 401, refused credentials."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from types import SimpleNamespace

import pytest

from linkmanager.api import AuthenticationError, Credentials, LeanClient, auth
from linkmanager.domain import NewPaymentLink
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


def test_after_a_suspend_the_token_is_renewed_before_sending(
    start_sim: Callable[..., Simulator],
    make_client: Callable[..., LeanClient],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sim = start_sim(token_ttl_seconds=100)
    slept = [0.0]
    # While a laptop sleeps the wall clock moves on and the monotonic clock does not.
    frozen = time.monotonic()
    wall = SimpleNamespace(time=lambda: time.time() + slept[0], monotonic=lambda: frozen)
    monkeypatch.setattr(auth, "time", wall)
    client = make_client(sim)  # the default clock
    link_id = sim.state.link_ids()[0]
    client.get_link(link_id)
    slept[0] += 600
    sim.clock.advance(600)  # Lean's token expired during the sleep
    client.get_link(link_id)
    assert sim.requests[("POST", "token")] == 2
    assert sim.requests[("GET", "get_link")] == 2  # renewed before sending: no 401 to recover from


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


UNAUTHORIZED = b'{"status":"UNAUTHORIZED","message":"the access token is not valid"}'


def test_a_create_refused_with_401_is_sent_once_more_with_a_fresh_token(
    sim: Simulator, client: LeanClient, new_link: Callable[..., NewPaymentLink]
) -> None:
    count = sim.state.link_count()
    sim.override_next("POST", "/payment-links/v1", 401, UNAUTHORIZED)
    link = client.create_link(new_link())
    # Lean refuses a 401 before processing the request, so the resend cannot make a duplicate.
    assert sim.requests[("POST", "create_link")] == 2
    assert sim.requests[("POST", "token")] == 2
    assert sim.state.link_count() == count + 1
    assert sim.state.get_link(link.id) is not None


def test_a_create_refused_with_401_twice_creates_nothing(
    sim: Simulator, client: LeanClient, new_link: Callable[..., NewPaymentLink]
) -> None:
    count = sim.state.link_count()
    sim.override_next("POST", "/payment-links/v1", 401, UNAUTHORIZED, count=2)
    with pytest.raises(AuthenticationError) as info:
        client.create_link(new_link())
    assert info.value.http_status == 401
    assert sim.requests[("POST", "create_link")] == 2
    assert sim.state.link_count() == count
