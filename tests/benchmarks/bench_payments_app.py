"""bench_payments' child: LinkManager on a big cache offline, Links view loaded, then Payments.

Run by bench_payments.py in a fresh process each time:
    bench_payments_app.py --cache FILE --now ISO
The window starts as in bench_window_app (`linkmanager --profile NAME` offline: the client factory
raises LeanTransportError, the first sync fails; a throwaway home). The offline retries are held
off (sync_controller.OFFLINE_RETRY_MS): a retry 15 s in would land in some runs' measures only.

In order, one BENCH line on stdout holding every result:
1. the Links view loaded (every row, the search index) and every task done: the event loop idle;
   VmRSS then (the memory reference);
2. show_view(1), timed to the first paint of the payments table's viewport with rows, then to
   PaymentsController.loaded (every usage read, picked, counted, totalled), with the event-loop
   stalls between (StallWatch);
3. filter changes (setCurrentIndex on the page's widgets), each timed to the table's next paint
   after the answer's model reset, each followed by its raw SQLite count (the reference);
4. VmRSS (every payment loaded, after the changes); then the raw references that allocate:
   the first screen's query and every usage's numbers read as rows.
"""

from __future__ import annotations

import time

STARTED = time.time()  # before anything heavy is imported

import argparse  # noqa: E402
import contextlib  # noqa: E402
import gc  # noqa: E402
import logging  # noqa: E402
import sqlite3  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
from collections.abc import Callable  # noqa: E402
from datetime import datetime  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

ARGS = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ARGS.add_argument("--cache", required=True, type=Path)
ARGS.add_argument("--now", required=True, help="the window's fixed clock, ISO 8601 (see bench_window_data)")
OPTIONS = ARGS.parse_args()

# As `linkmanager --profile NAME`: the app's modules before PySide6 (linkmanager/app.py).
import linkmanager.app  # noqa: E402, F401
from linkmanager.cli.main import window_args  # noqa: E402

# isort: split
from bench_window_paint import PaintWatch, clock, emit, memory_kib, spin_until  # noqa: E402
from bench_window_trace import StallWatch, Trace  # noqa: E402

HOME = tempfile.TemporaryDirectory(prefix="lm-bench-home-")  # the window's ui-state.ini, removed at exit
TRACE = Trace()
STALLS = StallWatch()
SHOWN: list[float] = []  # clock() just before show_view(1)
# Traced once the Payments modules are loaded (by show_view(1) itself: importing them earlier
# would take their import out of the first screen); recorded when the app has them.
TRACED = {
    "PaymentsTableModel": ("show_first", "apply", "_read_block"),
    "PaymentsPage": ("show_counts", "show_totals", "set_currencies"),
    "PaymentsController": ("_on_picked",),
}
# The first screen's floor: the newest 100 usages with their links, every column, from the index.
FIRST_SQL = (
    "SELECT u.*, l.* FROM usages AS u JOIN links AS l ON l.key = u.link_key "
    "ORDER BY u.first_seen_at DESC, u.key DESC LIMIT 100"
)
# Reading every usage's numbers at all, as rows: the floor of "every payment loaded".
ALL_SQL = "SELECT key, link_key, first_seen_at, outcome FROM usages"


