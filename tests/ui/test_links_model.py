"""The links table model: diffs instead of resets, exact sorting, filters, plain text, 100,000 rows."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon, QTextDocument
from PySide6.QtWidgets import QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from linkmanager.domain import LinkStatus, Money, PaymentDetails, PaymentLink
from linkmanager.domain.lifecycle import moment_text
from linkmanager.storage.cache_model import CachedLink
from linkmanager.ui.models.links_model import (
    LINK_ID_ROLE,
    LINK_ROLE,
    SORT_ROLE,
    Column,
    LinksTableModel,
)

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ASC = Qt.SortOrder.AscendingOrder
DESC = Qt.SortOrder.DescendingOrder


def cached(
    link_id: str,
    *,
    name: str | None = "default",
    status: LinkStatus = LinkStatus.ACTIVE,
    amount: str = "10.00",
    currency: str = "AED",
    expires: datetime | None = None,
    current: int = 0,
    max_usages: int | None = None,
    reference: str | None = None,
    customer_id: str | None = None,
    missing: bool = False,
) -> CachedLink:
    link = PaymentLink(
        id=link_id,
        url=f"https://pay.example/l/{link_id}",
        status=status,
        current_usages=current,
        payment_details=PaymentDetails(Money(Decimal(amount), currency), reference or f"REF-{link_id}"),
        name=f"Link {link_id}" if name == "default" else name,
        max_usages=max_usages,
        expires_at=expires,
        customer_id=customer_id,
    )
    return CachedLink(
        link=link,
        confirmed_at=NOW - timedelta(minutes=5),
        usages_confirmed_at=None,
        usages_confirmed_status=None,
        missing_since=NOW - timedelta(hours=1) if missing else None,
        usage_count=0,
        unsettled_usages=0,
    )


def relink(item: CachedLink, **fields: Any) -> CachedLink:
    return replace(item, link=replace(item.link, **fields))


def ids(model: LinksTableModel) -> list[str]:
    return [model.data(model.index(row, 0), LINK_ID_ROLE) for row in range(model.rowCount())]


def text(model: LinksTableModel, link_id: str, column: Column, role: Any = DISPLAY) -> Any:
    row = model.row_of(link_id)
    assert row is not None, f"{link_id} is not shown"
    return model.data(model.index(row, column), role)


def plain(tooltip: str) -> str:
    """What a person reads in a rich-text tooltip."""
    document = QTextDocument()
    document.setHtml(tooltip)
    return document.toPlainText()


class Signals:
    """Counts the model's structural signals."""

    def __init__(self, model: LinksTableModel) -> None:
        self.events: list[tuple[str, int, int]] = []
        model.rowsInserted.connect(self.on_inserted)
        model.rowsRemoved.connect(self.on_removed)
        model.dataChanged.connect(self.on_changed)
        model.layoutChanged.connect(self.on_layout)
        model.modelReset.connect(self.on_reset)

    def on_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        self.events.append(("inserted", first, last))

    def on_removed(self, parent: QModelIndex, first: int, last: int) -> None:
        self.events.append(("removed", first, last))

    def on_changed(self, top: QModelIndex, bottom: QModelIndex, roles: object) -> None:
        self.events.append(("changed", top.row(), bottom.row()))

    def on_layout(self, *args: object) -> None:
        self.events.append(("layout", -1, -1))

    def on_reset(self) -> None:
        self.events.append(("reset", -1, -1))

    def kinds(self) -> set[str]:
        return {kind for kind, _, _ in self.events}


@pytest.fixture
def links() -> list[CachedLink]:
    return [
        cached("c", name="Charlie", amount="30.00", expires=NOW + timedelta(days=3)),
        cached("a", name="alpha", amount="10.00", status=LinkStatus.DISABLED),
        cached("e", name="Echo", amount="50.00", expires=NOW - timedelta(days=1)),
        cached("b", name="Bravo", amount="20.00", max_usages=5, current=5),
        cached("d", name=None, amount="40.00", status=LinkStatus.EXPIRED, expires=NOW - timedelta(days=9)),
    ]


