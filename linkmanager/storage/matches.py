"""Bank-statement matches the user confirmed, and each bank's column mapping: SQL over a connection.

Called through LinkCache.read / write (one transaction each). A sync never touches these tables and a
usage's row key never changes once given, so a confirmed match survives syncs and restarts. Rows come
back as this module's own dataclasses: storage knows nothing of services (services.matching converts).

A statement line is known by `line_key`: a hash of its date, amount, currency, description (spaces
folded) and which of several identical lines it is. Importing the same statement again, or a longer one
that overlaps it, finds the lines already matched.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from linkmanager.domain.i18n import translate
from linkmanager.domain.outcome import Outcome, outcome_of
from linkmanager.storage.cache_errors import CacheError
from linkmanager.storage.cache_model import clean, time_from, time_text

log = logging.getLogger(__name__)


class MatchConflict(CacheError):
    """A match that cannot be stored as asked (already matched, or gone); nothing was stored."""


@dataclass(frozen=True, slots=True)
class CollectedRow:
    """A collected payment (usage outcome COLLECTED) with what its link says of the money."""

    usage_key: int
    usage_id: str
    payment_id: str | None
    link_id: str
    reference: str
    amount: Decimal
    currency: str
    first_seen_at: datetime  # aware UTC
    seen_before: bool  # found on the first look at its link: it happened some time before


@dataclass(frozen=True, slots=True)
class MatchRow:
    """One statement line confirmed as one payment, as confirm() stores it."""

    usage_key: int
    line_key: str
    line: int
    line_date: date
    line_amount: Decimal
    line_currency: str
    line_description: str
    matched_by: str  # "payment_id", "reference" or "amount"


@dataclass(frozen=True, slots=True)
class StoredMatch:
    match: MatchRow
    statement: str  # the statement file's name
    confirmed_at: datetime
    usage_id: str
    payment_id: str | None
    link_id: str
    # What Lean reports of the payment now (the last sync's): a match stays confirmed whatever
    # becomes of its payment; services.matching flags one whose payment is no longer collected.
    outcome: Outcome | None = None  # None: not read
    usage_status: str | None = None
    payment_status: str | None = None


@dataclass(frozen=True, slots=True)
class BankFormat:
    bank: str
    columns: str  # services.statement.ColumnMapping.text()
    saved_at: datetime


def line_key(line_date: date, amount: Decimal, currency: str, description: str, occurrence: int) -> str:
    """The line's identity across imports; `occurrence` counts identical lines from 1.

    The amount is normalised (262.0 and 262.00 are one amount: CSV and XLSX write them differently)."""
    amount_text = format(amount.normalize(), "f") if amount else "0"
    text = "|".join(
        (line_date.isoformat(), amount_text, currency, " ".join(description.split()), str(occurrence))
    )
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


_COLLECTED = (
    "SELECT u.key, u.usage_id, u.payment_id, l.id, l.reference, l.amount, l.currency, u.first_seen_at, "
    "u.seen_before FROM usages AS u JOIN links AS l ON l.key = u.link_key "
    "WHERE u.outcome = ? ORDER BY u.first_seen_at, u.key"
)


def collected_candidates(conn: sqlite3.Connection) -> list[CollectedRow]:
    """Every collected payment, first seen first. A row that cannot be read back (a damaged amount
    or time) is left out and counted in the log: it costs that payment, not the reconciliation."""
    out: list[CollectedRow] = []
    damaged = 0
    for row in conn.execute(_COLLECTED, (int(Outcome.COLLECTED),)):
        try:
            seen = time_from(row[7])
            if seen.tzinfo is None:
                raise ValueError("a stored time without its zone")
            out.append(
                CollectedRow(
                    row[0], row[1], row[2], row[3], row[4], Decimal(row[5]), row[6], seen, bool(row[8])
                )
            )
        except (ValueError, TypeError, InvalidOperation):
            damaged += 1
    if damaged:
        log.warning("%d collected payments could not be read back and are left out of matching", damaged)
    return out


_STORED = (
    "SELECT m.usage_key, m.line_key, m.line, m.line_date, m.line_amount, m.line_currency, "
    "m.line_description, m.matched_by, m.statement, m.confirmed_at, u.usage_id, u.payment_id, l.id, "
    "u.outcome, u.usage_status, u.payment_status FROM statement_matches AS m "
    "JOIN usages AS u ON u.key = m.usage_key JOIN links AS l ON l.key = u.link_key ORDER BY m.confirmed_at, m.key"
)


def confirmed_matches(conn: sqlite3.Connection) -> list[StoredMatch]:
    """Every confirmed match, oldest first, with what Lean reports of its payment now."""
    out: list[StoredMatch] = []
    for row in conn.execute(_STORED):
        try:
            match = MatchRow(
                row[0], row[1], row[2], date.fromisoformat(row[3]), Decimal(row[4]), row[5], row[6], row[7]
            )
            outcome = _outcome(row[13], row[14], row[15], row[11])
            out.append(
                StoredMatch(
                    match, row[8], time_from(row[9]), row[10], row[11], row[12], outcome, row[14], row[15]
                )
            )
        except (ValueError, TypeError, InvalidOperation):
            log.warning("a stored statement match could not be read back and is left out")
    return out


def _outcome(code: int, usage_status: str, payment_status: str | None, payment_id: str | None) -> Outcome:
    """The stored outcome; a code this version does not know is worked out again from the statuses
    (the same rule that stored it), never taken for collected."""
    try:
        return Outcome(code)
    except ValueError:
        return outcome_of(usage_status, payment_status, payment_id)


def confirm(
    conn: sqlite3.Connection, rows: Sequence[MatchRow], statement: str, confirmed_at: datetime
) -> int:
    """Store the matches, all or none; MatchConflict (one sentence) when a payment or a line is
    already matched, named twice, or no longer in the cache. Answers how many were stored."""
    usages: set[int] = set()
    lines: set[str] = set()
    for row in rows:
        if row.usage_key in usages or row.line_key in lines:
            twice = translate(
                "Matches", "Line {line} is matched twice in one confirmation; nothing was stored."
            )
            raise MatchConflict(twice.format(line=row.line))
        usages.add(row.usage_key)
        lines.add(row.line_key)
        _check_free(conn, row)
    conn.executemany(
        "INSERT INTO statement_matches (usage_key, line_key, statement, line, line_date, line_amount, "
        "line_currency, line_description, matched_by, confirmed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                row.usage_key,
                row.line_key,
                clean(statement),
                row.line,
                row.line_date.isoformat(),
                str(row.line_amount),
                clean(row.line_currency),
                clean(row.line_description),
                row.matched_by,
                time_text(confirmed_at),
            )
            for row in rows
        ],
    )
    return len(rows)


def _check_free(conn: sqlite3.Connection, row: MatchRow) -> None:
    usage = conn.execute("SELECT usage_id FROM usages WHERE key = ?", (row.usage_key,)).fetchone()
    if usage is None:
        gone = translate(
            "Matches", "The payment for line {line} is no longer in the cache; nothing was stored."
        )
        raise MatchConflict(gone.format(line=row.line))
    held = conn.execute(
        "SELECT statement, line FROM statement_matches WHERE usage_key = ?", (row.usage_key,)
    ).fetchone()
    if held is not None:
        taken = translate(
            "Matches",
            "Payment {payment} is already matched to line {line} of {statement}; nothing was stored.",
        )
        raise MatchConflict(taken.format(payment=usage[0], line=held[1], statement=held[0]))
    held = conn.execute(
        "SELECT statement, line FROM statement_matches WHERE line_key = ?", (row.line_key,)
    ).fetchone()
    if held is not None:
        taken = translate(
            "Matches",
            "Line {line} is already matched (as line {earlier} of {statement}); nothing was stored.",
        )
        raise MatchConflict(taken.format(line=row.line, earlier=held[1], statement=held[0]))


def unconfirm(conn: sqlite3.Connection, usage_key: int) -> bool:
    """Forget the payment's match (the user undoes it); False when it had none."""
    return conn.execute("DELETE FROM statement_matches WHERE usage_key = ?", (usage_key,)).rowcount > 0


