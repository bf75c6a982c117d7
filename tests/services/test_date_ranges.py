"""Quick date ranges in the user's zone: whole local days as half-open UTC spans, across clock changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linkmanager.services.date_ranges import (
    DateRange,
    QuickRange,
    days,
    local_midnight,
    local_today,
    quick_range,
)

DUBAI = ZoneInfo("Asia/Dubai")
LONDON = ZoneInfo("Europe/London")
# Wednesday 11 March 2026, 10:00 in Dubai (+04)
WEDNESDAY = datetime(2026, 3, 11, 6, 0, tzinfo=UTC)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def span(found: DateRange | None) -> tuple[date, date, datetime, datetime]:
    assert found is not None
    return found.first, found.last, found.since, found.until


@pytest.mark.parametrize(
    ("which", "first", "last"),
    [
        (QuickRange.TODAY, date(2026, 3, 11), date(2026, 3, 11)),
        (QuickRange.YESTERDAY, date(2026, 3, 10), date(2026, 3, 10)),
        (QuickRange.THIS_WEEK, date(2026, 3, 9), date(2026, 3, 11)),  # from Monday
        (QuickRange.LAST_7_DAYS, date(2026, 3, 5), date(2026, 3, 11)),  # today and the six before
        (QuickRange.THIS_MONTH, date(2026, 3, 1), date(2026, 3, 11)),
        (QuickRange.LAST_MONTH, date(2026, 2, 1), date(2026, 2, 28)),
    ],
)
def test_each_quick_range_in_dubai(which: QuickRange, first: date, last: date) -> None:
    # Dubai has no daylight saving: local midnight is 20:00 UTC the day before
    since = datetime(first.year, first.month, first.day, tzinfo=UTC) - timedelta(hours=4)
    until = datetime(last.year, last.month, last.day, tzinfo=UTC) + timedelta(hours=20)
    assert span(quick_range(which, WEDNESDAY, DUBAI)) == (first, last, since, until)


@pytest.mark.parametrize("which", [QuickRange.ALL, QuickRange.CUSTOM])
def test_all_and_custom_have_no_range_of_their_own(which: QuickRange) -> None:
    assert quick_range(which, WEDNESDAY, DUBAI) is None


def test_today_is_the_local_today_not_the_utc_one() -> None:
    late = utc(2026, 3, 10, 21, 30)  # 01:30 on the 11th in Dubai
    assert local_today(late, DUBAI) == date(2026, 3, 11)
    assert span(quick_range(QuickRange.TODAY, late, DUBAI)) == (
        date(2026, 3, 11),
        date(2026, 3, 11),
        utc(2026, 3, 10, 20),
        utc(2026, 3, 11, 20),
    )
    just_before = utc(2026, 3, 10, 19, 59, 59)
    assert span(quick_range(QuickRange.TODAY, just_before, DUBAI))[0] == date(2026, 3, 10)


def test_now_in_any_zone_gives_the_same_range() -> None:
    same = WEDNESDAY.astimezone(timezone(timedelta(hours=-7)))
    for which in QuickRange:
        assert quick_range(which, same, DUBAI) == quick_range(which, WEDNESDAY, DUBAI)


def test_a_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        quick_range(QuickRange.TODAY, WEDNESDAY.replace(tzinfo=None), DUBAI)


@pytest.mark.parametrize(
    ("today", "monday"),
    [
        (date(2026, 3, 9), date(2026, 3, 9)),  # a Monday: the week is that day
        (date(2026, 3, 15), date(2026, 3, 9)),  # a Sunday: the week began six days before
        (date(2026, 3, 1), date(2026, 2, 23)),  # a Sunday, the week across a month's start
    ],
)
def test_this_week_starts_on_monday(today: date, monday: date) -> None:
    noon = datetime(today.year, today.month, today.day, 8, tzinfo=UTC)  # 12:00 in Dubai
    found = quick_range(QuickRange.THIS_WEEK, noon, DUBAI)
    assert found is not None
    assert (found.first, found.last) == (monday, today)
    assert found.first.weekday() == 0


def test_last_month_across_a_year_boundary() -> None:
    january = utc(2027, 1, 6, 9)
    assert span(quick_range(QuickRange.LAST_MONTH, january, DUBAI)) == (
        date(2026, 12, 1),
        date(2026, 12, 31),
        utc(2026, 11, 30, 20),
        utc(2026, 12, 31, 20),
    )
    this_month = quick_range(QuickRange.THIS_MONTH, january, DUBAI)
    assert this_month is not None
    assert (this_month.first, this_month.last) == (date(2027, 1, 1), date(2027, 1, 6))


def test_last_month_on_the_first_of_march_in_a_leap_year() -> None:
    found = quick_range(QuickRange.LAST_MONTH, utc(2028, 3, 1, 9), DUBAI)
    assert found is not None
    assert (found.first, found.last) == (date(2028, 2, 1), date(2028, 2, 29))


def test_a_spring_day_in_london_is_23_hours() -> None:
    sunday = utc(2026, 3, 29, 12)  # BST since 01:00 UTC this morning
    today = span(quick_range(QuickRange.TODAY, sunday, LONDON))
    assert today == (date(2026, 3, 29), date(2026, 3, 29), utc(2026, 3, 29, 0), utc(2026, 3, 29, 23))
    assert today[3] - today[2] == timedelta(hours=23)
    week = quick_range(QuickRange.LAST_7_DAYS, sunday, LONDON)
    assert week is not None
    assert week.until - week.since == timedelta(days=7, hours=-1)
    yesterday = quick_range(QuickRange.YESTERDAY, sunday, LONDON)
    assert yesterday is not None
    assert (yesterday.since, yesterday.until) == (utc(2026, 3, 28, 0), utc(2026, 3, 29, 0))


def test_an_autumn_day_in_london_is_25_hours() -> None:
    sunday = utc(2026, 10, 25, 12)  # GMT again since 01:00 UTC this morning
    today = span(quick_range(QuickRange.TODAY, sunday, LONDON))
    assert today == (date(2026, 10, 25), date(2026, 10, 25), utc(2026, 10, 24, 23), utc(2026, 10, 26, 0))
    assert today[3] - today[2] == timedelta(hours=25)
    october = quick_range(QuickRange.THIS_MONTH, sunday, LONDON)
    assert october is not None
    assert (october.since, october.until) == (utc(2026, 9, 30, 23), utc(2026, 10, 26, 0))


def test_last_month_in_london_spans_the_clock_change() -> None:
    april = quick_range(QuickRange.LAST_MONTH, utc(2026, 4, 10, 12), LONDON)
    assert april is not None
    assert (april.first, april.last) == (date(2026, 3, 1), date(2026, 3, 31))
    assert (april.since, april.until) == (utc(2026, 3, 1, 0), utc(2026, 3, 31, 23))
    assert april.until - april.since == timedelta(days=31, hours=-1)


def test_days_turned_round_are_the_same_range() -> None:
    forward = days(date(2026, 3, 1), date(2026, 3, 5), DUBAI)
    assert days(date(2026, 3, 5), date(2026, 3, 1), DUBAI) == forward
    assert span(forward) == (date(2026, 3, 1), date(2026, 3, 5), utc(2026, 2, 28, 20), utc(2026, 3, 5, 20))
    one = days(date(2026, 3, 29), date(2026, 3, 29), LONDON)
    assert one.until - one.since == timedelta(hours=23)


def test_local_midnight_is_utc() -> None:
    assert local_midnight(date(2026, 7, 1), LONDON) == utc(2026, 6, 30, 23)
    assert local_midnight(date(2026, 7, 1), LONDON).tzinfo is UTC
    assert local_midnight(date(2026, 7, 1), DUBAI) == utc(2026, 6, 30, 20)


ZONES = st.sampled_from([DUBAI, LONDON, ZoneInfo("America/New_York"), ZoneInfo("Asia/Kolkata"), UTC])
# hypothesis takes naive bounds and gives aware moments in the zones asked for
MOMENTS = st.datetimes(datetime(2020, 1, 1), datetime(2035, 12, 31), timezones=st.just(UTC))  # noqa: DTZ001


@given(MOMENTS, ZONES)
def test_today_holds_now_and_the_ranges_are_whole_local_days(now: datetime, zone: ZoneInfo) -> None:
    today = quick_range(QuickRange.TODAY, now, zone)
    assert today is not None
    assert today.since <= now < today.until
    for which in QuickRange:
        found = quick_range(which, now, zone)
        if found is None:
            assert which in (QuickRange.ALL, QuickRange.CUSTOM)
            continue
        assert found.first <= found.last <= today.last
        assert found.since == local_midnight(found.first, zone)
        assert found.until == local_midnight(found.last + timedelta(days=1), zone)
        assert found.since.astimezone(zone).time() == time(0)
        assert found.since.tzinfo is UTC
        assert found.until.tzinfo is UTC
    week = quick_range(QuickRange.THIS_WEEK, now, zone)
    assert week is not None
    assert week.first.weekday() == 0
    assert 0 <= (week.last - week.first).days <= 6
