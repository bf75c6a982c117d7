"""The usage drawer: slides over the host's right edge, closes with Esc or its button, copies every
value, shows payer text literally, and updates in place when a sync brings a newer copy."""

from __future__ import annotations

import sys
from dataclasses import replace
from types import FrameType

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from linkmanager.domain import display
from linkmanager.domain.models import CollectedIdentifier, Usage
from linkmanager.domain.status import IdentifierType, UsageStatus
from linkmanager.ui.widgets.copy_field import CopyField
from linkmanager.ui.widgets.usage_drawer import WIDTH, UsageDrawer

HOSTILE = ("<b>x</b>", '=HYPERLINK("x")', "\u202eevil.exe", "Fatima 🎉 فاطمة", "+971 50 123 4567")

USAGE = Usage(
    usage_id="5f2b8c1e-7d9a-4e3b-a1c2-d3e4f5a6b7c8",
    payment_link_id="0b9e0a4c-3f6e-4a51-9d7a-1b7f3c2e9a10",
    usage_status=UsageStatus.PAYMENT_CREATED,
    identifiers=(
        CollectedIdentifier(IdentifierType.EMAIL, "Your email", "fatima@example.ae"),
        CollectedIdentifier(IdentifierType.MOBILE_PHONE, "Mobile", "+971 50 123 4567"),
    ),
    customer_id="c0ffee00-1234-4abc-9def-0123456789ab",
    payment_id="9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
    payment_status="ACCEPTED_BY_BANK",
)


class Host(QWidget):
    """Stands in for the main window's central widget, with a field that can hold focus."""

    def __init__(self) -> None:
        super().__init__()
        self.search = QLineEdit()
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addStretch(1)


@pytest.fixture
def host(qtbot: QtBot) -> Host:
    widget = Host()
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def drawer(host: Host) -> UsageDrawer:
    widget = UsageDrawer(host)
    widget.animate = False
    return widget


def identifier_fields(drawer: UsageDrawer) -> list[CopyField]:
    return [f for f in drawer.findChildren(CopyField) if f not in drawer_id_fields(drawer) and f.isVisible()]


def drawer_id_fields(drawer: UsageDrawer) -> list[CopyField]:
    return [drawer.usage_id_field, drawer.payment_id_field, drawer.customer_id_field]


def test_opens_over_the_right_edge(host: Host, drawer: UsageDrawer) -> None:
    assert not drawer.isVisible()
    assert not drawer.is_open()
    assert drawer.current_usage_id() is None
    drawer.show_usage(USAGE)
    assert drawer.is_open()
    assert drawer.isVisible()
    assert drawer.accessibleName() == "Usage details"
    assert drawer.geometry().getRect() == (1000 - WIDTH, 0, WIDTH, 700)
    assert drawer.current_usage_id() == USAGE.usage_id
    assert drawer.title.text() == "Usage 5f2b8c1e…"


def test_follows_the_host_size(host: Host, drawer: UsageDrawer, qtbot: QtBot) -> None:
    drawer.show_usage(USAGE)
    host.resize(1200, 500)
    qtbot.waitUntil(lambda: drawer.geometry().getRect() == (1200 - WIDTH, 0, WIDTH, 500))
    host.resize(300, 400)  # narrower than the drawer: it takes the whole width
    qtbot.waitUntil(lambda: drawer.geometry().getRect() == (0, 0, 300, 400))


def test_is_raised_above_later_siblings(host: Host, drawer: UsageDrawer) -> None:
    cover = QLabel("a sibling made after the drawer", host)
    cover.setGeometry(0, 0, 1000, 700)
    cover.show()
    drawer.show_usage(USAGE)
    assert host.childAt(QPoint(990, 350)) is not cover


def test_close_button(drawer: UsageDrawer, qtbot: QtBot) -> None:
    drawer.show_usage(USAGE)
    assert drawer.close_button.accessibleName() == "Close usage details"
    with qtbot.waitSignal(drawer.closed):
        qtbot.mouseClick(drawer.close_button, Qt.MouseButton.LeftButton)
    assert not drawer.is_open()
    assert not drawer.isVisible()
    assert drawer.current_usage_id() is None


def test_escape_inside_the_drawer_closes_it(drawer: UsageDrawer, qtbot: QtBot) -> None:
    drawer.show_usage(USAGE)
    with qtbot.waitSignal(drawer.closed):
        qtbot.keyClick(drawer.usage_id_field.copy_button, Qt.Key.Key_Escape)
    assert not drawer.isVisible()


