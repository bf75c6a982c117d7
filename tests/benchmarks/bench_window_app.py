"""bench_window's child: LinkManager opening a big cache offline, loaded, then searched.

Run by bench_window.py in a fresh process each time:
    bench_window_app.py --cache FILE --manifest FILE --now ISO
It walks the path `linkmanager --profile NAME` takes (argument parsing, the styled QApplication,
LinkCache.open, a Workspace, MainWindow, show(), start()) except the keyring: its client factory
raises LeanTransportError, as when Lean cannot be reached, so the first sync fails and the window
goes offline: an "open from cache" start. One BENCH line on stdout holds every result.

In order: the first paint with rows; every row in the table and the search index in memory,
with the event-loop stalls from show() until both; then search keystrokes, each followed by
the raw FTS5 query for the same text (the reference); then the resident memory.
"""

from __future__ import annotations

import time

STARTED = time.time()  # before anything heavy is imported

import argparse  # noqa: E402
import contextlib  # noqa: E402
import gc  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import sqlite3  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
from datetime import datetime  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

ARGS = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ARGS.add_argument("--cache", required=True, type=Path)
ARGS.add_argument("--manifest", required=True, type=Path)
ARGS.add_argument("--now", required=True, help="the window's fixed clock, ISO 8601 (see bench_window_data)")
OPTIONS = ARGS.parse_args()

# What `linkmanager --profile NAME` imports before the window, in the same order: the app's own
# modules load before PySide6 there (linkmanager/app.py), so they do here, before the helpers.
import linkmanager.app  # noqa: E402, F401  # the GUI's composition root: what run_gui imports
from linkmanager.cli.main import window_args  # noqa: E402

# isort: split
from bench_window_paint import PaintWatch, clock, emit, memory_kib, spin_until  # noqa: E402
from bench_window_trace import StallWatch, Trace  # noqa: E402

HOME = tempfile.TemporaryDirectory(prefix="lm-bench-home-")  # the window's ui-state.ini, removed at exit
MARKS: dict[str, float] = {}
MEMORY: dict[str, int] = {}  # VmRSS (KiB) at each mark
TRACE = Trace()
SEARCH_TASK = "search index"  # MainWindow's task key for Workspace.prepare_search: adapt if it changes
# Recorded when the app has them (it is changing); every worker task is recorded by its key.
WORKER_CALLS = ("prepare_search",)
GUI_CALLS = ("show_first_rows", "set_link_rows", "_take", "set_id_filter")


def mark(name: str) -> None:
    if name not in MARKS:
        MARKS[name] = clock()
        MEMORY[name] = memory_kib()["VmRSS"]


