"""The Payments view end to end: a real simulator over loopback, a real cache, real threads.

After the first sync, Ctrl+2 shows every usage of every link; the outcome tabs, currency and
search filter it; the totals equal what the cache holds; a double-click opens the payment's
link with the usage in the drawer; the selection's sums appear in the status bar.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from linkmanager.domain.outcome import Outcome, outcome_of
from linkmanager.services.payments import PaymentColumn
from linkmanager.ui.main_window import MainWindow
from linkmanager.ui.models.payments_model import LINK_ID_ROLE, USAGE_ID_ROLE, USAGE_KEY_ROLE
from linkmanager.ui.widgets.payments_page import TAB_OUTCOMES

WAIT_MS = 20_000


@pytest.fixture
def window(synced_window: MainWindow) -> MainWindow:
    return synced_window  # tests/ui/conftest.py


def every_usage(window: MainWindow) -> list[tuple[str, str, Outcome]]:
    """(link id, usage id, outcome) of every usage in the cache, read the plain way."""
    found = []
    for cached in window._workspace.cache.links():
        for usage in window._workspace.cache.usages(cached.link.id):
            outcome = outcome_of(usage.usage_status, usage.payment_status, usage.payment_id)
            found.append((cached.link.id, usage.usage_id, outcome))
    return found


def open_payments(qtbot: QtBot, window: MainWindow) -> None:
    QTest.keySequence(window, QKeySequence("Ctrl+2"))
    assert window.pages.currentIndex() == 1  # at once, even while the page's modules load

    def loaded() -> bool:
        payments = window.payments
        return (
            payments is not None
            and payments.model.table is not None
            and not window._runner.busy("payments pick")
        )

    qtbot.waitUntil(loaded, timeout=WAIT_MS)
    assert window.pages.currentWidget() is window.payments.page  # type: ignore[union-attr]


def test_ctrl_2_lists_every_usage_of_every_link(qtbot: QtBot, window: MainWindow) -> None:
    open_payments(qtbot, window)
    assert window.pages.currentIndex() == 1
    usages = every_usage(window)
    assert usages, "the simulator's payers made no payment: the test would prove nothing"
    model = window.payments.model  # type: ignore[union-attr]
    assert model.rowCount() == len(usages)
    shown = {str(model.index(row, 0).data(USAGE_ID_ROLE)) for row in range(model.rowCount())}
    assert shown == {usage_id for _, usage_id, _ in usages}


def test_outcome_tabs_filter_and_count(qtbot: QtBot, window: MainWindow) -> None:
    open_payments(qtbot, window)
    payments = window.payments
    assert payments is not None
    usages = every_usage(window)
    page = payments.page
    for tab in range(1, page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
        expected = [u for u in usages if u[2] == page.outcome()]
        count = len(expected)
        qtbot.waitUntil(lambda n=count: payments.model.rowCount() == n, timeout=WAIT_MS)
        assert f"({len(expected):,})" in page.tabs.tabText(tab)
        for row in range(payments.model.rowCount()):
            index = payments.model.index(row, PaymentColumn.OUTCOME)
            assert index.data() == page.tabs.tabText(tab).rsplit(" (", 1)[0]


def test_totals_equal_the_collected_sum_per_currency(qtbot: QtBot, window: MainWindow) -> None:
    open_payments(qtbot, window)
    payments = window.payments
    assert payments is not None
    expected: dict[str, Decimal] = {}
    for cached in window._workspace.cache.links():
        for usage in window._workspace.cache.usages(cached.link.id):
            if outcome_of(usage.usage_status, usage.payment_status, usage.payment_id) == Outcome.COLLECTED:
                money = cached.link.amount
                expected[money.currency] = expected.get(money.currency, Decimal(0)) + money.amount
    answer = payments.shown
    assert answer is not None
    got = {
        currency: by[Outcome.COLLECTED].amount
        for currency, by in answer.extra.totals.items()
        if by[Outcome.COLLECTED].count
    }
    assert got == expected


def test_search_box_filters_payments_too(qtbot: QtBot, window: MainWindow) -> None:
    open_payments(qtbot, window)
    payments = window.payments
    assert payments is not None
    _, usage_id, _ = every_usage(window)[0]
    window.search_box.setText(usage_id)
    qtbot.waitUntil(lambda: payments.model.rowCount() == 1, timeout=WAIT_MS)
    assert payments.model.index(0, 0).data(USAGE_ID_ROLE) == usage_id
    window.search_box.clear()
    qtbot.waitUntil(lambda: payments.model.rowCount() == len(every_usage(window)), timeout=WAIT_MS)


def test_double_click_opens_the_link_with_the_usage_in_the_drawer(qtbot: QtBot, window: MainWindow) -> None:
    open_payments(qtbot, window)
    payments = window.payments
    assert payments is not None
    index = payments.model.index(0, PaymentColumn.LINK)
    link_id, usage_id = index.data(LINK_ID_ROLE), index.data(USAGE_ID_ROLE)
    payments.page.table.doubleClicked.emit(index)
    assert window.pages.currentIndex() == 0
    qtbot.waitUntil(
        lambda: window.drawer.is_open() and window.drawer.current_usage_id() == usage_id, timeout=WAIT_MS
    )
    assert window.links.current_link_id == link_id


def test_selected_rows_are_summed_in_the_status_bar(qtbot: QtBot, window: MainWindow) -> None:
    open_payments(qtbot, window)
    payments = window.payments
    assert payments is not None
    table, model = payments.page.table, payments.model
    selection = table.selectionModel()
    for row in (0, 1):
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        selection.select(model.index(row, 0), flags)
    rows = [model.row_at(r) for r in (0, 1)]
    text = window.selection_label.text()
    assert text.startswith("2 selected")
    for row in rows:
        assert row is not None
        assert row.link.currency in text


def test_the_links_view_pays_nothing_for_the_payments_view(window: MainWindow) -> None:
    assert window.payments is None  # not made until shown: numpy and the table load then
    assert any(action.shortcut().toString() == "Ctrl+2" for action in window.view_actions)


def test_export_writes_exactly_the_rows_and_columns_shown(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openpyxl
    from PySide6.QtWidgets import QFileDialog

    open_payments(qtbot, window)
    payments = window.payments
    assert payments is not None
    payments.page.tabs.setCurrentIndex(1)  # Collected
    collected = [u for u in every_usage(window) if u[2] == Outcome.COLLECTED]
    qtbot.waitUntil(lambda: payments.model.rowCount() == len(collected), timeout=WAIT_MS)
    payments.page.table.setColumnHidden(PaymentColumn.REFERENCE, True)
    target = tmp_path / "collected.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(target), ""))
    with qtbot.waitSignal(window.exporting.notice, timeout=WAIT_MS) as said:
        window.exporting.action.trigger()
    assert str(target) in said.args[0]
    sheet = openpyxl.load_workbook(target).active
    cells = list(sheet.iter_rows(values_only=True))
    titles_at = next(i for i, row in enumerate(cells) if row and row[0] == "Seen at")
    titles, data = cells[titles_at], cells[titles_at + 1 :]
    assert "Reference" not in titles  # hidden in the view: not exported
    assert "Outcome" in titles
    assert len(data) == len(collected)
    outcome = titles.index("Outcome")
    assert {row[outcome] for row in data} == {"Collected"}
    usage_ids = {row[titles.index("Usage ID")] for row in data}
    assert usage_ids == {usage_id for _, usage_id, _ in collected}
    header = {row[0]: row[1] for row in cells[:titles_at] if row and row[0]}
    assert header["Profile"] == "Test shop"
    assert "collected" in header["Filters"]


def test_export_of_the_links_view_as_csv(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import csv

    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "links.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(target), "CSV for Excel (*.csv)"))
    with qtbot.waitSignal(window.exporting.notice, timeout=WAIT_MS):
        window.exporting.action.trigger()
    with target.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    titles_at = next(i for i, row in enumerate(rows) if row and row[0] == "Link ID")
    data = rows[titles_at + 1 :]
    assert len(data) == window.model.rowCount()
    assert [row[0] for row in data] == [window.model.row_at(r).id for r in range(window.model.rowCount())]  # type: ignore[union-attr]


def test_the_drawer_says_when_the_payment_was_seen(qtbot: QtBot, window: MainWindow) -> None:
    open_payments(qtbot, window)
    payments = window.payments
    assert payments is not None
    index = payments.model.index(0, PaymentColumn.LINK)
    payments.page.table.doubleClicked.emit(index)
    label = None

    def told() -> bool:
        nonlocal label
        label = getattr(window.drawer, "seen_label", None)
        return label is not None and label.text() != ""

    qtbot.waitUntil(told, timeout=WAIT_MS)
    assert label is not None
    # The first sync found every usage on its first look at each link: a bound, said as one.
    assert label.text().startswith("Seen before ")
    assert label.textFormat() == Qt.TextFormat.PlainText


def test_the_view_menu_offers_the_pages_legend_and_chart(qtbot: QtBot, window: MainWindow) -> None:
    open_payments(qtbot, window)
    payments = window.payments
    assert payments is not None
    window.view_menu.aboutToShow.emit()
    entries = {action.text(): action for action in window.view_menu.actions()}
    assert "What the &outcomes mean" in entries
    entries["&Chart"].toggle()
    assert payments.page.chart_button.isChecked()
    qtbot.waitUntil(lambda: not payments.page.chart_holder.isHidden(), timeout=WAIT_MS)
    window.show_view(0)
    window.view_menu.aboutToShow.emit()
    assert "&Chart" not in {action.text() for action in window.view_menu.actions()}


def test_the_link_status_filter_applies(qtbot: QtBot, window: MainWindow) -> None:
    from linkmanager.domain.status import LinkStatus

    open_payments(qtbot, window)
    payments = window.payments
    assert payments is not None
    combo = payments.page.link_status
    combo.setCurrentIndex(combo.findData(LinkStatus.ACTIVE))
    assert payments.page.link_status_choice() == LinkStatus.ACTIVE
    qtbot.waitUntil(
        lambda: payments.shown is not None and bool(payments.shown.flt.link_statuses), timeout=WAIT_MS
    )
    shown = payments.shown
    assert shown is not None
    assert shown.flt.link_statuses == frozenset({LinkStatus.ACTIVE})
    for row in range(payments.model.rowCount()):
        info = payments.model.row_at(row)
        assert info is not None
        assert info.link.status == LinkStatus.ACTIVE


def test_the_selection_follows_its_payment_and_leaves_with_it(qtbot: QtBot, window: MainWindow) -> None:
    """A new sort or filter is a relayout (services.payment_engine): the selected payment stays
    selected wherever it lands, and its sum leaves the status bar only when a filter hides it."""
    open_payments(qtbot, window)
    payments = window.payments
    assert payments is not None
    model, table = payments.model, payments.page.table
    last = model.rowCount() - 1
    key = model.index(last, 0).data(USAGE_KEY_ROLE)
    row = model.row_at(last)
    assert row is not None
    outcome = row.outcome
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    table.selectionModel().select(model.index(last, 0), flags)
    assert window.selection_label.text().startswith("1 selected")

    shown = payments.shown
    table.sortByColumn(int(PaymentColumn.SEEN), Qt.SortOrder.AscendingOrder)  # the newest first before
    qtbot.waitUntil(lambda: payments.shown is not shown, timeout=WAIT_MS)
    [selected] = table.selectionModel().selectedRows()
    assert selected.row() != last
    assert selected.data(USAGE_KEY_ROLE) == key
    assert window.selection_label.text().startswith("1 selected")

    shown = payments.shown
    payments.page.tabs.setCurrentIndex(TAB_OUTCOMES.index(outcome))  # its own outcome: it stays
    qtbot.waitUntil(lambda: payments.shown is not shown, timeout=WAIT_MS)
    assert [i.data(USAGE_KEY_ROLE) for i in table.selectionModel().selectedRows()] == [key]

    other = next(o for o in TAB_OUTCOMES if o is not None and o != outcome)
    payments.page.tabs.setCurrentIndex(TAB_OUTCOMES.index(other))  # another outcome: it goes
    qtbot.waitUntil(lambda: window.selection_label.text() == "", timeout=WAIT_MS)
    assert table.selectionModel().selectedRows() == []
