"""The link's timeline in the detail pane: newest first, plain text (hostile names and reasons shown,
never obeyed), local times with UTC one hover away, the latest ones with "Show all", a payment's row
opening the drawer; and in the real window, refreshed after an action, a print and new payments."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from linkmanager.domain.lifecycle import utc_text
from linkmanager.domain.money import Money
from linkmanager.domain.outcome import Outcome
from linkmanager.services.link_timeline import LinkTimeline, TimelineEvent, TimelineKind
from linkmanager.services.workspace import JournalDraft, JournalEntry, PrintRecord, current_user
from linkmanager.simulator import Simulator
from linkmanager.ui.controllers import link_controller
from linkmanager.ui.main_window import MainWindow
from linkmanager.ui.widgets.link_timeline import USAGE_ROLE, LinkTimelineView

from .timeline_helpers import WAIT_MS, profile_window, select

T0 = datetime(2026, 5, 12, 9, 30, tzinfo=UTC)
DUBAI = timezone(timedelta(hours=4))
PAID = "Payment: Collected AED\u00a090.00"


def entry(reason: str, user: str) -> JournalEntry:
    draft = JournalDraft("disable", "pl_1", "Shop", "production", "ACTIVE", "DISABLED", "done", reason)
    return JournalEntry(3, T0 + timedelta(hours=2), user, draft, "0" * 64, "1" * 64)


def sample(complete: bool = True, link_id: str = "pl_1") -> LinkTimeline:
    events = (
        TimelineEvent(
            T0 + timedelta(hours=3),
            TimelineKind.PRINT,
            record=PrintRecord("pl_1", T0 + timedelta(hours=3), "print", "card", 2, "<i>HP</i>", "sam"),
        ),
        TimelineEvent(
            T0 + timedelta(hours=2), TimelineKind.ACTION, entry=entry("<b>Fraud</b>\u202ex", "=cmd|'")
        ),
        TimelineEvent(
            T0 + timedelta(hours=1),
            TimelineKind.PAYMENT,
            usage_id="u-42",
            outcome=Outcome.COLLECTED,
            amount=Money(Decimal("12.5"), "KWD"),
        ),
        TimelineEvent(T0, TimelineKind.FIRST_SEEN, status_after="ACTIVE"),
    )
    return LinkTimeline(link_id, events, complete)


@pytest.fixture
def view(qtbot: QtBot) -> LinkTimelineView:
    shown = LinkTimelineView()
    qtbot.addWidget(shown)
    shown.show()
    shown.set_link("pl_1")
    return shown


def texts(view: LinkTimelineView, column: int) -> list[str]:
    return [view.view.topLevelItem(i).text(column) for i in range(view.view.topLevelItemCount())]


def test_events_newest_first_as_plain_text_in_local_time(view: LinkTimelineView) -> None:
    assert view.note.text() == "Reading the timeline…"
    view.show_timeline(sample(), DUBAI)
    assert texts(view, 0) == [
        "12 May 2026 16:30 +04:00",
        "12 May 2026 15:30 +04:00",
        "12 May 2026 14:30 +04:00",
        "12 May 2026 13:30 +04:00",
    ]
    first = view.view.topLevelItem(0)
    assert utc_text(T0 + timedelta(hours=3)) in first.toolTip(0)
    what = texts(view, 1)
    assert "printed" in what[0]
    assert what[1] == "Disabled here by =cmd|'"
    assert what[2] == "Payment: Collected KWD\u00a012.500"  # the currency's three decimals
    assert what[3] == "First seen by this workstation"
    details = texts(view, 2)
    assert details[0] == "<i>HP</i> · by sam"
    assert details[1].startswith("Reason: \u2068<b>Fraud</b>\\u202ex\u2069")  # shown, never obeyed
    assert "\u202e" not in details[1]
    assert "Active → Disabled" in details[1]
    assert details[2] == "Usage u-42"
    assert details[3] == "Active"
    assert "&lt;b&gt;Fraud" in view.view.topLevelItem(1).toolTip(2)  # a tooltip shows it literally
    assert view.note.text() == ""
    assert view.show_all_button.isHidden()


def test_the_latest_ones_then_show_all(qtbot: QtBot, view: LinkTimelineView) -> None:
    view.show_timeline(sample(complete=False), UTC)
    assert view.note.text() == "Showing the latest 4 events."
    assert view.show_all_button.isVisible()
    assert view.show_all_button.accessibleName() == "Show the whole timeline"
    assert view.view.accessibleName() == "Timeline events"
    view.activateWindow()
    view.view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(view.view, Qt.Key.Key_Tab)
    assert view.show_all_button.hasFocus()  # the list, then its button
    with qtbot.waitSignal(view.show_all_requested) as asked:
        qtbot.mouseClick(view.show_all_button, Qt.MouseButton.LeftButton)
    assert asked.args == ["pl_1"]
    assert view.whole
    view.show_timeline(sample(), UTC)
    assert view.show_all_button.isHidden()
    view.set_link("pl_2")
    assert not view.whole
    assert view.view.topLevelItemCount() == 0


def test_an_answer_for_another_link_is_dropped_and_problems_are_said(view: LinkTimelineView) -> None:
    view.show_timeline(sample(link_id="pl_other"), UTC)
    assert view.view.topLevelItemCount() == 0
    damaged = LinkTimeline("pl_1", (), True, ("The action journal j.sqlite3 is damaged.",))
    view.show_timeline(damaged, UTC)
    assert (
        view.note.text()
        == "Nothing recorded for this link yet.\nLeft out: The action journal j.sqlite3 is damaged."
    )
    view.show_error("pl_1", "disk I/O error")
    assert view.note.text() == "The timeline could not be read: disk I/O error"


def test_a_payment_row_opens_its_usage(qtbot: QtBot, view: LinkTimelineView) -> None:
    view.show_timeline(sample(), UTC)
    payment = view.view.topLevelItem(2)
    assert payment.data(0, USAGE_ROLE) == "u-42"
    with qtbot.waitSignal(view.usage_activated) as opened:
        view.view.itemActivated.emit(payment, 1)
    assert opened.args == ["u-42"]
    with qtbot.assertNotEmitted(view.usage_activated):
        view.view.itemActivated.emit(view.view.topLevelItem(0), 1)


# -- in the window ----------------------------------------------------------------------------------


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(seed=17, links=15) as simulator:
        yield simulator


@pytest.fixture
def window(qtbot: QtBot, sim: Simulator, tmp_path: Path) -> Iterator[MainWindow]:
    with profile_window(qtbot, sim, tmp_path, "production") as shown:
        yield shown


def rows(window: MainWindow) -> list[str]:
    return texts(window.detail.timeline, 1)


def test_the_window_shows_and_refreshes_the_timeline(
    qtbot: QtBot, window: MainWindow, sim: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = {"name": "Timeline", "payment_details": {"reference": "T-1", "currency": "AED", "amount": 90}}
    link_id = str(sim.state.create_link(body)["id"])
    other = sim.state.link_ids(status="ACTIVE")[-1]
    window.sync.sync_now()
    qtbot.waitUntil(lambda: window.model.row_of(link_id) is not None, timeout=WAIT_MS)
    select(qtbot, window, link_id)
    qtbot.waitUntil(lambda: rows(window) == ["First seen by this workstation"], timeout=WAIT_MS)

    monkeypatch.setattr(link_controller, "confirm_status_change", lambda *args, **more: "Customer asked")
    window.detail.request_toggle()
    qtbot.waitUntil(lambda: rows(window)[:1] == [f"Disabled here by {current_user()}"], timeout=WAIT_MS)
    assert texts(window.detail.timeline, 2)[0].startswith("Reason: Customer asked")
    assert len(rows(window)) == 2  # the cache's copy of the same change is not repeated

    window.links.record_prints(
        [PrintRecord(link_id, datetime.now(UTC), "qr_file", "png", 1, "/tmp/q.png", "")]
    )
    qtbot.waitUntil(lambda: rows(window)[:1] == ["QR code saved as PNG"], timeout=WAIT_MS)

    sim.state.set_status(link_id, "ACTIVE")
    usage = sim.pay(link_id, "accepted")
    select(qtbot, window, other)
    select(qtbot, window, link_id)  # opening it again reads its usages from Lean
    qtbot.waitUntil(lambda: PAID in rows(window), timeout=WAIT_MS)
    assert "Status changed: Disabled → Active" in rows(window)
    timeline = window.detail.timeline
    payment = timeline.view.topLevelItem(rows(window).index(PAID))
    timeline.view.itemActivated.emit(payment, 0)
    qtbot.waitUntil(lambda: window.drawer.current_usage_id() == usage["usage_id"], timeout=WAIT_MS)
