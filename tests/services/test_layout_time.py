"""The links table's rows and the print batch say times as every view does (lifecycle.moment_text)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from linkmanager.domain.lifecycle import moment_text, utc_text
from linkmanager.domain.models import PaymentDetails, PaymentLink
from linkmanager.domain.money import Money
from linkmanager.domain.status import LinkStatus
from linkmanager.services.link_rows import COLUMN_NAMES, LinkRow, status_reason
from linkmanager.services.print_batch import choose_links
from linkmanager.storage.cache_model import CachedLink

NOW = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
EXPIRES = datetime(2026, 11, 28, 19, 59, tzinfo=UTC)
EXPIRES_COLUMN = COLUMN_NAMES.index("expires")


def cached(expires: datetime | None = EXPIRES, status: LinkStatus = LinkStatus.ACTIVE) -> CachedLink:
    link = PaymentLink(
        id="7c9e6679-7425-40de-944b-e07fc1f90ae7",
        url="https://pay.example/l/1",
        status=status,
        current_usages=0,
        payment_details=PaymentDetails(Money(Decimal("10.00"), "AED"), "REF-1"),
        name="Rent",
        expires_at=expires,
    )
    return CachedLink(link, NOW - timedelta(minutes=5), None, None, None, 0, 0)


def test_the_expires_cell_is_in_the_workstations_zone_with_its_offset(dubai: None) -> None:
    texts = LinkRow.of(cached(), NOW).make_texts()
    assert texts[EXPIRES_COLUMN] == "28 Nov 2026 23:59 +04:00" == moment_text(EXPIRES)


def test_the_status_reason_says_local_time_and_utc(dubai: None) -> None:
    row = LinkRow.of(cached(status=LinkStatus.ACTIVE), EXPIRES + timedelta(days=1))
    reason = status_reason(row)
    confirmed = NOW - timedelta(minutes=5)
    assert f"Confirmed by Lean {moment_text(confirmed)} ({utc_text(confirmed)})." in reason
    assert "its expiry (28 Nov 2026 23:59 +04:00) has passed" in reason


def test_a_link_left_out_of_a_print_says_when_it_expired(dubai: None) -> None:
    (out,) = choose_links([cached()], EXPIRES + timedelta(days=1), tz=None).left_out
    assert out.reason == "expired on 28 Nov 2026 23:59 +04:00"
