"""bench_window's child: LinkManager opening a big cache offline, then searched and clicked.

Run by bench_window.py in a fresh process each time:
    bench_window_app.py --cache FILE --manifest FILE [--full] [--profile]
It walks the path `linkmanager --profile NAME` takes (argument parsing, the styled QApplication,
LinkCache.open, a Workspace, MainWindow, show(), start()) except the keyring: its client factory
raises LeanTransportError, as when Lean cannot be reached, so the first sync fails and the window
goes offline: an "open from cache" start. Results are BENCH lines on stdout (see bench_window_paint).

--full goes on after the first paint: search keystrokes, opening the busiest link, memory.
--profile runs cProfile over each phase, on the GUI thread and inside the worker calls
(workspace.links / search / usages), and adds the top entries to the results.
"""

from __future__ import annotations

import time

STARTED = time.time()  # before anything heavy is imported

import argparse  # noqa: E402
import contextlib  # noqa: E402
import cProfile  # noqa: E402
import gc  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import pstats  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
from collections.abc import Callable  # noqa: E402
from datetime import datetime  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

ARGS = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ARGS.add_argument("--cache", required=True, type=Path)
ARGS.add_argument("--manifest", required=True, type=Path)
ARGS.add_argument("--full", action="store_true")
ARGS.add_argument("--profile", action="store_true")
ARGS.add_argument("--open-repeat", type=int, default=5)
ARGS.add_argument("--now", required=True, help="the window's fixed clock, ISO 8601 (see bench_window_data)")
OPTIONS = ARGS.parse_args()


class Profiles:
    """cProfile per phase: one profiler on the GUI thread, one per wrapped call on a worker."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.phase = ""
        self._gui: cProfile.Profile | None = None
        self._done: dict[str, list[cProfile.Profile]] = {}
        self._lock = threading.Lock()

    def begin(self, phase: str) -> None:
        self.end()
        self.phase = phase
        if self.enabled:
            self._gui = cProfile.Profile()
            self._gui.enable()

    def end(self) -> None:
        if self._gui is not None:
            self._gui.disable()
            self._keep(self.phase, self._gui)
            self._gui = None

    def _keep(self, phase: str, profile: cProfile.Profile) -> None:
        with self._lock:
            self._done.setdefault(phase, []).append(profile)

    def worker_call(self, fn: Callable[[], Any]) -> Any:
        """Run fn, profiled when profiling and not on the GUI thread (whose profiler sees it)."""
        if not self.enabled or threading.current_thread() is threading.main_thread():
            return fn()
        phase, profile = self.phase, cProfile.Profile()
        profile.enable()
        try:
            return fn()
        finally:
            profile.disable()
            self._keep(phase, profile)

    def report(self, top: int = 22) -> dict[str, str]:
        self.end()
        texts = {}
        for phase, profiles in self._done.items():
            out = io.StringIO()
            stats = pstats.Stats(profiles[0], stream=out)
            for more in profiles[1:]:
                stats.add(more)
            stats.strip_dirs()
            out.write(f"--- {phase}: by cumulative time (GUI thread + worker calls)\n")
            stats.sort_stats("cumulative").print_stats(top)
            out.write(f"--- {phase}: by own time\n")
            stats.sort_stats("tottime").print_stats(top)
            texts[phase] = "\n".join(
                line for line in out.getvalue().splitlines() if line.strip() and "function calls" not in line
            )
        return texts


PROFILES = Profiles(OPTIONS.profile)
PROFILES.begin("start")

from bench_window_paint import PaintWatch, emit, memory_kib, spin_until  # noqa: E402

# What `linkmanager --profile NAME` imports and does before the window, in the same order.
from linkmanager.cli.main import build_parser  # noqa: E402

HOME = tempfile.TemporaryDirectory(prefix="lm-bench-home-")  # the window's ui-state.ini, removed at exit
MARKS: dict[str, float] = {}
MEMORY: dict[str, int] = {}  # VmRSS (KiB) at each mark
CALLS: list[tuple[str, float, float, Any]] = []  # (name, started perf_counter, seconds, size of answer)


GC_PAUSES: list[tuple[float, float, int]] = []  # (perf_counter at start, seconds, generation)
_gc_began: list[float] = []


def _on_gc(phase: str, info: dict[str, Any]) -> None:
    """Record each cyclic-GC pause: a full collection over a million objects stalls every thread."""
    if phase == "start":
        _gc_began[:] = [time.perf_counter()]
    elif _gc_began:
        GC_PAUSES.append((_gc_began[0], time.perf_counter() - _gc_began[0], info["generation"]))


gc.callbacks.append(_on_gc)


def gc_ms_since(started: float) -> float:
    return sum(seconds for at, seconds, _ in GC_PAUSES if at >= started) * 1000


def mark(name: str) -> None:
    MARKS[name] = time.time()
    MEMORY[name] = memory_kib()["VmRSS"]


def timed(
    owner: object, name: str, *, size: Callable[[Any], Any] = lambda _: None, worker: bool = False
) -> None:
    """Replace owner.name by a wrapper that logs each call's duration (and profiles worker calls)."""
    fn = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        result = PROFILES.worker_call(lambda: fn(*args, **kwargs)) if worker else fn(*args, **kwargs)
        CALLS.append((name, started, time.perf_counter() - started, size(result)))
        return result

    setattr(owner, name, wrapper)


