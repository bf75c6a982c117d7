"""The outcome rules (domain.outcome): every usage falls in exactly one outcome, and the codes
stored in the cache never change."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linkmanager.domain.models import Usage
from linkmanager.domain.outcome import (
    COLLECTED_PAYMENT_STATUSES,
    FAILED_PAYMENT_STATUSES,
    OUTCOMES,
    RULES,
    Outcome,
    collected_summary,
    outcome_code,
    outcome_of,
)
from linkmanager.domain.status import UsageStatus
from linkmanager.storage.schema import register_functions

CASES = [
    # (usage status, payment status, payment id) -> outcome
    pytest.param("PAYMENT_CREATED", "ACCEPTED_BY_BANK", "p-1", Outcome.COLLECTED, id="accepted-is-collected"),
    pytest.param("PAYMENT_CREATED", "PROCESSED", "p-1", Outcome.COLLECTED, id="processed-is-collected"),
    pytest.param("STARTED", "PROCESSED", None, Outcome.COLLECTED, id="processed-on-started-is-collected"),
    pytest.param("PAYMENT_CREATED", "PENDING_WITH_BANK", "p-1", Outcome.PENDING, id="created-pending"),
    pytest.param("PAYMENT_CREATED", None, None, Outcome.PENDING, id="created-without-bank-status"),
    pytest.param(
        "PAYMENT_CREATED", "AWAITING_AUTHORISATION", "p-1", Outcome.PENDING, id="unknown-bank-status-pending"
    ),
    pytest.param("PAYMENT_CREATED", "NEVER_SEEN_BEFORE", None, Outcome.PENDING, id="new-bank-status-pending"),
    pytest.param("STARTED", "PENDING_WITH_BANK", None, Outcome.PENDING, id="started-with-bank-status"),
    pytest.param("STARTED", None, "p-1", Outcome.PENDING, id="started-with-payment-id-only"),
    pytest.param("FAILED", None, None, Outcome.FAILED, id="usage-failed"),
    pytest.param("FAILED", "PENDING_WITH_BANK", "p-1", Outcome.FAILED, id="usage-failed-bank-undecided"),
    pytest.param("PAYMENT_CREATED", "REJECTED_BY_BANK", "p-1", Outcome.FAILED, id="rejected"),
    pytest.param("PAYMENT_CREATED", "FAILED", "p-1", Outcome.FAILED, id="payment-failed"),
    pytest.param("PAYMENT_CREATED", "CANCELLED", "p-1", Outcome.FAILED, id="cancelled"),
    pytest.param("STARTED", "CANCELLED", None, Outcome.FAILED, id="cancelled-on-started"),
    pytest.param("EXPIRED", "FAILED", "p-1", Outcome.FAILED, id="expired-with-failed-payment"),
    pytest.param("EXPIRED", "REJECTED_BY_BANK", None, Outcome.FAILED, id="expired-with-rejected-payment"),
    pytest.param("EXPIRED", None, None, Outcome.EXPIRED, id="expired"),
    pytest.param("EXPIRED", "PENDING_WITH_BANK", "p-1", Outcome.EXPIRED, id="expired-bank-undecided"),
    pytest.param("STARTED", None, None, Outcome.STARTED, id="started-without-payment"),
    pytest.param("ON_HOLD", None, None, Outcome.OTHER, id="unknown-usage-status"),
    pytest.param("ON_HOLD", "PENDING_WITH_BANK", "p-1", Outcome.OTHER, id="unknown-usage-bank-undecided"),
    pytest.param("ON_HOLD", "PROCESSED", "p-1", Outcome.COLLECTED, id="unknown-usage-bank-processed"),
    pytest.param("ON_HOLD", "REJECTED_BY_BANK", "p-1", Outcome.FAILED, id="unknown-usage-bank-rejected"),
    pytest.param("", None, None, Outcome.OTHER, id="empty-usage-status"),
    pytest.param("started", None, None, Outcome.OTHER, id="lower-case-is-not-documented"),
]


@pytest.mark.parametrize(("usage_status", "payment_status", "payment_id", "expected"), CASES)
def test_each_rule(
    usage_status: str, payment_status: str | None, payment_id: str | None, expected: Outcome
) -> None:
    assert outcome_of(usage_status, payment_status, payment_id) is expected
    assert outcome_code(usage_status, payment_status, payment_id) == int(expected)


@pytest.mark.parametrize(
    ("usage_status", "payment_status", "payment_id", "expected"), [case for case in CASES if case.values[0]]
)
def test_the_enum_member_and_its_text_give_the_same_outcome(
    usage_status: str, payment_status: str | None, payment_id: str | None, expected: Outcome
) -> None:
    assert outcome_of(UsageStatus(usage_status), payment_status, payment_id) is expected


def test_the_payment_id_defaults_to_none() -> None:
    assert outcome_of("STARTED", None) is Outcome.STARTED
    assert outcome_of("PAYMENT_CREATED", "PENDING_WITH_BANK") is Outcome.PENDING


def test_codes_are_stable_because_the_cache_stores_them() -> None:
    assert {outcome.name: int(outcome) for outcome in Outcome} == {
        "OTHER": 0,
        "COLLECTED": 1,
        "PENDING": 2,
        "FAILED": 3,
        "STARTED": 4,
        "EXPIRED": 5,
    }
    # storage.payment_reads packs a code into three bits
    assert max(int(outcome) for outcome in Outcome) < 8


def test_words_and_reading_order() -> None:
    assert [outcome.word for outcome in OUTCOMES] == [
        "collected",
        "pending",
        "failed",
        "started",
        "expired",
        "other",
    ]
    assert sorted(OUTCOMES) == sorted(Outcome)  # every outcome once
    assert [outcome for outcome, _ in RULES] == list(OUTCOMES)
    assert all(words.strip() for _, words in RULES)


def test_status_sets_do_not_overlap() -> None:
    assert frozenset({"ACCEPTED_BY_BANK", "PROCESSED"}) == COLLECTED_PAYMENT_STATUSES
    assert frozenset({"REJECTED_BY_BANK", "FAILED", "CANCELLED"}) == FAILED_PAYMENT_STATUSES
    assert not COLLECTED_PAYMENT_STATUSES & FAILED_PAYMENT_STATUSES


USAGE_STATUSES = st.one_of(
    st.sampled_from([s.value for s in UsageStatus] + ["ON_HOLD", ""]), st.text(max_size=12)
)
PAYMENT_STATUSES = st.one_of(
    st.none(),
    st.sampled_from(
        sorted(
            COLLECTED_PAYMENT_STATUSES
            | FAILED_PAYMENT_STATUSES
            | {"PENDING_WITH_BANK", "AWAITING_AUTHORISATION"}
        )
    ),
    st.text(max_size=12),
)
PAYMENT_IDS = st.one_of(st.none(), st.text(max_size=8))


def _expected(usage: str, payment: str | None, payment_id: str | None) -> Outcome:
    """The rules as the brief states them, with their precedence made explicit: the bank's
    collected statuses decide first, then failure, then expiry, then whether a payment exists."""
    if payment in COLLECTED_PAYMENT_STATUSES:
        return Outcome.COLLECTED
    if usage == "FAILED" or payment in FAILED_PAYMENT_STATUSES:
        return Outcome.FAILED
    if usage == "EXPIRED":
        return Outcome.EXPIRED
    has_payment = payment is not None or payment_id is not None
    if usage == "PAYMENT_CREATED" or (usage == "STARTED" and has_payment):
        return Outcome.PENDING
    if usage == "STARTED":
        return Outcome.STARTED
    return Outcome.OTHER


@given(USAGE_STATUSES, PAYMENT_STATUSES, PAYMENT_IDS)
def test_every_combination_has_exactly_one_outcome(
    usage: str, payment: str | None, payment_id: str | None
) -> None:
    outcome = outcome_of(usage, payment, payment_id)
    assert type(outcome) is Outcome
    assert outcome in OUTCOMES
    assert outcome is _expected(usage, payment, payment_id)
    # collected exactly when the bank says so, whatever the usage status
    assert (outcome is Outcome.COLLECTED) == (payment in COLLECTED_PAYMENT_STATUSES)
    if usage == "FAILED":
        # a failed attempt is failed, unless the bank says it collected the money
        assert outcome is (Outcome.COLLECTED if payment in COLLECTED_PAYMENT_STATUSES else Outcome.FAILED)
    if outcome is Outcome.PENDING:
        assert usage in ("PAYMENT_CREATED", "STARTED")
        assert payment not in COLLECTED_PAYMENT_STATUSES | FAILED_PAYMENT_STATUSES
    if outcome is Outcome.STARTED:
        assert (usage, payment, payment_id) == ("STARTED", None, None)
    if outcome is Outcome.OTHER:
        assert usage not in ("STARTED", "PAYMENT_CREATED", "FAILED", "EXPIRED")


@given(USAGE_STATUSES, PAYMENT_STATUSES, PAYMENT_IDS)
def test_the_sql_function_the_migration_uses_agrees(
    usage: str, payment: str | None, payment_id: str | None
) -> None:
    conn = sqlite3.connect(":memory:")
    try:
        register_functions(conn)
        (code,) = conn.execute("SELECT lm_outcome(?, ?, ?)", (usage, payment, payment_id)).fetchone()
    finally:
        conn.close()
    assert code == int(outcome_of(usage, payment, payment_id))


def _usage(usage_id: str, status: str, payment: str | None = None, payment_id: str | None = None) -> Usage:
    return Usage(usage_id, "link-1", UsageStatus(status), payment_status=payment, payment_id=payment_id)


def test_collected_summary_counts_collected_and_repeated_payment_ids() -> None:
    usages = [
        _usage("u1", "PAYMENT_CREATED", "ACCEPTED_BY_BANK", "p-1"),
        _usage("u2", "PAYMENT_CREATED", "PROCESSED", "p-1"),  # the same payment twice
        _usage("u3", "PAYMENT_CREATED", "PENDING_WITH_BANK", "p-3"),
        _usage("u4", "FAILED"),
    ]
    summary = collected_summary(usages, Decimal("1.500"), limit=1)
    assert summary.payments == 2
    assert summary.amount == Decimal("3.000")
    assert str(summary.amount) == "3.000"
    assert summary.repeated_payment_ids == ("p-1",)
    assert summary.over_limit
    assert summary.suspicious


def test_collected_summary_of_honest_usages_is_not_suspicious() -> None:
    usages = [_usage("u1", "PAYMENT_CREATED", "PROCESSED", "p-1"), _usage("u2", "STARTED")]
    summary = collected_summary(usages, Decimal("10.00"), limit=None)
    assert (summary.payments, summary.amount, summary.repeated_payment_ids) == (1, Decimal("10.00"), ())
    assert not summary.over_limit
    assert not summary.suspicious