@pytest.fixture
def model(qtbot: QtBot, links: list[CachedLink]) -> LinksTableModel:
    made = LinksTableModel(lambda: NOW)
    made.set_links(links)
    return made


def test_titles_and_first_load(model: LinksTableModel) -> None:
    titles = [model.headerData(c, Qt.Orientation.Horizontal, DISPLAY) for c in range(model.columnCount())]
    assert titles == [
        "Link ID",
        "Name",
        "Status",
        "Amount",
        "Usages",
        "Expires at",
        "Reference",
        "Customer ID",
    ]
    assert ids(model) == ["c", "a", "e", "b", "d"]  # unsorted: the order it was given
    second = model.link_at(1)
    assert second is not None
    assert second.link.id == "a"
    assert model.link_at(5) is None
    assert model.link_at(-1) is None
    assert model.row_of("e") == 2
    assert model.row_of("zzz") is None


def test_model_tester_populated_filtered_sorted(qtmodeltester: ModelTester, model: LinksTableModel) -> None:
    qtmodeltester.check(model)
    model.sort(Column.AMOUNT, DESC)
    model.set_status_filter(LinkStatus.ACTIVE)
    model.set_id_filter({"c", "a"}, via_usage={"c"})
    model.set_status_filter(None)
    model.set_links([*[cached(f"n{i}") for i in range(20)], cached("c", name="Changed")])
    for column in Column:
        model.sort(column, ASC)
        model.sort(column, DESC)
    model.set_id_filter(None)
    model.sort(-1)
    model.clear()
    model.set_links([cached("x")])


def test_python_model_tester_through_changes(qtmodeltester: ModelTester, model: LinksTableModel) -> None:
    qtmodeltester.check(model, force_py=True)
    model.sort(Column.NAME, ASC)
    model.set_links([cached("b", name="Zulu"), cached("f"), cached("a", name="alpha")])
    model.set_status_filter(LinkStatus.DISABLED)
    model.set_status_filter(None)


def test_display_texts(model: LinksTableModel) -> None:
    assert text(model, "c", Column.NAME) == "Charlie"
    assert text(model, "d", Column.NAME) == "—"
    assert text(model, "c", Column.AMOUNT) == "AED\u00a030.00"
    assert text(model, "b", Column.USAGES) == "5 / 5"
    assert text(model, "a", Column.USAGES) == "0"
    assert text(model, "a", Column.EXPIRES) == "—"
    assert text(model, "a", Column.CUSTOMER_ID) == "—"
    expiry = NOW + timedelta(days=3)
    assert text(model, "c", Column.EXPIRES) == moment_text(expiry)  # the workstation's zone, offset
    assert plain(text(model, "c", Column.EXPIRES, TOOLTIP)) == "2026-06-04 12:00:00 UTC"
    alignment = text(model, "c", Column.AMOUNT, Qt.ItemDataRole.TextAlignmentRole)
    assert Qt.AlignmentFlag(alignment) & Qt.AlignmentFlag.AlignRight
    assert text(model, "c", Column.NAME, Qt.ItemDataRole.TextAlignmentRole) is None
    assert text(model, "c", Column.STATUS, LINK_ROLE).link.id == "c"
    assert text(model, "c", Column.STATUS, LINK_ID_ROLE) == "c"


def test_effective_status_expired_and_used(model: LinksTableModel) -> None:
    assert text(model, "e", Column.STATUS) == "Expired"  # cached ACTIVE, expiry passed
    assert text(model, "b", Column.STATUS) == "Used"  # limit reached
    assert text(model, "c", Column.STATUS) == "Active"
    assert "expiry" in plain(text(model, "e", Column.STATUS, TOOLTIP))
    model.set_status_filter(LinkStatus.EXPIRED)
    assert sorted(ids(model)) == ["d", "e"]


