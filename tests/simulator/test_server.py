"""HTTP plumbing seen from a raw socket: interim 100 Continue, and clients that hang up."""

from __future__ import annotations

import json
import logging
import socket
import struct
import time
from collections.abc import Callable

import pytest

from linkmanager.simulator import Simulator

from .conftest import LINKS, bearer

SERVER_LOGGER = "linkmanager.simulator.server"


def _connect(sim: Simulator) -> socket.socket:
    host, port = sim.api_url.removeprefix("http://").rsplit(":", 1)
    return socket.create_connection((host, int(port)), timeout=5)


def _read_head(sock: socket.socket, buffer: bytearray) -> bytes:
    """Bytes up to and including the blank line ending one response head; rest stays in buffer."""
    while b"\r\n\r\n" not in buffer:
        chunk = sock.recv(65536)  # socket.timeout (5 s) fails the test when nothing comes
        if not chunk:
            raise AssertionError(f"connection closed after {bytes(buffer)!r}")
        buffer += chunk
    end = buffer.index(b"\r\n\r\n") + 4
    head = bytes(buffer[:end])
    del buffer[:end]
    return head


def test_expect_100_continue_is_answered_before_the_body(sim: Simulator) -> None:
    body = json.dumps(
        {"payment_details": {"reference": "R" * 2000, "currency": "AED", "amount": 10}}
    ).encode()
    head = (
        f"POST {LINKS} HTTP/1.1\r\nHost: sim\r\nAuthorization: {bearer(sim)['Authorization']}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        "Expect: 100-continue\r\n\r\n"
    ).encode()
    buffer = bytearray()
    with _connect(sim) as sock:
        sock.sendall(head)
        interim = _read_head(sock, buffer)  # as curl does: no body until the server says so
        assert interim.startswith(b"HTTP/1.1 100 ")
        sock.sendall(body)
        final = _read_head(sock, buffer)
    assert final.startswith(b"HTTP/1.1 201 ")
    assert sim.state.link_count() == 61


def test_a_client_hanging_up_is_logged_not_a_traceback(
    sim: Simulator, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG, logger=SERVER_LOGGER)
    sim.faults.queue("slow:1000")  # the answer is written after the client has gone
    with _connect(sim) as sock:
        sock.sendall(f"GET {LINKS}?size=100 HTTP/1.1\r\nHost: sim\r\n\r\n".encode())
        _wait_for(lambda: sim.requests[("GET", "list_links")] == 1)  # read, now being slowed
        # Linger 0: close() sends RST, as a client killed under load does.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    _wait_for(lambda: _went_away(caplog))
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert "Traceback" not in capsys.readouterr().err
    assert sim.faults.applied == {"slow": 1}


def _wait_for(condition: Callable[[], bool]) -> None:
    """Wait for another thread; a deadline that fails the test, not a timing assertion."""
    deadline = time.monotonic() + 10
    while not condition():
        assert time.monotonic() < deadline, "gave up waiting"
        time.sleep(0.01)


def _went_away(caplog: pytest.LogCaptureFixture) -> bool:
    return any(r.name == SERVER_LOGGER and "went away" in r.getMessage() for r in caplog.records)


def test_other_handler_failures_are_logged_as_errors(
    sim: Simulator, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    server = sim._server  # the stdlib hook under test lives on the server
    assert server is not None
    try:
        raise RuntimeError("handler bug")
    except RuntimeError:
        server.handle_error(None, ("127.0.0.1", 1))  # as socketserver calls it
    errors = [r for r in caplog.records if r.name == SERVER_LOGGER and r.levelno == logging.ERROR]
    assert len(errors) == 1
    assert errors[0].exc_info is not None
    assert errors[0].exc_info[0] is RuntimeError
    assert "Traceback" not in capsys.readouterr().err
