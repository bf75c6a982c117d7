"""Link > "Disable selected links…" / "Enable selected links…" / "Select all links in this view".

The window's side of services.bulk_status: the plan is made from the selected rows, the
confirmation asks once (and checks the reason before any request), the run goes on a worker of
the window's TaskRunner with its progress relayed to the run dialog, and the table is read again
when it ends. One bulk run at a time; closing the window cancels it between two links.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from linkmanager.domain.status import LinkStatus
from linkmanager.services.actions import StatusChange
from linkmanager.services.bulk_status import (
    BulkPlan,
    BulkProgress,
    BulkResult,
    BulkRun,
    Outcome,
    new_batch_id,
    plan_bulk,
)
from linkmanager.services.workspace import Workspace
from linkmanager.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from linkmanager.ui.bulk.confirm_dialog import BulkConfirmDialog
    from linkmanager.ui.bulk.run_dialog import BulkRunDialog
    from linkmanager.ui.main_window import MainWindow

logger = logging.getLogger(__name__)

KEYS = {"disable": "Ctrl+Shift+X", "enable": "Ctrl+Shift+E", "select_all": "Ctrl+Shift+A"}
NOTICE_MS = 8000


class _ProgressRelay(QObject):
    """Lives on the GUI thread; the run's worker calls report(), which only emits (queued to the dialog)."""

    progressed = Signal(object)

    def report(self, step: BulkProgress) -> None:
        self.progressed.emit(step)


