"""The reconciliation's four tables: proposals (with a check box each), confirmed matches, statement
lines without a payment, collected payments without a line.

Statement descriptions and payer references come from outside: cells are plain text (a view never
reads markup from a cell), shown as written but for line breaks; tooltips are escaped and show the
invisible characters (a U+202E that turns a description around) as escapes. Rows may number a
million (a statement's unmatched lines): texts are made when a cell is painted, never before.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from decimal import Decimal
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHeaderView, QTableView

from linkmanager.domain.money import Money, format_money, is_iso_currency
from linkmanager.services.matching import Confirmed, MatchResult, PaymentCandidate, Proposal
from linkmanager.services.reconcile_export import proposal_key
from linkmanager.services.statement import StatementLine
from linkmanager.ui.dialogs.sync_problems_model import visible_controls
from linkmanager.ui.models.status_style import payment_status_text, usage_status_text
from linkmanager.ui.widgets.copy_field import plain_tooltip

R = TypeVar("R")
AnyIndex = QModelIndex | QPersistentModelIndex
PAYMENT_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # -> (link id, usage id) or None
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_CHECK = int(Qt.ItemDataRole.CheckStateRole)
_ICON = int(Qt.ItemDataRole.DecorationRole)
_SPOKEN = int(Qt.ItemDataRole.AccessibleDescriptionRole)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_BREAKS = str.maketrans({"\r": " ", "\n": " ", "\t": " ", "\u2028": " ", "\u2029": " "})
# Column widths by sample text; the description takes what is left.
_WIDTHS = {
    "Confirm": "Confirm", "Line": "10,000", "Date": "2026-12-31", "Amount": "AED 1,500,000.00",
    "Payment ID": "3fa85f64-5717-4562-b", "Usage ID": "3fa85f64-57", "Link": "INV-2026-0001",
    "Found by": "payment ID in the description", "Seen": "by 2026-12-31 23:59",
    "Lean now": "⚠ Rejected by bank: check",
}  # fmt: skip
Kept = tuple[set[Hashable], Hashable | None, int, int]  # selected keys, current key and column, scroll
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


def by_words(by: str) -> str:
    """How a match was found, in words; a code this version does not know as it is."""
    words = {
        "payment_id": QCoreApplication.translate("ReconcileModels", "payment ID in the description"),
        "reference": QCoreApplication.translate("ReconcileModels", "reference and amount"),
        "amount": QCoreApplication.translate("ReconcileModels", "unique amount within 3 days"),
    }
    return words.get(by, by)


def amount_text(amount: Decimal, currency: str) -> str:
    """ "AED 1,500.00", "KWD 12.500": at least the currency's decimals; a zero without currency as 0."""
    return (
        format_money(Money(amount, currency)) if is_iso_currency(currency) else f"{currency} {amount}".strip()
    )


def cell_text(text: str | None) -> str:
    """Statement or payer text for one cell: as written, line breaks as spaces; empty as a dash."""
    return text.translate(_BREAKS) if text else "—"


def moment_text(moment: datetime, zone: tzinfo) -> str:
    return f"{moment.astimezone(zone):%Y-%m-%d %H:%M}"


@dataclass(frozen=True, slots=True)
class Column(Generic[R]):
    title: str
    text: Callable[[R], str]
    right: bool = False
    tooltip: Callable[[R], str] | None = None  # plain text, escaped here


