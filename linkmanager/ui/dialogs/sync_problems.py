"""Sync problems: the links (and parts of the list) a sync could not bring up to date, and why.

One row a problem; the selected one's sentence and what Lean sent (a bounded excerpt, in a
read-only monospace box, invisible characters escaped) below. Enter or a double-click on a
problem with a cached link shows that link in the window and closes the list; Copy copies the
problem as plain text. Modeless: the window's controller refreshes it after every sync.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFontDatabase, QGuiApplication, QKeyEvent, QKeySequence, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from linkmanager.domain import utc_now
from linkmanager.services.workspace import SyncProblem
from linkmanager.ui.dialogs.sync_problems_model import (
    ProblemColumn,
    ProblemsTableModel,
    kind_label,
    problem_key,
    readable_json,
    visible_controls,
)
from linkmanager.ui.text import LEFT_TO_RIGHT, isolated
from linkmanager.ui.widgets.copy_field import muted, plain_label
from linkmanager.ui.widgets.table_views import select_row

COPIED_MS = 1500


class SyncProblemsDialog(QDialog):
    """The list of sync problems (accessible name "Sync problems")."""

    link_requested = Signal(str)  # link_id: show this link in the window

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] = utc_now,
        tz: tzinfo | None = None,
    ) -> None:
        super().__init__(parent)
        self._tz = tz  # None: the system's zone, looked up each time
        self.setWindowTitle(self.tr("Sync problems"))
        self.setAccessibleName(self.tr("Sync problems"))
        self.resize(920, 520)

        self.intro = plain_label(
            self.tr(
                "A sync could not use Lean's answers for these. The app shows Lean's last good answer "
                "until a sync reads them cleanly."
            )
        )
        self.intro.setWordWrap(True)
        self.model = ProblemsTableModel(now, self._zone, self)
        self.table = self._make_table()
        self.table.installEventFilter(self)
        self.detail_label = plain_label(selectable=True)
        self.detail_label.setWordWrap(True)
        self.detail_label.setAccessibleName(self.tr("Problem detail"))
        self.raw_caption = muted(plain_label(self.tr("What Lean sent")))
        self.raw_view = QPlainTextEdit()
        self.raw_view.setReadOnly(True)
        self.raw_view.setAccessibleName(self.tr("What Lean sent"))
        self.raw_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.raw_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.raw_view.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.raw_view.setTabChangesFocus(True)
        self.raw_view.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.raw_caption.setBuddy(self.raw_view)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy problem"))
        self.copy_button.setToolTip(self.tr("Copy the selected problem as plain text (Ctrl+C)"))
        self.copy_button.setMinimumWidth(self.copy_button.sizeHint().width() + 16)  # room for "Copied"
        self.copy_button.clicked.connect(self.copy_selected)
        self._copied = QTimer(self)
        self._copied.setSingleShot(True)
        self._copied.setInterval(COPIED_MS)
        self._copied.timeout.connect(self._restore_copy_button)
        self.show_button = QPushButton(self.tr("&Show link"))
        self.show_button.setAccessibleName(self.tr("Show link"))
        self.show_button.setToolTip(self.tr("Select this link in the window and close this list (Enter)"))
        self.show_button.clicked.connect(self.show_selected)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName(self.tr("Close"))
        for button in (self.copy_button, self.show_button):
            button.setAutoDefault(False)
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.detail_label)
        layout.addWidget(self.raw_caption)
        layout.addWidget(self.raw_view, 2)
        layout.addWidget(self.buttons)
        for first, second in (
            (self.table, self.detail_label),
            (self.detail_label, self.raw_view),
            (self.raw_view, self.copy_button),
            (self.copy_button, self.show_button),
            (self.show_button, self.close_button),
        ):
            QWidget.setTabOrder(first, second)
        self._show_selected()

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setAccessibleName(self.tr("Sync problems table"))
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = table.fontMetrics()
        for column, sample in (
            (ProblemColumn.LINK, "m" * 16),
            (ProblemColumn.WHAT, kind_label("usages-inconsistent")),  # the longest label
            (ProblemColumn.SINCE, "30 Dec 2025 23:59 (+05:30)"),
        ):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)
        table.doubleClicked.connect(self._on_activated)
        table.selectionModel().selectionChanged.connect(self._on_selection)
        copy = QAction(self.tr("Copy problem"), table, shortcut=QKeySequence(QKeySequence.StandardKey.Copy))
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(self.copy_selected)
        table.addAction(copy)
        return table

    def _zone(self) -> tzinfo:
        return self._tz or datetime.now().astimezone().tzinfo or UTC

    # -- public ------------------------------------------------------------------------------------

    def set_problems(self, problems: Sequence[SyncProblem], names: Mapping[str, str]) -> None:
        """Show these problems; the selected one stays selected while it is still listed."""
        current = self.selected_problem()
        self.model.set_problems(problems, names)
        row = self.model.row_of(problem_key(current)) if current is not None else None
        if row is None and self.model.rowCount():
            row = 0
        if row is not None:
            select_row(self.table, row)
        self._show_selected()

    def selected_problem(self) -> SyncProblem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.problem_at(rows[0].row()) if rows else None

    def copy_selected(self) -> None:
        problem = self.selected_problem()
        if problem is not None:
            QGuiApplication.clipboard().setText(self.model.copy_text(problem))
            self.copy_button.setText(self.tr("Copied"))
            self._copied.start()

    def show_selected(self) -> None:
        """The selected problem's link in the window, and this list closed (if the link is cached)."""
        problem = self.selected_problem()
        if problem is not None and problem.link_id is not None and self.model.is_cached(problem.link_id):
            self.link_requested.emit(problem.link_id)
            self.accept()

    # -- inside ------------------------------------------------------------------------------------

    def _restore_copy_button(self) -> None:
        self.copy_button.setText(self.tr("&Copy"))

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            select_row(self.table, index.row())
            self.show_selected()

    def _on_selection(self, *_: QItemSelection) -> None:
        self._show_selected()

    def _show_selected(self) -> None:
        problem = self.selected_problem()
        self.copy_button.setEnabled(problem is not None)
        showable = problem is not None and self.model.is_cached(problem.link_id)
        self.show_button.setEnabled(showable)
        if problem is None:
            self.detail_label.setText("")
            self.raw_view.setPlainText("")
            self.raw_view.setPlaceholderText("")
            return
        head = self.model.link_text(problem)
        self.detail_label.setText(f"{LEFT_TO_RIGHT}{head}: {isolated(problem.detail)}")  # head: LRM-led
        self.raw_view.setPlainText(visible_controls(readable_json(problem.raw)))
        self.raw_view.setPlaceholderText(self.tr("Nothing was kept of Lean's answer for this problem."))
        if problem.link_id is not None and not showable:
            tip = self.tr("This link is not in the cache, so it cannot be shown.")
            self.show_button.setToolTip(tip)
        else:
            self.show_button.setToolTip(self.tr("Select this link in the window and close this list (Enter)"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Enter or Return on a problem shows its link, as a double-click does (not the dialog's
        default button)."""
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.show_selected()
            return True
        return super().eventFilter(watched, event)
