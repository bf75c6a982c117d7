"""The usages table sorts by every column and shows the Payment ID; the window's links table at
1280×800 and 1920×1080: nothing cut, Name takes the rest, a saved layout comes back as left."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from linkmanager.api import ApiEndpoints, Credentials, LeanClient
from linkmanager.domain.models import CollectedIdentifier, PaymentDetails, PaymentLink, Usage
from linkmanager.domain.money import Money
from linkmanager.domain.status import IdentifierType, LinkStatus, UsageStatus
from linkmanager.services.workspace import ProfileInfo, Workspace
from linkmanager.simulator import Simulator
from linkmanager.storage.cache import LinkCache
from linkmanager.storage.cache_model import CachedLink
from linkmanager.ui.main_window import MainWindow
from linkmanager.ui.models.links_model import Column
from linkmanager.ui.models.usages_model import UsageColumn, UsagesTableModel
from linkmanager.ui.tasks import TaskRunner
from linkmanager.ui.widgets.detail_pane import DetailPane
from linkmanager.ui.widgets.table_views import ICON, MiddleElideDelegate

NOW = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
LINK = "0b9e0a4c-3f6e-4a51-9d7a-1b7f3c2e9a10"
DISPLAY = Qt.ItemDataRole.DisplayRole
ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
WAIT_MS = 20_000


def usage(usage_id: str, status: UsageStatus, bank: str | None, payment_id: str | None, value: str) -> Usage:
    values = (CollectedIdentifier(IdentifierType.TEXT, "Name", value),) if value else ()
    return Usage(usage_id, LINK, status, values, None, payment_id, bank)


USAGES = [  # Lean's order
    usage("u-2", UsageStatus.PAYMENT_CREATED, "ACCEPTED_BY_BANK", "pay-c3d1", "layla"),
    usage("u-3", UsageStatus.FAILED, None, None, "Ahmed"),
    usage("u-1", UsageStatus.PAYMENT_CREATED, "PENDING_WITH_BANK", "pay-a9f0", ""),
]


def cached() -> CachedLink:
    link = PaymentLink(
        id=LINK,
        url="https://pay.example/l/1",
        status=LinkStatus.ACTIVE,
        current_usages=2,
        payment_details=PaymentDetails(Money(Decimal("10.00"), "AED"), "REF-1"),
        name="Rent",
        max_usages=5,
    )
    return CachedLink(link, NOW, NOW, LinkStatus.ACTIVE, None, 3, 0)


def column_texts(model: UsagesTableModel, column: int) -> list[str]:
    return [model.data(model.index(row, column), DISPLAY) for row in range(model.rowCount())]


@pytest.fixture
def pane(qtbot: QtBot) -> DetailPane:
    widget = DetailPane(lambda: NOW, tz=UTC)
    qtbot.addWidget(widget)
    widget.resize(500, 900)  # the pane's width in a 1280 pixel window
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_link(cached())
    widget.show_usages(LINK, USAGES)
    return widget


def test_the_usages_table_shows_the_payment_id_in_a_narrow_pane(pane: DetailPane) -> None:
    view, header = pane.usages_view, pane.usages_view.horizontalHeader()
    assert not view.isColumnHidden(UsageColumn.PAYMENT_ID)
    assert header.sectionViewportPosition(UsageColumn.PAYMENT_ID) >= 0
    right = header.sectionViewportPosition(UsageColumn.PAYMENT_ID) + header.sectionSize(
        UsageColumn.PAYMENT_ID
    )
    assert right <= view.viewport().width()
    assert header.sectionSize(UsageColumn.PAYMENT_ID) >= view.fontMetrics().horizontalAdvance("pay-c3d1")
    assert isinstance(view.itemDelegateForColumn(UsageColumn.PAYMENT_ID), MiddleElideDelegate)


@pytest.mark.parametrize("column", list(UsageColumn))
def test_the_usages_table_sorts_by_every_column(pane: DetailPane, column: UsageColumn) -> None:
    view, model = pane.usages_view, pane.usages_model
    assert view.isSortingEnabled()
    assert column_texts(model, UsageColumn.USAGE_ID) == ["u-2", "u-3", "u-1"]  # Lean's order first
    for order in (ASC, DESC):
        view.sortByColumn(column, order)
        texts = column_texts(model, column)
        present = [text for text in texts if text != "—"]
        assert present == sorted(present, key=str.casefold, reverse=order == DESC), (column, order)
        assert texts[len(present) :] == ["—"] * (len(texts) - len(present))  # no value: last either way
    view.horizontalHeader().setSortIndicator(-1, ASC)  # cleared: Lean's order again
    assert column_texts(model, UsageColumn.USAGE_ID) == ["u-2", "u-3", "u-1"]


def test_sorting_keeps_the_selected_usage_and_a_sync_keeps_the_order(pane: DetailPane) -> None:
    view, model = pane.usages_view, pane.usages_model
    view.selectRow(model.row_of("u-3") or 0)
    view.sortByColumn(UsageColumn.USAGE_ID, ASC)
    assert column_texts(model, UsageColumn.USAGE_ID) == ["u-1", "u-2", "u-3"]
    assert [model.usage_at(i.row()).usage_id for i in view.selectionModel().selectedRows()] == ["u-3"]  # type: ignore[union-attr]
    newer = usage("u-0", UsageStatus.STARTED, None, None, "Zed")
    pane.show_usages(LINK, [*USAGES, newer])  # a sync brings one more: sorted in, not appended
    assert column_texts(model, UsageColumn.USAGE_ID) == ["u-0", "u-1", "u-2", "u-3"]
    assert [model.usage_at(i.row()).usage_id for i in view.selectionModel().selectedRows()] == ["u-3"]  # type: ignore[union-attr]


def test_the_sorted_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = UsagesTableModel()
    model.set_usages(LINK, USAGES)
    model.sort(UsageColumn.FIRST_VALUE, DESC)
    qtmodeltester.check(model)
    assert column_texts(model, UsageColumn.FIRST_VALUE) == ["layla", "Ahmed", "—"]


# --- the window ---------------------------------------------------------------------------------


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(seed=11, links=40) as simulator:
        yield simulator


def open_window(
    qtbot: QtBot, sim: Simulator, tmp_path: Path, size: tuple[int, int]
) -> tuple[MainWindow, Workspace]:
    endpoints = ApiEndpoints(sim.api_url, sim.token_url)
    workspace = Workspace(
        ProfileInfo("Test shop", "sandbox", endpoints.api_url),
        LinkCache.open(tmp_path / "cache.sqlite3"),
        lambda: LeanClient(endpoints, Credentials(sim.client_id, sim.client_secret)),
    )
    runner = TaskRunner()
    window = MainWindow(workspace, runner, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    with qtbot.waitSignal(window.first_sync_finished, timeout=WAIT_MS):
        window.start()
    window._test_runner = runner  # type: ignore[attr-defined]
    return window, workspace


def close_window(window: MainWindow, workspace: Workspace) -> None:
    window.close()
    window._test_runner.wait_idle(10_000)  # type: ignore[attr-defined]
    workspace.close()


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_no_cell_of_the_links_table_is_cut_but_names(
    qtbot: QtBot, sim: Simulator, tmp_path: Path, size: tuple[int, int]
) -> None:
    window, workspace = open_window(qtbot, sim, tmp_path, size)
    try:
        table, model = window.table, window.model
        metrics, viewport = table.fontMetrics(), table.viewport().width()
        assert table.horizontalHeader().length() == viewport  # every column in sight, no empty tail
        assert table.columnWidth(Column.NAME) >= 100
        for column in (Column.STATUS, Column.AMOUNT, Column.USAGES, Column.EXPIRES):
            icon = ICON if column == Column.STATUS else 0
            for row in range(model.rowCount()):
                text = str(model.data(model.index(row, column), DISPLAY))
                assert metrics.horizontalAdvance(text) + icon + 6 <= table.columnWidth(column), (column, text)
    finally:
        close_window(window, workspace)


def test_a_saved_layout_comes_back_as_left(qtbot: QtBot, sim: Simulator, tmp_path: Path) -> None:
    window, workspace = open_window(qtbot, sim, tmp_path, (1280, 800))
    header = window.table.horizontalHeader()
    wider = header.sectionSize(Column.EXPIRES) + 20
    header.resizeSection(Column.EXPIRES, wider)
    header.moveSection(header.visualIndex(Column.AMOUNT), 1)
    close_window(window, workspace)  # saves the header state
    again, workspace = open_window(qtbot, sim, tmp_path, (1280, 800))
    try:
        header = again.table.horizontalHeader()
        assert header.sectionSize(Column.EXPIRES) == wider
        assert header.visualIndex(Column.AMOUNT) == 1
        assert header.length() == again.table.viewport().width()  # Name still takes the rest
    finally:
        close_window(again, workspace)
