"""A flat table model that moves from one list of rows to the next by diffing on a key.

Why not a reset: a background sync replaces the whole list every few minutes, and a reset
throws away the selection, the current index and the scroll position. Here removed rows go
out with beginRemoveRows (contiguous runs, from the bottom), rows that only moved go through
one layout change that carries the persistent indexes (so QItemSelectionModel keeps the
selection), new rows come in with beginInsertRows at their final places, and rows whose
content changed get dataChanged.

The diff works on each row's place by key (a dict kept from one change to the next), not by
walking both lists: narrowing 100,000 rows to a search's 7,000 then looks at 7,000 rows, where a
walk over 100,000 rows scattered in memory cost tens of milliseconds per keystroke.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Sequence
from itertools import compress, count, islice, repeat
from operator import add, gt, le, ne, sub
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

R = TypeVar("R")
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
AnyIndex = QModelIndex | QPersistentModelIndex

# Past this many insert/remove runs one layout change is cheaper for every view than thousands
# of row signals (each costs the header an O(rows) shuffle); it keeps the selection the same way.
MAX_RUNS = 256


def runs(positions: list[int]) -> list[tuple[int, int]]:
    """Ascending positions as inclusive (first, last) runs: [1, 2, 3, 7] -> [(1, 3), (7, 7)]."""
    if not positions:
        return []
    # a run starts at i where positions[i] is not positions[i - 1] + 1
    following = map(add, positions, repeat(1))
    breaks = list(compress(range(1, len(positions)), map(ne, islice(positions, 1, None), following)))
    firsts = [positions[0], *map(positions.__getitem__, breaks)]
    lasts = [*map(positions.__getitem__, map(sub, breaks, repeat(1))), positions[-1]]
    return list(zip(firsts, lasts, strict=True))


def _gaps(places: list[int], size: int, limit: int) -> list[tuple[int, int]] | None:
    """The (first, last) runs of range(size) missing from the ascending `places`; None past `limit`.

    Found from the places alone, with map/compress: hiding 93,000 of 100,000 rows looks at
    7,000 numbers, and stops once it is clear that one layout change will do.
    """
    starts = [0, *map(add, places, repeat(1))]
    lasts = [*map(sub, places, repeat(1)), size - 1]
    found = list(islice(compress(zip(starts, lasts, strict=True), map(le, starts, lasts)), limit + 1))
    return None if len(found) > limit else found


def too_many_gaps(kept: list[int], size: int) -> bool:
    """True when keeping the ascending places `kept` of `size` rows removes more runs than
    MAX_RUNS: one layout change then serves views better than row signals (see _replace_rows)."""
    return _gaps(kept, size, MAX_RUNS) is None


def _unsorted(values: list[int]) -> bool:
    return any(map(gt, values, islice(values, 1, None)))


def _positions_of(keys: set[Hashable], rows: list[R], key: Callable[[R], Hashable]) -> dict[Hashable, int]:
    """Where these few keys are in `rows`: one scan, cheaper than a dict of every row's place."""
    found = compress(count(), map(keys.__contains__, map(key, rows))) if keys else ()
    return {key(rows[i]): i for i in found}


