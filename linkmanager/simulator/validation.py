"""Request checks that turn bad input into the 4xx answers Lean gives.

Each refusal names the field (`payment_details.amount`) so a person reading the client's error
dialog knows what to fix. Types are checked strictly: a string "10" is not an amount, `true` is
not a number, and a float is refused with TypeError: bodies are parsed with Decimal, so a float
can only come from a Python caller, and that is a bug in the caller, not a 400.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import uuid
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any
from urllib.parse import SplitResult, unquote, urlsplit

from babel.numbers import get_currency_precision

from linkmanager.domain.money import is_iso_currency
from linkmanager.simulator.errors import ApiError
from linkmanager.simulator.model import (
    DEFAULT_MAX_USAGES,
    IDENTIFIER_TYPES,
    PAYMENT_PURPOSES,
    IdentifierSpec,
    NewLink,
    PaymentDetails,
)

__all__ = [
    "DEFAULT_REDIRECT_ALLOW_LIST",
    "RedirectAllowList",
    "normalize_uuid",
    "parse_paging",
    "validate_create",
    "validate_update",
]

DEFAULT_REDIRECT_ALLOW_LIST = ("https://shop.example.com/", "https://your.domain.com/")
INT32_MAX = 2**31 - 1
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 100
MAX_AMOUNT = Decimal(10) ** 15

_UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
# RFC 3339 date-time as Java's Instant accepts it: an explicit zone is required.
_TIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$")
_DIGITS_RE = re.compile(r"^[0-9]+$")


def normalize_uuid(text: str) -> str | None:
    """Canonical lowercase UUID text, or None when `text` is not a UUID in 8-4-4-4-12 form."""
    if not _UUID_RE.match(text):
        return None
    return str(uuid.UUID(text))


class RedirectAllowList:
    """Redirect URLs registered with Lean: a URL passes when it sits under one of them.

    Matching is by scheme, host, port and path prefix, never by raw string prefix, so
    `https://shop.example.com.evil.test/` does not pass for `https://shop.example.com/`. Paths
    are compared decoded and normalised, segment by segment, and a `..` segment is refused
    outright: browsers resolve `/payments/../admin` (or `%2e%2e`, or `\\`) before following it,
    so it must not pass an entry scoped to `/payments/`.
    """

    def __init__(self, entries: Iterable[str] | None = None) -> None:
        self.entries = tuple(entries) if entries is not None else DEFAULT_REDIRECT_ALLOW_LIST
        if not self.entries:
            raise ValueError("the redirect allow-list needs at least one registered URL")
        self._parsed: list[tuple[str | None, int | None, str]] = []
        for entry in self.entries:
            parts = _split_https(entry)
            if parts is None:
                raise ValueError(f"allow-list entry is not an absolute https URL: {entry!r}")
            path = _normal_path(parts.path)
            if path is None:
                raise ValueError(f"allow-list entry has a '..' in its path: {entry!r}")
            self._parsed.append((parts.hostname, parts.port, path))

    @property
    def default(self) -> str:
        """The application's default registered redirect URL (the first entry)."""
        return self.entries[0]

    def allows(self, url: str) -> bool:
        parts = _split_https(url)
        path = None if parts is None else _normal_path(parts.path)
        if parts is None or path is None:
            return False
        for host, port, allowed in self._parsed:
            if (parts.hostname, parts.port) == (host, port) and _under(path, allowed):
                return True
        return False


def _normal_path(raw: str) -> str | None:
    """The path as a browser resolves it (decoded, `\\` as `/`, no `.` or `//`); None on `..`."""
    path = "/" + unquote(raw).replace("\\", "/").lstrip("/")
    if ".." in path.split("/"):
        return None
    trailing = path.endswith(("/", "/."))
    path = posixpath.normpath(re.sub("/+", "/", path))
    return path if path == "/" or not trailing else path + "/"


def _under(path: str, allowed: str) -> bool:
    """`/return/42` is under `/return/` and `/return`, but `/returned` is under neither."""
    if allowed.endswith("/"):
        return path.startswith(allowed)
    return path == allowed or path.startswith(allowed + "/")


