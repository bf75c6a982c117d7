"""The search box and the status tabs: the table filtered by the cache's search, latest answer wins,
and the tab counts recounted once per pass of the event loop however many signals the model sends."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLineEdit, QTabBar
from pytestqt.qtbot import QtBot

from linkmanager.api import LeanClient, LeanTransportError
from linkmanager.domain import (
    CollectedIdentifier,
    IdentifierType,
    LinkStatus,
    Money,
    PaymentDetails,
    PaymentLink,
    Usage,
    UsageStatus,
)
from linkmanager.services.workspace import LinkSearch, ProfileInfo, Workspace
from linkmanager.storage.cache import LinkCache
from linkmanager.ui.controllers import search_controller
from linkmanager.ui.controllers.search_controller import TABS, TOO_SHORT, SearchController
from linkmanager.ui.models.links_model import LINK_ID_ROLE, Column, LinksTableModel
from linkmanager.ui.tasks import InlineRunner, TaskRunner

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
WAIT_MS = 5_000
FILLERS = 40  # links that match none of the queries below: 20 active, 20 disabled


def link(link_id: str, name: str, reference: str, status: LinkStatus = LinkStatus.ACTIVE) -> PaymentLink:
    return PaymentLink(
        id=link_id,
        url=f"https://pay.example/l/{link_id}",
        status=status,
        current_usages=0,
        payment_details=PaymentDetails(Money(Decimal("10.00"), "AED"), reference),
        name=name,
        max_usages=100,
    )


def offline() -> LeanClient:
    raise LeanTransportError("no network in these tests")


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    cache = LinkCache.open(tmp_path / "cache.sqlite3", clock=lambda: NOW)
    links = [
        link("rent-1", "Rent for March", "INV-2026-0042"),
        link("rent-2", "Rent for April", "INV-2026-0043", LinkStatus.DISABLED),
        link("gym", "Gym", "GYM-1"),
        link("ar", "إيجار شهر مارس", "REF-AR"),
        *(
            link(f"f{i:02d}", f"Filler {i}", f"F-{i}", LinkStatus.ACTIVE if i % 2 else LinkStatus.DISABLED)
            for i in range(FILLERS)
        ),
    ]
    cache.store_listing(links, NOW, complete=True)
    usage = Usage(
        usage_id="gym-u1",
        payment_link_id="gym",
        usage_status=UsageStatus.PAYMENT_CREATED,
        identifiers=(CollectedIdentifier(IdentifierType.TEXT, "Note", "rent deposit"),),
    )
    cache.store_usages("gym", [usage], NOW, link_status=LinkStatus.ACTIVE)
    made = Workspace(
        ProfileInfo("Test shop", "sandbox", "https://api.example"), cache, offline, clock=lambda: NOW
    )
    yield made
    made.close()


class CountingTabBar(QTabBar):
    def __init__(self) -> None:
        super().__init__()
        self.set_text_calls = 0

    def setTabText(self, index: int, text: str) -> None:  # noqa: N802 - Qt override
        self.set_text_calls += 1
        super().setTabText(index, text)


@dataclass
class Searching:
    box: QLineEdit
    tabs: CountingTabBar
    model: LinksTableModel
    controller: SearchController
    runner: TaskRunner
    recounts: list[int]
    searched: list[str]

    def shown(self) -> set[str]:
        return {self.model.data(self.model.index(r, 0), LINK_ID_ROLE) for r in range(self.model.rowCount())}

    def tab_texts(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]


def make_searching(
    qtbot: QtBot, workspace: Workspace, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> Searching:
    monkeypatch.setattr(search_controller, "DEBOUNCE_MS", 0)
    searched: list[str] = []
    lookup = workspace.find_links

    def counted_lookup(text: str) -> LinkSearch:
        searched.append(text)
        return lookup(text)

    monkeypatch.setattr(workspace, "find_links", counted_lookup)
    box = QLineEdit()
    qtbot.addWidget(box)
    tabs = CountingTabBar()
    qtbot.addWidget(tabs)
    model = LinksTableModel(lambda: NOW)
    recounts: list[int] = []
    counts = model.status_counts

    def counted_counts() -> dict[LinkStatus | None, int]:
        recounts.append(1)
        return counts()

    monkeypatch.setattr(model, "status_counts", counted_counts)
    controller = SearchController(workspace, runner, box, tabs, model)
    model.set_links(workspace.links())
    controller.update_counts()
    return Searching(box, tabs, model, controller, runner, recounts, searched)


@pytest.fixture
def searching(qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> Searching:
    return make_searching(qtbot, workspace, InlineRunner(), monkeypatch)


def type_and_wait(qtbot: QtBot, s: Searching, text: str, tooltip: Callable[[str], bool]) -> None:
    s.box.setText(text)
    qtbot.waitUntil(lambda: tooltip(s.box.toolTip()), timeout=WAIT_MS)


def test_typing_filters_the_table_and_marks_payer_matches(qtbot: QtBot, searching: Searching) -> None:
    type_and_wait(qtbot, searching, "rent", lambda tip: tip.startswith("3 links"))
    assert searching.shown() == {"rent-1", "rent-2", "gym"}
    assert searching.box.toolTip() == "3 links match; 1 through a payer value"
    name = searching.model.index(searching.model.row_of("gym") or 0, Column.NAME)
    assert isinstance(name.data(Qt.ItemDataRole.DecorationRole), QIcon)  # found in what a payer typed
    rent = searching.model.index(searching.model.row_of("rent-1") or 0, Column.NAME)
    assert rent.data(Qt.ItemDataRole.DecorationRole) is None
    assert searching.tab_texts() == ["All (3)", "Active (2)", "Disabled (1)", "Expired (0)", "Used (0)"]


def test_arabic_and_hostile_text_are_searched_as_text(qtbot: QtBot, searching: Searching) -> None:
    type_and_wait(qtbot, searching, "شهر مارس", lambda tip: tip.startswith("1 link "))
    assert searching.shown() == {"ar"}
    type_and_wait(qtbot, searching, '"; DROP TABLE links; --', lambda tip: tip.startswith("0 links"))
    assert searching.shown() == set()
    assert searching.tab_texts()[0] == "All (0)"


def test_clearing_the_box_shows_every_link(qtbot: QtBot, searching: Searching) -> None:
    type_and_wait(qtbot, searching, "gym", lambda tip: tip.startswith("1 link "))
    assert searching.shown() == {"gym"}
    type_and_wait(qtbot, searching, "", lambda tip: tip == "")
    assert searching.model.rowCount() == FILLERS + 4
    assert searching.tab_texts()[:3] == ["All (44)", "Active (23)", "Disabled (21)"]


@pytest.mark.parametrize("text", ["r", "re", "\u200fre\u200e", " g "])
def test_too_short_queries_show_every_link_and_say_why(qtbot: QtBot, searching: Searching, text: str) -> None:
    type_and_wait(qtbot, searching, "rent", lambda tip: tip.startswith("3 links"))
    searching.searched.clear()
    type_and_wait(qtbot, searching, text, lambda tip: tip == TOO_SHORT)
    assert TOO_SHORT == "Type at least 3 characters to search"
    assert searching.searched == []  # no scan of every cached value
    assert searching.model.rowCount() == FILLERS + 4
    assert searching.tab_texts()[0] == "All (44)"


def test_tabs_filter_by_status_and_counts_follow_the_search(qtbot: QtBot, searching: Searching) -> None:
    type_and_wait(qtbot, searching, "rent", lambda tip: tip.startswith("3 links"))
    searching.tabs.setCurrentIndex(2)  # Disabled
    assert searching.shown() == {"rent-2"}
    assert searching.tab_texts()[:3] == ["All (3)", "Active (2)", "Disabled (1)"]


def test_a_stale_answer_is_dropped(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The search for "rent" is still running when "gym" is typed, and answers last: it is ignored."""
    entered, release = threading.Event(), threading.Event()
    lookup = workspace.find_links

    def slow_for_rent(text: str) -> LinkSearch:
        if text == "rent":
            entered.set()
            if not release.wait(WAIT_MS / 1000):
                raise TimeoutError("the test never released the search")
        return lookup(text)

    monkeypatch.setattr(workspace, "find_links", slow_for_rent)
    runner = TaskRunner()
    s = make_searching(qtbot, workspace, runner, monkeypatch)
    try:
        s.box.setText("rent")
        qtbot.waitUntil(entered.is_set, timeout=WAIT_MS)
        type_and_wait(qtbot, s, "gym", lambda tip: tip.startswith("1 link "))
        assert s.shown() == {"gym"}
        release.set()
        assert runner.wait_idle(WAIT_MS)
        QCoreApplication.processEvents()
        assert s.shown() == {"gym"}
        assert s.box.toolTip() == "1 link match; 0 through a payer value"
        assert s.tab_texts()[0] == "All (1)"
    finally:
        release.set()
        runner.wait_idle(WAIT_MS)


