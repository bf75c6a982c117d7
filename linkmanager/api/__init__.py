"""The Lean HTTP boundary (httpx): auth, pagination, retries, errors, wire <-> domain. No Qt."""

from linkmanager.api.auth import TokenProvider
from linkmanager.api.client import MAX_PAGE_SIZE, LeanClient
from linkmanager.api.config import (
    DEFAULT_TIMEOUT,
    ENVIRONMENTS,
    PRODUCTION,
    SANDBOX,
    ApiEndpoints,
    Credentials,
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
]
