"""The main window: status tabs and search over the links table, the detail pane beside it,
the usages drawer over the right edge, and the status bar. Behaviour lives in controllers/.
"""

from __future__ import annotations

import gc
import linecache
import logging
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, QSettings, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from linkmanager.domain.status import LinkStatus
from linkmanager.services.link_rows import LinkRow
from linkmanager.services.workspace import CachedLink, Workspace
from linkmanager.ui import bulk, changes, window_views
from linkmanager.ui.controllers.create_controller import CreateController
from linkmanager.ui.controllers.export_controller import ExportController
from linkmanager.ui.controllers.link_controller import LinkController
from linkmanager.ui.controllers.print_controller import PrintController
from linkmanager.ui.controllers.problems_controller import ProblemsController
from linkmanager.ui.controllers.reconcile_controller import ReconcileController
from linkmanager.ui.controllers.search_controller import SearchController
from linkmanager.ui.controllers.sync_controller import SyncController
from linkmanager.ui.counter.counter_controller import CounterController, counter_for
from linkmanager.ui.journal import install_journal
from linkmanager.ui.journal_check import check_journal_at_start
from linkmanager.ui.models.links_model import FIRST_ORDERS, Column, LinksTableModel
from linkmanager.ui.tasks import TaskRunner
from linkmanager.ui.views import install_saved_views
from linkmanager.ui.widgets.detail_pane import DetailPane
from linkmanager.ui.widgets.no_match_note import NoMatchNote
from linkmanager.ui.widgets.status_bar import StatusBar
from linkmanager.ui.widgets.table_views import fit_link_columns, make_table
from linkmanager.ui.widgets.usage_drawer import UsageDrawer
from linkmanager.ui.window_menus import make_menus, row_menu
from linkmanager.ui.window_state import restore_state, save_state

if TYPE_CHECKING:
    from linkmanager.ui.controllers.payments_controller import PaymentsController

logger = logging.getLogger(__name__)
SWITCH_INTERVAL_S = 0.0005

HIDDEN_BY_DEFAULT = (Column.REFERENCE, Column.CUSTOMER_ID)
NOTICE_MS = 15_000  # a notice in the status bar ("Payment link created: …") fades after this
FIRST_SCREENFUL = 200  # rows shown before every link is read: more than a tall window holds


