"""A saved view taken from the window, and put back into it, through the window's own objects:
the Links | Payments bar, the status or outcome tabs, the search box, the tables' headers and
the Payments page's filters. Each change goes through the signal the user's own click sends, so
the controllers (search, table engine, payments engine) do their usual work and nothing else.

Columns travel by name (services.saved_views), mapped here to the tables' column numbers.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QSignalBlocker, Qt
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableView

from linkmanager.services.date_ranges import QuickRange
from linkmanager.services.saved_views import (
    COLUMNS,
    TABS,
    ColumnLayout,
    Page,
    PaymentFilters,
    SavedView,
    Sort,
)

if TYPE_CHECKING:
    from linkmanager.ui.main_window import MainWindow
    from linkmanager.ui.widgets.payments_page import PaymentsPage

FIXED_COLUMN = 0  # the id (Links) or time (Payments) column: always shown, as the column menu keeps it
LINKS_INDEX, PAYMENTS_INDEX = 0, 1  # window.views / window.pages


def shown_page(window: MainWindow) -> Page:
    return Page.PAYMENTS if window.views.currentIndex() == PAYMENTS_INDEX else Page.LINKS


def capture(window: MainWindow, name: str) -> SavedView:
    """The view the window shows now, under `name`."""
    page = shown_page(window)
    search = window.search_box.text().strip()
    if page == Page.LINKS:
        tab = _tab_word(page, window.tabs.currentIndex())
        columns, sort = _header(window.table, page)
        return SavedView(name, page, tab, search, columns, sort)
    payments = window.payments_view().page
    tab = _tab_word(page, payments.tabs.currentIndex())
    columns, sort = _header(payments.table, page)
    return SavedView(name, page, tab, search, columns, sort, _filters(payments))


def _tab_word(page: Page, index: int) -> str:
    words = TABS[page]
    return words[index] if 0 <= index < len(words) else words[0]


def _header(table: QTableView, page: Page) -> tuple[tuple[ColumnLayout, ...], Sort | None]:
    names, header = COLUMNS[page], table.horizontalHeader()
    logical = [header.logicalIndex(visual) for visual in range(header.count())]
    columns = []
    for column in logical:
        if not 0 <= column < len(names):
            continue
        hidden = header.isSectionHidden(column)
        stretched = header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch or (
            header.stretchLastSection() and column == _last_shown(header)
        )
        width = None if hidden or stretched else header.sectionSize(column)
        columns.append(ColumnLayout(names[column], hidden, width))
    section = header.sortIndicatorSection()
    sort = None
    if header.isSortIndicatorShown() and 0 <= section < len(names):
        sort = Sort(names[section], header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)
    return tuple(columns), sort


def _last_shown(header: QHeaderView) -> int:
    for visual in reversed(range(header.count())):
        column = header.logicalIndex(visual)
        if not header.isSectionHidden(column):
            return column
    return -1


def _filters(page: PaymentsPage) -> PaymentFilters:
    which = page.quick_range()
    first, last = page.custom_days() if which == QuickRange.CUSTOM else (None, None)
    return PaymentFilters(page.currency_code(), which, first, last, page.link_status_choice())


# -- applying --------------------------------------------------------------------------------------


def apply(window: MainWindow, view: SavedView) -> None:
    """Show `view`: its page, tab, filters, columns, sort and search (the search last: the box
    is shared by both pages, and the page shown then searches with it)."""
    if view.page == Page.LINKS:
        window.show_view(LINKS_INDEX)
        window.tabs.setCurrentIndex(TABS[Page.LINKS].index(view.tab))
        _apply_header(window.table, view)
    else:
        page = window.payments_view().page  # made now if it was not: its filters must be set before it reads
        page.tabs.setCurrentIndex(TABS[Page.PAYMENTS].index(view.tab))
        apply_filters(page, view.filters)
        _apply_header(page.table, view)
        window.show_view(PAYMENTS_INDEX)
    if window.search_box.text() != view.search:
        window.search_box.setText(view.search)


def _apply_header(table: QTableView, view: SavedView) -> None:
    """The view's columns first, in its order; columns it does not name (a newer version's)
    after them as they were. Widths only where the table does not size the column itself."""
    names, header = COLUMNS[view.page], table.horizontalHeader()
    listed = [names.index(c.name) for c in view.columns]
    current = sorted(range(header.count()), key=header.visualIndex)
    for visual, column in enumerate(listed + [c for c in current if c not in listed]):
        header.moveSection(header.visualIndex(column), visual)
    for layout in view.columns:
        column = names.index(layout.name)
        hidden = layout.hidden and column != FIXED_COLUMN
        table.setColumnHidden(column, hidden)
        resizable = header.sectionResizeMode(column) == QHeaderView.ResizeMode.Interactive
        if not hidden and layout.width is not None and resizable:
            header.resizeSection(column, layout.width)
    if view.sort is not None:
        order = Qt.SortOrder.DescendingOrder if view.sort.descending else Qt.SortOrder.AscendingOrder
        table.sortByColumn(names.index(view.sort.column), order)


def apply_filters(page: PaymentsPage, filters: PaymentFilters) -> None:
    """Set the Payments page's filters as the user would, each change announced by the page."""
    code = filters.currency
    if code is not None and page.currency.findData(code) < 0:
        # Not among the currencies read (yet): offered, so the view shows what it says (none)
        # rather than every currency. A later read of the table keeps it while it has payments.
        page.currency.addItem(code, code)
    _choose(page.currency, code)
    if filters.dates == QuickRange.CUSTOM and filters.first_day and filters.last_day:
        with QSignalBlocker(page.first_day), QSignalBlocker(page.last_day):  # one filter change, not three
            page.first_day.setDate(_qdate(filters.first_day))
            page.last_day.setDate(_qdate(filters.last_day))
    _choose(page.dates, filters.dates.value)
    _choose(page.link_status, filters.link_status.value if filters.link_status else None)
    page.filters_changed.emit()  # the days, set quietly above, may be all that changed


def _choose(combo: QComboBox, data: str | None) -> None:
    index = 0 if data is None else combo.findData(data)
    combo.setCurrentIndex(max(index, 0))


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
