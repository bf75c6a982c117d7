"""What a sync could not update, in the status bar and under the link's status in the detail pane."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment
from pytestqt.qtbot import QtBot

from linkmanager.domain.lifecycle import moment_text
from linkmanager.domain.models import PaymentDetails, PaymentLink
from linkmanager.domain.money import Money
from linkmanager.domain.status import LinkStatus
from linkmanager.services.workspace import SyncProblem
from linkmanager.storage.cache_model import CachedLink
from linkmanager.ui.widgets.detail_pane import DetailPane
from linkmanager.ui.widgets.status_bar import StatusBar

DUBAI = ZoneInfo("Asia/Dubai")
NOW = datetime(2026, 12, 4, 10, 5, tzinfo=UTC)  # 14:05 in Dubai
LINK = "0b9e0a4c-3f6e-4a51-9d7a-1b7f3c2e9a10"
DETAIL = "Lean sent a malformed usage u-1: content[0].usage_status: expected text, got a number."
LRM, FSI, PDI = "\u200e", "\u2068", "\u2069"


def cached(**changes: object) -> CachedLink:
    link = PaymentLink(
        id=LINK,
        url="https://pay.example/1",
        status=LinkStatus.ACTIVE,
        current_usages=3,
        payment_details=PaymentDetails(Money(Decimal("1500.00"), "AED"), "INV-1"),
        name="May rent",
    )
    entry = CachedLink(
        link=link,
        confirmed_at=NOW - timedelta(minutes=1),
        usages_confirmed_at=NOW - timedelta(minutes=25),  # 13:40 in Dubai
        usages_confirmed_status=LinkStatus.ACTIVE,
        missing_since=None,
        usage_count=3,
        unsettled_usages=0,
    )
    return replace(entry, **changes)  # type: ignore[arg-type]


def problem(what: str = "usages-malformed", detail: str = DETAIL, **changes: object) -> SyncProblem:
    values: dict[str, object] = {"since": NOW - timedelta(minutes=3), "seen_at": NOW - timedelta(minutes=1)}
    values.update(changes)
    return SyncProblem(LINK, what, detail, "{}", **values)  # type: ignore[arg-type]


@pytest.fixture
def pane(qtbot: QtBot) -> DetailPane:
    widget = DetailPane(lambda: NOW, tz=DUBAI)
    widget.resize(520, 900)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def bar(qtbot: QtBot) -> StatusBar:
    widget = StatusBar(now=lambda: NOW, tz=UTC)
    qtbot.addWidget(widget)
    widget.show()
    return widget


# --- times ------------------------------------------------------------------------------------------


def test_times_are_local_with_their_offset() -> None:
    assert moment_text(NOW, DUBAI).endswith(" +04:00")
    assert moment_text(NOW, UTC).endswith(" +00:00")
    assert moment_text(NOW, ZoneInfo("America/St_Johns")).endswith(" -03:30")
    assert moment_text(NOW, ZoneInfo("Asia/Kolkata")).endswith(" +05:30")
    assert moment_text(NOW - timedelta(minutes=3), DUBAI) == "04 Dec 2026 14:02 +04:00"


# --- the detail pane --------------------------------------------------------------------------------


def test_a_link_with_a_problem_says_it_was_not_updated(pane: DetailPane) -> None:
    pane.set_problems({LINK: [problem()]})
    pane.show_link(cached())
    label = pane.problem_label
    assert label.isVisible()
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == (
        f"{LRM}Not updated since 04 Dec 2026 14:02 +04:00 (3 min ago): {FSI}{DETAIL}{PDI} "
        "What is shown is Lean's last answer, confirmed 04 Dec 2026 13:40 +04:00."
    )
    tip = QTextDocumentFragment.fromHtml(label.toolTip()).toPlainText()
    assert "First met: 2026-12-04 10:02:00 UTC" in tip
    assert "Lean's last answer: 2026-12-04 09:40:00 UTC" in tip
    assert label.accessibleName() == "Not updated"


def test_problems_of_other_links_say_nothing(pane: DetailPane) -> None:
    pane.set_problems({"another": [problem()]})
    pane.show_link(cached())
    assert not pane.problem_label.isVisible()
    pane.set_problems({LINK: [problem()]})  # after a sync: shown at once, without a new show_link
    assert pane.problem_label.isVisible()
    pane.set_problems({})
    assert not pane.problem_label.isVisible()


def test_never_read_usages_and_a_bad_link_record(pane: DetailPane) -> None:
    pane.set_problems({LINK: [problem()]})
    pane.show_link(cached(usages_confirmed_at=None))
    assert pane.problem_label.text().endswith("Its usages have not been read from Lean yet.")
    bad_record = problem("link-malformed", "Lean listed a malformed link record (page 1, #3): amount.")
    pane.set_problems({LINK: [bad_record]})
    # About the link's own record: its confirmation is the link's, not its usages'.
    assert pane.problem_label.text().endswith(
        "What is shown is Lean's last answer, confirmed 04 Dec 2026 14:04 +04:00."
    )


def test_a_clean_read_after_the_problem_ends_it_and_asks_for_the_list_once(
    pane: DetailPane, qtbot: QtBot
) -> None:
    pane.set_problems({LINK: [problem()]})
    pane.show_link(cached())
    assert pane.problem_label.isVisible()
    with qtbot.waitSignal(pane.problems_outdated):
        pane.show_link(cached(usages_confirmed_at=NOW))  # opening the link read its usages again
    assert not pane.problem_label.isVisible()
    with qtbot.assertNotEmitted(pane.problems_outdated):
        pane.show_link(cached(usages_confirmed_at=NOW))  # the same news twice: no second re-read


def test_the_missing_warning_and_the_problem_are_both_said(pane: DetailPane) -> None:
    pane.set_problems({LINK: [problem()]})
    pane.show_link(cached(missing_since=NOW - timedelta(hours=1)))
    assert pane.warning_label.isVisible()
    assert pane.problem_label.isVisible()


def test_hostile_detail_is_plain_text(pane: DetailPane) -> None:
    hostile = '<b>x</b> =HYPERLINK("http://evil") \u202eexe.txt'
    pane.set_problems({LINK: [problem(detail=hostile)]})
    pane.show_link(cached())
    assert f"{FSI}{hostile}{PDI}" in pane.problem_label.text()
    assert pane.problem_label.textFormat() == Qt.TextFormat.PlainText


# --- the status bar ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("links", "listing", "text"),
    [
        (1, False, "Synced — 1 link could not be updated"),
        (2, False, "Synced — 2 links could not be updated"),
        (0, True, "Synced — part of the list of links could not be read"),
        (3, True, "Synced — 3 links could not be updated; part of the list of links could not be read"),
    ],
)
def test_the_bar_says_what_could_not_be_updated(bar: StatusBar, links: int, listing: bool, text: str) -> None:
    assert bar.problems_button.isHidden()
    bar.set_problems(links, listing=listing)
    assert bar.problems_button.isVisible()
    assert bar.problems_text() == text
    assert bar.problems_button.accessibleDescription() == text
    bar.set_problems(0, listing=False)
    assert bar.problems_button.isHidden()
    assert bar.problems_text() == ""


def test_the_problems_control_is_a_named_button_reachable_by_keyboard(bar: StatusBar, qtbot: QtBot) -> None:
    bar.set_problems(2, listing=False)
    button = bar.problems_button
    assert button.accessibleName() == "Sync problems"
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert "which links" in QTextDocumentFragment.fromHtml(button.toolTip()).toPlainText()
    with qtbot.waitSignal(bar.problems_requested, timeout=1000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    button.setFocus()
    with qtbot.waitSignal(bar.problems_requested, timeout=1000):
        qtbot.keyClick(button, Qt.Key.Key_Space)
    bar.showMessage("Sync cancelled", 5000)
    assert button.isVisible(), "a permanent part: a notice does not hide it"
