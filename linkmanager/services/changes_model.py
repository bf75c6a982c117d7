"""What changed at one sync, as the Changes panel, the tray notices and `linkmanager changes` read it.

Stable API (the window's Changes panel and the tray are built on it; add fields at the end only):

- `PaymentChange`: a payment new to the cache at that sync (`outcome_before` None), or one whose
  outcome moved (`outcome_before` set). `amount` is the link's amount as the cache holds it now,
  None when the link is no longer cached. `usage_status`/`payment_status` are Lean's words as that
  sync stored them.
- `LinkStatusChange`: a cached link whose status moved at that sync (`before` set), e.g. ACTIVE to
  USED/EXPIRED/DISABLED, or DISABLED to ACTIVE again. `by`/`at` come from the action journal when
  this workstation asked for that change (the OS user and the journal's UTC time), else None.
- `LinkAlert`: an ACTIVE link that expires within 24 hours (`kind` "expiring") or has used at least
  90 % of its limit (`kind` "limit"), computed from the cache when the digest is read, so only the
  newest digest carries them (older ones have none: they would only repeat today's state).
- `ChangeDigest`: one sync's report. `completed` False: it stopped part-way (cancelled or failed)
  and lists what it stored before. `problems`: how many links or pages it could not bring up to
  date. The payment tuples hold at most a bounded number of rows (storage.sync_history keeps
  5,000 per report); `new_payments_count`/`moved_payments_count` are the true counts.
  `links_added`: how many links were new to the cache. `full`: the sync went through every link.
  `first_sync`: the cache's first sync, which found every link and payment (nothing is "new" then:
  the payments are not listed). `alerts_count`: how many links have an alert (`alerts` holds those
  of at most 1,000, soonest expiry first; a link both expiring and near its limit has two). `moved_payments` lists every usage whose statuses moved, the outcome too or not: compare
  `outcome` with `outcome_before` for "became collected / failed".

Times are aware UTC. Amounts are exact Decimal with their currency (domain.money.Money).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from linkmanager.domain.money import Money
from linkmanager.domain.outcome import Outcome
from linkmanager.domain.status import LinkStatus

ALERT_EXPIRING = "expiring"
ALERT_LIMIT = "limit"


@dataclass(frozen=True, slots=True)
class PaymentChange:
    """A new payment (`outcome_before` None), or one whose outcome moved."""

    link_id: str
    link_name: str
    usage_id: str
    amount: Money | None  # the link's amount; None when the link is no longer cached
    outcome: Outcome
    outcome_before: Outcome | None  # None: new
    usage_status: str
    payment_status: str | None

    @property
    def is_new(self) -> bool:
        return self.outcome_before is None


@dataclass(frozen=True, slots=True)
class LinkStatusChange:
    """A link that became USED / EXPIRED / DISABLED (or ACTIVE again) at that sync."""

    link_id: str
    link_name: str
    before: LinkStatus | None
    after: LinkStatus
    by: str | None  # the OS user when this workstation did it (from the action journal), else None
    at: datetime | None  # when (the journal's UTC time), else None


@dataclass(frozen=True, slots=True)
class LinkAlert:
    """An ACTIVE link that expires within 24 h ("expiring") or used >= 90 % of its limit ("limit")."""

    link_id: str
    link_name: str
    kind: str  # ALERT_EXPIRING | ALERT_LIMIT
    expires_at: datetime | None
    used: int
    limit: int | None


@dataclass(frozen=True, slots=True)
class ChangeDigest:
    """One sync's report, newest facts read from the cache."""

    sync_id: int
    finished_at: datetime
    completed: bool
    problems: int
    new_payments: tuple[PaymentChange, ...]
    moved_payments: tuple[PaymentChange, ...]
    link_changes: tuple[LinkStatusChange, ...]
    alerts: tuple[LinkAlert, ...]
    new_payments_count: int = 0  # the true count (new_payments may hold fewer)
    moved_payments_count: int = 0  # the true count (moved_payments may hold fewer)
    links_added: int = 0
    full: bool = False
    first_sync: bool = False  # the cache's first sync: everything was new to it, no payment is listed
    alerts_count: int = 0  # links with an alert (alerts holds those of at most 1,000)

    @property
    def truncated(self) -> bool:
        """More payments changed than the report kept one by one."""
        return (
            len(self.new_payments) < self.new_payments_count
            or len(self.moved_payments) < self.moved_payments_count
        )

    @property
    def empty(self) -> bool:
        """Nothing to tell: no payment, no link status, no alert, no problem."""
        return not (
            self.new_payments_count
            or self.moved_payments_count
            or self.link_changes
            or self.alerts
            or self.problems
        )

    def totals_collected(self) -> dict[str, Decimal]:
        """Per currency, the amounts of the (kept) new and moved payments that are now collected."""
        totals: dict[str, Decimal] = {}
        for change in (*self.new_payments, *self.moved_payments):
            if change.outcome == Outcome.COLLECTED and change.amount is not None:
                currency = change.amount.currency
                totals[currency] = totals.get(currency, Decimal(0)) + change.amount.amount
        return totals
