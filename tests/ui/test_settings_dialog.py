"""Edit > Settings…: the language and digits kept for the next start, and how a start chooses."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from linkmanager.cli.main import window_args
from linkmanager.ui import language
from linkmanager.ui.dialogs.settings import SettingsDialog


def settings_in(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui-state.ini"), QSettings.Format.IniFormat)


def test_choosing_arabic_is_kept_for_the_next_start(qtbot: QtBot, tmp_path: Path) -> None:
    settings = settings_in(tmp_path)
    dialog = SettingsDialog(settings, language.Choice("en", "latin"))
    qtbot.addWidget(dialog)
    assert dialog.note.text() == ""
    dialog.language.setCurrentIndex(dialog.language.findData("ar"))
    dialog.digits.setCurrentIndex(dialog.digits.findData("arabic"))
    assert "next start" in dialog.note.text()  # nothing changes under the user's feet
    assert dialog.language.accessibleName() == "Interface language"
    dialog.accept()
    again = settings_in(tmp_path)
    assert language.chosen(None, again) == language.Choice("ar", "arabic")
    assert language.chosen("en", again) == language.Choice("en", "arabic")  # --lang wins for one run


def test_cancel_changes_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    settings = settings_in(tmp_path)
    dialog = SettingsDialog(settings, language.Choice("en", "latin"))
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("ar"))
    dialog.reject()
    assert settings_in(tmp_path).value(language.LANGUAGE_KEY) is None


def test_the_system_language_is_followed_until_one_is_chosen(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(language, "system_language", lambda: "ar")
    assert language.chosen(None, settings_in(tmp_path)).language == "ar"
    assert language.chosen(None, None).language == "ar"
    settings = settings_in(tmp_path)
    settings.setValue(language.LANGUAGE_KEY, "en")
    assert language.chosen(None, settings).language == "en"
    settings.setValue(language.LANGUAGE_KEY, "klingon")  # a hand-edited file: ignored
    assert language.chosen(None, settings).language == "ar"


def test_lang_is_a_window_option() -> None:
    options = window_args(["--demo", "--lang", "ar"])
    assert options is not None
    assert options.lang == "ar"
