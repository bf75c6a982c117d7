"""Faults from the simulator: what is retried (reads, status updates), how long we wait, when we stop."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable

import httpx
import pytest

from linkmanager.api import (
    ApiEndpoints,
    CreateOutcomeUnknown,
    Credentials,
    LeanClient,
    LeanTimeoutError,
    LeanTransportError,
    RateLimitedError,
    RetryPolicy,
    ServerError,
)
from linkmanager.domain import LinkStatus, NewPaymentLink
from linkmanager.simulator import Simulator

Delta = Callable[[], dict[tuple[str, str], int]]
# Backoff ceilings 0.5, 1, 2 s with the jitter pinned at 0.5.
BACKOFF = [0.25, 0.5, 1.0]
RETRYABLE = [
    ("429:2", [2.0]),
    ("502", BACKOFF[:1]),
    ("503", BACKOFF[:1]),
    ("504", BACKOFF[:1]),
    ("drop", BACKOFF[:1]),
]


@pytest.mark.parametrize(("fault", "waits"), RETRYABLE)
def test_reads_are_retried(
    sim: Simulator,
    client: LeanClient,
    sleeps: list[float],
    requests_delta: Delta,
    fault: str,
    waits: list[float],
) -> None:
    link_id = sim.state.link_ids()[0]
    sim.faults.queue(fault, method="GET")
    assert client.get_link(link_id).id == link_id
    assert sleeps == waits  # Retry-After 2 meant a wait of exactly 2 s
    assert requests_delta()[("GET", "get_link")] == 2
    assert client.stats.retries == 1


@pytest.mark.parametrize(("fault", "waits"), RETRYABLE)
def test_status_updates_are_retried(
    sim: Simulator,
    client: LeanClient,
    sleeps: list[float],
    requests_delta: Delta,
    fault: str,
    waits: list[float],
) -> None:
    link_id = sim.state.link_ids(status="ACTIVE")[0]
    sim.faults.queue(fault, method="PATCH")
    assert client.set_status(link_id, LinkStatus.DISABLED).status == LinkStatus.DISABLED
    assert sleeps == waits
    assert requests_delta()[("PATCH", "update_link")] == 2


# A read timeout every ordinary request meets with ease on a busy machine, and a slow fault aimed
# at the one request under test that is sure to outlast it.
READ_TIMEOUT = httpx.Timeout(5.0, connect=2.0, read=1.0)


def test_a_slow_read_times_out_and_is_retried(
    sim: Simulator, make_client: Callable[..., LeanClient], sleeps: list[float], requests_delta: Delta
) -> None:
    client = make_client(sim, sleeps, timeout=READ_TIMEOUT)
    client.list_links()  # token first, so the slow fault hits the read
    sim.faults.queue("slow:3000", method="GET", path_prefix="/payment-links/v1?")
    assert len(client.list_links()) == 5
    assert sleeps == [0.25]
    assert requests_delta()[("GET", "list_links")] == 3


def test_giving_up_on_a_503_after_four_attempts(
    sim: Simulator, client: LeanClient, sleeps: list[float], requests_delta: Delta
) -> None:
    sim.faults.queue("503", count=4, method="GET")
    with pytest.raises(ServerError) as info:
        client.list_links()
    assert info.value.http_status == 503
    assert info.value.lean_status == "SERVICE_UNAVAILABLE"
    assert "after 4 attempts" in str(info.value)
    assert sleeps == BACKOFF
    assert requests_delta()[("GET", "list_links")] == 4


def test_giving_up_on_dropped_connections_names_the_server(
    sim: Simulator, client: LeanClient, sleeps: list[float]
) -> None:
    client.list_links()
    sim.faults.queue("drop", count=4, method="GET")
    with pytest.raises(LeanTransportError) as info:
        client.list_links()
    assert (
        str(info.value)
        == f"Could not reach Lean at {client.endpoints.api_host} after 4 attempts: connection dropped."
    )
    assert len(sleeps) == 3


def test_giving_up_on_429_keeps_retry_after(sim: Simulator, client: LeanClient, sleeps: list[float]) -> None:
    sim.faults.queue("429:3", count=4, method="GET")
    with pytest.raises(RateLimitedError) as info:
        client.list_links()
    assert info.value.retry_after == 3.0
    assert info.value.lean_status == "RATE_LIMIT_EXCEEDED"
    assert sleeps == [3.0, 3.0, 3.0]


def test_a_retry_after_beyond_the_cap_is_not_waited_for(
    sim: Simulator, client: LeanClient, sleeps: list[float], requests_delta: Delta
) -> None:
    sim.faults.queue("429:120", method="GET")
    with pytest.raises(RateLimitedError) as info:
        client.list_links()
    assert info.value.retry_after == 120.0
    assert sleeps == []
    assert requests_delta()[("GET", "list_links")] == 1


def test_retry_policy_is_configurable(
    sim: Simulator, make_client: Callable[..., LeanClient], sleeps: list[float], requests_delta: Delta
) -> None:
    client = make_client(sim, sleeps, retry=RetryPolicy(attempts=2, base_delay=0.1))
    sim.faults.queue("502", count=2, method="GET")
    with pytest.raises(ServerError) as info:
        client.list_links()
    assert info.value.lean_status is None
    assert "Bad Gateway" in info.value.raw_body  # HTML from the load balancer, kept as text
    assert sleeps == [0.05]
    assert requests_delta()[("GET", "list_links")] == 2


def test_a_500_to_a_read_is_retried(
    sim: Simulator, client: LeanClient, sleeps: list[float], requests_delta: Delta
) -> None:
    sim.faults.queue("500", count=2, method="GET")
    links = client.list_links()
    assert len(links) == sim.state.link_count()
    assert len(sleeps) == 2
    assert requests_delta()[("GET", "list_links")] == len(links) // 100 + 1 + 2


def test_a_500_that_never_ends_fails_after_the_last_attempt(
    sim: Simulator, client: LeanClient, requests_delta: Delta
) -> None:
    sim.faults.queue("500", count=10, method="GET")
    with pytest.raises(ServerError) as info:
        client.links_page(0)
    assert info.value.lean_status == "INTERNAL_SERVER_ERROR"
    assert info.value.attempts == 4
    assert "after 4 attempts" in str(info.value)
    assert requests_delta()[("GET", "list_links")] == 4


def test_a_500_to_a_status_change_is_retried_to_the_same_target(
    sim: Simulator, client: LeanClient, requests_delta: Delta
) -> None:
    link = next(link for link in client.list_links() if link.status.value == "ACTIVE")
    sim.faults.queue("500-after", method="PATCH")  # the change is made, the answer spoiled
    changed = client.set_status(link.id, LinkStatus.DISABLED)
    assert changed.status is LinkStatus.DISABLED
    assert requests_delta()[("PATCH", "update_link")] == 2


def test_a_500_to_the_token_request_is_retried(
    sim: Simulator, client: LeanClient, requests_delta: Delta
) -> None:
    sim.faults.queue("500", path_prefix="/oauth2/token")
    assert client.links_page(0, size=1).total_elements == sim.state.link_count()
    assert requests_delta()[("POST", "token")] == 2


# -- creating is never retried ---------------------------------------------------------------------


def test_create_on_503_is_sent_once_and_creates_nothing(
    sim: Simulator, client: LeanClient, new_link: Callable[..., NewPaymentLink], sleeps: list[float]
) -> None:
    client.list_links()
    count = sim.state.link_count()
    sim.faults.queue("503", method="POST")
    with pytest.raises(ServerError):
        client.create_link(new_link())
    assert sim.requests[("POST", "create_link")] == 1
    assert sim.state.link_count() == count
    assert sleeps == []


def test_create_on_429_is_sent_once_and_not_waited_for(
    sim: Simulator, client: LeanClient, new_link: Callable[..., NewPaymentLink], sleeps: list[float]
) -> None:
    count = sim.state.link_count()
    sim.faults.queue("429:1", method="POST", path_prefix="/payment-links/v1")
    with pytest.raises(RateLimitedError) as info:
        client.create_link(new_link())
    assert info.value.retry_after == 1.0
    assert sim.requests[("POST", "create_link")] == 1
    assert sim.state.link_count() == count
    assert sleeps == []


def test_create_with_a_dropped_connection_has_an_unknown_outcome(
    sim: Simulator, client: LeanClient, new_link: Callable[..., NewPaymentLink], sleeps: list[float]
) -> None:
    client.list_links()
    count = sim.state.link_count()
    sim.faults.queue("drop", method="POST")
    with pytest.raises(CreateOutcomeUnknown, match="may or may not exist"):
        client.create_link(new_link())
    assert sim.requests[("POST", "create_link")] == 1
    assert sim.state.link_count() == count
    assert sleeps == []


@pytest.mark.parametrize("fault", ["502", "504"])
def test_create_behind_a_failing_gateway_has_an_unknown_outcome(
    sim: Simulator, client: LeanClient, new_link: Callable[..., NewPaymentLink], fault: str
) -> None:
    sim.faults.queue(fault, method="POST")
    with pytest.raises(CreateOutcomeUnknown) as info:
        client.create_link(new_link())
    assert isinstance(info.value.__cause__, ServerError)
    assert info.value.__cause__.http_status == int(fault)
    assert sim.requests[("POST", "create_link")] == 1


def test_create_that_times_out_may_have_happened(
    sim: Simulator, make_client: Callable[..., LeanClient], new_link: Callable[..., NewPaymentLink]
) -> None:
    client = make_client(sim, timeout=READ_TIMEOUT)
    client.list_links()
    count = sim.state.link_count()
    sim.faults.queue("slow:2000", method="POST", path_prefix="/payment-links/v1")
    with pytest.raises(CreateOutcomeUnknown, match=r"no answer within 1 s"):
        client.create_link(new_link())
    assert sim.requests[("POST", "create_link")] == 1
    deadline = time.monotonic() + 10
    while sim.state.link_count() == count and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sim.state.link_count() == count + 1  # Lean made it after all: hence "unknown"


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_create_that_never_connected_says_nothing_was_created(
    new_link: Callable[..., NewPaymentLink], start_sim: Callable[..., Simulator]
) -> None:
    port = _closed_port()
    sim = start_sim()
    endpoints = ApiEndpoints(f"http://127.0.0.1:{port}", sim.token_url)  # sign-in works, API is down
    client = LeanClient(endpoints, Credentials(sim.client_id, sim.client_secret), sleep=lambda _: None)
    with client, pytest.raises(LeanTransportError, match="Nothing was created") as info:
        client.create_link(new_link())
    assert not isinstance(info.value, CreateOutcomeUnknown)


def test_a_dead_network_fails_quickly_and_clearly(sleeps: list[float]) -> None:
    port = _closed_port()
    endpoints = ApiEndpoints(f"http://127.0.0.1:{port}", f"http://127.0.0.1:{port}/oauth2/token")
    started = time.monotonic()
    client = LeanClient(endpoints, Credentials("id", "secret"), sleep=sleeps.append)
    with client, pytest.raises(LeanTransportError) as info:
        client.list_links()
    assert time.monotonic() - started < 2
    assert not isinstance(info.value, LeanTimeoutError)
    message = str(info.value)
    assert message.startswith(f"Could not reach Lean's sign-in service at 127.0.0.1:{port} after 4 attempts")
    assert "could not connect" in message
    assert len(sleeps) == 3
