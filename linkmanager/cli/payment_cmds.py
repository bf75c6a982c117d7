"""`linkmanager payments | totals | export`: the Payments view's answers from the offline cache.

Thin over the window's own services (services.payments, payment_totals, payment_export), so both
list, count and export the same rows in the same order. Output is streamed a batch at a time:
a million payments never sit in memory as text. Dates are the workstation's local days.
numpy and openpyxl (~250 ms) load when a command runs, not with the parser every command builds.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timedelta, tzinfo
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from linkmanager.cli.context import Context
from linkmanager.cli.exit_codes import EXIT_CANCELLED, EXIT_USAGE
from linkmanager.cli.output import _width as text_width  # how output.table measures a cell
from linkmanager.cli.output import clip, day_option, print_json, safe, table, utc_text
from linkmanager.cli.profile_cmds import CommandError
from linkmanager.cli.read_cmds import _as_of  # the same "as of" line as `links`
from linkmanager.domain.models import Usage, utc_now
from linkmanager.domain.money import Money, format_money
from linkmanager.domain.outcome import OUTCOMES, Outcome
from linkmanager.domain.status import LinkStatus
from linkmanager.services import link_rows
from linkmanager.services.date_ranges import local_midnight
from linkmanager.services.export_cells import ExportColumn, ExportHeader, money_text

if TYPE_CHECKING:
    from linkmanager.services.export import ExportFormat
    from linkmanager.services.payment_source import PaymentRow

OUTCOME_WORDS = [outcome.word for outcome in OUTCOMES]  # "other" too: no usage is out of reach
LINK_STATUSES = [status.value for status in LinkStatus.known()]
# payments.COLUMN_NAMES, spelt out: that module brings numpy (tests keep the two the same)
SORT_COLUMNS = ("seen", "link", "reference", "amount", "currency", "outcome", "usage-status",
                "payment-status", "payment-id", "customer-id", "payer")  # fmt: skip
BATCH = 2_000  # rows read, formatted and written at a time
PROGRESS_FROM = 10_000  # rows: a smaller export is done before a progress line would help
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_STATUS_HELP = "only payments of links in this status (repeat for several)"
_OUTCOME_HELP = "only this outcome (repeat for several); other: a status Lean has not documented"
_JSON_HELP = (
    "a JSON array, one object a line: Lean's usage fields plus link_id, link_name, reference, "
    'amount (a string with the currency\'s decimals, "262.00", "1.500"), currency, outcome, '
    "first_seen_at (UTC) and first_seen_before (true: found on the first look at its link, so it "
    "happened some time before first_seen_at)"
)


def local_zone() -> tzinfo:
    """The workstation's zone (payment_export.local_zone); tests put a fixed one here."""
    from linkmanager.services.payment_export import local_zone as workstation_zone

    return workstation_zone()


def _payment_filters(parser: argparse.ArgumentParser) -> None:
    add = parser.add_argument
    add("--outcome", action="append", type=str.lower, choices=OUTCOME_WORDS, help=_OUTCOME_HELP)
    add("--currency", type=str.upper, metavar="CODE", help="only this currency, e.g. AED")
    add("--since", metavar="YYYY-MM-DD", help="only payments first seen on or after this local day")
    add("--until", metavar="YYYY-MM-DD", help="only payments first seen on or before this local day")
    add("--link-status", action="append", type=str.upper, choices=LINK_STATUSES, help=_STATUS_HELP)
    add("--search", metavar="TEXT", help="only payments matching TEXT (or whose link matches)")
    add("--sort", choices=SORT_COLUMNS, help="sort by this column (default: newest first)")
    add("--descending", action="store_true", help="with --sort: largest, latest or Z first")


def _link_filters(parser: argparse.ArgumentParser) -> None:
    add = parser.add_argument
    add("--status", type=str.upper, choices=LINK_STATUSES, help="only links in this status")
    add("--search", metavar="TEXT", help="only links matching TEXT (ids, names, payer values)")
    add("--currency", type=str.upper, metavar="CODE", help="only links in this currency")
    add("--sort", choices=link_rows.COLUMN_NAMES, help="sort by this column")
    add("--descending", action="store_true", help="with --sort: largest, latest or Z first")


