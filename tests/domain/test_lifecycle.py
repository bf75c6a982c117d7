from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linkmanager.domain.lifecycle import (
    QrUse,
    check_status_change,
    effective_status,
    enable_deadline_text,
    qr_use,
    toggle_target,
    usage_is_settled,
)
from linkmanager.domain.models import PaymentDetails, PaymentLink, Usage
from linkmanager.domain.money import Money
from linkmanager.domain.status import LinkStatus, UsageStatus

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
ALLOWED_MOVES = {(LinkStatus.ACTIVE, LinkStatus.DISABLED), (LinkStatus.DISABLED, LinkStatus.ACTIVE)}


def make_link(
    status: LinkStatus = LinkStatus.ACTIVE,
    expires_at: datetime | None = None,
    current: int = 0,
    limit: int | None = 1000,
) -> PaymentLink:
    return PaymentLink(
        id="a1b2c3d4-e5f6-7890-abcd-ef1234567890",
        url="https://pay.example/pay/1",
        status=status,
        current_usages=current,
        max_usages=limit,
        expires_at=expires_at,
        payment_details=PaymentDetails(Money(Decimal("1500.00"), "AED"), "INV-1"),
    )


statuses = st.sampled_from([*LinkStatus.known(), LinkStatus("ARCHIVED")])
offsets = st.none() | st.integers(min_value=-(10**7), max_value=10**7).map(lambda s: timedelta(seconds=s))


@st.composite
def links(draw: st.DrawFn) -> PaymentLink:
    offset = draw(offsets)
    limit = draw(st.none() | st.integers(min_value=1, max_value=50))
    current = draw(st.integers(min_value=0, max_value=60))
    return make_link(draw(statuses), None if offset is None else NOW + offset, current, limit)


@given(links())
def test_a_passed_expiry_or_a_reached_limit_ends_an_open_link(link: PaymentLink) -> None:
    status = effective_status(link, NOW)
    passed = link.expires_at is not None and link.expires_at <= NOW
    full = link.max_usages is not None and link.current_usages >= link.max_usages
    if link.status in (LinkStatus.ACTIVE, LinkStatus.DISABLED):
        if full:
            assert status == LinkStatus.USED
        elif passed:
            assert status == LinkStatus.EXPIRED
        else:
            assert status == link.status
    if link.status in (LinkStatus.EXPIRED, LinkStatus.USED) or not link.status.is_known:
        assert status == link.status


@given(links(), st.integers(min_value=0, max_value=10**8))
def test_terminal_states_stay_terminal_as_time_passes(link: PaymentLink, later: int) -> None:
    before = effective_status(link, NOW)
    after = effective_status(link, NOW + timedelta(seconds=later))
    if before in (LinkStatus.EXPIRED, LinkStatus.USED):
        assert after == before


@given(links(), statuses)
def test_only_active_and_disabled_swap(link: PaymentLink, target: LinkStatus) -> None:
    decision = check_status_change(link, target, NOW)
    assert decision.allowed == ((effective_status(link, NOW), target) in ALLOWED_MOVES)
    assert bool(decision) == decision.allowed
    assert (decision.reason == "") == decision.allowed


@given(links())
def test_the_toggle_offers_exactly_the_allowed_change(link: PaymentLink) -> None:
    target = toggle_target(link, NOW)
    allowed = [t for t in LinkStatus.known() if check_status_change(link, t, NOW)]
    assert allowed == ([] if target is None else [target])


def test_an_expired_link_cannot_be_enabled_and_the_reason_says_what_to_do() -> None:
    link = make_link(LinkStatus.DISABLED, expires_at=NOW - timedelta(minutes=1))
    decision = check_status_change(link, LinkStatus.ACTIVE, NOW)
    assert not decision
    assert "expired on 26 Nov 2026 11:59 +00:00" in decision.reason
    dubai = timezone(timedelta(hours=4), "+04")
    assert (
        "expired on 26 Nov 2026 15:59 +04:00"
        in check_status_change(link, LinkStatus.ACTIVE, NOW, dubai).reason
    )
    assert "duplicate it as a new link" in decision.reason


def test_a_used_link_names_its_limit() -> None:
    link = make_link(LinkStatus.ACTIVE, current=5, limit=5)
    assert effective_status(link, NOW) == LinkStatus.USED
    assert "limit of 5 payments" in check_status_change(link, LinkStatus.DISABLED, NOW).reason


def test_clients_cannot_set_terminal_states() -> None:
    decision = check_status_change(make_link(), LinkStatus.EXPIRED, NOW)
    assert not decision
    assert "Only Lean" in decision.reason


def test_an_unknown_status_offers_nothing() -> None:
    link = make_link(LinkStatus("ARCHIVED"))
    assert toggle_target(link, NOW) is None
    assert "ARCHIVED" in check_status_change(link, LinkStatus.ACTIVE, NOW).reason


def test_the_way_back_names_the_deadline() -> None:
    assert enable_deadline_text(make_link(expires_at=NOW + timedelta(days=3))) == (
        "You can re-enable it until 29 Nov 2026 12:00 +00:00."
    )
    assert enable_deadline_text(make_link()) == "You can re-enable it at any time."


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (LinkStatus.ACTIVE, QrUse.ALLOWED),
        (LinkStatus.DISABLED, QrUse.MARKED_DISABLED),
        (LinkStatus.EXPIRED, QrUse.REFUSED),
        (LinkStatus.USED, QrUse.REFUSED),
    ],
)
def test_qr_use_follows_the_product_table(status: LinkStatus, expected: QrUse) -> None:
    assert qr_use(make_link(status), NOW) is expected


def test_qr_of_a_link_past_its_expiry_is_refused_before_any_sync() -> None:
    assert qr_use(make_link(expires_at=NOW - timedelta(seconds=1)), NOW) is QrUse.REFUSED


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        make_link(expires_at=datetime(2026, 1, 1))  # noqa: DTZ001


@pytest.mark.parametrize(
    ("usage_status", "payment_status", "settled"),
    [
        (UsageStatus.STARTED, None, False),
        (UsageStatus.PAYMENT_CREATED, "PENDING_WITH_BANK", False),
        (UsageStatus.PAYMENT_CREATED, "SETTLEMENT_HOLD", False),
        (UsageStatus.PAYMENT_CREATED, "ACCEPTED_BY_BANK", True),
        (UsageStatus.FAILED, None, True),
        (UsageStatus.EXPIRED, None, True),
        (UsageStatus("ON_HOLD"), None, False),
    ],
)
def test_settled_usages(usage_status: UsageStatus, payment_status: str | None, settled: bool) -> None:
    usage = Usage("u1", "l1", usage_status, payment_status=payment_status)
    assert usage_is_settled(usage) is settled
