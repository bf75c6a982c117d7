"""Links and previews for the print tests: cached links made to order, a preview opened (never exec'd)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from linkmanager.domain.models import PaymentDetails, PaymentLink
from linkmanager.domain.money import Money
from linkmanager.domain.status import LinkStatus
from linkmanager.storage.cache_model import CachedLink
from linkmanager.ui.printing.preview import PrintPreview

NOW = datetime(2026, 5, 20, 10, 0, tzinfo=UTC)
DUBAI = timezone(timedelta(hours=4), "+04")


def make(
    n: int,
    status: LinkStatus = LinkStatus.ACTIVE,
    *,
    expires_in: timedelta = timedelta(days=30),
    max_usages: int | None = None,
    current_usages: int = 0,
) -> CachedLink:
    link = PaymentLink(
        id=f"link-{n:02d}",
        url=f"https://pay.simulator.invalid/pay/0b9e0a4c-3f6e-4a51-9d7a-1b7f3c2e{n:04d}",
        status=status,
        current_usages=current_usages,
        payment_details=PaymentDetails(Money(Decimal("10.00"), "AED"), f"REF-{n}"),
        name=f"Link {n}",
        expires_at=NOW + expires_in,
        max_usages=max_usages,
    )
    return CachedLink(link, NOW, None, None, None, 0, 0)


def open_preview(
    qtbot: QtBot, links: Sequence[CachedLink], settings: QSettings | None = None, **options: object
) -> PrintPreview:
    preview = PrintPreview(links, NOW, tz=DUBAI, settings=settings, **options)  # type: ignore[arg-type]
    qtbot.addWidget(preview)
    preview.open()
    return preview
