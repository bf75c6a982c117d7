"""The Payments table: every usage of every link, as services.payments picked and sorted them.

The rows are places into a PaymentTable (numpy columns): a million rows cost a few megabytes, and
a filter, a sort or a new read of the cache is one relayout (the engine's step,
services.payment_engine) that keeps the selection on its payments. Texts (ids, statuses, payer values, link names) are read from the cache a
block at a time when a row is first painted, on the cache's side connections (a sync never makes
them wait), and kept for the few thousand rows last seen. Sorting is asked of the controller
(`sort_requested`): the order is made on a worker, never here.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import tzinfo
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from linkmanager.domain import display
from linkmanager.domain.lifecycle import moment_text
from linkmanager.domain.money import format_amount
from linkmanager.services.payment_engine import PlaceStep
from linkmanager.services.payment_source import PaymentRow, PaymentSource
from linkmanager.services.payments import PaymentColumn, PaymentSort, PaymentTable, Places
from linkmanager.services.table_diff import Locate, Relayout
from linkmanager.ui.models.status_style import (
    PAYMENT_STATUS_LABELS,
    USAGE_STATUS_LABELS,
    dot_icon,
    payment_status_text,
    usage_status_text,
)
from linkmanager.ui.text import plain_tooltip
from linkmanager.ui.widgets.outcome_legend import outcome_colour, outcome_label

AnyIndex = QModelIndex | QPersistentModelIndex

_TITLES = {
    PaymentColumn.SEEN: QT_TRANSLATE_NOOP("PaymentsModel", "Seen"),
    PaymentColumn.LINK: QT_TRANSLATE_NOOP("PaymentsModel", "Link"),
    PaymentColumn.REFERENCE: QT_TRANSLATE_NOOP("PaymentsModel", "Reference"),
    PaymentColumn.AMOUNT: QT_TRANSLATE_NOOP("PaymentsModel", "Amount"),
    PaymentColumn.CURRENCY: QT_TRANSLATE_NOOP("PaymentsModel", "Currency"),
    PaymentColumn.OUTCOME: QT_TRANSLATE_NOOP("PaymentsModel", "Outcome"),
    PaymentColumn.USAGE_STATUS: QT_TRANSLATE_NOOP("PaymentsModel", "Usage status"),
    PaymentColumn.PAYMENT_STATUS: QT_TRANSLATE_NOOP("PaymentsModel", "Payment status"),
    PaymentColumn.PAYMENT_ID: QT_TRANSLATE_NOOP("PaymentsModel", "Payment ID"),
    PaymentColumn.CUSTOMER_ID: QT_TRANSLATE_NOOP("PaymentsModel", "Customer ID"),
    PaymentColumn.PAYER: QT_TRANSLATE_NOOP("PaymentsModel", "Payer value"),
}
USAGE_KEY_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # -> int
LINK_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # -> str
USAGE_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 3  # -> str
_BLOCK = 200  # rows whose texts are read together: about two screenfuls
_KEPT = 6_000  # rows kept with their texts
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def column_title(column: PaymentColumn) -> str:
    return QCoreApplication.translate("PaymentsModel", str(_TITLES[column]))


def seen_text(row: PaymentRow, zone: tzinfo) -> str:
    when = moment_text(row.seen_at, zone)
    if not row.seen_before:
        return when
    return QCoreApplication.translate("PaymentsModel", "before {when}").format(when=when)


def seen_tooltip(row: PaymentRow, zone: tzinfo) -> str:
    when = moment_text(row.seen_at, zone)
    if row.seen_before:
        return QCoreApplication.translate(
            "PaymentsModel",
            "Already there when this workstation first read the link's payments, at {when}. "
            "Lean sends no payment times.",
        ).format(when=when)
    return QCoreApplication.translate(
        "PaymentsModel", "First seen by this workstation at {when} (Lean sends no payment times)."
    ).format(when=when)


class PaymentsTableModel(QAbstractTableModel):
    sort_requested = Signal(object)  # PaymentSort: the controller makes the order on a worker

    def __init__(
        self, source: PaymentSource, zone: Callable[[], tzinfo], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._zone = zone
        self._table: PaymentTable | None = None
        self._places: Places = np.zeros(0, dtype=np.intp)
        self._first: list[PaymentRow] = []  # rows shown before the table is read
        self._rows: OrderedDict[int, PaymentRow] = OrderedDict()  # by place, with their texts

    # -- what is shown -----------------------------------------------------------------------

    def show_first(self, rows: Sequence[PaymentRow]) -> None:
        """A first screenful, before every usage is read (the table's default order)."""
        self.beginResetModel()
        self._table, self._places, self._first = None, np.zeros(0, dtype=np.intp), list(rows)
        self._rows.clear()
        self.endResetModel()

    def show_rows(self, table: PaymentTable, places: Places, first: Sequence[PaymentRow] = ()) -> None:
        """`places` into `table`, in order, as a reset; `first`: the rows at the first places."""
        self.beginResetModel()
        self._hold(table, places, first)
        self.endResetModel()

    def apply(
        self,
        table: PaymentTable,
        places: Places,
        steps: Sequence[PlaceStep],
        first: Sequence[PaymentRow] = (),
    ) -> None:
        """Move to `places` as the engine's steps say (services.payment_engine): a relayout keeps
        the selection and the current row on their payments wherever they land."""
        for step in steps:
            if isinstance(step, Relayout):
                self._relayout(table, places, step.locate, first)
            else:
                self.show_rows(table, places, first)

    def _relayout(
        self, table: PaymentTable, places: Places, locate: Locate, first: Sequence[PaymentRow]
    ) -> None:
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        keys = [self._key_at(index.row()) for index in before]
        self._hold(table, places, first)
        found = locate({k for k in keys if k is not None}) if before else {}
        after = [
            self.index(found[k], index.column()) if k is not None and k in found else QModelIndex()
            for k, index in zip(keys, before, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _key_at(self, row: int) -> int | None:
        """The usage key shown at `row` (before a change is held)."""
        if self._table is None:
            return self._first[row].usage_key if 0 <= row < len(self._first) else None
        return int(self._table.keys[self._places[row]]) if 0 <= row < len(self._places) else None

    def _hold(self, table: PaymentTable, places: Places, first: Sequence[PaymentRow]) -> None:
        if table is not self._table:
            self._rows.clear()  # texts of another read of the cache
        self._table, self._places, self._first = table, places, []
        for place, row in zip(places[: len(first)], first, strict=True):
            self._rows[int(place)] = row

    @property
    def table(self) -> PaymentTable | None:
        return self._table

    @property
    def places(self) -> Places:
        return self._places

    def places_of_rows(self, rows: Sequence[int]) -> Places:
        if self._table is None:
            return np.zeros(0, dtype=np.intp)
        return self._places[np.array(sorted(rows), dtype=np.intp)] if rows else np.zeros(0, dtype=np.intp)

    def row_at(self, row: int) -> PaymentRow | None:
        if self._table is None:
            return self._first[row] if 0 <= row < len(self._first) else None
        if not 0 <= row < len(self._places):
            return None
        place = int(self._places[row])
        held = self._rows.get(place)
        if held is None:
            self._read_block(row)
            held = self._rows.get(place)
        else:
            self._rows.move_to_end(place)
        return held

    def _read_block(self, row: int) -> None:
        """Texts for the block of rows around `row`: a screen's worth in two small queries."""
        table = self._table
        assert table is not None
        start = max(0, row - _BLOCK // 4)
        block = self._places[start : start + _BLOCK]
        for place, read in zip(block, self._source.screen_rows(table, block), strict=True):
            self._rows[int(place)] = read
        while len(self._rows) > _KEPT:
            self._rows.popitem(last=False)

    # -- Qt's model interface ----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid():
            return 0
        return len(self._first) if self._table is None else len(self._places)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(PaymentColumn)

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return column_title(PaymentColumn(section)) if 0 <= section < len(PaymentColumn) else None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(PaymentColumn):
            self.sort_requested.emit(
                PaymentSort(PaymentColumn(column), order == Qt.SortOrder.DescendingOrder)
            )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = PaymentColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == PaymentColumn.OUTCOME:
            return dot_icon(outcome_colour(row.outcome))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PaymentColumn.AMOUNT:
            return int(_RIGHT.value)
        if role == USAGE_KEY_ROLE:
            return row.usage_key
        if role == LINK_ID_ROLE:
            return row.link.id
        if role == USAGE_ID_ROLE:
            return row.texts.usage_id if row.texts else None
        return None

    def _display(self, row: PaymentRow, column: PaymentColumn) -> str:
        texts, link = row.texts, row.link
        if column == PaymentColumn.SEEN:
            return seen_text(row, self._zone())
        if column == PaymentColumn.LINK:
            return display.outside_text(link.display_name)  # isolated: a U+202E is shown, never obeyed
        if column == PaymentColumn.REFERENCE:
            return display.outside_text(link.reference)
        if column == PaymentColumn.AMOUNT:
            return format_amount(link.money) if link.money is not None else self.tr("(damaged)")
        if column == PaymentColumn.CURRENCY:
            return link.currency
        if column == PaymentColumn.OUTCOME:
            return outcome_label(row.outcome)
        if texts is None:
            return ""
        if column == PaymentColumn.USAGE_STATUS:
            return usage_status_text(texts.usage_status)
        if column == PaymentColumn.PAYMENT_STATUS:
            return payment_status_text(texts.payment_status) if texts.payment_status else "—"
        if column == PaymentColumn.PAYER:
            return display.outside_text(texts.first_value) if texts.first_value else "—"
        value = texts.payment_id if column == PaymentColumn.PAYMENT_ID else texts.customer_id
        return display.left_to_right(value) if value else "—"

    def _tooltip(self, row: PaymentRow, column: PaymentColumn) -> str | None:
        if column == PaymentColumn.SEEN:
            return seen_tooltip(row, self._zone())
        status = row.texts.payment_status if row.texts else None
        if column == PaymentColumn.PAYMENT_STATUS and status and status not in PAYMENT_STATUS_LABELS:
            return plain_tooltip(
                self.tr(
                    "Lean sent a bank status this application does not know: {status}. Shown as sent."
                ).format(status=status)
            )
        usage_status = row.texts.usage_status if row.texts else None
        if column == PaymentColumn.USAGE_STATUS and usage_status and usage_status not in USAGE_STATUS_LABELS:
            return plain_tooltip(
                self.tr(
                    "Lean sent a usage status this application does not know: {status}. Shown as sent."
                ).format(status=usage_status)
            )
        if column in (PaymentColumn.LINK, PaymentColumn.PAYER, PaymentColumn.REFERENCE):
            return plain_tooltip(self._display(row, column))  # payer text: shown as typed, never as markup
        return None
