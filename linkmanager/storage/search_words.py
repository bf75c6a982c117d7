"""Search as people type it: storage.search_query's rules (every word, any order, amounts,
status and outcome words) run against one cache, for the window and `linkmanager search` alike.

Each word is answered on its own, exactly as a one-phrase search is (storage.search: the FTS5
trigram index, or a LIKE scan under three characters), and the answers are intersected as sets
of link keys: a query costs about the sum of its words, never a join of them. A word shorter than
three characters is answered last, by a scan of the values of the links the longer words found
only (search_terms_by_owner); with `short_limit`, it is skipped (and named in the answer) when
they are more links than that, rather than scanning a million values on a keystroke.

A link is matched "directly" when every word matched the link itself (its own fields, amount,
currency or status), and "through a usage" when some word matched only what a payer entered or a
payment's outcome; matched_usages() names those usages for the link shown.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from array import array
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import cast

from linkmanager.domain.lifecycle import status_at
from linkmanager.domain.models import ensure_utc, utc_now
from linkmanager.domain.outcome import Outcome
from linkmanager.domain.status import LinkStatus
from linkmanager.storage import search
from linkmanager.storage.cache import LinkCache, SearchHit
from linkmanager.storage.cache_model import BY_KEYS, time_text
from linkmanager.storage.link_facts import LinkFacts, amount_keys_by_scan, currency_keys_by_scan
from linkmanager.storage.search_hits import hits, key_list
from linkmanager.storage.search_query import Word, parse
from linkmanager.storage.search_suggest import Suggestions
from linkmanager.storage.term_owners import TermOwners

log = logging.getLogger(__name__)

SHORT_WORD_LINKS = 200  # the window's bound for a short word's scan (~15 ms of values at most)
# What changes when any usage's outcome may have: a new usage, a status change (usage_history),
# a payment id given (its values are indexed again, under new search_terms keys).
_USAGES_MARK = (
    "SELECT (SELECT max(key) FROM usages), (SELECT max(key) FROM usage_history), "
    "(SELECT value FROM sync_meta WHERE key = 'search_terms_high')"
)
_FULL = "(max_usages IS NOT NULL AND current_usages >= max_usages)"
_USAGES_MATCHING = (
    "SELECT DISTINCT t.usage_key FROM search_terms AS t WHERE t.link_key = ? AND t.usage_key IS NOT NULL "
    "AND t.key IN (SELECT rowid FROM search_index WHERE search_index MATCH ?)"
)
_USAGES_LIKE = (
    "SELECT DISTINCT usage_key FROM search_terms WHERE link_key = ? AND usage_key IS NOT NULL "
    "AND value LIKE ? ESCAPE '\\'"
)


@dataclass(frozen=True, slots=True)
class LinkSearch:
    """Which links a query matches, by id: what the window filters its table on."""

    text: str
    direct: set[str] = field(default_factory=set)  # every word matched the link itself
    via_usage: set[str] = field(default_factory=set)  # some word matched only a usage (a payer, an outcome)
    skipped: tuple[str, ...] = ()  # words under three characters not searched: too many links to scan

    @property
    def ids(self) -> set[str]:
        return self.direct | self.via_usage


@dataclass(slots=True)
class _Keys:
    applied: bool = False  # some word was searched for
    direct: set[int] = field(default_factory=set)  # every word so far matched the link itself
    via_usage: set[int] = field(default_factory=set)  # the others every word so far matched
    skipped: list[str] = field(default_factory=list)

    def add(self, own: set[int], via: set[int]) -> None:
        """One more word: (links it matched themselves, links it matched only through a usage)."""
        if not self.applied:
            self.applied, self.direct, self.via_usage = True, own, via
            return
        matched = (self.direct | self.via_usage) & (own | via)
        self.direct &= own
        self.via_usage = matched - self.direct

    @property
    def matched(self) -> set[int]:
        return self.direct | self.via_usage


class WordSearch:
    """The rules of storage.search_query over `cache`, with what makes them fast held in memory:
    amounts and currencies (storage.link_facts), which links have which outcome, name words."""

    def __init__(self, cache: LinkCache, clock: Callable[[], datetime] = utc_now) -> None:
        self._cache = cache
        self._clock = clock
        self._facts = LinkFacts()
        self._building = threading.Lock()
        self._outcomes: dict[Outcome, tuple[tuple[object, ...], array[int]]] = {}
        self._suggestions = Suggestions()

    def prepare(self) -> None:
        """Read every link's amount and currency (~0.35 s at 100,000 links) on a connection of its
        own: call it once on a worker. Until then (and in the command line, which never does) an
        amount or currency word costs a scan of the links instead (~30 ms at 100,000)."""
        with self._building:
            if not self._facts.ready:
                self._cache.read_beside("prepare the search", self._facts.build)

    # -- the questions ----------------------------------------------------------------------------

    def find(self, text: str, *, short_limit: int | None = None) -> LinkSearch:
        """The links matching every word of `text` (storage.search_query's rules), by id."""
        words = parse(text)
        if not words:
            return LinkSearch(text)
        now = ensure_utc(self._clock())

        def work(conn: sqlite3.Connection, owners: TermOwners | None, ids: list[str | None]) -> LinkSearch:
            keys = self._keys(conn, words, owners, now, short_limit)
            direct = set(map(ids.__getitem__, keys.direct))  # every key found is a link's
            via_usage = set(map(ids.__getitem__, keys.via_usage))
            return LinkSearch(text, cast(set[str], direct), cast(set[str], via_usage), tuple(keys.skipped))

        return self._cache.searching(work)

    def matched_usages(self, text: str, link_id: str) -> list[str]:
        """The usages of `link_id` that hold a match for a word of `text` (a payer's value, or the
        outcome a word names), by id: those matching the most words first, then in Lean's order."""
        words = parse(text)
        if not words:
            return []

        def work(conn: sqlite3.Connection, _owners: TermOwners | None, _ids: list[str | None]) -> list[str]:
            row = conn.execute("SELECT key FROM links WHERE id = ?", (link_id,)).fetchone()
            if row is None:
                return []
            link_key = row[0]
            counts: dict[int, int] = {}
            for word in words:
                for usage_key in _usages_of_word(conn, link_key, word):
                    counts[usage_key] = counts.get(usage_key, 0) + 1
            if not counts:
                return []
            order = conn.execute(
                "SELECT key, usage_id FROM usages WHERE link_key = ? ORDER BY position", (link_key,)
            ).fetchall()
            ranked = sorted(
                (-counts[key], place, usage_id)
                for place, (key, usage_id) in enumerate(order)
                if key in counts
            )
            return [usage_id for *_, usage_id in ranked]

        return self._cache.searching(work)

    def suggest(self, text: str, limit: int = 3) -> list[str]:
        """Up to `limit` link names close to what was typed, for a query that matched nothing:
        each word that no name holds is replaced by the nearest words names hold (difflib)."""
        words = parse(text)
        if not words:
            return []
        fixable = [word for word in words if not word.has_meaning]  # those are words, not typos
        return self._cache.read("suggest", lambda conn: self._suggestions.suggest(conn, fixable, limit))

    def hits(self, text: str, limit: int) -> list[SearchHit]:
        """SearchHits for `linkmanager search`: in the links every word matches, each value that
        matches a word, and for an amount, currency, status or outcome word what it matched."""
        words = parse(text)
        if not words or limit <= 0:
            return []
        now = ensure_utc(self._clock())

        def work(
            conn: sqlite3.Connection, owners: TermOwners | None, _ids: list[str | None]
        ) -> list[SearchHit]:
            keys = self._keys(conn, words, owners, now, None)
            amounts = {w.amount: self._amount_keys(conn, w.amount) for w in words if w.amount is not None}
            held = {w.currency for w in words if w.currency and self._currency_keys(conn, w.currency)}
            return hits(conn, words, keys.matched, amounts, held, now, limit)

        return self._cache.searching(work)

    # -- one word, then all of them ---------------------------------------------------------------

    def _amount_keys(self, conn: sqlite3.Connection, amount: Decimal) -> set[int]:
        return self._facts.amount_keys(amount) if self._facts.ready else amount_keys_by_scan(conn, amount)

    def _currency_keys(self, conn: sqlite3.Connection, code: str) -> set[int]:
        return self._facts.currency_keys(code) if self._facts.ready else currency_keys_by_scan(conn, code)

    def _keys(
        self,
        conn: sqlite3.Connection,
        words: Sequence[Word],
        owners: TermOwners | None,
        now: datetime,
        short_limit: int | None,
    ) -> _Keys:
        if self._facts.ready and any(w.amount is not None or w.currency for w in words):
            self._facts.catch_up(conn)  # links added since it was read
        keys = _Keys()
        for word in sorted(words, key=lambda w: w.short):  # long words first: they narrow the scan
            within = None
            if word.short and keys.applied:
                if short_limit is not None and len(keys.direct) + len(keys.via_usage) > short_limit:
                    keys.skipped.append(word.text)
                    continue
                within = key_list(keys.matched)
            elif word.short and short_limit is not None:
                keys.skipped.append(word.text)  # only short words: a scan of every value
                continue
            keys.add(*self._word_keys(conn, word, owners, now, within))
            if not (keys.direct or keys.via_usage):
                break
        return keys

    def _word_keys(
        self,
        conn: sqlite3.Connection,
        word: Word,
        owners: TermOwners | None,
        now: datetime,
        within: str | None,
    ) -> tuple[set[int], set[int]]:
        """(links the word matched themselves, links it matched only through a usage)."""
        if word.currency and (in_currency := self._currency_keys(conn, word.currency)):
            return in_currency, set()  # not as text: "aed" is in many an id's hex digits
        own, via = search.link_key_sets(conn, word.text, owners, within=within)  # disjoint
        if not word.has_meaning:
            return own, via
        if word.amount is not None:
            own |= self._amount_keys(conn, word.amount)
        if word.statuses:
            own |= status_keys(conn, word.statuses, now)
        for outcome in word.outcomes:
            via |= self._outcome_keys(conn, outcome)
        return own, via - own

    def _outcome_keys(self, conn: sqlite3.Connection, outcome: Outcome) -> set[int]:
        """Links with a usage of `outcome`: a scan of a million usages (~0.1 s), so kept until a
        usage is added or changes (the marks of _USAGES_MARK)."""
        mark = tuple(conn.execute(_USAGES_MARK).fetchone())
        held = self._outcomes.get(outcome)
        if held is None or held[0] != mark:
            rows = conn.execute("SELECT DISTINCT link_key FROM usages WHERE outcome = ?", (int(outcome),))
            held = self._outcomes[outcome] = (mark, array("i", (row[0] for row in rows)))
        return set(held[1])


def status_keys(conn: sqlite3.Connection, statuses: Collection[LinkStatus], now: datetime) -> set[int]:
    """Links whose effective status at `now` is one of `statuses`. SQL tells apart the three kinds
    of link domain.lifecycle.status_at looks at (limit reached; else expiry passed; else neither)
    for each status stored; the rule itself decides which kinds are wanted (as status_counts does)."""
    moment = time_text(now)
    passed = now - timedelta(seconds=1)
    parts: list[str] = []
    params: list[object] = []
    for (stored,) in conn.execute("SELECT DISTINCT status FROM links").fetchall():
        status = LinkStatus(stored)
        kinds = (
            (_FULL, (), status_at(status, 1, 1, None, now)),
            (f"NOT {_FULL} AND expires_at <= ?", (moment,), status_at(status, 0, None, passed, now)),
            (
                f"NOT {_FULL} AND (expires_at IS NULL OR expires_at > ?)",
                (moment,),
                status_at(status, 0, None, None, now),
            ),
        )
        for condition, values, judged in kinds:
            if judged in statuses:
                parts.append(f"(status = ? AND {condition})")
                params += [stored, *values]
    if not parts:
        return set()
    sql = "SELECT key FROM links WHERE " + " OR ".join(parts)  # noqa: S608 - fixed text; values bound
    return {row[0] for row in conn.execute(sql, params)}


def _usages_of_word(conn: sqlite3.Connection, link_key: int, word: Word) -> set[int]:
    if word.short:
        found = {row[0] for row in conn.execute(_USAGES_LIKE, (link_key, search.like_pattern(word.text)))}
    else:
        found = {row[0] for row in conn.execute(_USAGES_MATCHING, (link_key, search.fts_phrase(word.text)))}
    if word.outcomes:
        codes = key_list(int(outcome) for outcome in word.outcomes)
        found.update(
            row[0]
            for row in conn.execute(
                "SELECT key FROM usages WHERE link_key = ? AND outcome IN " + BY_KEYS,  # noqa: S608 - fixed text
                (link_key, codes),
            )
        )
    return found
