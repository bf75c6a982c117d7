"""The counter display through the real chain: the window's Link menu, the real simulator paying
(Simulator.pay, as --demo's "Simulate a payment" does), the Workspace's watcher on its own thread,
the display showing it; Esc and closing the window end the watch's thread."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMenu, QPushButton
from pytestqt.qtbot import QtBot

from linkmanager.api import ApiEndpoints, Credentials, LeanClient
from linkmanager.domain.status import LinkStatus
from linkmanager.services.workspace import ProfileInfo, Workspace
from linkmanager.simulator import Simulator
from linkmanager.storage.cache import LinkCache
from linkmanager.ui.counter.counter_controller import SOUND_KEY, CounterController
from linkmanager.ui.counter.counter_display import CounterDisplay, DisplayState
from linkmanager.ui.main_window import MainWindow
from linkmanager.ui.tasks import TaskRunner

WAIT_MS = 20_000
PAID = "Paid — AED 262.00"


class Shop:
    def __init__(self, window: MainWindow, sim: Simulator, link_id: str) -> None:
        self.window, self.sim, self.link_id = window, sim, link_id
        self.chimes = 0
        window.counter.chime = self._chime

    def _chime(self) -> None:
        self.chimes += 1

    @property
    def counter(self) -> CounterController:
        return self.window.counter

    def display(self) -> CounterDisplay:
        session = self.counter.session
        assert session is not None
        return session.display

    def shown(self) -> str:
        return self.display().visible_text().replace("\xa0", " ")

    def open(self, qtbot: QtBot) -> None:
        assert self.window.show_link(self.link_id)
        qtbot.waitUntil(self.counter.action.isEnabled, timeout=WAIT_MS)
        self.counter.action.trigger()
        session = self.counter.session
        assert session is not None
        qtbot.waitUntil(lambda: session.panel.watch_label.text().startswith("Watching"), timeout=WAIT_MS)


def make_window(qtbot: QtBot, tmp_path: Path, *, demo: bool) -> Iterator[Shop]:
    with Simulator(seed=7, links=20) as sim:
        body = {
            "name": "Counter 262",
            "payment_details": {"reference": "INV-262", "currency": "AED", "amount": 262},
        }
        link_id = str(sim.state.create_link(body)["id"])
        endpoints = ApiEndpoints(sim.api_url, sim.token_url)

        def client() -> LeanClient:
            return LeanClient(endpoints, Credentials(sim.client_id, sim.client_secret))

        workspace = Workspace(
            ProfileInfo("Shop", "demo", endpoints.api_url), LinkCache.open(tmp_path / "c.sqlite3"), client
        )
        runner = TaskRunner()
        settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
        window = MainWindow(workspace, runner, settings, pay=sim.pay if demo else None)
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.first_sync_finished, timeout=WAIT_MS):
            window.start()
        yield Shop(window, sim, link_id)
        window.close()
        runner.wait_idle(10_000)
        workspace.close()


@pytest.fixture
def demo(qtbot: QtBot, tmp_path: Path) -> Iterator[Shop]:
    yield from make_window(qtbot, tmp_path, demo=True)


@pytest.fixture
def shop(qtbot: QtBot, tmp_path: Path) -> Iterator[Shop]:
    yield from make_window(qtbot, tmp_path, demo=False)


def simulate(shop: Shop, outcome: str) -> None:
    session = shop.counter.session
    assert session is not None
    button = session.panel.findChild(QPushButton, f"simulate-{outcome}")
    assert isinstance(button, QPushButton)
    button.click()


def test_the_link_menu_offers_the_counter_display_for_active_links_only(qtbot: QtBot, shop: Shop) -> None:
    window, action = shop.window, shop.counter.action
    link_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Link")
    assert isinstance(link_menu, QMenu)
    assert action in link_menu.actions()
    assert action.shortcut().toString() == "Ctrl+Shift+D"
    for row in range(window.model.rowCount()):
        cached = window.model.link_at(row)
        assert cached is not None
        if window._workspace.status_of(cached) != LinkStatus.ACTIVE:
            break
    window.links.select(cached.link.id)
    qtbot.waitUntil(lambda: window.links.current_link_id == cached.link.id)
    assert not action.isEnabled()
    action.trigger()
    assert shop.counter.session is None
    window.links.select(shop.link_id)
    qtbot.waitUntil(action.isEnabled)


def test_an_accepted_payment_in_the_simulator_shows_paid_on_the_display(qtbot: QtBot, demo: Shop) -> None:
    demo.open(qtbot)
    assert demo.display().state == DisplayState.CODE
    assert "Scan to pay" in demo.shown()
    simulate(demo, "accepted")
    qtbot.waitUntil(lambda: PAID in demo.shown(), timeout=WAIT_MS)
    assert demo.chimes == 1
    session = demo.counter.session
    assert session is not None
    assert any("Paid AED" in line.replace("\xa0", " ") for line in session.panel.payment_lines())
    assert demo.window.isEnabled()  # the window is usable while the display is up
    assert demo.window.search_box.isEnabled()


def test_a_failed_payment_says_try_again_then_the_code_returns(
    qtbot: QtBot, demo: Shop, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(CounterDisplay, "FAILED_MS", 200)
    demo.open(qtbot)
    simulate(demo, "failed")
    qtbot.waitUntil(lambda: "Payment not completed — please try again" in demo.shown(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: demo.display().state == DisplayState.CODE, timeout=WAIT_MS)


def test_simulate_a_payment_is_offered_in_the_demo_only(qtbot: QtBot, shop: Shop) -> None:
    shop.open(qtbot)
    session = shop.counter.session
    assert session is not None
    assert session.panel.simulate_buttons == []
    assert session.panel.findChild(QPushButton, "simulate-accepted") is None


def test_esc_on_the_operators_side_closes_the_display_and_ends_the_watch(qtbot: QtBot, shop: Shop) -> None:
    shop.open(qtbot)
    session = shop.counter.session
    assert session is not None
    assert session.adapter.running
    shop.window.table.setFocus()
    qtbot.keyClick(shop.window.table, Qt.Key.Key_Escape)
    assert shop.counter.session is None
    assert not session.display.isVisible()
    qtbot.waitUntil(lambda: not session.adapter.running, timeout=WAIT_MS)
    assert not shop.counter.watching()
    assert not shop.counter.close_action.isEnabled()


def test_esc_in_the_panel_closes_the_display_too(qtbot: QtBot, shop: Shop) -> None:
    shop.open(qtbot)
    session = shop.counter.session
    assert session is not None
    session.panel.activateWindow()
    qtbot.keyClick(session.panel.close_button, Qt.Key.Key_Escape)
    assert shop.counter.session is None
    qtbot.waitUntil(lambda: not shop.counter.watching(), timeout=WAIT_MS)


def test_closing_the_window_ends_the_watch_thread(qtbot: QtBot, shop: Shop) -> None:
    shop.open(qtbot)
    session = shop.counter.session
    assert session is not None
    shop.window.close()
    assert not session.adapter.running  # the window waited for it
    assert shop.counter.session is None


def test_the_sound_choice_is_remembered(qtbot: QtBot, shop: Shop) -> None:
    shop.open(qtbot)
    session = shop.counter.session
    assert session is not None
    assert session.panel.sound_box.isChecked()
    session.panel.sound_box.click()
    assert shop.window._settings.value(SOUND_KEY, type=bool) is False
    shop.counter.close_display()
    shop.open(qtbot)
    reopened = shop.counter.session
    assert reopened is not None
    assert not reopened.panel.sound_box.isChecked()
    assert not reopened.sound