def main() -> None:
    args = window_args(["--profile", "Bench", "--home", HOME.name])
    assert args is not None  # no command: the window
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from PySide6.QtCore import QSettings

    # As the app does (linkmanager.api loads httpx with the first client, on a worker): only
    # the error type here, or the child would import ~80 ms of HTTP stack the app does not.
    from linkmanager.api.errors import LeanTransportError
    from linkmanager.resources import resource_path
    from linkmanager.services.workspace import ProfileInfo, Workspace
    from linkmanager.storage.cache import LinkCache
    from linkmanager.ui.app_setup import create_application
    from linkmanager.ui.controllers import search_controller
    from linkmanager.ui.main_window import MainWindow
    from linkmanager.ui.session import local_zone
    from linkmanager.ui.tasks import TaskRunner

    mark("imported")
    manifest = json.loads(OPTIONS.manifest.read_text(encoding="utf-8"))
    # Keystrokes are timed one at a time, each to its filtered table: no debounce wait in them.
    search_controller.DEBOUNCE_MS = 0

    app = create_application(icon_file=resource_path("icons", "linkmanager.svg"))
    mark("application")
    cache = LinkCache.open(OPTIONS.cache)  # quick_check included, as at every start
    mark("cache open")

    def offline() -> Any:
        raise LeanTransportError("Lean cannot be reached (bench_window runs offline)")

    info = ProfileInfo(args.profile, "production", "https://api.leantech.me", sync_interval_minutes=5)
    now = datetime.fromisoformat(OPTIONS.now)
    workspace = Workspace(info, cache, offline, tz=local_zone(), clock=lambda: now)
    settings = QSettings(str(Path(args.home) / "ui-state.ini"), QSettings.Format.IniFormat)
    runner = TaskRunner()
    window = MainWindow(workspace, runner, settings)
    mark("window built")
    model = window.model
    wrapped = [n for n in WORKER_CALLS if TRACE.wrap(workspace, n)]
    wrapped += [n for n in GUI_CALLS if TRACE.wrap(model, n)]  # an engine answer applied is _take
    TRACE.wrap_runner(runner)
    TRACE.watch_repaints(window)

    def answered() -> None:
        if model.is_complete:
            mark("every row in the table")

    model.answered.connect(answered)
    shown = PaintWatch(window.centralWidget())  # type: ignore[arg-type]  # set in MainWindow.__init__
    filled = PaintWatch(window.table.viewport(), lambda: model.rowCount() > 0)
    stalls = StallWatch()
    stalls.start()
    mark("show")
    window.show()
    window.start()
    spin_until(lambda: filled.painted is not None, 300, "the links table's first paint with rows")
    first_rows = model.rowCount()
    # The first paint shows a first screenful; the whole list (and the tab counts) follows, and
    # the search index is built on a worker (when, the app decides): the search is whole then.
    spin_until(lambda: model.is_complete, 600, "every link in the table")

    def search_ready() -> bool:
        ended = TRACE.ended(f"task {SEARCH_TASK}") or TRACE.ended("prepare_search")
        return ended is not None and not runner.busy(SEARCH_TASK)

    spin_until(search_ready, 120, "the search index in memory")
    mark("search ready")
    loaded = max(MARKS["every row in the table"], MARKS["search ready"])
    stalls.stop()
    results: dict[str, Any] = {
        "started": STARTED,
        "not_traced": [n for n in (*WORKER_CALLS, *GUI_CALLS) if n not in wrapped],
        "marks": MARKS,
        "memory_at": MEMORY,
        "window_first_paint": shown.painted,
        "first_paint": filled.painted,
        "rows": first_rows,
        "all_rows": model.rowCount(),
        "worker_s": {n: TRACE.seconds(n) for n in dict.fromkeys(c.name for c in TRACE.calls if not c.gui)},
        "gui_s": {n: TRACE.seconds(n) for n in (*GUI_CALLS, "repaint") if TRACE.seconds(n)},
        "load_stalls": stalls.summary(MARKS["show"], loaded, TRACE, MARKS["show"]),
        "gc_ms_during_load": TRACE.gc_ms(MARKS["show"], loaded),
    }
    spin_until(lambda: not window.sync.online and not runner.busy("sync"), 60, "the first sync failing")
    results["search"] = search_keystrokes(window, manifest["queries"], OPTIONS.cache)
    results["memory"] = memory_kib()  # every row, the search index, after the keystrokes
    results["plain_paint_ms"] = plain_table_paint(window.table)
    emit(**results)
    window.close()
    runner.wait_idle(10_000)
    workspace.close()
    app.processEvents()


