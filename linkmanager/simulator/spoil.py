"""Record faults: answers that arrive fine but carry hostile records (see faults.py for the spec).

bad-link and bad-usage spoil one field of a record with a wrong type or an impossible value,
foreign-usage makes a usage name another link, page-lie makes a list answer claim absurd totals.
They never fail a request, so they are drawn apart from the failing kinds, from an RNG of their
own: adding them to a spec leaves the draws of the other kinds as they were for the same seed.
Only the bytes of one answer change: the records are copied before they are spoiled.

A variant is named `field-how` (`id-null`, `amount-text`); a field name (`id`) stands for all of
that field's variants, and the seeded RNG picks one of them.
"""

from __future__ import annotations

import copy
import random
import threading
import uuid
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

__all__ = [
    "LINK_VARIANTS",
    "PAGE_LIE",
    "RECORD_KINDS",
    "USAGE_VARIANTS",
    "RecordSpoiler",
    "variant_choices",
]

# Where in a record (a path of keys) and what it becomes, given the value it had.
_Variant = tuple[tuple[str, ...], Callable[[Any], Any]]

LINK_VARIANTS: Mapping[str, _Variant] = {
    "id-null": (("id",), lambda _: None),
    "id-number": (("id",), lambda _: 4711),
    "status-number": (("status",), lambda _: 5),
    "current_usages-text": (("current_usages",), str),  # "3": right value, wrong type
    "current_usages-huge": (("current_usages",), lambda _: 10**23),
    "amount-text": (("payment_details", "amount"), lambda _: "abc"),
    "amount-huge": (("payment_details", "amount"), lambda _: Decimal("1E+308")),
    "identifiers-text": (("identifiers",), lambda _: "EMAIL,MOBILE_PHONE"),
    "expires_at-garbage": (("expires_at",), lambda _: "not-a-time"),
    "link-javascript": (("link",), lambda _: "javascript:alert(document.cookie)"),
}
USAGE_VARIANTS: Mapping[str, _Variant] = {
    "usage_id-null": (("usage_id",), lambda _: None),
    "usage_id-number": (("usage_id",), lambda _: 4711),
    "usage_status-number": (("usage_status",), lambda _: 2),
    "payment_status-number": (("payment_status",), lambda _: 404),
    "identifiers-text": (("identifiers",), lambda _: "EMAIL: payer@example.com"),
}
_VARIANTS: Mapping[str, Mapping[str, _Variant]] = {"bad-link": LINK_VARIANTS, "bad-usage": USAGE_VARIANTS}
PAGE_LIE = {"total_pages": 1_000_000_000, "total_elements": 100_000_000_000}
RECORD_KINDS = ("bad-link", "bad-usage", "foreign-usage", "page-lie")
# What each answer carries: its per-record kinds, and whether it is a list (page-lie).
_ANSWERS: Mapping[str, tuple[tuple[str, ...], bool]] = {
    "links": (("bad-link",), True),
    "link": (("bad-link",), False),
    "usages": (("bad-usage", "foreign-usage"), True),
    "usage": (("bad-usage", "foreign-usage"), False),
}


def variant_choices(kind: str, param: str | None) -> tuple[str, ...]:
    """The variants `param` (a variant, a field or None for all) allows; () when it names none."""
    variants = _VARIANTS.get(kind, {})
    if param is None:
        return tuple(variants)
    if param in variants:
        return (param,)
    return tuple(name for name in variants if name.rpartition("-")[0] == param)


@dataclass(slots=True, eq=False)  # removed by identity: two alike one-shots are two
class _Queued:
    kind: str
    variant: str | None
    remaining: int
    matches: Callable[[str, str], bool]


# A random rule as the spoiler sees it: kind, rate, variant or field (or None).
RecordRule = tuple[str, float, str | None]


class RecordSpoiler:
    """Spoils records of link and usage answers: queued one-shots first, then random rules."""

    def __init__(self, seed: int | None, lock: threading.Lock, applied: Counter[str]) -> None:
        # A str seed is hashed with SHA-512: stable across runs and processes.
        self._rng = random.Random(None if seed is None else f"records-{seed}")
        self._lock = lock  # the injector's: `applied` is shared with it
        self._applied = applied
        self._queued: list[_Queued] = []

    def queue(self, kind: str, variant: str | None, count: int, matches: Callable[[str, str], bool]) -> None:
        """Spoil the next `count` records (list answers, for page-lie) of requests that match."""
        with self._lock:
            self._queued.append(_Queued(kind, variant, count, matches))

    def clear(self) -> None:
        with self._lock:
            self._queued.clear()

    def spoil(
        self,
        method: str,
        target: str,
        answer: str,
        body: Any,
        rules: Sequence[RecordRule],
        link_ids: Callable[[], list[str]],
    ) -> Any:
        """`body` of a 200 answer to GET `answer` (links, link, usages, usage), maybe spoiled."""
        if answer not in _ANSWERS or not isinstance(body, dict):
            return body
        kinds, listed = _ANSWERS[answer]
        rates = {kind: (rate, param) for kind, rate, param in rules if rate > 0}
        with self._lock:
            if not rates and not any(q.matches(method, target) for q in self._queued):
                return body
            if not listed:
                return self._spoil_record(kinds, body, method, target, rates, link_ids)
            content = body.get("content")
            if isinstance(content, list):
                records = [self._spoil_record(kinds, r, method, target, rates, link_ids) for r in content]
                body = {**body, "content": records}
            page = body.get("page")
            if isinstance(page, dict) and self._hit("page-lie", method, target, rates) is not None:
                body = {**body, "page": {**page, **PAGE_LIE}}
            return body

    def _spoil_record(
        self,
        kinds: tuple[str, ...],
        record: Any,
        method: str,
        target: str,
        rates: Mapping[str, tuple[float, str | None]],
        link_ids: Callable[[], list[str]],
    ) -> Any:
        for kind in kinds:
            hit = self._hit(kind, method, target, rates)
            if hit is None or not isinstance(record, dict):
                continue
            record = copy.deepcopy(record)  # the store's records stay as they are
            if kind == "foreign-usage":
                record["payment_link_id"] = self._other_link(record.get("payment_link_id"), link_ids)
                continue
            choices = variant_choices(kind, hit or None)
            path, change = _VARIANTS[kind][choices[0] if len(choices) == 1 else self._rng.choice(choices)]
            holder = record
            for key in path[:-1]:
                holder = holder[key]
            holder[path[-1]] = change(holder.get(path[-1]))
        return record

    def _hit(
        self, kind: str, method: str, target: str, rates: Mapping[str, tuple[float, str | None]]
    ) -> str | None:
        """The variant param ("" for none) when `kind` strikes now, None when it does not."""
        for item in self._queued:
            if item.kind == kind and item.matches(method, target):
                item.remaining -= 1
                if item.remaining == 0:
                    self._queued.remove(item)
                self._applied[kind] += 1
                return item.variant or ""
        if kind in rates and self._rng.random() < rates[kind][0]:
            self._applied[kind] += 1
            return rates[kind][1] or ""
        return None

    def _other_link(self, own: Any, link_ids: Callable[[], list[str]]) -> str:
        others = [i for i in link_ids() if i != own]
        if others:
            return self._rng.choice(others)
        return str(uuid.UUID(int=self._rng.getrandbits(128), version=4))
