"""The Help menu (issue 14, part 1): the shortcut sheet lists every key the window has, read from
its actions so it cannot drift; About names the version, the data folder and each library's
licence; Open data folder opens it.
"""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from linkmanager.ui import window_help
from linkmanager.ui.dialogs.about import AboutDialog, licence_of
from linkmanager.ui.dialogs.shortcuts import ShortcutSheet
from linkmanager.ui.main_window import MainWindow

WAIT_MS = 20_000
NATIVE = QKeySequence.SequenceFormat.NativeText


@pytest.fixture
def window(synced_window: MainWindow) -> MainWindow:
    return synced_window  # tests/ui/conftest.py


def menu_actions(window: MainWindow) -> dict[str, QAction]:
    """Every action of the menu bar by its menu path, walked here independently of the sheet."""
    found: dict[str, QAction] = {}

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{path}/{action.text()}")
            elif not action.isSeparator():
                found[f"{path}/{action.text()}"] = action

    for top in window.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        walk(menu, top.text())
    return found


def sheet_of(window: MainWindow) -> ShortcutSheet:
    sheets = [s for s in window.findChildren(ShortcutSheet) if s.isVisible()]
    assert len(sheets) == 1
    return sheets[0]


def listed(sheet: ShortcutSheet) -> set[str]:
    return {key for row in sheet.listed_keys() for key in row.split(", ")}


def test_the_sheet_lists_every_shortcut_of_the_menus_and_the_window(qtbot: QtBot, window: MainWindow) -> None:
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F1)
    sheet = sheet_of(window)
    keys = listed(sheet)
    with_keys = [a for a in menu_actions(window).values() if a.shortcuts()]
    assert len(with_keys) >= 15
    for action in with_keys:
        for sequence in action.shortcuts():
            assert sequence.toString(NATIVE) in keys, action.text()
    for action in window.actions():  # held by the window (Ctrl+1, Ctrl+2…)
        for sequence in action.shortcuts():
            assert sequence.toString(NATIVE) in keys, action.text()
    # The keys this issue adds, with the menu each command is in.
    rows = {(s.keys, s.where) for s in sheet.shortcuts}
    for expected in (
        ("Ctrl+D", "Link"),
        ("Ctrl+Shift+C", "Link"),
        ("Ctrl+Alt+C", "Link"),
        ("Ctrl+S", "Link"),
        ("Ctrl+F, /", "Edit"),
        ("F1, ?", "Help"),
    ):
        assert expected in rows
    assert "Disable or enable the selected link (asks first)" in {s.does for s in sheet.shortcuts}
    sheet.close()


def test_a_key_added_to_a_menu_appears_on_the_sheet_without_more_work(
    qtbot: QtBot, window: MainWindow
) -> None:
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert isinstance(edit, QMenu)
    edit.addAction(QAction("Something &new", window, shortcut=QKeySequence("Ctrl+Shift+F9")))
    sheet = window_help.show_shortcuts(window)
    assert isinstance(sheet, ShortcutSheet)
    assert any(
        s.keys == "Ctrl+Shift+F9" and s.does == "Something new" and s.where == "Edit" for s in sheet.shortcuts
    )
    sheet.close()


def test_question_mark_opens_the_sheet_outside_text_fields_only(qtbot: QtBot, window: MainWindow) -> None:
    window.search_box.setFocus()
    qtbot.keyClicks(window.search_box, "?")
    assert window.search_box.text() == "?"
    assert not [s for s in window.findChildren(ShortcutSheet) if s.isVisible()]
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Question)
    sheet_of(window).close()


def test_about_names_the_version_the_data_folder_and_every_library_licence(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    about = menu_actions(window)["&Help/&About LinkManager"]
    about.trigger()
    dialogs = [d for d in window.findChildren(AboutDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert dialog.version == importlib.metadata.version("linkmanager")
    assert dialog.data_folder == tmp_path / "home"
    assert dialog.folder_label.text() == str(tmp_path / "home")
    licences = {re.sub(r"[-_.]+", "-", name).lower(): text for name, text in dialog.licences().items()}
    runtime = [r for r in importlib.metadata.requires("linkmanager") or [] if "extra ==" not in r]
    assert len(runtime) >= 10  # PySide6, httpx, qrcode, keyring, platformdirs, babel, numpy…
    for requirement in runtime:
        match = re.match(r"[A-Za-z0-9._-]+", requirement)
        assert match is not None
        key = re.sub(r"[-_.]+", "-", match.group(0)).lower()
        assert key in licences, requirement
        assert licences[key] not in ("", "not stated"), requirement
    assert licences["httpx"] == "BSD-3-Clause"
    assert "LGPL" in licences["pyside6-essentials"]
    shown = {dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())}  # type: ignore[union-attr]
    assert set(dialog.licences()) <= shown
    assert len(shown) > len(runtime)  # what they need in turn (certifi, shiboken6…) is listed too
    dialog.close()


def test_licence_is_read_from_the_expression_the_field_or_the_classifiers() -> None:
    class Meta(dict[str, str]):
        def get_all(self, key: str) -> list[str] | None:
            value = self.get(key)
            return value.split("|") if value else None

    assert licence_of(Meta({"License-Expression": "MIT", "License": "BSD"})) == "MIT"
    assert licence_of(Meta({"License": "BSD"})) == "BSD"
    whole_text = "Copyright (c) someone\n\nPermission is hereby granted, free of charge..."
    classifiers = "Programming Language :: Python|License :: OSI Approved :: MIT License"
    assert licence_of(Meta({"License": whole_text, "Classifier": classifiers})) == "MIT License"
    assert licence_of(Meta({"License": whole_text})) == "Copyright (c) someone"
    assert licence_of(Meta({})) == "not stated"


def test_open_data_folder_opens_the_folder_of_this_windows_data(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []

    class Desktop:
        @staticmethod
        def openUrl(url: QUrl) -> bool:  # noqa: N802 - Qt's name
            opened.append(url)
            return True

    monkeypatch.setattr(window_help, "QDesktopServices", Desktop)
    menu_actions(window)["&Help/Open &data folder"].trigger()
    assert [url.toLocalFile() for url in opened] == [str(tmp_path / "home")]


def test_the_help_menu_is_last_with_its_keys_shown(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[-1] == "&Help"
    assert titles.index("&Link") < titles.index("&Help")
    paths = menu_actions(window)
    assert paths["&Help/&Keyboard shortcuts"].shortcut().toString() == "F1"
    QTest.keyClick(window.table, Qt.Key.Key_F1)  # and F1 twice raises the one sheet
    QTest.keyClick(window.table, Qt.Key.Key_F1)
    sheet_of(window).close()
