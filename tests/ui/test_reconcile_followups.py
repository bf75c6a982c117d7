"""The reconciliation window after a sync, end to end: a real simulator over loopback, the real window
and its sync, a real cache and task runner, a real CSV statement. Only the workstation's clock is moved
(two days on), so that the sync reads settled payments again as it does daily: that is how a bank's
later rejection reaches the cache.

- A confirmed match whose payment Lean now reports as rejected is marked (icon, words, tooltip) and
  counted at the top; one still collected is not; the stored match stays until the user undoes it.
- A sync that changed payments matches the open statement again and updates the window in place,
  the user's rejections and selection kept, with a note; one that changed nothing leaves it alone.
"""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QIcon
from pytestqt.qtbot import QtBot

from linkmanager.api import ApiEndpoints, Credentials, LeanClient
from linkmanager.domain.models import utc_now
from linkmanager.services.workspace import ProfileInfo, Workspace
from linkmanager.simulator import Simulator
from linkmanager.storage.cache import LinkCache
from linkmanager.ui.dialogs.reconcile_result import ReconcileResultDialog
from linkmanager.ui.main_window import MainWindow
from linkmanager.ui.tasks import TaskRunner

WAIT_MS = 20_000
USAGE_ID, LEAN_NOW = 5, 8  # the confirmed table's "Usage ID" and "Lean now" columns


