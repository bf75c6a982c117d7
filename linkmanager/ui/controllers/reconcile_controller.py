"""File > Reconcile bank statement…: choose a statement, say its columns, check the proposed matches.

The flow: a CSV or XLSX file (the last folder remembered when the window gives its settings), the
columns dialog (the bank's remembered ones filled in), then the statement read and matched on the
runner (a million lines take seconds: never on the GUI thread), then the result window. Every cache
call and the export go through services.reconcile_export on the runner; the dialogs only show and ask.
A sync that may have changed the payments matches the open statement again (its lines are kept in
memory: the file is not read again) and updates the result window in place, the user's checks,
rejections and selection kept; the window says when.

Cheap to import: the dialogs and the services load with the first use, not with the window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QStandardPaths
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QWidget

from linkmanager.services.workspace import Workspace
from linkmanager.ui.tasks import TaskRunner
from linkmanager.ui.text import LEFT_TO_RIGHT, isolated

if TYPE_CHECKING:
    from linkmanager.services.matching import Confirmed, Proposal
    from linkmanager.services.reconcile_export import Reconciliation
    from linkmanager.services.sync_report import SyncReport
    from linkmanager.ui.dialogs.reconcile_mapping import ReadRequest, ReconcileMappingDialog
    from linkmanager.ui.dialogs.reconcile_result import ReconcileResultDialog

log = logging.getLogger(__name__)

_FOLDER, _EXPORT_FOLDER = "reconcile/folder", "reconcile/export_folder"
_BANK, _CURRENCY = "reconcile/bank", "reconcile/default_currency"


def _sentence(error: BaseException, doing: str) -> str:
    """A refusal's own sentence; anything unforeseen logged with its traceback, said in general."""
    from linkmanager.services.reconcile_export import ReconcileError
    from linkmanager.services.statement import StatementError

    if isinstance(error, StatementError | ReconcileError):
        return str(error)
    log.error("Reconciliation: could not %s", doing, exc_info=error)
    return QCoreApplication.translate(
        "ReconcileController", "Could not {doing} ({kind}); nothing was changed."
    ).format(doing=doing, kind=type(error).__name__)


