"""The Payments view against issues 12 and 13's goals, at 1,000,000 cached usages (100,000 links).

Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_payments.py`
     [--links 100000] [--usages-per-link 10] [--repeat 3] [--root /tmp] [--rebuild] [--json FILE]
`--smoke`: 200 links x 5 usages, one run, nothing judged (the test suite runs it so it cannot rot).
Not part of the test suite's timed tests: a benchmark, printing each run's figures as it ends,
then one table: measure, value, reference, ratio, goal, met.

Each run is a fresh process (bench_payments_app.py) opening the cache offline as bench_window's
children do; it waits until the Links view has loaded and the event loop is idle, then shows
the Payments view (MainWindow.show_view(1), as Ctrl+2). Figures are medians over --repeat runs
unless said otherwise; references are measured in the same process, on the same (warm) file:

1. first screen: show_view(1) -> the first paint of the payments table's viewport with rows
   <= 1 s (issue 13); reference: the raw SQL a first screen needs at least (the newest 100
   usages joined to their links, every column: bench_payments_app.FIRST_SQL);
2. every payment loaded: show_view(1) -> PaymentsController.loaded (every usage read, picked,
   counted and totalled, the rows in the table); reported, no goal (issue 13 sets none); reference:
   `SELECT key, link_key, first_seen_at, outcome FROM usages` fetched whole (ALL_SQL);
3. a filter change (outcome tabs, currency, date range, link status, and back), from
   setCurrentIndex to the table's next paint after the answer's model reset: max over every
   change of every run <= 150 ms (issue 13), the median reported; reference: the raw count
   of the same filter (`SELECT count(*) FROM usages WHERE outcome = 1`, joined to links for
   currency and link status) run right after each change;
4. event-loop stalls from show_view(1) to loaded: none over 50 ms (issue 12; StallWatch, the
   median run's max);
5. resident memory (VmRSS) with the Links view loaded and every payment, after the filter
   changes <= 400 MB (issue 12; MB = 10^6 bytes); reference: the same process before
   show_view(1), the Links view alone.

The cache is bench_window_data's (built once under ROOT/lm-bench-100k/, shared with
bench_window.py). Note: its usages were all first seen at one moment (bench_window_data.NOW), and
the date filter counts from the real clock: "Last 7 days" shows no row, a change all the same.
To see where a child spends its time, run it under `.venv/bin/py-spy record` with the arguments
printed by --verbose.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_window_data  # noqa: E402
from bench_window import MB, label_of, print_stalls, run_child, warm  # noqa: E402
from bench_window_table import Row, print_table  # noqa: E402

PAYMENT_TASKS = ("task payments first", "task payments table", "task payments pick")
GUI_CALLS = ("show_first", "show_rows", "_read_block", "show_counts", "show_totals", "_on_picked", "repaint")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def measure(args: argparse.Namespace, env: dict[str, str]) -> dict[str, Any]:
    """Build (or reuse) the cache, warm it, then --repeat runs of the child."""
    usages = args.links * args.usages_per_link
    layout = bench_window_data.Layout(args.links, usages, min(1_000, args.links))
    directory = args.root / f"lm-bench-{label_of(args.links)}"
    cache, manifest = bench_window_data.ensure(directory, layout, rebuild=args.rebuild)
    child_args = ["--cache", str(cache), "--now", bench_window_data.WINDOW_NOW.isoformat()]
    if args.verbose:
        print(f"  child: {HERE / 'bench_payments_app.py'} {' '.join(child_args)}")
    warm(cache, env)
    runs = []
    for i in range(args.repeat):
        spawned, run = run_child("bench_payments_app.py", *child_args, env=env, timeout=1800)
        began = run["show_began"]
        run["spawned"] = spawned
        run["first_s"] = run["first_paint"] - began
        run["loaded_s"] = run["loaded"] - began
        changes = run["changes"]
        load, rss = run["load_stalls"], run["memory"]["VmRSS"] * MB
        print(
            f"  run {i + 1}: first screen {ms(run['first_s'])} ({run['first_rows']:,} rows; FIRST_SQL "
            f"{ms(run['first_sql_s'])}), every payment {ms(run['loaded_s'])} ({run['rows_loaded']:,} rows; "
            f"ALL_SQL {ms(run['all_sql_s'])}); load stalls max {load['max_ms']:,.0f} ms, {load['over']} over "
            f"50 ms; filter changes median {statistics.median(c['ms'] for c in changes):,.0f} ms, max "
            f"{max(c['ms'] for c in changes):,.0f} ms; {rss:,.0f} MB (Links only "
            f"{run['memory_links_only']['VmRSS'] * MB:,.0f} MB, peak {run['memory']['VmHWM'] * MB:,.0f} MB)",
            flush=True,
        )
        print_stalls(load)
        runs.append(run)
    median_run = sorted(runs, key=lambda r: r["first_s"])[len(runs) // 2]
    print_load(median_run)
    print_changes(runs)
    return {"manifest": manifest, "runs": runs}


def print_load(run: dict[str, Any]) -> None:
    """Where the median run's show_view(1) spent its time, with the resident memory."""
    at = run["show_began"]
    print(f"\n  the median run's Payments view ({run['rows_loaded']:,} payments), from show_view(1):")
    marks = [
        ("show_view(1) returned (modules, page made)", run["show_returned"]),
        ("payments table painted (empty)", run["page_painted"]),
        ("first paint with rows", run["first_paint"]),
        ("every payment loaded", run["loaded"]),
    ]
    for name, when in marks:
        print(f"    {name:<44} {'-' if when is None else f'{(when - at) * 1000:8,.0f} ms'}")
    tasks = "; ".join(
        f"{name[5:]} " + ", ".join(f"{s * 1000:,.0f}" for s in run["worker_s"][name][:6]) + " ms"
        for name in PAYMENT_TASKS
        if name in run["worker_s"]
    )
    print(f"    on workers: {tasks}")
    gui = "; ".join(
        f"{name} {len(run['gui_s'][name])}x, {sum(run['gui_s'][name]) * 1000:,.0f} ms in all, max "
        f"{max(run['gui_s'][name]) * 1000:,.0f}"
        for name in GUI_CALLS
        if run["gui_s"].get(name)
    )
    print(f"    on the GUI thread (from show_view(1) to the end): {gui}")
    print(f"    gc pauses during the load: {run['gc_ms_during_load']:,.0f} ms")
    mem = [("before show_view(1)", run["memory_links_only"]), ("at loaded", run["memory_loaded"])]
    mem.append(("after the filter changes", run["memory"]))
    print(
        "    VmRSS "
        + ", ".join(f"{n} {m['VmRSS'] * MB:,.0f} MB" for n, m in mem)
        + f"; peak {run['memory']['VmHWM'] * MB:,.0f} MB"
    )
    if run["not_traced"]:
        print(f"    (not in the app any more, not traced: {', '.join(run['not_traced'])})")


