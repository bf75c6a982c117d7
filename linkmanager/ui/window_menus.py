"""The main window's menus, tool bar and shortcuts: every action in a menu, with its shortcut shown.

Built here rather than in main_window.py so that the window's file stays about the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from linkmanager.ui.widgets.table_views import add_column_actions

if TYPE_CHECKING:
    from linkmanager.ui.main_window import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def make_menus(window: MainWindow) -> None:
    file_menu = window.menuBar().addMenu("&File")
    sync = QAction("&Sync now", window, shortcut=QKeySequence(Qt.Key.Key_F5))  # F5
    sync.setToolTip("Sync with Lean now (F5)")
    sync.triggered.connect(window.sync.sync_now)
    quit_ = QAction("&Quit", window, shortcut=QKeySequence(QKeySequence.StandardKey.Quit))
    quit_.triggered.connect(window.close)
    creating, printing = window.creating, window.printing
    file_menu.addActions([creating.create_action, creating.duplicate_action])
    file_menu.addSeparator()
    file_menu.addActions([printing.print_action, printing.pdf_action])
    file_menu.addSeparator()
    file_menu.addActions([window.exporting.action, window.reconciling.action])
    window.addActions([window.exporting.action, window.reconciling.action])
    file_menu.addSeparator()
    file_menu.addActions([sync, quit_])
    window.addAction(sync)

    toolbar = window.addToolBar("Main")
    toolbar.setObjectName("main-toolbar")  # saveState() needs a name
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    toolbar.addActions([creating.create_action, creating.duplicate_action, printing.print_action])
    toolbar.addSeparator()
    toolbar.addAction(sync)

    edit_menu = window.menuBar().addMenu("&Edit")
    find = QAction("&Find", window, shortcut=QKeySequence(QKeySequence.StandardKey.Find))
    find.triggered.connect(window.search.focus)
    copy = QAction("&Copy cell", window, shortcut=QKeySequence(QKeySequence.StandardKey.Copy))
    copy.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    copy.triggered.connect(window.copy_cell)
    window.table.addAction(copy)
    edit_menu.addActions([find, copy])
    window.addAction(find)

    window.view_actions = []
    for index, (words, key) in enumerate(((tr("&Links"), "Ctrl+1"), (tr("&Payments"), "Ctrl+2"))):
        action = QAction(words, window, shortcut=QKeySequence(key), checkable=True)
        action.triggered.connect(lambda _=False, i=index: window.show_view(i))
        window.addAction(action)
        window.view_actions.append(action)
    window.view_actions[0].setChecked(True)
    window.view_menu = window.menuBar().addMenu("&View")
    window.view_menu.aboutToShow.connect(lambda: fill_view_menu(window))


def fill_view_menu(window: MainWindow) -> None:
    """The View menu, made as it opens: the views, sync problems, the shown view's columns."""
    menu = window.view_menu
    menu.clear()
    menu.addActions(window.view_actions)
    menu.addSeparator()
    menu.addAction(window.problems.action)
    menu.addSeparator()
    payments = window.payments if window.pages.currentIndex() == 1 else None
    if payments is not None:  # the page's own buttons, here too (every action has a menu entry)
        page = payments.page
        menu.addAction(tr("What the &outcomes mean"), page.show_legend)
        chart = menu.addAction(tr("&Chart"))
        chart.setCheckable(True)
        chart.setChecked(page.chart_button.isChecked())
        chart.toggled.connect(page.chart_button.setChecked)
        menu.addSeparator()
    add_column_actions(payments.page.table if payments is not None else window.table, menu)


def row_menu(window: MainWindow, position: QPoint) -> None:
    """The links table's context menu."""
    menu = QMenu(window)
    menu.addActions(
        [window.creating.duplicate_action, window.printing.print_action, window.printing.pdf_action]
    )
    menu.popup(window.table.viewport().mapToGlobal(position))
