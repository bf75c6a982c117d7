"""The print preview's copies, first label, warnings and remembered choices: what the engine is given
and what the preview paints follow every control; nothing blocks (dialogs are opened, then answered)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from linkmanager.ui.printing.preview import PrintPreview

from .print_helpers import make, open_preview


def pages(preview: PrintPreview) -> int:
    assert preview.preview_widget is not None
    return preview.preview_widget.pageCount()


def next_stop(widget: QWidget) -> QWidget:
    """The next widget Tab reaches after `widget` (a spin box's own line edit is part of it)."""
    found = widget.nextInFocusChain()
    while widget.isAncestorOf(found):
        found = found.nextInFocusChain()
    return found


def test_copies_and_the_first_label_change_what_is_printed(qtbot: QtBot) -> None:
    preview = open_preview(qtbot, [make(1), make(2)])
    assert preview.template_box.currentText() == "Label sheet (A4)"
    assert preview.sheet.per_page == 24
    assert len(preview.items) == 2
    assert pages(preview) == 1

    preview.options.copies_box.setValue(12)  # 12 of each: one full sheet, a, a, ..., b, b, ...
    assert [item.link.id for item in preview.items] == ["link-01"] * 12 + ["link-02"] * 12
    assert pages(preview) == 1

    preview.options.start_box.setValue(5)  # four labels already used: 20 fit on the first sheet
    assert preview.sheet.start_at == 5
    assert len(preview.items) == 24
    assert pages(preview) == 2
    assert preview.options.start_box.maximum() == 24

    preview.options.fill_box.setChecked(True)  # fill the 20 free labels, shared
    assert not preview.options.copies_box.isEnabled()
    assert [item.link.id for item in preview.items] == ["link-01"] * 10 + ["link-02"] * 10
    assert pages(preview) == 1

    preview.template_box.setCurrentText("Counter card (A6)")  # a copy is a card; no first label
    assert not preview.options.start_box.isEnabled()
    assert not preview.options.fill_box.isEnabled()
    assert preview.sheet.start_at == 1
    assert len(preview.items) == 24  # 12 copies of each, a page each
    assert pages(preview) == 24
    preview.close()


def test_a_58_mm_receipt_is_offered(qtbot: QtBot) -> None:
    preview = open_preview(qtbot, [make(1)])
    preview.template_box.setCurrentText("Receipt (58 mm roll)")
    assert preview.sheet.template.value == "receipt58"
    assert pages(preview) == 1
    preview.close()


def test_a_link_expiring_in_two_hours_is_warned_about_before_saving(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    preview = open_preview(
        qtbot, [make(1, expires_in=timedelta(hours=2)), make(2, expires_in=timedelta(days=3))]
    )
    assert preview.warnings_label.isVisible()
    banner = preview.warnings_label.text()
    assert "Link 1 expires in 2 hours" in banner
    assert "Link 2" not in banner
    target = tmp_path / "sheet.pdf"
    monkeypatch.setattr(preview, "choose_pdf_path", lambda name: str(target))
    assert preview.save_pdf() is None  # asked first
    assert not target.exists()
    box = preview.warning_box
    assert box is not None
    assert box.isVisible()
    assert "Link 1 expires in 2 hours" in box.text()
    assert "Link 2" not in box.text()
    assert box.defaultButton() is not preview.go_on_button  # Enter on a surprise prints nothing
    with qtbot.waitSignal(preview.saved):
        assert preview.go_on_button is not None
        preview.go_on_button.click()
    assert target.exists()
    preview.close()


def test_a_link_expiring_in_three_days_saves_without_a_question(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    preview = open_preview(qtbot, [make(2, expires_in=timedelta(days=3))])
    assert not preview.warnings_label.isVisible()
    target = tmp_path / "card.pdf"
    monkeypatch.setattr(preview, "choose_pdf_path", lambda name: str(target))
    records: list[object] = []
    preview.printed.connect(records.append)
    assert preview.save_pdf() == str(target)
    assert preview.warning_box is None
    (saved,) = records
    assert [(r.kind, r.template, r.copies, r.where) for r in saved] == [("pdf", "card", 1, str(target))]  # type: ignore[attr-defined]
    preview.close()


def test_few_uses_left_is_warned_about_too(qtbot: QtBot) -> None:
    preview = open_preview(qtbot, [make(1, max_usages=50, current_usages=47)])
    assert "Link 1 has 3 of 50 uses left" in preview.warnings_label.text()
    preview.close()


def test_the_choices_are_remembered_but_not_the_first_label(qtbot: QtBot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "ui-state.ini"), QSettings.Format.IniFormat)
    first = open_preview(qtbot, [make(1)], settings)
    assert first.template_box.currentText() == "Counter card (A6)"  # the default for one link
    first.template_box.setCurrentText("Label sheet (Letter)")
    first.columns_box.setValue(2)
    first.rows_box.setValue(5)
    first.options.copies_box.setValue(4)
    first.bilingual_box.setChecked(True)
    first.options.start_box.setValue(3)
    first.close()
    settings.sync()

    again = QSettings(str(tmp_path / "ui-state.ini"), QSettings.Format.IniFormat)
    second = open_preview(qtbot, [make(1), make(2)], again)
    assert second.template_box.currentText() == "Label sheet (Letter)"
    assert (second.sheet.columns, second.sheet.rows) == (2, 5)
    assert second.options.copies_box.value() == 4
    assert second.bilingual_box.isChecked()
    assert second.options.start_box.value() == 1  # about one physical sheet: never remembered
    assert len(second.items) == 8
    second.options.fill_box.setChecked(True)
    second.close()

    third = open_preview(
        qtbot, [make(1)], QSettings(str(tmp_path / "ui-state.ini"), QSettings.Format.IniFormat)
    )
    assert third.options.fill_box.isChecked()
    assert len(third.items) == 10  # fills the 2 x 5 sheet
    third.close()


def test_the_new_controls_are_named_and_reached_by_keyboard(qtbot: QtBot) -> None:
    preview = open_preview(qtbot, [make(1), make(2)])
    options = preview.options
    names = [widget.accessibleName() for widget in options.focus_order()]
    assert names == ["Copies of each link", "Fill the sheet", "Start at label"]
    assert options.copies_label.buddy() is options.copies_box
    assert options.start_label.buddy() is options.start_box
    for widget in options.focus_order():
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert next_stop(preview.bilingual_box) is options.copies_box
    assert next_stop(options.copies_box) is options.fill_box
    assert next_stop(options.start_box) is preview.save_button
    preview.close()