def main() -> None:
    args = window_args(["--profile", "Bench", "--home", HOME.name])
    assert args is not None  # no command: the window
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from PySide6.QtCore import QSettings

    from linkmanager.api.errors import LeanTransportError
    from linkmanager.resources import resource_path
    from linkmanager.services.workspace import ProfileInfo, Workspace
    from linkmanager.storage.cache import LinkCache
    from linkmanager.ui.app_setup import create_application
    from linkmanager.ui.controllers import sync_controller
    from linkmanager.ui.main_window import MainWindow
    from linkmanager.ui.session import local_zone
    from linkmanager.ui.tasks import TaskRunner

    sync_controller.OFFLINE_RETRY_MS = (3_600_000,)  # no quiet retry during the measures
    app = create_application(icon_file=resource_path("icons", "linkmanager.svg"))
    cache = LinkCache.open(OPTIONS.cache)

    def offline() -> Any:
        raise LeanTransportError("Lean cannot be reached (bench_payments runs offline)")

    info = ProfileInfo(args.profile, "production", "https://api.leantech.me", sync_interval_minutes=5)
    now = datetime.fromisoformat(OPTIONS.now)
    workspace = Workspace(info, cache, offline, tz=local_zone(), clock=lambda: now)
    settings = QSettings(str(Path(args.home) / "ui-state.ini"), QSettings.Format.IniFormat)
    runner = TaskRunner()
    window = MainWindow(workspace, runner, settings)
    TRACE.wrap_runner(runner)
    TRACE.watch_repaints(window)
    window.show()
    window.start()
    links_idle(window, runner)
    results: dict[str, Any] = {"started": STARTED, "memory_links_only": memory_kib()}
    results.update(open_payments(window))
    ctl = window.payments
    results["changes"] = filter_changes(ctl, OPTIONS.cache)
    results["filter_stalls"] = STALLS.summary(results["changes"][0]["began"], clock(), TRACE, SHOWN[0])
    STALLS.stop()
    results["memory"] = memory_kib()  # the Links view and every payment, after the changes
    results["rows_loaded"] = ctl.model.rowCount()
    results["worker_s"] = {
        n: TRACE.seconds(n) for n in dict.fromkeys(c.name for c in TRACE.calls if not c.gui)
    }
    results["gui_s"] = {
        n: TRACE.seconds(n, SHOWN[0]) for n in dict.fromkeys(c.name for c in TRACE.calls if c.gui)
    }
    results["first_sql_s"] = statistics.median(first_reference(OPTIONS.cache) for _ in range(3))
    results["all_sql_s"], results["all_sql_rows"] = all_reference(OPTIONS.cache)
    emit(**results)
    window.close()
    runner.wait_idle(10_000)
    workspace.close()
    app.processEvents()


def idle(runner: Any) -> bool:
    """No task in flight on the window's runner (its private table: a benchmark may look)."""
    tasks = getattr(runner, "_tasks", None)
    if tasks is None:  # the runner changed: the keys the Links view's start uses
        return not any(runner.busy(k) for k in ("first links", "links", "counts", "search index", "sync"))
    return not tasks


def links_idle(window: Any, runner: Any) -> None:
    """The Links view's start over: every row, the search index, the first sync failed, no task
    left; then 0.3 s of an idle loop (what a person switching views would find)."""
    spin_until(
        lambda: window.model.rowCount() > 0 and window.model.is_complete, 600, "every link in the table"
    )
    spin_until(lambda: not window.sync.online, 120, "the first sync failing (offline)")
    spin_until(lambda: idle(runner), 120, "the Links view's tasks (search index, counts, problems)")
    quiet = clock() + 0.3
    spin_until(lambda: clock() >= quiet, 5, "a quiet loop")
    spin_until(lambda: idle(runner), 60, "the Links view's tasks, again")


def trace_payments() -> list[str]:
    from linkmanager.ui.controllers.payments_controller import PaymentsController
    from linkmanager.ui.models.payments_model import PaymentsTableModel
    from linkmanager.ui.widgets.payments_page import PaymentsPage

    owners = {"PaymentsTableModel": PaymentsTableModel, "PaymentsPage": PaymentsPage}
    owners["PaymentsController"] = PaymentsController
    return [name for owner, names in TRACED.items() for name in names if not TRACE.wrap(owners[owner], name)]


