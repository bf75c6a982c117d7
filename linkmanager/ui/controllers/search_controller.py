"""Search (offline full-text index) and the status tabs above the links table.

Keystrokes are debounced and each search runs off the GUI thread, latest-wins, so typing fast
never shows the results of an older query.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLineEdit, QTabBar

from linkmanager.domain.status import LinkStatus
from linkmanager.services.workspace import SearchHit, Workspace
from linkmanager.ui.models.links_model import LinksTableModel
from linkmanager.ui.tasks import TaskRunner

TABS: tuple[tuple[str, LinkStatus | None], ...] = (
    ("All", None),
    ("Active", LinkStatus.ACTIVE),
    ("Disabled", LinkStatus.DISABLED),
    ("Expired", LinkStatus.EXPIRED),
    ("Used", LinkStatus.USED),
)
DEBOUNCE_MS = 120


class SearchController(QObject):
    def __init__(
        self, workspace: Workspace, runner: TaskRunner, box: QLineEdit, tabs: QTabBar, model: LinksTableModel
    ) -> None:
        super().__init__(box)
        self._workspace = workspace
        self._runner = runner
        self._box = box
        self._tabs = tabs
        self._model = model
        for title, _ in TABS:
            tabs.addTab(title)
        tabs.currentChanged.connect(self._on_tab)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._search)
        box.textChanged.connect(self._on_text)
        model.modelReset.connect(self.update_counts)
        model.rowsInserted.connect(self.update_counts)
        model.rowsRemoved.connect(self.update_counts)
        model.dataChanged.connect(self.update_counts)
        model.layoutChanged.connect(self.update_counts)

    def _on_tab(self, index: int) -> None:
        self._model.set_status_filter(TABS[index][1] if 0 <= index < len(TABS) else None)
        self.update_counts()

    def _on_text(self, _: str) -> None:
        self._debounce.start()

    def _search(self) -> None:
        text = self._box.text().strip()
        if not text:
            self._runner.run(lambda: None, self._on_cleared, key="search", owner=self)
            return
        workspace = self._workspace
        self._runner.run(lambda: (text, workspace.search(text)), self._on_hits, key="search", owner=self)

    def _on_cleared(self, _: object) -> None:
        self._model.set_id_filter(None)
        self._box.setToolTip("")
        self.update_counts()

    def _on_hits(self, answer: tuple[str, Sequence[SearchHit]]) -> None:
        text, hits = answer
        if text != self._box.text().strip():
            return  # typed on since: a newer search is on its way
        direct = {h.link.link.id for h in hits if h.usage is None}
        via_usage = {h.link.link.id for h in hits if h.usage is not None} - direct
        self._model.set_id_filter(direct | via_usage, via_usage)
        found = len(direct | via_usage)
        self._box.setToolTip(
            f"{found:,} link{'s' if found != 1 else ''} match; {len(via_usage):,} through a payer value"
        )
        self.update_counts()

    def update_counts(self, *_: object) -> None:
        counts = self._model.status_counts()
        for index, (title, status) in enumerate(TABS):
            self._tabs.setTabText(index, f"{title} ({counts.get(status, 0):,})")

    def focus(self) -> None:
        self._box.setFocus()
        self._box.selectAll()
