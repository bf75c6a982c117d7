"""Background sync: on start, every N minutes, on F5; single-flight, cancellable, offline-aware.

The engine's progress callback runs on worker threads, so it only emits a signal of a relay
object living on the GUI thread; Qt queues it to the status bar's bound slot.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, QTimer, Signal

from linkmanager.services.sync import SyncCancelled
from linkmanager.services.workspace import SyncProgress, SyncReport, SyncState, Workspace, is_unreachable
from linkmanager.ui.tasks import TaskRunner
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
    online_changed = Signal(bool, str)  # online?, reason when offline
    first_sync_finished = Signal()

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
                "This profile's offline cache is read-only ({0}): it shows what it holds, but "
                "nothing can be synced into it. Copy it to a folder you can write to."
            ).format(reason)
            self._status.sync_button.setEnabled(False)
            self._status.sync_button.setToolTip(tip)
            self._status.showMessage(self.tr("Read-only cache: syncing is off ({0}).").format(reason))
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
        self._status.set_progress(None)
        self._status.set_last_synced(report.finished_at)
        self._set_online(True)
        self.synced.emit(report)
        self.ended.emit()
        self._first()

    def _on_failed(self, error: BaseException) -> None:
        self._status.set_progress(None)
        if isinstance(error, SyncCancelled):
            self._status.showMessage("Sync cancelled; everything cached before is kept.", 8000)
        elif is_unreachable(error):
            self._set_online(False, str(getattr(error, "cause", error)))
            delay = OFFLINE_RETRY_MS[min(self._offline_tries, len(OFFLINE_RETRY_MS) - 1)]
            self._offline_tries += 1
            self._retry.start(delay)
        else:
            logger.warning("Sync failed: %s", error)
            self._status.showMessage(f"Sync failed: {error}", 15_000)
        self.ended.emit()
        self._first()

    def _set_online(self, online: bool, reason: str = "") -> None:
        was = self._online
        self._online = online
        if online:
            self._offline_tries = 0
            self._retry.stop()
        self._status.set_online(online, reason)
        if online and not was:
            self._status.showMessage("Back online: Lean can be reached again.", 8000)
        if was != online:
            self.online_changed.emit(online, reason)

    def _first(self) -> None:
        if not self._first_done:
            self._first_done = True
            self.first_sync_finished.emit()