def test_escape_elsewhere_in_the_host_closes_it(host: Host, drawer: UsageDrawer, qtbot: QtBot) -> None:
    drawer.show_usage(USAGE)
    with qtbot.waitSignal(drawer.closed):
        qtbot.keyClick(host.search, Qt.Key.Key_Escape)
    assert not drawer.is_open()


def test_closing_a_closed_drawer_does_nothing(drawer: UsageDrawer, qtbot: QtBot) -> None:
    with qtbot.assertNotEmitted(drawer.closed):
        drawer.close_drawer()
    drawer.show_usage(USAGE)
    drawer.close_drawer()
    with qtbot.assertNotEmitted(drawer.closed):
        drawer.close_drawer()


def test_slides_in_and_out_when_animated(host: Host, drawer: UsageDrawer, qtbot: QtBot) -> None:
    drawer.animate = True
    with qtbot.waitSignal(drawer.animation.finished, timeout=2000):
        drawer.show_usage(USAGE)
        assert drawer.x() > 1000 - WIDTH, "starts off the right edge"
    assert drawer.pos() == QPoint(1000 - WIDTH, 0)
    with qtbot.waitSignal(drawer.closed, timeout=2000):
        drawer.close_drawer()
        assert drawer.isVisible(), "visible while it slides out"
    assert not drawer.isVisible()


def test_shows_every_value_with_a_copy_button(drawer: UsageDrawer, qtbot: QtBot) -> None:
    drawer.show_usage(USAGE)
    fields = identifier_fields(drawer)
    assert [(f.label(), f.value_label.text()) for f in fields] == [
        ("Your email (Email)", "fatima@example.ae"),
        ("Mobile (Mobile phone)", "+971 50 123 4567"),
    ]
    assert drawer.usage_status_label.text() == "Payment created"
    assert drawer.payment_status_label.text() == "Accepted by bank"
    expected = [USAGE.usage_id, USAGE.payment_id, USAGE.customer_id]
    assert [f.value_label.text() for f in drawer_id_fields(drawer)] == expected
    for field, value in zip(
        [*fields, *drawer_id_fields(drawer)],
        ["fatima@example.ae", "+971 50 123 4567", *expected],
        strict=True,
    ):
        assert field.copy_button.accessibleName() == f"Copy {field.label()}"
        QGuiApplication.clipboard().clear()
        qtbot.mouseClick(field.copy_button, Qt.MouseButton.LeftButton)
        assert QGuiApplication.clipboard().text() == value


def test_missing_values_show_a_dash_and_cannot_be_copied(drawer: UsageDrawer) -> None:
    drawer.show_usage(replace(USAGE, identifiers=(), payment_id=None, customer_id=None, payment_status=None))
    assert drawer.payment_status_label.text() == "—"
    assert drawer.payment_id_field.value_label.text() == "—"
    assert not drawer.payment_id_field.copy_button.isEnabled()
    assert not drawer.customer_id_field.copy_button.isEnabled()
    assert identifier_fields(drawer) == []
    assert drawer.no_identifiers.isVisible()


def test_an_undocumented_payment_status_is_shown_as_it_came(drawer: UsageDrawer) -> None:
    drawer.show_usage(replace(USAGE, payment_status="SETTLEMENT_HOLD", usage_status=UsageStatus("ODD")))
    assert drawer.payment_status_label.text() == "SETTLEMENT_HOLD"
    assert drawer.usage_status_label.text() == "ODD"


@pytest.mark.parametrize("value", HOSTILE)
def test_payer_text_is_shown_literally(drawer: UsageDrawer, qtbot: QtBot, value: str) -> None:
    usage = replace(
        USAGE,
        identifiers=(CollectedIdentifier(IdentifierType.TEXT, value, value),),
        payment_status=value,
        customer_id=value,
    )
    drawer.show_usage(usage)
    [field] = identifier_fields(drawer)
    # Shown as it is; a directional control is shown too (escaped, in an isolate), never obeyed.
    assert field.value_label.text() == display.outside_text(value)
    assert ("\u202e" in value) == (field.value_label.text() != value)
    assert "\u202e" not in field.value_label.text()
    assert field.label() == f"{value} (Text)"
    assert drawer.payment_status_label.text() == value
    assert drawer.customer_id_field.value_label.text() == display.outside_text(value)
    field.copy()
    assert QGuiApplication.clipboard().text() == value  # copied exactly as the payer typed it
    labels = [label for label in drawer.findChildren(QLabel) if label.text()]
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    QGuiApplication.clipboard().clear()
    field.copy()
    assert QGuiApplication.clipboard().text() == value