def _split_https(url: str) -> SplitResult | None:
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        return None
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return None
    if parts.scheme.lower() != "https" or not parts.hostname or "@" in parts.netloc:
        return None
    return parts


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _optional_str(body: Mapping[str, Any], key: str, path: str) -> str | None:
    value = body.get(key)
    if value is not None and not isinstance(value, str):
        raise ApiError.invalid(f"{path} must be a string")
    return value


def _optional_uuid(body: Mapping[str, Any], key: str, path: str) -> str | None:
    value = _optional_str(body, key, path)
    if value is None:
        return None
    normalized = normalize_uuid(value)
    if normalized is None:
        raise ApiError.invalid(f"{path} must be a UUID")
    return normalized


def _parse_time(value: Any, path: str, now: dt.datetime) -> dt.datetime | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _TIME_RE.match(value):
        raise ApiError.invalid(f"{path} must be an ISO-8601 date-time with a zone, e.g. 2026-04-30T23:59:59Z")
    text = value
    match = re.search(r"\.(\d+)", text)
    if match and len(match.group(1)) > 6:
        # Nanoseconds are legal for Java's Instant; Python keeps microseconds.
        text = text[: match.start(1) + 6] + text[match.end(1) :]
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(dt.UTC)
    except (ValueError, OverflowError):
        raise ApiError.invalid(f"{path} is not a valid date-time: {value}") from None
    if parsed <= now:
        raise ApiError.invalid(f"{path} must be in the future")
    return parsed


def _amount(details: Mapping[str, Any], currency: str) -> Decimal:
    value = details.get("amount")
    if value is None:
        raise ApiError.missing("payment_details.amount is required")
    if isinstance(value, float):
        # Only a Python caller of the store can pass one (the wire parser gives Decimal).
        raise TypeError("payment_details.amount is a float; pass an int or a Decimal, never a float")
    if not (_is_int(value) or isinstance(value, Decimal)):
        raise ApiError.invalid("payment_details.amount must be a number")
    amount = Decimal(value)
    if not amount.is_finite() or amount <= 0:
        raise ApiError.invalid("payment_details.amount must be greater than 0")
    if amount >= MAX_AMOUNT:
        # Not a documented Lean limit: it keeps a 1e100000 from becoming a 100 kB number on the wire.
        raise ApiError.invalid("payment_details.amount is too large")
    digits = get_currency_precision(currency)
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > digits:
        raise ApiError.invalid(
            f"payment_details.amount has more decimal places than {currency} allows ({digits})"
        )
    return amount


def _payment_details(body: Mapping[str, Any]) -> PaymentDetails:
    details = body.get("payment_details")
    if details is None:
        raise ApiError.missing("payment_details is required")
    if not isinstance(details, Mapping):
        raise ApiError.invalid("payment_details must be an object")
    reference = details.get("reference")
    if reference is None:
        raise ApiError.missing("payment_details.reference is required")
    if not isinstance(reference, str) or not reference.strip():
        raise ApiError.invalid("payment_details.reference must be a non-empty string")
    currency = details.get("currency")
    if currency is None:
        raise ApiError.missing("payment_details.currency is required")
    if not isinstance(currency, str) or not is_iso_currency(currency):
        # is_iso_currency also refuses codes nobody pays in: XXX, XTS, metals (XAU), fund units.
        raise ApiError.invalid(
            "payment_details.currency must be an ISO 4217 code of a payable currency in capitals, e.g. AED"
        )
    amount = _amount(details, currency)
    purpose = _optional_str(details, "payment_purpose", "payment_details.payment_purpose")
    if purpose is not None and purpose not in PAYMENT_PURPOSES:
        raise ApiError.invalid(
            f"payment_details.payment_purpose must be one of {', '.join(PAYMENT_PURPOSES)}"
        )
    return PaymentDetails(
        reference=reference,
        currency=currency,
        amount=amount,
        destination_id=_optional_uuid(details, "destination_id", "payment_details.destination_id"),
        payment_purpose=purpose,
    )


