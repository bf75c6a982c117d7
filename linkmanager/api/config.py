"""Where Lean lives and who we are to it: endpoints, credentials, timeouts.

Hosts are configuration (a profile may point at KSA, a proxy or the simulator), so the known
environments are named here once and nowhere else. The client secret travels wrapped in Secret,
whose repr and str never show it: a stray log line or crash dialog cannot leak it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import httpx

from linkmanager.domain.secret import Secret
from linkmanager.domain.urls import redact_url, service_url_problem

# connect 10 s; read, write and waiting for a pooled connection 30 s.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)


@dataclass(frozen=True, slots=True)
class Credentials:
    """An application's client id and secret, as Lean's dashboard issues them."""

    client_id: str
    client_secret: Secret

    def __init__(self, client_id: str, client_secret: str | Secret) -> None:
        if not client_id:
            raise ValueError("a client id is required")
        secret = client_secret if isinstance(client_secret, Secret) else Secret(client_secret)
        if not secret:
            raise ValueError("a client secret is required")
        object.__setattr__(self, "client_id", client_id)
        object.__setattr__(self, "client_secret", secret)

    def __repr__(self) -> str:
        return f"Credentials(client_id={self.client_id!r}, client_secret=Secret('********'))"


def host_label(url: str) -> str:
    """ "127.0.0.1:8123" or "sandbox.leantech.me": how error messages name a server."""
    parsed = httpx.URL(url)
    host = f"[{parsed.host}]" if ":" in parsed.host else parsed.host
    return f"{host}:{parsed.port}" if parsed.port else host


class EndpointError(ValueError):
    """One address refused: str() is "<field> <problem>", e.g. "api_url must use https://...".

    The value in the message has any user name and password hidden (redact_url).
    """

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field} {problem}")
        self.field = field
        self.problem = problem


def _check(name: str, value: str) -> None:
    problem = service_url_problem(value)
    if problem is not None:
        raise EndpointError(name, problem)
    try:
        host = httpx.URL(value).host  # decoded lazily: an invalid IDNA name ("xn--zz") raises only here
    except (httpx.InvalidURL, ValueError):  # their messages may quote a password: not shown
        host = ""
    if not host:
        raise EndpointError(name, f"is not a URL: {redact_url(value)!r}")


@dataclass(frozen=True, slots=True)
class ApiEndpoints:
    """The API base URL and the OAuth token URL of one Lean environment.

    Plain http is accepted only for loopback (the simulator): anywhere else the client secret
    and tokens would cross the network in clear. A user name or password in an address is
    refused: it would travel in every request and show in logs. Refusals are EndpointError.
    """

    api_url: str
    token_url: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "api_url", self.api_url.rstrip("/"))
        for name in ("api_url", "token_url"):
            _check(name, getattr(self, name))

    @property
    def api_host(self) -> str:
        return host_label(self.api_url)

    @property
    def token_host(self) -> str:
        return host_label(self.token_url)


SANDBOX = ApiEndpoints("https://sandbox.leantech.me", "https://auth.sandbox.leantech.me/oauth2/token")
PRODUCTION = ApiEndpoints("https://api2.leantech.me", "https://auth.leantech.me/oauth2/token")

# The environments Lean publishes (UAE); profiles may name any other pair of URLs.
ENVIRONMENTS: Mapping[str, ApiEndpoints] = MappingProxyType({"sandbox": SANDBOX, "production": PRODUCTION})
