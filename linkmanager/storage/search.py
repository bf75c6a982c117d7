"""Full-text search over everything cached: ids, names, references, customers, payer-typed values.

FTS5's trigram tokenizer indexes every three-character window of a value, so any substring of
three or more characters is found (the middle of a phone number, part of an id, an Arabic word),
case-insensitively (Unicode case folding), with no language-specific word splitting to get wrong.
Shorter queries cannot use trigrams; they fall back to LIKE over the same values (case-insensitive
for ASCII only: SQLite's LIKE does not fold other scripts).

The user's text is never SQL or FTS syntax: it is bound as a parameter and wrapped as one FTS5
phrase with its double quotes doubled, so `"`, `*`, `NEAR(`, `AND`, `=HYPERLINK(...)` or `<b>`
are searched for as the characters they are.
"""

from __future__ import annotations

import logging
import sqlite3
import unicodedata
from collections.abc import Collection, Sequence
from typing import Any, cast

from linkmanager.domain import jsontext
from linkmanager.storage import owner_pages
from linkmanager.storage.cache_model import (
    BY_KEYS,
    SELECT_CACHED,
    SELECT_USAGES,
    SearchHit,
    clean,
    decode_cached,
    decode_usage,
    field_words,
)
from linkmanager.storage.term_owners import TermOwners

log = logging.getLogger(__name__)

TRIGRAM = 3  # the shortest query the index can answer


def normalise(text: str) -> str:
    """The query without surrounding spaces or invisible format marks (RLM, LRM, ZWSP pasted along with text).

    NUL is dropped: FTS5 reads a query as a C string and would see a phrase cut short.
    """
    text = clean(text).replace("\x00", "").strip()
    start, end = 0, len(text)
    while start < end and unicodedata.category(text[start]) == "Cf":
        start += 1
    while end > start and unicodedata.category(text[end - 1]) == "Cf":
        end -= 1
    return text[start:end].strip()


def fts_phrase(text: str) -> str:
    """One FTS5 phrase: inside double quotes nothing is an operator, and a quote is written twice."""
    return '"' + text.replace('"', '""') + '"'


