"""The status bar: environment badge, online state, "Last synced", sync progress and its buttons."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QStatusBar, QWidget
from pytestqt.qtbot import QtBot

from linkmanager.services.workspace import SyncProgress
from linkmanager.ui.widgets.status_bar import BADGES, REFRESH_MS, StatusBar, ago_text, last_synced_text

NOW = datetime(2026, 3, 1, 14, 5, 30, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def bar(qtbot: QtBot, clock: Clock) -> StatusBar:
    widget = StatusBar(now=clock, tz=UTC)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _luminance(color: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(QColor(a)), _luminance(QColor(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize(
    ("environment", "text"),
    [("production", "PRODUCTION"), ("sandbox", "SANDBOX"), ("demo", "DEMO"), ("custom", "CUSTOM")],
)
def test_badge_says_the_environment_in_words(bar: StatusBar, environment: str, text: str) -> None:
    bar.set_profile("Dubai store", environment)
    assert bar.badge.text() == text
    assert bar.badge.isVisible()
    assert bar.profile_label.text() == "Dubai store"
    assert bar.environment() == environment


def test_badge_colours_read_clearly() -> None:
    for environment, (_, background, foreground, _) in BADGES.items():
        assert contrast(background, foreground) >= 4.5, environment


def test_production_is_unmistakable(bar: StatusBar) -> None:
    bar.set_profile("Live", "production")
    style = bar.badge.styleSheet()
    assert "#c62828" in style
    assert "#ffffff" in style
    assert "bold" in style
    assert "border-top" in bar.styleSheet()  # a red rule along the whole bar
    bar.set_profile("Test", "sandbox")
    assert bar.styleSheet() == ""


def test_an_unknown_environment_is_custom(bar: StatusBar) -> None:
    bar.set_profile("Odd", "staging")
    assert bar.badge.text() == "CUSTOM"


def test_names_are_plain_text(bar: StatusBar) -> None:
    bar.set_profile("<b>x</b>", "sandbox")
    assert bar.profile_label.textFormat() == Qt.TextFormat.PlainText
    assert bar.profile_label.text() == "<b>x</b>"


def test_the_badge_survives_a_temporary_message(bar: StatusBar) -> None:
    bar.set_profile("Live", "production")
    bar.showMessage("Sync cancelled", 5000)
    assert bar.badge.isVisible()
    assert bar.sync_button.isVisible()


def test_online_and_offline_in_words_with_the_reason_as_plain_tooltip(bar: StatusBar) -> None:
    bar.set_online(True)
    assert bar.connection_text() == "Online"
    assert bar.is_online()
    bar.set_online(False, "Cannot connect to <api.leantech.me>")
    assert bar.connection_text() == "Offline — Cannot connect to <api.leantech.me>"  # the reason in the bar
    assert not bar.is_online()
    tip = bar.online_label.toolTip()
    assert "&lt;api.leantech.me&gt;" in tip  # shown as the characters, never as markup
    assert bar.online_dot.styleSheet() != ""


def test_last_synced_reads_like_the_issue(bar: StatusBar) -> None:
    bar.set_last_synced(datetime(2026, 3, 1, 14, 2, tzinfo=UTC))
    assert bar.last_synced_label.text() == "Last synced 14:02 (3 min ago)"
    assert "2026-03-01 14:02:00 UTC" in bar.last_synced_label.toolTip()


def test_last_synced_refreshes_itself(bar: StatusBar, clock: Clock) -> None:
    bar.set_last_synced(datetime(2026, 3, 1, 14, 2, tzinfo=UTC))
    assert bar._timer.isActive()
    assert bar._timer.interval() == REFRESH_MS
    clock.now += timedelta(minutes=10)
    bar._timer.timeout.emit()
    assert bar.last_synced_label.text() == "Last synced 14:02 (13 min ago)"


def test_never_synced(bar: StatusBar) -> None:
    bar.set_last_synced(None)
    assert bar.last_synced_label.text() == "Not synced yet"
    assert not bar._timer.isActive()


def test_last_synced_in_the_given_zone() -> None:
    from zoneinfo import ZoneInfo

    dubai = ZoneInfo("Asia/Dubai")
    moment = datetime(2026, 3, 1, 10, 2, tzinfo=UTC)
    assert last_synced_text(moment, NOW, dubai) == "Last synced 14:02 (4 h ago)"


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        (NOW - timedelta(seconds=20), "Last synced 14:05 (just now)"),
        (NOW - timedelta(hours=20), "Last synced yesterday 18:05 (20 h ago)"),
        (NOW - timedelta(days=3), "Last synced 26 Feb 2026 14:05 (3 days ago)"),
    ],
)
def test_last_synced_wording(moment: datetime, text: str) -> None:
    assert last_synced_text(moment, NOW, UTC) == text


def test_ago_text() -> None:
    assert ago_text(NOW + timedelta(minutes=2), NOW) == "just now"  # a clock set back says nothing odd
    assert ago_text(NOW - timedelta(days=1, hours=2), NOW) == "1 day ago"


def test_progress_is_hidden_when_idle(bar: StatusBar) -> None:
    bar.set_progress(None)
    assert bar.progress_bar.isHidden()
    assert bar.cancel_button.isHidden()
    assert bar.sync_button.isEnabled()


def test_progress_counts_link_pages_then_links(bar: StatusBar) -> None:
    bar.set_progress(SyncProgress(0, None, 0, None))
    assert bar.progress_bar.isVisible()
    assert bar.cancel_button.isVisible()
    assert not bar.sync_button.isEnabled()
    assert (bar.progress_bar.minimum(), bar.progress_bar.maximum()) == (0, 0)  # busy: total unknown

    bar.set_progress(SyncProgress(3, 12, 0, None))
    assert (bar.progress_bar.value(), bar.progress_bar.maximum()) == (3, 12)
    assert bar.progress_bar.text() == "Links: page 3 of 12"

    bar.set_progress(SyncProgress(12, 12, 120, 1500))
    assert (bar.progress_bar.value(), bar.progress_bar.maximum()) == (120, 1500)
    assert bar.progress_bar.text() == "Payments: 120 of 1,500 links"

    bar.set_progress(SyncProgress(12, 12, 0, 0))  # nothing to read: shown complete, not busy
    assert bar.progress_bar.maximum() == 1

    bar.set_progress(None)
    assert bar.progress_bar.isHidden()
    assert bar.sync_button.isEnabled()


def test_cancel_asks_once_and_says_so(bar: StatusBar, qtbot: QtBot) -> None:
    bar.set_progress(SyncProgress(1, 5, 0, None))
    with qtbot.waitSignal(bar.cancel_requested, timeout=1000):
        qtbot.mouseClick(bar.cancel_button, Qt.MouseButton.LeftButton)
    assert not bar.cancel_button.isEnabled()
    assert bar.cancel_button.text() == "Cancelling…"
    bar.set_progress(None)
    bar.set_progress(SyncProgress(0, None, 0, None))
    assert bar.cancel_button.isEnabled()
    assert bar.cancel_button.text() == "Cancel"


def test_sync_now_button(bar: StatusBar, qtbot: QtBot) -> None:
    assert bar.sync_button.accessibleName() == "Sync now"
    assert "F5" in bar.sync_button.toolTip()
    with qtbot.waitSignal(bar.sync_requested, timeout=1000):
        qtbot.mouseClick(bar.sync_button, Qt.MouseButton.LeftButton)


def test_every_part_is_named_for_screen_readers(bar: StatusBar) -> None:
    names = {w.accessibleName() for w in bar.findChildren(QWidget)}
    assert {"Environment", "Profile", "Connection", "Last synced"} <= names
    assert bar.progress_bar.accessibleName() == "Sync progress"
    assert bar.cancel_button.accessibleName() == "Cancel sync"


def test_it_is_a_status_bar(bar: StatusBar) -> None:
    assert isinstance(bar, QStatusBar)
    assert QGuiApplication.instance() is not None
