"""Bulk disable/enable in the window (ui.bulk): the confirmation, the reason, the run and its result.

The real window over the simulator (loopback HTTP), a real cache file and the window's own
TaskRunner; dialogs are opened with open() and driven through their buttons, never exec().
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QMenu, QTableWidget
from pytestqt.qtbot import QtBot

from linkmanager.api import ApiEndpoints, Credentials, LeanClient
from linkmanager.api.retry import RetryPolicy
from linkmanager.domain import Money, PaymentDetails, PaymentLink
from linkmanager.domain.i18n import isolated
from linkmanager.domain.status import LinkStatus
from linkmanager.services.bulk_status import Outcome, plan_bulk
from linkmanager.services.workspace import CachedLink, ProfileInfo, Workspace
from linkmanager.simulator import Simulator
from linkmanager.storage.cache import LinkCache
from linkmanager.ui.bulk import BulkController
from linkmanager.ui.bulk.confirm_dialog import BulkConfirmDialog
from linkmanager.ui.bulk.link_list import AMOUNT, NAME, OUTCOME
from linkmanager.ui.main_window import MainWindow
from linkmanager.ui.tasks import TaskRunner

WAIT_MS = 20_000
Opened = tuple[MainWindow, BulkController, Simulator]


def open_window(qtbot: QtBot, tmp_path: Path, environment: str) -> Iterator[Opened]:
    with Simulator(seed=5, links=30) as sim:
        endpoints = ApiEndpoints(sim.api_url, sim.token_url)

        def client() -> LeanClient:  # one try: Lean's 503 reaches the bulk run at once
            return LeanClient(
                endpoints, Credentials(sim.client_id, sim.client_secret), retry=RetryPolicy(attempts=1)
            )

        workspace = Workspace(
            ProfileInfo("Shop", environment, endpoints.api_url),
            LinkCache.open(tmp_path / "c.sqlite3"),
            client,
        )
        runner = TaskRunner()
        win = MainWindow(workspace, runner, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(win)
        win.show()
        with qtbot.waitSignal(win.first_sync_finished, timeout=WAIT_MS):
            win.start()
        yield win, win.bulk, sim  # installed by MainWindow
        win.close()
        runner.wait_idle(10_000)
        workspace.close()


@pytest.fixture
def sandbox(qtbot: QtBot, tmp_path: Path) -> Iterator[Opened]:
    yield from open_window(qtbot, tmp_path, "sandbox")


@pytest.fixture
def production(qtbot: QtBot, tmp_path: Path) -> Iterator[Opened]:
    yield from open_window(qtbot, tmp_path, "production")


def ids_with(win: MainWindow, status: LinkStatus, count: int) -> list[str]:
    workspace = win._workspace
    found = sorted(c.link.id for c in workspace.links() if workspace.status_of(c) == status)
    assert len(found) >= count
    return found[:count]


def select(win: MainWindow, link_ids: list[str]) -> None:
    win.search.show_everything()
    selection = win.table.selectionModel()
    selection.clearSelection()
    for link_id in link_ids:
        row = win.model.row_of(link_id)
        assert row is not None
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        selection.select(win.model.index(row, 0), flags)


def english(text: str) -> str:
    """Plural forms as the English translation file (lupdate -pluralonly) writes them; before the
    file holds this issue's new strings, Qt shows them as written ("3 link(s)")."""
    return re.sub(r"(\d+) (\w+)\(s\)", lambda m: m[1] + " " + m[2] + ("" if m[1] == "1" else "s"), text)


def column(table: QTableWidget, col: int) -> list[str]:
    items = [table.item(row, col) for row in range(table.rowCount())]
    return [item.text() if item is not None else "" for item in items]


def test_the_link_menu_offers_the_bulk_actions_with_their_keys(sandbox: Opened) -> None:
    win, bulk, _ = sandbox
    menus = [entry.menu() for entry in win.menuBar().actions()]
    link_menu = next(
        m for m in menus if isinstance(m, QMenu) and win.detail.link_actions.toggle in m.actions()
    )
    assert all(action in link_menu.actions() for action in bulk.actions)
    assert bulk.disable_action.shortcut().toString() == "Ctrl+Shift+X"
    assert bulk.enable_action.shortcut().toString() == "Ctrl+Shift+E"
    win.table.selectionModel().clearSelection()
    assert not bulk.disable_action.isEnabled()
    bulk.select_all_action.trigger()
    assert len(win.selected_links()) == win.model.rowCount() > 0
    assert bulk.disable_action.isEnabled()


def test_the_confirmation_lists_every_link_and_counts_the_skipped(sandbox: Opened) -> None:
    win, bulk, sim = sandbox
    active, expired = ids_with(win, LinkStatus.ACTIVE, 3), ids_with(win, LinkStatus.EXPIRED, 1)
    select(win, [*active, *expired])
    dialog = bulk.start(LinkStatus.DISABLED)
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.table.rowCount() == 4
    assert english(dialog.confirm_button.text()) == "Disable 3 links"
    assert "1 link will be skipped" in english(dialog.skipped_label.text())
    assert "1 expired link" in dialog.skipped_label.text()
    assert "error page" in dialog.consequence_label.text()
    assert "Optional" in dialog.reason_label.text() or "optional" in dialog.reason_label.text()
    patches = sim.requests.copy()
    dialog.cancel_button.click()
    assert not dialog.isVisible()
    assert sim.requests == patches  # Cancel sends nothing