class RowTableModel(QAbstractTableModel, Generic[R]):
    """Rows in `self._rows` (one list, changed in place so readers never hold a stale one)."""

    def __init__(self, titles: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []
        self._titles = tuple(titles)
        self._column_count = len(self._titles)
        # key -> row in self._rows, for the key function _places_key; None until asked for, and
        # again after any change that does not know the new places.
        self._places: dict[Hashable, int] | None = None
        self._places_key: Callable[[R], Hashable] | None = None

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

    # -- where rows are ------------------------------------------------------------------------

    def _row_places(self, key: Callable[[R], Hashable]) -> dict[Hashable, int]:
        """Each row's place by key (do not change the dict): made once, kept until the rows change."""
        if self._places is None or self._places_key is not key:
            self._places = dict(zip(map(key, self._rows), count()))
            self._places_key = key
        return self._places

    def _set_places(self, places: dict[Hashable, int] | None, key: Callable[[R], Hashable]) -> None:
        self._places = places
        self._places_key = key

    # -- moving to a new list ------------------------------------------------------------------

    def _reset_rows(self, target: list[R]) -> None:
        self.beginResetModel()
        self._rows[:] = target
        self._places = None
        self.endResetModel()

    def _replace_rows(
        self,
        target: list[R],
        key: Callable[[R], Hashable],
        changed: Collection[Hashable],
        target_pos: dict[Hashable, int] | None = None,
    ) -> None:
        """Make `self._rows` equal to `target`, telling the views with the smallest signals.

        `changed` holds the keys of rows whose shown content differs (they get dataChanged);
        rows are otherwise matched by key, so a changed row keeps its selection. `target_pos`:
        each target row's place by key, when the caller has it already (it is kept, not changed).
        """
        rows = self._rows
        if rows == target:  # the same rows in the same order (identity first, so this is cheap)
            positions = self._row_places(key) if changed else {}
            self._emit_changed(sorted(positions[k] for k in changed if k in positions))
            return
        # Only the keys of the shorter side are looked up in the other; map/compress, no Python loop.
        if target_pos is None:
            target_pos = dict(zip(map(key, target), count()))
        current_pos = self._row_places(key)
        if len(target_pos) <= len(current_pos):
            common = list(compress(target_pos, map(current_pos.__contains__, target_pos)))
        else:
            common = list(compress(current_pos, map(target_pos.__contains__, current_pos)))
        stay_at = list(map(current_pos.__getitem__, common))  # where the rows that stay are now
        places = list(map(target_pos.__getitem__, common))  # and where they go
        moved = _unsorted(places) or _unsorted(stay_at)
        if moved:
            places.sort()
            stay_at.sort()
        added = None
        removed = _gaps(stay_at, len(rows), MAX_RUNS)
        if removed is not None:
            added = _gaps(places, len(target), MAX_RUNS - len(removed))
        if removed is None or added is None:
            self._relayout(target, key, target_pos)
            added = []
        else:
            for first, last in reversed(removed):
                self.beginRemoveRows(QModelIndex(), first, last)
                del rows[first : last + 1]
                self._places = None
                self.endRemoveRows()
            staying = list(map(target.__getitem__, places))
            if moved:
                self._relayout(staying, key, None)
            else:
                rows[:] = staying  # same keys, same places: only contents may differ
            for first, last in added:
                self.beginInsertRows(QModelIndex(), first, last)
                rows[first:first] = target[first : last + 1]
                self._places = None
                self.endInsertRows()
            self._set_places(target_pos, key)
        if changed:
            inserted = {key(target[i]) for first, last in added for i in range(first, last + 1)}
            self._emit_changed(
                sorted(target_pos[k] for k in changed if k in target_pos and k not in inserted)
            )

    def _reorder_rows(self, target: list[R], key: Callable[[R], Hashable]) -> None:
        """The same rows in another order (a sort): one layout change, nothing to diff."""
        if self._rows != target:
            self._relayout(target, key, None)

    def _relayout(
        self,
        target: list[R],
        key: Callable[[R], Hashable],
        target_pos: dict[Hashable, int] | None,
        locate: Callable[[Hashable], int | None] | None = None,
    ) -> None:
        """One layout change; persistent indexes follow their row's key (or die with it).

        `locate(key)` -> the key's row in `target` (None: gone), when the caller can say it
        without a scan of `target` (a search over 100,000 rows)."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        keys = [key(self._rows[index.row()]) for index in before]
        self._rows[:] = target
        self._set_places(target_pos, key)
        if target_pos is not None:
            found = target_pos
        elif locate is not None:
            found = {k: row for k in set(keys) if (row := locate(k)) is not None}
        else:
            found = _positions_of(set(keys), target, key)
        after = [
            self.index(found[k], index.column()) if k in found else QModelIndex()
            for k, index in zip(keys, before, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _emit_changed(self, positions: list[int]) -> None:
        last_column = self._column_count - 1
        for first, last in runs(positions):
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_column), [])
