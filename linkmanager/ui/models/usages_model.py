"""The usages of the selected link, in Lean's order or sorted by a column.

A sync that refreshes the open link's usages diffs by usage id, so the row the user is
looking at (and the drawer showing it) stays selected; choosing another link resets.
The model sorts itself (a handful of rows; no proxy, so rows here are the view's rows), and
a sort moves rows as one layout change that keeps the selection.
Every value here was typed by a payer or sent by a bank: shown as plain text, as it came.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from enum import IntEnum
from operator import attrgetter, itemgetter
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QFont

from linkmanager.domain import display
from linkmanager.domain.models import Usage
from linkmanager.domain.sorting import text_key
from linkmanager.services.link_rows import NONE_TEXT
from linkmanager.services.table_diff import Reset
from linkmanager.ui.models.row_model import AnyIndex, RowTableModel
from linkmanager.ui.models.status_style import (
    dot_icon,
    outcome_colour,
    payment_status_color,
    payment_status_text,
    usage_outcome,
    usage_status_text,
)
from linkmanager.ui.text import plain_tooltip
from linkmanager.ui.widgets.outcome_legend import outcome_label


class UsageColumn(IntEnum):
    USAGE_ID = 0
    USAGE_STATUS = 1
    PAYMENT_STATUS = 2
    PAYMENT_ID = 3
    FIRST_VALUE = 4


# The column headers, translated when the model is made.
TITLES = (
    QT_TRANSLATE_NOOP("UsagesTableModel", "Usage ID"),
    QT_TRANSLATE_NOOP("UsagesTableModel", "Usage status"),
    QT_TRANSLATE_NOOP("UsagesTableModel", "Payment status"),
    QT_TRANSLATE_NOOP("UsagesTableModel", "Payment ID"),
    QT_TRANSLATE_NOOP("UsagesTableModel", "First value"),
)


USAGE_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # -> Usage

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FONT = int(Qt.ItemDataRole.FontRole)


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


_usage_key: Callable[[Usage], Hashable] = attrgetter("usage_id")


def usage_texts(usage: Usage) -> tuple[str, ...]:
    """The row's cells; the first collected value stands for the payer ("—" when none)."""
    return (
        usage.usage_id,
        usage_status_text(usage.usage_status),
        payment_status_text(usage.payment_status) if usage.payment_status is not None else NONE_TEXT,
        usage.payment_id if usage.payment_id is not None else NONE_TEXT,
        usage.identifiers[0].value if usage.identifiers else NONE_TEXT,
    )


def sort_key(usage: Usage, column: int) -> str | None:
    """The column's text, case-folded; None (no value, "—") sorts last either way."""
    text = usage_texts(usage)[column]
    return None if text == NONE_TEXT else text_key(text)


def sorted_usages(usages: Sequence[Usage], column: int, descending: bool) -> list[Usage]:
    """`usages` by `column` (stable: equal ones keep Lean's order); column < 0 is Lean's order."""
    if column < 0:
        return list(usages)
    keyed = [(sort_key(usage, column), usage) for usage in usages]
    present = sorted(
        ((key, usage) for key, usage in keyed if key is not None), key=itemgetter(0), reverse=descending
    )
    return [usage for _, usage in present] + [usage for key, usage in keyed if key is None]


class UsagesTableModel(RowTableModel[Usage]):
    def __init__(self, parent: QObject | None = None) -> None:
        titles = [QCoreApplication.translate("UsagesTableModel", str(title)) for title in TITLES]
        super().__init__(titles, _usage_key, parent)
        self._link_id: str | None = None
        self._lean_order: list[Usage] = []  # as Lean listed them: what "unsorted" goes back to
        self._sort_column = -1
        self._descending = False
        self._matched: frozenset[str] = frozenset()  # usage ids holding the search's words

    def link_id(self) -> str | None:
        return self._link_id

    def set_usages(self, link_id: str | None, usages: Sequence[Usage]) -> None:
        """Show a link's usages: a diff when it is the link already shown, else a reset."""
        self._lean_order = list({usage.usage_id: usage for usage in usages}.values())
        unique = sorted_usages(self._lean_order, self._sort_column, self._descending)
        if link_id != self._link_id:
            self._link_id = link_id
            self._matched = frozenset()
            self._apply([Reset(unique)])
            return
        before = {usage.usage_id: usage for usage in self._rows}
        changed = {u.usage_id for u in unique if u.usage_id in before and before[u.usage_id] != u}
        self._replace_rows(unique, changed)

    def set_matched(self, link_id: str, usage_ids: Sequence[str]) -> int | None:
        """The usages of `link_id` the search found (shown in bold); the first one's row, if any."""
        if link_id != self._link_id:
            return None
        matched = frozenset(usage_ids)
        if matched != self._matched:
            self._matched = matched
            if self._rows:
                last = self.index(len(self._rows) - 1, self.columnCount() - 1)
                self.dataChanged.emit(self.index(0, 0), last, [_FONT, _TOOLTIP])
        rows = [row for usage_id in usage_ids if (row := self.row_of(usage_id)) is not None]
        return min(rows) if rows else None

    def usage_at(self, row: int) -> Usage | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, usage_id: str) -> int | None:
        return self._row_places().get(usage_id)

    # -- Qt overrides --------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """By `column` (-1: Lean's order again); the selected usage stays selected."""
        self._sort_column = column if 0 <= column < self.columnCount() else -1
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._replace_rows(sorted_usages(self._lean_order, self._sort_column, self._descending))

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        usage = self._rows[index.row()]
        column = index.column()
        if role == _DISPLAY:
            text = usage_texts(usage)[column]
            if text == NONE_TEXT or column in (1, 2):
                return text
            # The payer's value isolated (a U+202E shown, never obeyed), ids left to right.
            return display.outside_text(text) if column == 4 else display.left_to_right(text)
        if role == USAGE_ROLE:
            return usage
        if role == _DECORATION:
            if column == UsageColumn.USAGE_STATUS:
                return dot_icon(outcome_colour(usage_outcome(usage)))
            if column == UsageColumn.PAYMENT_STATUS and usage.payment_status is not None:
                return dot_icon(payment_status_color(usage.payment_status))
            return None
        if role == _TOOLTIP:
            if usage.usage_id in self._matched and column == UsageColumn.USAGE_ID:
                return plain_tooltip(self.tr("This payment holds what the search box asks for."))
            return self._tooltip(usage, column)
        if role == _FONT and usage.usage_id in self._matched:
            return _bold()
        return None

    def _tooltip(self, usage: Usage, column: int) -> str | None:
        if column == UsageColumn.USAGE_STATUS:  # what its dot's colour means, in words
            return plain_tooltip(
                self.tr("Outcome: {outcome}").format(outcome=outcome_label(usage_outcome(usage)))
            )
        if column == UsageColumn.PAYMENT_STATUS:
            if usage.payment_status is None:
                return plain_tooltip(self.tr("The bank has not reported on this payment yet."))
            return plain_tooltip(
                self.tr("As reported by the bank: {status}").format(status=usage.payment_status)
            )
        if column == UsageColumn.FIRST_VALUE and usage.identifiers:
            return plain_tooltip(
                "\n".join(f"{item.display_label}: {item.value}" for item in usage.identifiers)
            )
        return None
