"""The window's big tables (links, payments): one way to build them, one column menu.

Both hold up to a million rows, so both use fixed row heights (Qt would otherwise measure every
row), select whole rows, keep columns movable, and offer the same menu to show or hide columns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QAbstractItemModel, QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView


def make_table(
    model: QAbstractItemModel,
    name: str,
    widths: Iterable[tuple[int, int]],
    hidden: Iterable[int],
    row_menu: Callable[[QPoint], None] | None = None,
) -> QTableView:
    table = QTableView()
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