def test_counts_are_recounted_once_per_event_loop_turn(qtbot: QtBot, searching: Searching) -> None:
    model = searching.model
    signals: list[str] = []
    model.dataChanged.connect(lambda *_: signals.append("changed"))
    model.rowsRemoved.connect(lambda *_: signals.append("removed"))
    model.rowsInserted.connect(lambda *_: signals.append("inserted"))
    QCoreApplication.processEvents()
    searching.recounts.clear()
    searching.tabs.set_text_calls = 0

    # Every other link renamed (one dataChanged each: no two are next to each other), a disabled
    # filler gone, a disabled link now active, and a new active link.
    changed = []
    for i, item in enumerate(model.link_at(r) for r in range(model.rowCount())):
        assert item is not None
        if item.link.id == "f00":
            continue
        if i % 2 == 0:
            item = replace(item, link=replace(item.link, name=f"Renamed {item.link.id}"))
        if item.link.id == "rent-2":
            item = replace(item, link=replace(item.link, status=LinkStatus.ACTIVE))
        changed.append(item)
    changed.append(replace(changed[0], link=replace(changed[0].link, id="new", status=LinkStatus.ACTIVE)))
    model.set_links(changed)

    assert signals.count("changed") > 10  # many signals...
    assert searching.recounts == []  # ...and no recount yet
    QCoreApplication.processEvents()
    assert len(searching.recounts) == 1  # one, on the next pass of the loop
    assert searching.tab_texts()[:3] == ["All (44)", "Active (25)", "Disabled (19)"]
    assert searching.tabs.set_text_calls == 2  # "All (44)" was right already
    QCoreApplication.processEvents()
    assert len(searching.recounts) == 1