def test_time_passing_expires_a_link(qtbot: QtBot) -> None:
    clock = [NOW]
    model = LinksTableModel(lambda: clock[0])
    model.set_links([cached("x", expires=NOW + timedelta(minutes=1))])
    assert text(model, "x", Column.STATUS) == "Active"
    clock[0] = NOW + timedelta(minutes=2)
    spy = Signals(model)
    model.refresh_statuses()
    assert text(model, "x", Column.STATUS) == "Expired"
    assert spy.events == [("changed", 0, 0)]


def test_status_is_text_and_colour(model: LinksTableModel) -> None:
    active = text(model, "c", Column.STATUS, Qt.ItemDataRole.DecorationRole)
    disabled = text(model, "a", Column.STATUS, Qt.ItemDataRole.DecorationRole)
    assert isinstance(active, QIcon)
    assert not active.isNull()
    assert active.pixmap(16).toImage() != disabled.pixmap(16).toImage()
    assert text(model, "a", Column.STATUS) == "Disabled"


def test_missing_link_says_so(qtbot: QtBot) -> None:
    model = LinksTableModel(lambda: NOW)
    model.set_links([cached("m", missing=True)])
    assert text(model, "m", Column.STATUS) == "Active · not listed by Lean"
    assert "did not include this link" in plain(text(model, "m", Column.STATUS, TOOLTIP))


def test_status_counts_follow_search_not_tab(model: LinksTableModel) -> None:
    counts = model.status_counts()
    assert counts[None] == 5
    assert counts[LinkStatus.ACTIVE] == 1
    assert counts[LinkStatus.EXPIRED] == 2
    assert counts[LinkStatus.USED] == 1
    assert counts[LinkStatus.DISABLED] == 1
    model.set_status_filter(LinkStatus.ACTIVE)
    assert model.rowCount() == 1
    assert model.status_counts()[None] == 5  # the tab does not change the counts
    model.set_id_filter({"a", "c", "nope"})
    assert ids(model) == ["c"]
    counts = model.status_counts()
    assert counts[None] == 2
    assert counts[LinkStatus.DISABLED] == 1
    assert counts[LinkStatus.USED] == 0
    model.set_status_filter(None)
    assert ids(model) == ["c", "a"]
    model.set_id_filter(set())
    assert model.rowCount() == 0
    assert model.status_counts()[None] == 0
    model.set_id_filter(None)
    assert model.rowCount() == 5


def test_via_usage_hint_on_name(model: LinksTableModel) -> None:
    model.set_id_filter({"a", "c"}, via_usage={"a"})
    decoration = text(model, "a", Column.NAME, Qt.ItemDataRole.DecorationRole)
    assert isinstance(decoration, QIcon)
    assert not decoration.isNull()
    assert "payer entered" in plain(text(model, "a", Column.NAME, TOOLTIP))
    assert text(model, "a", Column.NAME) == "alpha"  # the name itself is untouched
    assert text(model, "c", Column.NAME, Qt.ItemDataRole.DecorationRole) is None
    spy = Signals(model)
    model.set_id_filter({"a", "c"}, via_usage=set())  # same rows, hint gone: the Name cell repaints
    assert text(model, "a", Column.NAME, Qt.ItemDataRole.DecorationRole) is None
    assert spy.kinds() == {"changed"}


def test_sort_amount_exact_decimal(qtbot: QtBot) -> None:
    model = LinksTableModel(lambda: NOW)
    model.set_links(
        [
            cached("k1", amount="10.005", currency="KWD"),
            cached("k2", amount="10.004", currency="KWD"),
            cached("k3", amount="10.0049999999999999999999", currency="KWD"),
            cached("k4", amount="10.00500", currency="KWD"),
        ]
    )
    model.sort(Column.AMOUNT, ASC)
    assert ids(model) == ["k2", "k3", "k1", "k4"]  # 10.005 == 10.00500: the id breaks the tie
    assert text(model, "k1", Column.AMOUNT, SORT_ROLE) == ("KWD", 10005)  # exact, in thousandths
    model.sort(Column.AMOUNT, DESC)
    assert ids(model) == ["k1", "k4", "k3", "k2"]  # ties stay in id order both ways


