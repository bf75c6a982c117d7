"""The reason in the one-link Disable/Enable confirmation: required to disable in production (an
empty or unusable one is refused in the dialog, before any request), optional in sandbox, and kept
in the action journal with the change. The real dialog is answered while exec() runs."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from linkmanager.domain import LinkStatus, Money, PaymentDetails, PaymentLink
from linkmanager.domain.reason import MAX_REASON
from linkmanager.simulator import Simulator
from linkmanager.storage.journal import ActionJournal
from linkmanager.ui.controllers import link_controller
from linkmanager.ui.dialogs.confirm import ConfirmStatusDialog
from linkmanager.ui.main_window import MainWindow

from .timeline_helpers import UPDATES, WAIT_MS, answer_modal, profile_window, select

REQUIRED = "Give a reason for this change: it is required for production links."


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(seed=13, links=20) as simulator:
        yield simulator


@pytest.fixture
def production(qtbot: QtBot, sim: Simulator, tmp_path: Path) -> Iterator[MainWindow]:
    with profile_window(qtbot, sim, tmp_path, "production") as window:
        yield window


@pytest.fixture
def sandbox(qtbot: QtBot, sim: Simulator, tmp_path: Path) -> Iterator[MainWindow]:
    with profile_window(qtbot, sim, tmp_path, "sandbox") as window:
        yield window


def link() -> PaymentLink:
    details = PaymentDetails(Money(Decimal("150"), "AED"), "INV-1")
    return PaymentLink("pl_1", "https://pay.example/l/pl_1", LinkStatus.ACTIVE, 0, details, name="Sale")


def test_the_dialog_asks_for_the_reason_in_its_tab_order(qtbot: QtBot) -> None:
    dialog = ConfirmStatusDialog(None, link(), LinkStatus.DISABLED, UTC, reason_required=True)
    qtbot.addWidget(dialog)
    dialog.show()
    edit = dialog.reason_edit
    assert edit.accessibleName() == "Reason"
    assert edit.maxLength() == MAX_REASON
    assert dialog.reason_label.text() == "&Reason (required for production links):"
    assert dialog.reason_label.buddy() is edit
    assert edit.nextInFocusChain() is dialog.confirm_button
    assert dialog.confirm_button.nextInFocusChain() is dialog.cancel_button
    assert dialog.reason_problem.accessibleName() == "Problem with the reason"
    assert dialog.cancel_button.isDefault()  # Enter on a surprise question still changes nothing
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Rejected

    optional = ConfirmStatusDialog(None, link(), LinkStatus.DISABLED, UTC)
    qtbot.addWidget(optional)
    assert optional.reason_label.text() == "&Reason (optional, kept in the action journal):"
    optional.show()
    optional.activateWindow()
    qtbot.waitUntil(optional.cancel_button.hasFocus)  # not required: Cancel first, as before
    qtbot.keyClick(optional, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert optional.reason_edit.hasFocus()


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("", REQUIRED),
        ("   ", REQUIRED),
        ("a\u202ereversed", "The reason holds line breaks, tabs or other control characters"),
    ],
)
def test_an_unusable_reason_keeps_the_dialog_open_and_says_why(qtbot: QtBot, typed: str, why: str) -> None:
    dialog = ConfirmStatusDialog(None, link(), LinkStatus.DISABLED, UTC, reason_required=True)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.reason_edit.setText(typed)
    dialog.confirm_button.click()
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.reason_problem.isVisible()
    assert dialog.reason_problem.text().startswith(why)
    assert dialog.reason_problem.textFormat() == Qt.TextFormat.PlainText
    QTest.keyClicks(dialog.reason_edit, " ok")  # writing again clears the complaint
    assert not dialog.reason_problem.isVisible()


def test_an_optional_reason_may_be_left_empty(qtbot: QtBot) -> None:
    dialog = ConfirmStatusDialog(None, link(), LinkStatus.DISABLED)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.confirm_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.reason == ""


def test_production_refuses_an_empty_reason_before_any_request_then_journals_the_given_one(
    qtbot: QtBot, production: MainWindow, sim: Simulator
) -> None:
    link_id = sim.state.link_ids(status="ACTIVE")[0]
    select(qtbot, production, link_id)
    seen: dict[str, Any] = {}
    before = sim.requests.copy()

    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, ConfirmStatusDialog)
        seen["focus"] = dialog.reason_edit.hasFocus() or dialog.focusWidget() is dialog.reason_edit
        dialog.confirm_button.click()  # no reason yet
        seen["still open"] = dialog.isVisible()
        seen["said"] = dialog.reason_problem.text()
        seen["sent"] = (sim.requests - before)[UPDATES]
        QTest.keyClicks(dialog.reason_edit, "Customer asked <b>twice</b>")
        dialog.confirm_button.click()

    answer_modal(answer)
    qtbot.mouseClick(production.detail.toggle_button, Qt.MouseButton.LeftButton)
    assert seen == {"focus": True, "still open": True, "said": REQUIRED, "sent": 0}
    qtbot.waitUntil(lambda: sim.state.get_link(link_id)["status"] == "DISABLED", timeout=WAIT_MS)
    workspace = production._workspace
    qtbot.waitUntil(lambda: bool(workspace.journal_entries(link_id=link_id)), timeout=WAIT_MS)
    (entry,) = workspace.journal_entries(link_id=link_id)
    assert (entry.draft.action, entry.draft.outcome) == ("disable", "done")
    assert entry.draft.reason == "Customer asked <b>twice</b>"
    assert entry.draft.environment == "production"
    assert entry.user


def test_production_cancel_sends_nothing(qtbot: QtBot, production: MainWindow, sim: Simulator) -> None:
    link_id = sim.state.link_ids(status="ACTIVE")[0]
    select(qtbot, production, link_id)
    before = sim.requests.copy()
    answer_modal(lambda dialog: dialog.reject())
    qtbot.mouseClick(production.detail.toggle_button, Qt.MouseButton.LeftButton)
    qtbot.wait(200)
    assert (sim.requests - before)[UPDATES] == 0
    assert production._workspace.journal_entries() == []


def test_a_seam_that_confirms_without_a_reason_is_refused_before_any_request(
    qtbot: QtBot, production: MainWindow, sim: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[dict[str, object]] = []

    def confirm(parent: QWidget, link: PaymentLink, target: LinkStatus, tz: object, **more: object) -> bool:
        asked.append(more)
        return True

    monkeypatch.setattr(link_controller, "confirm_status_change", confirm)
    link_id = sim.state.link_ids(status="ACTIVE")[0]
    select(qtbot, production, link_id)
    before = sim.requests.copy()
    production.detail.request_toggle()
    assert asked == [{"reason_required": True}]
    notice = production.links.refusal_notice
    assert isinstance(notice, QMessageBox)
    assert notice.text() == REQUIRED
    notice.close()
    qtbot.wait(200)
    assert (sim.requests - before)[UPDATES] == 0
    assert sim.state.get_link(link_id)["status"] == "ACTIVE"


def test_sandbox_takes_no_reason_and_enabling_asks_for_none(
    qtbot: QtBot, sandbox: MainWindow, sim: Simulator
) -> None:
    link_id = sim.state.link_ids(status="ACTIVE")[0]
    select(qtbot, sandbox, link_id)
    optional: list[bool] = []

    def confirm(dialog: QDialog) -> None:
        assert isinstance(dialog, ConfirmStatusDialog)
        optional.append(dialog.reason_label.text() == "&Reason (optional, kept in the action journal):")
        dialog.confirm_button.click()

    answer_modal(confirm)
    qtbot.mouseClick(sandbox.detail.toggle_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sim.state.get_link(link_id)["status"] == "DISABLED", timeout=WAIT_MS)
    toggle = sandbox.detail.toggle_button
    qtbot.waitUntil(lambda: toggle.accessibleName() == "Enable link" and toggle.isEnabled(), timeout=WAIT_MS)
    answer_modal(confirm)
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sim.state.get_link(link_id)["status"] == "ACTIVE", timeout=WAIT_MS)
    assert optional == [True, True]
    workspace = sandbox._workspace
    qtbot.waitUntil(lambda: len(workspace.journal_entries(link_id=link_id)) == 2, timeout=WAIT_MS)
    assert [(e.draft.action, e.draft.reason) for e in workspace.journal_entries(link_id=link_id)] == [
        ("enable", ""),
        ("disable", ""),
    ]


def test_a_change_the_journal_could_not_record_is_said_in_the_window(
    qtbot: QtBot, sandbox: MainWindow, sim: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = ActionJournal.beside(sandbox._workspace.cache.path)
    journal.write_bytes(b"a shopping list, not a database\n" * 50)
    monkeypatch.setattr(link_controller, "confirm_status_change", lambda *args, **more: "Stock ran out")
    link_id = sim.state.link_ids(status="ACTIVE")[0]
    select(qtbot, sandbox, link_id)
    sandbox.detail.request_toggle()
    qtbot.waitUntil(lambda: sim.state.get_link(link_id)["status"] == "DISABLED", timeout=WAIT_MS)
    bar = sandbox.statusBar()
    qtbot.waitUntil(lambda: "action journal could not record it" in bar.currentMessage(), timeout=WAIT_MS)
    assert str(journal) in bar.currentMessage()
