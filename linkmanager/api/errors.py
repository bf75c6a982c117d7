"""What can go wrong talking to Lean, as typed exceptions with words a person can act on.

No exception text ever holds the client secret, an access token or an Authorization header:
messages are built from Lean's `status`/`message`, the HTTP status and the request line only.
"""

from __future__ import annotations

from typing import Any


class LeanError(Exception):
    """Base of every error the API client raises."""


class LeanTransportError(LeanError):
    """Lean could not be reached, or the connection failed and retries ran out."""


class LeanTimeoutError(LeanTransportError):
    """No answer in time."""


class LeanDeadlineError(LeanTimeoutError):
    """The request's whole deadline passed (retries included): the server stalled or trickled."""


class CreateOutcomeUnknown(LeanTransportError):
    """A create request reached Lean but its outcome is unknown: the link may or may not exist now.

    Raised when the connection broke or timed out after sending, and for a 500/502/504 answer
    (a gateway may answer that after Lean stored the link). Creating is not idempotent, so the
    client never retries it; the caller must look for the link before letting the user try again.
    """


class UpdateNotConfirmed(LeanError):
    """Lean accepted a status change, but reading the link back failed.

    The change happened; only its confirmation is missing. The caller should say so and refresh
    the link later rather than report the change as failed.
    """

    def __init__(self, link_id: str, status: str, cause: LeanError) -> None:
        self.link_id = link_id
        self.status = status
        self.cause = cause
        super().__init__(
            f"Lean accepted the change to {status}, but reading the link back failed ({cause}). "
            "Refresh the link to see its current state."
        )


class ResponseTooLarge(LeanError):
    """Lean's answer was larger than any real answer can be; reading stopped at the limit."""

    def __init__(self, request: str, limit: int) -> None:
        self.request = request
        self.limit = limit
        super().__init__(
            f"Lean's answer to {request} was larger than {limit // 1024:,} KiB, far more than any real "
            "answer; LinkManager stopped reading it. If this repeats, tell Lean's support."
        )


class LeanSchemaError(LeanError):
    """Lean answered, but the answer breaks the contract. `field` names where (e.g. content[3].status)."""

    def __init__(self, field: str, problem: str, *, context: str = "") -> None:
        self.field = field
        self.problem = problem
        self.context = context
        where = f"{context}: " if context else ""
        super().__init__(f"Lean sent a malformed answer ({where}field '{field}': {problem}).")


class LeanHTTPError(LeanError):
    """Lean answered with an error status.

    `lean_status` and `lean_message` come from Lean's JSON error body when there is one;
    otherwise `raw_body` keeps the text (trimmed) for the error dialog. `request_id` is the id
    Lean gave the request (a response header or body field), for its support; None when not given.
    """

    def __init__(
        self,
        http_status: int,
        *,
        lean_status: str | None = None,
        lean_message: str | None = None,
        raw_body: str = "",
        request: str = "",
        attempts: int = 1,
        request_id: str | None = None,
    ) -> None:
        self.http_status = http_status
        self.request_id = request_id
        self.lean_status = lean_status
        self.lean_message = lean_message
        self.raw_body = raw_body
        self.request = request
        self.attempts = attempts
        super().__init__(self._describe())

    @property
    def detail(self) -> str:
        """Lean's own words, or what the body was when Lean gave none."""
        if self.lean_message or self.lean_status:
            return self.lean_message or self.lean_status or ""
        body = self.raw_body.strip()
        if body.startswith("<") or "<html" in body[:200].lower():
            return "an HTML error page instead of Lean's JSON"
        return " ".join(body.split())[:200]

    def _describe(self) -> str:
        what = f" {self.request}" if self.request else ""
        code = f"HTTP {self.http_status}"
        if self.lean_status and self.lean_status != self.detail:
            code += f" {self.lean_status}"
        tries = f" after {self.attempts} attempts" if self.attempts > 1 else ""
        detail = f": {self.detail}" if self.detail else ""
        if self.http_status >= 500:
            return f"Lean could not handle the request{what} ({code}){tries}{detail}. Try again later."
        return f"Lean refused the request{what} ({code}){tries}{detail}."


class BadRequestError(LeanHTTPError):
    """4xx for a request Lean considers invalid (INVALID_PARAMETERS, MISSING_PARAMETERS, ...)."""


class AuthenticationError(LeanHTTPError):
    """Credentials refused, or a fresh token still answered 401."""


class PermissionDeniedError(LeanHTTPError):
    """403: the application lacks the access level for this operation."""


class NotFoundError(LeanHTTPError):
    """404: no such link or usage (or a wrong API address)."""


class MethodNotAllowedError(LeanHTTPError):
    """405: the server does not accept this HTTP method here."""


class RateLimitedError(LeanHTTPError):
    """429 and retries ran out. `retry_after` says how long Lean asked us to wait, when it said."""

    def __init__(self, http_status: int, *, retry_after: float | None = None, **fields: Any) -> None:
        self.retry_after = retry_after
        super().__init__(http_status, **fields)

    def _describe(self) -> str:
        wait = f" Lean asks to wait {self.retry_after:.0f} s." if self.retry_after is not None else ""
        tries = f" after {self.attempts} attempts" if self.attempts > 1 else ""
        return (
            f"Lean is limiting requests and refused{' ' + self.request if self.request else ''}{tries}.{wait}"
        )


class ServerError(LeanHTTPError):
    """5xx: Lean's own fault, after retries where retrying is safe."""


def http_error_class(status: int) -> type[LeanHTTPError]:
    if status == 401:
        return AuthenticationError
    if status == 403:
        return PermissionDeniedError
    if status == 404:
        return NotFoundError
    if status == 405:
        return MethodNotAllowedError
    if status == 429:
        return RateLimitedError
    if status >= 500:
        return ServerError
    return BadRequestError
