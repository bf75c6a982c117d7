"""Lean's lifecycle rules, in one place.

ACTIVE <-> DISABLED is the only change a client may ask for. EXPIRED (the expiry passed) and
USED (successful payments reached the limit) are terminal and set by Lean alone. A cached link
can be out of date, so the app judges by the *effective* status: a link whose expiry has passed
is expired even if the last answer said ACTIVE or DISABLED.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from enum import Enum

from linkmanager.domain import display, i18n
from linkmanager.domain.i18n import Context, translate
from linkmanager.domain.models import PaymentLink, Usage, ensure_utc
from linkmanager.domain.status import FINAL_PAYMENT_STATUSES, LinkStatus, UsageStatus

LifecycleCounts = Context("LifecycleCounts")  # plurals: lupdate reads X.tr(text, "", n) as a plural

TERMINAL: frozenset[LinkStatus] = frozenset({LinkStatus.EXPIRED, LinkStatus.USED})
SETTABLE: frozenset[LinkStatus] = frozenset({LinkStatus.ACTIVE, LinkStatus.DISABLED})


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def offset_text(offset: timedelta | None) -> str:
    """ "+04:00", "-05:30", "+00:00": a UTC offset as ISO 8601 writes it."""
    minutes = round((offset or timedelta(0)).total_seconds() / 60)
    sign = "-" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


def moment_text(moment: datetime, tz: tzinfo | None = None) -> str:
    """ "28 Nov 2026 23:59 +04:00": how a time is shown everywhere on screen and on paper.

    In `tz`; None is the workstation's zone as it is at that moment (its daylight-saving rules,
    through the OS). Always the numeric offset, "+00:00" too, never a zone's abbreviation:
    "UTC" would read as "not converted" (the UTC form lives in tooltips, utc_text), and names
    such as "+04" or "GST" say less. Month names are spelled here rather than by strftime,
    whose %b follows the process locale.
    """
    local = ensure_utc(moment).astimezone(tz)
    if display.language() != "en":  # the window's language: the month's name, the digits chosen
        offset = i18n.left_to_right(display.digits(offset_text(local.utcoffset())))  # "+04:00", not "04:00+"
        return f"{display.month_day_year(local)} {display.clock_text(local)} {offset}"
    month = _MONTHS[local.month - 1]
    return f"{local.day:02d} {month} {local.year} {local:%H:%M} {offset_text(local.utcoffset())}"


def utc_text(moment: datetime) -> str:
    """ "2026-11-28 19:59:00 UTC": the exact time in UTC, one hover away (tooltips, copied text)."""
    return f"{ensure_utc(moment).astimezone(UTC):%Y-%m-%d %H:%M:%S} UTC"


def effective_status(link: PaymentLink, now: datetime) -> LinkStatus:
    """The status the link has at `now`, whatever the last answer said.

    An unknown status from Lean is kept as it is: we cannot reason about it.
    """
    return status_at(link.status, link.current_usages, link.max_usages, link.expires_at, now)


def status_at(
    status: LinkStatus,
    current_usages: int,
    max_usages: int | None,
    expires_at: datetime | None,
    now: datetime,
) -> LinkStatus:
    """effective_status from the fields it reads: the links table's rows hold no PaymentLink."""
    if status in SETTABLE:
        # A reached limit is a fact that time cannot undo, so it wins over a later expiry.
        if max_usages is not None and current_usages >= max_usages:
            return LinkStatus.USED
        if expires_at is not None and expires_at <= ensure_utc(now):
            return LinkStatus.EXPIRED
    return status


@dataclass(frozen=True, slots=True)
class Decision:
    """Whether a change is allowed, and in words why not."""

    allowed: bool
    reason: str = ""

    def __bool__(self) -> bool:
        return self.allowed