def open_payments(window: Any) -> dict[str, Any]:
    """show_view(1): to the first paint with rows, to `loaded`; the stalls in between."""
    loads: list[float] = []
    STALLS.start()
    began = clock()
    SHOWN.append(began)
    window.show_view(1)
    returned = clock()  # the page's modules load on a worker; the page is made when they are in
    spin_until(lambda: window.payments is not None, 60, "the Payments page made (its modules imported)")
    ctl = window.payments
    model, viewport = ctl.model, ctl.page.table.viewport()
    had_rows = model.rowCount()  # 0: no paint with rows can have happened before the watch
    not_traced = trace_payments()
    ctl.loaded.connect(lambda: loads.append(clock()))
    page_painted = PaintWatch(viewport)
    filled = PaintWatch(viewport, lambda: model.rowCount() > 0)
    spin_until(lambda: filled.painted is not None, 120, "the payments table's first paint with rows")
    first_rows = model.rowCount()
    spin_until(lambda: bool(loads), 600, "every payment loaded (PaymentsController.loaded)")
    loaded = loads[0]
    memory_loaded = memory_kib()
    with contextlib.suppress(TimeoutError):  # the paint of the whole table, for the record
        after = PaintWatch(viewport)
        spin_until(lambda: after.painted is not None, 2, "the paint after loaded")
    return {
        "show_began": began,
        "show_returned": returned,
        "had_rows_at_show": had_rows,
        "page_painted": page_painted.painted,
        "first_paint": filled.painted,
        "first_paint_started": filled.started,
        "first_rows": first_rows,
        "loaded": loaded,
        "memory_loaded": memory_loaded,
        "load_stalls": STALLS.summary(began, loaded, TRACE, began),
        "gc_ms_during_load": TRACE.gc_ms(began, loaded),
        "not_traced": not_traced,
    }


def index_of(combo: Any, value: object) -> int:
    for i in range(combo.count()):
        if combo.itemData(i) == value:
            return i
    raise LookupError(f"{combo.accessibleName()!r} has no item {value!r}")


def changes_of(page: Any) -> list[tuple[str, Callable[[], None]]]:
    """The filter changes, in order (each keeps the ones before it); back to every payment at the end."""
    from linkmanager.domain.status import LinkStatus
    from linkmanager.services.date_ranges import QuickRange

    def choose(combo: Any, value: object) -> Callable[[], None]:
        at = index_of(combo, value)  # looked up before the clock starts
        return lambda: combo.setCurrentIndex(at)

    def tab(at: int) -> Callable[[], None]:
        return lambda: page.tabs.setCurrentIndex(at)

    return [
        ("tab Collected", tab(1)),
        ("tab Pending with bank", tab(2)),
        ("currency AED", choose(page.currency, "AED")),
        ("dates Last 7 days", choose(page.dates, QuickRange.LAST_7_DAYS)),
        ("dates All dates", choose(page.dates, QuickRange.ALL)),
        ("link status Active", choose(page.link_status, LinkStatus.ACTIVE)),
        ("tab All payments", tab(0)),
        ("currency All", choose(page.currency, None)),
        ("link status Any", choose(page.link_status, None)),
    ]


def filter_changes(ctl: Any, cache: Path) -> list[dict[str, Any]]:
    """Each change from setCurrentIndex to the payments table's next paint after the answer
    (`loaded`, emitted once the model reset, the counts and the totals are done); then the raw
    count for the same filter (the reference)."""
    page, model = ctl.page, ctl.model
    viewport = page.table.viewport()
    loads: list[float] = []
    ctl.loaded.connect(lambda: loads.append(clock()))
    counted = count_reference(cache)
    made = []
    for label, change in changes_of(page):
        before = len(loads)
        watch = PaintWatch(viewport, lambda before=before: len(loads) > before)
        began = clock()
        change()
        spin_until(lambda before=before: len(loads) > before, 60, f"the answer to {label!r}")
        answered = loads[before]
        with contextlib.suppress(TimeoutError):  # counted to the answer then, and said so
            spin_until(lambda watch=watch: watch.painted is not None, 2, f"the paint after {label!r}")
        ended = watch.painted if watch.painted is not None else answered
        watch.remove()
        sql_s, sql_count, sql = counted(ctl.current_filter())
        made.append({
            "label": label,
            "began": began,
            "ms": (ended - began) * 1000,
            "answered_ms": (answered - began) * 1000,
            "paint_began_ms": None if watch.started is None else (watch.started - began) * 1000,
            "pick_ms": sum(TRACE.seconds("task payments pick", began)) * 1000,
            "show_rows_ms": sum(TRACE.seconds("apply", began)) * 1000,
            "totals_ms": sum(TRACE.seconds("show_totals", began)) * 1000,
            "texts_ms": sum(TRACE.seconds("_read_block", began)) * 1000,
            "repaint_ms": repaint_ms(watch.started),
            "gc_ms": TRACE.gc_ms(began, ended),
            "painted": watch.painted is not None,
            "rows": model.rowCount(),
            "sql_ms": sql_s * 1000,
            "sql_count": sql_count,
            "sql": sql,
        })  # fmt: skip
        settle = clock() + 0.05  # as a person's next click would: not on top of the last paint
        spin_until(lambda settle=settle: clock() >= settle, 5, "a pause between changes")
    return made