def _file_options(parser: argparse.ArgumentParser) -> None:
    add = parser.add_argument
    add("--format", choices=("csv", "xlsx"), help="the file's format (default: --out's ending)")
    add("--out", metavar="FILE", required=True, help="the file to write (replaced if it exists)")


def add_payment_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    """`payments`, `totals` and `export links|payments`, each taking `common`'s options."""
    payments = commands.add_parser("payments", parents=[common], help="list every link's payments (offline)")
    _payment_filters(payments)
    payments.add_argument("--json", action="store_true", help=_JSON_HELP)
    totals = commands.add_parser(
        "totals", parents=[common], help="count and sum collected, pending and failed payments (offline)"
    )
    _payment_filters(totals)
    totals.add_argument(
        "--json", action="store_true", help='{"AED": {"collected": {"count": n, "amount": "…"}, …}}'
    )
    export = commands.add_parser("export", help="write the links or the payments to CSV or XLSX (offline)")
    views = export.add_subparsers(dest="export_view", metavar="VIEW", required=True)
    links = views.add_parser("links", parents=[common], help="the links, as `links` lists them")
    _file_options(links)
    _link_filters(links)
    payments = views.add_parser("payments", parents=[common], help="the payments, as `payments` lists them")
    _file_options(payments)
    _payment_filters(payments)


# -- choosing the payments --------------------------------------------------------------------


def _days(args: argparse.Namespace, zone: tzinfo) -> tuple[datetime | None, datetime | None]:
    """--since and --until as [since, until) in UTC: local midnights, --until's day included."""
    first, last = day_option("--since", args.since), day_option("--until", args.until)
    if first is not None and last is not None and last < first:
        raise CommandError(f"--until {last} is before --since {first}: no day is in between.", EXIT_USAGE)
    since = local_midnight(first, zone) if first is not None else None
    until = local_midnight(last + timedelta(days=1), zone) if last is not None and last < date.max else None
    return since, until


class _Chosen:
    """The payments the options pick, in their order, from one snapshot of the cache."""

    def __init__(self, ctx: Context, args: argparse.Namespace, zone: tzinfo) -> None:
        from linkmanager.services.payment_source import PaymentSource
        from linkmanager.services.payments import COLUMN_NAMES, PaymentFilter, PaymentSort

        since, until = _days(args, zone)  # a bad day is said before anything is opened
        self.cache = ctx.cache()
        self.source = PaymentSource(self.cache)
        self.table = self.source.table(utc_now())
        self.filter = PaymentFilter(
            outcomes=frozenset(Outcome[word.upper()] for word in args.outcome or ()),
            currency=args.currency,
            since=since,
            until=until,
            link_statuses=frozenset(LinkStatus(status) for status in args.link_status or ()),
            found=self.source.search(args.search) if args.search else None,
        )
        self.sort = PaymentSort(COLUMN_NAMES[args.sort], args.descending) if args.sort else PaymentSort()
        self.picked = self.table.pick(self.filter, self.sort, self.source)
        self.left_out = 0  # rows --json could not read back (a damaged usage)

    def whole(self) -> Iterator[tuple[PaymentRow, Usage | None]]:
        from linkmanager.services.payment_export import whole_rows

        return whole_rows(self.source, self.table, self.picked.places, BATCH)


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


# -- payments -------------------------------------------------------------------------------------

_HEADER = ("Seen at", "Link", "Reference", "Amount", "Outcome", "Payment status", "Payer", "Payment ID")
_CLIPPED = {1: 30, 2: 20, 6: 24}  # column: most characters shown (names and payer text run long)
_RIGHT = frozenset({3})


@lru_cache(maxsize=4096)  # first sights come in runs (one per sync): one format per run
def _stamp(moment: datetime, zone: tzinfo) -> str:
    """ "2026-03-01 13:00 +04:00": local time with its offset, unambiguous on any terminal."""
    local = moment.astimezone(zone)
    offset = local.strftime("%z")
    return f"{local:%Y-%m-%d %H:%M} {offset[:3]}:{offset[3:5]}"


@lru_cache(maxsize=65536)  # a link's amount recurs on each of its payments; Babel is slow
def _amount(money: Money | None) -> str:
    return "(damaged)" if money is None else format_money(money)


