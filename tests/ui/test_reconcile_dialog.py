"""File > Reconcile bank statement… end to end: a real SQLite cache filled as a sync fills it, real CSV
and XLSX statements in tmp_path, a real task runner. Only the native file dialogs are replaced (the
way pytest-qt tests answer them): QFileDialog.getOpenFileName / getSaveFileName return a path.
"""

from __future__ import annotations

import csv
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from linkmanager.domain import LinkStatus, Money, PaymentDetails, PaymentLink, Usage, UsageStatus
from linkmanager.services.workspace import ProfileInfo, Workspace
from linkmanager.storage import matches
from linkmanager.storage.cache import LinkCache
from linkmanager.ui.controllers.reconcile_controller import ReconcileController
from linkmanager.ui.dialogs.reconcile_mapping import ReconcileMappingDialog
from linkmanager.ui.dialogs.reconcile_models import PAYMENT_ROLE
from linkmanager.ui.dialogs.reconcile_result import ReconcileResultDialog
from linkmanager.ui.tasks import TaskRunner

SEEN = datetime(2026, 11, 10, 12, 0, tzinfo=UTC)
PAY_A = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
HOSTILE = '<b>x</b> =HYPERLINK("http://evil.example") \u202eevil'
LINES = [
    ["10/11/2026", f"LEAN TRANSFER {PAY_A}", "262.00", "AED"],  # 1: by payment id
    ["11/11/2026", HOSTILE, "9,999.00", "AED"],  # 2: nothing
    ["12/11/2026", "transfer rent-b from tenant", "500.00", "AED"],  # 3: by reference
    ["12/11/2026", "Bank charges", "(10.00)", "AED"],  # 4: a debit, never matched
    ["13/11/2026", "CARD POS", "75.00", "AED"],  # 5: by amount, within 3 days
    ["12/11/2026", "POS PURCHASE", "120.00", "AED"],  # 6: two payments of 120 fit: no guess
]


def link(link_id: str, amount: str, reference: str) -> PaymentLink:
    return PaymentLink(
        id=link_id,
        url=f"https://pay.example/l/{link_id}",
        status=LinkStatus.ACTIVE,
        current_usages=1,
        payment_details=PaymentDetails(Money(Decimal(amount), "AED"), reference),
        name=f"Link {link_id}",
        max_usages=10,
    )


def paid(usage_id: str, link_id: str, payment_id: str) -> Usage:
    return Usage(
        usage_id=usage_id,
        payment_link_id=link_id,
        usage_status=UsageStatus.PAYMENT_CREATED,
        payment_id=payment_id,
        payment_status="ACCEPTED_BY_BANK",
    )


def sync(cache: LinkCache) -> None:
    """What syncs store: five links, each with one collected payment (a, found on the first look)."""
    links = [
        link("a", "262.00", "INV-7"), link("b", "500.00", "RENT-B"), link("c", "75.00", "GYM"),
        link("d", "120.00", "CAFE-D"), link("e", "120.00", "CAFE-E"),
    ]  # fmt: skip
    cache.store_listing(links, SEEN, complete=True)
    cache.store_usages("a", [paid("ua", "a", PAY_A)], SEEN, link_status=LinkStatus.ACTIVE)
    for key in "bcde":
        cache.store_usages(key, [], SEEN, link_status=LinkStatus.ACTIVE)
        usage = paid(f"u{key}", key, f"pay-{key}")
        cache.store_usages(key, [usage], SEEN + timedelta(minutes=1), link_status=LinkStatus.ACTIVE)


def no_client() -> Any:
    raise AssertionError("reconciling is offline: no client")


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    cache = LinkCache.open(tmp_path / "cache.sqlite3")
    sync(cache)
    opened = Workspace(ProfileInfo("Shop", "sandbox", "https://api.example"), cache, no_client)
    yield opened
    opened.close()


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    made = TaskRunner()
    yield made
    made.wait_idle(10_000)


Opened = list[tuple[str, str]]


@pytest.fixture
def opened() -> Opened:
    return []


