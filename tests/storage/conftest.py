"""Fixtures for the cache tests: real SQLite files in tmp_path, domain objects made to order.

Helpers are fixtures (factories) because test modules here are not a package.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from linkmanager.domain import (
    CollectedIdentifier,
    IdentifierConfig,
    IdentifierType,
    LinkStatus,
    Money,
    PaymentDetails,
    PaymentLink,
    Usage,
    UsageStatus,
)
from linkmanager.storage.cache import LinkCache

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
WALL_CLOCK = T0 + timedelta(days=30)  # the cache's idea of the real time: after every sync moment used

LinkFactory = Callable[..., PaymentLink]
UsageFactory = Callable[..., Usage]


@pytest.fixture
def t0() -> datetime:
    return T0


@pytest.fixture
def at() -> Callable[[float], datetime]:
    """at(n): T0 plus n minutes, for a sequence of sync moments."""
    return lambda minutes: T0 + timedelta(minutes=minutes)


@pytest.fixture
def cache_path(tmp_path: Path) -> Path:
    return tmp_path / "profiles" / "sandbox" / "cache.sqlite"


@pytest.fixture
def cache(cache_path: Path) -> Iterator[LinkCache]:
    opened = LinkCache.open(cache_path, clock=lambda: WALL_CLOCK)
    yield opened
    opened.close()


@pytest.fixture
def make_link() -> LinkFactory:
    def make(link_id: str = "link-1", **fields: Any) -> PaymentLink:
        amount = fields.pop("amount", Decimal("1500.10"))
        currency = fields.pop("currency", "AED")
        reference = fields.pop("reference", f"INV-{link_id}")
        values: dict[str, Any] = {
            "id": link_id,
            "url": f"https://pay.example/l/{link_id}",
            "status": LinkStatus.ACTIVE,
            "current_usages": 0,
            "payment_details": PaymentDetails(Money(amount, currency), reference),
            "name": f"Link {link_id}",
            "max_usages": 1000,
        }
        values.update(fields)
        return PaymentLink(**values)

    return make


@pytest.fixture
def make_usage() -> UsageFactory:
    def make(usage_id: str = "usage-1", link_id: str = "link-1", **fields: Any) -> Usage:
        values: dict[str, Any] = {
            "usage_id": usage_id,
            "payment_link_id": link_id,
            "usage_status": UsageStatus.STARTED,
            "identifiers": (
                CollectedIdentifier(IdentifierType.EMAIL, "Email", f"{usage_id}@mail.example"),
                CollectedIdentifier(IdentifierType.MOBILE_PHONE, "Mobile", "+971501234567"),
            ),
        }
        values.update(fields)
        return Usage(**values)

    return make


@pytest.fixture
def identifiers() -> tuple[IdentifierConfig, ...]:
    return (
        IdentifierConfig(IdentifierType.EMAIL, "Email", True, 100),
        IdentifierConfig(IdentifierType.MOBILE_PHONE, None, False, None),
        IdentifierConfig(IdentifierType("NATIONAL_ID"), "الهوية", True, 255),
    )


def raw(path: Path) -> sqlite3.Connection:
    """A second, plain connection to the cache file, to look at or tamper with what is stored."""
    return sqlite3.connect(path, isolation_level=None)


@pytest.fixture
def index_is_consistent(cache_path: Path) -> Callable[[], None]:
    """Raise unless the FTS index holds exactly what search_terms holds (FTS5's own integrity check)."""

    def check() -> None:
        conn = raw(cache_path)
        try:
            conn.execute("INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)")
        finally:
            conn.close()

    return check


@pytest.fixture
def raw_connection() -> Callable[[Path], sqlite3.Connection]:
    return raw
