"""The links table: every cached link, filtered and sorted in the model itself.

Why not QSortFilterProxyModel: at 100,000 rows a proxy sorting through Python data() takes
seconds and a Python filterAcceptsRow is felt on every keystroke, while list operations over
precomputed keys take a tenth of a second. Each row keeps its display strings (made once, on
first paint) and its sort keys (made once per column, on first sort); a sync replaces rows by
diffing on the link id, so the selection and the scroll position survive it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Collection, Hashable, Sequence
from datetime import datetime
from enum import IntEnum
from itertools import compress, count, repeat
from operator import attrgetter, eq
from typing import Any

from PySide6.QtCore import QObject, Qt

from linkmanager.domain.lifecycle import effective_status
from linkmanager.domain.money import format_money
from linkmanager.domain.status import LinkStatus
from linkmanager.services.workspace import CachedLink
from linkmanager.ui.models import link_rows, row_model
from linkmanager.ui.models.link_rows import NAME_HINT, LinkRow, PreparedRows
from linkmanager.ui.models.row_model import AnyIndex, RowTableModel
from linkmanager.ui.models.status_style import dot_icon, entered_value_icon, link_status_color
from linkmanager.ui.text import plain_tooltip


class Column(IntEnum):
    LINK_ID = 0
    NAME = 1
    STATUS = 2
    AMOUNT = 3
    USAGES = 4
    EXPIRES = 5
    REFERENCE = 6
    CUSTOMER_ID = 7


TITLES = ("Link ID", "Name", "Status", "Amount", "Usages", "Expires at", "Reference", "Customer ID")

LINK_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # -> CachedLink
LINK_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # -> str
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 3  # -> the column's sort key; None sorts last

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ACCESSIBLE_DESCRIPTION = int(Qt.ItemDataRole.AccessibleDescriptionRole)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


# The columns the cache can read a first screenful in, in exactly this table's order
# (Workspace.first_links); the others wait for the whole list.
FIRST_ORDERS: dict[int, str] = {
    Column.LINK_ID: "id",
    Column.NAME: "name",
    Column.EXPIRES: "expires_at",
    Column.REFERENCE: "reference",
    Column.CUSTOMER_ID: "customer_id",
}


_row_key: Callable[[LinkRow], Hashable] = attrgetter("id")
_row_status: Callable[[LinkRow], LinkStatus] = attrgetter("status")
# What the via-usage hint changes in a Name cell (its text stays).
_HINT_ROLES = [_DECORATION, _TOOLTIP, _ACCESSIBLE_DESCRIPTION]


def _with_status(rows: list[LinkRow], status: LinkStatus) -> list[LinkRow]:
    return list(compress(rows, map(eq, map(_row_status, rows), repeat(status))))


class LinksTableModel(RowTableModel[LinkRow]):
    """Cached links as table rows; `now` decides which cached links have expired meanwhile."""

    def __init__(self, now: Callable[[], datetime], parent: QObject | None = None) -> None:
        super().__init__(TITLES, parent)
        self._now = now
        self._all: dict[str, LinkRow] = {}  # every link, in the order set_links() gave them
        self._by_id: list[LinkRow] | None = None  # every link by id, made when a sort needs it
        self._order: list[LinkRow] | None = None  # every link in the shown order (see _ordered)
        self._order_places: dict[Hashable, int] | None = None  # id -> place in _order
        self._loaded = False
        self._complete = False  # False while only show_first()'s screenful is in
        self._status: LinkStatus | None = None
        self._ids: frozenset[str] | None = None
        self._via_usage: frozenset[str] = frozenset()
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._counts: dict[LinkStatus | None, int] | None = None
        self._picked: tuple[list[LinkRow], list[int]] | None = None  # see _target and _show

    # -- feeding -----------------------------------------------------------------------------------

    def show_first(self, links: Sequence[CachedLink]) -> None:
        """A first screenful in the current sort order, shown while the whole list loads: only
        before the first set_links(). Tab counts wait for the whole list (is_complete)."""
        if not self._loaded:
            self._update(links)

    @property
    def is_complete(self) -> bool:
        """True once set_links() has given the whole list."""
        return self._complete

    def set_links(self, links: Sequence[CachedLink]) -> None:
        """Show these links (a sync's or the cache's whole list), as a diff of what is shown."""
        self._complete = True
        self._update(links)

    def rows_snapshot(self) -> dict[str, LinkRow]:
        """The rows by id, for prepare_rows() on a worker (the model replaces, never edits, this dict)."""
        return self._all

    def set_prepared(self, prepared: PreparedRows) -> None:
        """Show a whole list whose rows a worker made (link_rows.prepare_rows), as a diff."""
        self._complete = True
        self._all = prepared.rows
        self._by_id = prepared.by_id
        self._counts = None
        if prepared.column == self._sort_column and prepared.descending == self._descending():
            self._order, self._order_places = prepared.order, prepared.places
        else:  # the user sorted again meanwhile
            self._order, self._order_places = None, None
        first = not self._loaded
        self._loaded = True
        self._show(prepared.changed, first=first)

    def _update(self, links: Sequence[CachedLink]) -> None:
        now = self._now()
        old = self._all
        fresh: dict[str, LinkRow] = {}
        changed: set[str] = set()
        for seq, cached in enumerate(links):
            link_id = cached.link.id
            status = effective_status(cached.link, now)
            row = old.get(link_id)
            if row is None:
                row = LinkRow(cached, status, seq)
            elif row.update(cached, status, seq):
                changed.add(link_id)
            fresh[link_id] = row
        same_ids = fresh.keys() == old.keys()
        if not same_ids:
            self._by_id = None
        self._all = fresh
        if self._loaded and same_ids and not changed and (self._sort_column >= 0 or list(fresh) == list(old)):
            return  # a sync that changed nothing shown: the rows took the new copies in place
        self._order = None
        self._order_places = None
        self._counts = None
        first = not self._loaded
        self._loaded = True
        self._show(changed, first=first)

    def refresh_statuses(self) -> None:
        """Re-judge expiry against now() (a link can expire while the window stays open)."""
        self.set_links([row.cached for row in self._all.values()])

    def clear(self) -> None:
        """Profile switch: no link of the previous profile may remain, selection and search
        results included. The status filter and the sort stay: the tabs and header show them."""
        self._all = {}
        self._by_id = None
        self._order = None
        self._order_places = None
        self._counts = None
        self._loaded = False
        self._complete = False
        self._ids = None
        self._via_usage = frozenset()
        self._reset_rows([])

    def set_status_filter(self, status: LinkStatus | None) -> None:
        """Show one effective status (None = all)."""
        if status == self._status:
            return
        self._status = status
        self._show(())

    def set_id_filter(self, ids: set[str] | None, via_usage: set[str] | None = None) -> None:
        """Show only these ids (a search's links; None = no search). `via_usage`: the ids found only
        in what payers typed, marked in the Name column so nobody wonders why the link matched."""
        new_ids = None if ids is None else frozenset(ids)
        new_via = frozenset(via_usage or ()) if new_ids is not None else frozenset()
        if new_ids == self._ids and new_via == self._via_usage:
            return
        hinted = bool(new_via ^ self._via_usage)
        if new_ids != self._ids:
            self._counts = None
        self._ids = new_ids
        self._via_usage = new_via
        self._show(())
        if hinted and self._rows:
            # One signal for the whole Name column (views repaint what they show), not one per
            # hinted row: a search can change the hint on tens of thousands of rows.
            last = len(self._rows) - 1
            self.dataChanged.emit(self.index(0, Column.NAME), self.index(last, Column.NAME), _HINT_ROLES)

    # -- questions -----------------------------------------------------------------------------

    def status_counts(self) -> dict[LinkStatus | None, int]:
        """Links per effective status for the tabs (None = all): the search applies, the tab does not."""
        if self._counts is None:  # kept until the links or the search change
            if self._ids is None:
                rows: Collection[LinkRow] = self._all.values()
            elif self._status is None:
                rows = self._rows  # the search's rows are the ones shown: no lookup per id
            else:
                rows = self._rows_for(self._ids)
            counts: dict[LinkStatus | None, int] = dict.fromkeys(LinkStatus.known(), 0)
            counts.update(Counter(map(_row_status, rows)))
            counts[None] = len(rows)
            self._counts = counts
        return dict(self._counts)

    def row_of(self, link_id: str) -> int | None:
        return self._row_places(_row_key).get(link_id)

    def link_at(self, row: int) -> CachedLink | None:
        return self._rows[row].cached if 0 <= row < len(self._rows) else None

    def sort_column(self) -> int:
        return self._sort_column

    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order

    # -- Qt overrides --------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Column -1 restores the order set_links() gave (the cache's: newest confirmed first)."""
        self._sort_column = column if 0 <= column < len(Column) else -1
        self._sort_order = order
        self._order = None
        self._order_places = None
        if self._loaded:
            self._reorder_rows(self._target(), _row_key)

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == _DISPLAY:
            texts = row.texts
            return (texts if texts is not None else row.make_texts())[column]
        if role == LINK_ROLE:
            return row.cached
        if role == LINK_ID_ROLE:
            return row.id
        if role == _DECORATION:
            return self._decoration(row, column)
        if role == _ALIGNMENT:
            return _RIGHT if column == Column.AMOUNT else None
        if role == _TOOLTIP:
            return self._tooltip(row, column)
        if role == SORT_ROLE:
            return row.key(column)
        if role == _ACCESSIBLE_DESCRIPTION and column == Column.NAME and row.id in self._via_usage:
            return NAME_HINT
        return None

    # -- inside --------------------------------------------------------------------------------

    def _decoration(self, row: LinkRow, column: int) -> Any:
        if column == Column.STATUS:
            return dot_icon(link_status_color(row.status), hollow=row.cached.missing_since is not None)
        if column == Column.NAME and row.id in self._via_usage:
            return entered_value_icon()
        return None

    def _tooltip(self, row: LinkRow, column: int) -> str | None:
        if column == Column.STATUS:
            return plain_tooltip(link_rows.status_reason(row))
        if column == Column.EXPIRES:
            expires = row.cached.link.expires_at
            return None if expires is None else plain_tooltip(link_rows.utc_text(expires))
        if column == Column.NAME:
            name = row.cached.link.name or ""
            if row.id in self._via_usage:
                return plain_tooltip(f"{name}\n{NAME_HINT}" if name else NAME_HINT)
            return plain_tooltip(name) if name else None
        if column == Column.AMOUNT:
            return plain_tooltip(format_money(row.cached.link.amount))
        return None

    def _rows_for(self, ids: frozenset[str]) -> list[LinkRow]:
        every = self._all
        return [every[i] for i in ids if i in every]

    def _target(self) -> list[LinkRow]:
        """The rows to show: filtered, then sorted by the column key with the id as tie-break.

        With no filter, the list is _ordered() itself. A search's rows are picked out by their
        places in it (a lookup per found id, not a pass over every link), or, while those places
        are not known, sorted on their own when they are few."""
        status, ids, column = self._status, self._ids, self._sort_column
        if ids is None:
            rows = self._ordered()
            return rows if status is None else _with_status(rows, status)
        if self._order_places is None and len(ids) * 8 < len(self._all):
            rows = self._rows_for(ids)
            rows.sort(key=link_rows.by_seq if column < 0 else link_rows.by_id)
            if status is not None:
                rows = _with_status(rows, status)
            return rows if column < 0 else link_rows.sort_rows(rows, column, descending=self._descending())
        ordered, places = self._ordered(), self._ordered_places()
        try:  # one lookup per id: a search finds only links the model holds...
            found = sorted(map(places.__getitem__, ids))
        except KeyError:  # ...unless the links changed between the search and its answer
            found = sorted(map(places.__getitem__, compress(ids, map(places.__contains__, ids))))
        rows = list(map(ordered.__getitem__, found))
        if status is None:
            self._picked = (rows, found)  # for _show: these rows sit at `found` in _ordered()
            return rows
        return _with_status(rows, status)

    def _ordered(self) -> list[LinkRow]:
        """Every link in the shown order, kept until the links or the sort change: switching a
        tab or clearing a search then costs one pass over the list, not a sort."""
        if self._order is None:
            if self._sort_column < 0:
                self._order = list(self._all.values())
            else:
                if self._by_id is None:
                    self._by_id = sorted(self._all.values(), key=link_rows.by_id)
                self._order = link_rows.sort_rows(
                    self._by_id, self._sort_column, descending=self._descending()
                )
        return self._order

    def _ordered_places(self) -> dict[Hashable, int]:
        """Each link's place in _ordered(), by id: made once per order, like the order itself."""
        if self._order_places is None:
            self._order_places = dict(zip(map(_row_key, self._ordered()), count()))
        return self._order_places

    def _last_picked(self) -> tuple[list[LinkRow], list[int]] | None:
        """What the last _target() picked out of _ordered() (set there, as a side product)."""
        return self._picked

    def _locator(self, found: list[int]) -> Callable[[Hashable], int | None]:
        """A link's row among the rows picked at `found` (places in _ordered()), by bisection."""
        places = self._ordered_places()

        def locate(link_id: Hashable) -> int | None:
            place = places.get(link_id)
            if place is None:
                return None
            row = bisect_left(found, place)
            return row if row < len(found) and found[row] == place else None

        return locate

    def _narrows_everything(self, target: list[LinkRow]) -> bool:
        """True when every link is shown now, `target` is picked out of them in the same order,
        and so many runs of rows go that views take one layout change better than row signals."""
        picked, order = self._last_picked(), self._order
        if picked is None or picked[0] is not target or order is None or len(self._rows) != len(order):
            return False
        if self._rows != order:  # identity compares first: cheap when equal
            return False
        return row_model.too_many_gaps(picked[1], len(order))

    def _descending(self) -> bool:
        return self._sort_order == Qt.SortOrder.DescendingOrder

    def _show(self, changed: Collection[str], *, first: bool = False) -> None:
        self._picked = None
        target = self._target()
        picked = self._last_picked()
        if not first and not changed and picked is not None and self._narrows_everything(target):
            # A search over the whole list: its rows keep their order, the rest go. Scattered over
            # 100,000 rows that is one layout change; the diff would only find that out (15 ms).
            self._relayout(target, _row_key, None, self._locator(picked[1]))
            return
        if first:
            self._reset_rows(target)
            if target is self._order and self._order_places is not None:
                # Each row's place is known already (prepare_rows made it on a worker): the first
                # search then narrows without a pass over every row to find them (44 ms at 100,000).
                self._set_places(self._order_places, _row_key)
        else:
            places = self._ordered_places() if target is self._order else None
            self._replace_rows(target, _row_key, changed, places)
