"""An altered action journal is said when the window starts, left as it is, and the window works."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from linkmanager.api import ApiEndpoints, Credentials, LeanClient
from linkmanager.domain.status import LinkStatus
from linkmanager.services.workspace import ProfileInfo, Workspace
from linkmanager.simulator import Simulator
from linkmanager.storage.cache import LinkCache
from linkmanager.storage.journal import ActionJournal
from linkmanager.ui.main_window import MainWindow
from linkmanager.ui.tasks import TaskRunner

WAIT_MS = 20_000


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(seed=5, links=20) as running:
        yield running


def open_window(qtbot: QtBot, tmp_path: Path, sim: Simulator) -> tuple[MainWindow, TaskRunner, Workspace]:
    endpoints = ApiEndpoints(sim.api_url, sim.token_url)
    workspace = Workspace(
        ProfileInfo("Shop", "sandbox", endpoints.api_url),
        LinkCache.open(tmp_path / "c.sqlite3"),
        lambda: LeanClient(endpoints, Credentials(sim.client_id, sim.client_secret)),
    )
    runner = TaskRunner()
    window = MainWindow(workspace, runner, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.first_sync_finished, timeout=WAIT_MS):
        window.start()
    runner.wait_idle(WAIT_MS)
    return window, runner, workspace


def warnings(window: MainWindow) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_an_intact_journal_says_nothing_an_altered_one_is_named_at_the_next_start(
    qtbot: QtBot, tmp_path: Path, sim: Simulator
) -> None:
    window, runner, workspace = open_window(qtbot, tmp_path, sim)
    active = sim.state.link_ids(status="ACTIVE")[:2]
    for link_id in active:
        workspace.set_status(link_id, LinkStatus.DISABLED, reason="Closing")
    assert warnings(window) == []
    window.close()
    runner.wait_idle(WAIT_MS)
    workspace.close()

    path = ActionJournal.beside(tmp_path / "c.sqlite3")
    before = path.read_bytes()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("UPDATE entries SET reason = 'Approved' WHERE seq = 1")
    conn.close()
    tampered = path.read_bytes()
    assert tampered != before

    window, runner, workspace = open_window(qtbot, tmp_path, sim)
    qtbot.waitUntil(lambda: bool(warnings(window)), timeout=WAIT_MS)
    (box,) = warnings(window)
    assert "Entry 1" in box.text()
    assert "changed after it was written" in box.text()
    assert window.table.model().rowCount() > 0  # the window works
    assert path.read_bytes() == tampered  # never repaired
    box.close()
    window.close()
    runner.wait_idle(WAIT_MS)
    workspace.close()
