"""Which link each indexed value belongs to, held in memory: a search without the join.

The FTS index answers a query with the keys of the matching `search_terms` rows in milliseconds;
turning 24,000 of them into links through SQL (one B-tree lookup each) took ~55 ms at 100,000
links and 1,000,000 usages, most of the broadest search. Here each key's link sits in an array
(4 bytes a value: ~17 MB for 4.3 million values) and whether the value is one of the link's own
fields in a bytearray, so that step is a few milliseconds of indexing.

It stays right because search_terms keys are never reused (storage.search.replace_terms gives
keys above the largest ever given): a deleted value's key is stale here but never comes back from
the index, and values added since, by this process or another, are read before each use
(catch_up: the rows above the largest key covered).
"""

from __future__ import annotations

import sqlite3
from array import array
from collections.abc import Iterable
from itertools import compress
from pathlib import Path

from linkmanager.storage.cache_files import open_read_only

_CHUNK = 20_000
_ROWS_ABOVE = "SELECT key, link_key, usage_key IS NULL FROM search_terms WHERE key > ? ORDER BY key"
_MATCHING_KEYS = "SELECT rowid FROM search_index WHERE search_index MATCH ?"


class TermOwners:
    """search_terms key -> link key, and whether the value is the link's own (not a payer's)."""

    __slots__ = ("covered", "links", "own")

    def __init__(self) -> None:
        self.links = array("i")
        self.own = bytearray()
        self.covered = 0  # every key up to this one is held

    def _add(self, rows: Iterable[tuple[int, int, int]]) -> None:
        links, own = self.links, self.own
        for key, link_key, is_own in rows:
            if key >= len(links):  # added between the max() and the read
                grow = key + 1 - len(links)
                links.frombytes(bytes(4 * grow))
                own.extend(bytes(grow))
            links[key] = link_key
            own[key] = is_own
            self.covered = key

    def read_above(self, conn: sqlite3.Connection) -> None:
        """Take in every row above the keys covered: room made once, rows read a chunk at a time
        (a whole fetchall of 4 million rows would cost hundreds of megabytes on the way)."""
        newest = conn.execute("SELECT max(key) FROM search_terms").fetchone()[0] or 0
        if newest >= len(self.links):
            missing = newest + 1 - len(self.links)
            self.links.frombytes(bytes(4 * missing))
            self.own.extend(bytes(missing))
        cursor = conn.execute(_ROWS_ABOVE, (self.covered,))
        for rows in iter(lambda: cursor.fetchmany(_CHUNK), []):
            self._add(rows)

    def catch_up(self, conn: sqlite3.Connection) -> None:
        """Values added since (here or by another process): one indexed max() when there are none."""
        newest = conn.execute("SELECT max(key) FROM search_terms").fetchone()[0]
        if newest is not None and newest > self.covered:
            self.read_above(conn)

    def link_keys(self, conn: sqlite3.Connection, phrase: str) -> tuple[set[int], set[int]]:
        """(links with a match in their own fields, links with a match in a payer's value) for an
        FTS phrase; call catch_up first, in the same read transaction."""
        keys = [row[0] for row in conn.execute(_MATCHING_KEYS, (phrase,))]
        links, own = self.links, self.own
        matched = set(map(links.__getitem__, keys))
        direct = set(map(links.__getitem__, compress(keys, map(own.__getitem__, keys))))
        return direct, matched - direct


def build(path: Path) -> TermOwners:
    """Every value's owner, read through a connection of its own (read-only), so the cache's
    connection and its lock stay free for the window meanwhile: ~4 s at 4.3 million values."""
    owners = TermOwners()
    conn = open_read_only(path)  # immutable on a read-only medium, where mode=ro alone cannot open
    try:
        owners.read_above(conn)
    finally:
        conn.close()
    return owners
