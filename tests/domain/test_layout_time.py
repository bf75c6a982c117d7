"""One way to say a time: the workstation's zone with its offset; UTC one hover away."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from linkmanager.domain.lifecycle import moment_text, offset_text, utc_text

MOMENT = datetime(2026, 11, 28, 19, 59, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("Asia/Dubai", "28 Nov 2026 23:59 +04:00"),
        ("Asia/Riyadh", "28 Nov 2026 22:59 +03:00"),
        ("UTC", "28 Nov 2026 19:59 +00:00"),  # an offset like any other, never "UTC"
        ("Asia/Kolkata", "29 Nov 2026 01:29 +05:30"),  # the next day there
        ("America/St_Johns", "28 Nov 2026 16:29 -03:30"),
    ],
)
def test_a_moment_is_said_in_the_zone_with_its_offset(zone: str, expected: str) -> None:
    assert moment_text(MOMENT, ZoneInfo(zone)) == expected


def test_the_utc_form_is_exact_and_says_utc() -> None:
    assert utc_text(MOMENT) == "2026-11-28 19:59:30 UTC"
    assert utc_text(MOMENT.astimezone(ZoneInfo("Asia/Dubai"))) == "2026-11-28 19:59:30 UTC"


def test_offsets_read_as_iso_8601_writes_them() -> None:
    assert offset_text(None) == "+00:00"
    assert offset_text(timedelta(hours=4)) == "+04:00"
    assert offset_text(timedelta(hours=-5, minutes=-30)) == "-05:30"


def test_no_zone_given_is_the_workstations(dubai: None) -> None:
    assert moment_text(MOMENT) == moment_text(MOMENT, ZoneInfo("Asia/Dubai")) == "28 Nov 2026 23:59 +04:00"


def test_no_zone_given_follows_daylight_saving_at_that_moment(london: None) -> None:
    """Each moment with the offset it has (the zone as it will be then, not as it is today)."""
    assert moment_text(datetime(2026, 7, 1, 12, 0, tzinfo=UTC)) == "01 Jul 2026 13:00 +01:00"
    assert moment_text(datetime(2026, 12, 1, 12, 0, tzinfo=UTC)) == "01 Dec 2026 12:00 +00:00"
