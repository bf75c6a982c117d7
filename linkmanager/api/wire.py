"""Lean's JSON <-> domain objects, strict about the contract and lenient about the rest.

Missing optional fields and unknown extra fields are accepted (Lean adds fields); a required
field that is missing or of the wrong type raises LeanSchemaError naming the field, so nothing
half-parsed leaks out. Amounts arrive as Decimal (see domain.jsontext) and stay Decimal.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, TypeVar

from linkmanager.api.errors import LeanSchemaError
from linkmanager.domain import jsontext
from linkmanager.domain.models import (
    CollectedIdentifier,
    IdentifierConfig,
    NewPaymentLink,
    Page,
    PaymentDetails,
    PaymentLink,
    RejectedRecord,
    Usage,
)
from linkmanager.domain.money import Money, MoneyError
from linkmanager.domain.status import IdentifierType, LinkStatus, UsageStatus
from linkmanager.domain.urls import payment_page_problem

T = TypeVar("T")
_MISSING = object()

# What any real answer stays within. A value outside is a broken or hostile answer, refused as
# malformed rather than stored: 1e308 as an amount or 10**23 payments broke the table and the
# cache (SQLite integers stop at 2**63) before these bounds existed.
MAX_COUNT = 10**9  # current_usages, max_usages
MAX_PAGE_NUMBER = 10**12  # page metadata: liars are judged by the sync, not refused here
MAX_AMOUNT_DIGITS = 12  # an amount is below 10**12
MAX_AMOUNT_DECIMALS = 8
EARLIEST_TIME = datetime(2000, 1, 1, tzinfo=UTC)
LATEST_TIME = datetime(2200, 1, 1, tzinfo=UTC)
MAX_URL_LENGTH = 4096  # far past what a QR code holds (~2,900 characters)
RAW_RECORD_CHARS = 2000  # how much of a refused record is kept for inspection
# What a wire parser may raise on a value it did not expect; all of it means "malformed".
PARSE_ERRORS = (LeanSchemaError, ValueError, TypeError, AttributeError, ArithmeticError, KeyError)


def _kind(value: object) -> str:
    if value is None:
        return "null"
    return {dict: "an object", list: "a list", str: "text", bool: "true/false"}.get(
        type(value), "a number" if isinstance(value, int | Decimal) else type(value).__name__
    )


class _Fields:
    """Typed reads from one JSON object; every failure names the full field path."""

    def __init__(self, value: Any, path: str, context: str) -> None:
        if not isinstance(value, Mapping):
            raise LeanSchemaError(
                path or "<root>", f"expected an object, got {_kind(value)}", context=context
            )
        self._obj = value
        self._path = path
        self._context = context

    def fail(self, key: str, problem: str) -> LeanSchemaError:
        return LeanSchemaError(self.path(key), problem, context=self._context)

    def path(self, key: str) -> str:
        return f"{self._path}.{key}" if self._path else key

    def get(self, key: str, required: bool) -> Any:
        value = self._obj.get(key, _MISSING)
        if value is _MISSING or value is None:
            if required:
                raise self.fail(key, "missing" if value is _MISSING else "is null")
            return None
        return value

    def text(self, key: str, *, required: bool = False, non_empty: bool = False) -> Any:
        value = self.get(key, required)
        if value is not None and not isinstance(value, str):
            raise self.fail(key, f"expected text, got {_kind(value)}")
        if non_empty and not value:
            raise self.fail(key, "is empty")
        return value

    def integer(
        self, key: str, *, required: bool = False, minimum: int | None = None, maximum: int = MAX_COUNT
    ) -> Any:
        value = self.get(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(key, f"expected a whole number, got {_kind(value)}")
        if minimum is not None and value < minimum:
            raise self.fail(key, f"must be at least {minimum}, got {value}")
        if value > maximum:
            raise self.fail(key, f"{_short(value)} is beyond any real value (at most {maximum:,})")
        return value

    def flag(self, key: str) -> bool:
        value = self.get(key, False)
        if value is not None and not isinstance(value, bool):
            raise self.fail(key, f"expected true or false, got {_kind(value)}")
        return bool(value)

    def amount(self, key: str) -> Decimal:
        """A positive amount of sane size: below 10**12, at most 8 decimal places."""
        value = self.get(key, True)
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            raise self.fail(key, f"expected a number, got {_kind(value)}")
        amount = Decimal(value)
        if not amount.is_finite() or amount <= 0:
            raise self.fail(key, f"must be a positive amount, got {_short(amount)}")
        exponent = amount.as_tuple().exponent
        if amount.adjusted() >= MAX_AMOUNT_DIGITS or (
            isinstance(exponent, int) and exponent < -MAX_AMOUNT_DECIMALS
        ):
            raise self.fail(key, f"{_short(amount)} is beyond any real amount")
        return amount

    def time(self, key: str) -> datetime | None:
        value = self.text(key)
        if value is None:
            return None
        try:
            moment = datetime.fromisoformat(value)
            # Lean's times are java Instants (UTC); a time without offset is read as UTC.
            moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
        except (ValueError, OverflowError):
            raise self.fail(key, f"expected an ISO-8601 time, got {value[:40]!r}") from None
        if not EARLIEST_TIME <= moment < LATEST_TIME:
            raise self.fail(key, f"{value[:40]!r} is outside any real date (2000 to 2199)")
        return moment

    def hosted_url(self, key: str) -> str:
        """The payment page: an https:// address and nothing else, for it goes into QR codes."""
        value: str = self.text(key, required=True, non_empty=True)
        problem = payment_page_problem(value)
        if len(value) > MAX_URL_LENGTH:
            problem = f"{len(value):,} characters long"
        if problem is not None:
            raise self.fail(
                key, f"a payment page must be an https:// address ({problem}), got {value[:60]!r}"
            )
        return value

    def objects(self, key: str, parse: Callable[[Any, str], T], *, required: bool = False) -> tuple[T, ...]:
        value = self.get(key, required)
        if value is None:
            return ()
        if not isinstance(value, list):
            raise self.fail(key, f"expected a list, got {_kind(value)}")
        return tuple(parse(item, f"{self.path(key)}[{i}]") for i, item in enumerate(value))

    def sub(self, key: str) -> _Fields:
        return _Fields(self.get(key, True), self.path(key), self._context)


