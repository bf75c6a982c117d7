"""A Qt table model over a table engine (services.table_engine): asks, and applies the answers.

Large sets are sorted and filtered on the task runner's workers (newest request wins), small ones
on the spot. `settle()` makes what was asked shown at once, for a caller that must find a row
right away (select a new link).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, Signal

from linkmanager.services.table_engine import Answer, Job, TableEngine
from linkmanager.services.table_rows import RowFilter, RowSort, TableSpec
from linkmanager.ui.models.row_model import RowTableModel
from linkmanager.ui.tasks import TaskRunner

R = TypeVar("R")


class EngineTableModel(RowTableModel[R]):
    """Rows, filter and sort through a TableEngine; `answered` after every answer applied."""

    answered = Signal()

    def __init__(
        self,
        titles: Sequence[str],
        spec: TableSpec[R],
        parent: QObject | None = None,
        *,
        runner: TaskRunner | None = None,
        async_from: int | None = None,
    ) -> None:
        super().__init__(titles, spec.key, parent)
        self.engine: TableEngine[R] = (
            TableEngine(spec) if async_from is None else TableEngine(spec, async_from=async_from)
        )
        self._runner = runner
        self._task_key = f"table engine {id(self)}"

    # -- asking --------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[R]) -> None:
        """Show these rows (a whole new list), as a diff of what is shown."""
        self._ask(self.engine.set_rows(rows))

    def set_filter(self, flt: RowFilter) -> None:
        if flt != self.engine.filter:
            self._ask(self.engine.set_filter(flt))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Column -1 restores the order the rows were given in."""
        sort = RowSort(
            column if 0 <= column < self.columnCount() else -1, order == Qt.SortOrder.DescendingOrder
        )
        if sort != self.engine.sort:
            self._ask(self.engine.set_sort(sort))

    def settle(self) -> None:
        """Show what was asked for now, on this thread (an answer on its way is dropped)."""
        if self.engine.pending:
            self._take(self.engine.again().make())

    def clear_rows(self, flt: RowFilter | None = None) -> None:
        """No row at all, at once; the sort stays, and the filter unless another is given."""
        self._apply(self.engine.clear(flt))
        self.answered.emit()

    # -- reading -------------------------------------------------------------------------------

    def sort_column(self) -> int:
        return self.engine.sort.column

    def sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self.engine.sort.descending else Qt.SortOrder.AscendingOrder

    def group_counts(self) -> dict[Hashable | None, int]:
        """Rows per group (None: all) under the shown filter but its group; empty before rows."""
        return self.engine.counts() or {}

    def all_rows(self) -> Mapping[Hashable, R]:
        """Every row asked for, by key, shown or not (do not change it)."""
        return self.engine.rowset.by_key

    def row_of(self, key: Hashable) -> int | None:
        return self._row_places().get(key)

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # -- answers -------------------------------------------------------------------------------

    def _ask(self, job: Job[R]) -> None:
        if job.heavy and self._runner is not None:
            self._runner.run(job.make, self._take, key=self._task_key, owner=self)
        else:
            self._take(job.make())

    def _take(self, answer: Answer[R]) -> None:
        steps = self.engine.accept(answer)
        if steps is None:
            return  # superseded by a newer request
        self._apply(steps)
        self._places = answer.places
        self.answered.emit()
