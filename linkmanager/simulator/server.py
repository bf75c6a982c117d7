"""HTTP/1.1 plumbing: keep-alive, request counting, latency, faults and canned answers.

Every answer carries Content-Length so httpx can keep connections alive as it would with Lean
(but the `huge` fault's, which is chunked). On stop, open keep-alive connections are shut down
too: a stopped simulator must not go on answering on a pooled connection.
"""

from __future__ import annotations

import contextlib
import logging
import selectors
import socket
import sys
import threading
import time
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from linkmanager.simulator.faults import Fault, FaultInjector, fault_response
from linkmanager.simulator.jsonio import dumps
from linkmanager.simulator.routes import ApiApp, Request, Response, resolve
from linkmanager.simulator.stream import huge_chunks, send_quietly, wait_unless_gone

__all__ = ["SimHTTPServer"]

logger = logging.getLogger(__name__)

MAX_BODY = 1024 * 1024


class SimHTTPServer(ThreadingHTTPServer):
    """Threaded server that knows its app, fault injector and open connections."""

    daemon_threads = True
    block_on_close = False  # idle keep-alive connections must not hold up stop()
    allow_reuse_address = True
    timeout = 0.5  # handle_request() never blocks longer, so stop() is never stuck behind it

    def __init__(
        self,
        address: tuple[str, int],
        app: ApiApp,
        faults: FaultInjector,
        count: Callable[[str, str], None],
        latency_ms: int,
        stopping: threading.Event,
    ) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.app = app
        self.faults = faults
        self.count = count
        self.latency_ms = latency_ms
        self.stopping = stopping
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(address, _Handler)
        self._wake_r, self._wake_w = socket.socketpair()

    def serve_until_stopped(self) -> None:
        """Accept connections until `stopping` is set and `wake()` called; no idle polling."""
        with selectors.DefaultSelector() as selector:
            selector.register(self, selectors.EVENT_READ)
            selector.register(self._wake_r, selectors.EVENT_READ)
            while not self.stopping.is_set():
                for key, _ in selector.select():
                    if key.fileobj is self and not self.stopping.is_set():
                        self.handle_request()

    def wake(self) -> None:
        with contextlib.suppress(OSError):
            self._wake_w.send(b"!")

    def server_close(self) -> None:
        super().server_close()
        self._wake_r.close()
        self._wake_w.close()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Log instead of socketserver's traceback on stderr: a client hanging up is routine."""
        exc = sys.exc_info()[1]
        if isinstance(exc, ConnectionError):
            logger.debug("client %s went away: %s", client_address, exc)
        else:
            logger.error("simulator failed serving %s", client_address, exc_info=True)

    def close_connections(self) -> None:
        with self._open_lock:
            conns = list(self._open)
        for conn in conns:
            with contextlib.suppress(OSError):  # already closed by the peer
                conn.shutdown(socket.SHUT_RDWR)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "LinkManagerSimulator/1"
    sys_version = ""
    timeout = 120  # an idle keep-alive connection is closed after this many seconds
    # Headers and body leave in one segment: split writes meet delayed ACKs (40 ms a request).
    wbufsize = -1
    disable_nagle_algorithm = True
    server: SimHTTPServer

    def do_GET(self) -> None:
        self._serve()

    do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = do_GET  # noqa: N815 - stdlib dispatch names

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Protocol-level refusals (bad request line, unknown method) in JSON like the rest."""
        self.close_connection = True
        words = {404: "INVALID_URL", 405: "INVALID_HTTP_METHOD", 501: "INVALID_HTTP_METHOD"}.get(code)
        words = words or ("INVALID_PARAMETERS" if code < 500 else "INTERNAL_SERVER_ERROR")
        self._send(self.server.app.error(code, words, message or HTTPStatus(code).phrase))

    def handle_expect_100(self) -> bool:
        """Send `100 Continue` now, not at the next flush: the client is waiting for it."""
        # With wbufsize = -1 the interim answer would sit in the buffer while curl (for bodies
        # over 1 kB) waits for it before sending the body: both sides would stall.
        answer = super().handle_expect_100()
        self.wfile.flush()
        return answer

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("%s - " + format, self.address_string(), *args)

    def _serve(self) -> None:
        srv = self.server
        split = urlsplit(self.path)
        route = resolve(split.path)
        srv.count(self.command, route.name_for(self.command) if route else "other")
        body = self._read_body()
        if body is None:
            return
        arrived = time.monotonic()
        override = srv.faults.take_override(self.command, self.path)
        if override is not None:
            if not self._hold(arrived):
                return
            headers = dict(override.headers)
            if override.body and not any(k.lower() == "content-type" for k in headers):
                headers["Content-Type"] = "application/json"
            self._send_raw(override.status, headers, override.body)
            return
        faults = srv.faults.take_faults(self.command, self.path)
        for fault in faults:
            if fault.after:
                continue  # once the request has been handled
            if not self._hold(arrived) or not self._apply(fault, split.path):
                return
        headers = {k.lower(): v for k, v in self.headers.items()}
        query = parse_qs(split.query, keep_blank_values=True)
        request = Request(self.command, split.path, query, headers, body, str(self.client_address[0]))
        try:
            response = srv.app.handle(request)
        except Exception:
            logger.exception("simulator failed on %s %s", self.command, split.path)
            response = srv.app.error(500, "INTERNAL_SERVER_ERROR", "the simulator failed; see its log")
        for fault in faults:
            # The work is done (a create has stored its link); only the answer is lost or spoiled.
            if (
                fault.after
                and fault.kind != "drip"
                and not (self._hold(arrived) and self._apply(fault, split.path))
            ):
                return
        if route is not None and self.command == "GET" and response.status == 200:
            body = srv.faults.spoil(
                self.command, self.path, route.kind, response.body, srv.app.store.link_ids
            )
            response = Response(response.status, body, response.headers)
        drip = next((f for f in faults if f.kind == "drip"), None)
        if drip is not None:
            if self._hold(arrived):
                self._send_drip(response, drip.param or 0)
            return
        encoded = self._encode(response)  # the answer's own making counts in the response time
        if self._hold(arrived):
            self._send_raw(*encoded)

    def _hold(self, arrived: float) -> bool:
        """Wait until the answer is due, `latency_ms` after the request arrived (the simulator's
        own work counted in it, as a remote server's is in its response time); False if stopping."""
        srv = self.server
        left = srv.latency_ms / 1000 - (time.monotonic() - arrived)
        return left <= 0 or not srv.stopping.wait(left)

    def _apply(self, fault: Fault, path: str) -> bool:
        """Delay, or answer in the fault's place; True when the request should go on."""
        srv = self.server
        if fault.delays:
            return not srv.stopping.wait((fault.param or 0) / 1000)
        if fault.kind in ("drop", "drop-after"):
            when = "after handling it" if fault.after else "before handling it"
            logger.debug("dropping %s %s without an answer, %s", self.command, path, when)
            self.close_connection = True
            return False
        if fault.kind == "huge":
            self._send_huge(fault.param or 0)
            return False
        status, headers, payload = fault_response(fault, srv.app.clock.now())
        self._send(Response(status, payload, headers))
        return False

    def _send_huge(self, megabytes: int) -> None:
        """A 200 JSON page of `megabytes` MiB, chunked, made as it goes out; stops on hang-up or stop."""
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        # The body goes straight to the socket: nothing may stay in the buffer.
        if not self._flush_head() or self.command == "HEAD":
            return
        for chunk in huge_chunks(megabytes):
            framed = b"%X\r\n%s\r\n" % (len(chunk), chunk)
            if self.server.stopping.is_set() or not send_quietly(self.connection, framed):
                logger.debug("huge answer to %s cut short", self.address_string())
                self.close_connection = True
                return
        if not send_quietly(self.connection, b"0\r\n\r\n"):
            self.close_connection = True

    def _send_drip(self, response: Response, interval_ms: int) -> None:
        """The answer with its real headers, its body one byte every `interval_ms` milliseconds."""
        status, headers, payload = self._encode(response)
        self._send_raw(status, headers, b"", length=len(payload))  # the real body's length
        if not self._flush_head() or self.command == "HEAD":
            return
        for i in range(len(payload)):
            gone = not wait_unless_gone(self.server.stopping, self.connection, interval_ms / 1000)
            if gone or not send_quietly(self.connection, payload[i : i + 1]):
                logger.debug("drip to %s ended after %d of %d bytes", self.address_string(), i, len(payload))
                self.close_connection = True
                return

    def _flush_head(self) -> bool:
        """Send the buffered head now; False (and the connection closes) when the client has gone."""
        try:
            self.wfile.flush()
        except OSError:
            self.close_connection = True
            return False
        return True

    def _read_body(self) -> bytes | None:
        """The request body, or None after answering 400/413 for a body we cannot read."""
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            return self._read_chunked()
        length_text = self.headers.get("Content-Length", "0")
        try:
            length = int(length_text)
        except ValueError:
            length = -1
        if length < 0:
            self.close_connection = True
            self._send(self.server.app.error(400, "INVALID_PARAMETERS", "bad Content-Length"))
            return None
        if length > MAX_BODY:
            self.close_connection = True
            self._send(self.server.app.error(413, "INVALID_PARAMETERS", "the request body is too large"))
            return None
        return self.rfile.read(length) if length else b""

    def _read_chunked(self) -> bytes | None:
        chunks: list[bytes] = []
        total = 0
        while True:
            line = self.rfile.readline(1024).split(b";")[0].strip()
            try:
                size = int(line, 16)
            except ValueError:
                size = -1
            if size < 0 or total + size > MAX_BODY:
                self.close_connection = True
                self._send(self.server.app.error(400, "INVALID_PARAMETERS", "bad chunked body"))
                return None
            if size == 0:
                while self.rfile.readline(1024).strip():
                    pass  # trailers
                return b"".join(chunks)
            chunks.append(self.rfile.read(size))
            self.rfile.readline(8)
            total += size

    def _send(self, response: Response) -> None:
        self._send_raw(*self._encode(response))

    @staticmethod
    def _encode(response: Response) -> tuple[int, dict[str, str], bytes]:
        headers = dict(response.headers)
        if response.body is None:
            payload = b""
        elif isinstance(response.body, bytes):
            payload = response.body
        else:
            payload = dumps(response.body)
            headers.setdefault("Content-Type", "application/json")
        return response.status, headers, payload

    def _send_raw(
        self, status: int, headers: dict[str, str], payload: bytes, length: int | None = None
    ) -> None:
        """Head and body; `length` stands for the body's length when the body follows later."""
        self.send_response(status)
        for name, value in headers.items():
            if name.lower() != "content-length":
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload) if length is None else length))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)
