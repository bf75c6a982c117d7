"""Payment links and usages as the rest of the app sees them: immutable, typed, exact.

Field names follow Lean's contract so that nobody has to translate in their head; the one
exception is `url` for Lean's `link` (a PaymentLink having a `link` field reads badly).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Generic, TypeVar

from linkmanager.domain.money import Money
from linkmanager.domain.status import IdentifierType, LinkStatus, UsageStatus


def ensure_utc(moment: datetime) -> datetime:
    """Times inside the app are aware UTC; a naive time is a programming error, not data."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"a naive datetime has no place in LinkManager: {moment!r}")
    return moment.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class PaymentDetails:
    amount: Money
    reference: str
    destination_id: str | None = None
    payment_purpose: str | None = None


@dataclass(frozen=True, slots=True)
class IdentifierConfig:
    """A field the payer is asked to fill in before paying."""

    type: IdentifierType
    display_label: str | None = None
    required: bool = False
    limit: int | None = None


@dataclass(frozen=True, slots=True)
class PaymentLink:
    id: str
    url: str
    status: LinkStatus
    current_usages: int
    payment_details: PaymentDetails
    name: str | None = None
    max_usages: int | None = None  # None: no limit
    expires_at: datetime | None = None  # None: never expires
    redirect_url: str | None = None
    customer_id: str | None = None
    identifiers: tuple[IdentifierConfig, ...] = ()

    def __post_init__(self) -> None:
        if self.expires_at is not None:
            object.__setattr__(self, "expires_at", ensure_utc(self.expires_at))
        if self.current_usages < 0:
            raise ValueError(f"current_usages cannot be negative: {self.current_usages}")

    @property
    def amount(self) -> Money:
        return self.payment_details.amount

    @property
    def reference(self) -> str:
        return self.payment_details.reference

    @property
    def display_name(self) -> str:
        """What a person calls the link: its name, else its reference."""
        return self.name or self.payment_details.reference


@dataclass(frozen=True, slots=True)
class CollectedIdentifier:
    """A value a payer typed: untrusted text, shown as plain text and never as markup."""

    type: IdentifierType
    display_label: str
    value: str


@dataclass(frozen=True, slots=True)
class Usage:
    """One payer's attempt through a link."""

    usage_id: str
    payment_link_id: str
    usage_status: UsageStatus
    identifiers: tuple[CollectedIdentifier, ...] = field(default=())
    customer_id: str | None = None
    payment_id: str | None = None
    payment_status: str | None = None  # free text from the bank side; null until known


@dataclass(frozen=True, slots=True)
class NewPaymentLink:
    """What the user asks Lean to create (CreatePaymentLinkRequest)."""

    payment_details: PaymentDetails
    name: str | None = None
    max_usages: int | None = None  # None: Lean's default (1,000)
    expires_at: datetime | None = None
    redirect_url: str | None = None
    customer_id: str | None = None
    identifiers: tuple[IdentifierConfig, ...] = ()

    def __post_init__(self) -> None:
        if self.expires_at is not None:
            object.__setattr__(self, "expires_at", ensure_utc(self.expires_at))


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class RejectedRecord:
    """A record of a list answer that could not be read; the rest of its page still counts."""

    index: int  # its place in the page's content
    record_id: str | None  # its own id (link id or usage id), when it had a usable one
    problem: str  # what is wrong with it, in words
    raw: str  # the record as sent, cut to a bounded length


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a list answer, with Lean's totals (and, when read leniently, what was refused)."""

    items: tuple[T, ...]
    number: int
    size: int
    total_elements: int
    total_pages: int
    rejected: tuple[RejectedRecord, ...] = ()

    @property
    def is_last(self) -> bool:
        return self.number + 1 >= self.total_pages or not self.items


def utc_now() -> datetime:
    return datetime.now(UTC)
