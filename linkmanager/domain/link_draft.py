"""A payment link as the user types it, checked the way Lean would check it, before anything is sent.

`validate` holds every rule Lean (and the simulator, which mirrors it) applies to a create
request, in words a person can act on, keyed by the field to show them next to. Field keys
are Lean's own names without the `payment_details.` prefix; an identifier row's fields are
`identifiers[2].limit` and so on. `duplicate_of` turns an existing link into a new draft.
"""

from __future__ import annotations

import decimal
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from decimal import Decimal
from urllib.parse import urlsplit

from linkmanager.domain.i18n import Context, translate
from linkmanager.domain.models import (
    IdentifierConfig,
    NewPaymentLink,
    PaymentDetails,
    PaymentLink,
    ensure_utc,
)
from linkmanager.domain.money import Money, currency_digits, is_iso_currency
from linkmanager.domain.status import PAYMENT_PURPOSES, IdentifierType, purpose_meaning

LinkDraftCounts = Context("LinkDraftCounts")  # plurals: lupdate reads X.tr(text, "", n) as a plural

DEFAULT_MAX_USAGES = 1000  # what Lean applies when max_usages is left out
MAX_USAGES_LIMIT = 2**31 - 1  # the contract's int32
IDENTIFIER_LIMIT_RANGE = (1, 255)
MAX_AMOUNT = Decimal(10) ** 15  # the simulator's bound (not documented by Lean): keeps numbers sane
COPY_SUFFIX = " (copy)"
EXAMPLE_UUID = "f47ac10b-58cc-4372-a567-0e02b2c3d479"

_AMOUNT = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_WHOLE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_COPY_NAME = re.compile(r"^(?P<base>.*) \(copy(?: (?P<n>\d+))?\)$", re.DOTALL)