# output.safe and output's width look at each character: ~1 ms a row. Plain ASCII needs neither,
# and the other texts recur ("—", amounts), so they are remembered.
_safe_slowly = lru_cache(maxsize=65536)(safe)
_width_slowly = lru_cache(maxsize=65536)(text_width)
_clip_slowly = lru_cache(maxsize=65536)(clip)
_money_json = lru_cache(maxsize=65536)(money_text)
_utc_json = lru_cache(maxsize=4096)(utc_text)


def _safe(text: str) -> str:
    return text if text.isascii() and text.isprintable() else _safe_slowly(text)


def _width(text: str) -> int:
    return len(text) if text.isascii() else _width_slowly(text)


def _clip(text: str, limit: int) -> str:
    if text.isascii():
        return text if len(text) <= limit else text[: limit - 1] + "…"
    return text if _width(text) <= limit else _clip_slowly(text, limit)


def _cells(row: PaymentRow, zone: tzinfo) -> list[str]:
    texts, link = row.texts, row.link
    seen = _stamp(row.seen_at, zone)
    cells = [
        f"before {seen}" if row.seen_before else seen,
        _safe(link.display_name),  # terminal-safe first (escapes lengthen the text), then clipped
        _safe(link.reference),
        _amount(row.money),
        row.outcome.word,
        _safe(texts.payment_status or "—") if texts else "",
        _safe(texts.first_value or "—") if texts else "",
        _safe(texts.payment_id or "—") if texts else "",
    ]
    return [_clip(cell, _CLIPPED[i]) if i in _CLIPPED else cell for i, cell in enumerate(cells)]


def _lines(rows: Sequence[Sequence[str]], widths: list[int]) -> str:
    """Rows padded to `widths` (fixed by the first batch, so every batch lines up); a longer
    clipped cell is clipped to its column, others overflow it."""
    lines = []
    for row in rows:
        parts = []
        for i, cell in enumerate(row):
            shown = _clip(cell, widths[i]) if i in _CLIPPED else cell
            pad = " " * (widths[i] - _width(shown))
            parts.append(pad + shown if i in _RIGHT else shown + pad)
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines) + "\n"


def _print_rows(chosen: _Chosen, zone: tzinfo, out: TextIO) -> None:
    rows = (_cells(row, zone) for row, _ in chosen.whole())
    batch = list(islice(rows, BATCH))
    # The first batch sets the columns' widths: a million rows are never measured all at once.
    widths = [max([_width(h)] + [_width(row[i]) for row in batch]) for i, h in enumerate(_HEADER)]
    out.write(_lines([_HEADER], widths))
    while batch:
        out.write(_lines(batch, widths))
        batch = list(islice(rows, BATCH))


def _json_rows(chosen: _Chosen) -> Iterator[dict[str, Any]]:
    """Each payment's object; one whose usage cannot be read back is left out (and counted)."""
    from linkmanager.api.wire import usage_to_wire

    for row, usage in chosen.whole():
        if usage is None:
            chosen.left_out += 1
            continue
        link = row.link
        body = usage_to_wire(usage)  # usage_json less its Decimal pass: a usage holds none
        body.update(
            link_id=link.id,
            link_name=link.name,
            reference=link.reference,
            amount=_money_json(link.money) if link.money is not None else None,
            currency=link.currency,
            outcome=row.outcome.word,
            first_seen_at=_utc_json(row.seen_at),
            first_seen_before=row.seen_before,
        )
        yield body


def _stream_json(items: Iterator[dict[str, Any]], out: TextIO) -> None:
    """A JSON array written element by element, one object a line: C-fast (an indented dump is
    pure Python, 10x slower at a million rows), and each line can be read on its own."""
    out.write("[")
    separator = "\n  "
    for item in items:
        out.write(separator + json.dumps(item, ensure_ascii=True, separators=(", ", ": ")))
        separator = ",\n  "
    out.write("\n]\n" if separator != "\n  " else "]\n")


def payments(ctx: Context, args: argparse.Namespace) -> int:
    """`payments`: the picked payments as a table, or as JSON, newest first unless sorted."""
    zone = local_zone()
    chosen = _Chosen(ctx, args, zone)
    _as_of(chosen.cache)
    if args.json:
        _stream_json(_json_rows(chosen), sys.stdout)
    else:
        _print_rows(chosen, zone, sys.stdout)
    note = f" ({chosen.left_out:,} damaged in the cache, left out)" if chosen.left_out else ""
    print(f"{_plural(len(chosen.picked.places), 'payment')}{note}.", file=sys.stderr)
    return 0


