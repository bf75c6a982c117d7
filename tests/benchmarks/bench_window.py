"""The window against issue 12's goals, at 10,000 and 100,000 cached links (10 usages a link).

Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_window.py`
     [--sizes 10000,100000] [--repeat 3] [--sync-links 2000] [--root /tmp] [--rebuild] [--json FILE]
`--smoke`: 300 links, one run, a 50-link sync, nothing judged (the test suite runs it so it cannot rot).
Not part of the test suite's timed tests: a benchmark, whose figures are printed side by side, as
progress while it runs, then in one table: measure, value, reference, ratio, goal, met.

Children run with bytecode files, as an installed application does. Each run is a fresh process (bench_window_app.py) opening the cache offline, the way
`linkmanager --profile NAME` does when Lean cannot be reached; runs alternate with an empty
PySide6 QMainWindow (bench_window_baseline.py). Times "after start" run from just before the
process is spawned. Figures are medians over --repeat runs (a "max" is the median run's max);
each run's own figures are printed as it ends. Goals, judged at both sizes:

1. start -> first paint of the links table with rows <= 1.5 x the empty window's + 0.3 s;
2. every row in the table (LinksTableModel.is_complete) and the full search ready (the search
   index built: Workspace.prepare_search done) <= 2 s after start; reference: the first paint;
3. a search keystroke (texts of 3+ characters; no debounce) from setText until the table model
   holds the filtered rows and, if they changed, the links table has painted them: median
   <= 1.5 x the median raw FTS5 query for the same text (`SELECT * ... MATCH`:
   bench_window_app.fts_reference, run right after each keystroke, same process, same file);
   max <= 100 ms. Beside it, the same median against its floor (not the issue's goal, ours):
   each keystroke's FTS5 query plus, when the table changed, a plain QTableView's repaint of
   the same cells (bench_window_app.plain_table_paint): at 10,000 links the query takes ~1 ms
   and Qt's own drawing of a screenful of text ~15 ms, which no table can skip;
4. resident memory (VmRSS) with every row, the search index, after the keystrokes <= 250 MB
   (MB = 10^6 bytes); reference: the empty window's, after its paint;
5. memory with every usage of the largest cache (1,000,000 at 100k links) in the Payments view
   <= 400 MB, and no stall over 50 ms while they load: bench_payments' child on the same cache;
6. event-loop stalls during the load (show() until goal 2 holds): none over 50 ms. A 10 ms timer
   on the GUI thread appends a time at each timeout; a stall is a gap minus 10 ms;
7. the same while a first sync of --sync-links writes into an open window
   (bench_window_sync.py, the simulator in its own process with --latency-ms per answer),
   until its links are all rows; its duration is printed against its floor
   (requests x latency / concurrency, as in bench_sync.py).

The caches are built once (minutes at 100,000: bench_window_data) under ROOT/lm-bench-10k/ and
ROOT/lm-bench-100k/ and reused. To see where a child spends its time, run it under
`.venv/bin/py-spy record` with the arguments in its docstring.
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
from dataclasses import replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_window_data  # noqa: E402
from bench_window_table import Row, print_table  # noqa: E402

PREFIX = "BENCH "
MB = 1024 / 1e6  # from KiB


def run_child(script: str, *args: str, env: dict[str, str], timeout: float) -> tuple[float, dict[str, Any]]:
    """Spawn `script` in a fresh interpreter: (time.time() just before spawning, its BENCH line)."""
    command = [sys.executable, str(HERE / script), *args]
    spawned = time.time()
    done = subprocess.run(command, cwd=HERE, env=env, capture_output=True, text=True, timeout=timeout)
    lines = [json.loads(line[len(PREFIX) :]) for line in done.stdout.splitlines() if line.startswith(PREFIX)]
    noise = [line for line in done.stderr.splitlines() if "does not support propagateSizeHints" not in line]
    if done.returncode != 0 or not lines:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"{script} failed (exit {done.returncode})")
    if noise:
        print("    it said on stderr:\n      " + "\n      ".join(noise[-10:]))
    return spawned, lines[0]


def label_of(links: int) -> str:
    return f"{links // 1000}k" if links % 1000 == 0 else f"{links:,}"


def print_stalls(stalls: dict[str, Any], indent: str = "      ", limit: int = 6) -> None:
    for s in stalls["stalls"][:limit]:
        print(f"{indent}stall {s['ms']:,.0f} ms at {s['at_s']:+.2f} s after show: {s['during']}")
    if len(stalls["stalls"]) > limit:
        print(f"{indent}... and {len(stalls['stalls']) - limit} more")


def warm(cache: Path, env: dict[str, str]) -> None:
    """Read the cache file and start one empty window, untimed: every run then starts with the
    file and the Qt libraries in the OS's page cache, as on a desktop in use. (This machine
    reclaims its page cache on its own: runs minutes apart differed up to 1.6x, the empty
    window's included, and only 0.8 GB of a 1.1 GB cache file was left in memory.)"""
    with cache.open("rb") as file:
        while file.read(16 * 2**20):
            pass
    run_child("bench_window_baseline.py", env=env, timeout=120)


