"""The Journal view's behaviour: read the journal on a worker, filter it, open an entry's link.

The journal is read whole (services.journal_view.read_journal, newest first, bounded) when the
page is shown and again after anything that journals (an action, a bulk run, a create, a sync
while the page is up); a filter then works on what was read, in memory, at once. Each reading
verifies the hash chain too: a broken chain, or a journal that cannot be written, is said in
the page's banner, and never repaired; the window keeps working.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, QSignalBlocker
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from linkmanager.services.date_ranges import DateRange, QuickRange, days, quick_range
from linkmanager.services.journal_export import JOURNAL_EXPORT_COLUMNS as EXPORT_COLUMNS
from linkmanager.services.journal_export import TITLE, journal_filters_text, journal_view_indexes, rows_of
from linkmanager.services.journal_view import (
    JournalFilter,
    JournalRead,
    filter_entries,
    read_journal,
    users_of,
)
from linkmanager.services.payment_export import local_zone
from linkmanager.services.workspace import JournalEntry
from linkmanager.ui.controllers.export_controller import Prepared, visible_columns
from linkmanager.ui.journal.model import JournalTableModel
from linkmanager.ui.journal.page import JournalPage
from linkmanager.ui.widgets.table_views import KeyTable, select_row
from linkmanager.ui.window_menus import fill_view_menu

if TYPE_CHECKING:
    from linkmanager.ui.main_window import MainWindow

SHORTCUT = "Ctrl+3"  # after Links (Ctrl+1) and Payments (Ctrl+2)
NOTICE_MS = 15_000
HEADER_KEY = "journal/header"


class JournalController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._workspace = window._workspace
        self._runner = window._runner
        self.model = JournalTableModel(self)
        self.page = JournalPage(self.model)
        self.read: JournalRead | None = None  # the last reading
        self.filter = JournalFilter()
        self._stale = True  # something may have been journalled since the last reading
        self.action = QAction(self.tr("&Journal"), window, shortcut=QKeySequence(SHORTCUT), checkable=True)
        self.action.setToolTip(
            self.tr("Every change asked of Lean from here: who, when, why ({key})").format(key=SHORTCUT)
        )
        self.action.triggered.connect(self.show)
        self.page.filters_changed.connect(self.apply)
        table = self.page.table
        table.doubleClicked.connect(self.open_link_at)
        if isinstance(table, KeyTable):  # Enter on an entry opens its link, as a double-click does
            table.entered.connect(lambda: self.open_link_at(table.currentIndex()))

    # -- being shown -----------------------------------------------------------------------------

    def is_shown(self) -> bool:
        return self._window.pages.currentWidget() is self.page

    def show(self) -> None:
        """Make the Journal the window's view (View > Journal, Ctrl+3, its tab)."""
        window = self._window
        window.pages.setCurrentWidget(self.page)
        with QSignalBlocker(window.views):
            window.views.setCurrentIndex(window.pages.indexOf(self.page))
        for action in window.view_actions:
            action.setChecked(action is self.action)
        window.detail.link_actions.group.setEnabled(False)  # the Link menu acts on the details, hidden
        window.selection_label.clear()
        window.search_box.setPlaceholderText(  # it still searches the links (the Links view's words)
            QCoreApplication.translate("MainWindow", "Search links, references, payer values…  (Ctrl+F)")
        )
        window.drawer.close_drawer()
        self.activate()

    def activate(self) -> None:
        """The page is shown: read the journal again when anything may have changed it."""
        if self._stale:
            self.refresh()

    def changed(self, *_: object) -> None:
        """Something was journalled (or may have been): read again now if shown, else when shown."""
        self._stale = True
        if self.is_shown():
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        if self.read is None:
            self.page.set_note(self.tr("Reading the journal…"))
        workspace, rows = self._workspace, self._window.model.rows_snapshot()

        def known_name(link_id: str) -> str | None:
            row = rows.get(link_id)
            return None if row is None else row.display_name

        self._runner.run(
            lambda: read_journal(workspace, known_name),
            self._on_read,
            self._on_failed,
            key="journal",
            owner=self,
        )

    def _on_read(self, read: JournalRead) -> None:
        self.read = read
        self.page.set_users(users_of(read.entries))
        self.page.set_banner(self._banner_text(read))
        self.apply()

    def _on_failed(self, error: BaseException) -> None:
        self.page.set_banner(self.tr("The journal could not be read: {error}").format(error=error))
        self.page.set_note("")

    def _banner_text(self, read: JournalRead) -> str:
        said: list[str] = []
        if not read.check.ok:
            said.append(read.check.message)
        if read.error is not None and read.error not in said:
            said.append(read.error)
        if read.problem is not None and read.problem not in said:
            said.append(read.problem)
        if said:
            said.append(
                QCoreApplication.translate(
                    "JournalCheck",
                    "LinkManager keeps working, and goes on journalling changes; the journal is not repaired.",
                )
            )
        return "\n".join(said)

    # -- filtering -------------------------------------------------------------------------------

    def current_filter(self) -> JournalFilter:
        page, zone = self.page, local_zone()
        chosen = page.quick_range()
        span: DateRange | None
        if chosen == QuickRange.CUSTOM:
            span = days(*page.custom_days(), zone)
        else:
            span = quick_range(chosen, self._workspace.now(), zone)
        return JournalFilter(
            link=page.link_text(),
            user=page.user_choice(),
            action=page.action_choice(),
            outcome=page.outcome_choice(),
            since=None if span is None else span.since,
            until=None if span is None else span.until,
        )

    def apply(self) -> None:
        """Show the entries the filters let through, keeping the current entry when it stays."""
        self.filter = flt = self.current_filter()
        read = self.read
        if read is None:
            return
        current = self.page.selected_entry()
        shown = filter_entries(read.entries, flt, read.names)
        self.model.set_entries(shown, read.names)
        self.page.set_note(self._note(len(read.entries), len(shown)))
        if current is not None:
            self._select_seq(current.seq)

    def _note(self, total: int, shown: int) -> str:
        if total == 0:
            return self.tr(
                "Nothing journalled yet: every disable, enable and create asked of Lean from here is listed."
            )
        if shown == 0:
            return self.tr("No entry matches these filters.")
        if shown == total:
            return self.tr("Entries: {count}").format(count=f"{total:,}")
        return self.tr("Entries matching these filters: {shown} of {total}").format(
            shown=f"{shown:,}", total=f"{total:,}"
        )

    def _select_seq(self, seq: int) -> None:
        for row, entry in enumerate(self.model.entries()):
            if entry.seq == seq:
                select_row(self.page.table, row)
                return

    # -- an entry's link ------------------------------------------------------------------------

    def open_link_at(self, index: QModelIndex) -> None:
        entry = self.model.entry_at(index.row()) if index.isValid() else None
        if entry is not None:
            self.open_link(entry)

    def open_link(self, entry: JournalEntry) -> bool:
        """The entry's link selected in the Links view; said in the status bar when it cannot be."""
        window, link_id = self._window, entry.draft.link_id
        if not link_id:
            window.status.showMessage(self.tr("This entry names no link: Lean gave none."), NOTICE_MS)
            return False
        window.show_view(0)
        if window.show_link(link_id):
            return True
        said = self.tr(
            "Link {id} is not in the offline cache: Lean no longer lists it, or it was never synced."
        )
        window.status.showMessage(said.format(id=link_id), NOTICE_MS)
        return False

    # -- export (File > Export view…) -----------------------------------------------------------

    def export_source(self) -> Prepared | None:
        """What File > Export view… writes while the Journal is shown: the entries and columns shown."""
        if not self.is_shown() or self.read is None:
            return None
        entries: Sequence[JournalEntry] = list(self.model.entries())
        names = dict(self.model.names())
        indexes = journal_view_indexes(visible_columns(self.page.table))
        columns = [EXPORT_COLUMNS[i] for i in indexes]

        def rows() -> Iterable[Sequence[object]]:
            return rows_of(entries, names, indexes)

        return TITLE, len(entries), rows, columns, journal_filters_text(self.filter, local_zone())

    # -- what the window remembers ----------------------------------------------------------------

    def restore_header(self) -> None:
        state = self._window._settings.value(HEADER_KEY)
        if state is not None:
            self.page.table.horizontalHeader().restoreState(state)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self._window and event.type() == QEvent.Type.Close:
            self._window._settings.setValue(HEADER_KEY, self.page.table.horizontalHeader().saveState())
        return False


