"""What syncs could not bring up to date: read from the cache, shown in the status bar, the detail
pane and the Sync problems list.

The cache keeps each problem until a sync succeeds where it failed, so the window reads the
list from it (off the GUI thread) at start, offline too, and after every sync, and hands it to
the parts that show it. Opening a link reads its usages: when that read is clean the pane says
its problem is outdated and the list is read again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from linkmanager.services.workspace import SyncProblem, Workspace
from linkmanager.ui.models.links_model import LinksTableModel
from linkmanager.ui.tasks import TaskRunner
from linkmanager.ui.widgets.detail_pane import DetailPane
from linkmanager.ui.widgets.status_bar import StatusBar

if TYPE_CHECKING:  # the list is built when first opened: its modules are no part of the window's start
    from linkmanager.ui.dialogs.sync_problems import SyncProblemsDialog

logger = logging.getLogger(__name__)

NOTICE_MS = 8000


class ProblemsController(QObject):
    """Keeps the status bar's problems control, the pane's warning and the list in step with the cache."""

    problems_changed = Signal(object)  # list[SyncProblem], as last read from the cache

    def __init__(
        self,
        workspace: Workspace,
        runner: TaskRunner,
        status_bar: StatusBar,
        detail: DetailPane,
        links: LinksTableModel,
        show_link: Callable[[str], bool],
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._workspace = workspace
        self._runner = runner
        self._status = status_bar
        self._detail = detail
        self._links = links
        self._show_link = show_link
        self._window = window
        self._problems: list[SyncProblem] = []
        self.dialog: SyncProblemsDialog | None = None

        self.action = QAction(self.tr("Sync &problems…"), self)
        self.action.setToolTip(self.tr("The links a sync could not update, and why"))
        self.action.setEnabled(False)
        self.action.triggered.connect(self.open_list)
        status_bar.problems_requested.connect(self.open_list)
        detail.problems_outdated.connect(self.reload)

    @property
    def problems(self) -> list[SyncProblem]:
        return list(self._problems)

    def reload(self) -> None:
        """Read the problems the cache holds (off the GUI thread; the newest read wins)."""
        self._runner.run(
            self._workspace.problems, self._on_problems, self._on_failed, key="problems", owner=self
        )

    # -- showing -----------------------------------------------------------------------------------

    def _on_problems(self, problems: Sequence[SyncProblem]) -> None:
        self._problems = list(problems)
        by_link: dict[str, list[SyncProblem]] = {}
        for problem in self._problems:
            if problem.link_id is not None:
                by_link.setdefault(problem.link_id, []).append(problem)
        listing = any(p.link_id is None for p in self._problems)
        self._status.set_problems(len(by_link), listing=listing)
        self._detail.set_problems(by_link)
        self.action.setEnabled(bool(self._problems))
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.set_problems(self._problems, self._names())
        self.problems_changed.emit(self.problems)

    def _on_failed(self, error: BaseException) -> None:
        logger.warning("Could not read the sync problems from the cache: %s", error)

    def _names(self) -> dict[str, str]:
        """The cached links' names by id, for the problems' links (from the table's rows)."""
        rows = self._links.rows_snapshot()
        ids = {p.link_id for p in self._problems if p.link_id is not None}
        return {link_id: rows[link_id].display_name for link_id in ids if link_id in rows}

    # -- the list ----------------------------------------------------------------------------------

    def open_list(self) -> None:
        """Show the Sync problems list (one window, raised when already open)."""
        if self.dialog is None:
            from linkmanager.ui.dialogs.sync_problems import SyncProblemsDialog

            self.dialog = SyncProblemsDialog(self._window)
            self.dialog.link_requested.connect(self._on_link_requested)
        self.dialog.set_problems(self._problems, self._names())
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.dialog.table.setFocus()

    def _on_link_requested(self, link_id: str) -> None:
        if not self._show_link(link_id):
            self._status.showMessage(self.tr("That link is not in the table any more."), NOTICE_MS)