class ReconcileController(QObject):
    """Owns `action` (the lead puts it in the File menu) and the two dialogs it opens.

    open_payment(link_id, usage_id): show that payment's link with the usage in the drawer.
    settings: where the last folders, bank and default currency are remembered (None: nowhere).
    zone: the days' zone for matching (None: the workstation's, as the command line counts them).
    """

    def __init__(
        self,
        workspace: Workspace,
        runner: TaskRunner,
        window: QWidget,
        *,
        open_payment: Callable[[str, str], None] | None = None,
        settings: QSettings | None = None,
        zone: Callable[[], tzinfo] | None = None,
    ) -> None:
        super().__init__(window)
        self._workspace = workspace
        self._runner = runner
        self._window = window
        self._open_payment = open_payment
        self._settings = settings
        self._zone = zone
        self.mapping_dialog: ReconcileMappingDialog | None = None
        self.result_dialog: ReconcileResultDialog | None = None
        self._sync_report: SyncReport | None = None  # between SyncController.synced and .ended
        self._missed_sync: datetime | None = None  # a sync ended while a statement was being read

        self.action = QAction(self.tr("Reconcile bank &statement…"), self)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.action.setToolTip(
            self.tr(
                "Match a bank statement (CSV or Excel) to the collected payments, then confirm the matches"
            )
        )
        self.action.setStatusTip(self.action.toolTip())
        self.action.triggered.connect(self.start)

    # -- the flow ----------------------------------------------------------------------------------

    def start(self) -> None:
        path = self.choose_statement()
        if path:
            self.open_mapping(path)

    def choose_statement(self) -> str | None:
        """Ask for the statement file; None when the user cancels."""
        folder = self._setting(_FOLDER) or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DownloadLocation
        )
        path, _ = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Choose a bank statement"),
            folder,
            self.tr("Bank statements") + " (*.csv *.xlsx);;" + self.tr("All files") + " (*)",
        )
        return path or None

    def open_mapping(self, path: str) -> ReconcileMappingDialog:
        """The columns dialog for `path`; the banks the cache remembers arrive from the runner."""
        from linkmanager.services.reconcile_export import bank_formats
        from linkmanager.services.statement_titles import statement_titles
        from linkmanager.ui.dialogs.reconcile_mapping import ReconcileMappingDialog

        if self.mapping_dialog is not None:
            self.mapping_dialog.reject()
        dialog = ReconcileMappingDialog(Path(path).name, self._window)
        dialog.set_default_currency(self._setting(_CURRENCY))
        dialog.read_requested.connect(lambda request: self._read(dialog, Path(path), request))
        dialog.finished.connect(lambda _: self._mapping_closed(dialog))
        self.mapping_dialog = dialog
        dialog.open()
        cache = self._workspace.cache
        self._runner.run(
            lambda: bank_formats(cache),
            lambda banks: dialog.set_banks(banks, self._setting(_BANK)),
            lambda error: log.warning("Could not read the banks' columns: %s", error),
            owner=dialog,
        )
        self._runner.run(  # the file's own titles, offered in each column field
            lambda: statement_titles(Path(path)),
            dialog.set_titles,
            lambda error: log.info("No column titles offered for the statement: %s", error),
            owner=dialog,
        )
        return dialog

    def _mapping_closed(self, dialog: ReconcileMappingDialog) -> None:
        if self.mapping_dialog is dialog:
            self.mapping_dialog = None
        dialog.deleteLater()  # a read still running is then dropped (its owner is gone)

    def _read(self, dialog: ReconcileMappingDialog, path: Path, request: ReadRequest) -> None:
        from linkmanager.services.reconcile_export import read_and_match

        dialog.set_busy(True)
        cache, zone = self._workspace.cache, self._zone
        bank = request.bank if request.remember else None

        def work() -> Reconciliation:
            return read_and_match(
                cache,
                path,
                request.mapping,
                default_currency=request.default_currency,
                bank=bank,
                zone=zone() if zone is not None else None,
            )

        def done(reconciliation: Reconciliation) -> None:
            dialog.set_busy(False)
            if not dialog.isVisible():  # cancelled meanwhile
                return
            self._remember(_FOLDER, str(path.parent))
            self._remember(_BANK, request.bank)
            self._remember(_CURRENCY, request.default_currency or "")
            dialog.accept()
            self.show_result(reconciliation)
            missed, self._missed_sync = self._missed_sync, None
            if missed is not None:  # the read may have looked at the cache before the sync wrote
                self.refresh(missed)

        def failed(error: BaseException) -> None:
            dialog.set_busy(False)
            dialog.show_error(_sentence(error, self.tr("read the statement")))

        self._runner.run(work, done, failed, key="reconcile read", owner=dialog)

    def show_result(self, reconciliation: Reconciliation) -> ReconcileResultDialog:
        """The result window (one, reused for the next statement), raised."""
        from linkmanager.ui.dialogs.reconcile_result import ReconcileResultDialog

        dialog = self.result_dialog
        if dialog is None:
            dialog = self.result_dialog = ReconcileResultDialog(self._window)
            dialog.confirm_requested.connect(self._confirm)
            dialog.undo_requested.connect(self._undo)
            dialog.export_requested.connect(self._export)
            dialog.payment_requested.connect(self._show_payment)
        dialog.set_reconciliation(reconciliation, fresh=True)
        dialog.set_read_only(self._workspace.read_only())
        dialog.show_status(reconciliation.note or "")
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.proposals_table.setFocus()
        return dialog

    # -- after a sync ----------------------------------------------------------------------------------

    def sync_finished(self, report: SyncReport) -> None:
        """SyncController.synced: a sync ran to its end; sync_ended (emitted next) reads its report."""
        self._sync_report = report

    def sync_ended(self) -> None:
        """SyncController.ended, after every sync: one that ran to its end without a payment's change
        leaves the result as it is; any other (a failed or cancelled one may have stored some links)
        matches the statement again, and the window changes only if its result did."""
        report, self._sync_report = self._sync_report, None
        if report is not None and not (report.new_usages or report.usage_changes or report.links_added):
            return
        when = (report.finished_at if report is not None else None) or self._workspace.now()
        if self._runner.busy("reconcile read"):
            self._missed_sync = when
        self.refresh(when)

    def refresh(self, synced_at: datetime) -> None:
        """Match the shown statement again against the cache (on the runner) and show the answer in
        place with a note, unless the window went on meanwhile (a confirm, an undo, another statement:
        those answers are newer) or nothing it shows changed."""
        from linkmanager.services.reconcile_export import rematch_if_changed

        dialog, cache = self.result_dialog, self._workspace.cache
        done = dialog.reconciliation() if dialog is not None else None
        if dialog is None or done is None or not dialog.isVisible():
            return

        def refreshed(now: Reconciliation | None) -> None:
            if now is None or dialog.reconciliation() is not done:
                return
            dialog.set_reconciliation(now)
            at = f"{synced_at.astimezone(done.zone):%H:%M}"
            dialog.show_status(self.tr("Updated after the sync at {time}.").format(time=at))

        self._runner.run(
            lambda: rematch_if_changed(cache, done),
            refreshed,
            lambda error: log.warning("Could not match the statement again after a sync: %s", error),
            key="reconcile refresh",
            owner=dialog,
        )

    # -- what the result window asks -----------------------------------------------------------------

    def _confirm(self, chosen: list[Proposal]) -> None:
        from linkmanager.services.reconcile_export import confirm_proposals

        dialog, cache = self.result_dialog, self._workspace.cache
        done = dialog.reconciliation() if dialog is not None else None
        if dialog is None or done is None:
            return

        def stored(answer: tuple[int, Reconciliation]) -> None:
            count, now = answer
            dialog.set_busy(False)
            dialog.set_reconciliation(now)
            dialog.show_status(self.tr("Stored %Ln matches.", "", count))

        dialog.set_busy(True)
        self._runner.run(
            lambda: confirm_proposals(cache, done, chosen),
            stored,
            lambda error: self._failed(error, self.tr("store the matches")),
            key="reconcile store",
            owner=dialog,
        )

    def _undo(self, match: Confirmed) -> None:
        from linkmanager.services.reconcile_export import undo_match

        dialog, cache = self.result_dialog, self._workspace.cache
        done = dialog.reconciliation() if dialog is not None else None
        if dialog is None or done is None:
            return

        def undone(answer: tuple[bool, Reconciliation]) -> None:
            forgotten, now = answer
            dialog.set_busy(False)
            dialog.set_reconciliation(now)
            line = f"{match.line.line:,}"
            if forgotten:
                dialog.show_status(self.tr("The match of line {line} was undone.").format(line=line))
            else:
                dialog.show_status(self.tr("Line {line} was no longer matched.").format(line=line))

        dialog.set_busy(True)
        self._runner.run(
            lambda: undo_match(cache, done, match.usage_key),
            undone,
            lambda error: self._failed(error, self.tr("undo the match")),
            key="reconcile store",
            owner=dialog,
        )

    def _export(self) -> None:
        from linkmanager.services.reconcile_export import export_reconciliation

        dialog, workspace = self.result_dialog, self._workspace
        done = dialog.reconciliation() if dialog is not None else None
        if dialog is None or done is None:
            return
        path = self.choose_export_path(Path(done.statement.name).stem)
        if path is None:
            return
        result = dialog.shown_result()  # as shown: this session's rejections are unmatched

        def written(rows: int) -> None:
            dialog.set_busy(False)
            text = self.tr("Wrote %Ln row(s) to {path}.", "", rows).format(path=isolated(str(path)))
            dialog.show_status(LEFT_TO_RIGHT + text)

        dialog.set_busy(True)
        self._runner.run(
            lambda: export_reconciliation(
                workspace.cache,
                path,
                done,
                result,
                profile=workspace.info.name,
                environment=workspace.info.environment,
                now=workspace.now(),
            ),
            written,
            lambda error: self._failed(error, self.tr("export the reconciliation")),
            key="reconcile export",
            owner=dialog,
        )

    def choose_export_path(self, stem: str) -> Path | None:
        """Where to export; the suffix follows the chosen type when the name has none."""
        folder = self._setting(_EXPORT_FOLDER) or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        xlsx, csv = self.tr("Excel workbook") + " (*.xlsx)", self.tr("CSV file") + " (*.csv)"
        parent = self.result_dialog or self._window
        path, chosen = QFileDialog.getSaveFileName(
            parent,
            self.tr("Export reconciliation"),
            str(Path(folder) / f"reconciliation-{stem}.xlsx"),
            f"{xlsx};;{csv}",
        )
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() not in (".csv", ".xlsx"):
            target = target.with_name(target.name + (".csv" if chosen == csv else ".xlsx"))
        self._remember(_EXPORT_FOLDER, str(target.parent))
        return target

    def _failed(self, error: BaseException, doing: str) -> None:
        if self.result_dialog is not None:
            self.result_dialog.set_busy(False)
            self.result_dialog.show_status(_sentence(error, doing), error=True)

    def _show_payment(self, link_id: str, usage_id: str) -> None:
        if self._open_payment is not None:
            self._open_payment(link_id, usage_id)

    # -- settings ------------------------------------------------------------------------------------

    def _setting(self, key: str) -> str:
        value = self._settings.value(key) if self._settings is not None else None
        return value if isinstance(value, str) else ""

    def _remember(self, key: str, value: str) -> None:
        if self._settings is not None:
            self._settings.setValue(key, value)
