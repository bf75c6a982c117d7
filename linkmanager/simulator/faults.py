"""Injected failures: random per request from a spec, or queued one-shots for tests.

A spec reads `kind=rate[:param]`, comma-separated, e.g. `429=0.05:2,503=0.02,drop=0.01,slow=0.1:1500`:
429 (param = Retry-After seconds, default 1), 500, 502, 503, 504, drop (close the connection
without an answer) and slow (param = extra milliseconds, default 1000). Rates are per request,
drawn from a seeded RNG so a run can be replayed. 502 and 504 answer in HTML, as the load
balancer in front of a real API does, so clients must not assume every error body is JSON.
"""

from __future__ import annotations

import datetime as dt
import random
import threading
from dataclasses import dataclass
from typing import Any

from linkmanager.simulator.errors import error_body

__all__ = ["API_PREFIX", "Fault", "FaultInjector", "FaultRule", "FaultSpec", "FaultSpecError", "Override"]

API_PREFIX = "/payment-links/"
FAULT_KINDS = ("429", "500", "502", "503", "504", "drop", "slow")
_DEFAULT_PARAM = {"429": 1, "slow": 1000}
_JSON_FAULTS = {
    "429": ("RATE_LIMIT_EXCEEDED", "Too many requests, retry later"),
    "500": ("INTERNAL_SERVER_ERROR", "Something went wrong on our side (simulated)"),
    "503": ("SERVICE_UNAVAILABLE", "The service is temporarily unavailable (simulated)"),
}
_HTML_FAULTS = {"502": "502 Bad Gateway", "504": "504 Gateway Time-out"}


class FaultSpecError(ValueError):
    """A malformed fault spec or fault kind; the message says which part and why."""


@dataclass(frozen=True, slots=True)
class Fault:
    kind: str
    param: int | None = None

    @classmethod
    def parse(cls, text: str) -> Fault:
        """`429`, `429:3`, `503`, `drop`, `slow:1500`."""
        kind, sep, raw = text.strip().partition(":")
        if kind not in FAULT_KINDS:
            raise FaultSpecError(f"unknown fault kind {kind!r}; use one of {', '.join(FAULT_KINDS)}")
        if not sep:
            return cls(kind, _DEFAULT_PARAM.get(kind))
        if kind not in _DEFAULT_PARAM:
            raise FaultSpecError(f"fault {kind!r} takes no parameter (got {raw!r})")
        if not raw.isdigit():
            what = "Retry-After seconds" if kind == "429" else "milliseconds"
            raise FaultSpecError(f"fault {kind!r} needs a whole number of {what} (got {raw!r})")
        return cls(kind, int(raw))

    def __str__(self) -> str:
        return self.kind if self.param is None else f"{self.kind}:{self.param}"


@dataclass(frozen=True, slots=True)
class FaultRule:
    fault: Fault
    rate: float


@dataclass(frozen=True, slots=True)
class FaultSpec:
    """Random faults for a run; `FaultSpec.parse("")` is the empty spec (no faults)."""

    rules: tuple[FaultRule, ...] = ()

    @classmethod
    def parse(cls, text: str) -> FaultSpec:
        rules: list[FaultRule] = []
        seen: set[str] = set()
        for part in (p.strip() for p in text.split(",")):
            if not part:
                continue
            kind, eq, rest = part.partition("=")
            if not eq:
                raise FaultSpecError(f"{part!r}: write kind=rate, e.g. 503=0.02 or slow=0.1:1500")
            rate_text, colon, param = rest.partition(":")
            fault = Fault.parse(kind + (f":{param}" if colon else ""))
            try:
                rate = float(rate_text)
            except ValueError:
                raise FaultSpecError(f"{part!r}: rate {rate_text!r} is not a number") from None
            if not 0.0 <= rate <= 1.0:
                raise FaultSpecError(f"{part!r}: rate must be between 0 and 1")
            if fault.kind in seen:
                raise FaultSpecError(f"{part!r}: fault {fault.kind!r} is given twice")
            seen.add(fault.kind)
            rules.append(FaultRule(fault, rate))
        if sum(r.rate for r in rules if r.fault.kind != "slow") > 1.0:
            raise FaultSpecError("the rates of the failing kinds add up to more than 1")
        return cls(tuple(rules))

    def __str__(self) -> str:
        parts = []
        for rule in self.rules:
            param = "" if rule.fault.param is None else f":{rule.fault.param}"
            parts.append(f"{rule.fault.kind}={rule.rate:g}{param}")
        return ",".join(parts)


