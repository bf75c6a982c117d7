"""LeanClient: the six Payment Links operations, as domain objects in and out.

Synchronous (httpx) and free of Qt: the sync engine calls it from worker threads. Lists are
walked to the end and de-duplicated by id; a status update tries PATCH (Lean's guides), falls
back to PUT (the spec) on 405 for the rest of the client's life once a PUT has worked, and
re-reads the link because the update answers no documented body.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from types import TracebackType
from typing import Any, Self, TypeVar, Unpack
from urllib.parse import quote

from linkmanager.api import wire
from linkmanager.api.config import ApiEndpoints, Credentials
from linkmanager.api.errors import LeanError, LeanSchemaError, MethodNotAllowedError, UpdateNotConfirmed
from linkmanager.api.session import ClientStats, Kind, LeanSession, SessionOptions
from linkmanager.api.transport import Answer
from linkmanager.domain import jsontext
from linkmanager.domain.models import NewPaymentLink, Page, PaymentLink, Usage
from linkmanager.domain.status import LinkStatus

logger = logging.getLogger(__name__)

LINKS_PATH = "/payment-links/v1"
MAX_PAGE_SIZE = 100
# A walk that has not ended after this many pages is a server bug, not a big account.
MAX_PAGES = 10_000

T = TypeVar("T")


def path_segment(value: str) -> str:
    """One URL path segment: every reserved character escaped, so an id can never change the path."""
    if not isinstance(value, str) or not value:
        raise ValueError("an id is non-empty text")
    segment = quote(value, safe="")
    if segment in (".", ".."):  # would be resolved as a dot-segment
        segment = segment.replace(".", "%2E")
    return segment


def _check_page(page: int, size: int) -> None:
    if page < 0:
        raise ValueError(f"page numbers start at 0, not {page}")
    if not 1 <= size <= MAX_PAGE_SIZE:
        raise ValueError(f"a page size is 1..{MAX_PAGE_SIZE}, not {size}")


def walk_pages(
    fetch: Callable[[int], Page[T]],
    key: Callable[[T], str],
    progress: Callable[[Page[T]], None] | None = None,
) -> list[T]:
    """Every item of a paged list, each once (the last copy read wins), in the order first seen.

    Items can move between pages while we walk (a new link pushes the others down). If the last
    page's total is more than we collected, one more pass from page 0 picks up what slipped into
    pages already read; still short after that, we raise rather than return what we have. Any
    failure raises: a caller never gets half a list.
    """
    seen: dict[str, T] = {}
    total = 0
    for sweep in range(2):
        number = 0
        while True:
            page = fetch(number)
            for item in page.items:
                seen[key(item)] = item  # a later copy is the newer snapshot; the position stays
            total = page.total_elements
            if progress is not None:
                progress(page)
            # Our own page count decides, not page.number: a server that ignores `page` must not loop us.
            if not page.items or number + 1 >= page.total_pages or (sweep and len(seen) >= total):
                break
            number += 1
            if number >= MAX_PAGES:
                raise LeanSchemaError(
                    "page.total_pages", f"more than {MAX_PAGES} pages", context="paged list"
                )
        if len(seen) >= total:
            break
        if sweep:
            logger.warning("Paged list still short after a second pass: %d of %d items", len(seen), total)
            raise LeanSchemaError(
                "page.total_elements",
                f"only {len(seen)} of {total} items could be read",
                context="paged list",
            )
        logger.info("List changed while reading (%d of %d items seen); reading it again", len(seen), total)
    return list(seen.values())


class LeanClient:
    """Lean's Payment Links API for one set of credentials. Thread-safe; close() when done.

    `options` are LeanSession's (timeout, retry, sleep, random, clock), passed on as they are.
    """

    def __init__(
        self, endpoints: ApiEndpoints, credentials: Credentials, **options: Unpack[SessionOptions]
    ) -> None:
        self._session = LeanSession(endpoints, credentials, **options)
        self._update_method = "PATCH"

    def __repr__(self) -> str:
        return f"LeanClient(api_url={self.endpoints.api_url!r}, update_method={self._update_method!r})"

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._session.close()

    @property
    def endpoints(self) -> ApiEndpoints:
        return self._session.endpoints

    @property
    def stats(self) -> ClientStats:
        """Requests sent so far (retries and token requests included), for sync reports."""
        return self._session.stats

    @property
    def update_method(self) -> str:
        """ "PATCH" until Lean answered 405 to a PATCH and then accepted a PUT; "PUT" from then on."""
        return self._update_method

    # -- links -------------------------------------------------------------------------------------

    def links_page(self, page: int, size: int = MAX_PAGE_SIZE, *, lenient: bool = False) -> Page[PaymentLink]:
        """One page of links; `total_elements` makes page 0 with size 1 a cheap count.

        `lenient`: a malformed link record is set aside in `Page.rejected`, not an error.
        """
        _check_page(page, size)
        context = f"links page {page}"
        data = self._get(LINKS_PATH, context, params={"page": page, "size": size})
        return self._parsed(lambda: wire.parse_link_page(data, context=context, lenient=lenient), context)

    def list_links(self, progress: Callable[[Page[PaymentLink]], None] | None = None) -> list[PaymentLink]:
        """Every link, each once. `progress` is called with each page as it arrives."""
        return walk_pages(self.links_page, lambda link: link.id, progress)

    def get_link(self, link_id: str) -> PaymentLink:
        path = f"{LINKS_PATH}/{path_segment(link_id)}"
        data = self._get(path, "payment link")
        return self._parsed(lambda: wire.parse_link(data, context="payment link"), "payment link")

    def create_link(self, new: NewPaymentLink) -> PaymentLink:
        """Create a link. Never retried: on an unknown outcome CreateOutcomeUnknown says to look first.

        The one exception is a 401: the request is sent once more with a fresh token. Lean refuses
        a 401 at authentication, before processing the request, so nothing was created and the
        resend cannot make a duplicate. A second 401 raises AuthenticationError.
        """
        response = self._session.request("POST", LINKS_PATH, kind=Kind.CREATE, body=wire.new_link_body(new))
        data = self._json(response, "created payment link")
        link = self._parsed(
            lambda: wire.parse_link(data, context="created payment link"), "created payment link"
        )
        logger.info("Created payment link %s", link.id)
        return link

    def set_status(self, link_id: str, status: LinkStatus) -> PaymentLink:
        """Ask Lean to set ACTIVE or DISABLED, then read the link back (the answer has no body).

        Raises UpdateNotConfirmed when the change was accepted but the read-back failed: the
        caller must not report a change that happened as failed.
        """
        path = f"{LINKS_PATH}/{path_segment(link_id)}"
        value = LinkStatus(status).value
        body = {"status": value}
        method = self._update_method
        try:
            self._session.request(method, path, kind=Kind.UPDATE, body=body)
        except MethodNotAllowedError:
            if method != "PATCH":
                raise
            self._session.request("PUT", path, kind=Kind.UPDATE, body=body)
            # Remembered only now: a server that refuses both must not lose us PATCH for good.
            logger.info("Lean does not accept PATCH for status updates; using PUT from now on")
            self._update_method = "PUT"
        try:
            return self.get_link(link_id)
        except LeanError as exc:
            logger.warning("Status of %s set to %s, but reading it back failed: %s", link_id, value, exc)
            raise UpdateNotConfirmed(link_id, value, cause=exc) from exc

    # -- usages ------------------------------------------------------------------------------------

    def usages_page(
        self, link_id: str, page: int, size: int = MAX_PAGE_SIZE, *, lenient: bool = False
    ) -> Page[Usage]:
        """One page of a link's usages; page 0 with size 1 is the cheap "anything new?" probe.

        `lenient`: a malformed usage record is set aside in `Page.rejected`, not an error.
        """
        _check_page(page, size)
        context = f"usages page {page}"
        path = f"{LINKS_PATH}/{path_segment(link_id)}/usages"
        data = self._get(path, context, params={"page": page, "size": size})
        return self._parsed(lambda: wire.parse_usage_page(data, context=context, lenient=lenient), context)

    def list_usages(self, link_id: str, progress: Callable[[Page[Usage]], None] | None = None) -> list[Usage]:
        """Every usage of a link, each once."""
        return walk_pages(lambda n: self.usages_page(link_id, n), lambda usage: usage.usage_id, progress)

    def get_usage(self, link_id: str, usage_id: str) -> Usage:
        path = f"{LINKS_PATH}/{path_segment(link_id)}/usages/{path_segment(usage_id)}"
        data = self._get(path, "usage")
        return self._parsed(lambda: wire.parse_usage(data, context="usage"), "usage")

    # -- helpers -----------------------------------------------------------------------------------

    def _get(self, path: str, context: str, params: dict[str, int] | None = None) -> Any:
        response = self._session.request("GET", path, kind=Kind.READ, params=params)
        return self._json(response, context)

    def _json(self, response: Answer, context: str) -> Any:
        try:
            return jsontext.loads(response.content)
        except ValueError:
            excerpt = self._session.redact(response.text)[:60].strip()  # redact, then cut
            raise LeanSchemaError(
                "<body>", f"not JSON ({excerpt!r})" if excerpt else "empty answer", context=context
            ) from None

    @staticmethod
    def _parsed(parse: Callable[[], T], context: str) -> T:
        """Run a wire parser; any slip past its checks is still a schema error, never a crash."""
        try:
            return parse()
        except LeanSchemaError:
            raise
        except wire.PARSE_ERRORS as exc:
            raise LeanSchemaError("<answer>", f"{type(exc).__name__}: {exc}"[:300], context=context) from None
