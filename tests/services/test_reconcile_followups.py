"""A confirmed match whose payment Lean no longer reports as collected: flagged by the matcher, kept in
the cache for the user to decide, said in the export; and matching again answers only when it changed.

A real SQLite cache filled as syncs fill it (store_listing / store_usages), a real CSV statement.
"""

from __future__ import annotations

import csv
import sqlite3
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from linkmanager.domain import LinkStatus, Money, PaymentDetails, PaymentLink, Usage, UsageStatus
from linkmanager.domain.outcome import Outcome
from linkmanager.services.matching import Confirmed, line_keys, reconcile
from linkmanager.services.reconcile_export import (
    EXPORT_COLUMNS,
    NEEDS_CHECKING,
    Reconciliation,
    confirm_proposals,
    export_rows,
    read_and_match,
    rematch,
    rematch_if_changed,
    undo_match,
)
from linkmanager.services.statement import StatementLine, parse_mapping
from linkmanager.storage.cache import LinkCache
from linkmanager.storage.matches import CollectedRow, MatchRow, StoredMatch

SEEN = datetime(2026, 11, 10, 12, 0, tzinfo=UTC)
COLUMNS = parse_mapping("date=Date,amount=Amount,currency=Currency,description=Details")
LINES = [
    ["10/11/2026", "LEAN TRANSFER pay-a", "262.00", "AED"],  # 1: by payment id, a
    ["12/11/2026", "transfer rent-b from tenant", "500.00", "AED"],  # 2: by reference, b
    ["13/11/2026", "CARD POS", "75.00", "AED"],  # 3: by amount, c
]


def link(link_id: str, amount: str, reference: str) -> PaymentLink:
    return PaymentLink(
        id=link_id,
        url=f"https://pay.example/l/{link_id}",
        status=LinkStatus.ACTIVE,
        current_usages=1,
        payment_details=PaymentDetails(Money(Decimal(amount), "AED"), reference),
        name=f"Link {link_id}",
        max_usages=10,
    )


def usage(key: str, usage_status: str = UsageStatus.PAYMENT_CREATED, payment_status: str | None = "ACCEPTED_BY_BANK") -> Usage:  # fmt: skip
    return Usage(
        usage_id=f"u{key}",
        payment_link_id=key,
        usage_status=usage_status,
        payment_id=f"pay-{key}",
        payment_status=payment_status,
    )


def sync(cache: LinkCache, at: datetime = SEEN, **changed: tuple[str, str | None]) -> None:
    """What a sync stores: links a, b, c with one payment each; `changed` gives a link's payment other
    statuses (usage status, payment status), as a later sync would store them."""
    cache.store_listing(
        [link("a", "262.00", "INV-7"), link("b", "500.00", "RENT-B"), link("c", "75.00", "GYM")],
        at,
        complete=True,
    )
    for key in "abc":
        statuses = changed.get(key, (UsageStatus.PAYMENT_CREATED, "ACCEPTED_BY_BANK"))
        cache.store_usages(key, [usage(key, *statuses)], at, link_status=LinkStatus.ACTIVE)


@pytest.fixture
def cache(tmp_path: Path) -> Any:
    with LinkCache.open(tmp_path / "cache.sqlite3") as opened:
        sync(opened)
        yield opened


@pytest.fixture
def statement(tmp_path: Path) -> Path:
    path = tmp_path / "nov.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file).writerows([["Date", "Details", "Amount", "Currency"], *LINES])
    return path


def confirmed_all(cache: LinkCache, statement: Path) -> Reconciliation:
    done = read_and_match(cache, statement, COLUMNS, zone=UTC)
    assert [p.candidate.usage_id for p in done.result.proposals] == ["ua", "ub", "uc"]
    stored, now = confirm_proposals(cache, done, done.result.proposals)
    assert stored == 3
    return now


def stored_matches(cache: LinkCache) -> list[Any]:
    conn = sqlite3.connect(cache.path)
    try:
        return conn.execute("SELECT usage_key, line_key, statement, line, matched_by, confirmed_at FROM statement_matches").fetchall()  # fmt: skip
    finally:
        conn.close()


def test_confirmed_matches_of_collected_payments_are_not_flagged(cache: LinkCache, statement: Path) -> None:
    done = confirmed_all(cache, statement)
    assert [c.usage_id for c in done.result.confirmed] == ["ua", "ub", "uc"]
    assert all(c.collected for c in done.result.confirmed)
    assert [c.outcome for c in done.result.confirmed] == [Outcome.COLLECTED] * 3
    assert done.result.confirmed_not_collected == []
    assert [row[0] for row in export_rows(done.result, done.references)] == ["confirmed"] * 3
    assert [row[-1] for row in export_rows(done.result, done.references)] == [None] * 3