def calls_since(started: float, name: str) -> list[tuple[float, Any]]:
    return [(seconds, answer) for n, t, seconds, answer in CALLS if n == name and t >= started]


def main() -> None:
    args = build_parser().parse_args(["--profile", "Bench 100k", "--home", HOME.name])
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from PySide6.QtCore import QCoreApplication, QSettings

    from linkmanager.api import LeanClient, LeanTransportError
    from linkmanager.app import local_zone  # the GUI's composition root: what run_gui imports
    from linkmanager.resources import resource_path
    from linkmanager.services.workspace import ProfileInfo, Workspace
    from linkmanager.storage.cache import LinkCache
    from linkmanager.ui.app_setup import create_application
    from linkmanager.ui.controllers import search_controller
    from linkmanager.ui.main_window import MainWindow
    from linkmanager.ui.tasks import TaskRunner

    mark("imported")
    manifest = json.loads(OPTIONS.manifest.read_text(encoding="utf-8"))
    # Keystrokes are timed one at a time, each to its filtered table: no debounce wait in them.
    search_controller.DEBOUNCE_MS = 0

    app = create_application(icon_file=resource_path("icons", "linkmanager.svg"))
    mark("application")
    cache = LinkCache.open(OPTIONS.cache)  # quick_check included, as at every start
    mark("cache_open")

    def offline() -> LeanClient:
        raise LeanTransportError("Lean cannot be reached (bench_window runs offline)")

    info = ProfileInfo(args.profile, "production", "https://api.leantech.me", sync_interval_minutes=5)
    now = datetime.fromisoformat(OPTIONS.now)
    workspace = Workspace(info, cache, offline, tz=local_zone(), clock=lambda: now)
    settings = QSettings(str(Path(args.home) / "ui-state.ini"), QSettings.Format.IniFormat)
    runner = TaskRunner()
    window = MainWindow(workspace, runner, settings)
    mark("window_built")
    timed(workspace, "links", size=len, worker=True)
    timed(workspace, "search_link_ids", size=lambda r: len(r[0] | r[1]), worker=True)
    timed(workspace, "usages", size=len, worker=True)
    timed(window.model, "_take")  # an engine answer applied on the GUI thread
    timed(window.model, "set_id_filter")
    timed(window.detail, "show_link")
    timed(window.detail, "show_usages")
    shown = PaintWatch(window.centralWidget())  # type: ignore[arg-type]  # set in MainWindow.__init__
    filled = PaintWatch(window.table.viewport(), lambda: window.model.rowCount() > 0)
    window.show()
    window.start()
    mark("shown_and_started")
    spin_until(lambda: filled.painted is not None, 300, "the links table's first paint with rows")
    first_rows = window.model.rowCount()
    # The first paint shows a first screenful; the whole list (and the tab counts) follows.
    spin_until(lambda: window.model.is_complete, 300, "every link in the table")
    QCoreApplication.processEvents()
    mark("every link in the table")
    PROFILES.end()
    start = {
        "started": STARTED,
        "marks": MARKS,
        "window_first_paint": shown.painted,
        "first_paint": filled.painted,
        "rows": first_rows,
        "all_rows": window.model.rowCount(),
        "links_call_s": [s for s, _ in calls_since(0, "links")],
        "set_links_s": [s for s, _ in calls_since(0, "_take")],
        "memory": memory_kib(),
        "memory_at": MEMORY,
    }
    emit(kind="start", **start)
    if not OPTIONS.full:
        close(app, window, runner, workspace)
        return

    spin_until(lambda: not window.sync.online and not runner.busy("sync"), 60, "the first sync failing")
    # Broad searches use the in-memory term owners once built (Workspace.prepare_search, a few
    # seconds on a worker after the links are in); keystrokes before that take the SQL path.
    spin_until(lambda: not runner.busy("search index"), 120, "the search index in memory")
    mark("search index in memory")
    results: dict[str, Any] = {"kind": "full", "search_ready_s": MARKS["search index in memory"] - STARTED}
    PROFILES.begin("search")
    results["search"] = search_keystrokes(window, manifest["queries"])
    PROFILES.begin("open link")
    results["open"] = open_links(window, manifest)
    PROFILES.end()
    results["memory"] = memory_kib()
    results["profiles"] = PROFILES.report() if OPTIONS.profile else {}
    emit(**results)
    close(app, window, runner, workspace)


