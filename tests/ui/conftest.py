"""The real window over a real simulator (loopback HTTP), a real cache file and real threads,
after its first sync: what the end-to-end window tests start from."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from linkmanager.api import ApiEndpoints, Credentials, LeanClient
from linkmanager.services.workspace import ProfileInfo, Workspace
from linkmanager.simulator import Simulator
from linkmanager.storage.cache import LinkCache
from linkmanager.ui import language
from linkmanager.ui.main_window import MainWindow
from linkmanager.ui.tasks import TaskRunner

SYNC_WAIT_MS = 20_000


@pytest.fixture(autouse=True, scope="session")
def english_interface(qapp: QApplication) -> None:
    """The window in English as linkmanager starts it (ui.language.apply): the English plural
    forms ("1 link", "3 links") and en_US's number formats."""
    language.apply(qapp, language.Choice("en", "latin"))


@pytest.fixture
def synced_window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    """30 simulated links (seed 7), synced once; ui-state.ini in tmp_path/home (the data folder)."""
    with Simulator(seed=7, links=30) as sim:
        endpoints = ApiEndpoints(sim.api_url, sim.token_url)

        def client() -> LeanClient:
            return LeanClient(endpoints, Credentials(sim.client_id, sim.client_secret))

        workspace = Workspace(
            ProfileInfo("Test shop", "sandbox", endpoints.api_url),
            LinkCache.open(tmp_path / "c.sqlite3"),
            client,
        )
        runner = TaskRunner()
        settings = QSettings(str(tmp_path / "home" / "ui-state.ini"), QSettings.Format.IniFormat)
        shown = MainWindow(workspace, runner, settings)
        qtbot.addWidget(shown)
        shown.show()
        shown.activateWindow()
        with qtbot.waitSignal(shown.first_sync_finished, timeout=SYNC_WAIT_MS):
            shown.start()
        yield shown
        shown.close()
        runner.wait_idle(10_000)
        workspace.close()
