"""The statement's columns are chosen from its own titles, not typed: each field offers the file's
titles, an obvious title is chosen for an empty field, a remembered bank's columns win over a guess,
and what is chosen is what the read is asked with.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget
from pytestqt.qtbot import QtBot

from linkmanager.services.reconcile_export import BankColumns
from linkmanager.services.statement import ColumnMapping
from linkmanager.ui.dialogs.reconcile_mapping import ReadRequest, ReconcileMappingDialog, obvious_columns

TITLES = ["Value Date", "Narrative", "Debit", "Credit", "Currency", "Balance"]
REMEMBERED = BankColumns("Emirates NBD", ColumnMapping("value date", "Credit", None, "Narrative"))


def make(qtbot: QtBot, titles: list[str] | None = None) -> ReconcileMappingDialog:
    dialog = ReconcileMappingDialog("nov.csv", titles=TITLES if titles is None else titles)
    qtbot.addWidget(dialog)
    return dialog


def items(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def chosen(dialog: ReconcileMappingDialog) -> list[str]:
    combos = (dialog.date_combo, dialog.amount_combo, dialog.currency_combo, dialog.description_combo)
    return [combo.currentText() for combo in combos]


def requested(qtbot: QtBot, dialog: ReconcileMappingDialog) -> Any:
    with qtbot.waitSignal(dialog.read_requested, timeout=1000) as signal:
        qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
    return signal.args[0] if signal.args else None


def test_every_field_offers_the_file_s_own_titles(qtbot: QtBot) -> None:
    dialog = make(qtbot, [" Value  Date ", "Narrative", "", "Debit", "Narrative", "x" * 201, *TITLES[3:]])
    assert dialog.titles() == TITLES  # spaces as a reader sees them; blanks, repeats, no title gone
    for combo in (dialog.date_combo, dialog.amount_combo, dialog.description_combo):
        assert items(combo) == TITLES
        assert combo.isEditable()  # a letter or a number can still be written
    assert items(dialog.currency_combo) == ["", *TITLES]  # the empty one: no currency column


def test_an_obvious_title_is_chosen_and_an_unclear_one_is_left_to_the_user(qtbot: QtBot) -> None:
    # "Value Date" is the only date; "Debit"/"Credit" say nothing of "amount": the user chooses.
    assert chosen(make(qtbot)) == ["Value Date", "", "Currency", "Narrative"]
    dialog = make(qtbot, ["Posting date", "Value DATE", "AMOUNT", "Currency code", "DETAILS"])
    assert chosen(dialog) == ["", "AMOUNT", "Currency code", "DETAILS"]  # two dates: no guess
    assert obvious_columns(["Date", "Transaction date", "Debit Amount", "Credit Amount", "Description"]) == {
        "date": "Date",  # named so exactly beats having the word
        "description": "Description",
    }


def test_a_remembered_bank_s_columns_are_chosen_over_a_guess(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    dialog.set_banks([REMEMBERED], "Emirates NBD")
    assert chosen(dialog) == ["Value Date", "Credit", "", "Narrative"]  # the file's spelling
    assert dialog.amount_combo.currentIndex() == TITLES.index("Credit")
    assert dialog.currency_combo.currentIndex() == 0  # none: the default currency
    # The banks may arrive before the titles: what they filled in stays.
    early = ReconcileMappingDialog("nov.csv")
    qtbot.addWidget(early)
    early.set_banks([REMEMBERED], "Emirates NBD")
    early.set_titles(TITLES)
    assert chosen(early) == ["Value Date", "Credit", "", "Narrative"]
    assert items(early.amount_combo) == TITLES


def test_a_remembered_column_the_file_lacks_is_kept_as_written(qtbot: QtBot) -> None:
    dialog = make(qtbot, ["Date", "Amount", "Details"])
    dialog.set_banks([BankColumns("Old", ColumnMapping("A", "Credit", None, "C"))], "Old")
    assert chosen(dialog) == ["A", "Credit", "", "C"]
    assert dialog.amount_combo.currentIndex() == -1


def test_choosing_columns_and_reading_asks_with_them(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    dialog.bank_combo.setEditText("Emirates NBD")
    dialog.amount_combo.setCurrentIndex(TITLES.index("Credit"))
    dialog.currency_combo.setCurrentIndex(0)
    dialog.default_currency_edit.setText("AED")
    request = requested(qtbot, dialog)
    assert request == ReadRequest(
        ColumnMapping("Value Date", "Credit", None, "Narrative"), "AED", "Emirates NBD", remember=True
    )
    assert dialog.error_text() == ""


def test_a_typed_letter_stays_a_letter(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)  # a completer completes only in the active window
    edit = dialog.amount_combo.lineEdit()
    assert edit is not None
    edit.clear()
    edit.setFocus()
    qtbot.keyClicks(edit, "B")  # "Balance" starts with B: never completed into it
    assert dialog.amount_combo.currentText() == "B"
    completer = dialog.amount_combo.completer()
    assert completer is not None
    completer.popup().hide()  # the titles holding a B, offered in a list the user may ignore
    request = requested(qtbot, dialog)
    assert request is not None
    assert request.mapping == ColumnMapping("Value Date", "B", "Currency", "Narrative")


def test_an_empty_column_is_said_and_nothing_is_asked(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    asked: list[object] = []
    dialog.read_requested.connect(asked.append)
    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
    assert dialog.error_text() == "Say which column holds the amount."
    assert asked == []


def test_the_fields_are_named_in_tab_order_and_wait_while_reading(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    dialog.show()
    qtbot.waitExposed(dialog)
    order = []
    widget: QWidget = dialog.bank_combo
    for _ in range(6):
        order.append(widget.accessibleName())
        widget = widget.nextInFocusChain()
        while (
            not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
            or not widget.isVisibleTo(dialog)
            or isinstance(widget.parent(), QComboBox)  # a combo's own edit: the combo is named
        ):
            widget = widget.nextInFocusChain()
    assert order == [
        "Bank", "Date column", "Amount column", "Currency column", "Description column", "Default currency",
    ]  # fmt: skip
    dialog.set_busy(True)
    assert not any(c.isEnabled() for c in (dialog.date_combo, dialog.amount_combo, dialog.description_combo))
    dialog.set_busy(False)
    assert dialog.currency_combo.isEnabled()
