"""A stub Lean on loopback that signs in properly and then misbehaves, for the client's bounds tests.

Raw sockets, one thread per connection, nothing shared with the simulator: what goes on the wire
is exactly what a behaviour writes. The token endpoint (POST /oauth2/token) answers as Lean does
when the form carries the right secret; every other request is handed to the behaviour set with
`behave`, which writes what it likes through its Exchange and says whether the connection may be
kept alive. Each exchange records what the stub managed to send (bytes the kernel accepted) and
whether the client hung up, so tests can check the client stopped reading, not only that it
raised. A connection whose first byte starts a TLS record goes to `tls_behaviour` instead.

`stop()` closes every socket and joins every thread; a behaviour that raised is reported there.
"""

from __future__ import annotations

import json
import secrets
import select
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, NoReturn, Self
from urllib.parse import parse_qs

from linkmanager.api import ApiEndpoints, Credentials, LeanClient

TOKEN_PATH = "/oauth2/token"
CLIENT_ID = "hostile-client"
_SLICE = 0.05  # how often blocked socket calls look up to see whether the stub is stopping
_MAX_HEAD = 64 * 1024
_SEND_BUFFER = 256 * 1024


class ClientGone(Exception):
    """The client closed the connection (or the stub is stopping): the behaviour ends here."""


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]  # names lower-cased
    body: bytes


@dataclass
class Exchange:
    """One API request and what the stub did about it."""

    request: Request
    sock: socket.socket = field(repr=False)
    stopping: threading.Event = field(repr=False)
    sent: int = 0  # bytes handed to the kernel for this answer
    hung_up: threading.Event = field(default_factory=threading.Event)
    done: threading.Event = field(default_factory=threading.Event)
    started: float = field(default_factory=time.monotonic)
    ended: float | None = None

    def send(self, data: bytes) -> None:
        """Send all of `data`, counting what the kernel took; ClientGone when the client left."""
        view = memoryview(data)
        while view:
            if self.stopping.is_set():
                raise ClientGone
            try:
                count = self.sock.send(view)
            except TimeoutError:
                continue
            except OSError:  # EPIPE, ECONNRESET: the client hung up
                self._gone()
            self.sent += count
            view = view[count:]

    def pause(self, seconds: float) -> None:
        """Wait, watching the connection: ClientGone as soon as the client hangs up."""
        until = time.monotonic() + seconds
        while True:
            left = until - time.monotonic()
            if left <= 0:
                return
            if self.stopping.is_set():
                raise ClientGone
            if self.client_left(min(left, _SLICE)):
                self._gone()

    def client_left(self, wait: float) -> bool:
        """True when the client closed its end (a FIN or a reset) within `wait` seconds."""
        readable, _, _ = select.select([self.sock], [], [], wait)
        if not readable:
            return False
        try:
            peeked = self.sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT)
        except BlockingIOError:
            return False
        except OSError:
            return True
        if peeked:  # the client sent something (it should not): not a hang-up; do not spin on it
            time.sleep(wait)
            return False
        return True

    def wait_for_hangup(self, seconds: float = 60.0) -> None:
        """Send nothing more and wait for the client to leave (ClientGone), at most `seconds`."""
        self.pause(seconds)

    def trickle(self, data: bytes, every: float) -> None:
        """Send `data` one byte at a time, one byte every `every` seconds."""
        for index in range(len(data)):
            self.send(data[index : index + 1])
            self.pause(every)

    def _gone(self) -> NoReturn:
        self.hung_up.set()
        raise ClientGone


# A behaviour answers one request; it returns True when the connection may serve another.
Behaviour = Callable[[Exchange], bool]


