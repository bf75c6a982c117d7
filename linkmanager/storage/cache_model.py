"""What the cache hands out, and the one place that turns rows into domain objects and back.

Every value is stored as the text Lean sent (unknown statuses included), amounts as str(Decimal)
and times as fixed-width UTC text, so what comes back is equal to what went in. The one loss:
a lone UTF-16 surrogate (which SQLite cannot store as UTF-8) becomes U+FFFD.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from linkmanager.domain.i18n import translate
from linkmanager.domain.lifecycle import usage_is_settled
from linkmanager.domain.models import (
    CollectedIdentifier,
    IdentifierConfig,
    PaymentDetails,
    PaymentLink,
    Usage,
    ensure_utc,
)
from linkmanager.domain.money import Money
from linkmanager.domain.status import IdentifierType, LinkStatus, UsageStatus


@dataclass(frozen=True, slots=True)
class CachedLink:
    """A link as last confirmed by the server, with what the cache knows about its freshness."""

    link: PaymentLink
    confirmed_at: datetime  # last time the server returned this link (listing or single GET)
    usages_confirmed_at: datetime | None  # last time its complete usage list was read or probed unchanged
    usages_confirmed_status: LinkStatus | None  # the link's status at that moment
    missing_since: datetime | None  # a complete listing no longer had it
    usage_count: int  # usages cached for it
    unsettled_usages: int  # cached usages for which usage_is_settled() is False


@dataclass(frozen=True, slots=True)
class SearchHit:
    link: CachedLink
    usage: Usage | None  # set when the match was in a usage
    field: str  # "link id", "name", "reference", "customer id", "usage id", "payment id" or an identifier's label
    value: str  # the full matched value, plain text


@dataclass(frozen=True, slots=True)
class SyncState:
    last_full_sync: datetime | None  # when the last sync that went through every link finished
    last_sync_started: datetime | None = None  # when the last sync that read the listing began


@dataclass(frozen=True, slots=True)
class SyncMarks:
    """What the sync engine needs to know of a cached link to plan its usages (one slim row)."""

    current_usages: int  # as last listed
    status: LinkStatus  # as last listed
    usages_confirmed_at: datetime | None  # usages last read or probed unchanged
    usages_confirmed_status: LinkStatus | None  # the link's status then
    usages_read_at: datetime | None  # every usage last read
    usage_count: int
    unsettled_usages: int


@dataclass(frozen=True, slots=True)
class UsageList:
    """A link's usages as just read from Lean, to store; `usages` None: a probe found them unchanged."""

    link_id: str
    usages: Sequence[Usage] | None
    confirmed_at: datetime
    link_status: LinkStatus  # as Lean listed it
    read_all: bool = True  # every usage came from Lean (not only the unsettled ones)


@dataclass(frozen=True, slots=True)
class SyncProblem:
    """Something a sync could not bring up to date, kept until a sync succeeds where it failed.

    `link_id` is None for a problem with the listing itself (a page that could not be read, a
    record without a usable id). `what` is a short stable code (services.sync.ProblemKind),
    `detail` a sentence, `raw` a bounded excerpt of what Lean sent. `since` is when this problem
    was first met in an unbroken run of syncs; `seen_at` the last time.
    """

    link_id: str | None
    what: str
    detail: str
    raw: str = ""
    since: datetime | None = None
    seen_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class LinkChange:
    link_id: str
    name: str  # link.display_name
    before: LinkStatus | None  # None: the link is new to the cache
    after: LinkStatus


@dataclass(frozen=True, slots=True)
class UsageChange:
    link_id: str
    usage_id: str
    before: UsageStatus | None  # None: new usage
    after: UsageStatus
    payment_status_before: str | None
    payment_status_after: str | None


class StoredDataError(ValueError):
    """A row that cannot be turned back into a domain object: the file was altered or damaged."""


# --- values -------------------------------------------------------------------------------


