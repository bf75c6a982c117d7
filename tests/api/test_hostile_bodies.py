"""An answer too big to be real stops at the size limit, in bytes read and in memory, bombs included.

Real sockets and real httpx against the stub in hostile_server.py. The stub counts what it
managed to send before the client hung up: the client read at most the limit, and the rest sat
in the loopback socket buffers. Memory is measured with tracemalloc (every Python allocation,
the inflated bytes included), not RSS, which the allocator keeps high.
"""

from __future__ import annotations

import json
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator

import httpx
import pytest

from linkmanager.api import LeanClient, LeanError, LeanTransportError, ResponseTooLarge
from linkmanager.api.transport import MAX_BODY_BYTES

from .hostile_server import (
    Clients,
    HostileServer,
    answer,
    bomb,
    endless,
    endless_headers,
    link_record,
    links_page,
    trickle_body,
)

LIMIT = MAX_BODY_BYTES
BUFFERED = 8 * 2**20  # what loopback socket buffers (both ends) may hold past what the client read
PEAK = 3 * LIMIT  # the chunks kept, one read and one inflating step in flight, and change
QUICK = 5.0  # seconds: these fail fast, the deadline is not what ends them
PAGE = links_page([link_record(n) for n in range(3)])


@pytest.fixture
def connect(server: HostileServer) -> Iterator[Clients]:
    clients = Clients(server, deadline=30.0, timeout=httpx.Timeout(10.0), random=lambda: 0.5)
    yield clients
    clients.close()


def measured(action: Callable[[], object], error: type[LeanError]) -> tuple[LeanError, float, int]:
    """The error `action` raised, the seconds it took, and the peak of traced memory meanwhile."""
    tracemalloc.start()
    try:
        started = time.monotonic()
        with pytest.raises(error) as info:
            action()
        took = time.monotonic() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return info.value, took, peak


def ready(client: LeanClient) -> LeanClient:
    """The client with its token fetched, so that what is measured is the hostile answer alone."""
    client._session.tokens.token()
    return client


# -- endless and huge bodies -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "chunked"),
    [
        pytest.param([("Transfer-Encoding", "chunked")], True, id="endless-chunked"),
        pytest.param([("Content-Length", str(10 * 10**9))], False, id="10GB-declared"),
        pytest.param([("Connection", "close")], False, id="no-length-until-close"),
    ],
)
def test_an_endless_body_stops_at_the_limit_in_bytes_and_memory(
    server: HostileServer, connect: Clients, headers: list[tuple[str, str]], chunked: bool
) -> None:
    server.behave(endless([("Content-Type", "application/json"), *headers], b"[1," * 21846, chunked=chunked))
    client = ready(connect())
    error, took, peak = measured(lambda: client.links_page(0), ResponseTooLarge)
    assert isinstance(error, ResponseTooLarge)
    assert error.limit == LIMIT
    assert str(error).startswith(
        "Lean's answer to GET /payment-links/v1?page=0&size=100 was larger than 2,048 KiB"
    )
    assert took < QUICK
    assert peak < PEAK, f"{peak:,} bytes"
    exchange = server.exchange(0)
    assert exchange.hung_up.is_set()
    assert exchange.sent <= LIMIT + BUFFERED, f"{exchange.sent:,} bytes"
    assert len(server.exchanges) == 1  # too large is an answer, not an accident: not retried


def test_endless_headers_stop_at_h11s_bound_and_are_retried_as_a_dropped_connection(
    server: HostileServer, connect: Clients
) -> None:
    server.behave(endless_headers)
    client = ready(connect())
    error, took, peak = measured(lambda: client.get_link("link-0001"), LeanTransportError)
    assert (
        str(error) == f"Could not reach Lean at 127.0.0.1:{server.port} after 4 attempts: connection dropped."
    )
    assert took < QUICK
    assert peak < PEAK, f"{peak:,} bytes"
    assert len(server.exchanges) == 4
    for exchange in server.exchanges:
        assert exchange.done.wait(5)
        assert exchange.hung_up.is_set()
        assert exchange.sent <= 100 * 1024 + BUFFERED


# -- compression bombs -------------------------------------------------------------------------------


