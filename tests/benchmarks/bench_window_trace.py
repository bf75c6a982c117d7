"""What bench_window's app children record besides paints: event-loop stalls, and what ran when.

StallWatch is a 10 ms timer on the GUI thread whose timeouts only append clock(): the loop
running Python or a long Qt call on that thread delays the next timeout, and `gap - interval` is
how long the window could not react. Trace records the calls it wraps (on the GUI thread or a
worker) and the cyclic garbage collector's pauses, so that each stall can be put down to what
overlapped it.
"""

from __future__ import annotations

import gc
import itertools
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bench_window_paint import clock
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget

STALL_MS = 50.0  # the bound: longer than this, the window feels stuck


@dataclass(frozen=True, slots=True)
class Call:
    name: str
    gui: bool  # on the GUI thread (else a worker)
    began: float
    ended: float
    size: Any = None


class Trace:
    """Wrapped calls and GC pauses, as clock() intervals."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.gc: list[tuple[float, float, int]] = []  # (began, ended, generation)
        self._gc_began = 0.0
        gc.callbacks.append(self._on_gc)

    def _on_gc(self, phase: str, info: dict[str, Any]) -> None:
        # A full collection over a million objects stops every thread: worth telling apart.
        if phase == "start":
            self._gc_began = clock()
        else:
            self.gc.append((self._gc_began, clock(), info["generation"]))

    def wrap(self, owner: object, name: str, size: Callable[[Any], Any] = lambda _: None) -> bool:
        """Replace owner.name by a wrapper that records each call (looked up at call time).
        False when owner has no such attribute: the app is changing, the benchmark must not break."""
        fn = getattr(owner, name, None)
        if fn is None:
            return False

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            gui = threading.current_thread() is threading.main_thread()
            began = clock()
            result = fn(*args, **kwargs)
            self.calls.append(Call(name, gui, began, clock(), size(result)))
            return result

        setattr(owner, name, wrapper)
        return True

    def wrap_runner(self, runner: Any) -> None:
        """Record every task the window's TaskRunner runs on a worker, as "task KEY"."""
        run = runner.run

        def traced(
            fn: Callable[[], Any], on_done: Any, on_error: Any = None, *, key: Any = None, owner: Any = None
        ) -> None:
            name = "task " + re.sub(r" \d+$", "", key or "(no key)")  # "table engine 1403…": one name

            def timed() -> Any:
                began = clock()
                try:
                    return fn()
                finally:
                    self.calls.append(Call(name, False, began, clock()))

            run(timed, on_done, on_error, key=key, owner=owner)

        runner.run = traced

    def watch_repaints(self, window: QWidget) -> None:
        """Record each repaint of the window (its UpdateRequest: every widget's paint) as "repaint"."""
        self._repaints = _Repaints(window, self.calls)

    def ended(self, name: str) -> float | None:
        """When the last call of `name` returned (None: never called)."""
        found = [c.ended for c in self.calls if c.name == name]
        return found[-1] if found else None

    def seconds(self, name: str, since: float = 0.0) -> list[float]:
        return [c.ended - c.began for c in self.calls if c.name == name and c.began >= since]

    def gc_ms(self, since: float, until: float) -> float:
        return sum(max(0.0, min(e, until) - max(b, since)) for b, e, _ in self.gc) * 1000

    def during(self, began: float, ended: float) -> str:
        """What overlapped [began, ended]: GUI-thread calls, worker calls, GC, as one short text."""
        parts = []
        for gui, where in ((True, "gui"), (False, "worker")):
            names = {
                f"{c.name} {(c.ended - c.began) * 1000:,.0f} ms"
                for c in self.calls
                if c.gui is gui and c.began < ended and c.ended > began
            }
            if names:
                parts.append(f"{where}: " + ", ".join(sorted(names)))
        collected = self.gc_ms(began, ended)
        if collected >= 1:
            parts.append(f"gc {collected:,.0f} ms")
        return "; ".join(parts) or "nothing recorded"


class _Repaints(QObject):
    def __init__(self, window: QWidget, calls: list[Call]) -> None:
        super().__init__(window)
        self._calls = calls
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.UpdateRequest or not isinstance(watched, QWidget):
            return False
        # Handled here, as Qt would, to see when it ends; True: not handled a second time.
        began = clock()
        watched.event(event)
        self._calls.append(Call("repaint", True, began, clock()))
        return True


class StallWatch(QObject):
    """Ticks of a precise 10 ms timer on the GUI thread, and the stalls between them."""

    def __init__(self, interval_ms: int = 10) -> None:
        super().__init__()
        self.interval = interval_ms / 1000
        self.ticks: list[float] = []
        tick = self.ticks.append
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(lambda: tick(clock()))  # nothing more: the timer must stay light

    def start(self) -> None:
        self.ticks.append(clock())
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self.ticks.append(clock())  # a stall running up to now counts too

    def stalls(self, since: float, until: float) -> list[tuple[float, float]]:
        """(when the gap began, stall in seconds) for every gap overlapping [since, until]."""
        ticks = self.ticks
        return [
            (a, b - a - self.interval)
            for a, b in itertools.pairwise(ticks)
            if b > since and a < until and b - a > self.interval
        ]

    def summary(self, since: float, until: float, trace: Trace, origin: float) -> dict[str, Any]:
        """Max stall, how many passed STALL_MS, and each of those with what overlapped it."""
        stalls = self.stalls(since, until)
        worst = max((s for _, s in stalls), default=0.0)
        over = [(a, s) for a, s in stalls if s * 1000 > STALL_MS]
        return {
            "max_ms": worst * 1000,
            "over": len(over),
            "ticks": sum(1 for t in self.ticks if since <= t <= until),
            "seconds": until - since,
            "stalls": [
                {"at_s": a - origin, "ms": s * 1000, "during": trace.during(a, a + s + self.interval)}
                for a, s in over
            ],
        }
