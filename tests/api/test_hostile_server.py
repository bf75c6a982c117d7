"""A server that stalls, trickles or keeps failing cannot hold a request past its deadline.

Real sockets and real httpx against the stub in hostile_server.py. httpx's timeouts are per read
(a byte every 0.3 s never trips a 1 s read timeout), so these tests are what shows the deadline
holds: through a trickled body, trickled headers (only the deadline-keeping sockets of
api.transport bound those; an httpx upgrade that bypasses them fails here), a stalled TLS
handshake, the token request and the waits between retries. Bounds carry generous slack for a
loaded 2-core machine; each test ends in a few seconds.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Callable, Iterator
from decimal import Decimal

import httpx
import pytest

from linkmanager.api import (
    CreateOutcomeUnknown,
    LeanClient,
    LeanError,
    LeanSchemaError,
    LeanTimeoutError,
    ServerError,
)
from linkmanager.domain import Money, NewPaymentLink, PaymentDetails

from .hostile_server import (
    Clients,
    Exchange,
    HostileServer,
    answer,
    bomb,
    endless,
    endless_headers,
    head,
    in_turn,
    link_record,
    links_page,
    stall,
    trickle_all,
    trickle_body,
)

DEADLINE = 2.0
SLACK = 3.0  # on top of a deadline: a loaded 2-core machine, a slow thread wake-up
EVERY = 0.3  # a trickle's pace: well inside the read timeout below, so no read ever times out
PER_READ = httpx.Timeout(5.0, read=1.0)
PAGE = links_page([link_record(n) for n in range(3)])
DEADLINE_TEXT = f"no complete answer within {DEADLINE:g} s (the server stalled or sent its answer too slowly)"


@pytest.fixture
def connect(server: HostileServer) -> Iterator[Clients]:
    """Clients with the 2 s deadline, a 1 s read timeout, real sleeps and the jitter at 0.5."""
    clients = Clients(server, deadline=DEADLINE, timeout=PER_READ, random=lambda: 0.5)
    yield clients
    clients.close()


def timed(action: Callable[[], object], error: type[LeanError]) -> tuple[LeanError, float]:
    """The error `action` raised, and how long it took to raise it."""
    started = time.monotonic()
    with pytest.raises(error) as info:
        action()
    return info.value, time.monotonic() - started


def assert_hung_up_during(exchange: Exchange, took: float) -> None:
    """The client closed the connection (not the stub), and the stub had been sending till then."""
    assert exchange.hung_up.is_set()
    assert exchange.ended is not None
    assert exchange.ended - exchange.started >= min(took, DEADLINE) - 0.5


# -- the deadline holds however the server sends ----------------------------------------------


def test_a_body_trickled_a_byte_at_a_time_ends_at_the_deadline(
    server: HostileServer, connect: Clients
) -> None:
    server.behave(trickle_body(PAGE, EVERY))
    client = connect()
    error, took = timed(lambda: client.links_page(0), LeanTimeoutError)
    assert DEADLINE <= took < DEADLINE + SLACK
    assert str(error) == f"Could not reach Lean at 127.0.0.1:{server.port}: {DEADLINE_TEXT}."
    exchange = server.exchange(0)
    assert_hung_up_during(exchange, took)
    body = json.dumps(PAGE).encode()
    headers = head(200, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    assert 2 <= exchange.sent - len(headers) < 20  # a few bytes of the body in 2 s, then the client left
    assert len(server.exchanges) == 1  # no time was left for another try
    assert client.stats.retries == 0


def test_headers_trickled_a_byte_at_a_time_end_at_the_deadline(
    server: HostileServer, connect: Clients
) -> None:
    # read_answer's own check between body chunks never runs here: only sockets that keep the
    # deadline (api.transport's network backend) end this request.
    server.behave(trickle_all(PAGE, EVERY))
    client = connect()
    error, took = timed(lambda: client.links_page(0), LeanTimeoutError)
    assert DEADLINE <= took < DEADLINE + SLACK
    assert DEADLINE_TEXT in str(error)
    assert_hung_up_during(server.exchange(0), took)
    assert 2 <= server.exchange(0).sent < 20  # a few bytes of the status line in 2 s, no more
    assert client.stats.retries == 0


def test_a_server_that_never_answers_ends_at_the_deadline_not_the_read_timeout(
    server: HostileServer, connect: Clients
) -> None:
    server.behave(stall)
    client = connect(timeout=httpx.Timeout(30.0))  # each read may wait far past the deadline
    error, took = timed(lambda: client.get_link("link-0001"), LeanTimeoutError)
    assert DEADLINE <= took < DEADLINE + SLACK
    assert DEADLINE_TEXT in str(error)
    assert_hung_up_during(server.exchange(0), took)
    assert len(server.exchanges) == 1
    assert client.stats.retries == 0


def test_reads_that_time_out_are_retried_only_within_the_deadline(
    server: HostileServer, connect: Clients
) -> None:
    server.behave(stall)
    client = connect(timeout=httpx.Timeout(5.0, read=0.5))
    error, took = timed(lambda: client.get_link("link-0001"), LeanTimeoutError)
    assert took < DEADLINE + SLACK
    # 0.5 s read, 0.25 s wait, 0.5 s read, 0.5 s wait, then the deadline clips the third read
    # (fewer when a slow machine leaves no time for a wait); never a fourth.
    attempts = client.stats.retries + 1
    assert 2 <= attempts <= 3
    assert f"after {attempts} attempts" in str(error)
    for index in range(attempts):  # each one reached the stub, and the client hung up on each
        assert server.exchange(index).hung_up.is_set()
    assert len(server.exchanges) == attempts


@pytest.mark.parametrize(
    "handshake",
    [
        pytest.param(lambda exchange: exchange.wait_for_hangup(), id="silent"),
        # A TLS record header announcing 16 KiB, then its bytes one at a time.
        pytest.param(
            lambda exchange: exchange.trickle(b"\x16\x03\x03\x40\x00" + b"\x02" * 16384, EVERY), id="trickled"
        ),
    ],
)
def test_a_stalled_tls_handshake_ends_at_the_deadline(
    server: HostileServer, connect: Clients, handshake: Callable[[Exchange], None]
) -> None:
    server.tls_behaviour = handshake
    client = connect(tls=True, timeout=httpx.Timeout(30.0))
    error, took = timed(lambda: client.links_page(0), LeanTimeoutError)
    assert DEADLINE <= took < DEADLINE + SLACK
    assert DEADLINE_TEXT in str(error)
    assert len(server.tls_exchanges) == 1
    tls = server.tls_exchanges[0]
    assert tls.done.wait(5)
    assert tls.hung_up.is_set()
    assert server.exchanges == []  # no request ever went through


def test_a_trickled_sign_in_ends_within_the_requests_deadline(
    server: HostileServer, connect: Clients
) -> None:
    token = {"access_token": "x" * 40, "token_type": "Bearer", "expires_in": 3599}
    server.token_behaviour = trickle_all(token, EVERY)
    client = connect()
    error, took = timed(lambda: client.links_page(0), LeanTimeoutError)
    assert DEADLINE <= took < DEADLINE + SLACK
    assert str(error).startswith("Could not reach Lean's sign-in service at ")
    assert DEADLINE_TEXT in str(error)
    assert [e.request.path for e in server.exchanges] == ["/oauth2/token"]  # the API was never asked


def test_one_threads_stalled_request_does_not_hold_anothers(server: HostileServer, connect: Clients) -> None:
    def route(exchange: Exchange) -> bool:
        if "page=" in exchange.request.path:
            return stall(exchange)
        return answer(200, link_record(1))(exchange)

    server.behave(route)
    client = connect()
    client.get_link("link-0001")  # token first, so both threads only do their own request
    failures: list[BaseException] = []
    started = time.monotonic()

    def stalled() -> None:
        try:
            client.links_page(0)
        except LeanTimeoutError as exc:
            failures.append(exc)

    thread = threading.Thread(target=stalled)
    thread.start()
    try:
        while len(server.exchanges) < 2:  # the stalled request is in
            assert time.monotonic() - started < 5
            time.sleep(0.01)
        quick = time.monotonic()
        assert client.get_link("link-0001").id == "link-0001"  # on its own connection, own deadline
        assert time.monotonic() - quick < 1.5
    finally:
        thread.join(DEADLINE + SLACK)
    assert not thread.is_alive()
    assert len(failures) == 1
    assert time.monotonic() - started < DEADLINE + SLACK
    # The other thread's deadline is its own: this thread's next request starts afresh.
    assert client.get_link("link-0001").id == "link-0001"


# -- retries ---------------------------------------------------------------------------------------


def new_link() -> NewPaymentLink:
    return NewPaymentLink(PaymentDetails(Money(Decimal("150.25"), "AED"), "INV-9"), name="Hostile")


def test_a_500_to_a_read_is_retried_and_the_next_answer_used(server: HostileServer, connect: Clients) -> None:
    server.behave(in_turn(answer(500, {"status": "INTERNAL_SERVER_ERROR"}), answer(200, link_record(7))))
    client = connect()
    assert client.get_link("link-0007").id == "link-0007"
    assert [e.request.method for e in server.exchanges] == ["GET", "GET"]
    assert client.stats.retries == 1


@pytest.mark.parametrize(
    ("behaviour", "words"),
    [
        pytest.param(answer(500, {"status": "INTERNAL_SERVER_ERROR"}), "HTTP 500", id="500"),
        pytest.param(trickle_body(link_record(9), EVERY), DEADLINE_TEXT, id="trickled"),
        pytest.param(
            endless([("Content-Type", "application/json")], b" " * 65536), "far too large", id="huge"
        ),
    ],
)
def test_a_create_is_sent_once_and_its_outcome_called_unknown(
    server: HostileServer, connect: Clients, behaviour: Callable[[Exchange], bool], words: str
) -> None:
    server.behave(behaviour)
    client = connect()
    error, took = timed(lambda: client.create_link(new_link()), CreateOutcomeUnknown)
    assert took < DEADLINE + SLACK
    assert words in str(error)
    assert "may or may not exist" in str(error)
    assert [(e.request.method, e.request.path) for e in server.exchanges] == [("POST", "/payment-links/v1")]
    assert client.stats.retries == 0


def test_retries_told_to_wait_never_run_past_the_deadline(server: HostileServer, connect: Clients) -> None:
    server.behave(answer(503, {"status": "SERVICE_UNAVAILABLE"}, [("Retry-After", "1")]))
    waits: list[float] = []

    def sleep(seconds: float) -> None:  # a real sleep, remembered
        waits.append(seconds)
        time.sleep(seconds)

    client = connect(deadline=2.5, sleep=sleep)
    error, took = timed(lambda: client.links_page(0), ServerError)
    assert isinstance(error, ServerError)
    assert error.http_status == 503
    assert took < 2.5 + SLACK
    # Attempts at ~0 s, ~1 s and ~2 s; a fourth would start past 2.5 s, so it is not made (nor is
    # a third when a slow machine pushed the second past 1.5 s).
    assert 2 <= error.attempts <= 3
    assert len(server.exchanges) == error.attempts
    assert waits == [1.0] * (error.attempts - 1)  # Retry-After obeyed, and no wait ran past the end
    assert took >= sum(waits)


# -- nothing secret leaks from these failures ----------------------------------------------------


def chain(exc: BaseException | None) -> Iterator[BaseException]:
    seen: list[BaseException] = []
    while exc is not None and exc not in seen:
        seen.append(exc)
        yield exc
        exc = exc.__cause__ or exc.__context__


def test_hostile_failures_leak_no_secret(
    server: HostileServer, connect: Clients, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, httpx and httpcore included
    echo = f"you sent Bearer {server.access_token} and {server.client_secret}".encode()
    start, block = bomb("gzip")
    failures: list[tuple[Callable[[Exchange], bool], Callable[[LeanClient], object]]] = [
        (trickle_all(PAGE, EVERY), lambda c: c.links_page(0)),
        (trickle_body(PAGE, EVERY), lambda c: c.create_link(new_link())),
        (endless([("Content-Encoding", "gzip")], block, first=start), lambda c: c.links_page(0)),
        (endless_headers, lambda c: c.get_link("link-0001")),
        (answer(503, echo, [("Retry-After", "0")]), lambda c: c.links_page(0)),
        (answer(500, echo), lambda c: c.create_link(new_link())),
        (answer(200, echo), lambda c: c.links_page(0)),  # an API answer that is not JSON
    ]
    client = connect(deadline=1.0)
    errors: list[BaseException] = []
    for behaviour, action in failures:
        server.behave(behaviour)
        try:
            action(client)
        except LeanError as exc:
            errors.append(exc)
    assert len(errors) == len(failures)
    assert server.token_requests == 1
    # A sign-in answered with text that quotes the secret: json's own error would keep it all.
    server.token_behaviour = answer(200, echo)
    with pytest.raises(LeanSchemaError, match="not JSON") as info:
        connect().links_page(0)
    errors.append(info.value)
    forbidden = [server.client_secret, server.access_token]
    log_text = caplog.text + "\n".join(r.getMessage() for r in caplog.records)
    assert any(r.name.startswith("httpcore") for r in caplog.records)  # the wire was logged at DEBUG
    texts = [log_text, repr(client), repr(client._session), repr(client._session.tokens)]
    for error in errors:
        for item in chain(error):
            texts += [str(item), repr(item), repr(vars(item))]
            assert not isinstance(item, httpx.HTTPError), repr(item)  # it would hold the request
    for text in texts:
        for value in forbidden:
            assert value not in text
        assert not re.search(r"authorization\W{0,3}[:,=]", text, re.IGNORECASE)
    assert "[redacted]" in " ".join(texts)  # the echo was there, and blanked out
