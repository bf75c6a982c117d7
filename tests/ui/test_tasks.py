"""The task runner: outcomes on the GUI thread, latest wins per key, gone owners get nothing."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QObject, QThread
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from linkmanager.ui.tasks import InlineRunner, TaskRunner

WAIT = 5.0  # seconds a blocked worker waits for its release before giving up


class Recorder:
    """Collects outcomes with the thread each arrived on."""

    def __init__(self) -> None:
        self.done: list[Any] = []
        self.errors: list[BaseException] = []
        self.threads: list[int] = []
        self.gui_thread: list[bool] = []

    def on_done(self, value: Any) -> None:
        self.done.append(value)
        self._where()

    def on_error(self, error: BaseException) -> None:
        self.errors.append(error)
        self._where()

    def _where(self) -> None:
        self.threads.append(threading.get_ident())
        app = QApplication.instance()
        assert app is not None
        self.gui_thread.append(QThread.currentThread() == app.thread())


def blocked(gate: threading.Event, value: Any) -> Any:
    if not gate.wait(WAIT):
        raise TimeoutError("the test never released this task")
    return value


def fail() -> None:
    raise ValueError("Lean said no")


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    made = TaskRunner()
    yield made
    assert made.wait_idle(int(WAIT * 1000))
    made.deleteLater()


def test_result_arrives_on_the_gui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    seen = Recorder()
    worker_thread: list[int] = []

    def work() -> str:
        worker_thread.append(threading.get_ident())
        return "answer"

    runner.run(work, seen.on_done, seen.on_error)
    qtbot.waitUntil(lambda: seen.done == ["answer"], timeout=int(WAIT * 1000))
    assert worker_thread
    assert worker_thread[0] != threading.main_thread().ident
    assert seen.threads == [threading.main_thread().ident]
    assert seen.gui_thread == [True]
    assert seen.errors == []


def test_latest_wins_even_when_the_older_finishes_last(qtbot: QtBot, runner: TaskRunner) -> None:
    seen = Recorder()
    old_gate, new_gate = threading.Event(), threading.Event()
    runner.run(lambda: blocked(old_gate, "old"), seen.on_done, key="usages")
    runner.run(lambda: blocked(new_gate, "new"), seen.on_done, key="usages")
    new_gate.set()
    qtbot.waitUntil(lambda: seen.done == ["new"], timeout=int(WAIT * 1000))
    assert runner.busy("usages")  # the superseded task still runs
    old_gate.set()
    assert runner.wait_idle(int(WAIT * 1000))
    assert seen.done == ["new"]
    assert not runner.busy("usages")


def test_other_keys_do_not_interfere(qtbot: QtBot, runner: TaskRunner) -> None:
    seen = Recorder()
    runner.run(lambda: "sync", seen.on_done, key="sync")
    runner.run(lambda: "usages", seen.on_done, key="usages")
    runner.run(lambda: "plain", seen.on_done)
    assert runner.wait_idle(int(WAIT * 1000))
    assert sorted(seen.done) == ["plain", "sync", "usages"]


def test_owner_destroyed_drops_the_result(qtbot: QtBot, runner: TaskRunner) -> None:
    seen = Recorder()
    gate = threading.Event()
    owner = QWidget()
    runner.run(lambda: blocked(gate, "late"), seen.on_done, owner=owner)
    with qtbot.waitSignal(owner.destroyed, timeout=int(WAIT * 1000)):
        owner.deleteLater()
    gate.set()
    assert runner.wait_idle(int(WAIT * 1000))
    assert seen.done == []


def test_owner_that_lives_gets_the_result(qtbot: QtBot, runner: TaskRunner) -> None:
    seen = Recorder()
    owner = QObject()
    runner.run(lambda: 7, seen.on_done, owner=owner)
    assert runner.wait_idle(int(WAIT * 1000))
    assert seen.done == [7]


def test_child_owner_deleted_with_its_parent(qtbot: QtBot, runner: TaskRunner) -> None:
    seen = Recorder()
    gate = threading.Event()
    parent = QWidget()
    child = QWidget(parent)
    runner.run(lambda: blocked(gate, "late"), seen.on_done, seen.on_error, owner=child)
    with qtbot.waitSignal(child.destroyed, timeout=int(WAIT * 1000)):
        parent.deleteLater()
    gate.set()
    assert runner.wait_idle(int(WAIT * 1000))
    assert seen.done == []
    assert seen.errors == []


def test_error_reaches_on_error_as_the_exception(qtbot: QtBot, runner: TaskRunner) -> None:
    seen = Recorder()
    runner.run(fail, seen.on_done, seen.on_error)
    assert runner.wait_idle(int(WAIT * 1000))
    assert seen.done == []
    assert len(seen.errors) == 1
    assert isinstance(seen.errors[0], ValueError)
    assert str(seen.errors[0]) == "Lean said no"
    assert seen.errors[0].__traceback__ is not None
    assert seen.gui_thread == [True]


def test_unhandled_error_is_logged_with_traceback(
    qtbot: QtBot, runner: TaskRunner, caplog: pytest.LogCaptureFixture
) -> None:
    seen = Recorder()
    with caplog.at_level(logging.ERROR, logger="linkmanager.ui.tasks"):
        runner.run(fail, seen.on_done)
        assert runner.wait_idle(int(WAIT * 1000))
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1
    assert errors[0].exc_info is not None
    assert errors[0].exc_info[0] is ValueError
    assert "Lean said no" in caplog.text
    assert "Traceback" in caplog.text


def test_unhandled_error_of_a_superseded_task_is_still_logged(
    qtbot: QtBot, runner: TaskRunner, caplog: pytest.LogCaptureFixture
) -> None:
    seen = Recorder()
    gate = threading.Event()

    def fail_late() -> None:
        blocked(gate, None)
        fail()

    with caplog.at_level(logging.ERROR, logger="linkmanager.ui.tasks"):
        runner.run(fail_late, seen.on_done, key="k")
        runner.run(lambda: "newer", seen.on_done, key="k")
        gate.set()
        assert runner.wait_idle(int(WAIT * 1000))
    assert seen.done == ["newer"]
    assert any(r.levelno == logging.ERROR and r.exc_info for r in caplog.records)


def test_wait_idle_times_out(qtbot: QtBot, runner: TaskRunner) -> None:
    gate = threading.Event()
    seen = Recorder()
    runner.run(lambda: blocked(gate, 1), seen.on_done, key="slow")
    assert runner.wait_idle(50) is False
    assert runner.busy("slow")
    gate.set()
    assert runner.wait_idle(int(WAIT * 1000))
    assert seen.done == [1]


def test_inline_runner_runs_at_once(qtbot: QtBot) -> None:
    runner = InlineRunner()
    seen = Recorder()
    runner.run(lambda: 3, seen.on_done)
    assert seen.done == [3]  # before run() returned
    runner.run(fail, seen.on_done, seen.on_error)
    assert isinstance(seen.errors[0], ValueError)
    assert seen.threads == [threading.main_thread().ident] * 2
    assert runner.wait_idle(10)
    assert not runner.busy("anything")


def test_inline_runner_drops_like_the_real_one(qtbot: QtBot) -> None:
    runner = InlineRunner()
    seen = Recorder()

    def outer() -> str:
        # a newer task with the same key starts (and finishes) while this one runs
        runner.run(lambda: "inner", seen.on_done, key="k")
        assert runner.busy("k")
        return "outer"

    runner.run(outer, seen.on_done, key="k")
    assert seen.done == ["inner"]
    assert not runner.busy("k")

    gone = QObject()

    def delete_owner() -> str:
        shiboken6.delete(gone)
        return "for nobody"

    runner.run(delete_owner, seen.on_done, owner=gone)
    assert seen.done == ["inner"]


def test_run_refuses_a_worker_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    errors: list[BaseException] = []

    def from_worker() -> None:
        try:
            runner.run(lambda: 1, print)
        except RuntimeError as exc:
            errors.append(exc)

    thread = threading.Thread(target=from_worker)
    thread.start()
    thread.join(WAIT)
    assert len(errors) == 1
