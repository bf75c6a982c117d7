"""OAuth 2.0 client credentials, as Lean's token endpoint grants them.

Tokens are opaque random strings that live for `ttl_seconds` of simulated time, so a test can
make a token expire with `SimClock.advance()` instead of waiting an hour. Nothing here logs a
secret or a token.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hmac
import logging
import secrets
import threading
from collections.abc import Callable, Mapping
from urllib.parse import parse_qs, unquote_plus

__all__ = ["TokenError", "TokenIssuer"]

logger = logging.getLogger(__name__)


class TokenError(Exception):
    """A refused grant: HTTP status and the RFC 6749 error code (invalid_client, ...)."""

    def __init__(self, http_status: int, error: str, description: str) -> None:
        super().__init__(f"{http_status} {error}: {description}")
        self.http_status = http_status
        self.error = error
        self.description = description


class TokenIssuer:
    """Checks client credentials and remembers the tokens it granted until they expire."""

    def __init__(
        self, now: Callable[[], dt.datetime], client_id: str, client_secret: str, ttl_seconds: int
    ) -> None:
        self._now = now
        self.client_id = client_id
        self.client_secret = client_secret
        self.ttl_seconds = ttl_seconds
        self._lock = threading.Lock()
        self._tokens: dict[str, dt.datetime] = {}

    @property
    def ttl_seconds(self) -> int:
        return self._ttl

    @ttl_seconds.setter
    def ttl_seconds(self, value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError("token_ttl_seconds must be a whole number of seconds, 0 or more")
        self._ttl = value

    def grant(self, form_body: bytes, content_type: str, authorization: str | None) -> dict[str, object]:
        """Answer a token request or raise TokenError; client_secret_basic is accepted too."""
        if content_type.split(";")[0].strip().lower() != "application/x-www-form-urlencoded":
            raise TokenError(400, "invalid_request", "the token request must be form-encoded")
        try:
            form = parse_qs(form_body.decode("utf-8"), keep_blank_values=True)
        except UnicodeDecodeError:
            raise TokenError(400, "invalid_request", "the token request is not valid UTF-8") from None
        fields = {k: v[0] for k, v in form.items() if v}
        basic = _basic_credentials(authorization)
        if basic is not None:
            fields.setdefault("client_id", basic[0])
            fields.setdefault("client_secret", basic[1])
        grant_type = fields.get("grant_type")
        if not grant_type:
            raise TokenError(400, "invalid_request", "grant_type is required")
        if grant_type != "client_credentials":
            raise TokenError(400, "unsupported_grant_type", "only client_credentials is supported")
        if not self._credentials_match(fields):
            logger.info("token refused: wrong client credentials")
            raise TokenError(401, "invalid_client", "client authentication failed")
        scope = fields.get("scope") or "api"
        if scope != "api":
            raise TokenError(400, "invalid_scope", "the only scope is api")
        token = secrets.token_urlsafe(32)
        now = self._now()
        ttl = self._ttl
        with self._lock:
            self._tokens = {t: exp for t, exp in self._tokens.items() if exp > now}
            self._tokens[token] = now + dt.timedelta(seconds=ttl)
        logger.debug("token granted for %d s", ttl)
        return {"access_token": token, "token_type": "Bearer", "expires_in": ttl, "scope": "api"}

    def _credentials_match(self, fields: Mapping[str, str]) -> bool:
        given_id = fields.get("client_id", "").encode()
        given_secret = fields.get("client_secret", "").encode()
        id_ok = hmac.compare_digest(given_id, self.client_id.encode())
        secret_ok = hmac.compare_digest(given_secret, self.client_secret.encode())
        return id_ok and secret_ok

    def check(self, authorization: str | None) -> str | None:
        """None when the Bearer token is valid now, else why not (for WWW-Authenticate)."""
        if not authorization:
            return "missing"
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return "missing"
        with self._lock:
            expires = self._tokens.get(token.strip())
        if expires is None:
            return "invalid"
        if self._now() >= expires:
            return "expired"
        return None

    def revoke_all(self) -> None:
        with self._lock:
            self._tokens.clear()


def _basic_credentials(authorization: str | None) -> tuple[str, str] | None:
    if not authorization:
        return None
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    client_id, sep, secret = decoded.partition(":")
    if not sep:
        return None
    return unquote_plus(client_id), unquote_plus(secret)
