"""The cache's reads for the Payments view: every usage as a few numbers, and texts by key.

A million usages read as rows of Python objects cost ~2 s and hundreds of megabytes; the view
needs five numbers per usage (key, link, when first seen, outcome, "seen before") to filter, sort
and total, and texts only for the rows on screen. So each column arrives as one text that SQLite
joins (group_concat) and numpy parses: ~0.5 s and ~30 MB at 1,000,000 usages. A row whose numbers
SQLite cannot make (a damaged time) drops out of the concatenation: it costs that row, not the view.
Functions here run inside LinkCache.read / read_beside (one consistent snapshot).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from linkmanager.domain import jsontext
from linkmanager.storage import search_query
from linkmanager.storage.cache_model import SELECT_USAGES
from linkmanager.storage.search import fts_phrase, like_pattern

Ints = npt.NDArray[np.int64]

# Every usage's numbers, read from the covering index usages_by_seen in its order (first seen,
# then key): one text per column, ~0.15 s each at 1,000,000 usages where the wide rows take ~1 s.
# The times come as runs (one per sync that found usages), not as a million texts to parse.
_IN_SEEN_ORDER = "SELECT group_concat(v) FROM (SELECT {column} AS v FROM usages ORDER BY first_seen_at, key)"
_PACKED = "key * 16 + outcome * 2 + seen_before"  # outcome codes are below 8
_LINK_KEYS = "link_key"
_SEEN_RUNS = "SELECT coalesce(unixepoch(first_seen_at), -1), count(*) FROM usages GROUP BY first_seen_at ORDER BY first_seen_at"


# What a row on screen shows of its usage; identifiers as stored (a JSON list of lists).
_USAGE_TEXTS = (
    "SELECT key, usage_id, usage_status, payment_status, payment_id, customer_id, identifiers "
    "FROM usages WHERE key IN (SELECT value FROM json_each(?))"
)
_USAGES_BY_KEY = SELECT_USAGES + " WHERE u.key IN (SELECT value FROM json_each(?))"  # noqa: S608
_CHUNK = 5_000

# Text columns a sort can ask SQLite to order (NULLs last, case-insensitive, ties by key).
USAGE_TEXT_COLUMNS: tuple[str, ...] = (
    "usage_id",
    "usage_status",
    "payment_status",
    "payment_id",
    "customer_id",
)


@dataclass(frozen=True, slots=True)
class UsageNumbers:
    keys: Ints
    link_keys: Ints
    seen: Ints  # Unix seconds, UTC
    outcome: npt.NDArray[np.int8]
    seen_before: npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class LinkFacts:
    """What the Payments view needs of every link with usages, held for all of them at once: no
    texts (a link's name, reference and id are read for the rows shown, link_texts)."""

    key: int
    amount: str  # str(Decimal), as stored
    currency: str
    status: str  # as stored; with the two facts status_at needs:
    limit_reached: bool
    expired: bool


@dataclass(frozen=True, slots=True)
class LinkTexts:
    id: str
    name: str | None
    reference: str


@dataclass(frozen=True, slots=True)
class UsageTexts:
    usage_id: str
    usage_status: str
    payment_status: str | None
    payment_id: str | None
    customer_id: str | None
    first_value: str | None  # the first value the payer typed, as plain text


def _ints(text: str | None, columns: int = 1) -> Ints:
    if not text:
        return np.zeros((0, columns) if columns > 1 else 0, dtype=np.int64)
    parsed = np.fromstring(text, dtype=np.int64, sep=",")  # C-level: no million Python strings
    return parsed.reshape(-1, columns) if columns > 1 else parsed


def usage_numbers(conn: sqlite3.Connection) -> UsageNumbers:
    packed = _ints(conn.execute(_IN_SEEN_ORDER.format(column=_PACKED)).fetchone()[0])
    link_keys = _ints(conn.execute(_IN_SEEN_ORDER.format(column=_LINK_KEYS)).fetchone()[0])
    runs = conn.execute(_SEEN_RUNS).fetchall()
    seen = np.repeat(
        np.array([run[0] for run in runs], dtype=np.int64), np.array([run[1] for run in runs], dtype=np.int64)
    )
    if not len(packed) == len(link_keys) == len(seen):  # cannot happen in one snapshot
        raise sqlite3.DatabaseError("the usages changed while they were read")
    readable = seen >= 0  # a damaged time costs its usage
    by_key = np.argsort(packed[readable] >> 4, kind="stable")
    packed, link_keys, seen = packed[readable][by_key], link_keys[readable][by_key], seen[readable][by_key]
    return UsageNumbers(
        keys=packed >> 4,
        link_keys=link_keys,
        seen=seen,
        outcome=((packed >> 1) & 7).astype(np.int8),
        seen_before=(packed & 1).astype(np.bool_),
    )


def usage_numbers_of(conn: sqlite3.Connection, keys: Sequence[int]) -> UsageNumbers:
    """usage_numbers() for a few usages (a first screenful), in key order."""
    rows = conn.execute(
        "SELECT key, link_key, coalesce(unixepoch(first_seen_at), -1), outcome, seen_before FROM usages "
        "WHERE key IN (SELECT value FROM json_each(?)) ORDER BY key",
        (jsontext.dumps([int(key) for key in keys]),),
    ).fetchall()
    table = np.array([row for row in rows if row[2] >= 0], dtype=np.int64).reshape(-1, 5)
    return UsageNumbers(
        keys=table[:, 0].copy(),
        link_keys=table[:, 1].copy(),
        seen=table[:, 2].copy(),
        outcome=table[:, 3].astype(np.int8),
        seen_before=table[:, 4].astype(np.bool_),
    )


_LINK_FACTS = (
    "SELECT key, amount, currency, status, max_usages IS NOT NULL AND current_usages >= max_usages, "
    "ifnull(expires_at <= ?, 0) FROM links WHERE key IN "
)


def link_facts(conn: sqlite3.Connection, now: str, keys: Sequence[int] | None = None) -> list[LinkFacts]:
    """Every link that has usages (a link without any is no row of the Payments view), or the
    links of `keys`; `now` as stored time text: whether its expiry has passed."""
    if keys is None:
        rows = conn.execute(_LINK_FACTS + "(SELECT DISTINCT link_key FROM usages)", (now,)).fetchall()  # noqa: S608
    else:
        chosen = jsontext.dumps(sorted({int(key) for key in keys}))
        rows = conn.execute(_LINK_FACTS + "(SELECT value FROM json_each(?))", (now, chosen)).fetchall()  # noqa: S608
    return [
        LinkFacts(key, amount, currency, status, bool(full), bool(gone))
        for key, amount, currency, status, full, gone in rows
    ]


def link_texts(conn: sqlite3.Connection, keys: Iterable[int]) -> dict[int, LinkTexts]:
    wanted = sorted({int(key) for key in keys})
    found: dict[int, LinkTexts] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = jsontext.dumps(wanted[start : start + _CHUNK])
        for key, id_, name, reference in conn.execute(
            "SELECT key, id, name, reference FROM links WHERE key IN (SELECT value FROM json_each(?))",
            (chunk,),
        ):
            found[key] = LinkTexts(id_, name, reference)
    return found


def link_name_order(conn: sqlite3.Connection, by: str) -> list[tuple[int, str]]:
    """(key, text) of every link with usages, `by` "name" (the name, else the reference) or
    "reference": the view sorts them by the app's text rule (domain.sorting), which SQL cannot."""
    value = "coalesce(nullif(name, ''), reference)" if by == "name" else "reference"
    return conn.execute(
        f"SELECT key, {value} FROM links WHERE key IN (SELECT DISTINCT link_key FROM usages)"  # noqa: S608
    ).fetchall()


def _first_value(identifiers: str) -> str | None:
    try:
        values = jsontext.loads(identifiers)
        first = values[0][2] if values else None
    except (ValueError, TypeError, IndexError, KeyError):
        return None  # a damaged list costs this cell, not the row
    return first if isinstance(first, str) else None


def usage_texts(conn: sqlite3.Connection, keys: Iterable[int]) -> dict[int, UsageTexts]:
    wanted = sorted({int(key) for key in keys})
    found: dict[int, UsageTexts] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = jsontext.dumps(wanted[start : start + _CHUNK])
        for key, usage_id, status, payment_status, payment_id, customer_id, identifiers in conn.execute(
            _USAGE_TEXTS, (chunk,)
        ):
            found[key] = UsageTexts(
                usage_id, status, payment_status, payment_id, customer_id, _first_value(identifiers)
            )
    return found


def usage_rows(conn: sqlite3.Connection, keys: Sequence[int]) -> dict[int, Any]:
    """Whole usages by key (cache_model.SELECT_USAGES rows) for exports and JSON."""
    found: dict[int, Any] = {}
    for start in range(0, len(keys), _CHUNK):
        chunk = jsontext.dumps([int(key) for key in keys[start : start + _CHUNK]])
        for row in conn.execute(_USAGES_BY_KEY, (chunk,)):
            found[row[-1]] = row
    return found


def text_order(conn: sqlite3.Connection, column: str) -> tuple[Ints, int]:
    """Usage keys ordered by one text column ("payer": the first value the payer typed),
    case-insensitive, ties by key, the usages without a value last; and how many have one."""
    if column == "payer":
        value = "json_extract(identifiers, '$[0][2]')"
    elif column in USAGE_TEXT_COLUMNS:
        value = column
    else:
        raise ValueError(f"not a usage text column: {column!r}")
    text, present = conn.execute(
        f"SELECT group_concat(key), count(v) FROM (SELECT key, {value} AS v FROM usages "  # noqa: S608 - known names
        "ORDER BY v IS NULL, v COLLATE NOCASE, key)"
    ).fetchone()
    return _ints(text), int(present or 0)


_SEARCH_HITS = {
    True: "SELECT t.link_key, t.usage_key FROM search_index JOIN search_terms AS t "
    "ON t.key = search_index.rowid WHERE search_index MATCH ?",
    False: "SELECT t.link_key, t.usage_key FROM search_terms AS t WHERE t.value LIKE ? ESCAPE '\\'",
}


def search_usage_keys(conn: sqlite3.Connection, text: str) -> Ints:
    """Usages matching every word of `text` (storage.search_query's words: any order, "quoted
    phrases" as written), each in the usage's own values or its link's fields (a link's name or
    reference finds all its payments); an outcome word ("collected", "pending", "failed") also
    finds the usages of that outcome. Words under three characters are searched only when no
    longer one is there: alone they are a scan of every value, beside one they add little."""
    words = search_query.parse(text)
    if not words:
        return np.zeros(0, dtype=np.int64)
    long_words = [w for w in words if not w.short]
    found: Ints | None = None
    for word in long_words or words:
        keys = _word_usage_keys(conn, word)
        found = keys if found is None else np.intersect1d(found, keys, assume_unique=True)
        if not len(found):
            break
    return found if found is not None else np.zeros(0, dtype=np.int64)


def _word_usage_keys(conn: sqlite3.Connection, word: search_query.Word) -> Ints:
    indexed = not word.short
    found = conn.execute(
        f"WITH hits AS ({_SEARCH_HITS[indexed]}) SELECT group_concat(key) FROM ("  # noqa: S608 - fixed statements
        "SELECT usage_key AS key FROM hits WHERE usage_key IS NOT NULL UNION "
        "SELECT key FROM usages WHERE link_key IN (SELECT link_key FROM hits WHERE usage_key IS NULL))",
        (fts_phrase(word.text) if indexed else like_pattern(word.text),),
    ).fetchone()[0]
    keys = _ints(found)
    for outcome in word.outcomes:
        with_outcome = conn.execute(
            "SELECT group_concat(key) FROM usages WHERE outcome = ?", (int(outcome),)
        ).fetchone()[0]
        keys = np.concatenate([keys, _ints(with_outcome)])
    return np.unique(keys)


def first_payments(conn: sqlite3.Connection, limit: int) -> Ints:
    """The newest usages first (the view's default order), from the index: a first screenful
    before every usage is read."""
    rows = conn.execute(
        "SELECT key FROM usages ORDER BY first_seen_at DESC, key DESC LIMIT ?", (limit,)
    ).fetchall()
    return np.array([row[0] for row in rows], dtype=np.int64)
