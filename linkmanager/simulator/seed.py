"""Seeded demo data: a Gulf merchant's payment links, deterministic for a seed.

Ids, amounts, names and usages come from `random.Random(seed)`; times are relative to the
moment of seeding, so the data always looks current. A fixed set of scenarios guarantees that
every case a client must handle is present (all link and usage statuses, unlimited links, a link
with more than 100 usages, AED/SAR/KWD, Arabic, hostile payer input, an undocumented
payment_status); the rest are drawn at random from the same catalogue.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
from collections.abc import Callable
from decimal import Decimal
from types import EllipsisType
from urllib.parse import quote

from linkmanager.simulator import fake
from linkmanager.simulator.catalogue import describe
from linkmanager.simulator.model import DEFAULT_MAX_USAGES, Link, NewLink, PaymentDetails
from linkmanager.simulator.state import Store

__all__ = ["UNDOCUMENTED_PAYMENT_STATUS", "seed_store"]

logger = logging.getLogger(__name__)

UNDOCUMENTED_PAYMENT_STATUS = "SETTLEMENT_HOLD"
_CREATED_STATUSES = (
    ("ACCEPTED_BY_BANK", 60),
    ("PENDING_WITH_BANK", 25),
    ("AWAITING_AUTHORIZATION", 10),
    (UNDOCUMENTED_PAYMENT_STATUS, 5),
)  # fmt: skip
# A payment still pending with the bank after this long is not what Lean's data looks like.
_BANK_DECIDES_WITHIN = dt.timedelta(days=3)
_LINK_STATUS_WEIGHTS = (("ACTIVE", 55), ("DISABLED", 15), ("EXPIRED", 18), ("USED", 12))
_CURRENCY_WEIGHTS = (("AED", 65), ("SAR", 22), ("KWD", 13))


def _weighted(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([k for k, _ in table], [w for _, w in table])[0]


class _Seeder:
    def __init__(self, store: Store, rng: random.Random, now: dt.datetime) -> None:
        self.store = store
        self.rng = rng
        self.now = now.replace(microsecond=0)
        self.destinations = [fake.seeded_uuid(rng) for _ in range(3)]

    # -- times ----------------------------------------------------------------------------------

    def _end_of_day(self, days: int) -> dt.datetime:
        # 19:59:59 UTC is 23:59:59 in the Gulf, where due dates end.
        return (self.now + dt.timedelta(days=days)).replace(hour=19, minute=59, second=59)

    def future_expiry(self) -> dt.datetime | None:
        roll = self.rng.random()
        if roll < 0.4:
            return None
        if roll < 0.85:
            return self._end_of_day(self.rng.randint(1, 90))
        return self.now + dt.timedelta(
            hours=self.rng.randint(1, 48), minutes=self.rng.choice((0, 15, 30, 45))
        )

    def past_expiry(self) -> dt.datetime:
        if self.rng.random() < 0.8:
            return self._end_of_day(-self.rng.randint(1, 180))
        return self.now - dt.timedelta(hours=self.rng.randint(1, 20))

    # -- links ----------------------------------------------------------------------------------

    def amount(self, currency: str, low: int, high: int) -> Decimal:
        rng = self.rng
        if currency == "KWD":  # about 0.084 KWD to the dirham, three decimals
            fils = rng.randint(low * 84, high * 84)
            if rng.random() < 0.6:
                fils -= fils % 250
            return Decimal(max(fils, 250)).scaleb(-3)
        base = rng.randint(low, high) * (102 if currency == "SAR" else 100) // 100
        style = rng.random()
        if style < 0.45:
            return Decimal(max(base - base % 50, 10))
        if style < 0.8:
            return Decimal(f"{base}.00")
        return Decimal(f"{base}.{rng.randint(0, 99):02d}")

    def link(
        self,
        status: str,
        *,
        kind: str | None = None,
        currency: str | None = None,
        arabic: bool | None = None,
        max_usages: int | EllipsisType | None = ...,
        expires_at: dt.datetime | EllipsisType | None = ...,
        name: str | EllipsisType | None = ...,
    ) -> Link:
        rng = self.rng
        currency = currency or _weighted(rng, _CURRENCY_WEIGHTS)
        arabic = rng.random() < 0.2 if arabic is None else arabic
        d = describe(rng, kind, arabic)
        if isinstance(max_usages, EllipsisType):
            max_usages = d.max_usages
        if status == "USED" and (max_usages is None or max_usages > 10):
            max_usages = rng.choice((1, 1, 2, 3, 5))
        if isinstance(expires_at, EllipsisType):
            expires_at = self.past_expiry() if status == "EXPIRED" else self.future_expiry()
        if isinstance(name, EllipsisType):
            name = None if rng.random() < 0.08 else d.name
        redirect = None
        if rng.random() < 0.5:
            base = rng.choice(self.store.allow_list.entries).rstrip("/")
            redirect = f"{base}/payments/complete?ref={quote(d.reference)}"
        spec = NewLink(
            payment_details=PaymentDetails(
                reference=d.reference,
                currency=currency,
                amount=self.amount(currency, *d.aed_range),
                destination_id=rng.choice(self.destinations) if rng.random() < 0.4 else None,
                payment_purpose=d.purpose,
            ),
            name=name,
            max_usages=max_usages if max_usages is not None else DEFAULT_MAX_USAGES,
            expires_at=expires_at,
            redirect_url=redirect,
            customer_id=fake.seeded_uuid(rng) if rng.random() < 0.3 else None,
            identifiers=d.identifiers,
        )
        first = "ACTIVE" if status == "USED" else status  # USED is reached by its payments
        return self.store.insert_link(
            spec,
            link_id=fake.seeded_uuid(rng),
            hosted_id=fake.seeded_uuid(rng),
            status=first,
            max_usages_unset=max_usages is None,
        )

    # -- usages ---------------------------------------------------------------------------------

    def usage(
        self,
        link: Link,
        status: str,
        *,
        payment_status: str | EllipsisType | None = ...,
        hostile: str | None = None,
        age: dt.timedelta | None = None,
    ) -> None:
        """One usage; `age` is how long ago the payer started (random when not given)."""
        rng = self.rng
        if status == "STARTED":
            age = dt.timedelta(seconds=rng.randint(30, 25 * 60))  # older ones have expired
        elif age is None:
            age = dt.timedelta(minutes=rng.randint(35, 60 * 24 * 90))
        if hostile is None and rng.random() < 0.02:
            hostile = rng.choice(fake.HOSTILE_VALUES)
        values = fake.payer_values(rng, link.identifiers, link.payment_details.currency, hostile)
        paid = status in ("PAYMENT_CREATED", "FAILED") and (status != "FAILED" or rng.random() < 0.7)
        if isinstance(payment_status, EllipsisType):
            if status == "PAYMENT_CREATED" and age > _BANK_DECIDES_WITHIN:
                payment_status = "ACCEPTED_BY_BANK"  # banks settle within days, not months
            elif status == "PAYMENT_CREATED":
                payment_status = _weighted(rng, _CREATED_STATUSES)
            else:
                payment_status = "FAILED" if status == "FAILED" and paid else None
        started = self.now - age
        customer = (link.customer_id or fake.seeded_uuid(rng)) if paid else None
        self.store.insert_usage(
            link.id,
            status=status,
            payment_status=payment_status,
            identifiers=values,
            customer_id=customer,
            payment_id=fake.seeded_uuid(rng) if paid else None,
            usage_id=fake.seeded_uuid(rng),
            started_at=started,
        )

    def history(self, link: Link, paid: int, failed: int = 0, expired: int = 0, started: int = 0) -> None:
        """Usages in time order, oldest first: old outcomes, then payments still in flight."""
        statuses = ["PAYMENT_CREATED"] * paid + ["FAILED"] * failed + ["EXPIRED"] * expired
        self.rng.shuffle(statuses)
        minutes = sorted((self.rng.randint(35, 60 * 24 * 90) for _ in statuses), reverse=True)
        for status, ago in zip(statuses, minutes, strict=True):
            self.usage(link, status, age=dt.timedelta(minutes=ago))
        for _ in range(started):
            self.usage(link, "STARTED")

    def random_link(self) -> None:
        rng = self.rng
        status = _weighted(rng, _LINK_STATUS_WEIGHTS)
        link = self.link(status)
        cap = link.max_usages
        if status == "USED":
            assert cap is not None
            self.history(link, cap, failed=rng.choice((0, 0, 1, 2)))
            return
        room = 6 if cap is None else min(cap - 1, 6)
        paid = rng.randint(0, room) if rng.random() < 0.6 else 0
        failed = rng.choice((0, 0, 0, 1, 2))
        expired = rng.choice((0, 0, 0, 1))
        can_start = status == "ACTIVE" and (cap is None or paid + 1 < cap) and rng.random() < 0.1
        self.history(link, paid, failed, expired, started=int(can_start))


def _scenarios(s: _Seeder) -> list[Callable[[], None]]:
    """The fixed cases every seed holds (the first `links` of them when asked for fewer)."""
    rng = s.rng

    def single_invoice_in_flight() -> None:
        link = s.link("ACTIVE", kind="rent", currency="AED", arabic=False, max_usages=1)
        s.history(link, 0, failed=1, started=1)

    def donations_over_100_usages() -> None:
        link = s.link(
            "ACTIVE", kind="donation", currency="AED", arabic=False, max_usages=None, expires_at=None
        )
        for value in fake.HOSTILE_VALUES:
            s.usage(link, "PAYMENT_CREATED", hostile=value)
        s.history(link, 105, failed=14, expired=8, started=2)
        # A hold the bank placed today, in a status Lean never documented.
        s.usage(
            link, "PAYMENT_CREATED", payment_status=UNDOCUMENTED_PAYMENT_STATUS, age=dt.timedelta(hours=2)
        )

    def used_invoice() -> None:
        link = s.link("USED", kind="invoice", currency="AED", max_usages=1)
        s.usage(link, "FAILED")
        s.usage(link, "PAYMENT_CREATED", payment_status="ACCEPTED_BY_BANK")

    def used_kwd_trip() -> None:
        link = s.link("USED", kind="school", currency="KWD", arabic=True, max_usages=3)
        s.usage(link, "PAYMENT_CREATED", payment_status=UNDOCUMENTED_PAYMENT_STATUS)
        s.usage(link, "PAYMENT_CREATED", payment_status="PENDING_WITH_BANK")
        s.usage(link, "PAYMENT_CREATED", payment_status="ACCEPTED_BY_BANK")

    def expired_sar() -> None:
        link = s.link("EXPIRED", kind="clinic", currency="SAR", max_usages=5)
        s.usage(link, "EXPIRED")
        s.usage(link, "FAILED", payment_status="FAILED")
        s.usage(link, "PAYMENT_CREATED", payment_status="ACCEPTED_BY_BANK")

    def disabled_arabic() -> None:
        expires = s.now + dt.timedelta(days=rng.randint(10, 40))
        link = s.link("DISABLED", kind="rent", currency="AED", arabic=True, max_usages=10, expires_at=expires)
        s.usage(link, "PAYMENT_CREATED", payment_status="AWAITING_AUTHORIZATION")

    def disabled_unlimited() -> None:
        s.link("DISABLED", kind="gym", currency="SAR", max_usages=None, expires_at=None)

    def kwd_plain() -> None:
        s.link("ACTIVE", kind="transfer", currency="KWD", max_usages=1000, expires_at=None, name=None)

    def arabic_all_identifiers() -> None:
        link = s.link("ACTIVE", kind="school", currency="SAR", arabic=True, max_usages=40)
        s.usage(link, "PAYMENT_CREATED", payment_status="PENDING_WITH_BANK", hostile="\u202eمحمد\u202c 🌙")
        s.usage(link, "PAYMENT_CREATED", payment_status="AWAITING_AUTHORIZATION")
        s.usage(link, "FAILED", payment_status="FAILED")

    def hostile_name() -> None:
        s.link(
            "ACTIVE",
            kind="invoice",
            currency="AED",
            name='<b>Summer sale</b> =HYPERLINK("http://evil.example")',
        )

    def never_paid_expired() -> None:
        s.link("EXPIRED", kind="invoice", currency="KWD", max_usages=1)

    def expiring_soon() -> None:
        expires = s.now + dt.timedelta(minutes=rng.randint(20, 50))
        link = s.link("ACTIVE", kind="parking", currency="AED", max_usages=200, expires_at=expires)
        s.history(link, 3, failed=1)

    return [
        single_invoice_in_flight,
        donations_over_100_usages,
        used_invoice,
        expired_sar,
        disabled_arabic,
        used_kwd_trip,
        arabic_all_identifiers,
        kwd_plain,
        disabled_unlimited,
        hostile_name,
        never_paid_expired,
        expiring_soon,
    ]


def seed_store(store: Store, *, seed: int, links: int, now: dt.datetime) -> None:
    """Fill `store` with `links` links; the same seed gives the same ids and values."""
    if links < 0:
        raise ValueError("links must be 0 or more")
    rng = random.Random(seed)
    seeder = _Seeder(store, rng, now)
    fixed = _scenarios(seeder)[:links]
    jobs = fixed + [seeder.random_link] * (links - len(fixed))
    rng.shuffle(jobs)
    for job in jobs:
        job()
    logger.info("seeded %d links (seed %d)", links, seed)