class HostileServer:
    """The stub. Use as a context manager, or start() and stop()."""

    def __init__(self) -> None:
        self.client_id = CLIENT_ID
        self.client_secret = "hostileSecret-" + secrets.token_urlsafe(16)
        self.access_token = "hostileTok3n" + secrets.token_urlsafe(24)
        self.exchanges: list[Exchange] = []
        self.token_requests = 0
        self.tls_exchanges: list[Exchange] = []
        self.errors: list[BaseException] = []
        self._behaviour: Behaviour = answer(404, {"status": "NOT_FOUND"})
        self.tls_behaviour: Callable[[Exchange], None] = lambda exchange: exchange.wait_for_hangup()
        # Set, it answers the token requests too (they are then recorded in `exchanges`).
        self.token_behaviour: Behaviour | None = None
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._sockets: list[socket.socket] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(_SLICE)
        self.port = int(self._listener.getsockname()[1])
        self._acceptor = threading.Thread(target=self._accept, name="hostile-accept", daemon=True)

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def tls_api_url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    @property
    def token_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{TOKEN_PATH}"

    def behave(self, behaviour: Behaviour) -> None:
        """How every API request from now on is answered."""
        self._behaviour = behaviour

    def exchange(self, index: int = -1, timeout: float = 10.0) -> Exchange:
        """An exchange once it is over (the client hung up or the behaviour ended)."""
        until = time.monotonic() + timeout
        while not self.exchanges or len(self.exchanges) <= index:
            assert time.monotonic() < until, "no such exchange arrived"
            time.sleep(0.01)
        chosen = self.exchanges[index]
        assert chosen.done.wait(max(until - time.monotonic(), 0.0)), "the exchange never ended"
        return chosen

    def start(self) -> Self:
        self._acceptor.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._acceptor.join(10)
        self._listener.close()
        with self._lock:
            threads, sockets = list(self._threads), list(self._sockets)
        for thread in threads:
            thread.join(10)
        for sock in sockets:
            sock.close()
        alive = [t.name for t in [self._acceptor, *threads] if t.is_alive()]
        assert not alive, f"stub threads still running: {alive}"
        if self.errors:
            raise AssertionError(f"the stub failed: {self.errors!r}") from self.errors[0]

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # -- the wire ------------------------------------------------------------------------------

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                sock, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            sock.settimeout(_SLICE)
            # A small send buffer, so that what `sent` counts past what the client read is mostly
            # the client's own receive buffer (loopback autotunes both to megabytes).
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, _SEND_BUFFER)
            thread = threading.Thread(target=self._serve, args=(sock,), name="hostile-conn", daemon=True)
            with self._lock:
                self._sockets.append(sock)
                self._threads.append(thread)
            thread.start()

    def _serve(self, sock: socket.socket) -> None:
        try:
            with sock:
                buffer = bytearray()
                if self._fill(sock, buffer, 1) and buffer[0] == 0x16:  # a TLS ClientHello
                    tls = Exchange(Request("TLS", "", {}, bytes(buffer)), sock, self._stopping)
                    self.tls_exchanges.append(tls)
                    self._run(tls, lambda exchange: self.tls_behaviour(exchange) or False)
                    return
                while (request := self._read_request(sock, buffer)) is not None:
                    if request.path == TOKEN_PATH and self.token_behaviour is None:
                        self._token(sock, request)
                        continue
                    exchange = Exchange(request, sock, self._stopping)
                    self.exchanges.append(exchange)
                    chosen = self.token_behaviour if request.path == TOKEN_PATH else None
                    if not self._run(exchange, chosen or self._behaviour):
                        return
        except (ClientGone, ConnectionError):
            return
        except BaseException as exc:  # reported by stop(): a stub bug must fail the test
            self.errors.append(exc)

    def _run(self, exchange: Exchange, behaviour: Behaviour) -> bool:
        try:
            if not self._authorised(exchange.request):
                exchange.send(_response(401, b'{"status": "UNAUTHORIZED"}'))
                return True
            return behaviour(exchange)
        except ClientGone:
            return False
        finally:
            exchange.ended = time.monotonic()
            exchange.done.set()

    def _authorised(self, request: Request) -> bool:
        if request.method == "TLS" or request.path == TOKEN_PATH:
            return True
        return request.headers.get("authorization") == f"Bearer {self.access_token}"

    def _token(self, sock: socket.socket, request: Request) -> None:
        self.token_requests += 1
        form = parse_qs(request.body.decode())
        if form.get("client_id") != [self.client_id] or form.get("client_secret") != [self.client_secret]:
            _send_plain(sock, _response(401, b'{"error": "invalid_client"}'), self._stopping)
            return
        body = {"access_token": self.access_token, "token_type": "Bearer", "expires_in": 3599, "scope": "api"}
        _send_plain(sock, _response(200, json.dumps(body).encode()), self._stopping)

    def _fill(self, sock: socket.socket, buffer: bytearray, size: int) -> bool:
        """Read until `buffer` holds `size` bytes; False when the client closed first."""
        while len(buffer) < size:
            if self._stopping.is_set():
                return False
            try:
                data = sock.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                return False
            if not data:
                return False
            buffer += data
        return True

    def _read_request(self, sock: socket.socket, buffer: bytearray) -> Request | None:
        while b"\r\n\r\n" not in buffer:
            if len(buffer) > _MAX_HEAD or not self._fill(sock, buffer, len(buffer) + 1):
                return None
        head, _, rest = bytes(buffer).partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        method, path, _ = lines[0].split(" ", 2)
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        size = int(headers.get("content-length", "0"))
        buffer[:] = rest
        if not self._fill(sock, buffer, size):
            return None
        body = bytes(buffer[:size])
        del buffer[:size]
        return Request(method, path, headers, body)