@pytest.fixture
def controller(
    qtbot: QtBot, workspace: Workspace, runner: TaskRunner, tmp_path: Path, opened: Opened
) -> Iterator[ReconcileController]:
    window = QWidget()
    qtbot.addWidget(window)
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    made = ReconcileController(
        workspace,
        runner,
        window,
        open_payment=lambda link_id, usage_id: opened.append((link_id, usage_id)),
        settings=settings,
        zone=lambda: UTC,
    )
    yield made
    for dialog in (made.mapping_dialog, made.result_dialog):
        if dialog is not None:
            dialog.close()


def write_csv(path: Path, lines: list[list[str]], header: tuple[str, ...] = ("Date", "Details", "Amount", "Currency")) -> Path:  # fmt: skip
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file).writerows([["Bank of Nowhere"], ["Statement November 2026"], list(header), *lines])
    return path


def stored_rows(workspace: Workspace, table: str) -> list[Any]:
    conn = sqlite3.connect(workspace.cache.path)
    try:
        return conn.execute(f"SELECT * FROM {table}").fetchall()  # noqa: S608 - the tests' own table names
    finally:
        conn.close()


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(path), "")))


def open_mapping(
    controller: ReconcileController, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch, path: Path
) -> ReconcileMappingDialog:
    choose_file(monkeypatch, path)
    controller.action.trigger()
    dialog = controller.mapping_dialog
    assert dialog is not None
    assert runner.wait_idle()  # the remembered banks arrive
    return dialog


def fill(dialog: ReconcileMappingDialog, bank: str = "Bank of Nowhere", **columns: str) -> None:
    values = {"date": "Date", "amount": "Amount", "currency": "Currency", "description": "Details"} | columns
    dialog.bank_combo.setEditText(bank)
    dialog.date_combo.setEditText(values["date"])
    dialog.amount_combo.setEditText(values["amount"])
    dialog.currency_combo.setEditText(values["currency"])
    dialog.description_combo.setEditText(values["description"])


def read(qtbot: QtBot, dialog: ReconcileMappingDialog, runner: TaskRunner) -> None:
    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
    assert runner.wait_idle()


def reconciled(
    qtbot: QtBot, controller: ReconcileController, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch, path: Path
) -> ReconcileResultDialog:  # fmt: skip
    dialog = open_mapping(controller, runner, monkeypatch, path)
    fill(dialog)
    read(qtbot, dialog, runner)
    assert dialog.error_text() == ""
    assert controller.result_dialog is not None
    assert controller.result_dialog.isVisible()
    return controller.result_dialog


