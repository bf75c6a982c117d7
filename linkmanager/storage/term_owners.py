"""Which link each indexed value belongs to, held in memory: a search without the join.

The FTS index answers a query with the keys of the matching `search_terms` rows in milliseconds;
turning 24,000 of them into links through SQL (one B-tree lookup each) took ~55 ms at 100,000
links and 1,000,000 usages, most of the broadest search. Here each key's owner sits in an array:
4 bytes a value (~17 MB for 4.3 million values), the link key shifted left one bit, the low bit
set when the value is one of the link's own fields (not a payer's). That step is then a few
milliseconds of indexing.

It stays right because search_terms keys are never reused (storage.search.replace_terms gives
keys above the largest ever given): a deleted value's key is stale here but never comes back from
the index, and values added since, by this process or another, are read before each use
(catch_up: the rows above the largest key covered).
"""

from __future__ import annotations

import sqlite3
import sys
from array import array
from concurrent.futures import ThreadPoolExecutor
from itertools import compress, repeat
from operator import and_, itemgetter, rshift
from pathlib import Path

from linkmanager.storage import owner_pages
from linkmanager.storage.cache_files import open_read_only

# Keys read per query: each answer is one hex string SQLite builds with the interpreter lock
# released (the window's thread runs meanwhile); decoding a chunk's string holds the lock only
# a few milliseconds.
CHUNK_KEYS = 262_144
_LARGEST_LINK_KEY = 2**30 - 1  # the packed owner is a signed 32-bit int
_DENSE = (
    "SELECT count(*), max(link_key), group_concat(printf('%08x', link_key * 2 + (usage_key IS NULL)), '') "
    "FROM (SELECT link_key, usage_key FROM search_terms WHERE key > ? AND key <= ? ORDER BY key)"
)
_WITH_KEYS = "SELECT key, link_key * 2 + (usage_key IS NULL) FROM search_terms WHERE key > ? AND key <= ?"
_MATCHING_KEYS = "SELECT rowid FROM search_index WHERE search_index MATCH ?"


class TermOwners:
    """search_terms key -> its link key * 2 + 1 when the value is the link's own, + 0 when a payer's."""

    __slots__ = ("covered", "kept", "owners")

    def __init__(self) -> None:
        self.owners = array("i")
        self.covered = 0  # every key up to this one is held
        self.kept = 0  # every key up to this one was read from the cache's kept pages

    def read_above(self, conn: sqlite3.Connection) -> None:
        """Take in every row above the keys covered, a chunk of keys at a time: room made once, and
        no list of millions of row tuples on the way (hundreds of megabytes)."""
        newest = conn.execute("SELECT max(key) FROM search_terms").fetchone()[0] or 0
        if newest >= len(self.owners):
            self.owners.frombytes(bytes(4 * (newest + 1 - len(self.owners))))
        while self.covered < newest:
            low, high = self.covered, min(self.covered + CHUNK_KEYS, newest)
            self._read_chunk(conn, low, high)
            self.covered = high

    def _read_chunk(self, conn: sqlite3.Connection, low: int, high: int) -> None:
        count, largest, packed = conn.execute(_DENSE, (low, high)).fetchone()
        if count == high - low and largest <= _LARGEST_LINK_KEY:
            chunk = array("i", bytes.fromhex(packed))
            if sys.byteorder == "little":
                chunk.byteswap()  # printf wrote them big-endian
            self.owners[low + 1 : high + 1] = chunk
            return
        # Keys freed by rewritten values leave gaps: place each row by its key.
        owners = self.owners
        for key, owner in conn.execute(_WITH_KEYS, (low, high)):
            owners[key] = owner

    def catch_up(self, conn: sqlite3.Connection) -> None:
        """Values added since (here or by another process): one indexed max() when there are none."""
        newest = conn.execute("SELECT max(key) FROM search_terms").fetchone()[0]
        if newest is not None and newest > self.covered:
            self.read_above(conn)

    def link_keys(self, conn: sqlite3.Connection, phrase: str) -> tuple[set[int], set[int]]:
        """(links with a match in their own fields, links with a match in a payer's value) for an
        FTS phrase; call catch_up first, in the same read transaction."""
        matching = conn.execute(_MATCHING_KEYS, (phrase,)).fetchall()
        packed = set(map(self.owners.__getitem__, map(itemgetter(0), matching)))  # C-level
        owned = list(packed)
        ones = repeat(1)
        direct = set(map(rshift, compress(owned, map(and_, owned, ones)), ones))  # C-level, as above
        return direct, set(map(rshift, owned, ones)) - direct


def build(path: Path, *, readers: int = 2) -> TermOwners:
    """Every value's owner, read through connections of their own (read-only), so the cache's
    connection and its lock stay free for the window meanwhile. `readers` connections share the
    chunks: SQLite builds each answer outside the interpreter lock, so two cores do twice the
    work (~1 s for 4.3 million values on two)."""
    first = open_read_only(path)
    connections = [first]
    try:
        first.execute("BEGIN")  # the kept pages, their bound and the largest key: one snapshot
        newest = first.execute("SELECT max(key) FROM search_terms").fetchone()[0] or 0
        owners = TermOwners()
        owners.owners.frombytes(bytes(4 * (newest + 1)))
        kept = owner_pages.read_into(first, owners.owners) if newest else 0
        first.execute("COMMIT")
        low = min(kept, newest)
        count = (newest - low) // CHUNK_KEYS
        connections += [open_read_only(path) for _ in range(max(0, min(readers, count) - 1))]
        chunks = [(start, min(start + CHUNK_KEYS, newest)) for start in range(low, newest, CHUNK_KEYS)]
        with ThreadPoolExecutor(len(connections), thread_name_prefix="term-owners") as pool:
            done = [
                pool.submit(_read_chunks, owners, conn, chunks[place :: len(connections)])
                for place, conn in enumerate(connections)
            ]
            for each in done:
                each.result()
        owners.covered = newest  # rows added since are read by catch_up
        owners.kept = kept
    finally:
        for conn in connections:
            conn.close()
    return owners


def _read_chunks(owners: TermOwners, conn: sqlite3.Connection, chunks: list[tuple[int, int]]) -> None:
    # Each reader reads its own snapshot. Keys are never reused, so a value written meanwhile is
    # above `newest` (catch_up reads it); one deleted meanwhile never comes back from the index.
    for low, high in chunks:
        owners._read_chunk(conn, low, high)
