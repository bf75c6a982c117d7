"""The six Payment Links operations and the token endpoint, independent of the HTTP plumbing.

`ApiApp.handle` maps a parsed request to a response. Order of checks, as a gateway in front of
a Spring service answers: unknown path (404 INVALID_URL), wrong method (405
INVALID_HTTP_METHOD), missing or expired token (401), then the request itself (400/404).
The simulator's own `POST /_sim/links/{id}/pay` (payer.py) takes no token and answers this
machine only.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from linkmanager.simulator.auth import TokenError, TokenIssuer
from linkmanager.simulator.clock import SimClock
from linkmanager.simulator.errors import (
    INSUFFICIENT_ACCESS_LEVEL,
    INVALID_HTTP_METHOD,
    INVALID_URL,
    UNAUTHORIZED,
    ApiError,
    error_body,
)
from linkmanager.simulator.jsonio import loads
from linkmanager.simulator.payer import PAY_PATH_PREFIX, OnDemandPayer, is_loopback, pay_outcome
from linkmanager.simulator.state import Store
from linkmanager.simulator.validation import normalize_uuid, parse_paging, validate_update

__all__ = ["LINKS_PATH", "TOKEN_PATH", "ApiApp", "Request", "Response", "Route", "resolve"]

logger = logging.getLogger(__name__)

LINKS_PATH = "/payment-links/v1"
TOKEN_PATH = "/oauth2/token"  # noqa: S105 - a URL path, not a secret

_ALLOWED = {
    "token": ("POST",),
    "links": ("GET", "POST"),
    "link": ("GET", "PUT", "PATCH"),
    "usages": ("GET",),
    "usage": ("GET",),
    "pay": ("POST",),
}
_ROUTE_NAMES = {
    ("token", "POST"): "token",
    ("links", "GET"): "list_links",
    ("links", "POST"): "create_link",
    ("link", "GET"): "get_link",
    ("link", "PUT"): "update_link",
    ("link", "PATCH"): "update_link",
    ("usages", "GET"): "list_usages",
    ("usage", "GET"): "get_usage",
    ("pay", "POST"): "sim_pay",
}


@dataclass(frozen=True, slots=True)
class Route:
    kind: str
    link_id: str = ""
    usage_id: str = ""

    def name_for(self, method: str) -> str:
        """The request counter's name: token, list_links, ..., or other."""
        return _ROUTE_NAMES.get((self.kind, method), "other")


_TOKEN_SEGMENTS = TOKEN_PATH.split("/")
_LINKS_SEGMENTS = LINKS_PATH.split("/")
_PAY_SEGMENTS = PAY_PATH_PREFIX.rstrip("/").split("/")


def resolve(path: str) -> Route | None:
    """The route of a request path, with each segment percent-decoded as Spring decodes it.

    The path is split on `/` first, so an encoded `%2F` stays inside its segment (and so never
    makes a valid id).
    """
    segments = [unquote(segment) for segment in path.split("/")]
    if segments == _TOKEN_SEGMENTS:
        return Route("token")
    if segments[: len(_PAY_SEGMENTS)] == _PAY_SEGMENTS:
        rest = segments[len(_PAY_SEGMENTS) :]
        return Route("pay", rest[0]) if len(rest) == 2 and rest[0] and rest[1] == "pay" else None
    if segments[: len(_LINKS_SEGMENTS)] != _LINKS_SEGMENTS:
        return None
    parts = segments[len(_LINKS_SEGMENTS) :]
    if not parts:
        return Route("links")
    if any(not p for p in parts):
        return None
    if len(parts) == 1:
        return Route("link", parts[0])
    if len(parts) == 2 and parts[1] == "usages":
        return Route("usages", parts[0])
    if len(parts) == 3 and parts[1] == "usages":
        return Route("usage", parts[0], parts[2])
    return None


@dataclass(slots=True)
class Request:
    method: str
    path: str
    query: Mapping[str, list[str]]
    headers: Mapping[str, str]  # lower-case names
    body: bytes = b""
    client_host: str | None = None  # the peer's address; None: in-process (trusted)


@dataclass(slots=True)
class Response:
    """`body` is JSON-able data, raw bytes, or None for an empty body."""

    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


