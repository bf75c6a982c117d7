"""One time format in every view and on every card; ids cut in the middle; columns fitted to
their content with Name taking the rest of the width."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent, QStandardItem, QStandardItemModel, QTextDocumentFragment
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView, QToolTip
from pytestqt.qtbot import QtBot

from linkmanager.domain.lifecycle import moment_text, utc_text
from linkmanager.domain.models import PaymentDetails, PaymentLink
from linkmanager.domain.money import Money
from linkmanager.domain.status import LinkStatus
from linkmanager.services.payment_source import PaymentSource
from linkmanager.services.payments import PaymentColumn
from linkmanager.services.print_batch import sheet_layout
from linkmanager.services.workspace import SyncProblem, UsageSeen
from linkmanager.storage.cache import LinkCache
from linkmanager.storage.cache_model import CachedLink
from linkmanager.ui.dialogs.sync_problems_model import ProblemColumn, ProblemsTableModel
from linkmanager.ui.main_window import HIDDEN_BY_DEFAULT
from linkmanager.ui.models.links_model import Column, LinksTableModel
from linkmanager.ui.models.payments_model import PaymentsTableModel
from linkmanager.ui.printing.painter import row_text
from linkmanager.ui.widgets.detail_pane import DetailPane
from linkmanager.ui.widgets.payments_page import PaymentsPage
from linkmanager.ui.widgets.table_views import (
    COMPACT_ID,
    ICON,
    MiddleElideDelegate,
    elide_ids,
    fit_link_columns,
    make_table,
)
from linkmanager.ui.widgets.usage_drawer import seen_words

NOW = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
MOMENT = datetime(2026, 11, 28, 19, 59, tzinfo=UTC)
IN_DUBAI = "28 Nov 2026 23:59 +04:00"
UUID = "7c9e6679-7425-40de-944b-e07fc1f90ae7"


def plain(html: str) -> str:
    return QTextDocumentFragment.fromHtml(html).toPlainText()


def entry(expires: datetime | None = MOMENT) -> CachedLink:
    link = PaymentLink(
        id=UUID,
        url="https://pay.example/l/1",
        status=LinkStatus.ACTIVE,
        current_usages=0,
        payment_details=PaymentDetails(Money(Decimal("1234567.000"), "KWD"), "INV-2026-000123"),
        name="Ramadan iftar contribution",
        max_usages=1000,
        expires_at=expires,
        customer_id="5f2b8c1e-7d4a-4b1e-9c3f-2a6d8e0b1c4f",
    )
    return CachedLink(link, NOW - timedelta(minutes=3), NOW - timedelta(minutes=3), None, None, 0, 0)


# --- one time format ----------------------------------------------------------------------------


def test_the_same_moment_reads_the_same_in_every_view_and_on_the_card(qtbot: QtBot, dubai: None) -> None:
    cached = entry()
    model = LinksTableModel(lambda: NOW)
    model.set_links([cached])
    cell = model.index(0, Column.EXPIRES)
    pane = DetailPane(lambda: NOW)  # the workstation's zone, as the window makes it
    qtbot.addWidget(pane)
    pane.show_link(cached)
    problems = ProblemsTableModel(lambda: NOW, lambda: ZoneInfo("Asia/Dubai"))
    problems.set_problems([SyncProblem(UUID, "usages-malformed", "x", "", MOMENT, MOMENT)], {})

    assert model.data(cell) == IN_DUBAI
    assert pane.expires_label.text() == f"{IN_DUBAI} (in 8 days)"
    assert seen_words(UsageSeen(MOMENT, False, [])) == f"First seen {IN_DUBAI}"
    assert row_text("expires", cached.link, sheet_layout("card"), None) == f"Expires {IN_DUBAI}"
    assert problems.data(problems.index(0, ProblemColumn.SINCE)) == IN_DUBAI
    # UTC one hover away, the same way everywhere
    assert plain(model.data(cell, Qt.ItemDataRole.ToolTipRole)) == "2026-11-28 19:59:00 UTC"
    assert plain(pane.expires_label.toolTip()) == utc_text(MOMENT)


def test_a_zero_offset_is_an_offset_not_utc(qtbot: QtBot) -> None:
    pane = DetailPane(lambda: NOW, tz=ZoneInfo("Europe/London"))
    qtbot.addWidget(pane)
    pane.show_link(entry())
    assert pane.expires_label.text().startswith("28 Nov 2026 19:59 +00:00 ")
    assert "UTC" not in pane.expires_label.text()
    assert moment_text(MOMENT, ZoneInfo("Europe/London")) == "28 Nov 2026 19:59 +00:00"


# --- ids cut in the middle ----------------------------------------------------------------------


def test_ids_are_cut_in_the_middle_with_the_whole_id_in_the_tooltip(qtbot: QtBot) -> None:
    model = QStandardItemModel(1, 2)
    model.setItem(0, 0, QStandardItem(UUID))
    model.setItem(0, 1, QStandardItem("A name that is long enough to be cut at its end"))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    elide_ids(view, (0,))
    delegate = view.itemDelegateForColumn(0)
    assert isinstance(delegate, MiddleElideDelegate)
    assert view.itemDelegateForColumn(1) is None  # other columns keep the view's own (at the end)
    assert view.textElideMode() == Qt.TextElideMode.ElideRight

    option = QStyleOptionViewItem()
    option.initFrom(view)
    delegate.initStyleOption(option, model.index(0, 0))
    assert option.textElideMode == Qt.TextElideMode.ElideMiddle
    shown = option.fontMetrics.elidedText(UUID, option.textElideMode, 100)
    assert "…" in shown
    assert shown.startswith(UUID[:4])
    assert shown.endswith(UUID[-3:])

    view.show()
    qtbot.waitExposed(view)
    centre = view.visualRect(model.index(0, 0)).center()
    event = QHelpEvent(QEvent.Type.ToolTip, centre, view.viewport().mapToGlobal(centre))
    assert delegate.helpEvent(event, view, option, model.index(0, 0))
    assert plain(QToolTip.text()) == UUID
    QToolTip.hideText()


def test_the_payments_table_cuts_ids_in_the_middle_and_names_at_the_end(qtbot: QtBot, tmp_path: Path) -> None:
    cache = LinkCache.open(tmp_path / "c.sqlite3")
    try:
        page = PaymentsPage(PaymentsTableModel(PaymentSource(cache), lambda: UTC))
        qtbot.addWidget(page)
        table = page.table
        assert table.textElideMode() == Qt.TextElideMode.ElideRight
        for column in (PaymentColumn.PAYMENT_ID, PaymentColumn.CUSTOMER_ID):
            assert isinstance(table.itemDelegateForColumn(column), MiddleElideDelegate)
        for column in (PaymentColumn.LINK, PaymentColumn.PAYER, PaymentColumn.REFERENCE):
            assert not isinstance(table.itemDelegateForColumn(column), MiddleElideDelegate)
    finally:
        cache.close()


# --- links table columns ------------------------------------------------------------------------


def links_table(qtbot: QtBot, width: int) -> QTableView:
    model = LinksTableModel(lambda: NOW)
    model.set_links([entry()])
    table = make_table(model, "Links table", (), HIDDEN_BY_DEFAULT)
    fit_link_columns(table)
    qtbot.addWidget(table)
    table.resize(width, 400)
    table.show()
    qtbot.waitExposed(table)
    return table


@pytest.mark.parametrize("width", [760, 1140])  # what 1280 and 1920 pixel windows give the table
def test_link_columns_fit_their_content_and_name_takes_the_rest(
    qtbot: QtBot, dubai: None, width: int
) -> None:
    table = links_table(qtbot, width)
    metrics = table.fontMetrics()
    widest_time = max(
        (moment_text(datetime(2026, m, 28, 19, 59, tzinfo=UTC)) for m in range(1, 13)),
        key=metrics.horizontalAdvance,
    )
    samples = {
        Column.STATUS: ("Disabled", ICON),
        Column.AMOUNT: ("KWD 1,234,567.000", 0),
        Column.USAGES: ("1,000 / 1,000", 0),
        Column.EXPIRES: (widest_time, 0),
        Column.LINK_ID: (COMPACT_ID, 0),
    }
    for column, (sample, icon) in samples.items():
        assert table.columnWidth(column) >= metrics.horizontalAdvance(sample) + icon + 8, column
    assert table.columnWidth(Column.LINK_ID) < metrics.horizontalAdvance(UUID)  # compact, cut in the middle
    assert isinstance(table.itemDelegateForColumn(Column.LINK_ID), MiddleElideDelegate)
    assert isinstance(table.itemDelegateForColumn(Column.CUSTOMER_ID), MiddleElideDelegate)
    assert table.itemDelegateForColumn(Column.NAME) is None
    shown = [c for c in Column if not table.isColumnHidden(c)]
    others = sum(table.columnWidth(c) for c in shown if c != Column.NAME)
    viewport = table.viewport().width()
    assert table.columnWidth(Column.NAME) == viewport - others  # the spare, all of it
    assert table.horizontalHeader().length() == viewport  # nothing out of sight, no empty tail


def test_the_user_widths_stay_and_name_still_takes_the_rest(qtbot: QtBot) -> None:
    table = links_table(qtbot, 1140)
    name = table.columnWidth(Column.NAME)
    table.horizontalHeader().resizeSection(Column.AMOUNT, table.columnWidth(Column.AMOUNT) + 50)
    assert table.columnWidth(Column.NAME) == name - 50
    table.resize(1300, 400)
    qtbot.waitUntil(lambda: table.columnWidth(Column.NAME) == name - 50 + 160)
