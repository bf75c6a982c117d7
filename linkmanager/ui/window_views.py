"""The main window's two views (Links, Payments) and the way between them: kept apart from
main_window.py so that file stays about building the window.

The Payments page is made on first use, its modules (numpy among them, ~0.15 s) imported on a
worker so that Ctrl+2 never freezes the window; a payment asked for opens in the Links view.
"""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, QSignalBlocker

from linkmanager.services.link_rows import amounts_by_currency
from linkmanager.ui.widgets.status_bar import selection_text
from linkmanager.ui.widgets.table_views import KeyTable
from linkmanager.ui.window_keys import apply_tab_order
from linkmanager.ui.window_state import restore_payments_state

if TYPE_CHECKING:
    from linkmanager.ui.controllers.payments_controller import PaymentsController
    from linkmanager.ui.main_window import MainWindow

PAYMENTS_MODULE = "linkmanager.ui.controllers.payments_controller"


def payments_view(window: MainWindow) -> PaymentsController:
    """The Payments page, made on first use: the Links view's start pays nothing for it."""
    if window.payments is None:
        from linkmanager.ui.controllers.payments_controller import PaymentsController

        window.payments = PaymentsController(window._workspace, window._runner, window.search_box, window)
        shown = window.pages.currentIndex()
        window.pages.insertWidget(1, window.payments.page)
        window.pages.removeWidget(window._opening)
        window.pages.setCurrentIndex(shown)
        restore_payments_state(window.payments.page, window._settings)
        window.payments.selection_summary.connect(window.selection_label.setText)
        table = window.payments.page.table
        table.doubleClicked.connect(window._open_payment)
        if isinstance(table, KeyTable):  # Enter on a payment opens it, as a double-click does
            table.entered.connect(lambda: window._open_payment(table.currentIndex()))
        apply_tab_order(window)  # its filters and table after the search box
    return window.payments


def show_view(window: MainWindow, index: int) -> None:
    """0: the links, 1: every payment (the search box applies to the view shown), 2: the journal."""
    journal = getattr(window, "journal", None)  # made after the menus (ui.journal.install_journal)
    if journal is not None and index == window.pages.indexOf(journal.page):
        journal.show()
        return
    window.pages.setCurrentIndex(index)
    with QSignalBlocker(window.views):
        window.views.setCurrentIndex(index)
    for i, action in enumerate(window.view_actions):
        action.setChecked(i == index)
    window.detail.link_actions.group.setEnabled(index == 0)  # the Link menu acts on the details shown
    window.selection_label.clear()
    hints = (
        QCoreApplication.translate("MainWindow", "Search links, references, payer values…  (Ctrl+F)"),
        QCoreApplication.translate("MainWindow", "Search payments…  (Ctrl+F)"),
    )
    window.search_box.setPlaceholderText(hints[index])
    if index == 1:
        window.drawer.close_drawer()
        if window.payments is not None or PAYMENTS_MODULE in sys.modules:
            open_payments(window)
        else:  # numpy and the page's modules load on a worker (~0.15 s that would freeze the window)
            window._runner.run(
                lambda: importlib.import_module(PAYMENTS_MODULE),
                lambda _: open_payments(window),
                key="payments import",
                owner=window,
            )


def open_payments(window: MainWindow) -> None:
    if window.views.currentIndex() == 1:
        payments_view(window).activate()


def open_payment_at(window: MainWindow, index: QModelIndex) -> None:
    from linkmanager.ui.models.payments_model import LINK_ID_ROLE, USAGE_ID_ROLE

    window.open_payment(index.data(LINK_ID_ROLE), index.data(USAGE_ID_ROLE))


def open_payment(window: MainWindow, link_id: str | None, usage_id: str | None) -> None:
    """A payment asked for (double-clicked, a statement's match): its link in the Links view,
    the payment open in the drawer."""
    if link_id:
        window.show_view(0)
        if window.show_link(link_id) and usage_id:
            window.links.open_usage_when_read(usage_id)
        window.raise_()
        window.activateWindow()


def links_selection(window: MainWindow) -> None:
    rows = [window.model.row_at(index.row()) for index in window.table.selectionModel().selectedRows()]
    sums = amounts_by_currency(row for row in rows if row is not None)
    window.selection_label.setText(selection_text(len(rows), sums) if len(rows) > 1 else "")