def like_pattern(text: str) -> str:
    """A LIKE pattern for "contains `text`", with %, _ and the escape character taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# Exact matches first (a pasted id or phone number), then the order the values were indexed in.
_BY_INDEX = (
    "SELECT t.key, t.link_key, t.usage_key, t.kind, t.label, t.value "
    "FROM search_index JOIN search_terms AS t ON t.key = search_index.rowid "
    "WHERE search_index MATCH ? ORDER BY t.value = ? COLLATE NOCASE DESC, t.key LIMIT ?"
)
_BY_SCAN = (
    "SELECT t.key, t.link_key, t.usage_key, t.kind, t.label, t.value "
    "FROM search_terms AS t WHERE t.value LIKE ? ESCAPE '\\' "
    "ORDER BY t.value = ? COLLATE NOCASE DESC, t.key LIMIT ?"
)


def find_terms(conn: sqlite3.Connection, text: str, limit: int) -> list[Any]:
    """The matching search_terms rows: (key, link_key, usage_key, kind, label, value)."""
    query = normalise(text)
    if not query or limit <= 0:
        return []
    if len(query) >= TRIGRAM:
        rows = conn.execute(_BY_INDEX, (fts_phrase(query), query, limit)).fetchall()
    else:
        rows = conn.execute(_BY_SCAN, (like_pattern(query), query, limit)).fetchall()
    log.debug("search for %d characters: %d values", len(query), len(rows))  # never the text: payer data
    return rows


# Which links match, and whether any match was in the link's own fields: one row per link key,
# grouped in SQL, nothing ordered and no value read back. The window filters on this; decoding
# every hit (what search() does) cost seconds over 100,000 links. Keys, not ids: looking up
# 18,000 ids in the wide links table doubled the broadest search (45 ms of 90 at 100,000 links).
_LINK_KEYS = "SELECT t.link_key, max(t.usage_key IS NULL) {source} GROUP BY t.link_key"
_KEYS_BY_INDEX = _LINK_KEYS.format(
    source="FROM search_index JOIN search_terms AS t ON t.key = search_index.rowid WHERE search_index MATCH ?"
)
_KEYS_BY_SCAN = _LINK_KEYS.format(source="FROM search_terms AS t WHERE t.value LIKE ? ESCAPE '\\'")
_KEYS_WITHIN = _LINK_KEYS.format(
    source="FROM search_terms AS t WHERE t.link_key IN " + BY_KEYS + " AND t.value LIKE ? ESCAPE '\\'"
)


def find_link_keys(
    conn: sqlite3.Connection, text: str, owners: TermOwners | None = None
) -> tuple[list[int], list[int]]:
    """(keys of links matched in their own fields, keys of links matched only through a usage).

    The same matching as find_terms (the same quoting, the same scan below three characters),
    but every match, not the first `limit` values.
    """
    direct, via_usage = link_key_sets(conn, normalise(text), owners)
    return list(direct), list(via_usage)


def link_key_sets(
    conn: sqlite3.Connection, query: str, owners: TermOwners | None = None, *, within: str | None = None
) -> tuple[set[int], set[int]]:
    """find_link_keys for a query already normalised, as sets; `within` (a JSON array of link
    keys) limits a short query's scan to those links' values (through search_terms_by_owner)."""
    direct: set[int] = set()
    via_usage: set[int] = set()
    if not query:
        return direct, via_usage
    if len(query) >= TRIGRAM and owners is not None:
        owners.catch_up(conn)
        return owners.link_keys(conn, fts_phrase(query))
    if len(query) >= TRIGRAM:
        rows = conn.execute(_KEYS_BY_INDEX, (fts_phrase(query),))
    elif within is not None:
        rows = conn.execute(_KEYS_WITHIN, (within, like_pattern(query)))
    else:
        rows = conn.execute(_KEYS_BY_SCAN, (like_pattern(query),))
    for link_key, is_direct in rows:
        (direct if is_direct else via_usage).add(link_key)
    log.debug("search for %d characters: %d links", len(query), len(direct) + len(via_usage))
    return direct, via_usage


# --- keeping the index in step ----------------------------------------------------------

Owner = tuple[int, int | None]  # (link key, usage key or None for the link's own fields)
Term = tuple[str, str | None, str]  # (kind, identifier label, value)

_INSERT_TERM = (
    "INSERT INTO search_terms (key, link_key, usage_key, kind, label, value) VALUES (?, ?, ?, ?, ?, ?)"
)
_MAX_KEY = "SELECT coalesce(max(key), 0) FROM search_terms"
_HIGH_KEY = "search_terms_high"  # in sync_meta: the largest search_terms key ever given
_SET_HIGH = (
    "INSERT INTO sync_meta (key, value) VALUES ('search_terms_high', ?) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)


def replace_terms(
    conn: sqlite3.Connection,
    owners: Sequence[tuple[Owner, Sequence[Term]]],
    new: Collection[Owner] = frozenset(),
) -> None:
    """Make each owner's searchable values exactly `terms`, in search_terms and the FTS index alike.

    Runs in the caller's transaction. The FTS side is written with one statement per batch,
    not by triggers (see storage.schema), so it must never be skipped: every write of
    search_terms goes through here. Owners in `new` were inserted in this transaction and hold
    no values yet: their look-up is skipped (most of a first sync's writes).
    """
    if not owners:
        return
    # Keys go on from the largest ever given, never reusing a deleted one: TermOwners in memory
    # (here or in another process) would otherwise map a reused key to its old link.
    held = conn.execute("SELECT value FROM sync_meta WHERE key = ?", (_HIGH_KEY,)).fetchone()
    first = max(int(held[0]) if held else 0, conn.execute(_MAX_KEY).fetchone()[0])
    stale: list[int] = []
    for (link_key, usage_key), _ in owners:
        if (link_key, usage_key) in new:
            continue
        stale.extend(
            row[0]
            for row in conn.execute(
                "SELECT key FROM search_terms WHERE link_key = ? AND usage_key IS ?", (link_key, usage_key)
            )
        )
    if stale:
        keys = _keys(stale)
        conn.execute(
            "INSERT INTO search_index (search_index, rowid, value) "
            "SELECT 'delete', key, value FROM search_terms WHERE key IN (SELECT value FROM json_each(?))",
            (keys,),
        )
        conn.execute("DELETE FROM search_terms WHERE key IN (SELECT value FROM json_each(?))", (keys,))
    rows = [(link_key, usage_key, *term) for (link_key, usage_key), terms in owners for term in terms]
    conn.executemany(_INSERT_TERM, [(first + place, *row) for place, row in enumerate(rows, start=1)])
    conn.execute(_SET_HIGH, (str(first + len(rows)),))
    owner_pages.append(conn, first, [link_key * 2 + (usage_key is None) for link_key, usage_key, *_ in rows])
    conn.execute(
        "INSERT INTO search_index (rowid, value) SELECT key, value FROM search_terms WHERE key > ?", (first,)
    )


def _keys(values: Sequence[int]) -> str:
    return jsontext.dumps(sorted(set(values)))


def search(conn: sqlite3.Connection, text: str, limit: int) -> list[SearchHit]:
    """Hits naming the link, the usage when the match was in one, the field and its whole value.

    One hit per matching value: a usage whose e-mail and name both match gives two hits.
    """
    return decode_hits(conn, find_terms(conn, text, limit))


def decode_hits(conn: sqlite3.Connection, terms: Sequence[Sequence[Any]]) -> list[SearchHit]:
    """SearchHits for rows shaped as find_terms gives them: (key, link_key, usage_key, kind, label, value)."""
    if not terms:
        return []
    links = {
        row[-1]: decode_cached(row)
        for row in conn.execute(
            SELECT_CACHED + " WHERE key IN " + BY_KEYS,
            (_keys([term[1] for term in terms]),),
        )
    }
    usage_keys = [term[2] for term in terms if term[2] is not None]
    usages = {}
    if usage_keys:
        usages = {
            row[-1]: decode_usage(row)
            for row in conn.execute(
                SELECT_USAGES + " WHERE u.key IN " + BY_KEYS,
                (_keys(usage_keys),),
            )
        }
    return [
        SearchHit(
            link=links[link_key],
            usage=None if usage_key is None else usages[usage_key],
            field=field_words(kind, label),
            value=value,
        )
        for _, link_key, usage_key, kind, label, value in terms
    ]


def link_ids(
    conn: sqlite3.Connection, text: str, owners: TermOwners | None, ids: Sequence[str | None]
) -> tuple[set[str], set[str]]:
    """find_link_keys as link ids (`ids`: every link's id by row key; every key found is a link's)."""
    direct, via_usage = link_key_sets(conn, normalise(text), owners)
    found = set(map(ids.__getitem__, direct)), set(map(ids.__getitem__, via_usage))
    return cast(tuple[set[str], set[str]], found)
