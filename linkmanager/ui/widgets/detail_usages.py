"""The detail pane's usages section: "Usages (n)  as of 05 Dec 2026 14:02 +04:00 (3 min ago)" over
the usages table, sortable by any column.

A click, Enter or Return on a row asks for that usage in the drawer (`usage_activated`); the pane
decides which link's usages are shown, this section only shows them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QMenu, QVBoxLayout, QWidget

from linkmanager.domain.lifecycle import utc_text
from linkmanager.domain.models import Usage
from linkmanager.domain.money import Money, format_money
from linkmanager.domain.outcome import CollectedSummary
from linkmanager.ui.models.status_style import USAGE_STATUS_LABELS, payment_status_text, usage_status_text
from linkmanager.ui.models.usages_model import UsageColumn, UsagesTableModel
from linkmanager.ui.widgets.copy_field import muted, plain_label, plain_tooltip, when_text
from linkmanager.ui.widgets.table_views import (
    COMPACT_ID,
    UUID,
    KeyTable,
    column_widths,
    elide_ids,
    widest,
)
from linkmanager.ui.widgets.usage_drawer import short_id

STATUS_COLUMNS = (UsageColumn.USAGE_STATUS, UsageColumn.PAYMENT_STATUS)  # with their dots


def show_time(label: QLabel, text: str, moment: datetime | None) -> None:
    """Local time in the text, UTC one hover away."""
    label.setText(text)
    label.setToolTip(plain_tooltip(utc_text(moment)) if moment else "")


def styled(label: QLabel, *, scale: float = 1.0) -> QLabel:
    """Bold, and `scale` times the font's size (a title)."""
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


