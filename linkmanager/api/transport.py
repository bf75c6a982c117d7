"""An HTTP transport whose every socket operation stops at the request's deadline.

httpx's timeouts are per operation: a server that sends one byte every 20 s never trips a 30 s
read timeout and can hold a request for ever. Here each connect, TLS handshake, read and write
waits at most until the deadline of the request under way on that thread (set with `deadline`),
so a request ends on time however the server trickles, headers included. Past the deadline the
operation fails as httpcore's own timeout would; `deadline_passed()` tells the caller why.

The deadline is thread-local because httpx's synchronous client runs a request, body included,
in the calling thread; connections are shared across threads and requests, the deadline is not.
"""

from __future__ import annotations

import ssl
import threading
import time
import typing
import urllib.request
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

import httpcore
import httpx

_local = threading.local()


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Bound every socket operation of this thread's requests until `seconds` from now.

    Nested (a token fetched inside a request): the earlier of the two deadlines holds.
    """
    previous: float | None = getattr(_local, "at", None)
    at = time.monotonic() + seconds
    _local.at = at if previous is None else min(previous, at)
    try:
        yield
    finally:
        _local.at = previous


def remaining() -> float | None:
    """Seconds left before this thread's deadline (may be negative); None when none is set."""
    at: float | None = getattr(_local, "at", None)
    return None if at is None else at - time.monotonic()


def deadline_passed() -> bool:
    left = remaining()
    return left is not None and left <= 0


def _bounded(timeout: float | None, error: type[Exception]) -> float | None:
    left = remaining()
    if left is None:
        return timeout
    if left <= 0:
        raise error("the request's deadline has passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, bounded))

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.connect_tcp(host, port, bounded, local_address, socket_options))

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.connect_unix_socket(path, bounded, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class DeadlineTransport(httpx.HTTPTransport):
    """httpx's own transport (TLS verified, the default certificate store), on sockets that keep
    the thread's deadline. Only the connection pool is replaced: httpx builds it without a way to
    pass a network backend. tests/api/test_hostile_server.py (the trickled headers) fails if an
    httpx upgrade breaks this."""

    def __init__(self, limits: httpx.Limits | None = None) -> None:
        limits = limits or httpx.Limits()
        super().__init__(verify=True, limits=limits)
        self._pool.close()
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(verify=True),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=_DeadlineBackend(),
        )


# The largest answer read: a page of 100 links with every optional field is ~300 KB; an answer
# beyond this is a broken or hostile server, and parsing it could take far more memory than a sync may.
MAX_BODY_BYTES = 2 * 2**20


class BodyTooLarge(Exception):
    """The answer's body passed the limit; reading stopped there."""


class Answer:
    """A whole HTTP answer read within the limits: what the client layers need of httpx.Response."""

    __slots__ = ("content", "headers", "status_code")

    def __init__(self, status_code: int, headers: httpx.Headers, content: bytes) -> None:
        self.status_code = status_code
        self.headers = headers
        self.content = content

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")


# The content codings asked for and inflated here (httpx would also ask for br and zstd whenever
# those packages happen to be installed, and inflate them without a bound).
ACCEPT_ENCODING = "gzip, deflate"
# The most one inflating step produces: httpx's own decoders inflate a whole 64 KiB read at once,
# ~64 MiB from a gzip bomb, and "gzip, gzip" gigabytes (a few KB of it inflate to 1000 MiB).
_INFLATE_STEP = 64 * 1024
# Codings stacked on one answer: real servers use one; each costs a zlib state and a step deep.
_MAX_CODINGS = 2


