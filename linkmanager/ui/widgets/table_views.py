"""The window's big tables (links, payments): one way to build them, one column menu, one way
to size their columns and to cut their ids.

Both hold up to a million rows, so both use fixed row heights (Qt would otherwise measure every
row), select whole rows, keep columns movable, and offer the same menu to show or hide columns.
Columns start as wide as a typical value in this screen's fonts (fit_columns), one free-text
column takes the remaining width, and ids are cut in the middle (MiddleElideDelegate).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from datetime import UTC, datetime

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QFontMetrics, QHelpEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from linkmanager.domain.lifecycle import moment_text
from linkmanager.domain.status import LinkStatus
from linkmanager.ui.models.links_model import Column
from linkmanager.ui.text import plain_tooltip
from linkmanager.ui.widgets.copy_field import status_text

UUID = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
COMPACT_ID = UUID[:8] + "…" + UUID[-4:]  # the width an id column starts at: its start and its end
CELL_PAD = 16  # a cell's margins, and a little air
HEAD_PAD = 32  # the header's margins and its sort arrow
ICON = 20  # a status dot and the gap after it
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)


class KeyTable(QTableView):
    """A table the keyboard can leave and use: Tab moves to the next control (not the next cell,
    which trapped keyboard users in the table), Enter or Return on a row is `entered` (the
    window opens what the row stands for, as a double-click does), and the Menu key or
    Shift+F10 opens the row's menu.

    A key handler rather than an event filter: a filter is called for every event the table gets
    (each paint among them), this only for keys."""

    entered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabKeyNavigation(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key, current = event.key(), self.currentIndex()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current.isValid():
            self.entered.emit()
            event.accept()
            return
        menu_key = key == Qt.Key.Key_Menu or (
            key == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier
        )
        if menu_key and self.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu:
            # The row's menu by keyboard, beside the current row, on every platform alike.
            rect = self.visualRect(current) if current.isValid() else self.viewport().rect()
            self.customContextMenuRequested.emit(rect.center())
            event.accept()
            return
        super().keyPressEvent(event)


def make_table(
    model: QAbstractItemModel,
    name: str,
    widths: Iterable[tuple[int, int]],
    hidden: Iterable[int],
    row_menu: Callable[[QPoint], None] | None = None,
) -> KeyTable:
    table = KeyTable()
    table.setAccessibleName(name)
    table.setModel(model)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    if row_menu is not None:
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(row_menu)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    # Always there: a search that leaves a few rows would otherwise hide it, widen the rows and
    # shift every column as the user types (and repaint the table's whole frame each time).
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
    table.verticalHeader().setVisible(False)
    # Fixed row heights: a table of 100,000 rows (or a million payments) must not measure each.
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setSectionsMovable(True)
    header.setStretchLastSection(True)
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(
        lambda position: column_menu(table, header.mapToGlobal(position), fixed=(0,))
    )
    for column, width in widths:
        table.setColumnWidth(column, width)
    for column in hidden:
        table.setColumnHidden(column, True)
    return table


def add_column_actions(table: QTableView, menu: QMenu, fixed: Iterable[int] = (0,)) -> None:
    """One checkable entry per column; the `fixed` ones (an id) always stay."""
    model, always = table.model(), set(fixed)
    for column in range(model.columnCount()):
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        action = menu.addAction(title)
        action.setCheckable(True)
        action.setChecked(not table.isColumnHidden(column))
        action.setEnabled(column not in always)
        action.toggled.connect(lambda shown, c=column: table.setColumnHidden(c, not shown))


def column_menu(table: QTableView, at: QPoint, fixed: Iterable[int] = (0,)) -> None:
    menu = QMenu(table)
    add_column_actions(table, menu, fixed)
    menu.popup(at)


class MiddleElideDelegate(QStyledItemDelegate):
    """An id cut in the middle when its column is narrow (7c9e6679…f90ae7): people compare ids by
    their start and their end. The whole id is its tooltip (unless the model gives one)."""

    def __init__(self, parent: QWidget, mode: Qt.TextElideMode = Qt.TextElideMode.ElideMiddle) -> None:
        super().__init__(parent)
        self._mode = mode

    def initStyleOption(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = self._mode

    def helpEvent(  # noqa: N802 - Qt override
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if event.type() == QEvent.Type.ToolTip and index.isValid() and index.data(_TOOLTIP) is None:
            text = index.data(_DISPLAY)
            if text:
                QToolTip.showText(event.globalPos(), plain_tooltip(str(text)), view)
                return True
        return super().helpEvent(event, view, option, index)


def elide_ids(table: QAbstractItemView, columns: Iterable[int], mode: Qt.TextElideMode | None = None) -> None:
    """Cut these columns' ids in the middle (or by `mode`); the table's other columns keep theirs."""
    delegate = MiddleElideDelegate(table) if mode is None else MiddleElideDelegate(table, mode)
    for column in columns:
        table.setItemDelegateForColumn(column, delegate)


def widest(metrics: QFontMetrics, texts: Iterable[str]) -> str:
    return max(texts, key=metrics.horizontalAdvance, default="")


def moment_sample(metrics: QFontMetrics) -> str:
    """The widest time of the year as every view writes it, in the workstation's zone."""
    return widest(
        metrics, (moment_text(datetime(2026, month, 28, 20, 59, tzinfo=UTC)) for month in range(1, 13))
    )