def install(window: MainWindow) -> JournalController:
    """The Journal as the window's third view: its tab and page, View > Journal (Ctrl+3), its
    refreshes, and File > Export view… while it is shown. Once per window (a second call returns
    the first controller). After the menus are made (window_menus.make_menus, the bulk actions)."""
    found = window.findChild(JournalController)
    if found is not None:
        return found
    controller = JournalController(window)
    window.pages.addWidget(controller.page)
    index = window.pages.indexOf(controller.page)
    window.views.insertTab(index, QCoreApplication.translate("JournalController", "Journal"))
    window.view_actions.append(controller.action)  # the View menu lists them as it opens
    window.addAction(controller.action)
    fill_view_menu(window)  # now too: the shortcut sheet reads the menus as they stand
    window.pages.currentChanged.connect(lambda _: controller.activate() if controller.is_shown() else None)
    window.links.links_changed.connect(controller.changed)
    window.creating.link_created.connect(controller.changed)
    window.sync.synced.connect(controller.changed)
    bulk = getattr(window, "bulk", None)  # made with the menus (window._make_actions)
    if bulk is not None:
        bulk.finished.connect(controller.changed)
    window.exporting.add_source(controller.export_source)
    controller.page.export_button.setDefaultAction(window.exporting.action)
    for before, after in pairwise(controller.page.focus_order()):  # the window's chain leads in
        QWidget.setTabOrder(before, after)
    controller.restore_header()
    window.installEventFilter(controller)
    return controller
