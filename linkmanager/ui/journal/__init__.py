"""The Journal view: every change asked of Lean from this profile, filtered, exported (issue 16).

The window installs it with one call, `install_journal(window)`, after its menus are made; the
modules load then, not when this package is imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from linkmanager.ui.journal.controller import JournalController
    from linkmanager.ui.main_window import MainWindow


def install_journal(window: MainWindow) -> JournalController:
    """The Journal's tab, page and View > Journal (Ctrl+3) on `window` (see controller.install)."""
    from linkmanager.ui.journal.controller import install

    return install(window)
