"""The window shows what a sync could not update: the status bar, the Sync problems list, the link.

A real simulator that spoils chosen answers, a real cache, real worker threads.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from linkmanager.api import ApiEndpoints, Credentials, LeanClient
from linkmanager.services.workspace import ProfileInfo, Workspace
from linkmanager.simulator import Simulator
from linkmanager.storage.cache import LinkCache
from linkmanager.ui.dialogs.sync_problems import SyncProblemsDialog
from linkmanager.ui.dialogs.sync_problems_model import ProblemColumn
from linkmanager.ui.main_window import MainWindow
from linkmanager.ui.tasks import TaskRunner

WAIT_MS = 20_000
SPOIL = "bad-usage:usage_status-number"  # the next usage records of the aimed answers are malformed
FOREVER = 100_000  # records: the sync's read and every read after it meet the fault


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(seed=11, links=40) as simulator:
        yield simulator


class Windows:
    """Opens windows on one cache; closes them (and their runners and workspaces) at the end."""

    def __init__(self, qtbot: QtBot, sim: Simulator, tmp_path: Path) -> None:
        self.qtbot, self.tmp_path = qtbot, tmp_path
        self.endpoints = ApiEndpoints(sim.api_url, sim.token_url)  # kept: a stopped simulator forgets it
        self.credentials = Credentials(sim.client_id, sim.client_secret)
        self.opened: list[tuple[MainWindow, TaskRunner, Workspace]] = []

    def open(self) -> MainWindow:
        endpoints, credentials = self.endpoints, self.credentials

        def client() -> LeanClient:
            return LeanClient(endpoints, credentials)

        cache = LinkCache.open(self.tmp_path / "cache.sqlite3")
        workspace = Workspace(ProfileInfo("Test shop", "sandbox", endpoints.api_url), cache, client)
        runner = TaskRunner()
        settings = QSettings(str(self.tmp_path / "ui.ini"), QSettings.Format.IniFormat)
        window = MainWindow(workspace, runner, settings)
        self.qtbot.addWidget(window)
        window.show()
        self.opened.append((window, runner, workspace))
        with self.qtbot.waitSignal(window.first_sync_finished, timeout=WAIT_MS):
            window.start()
        return window

    def close_all(self) -> None:
        for window, runner, workspace in self.opened:
            window.close()
            runner.wait_idle(10_000)
            workspace.close()
        self.opened.clear()


@pytest.fixture
def windows(qtbot: QtBot, sim: Simulator, tmp_path: Path) -> Iterator[Windows]:
    keeper = Windows(qtbot, sim, tmp_path)
    yield keeper
    keeper.close_all()


def links_with_usages(sim: Simulator) -> list[str]:
    return [i for i in sim.state.link_ids(status="ACTIVE") if sim.state.list_usages(i, 0, 1)["content"]]


def spoil(sim: Simulator, link_id: str, count: int = FOREVER) -> None:
    sim.faults.queue(SPOIL, count=count, path_prefix=f"/payment-links/v1/{link_id}/usages")


def name_of(sim: Simulator, link_id: str) -> str:
    link = sim.state.get_link(link_id)
    assert link is not None
    return str(link.get("name") or link["payment_details"]["reference"])


def bar_says(qtbot: QtBot, window: MainWindow, text: str) -> None:
    qtbot.waitUntil(lambda: window.status.problems_text() == text, timeout=WAIT_MS)


def sync(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.sync.synced, timeout=WAIT_MS):
        window.sync.sync_now()
    qtbot.waitUntil(lambda: not window._runner.busy("problems"), timeout=WAIT_MS)


def open_dialog(window: MainWindow) -> SyncProblemsDialog:
    dialog = window.problems.dialog
    assert dialog is not None
    assert dialog.isVisible()
    return dialog


def test_a_spoiled_link_is_reported_shown_and_cleared_by_a_clean_sync(
    qtbot: QtBot, sim: Simulator, windows: Windows
) -> None:
    link_id = links_with_usages(sim)[0]
    spoil(sim, link_id)
    window = windows.open()
    bar_says(qtbot, window, "Synced — 1 link could not be updated")
    button = window.status.problems_button
    assert button.isVisible()
    assert button.accessibleName() == "Sync problems"

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(window)
    assert dialog.model.rowCount() == 1
    assert name_of(sim, link_id) in dialog.model.index(0, ProblemColumn.LINK).data()
    assert dialog.model.index(0, ProblemColumn.WHAT).data() == "Malformed usages"
    assert '"usage_status":' in dialog.raw_view.toPlainText()

    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: window.detail.current_link_id() == link_id, timeout=WAIT_MS)
    assert window.links.current_link_id == link_id
    notice = window.detail.problem_label
    qtbot.waitUntil(lambda: not window._runner.busy("fresh-usages"), timeout=WAIT_MS)  # spoiled too
    assert notice.isVisible()
    assert notice.text().startswith("\u200eNot updated since ")
    assert "malformed usage" in notice.text()
    assert notice.text().endswith("Its usages have not been read from Lean yet.")  # the first sync failed

    sim.faults.clear()  # Lean answers well again
    sync(qtbot, window)
    bar_says(qtbot, window, "")
    assert button.isHidden()
    qtbot.waitUntil(lambda: not notice.isVisible(), timeout=WAIT_MS)
    assert not window.problems.action.isEnabled()


def test_the_menu_entry_is_enabled_only_with_problems(qtbot: QtBot, sim: Simulator, windows: Windows) -> None:
    window = windows.open()
    qtbot.waitUntil(lambda: not window._runner.busy("problems"), timeout=WAIT_MS)
    window.view_menu.aboutToShow.emit()  # as opening the menu does
    entry = next(a for a in window.view_menu.actions() if a.text() == "Sync &problems…")
    assert not entry.isEnabled()
    assert window.status.problems_button.isHidden()

    first, second = links_with_usages(sim)[:2]
    spoil(sim, first)
    spoil(sim, second)
    sim.faults.queue("page-lie")
    sync_with_everything_read(qtbot, window, sim, [first, second])
    bar_says(
        qtbot, window, "Synced — 2 links could not be updated; part of the list of links could not be read"
    )
    assert entry.isEnabled()
    entry.trigger()
    dialog = open_dialog(window)
    links = [dialog.model.index(row, ProblemColumn.LINK).data() for row in range(dialog.model.rowCount())]
    assert "(list of links)" in links
    assert len(links) == 3


def sync_with_everything_read(qtbot: QtBot, window: MainWindow, sim: Simulator, link_ids: list[str]) -> None:
    """A sync reads a link's usages when its payment count moved: a new payment makes sure it does."""
    for link_id in link_ids:
        sim.state.add_usage(link_id, status="PAYMENT_CREATED")
    sync(qtbot, window)


