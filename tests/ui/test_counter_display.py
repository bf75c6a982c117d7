"""The counter display (issue 15, part 1) fed the watcher's events directly: what the customer
reads for each, the code it shows (decoded), and the operator's panel. The real chain (simulator,
workspace, watcher, window) is in test_counter_window.py."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest
import zxingcpp
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from linkmanager.domain.models import PaymentDetails, PaymentLink, Usage
from linkmanager.domain.money import Money
from linkmanager.domain.status import LinkStatus, UsageStatus
from linkmanager.services.watch import WatchEvent
from linkmanager.ui.counter import screens, texts
from linkmanager.ui.counter.counter_display import CounterDisplay, DisplayState
from linkmanager.ui.counter.counter_session import CounterSession
from linkmanager.ui.counter.operator_panel import OperatorPanel
from linkmanager.ui.counter.watch_adapter import WatchAdapter

URL = "https://pay.simulator.invalid/pay/7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f"
NOW = datetime(2026, 5, 12, 10, 0, tzinfo=UTC)
PAID = "Paid — AED 262.00"
DEMO_LINK = "13ea4bfe-a578-4d77-abb8-a7af9db10741"  # the demo's (seed 7) parking permit, 200 uses


def watch_event(
    kind: str, *, usage: Usage | None = None, status: str | None = None, seen_at: datetime = NOW
) -> WatchEvent:
    return WatchEvent(kind, "L1", usage, status, seen_at)


def make_link(*, name: str = "Counter 1", max_usages: int | None = None, **more: object) -> PaymentLink:
    return PaymentLink(
        id="L1",
        url=URL,
        status=LinkStatus.ACTIVE,
        current_usages=0,
        payment_details=PaymentDetails(Money(Decimal("262.00"), "AED"), "INV-262"),
        name=name,
        max_usages=max_usages,
        **more,  # type: ignore[arg-type]
    )


def usage(usage_id: str, status: UsageStatus, payment: str | None) -> Usage:
    return Usage(
        usage_id, "L1", status, payment_id="P-" + usage_id if payment else None, payment_status=payment
    )


def collected(usage_id: str = "U1") -> WatchEvent:
    return watch_event("usage", usage=usage(usage_id, UsageStatus.PAYMENT_CREATED, "ACCEPTED_BY_BANK"))


def state(counter: Counter) -> DisplayState:
    return counter.display.state


def shown(display: CounterDisplay) -> str:
    return display.visible_text().replace("\xa0", " ")


@pytest.fixture(autouse=True)
def quick_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(CounterDisplay, "PAID_MS", 60)
    monkeypatch.setattr(CounterDisplay, "FAILED_MS", 60)


class Counter:
    def __init__(self, qtbot: QtBot, link: PaymentLink, now: datetime = NOW) -> None:
        self.display = CounterDisplay(link)
        self.panel = OperatorPanel("Counter 1 — AED 262.00", None, can_simulate=False)
        qtbot.addWidget(self.display)
        qtbot.addWidget(self.panel)
        self.adapter = WatchAdapter(lambda: None)  # type: ignore[arg-type, return-value]  # never started
        self.chimes = 0
        self.session = CounterSession(
            link, self.display, self.panel, self.adapter, lambda: now, chime=self._chime
        )
        self.display.show()

    def _chime(self) -> None:
        self.chimes += 1


@pytest.fixture
def counter(qtbot: QtBot) -> Counter:
    return Counter(qtbot, make_link())


def decode(image: QImage) -> str:
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    pixels = np.frombuffer(gray.constBits(), np.uint8, stride * height).reshape(height, stride)[:, :width]
    found = zxingcpp.read_barcodes(np.ascontiguousarray(pixels))
    assert found, "no code found"
    return str(found[0].text)


def test_the_display_shows_name_amount_code_and_scan_to_pay_in_both_languages(counter: Counter) -> None:
    text = shown(counter.display)
    assert text.splitlines() == ["Counter 1", "AED 262.00", "Scan to pay", "امسح للدفع"]
    assert decode(counter.display.qr_image()) == URL
    image = counter.display.qr_image()
    assert {
        image.pixelColor(x, y).name() for x in range(image.width()) for y in range(0, image.height(), 7)
    } == {
        "#000000",
        "#ffffff",
    }


def test_the_amount_is_large_and_grows_with_the_screen(qtbot: QtBot, counter: Counter) -> None:
    display = counter.display
    display.resize(1600, 1000)
    qtbot.waitUntil(lambda: display.amount_label.font().pixelSize() >= 80)
    small = display.qr_image().width()
    display.resize(1920, 1400)
    qtbot.waitUntil(lambda: display.qr_image().width() > small)
    assert decode(display.qr_image()) == URL


def test_a_hostile_name_is_shown_as_plain_text(qtbot: QtBot) -> None:
    name = '<b>Free</b> =HYPERLINK("x") \u202eevil'
    shown_counter = Counter(qtbot, make_link(name=name))
    assert shown_counter.display.name_label.text() == name
    assert shown_counter.display.name_label.textFormat().name == "PlainText"


def test_a_collected_payment_shows_paid_with_a_sound_then_the_code_again(
    qtbot: QtBot, counter: Counter
) -> None:
    counter.session.handle(collected())
    assert state(counter) == DisplayState.PAID
    assert shown(counter.display).splitlines()[1:] == [PAID, "تم الدفع — \u2068AED 262.00\u2069"]
    assert counter.chimes == 1
    assert any("Paid AED" in line.replace("\xa0", " ") for line in counter.panel.payment_lines())
    qtbot.waitUntil(lambda: state(counter) == DisplayState.CODE)  # a multi-use link
    assert "Scan to pay" in shown(counter.display)
    counter.session.handle(collected())  # the same usage again: nothing new
    assert state(counter) == DisplayState.CODE
    assert counter.chimes == 1


def test_the_sound_can_be_turned_off(counter: Counter) -> None:
    counter.session.set_sound(False)
    counter.session.handle(collected())
    assert state(counter) == DisplayState.PAID
    assert counter.chimes == 0


def test_a_single_use_link_ends_on_thank_you(qtbot: QtBot) -> None:
    single = Counter(qtbot, make_link(max_usages=1))
    single.session.handle(collected())
    single.session.handle(watch_event("link_status", status="USED"))  # Lean's USED while Paid is up
    assert state(single) == DisplayState.PAID
    qtbot.waitUntil(lambda: state(single) == DisplayState.THANKS)
    assert shown(single.display).splitlines() == ["Thank you", "شكرا لك"]
    assert "Scan to pay" not in shown(single.display)


def test_the_last_use_of_a_limited_link_ends_on_thank_you(qtbot: QtBot) -> None:
    limited = Counter(qtbot, make_link(max_usages=2))
    limited.session.handle(collected("U1"))
    qtbot.waitUntil(lambda: state(limited) == DisplayState.CODE)
    limited.session.handle(collected("U2"))
    qtbot.waitUntil(lambda: state(limited) == DisplayState.THANKS)


def test_a_failed_attempt_asks_to_try_again_then_shows_the_code(qtbot: QtBot, counter: Counter) -> None:
    counter.session.handle(watch_event("usage", usage=usage("U1", UsageStatus.FAILED, "FAILED")))
    assert state(counter) == DisplayState.FAILED
    lines = shown(counter.display).splitlines()
    assert "Payment not completed — please try again" in lines
    assert texts.NOT_COMPLETED.arabic in lines
    qtbot.waitUntil(lambda: state(counter) == DisplayState.CODE)
    assert decode(counter.display.qr_image()) == URL


def test_a_pending_payment_waits_for_the_bank_until_it_moves(qtbot: QtBot, counter: Counter) -> None:
    counter.session.handle(
        watch_event("usage", usage=usage("U1", UsageStatus.PAYMENT_CREATED, "PENDING_WITH_BANK"))
    )
    assert state(counter) == DisplayState.PENDING
    assert "Payment pending with the bank…" in shown(counter.display)
    qtbot.wait(150)  # longer than any message: pending stays
    assert state(counter) == DisplayState.PENDING
    counter.session.handle(
        watch_event("usage_changed", usage=usage("U1", UsageStatus.PAYMENT_CREATED, "ACCEPTED_BY_BANK"))
    )
    assert PAID in shown(counter.display)


@pytest.mark.parametrize("status", ["DISABLED", "USED", "EXPIRED"])
def test_the_display_blanks_when_the_link_stops_taking_payments(counter: Counter, status: str) -> None:
    counter.session.handle(watch_event("link_status", status=status))
    assert state(counter) == DisplayState.CLOSED
    text = shown(counter.display)
    assert "This code is no longer accepting payments" in text
    assert texts.CLOSED.arabic in text
    assert "Scan to pay" not in text
    assert counter.display.pages.currentIndex() == 1  # the code's page is not shown
    counter.session.handle(watch_event("usage", usage=usage("U9", UsageStatus.FAILED, "FAILED")))
    assert state(counter) == DisplayState.CLOSED


def test_a_disabled_link_enabled_again_shows_its_code(counter: Counter) -> None:
    counter.session.handle(watch_event("link_status", status="DISABLED"))
    counter.session.handle(watch_event("link_status", status="ACTIVE"))
    assert state(counter) == DisplayState.CODE


def test_the_expiry_blanks_the_code_by_the_local_clock(qtbot: QtBot) -> None:
    clock = [NOW]
    link = make_link(expires_at=NOW + timedelta(milliseconds=80))
    soon = Counter(qtbot, link)
    soon.session._now = lambda: clock[0]
    assert state(soon) == DisplayState.CODE
    clock[0] = NOW + timedelta(seconds=1)
    qtbot.waitUntil(lambda: state(soon) == DisplayState.CLOSED)
    past = Counter(qtbot, make_link(expires_at=NOW - timedelta(seconds=1)))
    assert state(past) == DisplayState.CLOSED


def test_the_panel_says_how_the_watch_goes(counter: Counter) -> None:
    session, panel = counter.session, counter.panel
    session._on_checked(datetime(2026, 5, 12, 10, 2, 11, tzinfo=UTC))
    assert panel.watch_label.text().startswith("Watching — last checked ")
    session.handle(watch_event("unreachable", seen_at=datetime(2026, 5, 12, 10, 3, tzinfo=UTC)))
    assert panel.watch_label.text().startswith("Not reaching Lean since ")
    assert panel.watch_label.text().endswith(" — retrying")
    session._on_checked(datetime(2026, 5, 12, 10, 3, 30, tzinfo=UTC))  # still unreachable
    assert panel.watch_label.text().startswith("Not reaching Lean")
    session.handle(watch_event("reachable", seen_at=datetime(2026, 5, 12, 10, 4, tzinfo=UTC)))
    assert panel.watch_label.text().startswith("Watching — last checked ")


def test_the_panel_controls_have_accessible_names(qtbot: QtBot) -> None:
    panel = OperatorPanel("x", None, can_simulate=True)
    qtbot.addWidget(panel)
    controls = [
        panel.screen_box,
        panel.sound_box,
        panel.payments_list,
        *panel.simulate_buttons,
        panel.close_button,
    ]
    assert all(control.accessibleName() for control in controls)
    assert [b.accessibleName() for b in panel.simulate_buttons] == [
        "Simulate an accepted payment",
        "Simulate a payment pending with the bank",
        "Simulate a failed payment",
    ]
    plain = OperatorPanel("x", None, can_simulate=False)
    qtbot.addWidget(plain)
    assert plain.simulate_buttons == []


def test_one_screen_means_a_window_not_full_screen(qtbot: QtBot, counter: Counter) -> None:
    found = screens.all_screens()
    assert len(found) == 1  # the offscreen platform has one
    assert screens.default_screen(found, found[0]) == 0
    assert not screens.place(counter.display, found, 0)
    assert not counter.display.isFullScreen()
    assert counter.display.size() == screens.WINDOWED.boundedTo(found[0].availableGeometry().size())


def test_the_demo_screenshot_of_the_counter_display(tmp_path: Path) -> None:
    """`--demo --screenshot PATH --counter ID` saves the customer's display (its code decodes to
    the link) and the operator's panel; the demo's ids are the same every run (seed 7)."""
    shot = tmp_path / "counter.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LINKMANAGER_HOME=str(tmp_path / "home"))
    command = [
        sys.executable,
        "-m",
        "linkmanager",
        "--demo",
        "--screenshot",
        str(shot),
        "--counter",
        DEMO_LINK,
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 720)
    assert decode(image).startswith("https://pay.simulator.invalid/pay/")  # the link's payment page
    assert QImage(str(tmp_path / "counter-operator.png")).width() > 200
    wrong = [sys.executable, "-m", "linkmanager", "--demo", "--screenshot", str(shot), "--counter", "nope"]
    refused = subprocess.run(wrong, env=env, capture_output=True, text=True, timeout=180, check=False)
    assert refused.returncode == 1
    assert "no link nope to show on the counter display" in refused.stderr