def _short(value: object) -> str:
    """A number as text, cut: an error message must not carry 300 digits."""
    text = str(value)
    return text if len(text) <= 24 else text[:20] + "…"


def _status(fields: _Fields, key: str, kind: type[T]) -> T:
    value = fields.text(key, required=True, non_empty=True)
    return kind(value)  # type: ignore[call-arg]  # open enums keep unknown values


def _identifier_config(value: Any, path: str, context: str = "") -> IdentifierConfig:
    f = _Fields(value, path, context)
    return IdentifierConfig(
        type=_status(f, "type", IdentifierType),
        display_label=f.text("display_label"),
        required=f.flag("required"),
        limit=f.integer("limit", maximum=10**6),
    )


def _collected(value: Any, path: str, context: str = "") -> CollectedIdentifier:
    f = _Fields(value, path, context)
    return CollectedIdentifier(
        type=_status(f, "type", IdentifierType),
        display_label=f.text("display_label") or "",
        value=f.text("value", required=True),
    )


def parse_link(value: Any, path: str = "", *, context: str = "payment link") -> PaymentLink:
    f = _Fields(value, path, context)
    details = f.sub("payment_details")
    try:
        amount = Money(details.amount("amount"), details.text("currency", required=True))
    except MoneyError as exc:
        raise details.fail("currency", str(exc)) from None
    return PaymentLink(
        id=f.text("id", required=True, non_empty=True),
        url=f.hosted_url("link"),
        status=_status(f, "status", LinkStatus),
        current_usages=f.integer("current_usages", required=True, minimum=0),
        payment_details=PaymentDetails(
            amount=amount,
            reference=details.text("reference", required=True),
            destination_id=details.text("destination_id"),
            payment_purpose=details.text("payment_purpose"),
        ),
        name=f.text("name"),
        max_usages=f.integer("max_usages", minimum=0),
        expires_at=f.time("expires_at"),
        redirect_url=f.text("redirect_url"),
        customer_id=f.text("customer_id"),
        identifiers=f.objects("identifiers", lambda v, p: _identifier_config(v, p, context)),
    )


def parse_usage(value: Any, path: str = "", *, context: str = "usage") -> Usage:
    f = _Fields(value, path, context)
    return Usage(
        usage_id=f.text("usage_id", required=True, non_empty=True),
        payment_link_id=f.text("payment_link_id", required=True, non_empty=True),
        usage_status=_status(f, "usage_status", UsageStatus),
        identifiers=f.objects("identifiers", lambda v, p: _collected(v, p, context)),
        customer_id=f.text("customer_id"),
        payment_id=f.text("payment_id"),
        payment_status=f.text("payment_status"),
    )