def _identifier(item: Any, path: str) -> IdentifierSpec:
    if not isinstance(item, Mapping):
        raise ApiError.invalid(f"{path} must be an object")
    kind = item.get("type")
    if kind is None:
        raise ApiError.missing(f"{path}.type is required")
    if kind not in IDENTIFIER_TYPES:
        raise ApiError.invalid(f"{path}.type must be one of {', '.join(IDENTIFIER_TYPES)}")
    required = item.get("required")
    if required is not None and not isinstance(required, bool):
        raise ApiError.invalid(f"{path}.required must be true or false")
    limit = item.get("limit")
    if limit is not None and (not _is_int(limit) or not 1 <= limit <= 255):
        raise ApiError.invalid(f"{path}.limit must be an integer from 1 to 255")
    return IdentifierSpec(
        type=kind,
        display_label=_optional_str(item, "display_label", f"{path}.display_label"),
        required=required,
        limit=limit,
    )


def validate_create(body: Any, *, now: dt.datetime, allow_list: RedirectAllowList) -> NewLink:
    """Check a CreatePaymentLinkRequest; unknown fields are ignored as Lean's Java stack does."""
    if not isinstance(body, Mapping):
        raise ApiError.invalid("the request body must be a JSON object")
    details = _payment_details(body)
    max_usages = body.get("max_usages")
    if max_usages is None:
        # A Java DTO cannot tell an explicit null from an omitted field: both get the default.
        max_usages = DEFAULT_MAX_USAGES
    elif not _is_int(max_usages) or not 1 <= max_usages <= INT32_MAX:
        raise ApiError.invalid("max_usages must be an integer of at least 1")
    redirect = _optional_str(body, "redirect_url", "redirect_url")
    if redirect is not None and not allow_list.allows(redirect):
        if _split_https(redirect) is None:
            raise ApiError.invalid("redirect_url must be an absolute https URL")
        raise ApiError.invalid("redirect_url is not registered for this application")
    identifiers = body.get("identifiers")
    specs: tuple[IdentifierSpec, ...] | None = None
    if identifiers is not None:
        if not isinstance(identifiers, list):
            raise ApiError.invalid("identifiers must be an array")
        specs = tuple(_identifier(item, f"identifiers[{i}]") for i, item in enumerate(identifiers))
    return NewLink(
        payment_details=details,
        name=_optional_str(body, "name", "name"),
        max_usages=max_usages,
        expires_at=_parse_time(body.get("expires_at"), "expires_at", now),
        redirect_url=redirect,
        customer_id=_optional_uuid(body, "customer_id", "customer_id"),
        identifiers=specs,
    )


def validate_update(body: Any) -> str:
    """Check an UpdatePaymentLinkRequest and return the wanted status (ACTIVE or DISABLED)."""
    if not isinstance(body, Mapping):
        raise ApiError.invalid("the request body must be a JSON object")
    status = body.get("status")
    if status is None:
        raise ApiError.missing("status is required")
    if status not in ("ACTIVE", "DISABLED"):
        raise ApiError.invalid("status must be ACTIVE or DISABLED")
    return str(status)


def parse_paging(query: Mapping[str, list[str]]) -> tuple[int, int]:
    """`page` (0-based, default 0) and `size` (1..100, default 50) from a parsed query string."""
    page = _query_int(query, "page", 0)
    size = _query_int(query, "size", DEFAULT_PAGE_SIZE)
    if not 1 <= size <= MAX_PAGE_SIZE:
        raise ApiError.invalid(f"size must be between 1 and {MAX_PAGE_SIZE}")
    if page > INT32_MAX:
        raise ApiError.invalid("page is too large")
    return page, size


def _query_int(query: Mapping[str, list[str]], name: str, default: int) -> int:
    values = query.get(name)
    if not values:
        return default
    text = values[0].strip()
    if not _DIGITS_RE.match(text) or len(text) > 12:
        raise ApiError.invalid(f"{name} must be a non-negative integer")
    return int(text)