def _send_plain(sock: socket.socket, data: bytes, stopping: threading.Event) -> None:
    exchange = Exchange(Request("", "", {}, b""), sock, stopping)
    exchange.send(data)


def _response(
    status: int, body: bytes, headers: Iterable[tuple[str, str]] = (), close: bool = False
) -> bytes:
    lines = [f"HTTP/1.1 {status} Hostile", f"Content-Length: {len(body)}"]
    lines += [f"Content-Type: {'application/json' if body.startswith((b'{', b'[')) else 'text/plain'}"]
    lines += [f"{name}: {value}" for name, value in headers]
    if close:
        lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def head(status: int, headers: Iterable[tuple[str, str]]) -> bytes:
    """A status line and headers, nothing else: the body is the behaviour's business."""
    lines = [f"HTTP/1.1 {status} Hostile", *(f"{name}: {value}" for name, value in headers)]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def _body(value: object) -> bytes:
    return value if isinstance(value, bytes) else json.dumps(value).encode()


# -- behaviours ------------------------------------------------------------------------------------


def answer(status: int, body: object, headers: Iterable[tuple[str, str]] = ()) -> Behaviour:
    """A whole, well-formed answer (JSON when `body` is not bytes); the connection stays open."""
    data = _response(status, _body(body), list(headers))

    def behaviour(exchange: Exchange) -> bool:
        exchange.send(data)
        return True

    return behaviour


def in_turn(*behaviours: Behaviour) -> Behaviour:
    """The first behaviour for the first request, the second for the second...; the last repeats."""
    count = 0
    lock = threading.Lock()

    def behaviour(exchange: Exchange) -> bool:
        nonlocal count
        with lock:
            chosen = behaviours[min(count, len(behaviours) - 1)]
            count += 1
        return chosen(exchange)

    return behaviour


def trickle_body(body: object, every: float, headers: Iterable[tuple[str, str]] = ()) -> Behaviour:
    """Headers at once (with the true Content-Length), then the body one byte every `every` s."""
    data = _body(body)
    status = head(200, [("Content-Type", "application/json"), ("Content-Length", str(len(data))), *headers])

    def behaviour(exchange: Exchange) -> bool:
        exchange.send(status)
        exchange.trickle(data, every)
        return True

    return behaviour


def trickle_all(body: object, every: float) -> Behaviour:
    """The whole answer, status line and headers included, one byte every `every` s."""
    data = _response(200, _body(body))

    def behaviour(exchange: Exchange) -> bool:
        exchange.trickle(data, every)
        return True

    return behaviour