def _parse_page(
    value: Any, parse_item: Callable[..., T], context: str, id_key: str, lenient: bool
) -> Page[T]:
    """A list answer. Strict: any bad record fails the page. Lenient: a bad record is set aside as
    a RejectedRecord (with its id when it has a usable one) and the rest of the page is kept."""
    f = _Fields(value, "", context)
    meta = f.sub("page")
    number = meta.integer("number", required=True, minimum=0, maximum=MAX_PAGE_NUMBER)
    size = meta.integer("size", required=True, minimum=0, maximum=MAX_PAGE_NUMBER)
    total_elements = meta.integer("total_elements", required=True, minimum=0, maximum=MAX_PAGE_NUMBER)
    total_pages = meta.integer("total_pages", required=True, minimum=0, maximum=MAX_PAGE_NUMBER)
    if not lenient:
        items = f.objects("content", lambda v, p: parse_item(v, p, context=context), required=True)
        return Page(items, number, size, total_elements, total_pages)
    content = f.get("content", True)
    if not isinstance(content, list):
        raise f.fail("content", f"expected a list, got {_kind(content)}")
    kept: list[T] = []
    rejected: list[RejectedRecord] = []
    for index, record in enumerate(content):
        try:
            kept.append(parse_item(record, f"content[{index}]", context=context))
        except PARSE_ERRORS as exc:
            rejected.append(_rejected(index, record, id_key, exc))
    return Page(tuple(kept), number, size, total_elements, total_pages, tuple(rejected))


def _rejected(index: int, record: Any, id_key: str, exc: Exception) -> RejectedRecord:
    own_id = record.get(id_key) if isinstance(record, Mapping) else None
    usable = isinstance(own_id, str) and bool(own_id.strip()) and len(own_id) <= 200
    problem = exc.problem if isinstance(exc, LeanSchemaError) else f"{type(exc).__name__}: {exc}"
    where = f"{exc.field}: " if isinstance(exc, LeanSchemaError) else ""
    try:
        raw = jsontext.dumps(record)
    except ValueError:
        raw = repr(record)
    return RejectedRecord(
        index=index,
        record_id=own_id if usable else None,
        problem=(where + problem)[:300],
        raw=raw[:RAW_RECORD_CHARS],
    )


def parse_link_page(value: Any, *, context: str = "links page", lenient: bool = False) -> Page[PaymentLink]:
    return _parse_page(value, parse_link, context, "id", lenient)


def parse_usage_page(value: Any, *, context: str = "usages page", lenient: bool = False) -> Page[Usage]:
    return _parse_page(value, parse_usage, context, "usage_id", lenient)


def _utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _identifier_config_wire(config: IdentifierConfig) -> dict[str, Any]:
    body: dict[str, Any] = {"type": config.type.value, "required": config.required}
    if config.display_label is not None:
        body["display_label"] = config.display_label
    if config.limit is not None:
        body["limit"] = config.limit
    return body


def _details_wire(details: PaymentDetails) -> dict[str, Any]:
    body: dict[str, Any] = {
        "reference": details.reference,
        "currency": details.amount.currency,
        "amount": details.amount.amount,
    }
    if details.destination_id is not None:
        body["destination_id"] = details.destination_id
    if details.payment_purpose is not None:
        body["payment_purpose"] = details.payment_purpose
    return body


def new_link_body(new: NewPaymentLink) -> dict[str, Any]:
    """CreatePaymentLinkRequest; fields left empty are left out, so Lean applies its defaults."""
    body: dict[str, Any] = {"payment_details": _details_wire(new.payment_details)}
    optional = {
        "name": new.name,
        "max_usages": new.max_usages,
        "expires_at": _utc_text(new.expires_at) if new.expires_at else None,
        "redirect_url": new.redirect_url,
        "customer_id": new.customer_id,
    }
    body.update({k: v for k, v in optional.items() if v is not None})
    if new.identifiers:
        body["identifiers"] = [_identifier_config_wire(c) for c in new.identifiers]
    return body


def link_to_wire(link: PaymentLink) -> dict[str, Any]:
    """A link in Lean's own field names (PaymentLinkResponse), amount still a Decimal."""
    return {
        "id": link.id,
        "link": link.url,
        "status": link.status.value,
        "current_usages": link.current_usages,
        "name": link.name,
        "max_usages": link.max_usages,
        "expires_at": _utc_text(link.expires_at) if link.expires_at else None,
        "redirect_url": link.redirect_url,
        "customer_id": link.customer_id,
        "payment_details": _details_wire(link.payment_details),
        "identifiers": [_identifier_config_wire(c) for c in link.identifiers],
    }


def usage_to_wire(usage: Usage) -> dict[str, Any]:
    """A usage in Lean's own field names (PaymentLinkUsageDetails)."""
    return {
        "usage_id": usage.usage_id,
        "payment_link_id": usage.payment_link_id,
        "usage_status": usage.usage_status.value,
        "customer_id": usage.customer_id,
        "payment_id": usage.payment_id,
        "payment_status": usage.payment_status,
        "identifiers": [
            {"type": i.type.value, "display_label": i.display_label, "value": i.value}
            for i in usage.identifiers
        ],
    }
