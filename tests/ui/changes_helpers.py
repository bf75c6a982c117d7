"""The window with the Changes panel over a real simulator, for the panel's and the tray's tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from unittest.mock import patch

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

import linkmanager.ui.changes
from linkmanager.api import ApiEndpoints, Credentials, LeanClient
from linkmanager.services.workspace import ProfileInfo, Workspace
from linkmanager.simulator import Simulator
from linkmanager.simulator.errors import ApiError
from linkmanager.storage.cache import LinkCache
from linkmanager.ui.changes.controller import ChangesController, install_changes
from linkmanager.ui.main_window import MainWindow
from linkmanager.ui.tasks import TaskRunner

SYNC_WAIT_MS = 20_000


@dataclass
class Recorder:
    """A Notifier that keeps what it was asked to show (the tray cannot be observed)."""

    shown: list[tuple[str, str]] = field(default_factory=list)

    def show(self, title: str, text: str) -> None:
        self.shown.append((title, text))


@dataclass
class Setup:
    window: MainWindow
    sim: Simulator
    settings: QSettings
    changes: ChangesController


@contextmanager
def changes_window(
    qtbot: QtBot, tmp_path: Path, *, tray: bool, links: int = 30, seed: int = 7
) -> Iterator[Setup]:
    """The window synced once, then the Changes panel installed (`tray`: as if the desktop had one)."""
    with Simulator(seed=seed, links=links) as sim:
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
        # The window installs the panel itself (ui.changes.install_changes): as if the desktop had a
        # tray, or not, and with a Quit that leaves the test's application running.
        installing = partial(install_changes, tray_available=tray, quit_app=lambda: None)
        with patch.object(linkmanager.ui.changes, "install_changes", installing):
            window = MainWindow(workspace, runner, settings)
        qtbot.addWidget(window)
        changes = window.changes
        window.show()
        with qtbot.waitSignal(window.first_sync_finished, timeout=SYNC_WAIT_MS):
            window.start()
        qtbot.waitUntil(lambda: not runner.busy("changes"), timeout=SYNC_WAIT_MS)
        try:
            yield Setup(window, sim, settings, changes)
        finally:
            window.close()
            runner.wait_idle(10_000)
            workspace.close()


def sync(qtbot: QtBot, setup: Setup) -> None:
    """Sync now, and wait until the panel has read the kept reports again."""
    with qtbot.waitSignal(setup.window.sync.ended, timeout=SYNC_WAIT_MS):
        setup.window.sync.sync_now()
    runner = setup.window._runner
    qtbot.waitUntil(lambda: not runner.busy("changes"), timeout=SYNC_WAIT_MS)  # asked for at the end


def pay(sim: Simulator, outcomes: list[str]) -> dict[str, tuple[str, str]]:
    """One payment per ACTIVE link with room: {usage id: (link id, outcome asked)}.

    A failed attempt moves no count in Lean's listing, so a sync on its schedule may not look at
    its link for an hour (services.sync_plan): each is followed by an accepted payment on the
    same link, which the next sync reads at once (both are returned).
    """
    paid: dict[str, tuple[str, str]] = {}
    wanted = list(outcomes)
    for link_id in sim.state.link_ids(status="ACTIVE"):
        if not wanted:
            break
        try:
            usage = sim.pay(link_id, wanted[0])
        except ApiError:
            continue  # expired meanwhile, or full: the next link
        paid[usage["usage_id"]] = (link_id, wanted.pop(0))
        if paid[usage["usage_id"]][1] == "failed":  # a failed attempt takes no room: this one fits
            paid[sim.pay(link_id, "accepted")["usage_id"]] = (link_id, "accepted")
    assert not wanted, "the simulator has too few ACTIVE links with room"
    return paid
