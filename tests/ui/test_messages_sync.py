"""The sync controller says what stopped a sync, in the status bar, with a button that acts:
"Sync interrupted — n of m links updated" with Retry, a refused secret with Edit profile…"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from linkmanager.api import ApiEndpoints, Credentials, LeanClient
from linkmanager.api.retry import RetryPolicy
from linkmanager.services.messages import Action, MessageKind
from linkmanager.services.workspace import ProfileInfo, SyncProgress, SyncReport, Workspace
from linkmanager.simulator import Simulator
from linkmanager.storage.cache import LinkCache
from linkmanager.ui.controllers.sync_controller import SyncController
from linkmanager.ui.dialogs.message_box import MessageDialog
from linkmanager.ui.tasks import TaskRunner
from linkmanager.ui.widgets.status_bar import StatusBar

WAIT_MS = 20_000
INTERRUPTED = re.compile(
    r"Sync interrupted — (\d+) of 150 links updated; the rest keeps its previous data\. Next try at \d\d:\d\d\."
)


class DyingWorkspace(Workspace):
    """Stops the simulator once five links' payments are in: the connection drops mid-sync."""

    sim: Simulator

    def sync(self, progress: Any = None, cancel: threading.Event | None = None) -> SyncReport:
        def watch(step: SyncProgress) -> None:
            if progress is not None:
                progress(step)
            if step.usage_links_done == 5:
                threading.Thread(target=self.sim.stop).start()

        return super().sync(watch, cancel)


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(seed=5, links=150) as simulator:
        yield simulator


class Setup:
    def __init__(self, qtbot: QtBot, workspace: Workspace) -> None:
        self.window = QMainWindow()
        qtbot.addWidget(self.window)
        self.status = StatusBar(self.window)
        self.window.setStatusBar(self.status)
        self.window.resize(1900, 200)
        self.window.show()
        self.runner = TaskRunner()
        self.workspace = workspace
        self.controller = SyncController(workspace, self.runner, self.status, self.window)

    def close(self) -> None:
        self.runner.wait_idle(WAIT_MS)
        self.workspace.close()


def make(qtbot: QtBot, sim: Simulator, path: Path, secret: str, kind: type[Workspace] = Workspace) -> Setup:
    endpoints = ApiEndpoints(sim.api_url, sim.token_url)

    def client() -> LeanClient:
        return LeanClient(
            endpoints, Credentials(sim.client_id, secret), retry=RetryPolicy(attempts=2, base_delay=0.01)
        )

    workspace = kind(
        ProfileInfo("Shop", "sandbox", endpoints.api_url), LinkCache.open(path), client, concurrency=2
    )
    return Setup(qtbot, workspace)


def test_a_connection_lost_mid_sync_says_interrupted_with_counts_and_retry(
    qtbot: QtBot, sim: Simulator, tmp_path: Path
) -> None:
    setup = make(qtbot, sim, tmp_path / "cache.sqlite3", sim.client_secret, DyingWorkspace)
    assert isinstance(setup.workspace, DyingWorkspace)
    setup.workspace.sim = sim
    try:
        with qtbot.waitSignal(setup.controller.ended, timeout=WAIT_MS):
            setup.controller.sync_now()
        status = setup.status
        found = INTERRUPTED.fullmatch(status.connection_text())
        assert found, status.connection_text()
        updated = int(found.group(1))
        assert 5 <= updated < 150
        message = setup.controller.last_message
        assert message is not None
        assert message.kind is MessageKind.SYNC_INTERRUPTED
        assert message.advice.startswith("Lean could not be reached for profile \u2068Shop\u2069 (sandbox)")
        assert (
            message.advice in status.online_label.accessibleDescription()
        )  # the whole of it, one hover away
        assert not setup.controller.online
        assert status.action_button.isVisible()
        assert status.action_button.text() == "Retry"
        with qtbot.waitSignal(setup.controller.ended, timeout=WAIT_MS):
            qtbot.mouseClick(status.action_button, Qt.MouseButton.LeftButton)
            assert setup.controller.running  # Retry started a sync at once
    finally:
        setup.close()


def test_a_refused_secret_says_so_and_edit_profile_asks_for_the_editor(
    qtbot: QtBot, sim: Simulator, tmp_path: Path
) -> None:
    setup = make(qtbot, sim, tmp_path / "cache.sqlite3", "not-the-secret")
    try:
        with qtbot.waitSignal(setup.controller.ended, timeout=WAIT_MS):
            setup.controller.sync_now()
        status = setup.status
        assert status.connection_text() == "Sign-in refused — Lean did not accept the client secret."
        assert "not-the-secret" not in status.online_label.toolTip()
        assert setup.controller.online  # Lean answered: it is not "Offline"
        assert status.action_button.text() == "Edit profile…"
        with qtbot.waitSignal(setup.controller.edit_profile_requested, timeout=2000) as asked:
            qtbot.mouseClick(status.action_button, Qt.MouseButton.LeftButton)
        assert asked.args == ["Shop"]
        status.open_message()
        dialog = status.message_dialog
        assert isinstance(dialog, MessageDialog)
        assert dialog.action_button is not None
        with qtbot.waitSignal(setup.controller.edit_profile_requested, timeout=2000) as again:
            qtbot.mouseClick(dialog.action_button, Qt.MouseButton.LeftButton)  # the dialog's button too
        assert again.args == ["Shop"]
        message = status.message()
        assert message is not None
        assert message.action is Action.EDIT_PROFILE
    finally:
        setup.close()