class _Inflater:
    """One gzip or deflate coding, inflated at most _INFLATE_STEP bytes at a time."""

    def __init__(self, coding: str) -> None:
        self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS) if coding == "gzip" else None
        self._head = b""

    def step(self, data: bytes) -> tuple[bytes, bytes]:
        """(output, the input left over for the next step)."""
        if self._zlib is None:
            # "deflate" comes with a zlib header or, from some servers, without one (httpx takes
            # both): its first two bytes tell which.
            self._head += data
            if len(self._head) < 2:
                return b"", b""
            data, self._head = self._head, b""
            wrapped = data[0] & 0x0F == 8 and (data[0] * 256 + data[1]) % 31 == 0
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
        return self._zlib.decompress(data, _INFLATE_STEP), self._zlib.unconsumed_tail


def _inflate(stages: list[_Inflater], data: bytes, sink: typing.Callable[[bytes], None]) -> None:
    """Pass `data` through the codings in turn, each step bounded, the plain bytes to `sink`."""
    if not stages:
        if data:
            sink(data)
        return
    while True:
        out, data = stages[0].step(data)
        _inflate(stages[1:], out, sink)
        if not data and len(out) < _INFLATE_STEP:  # all taken in and nothing held back
            return


class Sender:
    """Builds and sends requests: straight to the transport when no proxy is configured in the
    environment (the common case, and a fifth of a request's CPU less: no cookie jar, auth or
    redirect machinery, none of which Lean's API uses), through the httpx client otherwise, which
    routes to the proxy (trust_env) as it always did."""

    def __init__(self, timeout: httpx.Timeout, headers: dict[str, str]) -> None:
        self._transport = DeadlineTransport()
        self._client = httpx.Client(
            timeout=timeout, verify=True, transport=self._transport, follow_redirects=False, headers=headers
        )
        self._direct = not urllib.request.getproxies_environment()
        self._headers = {**headers, "Connection": "keep-alive"}
        self._extensions = {"timeout": timeout.as_dict()}

    def build(self, method: str, url: str, content: bytes | None, headers: dict[str, str]) -> httpx.Request:
        if not self._direct:
            return self._client.build_request(method, url, content=content, headers=headers)
        return httpx.Request(
            method, url, content=content, headers={**self._headers, **headers}, extensions=self._extensions
        )

    def send(self, request: httpx.Request) -> httpx.Response:
        if not self._direct:
            return self._client.send(request, stream=True)
        response = self._transport.handle_request(request)
        response.request = request
        return response

    def close(self) -> None:
        self._client.close()  # closes the transport too


def read_answer(
    send: typing.Callable[[httpx.Request], httpx.Response], request: httpx.Request, limit: int
) -> Answer:
    """Send `request` and read its answer, decoded, up to `limit` bytes (BodyTooLarge past it).

    The body is streamed and inflated here in bounded steps, so that a huge answer or a
    compression bomb costs at most about `limit` bytes of memory; the deadline is checked between
    chunks too, which bounds a trickle through a proxy transport whose sockets do not keep it.
    """
    request.headers["Accept-Encoding"] = ACCEPT_ENCODING
    response = send(request)
    chunks: list[bytes] = []
    size = 0

    def keep(piece: bytes) -> None:
        nonlocal size
        size += len(piece)
        if size > limit:
            raise BodyTooLarge
        chunks.append(piece)

    try:
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise BodyTooLarge
        codings = [
            c.strip().lower() for c in response.headers.get_list("Content-Encoding", split_commas=True)
        ]
        # Applied in the order listed, so undone last to first; an unknown coding is left as it is.
        stages = [_Inflater(c) for c in reversed(codings) if c in ("gzip", "deflate")]
        if len(stages) > _MAX_CODINGS:
            raise httpx.DecodingError(
                f"{len(stages)} content codings, more than any server uses", request=request
            )
        try:
            for chunk in response.iter_raw():
                _inflate(stages, chunk, keep)
                if deadline_passed():
                    raise httpx.ReadTimeout("the request's deadline has passed", request=request)
        except zlib.error as exc:
            raise httpx.DecodingError(f"the answer could not be inflated ({exc})", request=request) from None
    finally:
        response.close()
    return Answer(response.status_code, response.headers, b"".join(chunks))
