"""`linkmanager reconcile STATEMENT`: a bank statement's lines matched to collected payments (offline).

It proposes and stores nothing, unless --confirm is given: then every proposal is stored in the cache,
and later runs (and syncs, and restarts) report those lines as matched. `--bank NAME` with --columns
remembers the bank's columns in the cache (naming the bank asks for that); --bank alone uses them.
A statement that cannot be read is refused whole with one sentence (exit 1), and nothing changes.
A confirmed match whose payment Lean no longer reports as collected is said on stderr and listed in
--json as "confirmed_not_collected"; it stays stored (the window's Undo match forgets one).
"""

from __future__ import annotations

import argparse
import sys
from datetime import tzinfo
from pathlib import Path
from typing import Any

from linkmanager.cli.context import Context
from linkmanager.cli.exit_codes import EXIT_ERROR, EXIT_USAGE
from linkmanager.cli.output import clip, local_time, print_json, safe, table, utc_text
from linkmanager.cli.profile_cmds import CommandError
from linkmanager.domain.models import utc_now
from linkmanager.domain.money import Money, format_amount, is_iso_currency
from linkmanager.services import reconcile_export
from linkmanager.services.export import ExportError, ExportFormat, ExportHeader, export_rows
from linkmanager.services.matching import MatchResult, rows_to_store
from linkmanager.services.matching import reconcile as match_statement
from linkmanager.services.payment_export import local_zone
from linkmanager.services.statement import (
    ColumnMapping,
    MappingError,
    Statement,
    StatementError,
    parse_mapping,
    read_statement,
)
from linkmanager.storage import matches
from linkmanager.storage.cache import LinkCache

_COLUMNS_HELP = "date=COL,amount=COL,currency=COL,description=COL"


def add_reconcile_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "reconcile",
        parents=[common],
        help="match a bank statement (CSV or XLSX) to collected payments (offline)",
        description="Propose which statement line is which collected payment: a payment ID in the "
        "description first, then a link's reference with the same amount and currency, then a unique "
        "amount and currency within 3 days of when the payment was seen; never a guess between several. "
        "Nothing is stored unless --confirm is given. Dates are read day first (DD/MM/YYYY).",
    )
    parser.add_argument("statement", metavar="STATEMENT", help="the bank statement, a .csv or .xlsx file")
    parser.add_argument(
        "--columns",
        metavar="MAPPING",
        help=f"{_COLUMNS_HELP}: each a column title, letter (A, B, ...) or number; currency may be left out",
    )
    parser.add_argument(
        "--currency", type=str.upper, metavar="CODE", help="the lines' currency when no column gives it"
    )
    parser.add_argument(
        "--bank",
        metavar="NAME",
        help="with --columns: remember them for this bank; without: use the bank's remembered columns",
    )
    parser.add_argument("--confirm", action="store_true", help="store every proposed match")
    parser.add_argument(
        "--out", metavar="FILE", help="also write the result to FILE.csv or FILE.xlsx, as exports are"
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help='{"matched": [{"line", "usage_id", "payment_id", "by"}], "unmatched_lines", '
        '"unmatched_payments", "confirmed_not_collected": [{"line", "usage_id", "payment_id", "link_id", '
        '"outcome", "usage_status", "payment_status", "confirmed_at"}]} (confirmed matches whose payment '
        "Lean no longer reports as collected)",
    )


def _remembered(cache: LinkCache, args: argparse.Namespace) -> ColumnMapping:
    """The bank's remembered columns (--bank without --columns)."""
    text = None
    if args.bank:
        text = cache.read("read the bank's columns", lambda conn: matches.load_format(conn, args.bank))
        if text is None:
            raise CommandError(
                f"No columns are remembered for the bank {args.bank!r}: give --columns {_COLUMNS_HELP} "
                "once with --bank.",
                EXIT_USAGE,
            )
    if text is None:
        raise CommandError(
            f"Say which columns to read: --columns {_COLUMNS_HELP} (or --bank NAME for a bank whose "
            "columns were remembered).",
            EXIT_USAGE,
        )
    return _parse(text)


