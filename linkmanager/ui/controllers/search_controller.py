"""Search (offline full-text index) and the status tabs above the links table.

Keystrokes are debounced and each search runs off the GUI thread, latest-wins, so typing fast
never shows the results of an older query. The search asks only which links match (ids), never
for the matching values: the table needs nothing more, and decoding every hit cost seconds.
Every word must match, in any order and any field; amounts, status and outcome words have their
meaning too (storage.search_query, through Workspace.find_links).

Queries without a word of MIN_CHARS characters are not searched: the index answers from three
characters, and anything shorter is a scan of every cached value (about 0.7 s at 100,000 links
with 1,000,000 usages, holding the cache meanwhile) whose answer is most of the links anyway.

What the window wires (the controller owns no widget for them):
- `no_match(text, suggestions)`: nothing matched `text`; emitted at once with no suggestions,
  then again with the nearest link names when some were found (computed on a worker);
- `no_match_cleared()`: that message no longer applies (links matched, the box was cleared);
- `find_matched_usages(link_id)` -> `usages_matched(link_id, usage_ids)`: the selected link's
  usages that hold a match for the search shown, most words first (empty without a search).
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QTabBar

from linkmanager.domain.status import LinkStatus
from linkmanager.services.workspace import SHORT_WORD_LINKS, LinkSearch, Workspace, searchable
from linkmanager.ui.models.links_model import LinksTableModel
from linkmanager.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

# The tabs' titles, translated where shown (SearchController.tr).
TABS: tuple[tuple[str, LinkStatus | None], ...] = (
    (str(QT_TRANSLATE_NOOP("SearchController", "All")), None),
    (str(QT_TRANSLATE_NOOP("SearchController", "Active")), LinkStatus.ACTIVE),
    (str(QT_TRANSLATE_NOOP("SearchController", "Disabled")), LinkStatus.DISABLED),
    (str(QT_TRANSLATE_NOOP("SearchController", "Expired")), LinkStatus.EXPIRED),
    (str(QT_TRANSLATE_NOOP("SearchController", "Used")), LinkStatus.USED),
)
DEBOUNCE_MS = 120
MIN_CHARS = 3  # the search index's trigram: shorter queries could only be answered by a scan
TOO_SHORT = str(QT_TRANSLATE_NOOP("SearchController", "Type at least 3 characters to search"))


def _ignore(_: object) -> None:
    pass


def _words_failed(error: BaseException) -> None:
    log.warning("Amounts and currencies stay searched by SQL: %s", error)


def visible_length(text: str) -> int:
    """Characters that can be searched for: invisible format marks (RLM, ZWSP) do not count."""
    return sum(1 for c in text if unicodedata.category(c) not in ("Cf", "Cc"))


class SearchController(QObject):
    no_match = Signal(str, list)  # (the text searched, up to 3 link names it may have meant)
    no_match_cleared = Signal()
    usages_matched = Signal(str, list)  # (link id, ids of its usages matching the search shown)

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
        self._shown = ""  # the text whose answer the table shows ("": no search)
        self._words_prepared = False  # see update_counts
        for title, _ in TABS:
            tabs.addTab(self.tr(title))
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
        self._set_shown("")
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

        def find() -> tuple[str, LinkSearch | None]:
            return text, workspace.find_links(text) if searchable(text) else None  # None: words too short

        self._runner.run(find, self._on_hits, key="search", owner=self)

    def _on_cleared(self, _: object) -> None:
        self._set_shown("")
        self._model.set_id_filter(None)
        self._box.setToolTip("")
        self.update_counts()

    def _on_hits(self, answer: tuple[str, LinkSearch | None]) -> None:
        text, found = answer
        if text != self._box.text().strip():
            return  # typed on since: a newer search is on its way
        if found is None:  # too short to search: every link, and why
            self._set_shown("")
            self._model.set_id_filter(None)
            self._box.setToolTip(self.tr(TOO_SHORT))
        else:
            matched = found.ids
            self._set_shown(text, matched=bool(matched))  # first: the table's answer asks for it
            self._model.set_id_filter(matched, found.via_usage)
            self._box.setToolTip(self._summary(matched, found))
        self.update_counts()

    def _summary(self, matched: set[str], found: LinkSearch) -> str:
        said = self.tr("%Ln link(s) match; {via} through a payer value", "", len(matched)).format(
            via=f"{len(found.via_usage):,}"
        )
        if found.skipped:
            said += "\n" + self.tr(
                "Not searched for (under 3 characters, among more than {most} links): {words}"
            ).format(most=f"{SHORT_WORD_LINKS:,}", words=", ".join(found.skipped))
        return said

    def _set_shown(self, text: str, *, matched: bool = True) -> None:
        """The search now shown; when it matched nothing, say so and look for names it may have meant."""
        self._shown = text
        if not text or matched:
            self.no_match_cleared.emit()
            if self._runner.busy("suggest"):  # its answer would be for an older text: dropped
                self._runner.run(lambda: None, _ignore, key="suggest", owner=self)
            return
        self.no_match.emit(text, [])
        workspace = self._workspace
        self._runner.run(
            lambda: (text, workspace.search_suggestions(text)),
            self._on_suggestions,
            key="suggest",
            owner=self,
        )

    def _on_suggestions(self, answer: tuple[str, list[str]]) -> None:
        text, names = answer
        if text == self._shown and names:
            self.no_match.emit(text, names)

    def current_search(self) -> str:
        """The text whose answer the table shows ("" when none)."""
        return self._shown

    def find_matched_usages(self, link_id: str) -> None:
        """Find, on a worker, which usages of `link_id` match the search shown: answered by
        usages_matched(link_id, usage ids), the newest request only; an empty list without a search."""
        text, workspace = self._shown, self._workspace

        def find() -> tuple[str, str, list[str]]:
            return text, link_id, workspace.matched_usages(text, link_id) if text else []

        self._runner.run(find, self._on_matched_usages, key="matched usages", owner=self)

    def _on_matched_usages(self, answer: tuple[str, str, list[str]]) -> None:
        text, link_id, usage_ids = answer
        if text == self._shown:
            self.usages_matched.emit(link_id, usage_ids)

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
            if not self._words_prepared:  # amounts and currencies in memory, once the rows are in
                self._words_prepared = True
                self._runner.run(
                    self._workspace.prepare_search_words,
                    _ignore,
                    _words_failed,
                    key="search words",
                    owner=self,
                )
        elif self._box.text().strip():
            counts = {}  # a search over a first screenful: any count would be a wrong number
        else:
            counts = self._cached_counts
        for index, (title, status) in enumerate(TABS):
            shown = self.tr(title)
            label = f"{shown} ({counts.get(status, 0):,})" if counts else f"{shown} (…)"
            if self._tabs.tabText(index) != label:
                self._tabs.setTabText(index, label)

    def focus(self) -> None:
        self._box.setFocus()
        self._box.selectAll()
