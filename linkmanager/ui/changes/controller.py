"""The Changes panel, the tray and their notices on the main window: `install_changes`.

After each sync (SyncController.ended, done or not) the kept reports are read again on a worker
(services.changes.load_digests): the panel shows the newest, and what the syncs since the last
reading brought is told once, grouped (ui.changes.notices), through the tray, or on the panel's
top line where the desktop has no tray. Reports kept before the window opened are never told.

"Keep syncing in the tray when the window is closed" (Settings, off by default): closing the
window from the desktop (its close button, Alt+F4) then hides it and the sync goes on; File >
Quit, the tray's Quit and a profile switch close it for real. They call close() themselves, so
they are told apart by Qt's "spontaneous" mark, which only the desktop's own close carries.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon

from linkmanager.domain.models import ensure_utc
from linkmanager.services.changes import load_digests
from linkmanager.services.changes_model import ChangeDigest
from linkmanager.ui.changes import prefs
from linkmanager.ui.changes.notices import Notice, NoticeBook, NoticeGroup, group, problems_text
from linkmanager.ui.changes.panel import ChangesDock
from linkmanager.ui.changes.tray import CallNotifier, Notifier, Tray
from linkmanager.ui.dialogs.message_box import translated

if TYPE_CHECKING:
    from linkmanager.ui.main_window import MainWindow

logger = logging.getLogger(__name__)

SHORTCUT = "Ctrl+Shift+H"  # "what happened": free in window_menus.py, window_keys.py and the controllers
KEPT_SYNCS = 100  # the syncs the panel can go back to (storage.sync_history keeps as many)
QUIET_SYNCS = 5  # read while the panel is closed: enough for the notices of syncs that came close together


class ChangesController(QObject):
    """Owns the panel, the tray icon, View > Changes and what has been told."""

    told = Signal(str, str)  # a notice group went out: title, text (whichever way it was shown)
    refreshed = Signal()  # the kept reports were read again and the panel shows them

    def __init__(
        self,
        window: MainWindow,
        settings: QSettings,
        *,
        tray_available: bool | None = None,  # None: ask the desktop
        quit_app: Callable[[], None] | None = None,  # the tray's Quit, after the window closed
    ) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._workspace = window._workspace
        self._runner = window._runner
        self._quit_app = quit_app or QCoreApplication.quit
        self._since: datetime | None = None  # reports kept before this were there before the window
        self._quitting = False
        self._sync_ended: tuple[str | None] | None = None  # a sync ended: its problem, until read
        self.book = NoticeBook()
        self.digests: list[ChangeDigest] = []

        self.dock = ChangesDock(window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.action = QAction(self.tr("&Changes"), window, shortcut=QKeySequence(SHORTCUT), checkable=True)
        self.action.setToolTip(self.tr("What the last syncs changed ({key})").format(key=SHORTCUT))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.toggled.connect(self._toggle)
        self.dock.visibilityChanged.connect(self._dock_shown)
        window.addAction(self.action)
        self.dock.link_chosen.connect(self.open_link)
        self.dock.payment_chosen.connect(window.open_payment)

        if tray_available is None:
            tray_available = QSystemTrayIcon.isSystemTrayAvailable()
        self.tray: Tray | None = None
        self.notifier: Notifier = CallNotifier(self.dock.show_notice)
        if tray_available:
            self.tray = Tray(_icon(window), window.windowTitle(), self)
            self.tray.show_requested.connect(self.show_window)
            self.tray.notice_clicked.connect(self.show_changes)
            self.tray.sync_requested.connect(window.sync.sync_now)
            self.tray.quit_requested.connect(self.quit)
            self.tray.set_visible(True)
            self.notifier = self.tray
        window.installEventFilter(self)
        window.sync.ended.connect(self.refresh)
        self._since = ensure_utc(self._workspace.now())

    # -- reading -----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """The kept reports again (a sync ended): their notices, and the sync's problem as it was
        at its end (kept until a reading answers: a newer reading replaces an older one)."""
        failure = self._window.sync.last_message
        problem = None
        if failure is not None:  # what happened; not the advice, whose "tries again at 00:12" moves
            problem = translated(failure).headline
        self._sync_ended = (problem,)
        self.read()

    def read(self) -> None:
        """The kept reports, on a worker: every one the panel can show while it is open, else a few."""
        cache, now = self._workspace.cache, self._workspace.now()
        journal = self._workspace.journal_entries
        last = KEPT_SYNCS if self.dock.isVisible() else QUIET_SYNCS
        self._runner.run(
            lambda: load_digests(cache, now, last=last, journal_entries=journal),
            self._on_digests,
            on_error=lambda error: logger.warning("The sync reports could not be read: %s", error),
            key="changes",
            owner=self,
        )

    def _on_digests(self, digests: list[ChangeDigest]) -> None:
        self.digests = digests
        self.dock.set_digests(digests)
        ended, self._sync_ended = self._sync_ended, None
        if ended is not None:  # opening the panel alone tells nothing
            self.tell(digests, ended[0])
        self.refreshed.emit()

    # -- telling -----------------------------------------------------------------------------------

    def tell(self, digests: list[ChangeDigest], failure: str | None = None) -> NoticeGroup | None:
        """Tell what the syncs not told yet brought (oldest first), and the sync's problem when new:
        `failure` (what stopped it), else the links the newest sync could not update."""
        kinds = prefs.enabled_kinds(self._settings)
        fresh = [d for d in reversed(digests) if d.sync_id not in self.book.told_syncs]
        notices: list[Notice] = []
        for digest in fresh:
            if self._since is not None and ensure_utc(digest.finished_at) < self._since:
                self.book.told_syncs.add(digest.sync_id)  # there before the window: old news
                continue
            notices += self.book.digest_notices(digest, kinds)
        problem = failure
        if problem is None and fresh:
            newest = fresh[-1]
            problem = problems_text(newest.problems) if newest.problems else None
        notices += self.book.problem_notices(problem, kinds)
        told = group(notices)
        if told is not None:
            self.notifier.show(told.title, told.text)
            self.told.emit(told.title, told.text)
        return told

    # -- the window --------------------------------------------------------------------------------

    def _toggle(self, shown: bool) -> None:
        if shown:
            self.show_changes()
        else:
            self.dock.hide()

    def _dock_shown(self, visible: bool) -> None:
        if self._window.isVisible() or visible:  # hiding the window to the tray keeps the choice
            self.action.setChecked(visible)
        if visible and len(self.digests) < KEPT_SYNCS:
            self.read()  # the older syncs, which a closed panel did not read

    def show_changes(self) -> None:
        """The window, raised, on the Changes panel (View > Changes, a notice clicked)."""
        self.show_window()
        self.dock.show()
        self.dock.raise_()
        self.dock.focus_first()

    def show_window(self) -> None:
        window = self._window
        if window.isMinimized() or not window.isVisible():
            window.showNormal()
        window.raise_()
        window.activateWindow()

    def open_link(self, link_id: str) -> None:
        self._window.show_view(0)
        self._window.show_link(link_id)

    def quit(self) -> None:
        """The tray's Quit: the window closes for real (its state saved, the sync stopped), then the app."""
        self._quitting = True  # the close below is for real, whatever the setting
        self._window.close()
        self._quit_app()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self._window and event.type() == QEvent.Type.Close:
            if self.hides_on_close(event):
                event.ignore()
                self._window.hide()
                return True  # the window's closeEvent (save, cancel the sync) is not run
            QTimer.singleShot(0, self._after_close)
        return super().eventFilter(watched, event)

    def hides_on_close(self, event: QEvent) -> bool:
        """Closed by the desktop, with the tray up and the setting on: hide and go on syncing."""
        if self.tray is None or self._quitting:
            return False
        return from_desktop(event) and prefs.close_to_tray(self._settings)

    def _after_close(self) -> None:
        if self.tray is not None and not self._window.isVisible():
            self.tray.set_visible(False)  # the window is gone (a profile switch, Quit): its icon too


def from_desktop(event: QEvent) -> bool:
    """The desktop sent it (a close button, Alt+F4), not a call to close(): Qt marks such events
    spontaneous, and only the platform can make one (tests stand in for it here)."""
    return event.spontaneous()


def _icon(window: MainWindow) -> QIcon:
    icon = window.windowIcon()
    if icon.isNull():
        icon = QApplication.windowIcon()
    if icon.isNull():  # a tray icon cannot be blank
        icon = window.style().standardIcon(QStyle.StandardPixmap.SP_ComputerIcon)
    return icon


def install_changes(
    window: MainWindow,
    settings: QSettings,
    *,
    tray_available: bool | None = None,
    quit_app: Callable[[], None] | None = None,
) -> ChangesController:
    """View > Changes (the panel, `controller.action`), the tray and its notices, on `window`.

    Call once the window's menus are made; put `controller.action` in the View menu."""
    return ChangesController(window, settings, tray_available=tray_available, quit_app=quit_app)
