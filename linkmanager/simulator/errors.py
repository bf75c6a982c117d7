"""Lean-style API errors: an HTTP status and a JSON body with `status`, `message`, `timestamp`.

The `status` words are the ones in Lean's general-errors table (INVALID_PARAMETERS,
MISSING_PARAMETERS, INVALID_URL, INVALID_HTTP_METHOD, RATE_LIMIT_EXCEEDED, ...), so a client
written against the simulator reads real Lean errors the same way.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

__all__ = [
    "INSUFFICIENT_ACCESS_LEVEL",
    "INVALID_HTTP_METHOD",
    "INVALID_PARAMETERS",
    "INVALID_URL",
    "LINK_NOT_PAYABLE",
    "MISSING_PARAMETERS",
    "RESOURCE_NOT_FOUND",
    "UNAUTHORIZED",
    "ApiError",
    "error_body",
]

INVALID_PARAMETERS = "INVALID_PARAMETERS"
MISSING_PARAMETERS = "MISSING_PARAMETERS"
INVALID_URL = "INVALID_URL"
INVALID_HTTP_METHOD = "INVALID_HTTP_METHOD"
RESOURCE_NOT_FOUND = "RESOURCE_NOT_FOUND"
UNAUTHORIZED = "UNAUTHORIZED"
INSUFFICIENT_ACCESS_LEVEL = "INSUFFICIENT_ACCESS_LEVEL"
# The simulator's own (POST /_sim/links/{id}/pay): Lean documents no payer-side endpoint.
LINK_NOT_PAYABLE = "LINK_NOT_PAYABLE"


class ApiError(Exception):
    """A refusal the server answers with; raised by validation and by the store."""

    def __init__(self, http_status: int, status: str, message: str) -> None:
        super().__init__(f"{http_status} {status}: {message}")
        self.http_status = http_status
        self.status = status
        self.message = message

    @classmethod
    def invalid(cls, message: str) -> ApiError:
        return cls(400, INVALID_PARAMETERS, message)

    @classmethod
    def missing(cls, message: str) -> ApiError:
        return cls(400, MISSING_PARAMETERS, message)

    @classmethod
    def not_found(cls, message: str) -> ApiError:
        return cls(404, RESOURCE_NOT_FOUND, message)

    @classmethod
    def conflict(cls, message: str) -> ApiError:
        """409: the link cannot take a payment now (the simulator's pay endpoint)."""
        return cls(409, LINK_NOT_PAYABLE, message)

    def body(self, now: dt.datetime) -> dict[str, Any]:
        return error_body(self.status, self.message, now)


def error_body(status: str, message: str, now: dt.datetime) -> dict[str, Any]:
    return {"status": status, "message": message, "timestamp": now}
