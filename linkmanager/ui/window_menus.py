"""The main window's menus, tool bar and shortcuts: every action in a menu, with its shortcut shown.

Built here rather than in main_window.py so that the window's file stays about the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu

from linkmanager.ui import window_help
from linkmanager.ui.widgets.table_views import add_column_actions
from linkmanager.ui.window_keys import WindowKeys

if TYPE_CHECKING:
    from linkmanager.ui.main_window import MainWindow


def make_menus(window: MainWindow) -> None:
    file_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&File"))
    sync = QAction(
        QCoreApplication.translate("MainWindow", "&Sync now"), window, shortcut=QKeySequence(Qt.Key.Key_F5)
    )
    sync.setToolTip(QCoreApplication.translate("MainWindow", "Sync with Lean now (F5)"))
    sync.triggered.connect(window.sync.sync_now)
    quit_ = QAction(
        QCoreApplication.translate("MainWindow", "&Quit"),
        window,
        shortcut=QKeySequence(QKeySequence.StandardKey.Quit),
    )
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

    toolbar = window.addToolBar(QCoreApplication.translate("MainWindow", "Main"))
    toolbar.setObjectName("main-toolbar")  # saveState() needs a name
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    toolbar.addActions([creating.create_action, creating.duplicate_action, printing.print_action])
    toolbar.addSeparator()
    toolbar.addAction(sync)

    edit_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    find = QAction(QCoreApplication.translate("MainWindow", "&Find"), window)
    # "/" as in many list views; typed in a text field it stays a "/" (the field takes it first).
    find.setShortcuts([QKeySequence(QKeySequence.StandardKey.Find), QKeySequence("/")])
    find.setToolTip(QCoreApplication.translate("MainWindow", "Search (Ctrl+F or /)"))
    find.triggered.connect(window.search.focus)
    copy = QAction(
        QCoreApplication.translate("MainWindow", "&Copy cell"),
        window,
        shortcut=QKeySequence(QKeySequence.StandardKey.Copy),
    )
    copy.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    copy.triggered.connect(lambda: copy_cell(window))
    window.table.addAction(copy)
    preferences = QAction(
        QCoreApplication.translate("MainWindow", "Se&ttings…"), window, shortcut=QKeySequence("Ctrl+,")
    )
    preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
    preferences.triggered.connect(lambda: open_settings(window))
    edit_menu.addActions([find, copy])
    edit_menu.addSeparator()
    edit_menu.addAction(preferences)
    window.addActions([find, preferences])
    make_link_menu(window)

    window.view_actions = []
    views = (
        (QCoreApplication.translate("MainWindow", "&Links"), "Ctrl+1"),
        (QCoreApplication.translate("MainWindow", "&Payments"), "Ctrl+2"),
    )
    for index, (words, key) in enumerate(views):
        action = QAction(words, window, shortcut=QKeySequence(key), checkable=True)
        action.triggered.connect(lambda _=False, i=index: window.show_view(i))
        window.addAction(action)
        window.view_actions.append(action)
    window.view_actions[0].setChecked(True)
    window.view_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&View"))
    window.view_menu.aboutToShow.connect(lambda: fill_view_menu(window))
    fill_view_menu(window)  # filled now too: the shortcut sheet reads the menus as they stand
    make_help_menu(window)
    WindowKeys(window)


# The selected link's keys: not taken by Qt's text fields or by the window's other actions.
LINK_KEYS = {"toggle": "Ctrl+D", "copy_url": "Ctrl+Shift+C", "copy_id": "Ctrl+Alt+C", "save_qr": "Ctrl+S"}


def make_link_menu(window: MainWindow) -> None:
    """Link: what can be done to the link shown in the details, each with its key; the window
    turns these off while the Payments view hides the details (window_views.show_view)."""
    actions = window.detail.link_actions
    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Link"))
    for name, key in LINK_KEYS.items():
        action: QAction = getattr(actions, name)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        window.addAction(action)
    menu.addActions([actions.toggle, window.creating.duplicate_action])
    menu.addSeparator()
    menu.addActions([actions.copy_url, actions.copy_id])
    menu.addSeparator()
    menu.addActions(
        [actions.save_qr, actions.copy_qr, window.printing.print_action, window.printing.pdf_action]
    )
    menu.addSeparator()  # the counter display (Ctrl+Shift+D), and Esc while it is up
    menu.addActions([window.counter.action, window.counter.close_action])


def make_help_menu(window: MainWindow) -> None:
    """Help: the shortcut sheet (F1, or ? outside a text field), the data folder, About."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    menu.setObjectName("help-menu")  # found by name, whatever the language (app_profile_menu)
    sheet = QAction(QCoreApplication.translate("MainWindow", "&Keyboard shortcuts"), window)
    sheet.setShortcuts([QKeySequence(Qt.Key.Key_F1), QKeySequence("?")])
    sheet.triggered.connect(lambda: window_help.show_shortcuts(window))
    folder = QAction(QCoreApplication.translate("MainWindow", "Open &data folder"), window)
    folder.setToolTip(
        QCoreApplication.translate(
            "MainWindow", "Open the folder where LinkManager keeps its profiles, caches and settings"
        )
    )
    folder.triggered.connect(lambda: window_help.open_data_folder(window))
    about = QAction(QCoreApplication.translate("MainWindow", "&About LinkManager"), window)
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda: window_help.show_about(window))
    menu.addActions([sheet, folder])
    menu.addSeparator()
    menu.addAction(about)
    window.addAction(sheet)