def test_a_direct_recount_replaces_the_queued_one(searching: Searching) -> None:
    model = searching.model
    QCoreApplication.processEvents()
    searching.recounts.clear()
    model.set_status_filter(LinkStatus.ACTIVE)  # rows go: signals queue a recount
    model.set_status_filter(None)
    searching.controller.update_counts()  # as the window does after loading links
    QCoreApplication.processEvents()
    assert len(searching.recounts) == 1


def test_tab_counts_come_from_the_cache_until_the_whole_list_is_in(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first screenful cannot count the tabs; the cache can (Workspace.status_counts)."""
    box, tabs = QLineEdit(), CountingTabBar()
    qtbot.addWidget(box)
    qtbot.addWidget(tabs)
    model = LinksTableModel(lambda: NOW)
    controller = SearchController(workspace, InlineRunner(), box, tabs, model)
    model.show_first(workspace.first_links("name", limit=1))
    controller.update_counts()
    assert model.rowCount() == 1
    assert [tabs.tabText(i) for i in range(tabs.count())] == [f"{title} (…)" for title, _ in TABS]
    controller.set_cached_counts(workspace.status_counts())
    shown_early = [tabs.tabText(i) for i in range(tabs.count())]
    assert shown_early[0] == f"All ({len(workspace.links())})"
    model.set_links(workspace.links())
    controller.update_counts()
    assert [tabs.tabText(i) for i in range(tabs.count())] == shown_early  # the same numbers, from the rows
