"""The window's Journal view over a real simulator, a real cache and a real journal: the entries
of real disables (reason, user), the filters, opening an entry's link, the export, and the banner
of a journal altered behind the window's back."""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from linkmanager.api import ApiEndpoints, Credentials, LeanClient
from linkmanager.domain.status import LinkStatus
from linkmanager.services.actions import ActionRefused
from linkmanager.services.journal_view import JournalColumn
from linkmanager.services.workspace import ProfileInfo, Workspace, current_user
from linkmanager.simulator import Simulator
from linkmanager.storage.cache import LinkCache
from linkmanager.storage.journal import ActionJournal
from linkmanager.ui.journal import install_journal
from linkmanager.ui.journal.controller import JournalController
from linkmanager.ui.main_window import MainWindow
from linkmanager.ui.tasks import TaskRunner

WAIT_MS = 20_000
HOSTILE = '=HYPERLINK("http://evil.example","<b>click</b>")'


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(seed=5, links=20) as running:
        yield running


class Opened:
    def __init__(self, window: MainWindow, runner: TaskRunner, workspace: Workspace) -> None:
        self.window, self.runner, self.workspace = window, runner, workspace
        self.journal: JournalController = install_journal(window)  # once: the window's own, if made

    def close(self) -> None:
        self.window.close()
        self.runner.wait_idle(WAIT_MS)
        self.workspace.close()


def open_window(qtbot: QtBot, tmp_path: Path, sim: Simulator) -> Opened:
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
    return Opened(window, runner, workspace)


@pytest.fixture
def opened(qtbot: QtBot, tmp_path: Path, sim: Simulator) -> Iterator[Opened]:
    shown = open_window(qtbot, tmp_path, sim)
    yield shown
    shown.close()


def show_journal(qtbot: QtBot, opened: Opened, rows: int) -> JournalController:
    journal = opened.journal
    journal.action.trigger()  # View > Journal, Ctrl+3
    assert opened.window.pages.currentWidget() is journal.page
    qtbot.waitUntil(lambda: journal.read is not None and journal.model.rowCount() == rows, timeout=WAIT_MS)
    return journal


def cell(
    journal: JournalController, row: int, column: JournalColumn, role: int = Qt.ItemDataRole.DisplayRole
) -> str:
    return str(journal.model.index(row, column).data(role) or "")


