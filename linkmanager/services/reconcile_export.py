"""Bank-statement reconciliation as the window runs it (no Qt): the cache round trips and the export.

The same sequence as `linkmanager reconcile` (cli/reconcile_cmds.py): the statement is read whole
first, and only a clean read remembers the bank's columns (one write); the collected payments and the
stored matches are read in one snapshot; what the user confirms is stored in one write and then read
back, so the window shows what the cache holds. The window may not import storage (tests/test_layers.py):
these functions are its only way to storage.matches, and every cache failure comes out of them as a
ReconcileError of one sentence.

Each function blocks (a million-line statement takes seconds): the window runs them on its task runner.
The export writes one row per line or payment with a Result column, as the command line's --out does;
a confirmed match whose payment Lean no longer reports as collected says so in Result and in Check.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from datetime import datetime, tzinfo
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from linkmanager.domain.i18n import translate
from linkmanager.domain.models import utc_now
from linkmanager.domain.money import Money, is_iso_currency
from linkmanager.services.export_cells import ExportColumn, ExportError, ExportHeader
from linkmanager.services.matching import (
    Confirmed,
    MatchResult,
    PaymentCandidate,
    Proposal,
    reconcile,
    rows_to_store,
)
from linkmanager.services.statement import (
    ColumnMapping,
    MappingError,
    Statement,
    StatementLine,
    parse_mapping,
    read_statement,
)
from linkmanager.storage import matches
from linkmanager.storage.cache import LinkCache
from linkmanager.storage.cache_errors import CacheError

if TYPE_CHECKING:
    from linkmanager.services.export import ExportFormat

T = TypeVar("T")


class ReconcileError(Exception):
    """What the cache or the export refused, in one sentence for the person; nothing changed."""


@dataclass(frozen=True, slots=True)
class BankColumns:
    bank: str
    mapping: ColumnMapping | None  # None: what is stored no longer reads as a mapping


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """A statement read and matched against the cache as it is now."""

    statement: Statement
    mapping: ColumnMapping
    result: MatchResult
    zone: tzinfo  # days are counted in it; the export names it
    references: dict[str, str] = field(default_factory=dict)  # link id -> reference (confirmed rows)
    note: str | None = None  # why the bank's columns were not remembered


def _cache(doing: Callable[[], T]) -> T:
    try:
        return doing()
    except CacheError as exc:  # MatchConflict and a read-only cache among them
        raise ReconcileError(str(exc)) from exc


def bank_formats(cache: LinkCache) -> list[BankColumns]:
    """The banks whose columns were remembered, by name."""
    stored = _cache(lambda: cache.read("read the banks' columns", matches.formats))
    out = []
    for held in stored:
        try:
            mapping: ColumnMapping | None = parse_mapping(held.columns)
        except MappingError:
            mapping = None
        out.append(BankColumns(held.bank, mapping))
    return out


def read_and_match(
    cache: LinkCache,
    path: Path,
    mapping: ColumnMapping,
    *,
    default_currency: str | None = None,
    bank: str | None = None,
    zone: tzinfo | None = None,
) -> Reconciliation:
    """Read the statement (StatementError, naming the line, when it cannot be: nothing is stored),
    remember the bank's columns when `bank` is named, and match it."""
    statement = read_statement(Path(path), mapping, default_currency=default_currency)
    note = None
    if bank is not None and bank.strip():
        if cache.read_only is not None:
            note = translate(
                "Reconciliation", "The columns are not remembered for the bank: {reason}."
            ).format(reason=cache.read_only)
        else:
            _cache(
                lambda: cache.write(
                    "remember the bank's columns",
                    lambda conn: matches.save_format(conn, bank, mapping.text(), utc_now()),
                )
            )
    if zone is None:
        from linkmanager.services.payment_export import local_zone  # with openpyxl: not at import

        zone = local_zone()
    result, references = _matched(cache, statement, zone)
    return Reconciliation(statement, mapping, result, zone, references, note)


def _matched(cache: LinkCache, statement: Statement, zone: tzinfo) -> tuple[MatchResult, dict[str, str]]:
    collected, stored = _cache(
        lambda: cache.read(
            "read the payments",
            lambda conn: (matches.collected_candidates(conn), matches.confirmed_matches(conn)),
        )
    )
    references = {row.link_id: row.reference for row in collected}
    return reconcile(statement.lines, collected, stored, zone=zone), references


def rematch(cache: LinkCache, done: Reconciliation) -> Reconciliation:
    """The same statement matched again against what the cache holds now."""
    result, references = _matched(cache, done.statement, done.zone)
    return replace(done, result=result, references=references)


def rematch_if_changed(cache: LinkCache, done: Reconciliation) -> Reconciliation | None:
    """rematch(), or None when the cache's answer is still the one `done` holds (after a sync that
    changed nothing this statement shows)."""
    now = rematch(cache, done)
    return None if now.result == done.result and now.references == done.references else now


def confirm_proposals(
    cache: LinkCache, done: Reconciliation, chosen: Collection[Proposal]
) -> tuple[int, Reconciliation]:
    """Store the chosen proposals, all or none (one write), and match again: they are confirmed now."""
    rows = rows_to_store(chosen, done.statement.lines)
    name = done.statement.name
    stored = _cache(
        lambda: cache.write("save the matches", lambda conn: matches.confirm(conn, rows, name, utc_now()))
    )
    return stored, rematch(cache, done)