def test_sort_expiry_none_last_both_ways(qtbot: QtBot) -> None:
    model = LinksTableModel(lambda: NOW)
    model.set_links(
        [
            cached("n1"),
            cached("late", expires=NOW + timedelta(days=9)),
            cached("n0"),
            cached("soon", expires=NOW + timedelta(days=1)),
        ]
    )
    model.sort(Column.EXPIRES, ASC)
    assert ids(model) == ["soon", "late", "n0", "n1"]
    model.sort(Column.EXPIRES, DESC)
    assert ids(model) == ["late", "soon", "n0", "n1"]
    model.sort(-1)
    assert ids(model) == ["n1", "late", "n0", "soon"]


def test_sort_names_casefolded_and_status_order(model: LinksTableModel) -> None:
    model.sort(Column.NAME, ASC)
    assert ids(model) == ["a", "b", "c", "e", "d"]  # alpha < Bravo < Charlie < Echo, no name last
    model.sort(Column.STATUS, ASC)
    assert ids(model) == ["c", "a", "d", "e", "b"]  # Active, Disabled, Expired (d, e), Used


def test_diff_emits_rows_not_reset(model: LinksTableModel, links: list[CachedLink]) -> None:
    spy = Signals(model)
    # remove "e" (row 2) and "d" (row 4); add "f" at the end; change "a"'s name.
    changed = relink(links[1], name="alpha 2")
    model.set_links([links[0], changed, links[3], cached("f")])
    assert ids(model) == ["c", "a", "b", "f"]
    assert "reset" not in spy.kinds()
    assert "layout" not in spy.kinds()
    assert ("removed", 4, 4) in spy.events
    assert ("removed", 2, 2) in spy.events
    assert spy.events.index(("removed", 4, 4)) < spy.events.index(("removed", 2, 2))  # bottom first
    assert ("inserted", 3, 3) in spy.events
    assert ("changed", 1, 1) in spy.events
    assert text(model, "a", Column.NAME) == "alpha 2"


def test_resync_with_only_confirmed_at_moved_signals_nothing(
    model: LinksTableModel, links: list[CachedLink]
) -> None:
    spy = Signals(model)
    model.set_links([replace(item, confirmed_at=NOW) for item in links])
    assert spy.events == []
    assert text(model, "c", Column.STATUS, LINK_ROLE).confirmed_at == NOW  # but the row holds the new copy


def test_contiguous_runs_are_one_signal(qtbot: QtBot) -> None:
    model = LinksTableModel(lambda: NOW)
    model.set_links([cached(f"l{i:02d}") for i in range(10)])
    spy = Signals(model)
    model.set_links([cached(f"l{i:02d}") for i in (0, 1, 5, 6, 7, 8, 9)])
    assert spy.events == [("removed", 2, 4)]
    model.set_links([cached(f"l{i:02d}") for i in range(10)])
    assert spy.events[1:] == [("inserted", 2, 4)]


