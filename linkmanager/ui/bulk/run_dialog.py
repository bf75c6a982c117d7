"""A bulk run as it goes, and its result: every link with what became of it, done, skipped, failed.

While the run goes, a progress bar and Cancel (the link being changed finishes; the rest are
not attempted). When it ends, the same list says for each link Lean's answer or why it was
skipped, with Retry failed, Copy list and Export as CSV. The dialog holds no logic: the
controller (ui.bulk.controller) starts runs and answers its buttons' signals.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from linkmanager.domain.status import LinkStatus
from linkmanager.services.bulk_report import detail_text, outcome_text, status_text
from linkmanager.services.bulk_status import BulkEntry, BulkPlan, BulkProgress, BulkResult, Outcome
from linkmanager.ui.bulk.confirm_dialog import plain_label
from linkmanager.ui.bulk.link_list import DETAIL, OUTCOME, STATUS, fill_items, make_link_list, set_cell

WIDTH = 760


class BulkRunDialog(QDialog):
    """Progress, then the result; its buttons are signals for the controller."""

    cancel_requested = Signal()
    retry_requested = Signal()
    copy_requested = Signal()
    export_requested = Signal()

    def __init__(self, parent: QWidget | None, plan: BulkPlan) -> None:
        super().__init__(parent)
        self.bulk_result: BulkResult | None = None
        self._target = plan.target
        disabling = plan.target == LinkStatus.DISABLED
        self.setWindowTitle(self.tr("Disabling links") if disabling else self.tr("Enabling links"))
        self.setAccessibleName(self.windowTitle())
        self.summary_label = plain_label("", self, self.tr("Summary"))
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.table = make_link_list(self, DETAIL + 1, self.tr("Links and their outcome"))

        self.buttons = QDialogButtonBox(self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.retry_button = QPushButton(self.tr("&Retry failed"), self)
        self.copy_button = QPushButton(self.tr("Cop&y list"), self)
        self.export_button = QPushButton(self.tr("&Export as CSV…"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        for button, role in (
            (self.retry_button, QDialogButtonBox.ButtonRole.ActionRole),
            (self.copy_button, QDialogButtonBox.ButtonRole.ActionRole),
            (self.export_button, QDialogButtonBox.ButtonRole.ActionRole),
            (self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole),
            (self.close_button, QDialogButtonBox.ButtonRole.AcceptRole),
        ):
            button.setAutoDefault(False)
            self.buttons.addButton(button, role)
        self.cancel_button.clicked.connect(self._cancel)
        self.retry_button.clicked.connect(self.retry_requested)
        self.copy_button.clicked.connect(self.copy_requested)
        self.export_button.clicked.connect(self.export_requested)
        self.close_button.clicked.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        chain = (self.table, self.retry_button, self.copy_button, self.export_button, self.cancel_button)
        for before, after in zip(chain, (*chain[1:], self.close_button), strict=True):
            QWidget.setTabOrder(before, after)
        self.resize(WIDTH, 480)
        self.start(plan)

    def start(self, plan: BulkPlan) -> None:
        """A (new) run of `plan`: every link listed, none finished yet."""
        self.bulk_result = None
        self._target = plan.target
        fill_items(self.table, plan.items)
        for row in range(len(plan.items)):
            set_cell(self.table, row, OUTCOME, self.tr("Waiting"))
            set_cell(self.table, row, DETAIL, "")
        self.progress.setRange(0, max(len(plan.items), 1))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        if plan.target == LinkStatus.DISABLED:
            said = self.tr("Disabling %n link(s) at a pace Lean accepts…", "", len(plan.to_change))
        else:
            said = self.tr("Enabling %n link(s) at a pace Lean accepts…", "", len(plan.to_change))
        self.summary_label.setText(said)
        self._set_running(True)

    def _set_running(self, running: bool) -> None:
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.close_button.setVisible(not running)
        self.copy_button.setEnabled(not running)
        self.export_button.setEnabled(not running)
        failed = self.bulk_result is not None and bool(self.bulk_result.failed_ids())
        self.retry_button.setEnabled(not running and failed)
        (self.cancel_button if running else self.close_button).setFocus()

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.summary_label.setText(self.tr("Cancelling: the link being changed finishes, the rest are left."))
        self.cancel_requested.emit()

    def show_progress(self, step: BulkProgress) -> None:
        self.progress.setValue(step.finished)
        self._show_entry(step.finished - 1, step.latest)

    def _show_entry(self, row: int, entry: BulkEntry) -> None:
        if not 0 <= row < self.table.rowCount():
            return
        set_cell(self.table, row, STATUS, status_text(entry.after or entry.before or entry.item.status))
        set_cell(self.table, row, OUTCOME, outcome_text(entry, self._target))
        set_cell(self.table, row, DETAIL, detail_text(entry))

    def show_result(self, result: BulkResult) -> None:
        self.bulk_result = result
        for row, entry in enumerate(result.entries):
            self._show_entry(row, entry)
        self.table.resizeColumnsToContents()
        self.progress.setVisible(False)
        counts = result.counts()
        if result.target == LinkStatus.DISABLED:
            done = self.tr("%n disabled", "", counts[Outcome.DONE])
        else:
            done = self.tr("%n enabled", "", counts[Outcome.DONE])
        parts = [
            done,
            self.tr("%n skipped", "", counts[Outcome.SKIPPED]),
            self.tr("%n failed", "", counts[Outcome.FAILED]),
        ]
        if counts[Outcome.CANCELLED]:
            parts.append(self.tr("%n not attempted", "", counts[Outcome.CANCELLED]))
        summary = self.tr("Finished: {counts}.").format(counts=", ".join(parts))
        if result.failed_ids():
            summary += " " + self.tr("Retry failed tries the failed links again.")
        self.summary_label.setText(summary)
        self._set_running(False)

    def show_error(self, text: str) -> None:
        """The run itself could not go on (not one link's failure: those are in the list)."""
        self.progress.setVisible(False)
        self.summary_label.setText(text)
        self._set_running(False)
