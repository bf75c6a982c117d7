"""storage.term_owners' array, kept in the cache file: a start reads it instead of working it out.

Working out every value's owner from search_terms costs SQLite a second and a half of work at
4.3 million values (100,000 links, 1,000,000 usages), on the same two cores that make the window's
rows. Kept here it is ~17 MB of pages read in a few tens of milliseconds.

`search_owner_pages` holds PAGE_KEYS owners a row (int32 little-endian, the packed form
term_owners holds: link key * 2 + 1 for a link's own value), and sync_meta's `owner_pages_upto`
says up to which search_terms key they are right. It stays right the way term_owners does: keys
are never reused, so values written later only ever add keys above it. storage.search.replace_terms,
the one writer of search_terms, appends the owners of the keys it gives while the pages are up to
date (upto is the key before its first); when they lag (a cache from before this table, or one
another writer got ahead of), the next prepare_search reads the missing keys the slow way and
saves the pages again. Nothing here is Lean's data: losing it costs one slow start.
"""

from __future__ import annotations

import sqlite3
import sys
import zlib
from array import array
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from linkmanager.storage.term_owners import TermOwners

PAGE_KEYS = 65_536  # owners a row: 256 KB
_READ_UPTO = "SELECT value FROM sync_meta WHERE key = 'owner_pages_upto'"
_SET_UPTO = (
    "INSERT INTO sync_meta (key, value) VALUES ('owner_pages_upto', ?) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)
_PUT_PAGE = "INSERT OR REPLACE INTO search_owner_pages (page, owners, crc) VALUES (?, ?, ?)"
_LITTLE = sys.byteorder == "little"


def upto(conn: sqlite3.Connection) -> int:
    """The key up to which the stored pages are right (0: none are)."""
    row = conn.execute(_READ_UPTO).fetchone()
    return int(row[0]) if row else 0


def read_into(conn: sqlite3.Connection, owners: array[int]) -> int:
    """Copy the stored owners of keys up to upto() into `owners` (as long as the largest key + 1);
    answers upto(). Call in a read transaction: the pages and their bound from one snapshot."""
    bound = min(upto(conn), len(owners) - 1)
    if bound <= 0:
        return 0
    for page, blob, crc in conn.execute(
        "SELECT page, owners, crc FROM search_owner_pages WHERE page <= ? ORDER BY page",
        (bound // PAGE_KEYS,),
    ):
        if not isinstance(blob, bytes) or zlib.crc32(blob) != crc:  # damaged: worked out again
            owners[: bound + 1] = array("i", bytes(4 * (bound + 1)))
            return 0
        stored = _from_bytes(blob)
        start = page * PAGE_KEYS
        end = min(start + len(stored), bound + 1)
        if end > start:
            owners[start:end] = stored[: end - start]
    return bound


def save(conn: sqlite3.Connection, owners: TermOwners) -> None:
    """Store the owners of the keys `owners` covers (all of them right, damaged pages mended),
    unless pages already reach further (another process saved after us). Call in a write
    transaction."""
    covered = owners.covered
    if covered < upto(conn):
        return
    for start in range(0, covered + 1, PAGE_KEYS):
        end = min(start + PAGE_KEYS, covered + 1)
        conn.execute(_PUT_PAGE, _row(start // PAGE_KEYS, owners.owners[start:end]))
    conn.execute(_SET_UPTO, (str(covered),))


def append(conn: sqlite3.Connection, first: int, packed: Sequence[int]) -> None:
    """The owners of keys first + 1, first + 2, ... were just written: add them to the pages when
    those are right up to `first`; otherwise leave them for the next prepare_search."""
    if not packed or upto(conn) != first:
        return
    place, last = 0, first + len(packed)
    key = first + 1
    while key <= last:
        page, offset = divmod(key, PAGE_KEYS)
        row = conn.execute("SELECT owners, crc FROM search_owner_pages WHERE page = ?", (page,)).fetchone()
        if row and (not isinstance(row[0], bytes) or zlib.crc32(row[0]) != row[1]):
            conn.execute(_SET_UPTO, ("0",))  # damaged: not appended to (its CRC would hide it)
            return
        stored = _from_bytes(row[0]) if row else array("i")
        take = min(PAGE_KEYS - offset, last + 1 - key)
        if len(stored) < offset:
            stored.frombytes(bytes(4 * (offset - len(stored))))  # keys never given: no owner
        del stored[offset:]
        stored.extend(packed[place : place + take])
        conn.execute(_PUT_PAGE, _row(page, stored))
        key += take
        place += take
    conn.execute(_SET_UPTO, (str(last),))


def _row(page: int, owners: array[int]) -> tuple[int, bytes, int]:
    blob = _to_bytes(owners)
    return page, blob, zlib.crc32(blob)  # checked on reading: ~15 ms for 17 MB


def _from_bytes(blob: bytes) -> array[int]:
    stored = array("i")
    stored.frombytes(blob[: len(blob) - len(blob) % 4])
    if not _LITTLE:
        stored.byteswap()
    return stored


def _to_bytes(owners: array[int]) -> bytes:
    if _LITTLE:
        return owners.tobytes()
    swapped = array("i", owners)
    swapped.byteswap()
    return swapped.tobytes()