class ResultTableModel(QAbstractTableModel, Generic[R]):
    """Rows of one kind under `columns`; with `checkable`, column 0 is a check box (checked by default).
    `key`: a row's identity across refreshes (selection is kept by it). `attention`: a row's warning,
    shown as `attention_icon` in column 0 and in each cell's tooltip and accessible description."""

    def __init__(
        self,
        columns: Sequence[Column[R]],
        payment: Callable[[R], tuple[str, str] | None] = lambda _: None,
        *,
        checkable: bool = False,
        key: Callable[[R], Hashable] = lambda r: r,
        attention: Callable[[R], str | None] = lambda _: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._payment = payment
        self._checkable = checkable
        self.key = key
        self._attention = attention
        self.attention_icon = QIcon()
        self._rows: list[R] = []
        self._unchecked: set[int] = set()  # row numbers

    def set_rows(self, rows: Sequence[R], unchecked: Collection[int] = ()) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._unchecked = set(unchecked)
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows_keyed(self, keys: Collection[Hashable]) -> list[int]:
        """The row numbers of the rows with these keys (none asked: no pass over a million rows)."""
        return [i for i, r in enumerate(self._rows) if self.key(r) in keys] if keys else []

    def is_checked(self, row: int) -> bool:
        return row not in self._unchecked

    def set_checked(self, rows: Collection[int], checked: bool) -> None:
        """One signal for the whole span: Check all over ten thousand rows is one repaint."""
        chosen = [row for row in rows if 0 <= row < len(self._rows)]
        if not chosen:
            return
        if checked:
            self._unchecked.difference_update(chosen)
        else:
            self._unchecked.update(chosen)
        first, last = self.index(min(chosen), 0), self.index(max(chosen), 0)
        self.dataChanged.emit(first, last, [Qt.ItemDataRole.CheckStateRole])

    def checked_count(self) -> int:
        return len(self._rows) - len(self._unchecked)

    def checked_rows(self) -> list[R]:
        return [r for i, r in enumerate(self._rows) if i not in self._unchecked]

    def unchecked_rows(self) -> list[R]:
        return [self._rows[i] for i in sorted(self._unchecked)]

    # -- Qt ----------------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            column = self._columns[section]
            if role == _DISPLAY:
                return column.title
            if role == _ALIGN:
                return _RIGHT if column.right else None
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._checkable and index.column() == 0:
            return _FLAGS | Qt.ItemFlag.ItemIsUserCheckable
        return _FLAGS

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or not 0 <= index.column() < len(self._columns):
            return None
        column = self._columns[index.column()]
        if role == _DISPLAY:
            return column.text(row)
        if role == _TOOLTIP:
            tip = column.tooltip(row) if column.tooltip is not None else column.text(row)
            warning = self._attention(row)
            return plain_tooltip(visible_controls(f"{warning}\n\n{tip}" if warning else tip))
        if role == _ICON and index.column() == 0 and self._attention(row):
            return self.attention_icon
        if role == _SPOKEN:
            return self._attention(row)
        if role == _ALIGN and column.right:
            return _RIGHT
        if role == _CHECK and self._checkable and index.column() == 0:
            checked = index.row() not in self._unchecked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == PAYMENT_ROLE:
            return self._payment(row)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = _CHECK) -> bool:  # noqa: N802
        if not (index.isValid() and self._checkable and index.column() == 0 and role == _CHECK):
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        self.set_checked([index.row()], checked)
        return True


# --- the four tables' columns -----------------------------------------------------------------------


def _line_columns(line: Callable[[R], StatementLine]) -> list[Column[R]]:
    return [
        Column(QCoreApplication.translate("ReconcileModels", "Line"), lambda r: f"{line(r).line:,}", right=True),
        Column(QCoreApplication.translate("ReconcileModels", "Date"), lambda r: line(r).date.isoformat()),
        Column(QCoreApplication.translate("ReconcileModels", "Amount"), lambda r: amount_text(line(r).amount, line(r).currency), right=True),
        Column(QCoreApplication.translate("ReconcileModels", "Description"), lambda r: cell_text(line(r).description), tooltip=lambda r: line(r).description),
    ]  # fmt: skip


def _link_tip(link_id: str | None) -> str:
    if not link_id:
        return ""
    return QCoreApplication.translate("ReconcileModels", "Link ID: {id}").format(id=link_id)


