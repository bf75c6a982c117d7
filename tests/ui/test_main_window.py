"""The window's flows end to end: a real simulator over loopback, a real cache, real threads."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from linkmanager.api import ApiEndpoints, Credentials, LeanClient
from linkmanager.domain.status import LinkStatus
from linkmanager.services.workspace import ProfileInfo, Workspace
from linkmanager.simulator import Simulator
from linkmanager.storage.cache import LinkCache
from linkmanager.ui.controllers import link_controller
from linkmanager.ui.main_window import MainWindow
from linkmanager.ui.tasks import TaskRunner

WAIT_MS = 20_000


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(seed=11, links=40) as simulator:
        yield simulator
        ENDPOINTS.pop(id(simulator), None)


ENDPOINTS: dict[int, ApiEndpoints] = {}


def make_workspace(sim: Simulator, path: Path) -> Workspace:
    # Kept per simulator: a stopped simulator no longer knows its address, its clients still do.
    if id(sim) not in ENDPOINTS:
        ENDPOINTS[id(sim)] = ApiEndpoints(sim.api_url, sim.token_url)
    endpoints = ENDPOINTS[id(sim)]

    def client() -> LeanClient:
        return LeanClient(endpoints, Credentials(sim.client_id, sim.client_secret))

    return Workspace(ProfileInfo("Test shop", "sandbox", endpoints.api_url), LinkCache.open(path), client)


class Opened:
    def __init__(self) -> None:
        self.windows: list[tuple[MainWindow, TaskRunner, Workspace]] = []

    def close_all(self) -> None:
        for window, runner, workspace in self.windows:
            window.close()
            runner.wait_idle(10_000)
            workspace.close()


@pytest.fixture
def opened() -> Iterator[Opened]:
    keeper = Opened()
    yield keeper
    keeper.close_all()


def open_window(qtbot: QtBot, sim: Simulator, tmp_path: Path, opened: Opened) -> MainWindow:
    workspace = make_workspace(sim, tmp_path / "cache.sqlite3")
    runner = TaskRunner()
    window = MainWindow(workspace, runner, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    opened.windows.append((window, runner, workspace))
    with qtbot.waitSignal(window.first_sync_finished, timeout=WAIT_MS):
        window.start()
    return window


@pytest.fixture
def window(qtbot: QtBot, sim: Simulator, tmp_path: Path, opened: Opened) -> MainWindow:
    return open_window(qtbot, sim, tmp_path, opened)


def toggle(window: MainWindow) -> QPushButton:
    return window.detail.toggle_button


def select(qtbot: QtBot, window: MainWindow, link_id: str) -> None:
    assert window.links.select(link_id)
    qtbot.waitUntil(lambda: window.detail.current_link_id() == link_id, timeout=WAIT_MS)


def test_the_table_shows_every_cached_link_with_counts(window: MainWindow, sim: Simulator) -> None:
    assert window.model.rowCount() == 40
    active = len(sim.state.link_ids(status="ACTIVE"))
    assert window.tabs.tabText(1) == f"Active ({active})"
    assert window.table.accessibleName() == "Links table"


def test_select_a_link_and_copy_its_url(qtbot: QtBot, window: MainWindow, sim: Simulator) -> None:
    link_id = sim.state.link_ids(status="ACTIVE")[0]
    select(qtbot, window, link_id)
    copy = next(
        b for b in window.detail.findChildren(QAbstractButton) if b.accessibleName() == "Copy link URL"
    )
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == sim.state.get_link(link_id)["link"]


def busiest(sim: Simulator) -> str:
    return max(
        sim.state.link_ids(status="ACTIVE"), key=lambda i: len(sim.state.list_usages(i, 0, 100)["content"])
    )


def test_open_and_close_the_usage_drawer(qtbot: QtBot, window: MainWindow, sim: Simulator) -> None:
    link_id = busiest(sim)
    select(qtbot, window, link_id)
    view = window.detail.usages_view
    qtbot.waitUntil(lambda: view.model().rowCount() > 0, timeout=WAIT_MS)
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.drawer.is_open()
    assert window.drawer.current_usage_id() is not None
    qtbot.keyClick(window.drawer, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.drawer.is_open(), timeout=WAIT_MS)


def test_disable_with_confirmation_then_enable(
    qtbot: QtBot, window: MainWindow, sim: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[LinkStatus] = []
    monkeypatch.setattr(
        link_controller,
        "confirm_status_change",
        lambda parent, link, target, tz: asked.append(target) or True,
    )
    link_id = sim.state.link_ids(status="ACTIVE")[0]
    select(qtbot, window, link_id)
    assert toggle(window).accessibleName() == "Disable link"
    qtbot.mouseClick(toggle(window), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sim.state.get_link(link_id)["status"] == "DISABLED", timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: toggle(window).accessibleName() == "Enable link" and toggle(window).isEnabled(),
        timeout=WAIT_MS,
    )
    row = window.model.row_of(link_id)
    assert row is not None
    assert "Disabled" in window.model.index(row, 2).data()
    qtbot.mouseClick(toggle(window), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sim.state.get_link(link_id)["status"] == "ACTIVE", timeout=WAIT_MS)
    assert asked == [LinkStatus.DISABLED, LinkStatus.ACTIVE]


def test_cancel_sends_nothing(
    qtbot: QtBot, window: MainWindow, sim: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(link_controller, "confirm_status_change", lambda *args: False)
    link_id = sim.state.link_ids(status="ACTIVE")[0]
    select(qtbot, window, link_id)
    before = sim.requests.copy()
    qtbot.mouseClick(toggle(window), Qt.MouseButton.LeftButton)
    qtbot.wait(300)
    assert sim.state.get_link(link_id)["status"] == "ACTIVE"
    assert (sim.requests - before)[("PATCH", "update_link")] == 0


def test_terminal_links_offer_no_change_and_say_why(qtbot: QtBot, window: MainWindow, sim: Simulator) -> None:
    select(qtbot, window, sim.state.link_ids(status="USED")[0])
    assert not toggle(window).isEnabled()
    assert "limit" in toggle(window).toolTip()
    select(qtbot, window, sim.state.link_ids(status="EXPIRED")[0])
    assert not toggle(window).isEnabled()
    assert "expired" in toggle(window).toolTip().lower()


def test_a_failing_change_is_explained_and_shows_what_lean_holds(
    qtbot: QtBot, window: MainWindow, sim: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(link_controller, "confirm_status_change", lambda *args: True)
    link_id = sim.state.link_ids(status="ACTIVE")[0]
    select(qtbot, window, link_id)
    # A refusal (a 5xx would be retried: a status change is idempotent).
    body = b'{"status": "INSUFFICIENT_ACCESS_LEVEL", "message": "Something broke"}'
    sim.override_next("PATCH", f"/payment-links/v1/{link_id}", 403, body, count=1)
    qtbot.mouseClick(toggle(window), Qt.MouseButton.LeftButton)

    # The catalogue's message: what happened (naming the profile), what to do, Lean's words in Details.
    bar = window.statusBar()
    qtbot.waitUntil(
        lambda: bar.message_dialog is not None and bar.message_dialog.isVisible(), timeout=WAIT_MS
    )
    box = bar.message_dialog
    assert box is not None
    assert box.headline.text()
    assert box.advice.text()
    assert "Something broke" in box.details.toPlainText()
    box.close()
    assert sim.state.get_link(link_id)["status"] == "ACTIVE"
    qtbot.waitUntil(
        lambda: toggle(window).accessibleName() == "Disable link" and toggle(window).isEnabled(),
        timeout=WAIT_MS,
    )


def test_offline_start_from_the_cache(qtbot: QtBot, sim: Simulator, tmp_path: Path, opened: Opened) -> None:
    first = open_window(qtbot, sim, tmp_path, opened)
    link_id = sim.state.link_ids(status="ACTIVE")[0]
    opened.close_all()
    opened.windows.clear()
    sim.stop()
    window = open_window(qtbot, sim, tmp_path, opened)  # the first sync fails: Lean is gone
    assert first is not window
    assert window.model.rowCount() == 40
    assert not window.sync.online
    select(qtbot, window, link_id)
    assert not toggle(window).isEnabled()
    assert "Offline" in toggle(window).toolTip()


def test_a_sync_under_the_open_drawer_keeps_it_and_updates_it(
    qtbot: QtBot, window: MainWindow, sim: Simulator
) -> None:
    link_id = sim.state.link_ids(status="ACTIVE")[0]
    usage_id = sim.state.add_usage(link_id, status="STARTED")["usage_id"]
    window.sync.sync_now()
    qtbot.waitUntil(lambda: not window.sync.running, timeout=WAIT_MS)
    select(qtbot, window, link_id)
    qtbot.waitUntil(lambda: window.detail.usages_model.row_of(usage_id) is not None, timeout=WAIT_MS)
    window.links.open_usage(usage_id)
    assert window.drawer.current_usage_id() == usage_id
    sim.state.update_usage(usage_id, "PAYMENT_CREATED", "ACCEPTED_BY_BANK")
    with qtbot.waitSignal(window.sync.synced, timeout=WAIT_MS):
        window.sync.sync_now()
    qtbot.waitUntil(lambda: drawer_texts(window).count("Payment created") > 0, timeout=WAIT_MS)
    assert window.drawer.is_open()
    assert window.drawer.current_usage_id() == usage_id
    assert window.detail.current_link_id() == link_id


def drawer_texts(window: MainWindow) -> list[str]:
    return [label.text() for label in window.drawer.findChildren(QLabel)]


def test_hostile_payer_text_is_shown_literally(qtbot: QtBot, window: MainWindow, sim: Simulator) -> None:
    link_id = sim.state.link_ids(status="ACTIVE")[0]
    hostile = [
        {"type": "TEXT", "display_label": "Name", "value": "<b>x</b>"},
        {"type": "TEXT", "display_label": "Note", "value": '=HYPERLINK("http://evil")'},
    ]
    usage_id = sim.state.add_usage(link_id, status="FAILED", identifiers=hostile)["usage_id"]
    with qtbot.waitSignal(window.sync.synced, timeout=WAIT_MS):
        window.sync.sync_now()
    select(qtbot, window, link_id)
    qtbot.waitUntil(lambda: window.detail.usages_model.row_of(usage_id) is not None, timeout=WAIT_MS)
    window.links.open_usage(usage_id)
    labels = {label.text(): label for label in window.drawer.findChildren(QLabel)}
    assert "<b>x</b>" in labels
    assert labels["<b>x</b>"].textFormat() == Qt.TextFormat.PlainText
    assert '=HYPERLINK("http://evil")' in labels


def test_keyboard_find_and_search_filters_the_table(qtbot: QtBot, window: MainWindow, sim: Simulator) -> None:
    target = sim.state.get_link(sim.state.link_ids(status="ACTIVE")[0])
    assert target is not None
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_box.hasFocus()
    qtbot.keyClicks(window.search_box, target["payment_details"]["reference"])
    qtbot.waitUntil(
        lambda: window.model.row_of(target["id"]) is not None and window.model.rowCount() <= 3,
        timeout=WAIT_MS,
    )
    window.search_box.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 40, timeout=WAIT_MS)


def test_select_first_active(qtbot: QtBot, window: MainWindow) -> None:
    assert window.select_first_active()
    link_id = window.links.current_link_id
    assert link_id is not None
    row = window.model.row_of(link_id)
    assert row is not None
    assert "Active" in str(window.model.index(row, 2).data())


def test_every_control_people_and_screen_readers_look_for_has_its_name(
    qtbot: QtBot, window: MainWindow, sim: Simulator
) -> None:
    from PySide6.QtWidgets import QWidget

    select(qtbot, window, sim.state.link_ids(status="ACTIVE")[0])
    names = {w.accessibleName() for w in window.findChildren(QWidget)}
    expected = {
        "Links table", "Search", "Status tabs", "Link details", "Copy link URL", "QR code",
        "Save QR code", "Usages table", "Usage details", "Disable link", "Sync now",
    }  # fmt: skip
    assert expected <= names
    select(qtbot, window, sim.state.link_ids(status="DISABLED")[0])
    assert toggle(window).accessibleName() == "Enable link"


def test_ctrl_c_copies_the_selected_cell(qtbot: QtBot, window: MainWindow, sim: Simulator) -> None:
    link_id = sim.state.link_ids(status="ACTIVE")[0]
    select(qtbot, window, link_id)
    window.table.setFocus()
    row = window.model.row_of(link_id)
    assert row is not None
    window.table.setCurrentIndex(window.model.index(row, 0))
    qtbot.keyClick(window.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == window.model.index(row, 0).data()


def test_a_read_only_cache_shows_what_it_holds_and_does_not_sync(
    qtbot: QtBot, sim: Simulator, tmp_path: Path, opened: Opened
) -> None:
    first = open_window(qtbot, sim, tmp_path, opened)
    opened.close_all()
    opened.windows.clear()
    assert first.model.rowCount() == 40
    path = tmp_path / "cache.sqlite3"
    # The cache as a read-only medium hands it over (tests/storage covers opening one for real).
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
    cache = LinkCache(conn, path, read_only="read-only file system")
    endpoints = ApiEndpoints(sim.api_url, sim.token_url)
    workspace = Workspace(
        ProfileInfo("Test shop", "sandbox", endpoints.api_url),
        cache,
        lambda: LeanClient(endpoints, Credentials(sim.client_id, sim.client_secret)),
    )
    runner = TaskRunner()
    window = MainWindow(workspace, runner, QSettings(str(tmp_path / "ui2.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    opened.windows.append((window, runner, workspace))
    asked = sum(sim.requests.values())
    with qtbot.waitSignal(window.first_sync_finished, timeout=WAIT_MS):
        window.start()
    qtbot.waitUntil(lambda: window.model.rowCount() == 40, timeout=WAIT_MS)
    status = window.statusBar()
    assert "Read-only cache: syncing is off (read-only file system)" in status.currentMessage()
    sync_button = next(b for b in status.findChildren(QPushButton) if b.accessibleName() == "Sync now")
    assert not sync_button.isEnabled()
    assert "read-only" in sync_button.toolTip()
    assert sum(sim.requests.values()) == asked  # nothing asked of Lean for nothing


def test_the_window_reads_the_sync_state_on_a_worker_never_on_the_gui_thread(
    qtbot: QtBot, sim: Simulator, tmp_path: Path, opened: Opened, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    readers: list[bool] = []
    real = Workspace.sync_state

    def watched(self: Workspace) -> Any:
        readers.append(threading.current_thread() is threading.main_thread())
        return real(self)

    monkeypatch.setattr(Workspace, "sync_state", watched)
    window = open_window(qtbot, sim, tmp_path, opened)  # starts, syncs once
    status = window.statusBar()
    label = next(w for w in status.findChildren(QLabel) if w.accessibleName() == "Last synced")
    qtbot.waitUntil(lambda: label.text().startswith("Last synced"), timeout=WAIT_MS)
    assert readers  # it was read...
    assert not any(readers)  # ...and never on the GUI thread