def test_selection_survives_reorder(qtbot: QtBot, model: LinksTableModel, links: list[CachedLink]) -> None:
    model.sort(Column.NAME, ASC)
    selection = QItemSelectionModel(model)
    row = model.row_of("c")
    assert row is not None
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    selection.select(model.index(row, 0), flags)
    selection.setCurrentIndex(model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
    keep = QPersistentModelIndex(model.index(row, Column.AMOUNT))
    spy = Signals(model)
    # "c" renamed to sort first, "a" renamed to sort last: the order changes under the selection.
    model.set_links([relink(links[0], name="Aardvark"), relink(links[1], name="zulu"), *links[2:]])
    assert ids(model)[0] == "c"
    assert ids(model)[-2:] == ["a", "d"]
    assert "layout" in spy.kinds()
    assert "reset" not in spy.kinds()
    assert keep.isValid()
    assert keep.row() == 0
    assert keep.column() == Column.AMOUNT
    assert [model.data(i, LINK_ID_ROLE) for i in selection.selectedRows()] == ["c"]
    assert model.data(selection.currentIndex(), LINK_ID_ROLE) == "c"


def test_selection_survives_removal_elsewhere_and_dies_with_its_row(
    qtbot: QtBot, model: LinksTableModel, links: list[CachedLink]
) -> None:
    keep = QPersistentModelIndex(model.index(model.row_of("b") or 0, 0))
    gone = QPersistentModelIndex(model.index(model.row_of("a") or 0, 0))
    model.set_links([item for item in links if item.link.id != "a"])
    assert keep.isValid()
    assert model.data(keep, LINK_ID_ROLE) == "b"
    assert not gone.isValid()


def test_large_change_is_one_layout_and_keeps_selection(qtbot: QtBot) -> None:
    model = LinksTableModel(lambda: NOW)
    model.set_links([cached(f"l{i:04d}") for i in range(0, 2000, 2)])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.selectRow(model.row_of("l0500") or 0)
    spy = Signals(model)
    model.set_links([cached(f"l{i:04d}") for i in range(1000)])  # every other row new, then 500 gone
    assert spy.kinds() == {"layout"}
    assert view.verticalHeader().count() == model.rowCount() == 1000
    assert [model.data(i, LINK_ID_ROLE) for i in view.selectionModel().selectedRows()] == ["l0500"]


def test_search_hint_on_many_rows_is_one_signal_for_the_name_column(qtbot: QtBot) -> None:
    model = LinksTableModel(lambda: NOW)
    model.set_links([cached(f"l{i:04d}") for i in range(1000)])
    every = {f"l{i:04d}" for i in range(1000)}
    hinted = {f"l{i:04d}" for i in range(0, 1000, 3)}
    changes: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda top, bottom, roles: changes.append((top.row(), bottom.row(), top.column(), bottom.column()))
    )
    model.set_id_filter(every, via_usage=hinted)  # same rows: only the hint on 334 of them changes
    assert changes == [(0, 999, Column.NAME, Column.NAME)]
    assert text(model, "l0003", Column.NAME, Qt.ItemDataRole.DecorationRole) is not None
    assert text(model, "l0004", Column.NAME, Qt.ItemDataRole.DecorationRole) is None
    changes.clear()
    model.set_id_filter(every, via_usage=hinted)  # nothing changed: nothing said
    assert changes == []


@pytest.mark.parametrize("step", [1, 2])  # contiguous blocks (a few row signals), scattered rows (a layout)
def test_filters_in_blocks_keep_the_selection_and_the_rows_right(
    qtbot: QtBot, qtmodeltester: ModelTester, step: int
) -> None:
    every = [cached(f"l{i:04d}") for i in range(1200)]
    model = LinksTableModel(lambda: NOW)
    model.set_links(every)
    qtmodeltester.check(model, force_py=True)  # checks every signal against the rows from here on
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.selectRow(model.row_of("l0550") or 0)
    all_ids = [c.link.id for c in every]
    blocks = [
        {i for i in all_ids if "l0500" <= i < "l0620"},  # narrow to a block...
        {i for i in all_ids if "l0200" <= i < "l0900"},  # ...widen around it
        {i for n, i in enumerate(all_ids) if n % step == 0 or "l0540" <= i < "l0560"},
        None,  # and back to every link
    ]
    seen: set[str] = set()
    for only in blocks:
        spy = Signals(model)
        model.set_id_filter(only)
        assert ids(model) == [i for i in all_ids if only is None or i in only]
        seen |= spy.kinds()
        assert [model.data(i, LINK_ID_ROLE) for i in view.selectionModel().selectedRows()] == ["l0550"]
    assert view.verticalHeader().count() == 1200
    assert seen == ({"inserted", "removed"} if step == 1 else {"inserted", "removed", "layout"})