def test_production_refuses_a_missing_reason_before_any_request(production: Opened, qtbot: QtBot) -> None:
    win, bulk, sim = production
    select(win, ids_with(win, LinkStatus.ACTIVE, 2))
    dialog = bulk.start(LinkStatus.DISABLED)
    assert dialog is not None
    assert "required" in dialog.reason_label.text()
    before = sim.requests.copy()
    dialog.reason.setText("   ")
    dialog.confirm_button.click()
    assert dialog.isVisible()
    assert dialog.refusal_label.isVisibleTo(dialog)
    assert "reason" in dialog.refusal_label.text().lower()
    assert bulk.run_dialog is None
    assert sim.requests == before  # refused before any request


def test_the_run_lists_done_skipped_failed_and_retries_the_failed(
    sandbox: Opened, qtbot: QtBot, tmp_path: Path
) -> None:
    win, bulk, sim = sandbox
    active, expired = ids_with(win, LinkStatus.ACTIVE, 3), ids_with(win, LinkStatus.EXPIRED, 1)
    select(win, [*active, *expired])
    order = [link.link.id for link in win.selected_links()]
    dialog = bulk.start(LinkStatus.DISABLED)
    assert dialog is not None
    dialog.reason.setText("Season over")
    sim.faults.queue("503", method="PATCH")  # the first change fails on Lean's side
    with qtbot.waitSignal(bulk.finished, timeout=WAIT_MS) as finished:
        dialog.confirm_button.click()
    result = finished.args[0]
    run = bulk.run_dialog
    assert run is not None
    assert run.isVisible()
    outcomes = dict(zip(order, column(run.table, OUTCOME), strict=True))
    first_active = next(i for i in order if i in active)
    assert outcomes[first_active] == "Failed"
    assert outcomes[expired[0]] == "Skipped"
    assert sorted(outcomes.values()) == ["Disabled", "Disabled", "Failed", "Skipped"]
    assert result.failed_ids() == [first_active]
    assert "1 failed" in english(run.summary_label.text())
    assert run.retry_button.isEnabled()

    with qtbot.waitSignal(bulk.finished, timeout=WAIT_MS) as again:
        run.retry_button.click()
    assert [(e.link_id, e.outcome) for e in again.args[0].entries] == [(first_active, Outcome.DONE)]
    assert column(run.table, OUTCOME) == ["Disabled"]
    assert not run.retry_button.isEnabled()
    with LeanClient(
        ApiEndpoints(sim.api_url, sim.token_url), Credentials(sim.client_id, sim.client_secret)
    ) as lean:
        assert {lean.get_link(i).status for i in active} == {LinkStatus.DISABLED}

    run.copy_button.click()
    assert first_active in QGuiApplication.clipboard().text()
    bulk.ask_export_path = lambda _suggested: str(tmp_path / "bulk")
    run.export_button.click()
    assert win._runner.wait_idle(10_000)
    exported = (tmp_path / "bulk.csv").read_text(encoding="utf-8-sig")
    assert first_active in exported
    assert "Disabled" in exported


def test_cancel_leaves_the_rest_unattempted(sandbox: Opened, qtbot: QtBot) -> None:
    win, bulk, sim = sandbox
    chosen = ids_with(win, LinkStatus.ACTIVE, 4)
    select(win, chosen)
    dialog = bulk.start(LinkStatus.DISABLED)
    assert dialog is not None
    with qtbot.waitSignal(bulk.finished, timeout=WAIT_MS) as finished:
        dialog.confirm_button.click()
        assert bulk.run_dialog is not None
        bulk.run_dialog.cancel_button.click()  # at once: the polite pause before the second link is cut short
    result = finished.args[0]
    assert result.cancelled
    assert result.counts()[Outcome.CANCELLED] >= 3
    assert "not attempted" in bulk.run_dialog.summary_label.text()
    assert not bulk.run_dialog.retry_button.isEnabled()  # nothing failed: nothing to retry
    left = [e.link_id for e in result.entries if e.outcome == Outcome.CANCELLED]
    with LeanClient(
        ApiEndpoints(sim.api_url, sim.token_url), Credentials(sim.client_id, sim.client_secret)
    ) as lean:
        assert {lean.get_link(i).status for i in left} == {LinkStatus.ACTIVE}


def test_hostile_names_are_shown_as_text(qtbot: QtBot) -> None:
    name = '<b>Refund</b> =HYPERLINK("http://x") \u202eexe.pdf'
    link = PaymentLink(
        "link-1",
        "https://pay.example/1",
        LinkStatus.ACTIVE,
        0,
        PaymentDetails(Money(Decimal("12.500"), "KWD"), "R1"),
        name=name,
    )
    cached = CachedLink(link, datetime.now(UTC), None, None, None, 0, 0)
    dialog = BulkConfirmDialog(
        None, plan_bulk([cached], LinkStatus.DISABLED, datetime.now(UTC)), reason_required=False
    )
    qtbot.addWidget(dialog)
    dialog.open()
    assert column(dialog.table, NAME) == [isolated(name)]
    assert "\\u202e" in column(dialog.table, NAME)[0]  # seen, never obeyed
    assert "KWD\xa012.500" in column(dialog.table, AMOUNT)[0]  # its exact digits
    assert all(
        label.textFormat() == Qt.TextFormat.PlainText
        for label in dialog.findChildren(QLabel)
        if label is not dialog.reason_label
    )
    assert dialog.confirm()
    assert not dialog.isVisible()
