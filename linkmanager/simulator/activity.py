"""Simulated payers: about N payments a minute on ACTIVE links, each moving through Lean's states.

A payment starts as a STARTED usage, then (after a few simulated seconds) becomes
PAYMENT_CREATED with PENDING_WITH_BANK and later ACCEPTED_BY_BANK, or FAILED; now and then
the payer walks away and the usage expires after 30 minutes. The moves are scheduled in the
store's deadline heap, so they follow the simulated clock like every other transition.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import threading

from linkmanager.simulator import fake
from linkmanager.simulator.model import CollectedValue, Link
from linkmanager.simulator.state import Store, UsageStep

__all__ = ["PayerActivity"]

logger = logging.getLogger(__name__)


def _seconds(value: float) -> dt.timedelta:
    return dt.timedelta(seconds=round(value, 3))


class PayerActivity:
    """A daemon thread that starts payments at Poisson-distributed times."""

    def __init__(self, store: Store, per_minute: float, seed: int | None = None) -> None:
        if per_minute < 0:
            raise ValueError("activity must be 0 or more payments a minute")
        self.store = store
        self.per_minute = per_minute
        self._rng = random.Random(seed)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self.per_minute <= 0 or self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="simulator-payers", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def _run(self) -> None:
        rate = self.per_minute / 60.0
        while not self._stop.wait(self._rng.expovariate(rate)):
            try:
                self.step()
            except Exception:
                logger.exception("simulated payer failed")

    def plan(self) -> list[UsageStep]:
        """The future of one payment: success, failure, or nothing (left to expire)."""
        rng = self._rng
        roll = rng.random()
        if roll < 0.72:
            first = _seconds(rng.uniform(2, 6))
            return [
                ("PAYMENT_CREATED", "PENDING_WITH_BANK", first),
                ("PAYMENT_CREATED", "ACCEPTED_BY_BANK", _seconds(rng.uniform(3, 12))),
            ]
        if roll < 0.9:
            return [("FAILED", "FAILED", _seconds(rng.uniform(2, 8)))]
        return []

    def step(self) -> str | None:
        """Start one payment now; the usage id, or None when no ACTIVE link has room."""
        rng = self._rng

        def values_for(link: Link) -> tuple[CollectedValue, ...]:
            hostile = rng.choice(fake.HOSTILE_VALUES) if rng.random() < 0.03 else None
            return fake.payer_values(rng, link.identifiers, link.payment_details.currency, hostile)

        usage = self.store.start_payment(rng.choice, values_for, self.plan())
        if usage is None:
            logger.debug("no ACTIVE link with room for a simulated payer")
            return None
        logger.debug("simulated payer started usage %s", usage.usage_id)
        return usage.usage_id
