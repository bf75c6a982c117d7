"""Fixtures for the API client tests: the built-in simulator on loopback, real httpx, fast sleeps.

Retries sleep through a recorder that returns at once but remembers every wait asked for, so
tests run fast and still check that Retry-After 2 meant a 2 s wait. Jitter is pinned to 0.5.
Helpers are fixtures (factories) because test modules here are not a package.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any, Protocol

import httpx
import pytest

from linkmanager.api import ApiEndpoints, Credentials, LeanClient
from linkmanager.domain import Money, NewPaymentLink, PaymentDetails
from linkmanager.simulator import FaultSpec, Simulator

from .hostile_server import HostileServer

JITTER = 0.5


class Sleeps(list[float]):
    """A sleep that does not: it records the seconds it was asked to wait."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


class ClientFactory(Protocol):
    def __call__(self, sim: Simulator, sleeps: Sleeps | None = None, **kwargs: Any) -> LeanClient: ...


SimFactory = Callable[..., Simulator]
NewLinkFactory = Callable[..., NewPaymentLink]
Delta = Callable[[], dict[tuple[str, str], int]]


def _start(links: int = 5, **kwargs: Any) -> Simulator:
    return Simulator(
        seed=7,
        links=links,
        latency_ms=0,
        faults=FaultSpec.parse(""),
        activity_per_minute=0.0,
        host="127.0.0.1",
        port=0,
        **kwargs,
    ).start()


@pytest.fixture
def start_sim() -> Iterator[SimFactory]:
    """Start extra simulators (links=..., token_ttl_seconds=...); all stopped after the test."""
    started: list[Simulator] = []

    def start(links: int = 5, **kwargs: Any) -> Simulator:
        started.append(_start(links, **kwargs))
        return started[-1]

    yield start
    for simulator in started:
        simulator.stop()


@pytest.fixture
def make_client() -> Iterator[ClientFactory]:
    """Clients for a simulator with fast sleeps and fixed jitter; all closed after the test."""
    made: list[LeanClient] = []

    def make(sim: Simulator, sleeps: Sleeps | None = None, **kwargs: Any) -> LeanClient:
        kwargs.setdefault("timeout", httpx.Timeout(5.0, connect=2.0))
        kwargs.setdefault("random", lambda: JITTER)
        credentials = kwargs.pop("credentials", None) or Credentials(sim.client_id, sim.client_secret)
        made.append(
            LeanClient(
                ApiEndpoints(sim.api_url, sim.token_url),
                credentials,
                sleep=sleeps if sleeps is not None else Sleeps(),
                **kwargs,
            )
        )
        return made[-1]

    yield make
    for lean in made:
        lean.close()


@pytest.fixture
def new_link() -> NewLinkFactory:
    def build(amount: str = "1500.10", currency: str = "AED", reference: str = "INV-1") -> NewPaymentLink:
        return NewPaymentLink(PaymentDetails(Money(Decimal(amount), currency), reference), name="Test link")

    return build


@pytest.fixture
def sim() -> Iterator[Simulator]:
    """A fresh simulator with a few links: for tests that change state, faults or knobs."""
    simulator = _start()
    yield simulator
    simulator.stop()


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def client(sim: Simulator, sleeps: Sleeps, make_client: ClientFactory) -> LeanClient:
    return make_client(sim, sleeps)


@pytest.fixture(scope="module")
def big_sim() -> Iterator[Simulator]:
    """260 seeded links (three pages of 100), shared by the read-only tests of a module."""
    simulator = _start(links=260)
    yield simulator
    simulator.stop()


@pytest.fixture
def requests_delta(sim: Simulator) -> Delta:
    """Requests the simulator counted since the test began (after fixtures ran)."""
    before = sim.requests.copy()

    def delta() -> dict[tuple[str, str], int]:
        return {k: v - before.get(k, 0) for k, v in sim.requests.items() if v - before.get(k, 0)}

    return delta


@pytest.fixture
def server() -> Iterator[HostileServer]:
    """A stub that signs clients in properly, then misbehaves as each test tells it (hostile_server)."""
    with HostileServer() as stub:
        yield stub