class MainWindow(QMainWindow):
    first_sync_finished = Signal()

    def __init__(
        self,
        workspace: Workspace,
        runner: TaskRunner,
        settings: QSettings,
        *,
        pay: Callable[[str, str], object] | None = None,  # --demo: the simulator's payer (counter display)
    ) -> None:
        super().__init__()
        self._workspace = workspace
        self._runner = runner
        self._settings = settings
        self._first_sync_done = False
        self._first_sync_announced = False
        self.setWindowTitle(self.tr("LinkManager — {profile}").format(profile=workspace.info.name))
        self.resize(1280, 800)

        self.model = LinksTableModel(workspace.now, self, runner=runner, load_link=workspace.link_now)
        self.table = self._make_table()
        self.search_box = QLineEdit(
            placeholderText=self.tr("Search links, references, payer values…  (Ctrl+F)")
        )
        self.search_box.setAccessibleName(self.tr("Search"))
        self.search_box.setClearButtonEnabled(True)
        self.tabs = QTabBar()
        self.tabs.setAccessibleName(self.tr("Status tabs"))
        self.tabs.setExpanding(False)
        self.detail = DetailPane(workspace.now)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(
            0, 5
        )  # 5:3: the names get room, the pane still fits a link URL in two lines
        self.splitter.setStretchFactor(1, 3)

        central = QWidget()
        self.views = QTabBar()  # Links | Payments: two pages under one search box
        self.views.setAccessibleName(self.tr("Views"))
        self.views.addTab(self.tr("Links"))
        self.views.addTab(self.tr("Payments"))
        top = QHBoxLayout()
        top.addWidget(self.views)
        top.addStretch(1)
        top.addWidget(self.search_box, 1)
        links_page = QWidget()
        links_layout = QVBoxLayout(links_page)
        links_layout.setContentsMargins(0, 0, 0, 0)
        links_layout.addWidget(self.tabs)
        self.no_match = NoMatchNote()
        links_layout.addWidget(self.no_match)
        links_layout.addWidget(self.splitter, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(links_page)
        self._opening = QLabel(self.tr("Opening the payments…"), alignment=Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(self._opening)  # the Payments page's place until it is made
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.drawer = UsageDrawer(central)

        self.status = StatusBar()
        self.setStatusBar(self.status)
        self.status.set_profile(workspace.info.name, workspace.info.environment)

        self.sync = SyncController(workspace, runner, self.status, self)
        self.links = LinkController(workspace, runner, self.table, self.model, self.detail, self.drawer, self)
        self.search = SearchController(workspace, runner, self.search_box, self.tabs, self.model)
        self.search.no_match.connect(self.no_match.show_no_match)
        self.search.no_match_cleared.connect(self.no_match.clear_note)
        self.no_match.chosen.connect(self.search_box.setText)
        self.search.usages_matched.connect(self.detail.usages.show_matched)
        self.detail.usages_shown.connect(self.search.find_matched_usages)
        self.model.answered.connect(self._mark_matched_usages)  # a new search: the shown link's marks
        self.creating = CreateController(workspace, runner, self._current_link, self)
        self.printing = PrintController(self.selected_links, workspace.now, self, settings=settings)
        self.counter: CounterController = counter_for(self, pay)  # Link > Show on counter display…
        self.problems = ProblemsController(
            workspace, runner, self.status, self.detail, self.model, self.show_link, self
        )
        self.sync.ended.connect(self.problems.reload)
        self.payments: PaymentsController | None = None  # made when first shown (numpy loads then)
        self.views.currentChanged.connect(self.show_view)
        self.selection_label = QLabel()
        self.selection_label.setAccessibleName(self.tr("Selection"))
        self.status.addWidget(self.selection_label)
        self._select_after_load: str | None = None
        self.view_actions: list[QAction] = []  # Links, Payments (window_menus)
        self.view_menu = QMenu(self)  # replaced by the menu bar's View menu (window_menus)
        self._search_prepared = False
        self._links_arriving = False  # a whole list is on its way through the table engine
        self.model.answered.connect(self._on_rows_answered)
        self.detail.add_head_action(self.creating.duplicate_action)
        self.detail.qr.add_action_button(self.printing.print_action)
        self.sync.synced.connect(self._on_synced)
        self.sync.online_changed.connect(self.links.set_online)
        self.sync.online_changed.connect(self.creating.set_online)
        self.creating.link_created.connect(self._on_link_created)
        self.creating.notice.connect(self._show_notice)
        self.exporting = ExportController(workspace, runner, self)
        self.exporting.notice.connect(self._show_notice)
        self.reconciling = ReconcileController(
            workspace, runner, self, open_payment=self.open_payment, settings=settings
        )
        self.sync.synced.connect(self.reconciling.sync_finished)  # an open result is matched again
        self.sync.ended.connect(self.reconciling.sync_ended)
        self.printing.printed.connect(self.links.record_prints)
        self.printing.saved.connect(lambda path: self._show_notice(self.tr("Saved {path}").format(path=path)))
        # After the LinkController's own connections: it has taken the new current link by then.
        selection = self.table.selectionModel()
        for changed in (selection.selectionChanged, selection.currentRowChanged, self.model.modelReset):
            changed.connect(self.creating.refresh)
            changed.connect(self.printing.update_actions)
            changed.connect(self.counter.update_action)
        self.model.answered.connect(self.counter.update_action)  # a sync changed the link's status
        selection.selectionChanged.connect(self._on_links_selection)
        self.sync.first_sync_finished.connect(self._after_first_sync)
        self.links.links_changed.connect(self.reload)
        self.changes = changes.install_changes(self, settings)  # before the menus: View lists it
        self._make_actions()
        self.journal = install_journal(self)  # the third view, after the menus it joins
        self._restore()
        self.saved_views = install_saved_views(self, settings)  # after _restore: the default view wins

    # -- building ----------------------------------------------------------------------------------

    def _make_table(self) -> QTableView:
        table = make_table(self.model, self.tr("Links table"), (), HIDDEN_BY_DEFAULT, self._row_menu)
        fit_link_columns(table)  # as wide as their content; Name takes the rest
        # A first start sorts by name, A to Z; a saved header state (_restore) replaces it.
        table.horizontalHeader().setSortIndicator(Column.NAME, Qt.SortOrder.AscendingOrder)
        return table

    def _make_actions(self) -> None:
        make_menus(self)
        self.bulk = bulk.install_bulk_actions(self)  # into the Link menu made above

    def _row_menu(self, position: QPoint) -> None:
        row_menu(self, position)

    # -- behaviour -----------------------------------------------------------------------------------

    def start(self) -> None:
        """Show the cache at once (offline-first), then sync in the background.

        With 100,000 links, reading every one takes seconds; a first screenful in the table's
        sort order, read from an index, takes milliseconds. It goes first, then the whole list
        and the sync (they would otherwise queue behind each other on the cache).
        """
        # Process-wide, for the window's sake: what the start made (modules, the window) kept out
        # of the collector's full passes (one landed in the first paint, ~30 ms); workers made to
        # hand the interpreter back to the window's thread within 0.5 ms instead of 5.
        gc.freeze()
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        column = self.model.sort_column()
        if column >= 0 and column not in FIRST_ORDERS:  # SQL cannot sort it as the table does
            self._start_loading()
            return
        order = FIRST_ORDERS.get(column)  # None: the cache's own order, as the table is unsorted
        descending = self.model.sort_order() == Qt.SortOrder.DescendingOrder
        self._runner.run(
            lambda: self._workspace.first_rows(order, descending=descending, limit=FIRST_SCREENFUL),
            self._on_first_rows,
            on_error=lambda _: self._start_loading(),  # the whole read reports what is wrong
            key="first links",
            owner=self,
        )

    def _on_first_rows(self, rows: Sequence[LinkRow]) -> None:
        self.model.show_first_rows(rows)
        self.search.update_counts()
        # Painted now, before the background reads start: they compete for the interpreter and
        # would hold the first screenful back by a tenth of a second at 100,000 links.
        self.table.viewport().repaint()
        self._start_loading()

    def _start_loading(self) -> None:
        # The tabs count from the cache (a grouped query), not "(…)" until every row is in; after
        # the first screenful, which would otherwise wait for it on the cache (~0.25 s at 100,000).
        self._runner.run(
            self._workspace.status_counts, self.search.set_cached_counts, key="counts", owner=self
        )
        self.reload()
        self.problems.reload()  # what earlier syncs left, offline too
        check_journal_at_start(self)  # an altered journal is said, never repaired
        self.sync.start()

    def reload(self) -> None:
        """Every link again, made into rows on a worker (the table engine then sorts them on one)."""
        workspace = self._workspace

        def read() -> list[LinkRow]:
            return workspace.link_rows()

        self._runner.run(read, self._on_links, key="links", owner=self)

    def _on_links(self, rows: list[LinkRow]) -> None:
        self._links_arriving = True
        self.model.set_link_rows(rows)  # sorted and diffed on a worker when there are many

    def _on_rows_answered(self) -> None:
        if not self._links_arriving or self.model.engine.pending:
            return
        self._links_arriving = False
        if not self._search_prepared:
            # After the rows, not beside them (it slowed both): from the kept pages, ~0.1 s.
            self._search_prepared = True
            self._runner.run(
                self._workspace.prepare_search,
                lambda _: None,
                on_error=lambda error: logger.warning("Search stays on SQL only: %s", error),
                key="search index",
                owner=self,
            )
        gc.freeze()  # and the engine's sort keys made for them
        # PySide reads the source of every module that imports it (a __feature__ check) and
        # linecache keeps it all: ~9 MB of text nothing needs (a traceback reads its lines again).
        linecache.clearcache()
        if self._select_after_load is not None and not self._loading():
            link_id, self._select_after_load = self._select_after_load, None
            if self.model.row_of(link_id) is None:  # hidden by a search or a tab
                self.search.show_everything()
            self.links.select(link_id)
        self.search.update_counts()
        self.links.refresh()
        if self._first_sync_done and not self._loading():
            self._announce_first_sync()

    def _loading(self) -> bool:
        """True while the links are being read or are on their way into the table."""
        return self._runner.busy("links") or self._links_arriving

    def _on_synced(self, _: object) -> None:
        self.reload()
        if self.payments is not None:
            self.payments.reload()

    def payments_view(self) -> PaymentsController:
        return window_views.payments_view(self)

    def show_view(self, index: int) -> None:
        """0: the links, 1: every payment (the search box applies to the view shown)."""
        window_views.show_view(self, index)

    def open_payment(self, link_id: str | None, usage_id: str | None) -> None:
        window_views.open_payment(self, link_id, usage_id)

    def _open_payment(self, index: QModelIndex) -> None:
        window_views.open_payment_at(self, index)

    def _on_links_selection(self) -> None:
        window_views.links_selection(self)

    def _after_first_sync(self) -> None:
        """Tell the world (and --screenshot) once the first sync's links are in the table.

        A successful sync has already asked for the links again (key "links"); a failed one
        has not, and the cache's links are the ones on screen. Either way no extra load: with
        100,000 links a second load doubles the start.
        """
        self._first_sync_done = True
        if not self._loading():
            self._announce_first_sync()

    def _announce_first_sync(self) -> None:
        if not self._first_sync_announced:
            self._first_sync_announced = True
            self.first_sync_finished.emit()

    def _current_link(self) -> CachedLink | None:
        link_id = self.links.current_link_id
        row = self.model.row_of(link_id) if link_id else None
        return self.model.link_at(row) if row is not None else None

    def show_link(self, link_id: str) -> bool:
        """Select `link_id` in the table (clearing a search or tab that hides it) and focus it."""
        if self.model.row_of(link_id) is None:
            self.search.show_everything()
        if not self.links.select(link_id):
            return False
        self.table.setFocus()
        return True

    def selected_links(self) -> list[CachedLink]:
        """The selected links in the order the table shows them (a label sheet follows it)."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [link for link in map(self.model.link_at, rows) if link is not None]

    def _on_link_created(self, link_id: str) -> None:
        """The new link is in the cache: show it selected, with its details and QR."""
        self._select_after_load = link_id
        self.reload()

    def _show_notice(self, text: str) -> None:
        self.status.showMessage(text, NOTICE_MS)

    def select_first_active(self) -> bool:
        for row in range(self.model.rowCount()):
            found = self.model.row_at(row)
            if found is not None and found.status == LinkStatus.ACTIVE:
                return self.links.select(found.id)
        return False

    # -- settings ------------------------------------------------------------------------------------

    def _mark_matched_usages(self) -> None:
        link_id = self.detail.current_link_id()
        if link_id is not None and self.detail.usages.model.link_id() == link_id:
            self.search.find_matched_usages(link_id)

    def _restore(self) -> None:
        restore_state(self, self._settings)

    def closeEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        save_state(self, self._settings)
        self.counter.shutdown()  # the display closes and its watch thread ends
        self.sync.cancel()
        super().closeEvent(event)  # type: ignore[arg-type]