@dataclass(slots=True)
class _Aim:
    method: str | None
    path_prefix: str | None
    remaining: int

    def matches(self, method: str, target: str) -> bool:
        if self.method is not None and self.method.upper() != method:
            return False
        if self.path_prefix is None:
            # Unaimed one-shots hit API requests only: a client's token fetch must not eat them.
            return target.startswith(API_PREFIX)
        return target.startswith(self.path_prefix)


@dataclass(slots=True)
class Override:
    """A canned raw answer for the next matching request(s)."""

    aim: _Aim
    status: int
    body: bytes
    headers: dict[str, str]


class FaultInjector:
    """Decides, per request, whether to answer with a canned response or a failure."""

    def __init__(self, spec: FaultSpec | None = None, seed: int | None = None) -> None:
        self.spec = spec or FaultSpec()
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._queued: list[tuple[_Aim, Fault]] = []
        self._overrides: list[Override] = []

    def queue(
        self, kind: str, count: int = 1, method: str | None = None, path_prefix: str | None = None
    ) -> None:
        """Fail the next `count` matching requests with `kind` ("429:3", "503", "drop", "slow:200").

        Without `path_prefix` only API requests (/payment-links/...) match; aim at the token
        endpoint with path_prefix="/oauth2/token".
        """
        fault = Fault.parse(kind)
        if count < 1:
            raise ValueError("count must be at least 1")
        with self._lock:
            self._queued.append((_Aim(method, path_prefix, count), fault))

    def override(
        self,
        method: str | None,
        path_prefix: str,
        status: int,
        body: bytes,
        headers: dict[str, str] | None,
        count: int,
    ) -> None:
        if count < 1:
            raise ValueError("count must be at least 1")
        with self._lock:
            self._overrides.append(
                Override(_Aim(method, path_prefix, count), status, body, dict(headers or {}))
            )

    def clear(self) -> None:
        """Forget queued faults and overrides (the random spec stays)."""
        with self._lock:
            self._queued.clear()
            self._overrides.clear()

    def take_override(self, method: str, target: str) -> Override | None:
        with self._lock:
            for item in self._overrides:
                if item.aim.matches(method, target):
                    item.aim.remaining -= 1
                    if item.aim.remaining == 0:
                        self._overrides.remove(item)
                    return item
        return None

    def take_faults(self, method: str, target: str) -> list[Fault]:
        """Queued one-shot first; otherwise the random spec, for API requests only."""
        with self._lock:
            for aim, fault in self._queued:
                if aim.matches(method, target):
                    aim.remaining -= 1
                    if aim.remaining == 0:
                        self._queued.remove((aim, fault))
                    return [fault]
            if not self.spec.rules or not target.startswith(API_PREFIX):
                return []
            chosen: list[Fault] = []
            draw = self._rng.random()
            for rule in self.spec.rules:
                if rule.fault.kind == "slow":
                    if self._rng.random() < rule.rate:
                        chosen.insert(0, rule.fault)
                    continue
                if draw < rule.rate:
                    chosen.append(rule.fault)
                    break
                draw -= rule.rate
            return chosen


def fault_response(fault: Fault, now: dt.datetime) -> tuple[int, dict[str, str], Any]:
    """(HTTP status, headers, body) for a failing fault; the body is a dict (JSON) or bytes."""
    status = int(fault.kind)
    if fault.kind in _HTML_FAULTS:
        title = _HTML_FAULTS[fault.kind]
        html = f"<html><head><title>{title}</title></head><body><center><h1>{title}</h1></center></body></html>\n"
        return status, {"Content-Type": "text/html"}, html.encode()
    code, message = _JSON_FAULTS[fault.kind]
    headers = {"Retry-After": str(fault.param)} if fault.kind == "429" else {}
    return status, headers, error_body(code, message, now)
