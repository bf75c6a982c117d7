"""Injected failures: random per request from a spec, or queued one-shots for tests.

A spec reads `[target:]kind=rate[:param]`, comma-separated, e.g. `429=0.05:2,503=0.02,drop=0.01,slow=0.1:1500`:
429 (param = Retry-After seconds, default 1), 500, 502, 503, 504, drop (close the connection
without an answer) and slow (param = extra milliseconds, default 1000). Rates are per request,
drawn from a seeded RNG so a run can be replayed. 502 and 504 answer in HTML, as the load
balancer in front of a real API does, so clients must not assume every error body is JSON.

Those faults strike before the request is handled. The `-after` kinds let the handler run (a
create stores its link) and then lose the answer, which is how a non-idempotent POST goes wrong:
drop-after (close the connection without the answer), slow-after (param = milliseconds to hold
the answer, default 1000: past a client's read timeout it is a timeout after the link exists),
and 500-after, 502-after, 504-after (an error answer although the work was done).

Random faults hit API requests only, unless a rule is prefixed `token:` (`token:503=0.2`): then
it hits the token endpoint only, so a client's token refresh can be shown to survive failures.
`create:` aims a rule at create requests (POST /payment-links/v1) only: `create:drop-after=0.3`.
A create meets the API rules first and, when they chose no failure, the create rules.

Hostile answers. huge (param = megabytes, default 300) answers in the request's place with a
200 chunked JSON body that starts like a page and never seems to end; drip (param = milliseconds,
default 20000) handles the request and sends its real answer one byte every param milliseconds.
Both are failing kinds, for any target. The record kinds spoil API answers without failing them
(spoil.py), drawn on their own like the delays: bad-link (param = a variant such as id-null, or a
field such as id: one field of a link record gets a wrong type or an impossible value),
bad-usage (the same for usage records), foreign-usage (a usage names another link), all three per
record; page-lie (a list answer claims absurd totals), per list answer.
"""

from __future__ import annotations

import datetime as dt
import random
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from linkmanager.simulator.errors import error_body
from linkmanager.simulator.routes import TOKEN_PATH, resolve
from linkmanager.simulator.spoil import RECORD_KINDS, RecordSpoiler, variant_choices

__all__ = [
    "API_PREFIX",
    "FAULT_TARGETS",
    "Fault",
    "FaultInjector",
    "FaultRule",
    "FaultSpec",
    "FaultSpecError",
    "Override",
]

API_PREFIX = "/payment-links/"
# "-after" kinds run the handler first, then lose or spoil its answer (see the module docstring).
FAULT_KINDS = ("429", "500", "502", "503", "504", "drop", "slow", "huge", "drip")
AFTER_KINDS = ("500-after", "502-after", "504-after", "drop-after", "slow-after")
_ALL_KINDS = (*FAULT_KINDS, *AFTER_KINDS, *RECORD_KINDS)
# Delays, drawn on their own: every other kind fails the request, and one draw picks at most one.
_DELAY_KINDS = frozenset({"slow", "slow-after"})
# Where a random rule applies: "api" (/payment-links/..., the default), "token" (/oauth2/token),
# or "create" (POST /payment-links/v1, which also meets the "api" rules).
FAULT_TARGETS = ("api", "token", "create")
_DEFAULT_PARAM = {"429": 1, "slow": 1000, "slow-after": 1000, "huge": 300, "drip": 20000}
_PARAM_UNITS = {"429": "Retry-After seconds", "huge": "megabytes"}  # else milliseconds
_POSITIVE_PARAM = frozenset({"huge", "drip"})
_VARIANT_KINDS = frozenset({"bad-link", "bad-usage"})
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
    variant: str | None = None  # bad-link and bad-usage: a variant (id-null) or a field (id)

    @classmethod
    def parse(cls, text: str) -> Fault:
        """`429`, `429:3`, `503`, `drop`, `slow:1500`, `drop-after`, `huge:50`, `bad-link:id-null`."""
        kind, sep, raw = text.strip().partition(":")
        if kind not in _ALL_KINDS:
            raise FaultSpecError(f"unknown fault kind {kind!r}; use one of {', '.join(_ALL_KINDS)}")
        if not sep:
            return cls(kind, _DEFAULT_PARAM.get(kind))
        if kind in _VARIANT_KINDS:
            if not variant_choices(kind, raw):
                known = ", ".join(variant_choices(kind, None))
                raise FaultSpecError(f"fault {kind!r} takes a variant or its field ({known}), not {raw!r}")
            return cls(kind, None, raw)
        if kind not in _DEFAULT_PARAM:
            raise FaultSpecError(f"fault {kind!r} takes no parameter (got {raw!r})")
        if not raw.isdigit() or (kind in _POSITIVE_PARAM and int(raw) < 1):
            what = _PARAM_UNITS.get(kind, "milliseconds")
            least = ", 1 or more" if kind in _POSITIVE_PARAM else ""
            raise FaultSpecError(f"fault {kind!r} needs a whole number of {what}{least} (got {raw!r})")
        return cls(kind, int(raw))

    @property
    def after(self) -> bool:
        """True when the request is handled first and only its answer is lost or spoiled."""
        return self.kind.endswith("-after") or self.kind == "drip"

    @property
    def delays(self) -> bool:
        """True for slow and slow-after: the answer comes late, but it comes."""
        return self.kind in _DELAY_KINDS

    @property
    def spoils(self) -> bool:
        """True for the record kinds: the answer comes, with hostile records in it."""
        return self.kind in RECORD_KINDS

    @property
    def param_text(self) -> str | None:
        return self.variant if self.param is None else str(self.param)

    def __str__(self) -> str:
        return self.kind if self.param_text is None else f"{self.kind}:{self.param_text}"


