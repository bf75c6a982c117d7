"""`linkmanager create`: a new payment link, checked before anything is sent, sent once.

Invalid input exits 2 with one sentence and sends nothing. A create whose answer was lost is
looked for at Lean before the command says anything (see services.create).
"""

from __future__ import annotations

import argparse
import re
import shlex
import sys
from datetime import tzinfo

from linkmanager.cli.action_cmds import journal_or_none
from linkmanager.cli.context import Context
from linkmanager.cli.exit_codes import EXIT_ERROR, EXIT_OFFLINE, EXIT_USAGE
from linkmanager.cli.output import link_json, print_json, safe
from linkmanager.cli.profile_cmds import CommandError
from linkmanager.domain.link_draft import (
    DraftError,
    IdentifierDraft,
    LinkDraft,
    identifier_key,
    parse_expiry,
    validate,
)
from linkmanager.domain.models import utc_now
from linkmanager.domain.money import format_money
from linkmanager.domain.status import IdentifierType
from linkmanager.services.create import (
    CheckOutcome,
    CreateRefused,
    CreateResult,
    CreateUncertain,
    LinkCreator,
)
from linkmanager.storage.cache import CachedLink

_OPTIONS = {
    "amount": "--amount",
    "currency": "--currency",
    "reference": "--reference",
    "name": "--name",
    "payment_purpose": "--purpose",
    "destination_id": "--destination-id",
    "expires_at": "--expires-at",
    "max_usages": "--max-usages",
    "redirect_url": "--redirect-url",
    "customer_id": "--customer-id",
}


def add_create_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    create = commands.add_parser(
        "create",
        parents=[common],
        help="create a new payment link (online)",
        description="Create a payment link at Lean. Everything Lean would refuse is checked first, and "
        "nothing is sent for invalid input. Creating is never retried: if Lean's answer is lost, "
        "LinkManager looks for the link before it says whether it was created.",
    )
    create.add_argument("--amount", required=True, help="the amount, e.g. 1500.00 (the currency's decimals)")
    create.add_argument("--currency", required=True, type=str.upper, help="ISO 4217 code, e.g. AED")
    create.add_argument("--reference", required=True, help="shown on the payer's bank statement and yours")
    create.add_argument("--name", default="", help="for you only: payers never see it")
    create.add_argument(
        "--max-usages", default="", metavar="N", help="payments accepted (Lean's default: 1000)"
    )
    create.add_argument(
        "--expires-at",
        default="",
        metavar="ISO-8601",
        help="e.g. 2026-07-01T18:00+04:00; without an offset, in this computer's time zone",
    )
    create.add_argument(
        "--redirect-url", default="", metavar="URL", help="https address registered with Lean"
    )
    create.add_argument("--customer-id", default="", metavar="UUID")
    create.add_argument("--destination-id", default="", metavar="UUID", help="the receiving account at Lean")
    create.add_argument("--purpose", default="", type=str.upper, metavar="CODE", help="e.g. RNT, GDS, FIS")
    create.add_argument(
        "--identifier",
        action="append",
        default=[],
        metavar="TYPE[:LABEL][:required][:limit=N]",
        help="ask the payer for EMAIL, MOBILE_PHONE or TEXT (repeatable)",
    )
    create.add_argument("--json", action="store_true", help="the new link as JSON in Lean's field names")


def parse_identifier(text: str) -> IdentifierDraft:
    """ "EMAIL:Your email:required:limit=80". A label may hold colons ("Order: number")."""
    kind, *rest = text.split(":")
    required, limit = False, None
    while rest and (rest[-1].lower() in ("required", "optional") or rest[-1].lower().startswith("limit=")):
        flag = rest.pop().lower()
        if flag.startswith("limit="):
            number = flag.removeprefix("limit=")
            if not number.isdigit():
                raise ValueError(f"Write the limit as a whole number, e.g. limit=80 (not {flag!r}).")
            limit = int(number)
        else:
            required = flag == "required"
    kinds = [t.value for t in IdentifierType.known()]
    if kind.strip().upper() not in kinds:
        raise ValueError(f"Ask for one of {', '.join(kinds)}, e.g. EMAIL:Your email:required (not {text!r}).")
    return IdentifierDraft(kind.strip().upper(), ":".join(rest).strip(), required, limit)


_IDENTIFIER_KEY = re.compile(r"identifiers\[(\d+)\](.*)")


def _option(field: str) -> str:
    if match := _IDENTIFIER_KEY.fullmatch(field):
        return f"--identifier #{int(match.group(1)) + 1}"
    return _OPTIONS.get(field, field)


