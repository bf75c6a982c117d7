"""Speed of the links table model at 100,000 links: loading, sorting, filtering, a sync's diff.

Run: `.venv/bin/python tests/benchmarks/bench_links_model.py [--links 100000] [--repeat 3]`
Not part of the test suite (no timed assertions there); prints the measured figures (best of
--repeat, in milliseconds). The model sits under a real QTableView, as in the window, so the
view's share of each signal is in the figures.
"""

from __future__ import annotations

import argparse
import copy
import os
import random
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView

from linkmanager.domain import LinkStatus
from linkmanager.ui.models.links_model import Column, LinksTableModel

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_link_data import NOW, make_links


def best(
    label: str, repeat: int, run: Callable[[], object], setup: Callable[[], object] | None = None
) -> None:
    """Best of `repeat`: wall time, and this process's CPU time (steadier on a busy machine)."""
    walls, cpus = [], []
    for _ in range(repeat):
        if setup is not None:
            setup()
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        cpus.append((time.process_time() - cpu) * 1000)
        walls.append((time.perf_counter() - wall) * 1000)
    print(f"{label:<58} {min(walls):8.1f} ms wall {min(cpus):8.1f} ms cpu")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    app = QApplication([])
    rng = random.Random(7)
    links = make_links(args.links, rng)
    view = QTableView()
    view.resize(1200, 800)
    model = LinksTableModel(lambda: NOW)
    view.setModel(model)
    print(f"{args.links:,} links; best of {args.repeat}")

    def first_load() -> None:
        model.clear()
        model.set_links(links)

    best("set_links, first load (reset)", args.repeat, first_load)
    best("set_links, same links again (no change)", args.repeat, lambda: model.set_links(links))
    for column in Column:
        best(
            f"sort by {column.name.lower()} (keys made)",
            1,
            lambda c=column: model.sort(c, Qt.SortOrder.AscendingOrder),
            setup=lambda: (model.clear(), model.sort(-1), model.set_links(links)),
        )
        best(
            f"sort by {column.name.lower()} (keys cached, descending)",
            args.repeat,
            lambda c=column: model.sort(c, Qt.SortOrder.DescendingOrder),
        )
    model.sort(Column.NAME, Qt.SortOrder.AscendingOrder)
    best(
        "status filter Active (sorted by name)",
        args.repeat,
        lambda: model.set_status_filter(LinkStatus.ACTIVE),
        setup=lambda: model.set_status_filter(None),
    )
    best(
        "status filter back to All",
        args.repeat,
        lambda: model.set_status_filter(None),
        setup=lambda: model.set_status_filter(LinkStatus.ACTIVE),
    )
    model.set_status_filter(None)
    found = {item.link.id for item in rng.sample(links, 1000)}
    best(
        "id filter of 1,000 ids",
        args.repeat,
        lambda: model.set_id_filter(found),
        setup=lambda: model.set_id_filter(None),
    )
    best(
        "id filter cleared",
        args.repeat,
        lambda: model.set_id_filter(None),
        setup=lambda: model.set_id_filter(found),
    )
    best(
        "status counts under the 1,000-id search",
        args.repeat,
        lambda: (model.set_id_filter(found), model.status_counts()),
        setup=lambda: model.set_id_filter(None),
    )
    model.set_id_filter(None)
    chosen = set(rng.sample(range(len(links)), 100))
    changed = [
        replace(
            item, link=replace(item.link, name=f"Renamed {i}", current_usages=item.link.current_usages + 1)
        )
        if i in chosen
        else item
        for i, item in enumerate(links)
    ]
    best(
        "incremental set_links, 100 changed rows (sorted by name)",
        args.repeat,
        lambda: model.set_links(changed),
        setup=lambda: model.set_links(links),
    )
    # What a sync hands over: every link decoded anew (equal, not identical), confirmed again.
    fresh = [replace(item, link=copy.deepcopy(item.link), confirmed_at=NOW) for item in links]
    best(
        "set_links after a sync, nothing shown changed",
        args.repeat,
        lambda: model.set_links(fresh),
        setup=lambda: model.set_links(links),
    )
    added = links + make_links(100, random.Random(99))
    best(
        "set_links, 100 links added (sorted by name)",
        args.repeat,
        lambda: model.set_links(added),
        setup=lambda: model.set_links(links),
    )
    screens = iter(range(0, len(links), 60))

    def paint_screen() -> None:
        first = next(screens)
        for row in range(first, first + 60):
            for column in Column:
                model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)

    paint_screen()  # loads Babel's locale data once
    best("display texts of a new screen (60 rows x 8, first paint)", args.repeat, paint_screen)
    view.close()
    del app


if __name__ == "__main__":
    main()
