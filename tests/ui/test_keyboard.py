"""The window by keyboard alone (issue 14, part 1): Tab walks every control and leaves the tables,
Enter opens a link's actions and a usage's drawer, Esc comes back, and each link command has
its key, the Disable/Enable key asking the same question as the button.

The real window over the simulator on loopback, as the other window tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from linkmanager.api import ApiEndpoints, Credentials, LeanClient
from linkmanager.domain.status import LinkStatus
from linkmanager.services.workspace import ProfileInfo, Workspace
from linkmanager.simulator import Simulator
from linkmanager.storage.cache import LinkCache
from linkmanager.ui.controllers import link_controller
from linkmanager.ui.main_window import MainWindow
from linkmanager.ui.models.payments_model import LINK_ID_ROLE, USAGE_ID_ROLE
from linkmanager.ui.tasks import TaskRunner

WAIT_MS = 20_000


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(seed=7, links=30) as simulator:
        yield simulator


@pytest.fixture
def window(qtbot: QtBot, sim: Simulator, tmp_path: Path) -> Iterator[MainWindow]:
    endpoints = ApiEndpoints(sim.api_url, sim.token_url)

    def client() -> LeanClient:
        return LeanClient(endpoints, Credentials(sim.client_id, sim.client_secret))

    workspace = Workspace(
        ProfileInfo("Test shop", "sandbox", endpoints.api_url), LinkCache.open(tmp_path / "c.sqlite3"), client
    )
    runner = TaskRunner()
    shown = MainWindow(workspace, runner, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(shown)
    shown.show()
    shown.activateWindow()
    with qtbot.waitSignal(shown.first_sync_finished, timeout=WAIT_MS):
        shown.start()
    qtbot.waitUntil(shown.isActiveWindow, timeout=WAIT_MS)
    yield shown
    shown.close()
    runner.wait_idle(10_000)
    workspace.close()


def busiest(sim: Simulator) -> str:
    """The active link with the most usages: every part of the pane has something to show."""
    return max(
        sim.state.link_ids(status="ACTIVE"), key=lambda i: len(sim.state.list_usages(i, 0, 100)["content"])
    )


def select(qtbot: QtBot, window: MainWindow, link_id: str, *, usages: bool = False) -> None:
    assert window.links.select(link_id)
    qtbot.waitUntil(lambda: window.detail.current_link_id() == link_id, timeout=WAIT_MS)
    if usages:
        qtbot.waitUntil(lambda: window.detail.usages_model.rowCount() > 0, timeout=WAIT_MS)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard"
    return widget


def name(widget: QWidget | None) -> str:
    return f"{type(widget).__name__} {widget.accessibleName()!r}" if widget is not None else "None"


def walk(qtbot: QtBot, start: QWidget, *, back: bool = False, limit: int = 80) -> list[QWidget]:
    """Press Tab (Shift+Tab with `back`) from `start` until the focus comes back to it."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    assert focused() is start
    modifier = Qt.KeyboardModifier.ShiftModifier if back else Qt.KeyboardModifier.NoModifier
    visited = [start]
    try:
        for _ in range(limit):
            qtbot.keyClick(focused(), Qt.Key.Key_Tab, modifier)
            if focused() is start:
                return visited
            visited.append(focused())
    finally:
        # QTest's Shift+Tab leaves Shift "held" for the application (its last event carries it):
        # a later selectRow would extend a selection instead of making one.
        QTest.keyRelease(start, Qt.Key.Key_Shift)
    raise AssertionError("Tab never came back: " + ", ".join(map(name, visited[-12:])))


def in_order(visited: list[QWidget], expected: list[QWidget]) -> None:
    """Each expected control reached exactly once, in this order (others may sit between)."""
    for widget in expected:
        assert visited.count(widget) == 1, f"{name(widget)} reached {visited.count(widget)} times"
    positions = [visited.index(widget) for widget in expected]
    assert positions == sorted(positions), [name(visited[i]) for i in positions]


def link_controls(window: MainWindow) -> list[QWidget]:
    detail = window.detail
    return [
        detail.toggle_button,
        *detail.link_actions.head_buttons,  # Duplicate as new link…
        detail.url_field.copy_button,
        detail.link_id_field.copy_button,
        detail.redirect_field.copy_button,
        detail.qr.save_button,
        detail.qr.copy_button,
        *detail.qr.focus_order()[2:],  # Print QR…
        detail.usages_view,
    ]


def test_tab_walks_the_whole_window_and_shift_tab_walks_it_back(
    qtbot: QtBot, window: MainWindow, sim: Simulator
) -> None:
    select(qtbot, window, busiest(sim), usages=True)
    assert window.detail.redirect_field.isVisible()  # the simulator's links have one: a Copy more
    forward = walk(qtbot, window.search_box)
    expected = [window.search_box, window.tabs, window.table, *link_controls(window)]
    assert len(expected) >= 12
    in_order(forward, expected)
    assert window.views in forward  # Links | Payments, before the search box on the way round
    backward = walk(qtbot, window.search_box, back=True)
    assert backward == [window.search_box, *reversed(forward[1:])]


