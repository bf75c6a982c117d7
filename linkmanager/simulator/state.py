"""The simulator's thread-safe store of links and usages, and their lifecycle in time.

Time-driven transitions (a link passing its expiry, a usage stuck in STARTED for 30 minutes, a
simulated payment moving on) are queued in one heap of deadlines and applied lazily, in time
order, whenever the store is touched. Nothing sweeps all links, so 20,000 links cost nothing
until something is due, and `SimClock.advance()` replays the lifecycle exactly.
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
import logging
import threading
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import EllipsisType
from typing import Any, TypedDict, Unpack

from linkmanager.simulator.errors import ApiError
from linkmanager.simulator.model import (
    STARTED_TIMEOUT,
    TERMINAL_STATUSES,
    USAGE_STATUSES,
    CollectedValue,
    Link,
    NewLink,
    Usage,
)
from linkmanager.simulator.validation import RedirectAllowList, validate_create

__all__ = ["HOSTED_PAGE_BASE", "Store", "UsageFields", "UsageStep"]

logger = logging.getLogger(__name__)

# Reserved TLD (RFC 2606): a hosted URL from the simulator can never reach a real site.
HOSTED_PAGE_BASE = "https://pay.simulator.invalid/pay/"

# (status, payment_status, delay): one scheduled move of a simulated payment.
UsageStep = tuple[str, str | None, dt.timedelta]

_DEFAULT_PAYMENT_STATUS: dict[str, str | None] = {
    "STARTED": None,
    "PAYMENT_CREATED": "PENDING_WITH_BANK",
    "FAILED": "FAILED",
    "EXPIRED": None,
}


class UsageFields(TypedDict, total=False):
    """The optional keywords of `Store.insert_usage`, so `add_usage` forwards them unrepeated."""

    payment_status: str | EllipsisType | None
    identifiers: Iterable[CollectedValue | Mapping[str, str]]
    customer_id: str | None
    payment_id: str | EllipsisType | None
    usage_id: str | None
    started_at: dt.datetime | None
    steps: Sequence[UsageStep]


def _collected(value: CollectedValue | Mapping[str, str]) -> CollectedValue:
    if isinstance(value, CollectedValue):
        return value
    return CollectedValue(value["type"], value["display_label"], value["value"])


def _page(total: int, page: int, size: int) -> dict[str, int]:
    return {"number": page, "size": size, "total_elements": total, "total_pages": -(-total // size)}


class Store:
    """Links and usages behind one lock; every public method first applies what is due."""

    def __init__(self, now: Callable[[], dt.datetime], allow_list: RedirectAllowList | None = None) -> None:
        self._now = now
        self.allow_list = allow_list or RedirectAllowList()
        self._lock = threading.RLock()
        self._links: dict[str, Link] = {}
        self._order: list[str] = []  # creation order, oldest first; lists read it backwards
        self._usages: dict[str, Usage] = {}
        self._due: list[tuple[dt.datetime, int, str, str, tuple[UsageStep, ...]]] = []
        self._seq = itertools.count()

    # -- time ---------------------------------------------------------------------------------

    def _schedule(self, when: dt.datetime, kind: str, target: str, steps: tuple[UsageStep, ...] = ()) -> None:
        heapq.heappush(self._due, (when, next(self._seq), kind, target, steps))

    def _catch_up(self) -> dt.datetime:
        now = self._now()
        while self._due and self._due[0][0] <= now:
            when, _, kind, target, steps = heapq.heappop(self._due)
            if kind == "link_expires":
                self._expire_link(target, when)
            elif kind == "usage_times_out":
                usage = self._usages.get(target)
                if usage is not None and usage.usage_status == "STARTED":
                    self._move_usage(usage, "EXPIRED", None)
            elif kind == "usage_step":
                self._apply_step(target, when, steps)
        return now

    def _expire_link(self, link_id: str, when: dt.datetime) -> None:
        link = self._links.get(link_id)
        if link is None or link.status in TERMINAL_STATUSES or link.expires_at != when:
            return
        link.status = "EXPIRED"
        logger.debug("link %s expired", link_id)

    def _apply_step(self, usage_id: str, when: dt.datetime, steps: tuple[UsageStep, ...]) -> None:
        usage = self._usages.get(usage_id)
        if usage is None or not steps or usage.usage_status in ("FAILED", "EXPIRED"):
            return
        status, payment_status, _ = steps[0]
        if usage.payment_id is None and status != "STARTED":
            usage.payment_id = str(uuid.uuid4())
        if usage.customer_id is None and status == "PAYMENT_CREATED":
            link = self._links[usage.payment_link_id]
            usage.customer_id = link.customer_id or str(uuid.uuid4())
        self._move_usage(usage, status, payment_status)
        if len(steps) > 1:
            self._schedule(when + steps[1][2], "usage_step", usage_id, steps[1:])

    def _move_usage(self, usage: Usage, status: str, payment_status: str | None) -> None:
        """Change a usage's status and keep the link's counters and status in step.

        current_usages only ever grows ("increments each time a payer completes a payment"), so
        a hand-made PAYMENT_CREATED -> FAILED reversal leaves it, and a USED link, as they were.
        """
        link = self._links[usage.payment_link_id]
        old = usage.usage_status
        link.in_flight += (status == "STARTED") - (old == "STARTED")
        usage.usage_status = status
        usage.payment_status = payment_status
        if status == "PAYMENT_CREATED" and old != "PAYMENT_CREATED":
            link.current_usages += 1
            full = link.max_usages is not None and link.current_usages >= link.max_usages
            if full and link.status in ("ACTIVE", "DISABLED"):
                link.status = "USED"
                logger.debug("link %s used up", link.id)

    # -- links --------------------------------------------------------------------------------

    def create_link(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """Validate a CreatePaymentLinkRequest like POST does and store it; raises ApiError."""
        with self._lock:
            now = self._catch_up()
            spec = validate_create(body, now=now, allow_list=self.allow_list)
            return self.insert_link(spec).to_wire()

    def insert_link(
        self,
        spec: NewLink,
        *,
        link_id: str | None = None,
        hosted_id: str | None = None,
        status: str = "ACTIVE",
        max_usages_unset: bool = False,
    ) -> Link:
        """Store a link without request validation (seeding); `max_usages_unset` means no limit."""
        with self._lock:
            link_id = link_id or str(uuid.uuid4())
            if link_id in self._links:
                raise ValueError(f"duplicate link id {link_id}")
            link = Link(
                id=link_id,
                link=HOSTED_PAGE_BASE + (hosted_id or str(uuid.uuid4())),
                status=status,
                redirect_url=spec.redirect_url or self.allow_list.default,
                payment_details=spec.payment_details,
                name=spec.name,
                max_usages=None if max_usages_unset else spec.max_usages,
                expires_at=spec.expires_at,
                customer_id=spec.customer_id,
                identifiers=spec.identifiers,
            )
            self._links[link_id] = link
            self._order.append(link_id)
            if link.expires_at is not None and status not in TERMINAL_STATUSES:
                self._schedule(link.expires_at, "link_expires", link_id)
            return link

    def get_link(self, link_id: str) -> dict[str, Any] | None:
        with self._lock:
            self._catch_up()
            link = self._links.get(link_id)
            return None if link is None else link.to_wire()

    def list_links(self, page: int, size: int) -> dict[str, Any]:
        """One page, newest first: a link created while a client pages shifts later pages."""
        with self._lock:
            self._catch_up()
            total = len(self._order)
            end = total - page * size
            ids = self._order[max(0, end - size) : max(0, end)]
            content = [self._links[i].to_wire() for i in reversed(ids)]
            return {"content": content, "page": _page(total, page, size)}

    def set_status(self, link_id: str, status: str) -> None:
        """ACTIVE <-> DISABLED; the same status again is accepted; EXPIRED and USED are final."""
        with self._lock:
            self._catch_up()
            link = self._links.get(link_id)
            if link is None:
                raise ApiError.not_found(f"payment link {link_id} was not found")
            if status not in ("ACTIVE", "DISABLED"):
                raise ApiError.invalid("status must be ACTIVE or DISABLED")
            if link.status in TERMINAL_STATUSES:
                raise ApiError.invalid(
                    f"payment link {link_id} is {link.status}; EXPIRED and USED links cannot change status"
                )
            link.status = status

    def link_count(self) -> int:
        with self._lock:
            return len(self._order)

    def link_ids(self, status: str | None = None) -> list[str]:
        """Ids newest first, optionally only those with `status` (a test helper; O(n))."""
        with self._lock:
            self._catch_up()
            return [i for i in reversed(self._order) if status is None or self._links[i].status == status]

    def pick_link_with_room(self, choose: Callable[[Sequence[str]], str], tries: int = 25) -> Link | None:
        """An ACTIVE link that can take one more payment, sampled (no scan) for simulated payers."""
        with self._lock:
            self._catch_up()
            if not self._order:
                return None
            for _ in range(tries):
                link = self._links[choose(self._order)]
                if link.status == "ACTIVE" and link.has_room():
                    return link
            return None

    def start_payment(
        self,
        choose: Callable[[Sequence[str]], str],
        values_for: Callable[[Link], Iterable[CollectedValue]],
        steps: Sequence[UsageStep],
    ) -> Usage | None:
        """A simulated payer starts paying on a random ACTIVE link with room, atomically."""
        with self._lock:
            link = self.pick_link_with_room(choose)
            if link is None:
                return None
            return self.insert_usage(link.id, status="STARTED", identifiers=values_for(link), steps=steps)

    # -- usages -------------------------------------------------------------------------------

    def add_usage(
        self, link_id: str, *, status: str = "PAYMENT_CREATED", **fields: Unpack[UsageFields]
    ) -> dict[str, Any]:
        """`insert_usage` returning the wire form (tests), under the lock so it is consistent."""
        with self._lock:
            return self.insert_usage(link_id, status=status, **fields).to_wire()

    def insert_usage(
        self,
        link_id: str,
        *,
        status: str,
        payment_status: str | EllipsisType | None = ...,
        identifiers: Iterable[CollectedValue | Mapping[str, str]] = (),
        customer_id: str | None = None,
        payment_id: str | EllipsisType | None = ...,
        usage_id: str | None = None,
        started_at: dt.datetime | None = None,
        steps: Sequence[UsageStep] = (),
    ) -> Usage:
        """Record a payer's usage now (seeding, simulated payers, tests via `add_usage`).

        PAYMENT_CREATED counts toward current_usages and may turn the link USED; STARTED holds
        capacity and turns EXPIRED 30 minutes after `started_at` unless `steps` move it on first.
        payment_status and payment_id default to what Lean would show for that status (`...`
        means "the default", None means null). Raises KeyError for an unknown link and
        ValueError for an unknown status.
        """
        if status not in USAGE_STATUSES:
            raise ValueError(f"usage status must be one of {USAGE_STATUSES}")
        with self._lock:
            now = self._catch_up()
            link = self._links[link_id]
            started = started_at or now
            if isinstance(payment_status, EllipsisType):
                payment_status = _DEFAULT_PAYMENT_STATUS[status]
            if isinstance(payment_id, EllipsisType):
                payment_id = None if status in ("STARTED", "EXPIRED") else str(uuid.uuid4())
            usage = Usage(
                usage_id=usage_id or str(uuid.uuid4()),
                payment_link_id=link_id,
                usage_status="STARTED",
                started_at=started,
                identifiers=tuple(_collected(v) for v in identifiers),
                customer_id=customer_id,
                payment_id=payment_id,
            )
            if usage.usage_id in self._usages:
                raise ValueError(f"duplicate usage id {usage.usage_id}")
            self._usages[usage.usage_id] = usage
            link.usage_ids.append(usage.usage_id)
            link.in_flight += 1
            self._move_usage(usage, status, payment_status)
            if status == "STARTED":
                self._schedule(started + STARTED_TIMEOUT, "usage_times_out", usage.usage_id)
                if steps:
                    self._schedule(started + steps[0][2], "usage_step", usage.usage_id, tuple(steps))
            return usage

    def pay(
        self,
        link_id: str,
        status: str,
        payment_status: str,
        values_for: Callable[[Link], Iterable[CollectedValue]],
    ) -> dict[str, Any]:
        """A payer on demand (POST /_sim/links/{id}/pay): one usage now, its wire form.

        Checked and stored under one lock, so two payers cannot both take a single-use link's
        last place. ApiError 404 for an unknown link, 409 for one that cannot take a payment
        (not ACTIVE, past its expiry, or no room left under max_usages); counters and the USED
        transition follow `_move_usage`, as for the simulated payers.
        """
        with self._lock:
            now = self._catch_up()
            link = self._links.get(link_id)
            if link is None:
                raise ApiError.not_found(f"payment link {link_id} was not found")
            expired = link.status == "EXPIRED" or (link.expires_at is not None and link.expires_at <= now)
            if expired or link.status != "ACTIVE":
                status_word = "EXPIRED" if expired else link.status
                raise ApiError.conflict(f"payment link {link_id} is {status_word} and cannot take a payment")
            if not link.has_room():
                raise ApiError.conflict(
                    f"payment link {link_id} has reached its max_usages ({link.max_usages}) "
                    "and cannot take a payment"
                )
            paid = status == "PAYMENT_CREATED"
            customer = (link.customer_id or str(uuid.uuid4())) if paid else None
            usage = self.insert_usage(
                link_id,
                status=status,
                payment_status=payment_status,
                identifiers=values_for(link),
                customer_id=customer,
            )
            return usage.to_wire()

    def update_usage(self, usage_id: str, status: str, payment_status: str | None) -> dict[str, Any]:
        """Move a usage on by hand (tests); counters and link status follow as in real time."""
        if status not in USAGE_STATUSES:
            raise ValueError(f"usage status must be one of {USAGE_STATUSES}")
        with self._lock:
            self._catch_up()
            usage = self._usages[usage_id]
            if usage.payment_id is None and status in ("PAYMENT_CREATED", "FAILED"):
                usage.payment_id = str(uuid.uuid4())
            self._move_usage(usage, status, payment_status)
            return usage.to_wire()

    def list_usages(self, link_id: str, page: int, size: int) -> dict[str, Any]:
        """A page of a link's usages, newest first; ApiError 404 for an unknown link."""
        with self._lock:
            self._catch_up()
            link = self._links.get(link_id)
            if link is None:
                raise ApiError.not_found(f"payment link {link_id} was not found")
            total = len(link.usage_ids)
            end = total - page * size
            ids = link.usage_ids[max(0, end - size) : max(0, end)]
            content = [self._usages[i].to_wire() for i in reversed(ids)]
            return {"content": content, "page": _page(total, page, size)}

    def get_usage(self, link_id: str, usage_id: str) -> dict[str, Any]:
        with self._lock:
            self._catch_up()
            if link_id not in self._links:
                raise ApiError.not_found(f"payment link {link_id} was not found")
            usage = self._usages.get(usage_id)
            if usage is None or usage.payment_link_id != link_id:
                raise ApiError.not_found(f"usage {usage_id} of payment link {link_id} was not found")
            return usage.to_wire()
