"""The search box with the new rules: several words, amounts, status words; the no-match signal
with suggestions computed off the GUI thread; the usages that matched, for the link shown."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
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
from linkmanager.services.workspace import ProfileInfo, Workspace
from linkmanager.storage.cache import LinkCache
from linkmanager.ui.controllers import search_controller
from linkmanager.ui.controllers.search_controller import SearchController
from linkmanager.ui.models.links_model import LINK_ID_ROLE, LinksTableModel
from linkmanager.ui.tasks import InlineRunner, TaskRunner

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
WAIT_MS = 5_000


def link(link_id: str, name: str, amount: str, status: LinkStatus = LinkStatus.ACTIVE) -> PaymentLink:
    details = PaymentDetails(Money(Decimal(amount), "AED"), f"REF-{link_id}")
    return PaymentLink(link_id, f"https://pay.example/l/{link_id}", status, 0, details, name, max_usages=100)


def offline() -> LeanClient:
    raise LeanTransportError("no network in these tests")


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    cache = LinkCache.open(tmp_path / "cache.sqlite3", clock=lambda: NOW)
    cache.store_listing(
        [
            link("oct", "October consulting retainer", "6300.00"),
            link("gym", "Gym membership", "250.00"),
            link("off", "Offsite", "10.00", LinkStatus.DISABLED),
            *(
                link(f"f{i:03d}", f"Filler {i}", "1.00")
                for i in range(search_controller.SHORT_WORD_LINKS + 1)
            ),
        ],
        NOW,
        complete=True,
    )
    note = CollectedIdentifier(IdentifierType.TEXT, "Note", "paid by Fatima")
    usages = [
        Usage("gym-1", "gym", UsageStatus.STARTED, ()),
        Usage("gym-2", "gym", UsageStatus.PAYMENT_CREATED, (note,), None, "p-2", "PENDING_WITH_BANK"),
    ]
    cache.store_usages("gym", usages, NOW, link_status=LinkStatus.ACTIVE)
    made = Workspace(ProfileInfo("Test", "sandbox", "https://api.example"), cache, offline, clock=lambda: NOW)
    yield made
    made.close()


class Searching:
    def __init__(self, qtbot: QtBot, workspace: Workspace, runner: TaskRunner) -> None:
        self.box = QLineEdit()
        self.tabs = QTabBar()
        qtbot.addWidget(self.box)
        qtbot.addWidget(self.tabs)
        self.model = LinksTableModel(lambda: NOW)
        self.controller = SearchController(workspace, runner, self.box, self.tabs, self.model)
        self.model.set_links(workspace.links())
        self.controller.update_counts()
        self.no_match: list[tuple[str, list[str]]] = []
        self.cleared: list[int] = []
        self.usages: list[tuple[str, list[str]]] = []
        self.controller.no_match.connect(lambda text, names: self.no_match.append((text, names)))
        self.controller.no_match_cleared.connect(lambda: self.cleared.append(1))
        self.controller.usages_matched.connect(lambda link_id, ids: self.usages.append((link_id, ids)))

    def shown(self) -> set[str]:
        return {self.model.data(self.model.index(r, 0), LINK_ID_ROLE) for r in range(self.model.rowCount())}


@pytest.fixture
def searching(qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> Searching:
    monkeypatch.setattr(search_controller, "DEBOUNCE_MS", 0)
    return Searching(qtbot, workspace, InlineRunner())


def type_in(qtbot: QtBot, s: Searching, text: str) -> None:
    """Type `text` and wait until its answer is shown (a text too short to search shows none)."""
    s.box.setText(text)
    qtbot.waitUntil(lambda: s.controller.current_search() == text.strip(), timeout=WAIT_MS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("consulting retainer october", {"oct"}),
        ("october CONSULTING", {"oct"}),
        ("6,300", {"oct"}),
        ("AED 6,300.00", {"oct"}),
        ("pending", {"gym"}),
        ("disabled", {"off"}),
        ("fatima pending", {"gym"}),
    ],
)
def test_words_amounts_and_statuses_filter_the_table(
    qtbot: QtBot, searching: Searching, text: str, expected: set[str]
) -> None:
    type_in(qtbot, searching, text)
    assert searching.shown() == expected
    assert searching.no_match == []
    assert searching.cleared  # the message, if any, goes


def test_nothing_matched_says_so_then_suggests(qtbot: QtBot, searching: Searching) -> None:
    searching.box.setText("consultng")
    qtbot.waitUntil(lambda: len(searching.no_match) == 2, timeout=WAIT_MS)
    assert searching.no_match == [("consultng", []), ("consultng", ["October consulting retainer"])]
    assert searching.shown() == set()
    assert searching.box.toolTip().startswith("0 links match")
    searching.cleared.clear()
    type_in(qtbot, searching, "consulting")
    assert searching.cleared == [1]
    assert searching.shown() == {"oct"}


def test_no_suggestion_no_second_signal(qtbot: QtBot, searching: Searching) -> None:
    searching.box.setText("xyzzy")
    qtbot.waitUntil(lambda: bool(searching.no_match), timeout=WAIT_MS)
    assert searching.no_match == [("xyzzy", [])]


def test_a_short_word_among_too_many_links_is_named(qtbot: QtBot, searching: Searching) -> None:
    type_in(qtbot, searching, "filler 7")
    assert len(searching.shown()) == search_controller.SHORT_WORD_LINKS + 1  # "7" not applied...
    assert "7" in searching.box.toolTip().splitlines()[-1]  # ...and the tooltip says so
    searching.box.setText("a b")
    qtbot.waitUntil(lambda: searching.box.toolTip() == search_controller.TOO_SHORT, timeout=WAIT_MS)
    assert searching.controller.current_search() == ""


def test_the_usages_that_matched_the_search_shown(qtbot: QtBot, searching: Searching) -> None:
    type_in(qtbot, searching, "fatima")
    searching.controller.find_matched_usages("gym")
    assert searching.usages == [("gym", ["gym-2"])]
    type_in(qtbot, searching, "pending gym")
    searching.controller.find_matched_usages("gym")
    assert searching.usages[-1] == ("gym", ["gym-2", "gym-1"])  # gym-2 matched both words
    type_in(qtbot, searching, "")
    searching.controller.find_matched_usages("gym")
    assert searching.usages[-1] == ("gym", [])


def test_suggestions_for_an_older_text_are_dropped(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The suggestions for "consultng" arrive after "gym" was searched: nothing is said."""
    monkeypatch.setattr(search_controller, "DEBOUNCE_MS", 0)
    entered, release = threading.Event(), threading.Event()
    suggest = workspace.search_suggestions

    def slow(text: str, limit: int = 3) -> list[str]:
        entered.set()
        release.wait(WAIT_MS / 1000)
        return suggest(text, limit)

    monkeypatch.setattr(workspace, "search_suggestions", slow)
    runner = TaskRunner()
    s = Searching(qtbot, workspace, runner)
    try:
        s.box.setText("consultng")
        qtbot.waitUntil(entered.is_set, timeout=WAIT_MS)
        type_in(qtbot, s, "gym")
        release.set()
        assert runner.wait_idle(WAIT_MS)
        assert s.no_match == [("consultng", [])]
        assert s.shown() == {"gym"}
    finally:
        release.set()
        runner.wait_idle(WAIT_MS)


def test_amounts_are_held_in_memory_once_the_rows_are_in(qtbot: QtBot, searching: Searching) -> None:
    assert searching.controller._words_prepared  # scheduled by update_counts (inline here)
    type_in(qtbot, searching, "250")
    assert searching.shown() == {"gym"}