def _matched(cache: LinkCache, statement: Statement, zone: tzinfo) -> MatchResult:
    collected, stored = cache.read(
        "read the payments",
        lambda conn: (matches.collected_candidates(conn), matches.confirmed_matches(conn)),
    )
    if not collected and not stored:
        print("The cache holds no collected payments: run `linkmanager sync` first.", file=sys.stderr)
    return match_statement(statement.lines, collected, stored, zone=zone)


def reconcile(ctx: Context, args: argparse.Namespace) -> int:
    if args.currency is not None and not is_iso_currency(args.currency):
        raise CommandError(f"{args.currency!r} is not a currency code such as AED or SAR.", EXIT_USAGE)
    if args.bank is not None and not args.bank.strip():
        raise CommandError("Give the bank a name, e.g. --bank ENBD.", EXIT_USAGE)
    if args.out is not None and Path(args.out).suffix.lower() not in (".csv", ".xlsx"):
        raise CommandError(f"--out names a .csv or .xlsx file, not {args.out!r}.", EXIT_USAGE)
    given = None if args.columns is None else _parse(args.columns)  # said before any file is opened
    cache = ctx.cache()
    mapping = given or _remembered(cache, args)
    try:
        statement = read_statement(Path(args.statement), mapping, default_currency=args.currency)
    except StatementError as exc:
        raise CommandError(str(exc), EXIT_ERROR) from None
    if args.bank and given is not None:
        _remember(cache, args.bank, mapping)
    zone = local_zone()  # days are counted in it, as the Payments view and exports count them
    result = _matched(cache, statement, zone)
    stored = 0
    if args.confirm and result.proposals:
        rows = rows_to_store(result.proposals, statement.lines)
        stored = cache.write(
            "save the matches", lambda conn: matches.confirm(conn, rows, statement.name, utc_now())
        )
        result = _matched(cache, statement, zone)  # what is stored now, as any later run reports it
    if args.json:
        print_json(_json(result), sys.stdout)
    else:
        _print(result)
    _summary(statement, result, stored, args.confirm)
    if args.out is not None:
        _export(ctx, cache, Path(args.out), statement, mapping, result, zone)
    return 0


def _parse(text: str) -> ColumnMapping:
    try:
        return parse_mapping(text)
    except MappingError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from None


def _remember(cache: LinkCache, bank: str, mapping: ColumnMapping) -> None:
    if cache.read_only is not None:
        print(f"The columns are not remembered for {safe(bank)}: {cache.read_only}.", file=sys.stderr)
        return
    cache.write(
        "remember the bank's columns", lambda conn: matches.save_format(conn, bank, mapping.text(), utc_now())
    )


def _json(result: MatchResult) -> dict[str, Any]:
    matched = [
        {
            "line": p.line.line,
            "usage_id": p.candidate.usage_id,
            "payment_id": p.candidate.payment_id,
            "by": p.by,
        }
        for p in result.proposals
    ] + [
        {"line": c.line.line, "usage_id": c.usage_id, "payment_id": c.payment_id, "by": c.by}
        for c in result.confirmed
    ]
    return {
        "matched": sorted(matched, key=lambda m: m["line"]),
        "unmatched_lines": [line.line for line in result.unmatched_lines],
        "unmatched_payments": [c.usage_id for c in result.unmatched_payments],
        "confirmed_not_collected": [
            {
                "line": c.line.line,
                "usage_id": c.usage_id,
                "payment_id": c.payment_id,
                "link_id": c.link_id,
                "outcome": c.outcome.word if c.outcome is not None else None,
                "usage_status": c.usage_status,
                "payment_status": c.payment_status,
                "confirmed_at": utc_text(c.confirmed_at),
            }
            for c in result.confirmed_not_collected
        ],
    }


def _amount(amount: Any, currency: str) -> str:
    return format_amount(Money(amount, currency)) if is_iso_currency(currency) else str(amount)


