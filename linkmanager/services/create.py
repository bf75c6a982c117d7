"""Creating a payment link, which Lean cannot do idempotently: once, checked, and never twice.

The draft is checked first (nothing is sent for a draft Lean would refuse). Then the request
goes out exactly once. When its outcome is unknown (a timeout or broken connection after
sending, a 500/502/504, or a 201 we could not read), the link may exist: we look for it at
Lean before anyone may try again.

Lean's links carry no creation time, so "created by this attempt" is inferred: a link at Lean
whose amount, currency, reference, name, customer, limit and expiry are those we sent, and that
the local cache did not hold (by reference) before we sent. One such link: it is ours. None:
it was not created, and the attempt is remembered, so that trying again first looks once more
(a slow Lean may still store the first request). Several, or a failed look: we cannot tell,
and nothing is sent until a look succeeds.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import Enum
from typing import TYPE_CHECKING

# The error types only: the window imports this module at start, and httpx can wait (api/__init__).
from linkmanager.api.errors import (
    CreateOutcomeUnknown,
    LeanError,
    LeanHTTPError,
    LeanSchemaError,
    LeanTransportError,
)
from linkmanager.domain.i18n import Context, translate
from linkmanager.domain.link_draft import DEFAULT_MAX_USAGES, LinkDraft, to_request
from linkmanager.domain.models import NewPaymentLink, PaymentLink, utc_now
from linkmanager.domain.money import format_money
from linkmanager.services.journalling import Journalling, JournalSource
from linkmanager.services.messages import request_id_of
from linkmanager.storage.cache_errors import CacheError

CreateCounts = Context("CreateCounts")  # plurals: lupdate reads X.tr(text, "", n) as a plural

if TYPE_CHECKING:
    from linkmanager.api.client import LeanClient
    from linkmanager.storage.cache import LinkCache

__all__ = [
    "CheckOutcome",
    "CreateCheck",
    "CreateRefused",
    "CreateResult",
    "CreateUncertain",
    "LinkCreator",
]

logger = logging.getLogger(__name__)

_EXPIRY_TOLERANCE = timedelta(seconds=1)  # Lean may keep fewer sub-second digits than we send


# A field named in Lean's message ("redirect_url is not registered ..."): the form shows it there.
_FIELD_IN_MESSAGE = re.compile(
    r"\b(?:payment_details\.)?(identifiers\[\d+\](?:\.\w+)?|(?:redirect_url|expires_at|max_usages|customer_id"
    r"|amount|currency|reference|payment_purpose|destination_id|name(?= ))\b)"
)


def field_in_message(message: str) -> str | None:
    """The form field Lean's words are about, when they name one."""
    match = _FIELD_IN_MESSAGE.search(message)
    if match is None:
        return None
    field = match.group(1)
    return f"{field}.type" if field.startswith("identifiers") and "." not in field else field


class CreateRefused(Exception):
    """Nothing was created: Lean refused (4xx, 503), could not be reached, or the same link is
    still being sent. `field` names the form field Lean's words are about, when they name one."""

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        lean_status: str | None = None,
        unreachable: bool = False,
        http_status: int | None = None,
        request_id: str | None = None,
        unsent: bool = False,
    ) -> None:
        super().__init__(message)
        self.field = field
        self.lean_status = lean_status
        self.unreachable = unreachable
        self.http_status = http_status  # Lean's answer and its request id, when Lean refused
        self.request_id = request_id
        self.unsent = unsent  # refused here, before any create request (an earlier attempt's link)


class CheckOutcome(Enum):
    FOUND = "found"  # exactly one new matching link: the attempt created it
    ABSENT = "absent"  # none: not created, safe to try again
    AMBIGUOUS = "ambiguous"  # several candidates: cannot tell which, if any
    UNCHECKED = "unchecked"  # the look itself failed


@dataclass(frozen=True, slots=True)
class CreateCheck:
    """What looking for the link at Lean found, in words for the person who asked.

    `finding` says only what was found; `message` adds what to do next in the window, where this
    LinkCreator remembers the attempt and looks again before sending it again. A command line run
    remembers nothing after it exits, so it words its own advice from `outcome` and `finding`.
    """

    outcome: CheckOutcome
    message: str
    link: PaymentLink | None = None
    finding: str = ""


class CreateUncertain(Exception):
    """The link may exist: Lean's answer was lost and looking for the link did not settle it."""

    def __init__(self, check: CreateCheck) -> None:
        super().__init__(check.message)
        self.check = check


@dataclass(frozen=True, slots=True)
class CreateResult:
    link: PaymentLink  # as Lean holds it
    recovered: bool = False  # the answer was lost and the link was found by looking
    note: str = ""  # anything the person should know beyond "created"


@dataclass(slots=True)
class _Attempt:
    """A send whose outcome is unknown: what the cache held before it, to tell old links from new."""

    known_before: set[str]


