"""Help > Keyboard shortcuts (F1 or ?): every key the window answers to, read from the window itself.

The list is made when the sheet opens, from the actions of the menu bar (with the menu each one
is in), then every other action held by the window or one of its widgets and every QShortcut:
a key added anywhere appears here without anyone writing it down twice. The keys that are no
action (Tab, Enter on a row, Esc) follow, in words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

MENU_PATH = " › "


@dataclass(frozen=True)
class Shortcut:
    keys: str  # "Ctrl+F, /": every sequence of the action, as this platform writes them
    does: str  # "Find"
    where: str  # "Edit", "View › Columns", or "" for keys held outside the menus


def plain(text: str) -> str:
    """A menu text without its mnemonic marks ("&Find" -> "Find"; "&&" stays one "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def keys_text(sequences: Iterable[QKeySequence]) -> str:
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences if not s.isEmpty())


def window_shortcuts(window: QMainWindow) -> list[Shortcut]:
    """Every action with a key, in menu order first (an action in two menus: where met first)."""
    seen: set[int] = set()
    found: list[Shortcut] = []

    def add(action: QAction, where: str) -> None:
        if id(action) in seen or action.isSeparator():
            return
        seen.add(id(action))
        keys = keys_text(action.shortcuts())
        if keys:  # an action whose text changes (Disable/Enable link) names itself in whatsThis
            found.append(Shortcut(keys, action.whatsThis() or plain(action.text()), where))

    def walk(menu: QMenu, path: tuple[str, ...]) -> None:
        for action in menu.actions():
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                walk(submenu, (*path, plain(action.text())))
            else:
                add(action, MENU_PATH.join(path))

    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, (plain(top.text()),))
    # Held by the window or a widget but in no menu (a table's own Copy), and bare QShortcuts.
    for widget in (window, *window.findChildren(QWidget)):
        for action in widget.actions():
            add(action, "")
    for shortcut in window.findChildren(QShortcut):
        keys = keys_text(shortcut.keys())
        if keys:
            found.append(Shortcut(keys, shortcut.whatsThis() or shortcut.objectName(), ""))
    return found


def navigation_keys() -> list[Shortcut]:
    """The keys that are no action: moving around, opening a row, closing the drawer."""
    where = QCoreApplication.translate("Shortcuts", "Anywhere")
    rows = QCoreApplication.translate("Shortcuts", "Tables")
    return [
        Shortcut(
            QCoreApplication.translate("Shortcuts", "Tab, Shift+Tab"),
            QCoreApplication.translate("Shortcuts", "Next or previous control"),
            where,
        ),
        Shortcut(
            QCoreApplication.translate("Shortcuts", "Up, Down, Page Up, Page Down"),
            QCoreApplication.translate("Shortcuts", "Move through the rows"),
            rows,
        ),
        Shortcut(
            QCoreApplication.translate("Shortcuts", "Enter"),
            QCoreApplication.translate("Shortcuts", "Links: go to the selected link's actions"),
            rows,
        ),
        Shortcut(
            QCoreApplication.translate("Shortcuts", "Enter"),
            QCoreApplication.translate("Shortcuts", "Usages: open the usage in the drawer"),
            rows,
        ),
        Shortcut(
            QCoreApplication.translate("Shortcuts", "Enter"),
            QCoreApplication.translate("Shortcuts", "Payments: open the payment's link and the payment"),
            rows,
        ),
        Shortcut(
            QCoreApplication.translate("Shortcuts", "Menu, Shift+F10"),
            QCoreApplication.translate(
                "Shortcuts", "The row's menu (links: copy, disable or enable…; usages: copy)"
            ),
            rows,
        ),
        Shortcut(
            QCoreApplication.translate("Shortcuts", "Esc"),
            QCoreApplication.translate("Shortcuts", "Close the usage drawer"),
            where,
        ),
    ]


class ShortcutSheet(QDialog):
    """The shortcut sheet: keys, what they do, and where (the menu holding the same command)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.shortcuts = window_shortcuts(window)
        intro = QLabel(
            self.tr("Every command is also in a menu. / and ? work when the cursor is not in a text field.")
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(self.tr("Shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Does"), self.tr("Where")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        for shortcut in [*self.shortcuts, *navigation_keys()]:
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, text in enumerate((shortcut.keys, shortcut.does, shortcut.where)):
                item = QTableWidgetItem(text)
                if column == 0:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        rows = self.table.verticalHeader().length() + header.height()
        self.resize(max(560, header.length() + 40), min(720, rows + 140))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def listed_keys(self) -> list[str]:
        """The keys column as shown, top to bottom (tests compare it with the window's actions)."""
        items = (self.table.item(row, 0) for row in range(self.table.rowCount()))
        return [item.text() for item in items if item is not None]
