"""Background sync: on start, every N minutes, on F5; single-flight, cancellable, offline-aware.

The engine's progress callback runs on worker threads, so it only emits a signal of a relay
object living on the GUI thread; Qt queues it to the status bar's bound slot.

What stopped a sync is said in the status bar through the message catalogue (services.messages):
offline with its reason and the next try, "Sync interrupted — 120 of 300 links updated…",
credentials refused. The messages' buttons come back here: Retry syncs now, "Edit profile…" is
passed on as `edit_profile_requested(name)` for the Profile menu that owns the editor.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from linkmanager.services.messages import Action, MessageContext, UserMessage, keyring_help, message_for
from linkmanager.services.sync import SyncCancelled
from linkmanager.services.workspace import SyncProgress, SyncReport, SyncState, Workspace, is_unreachable
from linkmanager.ui.tasks import TaskRunner
from linkmanager.ui.text import isolated
from linkmanager.ui.widgets.status_bar import StatusBar

logger = logging.getLogger(__name__)

OFFLINE_RETRY_MS = (15_000, 30_000, 60_000, 120_000)  # quiet retries while Lean cannot be reached


class _ProgressRelay(QObject):
    """Lives on the GUI thread; worker threads call report(), which only emits."""

    progressed = Signal(object)

    def report(self, progress: SyncProgress) -> None:
        self.progressed.emit(progress)


class SyncController(QObject):
    """Owns the sync timer, the cancel flag and the online/offline state."""

    synced = Signal(object)  # SyncReport, after the cache was updated
    ended = Signal()  # after every sync, done or not: what the cache holds may have changed
    online_changed = Signal(bool, str)  # online?, reason when offline ("connection refused")
    first_sync_finished = Signal()
    edit_profile_requested = Signal(str)  # a message's "Edit profile…": the profile's name

    def __init__(
        self, workspace: Workspace, runner: TaskRunner, status_bar: StatusBar, parent: QObject
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._runner = runner
        self._status = status_bar
        self._cancel = threading.Event()
        self._online = True
        self._offline_tries = 0
        self._first_done = False
        self._synced_once = False
        self.last_message: UserMessage | None = None  # what the last failed sync said
        self._relay = _ProgressRelay(self)
        self._relay.progressed.connect(self._status.set_progress)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.sync_now)
        self._timer.setInterval(max(1, workspace.info.sync_interval_minutes) * 60_000)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self.sync_now)
        status_bar.sync_requested.connect(self.sync_now)
        status_bar.cancel_requested.connect(self.cancel)
        status_bar.message_action.connect(self.do_action)

    @property
    def online(self) -> bool:
        return self._online

    @property
    def running(self) -> bool:
        return self._runner.busy("sync")

    def start(self) -> None:
        # A cache read: on a worker, never on the GUI thread (a busy cache can hold it for seconds).
        self._runner.run(self._workspace.sync_state, self._on_sync_state, key="sync-state", owner=self)
        reason = self._workspace.read_only()
        if reason is not None:
            # Reads work; a sync could store nothing: say so once, and do not try on a timer.
            tip = self.tr(
                "This profile's offline cache is read-only ({reason}): it shows what it holds, but "
                "nothing can be synced into it. Copy it to a folder you can write to."
            ).format(reason=reason)
            self._status.sync_button.setEnabled(False)
            self._status.sync_button.setToolTip(tip)
            self._status.showMessage(
                self.tr("Read-only cache: syncing is off ({reason}).").format(reason=reason)
            )
            self._first()
            return
        self._timer.start()
        self.sync_now()

    def sync_now(self) -> None:
        if self._runner.busy("sync"):
            return  # single-flight: F5 during a sync does nothing
        self._cancel = threading.Event()
        cancel = self._cancel
        relay = self._relay
        workspace = self._workspace

        def work() -> SyncReport:
            return workspace.sync(progress=relay.report, cancel=cancel)

        self._status.set_progress(SyncProgress(0, None, 0, None))
        self._runner.run(work, self._on_synced, self._on_failed, key="sync", owner=self)

    def cancel(self) -> None:
        self._cancel.set()

    def _on_sync_state(self, state: SyncState) -> None:
        if not self._synced_once:  # a sync that finished first knows better
            self._status.set_last_synced(state.last_full_sync)

    def _on_synced(self, report: SyncReport) -> None:
        self._synced_once = True
        self.last_message = None
        self._status.set_progress(None)
        self._status.set_last_synced(report.finished_at)
        self._set_online(True)
        self.synced.emit(report)
        self.ended.emit()
        self._first()

    def _on_failed(self, error: BaseException) -> None:
        self._status.set_progress(None)
        if isinstance(error, SyncCancelled):
            self._status.showMessage(self.tr("Sync cancelled; everything cached before is kept."), 8000)
        elif is_unreachable(error):
            delay = OFFLINE_RETRY_MS[min(self._offline_tries, len(OFFLINE_RETRY_MS) - 1)]
            self._offline_tries += 1
            next_try = self._workspace.now() + timedelta(milliseconds=delay)
            self.last_message = message_for(error, self.context(next_try))
            self._retry.start(delay)
            self._set_online(False, self.last_message)
        else:
            logger.warning("Sync failed: %s", error)
            self.last_message = message = message_for(error, self.context())
            if message.answered:  # Lean can be reached: it answered, though not as hoped
                self._set_online(True, message)
            else:  # the keyring, the cache: the connection is as it was, the bar says what is wrong
                self._status.show_message(message)
        self.ended.emit()
        self._first()

    def context(self, next_try: datetime | None = None) -> MessageContext:
        """Whom messages are about: the open profile, its environment, when the next try is."""
        info = self._workspace.info
        return MessageContext(info.name, info.environment, next_try=next_try, isolate=isolated)

    def _set_online(self, online: bool, message: UserMessage | None = None) -> None:
        was = self._online
        self._online = online
        if online:
            self._offline_tries = 0
            self._retry.stop()
        self._status.show_message(message)
        if online and not was and message is None:
            self._status.showMessage(self.tr("Back online: Lean can be reached again."), 8000)
        if was != online:
            shown = self._status.message()  # in the interface's language
            self.online_changed.emit(online, shown.reason if shown is not None and not online else "")

    # -- the messages' buttons -------------------------------------------------------------------

    def do_action(self, message: object) -> None:
        """What a message's button does: Retry, Edit profile…, Keyring help, Open data folder."""
        if not isinstance(message, UserMessage):
            return
        if message.action is Action.RETRY:
            self.sync_now()
        elif message.action is Action.EDIT_PROFILE:
            self.edit_profile_requested.emit(message.profile or self._workspace.info.name)
        elif message.action is Action.OPEN_KEYRING_HELP:
            self._status.open_message_box(keyring_help(self.context()))
        elif message.action is Action.OPEN_DATA_FOLDER and message.path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(message.path))

    def _first(self) -> None:
        if not self._first_done:
            self._first_done = True
            self.first_sync_finished.emit()