class BulkController(QObject):
    """The bulk actions of one window; `finished(result)` after each run, the table reloaded."""

    finished = Signal(object)  # BulkResult

    def __init__(self, window: MainWindow, workspace: Workspace, runner: TaskRunner) -> None:
        super().__init__(window)
        self._window = window
        self._workspace = workspace
        self._runner = runner
        self._online = True
        self._cancel = threading.Event()
        self._plan: BulkPlan | None = None
        self._reason = ""
        self._batch = ""
        self.confirm_dialog: BulkConfirmDialog | None = None
        self.run_dialog: BulkRunDialog | None = None
        # Where an export goes: the save dialog, or a test's path ("" = not chosen).
        self.ask_export_path: Callable[[str], str] = self._ask_export_path
        self._relay = _ProgressRelay(self)

        self.disable_action = self._action(self.tr("Disable selected &links…"), KEYS["disable"])
        self.disable_action.setToolTip(self.tr("Disable every selected link, after one confirmation"))
        self.disable_action.triggered.connect(lambda: self.start(LinkStatus.DISABLED))
        self.enable_action = self._action(self.tr("Enable selected li&nks…"), KEYS["enable"])
        self.enable_action.setToolTip(self.tr("Enable every selected link, after one confirmation"))
        self.enable_action.triggered.connect(lambda: self.start(LinkStatus.ACTIVE))
        self.select_all_action = self._action(self.tr("Select all links in this &view"), KEYS["select_all"])
        self.select_all_action.setToolTip(self.tr("Select every link the current tab and search show"))
        self.select_all_action.triggered.connect(self.select_all)

        selection = window.table.selectionModel()
        selection.selectionChanged.connect(self.update_actions)
        window.model.modelReset.connect(self.update_actions)
        window.views.currentChanged.connect(self.update_actions)
        window.sync.online_changed.connect(self.set_online)
        window.installEventFilter(self)
        self.update_actions()

    def _action(self, text: str, key: str) -> QAction:
        action = QAction(text, self._window, shortcut=QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self._window.addAction(action)
        return action

    @property
    def actions(self) -> list[QAction]:
        """For the Link menu and the links' row menu, in this order."""
        return [self.select_all_action, self.disable_action, self.enable_action]

    @property
    def running(self) -> bool:
        return self._runner.busy("bulk")

    # -- states ------------------------------------------------------------------------------------

    def set_online(self, online: bool, _reason: str = "") -> None:
        self._online = online
        self.update_actions()

    def update_actions(self, *_: object) -> None:
        links_shown = self._window.pages.currentIndex() == 0
        chosen = self._window.table.selectionModel().hasSelection()
        can_act = links_shown and chosen and self._online and not self.running
        self.disable_action.setEnabled(can_act)
        self.enable_action.setEnabled(can_act)
        self.select_all_action.setEnabled(links_shown)

    def select_all(self) -> None:
        """Every row the table shows: the current status tab and search, nothing hidden by them."""
        self._window.table.selectAll()
        self._window.table.setFocus()

    # -- confirming --------------------------------------------------------------------------------

    def start(self, target: LinkStatus) -> BulkConfirmDialog | None:
        """The confirmation for the selected links (none when nothing is selected or a run goes on)."""
        from linkmanager.ui.bulk.confirm_dialog import BulkConfirmDialog

        links = self._window.selected_links()
        if not links or self.running:
            return None
        zone = datetime.now().astimezone().tzinfo
        plan = plan_bulk(links, target, self._workspace.now(), zone)
        dialog = BulkConfirmDialog(
            self._window, plan, reason_required=self._workspace.reason_required(target)
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.confirmed.connect(lambda reason: self.run(plan, reason))
        self.confirm_dialog = dialog
        dialog.open()
        return dialog

    # -- running -----------------------------------------------------------------------------------

    def run(self, plan: BulkPlan, reason: str) -> None:
        """Run a confirmed plan (its reason already checked) in the background, shown in the run dialog."""
        from linkmanager.ui.bulk.run_dialog import BulkRunDialog

        self._plan, self._reason, self._batch = plan, reason, new_batch_id()
        dialog = BulkRunDialog(self._window, plan)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.cancel_requested.connect(self.cancel)
        dialog.rejected.connect(self.cancel)  # closed while running: the rest is not attempted
        dialog.retry_requested.connect(self.retry_failed)
        dialog.copy_requested.connect(self.copy_result)
        dialog.export_requested.connect(self.export_result)
        self._relay = _ProgressRelay(dialog)  # one per dialog: an older result dialog hears nothing new
        self._relay.progressed.connect(dialog.show_progress)
        self.run_dialog = dialog
        dialog.open()
        self._start(plan, first=True)

    def _start(self, plan: BulkPlan, *, first: bool = False) -> None:
        self._cancel = cancel = threading.Event()
        workspace, target, reason, batch = self._workspace, plan.target, self._reason, self._batch

        def change(link_id: str) -> StatusChange:
            return workspace.set_status(link_id, target, reason=reason, batch=batch)

        def status_now(link_id: str) -> LinkStatus | None:
            cached = workspace.link(link_id)
            return workspace.status_of(cached) if cached is not None else None

        bulk = BulkRun(plan, change, cancel=cancel, progress=self._relay.report, status_now=status_now)

        def work() -> BulkResult:
            if first:  # the links left out are journalled once, under the action they belong to
                for item in plan.skipped:
                    before = item.status.value if item.status is not None else None
                    workspace.actions.journal_skipped(
                        item.link_id, target, before, item.why, reason=reason, batch=batch
                    )
            return bulk.run()

        self._runner.run(work, self._on_done, self._on_failed, key="bulk", owner=self)
        self.update_actions()

    def cancel(self) -> None:
        self._cancel.set()

    def retry_failed(self) -> None:
        """The failed links of the last run, once more, with the same reason and batch."""
        dialog = self._dialog()
        if dialog is None or dialog.bulk_result is None or self._plan is None or self.running:
            return
        failed = dialog.bulk_result.failed_ids()
        if not failed:
            return
        plan = self._plan.only(failed)
        dialog.start(plan)
        self._start(plan)

    def _dialog(self) -> BulkRunDialog | None:
        """The run dialog, unless it was closed (and so deleted) meanwhile."""
        dialog = self.run_dialog
        return dialog if dialog is not None and shiboken6.isValid(dialog) else None

    def _on_done(self, result: BulkResult) -> None:
        dialog = self._dialog()
        if dialog is not None:
            dialog.show_result(result)
        counts = result.counts()
        # Said in the status bar too: the dialog may have been closed while the run went on.
        said = self.tr("Bulk change finished: {done} changed, {skipped} skipped, {failed} failed.")
        self._notice(
            said.format(
                done=counts[Outcome.DONE], skipped=counts[Outcome.SKIPPED], failed=counts[Outcome.FAILED]
            )
        )
        self._after_run()
        self.finished.emit(result)

    def _on_failed(self, error: BaseException) -> None:
        logger.warning("Bulk run stopped: %s", error, exc_info=error)
        dialog = self._dialog()
        if dialog is not None:
            said = self.tr("The run stopped: {error}. Links not listed as done were not changed.")
            dialog.show_error(said.format(error=error))
        self._after_run()

    def _after_run(self) -> None:
        self._window.reload()  # what Lean answered is in the cache: the table shows it
        self.update_actions()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self._window and event.type() == QEvent.Type.Close:
            self.cancel()  # the window closes: the run stops between two links
        return False

    # -- the result, kept ----------------------------------------------------------------------------

    def copy_result(self) -> None:
        from linkmanager.services.bulk_report import result_text

        dialog = self._dialog()
        if dialog is not None and dialog.bulk_result is not None:
            QGuiApplication.clipboard().setText(result_text(dialog.bulk_result))
            self._notice(self.tr("The list of links was copied."))

    def export_result(self) -> None:
        from linkmanager.services.bulk_report import export_result

        dialog = self._dialog()
        result = dialog.bulk_result if dialog is not None else None
        if result is None:
            return
        stem = "disabled-links" if result.target == LinkStatus.DISABLED else "enabled-links"
        chosen = self.ask_export_path(f"{stem}-{datetime.now().astimezone().date().isoformat()}.csv")
        if not chosen:
            return
        path = Path(chosen if chosen.lower().endswith(".csv") else chosen + ".csv")
        info, zone, now = self._workspace.info, datetime.now().astimezone().tzinfo, self._workspace.now()
        assert zone is not None
        self._runner.run(
            lambda: export_result(
                path, result, profile=info.name, environment=info.environment, zone=zone, now=now
            ),
            lambda _: self._notice(self.tr("Saved {path}").format(path=path)),
            self._export_failed,
            owner=self,
        )

    def _ask_export_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self._dialog() or self._window,
            self.tr("Export the list of links"),
            suggested,
            self.tr("CSV for Excel") + " (*.csv)",
        )
        return path

    def _export_failed(self, error: BaseException) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Export failed"),
            str(error),
            QMessageBox.StandardButton.Ok,
            self._dialog() or self._window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _notice(self, text: str) -> None:
        self._window.statusBar().showMessage(text, NOTICE_MS)


def install_bulk_actions(window: MainWindow) -> BulkController:
    """The bulk actions in `window`: in its Link menu (after Disable/Enable and Duplicate) and with
    their keys; the links' row menu takes `controller.actions` (see window_menus.row_menu)."""
    controller = BulkController(window, window._workspace, window._runner)
    menu = _link_menu(window)
    if menu is not None:
        entries = menu.actions()
        duplicate = window.creating.duplicate_action
        after = entries.index(duplicate) + 1 if duplicate in entries else len(entries)
        before = entries[after] if after < len(entries) else None  # the separator after the group
        separator = QAction(menu)
        separator.setSeparator(True)
        if before is None:
            menu.addActions([separator, *controller.actions])
        else:
            menu.insertActions(before, [separator, *controller.actions])
    return controller


def _link_menu(window: MainWindow) -> QMenu | None:
    """The menu bar's Link menu, found by the action it holds, whatever the language."""
    toggle = window.detail.link_actions.toggle
    for entry in window.menuBar().actions():
        menu = entry.menu()
        if isinstance(menu, QMenu) and toggle in menu.actions():
            return menu
    return None