# -- totals ---------------------------------------------------------------------------------------


def totals(ctx: Context, args: argparse.Namespace) -> int:
    """`totals`: per currency, the count and sum of the collected, pending and failed payments."""
    from linkmanager.services.payment_totals import totals as outcome_totals

    chosen = _Chosen(ctx, args, local_zone())
    sums = outcome_totals(chosen.table, chosen.picked.mask)
    _as_of(chosen.cache)
    if args.json:
        print_json(
            {
                currency: {
                    outcome.word: {"count": total.count, "amount": format(total.amount, "f")}
                    for outcome, total in by_outcome.items()
                }
                for currency, by_outcome in sums.items()
            },
            sys.stdout,
        )
        return 0
    rows = [  # amounts as format_money shows them (each sum has its currency's digits already)
        [currency if i == 0 else "", outcome.word, f"{total.count:,}", f"{currency}\u00a0{total.amount:,}"]
        for currency, by_outcome in sums.items()
        for i, (outcome, total) in enumerate(by_outcome.items())
    ]
    if rows:
        print(table(rows, ["Currency", "Outcome", "Payments", "Amount"], right=frozenset({2, 3})))
    print(f"{_plural(len(chosen.picked.places), 'payment')} match.", file=sys.stderr)
    return 0


# -- export ---------------------------------------------------------------------------------------


def write_export(
    path: Path,
    fmt: ExportFormat,
    header: ExportHeader,
    columns: Sequence[ExportColumn],
    rows: Iterator[Sequence[object]],
    total: int,
) -> int:
    """export_rows with progress for big exports; its failures and Ctrl+C as one sentence."""
    from linkmanager.services.export import ExportCancelled, ExportError, export_rows

    said = [0]  # tenths said so far

    def progress(written: int) -> None:  # a line on stderr for each further tenth written
        if written * 10 // total > said[0]:
            said[0] = written * 10 // total
            print(f"Exported {said[0] * 10}% ({written:,} of {total:,} rows)…", file=sys.stderr)

    try:
        big = total >= PROGRESS_FROM
        return export_rows(path, fmt, header, columns, rows, total=total, progress=progress if big else None)
    except ExportError as exc:
        raise CommandError(str(exc)) from None
    except (KeyboardInterrupt, ExportCancelled):  # the service removed its temporary file
        raise CommandError("The export was cancelled; no file was written.", EXIT_CANCELLED) from None


def export(ctx: Context, args: argparse.Namespace) -> int:
    """`export links|payments`: the rows that command lists, as a CSV or XLSX file."""
    from linkmanager.services import payment_export as views

    out = Path(args.out)
    try:
        fmt = views.export_format(out, args.format)
    except ValueError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from None
    zone, now = local_zone(), utc_now()
    if args.export_view == "payments":
        chosen = _Chosen(ctx, args, zone)
        cache, title, noun, count = chosen.cache, "Payments", "payment", len(chosen.picked.places)
        filters = views.payment_filters_text(chosen.filter, zone, chosen.sort)
        columns, rows = views.PAYMENTS.columns, views.PAYMENTS.rows(row for row, _ in chosen.whole())
    else:
        cache = ctx.cache()
        status = LinkStatus(args.status) if args.status else None
        sort = (args.sort, args.descending) if args.sort else None
        options = {"status": status, "search": args.search, "currency": args.currency, "sort": sort}
        found = views.chosen_links(cache, now, **options)
        filters = views.link_filters_text(**options)
        title, noun, count, columns = "Links", "link", len(found), views.LINKS.columns
        rows = views.LINKS.rows(found)
    _as_of(cache)
    profile, as_of = ctx.profile, cache.sync_state().last_full_sync
    header = ExportHeader(title, profile.name, profile.environment, filters, as_of, zone, now)
    written = write_export(out, fmt, header, columns, rows, count)
    print(f"Exported {_plural(written, noun)} to {safe(str(out))}.", file=sys.stderr)
    return 0
