"""A confirmed match read back with what Lean reports of its payment now (a real cache file)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from linkmanager.domain import LinkStatus, PaymentLink, Usage, UsageStatus
from linkmanager.domain.outcome import Outcome
from linkmanager.storage import matches
from linkmanager.storage.cache import LinkCache
from linkmanager.storage.matches import MatchRow

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
LinkFactory = Callable[..., PaymentLink]
UsageFactory = Callable[..., Usage]


def usage(make_usage: UsageFactory, usage_status: str, payment_status: str | None) -> Usage:
    return make_usage("u1", "a", usage_status=usage_status, payment_status=payment_status, payment_id="pay-1")


def confirmed_one(cache: LinkCache, make_link: LinkFactory, make_usage: UsageFactory) -> None:
    cache.store_listing([make_link("a", amount=Decimal("262.00"))], T0, complete=True)
    paid = usage(make_usage, UsageStatus.PAYMENT_CREATED, "ACCEPTED_BY_BANK")
    cache.store_usages("a", [paid], T0, link_status=LinkStatus.ACTIVE)
    (key,) = [r.usage_key for r in cache.read("read", matches.collected_candidates)]
    row = MatchRow(key, "line-1", 1, date(2026, 3, 2), Decimal("262.00"), "AED", "pay-1", "payment_id")
    cache.write("save", lambda conn: matches.confirm(conn, [row], "mar.csv", T0 + timedelta(days=1)))


def test_a_confirmed_match_says_what_lean_reports_of_its_payment_now(
    cache: LinkCache, make_link: LinkFactory, make_usage: UsageFactory
) -> None:
    confirmed_one(cache, make_link, make_usage)
    (held,) = cache.read("read", matches.confirmed_matches)
    assert (held.outcome, held.usage_status, held.payment_status) == (
        Outcome.COLLECTED,
        "PAYMENT_CREATED",
        "ACCEPTED_BY_BANK",
    )
    rejected = usage(make_usage, UsageStatus.PAYMENT_CREATED, "REJECTED_BY_BANK")
    cache.store_usages("a", [rejected], T0 + timedelta(days=2), link_status=LinkStatus.ACTIVE)
    (held,) = cache.read("read", matches.confirmed_matches)
    assert (held.outcome, held.payment_status) == (Outcome.FAILED, "REJECTED_BY_BANK")
    assert held.confirmed_at == T0 + timedelta(days=1)  # the confirmation itself is as it was stored
    assert cache.read("read", matches.collected_candidates) == []


def test_an_outcome_code_this_version_does_not_know_is_worked_out_again(
    cache: LinkCache, cache_path: Path, make_link: LinkFactory, make_usage: UsageFactory
) -> None:
    confirmed_one(cache, make_link, make_usage)
    rejected = usage(make_usage, UsageStatus.PAYMENT_CREATED, "REJECTED_BY_BANK")
    cache.store_usages("a", [rejected], T0 + timedelta(days=2), link_status=LinkStatus.ACTIVE)
    conn = sqlite3.connect(cache_path)
    with conn:
        conn.execute("UPDATE usages SET outcome = 99")
    conn.close()
    (held,) = cache.read("read", matches.confirmed_matches)  # not left out, not taken for collected
    assert held.outcome == Outcome.FAILED
