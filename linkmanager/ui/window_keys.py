"""The window by keyboard: one Tab order through the whole window, Enter on a row, and the
focused control kept in sight.

Tab walks views → search → status tabs → (a "no match" note) → links table → the detail pane's
actions (Disable/Enable, Duplicate, the Copy buttons, Save/Copy/Print QR) → usages table → the
drawer's controls when it is open → the status bar, and round again; Shift+Tab goes back. The
tables give Tab away (ui.widgets.table_views.KeyTable) instead of walking their cells. The
Payments page's filters and table follow the search box when that page is shown. Hidden and
disabled controls are skipped by Qt itself, so one order serves every state of the window.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

if TYPE_CHECKING:
    from linkmanager.ui.main_window import MainWindow
    from linkmanager.ui.widgets.payments_page import PaymentsPage


def focus_chain(window: MainWindow) -> list[QWidget]:
    """The window's controls in Tab order (see the module docstring)."""
    chain: list[QWidget] = [
        window.views,
        window.search_box,
        window.tabs,
        window.no_match,
        window.table,
        *window.detail.link_actions.focus_order(),  # ends with the usages table
        *window.drawer.focus_order(),
        *window.changes.dock.focus_order(),  # when the Changes panel is shown
    ]
    if window.payments is not None:
        chain += payments_chain(window.payments.page)
    journal = getattr(window, "journal", None)  # made after the menus
    if journal is not None:
        chain += journal.page.focus_order()
    return chain


def payments_chain(page: PaymentsPage) -> list[QWidget]:
    return [
        page.tabs,
        page.currency,
        page.dates,
        page.first_day,
        page.last_day,
        page.link_status,
        page.legend_button,
        page.chart_button,
        page.table,
    ]


def apply_tab_order(window: MainWindow) -> None:
    """Set the order again: the drawer makes a Copy button per payer field, the Payments page
    is made on first use."""
    for before, after in pairwise(focus_chain(window)):
        QWidget.setTabOrder(before, after)


class WindowKeys(QObject):
    """Enter on a link or a usage, the drawer's focus, the order's upkeep; lives with the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        window.table.entered.connect(self.open_details)
        usages = window.detail.usages_view
        usages.entered.connect(self.into_drawer)  # after the pane's own: the drawer is open by then
        window.drawer.set_focus_return(usages)
        window.drawer.shown.connect(self.reorder)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._keep_in_sight)
        apply_tab_order(window)

    def open_details(self) -> None:
        """Enter on a link: its details are shown already; the keyboard goes to its first action."""
        self._window.detail.link_actions.focus_first()

    def into_drawer(self) -> None:
        """Enter on a usage opened it in the drawer (over the usages): the keyboard follows it;
        Esc brings it back to the usages table."""
        self._window.drawer.focus_first()

    def reorder(self) -> None:
        apply_tab_order(self._window)

    def _keep_in_sight(self, _: QWidget | None, now: QWidget | None) -> None:
        """A control focused inside a scrolled part (the details, the drawer) is scrolled into view:
        Shift+Tab from the usages table lands on a QR button that may be scrolled away."""
        if now is None:
            return
        for area in self._window.findChildren(QScrollArea):
            inner = area.widget()
            if inner is not None and inner.isAncestorOf(now) and area.isVisible():
                area.ensureWidgetVisible(now)