def undo_match(cache: LinkCache, done: Reconciliation, usage_key: int) -> tuple[bool, Reconciliation]:
    """Forget one confirmed match (one write) and match again."""
    forgotten = _cache(lambda: cache.write("undo the match", lambda conn: matches.unconfirm(conn, usage_key)))
    return forgotten, rematch(cache, done)


def proposal_key(proposal: Proposal) -> tuple[int, int]:
    return proposal.line.line, proposal.candidate.usage_key


def without_rejected(result: MatchResult, rejected: Collection[tuple[int, int]]) -> MatchResult:
    """The result with the proposals the user rejected (proposal_key) turned back into a line without
    a payment and a payment without a line, each list kept in its order."""
    if not rejected:
        return result
    kept = [p for p in result.proposals if proposal_key(p) not in rejected]
    gone = [p for p in result.proposals if proposal_key(p) in rejected]
    if not gone:
        return result
    lines = sorted([*result.unmatched_lines, *(p.line for p in gone)], key=lambda x: x.line)
    payments: list[PaymentCandidate] = sorted(
        [*result.unmatched_payments, *(p.candidate for p in gone)], key=lambda c: (c.seen_at, c.usage_key)
    )
    return replace(result, proposals=kept, unmatched_lines=lines, unmatched_payments=payments)


# --- the export: the command line's --out columns and rows ----------------------------------------

EXPORT_COLUMNS = (
    ExportColumn("Result", "text"), ExportColumn("Line", "integer"), ExportColumn("Date", "text"),
    ExportColumn("Amount", "money"), ExportColumn("Currency", "text"), ExportColumn("Description", "text"),
    ExportColumn("Usage ID", "text"),
    ExportColumn("Payment ID", "text"), ExportColumn("Link ID", "text"), ExportColumn("Reference", "text"),
    ExportColumn("Matched by", "text"), ExportColumn("Payment seen", "moment"), ExportColumn("Check", "text"),
)  # fmt: skip
NEEDS_CHECKING = "confirmed, needs checking"  # Result of a match whose payment is no longer collected


def check_text(match: Confirmed) -> str | None:
    """The export's and the command line's sentence for a confirmed match whose payment Lean no longer
    reports as collected (None when it still does)."""
    if match.collected:
        return None
    outcome = f" ({match.outcome.word})" if match.outcome is not None else ""
    return f"Lean now reports {match.lean_status}{outcome}; check the bank statement"


def _money(amount: Decimal, currency: str) -> Money | None:
    return Money(amount, currency) if is_iso_currency(currency) else None


def _line_cells(line: StatementLine) -> list[object]:
    return [line.line, line.date.isoformat(), _money(line.amount, line.currency), line.currency or None]


def export_rows(result: MatchResult, references: dict[str, str] | None = None) -> list[list[object]]:
    """Matches by line, lines without a payment, payments without a line (side by side in a
    spreadsheet: filter on Result), then the debits, which are never matched."""
    known = references or {}
    matched: list[tuple[int, list[object]]] = [
        (p.line.line, ["proposed", *_line_cells(p.line), p.line.description, p.candidate.usage_id,
         p.candidate.payment_id, p.candidate.link_id, p.candidate.reference, p.by, p.candidate.seen_at, None])
        for p in result.proposals
    ] + [
        (c.line.line, ["confirmed" if c.collected else NEEDS_CHECKING, *_line_cells(c.line),
         c.line.description, c.usage_id, c.payment_id, c.link_id, known.get(c.link_id or ""), c.by, None,
         check_text(c)])
        for c in result.confirmed
    ]  # fmt: skip

    def lines(word: str, group: list[StatementLine]) -> list[list[object]]:
        return [[word, *_line_cells(x), x.description, *[None] * 7] for x in group]

    payments: list[list[object]] = [
        ["payment without a line", None, None, _money(c.amount, c.currency), c.currency, None, c.usage_id,
         c.payment_id, c.link_id, c.reference, None, c.seen_at, None]
        for c in result.unmatched_payments
    ]  # fmt: skip
    return (
        [row for _, row in sorted(matched, key=lambda m: m[0])]
        + lines("line without a payment", result.unmatched_lines)
        + payments
        + lines("debit, not matched", result.ignored)
    )


def export_reconciliation(
    cache: LinkCache,
    path: Path,
    done: Reconciliation,
    result: MatchResult,
    *,
    profile: str,
    environment: str,
    now: datetime | None = None,
) -> int:
    """Write `result` (the reconciliation as the window shows it) to a .csv or .xlsx file under the
    exports' header block; the rows written. ReconcileError when the place cannot be written."""
    from linkmanager.services.export import export_rows as write_rows  # openpyxl: on first export

    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        not_export = translate("Reconciliation", "An export is a .csv or .xlsx file, not {name}.")
        raise ReconcileError(not_export.format(name=target.name))
    fmt: ExportFormat = "xlsx" if suffix == ".xlsx" else "csv"
    filters = f"statement {done.statement.name}; columns {done.mapping.text()}"
    last = _cache(cache.sync_state).last_full_sync
    header = ExportHeader("Reconciliation", profile, environment, filters, last, done.zone, now or utc_now())
    rows = export_rows(result, done.references)
    try:
        return write_rows(target, fmt, header, EXPORT_COLUMNS, rows, total=len(rows))
    except ExportError as exc:
        raise ReconcileError(str(exc)) from exc
