"""A bank statement's reconciliation: proposals to confirm or reject, the matches confirmed before,
and what is left on either side (statement lines without a payment beside payments without a line).

Modeless: the user checks the proposals against the bank's paper while the window stays usable. The
dialog only shows and asks; the controller stores (Confirm checked, Undo match) and exports on its
runner and hands back the reconciliation as the cache holds it (after a sync too). A rejected proposal
is dropped for this session only (nothing is stored): its line and its payment are listed as unmatched.
A confirmed match whose payment Lean no longer reports as collected is marked and counted at the top.
"""

from __future__ import annotations

import itertools
from datetime import UTC, tzinfo
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from linkmanager.domain.outcome import Outcome
from linkmanager.services.matching import Confirmed, MatchResult
from linkmanager.services.reconcile_export import Reconciliation, proposal_key, without_rejected
from linkmanager.ui.dialogs.reconcile_models import (
    PAYMENT_ROLE,
    ResultTableModel,
    caption_texts,
    confirmed_model,
    fit_columns,
    kept_view,
    lines_model,
    payments_model,
    proposals_model,
    restore_view,
    unchecked_rows,
)
from linkmanager.ui.models.status_style import outcome_colour
from linkmanager.ui.text import LEFT_TO_RIGHT, isolated
from linkmanager.ui.widgets.copy_field import muted, plain_label


