"""The one way off the GUI thread: callables on a QThreadPool, answers back on the GUI thread.

A worker runs the callable and nothing else: it never touches a widget or a model. Its
outcome travels through a queued signal to a slot of the runner (a bound method of an object
that lives on the GUI thread: a lambda slot could run on the worker), and there the runner
decides whether anyone still wants it:
- latest-wins per key: fast clicking through links must never show the usages of a link
  clicked earlier that happened to answer later;
- per owner: a widget that was deleted meanwhile gets nothing.
A failure nobody handles is logged with its traceback, never lost.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
import weakref
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThread, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")

_MIN_THREADS = 4  # service calls wait on the network, not the CPU: a sync must not starve a click


class _Relay(QObject):
    """Lives on the GUI thread; workers emit its signal, which Qt queues to the runner's slot."""

    finished = Signal(int, bool, object)  # task id, succeeded, result or exception


class _Channel:
    """All a worker may touch: the relay's signal and a count of callables still running."""

    def __init__(self) -> None:
        self.relay = _Relay()
        self._done = threading.Condition()
        self._running = 0

    def begin(self) -> None:
        with self._done:
            self._running += 1

    def report(self, task_id: int, ok: bool, value: object) -> None:
        try:
            self.relay.finished.emit(task_id, ok, value)
        except RuntimeError:  # the runner's side is gone (shutdown): nobody is left to tell
            log.debug("task %d finished after its runner was deleted", task_id)
        finally:
            with self._done:
                self._running -= 1
                self._done.notify_all()

    def wait(self, deadline: float) -> bool:
        with self._done:
            while self._running:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._done.wait(remaining)
        return True


class _Worker(QRunnable):
    def __init__(self, channel: _Channel, task_id: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._channel = channel
        self._task_id = task_id
        self._fn: Callable[[], Any] | None = fn

    def run(self) -> None:
        fn, self._fn = self._fn, None
        assert fn is not None
        try:
            result = fn()
        except BaseException as exc:  # everything reaches the GUI side; nothing dies in the pool
            self._channel.report(self._task_id, False, exc)
        else:
            self._channel.report(self._task_id, True, result)


class _OwnerWatch(QObject):
    """Notices the owner's destruction; holds it weakly so a task does not keep it alive."""

    def __init__(self, owner: QObject) -> None:
        super().__init__()
        self.gone = False
        self._owner = weakref.ref(owner)
        owner.destroyed.connect(self._on_destroyed)

    @Slot()
    def _on_destroyed(self) -> None:
        self.gone = True

    def alive(self) -> bool:
        owner = self._owner()
        return not self.gone and owner is not None and shiboken6.isValid(owner)


@dataclass(slots=True)
class _Task:
    on_done: Callable[[Any], None]
    on_error: Callable[[BaseException], None] | None
    key: str | None
    generation: int
    watch: _OwnerWatch | None


class TaskRunner(QObject):
    """Runs callables on QThreadPool; results/errors come back on the GUI thread."""

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        if pool is None:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(max(_MIN_THREADS, QThread.idealThreadCount()))
        self._pool = pool
        self._channel = _Channel()
        self._channel.relay.finished.connect(self._on_finished)
        self._tasks: dict[int, _Task] = {}
        self._ids = itertools.count(1)
        self._generations: dict[str, int] = {}
        self._running: Counter[str] = Counter()

    def run(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
        *,
        key: str | None = None,
        owner: QObject | None = None,
    ) -> None:
        """Run `fn` off the GUI thread, then `on_done(result)` or `on_error(exception)` on it.

        key: a newer run with the same key makes this one's outcome be dropped (latest wins).
        owner: the outcome is dropped if this QObject is destroyed before it arrives.
        """
        if QThread.currentThread() is not self.thread():
            raise RuntimeError("TaskRunner.run() is for the GUI thread")
        task_id = next(self._ids)
        generation = 0
        if key is not None:
            generation = self._generations.get(key, 0) + 1
            self._generations[key] = generation
            self._running[key] += 1
        watch = _OwnerWatch(owner) if owner is not None else None
        self._tasks[task_id] = _Task(on_done, on_error, key, generation, watch)
        self._start(task_id, fn)

    def busy(self, key: str) -> bool:
        """A task with this key is still running (superseded ones included: they still run)."""
        return self._running.get(key, 0) > 0

    def wait_idle(self, timeout_ms: int = 5000) -> bool:
        """Wait for every task and deliver its outcome (for tests and shutdown); False on timeout."""
        deadline = time.monotonic() + timeout_ms / 1000
        while self._tasks:
            if not self._channel.wait(deadline):
                return False
            QCoreApplication.sendPostedEvents(self, 0)  # the queued outcomes, and nothing else
            if self._tasks and time.monotonic() >= deadline:
                return False
        return True

    # -- inside ----------------------------------------------------------------------------------

    def _start(self, task_id: int, fn: Callable[[], Any]) -> None:
        self._channel.begin()
        self._pool.start(_Worker(self._channel, task_id, fn))

    @Slot(int, bool, object)
    def _on_finished(self, task_id: int, ok: bool, value: object) -> None:
        self._finish(task_id, ok, value)

    def _finish(self, task_id: int, ok: bool, value: Any) -> None:
        task = self._tasks.pop(task_id, None)
        if task is None:
            return
        if task.key is not None:
            self._running[task.key] -= 1
            if self._running[task.key] <= 0:
                del self._running[task.key]
        dropped = self._drop_reason(task)
        task.watch = None  # releases the owner's destroyed connection
        if dropped:
            if not ok and task.on_error is None:
                log.error("a background task failed (its result was %s)", dropped, exc_info=value)
            else:
                log.debug("task %d: outcome dropped, %s", task_id, dropped)
        elif ok:
            task.on_done(value)
        elif task.on_error is not None:
            task.on_error(value)
        else:
            log.error("a background task failed and nothing handles its error", exc_info=value)

    def _drop_reason(self, task: _Task) -> str:
        if task.key is not None and self._generations.get(task.key) != task.generation:
            return f"superseded by a newer {task.key!r} task"
        if task.watch is not None and not task.watch.alive():
            return "for an owner that was deleted"
        return ""


class InlineRunner(TaskRunner):
    """Runs each callable at once, inside run(), with the same dropping rules (for tests)."""

    def _start(self, task_id: int, fn: Callable[[], Any]) -> None:
        try:
            result = fn()
        except Exception as exc:  # an inline KeyboardInterrupt should still stop the test run
            self._finish(task_id, False, exc)
        else:
            self._finish(task_id, True, result)
