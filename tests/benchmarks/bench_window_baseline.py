"""bench_window's baseline: an empty PySide6 QMainWindow, timed to its first paint.

Run by bench_window.py in a fresh process; prints one line: BENCH {"first_paint": clock(), ...},
with its resident memory (VmRSS) right after that paint: the reference for the app's memory.
"""

from __future__ import annotations

import time

STARTED = time.time()

import sys  # noqa: E402

from bench_window_paint import PaintWatch, clock, emit, memory_kib, spin_until  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget  # noqa: E402


def main() -> None:
    imported = clock()
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Empty")
    window.resize(1280, 800)  # the size MainWindow opens at
    central = QWidget()
    window.setCentralWidget(central)
    watch = PaintWatch(central)
    window.show()
    spin_until(lambda: watch.painted is not None, 60, "the empty window's first paint")
    emit(
        started=STARTED,
        imported=imported,
        paint_started=watch.started,
        first_paint=watch.painted,
        memory=memory_kib(),
    )
    window.close()
    del app


if __name__ == "__main__":
    main()