class DraftError(ValueError):
    """The draft breaks Lean's rules; `errors` says what, by field. Raised before anything is sent."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__(next(iter(self.errors.values()), translate("LinkDraft", "The link is not valid.")))


@dataclass(frozen=True, slots=True)
class IdentifierDraft:
    """One field the payer will be asked for, as typed in a row of the form."""

    type: str = IdentifierType.EMAIL.value
    label: str = ""
    required: bool = False
    limit: int | None = None  # None: no limit


@dataclass(frozen=True, slots=True)
class LinkDraft:
    """What the user typed: text where they type text; an aware expiry (None: never expires)."""

    amount: str = ""
    currency: str = "AED"
    reference: str = ""
    name: str = ""
    payment_purpose: str = ""  # "" for none, else one of Lean's codes
    destination_id: str = ""  # "" routes to the application's default account
    expires_at: datetime | None = None
    max_usages: str = ""  # "" for Lean's default (1,000)
    redirect_url: str = ""
    customer_id: str = ""
    identifiers: tuple[IdentifierDraft, ...] = field(default=())


def identifier_key(index: int, name: str) -> str:
    return f"identifiers[{index}].{name}"


# -- parsing single fields -------------------------------------------------------------------------


def parse_amount(text: str, currency: str) -> Decimal:
    """The amount typed ("1500", "1,500.00"), exactly, with the currency's digits; ValueError in words.

    Decimals are counted as written, as Lean counts them: "12.340" is refused for AED rather than
    sent as 12.34, because "1.500" is fifteen hundred where a point groups thousands. For the same
    reason "12,500" is refused for a currency with three decimals (KWD): a comma may mark them.
    """
    raw = text.strip()
    if not raw:
        raise ValueError(translate("LinkDraft", "Enter the amount to charge, e.g. 1500.00."))
    match = _AMOUNT.fullmatch(raw)
    if match is None or not (match.group(1) or match.group(2)):
        raise ValueError(
            translate(
                "LinkDraft",
                "Write the amount with digits and a point for decimals, e.g. 1500.00 (not {typed}).",
            ).format(typed=repr(raw))
        )
    grouped, fraction = match.group(1) or "0", match.group(2) or ""
    whole = grouped.replace(",", "")
    amount = Decimal(f"{whole}.{fraction or '0'}")
    if amount <= 0:
        raise ValueError(translate("LinkDraft", "The amount must be more than zero."))
    if amount >= MAX_AMOUNT:
        raise ValueError(
            translate("LinkDraft", "That amount is too large: it must be less than 1,000,000,000,000,000.")
        )
    if not is_iso_currency(currency):
        return amount  # the currency's own message says what is wrong
    digits = currency_digits(currency)
    if len(fraction) > digits:
        if digits:
            too_many = LinkDraftCounts.tr(
                "{currency} amounts have at most %n decimal place(s); {typed} has {count}.",
                None,
                digits,
            )
        else:
            too_many = translate("LinkDraft", "{currency} amounts have no decimals; {typed} has {count}.")
        raise ValueError(too_many.format(currency=currency, typed=raw, count=len(fraction)))
    if digits >= 3 and grouped.count(",") == 1 and "." not in raw:
        raise ValueError(
            translate(
                "LinkDraft",
                "{typed} can be read two ways for {currency}, which has {digits} decimal places: write "
                "{whole} or {padded} for the whole amount, or {pointed} if the comma marks decimals.",
            ).format(
                typed=raw,
                currency=currency,
                digits=digits,
                whole=whole,
                padded=f"{raw}.{'0' * digits}",
                pointed=raw.replace(",", "."),
            )
        )
    with decimal.localcontext(decimal.Context(prec=40)):
        return amount.quantize(Decimal(1).scaleb(-digits))  # the currency's digits on the wire


def parse_max_usages(text: str) -> int | None:
    raw = text.strip().replace("_", "").replace(" ", "")
    if not raw:
        return None
    if not _WHOLE.fullmatch(raw) or int(raw.replace(",", "")) < 1:
        raise ValueError(
            translate(
                "LinkDraft", "The usage limit must be a whole number of at least 1 (1 for a single payment)."
            )
        )
    value = int(raw.replace(",", ""))
    if value > MAX_USAGES_LIMIT:
        raise ValueError(
            translate("LinkDraft", "The usage limit can be at most {limit}.").format(
                limit=f"{MAX_USAGES_LIMIT:,}"
            )
        )
    return value


def parse_expiry(text: str, tz: tzinfo | None) -> datetime:
    """ISO-8601 date and time ("2026-07-01T18:00+04:00"); without an offset, a wall-clock time in
    `tz` (None: the system's zone, with its daylight saving rules for that date)."""
    raw = text.strip()
    if "T" not in raw.upper() and " " not in raw:
        raise ValueError(
            translate(
                "LinkDraft", "Give the expiry as a date and a time, e.g. 2026-07-01T18:00 (not {typed})."
            ).format(typed=repr(raw))
        )
    try:
        moment = datetime.fromisoformat(raw.replace("z", "Z"))
    except ValueError:
        raise ValueError(
            translate(
                "LinkDraft",
                "Write the expiry as ISO-8601, e.g. 2026-07-01T18:00 or 2026-07-01T14:00Z (not {typed}).",
            ).format(typed=repr(raw))
        ) from None
    return ensure_utc(moment) if moment.tzinfo is not None else local_to_utc(moment, tz)


def local_to_utc(wall: datetime, tz: tzinfo | None) -> datetime:
    """A naive wall-clock time in `tz` (None: the system's zone) as aware UTC.

    ValueError, in words, for a time the clocks skip (spring forward) or pass twice (fall back):
    an expiry must mean one moment, and guessing which could move it by an hour.
    """

    def resolve(fold: int) -> datetime:
        local = wall.replace(fold=fold)
        return local.astimezone(UTC) if tz is None else local.replace(tzinfo=tz).astimezone(UTC)

    def in_zone(moment: datetime) -> datetime:
        return moment.astimezone(tz) if tz is not None else moment.astimezone()

    first, second = resolve(0), resolve(1)
    when = wall.strftime("%Y-%m-%d %H:%M")
    if in_zone(first).replace(tzinfo=None) != wall:
        raise ValueError(
            translate(
                "LinkDraft",
                "{when} does not exist in your time zone (the clocks go forward then): choose another "
                "time, or give an offset, e.g. {example}.",
            ).format(when=when, example=f"{when.replace(' ', 'T')}{_offset(in_zone(second))}")
        )
    if first != second:
        offsets = sorted({_offset(in_zone(first)), _offset(in_zone(second))}, reverse=True)
        raise ValueError(
            translate(
                "LinkDraft",
                "{when} happens twice in your time zone (the clocks go back then): add the offset you "
                "mean, {first} or {second}.",
            ).format(when=when, first=offsets[0], second=offsets[-1])
        )
    return first


def _offset(moment: datetime) -> str:
    text = moment.strftime("%z")  # "+0100"
    return f"{text[:3]}:{text[3:5]}"


def _is_https_url(text: str) -> bool:
    """An absolute https URL with a host and no user part, as Lean's validation wants it."""
    if any(ch.isspace() or ord(ch) < 32 for ch in text):
        return False
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return False
    return parts.scheme.lower() == "https" and bool(parts.hostname) and "@" not in parts.netloc


def _not_uuid(text: str) -> bool:
    return bool(text.strip()) and not _UUID.fullmatch(text.strip())


# -- the whole draft -------------------------------------------------------------------------------


def _check_identifiers(identifiers: tuple[IdentifierDraft, ...], errors: dict[str, str]) -> None:
    known = [t.value for t in IdentifierType.known()]
    low, high = IDENTIFIER_LIMIT_RANGE
    for i, row in enumerate(identifiers):
        if row.type not in known:
            errors[identifier_key(i, "type")] = translate(
                "LinkDraft", "Choose what to ask for: {types}."
            ).format(types=", ".join(known))
        if row.limit is not None and not low <= row.limit <= high:
            errors[identifier_key(i, "limit")] = translate(
                "LinkDraft", "The character limit must be from {low} to {high}."
            ).format(low=low, high=high)
        if any(ord(ch) < 32 for ch in row.label):
            errors[identifier_key(i, "display_label")] = translate(
                "LinkDraft", "The label cannot hold line breaks or tabs."
            )


def validate(draft: LinkDraft, now: datetime) -> dict[str, str]:
    """Every problem Lean would refuse the draft for, by field; empty when it can be sent."""
    errors: dict[str, str] = {}
    if not is_iso_currency(draft.currency):
        errors["currency"] = translate("LinkDraft", "Choose a currency by its ISO 4217 code, e.g. AED.")
    try:
        parse_amount(draft.amount, draft.currency)
    except ValueError as exc:
        errors["amount"] = str(exc)
    if not draft.reference.strip():
        errors["reference"] = translate(
            "LinkDraft", "Enter a reference: it appears on the payer's bank statement and yours."
        )
    elif any(ord(ch) < 32 for ch in draft.reference):
        errors["reference"] = translate("LinkDraft", "The reference cannot hold line breaks or tabs.")
    if draft.payment_purpose and draft.payment_purpose not in PAYMENT_PURPOSES:
        codes = ", ".join(f"{code} ({purpose_meaning(code)})" for code in PAYMENT_PURPOSES)
        errors["payment_purpose"] = translate(
            "LinkDraft", "The payment purpose must be one of Lean's codes: {codes}."
        ).format(codes=codes)
    if _not_uuid(draft.destination_id):
        errors["destination_id"] = translate(
            "LinkDraft", "The destination account ID must be a UUID like {example}."
        ).format(example=EXAMPLE_UUID)
    if draft.expires_at is not None and ensure_utc(draft.expires_at) <= ensure_utc(now):
        errors["expires_at"] = translate(
            "LinkDraft", "The expiry has passed: choose a time in the future, or no expiry."
        )
    try:
        parse_max_usages(draft.max_usages)
    except ValueError as exc:
        errors["max_usages"] = str(exc)
    if draft.redirect_url.strip() and not _is_https_url(draft.redirect_url.strip()):
        errors["redirect_url"] = translate(
            "LinkDraft",
            "The redirect URL must be a complete https:// address, e.g. https://shop.example.com/thanks.",
        )
    if _not_uuid(draft.customer_id):
        errors["customer_id"] = translate(
            "LinkDraft", "The customer ID must be a UUID like {example}."
        ).format(example=EXAMPLE_UUID)
    _check_identifiers(draft.identifiers, errors)
    return errors


def to_request(draft: LinkDraft, now: datetime) -> NewPaymentLink:
    """The create request for a valid draft; DraftError (with every problem) for one that is not."""
    errors = validate(draft, now)
    if errors:
        raise DraftError(errors)
    details = PaymentDetails(
        amount=Money(parse_amount(draft.amount, draft.currency), draft.currency),
        reference=draft.reference.strip(),
        destination_id=draft.destination_id.strip().lower() or None,
        payment_purpose=draft.payment_purpose or None,
    )
    return NewPaymentLink(
        payment_details=details,
        name=draft.name.strip() or None,
        max_usages=parse_max_usages(draft.max_usages),
        expires_at=draft.expires_at,
        redirect_url=draft.redirect_url.strip() or None,
        customer_id=draft.customer_id.strip().lower() or None,
        identifiers=tuple(
            IdentifierConfig(IdentifierType(row.type), row.label.strip() or None, row.required, row.limit)
            for row in draft.identifiers
        ),
    )


# -- duplicating -----------------------------------------------------------------------------------


def copy_name(name: str) -> str:
    """ "Rent" -> "Rent (copy)" -> "Rent (copy 2)": a copy of a copy does not pile up suffixes."""
    match = _COPY_NAME.match(name)
    if match is None:
        return name + COPY_SUFFIX
    number = int(match.group("n") or 1) + 1
    return f"{match.group('base')} (copy {number})"


def amount_text(money: Money) -> str:
    """An amount as the form shows it: the currency's digits ("1500.00"), never rounded away."""
    digits = currency_digits(money.currency) if is_iso_currency(money.currency) else 0
    with decimal.localcontext(decimal.Context(prec=40)):
        exact = money.amount.quantize(Decimal(1).scaleb(-digits))
    return format(exact if exact == money.amount else money.amount, "f")


def duplicate_of(link: PaymentLink, now: datetime) -> LinkDraft:
    """A new draft with the link's payment details, identifiers, redirect, limit and customer.

    The name gets a suffix so the two can be told apart; an expiry that has passed is cleared
    (a new link cannot expire in the past). A link without a limit gets Lean's default, as the
    create request has no way to ask for none.
    """
    details = link.payment_details
    expires = link.expires_at if link.expires_at is not None and link.expires_at > ensure_utc(now) else None
    return LinkDraft(
        amount=amount_text(details.amount),
        currency=details.amount.currency,
        reference=details.reference,
        name=copy_name(link.display_name),
        payment_purpose=details.payment_purpose or "",
        destination_id=details.destination_id or "",
        expires_at=expires,
        max_usages="" if link.max_usages is None else str(link.max_usages),
        redirect_url=link.redirect_url or "",
        customer_id=link.customer_id or "",
        identifiers=tuple(
            IdentifierDraft(c.type.value, c.display_label or "", c.required, c.limit)
            for c in link.identifiers
        ),
    )


# Lean names fields with their full path (payment_details.amount); the form uses the short name.
def draft_field(lean_path: str) -> str:
    return lean_path.removeprefix("payment_details.")
