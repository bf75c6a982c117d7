"""Did you mean: link names near a query that matched nothing.

The vocabulary is the words of the links' names (three characters or more, holding a letter; ids,
references and numbers are not suggested: a near invoice number is a different invoice). It is
read from the index of the names' sort keys (their case-folded text: ~14,000 distinct names
among 100,000 links, ~0.1 s) once, and again only when links or their values change.

A query word that no name holds is replaced by the nearest name words (difflib, similarity 0.75
or more, at most three); a word that some name holds stays. The names holding a replacement of
every misspelt word and, where possible, every other word, are the suggestions: the closest
first, then the shortest. No misspelt word, or none near anything: no suggestion (nothing to fix).
"""

from __future__ import annotations

import difflib
import re
import sqlite3
import threading
from array import array
from collections.abc import Sequence

from linkmanager.storage.search_query import Word

CUTOFF = 0.75
_TOKEN = re.compile(r"\w+")
_MARK = "SELECT (SELECT max(key) FROM links), (SELECT value FROM sync_meta WHERE key = 'search_terms_high')"


class Suggestions:
    """The name vocabulary, held from the first query that matched nothing."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._mark: tuple[object, ...] | None = None
        self._names: list[str] = []  # distinct case-folded names
        self._tokens: dict[str, array[int]] = {}  # name word -> indexes in _names

    def suggest(self, conn: sqlite3.Connection, words: Sequence[Word], limit: int) -> list[str]:
        """Up to `limit` names (as written) for `words`, the query's words that could be misspelt."""
        wanted = [word.text.casefold() for word in words if any(ch.isalpha() for ch in word.text)]
        if not wanted or limit <= 0:
            return []
        with self._lock:
            self._read(conn)
            chosen = self._choose(wanted, limit)
        return [_name_of(conn, key) for key in chosen]

    def _read(self, conn: sqlite3.Connection) -> None:
        mark = tuple(conn.execute(_MARK).fetchone())
        if mark == self._mark:
            return
        names = [row[0] for row in conn.execute("SELECT DISTINCT name_key FROM links WHERE name_key != ''")]
        tokens: dict[str, array[int]] = {}
        for index, name in enumerate(names):
            for token in set(_TOKEN.findall(name)):
                if len(token) >= 3 and not token.isdigit():
                    (tokens.get(token) or tokens.setdefault(token, array("i"))).append(index)
        self._names, self._tokens, self._mark = names, tokens, mark

    def _choose(self, words: Sequence[str], limit: int) -> list[str]:
        tokens = list(self._tokens)
        fixed: list[dict[str, float]] = []  # per misspelt word: its replacements and their closeness
        kept: list[str] = []  # words some name holds as they are
        for word in words:
            if any(word in token for token in tokens):
                kept.append(word)
                continue
            near = difflib.get_close_matches(word, tokens, n=3, cutoff=CUTOFF)
            if near:
                fixed.append({token: difflib.SequenceMatcher(None, word, token).ratio() for token in near})
        if not fixed:
            return []
        score: dict[int, float] = {}
        for index, replacements in enumerate(fixed):
            best: dict[int, float] = {}
            for token, closeness in replacements.items():
                for name in self._tokens[token]:
                    best[name] = max(best.get(name, 0.0), closeness)
            score = best if index == 0 else {n: s + best[n] for n, s in score.items() if n in best}
        names = self._names
        fitting = [n for n in score if all(word in names[n] for word in kept)]
        ranked = sorted(fitting or score, key=lambda n: (-score[n], len(names[n]), names[n]))
        return [names[n] for n in ranked[:limit]]


def _name_of(conn: sqlite3.Connection, name_key: str) -> str:
    row = conn.execute(
        "SELECT name FROM links WHERE name_key = ? ORDER BY id LIMIT 1", (name_key,)
    ).fetchone()
    return str(row[0]) if row else name_key
