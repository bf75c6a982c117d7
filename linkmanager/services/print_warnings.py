"""Warnings before printing a link that will soon stop working: no Qt.

A code printed for a link that expires in 17 minutes, or that has 2 of its 50 payments left,
sends customers to an error page soon after. Printing still goes ahead (the operator may know
better): these sentences are shown first (the preview's banner, "Warning: …" on stderr).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, tzinfo

from linkmanager.domain.i18n import Context, translate
from linkmanager.domain.lifecycle import moment_text, offset_text
from linkmanager.domain.models import ensure_utc
from linkmanager.services.print_choice import SheetItem
from linkmanager.services.print_layout import plain_line

PrintWarningCounts = Context("PrintWarningCounts")  # plurals: lupdate reads X.tr(text, "", n) as a plural

EXPIRY_NOTICE = timedelta(hours=24)
USES_LEFT_SHARE = 0.10  # under 10 % of a link's payments left


def print_warnings(items: Iterable[SheetItem], now: datetime, tz: tzinfo | None) -> list[str]:
    """One sentence per link (once, however many copies) that expires within 24 hours of `now`
    or has under 10 % of its uses left; times in `tz` (None: the workstation's zone)."""
    found: list[str] = []
    seen: set[str] = set()
    for item in items:
        link = item.link
        if link.id in seen:
            continue
        seen.add(link.id)
        name = plain_line(link.display_name) or link.id
        if link.expires_at is not None:
            left = ensure_utc(link.expires_at) - ensure_utc(now)
            if timedelta(0) < left <= EXPIRY_NOTICE:
                found.append(
                    translate(
                        "PrintWarnings",
                        "{name} expires in {left} ({when}): customers who scan it after that see an error page.",
                    ).format(name=name, left=_duration(left), when=_when(link.expires_at, now, tz))
                )
        limit = link.max_usages
        if limit:
            remaining = max(0, limit - link.current_usages)
            if 0 < remaining < limit * USES_LEFT_SHARE:
                found.append(
                    PrintWarningCounts.tr(
                        "{name} has {left} of %Ln use(s) left: after that, customers who scan it see an error page.",
                        None,
                        limit,
                    ).format(name=name, left=f"{remaining:,}")
                )
    return found


def _duration(left: timedelta) -> str:
    minutes = max(1, int(left.total_seconds() // 60))
    if minutes < 60:
        return PrintWarningCounts.tr("%n minute(s)", None, minutes)
    return PrintWarningCounts.tr("%n hour(s)", None, minutes // 60)


def _when(moment: datetime, now: datetime, tz: tzinfo | None) -> str:
    """ "today 14:20 +04:00", "tomorrow 09:00 +04:00": the shop's own day and clock."""
    local, today = ensure_utc(moment).astimezone(tz), ensure_utc(now).astimezone(tz).date()
    clock = f"{local:%H:%M} {offset_text(local.utcoffset())}"
    if local.date() == today:
        return translate("PrintWarnings", "today {time}").format(time=clock)
    if local.date() == today + timedelta(days=1):
        return translate("PrintWarnings", "tomorrow {time}").format(time=clock)
    return moment_text(moment, tz)
