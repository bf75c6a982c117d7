"""A flat Qt table model that applies a table plan's steps (services.table_diff) to its rows.

The plan says what changed; this says it to the views with the matching signal: removed runs
with beginRemoveRows (from the bottom), inserted runs with beginInsertRows, a relayout as one
layout change that carries the persistent indexes by row key (so QItemSelectionModel keeps the
selection), and changed rows with dataChanged.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Mapping, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from linkmanager.services import table_diff
from linkmanager.services.table_diff import Changed, Insert, Refill, Relayout, Remove, Reset, Step

R = TypeVar("R")
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
AnyIndex = QModelIndex | QPersistentModelIndex


class RowTableModel(QAbstractTableModel, Generic[R]):
    """Rows in `self._rows` (one list, changed in place so readers never hold a stale one)."""

    def __init__(
        self, titles: Sequence[str], key: Callable[[R], Hashable], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._rows: list[R] = []
        self._key = key
        self._titles = tuple(titles)
        self._column_count = len(self._titles)
        self._places: Mapping[Hashable, int] | None = None  # key -> row; None until asked for

    # -- Qt overrides --------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else self._column_count

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:  # noqa: N802
        if (
            orientation == Qt.Orientation.Horizontal
            and role == _DISPLAY
            and 0 <= section < self._column_count
        ):
            return self._titles[section]
        return super().headerData(section, orientation, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Rows are selected and read, never edited or dragged."""
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    # -- moving to a new list ------------------------------------------------------------------

    def _row_places(self) -> Mapping[Hashable, int]:
        """Each row's place by key (do not change the dict): made once, kept until the rows change."""
        if self._places is None:
            self._places = table_diff.places_of(self._rows, self._key)
        return self._places

    def _replace_rows(self, target: list[R], changed: Collection[Hashable] = ()) -> None:
        """Make the rows equal to `target` (matched by key) with the smallest signals."""
        places = table_diff.places_of(target, self._key)
        self._apply(table_diff.plan(self._rows, self._row_places(), target, self._key, changed, places))
        self._places = places

    def _apply(self, steps: Sequence[Step[R]]) -> None:
        """Say each step to the views as it is made."""
        rows = self._rows
        for step in steps:
            if isinstance(step, Changed):
                last_column = self._column_count - 1
                self.dataChanged.emit(self.index(step.first, 0), self.index(step.last, last_column), [])
                continue
            self._places = None
            if isinstance(step, Remove):
                self.beginRemoveRows(QModelIndex(), step.first, step.last)
                del rows[step.first : step.last + 1]
                self.endRemoveRows()
            elif isinstance(step, Insert):
                self.beginInsertRows(QModelIndex(), step.first, step.first + len(step.rows) - 1)
                rows[step.first : step.first] = step.rows
                self.endInsertRows()
            elif isinstance(step, Refill):
                rows[:] = step.rows
            elif isinstance(step, Relayout):
                self._relayout(step)
            elif isinstance(step, Reset):
                self.beginResetModel()
                rows[:] = step.rows
                self.endResetModel()

    def _relayout(self, step: Relayout[R]) -> None:
        """One layout change; persistent indexes follow their row's key (or die with it)."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        key, rows = self._key, self._rows
        keys = [key(rows[index.row()]) for index in before]
        rows[:] = step.rows
        found = step.locate(keys) if keys else {}
        after = [
            self.index(found[k], index.column()) if k in found else QModelIndex()
            for k, index in zip(keys, before, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()
