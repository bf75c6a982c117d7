"""One link's usages, read from Lean and checked before anything is stored.

A link's usages are stored whole or not at all: an answer with a malformed usage, a usage naming
another link, or page totals that cannot be true raises LinkProblem, and the sync records it and
leaves what was cached for that link as it was. Reading asks as little as the cache allows:

- a probe is the first page with size 1: its total says whether anything is new;
- a read starts with the first page of 100. When its total equals the cached count (no new
  usage) and the link has more pages, only the unsettled usages that page did not show are
  fetched, one GET each, or the other pages when those are fewer requests: a popular link always
  has a payment pending with the bank, and re-reading all of it every time would cost a page per
  hundred usages. Lean's order is undocumented; this never depends on it.
- a re-read reads every page (settled usages can still be reversed by the bank).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from linkmanager import api
from linkmanager.api import wire
from linkmanager.api.errors import (
    AuthenticationError,
    LeanError,
    LeanHTTPError,
    LeanSchemaError,
    LeanTransportError,
    RateLimitedError,
    ResponseTooLarge,
    ServerError,
)
from linkmanager.domain import jsontext
from linkmanager.domain.lifecycle import usage_is_settled
from linkmanager.domain.models import Page, PaymentLink, Usage
from linkmanager.services.sync_plan import UsageAction
from linkmanager.services.sync_report import SyncAborted, SyncCancelled
from linkmanager.storage.cache import CacheError, LinkCache, SyncMarks, SyncProblem, UsageList

if TYPE_CHECKING:
    from linkmanager.api.client import LeanClient

logger = logging.getLogger(__name__)

# No link has this many usages (a million); a claim beyond it is a server bug, not a busy link.
MAX_USAGE_PAGES = 10_000
RAW_CHARS = 2000


class ProblemKind:
    """The `what` of a sync problem: short, stable codes (they appear in `sync --json`)."""

    USAGES_UNREADABLE = "usages-unreadable"  # the requests failed, after retries
    USAGES_MALFORMED = "usages-malformed"  # a usage record breaks the contract
    USAGES_INCONSISTENT = "usages-inconsistent"  # the answer contradicts itself or the link
    LINK_MALFORMED = "link-malformed"  # a listed link's record breaks the contract
    PAGE_UNREADABLE = "page-unreadable"  # a listing page could not be read
    PAGE_TOTALS = "page-totals"  # the listing's totals cannot be true
    LISTING_SHORT = "listing-short"  # the listing never added up to its own total
    INTERNAL = "internal-error"  # a bug of ours, met while syncing this link


LISTING_KINDS = (
    ProblemKind.PAGE_UNREADABLE,
    ProblemKind.PAGE_TOTALS,
    ProblemKind.LISTING_SHORT,
    ProblemKind.LINK_MALFORMED,
)


class LinkProblem(Exception):
    """What is wrong with a link's answer; nothing of it is stored."""

    def __init__(self, what: str, detail: str, raw: str = "") -> None:
        super().__init__(detail)
        self.what = what
        self.detail = detail
        self.raw = raw[:RAW_CHARS]


def expected_pages(total_elements: int, size: int) -> int:
    return math.ceil(total_elements / size) if size > 0 else 0


@dataclass(frozen=True, slots=True)
class UsageRead:
    usages: list[Usage]
    read_all: bool  # every usage came from Lean just now (not only the unsettled ones)


