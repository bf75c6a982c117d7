"""Pure Python domain: payment links, usages, statuses, lifecycle rules, Money. No Qt, no I/O."""

from linkmanager.domain.lifecycle import (
    Decision,
    QrUse,
    check_status_change,
    effective_status,
    qr_use,
    toggle_target,
    usage_is_settled,
)
from linkmanager.domain.models import (
    CollectedIdentifier,
    IdentifierConfig,
    NewPaymentLink,
    Page,
    PaymentDetails,
    PaymentLink,
    Usage,
    ensure_utc,
    utc_now,
)
from linkmanager.domain.money import Money, MoneyError, currency_digits, format_money, is_iso_currency
from linkmanager.domain.status import PAYMENT_PURPOSES, IdentifierType, LinkStatus, UsageStatus

__all__ = [
    "PAYMENT_PURPOSES",
    "CollectedIdentifier",
    "Decision",
    "IdentifierConfig",
    "IdentifierType",
    "LinkStatus",
    "Money",
    "MoneyError",
    "NewPaymentLink",
    "Page",
    "PaymentDetails",
    "PaymentLink",
    "QrUse",
    "Usage",
    "UsageStatus",
    "check_status_change",
    "currency_digits",
    "effective_status",
    "ensure_utc",
    "format_money",
    "is_iso_currency",
    "qr_use",
    "toggle_target",
    "usage_is_settled",
    "utc_now",
]