def column_widths(
    table: QTableView, samples: Mapping[int, str], icons: Collection[int] = ()
) -> dict[int, int]:
    """Each column as wide as its title or its sample (a typical value), in this screen's fonts."""
    cells, heads = table.fontMetrics(), table.horizontalHeader().fontMetrics()
    model = table.model()
    widths = {}
    for column, sample in samples.items():
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        cell = cells.horizontalAdvance(sample) + CELL_PAD + (ICON if column in icons else 0)
        widths[column] = max(cell, heads.horizontalAdvance(title) + HEAD_PAD)
    return widths


def fit_columns(
    table: QTableView,
    samples: Mapping[int, str],
    fill: int,
    *,
    icons: Collection[int] = (),
    ids: Iterable[int] = (),
) -> dict[int, int]:
    """Size the columns to their samples and let `fill` (a free-text column) take the remaining
    width, however wide the window; cut `ids` in the middle. The user's widths stay as set, and
    a saved header state (ui.window_state) replaces all of this when restored afterwards."""
    widths = column_widths(table, samples, icons)
    header = table.horizontalHeader()
    for column, width in widths.items():
        header.resizeSection(column, width)
    header.setStretchLastSection(False)
    header.setSectionResizeMode(fill, QHeaderView.ResizeMode.Stretch)
    elide_ids(table, ids)
    return widths


def fit_link_columns(table: QTableView) -> dict[int, int]:
    """The links table: ids compact and cut in the middle, Name takes the remaining width."""
    metrics = table.fontMetrics()
    samples: dict[int, str] = {
        Column.LINK_ID: COMPACT_ID,
        Column.STATUS: widest(metrics, map(status_text, LinkStatus.known())),  # in the interface's language
        Column.AMOUNT: "KWD 1,234,567.000",
        Column.USAGES: "1,000 / 1,000",
        Column.EXPIRES: moment_sample(metrics),
        Column.REFERENCE: "INV-2026-000123",
        Column.CUSTOMER_ID: COMPACT_ID,
    }
    return fit_columns(
        table, samples, Column.NAME, icons=(Column.STATUS,), ids=(Column.LINK_ID, Column.CUSTOMER_ID)
    )


def select_row(table: QTableView, row: int) -> None:
    """Select the whole row and make it current. QTableView.selectRow selects nothing when the
    layout is right to left (Qt 6, the Arabic interface); the selection model does it in both."""
    index = table.model().index(row, 0)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    table.selectionModel().setCurrentIndex(index, flags)
