"""The notices a sync gives: what it brought that someone would want to hear of without looking.

One sync, one notice: collected payments, failed payments, links about to expire or near their
limit, and sync problems each make one line, grouped however many there are ("12 payments
collected, AED 8,400.00 · KWD 1.500"), and the lines of one sync go out together (a tray shows one
message at a time, and a later one would hide the earlier). `NoticeBook` remembers what was told
so nothing is told twice: a sync is told once, an alert once per link, a problem until it clears.

Names come from Lean (hostile text): cut short and isolated (their direction controls made
visible), and shown as plain text wherever they land.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from linkmanager.domain.i18n import Context, isolated
from linkmanager.domain.lifecycle import moment_text
from linkmanager.domain.money import Money, format_money
from linkmanager.domain.outcome import Outcome
from linkmanager.services.changes_model import ALERT_EXPIRING, ChangeDigest, LinkAlert, PaymentChange
from linkmanager.ui.changes.prefs import NoticeKind

ChangesNotices = Context("ChangesNotices")  # plurals: lupdate reads X.tr(text, "", n) as a plural

NAME_CHARS = 60  # a link's name in a notice: enough to know it, never a wall of text
NAMED_ALERTS = 3  # alerts named one by one; the rest counted


@dataclass(frozen=True, slots=True)
class Notice:
    kind: NoticeKind
    text: str
    count: int = 1  # payments or links it is about (the title's plural)


@dataclass(frozen=True, slots=True)
class NoticeGroup:
    """What one sync tells: a title and its lines (one per kind of notice)."""

    title: str
    notices: tuple[Notice, ...]

    @property
    def text(self) -> str:
        return "\n".join(notice.text for notice in self.notices)


def short_name(name: str) -> str:
    """A link's name for a sentence: at most NAME_CHARS characters, isolated."""
    name = " ".join(name.split()) or "—"  # new lines and runs of spaces would break the notice apart
    if len(name) > NAME_CHARS:
        name = name[: NAME_CHARS - 1] + "…"
    return isolated(name)


def amounts_text(changes: Iterable[PaymentChange]) -> str:
    """ "AED 8,400.00 · KWD 1.500": the amounts per currency, in the currencies' order."""
    sums: dict[str, Decimal] = {}
    for change in changes:
        if change.amount is not None:
            currency = change.amount.currency
            sums[currency] = sums.get(currency, Decimal(0)) + change.amount.amount
    return " · ".join(format_money(Money(amount, currency)) for currency, amount in sorted(sums.items()))


def _payments_line(changes: Sequence[PaymentChange], outcome: Outcome) -> str:
    amounts = amounts_text(changes)
    if len(changes) == 1:
        change = changes[0]
        name = short_name(change.link_name)
        if outcome == Outcome.COLLECTED:
            if change.amount is None:
                return ChangesNotices.tr("A payment collected on {name}").format(name=name)
            return ChangesNotices.tr("{amount} collected on {name}").format(amount=amounts, name=name)
        if change.amount is None:
            return ChangesNotices.tr("A payment failed on {name}").format(name=name)
        return ChangesNotices.tr("A payment of {amount} failed on {name}").format(amount=amounts, name=name)
    if outcome == Outcome.COLLECTED:
        line = ChangesNotices.tr("%Ln payment(s) collected", "", len(changes))
    else:
        line = ChangesNotices.tr("%Ln payment(s) failed", "", len(changes))
    return ChangesNotices.tr("{count}, {amounts}").format(count=line, amounts=amounts) if amounts else line


def alert_text(alert: LinkAlert) -> str:
    """ "“Rent May” expires 28 Nov 2026 23:59 +04:00", "“Tickets” has taken 9 of 10 payments"."""
    name = short_name(alert.link_name)
    if alert.kind == ALERT_EXPIRING and alert.expires_at is not None:
        return ChangesNotices.tr("{name} expires {when}").format(
            name=name, when=moment_text(alert.expires_at)
        )
    if alert.limit is not None:
        return ChangesNotices.tr("{name} has taken {used} of {limit} payments").format(
            name=name, used=f"{alert.used:,}", limit=f"{alert.limit:,}"
        )
    return ChangesNotices.tr("{name} is near its end").format(name=name)


