"""The list of links a bulk action is about, shared by its confirmation and its result.

A plain QTableWidget: each cell's text is shown as written (never as markup), a name's directional
controls are made visible and isolated (domain.i18n.isolated), so a hostile name cannot reorder
the line nor pose as another link.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from linkmanager.domain import format_money
from linkmanager.domain.i18n import isolated, left_to_right
from linkmanager.domain.status import link_status_text
from linkmanager.services.bulk_status import BulkItem

NAME, LINK_ID, AMOUNT, STATUS, OUTCOME, DETAIL = range(6)


def _titles() -> list[str]:
    return [
        QCoreApplication.translate("BulkList", "Name"),
        QCoreApplication.translate("BulkList", "Link ID"),
        QCoreApplication.translate("BulkList", "Amount"),
        QCoreApplication.translate("BulkList", "Status"),
        QCoreApplication.translate("BulkList", "Outcome"),
        QCoreApplication.translate("BulkList", "Details"),
    ]


def make_link_list(
    parent: QWidget, columns: int, accessible_name: str, more: Sequence[str] = ()
) -> QTableWidget:
    """A read-only table with the first `columns` of Name, Link ID, Amount, Status, Outcome, Details,
    then a column for each title in `more`."""
    titles = [*_titles()[:columns], *more]
    table = QTableWidget(0, len(titles), parent)
    table.setHorizontalHeaderLabels(titles)
    table.setAccessibleName(accessible_name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setTabKeyNavigation(False)  # Tab leaves the table for the next control
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return table


def set_cell(table: QTableWidget, row: int, column: int, text: str) -> None:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    table.setItem(row, column, item)


def fill_items(table: QTableWidget, items: tuple[BulkItem, ...]) -> None:
    """One row per link: its name (or its id when it has none), id, amount and status."""
    table.setRowCount(len(items))
    for row, item in enumerate(items):
        set_cell(table, row, NAME, isolated(item.name) if item.name else "")
        set_cell(table, row, LINK_ID, left_to_right(item.link_id))
        set_cell(table, row, AMOUNT, left_to_right(format_money(item.amount)) if item.amount else "")
        if item.status is not None:
            status = link_status_text(item.status)
        else:  # an id typed or kept from before: Lean is asked for it all the same
            status = QCoreApplication.translate("BulkList", "Not in the offline cache")
        set_cell(table, row, STATUS, status)
    table.resizeColumnsToContents()