def _bank_names(conn: sqlite3.Connection, bank: str) -> list[str]:
    """The stored names that are `bank` written in any case ("ENBD" is "enbd")."""
    wanted = bank.strip().casefold()
    return [
        name for (name,) in conn.execute("SELECT bank FROM statement_formats") if name.casefold() == wanted
    ]


def save_format(conn: sqlite3.Connection, bank: str, columns: str, saved_at: datetime) -> None:
    """Remember the bank's column mapping, replacing the one it had."""
    name = clean(bank.strip())
    if not name:
        raise ValueError("a bank's format needs the bank's name")
    conn.executemany("DELETE FROM statement_formats WHERE bank = ?", [(n,) for n in _bank_names(conn, name)])
    conn.execute(
        "INSERT INTO statement_formats (bank, columns, saved_at) VALUES (?, ?, ?)",
        (name, clean(columns), time_text(saved_at)),
    )


def load_format(conn: sqlite3.Connection, bank: str) -> str | None:
    """The bank's remembered column mapping; None when there is none."""
    names = _bank_names(conn, clean(bank))
    if not names:
        return None
    row = conn.execute("SELECT columns FROM statement_formats WHERE bank = ?", (names[0],)).fetchone()
    return None if row is None else str(row[0])


def formats(conn: sqlite3.Connection) -> list[BankFormat]:
    """Every remembered bank format, by name."""
    rows = conn.execute("SELECT bank, columns, saved_at FROM statement_formats ORDER BY bank COLLATE NOCASE")
    return [BankFormat(bank, columns, time_from(saved_at)) for bank, columns, saved_at in rows]