def clean(text: str) -> str:
    """Text SQLite can store: a lone surrogate (invalid in UTF-8) becomes U+FFFD instead of failing a sync."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
    return text


def clean_or_none(text: str | None) -> str | None:
    return None if text is None else clean(text)


def time_text(moment: datetime) -> str:
    """Fixed-width UTC text, "2026-06-30T23:59:00.000000Z": text order is time order."""
    return ensure_utc(moment).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


# Reading 100,000 links repeats a few values many times (one listing's confirmed_at for all, a
# handful of statuses, prices that recur): equal immutable values are decoded once and shared,
# which saves time and memory alike.
@lru_cache(maxsize=4096)
def time_from(text: str) -> datetime:
    return datetime.fromisoformat(text)


def time_or_none(text: str | None) -> datetime | None:
    return None if text is None else time_from(text)


@lru_cache(maxsize=64)
def link_status(text: str) -> LinkStatus:
    return LinkStatus(text)


@lru_cache(maxsize=4096)
def money_from(amount: str, currency: str) -> Money:
    return Money(Decimal(amount), currency)


def _json(value: Any) -> str:
    """Identifier lists hold text, booleans and small integers, never an amount, so the stdlib's
    C encoder is exact here (domain.jsontext exists for Decimal, and is ten times slower)."""
    return clean(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


@lru_cache(maxsize=1024)
def configs_text(identifiers: tuple[IdentifierConfig, ...]) -> str:
    """[[type, display_label, required, limit], ...]; cached because links share a few setups."""
    return _json([[i.type.value, i.display_label, i.required, i.limit] for i in identifiers])


@lru_cache(maxsize=1024)
def configs_from(text: str) -> tuple[IdentifierConfig, ...]:
    return tuple(
        IdentifierConfig(IdentifierType(kind), label, required, limit)
        for kind, label, required, limit in json.loads(text)
    )


def collected_text(identifiers: Sequence[CollectedIdentifier]) -> str:
    """[[type, display_label, value], ...] in the order the payer was asked."""
    return _json([[i.type.value, i.display_label, i.value] for i in identifiers])


def collected_from(text: str) -> tuple[CollectedIdentifier, ...]:
    if text == "[]":
        return ()
    return tuple(
        CollectedIdentifier(IdentifierType(kind), label, value) for kind, label, value in json.loads(text)
    )


# --- links --------------------------------------------------------------------------------

# A PaymentLink's columns in encode_link's order, then the cache's own, then the row key (unused by decode).
SELECT_CACHED = (
    "SELECT id, url, status, current_usages, amount, currency, reference, destination_id, payment_purpose, "
    "name, max_usages, expires_at, redirect_url, customer_id, identifiers, confirmed_at, usages_confirmed_at, "
    "usages_confirmed_status, missing_since, usage_count, unsettled_usages, key FROM links"
)

# What the links table shows of each link (services.link_rows.table_row reads these columns, in
# this order): a fifth of SELECT_CACHED's memory, for the window's 100,000 rows.
SELECT_TABLE = (
    "SELECT id, status, current_usages, amount, currency, reference, name, max_usages, expires_at, "
    "customer_id, confirmed_at, missing_since, name_key, key FROM links"
)


def encode_link(link: PaymentLink) -> tuple[Any, ...]:
    details = link.payment_details
    return (
        clean(link.id),
        clean(link.url),
        clean(link.status.value),
        link.current_usages,
        str(details.amount.amount),  # str(Decimal) keeps every digit and the exponent: exact round trip
        details.amount.currency,
        clean(details.reference),
        clean_or_none(details.destination_id),
        clean_or_none(details.payment_purpose),
        clean_or_none(link.name),
        link.max_usages,
        None if link.expires_at is None else time_text(link.expires_at),
        clean_or_none(link.redirect_url),
        clean_or_none(link.customer_id),
        configs_text(tuple(link.identifiers)),
    )


def _decode_link(row: Sequence[Any]) -> PaymentLink:
    return PaymentLink(
        id=row[0],
        url=row[1],
        status=link_status(row[2]),
        current_usages=row[3],
        payment_details=PaymentDetails(money_from(row[4], row[5]), row[6], row[7], row[8]),
        name=row[9],
        max_usages=row[10],
        expires_at=time_or_none(row[11]),
        redirect_url=row[12],
        customer_id=row[13],
        identifiers=configs_from(row[14]),
    )


def decode_cached(row: Sequence[Any]) -> CachedLink:
    """A row of SELECT_CACHED as a CachedLink; StoredDataError when it cannot be one."""
    try:
        return CachedLink(
            link=_decode_link(row),
            confirmed_at=time_from(row[15]),
            usages_confirmed_at=time_or_none(row[16]),
            usages_confirmed_status=None if row[17] is None else link_status(row[17]),
            missing_since=time_or_none(row[18]),
            usage_count=row[19],
            unsettled_usages=row[20],
        )
    except (ValueError, TypeError, KeyError, InvalidOperation) as exc:
        unreadable = translate("Cache", "a stored link cannot be read back ({kind})")
        raise StoredDataError(unreadable.format(kind=type(exc).__name__)) from exc


def link_terms(link: PaymentLink) -> list[tuple[str, str | None, str]]:
    """(kind, label, value) of every searchable value of a link."""
    values = (("link_id", link.id), ("name", link.name), ("reference", link.reference))
    terms: list[tuple[str, str | None, str]] = [(kind, None, clean(v)) for kind, v in values if v]
    if link.customer_id:
        terms.append(("customer_id", None, clean(link.customer_id)))
    return terms


# --- usages -------------------------------------------------------------------------------

# What decode_usage reads, then the row key.
SELECT_USAGES = (
    "SELECT u.usage_id, l.id, u.usage_status, u.payment_status, u.payment_id, u.customer_id, u.identifiers, "
    "u.key FROM usages AS u JOIN links AS l ON l.key = u.link_key"
)
# Row keys are passed as one JSON array, so any number of them is one bound parameter.
BY_KEYS = "(SELECT value FROM json_each(?))"


def encode_usage(usage: Usage) -> tuple[Any, ...]:
    """(usage_status, payment_status, payment_id, customer_id, identifiers, settled)."""
    return (
        clean(usage.usage_status.value),
        clean_or_none(usage.payment_status),
        clean_or_none(usage.payment_id),
        clean_or_none(usage.customer_id),
        collected_text(usage.identifiers),
        int(usage_is_settled(usage)),
    )


def decode_usage(row: Sequence[Any]) -> Usage:
    try:
        return Usage(
            usage_id=row[0],
            payment_link_id=row[1],
            usage_status=UsageStatus(row[2]),
            payment_status=row[3],
            payment_id=row[4],
            customer_id=row[5],
            identifiers=collected_from(row[6]),
        )
    except (ValueError, TypeError, KeyError) as exc:
        unreadable = translate("Cache", "a stored usage cannot be read back ({kind})")
        raise StoredDataError(unreadable.format(kind=type(exc).__name__)) from exc


def usage_terms(usage: Usage) -> list[tuple[str, str | None, str]]:
    terms: list[tuple[str, str | None, str]] = [("usage_id", None, clean(usage.usage_id))]
    if usage.payment_id:
        terms.append(("payment_id", None, clean(usage.payment_id)))
    if usage.customer_id:
        terms.append(("customer_id", None, clean(usage.customer_id)))
    for identifier in usage.identifiers:
        if identifier.value:
            label = identifier.display_label or identifier.type.label
            terms.append(("identifier", clean(label), clean(identifier.value)))
    return terms


FIELD_WORDS = {
    "link_id": "link id",
    "name": "name",
    "reference": "reference",
    "customer_id": "customer id",
    "usage_id": "usage id",
    "payment_id": "payment id",
}


def field_words(kind: str, label: str | None) -> str:
    """What SearchHit.field says: fixed words for link and usage fields, the label for identifiers."""
    return label if kind == "identifier" and label is not None else FIELD_WORDS.get(kind, kind)