def test_hostile_strings_verbatim_and_plain_tooltips(qtbot: QtBot) -> None:
    hostile = '<b>x</b> <img src="http://evil/"> =HYPERLINK("x") \u202eevil\n2nd line'
    model = LinksTableModel(lambda: NOW)
    model.set_links([cached("h", name=hostile, reference=hostile, customer_id=hostile)])
    for column in (Column.NAME, Column.REFERENCE, Column.CUSTOMER_ID):
        # verbatim, in an isolate, its U+202E shown escaped: it cannot turn the text round
        assert text(model, "h", column) == "\u2068" + hostile.replace("\u202e", "\\u202e") + "\u2069"
    tooltip = text(model, "h", Column.NAME, TOOLTIP)
    assert "<b>" not in tooltip
    assert "&lt;b&gt;" in tooltip
    assert plain(tooltip) == hostile
    model.set_id_filter({"h"}, via_usage={"h"})
    assert plain(text(model, "h", Column.NAME, TOOLTIP)).startswith("<b>x</b>")


def test_clear_resets_and_forgets_the_search(model: LinksTableModel) -> None:
    model.set_id_filter({"a"}, via_usage={"a"})
    model.set_status_filter(LinkStatus.DISABLED)
    model.sort(Column.NAME, DESC)
    spy = Signals(model)
    model.clear()
    assert spy.events == [("reset", -1, -1)]
    assert model.rowCount() == 0
    assert model.status_counts()[None] == 0
    model.set_links(
        [cached("z1", status=LinkStatus.DISABLED), cached("z2"), cached("z3", status=LinkStatus.DISABLED)]
    )
    # the old profile's search results are gone; the tab and the sort (shown by widgets) stay
    assert ids(model) == ["z3", "z1"]
    assert model.status_counts()[None] == 3
    assert text(model, "z1", Column.NAME, Qt.ItemDataRole.DecorationRole) is None


def reference_order(
    links: list[CachedLink],
    status: LinkStatus | None,
    only: set[str] | None,
    column: int,
    order: Qt.SortOrder,
) -> list[str]:
    """What the table must show, computed the slow obvious way."""
    from linkmanager.domain import effective_status

    shown = [c for c in links if (only is None or c.link.id in only)]
    shown = [c for c in shown if status is None or effective_status(c.link, NOW) == status]
    if column < 0:
        return [c.link.id for c in shown]
    keys = {
        Column.NAME: lambda c: c.link.name.casefold() if c.link.name else None,
        Column.AMOUNT: lambda c: (c.link.amount.currency, c.link.amount.amount),
        Column.EXPIRES: lambda c: c.link.expires_at,
    }[Column(column)]
    present = sorted((c for c in shown if keys(c) is not None), key=lambda c: c.link.id)
    present.sort(key=keys, reverse=order == DESC)
    absent = sorted((c for c in shown if keys(c) is None), key=lambda c: c.link.id)
    return [c.link.id for c in present + absent]


