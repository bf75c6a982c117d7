"""The Sync problems list: which link, what happened, since when, what Lean sent; Copy and Enter."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication, QTextDocumentFragment
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from linkmanager.services.workspace import SyncProblem
from linkmanager.ui.dialogs.sync_problems import SyncProblemsDialog
from linkmanager.ui.dialogs.sync_problems_model import (
    PROBLEM_ROLE,
    ProblemColumn,
    ProblemsTableModel,
    kind_label,
    readable_json,
    visible_controls,
)

DUBAI = ZoneInfo("Asia/Dubai")
NOW = datetime(2026, 12, 4, 10, 5, tzinfo=UTC)  # 14:05 in Dubai
LINK = "0b9e0a4c-3f6e-4a51-9d7a-1b7f3c2e9a10"
OTHER = "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f"
HOSTILE_NAME = '<b>Sale</b> =HYPERLINK("http://evil") \u202eexe.txt'


def problem(link_id: str | None = LINK, what: str = "usages-malformed", **changes: object) -> SyncProblem:
    values: dict[str, object] = {
        "detail": "Lean sent a malformed usage u-1: content[0].usage_status: expected text, got a number.",
        "raw": '{"usage_id":"u-1","usage_status":2}',
        "since": NOW - timedelta(minutes=3),
        "seen_at": NOW - timedelta(minutes=1),
    }
    values.update(changes)
    return SyncProblem(link_id, what, **values)  # type: ignore[arg-type]


PROBLEMS = [
    problem(),
    problem(None, "page-unreadable", detail="Page 3 of the links could not be read (timeout).", raw=""),
    problem(OTHER, "usages-unreadable", detail="Its usages could not be read: Lean answered 503."),
]
NAMES = {LINK: "May rent"}  # OTHER is not cached


def tooltip_text(html: str) -> str:
    return QTextDocumentFragment.fromHtml(html).toPlainText()


@pytest.fixture
def dialog(qtbot: QtBot) -> SyncProblemsDialog:
    widget = SyncProblemsDialog(now=lambda: NOW, tz=DUBAI)
    qtbot.addWidget(widget)
    widget.set_problems(PROBLEMS, NAMES)
    widget.show()
    return widget


def cell(model: ProblemsTableModel, row: int, column: ProblemColumn, role: int = 0) -> object:
    return model.index(row, column).data(role)


# --- the model --------------------------------------------------------------------------------------


def test_model_tester(qtmodeltester: ModelTester) -> None:
    model = ProblemsTableModel(lambda: NOW, lambda: DUBAI)
    qtmodeltester.check(model)
    model.set_problems(PROBLEMS, NAMES)
    qtmodeltester.check(model)
    model.set_problems([], {})
    qtmodeltester.check(model)


def test_rows_say_which_link_what_and_since_when() -> None:
    model = ProblemsTableModel(lambda: NOW, lambda: DUBAI)
    model.set_problems(PROBLEMS, NAMES)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in ProblemColumn] == [
        "Link", "What happened", "Since", "Detail",
    ]  # fmt: skip
    assert cell(model, 0, ProblemColumn.LINK) == "\u200e\u2068May rent\u2069"  # LRM, then the name isolated
    assert cell(model, 1, ProblemColumn.LINK) == "(list of links)"
    assert cell(model, 2, ProblemColumn.LINK) == OTHER  # not cached: its id
    assert cell(model, 0, ProblemColumn.WHAT) == "Malformed usages"
    assert cell(model, 1, ProblemColumn.WHAT) == "A page of links could not be read"
    assert cell(model, 0, ProblemColumn.SINCE) == "04 Dec 2026 14:02 +04:00"
    assert tooltip_text(str(cell(model, 0, ProblemColumn.SINCE, Qt.ItemDataRole.ToolTipRole))) == (
        "First met: 2026-12-04 10:02:00 UTC\nLast met: 2026-12-04 10:04:00 UTC"
    )
    assert "Lean sent a malformed usage u-1" in str(cell(model, 0, ProblemColumn.DETAIL))
    assert cell(model, 0, ProblemColumn.LINK, PROBLEM_ROLE) == PROBLEMS[0]
    assert LINK in tooltip_text(str(cell(model, 0, ProblemColumn.LINK, Qt.ItemDataRole.ToolTipRole)))


def test_every_engine_code_has_a_label_and_an_unknown_one_shows_as_it_came() -> None:
    codes = (
        "usages-unreadable", "usages-malformed", "usages-inconsistent", "link-malformed",
        "page-unreadable", "page-totals", "listing-short", "internal-error",
    )  # fmt: skip
    labels = [kind_label(code) for code in codes]
    assert all(label and label != code for label, code in zip(labels, codes, strict=True))
    assert len(set(labels)) == len(labels)
    assert kind_label("usages-from-the-future") == "usages-from-the-future"


def test_a_date_says_its_day_and_year_in_the_zone() -> None:
    model = ProblemsTableModel(lambda: NOW, lambda: DUBAI)
    model.set_problems([problem(since=datetime(2025, 12, 31, 21, 30, tzinfo=UTC))], NAMES)
    assert cell(model, 0, ProblemColumn.SINCE) == "01 Jan 2026 01:30 +04:00"  # the next day, there
    model.set_problems([problem(since=datetime(2025, 6, 1, 8, 0, tzinfo=UTC))], NAMES)
    assert cell(model, 0, ProblemColumn.SINCE) == "01 Jun 2025 12:00 +04:00"


def test_hostile_text_is_data() -> None:
    bad = problem(detail='<b>x</b> =HYPERLINK("http://evil") \u202egnp.exe', raw="\u202e<i>raw</i>\x00")
    model = ProblemsTableModel(lambda: NOW, lambda: DUBAI)
    model.set_problems([bad], {LINK: HOSTILE_NAME})
    assert HOSTILE_NAME in str(cell(model, 0, ProblemColumn.LINK))  # isolated, never altered
    assert "<b>x</b>" in str(cell(model, 0, ProblemColumn.DETAIL))
    tip = str(cell(model, 0, ProblemColumn.DETAIL, Qt.ItemDataRole.ToolTipRole))
    assert "&lt;b&gt;x&lt;/b&gt;" in tip  # the tooltip escapes it: shown as characters
    copied = model.copy_text(bad)
    assert "\u202e" not in copied
    assert "\\u202e" in copied
    assert "\x00" not in copied
    assert "\\u0000" in copied
    assert '<b>Sale</b> =HYPERLINK("http://evil")' in copied
    assert visible_controls("إيجار\u200c\nA\tB") == "إيجار\u200c\nA\tB"  # joiners, lines and tabs stay


@pytest.mark.parametrize(
    "raw",
    [
        '{"usage_id":"u-1","usage_sta',  # an excerpt cut short
        '{"amount":1.10}',  # Python would write 1.1: shown as Lean wrote it
        '{"a": 1}',  # not compact: as it came
        "[" * 5000,  # deeper than the parser goes
        "503 Service Unavailable",
    ],
)
def test_what_lean_sent_is_indented_only_when_nothing_else_changes(raw: str) -> None:
    assert readable_json(raw) == raw


# --- the dialog -------------------------------------------------------------------------------------


def test_the_selected_problem_shows_its_sentence_and_what_lean_sent(dialog: SyncProblemsDialog) -> None:
    assert dialog.windowTitle() == "Sync problems"
    assert dialog.selected_problem() == PROBLEMS[0]
    assert "Lean sent a malformed usage u-1" in dialog.detail_label.text()
    assert dialog.detail_label.textFormat() == Qt.TextFormat.PlainText
    assert dialog.raw_view.toPlainText() == '{\n  "usage_id": "u-1",\n  "usage_status": 2\n}'  # indented
    assert dialog.raw_view.isReadOnly()
    fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    assert dialog.raw_view.font().family() == fixed.family()
    dialog.table.selectRow(1)
    assert dialog.raw_view.toPlainText() == ""
    assert not dialog.show_button.isEnabled()  # the list of links is no link to show


def test_copy_copies_the_selected_problem_as_plain_text(dialog: SyncProblemsDialog, qtbot: QtBot) -> None:
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    text = QGuiApplication.clipboard().text()
    assert text.splitlines()[:3] == [
        f"Link: May rent ({LINK})",
        "What happened: Malformed usages (usages-malformed)",
        "Since: 04 Dec 2026 14:02 +04:00, 2026-12-04 10:02:00 UTC",
    ]
    assert text.endswith('What Lean sent:\n{"usage_id":"u-1","usage_status":2}')
    assert dialog.copy_button.text() == "Copied"
    QGuiApplication.clipboard().clear()
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == text


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_on_a_cached_link_shows_it_and_closes(
    dialog: SyncProblemsDialog, qtbot: QtBot, key: Qt.Key
) -> None:
    dialog.table.setFocus()
    with qtbot.waitSignal(dialog.link_requested) as signal:
        qtbot.keyClick(dialog.table, key)
    assert signal.args == [LINK]
    assert not dialog.isVisible()


def test_double_click_shows_the_link(dialog: SyncProblemsDialog, qtbot: QtBot) -> None:
    rect = dialog.table.visualRect(dialog.model.index(0, ProblemColumn.WHAT))
    viewport = dialog.table.viewport()
    with qtbot.waitSignal(dialog.link_requested) as signal:
        # A double-click is a press, a release and a double-click event: the view acts on the index pressed.
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [LINK]


@pytest.mark.parametrize("row", [1, 2])
def test_enter_on_a_problem_without_a_cached_link_keeps_the_list(
    dialog: SyncProblemsDialog, qtbot: QtBot, row: int
) -> None:
    dialog.table.selectRow(row)
    dialog.table.setFocus()
    with qtbot.assertNotEmitted(dialog.link_requested):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert not dialog.show_button.isEnabled()


def test_a_new_list_keeps_the_selected_problem(dialog: SyncProblemsDialog) -> None:
    dialog.table.selectRow(2)
    dialog.set_problems([PROBLEMS[2], PROBLEMS[0]], NAMES)
    assert dialog.selected_problem() == PROBLEMS[2]
    dialog.set_problems([], {})
    assert dialog.selected_problem() is None
    assert not dialog.copy_button.isEnabled()


def test_every_control_is_named_and_in_the_tab_order(dialog: SyncProblemsDialog) -> None:
    dialog.activateWindow()
    dialog.table.setFocus()
    names = {w.accessibleName() for w in dialog.findChildren(QWidget)}
    assert {"Sync problems table", "Problem detail", "What Lean sent", "Copy problem", "Show link"} <= names
    order = [dialog.table]
    widget: QWidget = dialog.table
    for _ in range(4):
        widget = widget.nextInFocusChain()
        while widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisible():
            widget = widget.nextInFocusChain()
        order.append(widget)
    assert order[1:4] == [dialog.detail_label, dialog.raw_view, dialog.copy_button]
    assert QApplication.instance() is not None
