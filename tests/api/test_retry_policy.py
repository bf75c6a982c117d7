"""The retry policy's arithmetic: backoff bounds, full jitter, Retry-After in both forms."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest

from linkmanager.api.retry import RetryPolicy, describe_transport_error, parse_retry_after


def test_backoff_doubles_up_to_the_cap_with_full_jitter() -> None:
    policy = RetryPolicy(attempts=8, base_delay=0.5, max_delay=3.0)
    assert [policy.backoff(n, 1.0) for n in range(1, 6)] == [0.5, 1.0, 2.0, 3.0, 3.0]
    assert policy.backoff(3, 0.0) == 0.0
    assert policy.backoff(3, 0.25) == 0.5


def test_retry_after_is_waited_exactly_or_refused_above_the_cap() -> None:
    policy = RetryPolicy(max_retry_after=10)
    assert policy.wait_before(1, 2.0, 0.9) == 2.0
    assert policy.wait_before(1, 10.0, 0.9) == 10.0
    assert policy.wait_before(1, 11.0, 0.9) is None
    assert policy.wait_before(2, None, 1.0) == 1.0


@pytest.mark.parametrize("kwargs", [{"attempts": 0}, {"base_delay": -1}, {"max_retry_after": -0.1}])
def test_nonsense_policies_are_refused(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError, match=r"attempt|negative"):
        RetryPolicy(**kwargs)  # type: ignore[arg-type]


def test_retry_after_seconds_and_http_dates() -> None:
    now = datetime(2026, 3, 1, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after(" 0 ") == 0.0
    assert parse_retry_after("-5") == 0.0
    assert parse_retry_after("Sun, 01 Mar 2026 12:00:07 GMT", now) == 7.0
    assert parse_retry_after("Sun, 01 Mar 2026 11:00:00 GMT", now) == 0.0
    later = now + timedelta(minutes=2)
    assert parse_retry_after(later.strftime("%a, %d %b %Y %H:%M:%S GMT"), now) == 120.0


@pytest.mark.parametrize("value", [None, "", "soon", "nan", "inf", "Mon, 99 Foo 2026"])
def test_unreadable_retry_after_means_none(value: str | None) -> None:
    assert parse_retry_after(value) is None


def test_transport_errors_are_described_for_people() -> None:
    timeout = httpx.Timeout(30.0, connect=10.0)
    assert describe_transport_error(httpx.RemoteProtocolError("x"), timeout) == "connection dropped"
    assert describe_transport_error(httpx.ReadTimeout("x"), timeout) == "no answer within 30 s"
    assert describe_transport_error(httpx.ConnectTimeout("x"), timeout) == "no connection within 10 s"
    refused = describe_transport_error(httpx.ConnectError("[Errno 111] Connection refused"), timeout)
    assert refused == "could not connect ([Errno 111] Connection refused)"


def test_an_unexpected_transport_error_is_named_not_quoted() -> None:
    # h11 refuses a bad header by quoting it: the Authorization header, token and all.
    refused = httpx.LocalProtocolError("Illegal header value b'Bearer tok3n\\r\\nX: 1'")
    described = describe_transport_error(refused, httpx.Timeout(30.0))
    assert described == "the request failed (LocalProtocolError)"
    assert "tok3n" not in described
