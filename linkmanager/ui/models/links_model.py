"""The links table: every cached link, filtered and sorted by the table engine.

Why not QSortFilterProxyModel: at 100,000 rows a proxy sorting through Python data() takes
seconds and a Python filterAcceptsRow is felt on every keystroke, while the engine's list
operations over precomputed keys take a tenth of a second, on a worker. Each row keeps its
display strings (made once, on first paint) and its sort keys (made once per column, on first
sort); a sync replaces rows by diffing on the link id, so the selection and the scroll survive it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from enum import IntEnum
from typing import Any, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt

from linkmanager.domain.i18n import translate
from linkmanager.domain.money import format_money
from linkmanager.domain.status import LinkStatus
from linkmanager.services import link_rows
from linkmanager.services.link_rows import LINK_SPEC, NAME_HINT, LinkRow, make_rows
from linkmanager.services.table_rows import RowFilter
from linkmanager.services.workspace import CachedLink
from linkmanager.ui.models.engine_model import EngineTableModel
from linkmanager.ui.models.row_model import AnyIndex
from linkmanager.ui.models.status_style import dot_icon, entered_value_icon, link_status_color
from linkmanager.ui.tasks import TaskRunner
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


# The column headers, translated when the model is made.
TITLES = (
    QT_TRANSLATE_NOOP("LinksTableModel", "Link ID"),
    QT_TRANSLATE_NOOP("LinksTableModel", "Name"),
    QT_TRANSLATE_NOOP("LinksTableModel", "Status"),
    QT_TRANSLATE_NOOP("LinksTableModel", "Amount"),
    QT_TRANSLATE_NOOP("LinksTableModel", "Usages"),
    QT_TRANSLATE_NOOP("LinksTableModel", "Expires at"),
    QT_TRANSLATE_NOOP("LinksTableModel", "Reference"),
    QT_TRANSLATE_NOOP("LinksTableModel", "Customer ID"),
)

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


# What the via-usage hint changes in a Name cell (its text stays).
_HINT_ROLES = [_DECORATION, _TOOLTIP, _ACCESSIBLE_DESCRIPTION]


class LinksTableModel(EngineTableModel[LinkRow]):
    """Cached links as table rows; `now` decides which cached links have expired meanwhile."""

    def __init__(
        self,
        now: Callable[[], datetime],
        parent: QObject | None = None,
        *,
        runner: TaskRunner | None = None,
        async_from: int | None = None,
        load_link: Callable[[str], CachedLink | None] | None = None,
    ) -> None:
        titles = [QCoreApplication.translate("LinksTableModel", str(title)) for title in TITLES]
        super().__init__(titles, LINK_SPEC, parent, runner=runner, async_from=async_from)
        self._now = now
        self._load_link = load_link  # a row read for the table holds no CachedLink: read it by id
        self._complete_from: int | None = None  # the request that asked for the whole list
        self._via_usage: frozenset[str] = frozenset()

    # -- feeding -----------------------------------------------------------------------------------

    def show_first(self, links: Sequence[CachedLink]) -> None:
        """A first screenful in the current sort order, shown while the whole list loads: only
        before the first set_links(). Tab counts wait for the whole list (is_complete)."""
        self.show_first_rows(make_rows(links, self._now()))

    def show_first_rows(self, rows: Sequence[LinkRow]) -> None:
        """show_first() with rows a worker made (their texts too: Workspace.first_rows)."""
        if self._complete_from is None:
            self.set_rows(rows)

    @property
    def is_complete(self) -> bool:
        """True once the whole list (set_links, set_link_rows) is shown, not a first screenful."""
        return self._complete_from is not None and self.engine.shown >= self._complete_from

    def set_links(self, links: Sequence[CachedLink]) -> None:
        """Show these links (a sync's or the cache's whole list), as a diff of what is shown."""
        self.set_link_rows(make_rows(links, self._now()))

    def set_link_rows(self, rows: Sequence[LinkRow]) -> None:
        """Show a whole list whose rows a worker made (link_rows.make_rows), as a diff."""
        if self._complete_from is None:
            self._complete_from = self.engine.asked + 1
        self.set_rows(rows)

    def refresh_statuses(self) -> None:
        """Re-judge expiry against now() (a link can expire while the window stays open)."""
        now = self._now()
        self.set_link_rows([row.at(now) for row in self.all_rows().values()])

    def clear(self) -> None:
        """Profile switch: no link of the previous profile may remain, selection and search
        results included. The status filter and the sort stay: the tabs and header show them."""
        self._complete_from = None
        self._via_usage = frozenset()
        self.clear_rows(RowFilter(self.engine.filter.group))  # the tab stays, the search goes

    def set_status_filter(self, status: LinkStatus | None) -> None:
        """Show one effective status (None = all)."""
        flt = self.engine.filter
        self.set_filter(RowFilter(status, flt.keys, flt.since, flt.until, flt.currency))

    def set_id_filter(self, ids: set[str] | None, via_usage: set[str] | None = None) -> None:
        """Show only these ids (a search's links; None = no search). `via_usage`: the ids found only
        in what payers typed, marked in the Name column so nobody wonders why the link matched."""
        keys = None if ids is None else frozenset(ids)
        new_via = frozenset(via_usage or ()) if keys is not None else frozenset()
        hinted = new_via != self._via_usage
        self._via_usage = new_via
        flt = self.engine.filter
        self.set_filter(RowFilter(flt.group, keys, flt.since, flt.until, flt.currency))
        if hinted and self._rows:
            # One signal for the whole Name column (views repaint what they show), not one per
            # hinted row: a search can change the hint on tens of thousands of rows.
            last = len(self._rows) - 1
            self.dataChanged.emit(self.index(0, Column.NAME), self.index(last, Column.NAME), _HINT_ROLES)

    # -- questions -----------------------------------------------------------------------------

    def status_counts(self) -> dict[LinkStatus | None, int]:
        """Links per effective status for the tabs (None = all): the search applies, the tab does not."""
        return cast(dict[LinkStatus | None, int], self.group_counts())  # LINK_SPEC groups by status

    def rows_snapshot(self) -> Mapping[str, LinkRow]:
        """Every link's row by id, shown or not (do not change it)."""
        return self.all_rows()  # type: ignore[return-value]

    def link_at(self, row: int) -> CachedLink | None:
        """The whole link shown at `row`: the one the row holds, else read by its id."""
        found = self.row_at(row)
        return None if found is None else self._whole(found)

    def _whole(self, row: LinkRow) -> CachedLink | None:
        if row.cached is not None or self._load_link is None:
            return row.cached
        return self._load_link(row.id)

    # -- Qt overrides --------------------------------------------------------------------------

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == _DISPLAY:
            texts = row.texts
            return (texts if texts is not None else row.make_texts())[column]
        if role == LINK_ROLE:
            return self._whole(row)
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
            return translate("LinkRows", NAME_HINT)
        return None

    # -- inside --------------------------------------------------------------------------------

    def _decoration(self, row: LinkRow, column: int) -> Any:
        if column == Column.STATUS:
            return dot_icon(link_status_color(row.status), hollow=row.missing_since is not None)
        if column == Column.NAME and row.id in self._via_usage:
            return entered_value_icon()
        return None

    def _tooltip(self, row: LinkRow, column: int) -> str | None:
        if column == Column.STATUS:
            return plain_tooltip(link_rows.status_reason(row))
        if column == Column.EXPIRES:
            expires = row.expires_at
            return None if expires is None else plain_tooltip(link_rows.utc_text(expires))
        if column == Column.NAME:
            name = row.name or ""
            if row.id in self._via_usage:
                hint = translate("LinkRows", NAME_HINT)
                return plain_tooltip(f"{name}\n{hint}" if name else hint)
            return plain_tooltip(name) if name else None
        if column == Column.AMOUNT:
            return plain_tooltip(format_money(row.amount))
        return None
