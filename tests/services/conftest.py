"""Fixtures for the service tests: the simulator over loopback, real clients, real SQLite caches."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from linkmanager.api import ApiEndpoints, Credentials, LeanClient
from linkmanager.api.retry import RetryPolicy
from linkmanager.simulator import Simulator
from linkmanager.storage.cache import LinkCache

FAST_RETRIES = RetryPolicy(attempts=8, base_delay=0.01, max_delay=0.05, max_retry_after=0.05)


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(seed=5, links=150) as simulator:
        yield simulator


def client_for(sim: Simulator, **kwargs: Any) -> LeanClient:
    kwargs.setdefault("timeout", httpx.Timeout(10.0, connect=2.0))
    return LeanClient(
        ApiEndpoints(sim.api_url, sim.token_url), Credentials(sim.client_id, sim.client_secret), **kwargs
    )


@pytest.fixture
def client(sim: Simulator) -> Iterator[LeanClient]:
    with client_for(sim) as lean:
        yield lean


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[LinkCache]:
    with LinkCache.open(tmp_path / "cache.sqlite3") as opened:
        yield opened


def snapshot(cache: LinkCache) -> dict[str, Any]:
    """Everything the cache holds about links and usages (not when it learned it)."""
    return {c.link.id: (c.link, tuple(cache.usages(c.link.id))) for c in cache.links()}


def server_snapshot(sim: Simulator, client: LeanClient) -> dict[str, Any]:
    return {link.id: (link, tuple(client.list_usages(link.id))) for link in client.list_links()}