def proposals_model(parent: QObject | None = None) -> ResultTableModel[Proposal]:
    columns: list[Column[Proposal]] = [
        Column(QCoreApplication.translate("ReconcileModels", "Confirm"), lambda p: "", tooltip=lambda p: QCoreApplication.translate("ReconcileModels", "Checked: stored by Confirm checked")),
        *_line_columns(lambda p: p.line),
        Column(QCoreApplication.translate("ReconcileModels", "→ Payment ID"), lambda p: cell_text(p.candidate.payment_id)),
        Column(QCoreApplication.translate("ReconcileModels", "Usage ID"), lambda p: p.candidate.usage_id),
        Column(QCoreApplication.translate("ReconcileModels", "Link"), lambda p: cell_text(p.candidate.reference), tooltip=lambda p: _link_tip(p.candidate.link_id)),
        Column(QCoreApplication.translate("ReconcileModels", "Found by"), lambda p: by_words(p.by)),
    ]  # fmt: skip
    return ResultTableModel(
        columns, lambda p: (p.candidate.link_id, p.candidate.usage_id), checkable=True, key=proposal_key, parent=parent
    )  # fmt: skip


def lean_words(c: Confirmed) -> str:
    """What Lean reports of a confirmed match's payment now, in words ("Rejected by bank")."""
    if c.payment_status:
        return payment_status_text(c.payment_status)
    if c.usage_status:
        return usage_status_text(c.usage_status)
    return QCoreApplication.translate("ReconcileModels", "not collected")


def check_sentence(c: Confirmed, zone: tzinfo) -> str | None:
    """Why a confirmed match needs checking (its payment is no longer collected); None when it does not."""
    if c.collected:
        return None
    day = f"{c.confirmed_at.astimezone(zone):%Y-%m-%d}" if c.confirmed_at is not None else "—"
    sentence = QCoreApplication.translate(
        "ReconcileModels",
        "Confirmed on {date}, but Lean now reports this payment as {status}: check the bank statement.",
    )
    return sentence.format(date=day, status=lean_words(c))


def confirmed_model(references: Callable[[], dict[str, str]], zone: Callable[[], tzinfo], parent: QObject | None = None) -> ResultTableModel[Confirmed]:  # fmt: skip
    def link(c: Confirmed) -> str:
        return cell_text(references().get(c.link_id or "") or c.link_id)

    def now(c: Confirmed) -> str:
        if c.collected:
            return QCoreApplication.translate("ReconcileModels", "Collected")
        return QCoreApplication.translate("ReconcileModels", "⚠ {status}: check").format(status=lean_words(c))

    columns: list[Column[Confirmed]] = [
        *_line_columns(lambda c: c.line),
        Column(QCoreApplication.translate("ReconcileModels", "Payment ID"), lambda c: cell_text(c.payment_id)),
        Column(QCoreApplication.translate("ReconcileModels", "Usage ID"), lambda c: c.usage_id),
        Column(QCoreApplication.translate("ReconcileModels", "Link"), link, tooltip=lambda c: _link_tip(c.link_id)),
        Column(QCoreApplication.translate("ReconcileModels", "Found by"), lambda c: by_words(c.by)),
        Column(QCoreApplication.translate("ReconcileModels", "Lean now"), now),
    ]  # fmt: skip
    return ResultTableModel(
        columns, lambda c: (c.link_id, c.usage_id) if c.link_id else None, key=lambda c: c.usage_key,
        attention=lambda c: check_sentence(c, zone()), parent=parent,
    )  # fmt: skip


def lines_model(parent: QObject | None = None) -> ResultTableModel[StatementLine]:
    return ResultTableModel(_line_columns(lambda x: x), key=lambda x: x.line, parent=parent)