class UsagesSection(QWidget):
    """The usages title, their "as of" time, the loading note and the table of one link's usages."""

    usage_activated = Signal(str)  # usage_id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = styled(plain_label(self.tr("Usages")))
        self.asof = muted(plain_label())
        self.loading = muted(plain_label(self.tr("Updating from Lean…")))
        self.loading.hide()
        self.collected = plain_label(selectable=True)
        self.collected.setAccessibleName(self.tr("Collected"))
        self.flag = plain_label(selectable=True)  # a possible double charge, in words
        self.flag.setAccessibleName(self.tr("Possible double charge"))
        self.flag.setWordWrap(True)
        self.flag.setStyleSheet("color: #E5484D; font-weight: bold;")
        self.flag.hide()
        self.model = UsagesTableModel(self)
        self.view = self._make_view()
        self.view.entered.connect(self._on_usage_entered)

        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.asof, 1)
        head.addWidget(self.loading)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.collected)
        layout.addWidget(self.flag)
        layout.addWidget(self.view, 1)

    def _make_view(self) -> KeyTable:
        view = KeyTable()  # Enter or Return on a row opens it, as a click does
        view.setAccessibleName(self.tr("Usages table"))
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        header = view.horizontalHeader()
        # Lean's order first; a click sorts by a column, a third click goes back to Lean's order.
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
        metrics = view.fontMetrics()
        samples: dict[int, str] = {
            UsageColumn.USAGE_ID: short_id(UUID),  # read by its start, as the drawer's title says it
            UsageColumn.FIRST_VALUE: "payer@example.com",
            UsageColumn.PAYMENT_ID: COMPACT_ID,  # matched against bank statements: start and end
            UsageColumn.USAGE_STATUS: widest(metrics, map(usage_status_text, USAGE_STATUS_LABELS)),
            UsageColumn.PAYMENT_STATUS: payment_status_text("ACCEPTED_BY_BANK"),
        }
        for column, width in column_widths(view, samples, STATUS_COLUMNS).items():
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        elide_ids(view, (UsageColumn.USAGE_ID,), Qt.TextElideMode.ElideRight)
        elide_ids(view, (UsageColumn.PAYMENT_ID,))
        # Who paid next to the usage, then the payment's ID: in sight in a narrow pane too.
        header.moveSection(header.visualIndex(UsageColumn.FIRST_VALUE), 1)
        header.moveSection(header.visualIndex(UsageColumn.PAYMENT_ID), 2)
        view.setMinimumHeight(4 * view.fontMetrics().height())
        view.clicked.connect(self._on_usage_clicked)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._row_menu)
        return view

    # -- public ------------------------------------------------------------------------------------

    def set_usages(self, link_id: str | None, usages: Sequence[Usage]) -> None:
        """Another link (or none) resets the table; the same link again diffs by usage id."""
        self.model.set_usages(link_id, usages)

    def show_matched(self, link_id: str, usage_ids: Sequence[str]) -> None:
        """The usages the search found through (SearchController.usages_matched): in bold, the
        first of them scrolled into view."""
        row = self.model.set_matched(link_id, usage_ids)
        if row is not None:
            self.view.scrollTo(self.model.index(row, 0))

    def show_count(
        self, count: int | None, confirmed_at: datetime | None, now: datetime, zone: tzinfo | None
    ) -> None:
        """ "Usages (n)" (None: the rows shown) and when Lean last confirmed them."""
        shown = self.model.rowCount() if count is None else count
        self.title.setText(self.tr("Usages ({count})").format(count=f"{shown:,}"))
        if confirmed_at:
            when = self.tr("as of {when}").format(when=when_text(confirmed_at, now, zone))
        else:
            when = self.tr("not read from Lean yet")
        show_time(self.asof, when, confirmed_at)

    def show_collected(self, summary: CollectedSummary | None, price: Money) -> None:
        """ "Collected AED 786.00 from 3 payments · 3 / 5 allowed", and a flag when a payer may
        have been charged twice (None: the usages are not read yet)."""
        if summary is None:
            self.collected.setText("")
            self.flag.hide()
            return
        amount = format_money(Money(summary.amount, price.currency))
        limit = "∞" if summary.limit is None else f"{summary.limit:,}"
        self.collected.setText(
            self.tr(
                "Collected {amount} from %Ln payment(s) · {count} / {limit} allowed", "", summary.payments
            ).format(amount=amount, count=f"{summary.payments:,}", limit=limit)
        )
        warnings = []
        if summary.over_limit:
            warnings.append(
                self.tr("More collected payments than the link allows: a payer may have been charged twice.")
            )
        if summary.repeated_payment_ids:
            ids = ", ".join(summary.repeated_payment_ids[:3])
            warnings.append(
                self.tr("The same payment ID appears on more than one usage: {ids}.").format(ids=ids)
            )
        self.flag.setText(" ".join(warnings))
        self.flag.setVisible(bool(warnings))

    # -- activation --------------------------------------------------------------------------------

    def _row_menu(self, position: QPoint) -> None:
        """The current usage's menu (a right-click makes its row current; so does the keyboard):
        open it in the drawer, as Enter does, or copy its usage or payment ID."""
        index = self.view.currentIndex()
        usage = self.model.usage_at(index.row()) if index.isValid() else None
        if usage is None:
            return
        menu = QMenu(self.view)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        usage_id, payment_id = usage.usage_id, usage.payment_id or ""
        menu.addAction(self.tr("Open usage details"), lambda: self.usage_activated.emit(usage_id))
        menu.addSeparator()
        menu.addAction(self.tr("Copy usage ID"), lambda: QGuiApplication.clipboard().setText(usage_id))
        copy_payment = menu.addAction(
            self.tr("Copy payment ID"), lambda: QGuiApplication.clipboard().setText(payment_id)
        )
        copy_payment.setEnabled(bool(payment_id))
        menu.popup(self.view.viewport().mapToGlobal(position))

    def _on_usage_entered(self) -> None:
        self._on_usage_clicked(self.view.currentIndex())

    def _on_usage_clicked(self, index: QModelIndex) -> None:
        usage = self.model.usage_at(index.row()) if index.isValid() else None
        if usage is not None:
            self.usage_activated.emit(usage.usage_id)
