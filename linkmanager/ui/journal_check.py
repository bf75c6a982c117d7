"""The action journal checked at the window's start (storage.journal): a journal whose hash chain
is broken, or that cannot be opened, is said once in a warning the window does not wait on, and
left as it is. The window keeps working; changes go on being journalled after the break."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:
    from linkmanager.services.workspace import JournalCheck
    from linkmanager.ui.main_window import MainWindow

NOTICE_MS = 60_000


def check_journal_at_start(window: MainWindow) -> None:
    """Verify the journal on a worker; a warning when it is not intact (nothing when it is)."""
    window._runner.run(
        window._workspace.journal_check,
        lambda check: _said(window, check),
        on_error=lambda error: _said_text(window, str(error)),
        key="journal check",
        owner=window,
    )


def _said(window: MainWindow, check: JournalCheck) -> None:
    if not check.ok:
        _said_text(window, check.message)


def _said_text(window: MainWindow, message: str) -> None:
    title = QCoreApplication.translate("JournalCheck", "The action journal needs attention")
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, window)
    box.setTextFormat(Qt.TextFormat.PlainText)  # paths and reasons come from files
    box.setInformativeText(
        QCoreApplication.translate(
            "JournalCheck",
            "LinkManager keeps working, and goes on journalling changes; the journal is not repaired.",
        )
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    window.status.showMessage(title, NOTICE_MS)