def repaint_ms(at: float | None) -> float | None:
    """How long the window's repaint that painted the table at `at` took (None: not seen)."""
    if at is None:
        return None
    found = [c for c in TRACE.calls if c.name == "repaint" and c.began <= at <= c.ended]
    return (found[-1].ended - found[-1].began) * 1000 if found else None


def _connect(cache: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{cache}?mode=ro", uri=True, check_same_thread=False)


def count_reference(cache: Path) -> Callable[[Any], tuple[float, int, str]]:
    """The raw count of the usages a PaymentFilter lets through, on its own read-only connection:
    outcomes and first-seen times from the usages, currency and (stored) link status joined from
    the links when asked for. (The app's link status is the effective one: an expiry passed or a
    limit reached counts too; the stored one is the SQL equivalent.)"""
    from linkmanager.storage.cache_model import time_text

    conn = _connect(cache)

    def query(flt: Any) -> tuple[float, int, str]:
        where: list[str] = []
        params: list[object] = []
        if flt.outcomes:
            where.append(f"u.outcome IN ({', '.join('?' for _ in flt.outcomes)})")
            params += [int(o) for o in sorted(flt.outcomes)]
        if flt.currency is not None:
            where.append("l.currency = ?")
            params.append(flt.currency)
        if flt.since is not None:
            where.append("u.first_seen_at >= ?")
            params.append(time_text(flt.since))
        if flt.until is not None:
            where.append("u.first_seen_at < ?")
            params.append(time_text(flt.until))
        if flt.link_statuses:
            where.append(f"l.status IN ({', '.join('?' for _ in flt.link_statuses)})")
            params += sorted(str(s.value) for s in flt.link_statuses)
        joined = flt.currency is not None or bool(flt.link_statuses)
        join = " JOIN links AS l ON l.key = u.link_key" if joined else ""
        sql = f"SELECT count(*) FROM usages AS u{join}"  # noqa: S608 - fixed clauses, values as ?
        sql += (" WHERE " + " AND ".join(where)) if where else ""
        gc.disable()  # a full collection over the app's objects is not the query's cost
        try:
            began = time.perf_counter()
            count = conn.execute(sql, params).fetchone()[0]
            return time.perf_counter() - began, int(count), sql
        finally:
            gc.enable()

    return query


def first_reference(cache: Path) -> float:
    """FIRST_SQL on a fresh connection (as the app's first read is), fetched whole."""
    conn = _connect(cache)
    gc.disable()
    try:
        began = time.perf_counter()
        rows = conn.execute(FIRST_SQL).fetchall()
        took = time.perf_counter() - began
    finally:
        gc.enable()
        conn.close()
    assert rows, "the first screen's query found no usage"
    return took


def all_reference(cache: Path) -> tuple[float, int]:
    """ALL_SQL fetched whole (a million tuples: after the memory was read)."""
    conn = _connect(cache)
    gc.disable()
    try:
        began = time.perf_counter()
        rows = conn.execute(ALL_SQL).fetchall()
        took = time.perf_counter() - began
    finally:
        gc.enable()
        conn.close()
    count = len(rows)
    del rows
    return took, count


if __name__ == "__main__":
    main()