class Clock:
    """The workstation's clock, which the test can move on."""

    def __init__(self) -> None:
        self.ahead = timedelta()

    def __call__(self) -> datetime:
        return utc_now() + self.ahead


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(seed=11, links=12) as simulator:
        yield simulator


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def window(qtbot: QtBot, sim: Simulator, tmp_path: Path, clock: Clock) -> Iterator[MainWindow]:
    endpoints = ApiEndpoints(sim.api_url, sim.token_url)

    def client() -> LeanClient:
        return LeanClient(endpoints, Credentials(sim.client_id, sim.client_secret))

    info = ProfileInfo("Test shop", "sandbox", endpoints.api_url)
    workspace = Workspace(info, LinkCache.open(tmp_path / "cache.sqlite3"), client, clock=clock)
    runner = TaskRunner()
    made = MainWindow(workspace, runner, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(made)
    made.show()
    with qtbot.waitSignal(made.first_sync_finished, timeout=WAIT_MS):
        made.start()
    yield made
    if made.reconciling.result_dialog is not None:
        made.reconciling.result_dialog.close()
    made.close()
    runner.wait_idle(10_000)
    workspace.close()


def pay(sim: Simulator, reference: str, amount: int) -> str:
    """A link paid once (collected), its payment id named after the reference; the usage's id."""
    body = {"payment_details": {"reference": reference, "currency": "AED", "amount": amount}}
    link_id = sim.state.create_link(body)["id"]
    paid = sim.state.add_usage(
        link_id, status="PAYMENT_CREATED", payment_status="ACCEPTED_BY_BANK", payment_id=f"pay-{reference}"
    )
    return str(paid["usage_id"])


def runner_of(window: MainWindow) -> TaskRunner:
    return window._runner


def reconciled(qtbot: QtBot, window: MainWindow, path: Path) -> ReconcileResultDialog:
    mapping = window.reconciling.open_mapping(str(path))
    assert runner_of(window).wait_idle(WAIT_MS)
    mapping.bank_combo.setEditText("")
    for combo, title in ((mapping.date_combo, "Date"), (mapping.amount_combo, "Amount"),
                         (mapping.currency_combo, "Currency"), (mapping.description_combo, "Details")):  # fmt: skip
        combo.setEditText(title)
    qtbot.mouseClick(mapping.read_button, Qt.MouseButton.LeftButton)
    assert runner_of(window).wait_idle(WAIT_MS)
    assert mapping.error_text() == ""
    dialog = window.reconciling.result_dialog
    assert dialog is not None
    assert dialog.isVisible()
    return dialog


def column(model: Any, index: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> list[Any]:
    return [model.index(row, index).data(role) for row in range(model.rowCount())]


def stored_usages(window: MainWindow) -> list[str]:
    conn = sqlite3.connect(window._workspace.cache.path)
    try:
        query = "SELECT u.usage_id FROM statement_matches AS m JOIN usages AS u ON u.key = m.usage_key"
        return sorted(row[0] for row in conn.execute(query))
    finally:
        conn.close()


def test_a_sync_marks_a_rejected_confirmed_payment_and_updates_the_open_window(
    qtbot: QtBot, window: MainWindow, sim: Simulator, clock: Clock, tmp_path: Path
) -> None:
    ua, ub, uc = pay(sim, "FOLLOW-A", 262), pay(sim, "FOLLOW-B", 500), pay(sim, "FOLLOW-C", 75)
    window.sync.sync_now()
    qtbot.waitUntil(lambda: not window.sync.running, timeout=WAIT_MS)
    today = datetime.now().astimezone().strftime("%d/%m/%Y")
    path = tmp_path / "today.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file).writerows([
            ["Date", "Details", "Amount", "Currency"],
            [today, "TRANSFER pay-FOLLOW-A", "262.00", "AED"],  # 1: confirmed; the bank rejects it later
            [today, "TRANSFER pay-FOLLOW-B", "500.00", "AED"],  # 2: confirmed; stays collected
            [today, "TRANSFER pay-FOLLOW-C", "75.00", "AED"],  # 3: the user rejects the proposal
            [today, "TRANSFER pay-FOLLOW-D", "90.00", "AED"],  # 4: paid only after this look
        ])  # fmt: skip
    dialog = reconciled(qtbot, window, path)
    assert column(dialog.proposals, 6) == [ua, ub, uc]
    dialog.proposals_table.selectRow(2)
    qtbot.mouseClick(dialog.reject_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert runner_of(window).wait_idle(WAIT_MS)
    assert column(dialog.confirmed, LEAN_NOW) == ["Collected", "Collected"]  # nothing to check yet
    assert not dialog.attention_label.isVisible()
    dialog.confirmed_table.selectRow(1)
    assert dialog.selected_confirmed() is not None
    assert dialog.selected_confirmed().usage_id == ub

    sim.state.update_usage(ua, "PAYMENT_CREATED", "REJECTED_BY_BANK")
    ud = pay(sim, "FOLLOW-D", 90)
    clock.ahead = timedelta(days=2)  # the daily re-read of settled payments is due
    with qtbot.waitSignal(window.sync.synced, timeout=WAIT_MS) as synced:
        window.sync.sync_now()
    qtbot.waitUntil(lambda: "Updated after the sync" in dialog.status_label.text(), timeout=WAIT_MS)
    done = dialog.reconciliation()
    assert done is not None
    at = synced.args[0].finished_at.astimezone(done.zone)
    assert dialog.status_label.text() == f"Updated after the sync at {at:%H:%M}."

    # The rejected payment's match: first, marked, explained; the other one as it was.
    assert column(dialog.confirmed, USAGE_ID) == [ua, ub]
    assert column(dialog.confirmed, LEAN_NOW) == ["⚠ Rejected by bank: check", "Collected"]
    icons = column(dialog.confirmed, 0, Qt.ItemDataRole.DecorationRole)
    assert isinstance(icons[0], QIcon)
    assert not icons[0].isNull()
    assert icons[1] is None
    confirmed_on = (clock() - timedelta(days=2)).astimezone(done.zone).date().isoformat()
    sentence = (
        f"Confirmed on {confirmed_on}, but Lean now reports this payment as Rejected by bank: "
        "check the bank statement."
    )
    assert sentence in dialog.confirmed.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert "Lean now reports" not in dialog.confirmed.index(1, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert dialog.confirmed.index(0, 1).data(Qt.ItemDataRole.AccessibleDescriptionRole) == sentence
    assert dialog.attention_label.isVisible()
    assert dialog.attention_label.text().startswith("⚠ 1 confirmed match needs checking")
    assert dialog.attention_label.textFormat() == Qt.TextFormat.PlainText
    assert dialog.confirmed_caption.text() == "Confirmed matches (2, 1 to check)"
    assert stored_usages(window) == sorted([ua, ub])  # nothing stored was changed by the sync

    # Updated in place: the new payment is proposed, the rejection and the selection kept.
    assert column(dialog.proposals, 1) == ["4"]
    assert column(dialog.proposals, 6) == [ud]
    assert column(dialog.lines, 0) == ["3"]
    selected = dialog.selected_confirmed()
    assert selected is not None
    assert selected.usage_id == ub

    # A sync that changes nothing leaves the window as it is.
    dialog.show_status("as the user left it")
    with qtbot.waitSignal(window.sync.ended, timeout=WAIT_MS):
        window.sync.sync_now()
    assert runner_of(window).wait_idle(WAIT_MS)
    assert dialog.status_label.text() == "as the user left it"

    # The user decides: Undo match on the marked row forgets it; its line waits for a payment.
    dialog.confirmed_table.selectRow(0)
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    box = dialog.undo_box
    assert box is not None
    qtbot.mouseClick(next(b for b in box.buttons() if b.text() == "Undo match"), Qt.MouseButton.LeftButton)
    assert runner_of(window).wait_idle(WAIT_MS)
    assert dialog.status_label.text() == "The match of line 1 was undone."
    assert stored_usages(window) == [ub]
    assert column(dialog.confirmed, USAGE_ID) == [ub]
    assert not dialog.attention_label.isVisible()
    assert column(dialog.lines, 0) == ["1", "3"]  # a rejected payment is proposed to no line
    assert column(dialog.proposals, 6) == [ud]


def test_a_sync_with_the_window_closed_matches_nothing_again(
    qtbot: QtBot, window: MainWindow, sim: Simulator, clock: Clock, tmp_path: Path
) -> None:
    ua = pay(sim, "FOLLOW-A", 262)
    window.sync.sync_now()
    qtbot.waitUntil(lambda: not window.sync.running, timeout=WAIT_MS)
    path = tmp_path / "today.csv"
    today = datetime.now().astimezone().strftime("%d/%m/%Y")
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file).writerows(
            [["Date", "Details", "Amount", "Currency"], [today, "pay-FOLLOW-A", "262", "AED"]]
        )
    dialog = reconciled(qtbot, window, path)
    assert column(dialog.proposals, 6) == [ua]
    dialog.close()
    sim.state.update_usage(ua, "PAYMENT_CREATED", "REJECTED_BY_BANK")
    clock.ahead = timedelta(days=2)
    with qtbot.waitSignal(window.sync.ended, timeout=WAIT_MS):
        window.sync.sync_now()
    assert not runner_of(window).busy("reconcile refresh")
    assert column(dialog.proposals, 6) == [ua]  # as it was when closed: the next statement reads anew
