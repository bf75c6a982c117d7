"""Loading 100,000 links without freezing: a first screenful, then rows made on a worker.

The first screenful the cache reads from an index is exactly the top of the sorted table.

The window shows Workspace.first_links() while every link loads; if the two orders differed,
rows would jump under the user's eyes (or a click would land on the wrong link) when the whole
list arrives. Checked over awkward names: case, Unicode folding, ties, empty and missing values.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from linkmanager.domain import LinkStatus, Money, PaymentDetails, PaymentLink
from linkmanager.services.link_rows import make_rows
from linkmanager.storage.cache import LinkCache
from linkmanager.ui.models.links_model import FIRST_ORDERS, LINK_ID_ROLE, Column, LinksTableModel

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
NAMES = [
    "apple",
    "Apple",
    "APPLE",
    "Ärger",
    "ärger",
    "straße",
    "STRASSE",
    "zebra",
    "Zebra",
    "تصريح",
    "",
    None,
]


def awkward_links(count: int, seed: int) -> list[PaymentLink]:
    rnd = random.Random(seed)
    links = []
    for i in range(count):
        links.append(
            PaymentLink(
                id=f"{rnd.randrange(16**8):08x}-{i:04d}",
                url=f"https://pay.example/{i}",
                status=rnd.choice([LinkStatus.ACTIVE, LinkStatus.DISABLED]),
                current_usages=0,
                payment_details=PaymentDetails(Money(Decimal("10.00"), "AED"), rnd.choice(NAMES) or "REF"),
                name=rnd.choice(NAMES),
                customer_id=rnd.choice([None, "C-1", "c-1", "C-2"]),
                expires_at=rnd.choice([None, NOW + timedelta(days=rnd.randrange(1, 30))]),
            )
        )
    return links


@pytest.fixture
def filled_cache(tmp_path: Path) -> LinkCache:
    cache = LinkCache.open(tmp_path / "cache.sqlite3", clock=lambda: NOW)
    cache.store_listing(awkward_links(300, seed=7), NOW, complete=True)
    return cache


def shown_ids(model: LinksTableModel, count: int) -> list[str]:
    return [model.index(row, 0).data(LINK_ID_ROLE) for row in range(min(count, model.rowCount()))]


@pytest.mark.parametrize("column", sorted(FIRST_ORDERS))
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_the_first_screenful_is_the_top_of_the_sorted_table(
    qtbot: QtBot, filled_cache: LinkCache, column: int, order: Qt.SortOrder
) -> None:
    whole = LinksTableModel(lambda: NOW)
    whole.sort(column, order)
    whole.set_links(filled_cache.links(now=NOW, ordered=False))
    descending = order == Qt.SortOrder.DescendingOrder
    first = filled_cache.first_links(FIRST_ORDERS[column], descending=descending, limit=40)
    assert [c.link.id for c in first] == shown_ids(whole, 40), Column(column).name


def test_unsorted_the_first_screenful_is_the_top_of_the_whole_list(filled_cache: LinkCache) -> None:
    first = filled_cache.first_links(None, limit=25)
    assert [c.link.id for c in first] == [c.link.id for c in filled_cache.links(ordered=False)[:25]]


def test_the_model_shows_the_screenful_then_takes_the_whole_list_as_a_diff(
    qtbot: QtBot, filled_cache: LinkCache
) -> None:
    model = LinksTableModel(lambda: NOW)
    model.sort(Column.NAME, Qt.SortOrder.AscendingOrder)
    model.show_first(filled_cache.first_links("name", limit=20))
    assert model.rowCount() == 20
    assert not model.is_complete
    top = shown_ids(model, 20)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.set_links(filled_cache.links(now=NOW, ordered=False))
    assert model.is_complete
    assert model.rowCount() == 300
    assert shown_ids(model, 20) == top  # nothing moved under the user
    assert resets == []  # a diff, so a row selected meanwhile stays selected
    model.show_first(filled_cache.first_links("name", limit=5))  # too late: ignored
    assert model.rowCount() == 300


def prepared_for(model: LinksTableModel, links: list):  # type: ignore[no-untyped-def]
    """What MainWindow.reload() does on its worker."""
    return make_rows(links, NOW)


def test_rows_made_on_a_worker_show_as_set_links_shows_them(
    qtbot: QtBot, qtmodeltester: ModelTester, filled_cache: LinkCache
) -> None:
    links = filled_cache.links(now=NOW, ordered=False)
    direct, prepared = LinksTableModel(lambda: NOW), LinksTableModel(lambda: NOW)
    for model in (direct, prepared):
        model.sort(Column.NAME, Qt.SortOrder.AscendingOrder)
    direct.set_links(links)
    prepared.set_link_rows(prepared_for(prepared, links))
    qtmodeltester.check(prepared)
    assert prepared.is_complete
    assert shown_ids(prepared, 300) == shown_ids(direct, 300)
    assert prepared.status_counts() == direct.status_counts()
    prepared.sort(Column.EXPIRES, Qt.SortOrder.DescendingOrder)
    direct.sort(Column.EXPIRES, Qt.SortOrder.DescendingOrder)
    assert shown_ids(prepared, 300) == shown_ids(direct, 300)


def test_a_newer_list_updates_only_what_changed_and_keeps_the_selection(
    qtbot: QtBot, filled_cache: LinkCache
) -> None:
    from dataclasses import replace

    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QTableView

    links = filled_cache.links(now=NOW, ordered=False)
    model = LinksTableModel(lambda: NOW)
    model.sort(Column.NAME, Qt.SortOrder.AscendingOrder)
    model.set_link_rows(prepared_for(model, links))
    view = QTableView()
    view.setModel(model)
    chosen = model.index(5, 0)
    chosen_id = chosen.data(LINK_ID_ROLE)
    view.selectionModel().select(
        chosen, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    renamed = [
        replace(c, link=replace(c.link, name="zz renamed")) if c.link.id == links[0].link.id else c
        for c in links
    ]
    resets, changes = [], []
    model.modelReset.connect(lambda: resets.append(True))
    model.dataChanged.connect(lambda first, last, roles: changes.append((first.row(), last.row())))
    model.set_link_rows(prepared_for(model, renamed))
    assert resets == []
    assert [
        view.model().index(i.row(), 0).data(LINK_ID_ROLE) for i in view.selectionModel().selectedRows()
    ] == [chosen_id]
    renamed_row = next(
        r for r in range(model.rowCount()) if model.index(r, 0).data(LINK_ID_ROLE) == links[0].link.id
    )
    assert model.index(renamed_row, Column.NAME).data() == "zz renamed"
    assert changes == [(renamed_row, renamed_row)]  # only the renamed row repaints


def test_rows_made_before_a_sort_are_shown_in_the_current_one(qtbot: QtBot, filled_cache: LinkCache) -> None:
    """The user clicked a header while the worker was sorting by name."""
    links = filled_cache.links(now=NOW, ordered=False)
    model, direct = LinksTableModel(lambda: NOW), LinksTableModel(lambda: NOW)
    model.sort(Column.NAME, Qt.SortOrder.AscendingOrder)
    stale = prepared_for(model, links)
    model.sort(Column.LINK_ID, Qt.SortOrder.DescendingOrder)
    model.set_link_rows(stale)
    direct.sort(Column.LINK_ID, Qt.SortOrder.DescendingOrder)
    direct.set_links(links)
    assert shown_ids(model, 300) == shown_ids(direct, 300)


def test_a_search_scattered_over_every_link_keeps_the_selection_and_order(
    qtbot: QtBot, qtmodeltester: ModelTester, tmp_path: Path
) -> None:
    """Narrowing the whole list to every third link (hundreds of runs removed) goes as one
    layout change; the selected link stays selected and the order is the table's."""
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QTableView

    cache = LinkCache.open(tmp_path / "many.sqlite3", clock=lambda: NOW)
    cache.store_listing(awkward_links(1_200, seed=3), NOW, complete=True)
    links = cache.links(now=NOW, ordered=False)
    model = LinksTableModel(lambda: NOW)
    model.sort(Column.NAME, Qt.SortOrder.AscendingOrder)
    model.set_link_rows(make_rows(links, NOW))
    view = QTableView()
    view.setModel(model)
    order = shown_ids(model, 1_200)
    kept = set(order[::3])
    chosen = order[9]  # kept (9 is a multiple of 3)
    view.selectionModel().select(
        model.index(9, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    layouts: list[bool] = []
    model.layoutChanged.connect(lambda *_: layouts.append(True))
    model.set_id_filter(kept)
    assert shown_ids(model, 1_200) == [link_id for link_id in order if link_id in kept]
    assert layouts == [True]
    selected = [index.data(LINK_ID_ROLE) for index in view.selectionModel().selectedRows()]
    assert selected == [chosen]
    qtmodeltester.check(model)
    model.set_id_filter(None)
    assert shown_ids(model, 1_200) == order
    cache.close()


def test_a_search_answer_naming_a_link_the_table_no_longer_holds_shows_the_others(
    qtbot: QtBot, filled_cache: LinkCache
) -> None:
    model = LinksTableModel(lambda: NOW)
    model.sort(Column.NAME, Qt.SortOrder.AscendingOrder)
    model.set_link_rows(make_rows(filled_cache.links(now=NOW, ordered=False), NOW))
    order = shown_ids(model, 300)
    wanted = set(order[:250:2])
    model.set_id_filter(wanted | {"gone-since-the-search"})
    assert shown_ids(model, 300) == [link_id for link_id in order if link_id in wanted]


def test_a_selected_link_the_search_leaves_out_is_no_longer_selected(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QTableView

    cache = LinkCache.open(tmp_path / "many.sqlite3", clock=lambda: NOW)
    cache.store_listing(awkward_links(1_200, seed=4), NOW, complete=True)
    model = LinksTableModel(lambda: NOW)
    model.sort(Column.NAME, Qt.SortOrder.AscendingOrder)
    model.set_link_rows(make_rows(cache.links(now=NOW, ordered=False), NOW))
    view = QTableView()
    view.setModel(model)
    order = shown_ids(model, 1_200)
    view.selectionModel().select(
        model.index(10, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    model.set_id_filter(set(order[::3]))  # row 10 is not a multiple of 3: left out
    assert view.selectionModel().selectedRows() == []
    assert shown_ids(model, 5) == order[0:15:3]
    cache.close()
