"""The export writer on its own (no Qt): 1,000,000 payment-like rows to CSV and to XLSX.

Run: `.venv/bin/python tests/benchmarks/bench_export.py [--rows 1000000] [--small 100000]`;
`--smoke` runs tiny sizes and judges nothing (the test suite runs it so it cannot rot).

Rows are made lazily, as the cache hands them out: 10 columns (a moment, 2 texts, money, its
currency, 2 statuses, 3 ids), some Arabic, some that a spreadsheet would run. Each measure is a
fresh process (`--child`), so its peak resident memory (ru_maxrss) is its own; growth is that
peak less the peak once everything is imported and warmed up. References, same rows, same run:
plain `csv.writer` (the floor of any CSV) and openpyxl's write-only append with no styles and no
checks (the floor of an XLSX made with openpyxl); and, to show that the memory measure sees rows
that are kept, csv.writer over the rows collected into a list first. Goals: memory bounded, whatever the row count
(peak growth <= 50 MB, shown at --small and at --rows), CSV <= 3x its floor, XLSX <= 2x its
(every XLSX cell is styled: text "@", money and moments their formats; openpyxl pays a style
lookup and an exception per styled cell it is handed).
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_window_table import Row, print_table  # noqa: E402

from linkmanager.domain.money import Money  # noqa: E402
from linkmanager.services.export import ExportColumn, ExportHeader, export_rows  # noqa: E402

MEMORY_GOAL_MB = 50
CSV_GOAL, XLSX_GOAL = 3.0, 2.0
START = datetime(2026, 1, 1, tzinfo=UTC)
NAMES = ["Ahmed Al Mansouri", "Fatima Rashid", "Omar Haddad", "ليلى يوسف", "محمد خالد", "Mariam O'Neil"]
NOTES = ["Rent December", "Invoice INV-2026-0042", "فاتورة الكهرباء", "Tuition, term 2", "-5% discount"]
COLUMNS = [
    ExportColumn("Paid at", "moment"),
    ExportColumn("Payer", "text"),
    ExportColumn("Description", "text"),
    ExportColumn("Amount", "money"),
    ExportColumn("Currency", "text"),
    ExportColumn("Outcome", "text"),
    ExportColumn("Link status", "text"),
    ExportColumn("Usage id", "text"),
    ExportColumn("Link id", "text"),
    ExportColumn("Customer id", "text"),
]
HEADER = ExportHeader(
    "Payments", "Main office", "sandbox", "All; AED, KWD; this year", START, ZoneInfo("Asia/Dubai"), START
)


def payment_rows(count: int, plain: bool = False) -> Iterator[tuple[object, ...]]:
    """`count` rows, made one at a time. `plain`: the amount as a Decimal and the moment naive,
    as the floors take them (csv.writer would format Money through Babel; openpyxl refuses zones)."""
    amounts = [
        Money(Decimal(100 + 37 * i).scaleb(-3 if i % 3 else -2), "KWD" if i % 3 else "AED")
        for i in range(997)
    ]
    for i in range(count):
        money = amounts[i % 997]
        payer = '=HYPERLINK("http://x","y")' if i % 101 == 0 else NAMES[i % 6]
        moment = START + timedelta(seconds=37 * i)
        yield (
            moment.replace(tzinfo=None) if plain else moment,
            payer,
            NOTES[i % 5],
            money.amount if plain else money,
            money.currency,
            "completed" if i % 9 else "failed",
            "active" if i % 4 else "used",
            f"u-{i:08d}",
            f"{i * 2654435761 % 2**64:016x}",
            None if i % 3 else f"cust-{i % 997}",
        )


def run(kind: str, count: int, path: Path) -> None:
    if kind == "csv.writer":
        with path.open("w", encoding="utf-8-sig", newline="") as file:
            writer = csv.writer(file)
            for row in payment_rows(count, plain=True):
                writer.writerow(row)
    elif kind == "held":  # calibration: what collecting the rows first would cost
        held = list(payment_rows(count, plain=True))
        with path.open("w", encoding="utf-8-sig", newline="") as file:
            csv.writer(file).writerows(held)
    elif kind == "openpyxl":
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        ws = workbook.create_sheet("Payments")
        for row in payment_rows(count, plain=True):
            ws.append(row)
        workbook.save(path)
    else:
        assert export_rows(path, kind, HEADER, COLUMNS, payment_rows(count), total=count) == count  # type: ignore[arg-type]


def peak_bytes() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # macOS counts bytes, Linux KiB


def child(kind: str, count: int, folder: Path) -> None:
    """One measure in this fresh process: warmed up first, then timed, printed as JSON."""
    run(kind, 200, folder / f"warm-up.{kind}")
    before = peak_bytes()
    start = time.perf_counter()
    run(kind, count, folder / f"out.{kind}")
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "growth": peak_bytes() - before}))


def measure(kind: str, count: int, folder: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(count), str(folder)],
        capture_output=True,
        text=True,
        check=True,
    )
    figures: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    print(f"  {kind:<10} {count:>9,} rows: {figures['seconds']:7.2f} s, peak growth {figures['growth'] / 1e6:6.1f} MB", flush=True)  # fmt: skip
    for path in folder.iterdir():
        path.unlink()
    return figures


def table(big: int, small: int, figures: dict[tuple[str, int], dict[str, float]]) -> list[Row]:
    def seconds(kind: str) -> float:
        return figures[kind, big]["seconds"]

    def mb(kind: str, count: int) -> float:
        return figures[kind, count]["growth"] / 1e6

    floor = seconds("csv.writer")
    rows = [
        Row(f"CSV export, {big:,} rows", f"{seconds('csv'):.1f} s", f"csv.writer {floor:.1f} s",
            seconds("csv") / floor, f"<= {CSV_GOAL:g}x", seconds("csv") / floor <= CSV_GOAL),
        Row(f"XLSX export, {big:,} rows", f"{seconds('xlsx'):.1f} s", f"csv.writer {floor:.1f} s",
            seconds("xlsx") / floor, "(openpyxl's XML)", None),
        Row(f"XLSX export, {big:,} rows", f"{seconds('xlsx'):.1f} s", f"openpyxl append {seconds('openpyxl'):.1f} s",
            seconds("xlsx") / seconds("openpyxl"), f"<= {XLSX_GOAL:g}x", seconds("xlsx") / seconds("openpyxl") <= XLSX_GOAL),
    ]  # fmt: skip
    kinds = {"csv": "CSV", "xlsx": "XLSX", "csv.writer": "csv.writer", "openpyxl": "openpyxl"}
    kinds["held"] = "rows held in a list"
    goals = {"csv": f"<= {MEMORY_GOAL_MB} MB", "xlsx": f"<= {MEMORY_GOAL_MB} MB", "held": "(calibration)"}
    for kind, name in kinds.items():
        grown, before = mb(kind, big), mb(kind, small)
        goal = goals.get(kind, "(floor)")
        met = grown <= MEMORY_GOAL_MB if kind in ("csv", "xlsx") else None
        rows.append(
            Row(f"{name}: peak memory growth, {big:,} rows", f"{grown:.1f} MB", f"{small:,} rows: {before:.1f} MB",
                grown / before if before > 0 else None, goal, met)
        )  # fmt: skip
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--small", type=int, default=100_000, help="the size memory growth is compared with")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, no goals (for the test suite)")
    parser.add_argument("--child", nargs=3, metavar=("KIND", "ROWS", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, count, folder = args.child
        child(kind, int(count), Path(folder))
        return
    if args.smoke:
        args.rows, args.small = 3_000, 300
    began = time.perf_counter()
    figures: dict[tuple[str, int], dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="lm-bench-export-") as folder:
        for count in (args.small, args.rows):
            for kind in ("csv.writer", "csv", "openpyxl", "xlsx", "held"):
                figures[kind, count] = measure(kind, count, Path(folder))
    took = time.perf_counter() - began
    print(
        f"\nexport of {args.rows:,} payment rows (10 columns); one fresh process per measure; whole run {took:.0f} s"
    )
    rows = table(args.rows, args.small, figures)
    print_table(rows, smoke=args.smoke)
    if not args.smoke and any(row.met is False for row in rows):
        sys.exit(1)


if __name__ == "__main__":
    main()