def _alerts_line(alerts: Sequence[LinkAlert]) -> str:
    if len(alerts) == 1:
        return alert_text(alerts[0])
    named = ", ".join(short_name(alert.link_name) for alert in alerts[:NAMED_ALERTS])
    line = ChangesNotices.tr("%Ln link(s) about to expire or near their limit", "", len(alerts))
    if len(alerts) > NAMED_ALERTS:
        more = ChangesNotices.tr("and %Ln more", "", len(alerts) - NAMED_ALERTS)
        return ChangesNotices.tr("{count}: {names} {more}").format(count=line, names=named, more=more)
    return ChangesNotices.tr("{count}: {names}").format(count=line, names=named)


def problems_text(count: int) -> str:
    return ChangesNotices.tr(
        "The sync could not update %Ln link(s); View > Sync problems says why", "", count
    )


def payments_with(digest: ChangeDigest, outcome: Outcome) -> list[PaymentChange]:
    """The new payments with `outcome`, and those whose outcome moved to it, as the digest keeps them."""
    return [change for change in (*digest.new_payments, *digest.moved_payments) if change.outcome == outcome]


def title_for(notices: Sequence[Notice]) -> str:
    if len(notices) > 1:
        return ChangesNotices.tr("What changed at the last sync")
    kind, count = notices[0].kind, notices[0].count
    if kind == NoticeKind.COLLECTED:
        return ChangesNotices.tr("Payment(s) collected", "", count)
    if kind == NoticeKind.FAILED:
        return ChangesNotices.tr("Payment(s) failed", "", count)
    if kind == NoticeKind.NEARING:
        return ChangesNotices.tr("Link(s) about to expire or near their limit", "", count)
    return ChangesNotices.tr("Sync problem")


@dataclass(slots=True)
class NoticeBook:
    """What has been told already, so that nothing is told twice (kept for the window's life)."""

    told_syncs: set[int] = field(default_factory=set)
    told_alerts: set[tuple[str, str]] = field(default_factory=set)  # (link id, kind)
    told_problem: str | None = None  # the sync problem last told; None once a sync went well

    def digest_notices(self, digest: ChangeDigest, kinds: frozenset[NoticeKind]) -> list[Notice]:
        """The lines `digest` gives (empty when it was told already), in the order people read them.

        Alerts are remembered even when their kind is switched off: switching it on later does
        not bring back every link that has been near its end for days.
        """
        if digest.sync_id in self.told_syncs:
            return []
        self.told_syncs.add(digest.sync_id)
        notices: list[Notice] = []
        for kind, outcome in ((NoticeKind.COLLECTED, Outcome.COLLECTED), (NoticeKind.FAILED, Outcome.FAILED)):
            changes = payments_with(digest, outcome)
            if changes and kind in kinds:
                notices.append(Notice(kind, _payments_line(changes, outcome), len(changes)))
        fresh = [alert for alert in digest.alerts if (alert.link_id, alert.kind) not in self.told_alerts]
        self.told_alerts.update((alert.link_id, alert.kind) for alert in fresh)
        if fresh and NoticeKind.NEARING in kinds:
            notices.append(Notice(NoticeKind.NEARING, _alerts_line(fresh), len(fresh)))
        problem = problems_text(digest.problems) if digest.problems else None
        notices += self.problem_notices(problem, kinds)
        return notices

    def problem_notices(self, problem: str | None, kinds: frozenset[NoticeKind]) -> list[Notice]:
        """A sync problem, told when it is new (not at every quiet retry while Lean stays away)."""
        if problem is None or problem == self.told_problem:
            self.told_problem = problem
            return []
        self.told_problem = problem
        return [Notice(NoticeKind.SYNC, problem)] if NoticeKind.SYNC in kinds else []


def group(notices: Sequence[Notice]) -> NoticeGroup | None:
    """The notices of one sync as one message; None when there is nothing to tell."""
    if not notices:
        return None
    return NoticeGroup(title_for(notices), tuple(notices))
