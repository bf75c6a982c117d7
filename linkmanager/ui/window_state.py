"""What the window remembers between runs (ui-state.ini): size, splitter, each table's columns."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

if TYPE_CHECKING:
    from linkmanager.ui.main_window import MainWindow
    from linkmanager.ui.widgets.payments_page import PaymentsPage


def restore_state(window: MainWindow, settings: QSettings) -> None:
    geometry = settings.value("window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    header = settings.value("links/header")
    if header is not None:
        window.table.horizontalHeader().restoreState(header)
    splitter = settings.value("window/splitter")
    if splitter is not None:
        window.splitter.restoreState(splitter)


def restore_payments_state(page: PaymentsPage, settings: QSettings) -> None:
    """The Payments table's columns as last left (made when first shown, so restored then)."""
    header = settings.value("payments/header")
    if header is not None:
        page.table.horizontalHeader().restoreState(header)


def save_state(window: MainWindow, settings: QSettings) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("links/header", window.table.horizontalHeader().saveState())
    settings.setValue("window/splitter", window.splitter.saveState())
    if window.payments is not None:
        settings.setValue("payments/header", window.payments.page.table.horizontalHeader().saveState())
