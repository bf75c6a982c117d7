"""Every link's amount and currency held in memory, so that a search word can match them at once.

The links table has no index on either (and amounts are text: "6300" and "6300.00" are one
number), so a scan of it costs ~30 ms at 100,000 links on every keystroke of a number. Here the
amounts sit sorted in two arrays (an exact integer of ten-thousandths and the link key: 12 bytes a
link, ~1.2 MB at 100,000), found by bisection; the few amounts that do not fit (more than four
decimals, beyond 10^14) are kept exactly, as Decimal, in a dict. Comparisons are exact: no float.

It stays right because links are never deleted and row keys never reused: links added since are
read before each use (catch_up: the keys above the largest held). A link's amount is fixed when
Lean creates it (no call changes it), so a link already held never needs reading again.
"""

from __future__ import annotations

import sqlite3
import threading
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

_SCALE = 4  # amounts held as integers of 10^-4
_CHUNK = 8192  # numbers turned from text at a time (~1 ms each)
_LIMIT = 2**63 - 1
_READ = "SELECT key, amount, currency FROM links WHERE key > ?"
# The plain forms Lean's amounts take ("548", "11450.06") turned into ten-thousandths by SQLite
# (text to INTEGER is exact), sorted there and handed over as one text per column: SQLite does
# the work without the interpreter lock (a row at a time in Python held it for ~0.2 s at 100,000
# links, and the window's painting waited on it). Anything else (an exponent, a sign, more than
# four decimals, 15 digits or more before the point) is NULL here and goes to Python's Decimal.
_DOT = "instr(amount, '.')"
_SCALED = (  # at most 14 digits before the point and 4 after: 18 digits fit a 64-bit integer
    "CAST(CASE WHEN amount GLOB '*[^0-9.]*' OR amount GLOB '*.*.*' OR amount = '' THEN NULL "
    f"WHEN {_DOT} = 0 THEN CASE WHEN length(amount) <= 14 THEN amount || '0000' END "
    f"WHEN {_DOT} <= 15 AND length(amount) - {_DOT} <= 4 "
    f"THEN substr(amount, 1, {_DOT} - 1) || substr(substr(amount, {_DOT} + 1) || '0000', 1, 4) END AS INTEGER)"
)
# (S608: fixed text throughout; the only values are bound.)
_SORTED = f"SELECT key, {_SCALED} AS scaled FROM links WHERE key <= ? ORDER BY scaled, key"  # noqa: S608
_PLAIN = "SELECT group_concat(key), group_concat(scaled) FROM (" + _SORTED + ") WHERE scaled IS NOT NULL"  # noqa: S608
_ODD = f"SELECT key, amount FROM links WHERE key <= ? AND {_SCALED} IS NULL"  # noqa: S608
_BY_CURRENCY = "SELECT currency, group_concat(key) FROM links WHERE key <= ? GROUP BY currency"
# Without the facts in memory: the integer part first (in C), then Decimal compares what is left.
_AMOUNT_SCAN = (
    "SELECT key, amount FROM links "
    "WHERE amount = ? OR amount GLOB ? OR amount GLOB '*[^0-9.]*' OR amount GLOB '.*'"
)


def scaled(amount: Decimal) -> int | None:
    """The amount in ten-thousandths when that is exact and fits a signed 64-bit integer."""
    if not amount.is_finite():
        return None
    shifted = amount.scaleb(_SCALE)
    if shifted != shifted.to_integral_value():
        return None
    whole = int(shifted)
    return whole if -_LIMIT <= whole <= _LIMIT else None