@pytest.mark.parametrize(
    ("statuses", "lean_status"),
    [
        ((UsageStatus.PAYMENT_CREATED, "REJECTED_BY_BANK"), "REJECTED_BY_BANK"),
        ((UsageStatus.FAILED, None), "FAILED"),  # the usage failed, no bank status at all
        ((UsageStatus.PAYMENT_CREATED, "CANCELLED"), "CANCELLED"),
    ],
)
def test_a_confirmed_payment_that_turns_failed_is_flagged_and_kept(
    cache: LinkCache, statement: Path, statuses: tuple[str, str | None], lean_status: str
) -> None:
    done = confirmed_all(cache, statement)
    before = stored_matches(cache)
    sync(cache, SEEN + timedelta(days=2), b=statuses)  # a later sync: Lean reports b otherwise now
    now = rematch(cache, done)
    result = now.result
    assert [c.usage_id for c in result.confirmed] == ["ua", "ub", "uc"]  # still matched: the user decides
    flagged = result.confirmed_not_collected
    assert [(c.line.line, c.usage_id, c.payment_id) for c in flagged] == [(2, "ub", "pay-b")]
    assert (flagged[0].outcome, flagged[0].lean_status) == (Outcome.FAILED, lean_status)
    assert flagged[0].confirmed_at is not None
    assert [c.collected for c in result.confirmed] == [True, False, True]
    assert stored_matches(cache) == before  # the stored confirmation is neither deleted nor altered
    assert result.proposals == []
    assert [c.usage_id for c in result.unmatched_payments] == []  # b is no longer anyone's candidate

    rows = export_rows(result, now.references)
    assert [row[0] for row in rows] == ["confirmed", NEEDS_CHECKING, "confirmed"]
    check = rows[1][[c.title for c in EXPORT_COLUMNS].index("Check")]
    assert check == f"Lean now reports {lean_status} (failed); check the bank statement"
    assert len(rows[1]) == len(EXPORT_COLUMNS)


def test_undo_forgets_a_flagged_match_and_the_line_is_left_unmatched(
    cache: LinkCache, statement: Path
) -> None:
    done = confirmed_all(cache, statement)
    sync(cache, SEEN + timedelta(days=2), b=(UsageStatus.PAYMENT_CREATED, "REJECTED_BY_BANK"))
    flagged = rematch(cache, done)
    (match,) = flagged.result.confirmed_not_collected
    forgotten, now = undo_match(cache, flagged, match.usage_key)
    assert forgotten
    assert [c.usage_id for c in now.result.confirmed] == ["ua", "uc"]
    assert now.result.confirmed_not_collected == []
    assert [x.line for x in now.result.unmatched_lines] == [2]  # a rejected payment is proposed to no one
    assert now.result.proposals == []
    assert len(stored_matches(cache)) == 2


def test_matching_again_answers_only_when_the_result_changed(cache: LinkCache, statement: Path) -> None:
    done = confirmed_all(cache, statement)
    sync(cache, SEEN + timedelta(hours=1))  # a sync that changed nothing
    assert rematch_if_changed(cache, done) is None
    sync(cache, SEEN + timedelta(hours=2), c=(UsageStatus.FAILED, "FAILED"))
    now = rematch_if_changed(cache, done)
    assert now is not None
    assert [c.usage_id for c in now.result.confirmed_not_collected] == ["uc"]
    assert (now.statement, now.mapping) == (done.statement, done.mapping)


def test_reconcile_carries_what_the_cache_says_of_each_confirmed_payment() -> None:
    day = date(2026, 11, 10)
    lines = [
        StatementLine(1, day, Decimal("5.00"), "AED", "x"),
        StatementLine(2, day, Decimal("7.00"), "AED", "y"),
    ]
    keys = line_keys(lines)
    at = datetime(2026, 11, 11, 9, tzinfo=UTC)

    def held(number: int, outcome: Outcome, usage_status: str, payment_status: str | None) -> StoredMatch:
        row = MatchRow(number, keys[number], number, day, lines[number - 1].amount, "AED", "x", "amount")
        return StoredMatch(row, "nov.csv", at, f"u{number}", f"p{number}", f"l{number}", outcome, usage_status, payment_status)  # fmt: skip

    stored = [
        held(1, Outcome.COLLECTED, "PAYMENT_CREATED", "PROCESSED"),
        held(2, Outcome.PENDING, "PAYMENT_CREATED", "PENDING_WITH_BANK"),  # not collected either
    ]
    collected = [CollectedRow(1, "u1", "p1", "l1", "", Decimal("5.00"), "AED", at, False)]
    result = reconcile(lines, collected, stored, zone=UTC)
    assert [c.collected for c in result.confirmed] == [True, False]
    assert result.confirmed_not_collected[0].lean_status == "PENDING_WITH_BANK"
    assert result.confirmed_not_collected[0].confirmed_at == at
    # Built without what the cache says (outcome unknown): never flagged on a guess.
    assert Confirmed(lines[0], 1, "u1", "p1", "amount").collected
