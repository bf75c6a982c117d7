"""The listing of links, page by page: which page to ask next, what each held, whether it is whole.

Lean's page totals decide how many pages there are, but only once checked: `total_pages` must be
what `total_elements` and the page size make, and no listing is read past MAX_LISTING_PAGES (a
million links), so a server claiming a billion pages costs one request, not a billion futures.
Pages are asked for one at a time as workers free up, and a page shorter than the page size is
the last. A bad record costs that record only; a page that cannot be read costs its links their
confirmation, never their place in the cache: a listing with any gap marks nothing as missing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from linkmanager.api.errors import AuthenticationError, LeanDeadlineError, LeanError, LeanHTTPError
from linkmanager.domain.models import Page, PaymentLink
from linkmanager.services.sync_usages import ProblemKind, expected_pages, passing
from linkmanager.storage.cache import SyncProblem

if TYPE_CHECKING:
    from linkmanager.api.client import LeanClient

logger = logging.getLogger(__name__)

MAX_LISTING_PAGES = 10_000


def _totals_raw(page: Page[PaymentLink]) -> str:
    return (
        f'{{"page": {{"number": {page.number}, "size": {page.size}, '
        f'"total_elements": {page.total_elements}, "total_pages": {page.total_pages}}}}}'
    )


@dataclass(slots=True)
class Listing:
    """Filled by the sync as pages arrive (always on the sync's own thread)."""

    size: int
    limit: int = 1  # pages worth asking for
    total: int = 0  # links Lean says it has, when its totals can be believed
    believable: bool = True
    ended: bool = False  # a short page was seen: nothing lies beyond it
    next_number: int = 1
    asked: int = 0  # pages asked for and not answered yet
    seen: set[str] = field(default_factory=set)
    unreadable_ids: set[str] = field(default_factory=set)  # listed in records that could not be read
    gaps: int = 0  # pages that could not be read, records without a usable id
    problems: list[SyncProblem] = field(default_factory=list)

    @classmethod
    def starting_with(cls, first: Page[PaymentLink], size: int) -> Listing:
        listing = cls(size)
        expected = expected_pages(first.total_elements, size)
        claimed = max(first.total_pages, expected)
        listing.limit = min(claimed, MAX_LISTING_PAGES)
        listing.total = first.total_elements
        if first.total_pages != expected:
            listing._untrue(
                first, f"{first.total_elements:,} links cannot fill {first.total_pages:,} pages of {size}"
            )
        elif claimed > MAX_LISTING_PAGES:
            listing._untrue(
                first,
                f"{first.total_elements:,} links is more than LinkManager reads ({MAX_LISTING_PAGES * size:,})",
            )
        return listing

    def next_page(self) -> int | None:
        """The next page to ask for, or None when every page worth asking for was asked."""
        if self.ended or self.next_number >= self.limit:
            return None
        if not self.believable and self.asked:
            return None  # totals that lie say nothing of how far to read: one page at a time
        number = self.next_number
        self.next_number += 1
        self.asked += 1
        return number

    def take(self, page: Page[PaymentLink]) -> list[PaymentLink]:
        """Note a page; the links on it not seen before, in its order."""
        self.asked = max(self.asked - 1, 0)
        if len(page.items) + len(page.rejected) < self.size:
            self.ended = True
        if self.believable and page.total_elements != self.total:
            # Links were created (or removed) while we read: the newest count is the one to reach.
            if page.total_pages == expected_pages(page.total_elements, self.size):
                self.total = max(self.total, page.total_elements)
                self.limit = max(self.limit, min(page.total_pages, MAX_LISTING_PAGES))
            else:
                self._untrue(
                    page,
                    f"page {page.number} says {page.total_elements:,} links in {page.total_pages:,} pages",
                )
        fresh = [link for link in page.items if link.id not in self.seen]
        self.seen.update(link.id for link in fresh)
        if not self.believable and not fresh:
            self.ended = True  # a server whose totals lie and whose pages repeat is read no further
        for bad in page.rejected:
            if bad.record_id is None:
                self.gaps += 1
            else:
                self.unreadable_ids.add(bad.record_id)
            self.problems.append(
                SyncProblem(
                    bad.record_id,
                    ProblemKind.LINK_MALFORMED,
                    f"Lean listed a malformed link record (page {page.number}, #{bad.index + 1}): {bad.problem}. "
                    "What was cached for it is kept.",
                    bad.raw,
                )
            )
        return fresh

    def failed(self, number: int, error: LeanError) -> None:
        """A page that could not be read, after retries."""
        self.asked = max(self.asked - 1, 0)
        self.gaps += 1
        raw = error.raw_body if isinstance(error, LeanHTTPError) else ""
        self.problems.append(
            SyncProblem(
                None,
                ProblemKind.PAGE_UNREADABLE,
                f"Page {number + 1} of the links could not be read ({error}); its links keep what was "
                "cached and are not marked as gone.",
                raw,
            )
        )

    @property
    def short(self) -> bool:
        """Every page read and believable, yet fewer links than Lean counts: the list moved under us."""
        return self.believable and not self.gaps and len(self.seen) + len(self.unreadable_ids) < self.total

    @property
    def whole(self) -> bool:
        """Every listed link accounted for: links not in it can be marked missing."""
        return self.believable and not self.gaps and len(self.seen) + len(self.unreadable_ids) >= self.total

    def give_up_short(self) -> None:
        self.problems.append(
            SyncProblem(
                None,
                ProblemKind.LISTING_SHORT,
                f"Lean counted {self.total:,} links but listed {len(self.seen) + len(self.unreadable_ids):,}, "
                "even on a second pass; no link is marked as gone.",
            )
        )

    def _untrue(self, page: Page[PaymentLink], what: str) -> None:
        self.believable = False
        self.problems.append(
            SyncProblem(
                None,
                ProblemKind.PAGE_TOTALS,
                f"Lean's page totals cannot be true ({what}); the links it did list are kept, and no "
                "link is marked as gone.",
                _totals_raw(page),
            )
        )


# -- reading pages (on a worker, or on the sync's thread for the first) ------------------------------


def first_page(
    client: LeanClient, size: int, check_cancel: Callable[[], None], *, second_chances: int
) -> Page[PaymentLink]:
    """Page 0, for the totals; without it the sync cannot run (the error says why)."""
    for tries in range(1, second_chances + 2):
        check_cancel()
        try:
            return client.links_page(0, size, lenient=True)
        except LeanError as exc:
            # A stall that used up a whole deadline is not tried again: everything waits on this page.
            if not passing(exc) or isinstance(exc, LeanDeadlineError) or tries > second_chances:
                raise
            logger.info("The first page of links failed (%s); trying it again", exc)
    raise AssertionError("unreachable")


def read_page(
    client: LeanClient, number: int, size: int, check_cancel: Callable[[], None]
) -> Page[PaymentLink] | LeanError:
    """A page of links, or why it could not be read (a refused secret is raised: it ends the sync)."""
    check_cancel()
    try:
        return client.links_page(number, size, lenient=True)
    except AuthenticationError:
        raise
    except LeanError as exc:
        return exc


def rewalk(
    client: LeanClient, listing: Listing, check_cancel: Callable[[], None]
) -> list[Page[PaymentLink] | LeanError]:
    """The listing once more, in order, from page 0 until a short page."""
    pages: list[Page[PaymentLink] | LeanError] = []
    for number in range(listing.limit):
        page = read_page(client, number, listing.size, check_cancel)
        pages.append(page)
        if isinstance(page, LeanError) or len(page.items) + len(page.rejected) < listing.size:
            break
    return pages
