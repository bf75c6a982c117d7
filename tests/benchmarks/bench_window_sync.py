"""bench_window's sync child: a first sync of N links from the simulator into an open window.

Run by bench_window.py in a fresh process:
    bench_window_sync.py [--links 2000] [--latency-ms 20]
The simulator runs in a process of its own (`linkmanager sim`, as bench_sync.py starts it), as
Lean would: it does not share this interpreter's lock. The window opens a new, empty cache with a
real LeanClient against it; window.start() runs the first sync on its own. A 10 ms timer on the
GUI thread (bench_window_trace.StallWatch) runs from show() until the sync has finished and all
its links are rows of the table. One BENCH line on stdout holds the results.
"""

from __future__ import annotations

import time

STARTED = time.time()

import argparse  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from bench_window_paint import clock, emit, memory_kib, spin_until  # noqa: E402
from bench_window_trace import StallWatch, Trace  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", type=int, default=2_000)
    parser.add_argument("--latency-ms", type=int, default=20)
    args = parser.parse_args()
    command = [sys.executable, "-m", "linkmanager", "sim", "--links", str(args.links)]
    sim = subprocess.Popen(
        [*command, "--latency-ms", str(args.latency_ms)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert sim.stdout is not None
        # The first line comes once it serves: its seeding is not part of what is timed.
        run(json.loads(sim.stdout.readline()), args.links)
    finally:
        sim.terminate()
        sim.wait(10)


def run(sim: dict[str, str], links: int) -> None:
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from PySide6.QtCore import QSettings

    from linkmanager.api import ApiEndpoints, Credentials, LeanClient
    from linkmanager.resources import resource_path
    from linkmanager.services.workspace import ProfileInfo, Workspace
    from linkmanager.storage.cache import LinkCache
    from linkmanager.ui.app_setup import create_application
    from linkmanager.ui.main_window import MainWindow
    from linkmanager.ui.session import local_zone
    from linkmanager.ui.tasks import TaskRunner

    app = create_application(icon_file=resource_path("icons", "linkmanager.svg"))
    home = tempfile.TemporaryDirectory(prefix="lm-bench-sync-")
    cache = LinkCache.open(Path(home.name) / "cache.sqlite3")

    def client() -> LeanClient:
        return LeanClient(
            ApiEndpoints(sim["api_url"], sim["token_url"]),
            Credentials(sim["client_id"], sim["client_secret"]),
        )

    info = ProfileInfo("Bench sync", "sandbox", sim["api_url"], sync_interval_minutes=5)
    workspace = Workspace(info, cache, client, tz=local_zone())
    settings = QSettings(str(Path(home.name) / "ui-state.ini"), QSettings.Format.IniFormat)
    runner = TaskRunner()
    window = MainWindow(workspace, runner, settings)
    trace = Trace()
    trace.wrap(workspace, "sync")  # its start and end bound "during the sync"
    trace.wrap_runner(runner)  # every worker task, by its key
    for name in ("set_link_rows", "_take"):
        trace.wrap(window.model, name)  # on the GUI thread
    trace.watch_repaints(window)
    reports: list[Any] = []
    ended: list[float] = []
    window.sync.synced.connect(reports.append)
    window.sync.ended.connect(lambda: ended.append(clock()))
    model = window.model

    def in_table() -> bool:
        # The reload the sync asked for has been read and applied: its links are all rows now.
        return bool(reports) and model.rowCount() >= reports[0].links_seen and not model.engine.pending

    stalls = StallWatch()
    stalls.start()
    shown = clock()
    window.show()
    window.start()
    spin_until(lambda: bool(ended), 900, "the first sync")
    if not reports:
        raise SystemExit("the first sync failed: see the log above")
    spin_until(in_table, 300, "the synced links in the table")
    done = clock()
    stalls.stop()
    report = reports[0]
    call = next(c for c in trace.calls if c.name == "sync")
    emit(
        started=STARTED,
        links=report.links_seen,
        rows=model.rowCount(),
        complete=report.complete,
        requests=report.requests,
        concurrency=report.concurrency,
        sync_s=report.seconds,
        sync_call=[call.began - shown, call.ended - shown],
        in_table_s=done - shown,
        stalls=stalls.summary(shown, done, trace, shown),
        during_sync=stalls.summary(call.began, call.ended, trace, shown),
        after_sync=stalls.summary(call.ended, done, trace, shown),
        memory=memory_kib(),
    )
    window.close()
    runner.wait_idle(30_000)
    workspace.close()
    app.processEvents()


if __name__ == "__main__":
    main()