class UsageReader:
    """Reads one link's usages at a time for the sync; `check_cancel` runs between requests."""

    def __init__(self, client: LeanClient, cache: LinkCache, check_cancel: Callable[[], None]) -> None:
        self._client = client
        self._cache = cache
        self.check_cancel = check_cancel

    def probe(self, link_id: str) -> int:
        """How many usages Lean holds for the link (one request of size 1)."""
        page = self._page(link_id, 0, size=1)
        return page.total_elements

    def read(self, link_id: str, *, everything: bool) -> UsageRead:
        """The link's complete usage list, checked; LinkProblem when it cannot be trusted."""
        size = api.MAX_PAGE_SIZE
        first = self._page(link_id, 0, size)
        pages = self._page_count(first, size)
        if pages <= 1 and len(first.items) == first.total_elements:
            return UsageRead(list(first.items), True)
        fresh = {u.usage_id: u for u in first.items}
        if not everything:
            known = {u.usage_id: u for u in self._cache.usages(link_id)}
            if known and first.total_elements == len(known) and fresh.keys() <= known.keys():
                pending = [i for i, u in known.items() if not usage_is_settled(u) and i not in fresh]
                if len(pending) < pages - 1:
                    for usage_id in pending:
                        self.check_cancel()
                        fresh[usage_id] = self._usage(link_id, usage_id)
                    return UsageRead([fresh.get(i, u) for i, u in known.items()], False)
        total = first.total_elements
        number = 1
        while number < pages:
            self.check_cancel()
            page = self._page(link_id, number, size)
            fresh.update((u.usage_id, u) for u in page.items)
            total = max(total, page.total_elements)
            pages = max(pages, self._page_count(page, size))  # usages arrived while we read
            number += 1
            if len(page.items) < size:
                break
        if len(fresh) < total:
            # Usages arrived while we read and shifted the pages: one more ordered pass settles it.
            fresh.update((u.usage_id, u) for u in self._walk(link_id, size))
        if len(fresh) < total:
            raise LinkProblem(
                ProblemKind.USAGES_INCONSISTENT,
                f"Lean said the link has {total:,} usages, but only {len(fresh):,} could be read.",
            )
        return UsageRead(list(fresh.values()), True)

    # -- pages, checked ----------------------------------------------------------------------------

    def _walk(self, link_id: str, size: int) -> Iterable[Usage]:
        number, pages = 0, 1
        while number < pages:
            self.check_cancel()
            page = self._page(link_id, number, size)
            yield from page.items
            pages = self._page_count(page, size)
            number += 1
            if len(page.items) < size:
                return

    def _page_count(self, page: Page[Usage], size: int) -> int:
        """How many pages this answer's totals mean; LinkProblem when they cannot be true."""
        expected = expected_pages(page.total_elements, size)
        if page.total_pages != expected or expected > MAX_USAGE_PAGES:
            raise LinkProblem(
                ProblemKind.USAGES_INCONSISTENT,
                f"Lean's page totals for this link's usages cannot be true ({page.total_elements:,} "
                f"usages in {page.total_pages:,} pages of {size}).",
                raw=f'{{"page": {{"number": {page.number}, "size": {page.size}, '
                f'"total_elements": {page.total_elements}, "total_pages": {page.total_pages}}}}}',
            )
        return expected

    def _page(self, link_id: str, number: int, size: int) -> Page[Usage]:
        page = self._client.usages_page(link_id, number, size, lenient=True)
        if page.rejected:
            bad = page.rejected[0]
            which = f"usage {bad.record_id}" if bad.record_id else f"usage #{bad.index + 1} of page {number}"
            more = f" (and {len(page.rejected) - 1} more)" if len(page.rejected) > 1 else ""
            raise LinkProblem(
                ProblemKind.USAGES_MALFORMED, f"Lean sent a malformed {which}{more}: {bad.problem}.", bad.raw
            )
        for usage in page.items:
            _check_owner(link_id, usage)
        return page

    def _usage(self, link_id: str, usage_id: str) -> Usage:
        usage = self._client.get_usage(link_id, usage_id)
        _check_owner(link_id, usage)
        return usage


def _check_owner(link_id: str, usage: Usage) -> None:
    if usage.payment_link_id != link_id:
        raise LinkProblem(
            ProblemKind.USAGES_INCONSISTENT,
            f"Lean listed usage {usage.usage_id} under this link, but the usage names another "
            f"link ({usage.payment_link_id}).",
            jsontext.dumps(wire.usage_to_wire(usage)),
        )


@dataclass(frozen=True, slots=True)
class UsageOutcome:
    """What a worker brings back for one link: what to store, or the problem and its cause."""

    reads: int = 0
    probes: int = 0
    result: UsageList | None = None  # what to store (the scheduler writes, in batches)
    problem: SyncProblem | None = None
    error: LeanError | None = None  # what made it a problem, when Lean's answer did


def passing(error: LeanError | None) -> bool:
    """A failure that another try a little later may well not meet."""
    if isinstance(error, RateLimitedError):
        return error.retry_after is None or error.retry_after <= 30
    return isinstance(error, LeanTransportError | ServerError)


def read_link_usages(
    reader: UsageReader,
    link: PaymentLink,
    action: UsageAction,
    marks: SyncMarks | None,
    confirmed_at: datetime,
) -> UsageOutcome:
    """One link's usages as `action` says (on a worker). Whatever goes wrong costs this link only:
    it comes back as a problem; only a stop (cancel, abort), a refused secret or a failing cache
    is raised, for those end the whole sync."""
    probes = 0
    try:
        if action is UsageAction.PROBE and marks is not None:
            probes = 1
            if reader.probe(link.id) == marks.usage_count:
                return UsageOutcome(probes=1, result=UsageList(link.id, None, confirmed_at, link.status))
            reader.check_cancel()
        read = reader.read(link.id, everything=action is UsageAction.REREAD)
        result = UsageList(link.id, read.usages, confirmed_at, link.status, read.read_all)
        return UsageOutcome(reads=1, probes=probes, result=result)
    except (SyncCancelled, SyncAborted, CacheError, AuthenticationError):
        raise
    except LinkProblem as exc:
        return UsageOutcome(probes=probes, problem=SyncProblem(link.id, exc.what, exc.detail, exc.raw))
    except LeanError as exc:
        raw = exc.raw_body if isinstance(exc, LeanHTTPError) else ""
        malformed = isinstance(exc, LeanSchemaError | ResponseTooLarge)
        what = ProblemKind.USAGES_MALFORMED if malformed else ProblemKind.USAGES_UNREADABLE
        problem = SyncProblem(link.id, what, f"Its usages could not be read: {exc}", raw[:RAW_CHARS])
        return UsageOutcome(probes=probes, problem=problem, error=exc)
    except Exception as exc:  # a bug of ours must cost one link, not the sync
        logger.debug("unexpected error syncing the usages of %s", link.id, exc_info=True)
        logger.warning("Unexpected error syncing link %s: %s: %s", link.id, type(exc).__name__, exc)
        detail = f"An unexpected error stopped its sync ({type(exc).__name__}: {exc}); please report it."
        return UsageOutcome(probes=probes, problem=SyncProblem(link.id, ProblemKind.INTERNAL, detail))
