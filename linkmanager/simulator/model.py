"""The simulator's records: links, usages and their wire form (the contract's field names).

These are the server's own types, deliberately separate from `linkmanager.domain`: the
simulator must stay faithful to Lean even where the client's model is wrong.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

__all__ = [
    "DEFAULT_MAX_USAGES",
    "IDENTIFIER_TYPES",
    "LINK_STATUSES",
    "PAYMENT_PURPOSES",
    "STARTED_TIMEOUT",
    "TERMINAL_STATUSES",
    "USAGE_STATUSES",
    "CollectedValue",
    "IdentifierSpec",
    "Link",
    "NewLink",
    "PaymentDetails",
    "Usage",
]

LINK_STATUSES = ("ACTIVE", "DISABLED", "EXPIRED", "USED")
TERMINAL_STATUSES = frozenset({"EXPIRED", "USED"})
USAGE_STATUSES = ("STARTED", "PAYMENT_CREATED", "FAILED", "EXPIRED")
IDENTIFIER_TYPES = ("EMAIL", "MOBILE_PHONE", "TEXT")
PAYMENT_PURPOSES = ("FIS", "TCS", "MWP", "OAT", "IFS", "RNT", "LNC", "PIN", "GDS")
DEFAULT_MAX_USAGES = 1000
# Lean cleans up a usage stuck in STARTED after 30 minutes (UsageStatus in the contract).
STARTED_TIMEOUT = dt.timedelta(minutes=30)

# CollectedIdentifier.display_label is a required string; a link field without a custom label
# is shown to payers under a generic one, and that is what a usage reports.
DEFAULT_LABELS = {"EMAIL": "Email address", "MOBILE_PHONE": "Mobile number", "TEXT": "Additional information"}


@dataclass(frozen=True, slots=True)
class PaymentDetails:
    reference: str
    currency: str
    amount: Decimal
    destination_id: str | None = None
    payment_purpose: str | None = None

    def to_wire(self) -> dict[str, Any]:
        return {
            "destination_id": self.destination_id,
            "reference": self.reference,
            "currency": self.currency,
            "amount": self.amount,
            "payment_purpose": self.payment_purpose,
        }


@dataclass(frozen=True, slots=True)
class IdentifierSpec:
    type: str
    display_label: str | None = None
    required: bool | None = None
    limit: int | None = None

    @property
    def label(self) -> str:
        return self.display_label or DEFAULT_LABELS.get(self.type, self.type)

    def to_wire(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "display_label": self.display_label,
            "required": self.required,
            "limit": self.limit,
        }


@dataclass(frozen=True, slots=True)
class NewLink:
    """A validated create request; `redirect_url` None means "use the registered default"."""

    payment_details: PaymentDetails
    name: str | None = None
    max_usages: int | None = DEFAULT_MAX_USAGES
    expires_at: dt.datetime | None = None
    redirect_url: str | None = None
    customer_id: str | None = None
    identifiers: tuple[IdentifierSpec, ...] | None = None


@dataclass(slots=True)
class Link:
    id: str
    link: str
    status: str
    redirect_url: str
    payment_details: PaymentDetails
    current_usages: int = 0
    name: str | None = None
    max_usages: int | None = DEFAULT_MAX_USAGES
    expires_at: dt.datetime | None = None
    customer_id: str | None = None
    identifiers: tuple[IdentifierSpec, ...] | None = None
    # Not on the wire: usages still in STARTED (capacity held for them), usage ids oldest first.
    in_flight: int = 0
    usage_ids: list[str] = field(default_factory=list)

    def has_room(self) -> bool:
        """Whether one more started payment could still fit under max_usages."""
        return self.max_usages is None or self.current_usages + self.in_flight < self.max_usages

    def to_wire(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "link": self.link,
            "status": self.status,
            "current_usages": self.current_usages,
            "name": self.name,
            "max_usages": self.max_usages,
            "expires_at": self.expires_at,
            "redirect_url": self.redirect_url,
            "customer_id": self.customer_id,
            "payment_details": self.payment_details.to_wire(),
            "identifiers": None if self.identifiers is None else [i.to_wire() for i in self.identifiers],
        }


@dataclass(frozen=True, slots=True)
class CollectedValue:
    type: str
    display_label: str
    value: str

    def to_wire(self) -> dict[str, Any]:
        return {"type": self.type, "display_label": self.display_label, "value": self.value}


@dataclass(slots=True)
class Usage:
    usage_id: str
    payment_link_id: str
    usage_status: str
    started_at: dt.datetime
    identifiers: tuple[CollectedValue, ...] = ()
    customer_id: str | None = None
    payment_id: str | None = None
    payment_status: str | None = None

    def to_wire(self) -> dict[str, Any]:
        return {
            "usage_id": self.usage_id,
            "payment_link_id": self.payment_link_id,
            "usage_status": self.usage_status,
            "customer_id": self.customer_id,
            "payment_id": self.payment_id,
            "payment_status": self.payment_status,
            "identifiers": [i.to_wire() for i in self.identifiers],
        }
