"""The tray's notices: grouped texts, the switches of Settings, nothing told twice, the Changes
panel's line where the desktop has no tray, and closing to the tray. The tray itself cannot be
observed (and offscreen there is none): its Notifier is replaced by a recorder."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from linkmanager.domain.models import utc_now
from linkmanager.domain.money import Money
from linkmanager.domain.outcome import Outcome
from linkmanager.services.changes_model import (
    ALERT_EXPIRING,
    ALERT_LIMIT,
    ChangeDigest,
    LinkAlert,
    PaymentChange,
)
from linkmanager.ui import language
from linkmanager.ui.changes import controller, prefs
from linkmanager.ui.changes.prefs import NoticeKind
from linkmanager.ui.dialogs.settings import SettingsDialog

from .changes_helpers import Recorder, Setup, changes_window, pay, sync


def payment(
    n: int, outcome: Outcome, amount: str, currency: str = "AED", name: str = "Rent"
) -> PaymentChange:
    return PaymentChange(
        f"link-{n}", f"{name} {n}", f"usage-{n}", Money(Decimal(amount), currency), outcome, None, "X", None
    )


def digest(sync_id: int, payments: tuple[PaymentChange, ...] = (), **more: object) -> ChangeDigest:
    fields: dict[str, object] = {
        "sync_id": sync_id,
        "finished_at": utc_now(),
        "completed": True,
        "problems": 0,
        "new_payments": payments,
        "moved_payments": (),
        "link_changes": (),
        "alerts": (),
        "new_payments_count": len(payments),
    }
    fields.update(more)
    return ChangeDigest(**fields)  # type: ignore[arg-type]


def recorded(setup: Setup) -> Recorder:
    recorder = Recorder()
    setup.changes.notifier = recorder
    return recorder


def test_many_payments_make_one_grouped_notice(qtbot: QtBot, tmp_path: Path) -> None:
    with changes_window(qtbot, tmp_path, tray=True) as setup:
        notices = recorded(setup)
        collected = tuple(payment(i, Outcome.COLLECTED, "700") for i in range(12))
        kwd = (payment(20, Outcome.COLLECTED, "1.5", "KWD"),)
        failed = tuple(payment(30 + i, Outcome.FAILED, "300") for i in range(3))
        setup.changes.tell([digest(1000, collected + kwd + failed)])
        assert notices.shown == [
            (
                "What changed at the last sync",
                "13 payments collected, AED\u00a08,400.00 · KWD\u00a01.500\n3 payments failed, AED\u00a0900.00",
            )
        ]
        setup.changes.tell([digest(1001, (payment(40, Outcome.COLLECTED, "50"),))])
        assert notices.shown[-1] == ("Payment collected", "AED\u00a050.00 collected on \u2068Rent 40\u2069")


def test_a_real_sync_tells_the_payments_it_brought_once(qtbot: QtBot, tmp_path: Path) -> None:
    with changes_window(qtbot, tmp_path, tray=True) as setup:
        notices = recorded(setup)
        paid = pay(setup.sim, ["accepted", "accepted"])
        sync(qtbot, setup)
        collected = [n for n in notices.shown if "collected" in n[1]]
        assert len(collected) == 1
        assert collected[0][1].startswith("2 payments collected, ")
        assert len(paid) == 2
        before = list(notices.shown)
        sync(qtbot, setup)  # nothing new: nothing told again
        assert [n for n in notices.shown[len(before) :] if "collected" in n[1]] == []


def test_the_switches_of_settings_are_honoured(qtbot: QtBot, tmp_path: Path) -> None:
    with changes_window(qtbot, tmp_path, tray=True) as setup:
        notices = recorded(setup)
        dialog = SettingsDialog(setup.settings, language.Choice("en", "latin"), tray_available=True)
        qtbot.addWidget(dialog)
        assert all(box.isChecked() for box in dialog.notice_boxes.values())  # every kind on at first
        assert not dialog.close_to_tray.isChecked()  # closing quits at first
        dialog.notice_boxes[NoticeKind.COLLECTED].setChecked(False)
        dialog.notice_boxes[NoticeKind.SYNC].setChecked(False)
        dialog.accept()
        payments = (payment(1, Outcome.COLLECTED, "10"), payment(2, Outcome.FAILED, "20"))
        setup.changes.tell([digest(2000, payments, problems=2)])
        assert notices.shown == [
            ("Payment failed", "A payment of AED\u00a020.00 failed on \u2068Rent 2\u2069")
        ]
        setup.changes.tell([digest(2001, (payment(3, Outcome.COLLECTED, "10"),))])
        assert len(notices.shown) == 1  # collected payments: switched off


def test_nothing_is_told_twice(qtbot: QtBot, tmp_path: Path) -> None:
    with changes_window(qtbot, tmp_path, tray=True) as setup:
        notices = recorded(setup)
        soon = utc_now() + timedelta(hours=3)
        near = LinkAlert("link-9", "Tickets", ALERT_LIMIT, None, 9, 10)
        expiring = LinkAlert("link-8", "Fees", ALERT_EXPIRING, soon, 1, None)
        first = digest(3000, (payment(1, Outcome.COLLECTED, "10"),), alerts=(near,))
        setup.changes.tell([first])
        setup.changes.tell([first])  # the same sync read again (the panel opened, a second refresh)
        assert len(notices.shown) == 1
        assert "\u2068Tickets\u2069 has taken 9 of 10 payments" in notices.shown[0][1]
        setup.changes.tell([digest(3001, alerts=(near, expiring)), first])  # the alert of before stays
        assert notices.shown[-1][0] == "Link about to expire or near its limit"
        assert notices.shown[-1][1].startswith("\u2068Fees\u2069 expires ")
        assert "Tickets" not in notices.shown[-1][1]
        old = digest(2999, (payment(5, Outcome.COLLECTED, "10"),), finished_at=utc_now() - timedelta(hours=1))
        setup.changes.tell([old])  # kept before the window opened: old news
        assert len(notices.shown) == 2
        setup.changes.tell([], "Offline: Lean cannot be reached.")
        setup.changes.tell([], "Offline: Lean cannot be reached.")  # the quiet retries say nothing more
        assert notices.shown[-1] == ("Sync problem", "Offline: Lean cannot be reached.")
        assert len(notices.shown) == 3
        setup.changes.tell([digest(3002)])  # a sync went well: the next problem is news again
        setup.changes.tell([], "Offline: Lean cannot be reached.")
        assert len(notices.shown) == 4


def test_without_a_tray_the_notices_show_in_the_changes_panel(qtbot: QtBot, tmp_path: Path) -> None:
    with changes_window(qtbot, tmp_path, tray=False) as setup:
        changes = setup.changes
        assert changes.tray is None
        pay(setup.sim, ["accepted"])
        with qtbot.waitSignal(changes.told, timeout=20_000):
            sync(qtbot, setup)
        dock = changes.dock
        assert dock.notice_bar.isVisibleTo(dock)
        assert dock.notice.text().startswith("Payment collected\n")
        hostile = (payment(1, Outcome.COLLECTED, "10", name="<b>x</b> =HYPERLINK(1) \u202eevil"),)
        changes.tell([digest(4000, hostile)])
        assert dock.notice.textFormat() == Qt.TextFormat.PlainText
        assert "<b>x</b> =HYPERLINK(1) \\u202eevil" in dock.notice.text()  # as typed, its control shown
        dock.dismiss.click()
        assert not dock.notice_bar.isVisibleTo(dock)


def test_a_notice_clicked_opens_the_changes_panel(qtbot: QtBot, tmp_path: Path) -> None:
    with changes_window(qtbot, tmp_path, tray=True) as setup:
        tray = setup.changes.tray
        assert tray is not None
        assert [a.text() for a in tray.menu.actions() if a.text()] == [
            "&Show LinkManager",
            "S&ync now",
            "&Quit",
        ]
        tray.notice_clicked.emit()
        assert setup.changes.dock.isVisible()
        assert setup.changes.action.isChecked()


@pytest.mark.parametrize("keep", [True, False])
def test_closing_keeps_the_sync_in_the_tray_only_when_chosen(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keep: bool
) -> None:
    monkeypatch.setattr(
        controller, "from_desktop", lambda event: True
    )  # the close button, as the desktop sends it
    with changes_window(qtbot, tmp_path, tray=True) as setup:
        window, tray = setup.window, setup.changes.tray
        assert tray is not None
        prefs.store(setup.settings, prefs.enabled_kinds(setup.settings), keep)
        quits: list[bool] = []
        setup.changes._quit_app = lambda: quits.append(True)
        window.close()
        assert not window.isVisible()
        saved = setup.settings.value("window/geometry") is not None  # the window's own close ran
        if keep:
            assert not saved
            assert window.sync._timer.isActive()  # the sync goes on
            qtbot.wait(10)
            assert tray.icon.isVisible()
            tray.show_action.trigger()  # Show LinkManager
            assert window.isVisible()
            window.close()
            tray.quit_action.trigger()  # Quit really quits, whatever the setting
            assert quits == [True]
            assert setup.settings.value("window/geometry") is not None
        else:
            assert saved
            qtbot.waitUntil(lambda: not tray.icon.isVisible(), timeout=1000)


def test_settings_store_the_notice_switches(qtbot: QtBot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "ui-state.ini"), QSettings.Format.IniFormat)
    dialog = SettingsDialog(settings, language.Choice("en", "latin"), tray_available=True)
    qtbot.addWidget(dialog)
    assert dialog.close_to_tray.isEnabled()
    assert dialog.close_to_tray.accessibleName() == "Keep syncing in the tray when the window is closed"
    dialog.notice_boxes[NoticeKind.NEARING].setChecked(False)
    dialog.close_to_tray.setChecked(True)
    dialog.accept()
    again = QSettings(str(tmp_path / "ui-state.ini"), QSettings.Format.IniFormat)
    assert prefs.enabled_kinds(again) == {NoticeKind.COLLECTED, NoticeKind.FAILED, NoticeKind.SYNC}
    assert prefs.close_to_tray(again)
    no_tray = SettingsDialog(again, language.Choice("en", "latin"), tray_available=False)
    qtbot.addWidget(no_tray)
    assert not no_tray.close_to_tray.isEnabled()  # a hidden window with no icon could not come back
    assert QSystemTrayIcon.isSystemTrayAvailable() or no_tray.close_to_tray.toolTip()


def test_a_sync_that_cannot_reach_lean_is_told_once(qtbot: QtBot, tmp_path: Path) -> None:
    with changes_window(qtbot, tmp_path, tray=True) as setup:
        notices = recorded(setup)
        setup.sim.stop()  # Lean out of reach: the sync fails, and retries quietly
        sync(qtbot, setup)
        problems = [n for n in notices.shown if n[0] == "Sync problem"]
        assert len(problems) == 1
        assert "Test shop" in problems[0][1]  # the status bar's sentence, naming the profile
        sync(qtbot, setup)
        assert [n for n in notices.shown if n[0] == "Sync problem"] == problems