class ApiApp:
    def __init__(
        self, clock: SimClock, store: Store, tokens: TokenIssuer, payer: OnDemandPayer | None = None
    ) -> None:
        self.clock = clock
        self.store = store
        self.tokens = tokens
        self.payer = payer or OnDemandPayer(store)
        # Lean's guides say PATCH, the spec says PUT; False makes a spec-only server (405 on PATCH).
        self.patch_allowed = True

    def error(
        self, http_status: int, status: str, message: str, headers: dict[str, str] | None = None
    ) -> Response:
        return Response(http_status, error_body(status, message, self.clock.now()), headers or {})

    def handle(self, req: Request) -> Response:
        route = resolve(req.path)
        if route is None:
            return self.error(404, INVALID_URL, f"no such URL: {req.path}")
        allowed = [m for m in _ALLOWED[route.kind] if m != "PATCH" or self.patch_allowed]
        if req.method not in allowed:
            return self.error(
                405,
                INVALID_HTTP_METHOD,
                f"{req.method} is not supported on this URL; use {' or '.join(allowed)}",
                {"Allow": ", ".join(allowed)},
            )
        if route.kind == "token":
            return self._token(req)
        if route.kind == "pay":
            return self._pay(route, req)
        problem = self.tokens.check(req.headers.get("authorization"))
        if problem is not None:
            challenge = 'Bearer realm="api"' if problem == "missing" else 'Bearer error="invalid_token"'
            message = {
                "missing": "a Bearer access token is required",
                "invalid": "the access token is not valid",
                "expired": "the access token has expired",
            }[problem]
            return self.error(401, UNAUTHORIZED, message, {"WWW-Authenticate": challenge})
        try:
            return self._dispatch(route, req)
        except ApiError as exc:
            return Response(exc.http_status, exc.body(self.clock.now()))

    def _token(self, req: Request) -> Response:
        try:
            granted = self.tokens.grant(
                req.body, req.headers.get("content-type", ""), req.headers.get("authorization")
            )
        except TokenError as exc:
            # RFC 6749 fields for OAuth libraries, Lean's status/message for everything else.
            body = error_body(
                "UNAUTHORIZED" if exc.http_status == 401 else "INVALID_PARAMETERS",
                exc.description,
                self.clock.now(),
            )
            body = {"error": exc.error, "error_description": exc.description, **body}
            headers = {"WWW-Authenticate": 'Basic realm="token"'} if exc.http_status == 401 else {}
            return Response(exc.http_status, body, {"Cache-Control": "no-store", **headers})
        return Response(200, granted, {"Cache-Control": "no-store"})

    def _pay(self, route: Route, req: Request) -> Response:
        """A payer on demand: 201 and the usage; 404, 400, 409 (in that order) in Lean's shape."""
        if req.client_host is not None and not is_loopback(req.client_host):
            # `sim --host 0.0.0.0` serves the API beyond this machine; paying stays local.
            return self.error(
                403, INSUFFICIENT_ACCESS_LEVEL, "payments can be simulated from this machine only"
            )
        try:
            link_id = self._link_id(route.link_id)
            if self.store.get_link(link_id) is None:
                raise ApiError.not_found(f"payment link {route.link_id} was not found")
            outcome = pay_outcome(self._json_body(req))
            return Response(201, self.payer.pay(link_id, outcome))
        except ApiError as exc:
            return Response(exc.http_status, exc.body(self.clock.now()))

    def _dispatch(self, route: Route, req: Request) -> Response:
        if route.kind == "links":
            if req.method == "POST":
                created = self.store.create_link(self._json_body(req))
                return Response(201, created, {"Location": f"{LINKS_PATH}/{created['id']}"})
            page, size = parse_paging(req.query)
            return Response(200, self.store.list_links(page, size))
        link_id = self._link_id(route.link_id)
        if route.kind == "link":
            if req.method == "GET":
                link = self.store.get_link(link_id)
                if link is None:
                    raise ApiError.not_found(f"payment link {route.link_id} was not found")
                return Response(200, link)
            # The link first, then the body: an unknown id is 404 whatever was sent.
            if self.store.get_link(link_id) is None:
                raise ApiError.not_found(f"payment link {route.link_id} was not found")
            status = validate_update(self._json_body(req))
            self.store.set_status(link_id, status)
            # The contract documents no body for a successful update; clients must re-read.
            return Response(200)
        if route.kind == "usages":
            page, size = parse_paging(req.query)
            return Response(200, self.store.list_usages(link_id, page, size))
        usage_id = normalize_uuid(route.usage_id)
        if usage_id is None:
            raise ApiError.not_found(f"usage {route.usage_id} was not found")
        return Response(200, self.store.get_usage(link_id, usage_id))

    @staticmethod
    def _link_id(raw: str) -> str:
        link_id = normalize_uuid(raw)
        if link_id is None:
            raise ApiError.not_found(f"payment link {raw} was not found")
        return link_id

    @staticmethod
    def _json_body(req: Request) -> Any:
        media = req.headers.get("content-type", "").split(";")[0].strip().lower()
        if media and media != "application/json" and not media.endswith("+json"):
            raise ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "the request body must be application/json")
        if not req.body.strip():
            raise ApiError.missing("a JSON request body is required")
        try:
            return loads(req.body)
        except (ValueError, RecursionError) as exc:
            # ValueError covers JSONDecodeError and invalid UTF-8.
            raise ApiError.invalid(f"the request body is not valid JSON: {exc}") from None
