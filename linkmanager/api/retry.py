"""When to try a request again, and how long to wait first: pure functions, no I/O.

Lean publishes no rate limits, so the policy is the usual one: a few attempts, exponential
backoff with full jitter (spreads clients apart after an outage), and Retry-After obeyed exactly
when Lean sends it, unless it asks for longer than we are willing to hold the user up.
"""

from __future__ import annotations

import email.utils
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

# Answers that mean "try again": the server timed out waiting for us (408), asked us to slow down
# (429), or failed on its side (500, and the gateway/availability answers). Only idempotent
# requests are ever repeated, so a 500 after the work was done costs nothing but a request.
RETRYABLE_STATUSES: frozenset[int] = frozenset({408, 429, 500, 502, 503, 504})

# Failures where another try may well succeed (idempotent requests only).
RETRYABLE_TRANSPORT_ERRORS: tuple[type[httpx.TransportError], ...] = (
    httpx.ConnectError,
    httpx.ReadError,
    httpx.WriteError,
    httpx.RemoteProtocolError,
    httpx.TimeoutException,
)

# Failures that happen before a single byte of the request left: nothing reached the server.
NOT_SENT_ERRORS: tuple[type[httpx.TransportError], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How many tries in all, and the bounds on waiting between them (seconds).

    Defaults: 4 attempts; backoff 0.5 s, 1 s, 2 s ceilings (full jitter, at most 8 s); a
    Retry-After above 30 s is not waited for: the caller gets RateLimitedError.retry_after.
    """

    attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 30.0

    def __post_init__(self) -> None:
        if self.attempts < 1:
            raise ValueError("at least one attempt is needed")
        if self.base_delay < 0 or self.max_delay < 0 or self.max_retry_after < 0:
            raise ValueError("delays cannot be negative")

    def backoff(self, retry: int, rand: float) -> float:
        """Full jitter: uniform in [0, min(max_delay, base_delay * 2**(retry-1))); retry counts from 1."""
        ceiling = min(self.max_delay, self.base_delay * 2.0 ** max(retry - 1, 0))
        return ceiling * min(max(rand, 0.0), 1.0)

    def wait_before(self, retry: int, retry_after: float | None, rand: float) -> float | None:
        """Seconds to wait before retry number `retry`; None when Lean asks for more than we allow."""
        if retry_after is None:
            return self.backoff(retry, rand)
        if retry_after > self.max_retry_after:
            return None
        return retry_after


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Retry-After as seconds from now: delta-seconds or an HTTP-date; None when absent or garbled."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if value.lstrip("-").isdigit() and value.isascii():  # delay-seconds: whole seconds (RFC 9110)
        return max(int(value), 0)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    return max((when - now).total_seconds(), 0.0)


def describe_transport_error(exc: httpx.RequestError, timeout: httpx.Timeout) -> str:
    """Words for a person: what went wrong on the wire.

    Only a connect error's own text is quoted (a socket error holds no header).
    """
    if isinstance(exc, httpx.ConnectTimeout):
        return f"no connection within {timeout.connect:g} s" if timeout.connect else "connecting timed out"
    if isinstance(exc, httpx.ReadTimeout):
        return f"no answer within {timeout.read:g} s" if timeout.read else "no answer in time"
    if isinstance(exc, httpx.WriteTimeout):
        return "sending the request timed out"
    if isinstance(exc, httpx.PoolTimeout):
        return "no free connection in time"
    if isinstance(exc, httpx.ConnectError):
        reason = str(exc).strip()
        return f"could not connect ({reason})" if reason else "could not connect"
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError):
        return "connection dropped"
    if isinstance(exc, httpx.WriteError):
        return "connection broke while sending"
    # Never str(exc): h11's "Illegal header value b'Bearer ...'" quotes the header it refused.
    return f"the request failed ({type(exc).__name__})"
