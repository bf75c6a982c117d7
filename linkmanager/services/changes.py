"""What changed at each sync: the kept reports (storage.sync_history) read back as ChangeDigests.

Every sync keeps its report when it ends (keep_report, called by SyncEngine whether it completed,
was cancelled or failed, once Lean had answered). load_digests turns the newest reports into what
people read: the payments with their outcome and the link's amount, the links whose status moved
(and who asked for it, when the action journal says this workstation did), and, on the newest,
the links about to expire or to reach their limit as the cache holds them now.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Protocol

from linkmanager.domain.models import ensure_utc
from linkmanager.domain.money import Money, MoneyError
from linkmanager.domain.outcome import Outcome
from linkmanager.domain.status import LinkStatus
from linkmanager.services.changes_model import (
    ALERT_EXPIRING,
    ALERT_LIMIT,
    ChangeDigest,
    LinkAlert,
    LinkStatusChange,
    PaymentChange,
)
from linkmanager.services.sync_report import SyncReport
from linkmanager.storage import sync_history
from linkmanager.storage.cache import LinkCache

__all__ = ["EXPIRY_WARNING", "JournalEntries", "JournalEntryLike", "keep_report", "load_digests"]

logger = logging.getLogger(__name__)

# An ACTIVE link expiring within this is an alert, as is one that has used 90 % of its limit
# (storage.sync_history.alerts).
EXPIRY_WARNING = timedelta(hours=24)


class _DraftLike(Protocol):
    @property
    def action(self) -> str: ...
    @property
    def link_id(self) -> str: ...
    @property
    def status_after(self) -> str | None: ...
    @property
    def outcome(self) -> str: ...


class JournalEntryLike(Protocol):
    """What the digest reads of an action journal entry (storage.journal.JournalEntry)."""

    @property
    def at(self) -> datetime: ...
    @property
    def user(self) -> str: ...
    @property
    def draft(self) -> _DraftLike: ...


JournalEntries = Callable[[], Sequence[JournalEntryLike]]


def keep_report(
    cache: LinkCache, report: SyncReport, now: datetime, *, reached_lean: bool = True
) -> int | None:
    """Keep a sync's report (the last 100); answers its id, None when it was not kept.

    A sync that never got an answer from Lean and stored nothing is not kept: offline retries
    would push the real reports out. Keeping it never fails the sync: a cache that cannot take
    it (read-only, full, damaged) already said so, or will, through the sync's own writes.
    """
    changed = report.links_added or report.status_changes or report.new_usages or report.usage_changes
    if cache.read_only is not None or not (reached_lean or changed):
        return None
    record = functools.partial(
        sync_history.record,
        finished_at=report.finished_at or now,
        completed=report.completed,
        full=report.full,
        problems=len(report.problems),
        links_added=len(report.links_added),
        status_changes=report.status_changes,
        new_usages=report.new_usages,
        usage_changes=report.usage_changes,
    )
    try:
        return cache.write("keep the sync's report", record)
    except Exception:  # the report is a convenience; the sync's outcome is what the caller needs
        logger.warning("The report of this sync could not be kept", exc_info=True)
        return None


def load_digests(
    cache: LinkCache,
    now: datetime,
    *,
    last: int = 1,
    journal_entries: JournalEntries | None = None,
) -> list[ChangeDigest]:
    """The newest `last` syncs' digests, newest first (none when no sync was recorded).

    `journal_entries` (the action journal's entries, any order) tells who asked for a status
    change when this workstation did; a journal that cannot be read costs only that.
    """
    if last <= 0:
        return []
    kept = cache.read("read the sync reports", functools.partial(sync_history.reports, last=last))
    if not kept:
        return []
    moment = ensure_utc(now)
    soon = moment + EXPIRY_WARNING
    alert_rows, alerts_total = cache.read(
        "read the links", functools.partial(sync_history.alerts, now=moment, soon=soon)
    )
    journal = _journal_by_link(journal_entries)
    return [
        _digest(report, journal, _alerts(alert_rows, soon) if i == 0 else (), alerts_total if i == 0 else 0)
        for i, report in enumerate(kept)
    ]


def _digest(
    report: sync_history.KeptReport,
    journal: dict[str, list[JournalEntryLike]],
    alerts: tuple[LinkAlert, ...],
    alerts_total: int,
) -> ChangeDigest:
    new: list[PaymentChange] = []
    moved: list[PaymentChange] = []
    links: list[LinkStatusChange] = []
    for row in report.rows:
        if row.kind == sync_history.KIND_LINK:
            links.append(_link_change(row, report, journal))
        elif row.kind in (sync_history.KIND_NEW_USAGE, sync_history.KIND_MOVED_USAGE):
            change = _payment_change(row)
            (new if row.kind == sync_history.KIND_NEW_USAGE else moved).append(change)
    return ChangeDigest(
        sync_id=report.key,
        finished_at=report.finished_at,
        completed=report.completed,
        problems=report.problems,
        new_payments=tuple(new),
        moved_payments=tuple(moved),
        link_changes=tuple(links),
        alerts=alerts,
        new_payments_count=0 if report.first_sync else report.new_usages,
        moved_payments_count=report.usage_changes,
        links_added=report.links_added,
        full=report.full,
        first_sync=report.first_sync,
        alerts_count=alerts_total,
    )


def _amount(amount: str | None, currency: str | None) -> Money | None:
    if amount is None or currency is None:
        return None
    try:
        return Money(Decimal(amount), currency)
    except (InvalidOperation, MoneyError):
        return None  # an altered row costs its amount, not the digest


def _outcome(code: int | None) -> Outcome | None:
    if code is None:
        return None
    try:
        return Outcome(code)
    except ValueError:
        return Outcome.OTHER


def _payment_change(row: sync_history.KeptRow) -> PaymentChange:
    return PaymentChange(
        link_id=row.link_id,
        link_name=row.link_name if row.link_name is not None else row.link_id,
        usage_id=row.usage_id or "",
        amount=_amount(row.amount, row.currency),
        outcome=_outcome(row.outcome) or Outcome.OTHER,
        outcome_before=_outcome(row.outcome_before) if row.kind == sync_history.KIND_MOVED_USAGE else None,
        usage_status=row.status,
        payment_status=row.payment_status,
    )


def _link_change(
    row: sync_history.KeptRow, report: sync_history.KeptReport, journal: dict[str, list[JournalEntryLike]]
) -> LinkStatusChange:
    after = LinkStatus(row.status)
    entry = _asked_for(journal.get(row.link_id, ()), after, report)
    return LinkStatusChange(
        link_id=row.link_id,
        link_name=row.link_name if row.link_name is not None else row.link_id,
        before=None if row.status_before is None else LinkStatus(row.status_before),
        after=after,
        by=None if entry is None else entry.user,
        at=None if entry is None else ensure_utc(entry.at),
    )


def _asked_for(
    entries: Sequence[JournalEntryLike], after: LinkStatus, report: sync_history.KeptReport
) -> JournalEntryLike | None:
    """The newest change to `after` this workstation made, and Lean did, since the previous report."""
    found: JournalEntryLike | None = None
    for entry in entries:
        at = ensure_utc(entry.at)
        if entry.draft.status_after != after.value or entry.draft.outcome != "done":
            continue
        if at > report.finished_at:
            continue
        if report.previous_finished_at is not None and at <= report.previous_finished_at:
            continue
        if found is None or at > ensure_utc(found.at):
            found = entry
    return found


def _journal_by_link(journal_entries: JournalEntries | None) -> dict[str, list[JournalEntryLike]]:
    if journal_entries is None:
        return {}
    try:
        entries = journal_entries()
    except Exception:  # a damaged journal is reported where it is opened, not here
        logger.warning("The action journal could not be read for the changes digest", exc_info=True)
        return {}
    by_link: dict[str, list[JournalEntryLike]] = {}
    for entry in entries:
        if entry.draft.link_id:
            by_link.setdefault(entry.draft.link_id, []).append(entry)
    return by_link


def _alerts(rows: Sequence[sync_history.AlertRow], soon: datetime) -> tuple[LinkAlert, ...]:
    """One alert per reason: a link both expiring and near its limit gives two."""
    alerts: list[LinkAlert] = []
    for link_id, name, expires_at, used, limit in rows:
        if expires_at is not None and expires_at <= soon:
            alerts.append(LinkAlert(link_id, name, ALERT_EXPIRING, expires_at, used, limit))
        if limit and used * 10 >= limit * 9:
            alerts.append(LinkAlert(link_id, name, ALERT_LIMIT, expires_at, used, limit))
    return tuple(alerts)
