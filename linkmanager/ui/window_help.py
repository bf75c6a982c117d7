"""The Help menu's commands: the shortcut sheet, About, and the data folder.

The data folder is where this window's UI state file lives: the LinkManager home the app chose
(`--home`, LINKMANAGER_HOME, else platformdirs' user data folder, as storage.paths resolves it),
or the throwaway folder of --demo and --screenshot. The dialogs load when first asked for.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog

if TYPE_CHECKING:
    from linkmanager.ui.main_window import MainWindow


def data_folder(window: MainWindow) -> Path:
    return Path(window._settings.fileName()).parent


def open_data_folder(window: MainWindow) -> bool:
    """Open the data folder in the desktop's file manager; False when the desktop cannot."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(data_folder(window))))


def _shown(window: MainWindow, kind: type[QDialog]) -> QDialog | None:
    """The dialog of this kind already open (F1 twice raises it rather than opening another)."""
    for dialog in window.findChildren(kind):
        if dialog.isVisible():
            dialog.raise_()
            dialog.activateWindow()
            return dialog
    return None


def show_shortcuts(window: MainWindow) -> QDialog:
    from linkmanager.ui.dialogs.shortcuts import ShortcutSheet

    dialog = _shown(window, ShortcutSheet)
    if dialog is None:
        dialog = ShortcutSheet(window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()  # not modal: the sheet can stay beside the window
    return dialog


def show_about(window: MainWindow) -> QDialog:
    from linkmanager.ui.dialogs.about import AboutDialog

    dialog = _shown(window, AboutDialog)
    if dialog is None:
        dialog = AboutDialog(window, data_folder(window), lambda: open_data_folder(window))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
    return dialog
