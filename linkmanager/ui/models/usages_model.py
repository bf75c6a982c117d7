"""The usages of the selected link, in Lean's order.

A sync that refreshes the open link's usages diffs by usage id, so the row the user is
looking at (and the drawer showing it) stays selected; choosing another link resets.
Every value here was typed by a payer or sent by a bank: shown as plain text, as it came.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from enum import IntEnum
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from linkmanager.domain.models import Usage
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


TITLES = ("Usage ID", "Usage status", "Payment status", "Payment ID", "First value")


def tr(text: str) -> str:
    return QCoreApplication.translate("UsagesTableModel", text)


USAGE_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # -> Usage

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)


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


class UsagesTableModel(RowTableModel[Usage]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(tuple(tr(title) for title in TITLES), _usage_key, parent)
        self._link_id: str | None = None

    def link_id(self) -> str | None:
        return self._link_id

    def set_usages(self, link_id: str | None, usages: Sequence[Usage]) -> None:
        """Show a link's usages: a diff when it is the link already shown, else a reset."""
        unique = list({usage.usage_id: usage for usage in usages}.values())
        if link_id != self._link_id:
            self._link_id = link_id
            self._apply([Reset(unique)])
            return
        before = {usage.usage_id: usage for usage in self._rows}
        changed = {u.usage_id for u in unique if u.usage_id in before and before[u.usage_id] != u}
        self._replace_rows(unique, changed)

    def usage_at(self, row: int) -> Usage | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, usage_id: str) -> int | None:
        return self._row_places().get(usage_id)

    # -- Qt overrides --------------------------------------------------------------------------

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        usage = self._rows[index.row()]
        column = index.column()
        if role == _DISPLAY:
            return usage_texts(usage)[column]
        if role == USAGE_ROLE:
            return usage
        if role == _DECORATION:
            if column == UsageColumn.USAGE_STATUS:
                return dot_icon(outcome_colour(usage_outcome(usage)))
            if column == UsageColumn.PAYMENT_STATUS and usage.payment_status is not None:
                return dot_icon(payment_status_color(usage.payment_status))
            return None
        if role == _TOOLTIP:
            return self._tooltip(usage, column)
        return None

    def _tooltip(self, usage: Usage, column: int) -> str | None:
        if column == UsageColumn.USAGE_STATUS:  # what its dot's colour means, in words
            return plain_tooltip(tr("Outcome: {outcome}").format(outcome=outcome_label(usage_outcome(usage))))
        if column == UsageColumn.PAYMENT_STATUS:
            if usage.payment_status is None:
                return plain_tooltip(tr("The bank has not reported on this payment yet."))
            return plain_tooltip(tr("As reported by the bank: {status}").format(status=usage.payment_status))
        if column == UsageColumn.FIRST_VALUE and usage.identifiers:
            return plain_tooltip(
                "\n".join(f"{item.display_label}: {item.value}" for item in usage.identifiers)
            )
        return None
