"""View > Changes after real syncs against the simulator: the payments made in between are
listed with their outcome, amount and link; a row opens its link (a payment's usage in the
drawer); older syncs can be looked at again; link names are plain text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from linkmanager.domain.money import format_money
from linkmanager.ui.changes.controller import SHORTCUT
from linkmanager.ui.changes.panel import LINK_ROLE, USAGE_ROLE, ChangesDock

from .changes_helpers import SYNC_WAIT_MS, changes_window, pay, sync


def payments_shown(dock: ChangesDock) -> set[str]:
    return {item.data(0, USAGE_ROLE) for item in dock.change_rows() if item.data(0, USAGE_ROLE)}


def test_the_panel_lists_the_payments_made_since_the_last_sync(qtbot: QtBot, tmp_path: Path) -> None:
    with changes_window(qtbot, tmp_path, tray=True) as setup:
        window, dock = setup.window, setup.changes.dock
        assert not dock.isVisible()
        QTest.keySequence(window, QKeySequence(SHORTCUT))  # View > Changes
        assert dock.isVisible()
        assert setup.changes.action.isChecked()
        paid = pay(setup.sim, ["accepted", "accepted", "failed"])
        sync(qtbot, setup)
        rows = {item.data(0, USAGE_ROLE): item for item in dock.change_rows() if item.data(0, USAGE_ROLE)}
        assert set(rows) == set(paid)
        for usage_id, (link_id, outcome) in paid.items():
            item = rows[usage_id]
            assert item.data(0, LINK_ROLE) == link_id
            assert item.text(0) == ("Collected" if outcome == "accepted" else "Failed")
            link = window._workspace.link(link_id)
            assert link is not None
            assert item.text(2) == f"\u2068{link.link.display_name}\u2069"
            assert item.text(1) == format_money(link.link.payment_details.amount)
        heads = [dock.tree.topLevelItem(i).text(0) for i in range(dock.tree.topLevelItemCount())]
        assert heads[0] == "New payments (4)"  # the failed attempt's link took a payment too


def test_a_payment_row_opens_its_link_with_the_usage_in_the_drawer(qtbot: QtBot, tmp_path: Path) -> None:
    with changes_window(qtbot, tmp_path, tray=True) as setup:
        window, dock = setup.window, setup.changes.dock
        setup.changes.action.trigger()
        [(usage_id, (link_id, _))] = pay(setup.sim, ["accepted"]).items()
        sync(qtbot, setup)
        qtbot.waitUntil(lambda: not window._runner.busy("links"), timeout=SYNC_WAIT_MS)
        [row] = [item for item in dock.change_rows() if item.data(0, USAGE_ROLE) == usage_id]
        dock.tree.setCurrentItem(row)
        dock.tree.setFocus()
        QTest.keyClick(dock.tree, Qt.Key.Key_Return)  # Enter, as a double-click
        qtbot.waitUntil(
            lambda: window.drawer.is_open() and window.drawer.current_usage_id() == usage_id,
            timeout=SYNC_WAIT_MS,
        )
        assert window.links.current_link_id == link_id


def test_a_link_row_opens_the_link(qtbot: QtBot, tmp_path: Path) -> None:
    with changes_window(qtbot, tmp_path, tray=True) as setup:
        window, dock = setup.window, setup.changes.dock
        setup.changes.action.trigger()
        link_id = setup.sim.state.link_ids(status="ACTIVE")[0]
        setup.sim.state.set_status(link_id, "DISABLED")
        sync(qtbot, setup)
        qtbot.waitUntil(lambda: not window._runner.busy("links"), timeout=SYNC_WAIT_MS)
        [row] = [item for item in dock.change_rows() if item.data(0, LINK_ROLE) == link_id]
        assert row.text(0) == "Active → Disabled"
        assert row.data(0, USAGE_ROLE) is None
        dock.open_item(row)
        qtbot.waitUntil(lambda: window.links.current_link_id == link_id, timeout=SYNC_WAIT_MS)


def test_older_syncs_can_be_looked_at_again(qtbot: QtBot, tmp_path: Path) -> None:
    with changes_window(qtbot, tmp_path, tray=True) as setup:
        dock = setup.changes.dock
        setup.changes.action.trigger()
        first = pay(setup.sim, ["accepted"])
        sync(qtbot, setup)
        second = pay(setup.sim, ["accepted", "accepted"])
        sync(qtbot, setup)
        assert dock.syncs.count() == 3  # the window's first sync, and these two
        assert "2 payments" in dock.syncs.itemText(0)
        assert "1 payment" in dock.syncs.itemText(1)
        assert payments_shown(dock) == set(second)
        dock.syncs.setCurrentIndex(1)
        assert payments_shown(dock) == set(first)
        sync(qtbot, setup)  # nothing new: the older sync chosen stays shown
        assert dock.syncs.count() == 4
        assert payments_shown(dock) == set(first)
        dock.syncs.setCurrentIndex(0)
        assert payments_shown(dock) == set()  # the links near their end are all it lists