def stall(exchange: Exchange) -> bool:
    """Read the request, answer nothing, wait for the client to give up."""
    exchange.wait_for_hangup()
    return False


def endless(
    headers: Iterable[tuple[str, str]], chunk: bytes, *, chunked: bool = False, first: bytes = b""
) -> Behaviour:
    """A 200 with `headers`, then `first`, then `chunk` again and again (as HTTP chunks when
    `chunked`) until the client hangs up."""
    status = head(200, list(headers))

    def framed(data: bytes) -> bytes:
        return b"%x\r\n%s\r\n" % (len(data), data) if chunked and data else data

    piece = framed(chunk)

    def behaviour(exchange: Exchange) -> bool:
        exchange.send(status + framed(first))
        while True:
            exchange.send(piece)

    return behaviour


def endless_headers(exchange: Exchange) -> bool:
    """A status line, then header lines for ever."""
    exchange.send(b"HTTP/1.1 200 Hostile\r\n")
    line = b"X-Filler: " + b"a" * 1000 + b"\r\n"
    while True:
        exchange.send(line)


def bomb(coding: str = "gzip", step: int = 2**20) -> tuple[bytes, bytes]:
    """An endless compressed stream of zeros: (its start, a block to repeat for ever).

    `coding` is "gzip", "deflate" or "gzip, gzip". A full flush resets the compressor, so the
    same input compresses to the same block each time: one layer turns ~1 KB into 1 MiB of
    zeros, two layers ~2.4 KB into 1000 MiB.
    """
    layers = [c.strip() for c in coding.split(",")]

    def compressor(layer: str) -> Any:
        return zlib.compressobj(9, zlib.DEFLATED, (16 if layer == "gzip" else 0) + zlib.MAX_WBITS)

    inner = compressor(layers[0])
    start = inner.compress(bytes(step)) + inner.flush(zlib.Z_FULL_FLUSH)
    block = inner.compress(bytes(step)) + inner.flush(zlib.Z_FULL_FLUSH)
    for layer in layers[1:]:
        outer = compressor(layer)
        start = outer.compress(start) + outer.flush(zlib.Z_FULL_FLUSH)
        block = outer.compress(block * 1000) + outer.flush(zlib.Z_FULL_FLUSH)
    return start, block


def link_record(number: int, **changes: Any) -> dict[str, Any]:
    """A link as Lean sends it (PaymentLinkResponse), with `changes` applied."""
    record: dict[str, Any] = {
        "id": f"link-{number:04d}",
        "link": f"https://pay.sandbox.leantech.me/l/{number:04d}",
        "status": "ACTIVE",
        "current_usages": 0,
        "max_usages": 1,
        "name": f"Order {number}",
        "expires_at": "2031-05-01T12:00:00Z",
        "payment_details": {"amount": 150.25, "currency": "AED", "reference": f"INV-{number}"},
    }
    record.update(changes)
    return record


def links_page(records: list[Any], number: int = 0) -> dict[str, Any]:
    """One page of a links list holding `records` (the last page)."""
    meta = {"number": number, "size": 100, "total_elements": len(records), "total_pages": number + 1}
    return {"content": records, "page": meta}


class Clients:
    """LeanClients for one stub, made with shared defaults and all closed by close()."""

    def __init__(self, server: HostileServer, **defaults: Any) -> None:
        self._server = server
        self._defaults = defaults
        self._made: list[LeanClient] = []

    def __call__(self, *, tls: bool = False, **options: Any) -> LeanClient:
        """A client for the stub (its API over https:// when `tls`, to stall the handshake)."""
        endpoints = ApiEndpoints(
            self._server.tls_api_url if tls else self._server.api_url, self._server.token_url
        )
        credentials = Credentials(self._server.client_id, self._server.client_secret)
        self._made.append(LeanClient(endpoints, credentials, **{**self._defaults, **options}))
        return self._made[-1]

    def close(self) -> None:
        for client in self._made:
            client.close()
