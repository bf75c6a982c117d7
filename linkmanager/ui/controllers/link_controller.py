"""The selected link: its details, its usages (latest-wins), the drawer, and Disable/Enable.

Opening a link shows what the cache holds at once, then asks Lean for its usages in the
background; a quicker click on another link makes the older answer be dropped (key "usages").
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QTableView, QWidget

from linkmanager.domain.models import PaymentLink, Usage
from linkmanager.domain.status import LinkStatus
from linkmanager.services.actions import ActionRefused, StatusChange
from linkmanager.services.workspace import CachedLink, PrintRecord, PrintSummary, Workspace, is_unreachable
from linkmanager.ui.models.links_model import LINK_ID_ROLE, LinksTableModel
from linkmanager.ui.tasks import TaskRunner
from linkmanager.ui.text import isolated
from linkmanager.ui.widgets.detail_pane import DetailPane
from linkmanager.ui.widgets.table_views import select_row
from linkmanager.ui.widgets.usage_drawer import UsageDrawer

logger = logging.getLogger(__name__)


def confirm_status_change(
    parent: QWidget,
    link: PaymentLink,
    status: LinkStatus,
    zone: tzinfo | None,
    printed: PrintSummary | None = None,
) -> bool:
    """Ask before Disable/Enable (ui.dialogs.confirm, loaded with the first change: not at start);
    `printed`: the link's prints, which disabling turns into codes that lead to an error page."""
    from linkmanager.ui.dialogs.confirm import confirm_status_change as ask

    return ask(parent, link, status, zone, printed)