@pytest.mark.parametrize("coding", ["gzip", "deflate", "gzip, gzip"])
def test_a_compression_bomb_stops_at_the_limit_of_inflated_bytes(
    server: HostileServer, connect: Clients, coding: str
) -> None:
    # One layer: ~1 KB on the wire per MiB inflated, sent ~60 KB at a time (httpx's own decoders
    # inflate each read whole: 60 MiB at once); two layers: ~2.4 KB per 1000 MiB.
    start, block = bomb(coding)
    chunk = block if "," in coding else block * 60
    headers = [("Content-Encoding", coding), ("Transfer-Encoding", "chunked")]
    server.behave(endless(headers, chunk, chunked=True, first=start))
    client = ready(connect())
    error, took, peak = measured(lambda: client.links_page(0), ResponseTooLarge)
    assert took < QUICK
    assert peak < PEAK, f"{peak:,} bytes"
    assert str(error).startswith("Lean's answer to GET /payment-links/v1?page=0&size=100 was larger than")
    exchange = server.exchange(0)
    assert exchange.hung_up.is_set()
    assert exchange.sent <= LIMIT + BUFFERED
    assert len(server.exchanges) == 1


def compress(data: bytes, coding: str) -> bytes:
    """`data` in a content coding ("raw-deflate": deflate without its zlib header)."""
    for layer in [c.strip() for c in coding.split(",")]:
        wbits = {"gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS, "raw-deflate": -zlib.MAX_WBITS}[
            layer
        ]
        compressor = zlib.compressobj(6, zlib.DEFLATED, wbits)
        data = compressor.compress(data) + compressor.flush()
    return data


@pytest.mark.parametrize("coding", ["gzip", "deflate", "raw-deflate", "gzip, deflate"])
@pytest.mark.parametrize("pace", [0.0, 0.002], ids=["whole", "a-byte-at-a-time"])
def test_an_honest_compressed_answer_is_read_whole(
    server: HostileServer, connect: Clients, coding: str, pace: float
) -> None:
    body = compress(json.dumps(PAGE).encode(), coding)
    header = coding.replace("raw-deflate", "deflate")
    if pace:
        server.behave(trickle_body(body, pace, [("Content-Encoding", header)]))
    else:
        server.behave(answer(200, body, [("Content-Encoding", header), ("Content-Type", "application/json")]))
    page = connect().links_page(0)
    assert [link.id for link in page.items] == ["link-0000", "link-0001", "link-0002"]
    assert server.exchange(0).request.headers["accept-encoding"] == "gzip, deflate"  # no br, no zstd


@pytest.mark.parametrize("limit", [64 * 1024, LIMIT])
@pytest.mark.parametrize("coding", ["identity", "gzip"])
def test_the_limit_counts_inflated_bytes_exactly(
    server: HostileServer, connect: Clients, limit: int, coding: str
) -> None:
    text = json.dumps(PAGE).encode()
    exact = text + b" " * (limit - len(text))  # JSON may end in blanks: exactly `limit` bytes
    for body in (exact, exact + b" "):
        encoded = compress(body, coding) if coding == "gzip" else body
        server.behave(
            answer(200, encoded, [("Content-Encoding", coding), ("Content-Type", "application/json")])
        )
        client = connect(max_body=limit)
        if body is exact:
            assert len(client.links_page(0).items) == 3
        else:
            with pytest.raises(ResponseTooLarge) as info:
                client.links_page(0)
            assert info.value.limit == limit


@pytest.mark.parametrize(
    ("coding", "body"),
    [
        pytest.param("gzip, gzip, gzip", compress(b"{}", "gzip, gzip, gzip"), id="three-layers"),
        pytest.param("gzip", b'{"content": "not gzip at all"}', id="not-gzip"),
    ],
)
def test_an_answer_that_cannot_be_inflated_fails_once(
    server: HostileServer, connect: Clients, coding: str, body: bytes
) -> None:
    server.behave(answer(200, body, [("Content-Encoding", coding)]))
    with pytest.raises(LeanTransportError) as info:
        connect().links_page(0)
    assert (
        str(info.value)
        == f"Could not reach Lean at 127.0.0.1:{server.port}: the request failed (DecodingError)."
    )
    assert len(server.exchanges) == 1