def test_the_same_usage_updates_in_place(drawer: UsageDrawer) -> None:
    drawer.show_usage(replace(USAGE, payment_status="PENDING_WITH_BANK", payment_id=None))
    before = identifier_fields(drawer)
    drawer.show_usage(USAGE)  # a sync: the bank accepted the payment
    assert identifier_fields(drawer) == before, "the same widgets, so focus and scroll stay"
    assert drawer.payment_status_label.text() == "Accepted by bank"
    assert drawer.payment_id_field.value_label.text() == USAGE.payment_id
    assert drawer.is_open()


def test_another_usage_replaces_the_content(drawer: UsageDrawer) -> None:
    drawer.show_usage(USAGE)
    other = replace(
        USAGE,
        usage_id="short",
        identifiers=(CollectedIdentifier(IdentifierType.TEXT, "Note", "hello"),),
    )
    drawer.show_usage(other)
    assert drawer.title.text() == "Usage short"
    assert [f.value_label.text() for f in identifier_fields(drawer)] == ["hello"]
    assert drawer.current_usage_id() == "short"


def test_a_closed_drawer_leaves_the_hosts_events_alone(host: Host, drawer: UsageDrawer, qtbot: QtBot) -> None:
    """The host's events (every paint and resize of the window's centre) reach the drawer's filter,
    a call into Python each, only while the drawer is out; it still follows the host then."""
    calls: list[str] = []
    code = UsageDrawer.eventFilter.__code__

    def profile(frame: FrameType, event: str, _arg: object) -> None:
        if event == "call" and frame.f_code is code:
            calls.append(event)

    sys.setprofile(profile)  # watched, not replaced: PySide keeps a Python override it has found
    try:
        host.resize(1100, 600)
        host.update()
        QGuiApplication.processEvents()
        assert calls == []
        drawer.show_usage(USAGE)
        assert drawer.geometry().getRect() == (1100 - WIDTH, 0, WIDTH, 600)
        host.resize(1200, 500)
        qtbot.waitUntil(lambda: drawer.geometry().getRect() == (1200 - WIDTH, 0, WIDTH, 500))
        assert calls
        with qtbot.waitSignal(drawer.closed):
            qtbot.keyClick(host.search, Qt.Key.Key_Escape)
        calls.clear()
        host.resize(900, 650)
        QGuiApplication.processEvents()
        assert calls == []
    finally:
        sys.setprofile(None)
    drawer.show_usage(USAGE)  # opened again: at the host's new size, and following it
    assert drawer.geometry().getRect() == (900 - WIDTH, 0, WIDTH, 650)
    host.resize(1000, 700)
    qtbot.waitUntil(lambda: drawer.geometry().getRect() == (1000 - WIDTH, 0, WIDTH, 700))


def test_a_drawer_being_torn_down_ignores_its_hosts_events(host: Host, drawer: UsageDrawer) -> None:
    """While a window closes, Qt can still hand the host's events to the drawer's filter after the
    drawer's Python side has let go of its attributes: that must not raise in the event loop."""
    drawer.show_usage(USAGE)  # open: its filter is on the host
    drawer.__dict__.clear()  # as the wrapper is during teardown
    host.resize(host.width() + 40, host.height())  # a Resize the filter sees
    QGuiApplication.processEvents()
    assert not drawer.eventFilter(host, QEvent(QEvent.Type.Resize))


def test_seen_words_name_the_first_sight_and_each_change_in_local_time() -> None:
    from datetime import UTC, datetime, timedelta, timezone

    from linkmanager.services.workspace import UsageSeen
    from linkmanager.ui.widgets.usage_drawer import seen_words

    dubai = timezone(timedelta(hours=4), "+04")
    first = datetime(2026, 12, 5, 9, 17, tzinfo=UTC)
    later = first + timedelta(minutes=5)
    seen = UsageSeen(
        first, False, [(later, "PAYMENT_CREATED", "PENDING_WITH_BANK", "PAYMENT_CREATED", "ACCEPTED_BY_BANK")]
    )
    assert seen_words(seen, dubai).splitlines() == [
        "First seen 05 Dec 2026 13:17 +04:00",
        "05 Dec 2026 13:22 +04:00: Payment created, bank Pending with bank → Accepted by bank",
    ]
    assert seen_words(UsageSeen(first, True, []), dubai) == "Seen before 05 Dec 2026 13:17 +04:00"
    assert seen_words(seen, utc=True).splitlines()[0] == "First seen 2026-12-05 09:17:00 UTC"  # tooltip
