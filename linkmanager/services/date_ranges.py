"""Quick date ranges in the workstation's time zone, as the half-open UTC spans filters use.

"Today" is the user's today: from local midnight to the next, whatever UTC says. Midnights are
made in the zone itself (zoneinfo), so a day across a daylight-saving change is 23 or 25 hours.
Weeks start on Monday (the UAE's working week since 2022; ISO 8601).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum

from linkmanager.domain.models import ensure_utc


class QuickRange(StrEnum):
    ALL = "all"
    TODAY = "today"
    YESTERDAY = "yesterday"
    THIS_WEEK = "this-week"
    LAST_7_DAYS = "last-7-days"
    THIS_MONTH = "this-month"
    LAST_MONTH = "last-month"
    CUSTOM = "custom"


@dataclass(frozen=True, slots=True)
class DateRange:
    """Local days `first`..`last` (inclusive), as [since, until) in aware UTC."""

    first: date
    last: date
    since: datetime
    until: datetime


def local_midnight(day: date, zone: tzinfo) -> datetime:
    """The moment `day` begins in `zone`, in UTC."""
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)


def days(first: date, last: date, zone: tzinfo) -> DateRange:
    """A custom range of whole local days; `last` before `first` is the same range turned round."""
    if last < first:
        first, last = last, first
    return DateRange(first, last, local_midnight(first, zone), local_midnight(last + timedelta(days=1), zone))


def local_today(now: datetime, zone: tzinfo) -> date:
    return ensure_utc(now).astimezone(zone).date()


def quick_range(which: QuickRange, now: datetime, zone: tzinfo) -> DateRange | None:
    """The range a quick choice means at `now`; None for ALL and CUSTOM (the caller has the days)."""
    today = local_today(now, zone)
    if which == QuickRange.TODAY:
        return days(today, today, zone)
    if which == QuickRange.YESTERDAY:
        yesterday = today - timedelta(days=1)
        return days(yesterday, yesterday, zone)
    if which == QuickRange.THIS_WEEK:
        return days(today - timedelta(days=today.weekday()), today, zone)
    if which == QuickRange.LAST_7_DAYS:
        return days(today - timedelta(days=6), today, zone)
    if which == QuickRange.THIS_MONTH:
        return days(today.replace(day=1), today, zone)
    if which == QuickRange.LAST_MONTH:
        last = today.replace(day=1) - timedelta(days=1)
        return days(last.replace(day=1), last, zone)
    return None