def print_changes(runs: list[dict[str, Any]]) -> None:
    changes = [c for r in runs for c in r["changes"]]
    print(f"\n  the filter changes, slowest first ({len(changes)}: all runs; ms from setCurrentIndex):")
    print("    (pick: its worker task, pick and totals; texts: _read_block on the GUI thread; repaint: the")
    print("    window's repaint that drew the answer; SQL: the raw count of the same filter; rows: shown)")
    print(
        "    change                    total  answered  pick  show_rows  totals  texts  paint from  repaint  gc"
        "     SQL      rows"
    )
    for c in sorted(changes, key=lambda c: c["ms"], reverse=True):
        paint = "-" if c["paint_began_ms"] is None else f"{c['paint_began_ms']:,.1f}"
        repaint = "-" if c["repaint_ms"] is None else f"{c['repaint_ms']:,.1f}"
        print(
            f"    {c['label']:<24} {c['ms']:7,.1f} {c['answered_ms']:9,.1f} {c['pick_ms']:5,.0f} "
            f"{c['show_rows_ms']:10,.1f} {c['totals_ms']:7,.1f} {c['texts_ms']:6,.1f} {paint:>11} "
            f"{repaint:>8} {c['gc_ms']:3,.0f} {c['sql_ms']:7,.1f} {c['rows']:>9,}"
        )
    unpainted = [c["label"] for c in changes if not c["painted"]]
    if unpainted:
        print(f"    no paint followed within 2 s (timed to the answer): {', '.join(unpainted)}")
    stalls = statistics.median_high(r["filter_stalls"]["max_ms"] for r in runs)
    print(f"    event-loop stalls during the changes: the median run's max {stalls:,.0f} ms")


