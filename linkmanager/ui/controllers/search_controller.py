"""Search (offline full-text index) and the status tabs above the links table.

Keystrokes are debounced and each search runs off the GUI thread, latest-wins, so typing fast
never shows the results of an older query. The search asks only which links match (ids), never
for the matching values: the table needs nothing more, and decoding every hit cost seconds.

Queries shorter than MIN_CHARS are not searched: the index answers from three characters, and
anything shorter is a scan of every cached value (about 0.7 s at 100,000 links with 1,000,000
usages, holding the cache meanwhile) whose answer is most of the links anyway.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLineEdit, QTabBar

from linkmanager.domain.status import LinkStatus
from linkmanager.services.workspace import Workspace
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
MIN_CHARS = 3  # the search index's trigram: shorter queries could only be answered by a scan
TOO_SHORT = f"Type at least {MIN_CHARS} characters to search"

Found = tuple[set[str], set[str]]  # (ids matched directly, ids matched only through a usage value)


def visible_length(text: str) -> int:
    """Characters that can be searched for: invisible format marks (RLM, ZWSP) do not count."""
    return sum(1 for c in text if unicodedata.category(c) not in ("Cf", "Cc"))


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
        self._cached_counts: dict[LinkStatus | None, int] = {}  # see set_cached_counts
        for title, _ in TABS:
            tabs.addTab(title)
        tabs.currentChanged.connect(self._on_tab)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._search)
        box.textChanged.connect(self._on_text)
        # One model change can send thousands of signals: recount once, when the loop comes round.
        self._recount = QTimer(self)
        self._recount.setSingleShot(True)
        self._recount.setInterval(0)
        self._recount.timeout.connect(self.update_counts)
        for signal in (
            model.modelReset,
            model.rowsInserted,
            model.rowsRemoved,
            model.dataChanged,
            model.layoutChanged,
            model.answered,
        ):
            signal.connect(self._counts_changed)

    def show_everything(self) -> None:
        """No search and the All tab, at once: a link that must be shown (a new one) is not hidden."""
        self._debounce.stop()
        self._box.blockSignals(True)
        self._box.clear()
        self._box.blockSignals(False)
        self._box.setToolTip("")
        self._runner.run(lambda: None, lambda _: None, key="search", owner=self)  # drops a search on its way
        self._tabs.setCurrentIndex(0)
        self._model.set_id_filter(None)
        self._model.settle()  # the caller looks for a row next
        self.update_counts()

    def current_status(self) -> LinkStatus | None:
        """The status tab shown (None: All)."""
        index = self._tabs.currentIndex()
        return TABS[index][1] if 0 <= index < len(TABS) else None

    def _on_tab(self, index: int) -> None:
        self._model.set_status_filter(TABS[index][1] if 0 <= index < len(TABS) else None)
        self.update_counts()

    def _on_text(self, _: str) -> None:
        self._debounce.start()

    def _search(self) -> None:
        # Even an answer known at once goes through the runner: it supersedes a search still running.
        text = self._box.text().strip()
        if not text:
            self._runner.run(lambda: None, self._on_cleared, key="search", owner=self)
            return
        if visible_length(text) < MIN_CHARS:
            self._runner.run(lambda: (text, None), self._on_hits, key="search", owner=self)
            return
        workspace = self._workspace
        self._runner.run(
            lambda: (text, workspace.search_link_ids(text)), self._on_hits, key="search", owner=self
        )

    def _on_cleared(self, _: object) -> None:
        self._model.set_id_filter(None)
        self._box.setToolTip("")
        self.update_counts()

    def _on_hits(self, answer: tuple[str, Found | None]) -> None:
        text, found = answer
        if text != self._box.text().strip():
            return  # typed on since: a newer search is on its way
        if found is None:  # too short to search: every link, and why
            self._model.set_id_filter(None)
            self._box.setToolTip(TOO_SHORT)
        else:
            direct, via_usage = found
            via_usage = via_usage - direct
            matched = direct | via_usage
            self._model.set_id_filter(matched, via_usage)
            self._box.setToolTip(
                f"{len(matched):,} link{'s' if len(matched) != 1 else ''} match; "
                f"{len(via_usage):,} through a payer value"
            )
        self.update_counts()

    def _counts_changed(self, *_: object) -> None:
        if not self._recount.isActive():
            self._recount.start()

    def set_cached_counts(self, counts: Mapping[LinkStatus, int]) -> None:
        """The cache's own counts (Workspace.status_counts), shown until the rows are all in."""
        cached: dict[LinkStatus | None, int] = {status: count for status, count in counts.items()}
        cached[None] = sum(counts.values())
        self._cached_counts = cached
        self.update_counts()

    def update_counts(self, *_: object) -> None:
        """Recount now (and drop a recount already queued: it would find the same numbers)."""
        self._recount.stop()
        if self._model.is_complete:
            counts: Mapping[LinkStatus | None, int] = self._model.status_counts()
        elif self._box.text().strip():
            counts = {}  # a search over a first screenful: any count would be a wrong number
        else:
            counts = self._cached_counts
        for index, (title, status) in enumerate(TABS):
            label = f"{title} ({counts.get(status, 0):,})" if counts else f"{title} (…)"
            if self._tabs.tabText(index) != label:
                self._tabs.setTabText(index, label)

    def focus(self) -> None:
        self._box.setFocus()
        self._box.selectAll()