def test_tab_leaves_the_tables_instead_of_walking_their_cells(
    qtbot: QtBot, window: MainWindow, sim: Simulator
) -> None:
    select(qtbot, window, busiest(sim), usages=True)
    for table in (window.table, window.detail.usages_view):
        assert not table.tabKeyNavigation()
        table.setFocus(Qt.FocusReason.TabFocusReason)
        before = table.currentIndex()
        qtbot.keyClick(table, Qt.Key.Key_Tab)
        assert focused() is not table
        assert table.currentIndex() == before  # no cell moved either


def test_enter_on_a_link_goes_to_its_first_action(qtbot: QtBot, window: MainWindow, sim: Simulator) -> None:
    select(qtbot, window, sim.state.link_ids(status="ACTIVE")[0])
    window.table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert focused() is window.detail.toggle_button
    # An expired link cannot be disabled: Enter lands on what can be done, Duplicate.
    expired = sim.state.link_ids(status="EXPIRED")[0]
    select(qtbot, window, expired)
    duplicate = window.detail.link_actions.head_buttons[0]
    qtbot.waitUntil(duplicate.isEnabled, timeout=WAIT_MS)
    window.table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(window.table, Qt.Key.Key_Enter)
    assert not window.detail.toggle_button.isEnabled()
    assert focused() is duplicate


def test_enter_opens_the_usage_in_the_drawer_tab_reaches_it_esc_comes_back(
    qtbot: QtBot, window: MainWindow, sim: Simulator
) -> None:
    select(qtbot, window, busiest(sim), usages=True)
    view = window.detail.usages_view
    view.setFocus(Qt.FocusReason.TabFocusReason)
    view.setCurrentIndex(view.model().index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    drawer = window.drawer
    assert drawer.is_open()
    usage = window.detail.usages_model.usage_at(0)
    assert usage is not None
    assert drawer.current_usage_id() == usage.usage_id
    assert focused() is drawer.close_button  # the keyboard follows the drawer over the usages
    drawer_controls = [w for w in drawer.focus_order() if w.isEnabled()]
    assert len(drawer_controls) >= 3  # close, the usage ID's Copy, at least one more
    forward = walk(qtbot, window.search_box)
    in_order(forward, [window.search_box, window.table, view, *drawer_controls])
    drawer.close_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not drawer.is_open(), timeout=WAIT_MS)
    assert focused() is view
    assert drawer.focus_order()[0] not in walk(qtbot, window.search_box)  # closed: out of the order


def test_the_disable_key_asks_the_same_question_as_the_button(
    qtbot: QtBot, window: MainWindow, sim: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[LinkStatus] = []
    answers = [False, True]
    monkeypatch.setattr(
        link_controller,
        "confirm_status_change",
        lambda parent, link, target, tz: asked.append(target) or answers.pop(0),
    )
    link_id = sim.state.link_ids(status="ACTIVE")[0]
    select(qtbot, window, link_id)
    toggle = window.detail.link_actions.toggle
    assert toggle.shortcut().toString() == "Ctrl+D"
    assert toggle.text() == "&Disable link"
    window.table.setFocus()
    before = sim.requests.copy()
    QTest.keySequence(window, QKeySequence("Ctrl+D"))  # refused: nothing is sent
    assert asked == [LinkStatus.DISABLED]
    qtbot.wait(200)
    assert (sim.requests - before)[("PATCH", "update_link")] == 0
    QTest.keySequence(window, QKeySequence("Ctrl+D"))  # confirmed
    qtbot.waitUntil(lambda: sim.state.get_link(link_id)["status"] == "DISABLED", timeout=WAIT_MS)
    assert asked == [LinkStatus.DISABLED, LinkStatus.DISABLED]
    qtbot.waitUntil(lambda: toggle.text() == "&Enable link" and toggle.isEnabled(), timeout=WAIT_MS)


def test_keys_copy_the_link_url_and_id_and_save_its_qr(
    qtbot: QtBot, window: MainWindow, sim: Simulator, tmp_path: Path
) -> None:
    link_id = sim.state.link_ids(status="ACTIVE")[0]
    select(qtbot, window, link_id)
    window.table.setFocus()
    clipboard = QGuiApplication.clipboard()
    QTest.keySequence(window, QKeySequence("Ctrl+Shift+C"))
    assert clipboard.text() == sim.state.get_link(link_id)["link"]
    QTest.keySequence(window, QKeySequence("Ctrl+Alt+C"))
    assert clipboard.text() == link_id
    target = tmp_path / "qr.png"
    window.detail.qr.choose_save_path = lambda default_name: str(target)  # type: ignore[method-assign]
    QTest.keySequence(window, QKeySequence("Ctrl+S"))
    assert target.read_bytes().startswith(b"\x89PNG")


def test_link_keys_rest_while_the_payments_view_hides_the_details(
    qtbot: QtBot, window: MainWindow, sim: Simulator
) -> None:
    link_id = sim.state.link_ids(status="ACTIVE")[0]
    select(qtbot, window, link_id)
    actions = window.detail.link_actions
    keyed = (actions.toggle, actions.copy_url, actions.copy_id, actions.save_qr)
    assert all(action.isEnabled() for action in keyed)
    window.show_view(1)
    assert not any(action.isEnabled() for action in keyed)
    QGuiApplication.clipboard().setText("unchanged")
    QTest.keySequence(window, QKeySequence("Ctrl+Shift+C"))
    for held in (Qt.Key.Key_Shift, Qt.Key.Key_Control):  # QTest leaves them "held" otherwise, and a
        QTest.keyRelease(window, held)  # later test's selectRow would extend the selection
    assert QGuiApplication.clipboard().text() == "unchanged"
    window.show_view(0)
    assert all(action.isEnabled() for action in keyed)


def test_slash_goes_to_the_search_box_but_types_a_slash_there(qtbot: QtBot, window: MainWindow) -> None:
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Slash)
    assert focused() is window.search_box
    assert window.search_box.text() == ""
    qtbot.keyClicks(window.search_box, "a/b")
    assert window.search_box.text() == "a/b"
    assert focused() is window.search_box
    window.detail.setFocus()
    QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Find))
    assert focused() is window.search_box