def _print(result: MatchResult) -> None:
    rows = [
        [str(p.line.line), p.line.date.isoformat(), _amount(p.line.amount, p.line.currency), p.line.currency,
         clip(safe(p.line.description), 40), p.candidate.usage_id, p.candidate.payment_id or "—", p.by,
         "proposed"]
        for p in result.proposals
    ] + [
        [str(c.line.line), c.line.date.isoformat(), _amount(c.line.amount, c.line.currency), c.line.currency,
         clip(safe(c.line.description), 40), c.usage_id, c.payment_id or "—", c.by,
         "confirmed" if c.collected else f"CHECK: now {safe(c.lean_status)}"]
        for c in result.confirmed
    ]  # fmt: skip
    rows.sort(key=lambda row: int(row[0]))
    header = ["Line", "Date", "Amount", "Currency", "Description", "Usage ID", "Payment ID", "By", "State"]
    if rows:
        print("Matched:")
        print(table(rows, header, right=frozenset({0, 2})))
    if result.unmatched_lines:
        print("\nStatement lines without a payment:")
        lines = [
            [str(line.line), line.date.isoformat(), _amount(line.amount, line.currency), line.currency,
             clip(safe(line.description), 60)]
            for line in result.unmatched_lines
        ]  # fmt: skip
        print(table(lines, header[:5], right=frozenset({0, 2})))
    if result.unmatched_payments:
        print("\nCollected payments without a statement line:")
        payments = [
            [c.usage_id, c.payment_id or "—", c.link_id, clip(safe(c.reference), 30),
             _amount(c.amount, c.currency), c.currency, local_time(c.seen_at)]
            for c in result.unmatched_payments
        ]  # fmt: skip
        header = ["Usage ID", "Payment ID", "Link ID", "Reference", "Amount", "Currency", "Seen"]
        print(table(payments, header, right=frozenset({4})))


def _summary(statement: Statement, result: MatchResult, stored: int, confirm: bool) -> None:
    n = len(statement.lines)
    proposed, confirmed = len(result.proposals), len(result.confirmed)
    check = len(result.confirmed_not_collected)
    needs = f" ({check:,} no longer collected: check them)" if check else ""
    print(
        f"{n:,} line{'s' if n != 1 else ''}: {proposed:,} proposed, {confirmed:,} confirmed{needs}, "
        f"{len(result.unmatched_lines):,} without a payment, {len(result.ignored):,} debits or zero "
        f"ignored; {len(result.unmatched_payments):,} collected payments without a line.",
        file=sys.stderr,
    )
    for c in result.confirmed_not_collected:
        words = reconcile_export.check_text(c)
        print(
            f"Line {c.line.line:,}, matched to payment {safe(c.payment_id or c.usage_id)}: {words}.",
            file=sys.stderr,
        )
    if confirm:
        print(f"Stored {stored:,} new match{'es' if stored != 1 else ''}.", file=sys.stderr)
    elif proposed:
        print("Nothing was stored: run again with --confirm to store the proposed matches.", file=sys.stderr)


def _export(
    ctx: Context, cache: LinkCache, out: Path, statement: Statement, mapping: ColumnMapping, result: MatchResult, zone: tzinfo
) -> None:  # fmt: skip
    profile = ctx.profile
    filters = f"statement {statement.name}; columns {mapping.text()}"
    last = cache.sync_state().last_full_sync
    header = ExportHeader("Reconciliation", profile.name, profile.environment, filters, last, zone, utc_now())
    rows = reconcile_export.export_rows(result)  # the window's rows, with the same columns
    fmt: ExportFormat = "xlsx" if out.suffix.lower() == ".xlsx" else "csv"
    try:
        written = export_rows(out, fmt, header, reconcile_export.EXPORT_COLUMNS, rows, total=len(rows))
    except ExportError as exc:
        raise CommandError(str(exc)) from None
    print(f"Wrote {written:,} rows to {safe(str(out))}.", file=sys.stderr)
