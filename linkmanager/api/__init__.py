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
        LeanDeadlineError,
        LeanError,
        LeanHTTPError,
        LeanSchemaError,
        LeanTimeoutError,
        LeanTransportError,
        MethodNotAllowedError,
        NotFoundError,
        PermissionDeniedError,
        RateLimitedError,
        ResponseTooLarge,
        ServerError,
        UpdateNotConfirmed,
    )
    from linkmanager.api.retry import RetryPolicy
    from linkmanager.api.session import ClientStats, SessionOptions
    from linkmanager.domain.secret import Secret

# Where a name is looked for, cheapest first: the errors (no httpx) before anything else.
_HOMES = (
    "linkmanager.api.errors",
    "linkmanager.domain.secret",
    "linkmanager.api.config",
    "linkmanager.api.retry",
    "linkmanager.api.session",
    "linkmanager.api.auth",
    "linkmanager.api.client",
)

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
    "LeanDeadlineError",
    "LeanError",
    "LeanHTTPError",
    "LeanSchemaError",
    "LeanTimeoutError",
    "LeanTransportError",
    "MethodNotAllowedError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitedError",
    "ResponseTooLarge",
    "RetryPolicy",
    "Secret",
    "ServerError",
    "SessionOptions",
    "TokenProvider",
    "UpdateNotConfirmed",
    "host_label",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        for home in _HOMES:
            module = importlib.import_module(home)
            if hasattr(module, name):
                value = getattr(module, name)
                globals()[name] = value  # the next lookup is a plain attribute
                return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