def test_the_usages_row_menu_opens_and_copies(qtbot: QtBot, window: MainWindow, sim: Simulator) -> None:
    select(qtbot, window, busiest(sim), usages=True)
    view = window.detail.usages_view
    row = next(
        r
        for r in range(view.model().rowCount())
        if (u := window.detail.usages_model.usage_at(r)) is not None and u.payment_id
    )
    usage = window.detail.usages_model.usage_at(row)
    assert usage is not None
    view.setCurrentIndex(view.model().index(row, 0))
    view.customContextMenuRequested.emit(view.visualRect(view.currentIndex()).center())
    menu = next(m for m in view.findChildren(QMenu) if m.isVisible())
    actions = {a.text(): a for a in menu.actions() if not a.isSeparator()}
    assert list(actions) == ["Open usage details", "Copy usage ID", "Copy payment ID"]
    actions["Copy payment ID"].trigger()
    assert QGuiApplication.clipboard().text() == usage.payment_id
    actions["Open usage details"].trigger()
    assert window.drawer.current_usage_id() == usage.usage_id
    menu.close()


def test_the_menu_key_opens_the_links_row_menu_with_the_link_commands(
    qtbot: QtBot, window: MainWindow, sim: Simulator
) -> None:
    link_id = sim.state.link_ids(status="ACTIVE")[0]
    select(qtbot, window, link_id)
    window.table.setFocus(Qt.FocusReason.TabFocusReason)
    for key, modifier in (
        (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
    ):
        qtbot.keyClick(window.table, key, modifier)
        menu = next(m for m in window.findChildren(QMenu) if m.isVisible())
        actions = {a.text(): a for a in menu.actions() if not a.isSeparator()}
        assert {"&Disable link", "Copy link &URL", "Copy link &ID"} <= set(actions)
        actions["Copy link &ID"].trigger()
        assert QGuiApplication.clipboard().text() == link_id
        menu.close()
    QTest.keyRelease(window.table, Qt.Key.Key_Shift)  # QTest leaves Shift "held" otherwise


def test_enter_on_a_payment_opens_its_link_with_the_payment_in_the_drawer(
    qtbot: QtBot, window: MainWindow
) -> None:
    QTest.keySequence(window, QKeySequence("Ctrl+2"))
    qtbot.waitUntil(
        lambda: (
            window.payments is not None
            and window.payments.model.table is not None
            and window.payments.model.rowCount() > 0
        ),
        timeout=WAIT_MS,
    )
    payments = window.payments
    assert payments is not None
    table = payments.page.table
    forward = walk(qtbot, window.search_box)  # the page's filters and table follow the search box
    in_order(forward, [window.search_box, payments.page.tabs, payments.page.currency, table])
    assert window.table not in forward  # the hidden Links page is out of the way
    table.setFocus(Qt.FocusReason.TabFocusReason)
    table.setCurrentIndex(table.model().index(0, 0))
    link_id, usage_id = table.currentIndex().data(LINK_ID_ROLE), table.currentIndex().data(USAGE_ID_ROLE)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.pages.currentIndex() == 0
    qtbot.waitUntil(lambda: window.drawer.current_usage_id() == usage_id, timeout=WAIT_MS)
    assert window.links.current_link_id == link_id