@dataclass(frozen=True, slots=True)
class FaultRule:
    fault: Fault
    rate: float
    target: str = "api"

    def __str__(self) -> str:
        prefix = "" if self.target == "api" else f"{self.target}:"
        param = "" if self.fault.param_text is None else f":{self.fault.param_text}"
        return f"{prefix}{self.fault.kind}={self.rate:g}{param}"


@dataclass(frozen=True, slots=True)
class FaultSpec:
    """Random faults for a run; `FaultSpec.parse("")` is the empty spec (no faults).

    `[target:]kind=rate[:param]`, comma-separated. Without a target a rule hits API requests
    (/payment-links/...) only; `token:` makes it hit the token endpoint only, so
    `503=0.1,token:503=0.2` fails a tenth of API calls and a fifth of token grants; `create:`
    hits create requests only (`create:drop-after=0.5` loses half the answers to creates, after
    the link was stored). Each target draws on its own: its failing rates may add up to 1.
    `api:` may be written, and is dropped. The record kinds spoil API answers only.
    """

    rules: tuple[FaultRule, ...] = ()

    @classmethod
    def parse(cls, text: str) -> FaultSpec:
        rules: list[FaultRule] = []
        seen: set[tuple[str, str]] = set()
        for part in (p.strip() for p in text.split(",")):
            if not part:
                continue
            head, eq, rest = part.partition("=")
            if not eq:
                raise FaultSpecError(f"{part!r}: write kind=rate, e.g. 503=0.02 or slow=0.1:1500")
            target, colon, kind = head.rpartition(":")
            target = target.strip() if colon else "api"
            if target not in FAULT_TARGETS:
                raise FaultSpecError(f"{part!r}: unknown fault target {target!r}; use token: or none")
            rate_text, colon, param = rest.partition(":")
            try:
                fault = Fault.parse(kind + (f":{param}" if colon else ""))
            except FaultSpecError as exc:
                raise FaultSpecError(f"{part!r}: {exc}") from None
            if fault.spoils and target != "api":
                raise FaultSpecError(
                    f"{part!r}: {fault.kind} spoils API answers; it takes no {target}: target"
                )
            try:
                rate = float(rate_text)
            except ValueError:
                raise FaultSpecError(f"{part!r}: rate {rate_text!r} is not a number") from None
            if not 0.0 <= rate <= 1.0:
                raise FaultSpecError(f"{part!r}: rate must be between 0 and 1")
            if (target, fault.kind) in seen:
                raise FaultSpecError(f"{part!r}: fault {fault.kind!r} is given twice")
            seen.add((target, fault.kind))
            rules.append(FaultRule(fault, rate, target))
        for target in FAULT_TARGETS:
            failing = (r.rate for r in rules if r.target == target and not (r.fault.delays or r.fault.spoils))
            if sum(failing) > 1.0:
                raise FaultSpecError(f"the rates of the failing kinds for {target} add up to more than 1")
        return cls(tuple(rules))

    def __str__(self) -> str:
        return ",".join(str(rule) for rule in self.rules)


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
        # Faults handed out so far by kind ("503", "slow", ...), queued and random alike: lets a
        # test or demo see what was injected without timing requests.
        self.applied: Counter[str] = Counter()
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._queued: list[tuple[_Aim, Fault]] = []
        self._overrides: list[Override] = []
        self._records = RecordSpoiler(seed, self._lock, self.applied)

    def queue(
        self, kind: str, count: int = 1, method: str | None = None, path_prefix: str | None = None
    ) -> None:
        """Fail the next `count` matching requests with `kind` ("429:3", "503", "drop", "slow:200").

        An `-after` kind ("drop-after", "slow-after:3000", "504-after", "drip:50") lets the
        request be handled (a create stores its link) and loses or spoils only the answer.

        A record kind spoils the next `count` records of matching answers that carry them
        (page-lie: the next `count` list answers) and fails nothing: "bad-link:id-null" gives
        the first link record of the next links page (or GET of a link) a null id; a field
        ("bad-link:id") lets the seeded RNG pick among that field's variants.

        Without `path_prefix` only API requests (/payment-links/...) match; aim at the token
        endpoint with path_prefix="/oauth2/token".
        """
        fault = Fault.parse(kind)
        if count < 1:
            raise ValueError("count must be at least 1")
        if fault.spoils:  # counted per record by the spoiler; the aim only matches
            self._records.queue(fault.kind, fault.variant, count, _Aim(method, path_prefix, count).matches)
            return
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
        self._records.clear()

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
        """Queued one-shot first; otherwise the random spec rules aimed at this endpoint.

        Delays come first in the list; at most one fault fails the request (or its answer).
        """
        with self._lock:
            for aim, fault in self._queued:
                if aim.matches(method, target):
                    aim.remaining -= 1
                    if aim.remaining == 0:
                        self._queued.remove((aim, fault))
                    self.applied[fault.kind] += 1
                    return [fault]
            chosen: list[Fault] = []
            for rules_target in _targets_of(method, target):
                chosen.extend(self._draw(rules_target))
                if any(not f.delays for f in chosen):
                    break  # a create that already fails by the API rules meets no create rule
            chosen.sort(key=lambda f: not f.delays)
            self.applied.update(f.kind for f in chosen)
            return chosen

    def _draw(self, target: str | None) -> list[Fault]:
        """One seeded draw for the rules aimed at `target`; none at all when no rule is."""
        # Drawing nothing for an endpoint without rules keeps a seeded API-only run replayable
        # however many tokens its client fetches.
        rules = [r for r in self.spec.rules if r.target == target and not r.fault.spoils]
        chosen: list[Fault] = []
        if not rules:
            return chosen
        draw = self._rng.random()
        for rule in rules:
            if rule.fault.delays:
                if self._rng.random() < rule.rate:
                    chosen.insert(0, rule.fault)
                continue
            if draw < rule.rate:
                chosen.append(rule.fault)
                break
            draw -= rule.rate
        return chosen

    def spoil(
        self, method: str, target: str, answer: str, body: Any, link_ids: Callable[[], list[str]]
    ) -> Any:
        """The body of a 200 answer to GET `answer` (links, link, usages, usage), maybe spoiled.

        `link_ids` gives the store's link ids, for a foreign-usage to name another link.
        """
        rules = [(r.fault.kind, r.rate, r.fault.variant) for r in self.spec.rules if r.fault.spoils]
        return self._records.spoil(method, target, answer, body, rules, link_ids)


def _targets_of(method: str, request_target: str) -> tuple[str, ...]:
    """Which rules a request can meet, in order: token, api (and create for a create), or none."""
    path = request_target.partition("?")[0]
    if path == TOKEN_PATH:
        return ("token",)
    if not path.startswith(API_PREFIX):
        return ()  # a 404, say
    route = resolve(path)
    if method.upper() == "POST" and route is not None and route.kind == "links":
        return ("api", "create")
    return ("api",)


def fault_response(fault: Fault, now: dt.datetime) -> tuple[int, dict[str, str], Any]:
    """(HTTP status, headers, body) for a failing fault; the body is a dict (JSON) or bytes."""
    kind = fault.kind.removesuffix("-after")
    status = int(kind)
    if kind in _HTML_FAULTS:
        title = _HTML_FAULTS[kind]
        html = f"<html><head><title>{title}</title></head><body><center><h1>{title}</h1></center></body></html>\n"
        return status, {"Content-Type": "text/html"}, html.encode()
    code, message = _JSON_FAULTS[kind]
    headers = {"Retry-After": str(fault.param)} if kind == "429" else {}
    return status, headers, error_body(code, message, now)
