"""What changed at each sync: the Changes panel, the tray icon and its notices (issue 16).

The window installs it with one call, `install_changes(window, settings)`; the modules load then,
not when this package is imported (the Settings dialog reads only `prefs`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from linkmanager.ui.changes.controller import ChangesController
    from linkmanager.ui.main_window import MainWindow


def install_changes(window: MainWindow, settings: QSettings) -> ChangesController:
    """The Changes panel, the tray and their actions on `window` (see controller.install_changes)."""
    from linkmanager.ui.changes.controller import install_changes as install

    return install(window, settings)
