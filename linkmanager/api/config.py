"""Where Lean lives and who we are to it: endpoints, credentials, timeouts.

Hosts are configuration (a profile may point at KSA, a proxy or the simulator), so the known
environments are named here once and nowhere else. The client secret travels wrapped in Secret,
whose repr and str never show it: a stray log line or crash dialog cannot leak it.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import httpx

from linkmanager.domain.secret import Secret

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


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def host_label(url: str) -> str:
    """ "127.0.0.1:8123" or "sandbox.leantech.me": how error messages name a server."""
    parsed = httpx.URL(url)
    host = f"[{parsed.host}]" if ":" in parsed.host else parsed.host
    return f"{host}:{parsed.port}" if parsed.port else host


@dataclass(frozen=True, slots=True)
class ApiEndpoints:
    """The API base URL and the OAuth token URL of one Lean environment.

    Plain http is accepted only for loopback (the simulator): anywhere else the client secret
    and tokens would cross the network in clear.
    """

    api_url: str
    token_url: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "api_url", self.api_url.rstrip("/"))
        for name in ("api_url", "token_url"):
            value = getattr(self, name)
            try:
                url = httpx.URL(value)
            except httpx.InvalidURL as exc:
                raise ValueError(f"{name} is not a URL: {value!r} ({exc})") from None
            if url.scheme not in ("https", "http") or not url.host:
                raise ValueError(f"{name} must be an https:// address, not {value!r}")
            if url.scheme == "http" and not _is_loopback(url.host):
                raise ValueError(f"{name} must use https:// (plain http only for this computer): {value!r}")
            if url.query or url.fragment:
                raise ValueError(f"{name} must not carry a query or fragment: {value!r}")

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
