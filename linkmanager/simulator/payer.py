"""A payer on demand: `POST /_sim/links/{link_id}/pay` and `Simulator.pay` for demos, training and tests.

Not part of Lean's API (Lean has no payer-side endpoint): it lives under `/_sim/`, apart from the
contract's paths, needs no token, and answers requests from this machine only. Each outcome is a
usage as Lean would list it once the payer is done:

- accepted: PAYMENT_CREATED, the bank's ACCEPTED_BY_BANK (collected);
- pending: PAYMENT_CREATED, PENDING_WITH_BANK (move it on with `Store.update_usage`);
- failed: FAILED, payment status FAILED.

The link's counters and its USED transition follow the store's rules, as for simulated payers.
"""

from __future__ import annotations

import ipaddress
import random
import threading
from typing import Any

from linkmanager.simulator import fake
from linkmanager.simulator.errors import ApiError
from linkmanager.simulator.model import CollectedValue, Link
from linkmanager.simulator.state import Store

__all__ = ["PAY_OUTCOMES", "PAY_PATH_PREFIX", "OnDemandPayer", "is_loopback", "pay_outcome"]

PAY_PATH_PREFIX = "/_sim/links/"
# outcome -> (usage_status, payment_status)
PAY_OUTCOMES: dict[str, tuple[str, str]] = {
    "accepted": ("PAYMENT_CREATED", "ACCEPTED_BY_BANK"),
    "pending": ("PAYMENT_CREATED", "PENDING_WITH_BANK"),
    "failed": ("FAILED", "FAILED"),
}


def pay_outcome(body: Any) -> str:
    """The outcome a pay request's JSON body names; ApiError 400 when it names none or a wrong one."""
    if not isinstance(body, dict):
        raise ApiError.invalid('the request body must be a JSON object such as {"outcome": "accepted"}')
    if "outcome" not in body or body["outcome"] is None:
        raise ApiError.missing("outcome is required: accepted, pending or failed")
    outcome = body["outcome"]
    if not isinstance(outcome, str) or outcome not in PAY_OUTCOMES:
        raise ApiError.invalid(f"outcome must be accepted, pending or failed, not {str(outcome)[:40]!r}")
    return outcome


def is_loopback(host: str) -> bool:
    """Whether a client address is this machine's (127.0.0.0/8, ::1, or IPv4 mapped into IPv6)."""
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.is_loopback
    return address.is_loopback


class OnDemandPayer:
    """Pays links when asked; the payer's typed values come from a seeded generator."""

    def __init__(self, store: Store, seed: int | None = None) -> None:
        self.store = store
        self._rng = random.Random(seed)
        self._rng_lock = threading.Lock()

    def pay(self, link_id: str, outcome: str) -> dict[str, Any]:
        """One usage with `outcome` on the link, in Lean's usage wire form.

        Raises ApiError: 400 for an unknown outcome, 404 for an unknown link, 409 when the link
        cannot take a payment (not ACTIVE, expired, or its max_usages reached).
        """
        status, payment_status = PAY_OUTCOMES[pay_outcome({"outcome": outcome})]
        return self.store.pay(link_id, status, payment_status, self._values_for)

    def _values_for(self, link: Link) -> tuple[CollectedValue, ...]:
        with self._rng_lock:
            return fake.payer_values(self._rng, link.identifiers, link.payment_details.currency)