def check_status_change(
    link: PaymentLink, target: LinkStatus, now: datetime, tz: tzinfo | None = UTC
) -> Decision:
    """May the user ask Lean to move `link` to `target` now? Reasons are for people to read,
    with times in `tz` (the user's zone on screen; None: the workstation's, see moment_text)."""
    current = effective_status(link, now)
    if target not in SETTABLE:
        return Decision(False, _only_lean(target))
    if current == LinkStatus.EXPIRED:
        if link.expires_at is None:
            return Decision(False, _expired())
        return Decision(False, _expired_on(moment_text(link.expires_at, tz)))
    if current == LinkStatus.USED:
        return Decision(False, _used(link.max_usages))
    if not current.is_known:
        unknown = translate(
            "Lifecycle", "Lean reports the status {status}, which LinkManager does not know yet."
        )
        return Decision(False, unknown.format(status=repr(current.value)))
    if current == target:
        if target == LinkStatus.ACTIVE:
            return Decision(False, translate("Lifecycle", "This link is already active."))
        return Decision(False, translate("Lifecycle", "This link is already disabled."))
    return Decision(True)


def _only_lean(target: LinkStatus) -> str:
    if target == LinkStatus.EXPIRED:
        return translate("Lifecycle", "Only Lean sets a link to expired; you can only disable or enable it.")
    if target == LinkStatus.USED:
        return translate("Lifecycle", "Only Lean sets a link to used; you can only disable or enable it.")
    return translate(
        "Lifecycle", "Only Lean sets a link to {status}; you can only disable or enable it."
    ).format(status=target.label.lower())


def _expired() -> str:
    return translate(
        "Lifecycle",
        "This link expired. Expired links can never be used again; duplicate it as a new link instead.",
    )


def _expired_on(when: str) -> str:
    return translate(
        "Lifecycle",
        "This link expired on {when}. Expired links can never be used again; duplicate it as a new link instead.",
    ).format(when=when)


def _used(limit: int | None) -> str:
    if limit is None:
        return translate(
            "Lifecycle",
            "This link has reached its limit of payments. Used links can never be used again; "
            "duplicate it as a new link instead.",
        )
    return LifecycleCounts.tr(
        "This link has reached its limit of %Ln payment(s). Used links can never be used again; "
        "duplicate it as a new link instead.",
        None,
        limit,
    )


def toggle_target(link: PaymentLink, now: datetime) -> LinkStatus | None:
    """The one status change the Disable/Enable button offers, or None when there is none."""
    current = effective_status(link, now)
    if current == LinkStatus.ACTIVE:
        return LinkStatus.DISABLED
    if current == LinkStatus.DISABLED:
        return LinkStatus.ACTIVE
    return None


def enable_deadline_text(link: PaymentLink, tz: tzinfo | None = UTC) -> str:
    """The way back, for confirmations: until when a disabled link can be enabled again."""
    if link.expires_at is None:
        return translate("Lifecycle", "You can re-enable it at any time.")
    return translate("Lifecycle", "You can re-enable it until {when}.").format(
        when=moment_text(link.expires_at, tz)
    )


class QrUse(Enum):
    """May a link's QR code be printed or shared?"""

    ALLOWED = "allowed"
    MARKED_DISABLED = "only with a clear DISABLED mark"
    REFUSED = "refused"


def qr_use(link: PaymentLink, now: datetime) -> QrUse:
    current = effective_status(link, now)
    if current == LinkStatus.ACTIVE:
        return QrUse.ALLOWED
    if current == LinkStatus.DISABLED:
        return QrUse.MARKED_DISABLED
    return QrUse.REFUSED


def usage_is_settled(usage: Usage) -> bool:
    """A usage that can no longer change: failed, expired, or paid with a final bank status."""
    if usage.usage_status in (UsageStatus.FAILED, UsageStatus.EXPIRED):
        return True
    return (
        usage.usage_status == UsageStatus.PAYMENT_CREATED and usage.payment_status in FINAL_PAYMENT_STATUSES
    )
