"""The real window of a profile in a chosen environment over a simulator (loopback HTTP), a real
cache, journal and register beside it, real threads; and a way to answer the real modal dialog."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from linkmanager.api import ApiEndpoints, Credentials, LeanClient
from linkmanager.services.workspace import ProfileInfo, Workspace
from linkmanager.simulator import Simulator
from linkmanager.storage.cache import LinkCache
from linkmanager.ui.main_window import MainWindow
from linkmanager.ui.tasks import TaskRunner

WAIT_MS = 20_000
UPDATES = ("PATCH", "update_link")


@contextmanager
def profile_window(qtbot: QtBot, sim: Simulator, tmp_path: Path, environment: str) -> Iterator[MainWindow]:
    """The window of a profile in `environment` ("production", "sandbox"), after its first sync."""
    endpoints = ApiEndpoints(sim.api_url, sim.token_url)

    def client() -> LeanClient:
        return LeanClient(endpoints, Credentials(sim.client_id, sim.client_secret))

    workspace = Workspace(
        ProfileInfo("Shop", environment, endpoints.api_url),
        LinkCache.open(tmp_path / "shop-1a2b3c4d.sqlite3"),
        client,
    )
    runner = TaskRunner()
    window = MainWindow(workspace, runner, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    try:
        with qtbot.waitSignal(window.first_sync_finished, timeout=WAIT_MS):
            window.start()
        yield window
    finally:
        window.close()
        runner.wait_idle(10_000)
        workspace.close()


def select(qtbot: QtBot, window: MainWindow, link_id: str) -> None:
    assert window.links.select(link_id)
    qtbot.waitUntil(lambda: window.detail.current_link_id() == link_id, timeout=WAIT_MS)


def answer_modal(action: Callable[[QDialog], None]) -> None:
    """Run `action` on the modal dialog exec() is about to show; whatever `action` does (or an
    assertion it fails), the dialog is closed after it, so exec() always returns."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(10, act)
            return
        try:
            action(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, act)