def fill_view_menu(window: MainWindow) -> None:
    """The View menu, made as it opens: the views, sync problems, the shown view's columns."""
    menu = window.view_menu
    menu.clear()
    menu.addActions(window.view_actions)
    menu.addSeparator()
    menu.addActions([window.problems.action, window.changes.action])
    menu.addSeparator()
    payments = window.payments if window.pages.currentIndex() == 1 else None
    if payments is not None:  # the page's own buttons, here too (every action has a menu entry)
        page = payments.page
        menu.addAction(QCoreApplication.translate("MainWindow", "What the &outcomes mean"), page.show_legend)
        chart = menu.addAction(QCoreApplication.translate("MainWindow", "&Chart"))
        chart.setCheckable(True)
        chart.setChecked(page.chart_button.isChecked())
        chart.toggled.connect(page.chart_button.setChecked)
        menu.addSeparator()
    journal = getattr(window, "journal", None)  # made after the menus
    if journal is not None and journal.is_shown():
        add_column_actions(journal.page.table, menu)
    else:
        add_column_actions(payments.page.table if payments is not None else window.table, menu)


def row_menu(window: MainWindow, position: QPoint) -> None:
    """The links table's context menu: the row's link (a right-click makes it current) and the
    selection's print commands; the same actions, keys and states as the Link menu."""
    actions = window.detail.link_actions
    menu = QMenu(window)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    menu.addActions([actions.toggle, actions.copy_url, actions.copy_id])
    menu.addSeparator()
    menu.addActions(
        [window.creating.duplicate_action, window.printing.print_action, window.printing.pdf_action]
    )
    menu.addSeparator()
    menu.addAction(window.counter.action)
    menu.addSeparator()
    menu.addActions(window.bulk.actions)  # Select all in this view, Disable/Enable selected links
    menu.popup(window.table.viewport().mapToGlobal(position))


def copy_cell(window: MainWindow) -> None:
    """Edit > Copy: the links table's current cell as text."""
    index = window.table.currentIndex()
    if index.isValid():
        QGuiApplication.clipboard().setText(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))


def open_settings(window: MainWindow) -> None:
    """Edit > Settings…: the language and digits, used from the next start."""
    from linkmanager.ui import language
    from linkmanager.ui.dialogs.settings import SettingsDialog

    SettingsDialog(window._settings, language.running(), window).exec()