class LinkFacts:
    """Link keys by amount and by currency, for every link up to `covered`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.covered = -1  # every link key up to this one is held; -1: nothing read yet
        self._amounts = array("q")  # sorted
        self._keys = array("i")  # the link key of each amount above
        self._exact: dict[Decimal, list[int]] = {}  # amounts that do not fit, and links added since
        self._currencies: dict[str, array[int]] = {}

    @property
    def ready(self) -> bool:
        return self.covered >= 0

    def build(self, conn: sqlite3.Connection) -> None:
        """Read every link (~0.15 s at 100,000 links, nearly all of it in SQLite): run it on a
        worker, on a connection of its own in one read transaction (LinkCache.read_beside)."""
        newest = conn.execute("SELECT coalesce(max(key), 0) FROM links").fetchone()[0]
        key_text, amount_text = conn.execute(_PLAIN, (newest,)).fetchone()
        keys, amounts = _ints("i", key_text), _ints("q", amount_text)
        if array("q", sorted(amounts)) != amounts:  # pragma: no cover - SQLite keeps the order it is given
            pairs = sorted(zip(amounts, keys, strict=True))  # SQLite promises no order to group_concat
            amounts, keys = array("q", (p[0] for p in pairs)), array("i", (p[1] for p in pairs))
        exact: dict[Decimal, list[int]] = {}
        for key, amount in conn.execute(_ODD, (newest,)):
            _add_exact(exact, amount, key)
        currencies = {code: _ints("i", text) for code, text in conn.execute(_BY_CURRENCY, (newest,))}
        with self._lock:
            if newest > self.covered:  # else a catch_up got further meanwhile: keep that
                self._amounts, self._keys, self._exact, self._currencies = amounts, keys, exact, currencies
                self.covered = newest

    def catch_up(self, conn: sqlite3.Connection) -> None:
        """Take in links added since (an indexed max() when there are none)."""
        newest = conn.execute("SELECT coalesce(max(key), 0) FROM links").fetchone()[0]
        with self._lock:
            if newest <= self.covered:
                return
            for key, amount, currency in conn.execute(_READ, (self.covered,)):
                _add_exact(self._exact, amount, key)
                self._currencies.setdefault(currency, array("i")).append(key)
            self.covered = newest

    def amount_keys(self, amount: Decimal) -> set[int]:
        """Keys of the links whose amount equals `amount` as a number."""
        with self._lock:
            found = set(self._exact.get(amount, ()))
            whole = scaled(amount)
            if whole is not None:
                low = bisect_left(self._amounts, whole)
                found.update(self._keys[low : bisect_right(self._amounts, whole, low)])
            return found

    def currency_keys(self, code: str) -> set[int]:
        with self._lock:
            return set(self._currencies.get(code, ()))

    def currencies(self) -> Iterable[str]:
        with self._lock:
            return list(self._currencies)


def amount_keys_by_scan(conn: sqlite3.Connection, amount: Decimal) -> set[int]:
    """LinkFacts.amount_keys without the facts: a scan of the links (~30 ms at 100,000)."""
    if not amount.is_finite() or amount < 0:
        return set()
    whole = str(int(amount))
    found = set()
    for key, text in conn.execute(_AMOUNT_SCAN, (whole, whole + ".*")):
        try:
            if Decimal(text) == amount:
                found.add(key)
        except InvalidOperation:
            continue
    return found


def currency_keys_by_scan(conn: sqlite3.Connection, code: str) -> set[int]:
    """LinkFacts.currency_keys without the facts: a scan of the links (~30 ms at 100,000)."""
    return {row[0] for row in conn.execute("SELECT key FROM links WHERE currency = ?", (code,))}


def _ints(kind: str, text: str | None) -> array[int]:
    """Comma-separated integers, a chunk at a time: the window's thread gets the lock in between."""
    out: array[int] = array(kind)
    parts = text.split(",") if text else []
    for start in range(0, len(parts), _CHUNK):
        out.extend(map(int, parts[start : start + _CHUNK]))
    return out


def _add_exact(exact: dict[Decimal, list[int]], amount: str, key: int) -> None:
    try:
        value = Decimal(amount)
    except InvalidOperation:
        return  # a damaged row: no amount to match (reading it elsewhere says so)
    if value.is_finite():  # Decimal hashes equal numbers alike: 6300 and 6300.00 share a slot
        exact.setdefault(value, []).append(key)