def payments_model(zone: Callable[[], tzinfo], parent: QObject | None = None) -> ResultTableModel[PaymentCandidate]:  # fmt: skip
    def seen(c: PaymentCandidate) -> str:
        when = moment_text(c.seen_at, zone())
        if not c.seen_before:
            return when
        return QCoreApplication.translate("ReconcileModels", "by {time}").format(time=when)

    def seen_tip(c: PaymentCandidate) -> str:
        if c.seen_before:
            return QCoreApplication.translate(
                "ReconcileModels", "Found on the first look at its link: paid some time before it was seen."
            )
        return QCoreApplication.translate("ReconcileModels", "When this computer first saw the payment")

    columns: list[Column[PaymentCandidate]] = [
        Column(QCoreApplication.translate("ReconcileModels", "Seen"), seen, tooltip=seen_tip),
        Column(QCoreApplication.translate("ReconcileModels", "Amount"), lambda c: amount_text(c.amount, c.currency), right=True),
        Column(QCoreApplication.translate("ReconcileModels", "Payment ID"), lambda c: cell_text(c.payment_id)),
        Column(QCoreApplication.translate("ReconcileModels", "Link"), lambda c: cell_text(c.reference), tooltip=lambda c: _link_tip(c.link_id)),
        Column(QCoreApplication.translate("ReconcileModels", "Usage ID"), lambda c: c.usage_id),
    ]  # fmt: skip
    return ResultTableModel(columns, lambda c: (c.link_id, c.usage_id), key=lambda c: c.usage_key, parent=parent)  # fmt: skip


def unchecked_rows(proposals: Sequence[Proposal], unchecked: Collection[tuple[int, int]]) -> list[int]:
    return [i for i, p in enumerate(proposals) if proposal_key(p) in unchecked]


def caption_texts(result: MatchResult) -> tuple[str, str, str, str]:
    """The four tables' captions, with their counts."""
    check = len(result.confirmed_not_collected)
    if check:
        confirmed = QCoreApplication.translate("ReconcileModels", "Confirmed matches ({n}, {check} to check)")
    else:
        confirmed = QCoreApplication.translate("ReconcileModels", "Confirmed matches ({n})")
    return (
        QCoreApplication.translate("ReconcileModels", "Proposals to check ({n})").format(n=f"{len(result.proposals):,}"),
        confirmed.format(n=f"{len(result.confirmed):,}", check=f"{check:,}"),
        QCoreApplication.translate("ReconcileModels", "Statement lines without a payment ({n})").format(n=f"{len(result.unmatched_lines):,}"),
        QCoreApplication.translate("ReconcileModels", "Collected payments without a line ({n})").format(n=f"{len(result.unmatched_payments):,}"),
    )  # fmt: skip


def fit_columns(table: QTableView, model: ResultTableModel[Any]) -> None:
    """Each column as wide as its sample text; the description, or else the last column, takes the rest."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setHighlightSections(False)
    metrics = table.fontMetrics()
    keys = {QCoreApplication.translate("ReconcileModels", key): key for key in _WIDTHS}
    keys[QCoreApplication.translate("ReconcileModels", "→ Payment ID")] = "Payment ID"
    titles = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
    for column, title in enumerate(titles):
        if title == QCoreApplication.translate("ReconcileModels", "Description"):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        elif title in keys:
            sample = max(_WIDTHS[keys[title]], title, key=metrics.horizontalAdvance)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 28)
    header.setStretchLastSection(QCoreApplication.translate("ReconcileModels", "Description") not in titles)


def kept_view(table: QTableView) -> Kept:
    """What a refresh keeps of a table: its selection and current row (by key), and where it was scrolled."""
    model: ResultTableModel[Any] = table.model()  # type: ignore[assignment]
    rows = [model.row_at(index.row()) for index in table.selectionModel().selectedRows()]
    current = table.currentIndex()
    at = model.row_at(current.row()) if current.isValid() else None
    keys = {model.key(row) for row in rows if row is not None}
    return (
        keys,
        (None if at is None else model.key(at)),
        max(current.column(), 0),
        table.verticalScrollBar().value(),
    )


def restore_view(table: QTableView, kept: Kept) -> None:
    keys, current, column, bar = kept
    model: ResultTableModel[Any] = table.model()  # type: ignore[assignment]
    flags = QItemSelectionModel.SelectionFlag
    if current is not None and (rows := model.rows_keyed({current})):
        table.selectionModel().setCurrentIndex(model.index(rows[0], column), flags.NoUpdate)
    chosen = QItemSelection()
    for row in model.rows_keyed(keys):
        chosen.select(model.index(row, 0), model.index(row, model.columnCount() - 1))
    if not chosen.isEmpty():
        table.selectionModel().select(chosen, flags.ClearAndSelect)
    table.verticalScrollBar().setValue(bar)