def plain_table_paint(table: Any) -> float:
    """A peer for a keystroke's paint: a plain QTableView over a QStandardItemModel holding the
    texts the links table shows now, as wide and tall, same columns; the median of 9 repaints
    of its viewport (ms). Qt's own drawing of the same cells, with no model code of ours."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    model = table.model()
    rows, columns = min(model.rowCount(), 200), model.columnCount()
    plain = QStandardItemModel(rows, columns)
    for row in range(rows):
        for column in range(columns):
            plain.setItem(row, column, QStandardItem(str(model.index(row, column).data() or "")))
    view = QTableView()
    view.setModel(plain)
    view.resize(table.size())
    for column in range(columns):
        view.setColumnWidth(column, table.columnWidth(column))
    view.show()
    QApplication.processEvents()
    times = []
    for _ in range(9):
        began = clock()
        view.viewport().repaint()
        times.append((clock() - began) * 1000)
    view.close()
    view.deleteLater()
    return statistics.median(times)


def fts_reference(cache: Path) -> Any:
    """The raw FTS5 query for the text, on its own read-only connection: `SELECT *` from the index,
    i.e. every matching value as FTS5 gives it (what issue 12 measured its 10.5 / 68.5 ms with).
    Not `SELECT rowid` alone: that answers which index rows match but not what they are, and a
    search has to say which links hold them."""
    conn = sqlite3.connect(f"file:{cache}?mode=ro", uri=True, check_same_thread=False)

    def query(text: str) -> tuple[float, int]:
        phrase = '"' + text.replace('"', '""') + '"'
        gc.disable()  # a full collection over the app's million objects is not the query's cost
        try:
            began = time.perf_counter()
            rows = conn.execute("SELECT * FROM search_index WHERE search_index MATCH ?", (phrase,)).fetchall()
            return time.perf_counter() - began, len(rows)
        finally:
            gc.enable()

    return query


def search_keystrokes(window: Any, queries: dict[str, str], cache: Path) -> dict[str, Any]:
    """Type each query a character at a time. A keystroke is timed from setText to its answer
    in the model (the search's hits, then the table engine's filtered rows) and, when that
    changed the table, the links table's next paint; only texts of 3+ characters count."""
    from linkmanager.ui.controllers.search_controller import MIN_CHARS, visible_length

    ctl, box, model = window.search, window.search_box, window.model
    viewport = window.table.viewport()
    seen: dict[str, Any] = {}

    def watch_answers(name: str) -> None:
        original = getattr(ctl, name)

        def applied(answer: Any) -> None:
            original(answer)
            seen["hits"], seen["hits_at"] = box.text().strip(), clock()

        setattr(ctl, name, applied)  # SearchController._search looks it up at each run

    watch_answers("_on_hits")
    watch_answers("_on_cleared")  # the box emptied
    model.answered.connect(lambda: seen.__setitem__("answered_at", clock()))
    for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged):
        signal.connect(lambda *_: seen.__setitem__("changed", True))
    model.layoutChanged.connect(lambda *_: seen.__setitem__("changed", True))
    reference = fts_reference(cache)

    def applied() -> bool:
        # The hits for this text were applied and the rows they asked for are in the model.
        return seen.get("hits") == seen["text"] and not model.engine.pending

    def keystroke(text: str) -> dict[str, Any]:
        seen.clear()
        seen["text"] = text.strip()
        watch = PaintWatch(viewport, applied)
        began = clock()
        box.setText(text)
        spin_until(applied, 300, f"search {text!r}")
        answered = max(seen["hits_at"], seen.get("answered_at", 0.0))
        if seen.get("changed"):  # else nothing in the table changed: there is nothing to paint
            with contextlib.suppress(TimeoutError):  # counted to the answer then, and said so
                spin_until(lambda: watch.painted is not None, 2, f"the paint after {text!r}")
        painted = watch.painted
        watch.remove()
        ended = painted if painted is not None else answered
        return {
            "text": text,
            "ms": (ended - began) * 1000,
            "answered_ms": (answered - began) * 1000,
            "paint_began_ms": None if watch.started is None else (watch.started - began) * 1000,
            "search_ms": sum(TRACE.seconds("task search", began)) * 1000,
            "engine_ms": sum(TRACE.seconds("task table engine", began)) * 1000,
            "apply_ms": sum(TRACE.seconds("_take", began)) * 1000,
            "gc_ms": TRACE.gc_ms(began, ended),
            "changed": bool(seen.get("changed")),
            "painted": painted is not None,
            "rows": model.rowCount(),
        }

    typed: list[dict[str, Any]] = []
    for label, query in queries.items():
        for i in range(len(query)):
            key = keystroke(query[: i + 1])
            if visible_length(key["text"]) < MIN_CHARS:
                continue  # typed (the table shows every link again) but not counted
            key["label"] = label
            seconds, key["fts_rows"] = reference(key["text"].strip())
            key["fts_ms"] = seconds * 1000
            typed.append(key)
        keystroke("")  # cleared between queries, not counted
    return {
        "typed": typed,
        "median_ms": statistics.median(k["ms"] for k in typed),
        "max_ms": max(k["ms"] for k in typed),
        "fts_median_ms": statistics.median(k["fts_ms"] for k in typed),
        "fts_max_ms": max(k["fts_ms"] for k in typed),
    }


if __name__ == "__main__":
    main()
