"""The tray icon: its menu (Show LinkManager, Sync now, Quit) and the seam notices go through.

A `Notifier` shows one message; the tray's shows it as a desktop notification. Tests, and a
desktop without a tray, use another (the Changes panel's line, a recorder): QSystemTrayIcon
cannot be observed, and on such desktops it shows nothing at all.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

NOTICE_MS = 10_000  # how long the desktop shows a notice (a hint: many desktops decide themselves)


class Notifier(Protocol):
    def show(self, title: str, text: str) -> None: ...


class Tray(QObject):
    """The window's icon in the tray, while the desktop has one."""

    show_requested = Signal()  # the icon clicked, or "Show LinkManager"
    notice_clicked = Signal()  # a notice clicked: the window opens on the Changes panel
    sync_requested = Signal()
    quit_requested = Signal()

    def __init__(self, icon: QIcon, tooltip: str, parent: QObject) -> None:
        super().__init__(parent)
        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setToolTip(tooltip)
        self.menu = QMenu()  # no parent widget: a tray menu belongs to no window
        self.show_action = QAction(self.tr("&Show LinkManager"), self)
        self.sync_action = QAction(self.tr("S&ync now"), self)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.show_action.triggered.connect(self.show_requested)
        self.sync_action.triggered.connect(self.sync_requested)
        self.quit_action.triggered.connect(self.quit_requested)
        self.menu.addAction(self.show_action)
        self.menu.addAction(self.sync_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self.notice_clicked)
        self.destroyed.connect(self.menu.deleteLater)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.show_requested.emit()

    def show(self, title: str, text: str) -> None:
        """A desktop notification (the Notifier seam)."""
        self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, NOTICE_MS)

    def set_visible(self, visible: bool) -> None:
        self.icon.setVisible(visible)


class CallNotifier:
    """A Notifier made of a function: the Changes panel's line, where the desktop has no tray."""

    def __init__(self, shown: Callable[[str, str], None]) -> None:
        self._shown = shown

    def show(self, title: str, text: str) -> None:
        self._shown(title, text)
