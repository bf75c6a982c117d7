"""The detail pane: texts as plain text, copy, a QR that scans, Disable/Enable by the lifecycle, usages."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QTextDocumentFragment
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from linkmanager.domain.models import (
    CollectedIdentifier,
    IdentifierConfig,
    PaymentDetails,
    PaymentLink,
    Usage,
)
from linkmanager.domain.money import Money
from linkmanager.domain.status import IdentifierType, LinkStatus, UsageStatus
from linkmanager.storage.cache_model import CachedLink
from linkmanager.ui.widgets.copy_field import relative_text, when_text
from linkmanager.ui.widgets.detail_pane import DetailPane

NOW = datetime(2026, 5, 20, 10, 0, tzinfo=UTC)
URL = "https://pay.simulator.invalid/pay/7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f"


def make_link(**changes: object) -> PaymentLink:
    link = PaymentLink(
        id="0b9e0a4c-3f6e-4a51-9d7a-1b7f3c2e9a10",
        url=URL,
        status=LinkStatus.ACTIVE,
        current_usages=3,
        payment_details=PaymentDetails(Money(Decimal("1500.00"), "AED"), "INV-2026-0042", None, "RNT"),
        name="May rent",
        max_usages=10,
        expires_at=NOW + timedelta(days=3, hours=5),
        redirect_url="https://alnoor.example/thanks",
        identifiers=(
            IdentifierConfig(IdentifierType.EMAIL, "Your email", True, 80),
            IdentifierConfig(IdentifierType.TEXT, "Unit", False, None),
        ),
    )
    return replace(link, **changes)  # type: ignore[arg-type]


def cached(link: PaymentLink | None = None, **changes: object) -> CachedLink:
    entry = CachedLink(
        link=link or make_link(),
        confirmed_at=NOW - timedelta(minutes=3),
        usages_confirmed_at=NOW - timedelta(minutes=3),
        usages_confirmed_status=LinkStatus.ACTIVE,
        missing_since=None,
        usage_count=2,
        unsettled_usages=0,
    )
    return replace(entry, **changes)  # type: ignore[arg-type]


def usage(
    usage_id: str, link_id: str = "0b9e0a4c-3f6e-4a51-9d7a-1b7f3c2e9a10", value: str = "a@b.ae"
) -> Usage:
    return Usage(
        usage_id,
        link_id,
        UsageStatus.PAYMENT_CREATED,
        (CollectedIdentifier(IdentifierType.EMAIL, "Your email", value),),
        None,
        "pay-" + usage_id,
        "ACCEPTED_BY_BANK",
    )


@pytest.fixture
def pane(qtbot: QtBot) -> DetailPane:
    widget = DetailPane(lambda: NOW, tz=UTC)
    widget.resize(520, 900)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def tooltip_text(html: str) -> str:
    """What a rich tooltip shows, as plain text."""
    return QTextDocumentFragment.fromHtml(html).toPlainText()


def pixmap_urls(label: QLabel) -> list[str]:
    pixmap = label.pixmap()
    assert pixmap is not None
    assert not pixmap.isNull()
    return image_urls(pixmap.toImage())


def image_urls(image: QImage) -> list[str]:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(bytes(buffer.data().data()))))]


# --- texts ----------------------------------------------------------------------------------------


def test_placeholder_until_a_link_is_shown(pane: DetailPane) -> None:
    assert pane.accessibleName() == "Link details"
    assert pane.placeholder.isVisible()
    pane.show_link(cached())
    assert not pane.placeholder.isVisible()
    assert pane.title.isVisible()
    pane.show_link(None)
    assert pane.placeholder.isVisible()
    assert pane.usages_model.rowCount() == 0


def test_shows_what_lean_holds(pane: DetailPane) -> None:
    pane.show_link(cached())
    assert pane.title.text() == "May rent"
    assert pane.status_label.text() == "Active"
    assert pane.amount_label.text() == "AED\u00a01,500.00"
    assert pane.reference_label.text() == "INV-2026-0042"
    assert pane.usages_count_label.text() == "3 / 10"
    assert pane.expires_label.text() == "23 May 2026 15:00 +00:00 (in 3 days)"
    assert tooltip_text(pane.expires_label.toolTip()) == "2026-05-23 15:00:00 UTC"
    assert pane.confirmed_label.text() == "Confirmed by Lean 20 May 2026 09:57 +00:00 (3 min ago)"
    assert pane.url_field.value_label.text() == URL
    assert pane.redirect_field.isVisible()
    assert not pane.customer_field.isVisible(), "no customer: no row"
    assert pane.purpose_label.text() == "Rent payments (RNT)"
    grid = pane.identifiers_grid
    cells = [grid.itemAt(i).widget().text() for i in range(grid.count())]  # type: ignore[union-attr]
    assert cells[4:] == ["Email", "Your email", "Yes", "80 characters", "Text", "Unit", "No", "—"]


def test_an_unlimited_link_without_expiry(pane: DetailPane) -> None:
    pane.show_link(cached(make_link(max_usages=None, expires_at=None, redirect_url=None, identifiers=())))
    assert pane.usages_count_label.text() == "3 (no limit)"
    assert pane.expires_label.text() == "Never"
    assert not pane.redirect_field.isVisible()
    assert pane.identifiers_grid.count() == 1


def test_every_server_string_is_plain_text(pane: DetailPane) -> None:
    hostile = "<b>x</b>"
    link = make_link(name=hostile, payment_details=PaymentDetails(Money(Decimal(1), "AED"), hostile))
    link = replace(link, identifiers=(IdentifierConfig(IdentifierType.TEXT, hostile),), customer_id=hostile)
    pane.show_link(cached(link))
    assert pane.title.text() == hostile
    assert len(pane.title.text()) == 8
    assert pane.title.textFormat() == Qt.TextFormat.PlainText
    assert pane.reference_label.text() == hostile
    assert pane.customer_field.value_label.text() == hostile
    labels = [label for label in pane.findChildren(QLabel) if label.text()]
    assert labels
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)


def test_relative_and_when_texts() -> None:
    assert relative_text(NOW + timedelta(days=3, hours=5), NOW) == "in 3 days"
    assert relative_text(NOW - timedelta(hours=2, minutes=59), NOW) == "2 hours ago"
    assert relative_text(NOW - timedelta(minutes=1), NOW) == "1 min ago"
    assert relative_text(NOW + timedelta(seconds=20), NOW) == "just now"
    assert relative_text(NOW + timedelta(days=1), NOW) == "in 1 day"
    assert relative_text(NOW - timedelta(days=45), NOW) == "45 days ago"
    assert relative_text(NOW + timedelta(days=100), NOW) == "in 3 months"
    assert relative_text(NOW - timedelta(days=800), NOW) == "2 years ago"
    assert when_text(NOW - timedelta(minutes=3), NOW, UTC) == "20 May 2026 09:57 +00:00 (3 min ago)"
    assert when_text(NOW - timedelta(days=400), NOW, UTC) == "15 Apr 2025 10:00 +00:00 (13 months ago)"


def test_missing_from_lean_is_said(pane: DetailPane) -> None:
    pane.show_link(cached(missing_since=NOW - timedelta(hours=1)))
    assert pane.warning_label.isVisible()
    assert "has not included this link since 20 May 2026 09:00 +00:00" in pane.warning_label.text()


# --- copy and QR ------------------------------------------------------------------------------------


def test_copy_link_url(pane: DetailPane, qtbot: QtBot) -> None:
    pane.show_link(cached())
    button = pane.url_field.copy_button
    assert button.accessibleName() == "Copy link URL"
    pane.url_field._reset.setInterval(50)  # "Copied" for 1.5 s in use; less here
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == URL
    assert button.text() == "Copied"
    qtbot.waitUntil(lambda: button.text() == "Copy", timeout=3000)


def test_qr_preview_scans_to_the_url(pane: DetailPane) -> None:
    pane.show_link(cached())
    label = pane.qr.image_label
    assert label.accessibleName() == "QR code"
    pixmap = label.pixmap()
    assert pixmap.devicePixelRatio() == pane.devicePixelRatioF()
    assert pixmap.width() >= 150
    assert pixmap_urls(label) == [URL]
    assert pane.qr.save_button.isVisible()
    assert pane.qr.save_button.accessibleName() == "Save QR code"


def test_a_disabled_link_has_a_marked_qr(pane: DetailPane) -> None:
    pane.show_link(cached(make_link(status=LinkStatus.DISABLED)))
    pixmap = pane.qr.image_label.pixmap()
    assert pixmap.height() > pixmap.width(), "a DISABLED band under the code"
    assert pixmap_urls(pane.qr.image_label) == [URL]
    assert "disabled" in pane.qr.note_label.text()


@pytest.mark.parametrize(
    ("link", "words"),
    [
        (make_link(expires_at=NOW - timedelta(hours=1)), "expired"),
        (make_link(status=LinkStatus.USED, current_usages=10), "limit"),
        (make_link(status=LinkStatus("ARCHIVED")), "does not know"),
    ],
)
def test_no_qr_for_a_link_that_cannot_be_paid(pane: DetailPane, link: PaymentLink, words: str) -> None:
    pane.show_link(cached())
    pane.show_link(cached(link))
    assert not pane.qr.image_label.isVisible()
    assert not pane.qr.save_button.isVisible()
    assert not pane.qr.copy_button.isVisible()
    assert pane.qr.note_label.text().startswith("No QR code.")
    assert words in pane.qr.note_label.text()


@pytest.mark.parametrize("suffix", [".png", ".svg", ""])
def test_save_qr_code(pane: DetailPane, tmp_path: Path, suffix: str) -> None:
    pane.show_link(cached())
    asked: list[str] = []
    target = tmp_path / f"card{suffix}"

    def choose(default_name: str) -> str:
        asked.append(default_name)
        return str(target)

    pane.qr.choose_save_path = choose  # type: ignore[method-assign]
    pane.qr.save_button.click()
    assert asked == ["May rent-qr.png"]
    data = target.read_bytes()
    if suffix == ".svg":
        assert data.startswith(b"<?xml")
        assert b"<path" in data
    else:
        assert data.startswith(b"\x89PNG")
        assert [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(data)))] == [URL]


def test_cancelled_save_writes_nothing(pane: DetailPane, tmp_path: Path) -> None:
    pane.show_link(cached())
    pane.qr.choose_save_path = lambda name: None  # type: ignore[method-assign]
    pane.qr.save_button.click()
    assert list(tmp_path.iterdir()) == []


def test_copy_qr_image(pane: DetailPane) -> None:
    pane.show_link(cached())
    QGuiApplication.clipboard().clear()
    pane.qr.copy_button.click()
    image = QGuiApplication.clipboard().image()
    assert not image.isNull()
    assert image_urls(image) == [URL]


# --- Disable / Enable -------------------------------------------------------------------------------


def test_active_offers_disable(pane: DetailPane, qtbot: QtBot) -> None:
    pane.show_link(cached())
    button = pane.toggle_button
    assert (button.text(), button.accessibleName(), button.isEnabled()) == ("Disable", "Disable link", True)
    assert "re-enable it until 23 May 2026 15:00 +00:00" in tooltip_text(button.toolTip())
    with qtbot.waitSignal(pane.toggle_requested) as signal:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert signal.args == ["0b9e0a4c-3f6e-4a51-9d7a-1b7f3c2e9a10", LinkStatus.DISABLED]


def test_disabled_offers_enable(pane: DetailPane, qtbot: QtBot) -> None:
    pane.show_link(cached(make_link(status=LinkStatus.DISABLED)))
    button = pane.toggle_button
    assert (button.text(), button.accessibleName(), button.isEnabled()) == ("Enable", "Enable link", True)
    with qtbot.waitSignal(pane.toggle_requested) as signal:
        button.click()
    assert signal.args[1] == LinkStatus.ACTIVE


@pytest.mark.parametrize(
    ("link", "status", "reason"),
    [
        # Cached as ACTIVE, but the expiry has passed: expired now, whatever the last sync said.
        (
            make_link(expires_at=NOW - timedelta(hours=1)),
            "Expired",
            "This link expired on 20 May 2026 09:00 +00:00.",
        ),
        (make_link(status=LinkStatus.DISABLED, expires_at=NOW - timedelta(days=1)), "Expired", "expired"),
        (make_link(status=LinkStatus.USED, current_usages=10), "Used", "reached its limit of 10 payments"),
        (make_link(status=LinkStatus("<b>ARCHIVED</b>")), "<b>ARCHIVED</b>", "'<b>ARCHIVED</b>'"),
    ],
)
def test_terminal_and_unknown_links_cannot_be_toggled(
    pane: DetailPane, qtbot: QtBot, link: PaymentLink, status: str, reason: str
) -> None:
    pane.show_link(cached(link))
    assert pane.status_label.text() == status
    button = pane.toggle_button
    assert not button.isEnabled()
    assert reason in tooltip_text(button.toolTip())
    with qtbot.assertNotEmitted(pane.toggle_requested):
        button.click()


def test_expired_since_the_last_sync_says_so(pane: DetailPane) -> None:
    pane.show_link(cached(make_link(expires_at=NOW - timedelta(hours=1))))
    assert "Lean last said active" in tooltip_text(pane.status_label.toolTip())


def test_offline_disables_the_toggle_with_the_reason(pane: DetailPane, qtbot: QtBot) -> None:
    pane.show_link(cached())
    pane.set_writable(False, "Offline: Lean cannot be reached. Changes need a connection.")
    button = pane.toggle_button
    assert not button.isEnabled()
    assert button.text() == "Disable"
    assert tooltip_text(button.toolTip()) == "Offline: Lean cannot be reached. Changes need a connection."
    with qtbot.assertNotEmitted(pane.toggle_requested):
        button.click()
    pane.show_link(cached(make_link(status=LinkStatus.DISABLED)))
    assert not pane.toggle_button.isEnabled(), "still offline for the next link"
    pane.set_writable(True)
    assert pane.toggle_button.isEnabled()


# --- usages -----------------------------------------------------------------------------------------


def test_usage_click_and_enter_emit_usage_activated(pane: DetailPane, qtbot: QtBot) -> None:
    pane.show_link(cached())
    pane.show_usages(make_link().id, [usage("u-1"), usage("u-2")])
    view = pane.usages_view
    assert view.accessibleName() == "Usages table"
    assert pane.usages_title.text() == "Usages (2)"
    rect = view.visualRect(pane.usages_model.index(1, 0))
    with qtbot.waitSignal(pane.usage_activated) as signal:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == ["u-2"]
    view.setCurrentIndex(pane.usages_model.index(0, 0))
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        with qtbot.waitSignal(pane.usage_activated) as signal:
            qtbot.keyClick(view, key)
        assert signal.args == ["u-1"]


def test_usages_for_another_link_are_ignored(pane: DetailPane) -> None:
    first = make_link()
    second = make_link(id="second", name="Other")
    pane.show_link(cached(first))
    pane.show_link(cached(second))
    pane.show_usages(first.id, [usage("u-1", first.id)])  # a late answer for the link left behind
    assert pane.usages_model.rowCount() == 0
    pane.show_usages(second.id, [usage("u-9", second.id)])
    assert pane.usages_model.usage_at(0).usage_id == "u-9"  # type: ignore[union-attr]


def test_the_same_link_again_keeps_its_usages_and_selection(pane: DetailPane) -> None:
    pane.show_link(cached())
    pane.show_usages(make_link().id, [usage("u-1"), usage("u-2")])
    pane.usages_view.selectRow(1)
    pane.show_link(cached(make_link(current_usages=4)))  # a sync brought a newer copy
    assert pane.usages_count_label.text() == "4 / 10"
    assert pane.usages_model.rowCount() == 2
    assert [i.row() for i in pane.usages_view.selectionModel().selectedRows()] == [1]


def test_loading_indicator(pane: DetailPane) -> None:
    pane.show_link(cached())
    pane.set_usages_loading(True)
    assert pane.usages_loading.isVisible()
    pane.set_usages_loading(False)
    assert not pane.usages_loading.isVisible()
    assert pane.usages_asof.text() == "as of 20 May 2026 09:57 +00:00 (3 min ago)"
