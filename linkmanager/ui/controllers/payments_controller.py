"""The Payments page's behaviour: read every usage on a worker, filter and sort there, show totals.

Nothing is read until the page is first shown (the Links view's start pays nothing for it). Then
a first screenful comes from the cache's index in milliseconds while the whole table is read
(~1.5 s at 1,000,000 usages); after that a filter or a sort is a job of the table engine
(services.payment_engine) on the runner — the newest request wins, so typing and clicking never
queue behind older answers — whose answer carries the rows, the counts and the totals at once.
A sync that changed anything reads the table again; the selection stays on its payments.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLineEdit

from linkmanager.domain.models import utc_now
from linkmanager.domain.outcome import Outcome
from linkmanager.services.date_ranges import QuickRange, days, quick_range
from linkmanager.services.payment_engine import PaymentAnswer, PaymentEngine, PaymentJob
from linkmanager.services.payment_export import local_zone  # the zone exports and the CLI count days in
from linkmanager.services.payment_source import PaymentRow, PaymentSource
from linkmanager.services.payment_totals import Total, collected_per_day, selection_sums, totals
from linkmanager.services.payments import Found, PaymentFilter, PaymentSort, PaymentTable, Picked
from linkmanager.services.workspace import Workspace
from linkmanager.ui.models.payments_model import PaymentsTableModel
from linkmanager.ui.tasks import TaskRunner
from linkmanager.ui.widgets.payments_page import PaymentsPage
from linkmanager.ui.widgets.status_bar import selection_text

if TYPE_CHECKING:
    from linkmanager.ui.widgets.payments_chart import PaymentsChart

logger = logging.getLogger(__name__)
FIRST_SCREENFUL = 100
SEARCH_DELAY_MS = 150


@dataclass(frozen=True, slots=True)
class _Beside:
    """What the worker makes with the rows: the totals, and the first rows with their texts."""

    totals: dict[str, dict[Outcome, Total]]
    first: list[PaymentRow]


_Answer = PaymentAnswer[_Beside]


class PaymentsController(QObject):
    selection_summary = Signal(str)  # for the status bar: count and sums of the selected rows
    loaded = Signal()  # the first answer over the whole table is shown

    def __init__(
        self,
        workspace: Workspace,
        runner: TaskRunner,
        search_box: QLineEdit,
        parent: QObject | None = None,
        zone: Callable[[], tzinfo] = local_zone,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._runner = runner
        self._search_box = search_box
        self._zone = zone
        self.source = PaymentSource(workspace.cache)
        self.model = PaymentsTableModel(self.source, zone, self)
        self.page = page = PaymentsPage(self.model)
        source = self.source

        def beside(table: PaymentTable, picked: Picked) -> _Beside:
            first = list(source.rows(table, picked.places[:FIRST_SCREENFUL]))  # no SQLite in the paint
            return _Beside(totals(table, picked.mask), first)

        self.engine: PaymentEngine[_Beside] = PaymentEngine(beside, source)
        self._found: Found | None = None
        self._active = False
        self._chart: PaymentsChart | None = None  # made on first show (pyqtgraph loads then)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search)
        page.filters_changed.connect(self.apply)
        page.chart_toggled.connect(self._on_chart)
        self.model.sort_requested.connect(self._on_sort)
        search_box.textChanged.connect(lambda _: self._search_timer.start() if self._active else None)
        page.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.modelReset.connect(self._on_selection)  # rows gone: their sum goes too

    # -- loading ---------------------------------------------------------------------------------

    def activate(self) -> None:
        """The page is shown: the first time, read everything; later, catch up with the search box."""
        if self._active:
            if (self._found.text if self._found else "") != self._search_box.text().strip():
                self._search()
            return
        self._active = True
        self.page.set_note(self.tr("Reading the payments from the offline cache…"))
        source = self.source

        def first() -> list[PaymentRow]:
            table_keys = source.first_keys(FIRST_SCREENFUL)
            return source.first_rows(table_keys)

        self._runner.run(first, self._on_first, on_error=self._on_failed, key="payments first", owner=self)
        self.reload()

    def reload(self) -> None:
        """Read every usage again (after a sync, or on first show)."""
        if not self._active:
            return
        source, now = self.source, self._workspace.now
        self._runner.run(
            lambda: source.table(now()),
            self._on_table,
            on_error=self._on_failed,
            key="payments table",
            owner=self,
        )

    def _on_first(self, rows: list[PaymentRow]) -> None:
        if self.engine.table is None:
            self.model.show_first(rows)

    def _on_table(self, table: PaymentTable) -> None:
        self.page.set_currencies(table.currencies)
        text = self._search_box.text().strip()
        if text and (self._found is None or self._found.text != text):
            self.engine.set_table(table)  # no job: the search's answer asks for the rows
            self._search()
        else:
            self._ask(self.engine.set_table(table))

    def _on_failed(self, error: BaseException) -> None:
        self.page.set_note(self.tr("The payments could not be read: {error}").format(error=error))
        logger.warning("Payments view: %s", error)

    # -- filtering -------------------------------------------------------------------------------

    def current_filter(self) -> PaymentFilter:
        page, now, zone = self.page, utc_now(), self._zone()
        which = page.quick_range()
        span = (
            days(*page.custom_days(), zone) if which == QuickRange.CUSTOM else quick_range(which, now, zone)
        )
        outcome, status = page.outcome(), page.link_status_choice()
        return PaymentFilter(
            outcomes=frozenset() if outcome is None else frozenset({outcome}),
            currency=page.currency_code(),
            since=span.since if span else None,
            until=span.until if span else None,
            link_statuses=frozenset() if status is None else frozenset({status}),
            found=self._found,
        )

    def apply(self) -> None:
        self._ask(self.engine.set_filter(self.current_filter()))

    def _ask(self, job: PaymentJob[_Beside] | None) -> None:
        """Pick on a worker; the runner drops an older pick still queued, the engine one that lands late."""
        if job is not None:
            self._runner.run(
                job.make, self._on_picked, on_error=self._on_failed, key="payments pick", owner=self
            )

    @property
    def shown(self) -> _Answer | None:
        """What the page shows: the rows, and the filter and sort that picked them."""
        return self.engine.answer

    def _on_picked(self, answer: _Answer) -> None:
        steps = self.engine.accept(answer)
        if steps is None:
            return  # a newer request is on its way
        self.model.apply(answer.table, answer.places, steps, answer.extra.first)
        self.page.show_counts(answer.counts)
        self.page.show_totals(answer.extra.totals)
        empty = len(answer.places) == 0
        self.page.set_note(self.tr("No payment matches these filters.") if empty else "")
        if self._chart is not None and self.page.chart_holder.isVisible():
            self._fill_chart(answer)
        self._on_selection()  # rows gone take their sum with them
        self.loaded.emit()

    def _on_sort(self, sort: PaymentSort) -> None:
        self._ask(self.engine.set_sort(sort))

    def _search(self) -> None:
        text = self._search_box.text().strip()
        if not text:
            self._found = None
            self.apply()
            return
        source = self.source
        self._runner.run(
            lambda: source.search(text),
            self._on_found,
            on_error=self._on_failed,
            key="payments search",
            owner=self,
        )

    def _on_found(self, found: Found) -> None:
        if found.text == self._search_box.text().strip():
            self._found = found
            self.apply()

    # -- selection and chart ---------------------------------------------------------------------

    def _on_selection(self) -> None:
        table = self.model.table
        rows = [index.row() for index in self.page.table.selectionModel().selectedRows()]
        if table is None or not rows:
            self.selection_summary.emit("")
            return
        sums = selection_sums(table, self.model.places_of_rows(rows))
        self.selection_summary.emit(selection_text(len(rows), {c: t.amount for c, t in sums.items()}))

    def _on_chart(self, shown: bool) -> None:
        if not shown:
            return
        if self._chart is None:
            from linkmanager.ui.widgets.payments_chart import PaymentsChart  # pyqtgraph: ~0.8 s, on first use

            self._chart = PaymentsChart()
            self.page.chart_layout.addWidget(self._chart)
        answer = self.engine.answer
        if answer is not None:
            self._fill_chart(answer)

    def _fill_chart(self, answer: _Answer) -> None:
        zone = self._zone()
        daily = collected_per_day(answer.table, answer.picked.mask, utc_now(), zone)
        label = datetime.now(zone).strftime("%Z %z")
        if self._chart is not None:
            self._chart.show_data(daily, answer.counts, label)
