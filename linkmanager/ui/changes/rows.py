"""The Changes panel's sections and rows for one digest, as plain text (the tree shows no markup).

Each row carries the link it opens and, for a payment, the usage the drawer opens on it.
"""

from __future__ import annotations

from dataclasses import dataclass

from linkmanager.domain.i18n import Context, isolated
from linkmanager.domain.lifecycle import moment_text
from linkmanager.domain.money import format_money
from linkmanager.domain.status import LinkStatus, link_status_text
from linkmanager.services.changes_model import ALERT_EXPIRING, ChangeDigest, LinkAlert, PaymentChange
from linkmanager.ui.widgets.outcome_legend import outcome_label

ChangesRows = Context("ChangesRows")  # plurals: lupdate reads X.tr(text, "", n) as a plural

ARROW = " → "


@dataclass(frozen=True, slots=True)
class Row:
    change: str  # what happened: "Collected", "Active → Disabled", "Expires 28 Nov …"
    link: str  # the link's name, its direction controls made visible
    amount: str
    note: str  # who did it, the bank's status, the limit
    link_id: str
    usage_id: str | None = None  # a payment's usage: the drawer opens on it


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    rows: tuple[Row, ...]


def _name(name: str) -> str:
    return isolated(" ".join(name.split())) or "—"


def _payment_row(change: PaymentChange) -> Row:
    words = outcome_label(change.outcome)
    if change.outcome_before is not None:
        words = outcome_label(change.outcome_before) + ARROW + words
    amount = format_money(change.amount) if change.amount is not None else "—"
    status = change.payment_status or change.usage_status  # Lean's words, as they came
    return Row(words, _name(change.link_name), amount, status, change.link_id, change.usage_id or None)


def _status(status: LinkStatus | None) -> str:
    return link_status_text(status) if status is not None else ChangesRows.tr("New")


def _alert_row(alert: LinkAlert) -> Row:
    if alert.kind == ALERT_EXPIRING and alert.expires_at is not None:
        words = ChangesRows.tr("Expires {when}").format(when=moment_text(alert.expires_at))
    else:
        words = ChangesRows.tr("Near its limit")
    note = ""
    if alert.limit is not None:
        note = ChangesRows.tr("{used} of {limit} payments taken").format(
            used=f"{alert.used:,}", limit=f"{alert.limit:,}"
        )
    return Row(words, _name(alert.link_name), "", note, alert.link_id)


def sections(digest: ChangeDigest) -> list[Section]:
    """The digest's sections, empty ones left out, in the order finance staff read them."""
    found: list[Section] = []
    if digest.new_payments:
        title = ChangesRows.tr(
            "New payments (%Ln)", "", max(digest.new_payments_count, len(digest.new_payments))
        )
        found.append(Section(title, tuple(map(_payment_row, digest.new_payments))))
    if digest.moved_payments:
        count = max(digest.moved_payments_count, len(digest.moved_payments))
        title = ChangesRows.tr("Payments whose status moved (%Ln)", "", count)
        found.append(Section(title, tuple(map(_payment_row, digest.moved_payments))))
    if digest.link_changes:
        rows = []
        for change in digest.link_changes:
            note = ""
            if change.by is not None:
                when = moment_text(change.at) if change.at is not None else ""
                note = ChangesRows.tr("by {user} on this workstation, {when}").format(
                    user=isolated(change.by), when=when
                )
            words = _status(change.before) + ARROW + link_status_text(change.after)
            rows.append(Row(words, _name(change.link_name), "", note, change.link_id))
        title = ChangesRows.tr("Links whose status changed (%Ln)", "", len(rows))
        found.append(Section(title, tuple(rows)))
    if digest.alerts:
        count = max(digest.alerts_count, len(digest.alerts))
        title = ChangesRows.tr("Links about to expire or near their limit (%Ln)", "", count)
        found.append(Section(title, tuple(map(_alert_row, digest.alerts))))
    return found


def summary(digest: ChangeDigest) -> str:
    """What the sync was, in one line: when, and whether it ran to its end."""
    when = moment_text(digest.finished_at)
    if not digest.completed:
        return ChangesRows.tr("Sync of {when}, stopped part-way: what it stored before").format(when=when)
    if digest.first_sync:
        return ChangesRows.tr("Sync of {when}: the first, every link was new").format(when=when)
    return ChangesRows.tr("Sync of {when}").format(when=when)


def sync_choice(digest: ChangeDigest) -> str:
    """The sync list's entry: "28 Nov 2026 23:59 +04:00 · 3 payments · 1 link"."""
    parts = [moment_text(digest.finished_at)]
    payments = digest.new_payments_count + digest.moved_payments_count
    if payments:
        parts.append(ChangesRows.tr("%Ln payment(s)", "", payments))
    if digest.link_changes:
        parts.append(ChangesRows.tr("%Ln link(s)", "", len(digest.link_changes)))
    if not digest.completed:
        parts.append(ChangesRows.tr("stopped"))
    return " · ".join(parts)


def notes(digest: ChangeDigest) -> list[str]:
    """What the rows do not say: nothing changed, rows left out, links new, problems."""
    lines: list[str] = []
    if digest.empty and not digest.links_added:
        lines.append(ChangesRows.tr("Nothing changed at this sync."))
    if digest.truncated:
        shown = len(digest.new_payments) + len(digest.moved_payments)
        total = digest.new_payments_count + digest.moved_payments_count
        lines.append(
            ChangesRows.tr("{shown} of {total} payments are listed; the Payments view has them all.").format(
                shown=f"{shown:,}", total=f"{total:,}"
            )
        )
    if digest.links_added:
        lines.append(ChangesRows.tr("%Ln link(s) new to this workstation.", "", digest.links_added))
    if digest.problems:
        lines.append(
            ChangesRows.tr(
                "%Ln link(s) could not be updated: View > Sync problems says why.", "", digest.problems
            )
        )
    return lines