class ReconcileResultDialog(QDialog):
    """One statement's reconciliation (accessible name "Reconciliation")."""

    confirm_requested = Signal(object)  # list[Proposal]: store these
    undo_requested = Signal(object)  # Confirmed: forget this match
    export_requested = Signal()
    payment_requested = Signal(str, str)  # link id, usage id: show it in the window

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reconciliation"))
        self.setAccessibleName(self.tr("Reconciliation"))
        self.setModal(False)
        self.resize(1240, 760)
        self._done: Reconciliation | None = None
        self._rejected: set[tuple[int, int]] = set()  # proposal_key: this session only
        self._unchecked: set[tuple[int, int]] = set()
        self._busy = False
        self._read_only: str | None = None
        self.undo_box: QMessageBox | None = None

        self.summary_label = plain_label(selectable=True)
        self.summary_label.setAccessibleName(self.tr("Summary"))
        font = QFont(self.summary_label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.summary_label.setFont(font)
        self.source_label = muted(plain_label(selectable=True))
        self.source_label.setAccessibleName(self.tr("Statement"))
        self.source_label.setWordWrap(True)
        self.attention_label = plain_label(selectable=True)
        self.attention_label.setAccessibleName(self.tr("Needs checking"))
        self.attention_label.setWordWrap(True)
        self.attention_label.setFont(font)
        palette = self.attention_label.palette()  # a mid tone, read on light and dark backgrounds alike
        palette.setColor(QPalette.ColorRole.WindowText, outcome_colour(Outcome.FAILED))
        self.attention_label.setPalette(palette)
        self.attention_label.hide()  # until a confirmed match needs checking

        self.proposals = proposals_model(self)
        self.confirmed = confirmed_model(self._references, self._zone, self)
        self.confirmed.attention_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.lines = lines_model(self)
        self.payments = payments_model(self._zone, self)
        self.proposals_table = self._table(self.proposals, self.tr("Proposals to check"), multi=True)
        self.confirmed_table = self._table(self.confirmed, self.tr("Confirmed matches"))
        self.lines_table = self._table(self.lines, self.tr("Statement lines without a payment"))
        self.payments_table = self._table(self.payments, self.tr("Collected payments without a line"))
        self.proposals.dataChanged.connect(self._update_buttons)

        self.check_all_button = self._button(self.tr("Check &all"), self.tr("Check every proposal"))
        self.check_none_button = self._button(self.tr("Uncheck a&ll"), self.tr("Uncheck every proposal"))
        self.reject_button = self._button(
            self.tr("&Reject"), self.tr("Drop the selected proposals for now; nothing is stored")
        )
        self.confirm_button = self._button(
            self.tr("&Confirm checked"), self.tr("Store the checked proposals as matches")
        )
        self.undo_button = self._button(
            self.tr("&Undo match"), self.tr("Forget the selected confirmed match (asks first)")
        )
        self.export_button = self._button(
            self.tr("&Export…"), self.tr("Write the whole result to a CSV or Excel file")
        )
        self.close_button = self._button(self.tr("Close"), self.tr("Close this window"))
        self.check_all_button.clicked.connect(lambda: self._check_all(True))
        self.check_none_button.clicked.connect(lambda: self._check_all(False))
        self.reject_button.clicked.connect(self.reject_selected)
        self.confirm_button.clicked.connect(self.confirm_checked)
        self.undo_button.clicked.connect(self.undo_selected)
        self.export_button.clicked.connect(self.export_requested)
        self.close_button.clicked.connect(self.close)
        self.status_label = plain_label(selectable=True)
        self.status_label.setAccessibleName(self.tr("Status"))
        self.status_label.setWordWrap(True)

        self.proposals_caption = plain_label()
        self.confirmed_caption = plain_label()
        self.lines_caption = plain_label()
        self.payments_caption = plain_label()
        sides = QSplitter(Qt.Orientation.Horizontal)
        sides.addWidget(self._pane(self.lines_caption, self.lines_table))
        sides.addWidget(self._pane(self.payments_caption, self.payments_table))
        sides.setSizes([500, 720])  # the payments' five columns need the wider side
        self.sides = sides
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(
            self._pane(
                self.proposals_caption,
                self.proposals_table,
                [self.check_all_button, self.check_none_button, self.reject_button, self.confirm_button],
            )
        )
        self.splitter.addWidget(self._pane(self.confirmed_caption, self.confirmed_table, [self.undo_button]))
        self.splitter.addWidget(sides)
        self.splitter.setSizes([300, 170, 230])
        bottom = QHBoxLayout()
        bottom.addWidget(self.export_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.attention_label)
        layout.addWidget(self.source_label)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(bottom)
        order = (
            self.proposals_table, self.check_all_button, self.check_none_button, self.reject_button,
            self.confirm_button, self.confirmed_table, self.undo_button, self.lines_table,
            self.payments_table, self.export_button, self.close_button,
        )  # fmt: skip
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self._update_buttons()

    # -- building ----------------------------------------------------------------------------------

    def _table(self, model: ResultTableModel[Any], name: str, *, multi: bool = False) -> QTableView:
        table = QTableView()
        table.setAccessibleName(name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        mode = QAbstractItemView.SelectionMode
        table.setSelectionMode(mode.ExtendedSelection if multi else mode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        fit_columns(table, model)
        table.doubleClicked.connect(self._on_double_click)
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        table.installEventFilter(self)
        return table

    def _button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setToolTip(tip)
        button.setAutoDefault(False)  # Enter in a table opens the payment, never a button
        return button

    def _pane(self, caption: QLabel, table: QTableView, buttons: list[QPushButton] | None = None) -> QWidget:
        pane = QWidget()
        font = QFont(caption.font())
        font.setBold(True)
        caption.setFont(font)
        caption.setBuddy(table)
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(caption)
        layout.addWidget(table, 1)
        if buttons:
            row = QHBoxLayout()
            row.addStretch(1)
            for button in buttons:
                row.addWidget(button)
            layout.addLayout(row)
        return pane

    def _summary(self, result: MatchResult) -> str:
        """ "14 lines matched · 3 proposals to check · 2 lines without a payment · 5 payments without a line"."""
        return " · ".join((
            self.tr("%Ln line(s) matched", "", len(result.confirmed)),
            self.tr("%Ln proposal(s) to check", "", len(result.proposals)),
            self.tr("%Ln line(s) without a payment", "", len(result.unmatched_lines)),
            self.tr("%Ln payment(s) without a line", "", len(result.unmatched_payments)),
        ))  # fmt: skip

    def _zone(self) -> tzinfo:
        return self._done.zone if self._done is not None else UTC

    def _references(self) -> dict[str, str]:
        return self._done.references if self._done is not None else {}

    # -- public ------------------------------------------------------------------------------------

    def set_reconciliation(self, done: Reconciliation, *, fresh: bool = False) -> None:
        """Show `done`; `fresh` (another statement) forgets this session's rejections and checks."""
        if fresh:
            self._rejected.clear()
            self._unchecked.clear()
        elif self._done is not None:  # the checks as the user left them, by proposal, not by row
            self._unchecked = {proposal_key(p) for p in self.proposals.unchecked_rows()}
        self._done = done
        result = self.shown_result()
        tables = (self.proposals_table, self.confirmed_table, self.lines_table, self.payments_table)
        kept = [None if fresh else kept_view(table) for table in tables]
        self.proposals.set_rows(result.proposals, unchecked_rows(result.proposals, self._unchecked))
        self.confirmed.set_rows(sorted(result.confirmed, key=lambda c: c.collected))  # to check first
        self.lines.set_rows(result.unmatched_lines)
        self.payments.set_rows(result.unmatched_payments)
        for table, held in zip(tables, kept, strict=True):
            if held is not None:
                restore_view(table, held)
        self.summary_label.setText(self._summary(result))
        check = len(result.confirmed_not_collected)  # confirmed matches whose payment is no longer collected
        attention = self.tr(
            "⚠ %Ln confirmed matches need checking: Lean no longer reports their payments as collected.",
            "",
            check,
        )
        self.attention_label.setText(attention if check else "")
        self.attention_label.setVisible(bool(check))
        statement = done.statement
        read = self.tr("%Ln line(s) read", "", len(statement.lines))
        debits = self.tr("%Ln debit(s) or zero amount(s) not matched", "", len(result.ignored))
        source = self.tr("{name}: {read}, {debits}; columns {columns}").format(
            name=isolated(statement.name), read=read, debits=debits, columns=isolated(done.mapping.text())
        )
        self.source_label.setText(LEFT_TO_RIGHT + source)
        captions = (self.proposals_caption, self.confirmed_caption, self.lines_caption, self.payments_caption)
        for label, text in zip(captions, caption_texts(result), strict=True):
            label.setText(text)
        self._update_buttons()

    def reconciliation(self) -> Reconciliation | None:
        return self._done

    def shown_result(self) -> MatchResult:
        """What the dialog shows (and exports): the cache's result less this session's rejections."""
        assert self._done is not None
        return without_rejected(self._done.result, self._rejected)

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def set_read_only(self, reason: str | None) -> None:
        """Nothing can be stored in this cache (read-only media): Confirm and Undo say why."""
        self._read_only = reason
        self._update_buttons()

    def show_status(self, sentence: str, *, error: bool = False) -> None:
        palette = self.status_label.palette()
        role = QPalette.ColorRole.WindowText
        palette.setColor(role, Qt.GlobalColor.red if error else self.palette().color(role))
        self.status_label.setPalette(palette)
        self.status_label.setText(sentence)

    def reject_selected(self) -> None:
        """The selected proposals are dropped for this session and listed as unmatched."""
        rows = sorted(index.row() for index in self.proposals_table.selectionModel().selectedRows())
        chosen = [p for p in map(self.proposals.row_at, rows) if p is not None]
        if not chosen or self._done is None:
            return
        self._rejected.update(proposal_key(p) for p in chosen)
        self.set_reconciliation(self._done)
        self.show_status(self.tr("%Ln proposal(s) rejected for now; nothing was stored.", "", len(chosen)))

    def confirm_checked(self) -> None:
        chosen = self.proposals.checked_rows()
        if chosen and not self._busy:
            self.confirm_requested.emit(chosen)

    def selected_confirmed(self) -> Confirmed | None:
        rows = self.confirmed_table.selectionModel().selectedRows()
        return self.confirmed.row_at(rows[0].row()) if rows else None

    def undo_selected(self) -> None:
        """Ask, then undo the selected confirmed match."""
        match = self.selected_confirmed()
        if match is None or self._busy:
            return
        question = self.tr(
            "Undo the match of line {line} with payment {payment}? Both go back to unmatched; "
            "the line can be matched again."
        ).format(line=f"{match.line.line:,}", payment=isolated(match.payment_id or match.usage_id))
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Undo match"), LEFT_TO_RIGHT + question, parent=self
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        undo = box.addButton(self.tr("Undo match"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _: self._undo_answered(box, undo is box.clickedButton(), match))
        self.undo_box = box
        box.open()

    # -- inside ------------------------------------------------------------------------------------

    def _undo_answered(self, box: QMessageBox, undo: bool, match: Confirmed) -> None:
        self.undo_box = None
        box.deleteLater()
        if undo:
            self.undo_requested.emit(match)

    def _check_all(self, checked: bool) -> None:
        self.proposals.set_checked(range(self.proposals.rowCount()), checked)

    def _update_buttons(self, *_: object) -> None:
        have = self._done is not None
        checked = self.proposals.checked_count()
        selected = self.proposals_table.selectionModel().hasSelection()
        free = have and not self._busy
        self.confirm_button.setEnabled(free and checked > 0 and self._read_only is None)
        self.confirm_button.setText(self.tr("&Confirm checked ({n})").format(n=f"{checked:,}"))
        self.reject_button.setEnabled(free and selected)
        self.check_all_button.setEnabled(free and self.proposals.rowCount() > 0)
        self.check_none_button.setEnabled(free and self.proposals.rowCount() > 0)
        chosen = self.selected_confirmed() is not None
        self.undo_button.setEnabled(free and chosen and self._read_only is None)
        self.export_button.setEnabled(free)
        if self._read_only is not None:
            why = self.tr("Nothing can be stored: {reason}").format(reason=self._read_only)
            self.confirm_button.setToolTip(why)
            self.undo_button.setToolTip(why)

    def _on_double_click(self, index: QModelIndex) -> None:
        payment = index.data(PAYMENT_ROLE) if index.isValid() else None
        if payment:
            self.payment_requested.emit(*payment)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Space checks or unchecks the selected proposals; Enter opens the current row's payment."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QTableView)
        ):
            if watched is self.proposals_table and event.key() == Qt.Key.Key_Space:
                rows = sorted(i.row() for i in watched.selectionModel().selectedRows())
                if rows:
                    self.proposals.set_checked(rows, not self.proposals.is_checked(rows[0]))
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._on_double_click(watched.currentIndex())
                return True
        return super().eventFilter(watched, event)