def measure_size(
    links: int, directory: Path, repeat: int, env: dict[str, str], rebuild: bool
) -> dict[str, Any]:
    """Build (or reuse) the cache, then --repeat pairs of runs: the empty window, the app."""
    layout = bench_window_data.Layout(links, 10 * links, min(1_000, links))
    cache, manifest = bench_window_data.ensure(directory, layout, rebuild=rebuild)
    app_args = [
        *("--cache", str(cache), "--manifest", str(directory / f"manifest-{layout.key}.json")),
        *("--now", bench_window_data.WINDOW_NOW.isoformat()),
    ]
    label = label_of(links)
    warm(cache, env)
    baselines, apps = [], []
    for i in range(repeat):
        spawned, base = run_child("bench_window_baseline.py", env=env, timeout=120)
        base["seconds"] = base["first_paint"] - spawned
        baselines.append(base)
        spawned, app = run_child("bench_window_app.py", *app_args, env=env, timeout=1800)
        app["spawned"] = spawned
        for name in ("first_paint", "every row in the table", "search ready"):
            at = app["first_paint"] if name == "first_paint" else app["marks"][name]
            app[f"{name}_s"] = at - spawned
        apps.append(app)
        load, search = app["load_stalls"], app["search"]
        print(
            f"  {label} run {i + 1}: empty window {base['seconds']:.2f} s ({base['memory']['VmRSS'] * MB:,.0f} MB)"
            f" | LinkManager first paint {app['first_paint_s']:.2f} s ({app['rows']:,} rows), every row "
            f"{app['every row in the table_s']:.2f} s, search ready {app['search ready_s']:.2f} s; load stalls: "
            f"max {load['max_ms']:,.0f} ms, {load['over']} over 50 ms; keystrokes median "
            f"{search['median_ms']:,.1f} ms, max {search['max_ms']:,.1f} ms (FTS5 {search['fts_median_ms']:,.1f} / "
            f"{search['fts_max_ms']:,.1f} ms); {app['memory']['VmRSS'] * MB:,.0f} MB",
            flush=True,
        )
        print_stalls(load)
        if "prepare_search" in app["not_traced"]:
            print(
                "      (Workspace.prepare_search is gone: search ready is the end of the search index task alone)"
            )
    median_run = sorted(apps, key=lambda a: a["first_paint_s"])[len(apps) // 2]
    print_start(median_run)
    print_keystrokes(apps)
    return {"label": label, "manifest": manifest, "baselines": baselines, "apps": apps}


def print_start(app: dict[str, Any]) -> None:
    """Where the median start spent its time, from the spawn, with the resident memory then."""
    at = app["spawned"]
    marks = dict(app["marks"])
    marks["window painted (table still empty)"] = app["window_first_paint"]
    marks["links table painted with rows"] = app["first_paint"]
    print(f"\n  the median start ({app['all_rows']:,} links), from the spawn:")
    for name, when in [("interpreter up", app["started"]), *sorted(marks.items(), key=lambda kv: kv[1])]:
        rss = app["memory_at"].get(name)
        print(f"    {name:<36} {when - at:6.2f} s {'' if rss is None else f'{rss * MB:8,.0f} MB'}")
    for where in ("worker_s", "gui_s"):
        calls = "; ".join(
            f"{name} " + ", ".join(f"{s * 1000:,.0f}" for s in seconds[:6]) + " ms"
            for name, seconds in app[where].items()
        )
        print(f"    {'on workers' if where == 'worker_s' else 'on the GUI thread'}: {calls}")
    print(f"    gc pauses during the load: {app['gc_ms_during_load']:,.0f} ms")


def print_keystrokes(apps: list[dict[str, Any]], top: int = 6) -> None:
    keys = [k for app in apps for k in app["search"]["typed"]]
    print(f"\n  the slowest of {len(keys)} keystrokes (all runs; ms from setText):")
    print("    text               total  answered  search  engine  apply  paint from  gc   FTS5    rows")
    for k in sorted(keys, key=lambda k: k["ms"], reverse=True)[:top]:
        paint = "-" if k["paint_began_ms"] is None else f"{k['paint_began_ms']:,.1f}"
        print(
            f"    {k['text']!r:<16} {k['ms']:7,.1f} {k['answered_ms']:9,.1f} {k['search_ms']:7,.1f} "
            f"{k['engine_ms']:7,.1f} {k['apply_ms']:6,.1f} {paint:>11} {k['gc_ms']:4,.0f} {k['fts_ms']:6,.1f} "
            f"{k['rows']:>7,}"
        )
    unpainted = sum(1 for k in keys if k["changed"] and not k["painted"])
    if unpainted:
        print(
            f"    {unpainted} keystrokes changed the table but no paint followed within 2 s (timed to the answer)"
        )


def measure_sync(links: int, latency_ms: int, repeat: int, env: dict[str, str]) -> list[dict[str, Any]]:
    runs = []
    for i in range(repeat):
        args = ("--links", str(links), "--latency-ms", str(latency_ms))
        _, run = run_child("bench_window_sync.py", *args, env=env, timeout=1800)
        run["floor_s"] = run["requests"] * latency_ms / 1000 / run["concurrency"]
        s = run["stalls"]
        print(
            f"  sync run {i + 1}: {run['links']:,} links, {run['requests']:,} requests, sync {run['sync_s']:.2f} s "
            f"(floor {run['floor_s']:.2f} s), all rows {run['in_table_s']:.2f} s after show; stalls: max "
            f"{s['max_ms']:,.0f} ms, {s['over']} over 50 ms (during the sync {run['during_sync']['max_ms']:,.0f} ms, "
            f"after it {run['after_sync']['max_ms']:,.0f} ms)",
            flush=True,
        )
        print_stalls(s)
        runs.append(run)
    return runs


def size_rows(size: dict[str, Any]) -> list[Row]:
    label, apps = size["label"], size["apps"]
    med = statistics.median
    base_s = med(b["seconds"] for b in size["baselines"])
    base_mb = med(b["memory"]["VmRSS"] * MB for b in size["baselines"])
    paint_s = med(a["first_paint_s"] for a in apps)
    every_s = med(a["every row in the table_s"] for a in apps)
    ready_s = med(a["search ready_s"] for a in apps)
    keys = [k for a in apps for k in a["search"]["typed"]]
    key_ms, fts_ms = med(k["ms"] for k in keys), med(k["fts_ms"] for k in keys)
    # The floor of each keystroke: the FTS5 query, and when the table changed, a plain
    # QTableView's paint of the same cells (bench_window_app.plain_table_paint).
    floor_ms = med(
        k["fts_ms"] + (a["plain_paint_ms"] if k["changed"] else 0.0)
        for a in apps
        for k in a["search"]["typed"]
    )
    key_max = statistics.median_high(a["search"]["max_ms"] for a in apps)
    fts_max = statistics.median_high(a["search"]["fts_max_ms"] for a in apps)
    rss = med(a["memory"]["VmRSS"] * MB for a in apps)
    # A real run's figures, the worse one when --repeat is even.
    stall = statistics.median_high(a["load_stalls"]["max_ms"] for a in apps)
    over = statistics.median_high(a["load_stalls"]["over"] for a in apps)
    limit = 1.5 * base_s + 0.3
    return [
        Row(f"{label}: start -> first paint with rows", f"{paint_s:.2f} s", f"{base_s:.2f} s empty window",
            paint_s / base_s, f"<= 1.5 x + 0.3 s = {limit:.2f} s", paint_s <= limit),
        Row(f"{label}: every row in the table, after start", f"{every_s:.2f} s", f"{paint_s:.2f} s first paint",
            every_s / paint_s, "<= 2 s", every_s <= 2.0),
        Row(f"{label}: full search ready, after start", f"{ready_s:.2f} s", f"{paint_s:.2f} s first paint",
            ready_s / paint_s, "<= 2 s", ready_s <= 2.0),
        Row(f"{label}: keystroke, median of {len(keys)}", f"{key_ms:,.1f} ms", f"{fts_ms:,.1f} ms FTS5 query",
            key_ms / fts_ms, "<= 1.5 x", key_ms <= 1.5 * fts_ms),
        Row(f"{label}: keystroke, median, against its floor", f"{key_ms:,.1f} ms", f"{floor_ms:,.1f} ms FTS5 + Qt paint",
            key_ms / floor_ms, "<= 1.5 x (peer)", key_ms <= 1.5 * floor_ms),
        Row(f"{label}: keystroke, max", f"{key_max:,.1f} ms", f"{fts_max:,.1f} ms FTS5 max",
            key_max / fts_max, "<= 100 ms", key_max <= 100),
        Row(f"{label}: memory, all loaded (VmRSS)", f"{rss:,.0f} MB", f"{base_mb:,.0f} MB empty window",
            rss / base_mb, "<= 250 MB", rss <= 250),
        Row(f"{label}: load stalls: max (count > 50 ms)", f"{stall:,.0f} ms ({over:g})", "-",
            None, "<= 50 ms", stall <= 50),
    ]  # fmt: skip


def sync_rows(runs: list[dict[str, Any]]) -> list[Row]:
    med = statistics.median
    links = runs[0]["links"]
    stall = statistics.median_high(r["stalls"]["max_ms"] for r in runs)
    over = statistics.median_high(r["stalls"]["over"] for r in runs)
    sync_s, floor_s = med(r["sync_s"] for r in runs), med(r["floor_s"] for r in runs)
    rows_s = med(r["in_table_s"] for r in runs)
    return [
        Row(f"sync of {links:,} links into the window: stalls", f"{stall:,.0f} ms ({over:g})",
            f"sync {sync_s:.2f} s, all rows {rows_s:.2f} s", None, "<= 50 ms", stall <= 50),
        Row(f"sync of {links:,} links: its duration", f"{sync_s:.2f} s", f"{floor_s:.2f} s floor",
            sync_s / floor_s, "(issue 11)", None),
    ]  # fmt: skip


def payments_rows(links: int, args: argparse.Namespace, env: dict[str, str]) -> list[Row]:
    """Goal 5: the Payments view's memory with every usage of the largest cache loaded, measured
    by bench_payments' child on the same cache (its other goals are in bench_payments.py)."""
    import bench_payments

    print(
        f"\nthe Payments view over the {label_of(links)} cache's usages (bench_payments_app.py):", flush=True
    )
    wanted = argparse.Namespace(
        links=links, usages_per_link=10, repeat=args.repeat, root=args.root, rebuild=False, verbose=False
    )
    rows = bench_payments.rows_of(bench_payments.measure(wanted, env))
    memory = [row for row in rows if "memory" in row.measure]
    stalls = [row for row in rows if "stalls" in row.measure]
    return [replace(row, measure=f"Payments view, {row.measure}") for row in memory + stalls]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="links per cache, 10 usages each")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each kind (the median counts)")
    parser.add_argument("--sync-links", type=int, default=2_000)
    parser.add_argument("--latency-ms", type=int, default=20, help="the simulator's time per answer")
    parser.add_argument("--root", type=Path, default=Path("/tmp"), help="where the caches are kept")
    parser.add_argument("--rebuild", action="store_true", help="build the caches again even if they exist")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, one run, no goals (the test suite)")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    temporary = None
    if args.smoke:
        temporary = tempfile.TemporaryDirectory(prefix="lm-bench-smoke-")
        sizes, args.repeat, args.sync_links, args.root = [300], 1, 50, Path(temporary.name)
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # As installed (pip compiles every module): without bytecode files each start would compile
    # the application's modules again, ~60 ms the empty window never pays.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run(
        [sys.executable, "-c", "import linkmanager.app, linkmanager.ui.main_window"], env=env, check=True
    )
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE), env.get("PYTHONPATH")]))

    began = time.perf_counter()
    print(f"runs alternate, {args.repeat} of each (QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']}):", flush=True)
    measured = []
    for links in sizes:
        directory = args.root / f"lm-bench-{label_of(links)}"
        measured.append(measure_size(links, directory, args.repeat, env, args.rebuild))
    print(f"\na first sync into an open window, {args.latency_ms} ms per answer:", flush=True)
    syncs = measure_sync(args.sync_links, args.latency_ms, args.repeat, env)

    rows = [row for size in measured for row in size_rows(size)]
    rows += payments_rows(sizes[-1], args, env)
    rows += sync_rows(syncs)
    held = ", ".join(
        f"{s['manifest']['links']:,} links + {s['manifest']['usages']:,} usages" for s in measured
    )
    took = time.perf_counter() - began
    print(f"\n{held}; medians of {args.repeat} runs; {os.cpu_count()} CPUs; whole run {took:.0f} s")
    print_table(rows, smoke=args.smoke)
    if args.json:
        table = [row.cells(args.smoke) for row in rows]
        everything = {"sizes": measured, "syncs": syncs, "table": table}
        args.json.write_text(json.dumps(everything, ensure_ascii=False, indent=1), encoding="utf-8")
    if temporary is not None:
        temporary.cleanup()


if __name__ == "__main__":
    main()