def test_opening_the_link_reads_it_again_and_ends_its_problem(
    qtbot: QtBot, sim: Simulator, windows: Windows
) -> None:
    link_id = links_with_usages(sim)[0]
    spoil(sim, link_id, count=1)  # only the sync's read meets the fault
    window = windows.open()
    bar_says(qtbot, window, "Synced — 1 link could not be updated")
    assert window.show_link(link_id)
    qtbot.waitUntil(lambda: window.detail.usages_model.rowCount() > 0, timeout=WAIT_MS)
    bar_says(qtbot, window, "")
    assert not window.detail.problem_label.isVisible()


def test_at_start_the_bar_shows_what_the_cache_kept_even_offline(
    qtbot: QtBot, sim: Simulator, windows: Windows
) -> None:
    link_id = links_with_usages(sim)[0]
    spoil(sim, link_id)
    windows.open()
    windows.close_all()
    sim.stop()
    window = windows.open()  # Lean is gone: the first sync fails
    assert not window.sync.online
    bar_says(qtbot, window, "Synced — 1 link could not be updated")
    assert window.show_link(link_id)
    qtbot.waitUntil(lambda: window.detail.problem_label.isVisible(), timeout=WAIT_MS)


def test_hostile_names_and_answers_are_shown_literally(
    qtbot: QtBot, sim: Simulator, windows: Windows
) -> None:
    link_id = next(i for i in sim.state.link_ids() if "<b>" in name_of(sim, i))
    hostile_values = [
        {"type": "TEXT", "display_label": "Name", "value": "<b>x</b>"},
        {"type": "TEXT", "display_label": "Note", "value": '=HYPERLINK("http://evil") \u202eexe.txt'},
    ]
    sim.state.add_usage(link_id, status="FAILED", identifiers=hostile_values)
    spoil(sim, link_id)
    window = windows.open()
    bar_says(qtbot, window, "Synced — 1 link could not be updated")
    window.problems.open_list()
    dialog = open_dialog(window)
    shown = dialog.model.index(0, ProblemColumn.LINK).data()
    assert name_of(sim, link_id) in shown  # "<b>Summer sale</b> =HYPERLINK(…", every character
    assert dialog.detail_label.textFormat() == Qt.TextFormat.PlainText
    assert name_of(sim, link_id) in dialog.detail_label.text()
    raw = dialog.raw_view.toPlainText()
    assert "<b>x</b>" in raw
    assert "\u202e" not in raw
    assert "\\u202e" in raw
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: window.detail.problem_label.isVisible(), timeout=WAIT_MS)
    labels = [label for label in window.detail.findChildren(QLabel) if label.text()]
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
