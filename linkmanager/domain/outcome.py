"""What became of a payer's attempt, for finance staff: the one place the outcome rules live.

Lean reports two statuses per usage: the usage's own (STARTED, PAYMENT_CREATED, FAILED, EXPIRED)
and the bank's payment status (free text). People ask simpler questions ("did we get the money?"),
so every usage falls in exactly one outcome:

- collected: the bank accepted or processed the payment (ACCEPTED_BY_BANK, PROCESSED);
- failed: the usage failed, or the bank rejected, failed or cancelled the payment;
- pending: a payment exists (usage PAYMENT_CREATED, or STARTED with a payment) and is not final;
- started: the payer began and no payment exists yet;
- expired: the usage expired (stuck in STARTED for more than 30 minutes);
- other: a usage status Lean has not documented, with no bank status that decides it.

The codes are stored in the cache (storage.schema, `usages.outcome`) and never renumbered.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import IntEnum

from linkmanager.domain.i18n import QT_TRANSLATE_NOOP
from linkmanager.domain.models import Usage
from linkmanager.domain.status import FINAL_PAYMENT_STATUSES, UsageStatus

COLLECTED_PAYMENT_STATUSES: frozenset[str] = frozenset({"ACCEPTED_BY_BANK", "PROCESSED"})
FAILED_PAYMENT_STATUSES: frozenset[str] = frozenset({"REJECTED_BY_BANK", "FAILED", "CANCELLED"})


class Outcome(IntEnum):
    OTHER = 0
    COLLECTED = 1
    PENDING = 2
    FAILED = 3
    STARTED = 4
    EXPIRED = 5

    @property
    def word(self) -> str:
        """The command line's and JSON's name: "collected", "pending", ..."""
        return self.name.lower()


# The order finance staff read them in (tabs, totals, legends).
OUTCOMES: tuple[Outcome, ...] = (
    Outcome.COLLECTED,
    Outcome.PENDING,
    Outcome.FAILED,
    Outcome.STARTED,
    Outcome.EXPIRED,
    Outcome.OTHER,
)

# The legend the window shows, in plain words (the rules above, one line each): in English, marked
# for the window's legend, which shows them translated (context "OutcomeLegend").
RULES: tuple[tuple[Outcome, str], ...] = (
    (
        Outcome.COLLECTED,
        QT_TRANSLATE_NOOP(
            "OutcomeLegend", "the bank accepted or processed the payment (ACCEPTED_BY_BANK, PROCESSED)"
        ),
    ),
    (
        Outcome.PENDING,
        QT_TRANSLATE_NOOP("OutcomeLegend", "a payment was created and the bank has not decided yet"),
    ),
    (
        Outcome.FAILED,
        QT_TRANSLATE_NOOP(
            "OutcomeLegend", "the attempt failed, or the bank rejected, failed or cancelled the payment"
        ),
    ),
    (Outcome.STARTED, QT_TRANSLATE_NOOP("OutcomeLegend", "the payer began, no payment exists yet")),
    (
        Outcome.EXPIRED,
        QT_TRANSLATE_NOOP("OutcomeLegend", "the attempt expired (no payment within 30 minutes)"),
    ),
    (Outcome.OTHER, QT_TRANSLATE_NOOP("OutcomeLegend", "a status Lean has not documented; shown as it came")),
)


def outcome_of(usage_status: str, payment_status: str | None, payment_id: str | None = None) -> Outcome:
    """The outcome of one usage from Lean's two statuses (and whether a payment id was given)."""
    if payment_status in COLLECTED_PAYMENT_STATUSES:
        return Outcome.COLLECTED
    if usage_status == UsageStatus.FAILED or payment_status in FAILED_PAYMENT_STATUSES:
        return Outcome.FAILED
    if usage_status == UsageStatus.EXPIRED:
        return Outcome.EXPIRED
    has_payment = payment_status is not None or payment_id is not None
    if usage_status == UsageStatus.PAYMENT_CREATED or (usage_status == UsageStatus.STARTED and has_payment):
        # A final status not named above (none today) would still not be pending.
        return Outcome.OTHER if payment_status in FINAL_PAYMENT_STATUSES else Outcome.PENDING
    if usage_status == UsageStatus.STARTED:
        return Outcome.STARTED
    return Outcome.OTHER


def outcome_code(usage_status: str, payment_status: str | None, payment_id: str | None) -> int:
    """outcome_of as a plain int: the SQL function the cache's migration computes stored rows with."""
    return int(outcome_of(usage_status, payment_status, payment_id))


@dataclass(frozen=True, slots=True)
class CollectedSummary:
    """What one link has collected, and whether something looks like a double charge."""

    payments: int  # usages whose outcome is collected
    amount: Decimal  # payments × the link's amount
    limit: int | None  # the link's max_usages (None: no limit)
    repeated_payment_ids: tuple[str, ...]  # payment ids that appear on more than one usage

    @property
    def over_limit(self) -> bool:
        """More collected payments than the link allows: a payer may have been charged twice."""
        return self.limit is not None and self.payments > self.limit

    @property
    def suspicious(self) -> bool:
        return self.over_limit or bool(self.repeated_payment_ids)


def collected_summary(usages: Iterable[Usage], amount: Decimal, limit: int | None) -> CollectedSummary:
    collected = 0
    ids: Counter[str] = Counter()
    for usage in usages:
        if outcome_of(usage.usage_status, usage.payment_status, usage.payment_id) == Outcome.COLLECTED:
            collected += 1
        if usage.payment_id:
            ids[usage.payment_id] += 1
    repeated = tuple(sorted(payment_id for payment_id, count in ids.items() if count > 1))
    return CollectedSummary(collected, amount * collected, limit, repeated)