def _same_request(link: PaymentLink, sent: NewPaymentLink) -> bool:
    """Does Lean's link hold what we sent? Only fields Lean has no reason to rewrite are compared."""
    if sent.max_usages is None:
        limit_matches = link.max_usages in (None, DEFAULT_MAX_USAGES)
    else:
        limit_matches = link.max_usages == sent.max_usages
    if link.expires_at is None or sent.expires_at is None:
        expiry_matches = link.expires_at is None and sent.expires_at is None
    else:
        expiry_matches = abs(link.expires_at - sent.expires_at) <= _EXPIRY_TOLERANCE
    return (
        link.payment_details.amount == sent.payment_details.amount  # 1500 == 1500.00
        and link.payment_details.reference == sent.payment_details.reference
        and (link.name or None) == sent.name
        and (link.customer_id or "").lower() == (sent.customer_id or "")
        and limit_matches
        and expiry_matches
    )


def _what(request: NewPaymentLink) -> str:
    """The request in a few words: its amount and reference."""
    return translate("Create", "{amount}, reference {reference}").format(
        amount=format_money(request.payment_details.amount), reference=request.payment_details.reference
    )


class LinkCreator:
    """Creates links for one profile and remembers attempts whose outcome is still unknown.

    Thread-safe: the window runs create() on a worker thread. `client` is a factory, so a draft
    that fails its checks touches neither the keyring nor the network. `journal` (None: nothing
    journalled) records each attempt that reaches Lean, or that an earlier one's link stopped.
    """

    def __init__(
        self,
        cache: LinkCache,
        client: Callable[[], LeanClient],
        *,
        clock: Callable[[], datetime] = utc_now,
        journal: JournalSource = None,
        profile: str = "",
        environment: str = "",
    ) -> None:
        self._journalling = Journalling(journal, profile, environment, clock)
        self._cache = cache
        self._client_factory = client
        self._clock = clock
        self._lock = threading.Lock()
        self._unresolved: dict[NewPaymentLink, _Attempt] = {}
        self._sending: set[NewPaymentLink] = set()

    def create(self, draft: LinkDraft) -> CreateResult:
        """Check, send once, store. Raises DraftError, CreateRefused or CreateUncertain.

        DraftError and CreateRefused mean nothing was created; CreateUncertain carries the check.
        """
        request = to_request(draft, self._clock())  # DraftError: nothing is sent
        with self._lock:
            if request in self._sending:
                raise CreateRefused(
                    translate("Create", "This link is already being sent to Lean: wait for its answer.")
                )
            self._sending.add(request)
            earlier = self._unresolved.get(request)
        entry = self._journalling.start("create", "")
        what = _what(request)
        try:
            result = self._create_once(request, earlier)
        except (CreateRefused, CreateUncertain) as exc:
            entry.not_created(what, exc)
            raise
        finally:
            with self._lock:
                self._sending.discard(request)
        entry.link_id = result.link.id
        entry.done(None, result.link.status.value, f"{what}. {result.note}".strip())
        return result

    def pending_check(self, draft: LinkDraft) -> bool:
        """True when this draft's last attempt has an unknown outcome: trying again looks first."""
        try:
            request = to_request(draft, self._clock())
        except ValueError:
            return False
        with self._lock:
            return request in self._unresolved

    # -- inside ----------------------------------------------------------------------------------

    def _create_once(self, request: NewPaymentLink, earlier: _Attempt | None) -> CreateResult:
        client = self._client_factory()
        if earlier is None:
            self._settle_same_reference(client, request)
        if earlier is not None:
            check = self._look(client, request, earlier)
            if check.outcome is not CheckOutcome.ABSENT:
                if check.link is not None:
                    return self._found(
                        request, check.link, translate("Create", "The earlier attempt had created it.")
                    )
                raise CreateUncertain(check)
            logger.info("An earlier attempt left no link at Lean; sending again")
        attempt = earlier or _Attempt(self._known_ids(request))
        try:
            link = client.create_link(request)
        except (CreateOutcomeUnknown, LeanSchemaError) as exc:
            logger.warning("Create outcome unknown (%s); looking for the link", exc)
            with self._lock:
                self._unresolved[request] = attempt
            check = self._look(client, request, attempt, lost=True)
            if check.link is not None:
                return self._found(request, check.link, check.message)
            raise CreateUncertain(check) from None
        except LeanHTTPError as exc:
            raise CreateRefused(
                translate("Create", "Lean refused to create the link: {reason}. Nothing was created.").format(
                    reason=exc.detail or exc
                ),
                field=field_in_message(exc.lean_message or ""),
                lean_status=exc.lean_status,
                http_status=exc.http_status,
                request_id=request_id_of(exc),
            ) from None
        except LeanTransportError as exc:  # not sent: CreateOutcomeUnknown was caught above
            said = str(exc)
            said += "" if "Nothing was created" in said else " " + translate("Create", "Nothing was created.")
            raise CreateRefused(said, unreachable=True) from None
        except LeanError as exc:
            raise CreateRefused(
                translate("Create", "{error} Nothing was created.").format(error=exc)
            ) from None
        with self._lock:
            self._unresolved.pop(request, None)
        return CreateResult(link, note=self._store(link))

    def _settle_same_reference(self, client: LeanClient, request: NewPaymentLink) -> None:
        """Before a changed request for a reference whose earlier attempt is still unknown (the
        person corrected the amount or the name and tried again), find out what the earlier one
        did: otherwise two links could ask payment for one invoice. Nothing is sent unless Lean
        shows the earlier attempt left no link; a link it did leave is cached and named."""
        reference = request.payment_details.reference
        with self._lock:
            pending = [(sent, attempt) for sent, attempt in self._unresolved.items()
                       if sent.payment_details.reference == reference]  # fmt: skip
        for sent, attempt in pending:
            check = self._look(client, sent, attempt)
            if check.outcome is CheckOutcome.ABSENT:
                with self._lock:
                    self._unresolved.pop(sent, None)
                continue
            if check.link is not None:
                self._found(sent, check.link, "")
                raise CreateRefused(
                    translate(
                        "Create",
                        "An earlier attempt for reference {reference} did create a link: {link} ({amount}). "
                        "Nothing new was sent. It is in the offline cache now (the list shows it after the next "
                        "sync); disable it if it is wrong, or create this one again to have both.",
                    ).format(
                        reference=reference,
                        link=check.link.id,
                        amount=format_money(sent.payment_details.amount),
                    ),
                    unsent=True,
                )
            raise CreateUncertain(
                replace(
                    check,
                    message=translate(
                        "Create",
                        "An earlier attempt for reference {reference} is still unsettled. {finding} Nothing new "
                        "was sent.",
                    ).format(reference=reference, finding=check.finding),
                )
            )

    def _found(self, request: NewPaymentLink, link: PaymentLink, note: str) -> CreateResult:
        with self._lock:
            self._unresolved.pop(request, None)
        stored = self._store(link)
        return CreateResult(link, recovered=True, note=f"{note} {stored}".strip())

    def _store(self, link: PaymentLink) -> str:
        """Put the new link in the cache; a failure here must not make anyone create it again."""
        try:
            self._cache.store_link(link, self._clock())
        except CacheError as exc:
            logger.warning("Created %s but could not cache it: %s", link.id, exc)
            return translate(
                "Create", "It could not be saved to the offline cache ({error}); the next sync will add it."
            ).format(error=exc)
        return ""

    def _known_ids(self, request: NewPaymentLink) -> set[str]:
        """Cached links holding this reference before we send: none of them can be the new one."""
        try:
            direct, _ = self._cache.search_link_ids(request.payment_details.reference)
        except CacheError as exc:
            logger.warning("Could not read the cache before creating: %s", exc)
            return set()
        return direct

    def _look(
        self, client: LeanClient, request: NewPaymentLink, attempt: _Attempt, *, lost: bool = False
    ) -> CreateCheck:
        what = _what(request)
        opening = (
            translate(
                "Create", "Lean's answer to the create request was lost, so LinkManager looked for the link."
            )
            + " "
            if lost
            else ""
        )
        try:
            links = client.list_links()
        except LeanError as exc:
            finding = opening + translate(
                "Create", "Looking for it failed ({error}), so it may or may not exist ({what})."
            ).format(error=exc, what=what)
            advice = translate(
                "Create", "Look again to ask Lean once more: nothing is sent until LinkManager knows."
            )
            return CreateCheck(CheckOutcome.UNCHECKED, f"{finding} {advice}", finding=finding)
        found = [
            link for link in links if link.id not in attempt.known_before and _same_request(link, request)
        ]
        if len(found) == 1:
            finding = opening + translate("Create", "It was created once, as link {link}.").format(
                link=found[0].id
            )
            return CreateCheck(CheckOutcome.FOUND, finding, found[0], finding=finding)
        if not found:
            finding = opening + translate(
                "Create", "Lean has no such link ({what}): it was not created."
            ).format(what=what)
            advice = translate(
                "Create", "It is safe to try again; LinkManager will look once more before sending."
            )
            return CreateCheck(CheckOutcome.ABSENT, f"{finding} {advice}", finding=finding)
        ids, count = ", ".join(sorted(link.id for link in found)), len(found)
        finding = opening + CreateCounts.tr(
            "Lean has %n new link(s) that match ({what}): {ids}. LinkManager cannot tell whether one is from "
            "this attempt.",
            None,
            count,
        ).format(what=what, ids=ids)
        advice = translate("Create", "Sync and look at them before creating another.")
        return CreateCheck(CheckOutcome.AMBIGUOUS, f"{finding} {advice}", finding=finding)
