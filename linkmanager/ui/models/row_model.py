"""A flat table model that moves from one list of rows to the next by diffing on a key.

Why not a reset: a background sync replaces the whole list every few minutes, and a reset
throws away the selection, the current index and the scroll position. Here removed rows go
out with beginRemoveRows (contiguous runs, from the bottom), rows that only moved go through
one layout change that carries the persistent indexes (so QItemSelectionModel keeps the
selection), new rows come in with beginInsertRows at their final places, and rows whose
content changed get dataChanged.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable
from typing import Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
)

R = TypeVar("R")
AnyIndex = QModelIndex | QPersistentModelIndex

# Past this many insert/remove runs one layout change is cheaper for every view than thousands
# of row signals (each costs the header an O(rows) shuffle); it keeps the selection the same way.
MAX_RUNS = 256


def runs(positions: list[int]) -> list[tuple[int, int]]:
    """Ascending positions as inclusive (first, last) runs: [1, 2, 3, 7] -> [(1, 3), (7, 7)]."""
    found: list[tuple[int, int]] = []
    for pos in positions:
        if found and found[-1][1] == pos - 1:
            found[-1] = (found[-1][0], pos)
        else:
            found.append((pos, pos))
    return found


class RowTableModel(QAbstractTableModel, Generic[R]):
    """Rows in `self._rows` (one list, changed in place so readers never hold a stale one)."""

    def __init__(self, column_count: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []
        self._column_count = column_count

    # -- Qt overrides --------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else self._column_count

    # -- moving to a new list ------------------------------------------------------------------

    def _reset_rows(self, target: list[R]) -> None:
        self.beginResetModel()
        self._rows[:] = target
        self.endResetModel()

    def _replace_rows(
        self, target: list[R], key: Callable[[R], Hashable], changed: Collection[Hashable]
    ) -> None:
        """Make `self._rows` equal to `target`, telling the views with the smallest signals.

        `changed` holds the keys of rows whose shown content differs (they get dataChanged);
        rows are otherwise matched by key, so a changed row keeps its selection.
        """
        rows = self._rows
        if rows == target:  # the same rows in the same order (identity first, so this is cheap)
            positions = {key(r): i for i, r in enumerate(target)} if changed else {}
            self._emit_changed(sorted(positions[k] for k in changed if k in positions))
            return
        target_pos = {key(r): i for i, r in enumerate(target)}
        current_keys = [key(r) for r in rows]
        current = set(current_keys)
        removed = runs([i for i, k in enumerate(current_keys) if k not in target_pos])
        added = runs([i for i, r in enumerate(target) if key(r) not in current])
        if len(removed) + len(added) > MAX_RUNS:
            self._relayout(target, key, target_pos)
        else:
            for first, last in reversed(removed):
                self.beginRemoveRows(QModelIndex(), first, last)
                del rows[first : last + 1]
                self.endRemoveRows()
            staying, staying_pos = target, target_pos
            if added:
                staying = [r for r in target if key(r) in current]
                staying_pos = {key(r): i for i, r in enumerate(staying)}
            if any(key(a) != key(b) for a, b in zip(rows, staying, strict=True)):
                self._relayout(staying, key, staying_pos)
            else:
                rows[:] = staying  # same keys, same places: only contents may differ
            for first, last in added:
                self.beginInsertRows(QModelIndex(), first, last)
                rows[first:first] = target[first : last + 1]
                self.endInsertRows()
        inserted = {key(target[i]) for first, last in added for i in range(first, last + 1)}
        self._emit_changed(sorted(target_pos[k] for k in changed if k in target_pos and k not in inserted))

    def _reorder_rows(self, target: list[R], key: Callable[[R], Hashable]) -> None:
        """The same rows in another order (a sort): one layout change, nothing to diff."""
        if self._rows != target:
            self._relayout(target, key, None)

    def _relayout(
        self, target: list[R], key: Callable[[R], Hashable], target_pos: dict[Hashable, int] | None
    ) -> None:
        """One layout change; persistent indexes follow their row's key (or die with it)."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        keys = [key(self._rows[index.row()]) for index in before]
        self._rows[:] = target
        if target_pos is None:
            target_pos = {key(r): i for i, r in enumerate(target)} if before else {}
        after = [
            self.index(target_pos[k], index.column()) if k in target_pos else QModelIndex()
            for k, index in zip(keys, before, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _emit_changed(self, positions: list[int]) -> None:
        last_column = self._column_count - 1
        for first, last in runs(positions):
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_column), [])
