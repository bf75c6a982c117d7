"""Saved views in the real window (real simulator, cache, threads): a Links view and a Payments
view saved, everything changed, and shown back; the default view at start; a view exported
from one profile's window and imported into another home's; hostile files refused in one sentence."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from linkmanager.api import ApiEndpoints, Credentials, LeanClient
from linkmanager.domain.status import LinkStatus
from linkmanager.services.date_ranges import QuickRange
from linkmanager.services.payments import PaymentColumn
from linkmanager.services.saved_views import (
    LINK_COLUMNS,
    LINK_TABS,
    PAYMENT_COLUMNS,
    PAYMENT_TABS,
    Page,
    SavedView,
)
from linkmanager.services.saved_views_store import SavedViewStore, store_path
from linkmanager.services.workspace import ProfileInfo, Workspace
from linkmanager.simulator import Simulator
from linkmanager.storage.cache import LinkCache
from linkmanager.ui.controllers.search_controller import TABS
from linkmanager.ui.main_window import MainWindow
from linkmanager.ui.models.links_model import Column
from linkmanager.ui.tasks import TaskRunner
from linkmanager.ui.views import SavedViewsController
from linkmanager.ui.views.dialogs import NameDialog
from linkmanager.ui.widgets.payments_page import TAB_OUTCOMES

WAIT_MS = 20_000
Opened = tuple[MainWindow, SavedViewsController]


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(seed=7, links=30) as simulator:
        yield simulator


@pytest.fixture
def open_window(qtbot: QtBot, tmp_path: Path, sim: Simulator) -> Iterator[Callable[..., Opened]]:
    """Opens a window as the app does, saved views installed before start(); closes them after."""
    opened: list[tuple[MainWindow, TaskRunner, Workspace]] = []

    def make(home: Path | None = None, profile: str = "Test shop") -> Opened:
        endpoints = ApiEndpoints(sim.api_url, sim.token_url)
        home = home or tmp_path / "home"
        workspace = Workspace(
            ProfileInfo(profile, "sandbox", endpoints.api_url),
            LinkCache.open(tmp_path / f"cache-{len(opened)}.sqlite3"),
            lambda: LeanClient(endpoints, Credentials(sim.client_id, sim.client_secret)),
        )
        runner = TaskRunner()
        settings = QSettings(str(home / "ui-state.ini"), QSettings.Format.IniFormat)
        window = MainWindow(workspace, runner, settings)
        views = window.saved_views  # installed by MainWindow.__init__
        views.tell = lambda text: pytest.fail(f"unexpected message: {text}")
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.first_sync_finished, timeout=WAIT_MS):
            window.start()
        opened.append((window, runner, workspace))
        return window, views

    yield make
    for window, runner, workspace in opened:
        window.close()
        runner.wait_idle(10_000)
        workspace.close()


def links_settled(window: MainWindow) -> bool:
    return window.model.is_complete and not window._runner.busy("search") and not window.model.engine.pending


def payments_settled(window: MainWindow) -> bool:
    payments = window.payments
    return (
        payments is not None
        and payments.model.table is not None
        and not window._runner.busy("payments pick")
        and not window._runner.busy("payments search")
    )


def shown_links(window: MainWindow) -> list[tuple[str, LinkStatus]]:
    rows = (window.model.row_at(r) for r in range(window.model.rowCount()))
    return [(row.name or "", row.status) for row in rows if row is not None]


def header_layout(window: MainWindow) -> tuple[list[int], list[bool]]:
    header = window.table.horizontalHeader()
    order = [header.logicalIndex(v) for v in range(header.count())]
    return order, [header.isSectionHidden(c) for c in range(header.count())]


def test_the_names_follow_the_tables_columns_and_tabs() -> None:
    assert [c.name.lower() for c in Column] == list(LINK_COLUMNS)
    assert [c.name.lower() for c in PaymentColumn] == list(PAYMENT_COLUMNS)
    assert [s.value.lower() if s else "all" for _, s in TABS] == list(LINK_TABS)
    assert [o.word if o else "all" for o in TAB_OUTCOMES] == list(PAYMENT_TABS)


def test_a_links_view_comes_back_after_everything_changed(
    qtbot: QtBot, open_window: Callable[..., Opened]
) -> None:
    window, views = open_window()
    qtbot.waitUntil(lambda: links_settled(window), timeout=WAIT_MS)
    active = [name for name, status in shown_links(window) if status == LinkStatus.ACTIVE]
    word = next(w for name in active for w in name.split() if len(w) >= 4)
    window.tabs.setCurrentIndex(LINK_TABS.index("active"))
    window.search_box.setText(word)
    window.table.sortByColumn(Column.AMOUNT, Qt.SortOrder.DescendingOrder)
    window.table.setColumnHidden(Column.STATUS, True)
    header = window.table.horizontalHeader()
    header.moveSection(header.visualIndex(Column.EXPIRES), 1)
    header.resizeSection(Column.USAGES, 173)
    qtbot.waitUntil(lambda: links_settled(window) and window.search.current_search() == word, timeout=WAIT_MS)
    expected_rows, expected_header = shown_links(window), header_layout(window)
    assert expected_rows
    assert all(
        status == LinkStatus.ACTIVE and word.casefold() in name.casefold() for name, status in expected_rows
    )

    views.ask_name = lambda title, suggested: "Active by amount"
    views.save_action.trigger()  # View > Saved views > Save current view… (Ctrl+Shift+S)
    saved = views.store.find("Active by amount")
    assert saved is not None
    assert (saved.page, saved.tab, saved.search) == (Page.LINKS, "active", word)

    # Everything changed: another tab, no search, another sort, every column back.
    window.tabs.setCurrentIndex(0)
    window.search_box.clear()
    window.table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
    window.table.setColumnHidden(Column.STATUS, False)
    header.moveSection(header.visualIndex(Column.EXPIRES), Column.EXPIRES)
    header.resizeSection(Column.USAGES, 90)
    window.show_view(1)
    qtbot.waitUntil(lambda: links_settled(window) and window.search.current_search() == "", timeout=WAIT_MS)
    assert shown_links(window) != expected_rows

    window.view_menu.aboutToShow.emit()  # as the View menu opens: the submenu is in it
    assert views.menu.menuAction() in window.view_menu.actions()
    views.menu.aboutToShow.emit()
    entry = next(a for a in views.view_actions if a.text() == "Active by amount")
    entry.trigger()
    assert window.views.currentIndex() == 0
    assert window.tabs.currentIndex() == LINK_TABS.index("active")
    assert window.search_box.text() == word
    assert header_layout(window) == expected_header
    assert header.sectionSize(Column.USAGES) == 173
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        Column.AMOUNT,
        Qt.SortOrder.DescendingOrder,
    )
    qtbot.waitUntil(lambda: links_settled(window) and window.search.current_search() == word, timeout=WAIT_MS)
    assert shown_links(window) == expected_rows


def test_a_payments_view_keeps_its_currency_dates_tab_and_sort(
    qtbot: QtBot, open_window: Callable[..., Opened]
) -> None:
    window, views = open_window()
    window.show_view(1)
    qtbot.waitUntil(lambda: payments_settled(window), timeout=WAIT_MS)
    payments = window.payments
    assert payments is not None
    page = payments.page
    currency = page.currency.itemData(1)
    assert isinstance(currency, str)
    today = datetime.now().astimezone().date()  # the page's days are the workstation's
    first, last = today - timedelta(days=40), today
    page.tabs.setCurrentIndex(PAYMENT_TABS.index("collected"))
    page.currency.setCurrentIndex(1)
    page.dates.setCurrentIndex(page.dates.findData(QuickRange.CUSTOM))
    page.first_day.setDate(QDate(first.year, first.month, first.day))
    page.last_day.setDate(QDate(last.year, last.month, last.day))
    page.link_status.setCurrentIndex(page.link_status.findData(LinkStatus.ACTIVE))
    page.table.sortByColumn(PaymentColumn.AMOUNT, Qt.SortOrder.AscendingOrder)
    page.table.setColumnHidden(PaymentColumn.PAYER, True)
    qtbot.waitUntil(lambda: payments_settled(window), timeout=WAIT_MS)
    wanted = payments.current_filter()
    assert views.save_current("Collected lately") is not None

    page.tabs.setCurrentIndex(0)
    page.currency.setCurrentIndex(0)
    page.dates.setCurrentIndex(0)
    page.link_status.setCurrentIndex(0)
    page.table.sortByColumn(PaymentColumn.SEEN, Qt.SortOrder.DescendingOrder)
    page.table.setColumnHidden(PaymentColumn.PAYER, False)
    window.show_view(0)

    assert views.apply("Collected lately")
    assert window.views.currentIndex() == 1
    assert page.tabs.currentIndex() == PAYMENT_TABS.index("collected")
    assert page.currency_code() == currency
    assert page.quick_range() == QuickRange.CUSTOM
    assert page.custom_days() == (first, last)
    assert page.first_day.isVisible()
    assert page.link_status_choice() == LinkStatus.ACTIVE
    assert page.table.isColumnHidden(PaymentColumn.PAYER)
    header = page.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        PaymentColumn.AMOUNT,
        Qt.SortOrder.AscendingOrder,
    )
    qtbot.waitUntil(lambda: payments_settled(window), timeout=WAIT_MS)
    shown = payments.shown
    assert shown is not None
    assert shown.flt == wanted  # the very filter the page had when saved
    assert (shown.sort.column, shown.sort.descending) == (PaymentColumn.AMOUNT, False)


def test_the_default_view_is_shown_when_the_window_opens(
    qtbot: QtBot, tmp_path: Path, open_window: Callable[..., Opened]
) -> None:
    store = SavedViewStore(store_path(tmp_path / "home", "Test shop"))
    store.save(SavedView("Used ones", Page.LINKS, tab="used"))
    store.save(SavedView("Disabled first", Page.LINKS, tab="disabled"))
    store.set_default("Disabled first")
    window, views = open_window()
    assert window.tabs.currentIndex() == LINK_TABS.index("disabled")
    qtbot.waitUntil(lambda: links_settled(window), timeout=WAIT_MS)
    assert {status for _, status in shown_links(window)} <= {LinkStatus.DISABLED}

    views.menu.aboutToShow.emit()
    checked = [a.text() for a in views.default_menu.actions() if a.isChecked()]
    assert checked == ["Disabled first"]
    next(a for a in views.default_menu.actions() if a.text().startswith("&None")).trigger()
    assert SavedViewStore(store.path).default_name is None


def test_a_payments_default_opens_on_the_payments_page(
    qtbot: QtBot, tmp_path: Path, open_window: Callable[..., Opened]
) -> None:
    store = SavedViewStore(store_path(tmp_path / "home", "Test shop"))
    store.save(SavedView("Failed", Page.PAYMENTS, tab="failed"))
    store.set_default("Failed")
    window, _ = open_window()
    assert window.views.currentIndex() == 1
    qtbot.waitUntil(lambda: payments_settled(window), timeout=WAIT_MS)
    assert window.payments is not None
    assert window.pages.currentWidget() is window.payments.page
    assert window.payments.page.outcome() is not None


def test_export_then_import_in_another_profile_and_home(
    qtbot: QtBot, tmp_path: Path, open_window: Callable[..., Opened]
) -> None:
    window, views = open_window()
    window.tabs.setCurrentIndex(LINK_TABS.index("expired"))
    window.table.setColumnHidden(Column.REFERENCE, False)
    window.table.sortByColumn(Column.EXPIRES, Qt.SortOrder.DescendingOrder)
    views.save_current("R&D <b>expired</b>")
    shared = tmp_path / "shared" / "expired"
    shared.parent.mkdir()
    views.ask_save_path = lambda name: shared
    views.menu.aboutToShow.emit()
    views.export_menu.actions()[0].trigger()
    written = shared.with_name("expired.json")
    assert json.loads(written.read_text(encoding="utf-8"))["view"]["tab"] == "expired"

    other, imported = open_window(home=tmp_path / "colleague", profile="Colleague's shop")
    imported.save_current("R&D <b>expired</b>")  # a view of the same name already there
    imported.ask_open_path = lambda: written
    imported.import_action.trigger()
    names = [v.name for v in imported.store.views()]
    assert names == ["R&D <b>expired</b>", "R&D <b>expired</b> (2)"]
    imported.menu.aboutToShow.emit()
    assert [a.text() for a in imported.view_actions] == ["R&&D <b>expired</b>", "R&&D <b>expired</b> (2)"]
    imported.view_actions[1].trigger()
    assert other.tabs.currentIndex() == LINK_TABS.index("expired")
    assert not other.table.isColumnHidden(Column.REFERENCE)
    assert other.table.horizontalHeader().sortIndicatorSection() == Column.EXPIRES
    assert SavedViewStore(store_path(tmp_path / "home", "Test shop")).views() == views.store.views()


def test_an_import_that_is_not_a_view_says_so_and_changes_nothing(
    tmp_path: Path, open_window: Callable[..., Opened]
) -> None:
    _, views = open_window()
    told: list[str] = []
    views.tell = told.append
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (200 * 1024))
    other = tmp_path / "profiles.json"
    other.write_text(json.dumps({"format": 1, "profiles": []}), encoding="utf-8")
    for path in (big, other, tmp_path / "missing.json"):
        assert views.import_view(path) is None
    assert told[0] == "The file is larger than 64 KiB, so it is not a saved view."
    assert told[1] == "This file is not a LinkManager saved view."
    assert "could not be read" in told[2]
    assert views.store.views() == []
    assert not views.store.path.exists()


def test_an_import_with_unknown_parts_tells_what_was_left_out(
    tmp_path: Path, open_window: Callable[..., Opened]
) -> None:
    window, views = open_window()
    told: list[str] = []
    views.tell = told.append
    newer = tmp_path / "newer.json"
    view = {"name": "Newer", "page": "links", "tab": "archived", "columns": [{"name": "risk_score"}]}
    newer.write_text(json.dumps({"format": "linkmanager-saved-view", "version": 1, "view": view}))
    assert views.import_view(newer) is not None
    assert len(told) == 1
    assert "“archived”" in told[0]
    assert "“risk_score”" in told[0]
    assert views.apply("Newer")
    assert window.tabs.currentIndex() == 0


def test_manage_renames_deletes_and_sets_the_default(
    qtbot: QtBot, open_window: Callable[..., Opened]
) -> None:
    _, views = open_window()
    views.save_current("First")
    views.save_current("Second")
    views.manage()
    dialog = views.manager
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.list.count() == 2
    dialog.list.setCurrentRow(0)
    views.ask_name = lambda title, suggested: suggested + " renamed"
    dialog.rename_button.click()
    assert [v.name for v in views.store.views()] == ["First renamed", "Second"]
    assert dialog.chosen() == "First renamed"
    dialog.default_button.click()
    assert views.store.default_name == "First renamed"
    assert "(default)" in dialog.list.currentItem().text()
    views.ask_delete = lambda name: False
    dialog.delete_button.click()
    assert len(views.store.views()) == 2
    views.ask_delete = lambda name: True
    dialog.delete_button.click()
    assert [v.name for v in views.store.views()] == ["Second"]
    assert views.store.default() is None
    assert dialog.list.count() == 1
    dialog.reject()


def test_ctrl_shift_s_asks_a_name_and_the_name_dialog_wants_one(
    qtbot: QtBot, open_window: Callable[..., Opened]
) -> None:
    window, views = open_window()
    asked: list[str] = []

    def ask_name(title: str, suggested: str) -> str:
        asked.append(title)
        return "By key"

    views.ask_name = ask_name
    QTest.keySequence(window, QKeySequence("Ctrl+Shift+S"))
    assert asked == ["Save current view"]
    assert views.store.find("By key") is not None

    dialog = NameDialog(window, "Save current view", "")
    qtbot.addWidget(dialog)
    dialog.open()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.field.setText("  \u202eMay\ttakings  ")
    assert ok.isEnabled()
    assert dialog.name() == "May takings"
    assert dialog.field.accessibleName() == "View name"
    dialog.reject()