def test_real_disables_are_listed_newest_first_with_their_reason_and_user(
    qtbot: QtBot, opened: Opened, sim: Simulator
) -> None:
    first, second = sim.state.link_ids(status="ACTIVE")[:2]
    opened.workspace.set_status(first, LinkStatus.DISABLED, reason="Customer cancelled")
    opened.workspace.set_status(second, LinkStatus.DISABLED, reason=HOSTILE)
    journal = show_journal(qtbot, opened, 2)
    assert opened.window.views.currentIndex() == opened.window.pages.indexOf(journal.page)
    assert journal.action.isChecked()
    assert journal.action in opened.window.view_menu.actions()  # View > Journal (Ctrl+3)
    assert journal.action.shortcut().toString() == "Ctrl+3"
    assert not opened.window.view_actions[0].isChecked()
    assert journal.model.entry_at(0).draft.link_id == second  # type: ignore[union-attr]  # newest first
    assert cell(journal, 0, JournalColumn.REASON) == HOSTILE  # text as typed, never markup
    assert cell(journal, 1, JournalColumn.REASON) == "Customer cancelled"
    assert cell(journal, 0, JournalColumn.USER) == current_user()
    assert cell(journal, 0, JournalColumn.ACTION) == "Disable"
    assert cell(journal, 0, JournalColumn.STATUS) == "Active → Disabled"
    assert cell(journal, 0, JournalColumn.OUTCOME) == "Done"
    assert cell(journal, 0, JournalColumn.PROFILE) == "Shop (sandbox)"
    name = opened.workspace.link(second).link.display_name  # type: ignore[union-attr]
    assert cell(journal, 0, JournalColumn.LINK) == f"{name} ({second})"
    when = cell(journal, 0, JournalColumn.WHEN)
    assert when[-6] in "+-"
    assert when[-3] == ":"
    assert "UTC" in cell(journal, 0, JournalColumn.WHEN, Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;" in cell(journal, 0, JournalColumn.REASON, Qt.ItemDataRole.ToolTipRole)
    assert journal.page.note.text() == "Entries: 2"
    assert not journal.page.banner.isVisible()

    # An action while the Journal is up: it reads the journal again.
    third = sim.state.link_ids(status="ACTIVE")[0]
    opened.workspace.set_status(third, LinkStatus.DISABLED, reason="Season over")
    opened.window.links.links_changed.emit()
    qtbot.waitUntil(lambda: journal.model.rowCount() == 3, timeout=WAIT_MS)
    assert cell(journal, 0, JournalColumn.REASON) == "Season over"


def test_filters_by_link_action_outcome_user_and_dates(qtbot: QtBot, opened: Opened, sim: Simulator) -> None:
    first, second = sim.state.link_ids(status="ACTIVE")[:2]
    expired = sim.state.link_ids(status="EXPIRED")[0]
    ws = opened.workspace
    ws.set_status(first, LinkStatus.DISABLED, reason="Paused")
    ws.set_status(second, LinkStatus.DISABLED, reason="Paused")
    ws.set_status(first, LinkStatus.ACTIVE, reason="Back on")
    with pytest.raises(ActionRefused):
        ws.set_status(expired, LinkStatus.DISABLED, reason="Tidy up")  # refused, and journalled
    journal = show_journal(qtbot, opened, 4)
    page = journal.page

    page.link.setText(first)
    assert journal.model.rowCount() == 2
    assert {e.draft.link_id for e in journal.model.entries()} == {first}
    assert page.note.text() == "Entries matching these filters: 2 of 4"
    name = ws.link(second).link.display_name  # type: ignore[union-attr]
    page.link.setText(name.upper())  # by its cached name, any case
    assert {e.draft.link_id for e in journal.model.entries()} >= {second}
    page.link.clear()

    page.action.setCurrentIndex(page.action.findData("enable"))
    assert [e.draft.reason for e in journal.model.entries()] == ["Back on"]
    page.action.setCurrentIndex(0)
    page.outcome.setCurrentIndex(page.outcome.findData("refused"))
    assert [e.draft.link_id for e in journal.model.entries()] == [expired]
    assert cell(journal, 0, JournalColumn.STATUS) == "Expired → —"
    page.outcome.setCurrentIndex(0)

    assert [page.user.itemData(i) for i in range(page.user.count())] == [None, current_user()]
    page.user.setCurrentIndex(1)
    assert journal.model.rowCount() == 4

    page.dates.setCurrentIndex(page.dates.findData("yesterday"))
    assert journal.model.rowCount() == 0
    assert page.note.text() == "No entry matches these filters."
    page.dates.setCurrentIndex(page.dates.findData("today"))
    assert journal.model.rowCount() == 4
    page.dates.setCurrentIndex(page.dates.findData("custom"))
    assert page.first_day.isVisible()
    assert journal.model.rowCount() == 4  # the last 7 days, today among them


def test_enter_or_a_double_click_opens_the_entrys_link(qtbot: QtBot, opened: Opened, sim: Simulator) -> None:
    first, second = sim.state.link_ids(status="ACTIVE")[:2]
    opened.workspace.set_status(first, LinkStatus.DISABLED, reason="One")
    opened.workspace.set_status(second, LinkStatus.DISABLED, reason="Two")
    journal = show_journal(qtbot, opened, 2)
    window = opened.window
    table = journal.page.table
    table.setFocus()
    table.setCurrentIndex(journal.model.index(1, JournalColumn.REASON))
    QTest.keyClick(table, Qt.Key.Key_Return)
    assert window.pages.currentIndex() == 0
    assert window.views.currentIndex() == 0
    assert window.links.current_link_id == first

    window.views.setCurrentIndex(window.pages.indexOf(journal.page))  # its tab
    assert window.pages.currentWidget() is journal.page
    table.doubleClicked.emit(journal.model.index(0, JournalColumn.LINK))
    assert window.pages.currentIndex() == 0
    assert window.links.current_link_id == second


def test_export_view_writes_the_journal_shown(
    qtbot: QtBot, opened: Opened, sim: Simulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = sim.state.link_ids(status="ACTIVE")[:2]
    opened.workspace.set_status(first, LinkStatus.DISABLED, reason=HOSTILE)
    opened.workspace.set_status(second, LinkStatus.DISABLED, reason="Plain")
    journal = show_journal(qtbot, opened, 2)
    journal.page.link.setText(first)
    target = tmp_path / "journal.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(target), "CSV for Excel (*.csv)"))
    with qtbot.waitSignal(opened.window.exporting.notice, timeout=WAIT_MS):
        journal.page.export_button.click()  # File > Export view… (Ctrl+E)
    with target.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    header = {row[0]: row[1] for row in rows if len(row) == 2}
    assert header["LinkManager export"] == "Journal"
    assert header["Filters"] == f'link "{first}"'
    titles_at = next(i for i, row in enumerate(rows) if row and row[0] == "When")
    titles, data = rows[titles_at], rows[titles_at + 1 :]
    assert "Batch" not in titles  # hidden in the view: not exported
    assert len(data) == 1
    assert data[0][titles.index("Link ID")] == first
    assert data[0][titles.index("Reason")] == "'" + HOSTILE  # defused


def test_an_altered_journal_is_named_in_the_banner_and_left_as_it_is(
    qtbot: QtBot, tmp_path: Path, sim: Simulator
) -> None:
    opened = open_window(qtbot, tmp_path, sim)
    for link_id in sim.state.link_ids(status="ACTIVE")[:3]:
        opened.workspace.set_status(link_id, LinkStatus.DISABLED, reason="Closing")
    opened.close()
    path = ActionJournal.beside(tmp_path / "c.sqlite3")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("UPDATE entries SET reason = 'Approved by the manager' WHERE seq = 2")
    conn.close()
    tampered = path.read_bytes()

    opened = open_window(qtbot, tmp_path, sim)
    try:
        qtbot.waitUntil(
            lambda: any(b.isVisible() for b in opened.window.findChildren(QMessageBox)), timeout=WAIT_MS
        )
        for box in opened.window.findChildren(QMessageBox):
            box.close()  # the start's warning (ui.journal_check)
        journal = show_journal(qtbot, opened, 3)
        banner = journal.page.banner
        assert banner.isVisible()
        assert "Entry 2" in banner.text()
        assert "the journal is not repaired" in banner.text()
        assert banner.textFormat() == Qt.TextFormat.PlainText
        assert "Approved by the manager" in {
            e.draft.reason for e in journal.model.entries()
        }  # shown as stored
        assert opened.window.model.rowCount() > 0  # the window works
        assert path.read_bytes() == tampered  # never repaired
    finally:
        opened.close()