def search_keystrokes(window: Any, queries: dict[str, str]) -> dict[str, Any]:
    """Type each query a character at a time, timing each from setText to the filtered model."""
    from PySide6.QtCore import QCoreApplication

    ctl, box = window.search, window.search_box
    done: dict[str, Any] = {}

    def watched(name: str) -> None:
        original = getattr(ctl, name)

        def wrapper(answer: Any) -> None:
            original(answer)
            done["text"], done["at"] = box.text().strip(), time.perf_counter()

        setattr(ctl, name, wrapper)  # SearchController._search looks it up at each run

    watched("_on_hits")
    watched("_on_cleared")

    def keystroke(text: str) -> dict[str, Any]:
        done.clear()
        started = time.perf_counter()
        box.setText(text)
        spin_until(lambda: done.get("text") == text.strip(), 300, f"search {text!r}")
        # The filtered table is drawn on the next pass of the event loop: time that as well, so
        # that it is not counted in the next keystroke.
        painting = time.perf_counter()
        QCoreApplication.processEvents()
        QCoreApplication.processEvents()
        repaint = time.perf_counter() - painting
        searches = calls_since(started, "search_link_ids")
        filters = calls_since(started, "set_id_filter")
        return {
            "text": text,
            "ms": (done["at"] - started) * 1000,
            "repaint_ms": repaint * 1000,
            "search_ms": sum(s for s, _ in searches) * 1000,
            "filter_ms": sum(s for s, _ in filters) * 1000,
            "gc_ms": gc_ms_since(started),
            "hits": searches[-1][1] if searches else None,
            "rows": window.model.rowCount(),
        }

    typed: dict[str, list[dict[str, Any]]] = {}
    clears = []
    for label, query in queries.items():
        typed[label] = [keystroke(query[: i + 1]) for i in range(len(query))]
        clears.append(keystroke(""))
    every = [k["ms"] for ks in typed.values() for k in ks]
    return {
        "typed": typed,
        "clears": clears,
        "median_ms": statistics.median(every),
        "max_ms": max(every),
        "keystrokes": len(every),
    }


def open_links(window: Any, manifest: dict[str, Any]) -> dict[str, Any]:
    """Select an ordinary link, then the busy one, `--open-repeat` times; time the busy one."""
    detail = window.detail
    model = detail.usages_model
    view = detail.usages_view.viewport()
    ordinary = list(manifest["ordinary_links"].items())
    busy, busy_count = manifest["busy_link"], manifest["busy_usages"]

    def open_one(link_id: str, count: int) -> dict[str, Any]:
        def shown() -> bool:
            return bool(model.link_id() == link_id and model.rowCount() == count)

        watch = PaintWatch(view, shown)
        started, started_wall = time.perf_counter(), time.time()
        if not window.links.select(link_id):
            raise RuntimeError(f"link {link_id} is not in the table")
        spin_until(shown, 60, f"the usages of {link_id}")
        rows_at = time.perf_counter()
        with contextlib.suppress(TimeoutError):  # painted_ms is None then
            spin_until(lambda: watch.painted is not None, 5, "the usages table's paint")
        view.removeEventFilter(watch)
        watch.deleteLater()
        painted = watch.painted
        usages = calls_since(started, "usages")
        return {
            "link": link_id,
            "usages": count,
            "ms": (rows_at - started) * 1000,
            "painted_ms": None if painted is None else (painted - started_wall) * 1000,
            "usages_call_ms": sum(s for s, _ in usages) * 1000,
            "show_link_ms": sum(s for s, _ in calls_since(started, "show_link")) * 1000,
            "show_usages_ms": sum(s for s, _ in calls_since(started, "show_usages")) * 1000,
        }

    trials, others = [], []
    for i in range(OPTIONS.open_repeat):
        link_id, count = ordinary[i % len(ordinary)]
        others.append(open_one(link_id, count))
        trials.append(open_one(busy, busy_count))
    return {
        "busy": trials,
        "ordinary": others,
        "median_ms": statistics.median(t["ms"] for t in trials),
    }


def close(app: Any, window: Any, runner: Any, workspace: Any) -> None:
    window.close()
    runner.wait_idle(10_000)
    workspace.close()
    app.processEvents()


if __name__ == "__main__":
    main()