def _in_order(errors: dict[str, str]) -> dict[str, str]:
    """The options' problems in the order of --help, then each --identifier by its place."""
    first = [f for f in _OPTIONS if f in errors]
    rest = sorted((f for f in errors if f not in _OPTIONS), key=lambda f: _identifier_place(f) or (0, f))
    return {f: errors[f] for f in (*first, *rest)}


def _identifier_place(field: str) -> tuple[int, str] | None:
    match = _IDENTIFIER_KEY.fullmatch(field)
    return (int(match.group(1)), match.group(2)) if match else None


def _sentence(errors: dict[str, str]) -> str:
    """One sentence: the first problem, named by its option; the others counted."""
    field, message = next(iter(errors.items()))
    others = list(dict.fromkeys(_option(f) for f in errors if _option(f) != _option(field)))
    more = f" ({len(others)} more: {', '.join(others)})" if others else ""
    return f"Nothing was sent. {_option(field)}: {message}{more}"


def read_draft(args: argparse.Namespace, zone: tzinfo | None) -> LinkDraft:
    """The draft the options describe; CommandError (exit 2) naming the first problem if any.

    `zone` None reads an expiry without an offset in this computer's zone, with its daylight
    saving rules for that date (not today's offset).
    """
    errors: dict[str, str] = {}
    expires = None
    if args.expires_at.strip():
        try:
            expires = parse_expiry(args.expires_at, zone)
        except ValueError as exc:
            errors["expires_at"] = str(exc)
    rows: list[IdentifierDraft] = []
    places: list[int] = []  # the --identifier each row came from: one that did not parse is no row
    for i, text in enumerate(args.identifier):
        try:
            rows.append(parse_identifier(text))
            places.append(i)
        except ValueError as exc:
            errors[identifier_key(i, "type")] = str(exc)
    draft = LinkDraft(
        amount=args.amount,
        currency=args.currency,
        reference=args.reference,
        name=args.name,
        payment_purpose=args.purpose,
        destination_id=args.destination_id,
        expires_at=expires,
        max_usages=args.max_usages,
        redirect_url=args.redirect_url,
        customer_id=args.customer_id,
        identifiers=tuple(rows),
    )
    for field, message in validate(draft, utc_now()).items():
        if place := _identifier_place(field):
            field = f"identifiers[{places[place[0]]}]{place[1]}"
        errors.setdefault(field, message)
    if errors:
        raise CommandError(_sentence(_in_order(errors)), EXIT_USAGE)
    return draft


def create(ctx: Context, args: argparse.Namespace) -> int:
    draft = read_draft(args, None)  # before the profile: invalid input needs no keyring, no network
    cache = ctx.cache()
    try:
        creator = LinkCreator(
            cache,
            ctx.client,
            journal=journal_or_none(ctx),
            profile=ctx.profile.name,
            environment=ctx.profile.environment,
        )
        result = creator.create(draft)
    except DraftError as exc:  # the expiry passed between the check and the send
        raise CommandError(_sentence(_in_order(exc.errors)), EXIT_USAGE) from None
    except CreateRefused as exc:
        raise CommandError(str(exc), EXIT_OFFLINE if exc.unreachable else EXIT_ERROR) from None
    except CreateUncertain as exc:
        raise CommandError(_uncertain(exc, draft), EXIT_ERROR) from None
    _report(result, cache.link(result.link.id), args.json)
    return 0


def _uncertain(exc: CreateUncertain, draft: LinkDraft) -> str:
    """What the look found, with advice a command can keep: the next run remembers no attempt."""
    check = exc.check
    if check.outcome is CheckOutcome.ABSENT:
        return f"{check.finding} It is safe to run the command again."
    reference = draft.reference.strip()
    search = shlex.quote(reference)
    return (
        f"{check.finding} Running create again sends a new request: first run `linkmanager sync`, "
        f"then `linkmanager links --search {search}` to see whether the link exists."
    )


def _report(result: CreateResult, cached: CachedLink | None, as_json: bool) -> None:
    link, now = result.link, utc_now()
    if result.recovered or result.note:
        print(safe(result.note), file=sys.stderr)
    if as_json:
        if cached is None:  # the cache write failed: the link is still worth printing
            cached = CachedLink(
                link=link,
                confirmed_at=now,
                usages_confirmed_at=None,
                usages_confirmed_status=None,
                missing_since=None,
                usage_count=0,
                unsettled_usages=0,
            )
        print_json(link_json(cached, now), sys.stdout)
        return
    print(
        f"Created payment link {safe(link.id)}: {safe(link.display_name)}, {format_money(link.amount)}, "
        f"reference {safe(link.reference)}."
    )
    print(safe(link.url))
