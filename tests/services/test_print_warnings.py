"""Warnings before printing a link that soon stops working: within 24 hours, under 10 % of uses."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

from linkmanager.domain.models import PaymentDetails, PaymentLink
from linkmanager.domain.money import Money
from linkmanager.domain.status import LinkStatus
from linkmanager.services.print_batch import SheetItem, print_warnings

NOW = datetime(2026, 5, 20, 10, 3, tzinfo=UTC)  # 14:03 in Dubai
DUBAI = timezone(timedelta(hours=4))


def item(name: str, **fields: object) -> SheetItem:
    values: dict[str, object] = {"current_usages": 0, "max_usages": None, "expires_at": None} | fields
    return SheetItem(
        PaymentLink(
            id=f"id-{name}",
            url="https://pay.simulator.invalid/pay/x",
            status=LinkStatus.ACTIVE,
            payment_details=PaymentDetails(Money(Decimal("10.00"), "AED"), "REF"),
            name=name,
            **values,  # type: ignore[arg-type]
        )
    )


def test_a_link_expiring_within_24_hours_is_named_with_its_local_time() -> None:
    soon = item("Spring sale", expires_at=NOW + timedelta(minutes=17))
    assert print_warnings([soon, soon, soon], NOW, DUBAI) == [
        "Spring sale expires in 17 minutes (today 14:20 +04:00): customers who scan it after that see an "
        "error page."
    ]
    tomorrow = item("Brunch", expires_at=NOW + timedelta(hours=23, minutes=30))
    assert print_warnings([tomorrow], NOW, DUBAI) == [
        "Brunch expires in 23 hours (tomorrow 13:33 +04:00): customers who scan it after that see an error page."
    ]
    later = item("Later", expires_at=NOW + timedelta(hours=24, minutes=1))
    assert print_warnings([later, item("Never")], NOW, DUBAI) == []


def test_a_link_with_under_a_tenth_of_its_uses_left_is_named() -> None:
    low = item("Raffle", max_usages=50, current_usages=48)
    assert print_warnings([low], NOW, DUBAI) == [
        "Raffle has 2 of 50 uses left: after that, customers who scan it see an error page."
    ]
    tenth = item("Tenth", max_usages=50, current_usages=45)  # 5 of 50 is 10 %: not under it
    single = item("Single", max_usages=1, current_usages=0)  # its one use is all of it
    assert print_warnings([tenth, single], NOW, DUBAI) == []


def test_both_reasons_for_one_link_are_both_said() -> None:
    both = item("Both", max_usages=100, current_usages=95, expires_at=NOW + timedelta(hours=2))
    warnings = print_warnings([both], NOW, DUBAI)
    assert [w.split(" ", 2)[1] for w in warnings] == ["expires", "has"]
