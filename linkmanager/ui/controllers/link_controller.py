"""The selected link: its details, its usages (latest-wins), its timeline, the drawer, and Disable/Enable.

Opening a link shows what the cache holds at once, then asks Lean for its usages in the
background; a quicker click on another link makes the older answer be dropped (key "usages").
Its timeline (services.link_timeline) is read on a worker each time the link is shown (a click, a
sync, an action, a print), latest-wins too (key "timeline").
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, tzinfo
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QTableView, QWidget

from linkmanager.domain.models import PaymentLink, Usage
from linkmanager.domain.status import LinkStatus
from linkmanager.services.actions import ActionRefused, StatusChange
from linkmanager.services.link_timeline import TIMELINE_LIMIT, LinkTimeline, read_timeline
from linkmanager.services.workspace import (
    CachedLink,
    PrintRecord,
    PrintSummary,
    ReasonRefused,
    Workspace,
    check_reason,
    is_unreachable,
)
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
    *,
    reason_required: bool = False,
) -> str | bool | None:
    """Ask before Disable/Enable (ui.dialogs.confirm, loaded with the first change: not at start):
    the reason given ("" for none), or None to keep the link as it is. `printed`: the link's prints,
    which disabling turns into codes that lead to an error page. Tests replace this function; one
    answering True or False (as it did before reasons) means confirmed without a reason, or kept."""
    from linkmanager.ui.dialogs.confirm import ask_status_change as ask

    return ask(parent, link, status, zone, printed, reason_required=reason_required)


def _reason_of(answer: str | bool | None) -> str | None:
    """confirm_status_change's answer as a reason ("" for none), or None when the user said no."""
    if answer is None or answer is False:
        return None
    return "" if answer is True else answer


def _change_status(workspace: Workspace, link_id: str, status: LinkStatus, reason: str) -> StatusChange:
    """Workspace.set_status on a worker; a journal that could not even be opened is said too (the
    change then carries no problem of its own: there was no journal to fail)."""
    change = workspace.set_status(link_id, status, reason=reason)
    if change.journal_problem is None and (problem := workspace.journal_problem()):
        return replace(change, journal_problem=problem)
    return change


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
        self.refusal_notice: QWidget | None = None  # the last "Not allowed" message (a rule, a reason)
        table.selectionModel().selectionChanged.connect(self._on_selection)
        table.selectionModel().currentRowChanged.connect(self._on_selection)
        detail.usage_activated.connect(self.open_usage)
        detail.toggle_requested.connect(self.request_toggle)
        detail.qr.recorded.connect(self.record_prints)
        detail.timeline.show_all_requested.connect(self._read_whole_timeline)

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
        self._read_timeline(link_id)
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
        self._read_timeline(link_id)  # payments first seen just now

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

    # -- the timeline ----------------------------------------------------------------------------

    def _read_timeline(self, link_id: str, limit: int | None = TIMELINE_LIMIT) -> None:
        """The link's timeline off the GUI thread; a shown "Show all" stays whole on a refresh."""
        timeline = self._detail.timeline
        if limit is not None and timeline.link_id() == link_id and timeline.whole:
            limit = None
        workspace = self._workspace

        def read() -> LinkTimeline:
            return read_timeline(
                workspace.cache,
                link_id,
                journal=lambda wanted, rows: workspace.journal_entries(link_id=wanted, limit=rows),
                limit=limit,
            )

        self._runner.run(
            read,
            self._detail.show_timeline,
            lambda error: self._detail.timeline.show_error(link_id, str(error)),
            key="timeline",
            owner=self,
        )

    def _read_whole_timeline(self, link_id: str) -> None:
        self._read_timeline(link_id, None)

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
            self._read_timeline(self._link_id)

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
        required = self._workspace.reason_required(status)
        # The seam's question says more only when there is more (printed codes, a reason required).
        more: dict[str, Any] = {"printed": printed} if printed is not None and printed.count > 0 else {}
        if required:
            more["reason_required"] = True
        reason = _reason_of(confirm_status_change(self._window, cached.link, status, zone, **more))
        if reason is None:
            return
        try:  # the dialog checked it; whatever answered, nothing is sent without a usable reason
            reason = check_reason(reason, required)
        except ReasonRefused as refused:
            self._refuse(str(refused))
            return
        workspace = self._workspace
        self._detail.set_writable(False, self.tr("Sending the change to Lean…"))
        self._runner.run(
            lambda: _change_status(workspace, link_id, status, reason),
            self._on_changed,
            self._on_change_failed,
            key="action",
            owner=self,
        )

    def _on_changed(self, change: StatusChange) -> None:
        self._detail.set_writable(self._online)
        name = isolated(change.link.display_name)
        if change.journal_problem:  # the change went through; its record did not
            logger.warning(
                "A change to link %s is not journalled: %s", change.link.id, change.journal_problem
            )
            if change.after == LinkStatus.DISABLED:
                words = self.tr("Link {name} disabled, but the action journal could not record it: {problem}")
            else:
                words = self.tr("Link {name} enabled, but the action journal could not record it: {problem}")
            said, timeout = words.format(name=name, problem=change.journal_problem), 30_000
        else:
            if change.after == LinkStatus.DISABLED:
                words = self.tr("Link {name} disabled.")
            else:
                words = self.tr("Link {name} enabled.")
            said, timeout = words.format(name=name), 8000
        self._window.statusBar().showMessage(said, timeout)  # type: ignore[attr-defined]
        self.links_changed.emit()

    def _refuse(self, why: str) -> None:
        """Our own rule or an unusable reason: one sentence saying why, nothing sent."""
        from PySide6.QtWidgets import QMessageBox  # only when a change was refused

        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Not allowed"), why, QMessageBox.StandardButton.Ok, self._window
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.refusal_notice = box  # tests read and close it

    def _on_change_failed(self, error: BaseException) -> None:
        self._detail.set_writable(self._online)
        if isinstance(error, ActionRefused | ReasonRefused):  # our own rules, already one sentence each
            self._refuse(str(error))
        else:  # Lean's refusal or a dead network: the catalogue's message (what to do, Details)
            from linkmanager.services.messages import MessageContext, message_for

            info = self._workspace.info
            ctx = MessageContext(info.name, info.environment, isolate=isolated)
            self._window.statusBar().open_message_box(message_for(error, ctx))  # type: ignore[attr-defined]
        self.links_changed.emit()  # the link was re-read before sending: show what Lean holds
