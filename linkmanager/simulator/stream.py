"""Bodies that take their time: the huge page made chunk by chunk, and waits a hang-up cuts short.

Neither holds more than one chunk in memory, and neither outlives the simulator: the huge body
is checked against `stopping` between chunks, and a drip waits on `stopping` itself.
"""

from __future__ import annotations

import contextlib
import select
import socket
import threading
import time
from collections.abc import Iterator

__all__ = ["CHUNK_SIZE", "MEGABYTE", "huge_chunks", "peer_gone", "send_quietly", "wait_unless_gone"]

MEGABYTE = 1024 * 1024
CHUNK_SIZE = 64 * 1024
# How often a long wait looks whether the client has hung up.
_PEER_CHECK_SECONDS = 0.2
_PADDING = b'{"padding":"' + b"x" * 1000 + b'"}'


def huge_chunks(megabytes: int, chunk_size: int = CHUNK_SIZE) -> Iterator[bytes]:
    """A JSON page of padding records about `megabytes` MiB long, one chunk at a time.

    It starts as a page does (`{"content":[`) and, read to its end, is valid JSON; the same
    block of records is handed out again and again, so only one chunk ever exists.
    """
    per_chunk = max(1, chunk_size // (len(_PADDING) + 1))
    block = b"," + b",".join([_PADDING] * per_chunk)
    head = b'{"content":[' + _PADDING
    records, written, total = 1, len(head), megabytes * MEGABYTE
    yield head
    while written + len(block) <= total:
        yield block
        records += per_chunk
        written += len(block)
    yield b'],"page":{"number":0,"size":%d,"total_elements":%d,"total_pages":1}}' % (records, records)


def peer_gone(conn: socket.socket) -> bool:
    """True when the client has closed its side (or reset the connection); never blocks."""
    try:
        readable, _, _ = select.select([conn], [], [], 0)
        # Readable with nothing to read is the end of the stream; bytes (a next request) are not.
        return bool(readable) and conn.recv(1, socket.MSG_PEEK) == b""
    except (OSError, ValueError):  # reset, or already closed
        return True


def wait_unless_gone(stopping: threading.Event, conn: socket.socket, seconds: float) -> bool:
    """Wait `seconds`; False as soon as the simulator stops or the client hangs up."""
    deadline = time.monotonic() + seconds
    while True:
        remaining = deadline - time.monotonic()
        if stopping.wait(max(0.0, min(remaining, _PEER_CHECK_SECONDS))):
            return False
        if peer_gone(conn):
            return False
        if remaining <= _PEER_CHECK_SECONDS:
            return True


def send_quietly(conn: socket.socket, data: bytes) -> bool:
    """sendall; False (nothing raised) when the client has gone or the socket was shut down."""
    with contextlib.suppress(OSError):
        conn.sendall(data)
        return True
    return False
