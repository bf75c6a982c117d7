"""The reconciliation's four tables: proposals (with a check box each), confirmed matches, statement
lines without a payment, collected payments without a line.

Statement descriptions and payer references come from outside: cells are plain text (a view never
reads markup from a cell), shown as written but for line breaks; tooltips are escaped and show the
invisible characters (a U+202E that turns a description around) as escapes. Rows may number a
million (a statement's unmatched lines): texts are made when a cell is painted, never before.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from decimal import Decimal
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from linkmanager.domain.money import Money, format_money, is_iso_currency
from linkmanager.services.matching import Confirmed, MatchResult, PaymentCandidate, Proposal
from linkmanager.services.reconcile_export import proposal_key
from linkmanager.services.statement import StatementLine
from linkmanager.ui.dialogs.sync_problems_model import visible_controls
from linkmanager.ui.widgets.copy_field import plain_tooltip

R = TypeVar("R")
AnyIndex = QModelIndex | QPersistentModelIndex
PAYMENT_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # -> (link id, usage id) or None
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_CHECK = int(Qt.ItemDataRole.CheckStateRole)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_BREAKS = str.maketrans({"\r": " ", "\n": " ", "\t": " ", "\u2028": " ", "\u2029": " "})
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


def tr(text: str) -> str:
    return QCoreApplication.translate("Reconcile", text)


def by_words(by: str) -> str:
    """How a match was found, in words; a code this version does not know as it is."""
    words = {
        "payment_id": tr("payment ID in the description"),
        "reference": tr("reference and amount"),
        "amount": tr("unique amount within 3 days"),
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
    """Rows of one kind under `columns`; with `checkable`, column 0 is a check box (checked by default)."""

    def __init__(
        self,
        columns: Sequence[Column[R]],
        payment: Callable[[R], tuple[str, str] | None] = lambda _: None,
        *,
        checkable: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._payment = payment
        self._checkable = checkable
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
            return plain_tooltip(visible_controls(tip))
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
        Column(tr("Line"), lambda r: f"{line(r).line:,}", right=True),
        Column(tr("Date"), lambda r: line(r).date.isoformat()),
        Column(tr("Amount"), lambda r: amount_text(line(r).amount, line(r).currency), right=True),
        Column(
            tr("Description"), lambda r: cell_text(line(r).description), tooltip=lambda r: line(r).description
        ),
    ]


def _link_tip(link_id: str | None) -> str:
    return tr("Link ID: {id}").format(id=link_id) if link_id else ""


def proposals_model(parent: QObject | None = None) -> ResultTableModel[Proposal]:
    columns: list[Column[Proposal]] = [
        Column(tr("Confirm"), lambda p: "", tooltip=lambda p: tr("Checked: stored by Confirm checked")),
        *_line_columns(lambda p: p.line),
        Column(tr("→ Payment ID"), lambda p: cell_text(p.candidate.payment_id)),
        Column(tr("Usage ID"), lambda p: p.candidate.usage_id),
        Column(tr("Link"), lambda p: cell_text(p.candidate.reference), tooltip=lambda p: _link_tip(p.candidate.link_id)),
        Column(tr("Found by"), lambda p: by_words(p.by)),
    ]  # fmt: skip
    return ResultTableModel(
        columns, lambda p: (p.candidate.link_id, p.candidate.usage_id), checkable=True, parent=parent
    )


def confirmed_model(references: Callable[[], dict[str, str]], parent: QObject | None = None) -> ResultTableModel[Confirmed]:  # fmt: skip
    def link(c: Confirmed) -> str:
        return cell_text(references().get(c.link_id or "") or c.link_id)

    columns: list[Column[Confirmed]] = [
        *_line_columns(lambda c: c.line),
        Column(tr("Payment ID"), lambda c: cell_text(c.payment_id)),
        Column(tr("Usage ID"), lambda c: c.usage_id),
        Column(tr("Link"), link, tooltip=lambda c: _link_tip(c.link_id)),
        Column(tr("Found by"), lambda c: by_words(c.by)),
    ]
    return ResultTableModel(columns, lambda c: (c.link_id, c.usage_id) if c.link_id else None, parent=parent)


def lines_model(parent: QObject | None = None) -> ResultTableModel[StatementLine]:
    return ResultTableModel(_line_columns(lambda x: x), parent=parent)


def payments_model(zone: Callable[[], tzinfo], parent: QObject | None = None) -> ResultTableModel[PaymentCandidate]:  # fmt: skip
    def seen(c: PaymentCandidate) -> str:
        when = moment_text(c.seen_at, zone())
        return tr("by {time}").format(time=when) if c.seen_before else when

    def seen_tip(c: PaymentCandidate) -> str:
        if c.seen_before:
            return tr("Found on the first look at its link: paid some time before it was seen.")
        return tr("When this computer first saw the payment")

    columns: list[Column[PaymentCandidate]] = [
        Column(tr("Seen"), seen, tooltip=seen_tip),
        Column(tr("Amount"), lambda c: amount_text(c.amount, c.currency), right=True),
        Column(tr("Payment ID"), lambda c: cell_text(c.payment_id)),
        Column(tr("Link"), lambda c: cell_text(c.reference), tooltip=lambda c: _link_tip(c.link_id)),
        Column(tr("Usage ID"), lambda c: c.usage_id),
    ]
    return ResultTableModel(columns, lambda c: (c.link_id, c.usage_id), parent=parent)


def unchecked_rows(proposals: Sequence[Proposal], unchecked: Collection[tuple[int, int]]) -> list[int]:
    return [i for i, p in enumerate(proposals) if proposal_key(p) in unchecked]


def count_text(n: int, one: str, many: str) -> str:
    """`one` or `many` with {n} as the count, grouped ("1 line", "1,204 lines")."""
    return (one if n == 1 else many).format(n=f"{n:,}")


def summary_text(result: MatchResult) -> str:
    """ "14 lines matched · 3 proposals to check · 2 lines without a payment · 5 payments without a line"."""
    parts = [
        count_text(len(result.confirmed), tr("{n} line matched"), tr("{n} lines matched")),
        count_text(len(result.proposals), tr("{n} proposal to check"), tr("{n} proposals to check")),
        count_text(len(result.unmatched_lines), tr("{n} line without a payment"), tr("{n} lines without a payment")),
        count_text(len(result.unmatched_payments), tr("{n} payment without a line"), tr("{n} payments without a line")),
    ]  # fmt: skip
    return " · ".join(parts)
