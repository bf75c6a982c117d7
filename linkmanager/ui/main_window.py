"""The main window: status tabs and search over the links table, the detail pane beside it,
the usages drawer over the right edge, and the status bar. Behaviour lives in controllers/.
"""

from __future__ import annotations

import gc
import linecache
import logging
import sys
from collections.abc import Sequence

from PySide6.QtCore import QPoint, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSplitter,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from linkmanager.domain.status import LinkStatus
from linkmanager.services.link_rows import LinkRow
from linkmanager.services.workspace import CachedLink, Workspace
from linkmanager.ui.controllers.create_controller import CreateController
from linkmanager.ui.controllers.link_controller import LinkController
from linkmanager.ui.controllers.print_controller import PrintController
from linkmanager.ui.controllers.problems_controller import ProblemsController
from linkmanager.ui.controllers.search_controller import SearchController
from linkmanager.ui.controllers.sync_controller import SyncController
from linkmanager.ui.models.links_model import FIRST_ORDERS, Column, LinksTableModel
from linkmanager.ui.tasks import TaskRunner
from linkmanager.ui.widgets.detail_pane import DetailPane
from linkmanager.ui.widgets.status_bar import StatusBar
from linkmanager.ui.widgets.usage_drawer import UsageDrawer

logger = logging.getLogger(__name__)
SWITCH_INTERVAL_S = 0.0005

HIDDEN_BY_DEFAULT = (Column.REFERENCE, Column.CUSTOMER_ID)
NOTICE_MS = 15_000  # a notice in the status bar ("Payment link created: …") fades after this
FIRST_SCREENFUL = 200  # rows shown before every link is read: more than a tall window holds


