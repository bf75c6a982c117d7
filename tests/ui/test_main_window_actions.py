"""The window's toolbar and menus for issues 5 and 6: create, duplicate, print a selection.

Flows against the real simulator, the real cache and the window as `linkmanager` builds it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtWidgets import QToolBar
from pytestqt.qtbot import QtBot

from linkmanager.api import ApiEndpoints, Credentials, LeanClient
from linkmanager.domain.link_draft import LinkDraft
from linkmanager.domain.status import LinkStatus
from linkmanager.services.workspace import ProfileInfo, Workspace
from linkmanager.simulator import Simulator
from linkmanager.storage.cache import LinkCache
from linkmanager.ui.main_window import MainWindow
from linkmanager.ui.models.links_model import LINK_ID_ROLE
from linkmanager.ui.tasks import TaskRunner

WAIT_MS = 20_000


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[MainWindow, Simulator]]:
    with Simulator(seed=5, links=30) as sim:
        endpoints = ApiEndpoints(sim.api_url, sim.token_url)

        def client() -> LeanClient:
            return LeanClient(endpoints, Credentials(sim.client_id, sim.client_secret))

        workspace = Workspace(
            ProfileInfo("Shop", "sandbox", endpoints.api_url), LinkCache.open(tmp_path / "c.sqlite3"), client
        )
        runner = TaskRunner()
        win = MainWindow(workspace, runner, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(win)
        win.show()
        with qtbot.waitSignal(win.first_sync_finished, timeout=WAIT_MS):
            win.start()
        yield win, sim
        win.close()
        runner.wait_idle(10_000)
        workspace.close()


def toolbar_texts(win: MainWindow) -> list[str]:
    bar = win.findChild(QToolBar, "main-toolbar")
    assert bar is not None
    return [action.text() for action in bar.actions() if not action.isSeparator()]


def test_the_toolbar_offers_create_duplicate_print_and_sync(window: tuple[MainWindow, Simulator]) -> None:
    win, _ = window
    assert toolbar_texts(win) == ["Create payment link…", "Duplicate as new link…", "&Print QR…", "&Sync now"]
    assert win.creating.create_action.shortcut().toString() == "Ctrl+N"
    assert win.printing.print_action.shortcut().toString() == "Ctrl+P"


def test_ctrl_n_creates_a_link_that_ends_selected_with_its_details(
    qtbot: QtBot, window: tuple[MainWindow, Simulator]
) -> None:
    win, sim = window
    win.tabs.setCurrentIndex(2)  # Disabled: the new link would be hidden here
    qtbot.keyClicks(win.search_box, "zzz-nothing")
    win.creating.create_action.trigger()
    dialog = win.creating.dialog
    assert dialog is not None
    assert dialog.isVisible()
    dialog.form.fill(LinkDraft(amount="250.00", currency="AED", reference="INV-NEW-1", name="Counter card"))
    before = len(sim.state.link_ids())
    dialog.submit()
    qtbot.waitUntil(lambda: win.detail.current_link_id() not in (None, ""), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: win.links.current_link_id in set(sim.state.link_ids()), timeout=WAIT_MS)
    new_id = win.links.current_link_id
    assert len(sim.state.link_ids()) == before + 1
    cached = win.selected_links()
    assert [c.link.id for c in cached] == [new_id]
    assert cached[0].link.reference == "INV-NEW-1"
    assert win.search_box.text() == ""  # the search that hid it was cleared
    assert win.tabs.currentIndex() == 0


def test_several_selected_links_print_in_table_order(
    qtbot: QtBot, window: tuple[MainWindow, Simulator]
) -> None:
    win, _ = window
    assert not win.printing.print_action.isEnabled()  # nothing selected yet
    selection = win.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (4, 1, 2):
        selection.select(win.model.index(row, 0), flags)
    shown = [win.model.index(row, 0).data(LINK_ID_ROLE) for row in (1, 2, 4)]
    assert [c.link.id for c in win.selected_links()] == shown
    assert win.printing.print_action.isEnabled()
    # the detail pane follows the row last made current
    selection.setCurrentIndex(win.model.index(2, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
    selection.select(win.model.index(2, 0), flags)
    qtbot.waitUntil(lambda: win.detail.current_link_id() == shown[1], timeout=WAIT_MS)


def test_duplicate_opens_the_form_filled_from_the_selected_link(
    qtbot: QtBot, window: tuple[MainWindow, Simulator]
) -> None:
    win, _ = window
    row = next(
        r
        for r in range(win.model.rowCount())
        if win._workspace.status_of(win.model.link_at(r)) == LinkStatus.ACTIVE  # type: ignore[arg-type]
    )
    link = win.model.link_at(row)
    assert link is not None
    win.links.select(link.link.id)
    qtbot.waitUntil(lambda: win.creating.duplicate_action.isEnabled(), timeout=WAIT_MS)
    win.creating.duplicate_action.trigger()
    dialog = win.creating.dialog
    assert dialog is not None
    draft = dialog.form.draft()
    assert draft.reference == link.link.reference
    assert draft.currency == link.link.amount.currency
    assert draft.name.startswith(link.link.name or "")
    dialog.reject()


def test_the_row_menu_offers_the_link_actions_duplicate_and_print(
    window: tuple[MainWindow, Simulator],
) -> None:
    win, _ = window
    win.table.customContextMenuRequested.emit(win.table.viewport().rect().center())
    from PySide6.QtWidgets import QMenu

    menus = [m for m in win.findChildren(QMenu) if m.isVisible()]
    assert menus, "no context menu"
    texts = [a.text() for a in menus[-1].actions() if not a.isSeparator()]
    assert texts == [
        "&Disable link",
        "Copy link &URL",
        "Copy link &ID",
        "Duplicate as new link…",
        "&Print QR…",
        "Save QR as P&DF…",
        "Show on &counter display…",
        "Select all links in this &view",
        "Disable selected &links…",
        "Enable selected li&nks…",
    ]
    menus[-1].close()
    assert Qt.ContextMenuPolicy.CustomContextMenu == win.table.contextMenuPolicy()
