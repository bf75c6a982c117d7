"""What `linkmanager search` prints for a query of several words: the values behind each match.

storage.search_words decides which links match; here, within those links only, each word's
matching values (exact matches first, then in the order they were indexed, as storage.search
gives them), then what an amount, currency, status or outcome word matched. For a query of one
plain word this is exactly storage.search.search().
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from linkmanager.domain import jsontext
from linkmanager.domain.lifecycle import status_at
from linkmanager.domain.money import format_money
from linkmanager.domain.status import LinkStatus
from linkmanager.storage.cache_model import BY_KEYS, SearchHit, money_from, time_or_none
from linkmanager.storage.search import decode_hits, fts_phrase, like_pattern
from linkmanager.storage.search_query import Word

_COLUMNS = "SELECT t.key, t.link_key, t.usage_key, t.kind, t.label, t.value "
_ORDER = " ORDER BY t.value = ? COLLATE NOCASE DESC, t.key LIMIT ?"
_BY_INDEX = (
    _COLUMNS + "FROM search_index JOIN search_terms AS t ON t.key = search_index.rowid "
    "WHERE search_index MATCH ? AND t.link_key IN " + BY_KEYS + _ORDER
)
_BY_SCAN = (
    _COLUMNS + "FROM search_terms AS t WHERE t.value LIKE ? ESCAPE '\\' AND t.link_key IN " + BY_KEYS + _ORDER
)
_OUTCOMES_OF = "SELECT key, link_key FROM usages WHERE outcome = ?"
_LINK_FACTS = "SELECT key, amount, currency, status, current_usages, max_usages, expires_at FROM links"
_LINKS = _LINK_FACTS + " WHERE key IN " + BY_KEYS + " ORDER BY key"
_OUTCOME_USAGES = _OUTCOMES_OF + " AND link_key IN " + BY_KEYS + " ORDER BY key"


def key_list(values: Iterable[int]) -> str:
    """Row keys as one bound parameter (a JSON array, read back by BY_KEYS)."""
    return jsontext.dumps(sorted(set(values)))


def hits(
    conn: sqlite3.Connection,
    words: Sequence[Word],
    matched: Collection[int],
    amounts: Mapping[Decimal, Collection[int]],
    currencies: Collection[str],
    now: datetime,
    limit: int,
) -> list[SearchHit]:
    """Up to `limit` hits in the `matched` links, word by word in the order typed. `amounts`: the
    links of each amount word's amount; `currencies`: the currency words some link is in."""
    if not matched or limit <= 0:
        return []
    within = key_list(matched)
    rows: list[Sequence[Any]] = []
    seen: set[tuple[Any, ...]] = set()

    def add(found: Iterable[Sequence[Any]]) -> None:
        for row in found:
            if len(rows) < limit and tuple(row[1:]) not in seen:
                seen.add(tuple(row[1:]))
                rows.append(row)

    links: list[Any] | None = None
    for word in words:
        if word.currency not in currencies:  # a currency code held is not searched as text (search_query)
            text = (_BY_SCAN, like_pattern(word.text)) if word.short else (_BY_INDEX, fts_phrase(word.text))
            add(conn.execute(text[0], (text[1], within, word.text, limit)))
        if word.has_meaning and links is None:
            links = conn.execute(_LINKS, (within,)).fetchall()
        add(_meanings(conn, word, links or [], within, amounts, now))
        if len(rows) >= limit:
            break
    return decode_hits(conn, rows)


def _meanings(
    conn: sqlite3.Connection,
    word: Word,
    links: Sequence[Sequence[Any]],
    within: str,
    amounts: Mapping[Decimal, Collection[int]],
    now: datetime,
) -> Iterable[tuple[Any, ...]]:
    """Rows shaped as storage.search's for what the word means beyond its text."""
    amount_keys = amounts.get(word.amount, ()) if word.amount is not None else ()
    for key, amount, currency, status, used, most, expires in links:
        if key in amount_keys:
            yield (0, key, None, "amount", None, format_money(money_from(amount, currency)))
        if word.currency is not None and currency == word.currency:
            yield (0, key, None, "currency", None, currency)
        if word.statuses:
            judged = status_at(LinkStatus(status), used, most, time_or_none(expires), now)
            if judged in word.statuses:
                yield (0, key, None, "status", None, judged.label)
    for outcome in word.outcomes:
        rows = conn.execute(_OUTCOME_USAGES, (int(outcome), within))
        for usage_key, link_key in rows:
            yield (0, link_key, usage_key, "payment outcome", None, outcome.word)
