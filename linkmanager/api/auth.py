"""The OAuth client-credentials token: fetched on demand, kept in memory, renewed before it runs out.

Lean issues no refresh token. We renew shortly before `expires_in` ends (a margin of
min(60 s, 10 % of the lifetime), so a request never leaves with a token about to die) and once
more when Lean answers 401. Several sync threads share one provider: one lock, one fetch at a time.

Expiry is measured on the wall clock, not the monotonic one: the monotonic clock stops while a
laptop sleeps, so after a night's suspend it would still call a long-dead token fresh and the
first request would always earn a 401. A wall clock that jumps costs at most an early renewal
or one 401.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from linkmanager.api.errors import LeanSchemaError
from linkmanager.domain.secret import Secret

logger = logging.getLogger(__name__)

MAX_RENEW_MARGIN = 60.0
RENEW_FRACTION = 0.1
_CONTEXT = "token answer"
# RFC 6750 b64token: anything else could break the Authorization header (CR/LF, non-ASCII).
_B64TOKEN = re.compile(r"[A-Za-z0-9\-._~+/]+=*")
# No real token lives four months (10**7 s); a bigger answer is garbage (10**400 overflows a clock).
MAX_EXPIRES_IN = 10**7


@dataclass(frozen=True, slots=True)
class Token:
    """An access token and the moment (wall-clock seconds) we stop using it."""

    value: Secret
    lifetime: float
    renew_at: float


def token_form(client_id: str, client_secret: Secret) -> dict[str, str]:
    """The form body of the client-credentials request."""
    return {
        "client_id": client_id,
        "client_secret": client_secret.reveal(),
        "grant_type": "client_credentials",
        "scope": "api",
    }


def renew_margin(lifetime: float) -> float:
    return min(MAX_RENEW_MARGIN, RENEW_FRACTION * lifetime)


def parse_token_answer(answer: Any) -> tuple[Secret, float]:
    """(access_token, expires_in seconds) from the token endpoint's JSON; never echoes the token.

    The token goes into a header verbatim, so it must be an RFC 6750 b64token: a CR/LF or a
    non-ASCII character would make httpx raise an error quoting the whole header.
    """
    if not isinstance(answer, Mapping):
        raise LeanSchemaError("<root>", "expected an object", context=_CONTEXT)
    value = answer.get("access_token")
    if not isinstance(value, str) or not value:
        problem = "missing" if value is None else "expected non-empty text"
        raise LeanSchemaError("access_token", problem, context=_CONTEXT)
    if not _B64TOKEN.fullmatch(value):
        raise LeanSchemaError("access_token", "characters a bearer token cannot hold", context=_CONTEXT)
    token_type = answer.get("token_type")
    if token_type is not None and (not isinstance(token_type, str) or token_type.lower() != "bearer"):
        raise LeanSchemaError("token_type", "expected Bearer", context=_CONTEXT)
    expires_in = answer.get("expires_in")
    if type(expires_in) is not int or not 1 <= expires_in <= MAX_EXPIRES_IN:  # bool is no int here
        problem = "missing" if expires_in is None else f"expected whole seconds, 1 to {MAX_EXPIRES_IN}"
        raise LeanSchemaError("expires_in", problem, context=_CONTEXT)
    return Secret(value), expires_in


class TokenProvider:
    """Hands out a valid access token; fetches one through `fetch` when there is none or it is due.

    `fetch` returns (token, expires_in seconds); `clock` is seconds on a clock that keeps running
    through suspend: time.time unless given (tests inject their own).
    """

    def __init__(
        self,
        fetch: Callable[[], tuple[Secret, float]],
        *,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self._fetch = fetch
        self._clock = clock if clock is not None else time.time
        self._lock = threading.Lock()
        self._token: Token | None = None
        self._fetches = 0

    def __repr__(self) -> str:
        state = "no token" if self._token is None else "token held"
        return f"TokenProvider({state}, fetches={self._fetches})"

    @property
    def fetches(self) -> int:
        """How many tokens were fetched so far."""
        return self._fetches

    def current(self) -> Secret | None:
        """The token held now, valid or not (for redacting text), without fetching."""
        token = self._token
        return token.value if token else None

    def token(self) -> Secret:
        """A token good for at least the renewal margin; fetches under the lock when needed."""
        with self._lock:
            token = self._token
            if token is not None and self._clock() < token.renew_at:
                return token.value
            if token is not None:
                logger.info("Access token is due for renewal; fetching a new one")
            return self._renew()

    def invalidate(self, rejected: Secret) -> None:
        """Forget `rejected` after a 401, unless another thread already replaced it."""
        with self._lock:
            if self._token is not None and self._token.value == rejected:
                self._token = None
                logger.info("Lean rejected the access token; it will be renewed")

    def _renew(self) -> Secret:
        self._token = None
        started = self._clock()
        value, lifetime = self._fetch()
        self._fetches += 1
        self._token = Token(
            value=value, lifetime=lifetime, renew_at=started + lifetime - renew_margin(lifetime)
        )
        logger.info("Fetched an access token valid for %.0f s", lifetime)
        return value
