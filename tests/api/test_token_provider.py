"""The token provider: renewal margin, invalidation after 401, one fetch at a time across threads."""

from __future__ import annotations

import threading
import time
from decimal import Decimal
from types import SimpleNamespace

import pytest

from linkmanager.api import LeanSchemaError, Secret, TokenProvider, auth
from linkmanager.api.auth import parse_token_answer, renew_margin, token_form


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class CountingFetch:
    def __init__(self, lifetime: float = 3599.0, delay: float = 0.0) -> None:
        self.calls = 0
        self.lifetime = lifetime
        self.delay = delay

    def __call__(self) -> tuple[Secret, float]:
        self.calls += 1
        time.sleep(self.delay)
        return Secret(f"token-{self.calls}"), self.lifetime


def test_margin_is_a_minute_or_a_tenth_of_short_lifetimes() -> None:
    assert renew_margin(3599) == 60
    assert renew_margin(300) == 30
    assert renew_margin(5) == 0.5


def test_token_is_kept_until_the_margin_then_renewed() -> None:
    clock, fetch = FakeClock(), CountingFetch(lifetime=3600)
    provider = TokenProvider(fetch, clock=clock)
    assert provider.token().reveal() == "token-1"
    clock.now += 3539
    assert provider.token().reveal() == "token-1"
    clock.now += 1  # 60 s before expiry
    assert provider.token().reveal() == "token-2"
    assert provider.fetches == 2


def test_invalidate_only_drops_the_rejected_token() -> None:
    provider = TokenProvider(CountingFetch(), clock=FakeClock())
    old = provider.token()
    provider.invalidate(old)
    new = provider.token()
    assert new.reveal() == "token-2"
    provider.invalidate(old)  # a late 401 from another thread must not throw away the fresh token
    assert provider.token() == new
    assert provider.fetches == 2


def test_threads_share_one_fetch() -> None:
    fetch = CountingFetch(delay=0.05)
    provider = TokenProvider(fetch)
    results: list[str] = []
    threads = [threading.Thread(target=lambda: results.append(provider.token().reveal())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert fetch.calls == 1
    assert results == ["token-1"] * 8


def test_repr_shows_no_token() -> None:
    provider = TokenProvider(CountingFetch(), clock=FakeClock())
    provider.token()
    assert "token-1" not in repr(provider)


def test_token_form_and_answer() -> None:
    form = token_form("cid", Secret("sec"))
    assert form == {
        "client_id": "cid",
        "client_secret": "sec",
        "grant_type": "client_credentials",
        "scope": "api",
    }
    value, lifetime = parse_token_answer({"access_token": "abc", "token_type": "Bearer", "expires_in": 3599})
    assert (value.reveal(), lifetime) == ("abc", 3599.0)
    jwt_like = "eyJhbGciOi.J9-_~+/x=="
    assert parse_token_answer({"access_token": jwt_like, "expires_in": 10**7})[0].reveal() == jwt_like


@pytest.mark.parametrize(
    ("answer", "field"),
    [
        ({"token_type": "Bearer", "expires_in": 10}, "access_token"),
        ({"access_token": 12, "expires_in": 10}, "access_token"),
        ({"access_token": "abc"}, "expires_in"),
        ({"access_token": "abc", "expires_in": "10"}, "expires_in"),
        ({"access_token": "abc", "expires_in": 0}, "expires_in"),
        ({"access_token": "abc", "expires_in": Decimal("60.5")}, "expires_in"),
        ({"access_token": "abc", "expires_in": 10**7 + 1}, "expires_in"),
        ({"access_token": "abc", "expires_in": 10**400}, "expires_in"),
        ({"access_token": "abc", "expires_in": True}, "expires_in"),
        ({"access_token": "abc\r\nX-Evil: 1", "expires_in": 10}, "access_token"),
        ({"access_token": "abc\n", "expires_in": 10}, "access_token"),
        ({"access_token": "abcé", "expires_in": 10}, "access_token"),
        ({"access_token": "abc def", "expires_in": 10}, "access_token"),
        ({"access_token": "=abc", "expires_in": 10}, "access_token"),
        ({"access_token": "abc", "expires_in": 10, "token_type": "MAC"}, "token_type"),
        (["abc"], "<root>"),
    ],
)
def test_broken_token_answers_name_the_field_and_not_the_token(answer: object, field: str) -> None:
    with pytest.raises(LeanSchemaError) as info:
        parse_token_answer(answer)
    assert info.value.field == field
    assert "abc" not in str(info.value)


def test_expiry_is_dated_on_the_wall_clock_which_runs_through_suspend(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    frozen = time.monotonic()
    wall = [time.time()]
    # A laptop asleep: the monotonic clock stands still while the wall clock moves on.
    monkeypatch.setattr(auth, "time", SimpleNamespace(monotonic=lambda: frozen, time=lambda: wall[0]))
    fetch = CountingFetch(lifetime=3600)
    provider = TokenProvider(fetch)
    assert provider.token().reveal() == "token-1"
    wall[0] += 8 * 3600  # eight hours asleep
    assert provider.token().reveal() == "token-2"
    assert fetch.calls == 2
