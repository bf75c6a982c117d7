"""The detail pane's money line: what a link collected, payments against its limit, and the flag
for a possible double charge (more collected payments than allowed, or a payment ID twice)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from pytestqt.qtbot import QtBot

from linkmanager.domain.models import PaymentDetails, PaymentLink, Usage
from linkmanager.domain.money import Money
from linkmanager.domain.outcome import collected_summary
from linkmanager.domain.status import LinkStatus, UsageStatus
from linkmanager.storage.cache_model import CachedLink
from linkmanager.ui.widgets.detail_pane import DetailPane

NOW = datetime(2026, 5, 20, 10, 0, tzinfo=UTC)


def link(amount: str = "1.500", currency: str = "KWD", limit: int | None = 2) -> PaymentLink:
    return PaymentLink(
        id="link-1",
        url="https://pay.example/l/1",
        status=LinkStatus.ACTIVE,
        current_usages=0,
        payment_details=PaymentDetails(Money(Decimal(amount), currency), "INV-1"),
        name="Tuition",
        max_usages=limit,
    )


def paid(usage_id: str, payment_id: str, status: str = "ACCEPTED_BY_BANK") -> Usage:
    return Usage(usage_id, "link-1", UsageStatus.PAYMENT_CREATED, (), None, payment_id, status)


def cached(shown: PaymentLink) -> CachedLink:
    return CachedLink(shown, NOW, NOW, LinkStatus.ACTIVE, None, 0, 0)


@pytest.fixture
def pane(qtbot: QtBot) -> DetailPane:
    widget = DetailPane(lambda: NOW, tz=UTC)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_collected_amount_and_payments_against_the_limit(pane: DetailPane) -> None:
    shown = link()
    pane.show_link(cached(shown))
    pane.show_usages(shown.id, [paid("u1", "p1"), paid("u2", "p2", "PENDING_WITH_BANK")])
    text = pane.usages.collected.text()
    assert "KWD" in text
    assert "1.500" in text  # one collected payment, the currency's three decimals
    assert "1 / 2 allowed" in text
    assert pane.usages.flag.isHidden()


def test_more_collected_than_allowed_is_flagged(pane: DetailPane) -> None:
    shown = link(limit=1)
    pane.show_link(cached(shown))
    pane.show_usages(shown.id, [paid("u1", "p1"), paid("u2", "p2")])
    assert "3.000" in pane.usages.collected.text()
    assert not pane.usages.flag.isHidden()
    assert "charged twice" in pane.usages.flag.text()


def test_a_payment_id_on_two_usages_is_flagged_by_name(pane: DetailPane) -> None:
    shown = link(limit=None)
    pane.show_link(cached(shown))
    pane.show_usages(shown.id, [paid("u1", "p-same"), paid("u2", "p-same", "FAILED")])
    assert "∞" in pane.usages.collected.text()
    assert not pane.usages.flag.isHidden()
    assert "p-same" in pane.usages.flag.text()


def test_another_link_clears_the_line_until_its_usages_are_read(pane: DetailPane) -> None:
    first = link(limit=1)
    pane.show_link(cached(first))
    pane.show_usages(first.id, [paid("u1", "p1"), paid("u2", "p2")])
    pane.show_link(cached(replace(first, id="link-2")))
    assert pane.usages.collected.text() == ""
    assert pane.usages.flag.isHidden()


def test_the_summary_is_exact_decimal_money() -> None:
    summary = collected_summary([paid("u1", "p1"), paid("u2", "p2"), paid("u3", "p3")], Decimal("0.10"), None)
    assert summary.amount == Decimal("0.30")
    assert not summary.over_limit
    assert summary.repeated_payment_ids == ()