class LinkController(QObject):
    """Keeps the detail pane and the drawer in step with the selected link."""

    links_changed = Signal()  # the cache changed (an action): reload the table
    prints_recorded = Signal()  # the print register took a print or a saved file

    def __init__(
        self,
        workspace: Workspace,
        runner: TaskRunner,
        table: QTableView,
        model: LinksTableModel,
        detail: DetailPane,
        drawer: UsageDrawer,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._workspace = workspace
        self._runner = runner
        self._table = table
        self._model = model
        self._detail = detail
        self._drawer = drawer
        self._window = window
        self._link_id: str | None = None
        self._usages: dict[str, Usage] = {}
        self._open_next: str | None = None  # a usage to open in the drawer once read
        self._online = True
        self.record_notice: QWidget | None = None  # the last "Print not recorded" message
        table.selectionModel().selectionChanged.connect(self._on_selection)
        table.selectionModel().currentRowChanged.connect(self._on_selection)
        detail.usage_activated.connect(self.open_usage)
        detail.toggle_requested.connect(self.request_toggle)
        detail.qr.recorded.connect(self.record_prints)

    @property
    def current_link_id(self) -> str | None:
        return self._link_id

    # -- selection -------------------------------------------------------------------------------

    def _on_selection(self, *_: object) -> None:
        # With several rows selected (a sheet of labels), the pane shows the one last clicked.
        selection = self._table.selectionModel()
        current = selection.currentIndex()
        if current.isValid() and selection.isRowSelected(current.row()):
            link_id = current.siblingAtColumn(0).data(LINK_ID_ROLE)
        else:
            rows = selection.selectedRows()
            link_id = rows[0].data(LINK_ID_ROLE) if rows else None
        if link_id == self._link_id:
            return
        self._link_id = link_id
        self._drawer.close_drawer()
        self.refresh(fetch=True)

    def select(self, link_id: str) -> bool:
        row = self._model.row_of(link_id)
        if row is None:
            return False
        index = self._model.index(row, 0)
        select_row(self._table, row)  # selectRow selects nothing right to left
        self._table.scrollTo(index)
        return True

    def refresh(self, *, fetch: bool = False) -> None:
        """Show the selected link from the cache; with `fetch`, ask Lean for its usages too."""
        link_id = self._link_id
        row = self._model.row_of(link_id) if link_id else None
        cached = self._model.link_at(row) if row is not None else None
        self._detail.show_link(cached)
        if link_id is None:
            self._usages = {}
            return
        workspace = self._workspace
        self._runner.run(lambda: workspace.usages(link_id), self._on_cached_usages, key="usages", owner=self)
        self._read_prints(link_id)
        if fetch and self._online:
            self._detail.set_usages_loading(True)
            self._runner.run(
                lambda: (link_id, workspace.refresh_usages(link_id), workspace.link(link_id)),
                self._on_fresh_usages,
                self._on_fresh_failed,
                key="fresh-usages",
                owner=self,
            )

    def _on_cached_usages(self, usages: Sequence[Usage]) -> None:
        if self._link_id is None:
            return
        link_id = usages[0].payment_link_id if usages else self._link_id
        if link_id == self._link_id:
            self._show_usages(link_id, usages)

    def _on_fresh_usages(self, answer: tuple[str, Sequence[Usage], CachedLink | None]) -> None:
        link_id, usages, cached = answer
        self._detail.set_usages_loading(False)
        if link_id != self._link_id:
            return  # the user has moved on
        if cached is not None:
            self._detail.show_link(cached)
        self._show_usages(link_id, usages)

    def _on_fresh_failed(self, error: BaseException) -> None:
        self._detail.set_usages_loading(False)
        if not is_unreachable(error):
            logger.info("Could not refresh usages: %s", error)

    def _show_usages(self, link_id: str, usages: Sequence[Usage]) -> None:
        self._usages = {u.usage_id: u for u in usages}
        wanted, self._open_next = self._open_next, None
        if wanted is not None and wanted in self._usages:
            self._detail.show_usages(link_id, usages)
            self._show_in_drawer(self._usages[wanted])
            return
        self._detail.show_usages(link_id, usages)
        open_id = self._drawer.current_usage_id() if self._drawer.is_open() else None
        if open_id is not None and open_id in self._usages:
            self._show_in_drawer(self._usages[open_id])  # a sync updates the open drawer in place

    def open_usage(self, usage_id: str) -> None:
        usage = self._usages.get(usage_id)
        if usage is not None:
            self._show_in_drawer(usage)

    def _show_in_drawer(self, usage: Usage) -> None:
        """The usage in the drawer, then (read on a worker) when it was seen and how it changed."""
        self._drawer.show_usage(usage)
        workspace, link_id, usage_id = self._workspace, usage.payment_link_id, usage.usage_id
        self._runner.run(
            lambda: (usage_id, workspace.usage_seen(link_id, usage_id)),
            lambda answer: self._drawer.show_seen(*answer, datetime.now().astimezone().tzinfo or UTC),
            key="usage seen",
            owner=self,
        )

    def open_usage_when_read(self, usage_id: str) -> None:
        """Open the usage in the drawer once the selected link's usages are read (a payment
        double-clicked in the Payments view)."""
        self._open_next = usage_id
        self.open_usage(usage_id)

    # -- the print register ----------------------------------------------------------------------

    def _read_prints(self, link_id: str) -> None:
        workspace = self._workspace
        self._runner.run(
            lambda: (link_id, workspace.print_summary(link_id)),
            lambda answer: self._detail.show_prints(*answer),
            lambda error: self._on_prints_unreadable(link_id, error),
            key="print summary",
            owner=self,
        )

    def _on_prints_unreadable(self, link_id: str, error: BaseException) -> None:
        logger.info("Could not read the print register: %s", error)
        self._detail.show_prints(link_id, None, str(error))

    def record_prints(self, records: Sequence[PrintRecord]) -> None:
        """Record finished prints and saved files (PrintController.printed, QrPanel.recorded) on a
        worker; the pane's "QR printed" line follows. A register that cannot be written says so."""
        records = tuple(records)
        if not records:
            return
        workspace = self._workspace
        self._runner.run(
            lambda: workspace.record_prints(records),
            lambda _: self._on_prints_recorded(records),
            self._on_record_failed,
            owner=self,
        )

    def _on_prints_recorded(self, records: Sequence[PrintRecord]) -> None:
        self.prints_recorded.emit()
        if self._link_id is not None and any(r.link_id == self._link_id for r in records):
            self._read_prints(self._link_id)

    def _on_record_failed(self, error: BaseException) -> None:
        logger.warning("Could not record a print: %s", error)
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Print not recorded"),
            self.tr("The print was made, but the print register could not record it:\n{reason}").format(
                reason=error
            ),
            QMessageBox.StandardButton.Ok,
            self._window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.record_notice = box  # tests read and close it

    # -- online state ----------------------------------------------------------------------------

    def set_online(self, online: bool, reason: str = "") -> None:
        self._online = online
        why = ""
        if not online:
            why = self.tr("Offline: Lean cannot be reached ({reason}). Changes need a connection.")
            why = why.format(reason=reason)
        self._detail.set_writable(online, why)

    # -- Disable / Enable ----------------------------------------------------------------------

    def request_toggle(self, link_id: str, target: object) -> None:
        status = LinkStatus(str(target))
        row = self._model.row_of(link_id)
        cached = self._model.link_at(row) if row is not None else None
        if cached is None:
            return
        zone = datetime.now().astimezone().tzinfo
        printed = self._detail.print_summary if self._detail.current_link_id() == link_id else None
        # Only a printed link's question says more (the seam keeps its four arguments otherwise).
        more = {"printed": printed} if printed is not None and printed.count > 0 else {}
        if not confirm_status_change(self._window, cached.link, status, zone, **more):
            return
        workspace = self._workspace
        self._detail.set_writable(False, self.tr("Sending the change to Lean…"))
        self._runner.run(
            lambda: workspace.set_status(link_id, status),
            self._on_changed,
            self._on_change_failed,
            key="action",
            owner=self,
        )

    def _on_changed(self, change: StatusChange) -> None:
        self._detail.set_writable(self._online)
        if change.after == LinkStatus.DISABLED:
            words = self.tr("Link {name} disabled.")
        else:
            words = self.tr("Link {name} enabled.")
        self._window.statusBar().showMessage(  # type: ignore[attr-defined]
            words.format(name=isolated(change.link.display_name)), 8000
        )
        self.links_changed.emit()

    def _on_change_failed(self, error: BaseException) -> None:
        self._detail.set_writable(self._online)
        if isinstance(error, ActionRefused):  # our own rule, already one sentence saying why
            from PySide6.QtWidgets import QMessageBox  # only when a change was refused

            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Not allowed"),
                str(error),
                QMessageBox.StandardButton.Ok,
                self._window,
            )
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.open()
        else:  # Lean's refusal or a dead network: the catalogue's message (what to do, Details)
            from linkmanager.services.messages import MessageContext, message_for

            info = self._workspace.info
            ctx = MessageContext(info.name, info.environment, isolate=isolated)
            self._window.statusBar().open_message_box(message_for(error, ctx))  # type: ignore[attr-defined]
        self.links_changed.emit()  # the link was re-read before sending: show what Lean holds
