"""Every HTTP exchange with Lean goes through here: token, timeouts, retries, typed errors, logs.

Kept apart from the operations (client.py) so the rules live in one loop: which failures are
retried (idempotent requests only; a create never), when a 401 earns one renewed token and one
resend (a create included: a 401 means Lean stored nothing), and what a person reads when we
give up. Nothing here logs or raises a header, a token or the secret.
"""

from __future__ import annotations

import logging
import random as _random
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum, auto
from typing import Any, TypedDict
from urllib.parse import urlencode

import httpx

from linkmanager import __version__
from linkmanager.api.auth import TokenProvider, parse_token_answer, token_form
from linkmanager.api.config import DEFAULT_TIMEOUT, ApiEndpoints, Credentials
from linkmanager.api.errors import (
    AuthenticationError,
    CreateOutcomeUnknown,
    LeanDeadlineError,
    LeanError,
    LeanHTTPError,
    LeanSchemaError,
    LeanTimeoutError,
    LeanTransportError,
    RateLimitedError,
    ResponseTooLarge,
    http_error_class,
)
from linkmanager.api.rate_gate import RateGate
from linkmanager.api.retry import (
    NOT_SENT_ERRORS,
    RETRYABLE_STATUSES,
    RETRYABLE_TRANSPORT_ERRORS,
    RetryPolicy,
    describe_transport_error,
    parse_retry_after,
)
from linkmanager.api.transport import (
    MAX_BODY_BYTES,
    Answer,
    BodyTooLarge,
    Sender,
    deadline,
    deadline_passed,
    read_answer,
    remaining,
)
from linkmanager.domain import jsontext
from linkmanager.domain.secret import Secret

logger = logging.getLogger(__name__)

RAW_BODY_LIMIT = 2000
_REDACTED = "[redacted]"
# A request, its retries and the waits between them end within this many seconds, whatever the
# server does: per-read timeouts alone let a server that trickles hold a request for ever.
DEFAULT_DEADLINE = 60.0


class Kind(Enum):
    """What a request is, for the retry rules."""

    READ = auto()  # GET: retried
    UPDATE = auto()  # PATCH/PUT of a status: idempotent, retried
    CREATE = auto()  # POST: never retried
    TOKEN = auto()  # token request: harmless to repeat, retried


@dataclass(frozen=True, slots=True)
class ClientStats:
    """Counts for sync reports: HTTP requests sent (retries and token requests included),
    retries among them, and access tokens obtained."""

    requests: int = 0
    retries: int = 0
    tokens_fetched: int = 0


@dataclass(frozen=True, slots=True)
class _Call:
    method: str
    url: str
    label: str  # "GET /payment-links/v1?page=0&size=100": for logs and messages
    service: str  # "Lean at sandbox.leantech.me"
    kind: Kind
    content: bytes | None = field(default=None, repr=False)  # the token form holds the secret
    headers: Mapping[str, str] = field(default_factory=dict)

    @property
    def retry_safe(self) -> bool:
        return self.kind is not Kind.CREATE


def lean_error_fields(body: bytes) -> tuple[str | None, str | None]:
    """Lean's `status` and `message` (or OAuth's `error`/`error_description`) from an error body."""
    try:
        data = jsontext.loads(body)
    except ValueError:
        return None, None
    if not isinstance(data, dict):
        return None, None
    status = data.get("status", data.get("error"))
    message = data.get("message", data.get("error_description"))
    return (
        status if isinstance(status, str) and status else None,
        message if isinstance(message, str) and message else None,
    )


class SessionOptions(TypedDict, total=False):
    """LeanSession's keyword arguments, so that LeanClient passes them on without repeating them."""

    timeout: httpx.Timeout
    deadline: float
    max_body: int
    retry: RetryPolicy | None
    sleep: Callable[[float], None]
    random: Callable[[], float]
    clock: Callable[[], float] | None


