"""The Lean HTTP boundary (httpx): auth, pagination, retries, errors, wire <-> domain. No Qt.

The names below are imported on first use (PEP 562): the window's start, which only needs the
error types, does not pay for httpx (~45 ms) before its first paint.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from linkmanager.api.auth import TokenProvider
    from linkmanager.api.client import MAX_PAGE_SIZE, LeanClient
    from linkmanager.api.config import (
        DEFAULT_TIMEOUT,
        ENVIRONMENTS,
        PRODUCTION,
        SANDBOX,
        ApiEndpoints,
        Credentials,
        host_label,
    )
    from linkmanager.api.errors import (
        AuthenticationError,
        BadRequestError,
        CreateOutcomeUnknown,
        LeanError,
        LeanHTTPError,
        LeanSchemaError,
        LeanTimeoutError,
        LeanTransportError,
        MethodNotAllowedError,
        NotFoundError,
        PermissionDeniedError,
        RateLimitedError,
        ServerError,
        UpdateNotConfirmed,
    )
    from linkmanager.api.retry import RetryPolicy
    from linkmanager.api.session import ClientStats, SessionOptions
    from linkmanager.domain.secret import Secret

_MODULES = {
    "auth": ("TokenProvider",),
    "client": ("MAX_PAGE_SIZE", "LeanClient"),
    "config": (
        "DEFAULT_TIMEOUT",
        "ENVIRONMENTS",
        "PRODUCTION",
        "SANDBOX",
        "ApiEndpoints",
        "Credentials",
        "host_label",
    ),
    "errors": (
        "AuthenticationError",
        "BadRequestError",
        "CreateOutcomeUnknown",
        "LeanError",
        "LeanHTTPError",
        "LeanSchemaError",
        "LeanTimeoutError",
        "LeanTransportError",
        "MethodNotAllowedError",
        "NotFoundError",
        "PermissionDeniedError",
        "RateLimitedError",
        "ServerError",
        "UpdateNotConfirmed",
    ),
    "retry": ("RetryPolicy",),
    "session": ("ClientStats", "SessionOptions"),
}
_HOME = {name: f"linkmanager.api.{module}" for module, names in _MODULES.items() for name in names}
_HOME["Secret"] = "linkmanager.domain.secret"  # noqa: S105 - a module name

__all__ = [
    "DEFAULT_TIMEOUT",
    "ENVIRONMENTS",
    "MAX_PAGE_SIZE",
    "PRODUCTION",
    "SANDBOX",
    "ApiEndpoints",
    "AuthenticationError",
    "BadRequestError",
    "ClientStats",
    "CreateOutcomeUnknown",
    "Credentials",
    "LeanClient",
    "LeanError",
    "LeanHTTPError",
    "LeanSchemaError",
    "LeanTimeoutError",
    "LeanTransportError",
    "MethodNotAllowedError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitedError",
    "RetryPolicy",
    "Secret",
    "ServerError",
    "SessionOptions",
    "TokenProvider",
    "UpdateNotConfirmed",
    "host_label",
]


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # the next lookup is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