class MainWindow(QMainWindow):
    first_sync_finished = Signal()

    def __init__(self, workspace: Workspace, runner: TaskRunner, settings: QSettings) -> None:
        super().__init__()
        self._workspace = workspace
        self._runner = runner
        self._settings = settings
        self._first_sync_done = False
        self._first_sync_announced = False
        self.setWindowTitle(f"LinkManager — {workspace.info.name}")
        self.resize(1280, 800)

        self.model = LinksTableModel(workspace.now, self, runner=runner, load_link=workspace.link_now)
        self.table = self._make_table()
        self.search_box = QLineEdit(placeholderText="Search links, references, payer values…  (Ctrl+F)")
        self.search_box.setAccessibleName("Search")
        self.search_box.setClearButtonEnabled(True)
        self.tabs = QTabBar()
        self.tabs.setAccessibleName("Status tabs")
        self.tabs.setExpanding(False)
        self.detail = DetailPane(workspace.now)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        central = QWidget()
        top = QHBoxLayout()
        top.addWidget(self.tabs, 1)
        top.addWidget(self.search_box, 1)
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.drawer = UsageDrawer(central)

        self.status = StatusBar()
        self.setStatusBar(self.status)
        self.status.set_profile(workspace.info.name, workspace.info.environment)

        self.sync = SyncController(workspace, runner, self.status, self)
        self.links = LinkController(workspace, runner, self.table, self.model, self.detail, self.drawer, self)
        self.search = SearchController(workspace, runner, self.search_box, self.tabs, self.model)
        self.creating = CreateController(workspace, runner, self._current_link, self)
        self.printing = PrintController(self.selected_links, workspace.now, self)
        self.problems = ProblemsController(
            workspace, runner, self.status, self.detail, self.model, self.show_link, self
        )
        self.sync.ended.connect(self.problems.reload)
        self._select_after_load: str | None = None
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
        self.printing.saved.connect(self._on_pdf_saved)
        # After the LinkController's own connections: it has taken the new current link by then.
        selection = self.table.selectionModel()
        for changed in (selection.selectionChanged, selection.currentRowChanged, self.model.modelReset):
            changed.connect(self.creating.refresh)
            changed.connect(self.printing.update_actions)
        self.sync.first_sync_finished.connect(self._after_first_sync)
        self.links.links_changed.connect(self.reload)
        self._make_actions()
        self._restore()

    # -- building ----------------------------------------------------------------------------------

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setAccessibleName("Links table")
        table.setModel(self.model)
        # A first start sorts by name, A to Z; a saved header state (_restore) replaces it.
        table.horizontalHeader().setSortIndicator(Column.NAME, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several links at once for a sheet of QR labels; the detail pane shows the current one.
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._row_menu)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        # Fixed row heights: a 100,000-row table must not measure every row.
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        for column, width in (
            (Column.LINK_ID, 120),
            (Column.NAME, 260),
            (Column.STATUS, 110),
            (Column.AMOUNT, 130),
        ):
            table.setColumnWidth(column, width)
        for column in HIDDEN_BY_DEFAULT:
            table.setColumnHidden(column, True)
        return table

    def _make_actions(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        sync = QAction("&Sync now", self, shortcut=QKeySequence(Qt.Key.Key_F5))  # F5
        sync.setToolTip("Sync with Lean now (F5)")
        sync.triggered.connect(self.sync.sync_now)
        quit_ = QAction("&Quit", self, shortcut=QKeySequence(QKeySequence.StandardKey.Quit))
        quit_.triggered.connect(self.close)
        creating, printing = self.creating, self.printing
        file_menu.addActions([creating.create_action, creating.duplicate_action])
        file_menu.addSeparator()
        file_menu.addActions([printing.print_action, printing.pdf_action])
        file_menu.addSeparator()
        file_menu.addActions([sync, quit_])
        self.addAction(sync)

        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("main-toolbar")  # saveState() needs a name
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions([creating.create_action, creating.duplicate_action, printing.print_action])
        toolbar.addSeparator()
        toolbar.addAction(sync)

        edit_menu = self.menuBar().addMenu("&Edit")
        find = QAction("&Find", self, shortcut=QKeySequence(QKeySequence.StandardKey.Find))
        find.triggered.connect(self.search.focus)
        copy = QAction("&Copy cell", self, shortcut=QKeySequence(QKeySequence.StandardKey.Copy))
        copy.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        copy.triggered.connect(self.copy_cell)
        self.table.addAction(copy)
        edit_menu.addActions([find, copy])
        self.addAction(find)

        self.view_menu = self.menuBar().addMenu("&View")
        self.view_menu.aboutToShow.connect(self._fill_view_menu)

    def _row_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        menu.addActions(
            [self.creating.duplicate_action, self.printing.print_action, self.printing.pdf_action]
        )
        menu.popup(self.table.viewport().mapToGlobal(position))

    def _fill_view_menu(self) -> None:
        self.view_menu.clear()
        self.view_menu.addAction(self.problems.action)
        self.view_menu.addSeparator()
        self._add_column_actions(self.view_menu)

    def _column_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        self._add_column_actions(menu)
        menu.popup(self.table.horizontalHeader().mapToGlobal(position))

    def _add_column_actions(self, menu: QMenu) -> None:
        for column in Column:
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.setEnabled(column != Column.LINK_ID)  # the id always stays
            action.toggled.connect(lambda shown, c=column: self.table.setColumnHidden(c, not shown))

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

    def _on_pdf_saved(self, path: str) -> None:
        self._show_notice(f"Saved {path}")

    def _show_notice(self, text: str) -> None:
        self.status.showMessage(text, NOTICE_MS)

    def copy_cell(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            QGuiApplication.clipboard().setText(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))

    def select_first_active(self) -> bool:
        for row in range(self.model.rowCount()):
            found = self.model.row_at(row)
            if found is not None and found.status == LinkStatus.ACTIVE:
                return self.links.select(found.id)
        return False

    # -- settings ------------------------------------------------------------------------------------

    def _restore(self) -> None:
        geometry = self._settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        header = self._settings.value("links/header")
        if header is not None:
            self.table.horizontalHeader().restoreState(header)
        splitter = self._settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("links/header", self.table.horizontalHeader().saveState())
        self._settings.setValue("window/splitter", self.splitter.saveState())
        self.sync.cancel()
        super().closeEvent(event)  # type: ignore[arg-type]