@pytest.mark.parametrize(("seed", "share"), [(4, 0.4), (5, 0.05), (6, 0.9)])  # broad and narrow searches
def test_random_operations_match_a_reference(qtbot: QtBot, seed: int, share: float) -> None:
    rng = random.Random(seed)
    statuses = [LinkStatus.ACTIVE, LinkStatus.DISABLED, LinkStatus.EXPIRED]

    def make(link_id: str) -> CachedLink:
        return cached(
            link_id,
            name=rng.choice([None, "alpha", "Alpha", "beta", f"n{rng.randrange(50)}"]),
            amount=rng.choice(["1.5", "1.50", "2", "10.005", "10.004"]),
            currency=rng.choice(["KWD", "AED"]),
            status=rng.choice(statuses),
            expires=rng.choice([None, NOW + timedelta(days=rng.randrange(-3, 3))]),
        )

    links = [make(f"id{i:03d}") for i in range(120)]
    model = LinksTableModel(lambda: NOW)
    model.set_links(links)
    status: LinkStatus | None = None
    only: set[str] | None = None
    column, order = -1, ASC
    for _ in range(150):
        keep = (
            QPersistentModelIndex(model.index(rng.randrange(model.rowCount()), 1))
            if model.rowCount()
            else None
        )
        kept_id = model.data(keep, LINK_ID_ROLE) if keep is not None else None
        step = rng.randrange(5)
        if step == 0:
            links = [make(c.link.id) if rng.random() < 0.1 else c for c in links if rng.random() > 0.05]
            links += [make(f"new{rng.randrange(10**6)}") for _ in range(rng.randrange(4))]
            links = list({c.link.id: c for c in links}.values())
            if rng.random() < 0.3:
                rng.shuffle(links)
            model.set_links(links)
        elif step == 1:
            column, order = (
                rng.choice([-1, Column.NAME, Column.AMOUNT, Column.EXPIRES]),
                rng.choice([ASC, DESC]),
            )
            model.sort(column, order)
        elif step == 2:
            status = rng.choice([None, *statuses])
            model.set_status_filter(status)
        else:
            only = rng.choice([None, {c.link.id for c in links if rng.random() < share}])
            model.set_id_filter(only)
        assert ids(model) == reference_order(links, status, only, column, order)
        if keep is not None and keep.isValid():  # a row still shown is still the same link
            assert model.data(keep, LINK_ID_ROLE) == kept_id
            assert keep.column() == 1
        elif keep is not None:  # an index dies only with its row
            assert kept_id not in ids(model)


def test_hundred_thousand_rows(qtbot: QtBot) -> None:
    """Functional at full size (timings live in tests/benchmarks/bench_links_model.py)."""
    statuses = [LinkStatus.ACTIVE, LinkStatus.DISABLED, LinkStatus.EXPIRED, LinkStatus.USED]
    many = [
        cached(
            f"{i:06d}",
            name=f"Name {(i * 7919) % 100_000}",
            amount=f"{(i * 31) % 5000}.{i % 1000:03d}",
            currency="KWD",
            status=statuses[i % 4],
            expires=None if i % 3 else NOW + timedelta(minutes=i),
        )
        for i in range(100_000)
    ]
    model = LinksTableModel(lambda: NOW)
    model.set_links(many)
    assert model.rowCount() == 100_000
    model.sort(Column.AMOUNT, DESC)
    keys = [model.data(model.index(r, Column.AMOUNT), SORT_ROLE) for r in range(model.rowCount())]
    assert keys == sorted(keys, reverse=True)
    model.sort(Column.NAME, ASC)
    names = [model.data(model.index(r, Column.NAME), SORT_ROLE) for r in range(model.rowCount())]
    assert names == sorted(names)
    model.sort(Column.EXPIRES, ASC)
    assert model.data(model.index(99_999, Column.EXPIRES), DISPLAY) == "—"
    model.set_status_filter(LinkStatus.USED)
    assert model.rowCount() == 25_000
    model.set_id_filter({f"{i:06d}" for i in range(0, 4000, 4)} | {f"{i:06d}" for i in range(3, 4000, 4)})
    assert model.rowCount() == 1000
    assert model.status_counts()[None] == 2000
    model.set_status_filter(None)
    model.set_id_filter(None)
    changed = [relink(item, name="Renamed") if i % 1000 == 0 else item for i, item in enumerate(many)]
    spy = Signals(model)
    model.set_links(changed)
    assert spy.kinds() == {"changed"}
    assert len(spy.events) == 100