class LeanSession:
    """One httpx client (TLS verified, timeouts always set) plus the token and the retry loop.

    Every request, its retries included, ends within `deadline` seconds, and no answer is read
    past `max_body` bytes (api.transport). `sleep` and `random` drive retry waits; `clock` dates
    token expiry (wall-clock seconds, time.time when None). All three are injected by tests.
    """

    def __init__(
        self,
        endpoints: ApiEndpoints,
        credentials: Credentials,
        *,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        deadline: float = DEFAULT_DEADLINE,
        max_body: int = MAX_BODY_BYTES,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        random: Callable[[], float] = _random.random,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.endpoints = endpoints
        self._client_id = credentials.client_id
        self._secret = credentials.client_secret
        if deadline <= 0 or max_body <= 0:
            raise ValueError("a request's deadline and answer size limit must be positive")
        self._timeout = timeout
        self._deadline = deadline
        self._max_body = max_body
        self._retry = retry or RetryPolicy()
        self._sleep = sleep
        self._random = random
        self._http = Sender(
            timeout, {"User-Agent": f"LinkManager/{__version__}", "Accept": "application/json"}
        )
        self.tokens = TokenProvider(self._fetch_token, clock=clock)
        self.rate_gate = RateGate(sleep)
        self._count_lock = threading.Lock()
        self._requests = 0
        self._retries = 0

    def __repr__(self) -> str:
        return f"LeanSession(api={self.endpoints.api_url!r}, client_id={self._client_id!r})"

    @property
    def stats(self) -> ClientStats:
        with self._count_lock:
            return ClientStats(self._requests, self._retries, self.tokens.fetches)

    def close(self) -> None:
        self._http.close()

    def request(
        self,
        method: str,
        path: str,
        *,
        kind: Kind,
        params: Mapping[str, int] | None = None,
        body: Any = None,
    ) -> Answer:
        """Send an API request with a bearer token; answer the 2xx response or raise a LeanError."""
        query = f"?{urlencode(params)}" if params else ""
        headers = {"Content-Type": "application/json"} if body is not None else {}
        call = _Call(
            method=method,
            url=self.endpoints.api_url + path + query,
            label=f"{method} {path}{query}",
            service=f"Lean at {self.endpoints.api_host}",
            kind=kind,
            content=jsontext.dumps(body).encode() if body is not None else None,
            headers=headers,
        )
        return self._send(call)

    def redact(self, text: str) -> str:
        """Text from the network with the secret and the current token blanked out, just in case."""
        for secret in (self._secret, self.tokens.current()):
            if secret is not None and secret.reveal() and secret.reveal() in text:
                text = text.replace(secret.reveal(), _REDACTED)
        return text

    # -- the loop -------------------------------------------------------------------------------

    def _send(self, call: _Call) -> Answer:
        with deadline(self._deadline):
            return self._attempts(call)

    def _attempts(self, call: _Call) -> Answer:
        attempts = self._retry.attempts if call.retry_safe else 1
        attempt = 1
        renewed = False
        while True:
            token = self.tokens.token() if call.kind is not Kind.TOKEN else None
            answer = self._once(call, token, attempt, attempts)
            if isinstance(answer, httpx.RequestError):
                retryable = call.retry_safe and isinstance(answer, RETRYABLE_TRANSPORT_ERRORS)
                wait = self._retry.backoff(attempt, self._random())
                if not retryable or attempt >= attempts or not self._time_left_for(wait):
                    raise self._transport_failure(call, answer, attempt)
                self._pause(call, attempt, wait, "failed")
                attempt += 1
                continue
            if isinstance(answer, BodyTooLarge):
                raise self._too_large(call)
            status = answer.status_code
            if 200 <= status < 300:
                return answer
            if status == 401 and token is not None and not renewed:
                # One fresh token per request; a second 401 is an answer, not an accident. This
                # holds for a create too: Lean refuses a 401 at authentication, before it looks at
                # the request, so nothing was stored and sending it once more cannot duplicate it.
                renewed = True
                self.tokens.invalidate(token)
                continue
            if status == 429:
                told = parse_retry_after(answer.headers.get("Retry-After"))
                pause = told if told is not None else self._retry.backoff(attempt, 1.0)
                self.rate_gate.hold(min(pause, self._retry.max_retry_after))
            if status in RETRYABLE_STATUSES and call.retry_safe and attempt < attempts:
                retry_after = parse_retry_after(answer.headers.get("Retry-After"))
                wait_for = self._retry.wait_before(attempt, retry_after, self._random())
                if wait_for is not None and self._time_left_for(wait_for):
                    self._pause(call, attempt, wait_for, f"answered {status}")
                    attempt += 1
                    continue
            raise self._http_failure(call, answer, attempt)

    @staticmethod
    def _time_left_for(wait: float) -> bool:
        """True when waiting `wait` seconds still leaves the request's deadline some time to try."""
        left = remaining()
        return left is None or wait < left

    def _once(
        self, call: _Call, token: Secret | None, attempt: int, attempts: int
    ) -> Answer | httpx.RequestError | BodyTooLarge:
        """One HTTP exchange. A failure is returned, not raised, so that the LeanError raised for it
        carries no __context__: httpx errors hold the request, Authorization header included."""
        self.rate_gate.wait(at_most=remaining())
        headers = dict(call.headers)
        if token is not None:
            headers["Authorization"] = f"Bearer {token.reveal()}"
        with self._count_lock:
            self._requests += 1
        started = time.perf_counter()
        request = self._http.build(call.method, call.url, call.content, headers)
        try:
            answer = read_answer(self._http.send, request, self._max_body)
        except httpx.RequestError as exc:
            logger.debug(
                "%s failed: %s (attempt %d/%d, %.0f ms)",
                call.label,
                type(exc).__name__,
                attempt,
                attempts,
                (time.perf_counter() - started) * 1000,
            )
            return exc
        except BodyTooLarge as exc:
            logger.debug("%s: the answer passed %d bytes; stopped reading", call.label, self._max_body)
            return exc
        logger.debug(
            "%s -> %d (attempt %d/%d, %.0f ms)",
            call.label,
            answer.status_code,
            attempt,
            attempts,
            (time.perf_counter() - started) * 1000,
        )
        return answer

    def _pause(self, call: _Call, attempt: int, wait: float, what: str) -> None:
        logger.info("%s %s; retrying in %.2f s (attempt %d)", call.label, what, wait, attempt + 1)
        with self._count_lock:
            self._retries += 1
        self._sleep(wait)

    # -- giving up, in words ---------------------------------------------------------------------

    def _too_large(self, call: _Call) -> LeanError:
        logger.info("%s gave up: the answer was larger than %d bytes", call.label, self._max_body)
        if call.kind is Kind.CREATE:
            return CreateOutcomeUnknown(
                f"The request to create a payment link reached {call.service}, but its answer was "
                "far too large to read: the link may or may not exist now. Refresh the list and look "
                "for it before creating it again."
            )
        return ResponseTooLarge(call.label, self._max_body)

    def _transport_failure(self, call: _Call, exc: httpx.RequestError, attempt: int) -> LeanTransportError:
        if deadline_passed():
            what = (
                f"no complete answer within {self._deadline:g} s (the server stalled or sent its "
                "answer too slowly)"
            )
        else:
            what = describe_transport_error(exc, self._timeout)
        logger.info("%s gave up after %d attempt(s): %s", call.label, attempt, what)
        if call.kind is Kind.CREATE:
            if isinstance(exc, NOT_SENT_ERRORS):
                return LeanTransportError(
                    f"Could not reach {call.service}: {what}. Nothing was created; it is safe to try again."
                )
            return CreateOutcomeUnknown(
                f"The request to create a payment link was sent to {call.service} but failed ({what}): "
                "the link may or may not exist now. Refresh the list and look for it before creating it again."
            )
        tries = f" after {attempt} attempts" if attempt > 1 else ""
        error = LeanTimeoutError if isinstance(exc, httpx.TimeoutException) else LeanTransportError
        if deadline_passed():
            error = LeanDeadlineError
        return error(f"Could not reach {call.service}{tries}: {what}.")

    def _http_failure(self, call: _Call, response: Answer, attempt: int) -> LeanError:
        status = response.status_code
        lean_status, lean_message = lean_error_fields(response.content)
        fields: dict[str, Any] = {
            # Redact, then cut: a cut first could leave a token's first characters unmatched.
            "raw_body": self.redact(response.text)[:RAW_BODY_LIMIT],
            "request": call.label,
            "attempts": attempt,
            "lean_status": self.redact(lean_status) if lean_status else None,
            "lean_message": self.redact(lean_message) if lean_message else None,
        }
        logger.info("%s gave up: HTTP %d %s (attempt %d)", call.label, status, lean_status or "", attempt)
        error: LeanHTTPError
        if status == 429:
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            error = RateLimitedError(status, retry_after=retry_after, **fields)
        elif call.kind is Kind.TOKEN and status in (400, 401, 403):
            error = AuthenticationError(status, **fields)
        else:
            error = http_error_class(status)(status, **fields)
        if call.kind is Kind.CREATE and status >= 500 and status != 503:
            # A 500/502/504 may come after Lean stored the link: the caller must look before retrying.
            unknown = CreateOutcomeUnknown(
                f"Lean answered HTTP {status} to the request to create a payment link "
                f"({lean_message or lean_status or 'no details'}): the link may or may not exist now. "
                "Refresh the list and look for it before creating it again."
            )
            unknown.__cause__ = error
            return unknown
        return error

    # -- the token ---------------------------------------------------------------------------------

    def _fetch_token(self) -> tuple[Secret, float]:
        url = httpx.URL(self.endpoints.token_url)
        call = _Call(
            method="POST",
            url=self.endpoints.token_url,
            label=f"sign in (POST {url.path})",
            service=f"Lean's sign-in service at {self.endpoints.token_host}",
            kind=Kind.TOKEN,
            content=urlencode(token_form(self._client_id, self._secret)).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        response = self._send(call)
        try:
            answer = jsontext.loads(response.content)
        except ValueError:
            raise LeanSchemaError("<body>", "not JSON", context="token answer") from None
        return parse_token_answer(answer)