def rows_of(measured: dict[str, Any]) -> list[Row]:
    runs, med = measured["runs"], statistics.median
    usages = f"{measured['manifest']['usages']:,} usages"
    first_s, first_sql = med(r["first_s"] for r in runs), med(r["first_sql_s"] for r in runs)
    loaded_s, all_sql = med(r["loaded_s"] for r in runs), med(r["all_sql_s"] for r in runs)
    changes = [c for r in runs for c in r["changes"]]
    change_ms, sql_ms = med(c["ms"] for c in changes), med(c["sql_ms"] for c in changes)
    worst = max(changes, key=lambda c: c["ms"])
    sql_max = max(c["sql_ms"] for c in changes)
    stall = statistics.median_high(r["load_stalls"]["max_ms"] for r in runs)
    over = statistics.median_high(r["load_stalls"]["over"] for r in runs)
    rss = med(r["memory"]["VmRSS"] * MB for r in runs)
    links_only = med(r["memory_links_only"]["VmRSS"] * MB for r in runs)
    return [
        Row(f"{usages}: first screen (show_view -> paint with rows)", ms(first_s),
            f"{ms(first_sql)} SQL newest 100 + links", first_s / first_sql, "<= 1 s", first_s <= 1.0),
        Row(f"{usages}: every payment loaded (show_view -> loaded)", ms(loaded_s),
            f"{ms(all_sql)} SQL every usage's numbers", loaded_s / all_sql, "report (no goal)", None,
            "reported"),
        Row(f"{usages}: filter change, max of {len(changes)} ({worst['label']})", f"{worst['ms']:,.1f} ms",
            f"{sql_max:,.1f} ms SQL count max", worst["ms"] / sql_max, "<= 150 ms", worst["ms"] <= 150),
        Row(f"{usages}: filter change, median of {len(changes)}", f"{change_ms:,.1f} ms",
            f"{sql_ms:,.1f} ms SQL count", change_ms / sql_ms, "(the goal is on the max)", None,
            "reported"),
        Row(f"{usages}: stalls while the payments load: max (count > 50 ms)", f"{stall:,.0f} ms ({over:g})",
            f"{ms(loaded_s)} load", None, "<= 50 ms", stall <= 50),
        Row(f"{usages}: memory, Links + every payment (VmRSS)", f"{rss:,.0f} MB",
            f"{links_only:,.0f} MB Links view only", rss / links_only, "<= 400 MB", rss <= 400),
    ]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--links", type=int, default=100_000, help="links in the cache")
    parser.add_argument("--usages-per-link", type=int, default=10, help="usages per link, on average")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs, each a fresh process (the median counts)"
    )
    parser.add_argument("--root", type=Path, default=Path("/tmp"), help="where the caches are kept")
    parser.add_argument("--rebuild", action="store_true", help="build the cache again even if it exists")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, one run, no goals (the test suite)")
    parser.add_argument("--verbose", action="store_true", help="print the child's command line")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args()
    temporary = None
    if args.smoke:
        temporary = tempfile.TemporaryDirectory(prefix="lm-bench-payments-smoke-")
        args.links, args.usages_per_link, args.repeat, args.root = 200, 5, 1, Path(temporary.name)
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode files, as installed (see bench_window)
    compiled = (
        "import linkmanager.app, linkmanager.ui.main_window, linkmanager.ui.controllers.payments_controller"
    )
    subprocess.run([sys.executable, "-c", compiled], env=env, check=True)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE), env.get("PYTHONPATH")]))

    began, load_before = time.perf_counter(), os.getloadavg()[0]
    print(f"{args.repeat} runs, each a fresh process (QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']}):", flush=True)
    measured = measure(args, env)
    rows = rows_of(measured)
    m = measured["manifest"]
    took = time.perf_counter() - began
    print(
        f"\n{m['links']:,} links + {m['usages']:,} usages; medians of {args.repeat} runs; "
        f"{os.cpu_count()} CPUs, load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after (the other"
        f" processes' share); whole run {took:.0f} s"
    )
    print_table(rows, smoke=args.smoke)
    if args.json:
        table = [row.cells(args.smoke) for row in rows]
        args.json.write_text(json.dumps({**measured, "table": table}, ensure_ascii=False, indent=1), "utf-8")
    if temporary is not None:
        temporary.cleanup()


if __name__ == "__main__":
    main()
