"""File > Export view… (Ctrl+E): exactly the rows and columns the view shows, to CSV or XLSX.

The rows are read and written on a worker (a million payments take a minute as CSV, minutes as
XLSX), with a progress dialog whose Cancel stops it between two rows and leaves no file; the
services (services.export, services.payment_export) own the file's contents and safety.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QTableView

from linkmanager.domain.models import utc_now
from linkmanager.services.workspace import Workspace
from linkmanager.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from linkmanager.services.export import ExportColumn, ExportFormat
    from linkmanager.ui.main_window import MainWindow

# What a view hands over to be exported: (title, row count, the rows, columns, filters in words).
Prepared = tuple[str, int, Callable[[], "Iterable[Sequence[object]]"], "list[ExportColumn]", str]
# A view installed from outside (ui.journal): its Prepared while it is the view shown, else None.
ExportSource = Callable[[], "Prepared | None"]

# The views' names: in English in the file's header and name, translated in the window.
PAYMENTS = str(QT_TRANSLATE_NOOP("ExportController", "Payments"))
LINKS = str(QT_TRANSLATE_NOOP("ExportController", "Links"))
JOURNAL = str(QT_TRANSLATE_NOOP("ExportController", "Journal"))  # services.journal_export.TITLE


def visible_columns(table: QTableView) -> list[int]:
    """The view's columns as the user sees them: shown ones only, in their on-screen order."""
    header = table.horizontalHeader()
    logical = (header.logicalIndex(visual) for visual in range(header.count()))
    return [column for column in logical if not table.isColumnHidden(column)]


class _Progress(QObject):
    advanced = Signal(int)  # emitted on the worker; queued to the dialog on the window's thread


class ExportController(QObject):
    notice = Signal(str)

    def __init__(self, workspace: Workspace, runner: TaskRunner, window: MainWindow) -> None:
        super().__init__(window)
        self._workspace, self._runner, self._window = workspace, runner, window
        self.action = QAction(self.tr("&Export view…"), window, shortcut=QKeySequence("Ctrl+E"))
        self.action.setToolTip(
            self.tr("Save the rows and columns shown, as an Excel workbook or CSV (Ctrl+E)")
        )
        self.action.triggered.connect(self.export_view)
        self._cancel = threading.Event()
        self._sources: list[ExportSource] = []

    def add_source(self, source: ExportSource) -> None:
        """A view made outside the window's file (the Journal): asked first, it answers while shown."""
        self._sources.append(source)

    def export_view(self) -> None:
        prepared = self._prepare()
        if prepared is None:
            return
        title, total, rows, layout_columns, filters = prepared
        suggested = f"{title.lower()}-{datetime.now().astimezone().date().isoformat()}.xlsx"
        csv_filter = self.tr("CSV for Excel") + " (*.csv)"
        path, chosen = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Export {view}").format(view=self.tr(title)),
            suggested,
            self.tr("Excel workbook") + " (*.xlsx);;" + csv_filter,
        )
        if not path:
            return
        csv = path.lower().endswith(".csv") or (chosen == csv_filter and not path.lower().endswith(".xlsx"))
        fmt: ExportFormat = "csv" if csv else "xlsx"
        if not path.lower().endswith(f".{fmt}"):
            path += f".{fmt}"
        self._run(Path(path), fmt, title, total, rows, layout_columns, filters)

    def _prepare(self) -> Prepared | None:
        """What the view shows, ready to write: (title, row count, the rows, columns, filters)."""
        from linkmanager.services import payment_export as px
        from linkmanager.services.payments import PaymentColumn

        for ask in self._sources:
            prepared = ask()
            if prepared is not None:
                return prepared
        window = self._window
        zone = px.local_zone()
        if window.pages.currentIndex() == 1 and window.payments is not None:
            shown = window.payments.shown
            if shown is None:
                return None
            source = window.payments.source
            visible = [PaymentColumn(c) for c in visible_columns(window.payments.page.table)]
            layout = px.PAYMENTS.only(px.payment_view_indexes(visible))
            table, places = shown.table, shown.places

            def payment_rows() -> Iterable[Sequence[object]]:
                return layout.rows(row for row, _ in px.whole_rows(source, table, places))

            filters = px.payment_filters_text(shown.flt, zone, shown.sort)
            return PAYMENTS, len(places), payment_rows, list(layout.columns), filters
        model = window.model
        links = [row for row in map(model.row_at, range(model.rowCount())) if row is not None]
        layout_links = px.LINKS.only(px.link_view_indexes(visible_columns(window.table)))
        text = window.search_box.text().strip()
        filters = px.link_filters_text(status=window.search.current_status(), search=text or None)
        return LINKS, len(links), lambda: layout_links.rows(links), list(layout_links.columns), filters

    def _run(
        self,
        path: Path,
        fmt: ExportFormat,
        title: str,
        total: int,
        rows: Callable[[], Iterable[Sequence[object]]],
        columns: list[ExportColumn],
        filters: str,
    ) -> None:
        from linkmanager.services import payment_export as px
        from linkmanager.services.export import ExportHeader, export_rows

        workspace, cancel = self._workspace, threading.Event()
        self._cancel = cancel
        info = workspace.info
        dialog = QProgressDialog(
            self.tr("Exporting %Ln row(s)…", "", total),
            self.tr("Cancel"),
            0,
            max(total, 1),
            self._window,
        )
        dialog.setWindowTitle(self.tr("Export"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.canceled.connect(cancel.set)
        progress = _Progress(dialog)
        progress.advanced.connect(dialog.setValue)

        def work() -> int:
            header = ExportHeader(
                title,
                info.name,
                info.environment,
                filters,
                workspace.sync_state().last_full_sync,
                px.local_zone(),
                utc_now(),
            )
            return export_rows(
                path,
                fmt,
                header,
                columns,
                rows(),
                total=total,
                progress=progress.advanced.emit,
                cancelled=cancel.is_set,
            )

        def done(written: int) -> None:
            dialog.reset()
            self.notice.emit(self.tr("Exported %Ln row(s) to {path}", "", written).format(path=path))

        def failed(error: BaseException) -> None:
            from linkmanager.services.export import ExportCancelled

            dialog.reset()
            if isinstance(error, ExportCancelled):
                self.notice.emit(self.tr("Export cancelled; nothing was written."))
                return
            QMessageBox.warning(self._window, self.tr("Export"), str(error))

        self._runner.run(work, done, failed, key="export", owner=self)