def texts(model: Any, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_the_action_is_named_with_its_shortcut(controller: ReconcileController) -> None:
    assert controller.action.text().replace("&", "") == "Reconcile bank statement…"
    assert controller.action.shortcut() == QKeySequence("Ctrl+Shift+R")
    assert controller.action.toolTip()


def test_each_rule_proposes_and_an_ambiguous_line_stays_unmatched(
    qtbot: QtBot, controller: ReconcileController, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # fmt: skip
    result = reconciled(qtbot, controller, runner, monkeypatch, write_csv(tmp_path / "nov.csv", LINES))
    proposals = result.proposals
    assert texts(proposals, 1) == ["1", "3", "5"]
    assert texts(proposals, 3) == ["AED\u00a0262.00", "AED\u00a0500.00", "AED\u00a075.00"]
    assert texts(proposals, 5) == [PAY_A, "pay-b", "pay-c"]
    assert texts(proposals, 6) == ["ua", "ub", "uc"]
    assert texts(proposals, 7) == ["INV-7", "RENT-B", "GYM"]
    assert texts(proposals, 8) == [
        "payment ID in the description",
        "reference and amount",
        "unique amount within 3 days",
    ]
    assert all(
        proposals.index(r, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked for r in range(3)
    )
    right = proposals.index(0, 3).data(Qt.ItemDataRole.TextAlignmentRole)
    assert right & Qt.AlignmentFlag.AlignRight
    # The line with two fitting payments is no one's: both payments wait for a line.
    assert texts(result.lines, 0) == ["2", "6"]
    assert texts(result.payments, 4) == ["ud", "ue"]
    assert result.confirmed.rowCount() == 0
    assert result.summary_label.text() == (
        "0 lines matched · 3 proposals to check · 2 lines without a payment · 2 payments without a line"
    )
    assert "6 lines read, 1 debit or zero amount not matched" in result.source_label.text()
    assert stored_rows(controller._workspace, "statement_matches") == []  # proposing stores nothing


@pytest.mark.parametrize(
    ("columns", "lines", "sentence"),
    [
        ({"date": "Value Date"}, LINES, "The statement has no column 'Value Date'"),
        ({}, [*LINES, ["14/11/2026", "x", "12.3.4", "AED"]], "Line 7: the amount '12.3.4' is not a number."),
        ({}, [["31/02/2026", "x", "1.00", "AED"]], "Line 1: the date '31/02/2026' is not a date"),
    ],
)
def test_a_statement_that_does_not_read_is_named_and_changes_nothing(
    qtbot: QtBot,
    controller: ReconcileController,
    runner: TaskRunner,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    columns: dict[str, str],
    lines: list[list[str]],
    sentence: str,
) -> None:
    dialog = open_mapping(controller, runner, monkeypatch, write_csv(tmp_path / "nov.csv", lines))
    fill(dialog, **columns)
    assert dialog.remember_box.isChecked()
    read(qtbot, dialog, runner)
    assert sentence in dialog.error_text()
    assert dialog.error_label.isVisible()
    assert dialog.error_label.textFormat() == Qt.TextFormat.PlainText
    assert dialog.isVisible()  # still open, to fix the mapping
    assert dialog.read_button.isEnabled()
    assert controller.result_dialog is None
    workspace = controller._workspace
    assert stored_rows(workspace, "statement_matches") == []
    assert stored_rows(workspace, "statement_formats") == []


@pytest.mark.parametrize(
    ("name", "data", "sentence"),
    [
        ("scan.pdf", b"%PDF-1.7\n\x00\x01\x02binary", "scan.pdf is a PDF: ask the bank for the CSV or Excel"),
        ("nov.csv", b"\x00\x01\x02\xff" * 64, "The file is not a CSV or XLSX file: it holds binary data."),
    ],
)
def test_a_file_that_is_no_statement_gets_one_sentence(
    qtbot: QtBot,
    controller: ReconcileController,
    runner: TaskRunner,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    name: str,
    data: bytes,
    sentence: str,
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    dialog = open_mapping(controller, runner, monkeypatch, path)
    fill(dialog)
    read(qtbot, dialog, runner)
    assert sentence in dialog.error_text()
    assert stored_rows(controller._workspace, "statement_formats") == []


def test_a_missing_field_is_said_before_reading(
    qtbot: QtBot, controller: ReconcileController, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # fmt: skip
    dialog = open_mapping(controller, runner, monkeypatch, write_csv(tmp_path / "nov.csv", LINES))
    fill(dialog, amount="")
    read(qtbot, dialog, runner)
    assert dialog.error_text() == "Say which column holds the amount."
    dialog.amount_combo.setEditText("Amount")
    dialog.currency_combo.setEditText("")
    dialog.default_currency_edit.setText("XYZ")
    read(qtbot, dialog, runner)
    assert dialog.error_text() == "XYZ is not a currency code such as AED or SAR."


def test_the_bank_s_columns_are_remembered_after_a_clean_read(
    qtbot: QtBot, controller: ReconcileController, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # fmt: skip
    path = write_csv(tmp_path / "nov.csv", LINES)
    reconciled(qtbot, controller, runner, monkeypatch, path)
    columns = "date=Date,amount=Amount,currency=Currency,description=Details"
    assert [row[:2] for row in stored_rows(controller._workspace, "statement_formats")] == [
        ("Bank of Nowhere", columns)
    ]
    dialog = open_mapping(controller, runner, monkeypatch, path)
    # The last bank is chosen again and fills its columns; choosing it from the list does too.
    assert dialog.bank_combo.currentText() == "Bank of Nowhere"
    assert (dialog.date_combo.currentText(), dialog.description_combo.currentText()) == ("Date", "Details")
    dialog.date_combo.setEditText("")
    dialog.bank_combo.setEditText("")
    dialog.bank_combo.setCurrentIndex(dialog.bank_combo.findText("Bank of Nowhere"))
    assert dialog.date_combo.currentText() == "Date"


def test_an_xlsx_statement_without_a_currency_column(
    qtbot: QtBot, controller: ReconcileController, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # fmt: skip
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Posting date", "Narrative", "Credit"])
    sheet.append([datetime(2026, 11, 10), f"ref {PAY_A}", 262])  # noqa: DTZ001 - a cell holds a naive date
    path = tmp_path / "nov.xlsx"
    book.save(path)
    dialog = open_mapping(controller, runner, monkeypatch, path)
    fill(dialog, bank="", date="A", amount="C", currency="", description="B")
    assert not dialog.remember_box.isEnabled()  # no bank named: nothing to remember it by
    dialog.default_currency_edit.setText("aed")
    read(qtbot, dialog, runner)
    assert dialog.error_text() == ""
    result = controller.result_dialog
    assert result is not None
    assert texts(result.proposals, 6) == ["ua"]
    assert stored_rows(controller._workspace, "statement_formats") == []


def test_confirming_stores_exactly_the_checked_ones_and_they_stay_confirmed(
    qtbot: QtBot, controller: ReconcileController, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # fmt: skip
    path = write_csv(tmp_path / "nov.csv", LINES)
    result = reconciled(qtbot, controller, runner, monkeypatch, path)
    result.proposals.setData(
        result.proposals.index(2, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole
    )
    assert result.confirm_button.text().replace("&", "") == "Confirm checked (2)"
    qtbot.mouseClick(result.confirm_button, Qt.MouseButton.LeftButton)
    assert runner.wait_idle()
    cache = controller._workspace.cache
    held = cache.read("test", matches.confirmed_matches)
    assert sorted((m.match.line, m.usage_id, m.match.matched_by) for m in held) == [
        (1, "ua", "payment_id"),
        (3, "ub", "reference"),
    ]
    assert texts(result.confirmed, 0) == ["1", "3"]
    assert texts(result.proposals, 1) == ["5"]  # the unchecked one is still proposed, unchecked
    assert result.proposals.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert result.status_label.text() == "Stored 2 matches."
    assert result.summary_label.text().startswith("2 lines matched · 1 proposal to check")

    # Another look at the same statement (a restart reads the same cache) shows them confirmed.
    result.close()
    again = reconciled(qtbot, controller, runner, monkeypatch, path)
    assert texts(again.confirmed, 0) == ["1", "3"]
    assert texts(again.confirmed, 7) == ["payment ID in the description", "reference and amount"]
    assert texts(again.proposals, 1) == ["5"]


def test_reject_drops_a_proposal_for_now_and_stores_nothing(
    qtbot: QtBot, controller: ReconcileController, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # fmt: skip
    result = reconciled(qtbot, controller, runner, monkeypatch, write_csv(tmp_path / "nov.csv", LINES))
    result.proposals_table.selectRow(2)
    qtbot.mouseClick(result.reject_button, Qt.MouseButton.LeftButton)
    assert texts(result.proposals, 1) == ["1", "3"]
    assert texts(result.lines, 0) == ["2", "5", "6"]
    assert sorted(texts(result.payments, 4)) == ["uc", "ud", "ue"]
    qtbot.mouseClick(result.confirm_button, Qt.MouseButton.LeftButton)
    assert runner.wait_idle()
    stored = controller._workspace.cache.read("test", matches.confirmed_matches)
    assert sorted(m.usage_id for m in stored) == ["ua", "ub"]
    assert texts(result.lines, 0) == ["2", "5", "6"]  # still rejected after the cache answered


def test_undo_forgets_one_match_after_asking(
    qtbot: QtBot, controller: ReconcileController, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # fmt: skip
    result = reconciled(qtbot, controller, runner, monkeypatch, write_csv(tmp_path / "nov.csv", LINES))
    qtbot.mouseClick(result.confirm_button, Qt.MouseButton.LeftButton)
    assert runner.wait_idle()
    assert result.confirmed.rowCount() == 3
    result.confirmed_table.selectRow(1)
    qtbot.mouseClick(result.undo_button, Qt.MouseButton.LeftButton)
    box = result.undo_box
    assert box is not None
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert "line 3" in box.text()
    undo = next(b for b in box.buttons() if b.text() == "Undo match")
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    assert runner.wait_idle()
    stored = controller._workspace.cache.read("test", matches.confirmed_matches)
    assert sorted(m.usage_id for m in stored) == ["ua", "uc"]
    assert texts(result.confirmed, 0) == ["1", "5"]
    assert texts(result.proposals, 1) == ["3"]  # proposed again
    assert result.status_label.text() == "The match of line 3 was undone."


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_writes_every_row_with_its_result(
    qtbot: QtBot,
    controller: ReconcileController,
    runner: TaskRunner,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    suffix: str,
) -> None:
    result = reconciled(qtbot, controller, runner, monkeypatch, write_csv(tmp_path / "nov.csv", LINES))
    result.proposals.setData(
        result.proposals.index(0, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole
    )
    qtbot.mouseClick(result.confirm_button, Qt.MouseButton.LeftButton)
    assert runner.wait_idle()
    out = tmp_path / "out" / "result"
    out.parent.mkdir()
    chosen = "CSV file (*.csv)" if suffix == ".csv" else "Excel workbook (*.xlsx)"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(out), chosen)))
    qtbot.mouseClick(result.export_button, Qt.MouseButton.LeftButton)
    assert runner.wait_idle()
    target = out.with_suffix(suffix)
    assert result.status_label.text() == f"\u200eWrote 8 rows to \u2068{target}\u2069."
    if suffix == ".xlsx":
        sheet = openpyxl.load_workbook(target).active
        assert sheet is not None
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    else:
        rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines()))
    first = next(i for i, row in enumerate(rows) if row and row[0] == "Result")
    body = [row for row in rows[first + 1 :] if row and row[0]]
    assert [(row[0], str(row[1] or "")) for row in body] == [
        ("proposed", "1"), ("confirmed", "3"), ("confirmed", "5"),
        ("line without a payment", "2"), ("line without a payment", "6"),
        ("payment without a line", ""), ("payment without a line", ""),
        ("debit, not matched", "4"),
    ]  # fmt: skip
    assert [row[6] for row in body[5:7]] == ["ud", "ue"]
    assert [row[5] for row in body if str(row[1]) == "2"] == [HOSTILE]
    assert any("statement nov.csv" in str(cell) for row in rows[:first] for cell in row)


def test_hostile_statement_text_shows_literally(
    qtbot: QtBot, controller: ReconcileController, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # fmt: skip
    name = tmp_path / "<b>bold<i>.csv"
    result = reconciled(qtbot, controller, runner, monkeypatch, write_csv(name, LINES))
    assert result.lines.index(0, 3).data() == HOSTILE  # a view paints a cell as plain text
    tip = result.lines.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;x&lt;/b&gt;" in tip
    assert "\\u202e" in tip  # the invisible override is shown for what it is
    assert "\u202e" not in tip
    assert "<b>bold<i>.csv" in result.source_label.text()
    for label in result.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.accessibleName()
    dialog = open_mapping(controller, runner, monkeypatch, name)
    fill(dialog, description=HOSTILE)
    read(qtbot, dialog, runner)
    assert HOSTILE[:20] in dialog.error_text()
    assert dialog.error_label.textFormat() == Qt.TextFormat.PlainText
    assert "<b>bold<i>.csv" in dialog.file_label.text()
    assert dialog.file_label.textFormat() == Qt.TextFormat.PlainText


def test_a_payment_row_opens_its_link_with_the_usage(
    qtbot: QtBot,
    controller: ReconcileController,
    runner: TaskRunner,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    opened: Opened,
) -> None:
    result = reconciled(qtbot, controller, runner, monkeypatch, write_csv(tmp_path / "nov.csv", LINES))
    assert result.payments.index(0, 0).data(PAYMENT_ROLE) == ("d", "ud")
    table = result.proposals_table
    at = table.visualRect(table.model().index(1, 5)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    table = result.payments_table
    table.setCurrentIndex(table.model().index(1, 0))
    QTest.keyClick(table, Qt.Key.Key_Return)
    assert opened == [("b", "ub"), ("e", "ue")]
    assert result.lines.index(0, 0).data(PAYMENT_ROLE) is None


def test_every_control_is_named_for_assistive_technology(
    qtbot: QtBot, controller: ReconcileController, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # fmt: skip
    path = write_csv(tmp_path / "nov.csv", LINES)
    result = reconciled(qtbot, controller, runner, monkeypatch, path)
    mapping = open_mapping(controller, runner, monkeypatch, path)
    for dialog in (result, mapping):
        focusable = [
            w
            for w in dialog.findChildren(QWidget)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and w.isVisibleTo(dialog)
            and not isinstance(w.parent(), QComboBox)  # the combo's own edit: the combo is named
        ]
        assert len(focusable) > 8
        assert [type(w).__name__ for w in focusable if not w.accessibleName()] == []
    # Tab from the proposals table reaches the buttons under it, then the confirmed matches.
    order = []
    widget: QWidget = result.proposals_table
    for _ in range(12):
        order.append(widget.accessibleName())
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or not widget.isVisibleTo(result):
            widget = widget.nextInFocusChain()
    assert order[:7] == [
        "Proposals to check", "Check all", "Uncheck all", "Reject", "Confirm checked", "Confirmed matches",
        "Undo match",
    ]  # fmt: skip


def test_the_controller_loads_its_dialogs_on_first_use() -> None:
    code = (
        "import sys\n"
        "import linkmanager.ui.controllers.reconcile_controller\n"
        "print(sorted(m for m in sys.modules if 'reconcile' in m or m in ('openpyxl', 'linkmanager.services.statement')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['linkmanager.ui.controllers.reconcile_controller']"


def test_space_and_the_buttons_check_and_uncheck(
    qtbot: QtBot, controller: ReconcileController, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # fmt: skip
    result = reconciled(qtbot, controller, runner, monkeypatch, write_csv(tmp_path / "nov.csv", LINES))
    table = result.proposals_table
    table.selectRow(1)
    QTest.keyClick(table, Qt.Key.Key_Space)
    assert [result.proposals.is_checked(row) for row in range(3)] == [True, False, True]
    assert result.confirm_button.text().replace("&", "") == "Confirm checked (2)"
    qtbot.mouseClick(result.check_none_button, Qt.MouseButton.LeftButton)
    assert not result.confirm_button.isEnabled()
    qtbot.mouseClick(result.check_all_button, Qt.MouseButton.LeftButton)
    assert result.confirm_button.text().replace("&", "") == "Confirm checked (3)"


def test_the_file_s_own_titles_are_offered_and_the_obvious_ones_chosen(
    controller: ReconcileController, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "nov.csv", LINES, ("Value date", "Narrative", "Amount", "Currency"))
    dialog = open_mapping(controller, runner, monkeypatch, path)
    offered = [dialog.amount_combo.itemText(i) for i in range(dialog.amount_combo.count())]
    assert offered == ["Value date", "Narrative", "Amount", "Currency"]  # not the bank's name above
    assert dialog.amount_combo.currentText() == "Amount"
    assert dialog.currency_combo.currentText() == "Currency"
    assert dialog.description_combo.currentText() == "Narrative"
    assert dialog.date_combo.currentText() == "Value date"  # the one title that says date
