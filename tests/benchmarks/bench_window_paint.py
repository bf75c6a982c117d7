"""Helpers shared by bench_window's child processes: when a widget first paints, and an event
loop spun until something is true. Only PySide6 is imported, so the empty-window baseline pays
for nothing LinkManager does not also pay for.

Every time here is clock(): seconds since the epoch like time.time() (so the parent can subtract
the moment it spawned the child), but counted by perf_counter (monotonic, fine-grained).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QWidget

PREFIX = "BENCH "  # the lines of stdout the parent reads; anything else is the app talking
_EPOCH = time.time() - time.perf_counter()


def clock() -> float:
    """time.time(), without its jumps (an NTP step during a run would bend every figure)."""
    return time.perf_counter() + _EPOCH


class PaintWatch(QObject):
    """The first paint of `widget` at which `ready()` holds.

    `started` is clock() when that paint event arrives; `painted` is clock() once the
    event loop comes back round after it (a zero timer), i.e. after the whole window repaint
    it belongs to has been drawn and flushed. The baseline and the app are timed the same way.
    """

    def __init__(self, widget: QWidget, ready: Callable[[], bool] = lambda: True) -> None:
        super().__init__(widget)
        self._ready = ready
        self.started: float | None = None
        self.painted: float | None = None
        self._widget = widget
        widget.installEventFilter(self)

    def remove(self) -> None:
        self._widget.removeEventFilter(self)
        self.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if self.started is None and event.type() == QEvent.Type.Paint and self._ready():
            self.started = clock()
            QTimer.singleShot(0, self._after)
        return False

    def _after(self) -> None:
        self.painted = clock()


_wake: QTimer | None = None


def spin_until(done: Callable[[], bool], timeout_s: float, what: str) -> None:
    """Run the event loop until `done()`; TimeoutError naming `what` after `timeout_s`.

    The loop blocks until an event arrives (a worker's answer is a posted event, which wakes it
    at once); a 5 ms timer bounds the wait so `done()` is looked at even when nothing happens.
    """
    global _wake
    if _wake is None:
        _wake = QTimer()
        _wake.setInterval(5)
        _wake.start()
    deadline = time.perf_counter() + timeout_s
    flags = QEventLoop.ProcessEventsFlag.AllEvents | QEventLoop.ProcessEventsFlag.WaitForMoreEvents
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"{what}: not done after {timeout_s:.0f} s")
        QCoreApplication.processEvents(flags)


def emit(**fields: object) -> None:
    """One result line for the parent."""
    sys.stdout.write(PREFIX + json.dumps(fields, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def memory_kib() -> dict[str, int]:
    """VmRSS (resident now) and VmHWM (the peak) of this process, in KiB."""
    found = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                found[key] = int(value.split()[0])
    return found
