"""Print QR… and Save QR as PDF… for the selected links: the actions, the preview's left-out list,
re-rendering on each choice, and PDFs that scan. No dialog blocks: every one is opened, then closed."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPageSize
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from linkmanager.domain.models import PaymentDetails, PaymentLink
from linkmanager.domain.money import Money
from linkmanager.domain.status import LinkStatus
from linkmanager.storage.cache_model import CachedLink
from linkmanager.ui.controllers.print_controller import DISABLED_HINT, NOTHING_SELECTED, PrintController
from linkmanager.ui.printing.preview import PrintPreview

NOW = datetime(2026, 5, 20, 10, 0, tzinfo=UTC)
DUBAI = timezone(timedelta(hours=4), "+04")


def visible(text: str) -> str:
    """The text without the bidi marks that keep each line left to right (ui.text)."""
    return text.translate(dict.fromkeys(map(ord, "\u200e\u2068\u2069")))


def make(n: int, status: LinkStatus = LinkStatus.ACTIVE, **changes: object) -> CachedLink:
    link = PaymentLink(
        id=f"link-{n:02d}",
        url=f"https://pay.simulator.invalid/pay/0b9e0a4c-3f6e-4a51-9d7a-1b7f3c2e{n:04d}",
        status=status,
        current_usages=0,
        payment_details=PaymentDetails(Money(Decimal("10.00"), "AED"), f"REF-{n}"),
        name=f"Link {n}",
        expires_at=NOW + timedelta(days=5),
    )
    return CachedLink(replace(link, **changes), NOW, None, None, None, 0, 0)  # type: ignore[arg-type]


ACTIVE_1, ACTIVE_2 = make(1), make(2)
EXPIRED = make(3, expires_at=NOW - timedelta(days=1))  # still ACTIVE in the cache, expired by now
DISABLED = make(4, LinkStatus.DISABLED)
USED = make(5, current_usages=1, max_usages=1)


class Harness:
    def __init__(self, qtbot: QtBot) -> None:
        self.window = QWidget()
        qtbot.addWidget(self.window)
        self.selection: list[CachedLink] = []
        self.controller = PrintController(lambda: self.selection, lambda: NOW, self.window, tz=DUBAI)

    def select(self, *links: CachedLink) -> None:
        self.selection = list(links)
        self.controller.update_actions()


@pytest.fixture
def harness(qtbot: QtBot) -> Harness:
    return Harness(qtbot)


def decode_pdf(path: Path) -> list[str]:
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(path), str(path.with_suffix(""))], check=True)
    texts = []
    for page in sorted(path.parent.glob(path.stem + "-*.png")):
        found = zxingcpp.read_barcodes(Image.open(page))
        texts += [
            r.text for r in sorted(found, key=lambda r: (r.position.top_left.y // 150, r.position.top_left.x))
        ]
    return texts


def test_the_actions_follow_the_selection(harness: Harness) -> None:
    actions = harness.controller.print_action, harness.controller.pdf_action
    assert [a.text() for a in actions] == ["&Print QR…", "Save QR as P&DF…"]
    assert harness.controller.print_action.shortcut().toString() == "Ctrl+P"
    assert not any(a.isEnabled() for a in actions)
    assert harness.controller.print_action.toolTip() == NOTHING_SELECTED
    harness.controller.print_action.trigger()  # disabled: nothing happens
    assert harness.controller.preview is None

    harness.select(ACTIVE_1, ACTIVE_2)
    assert all(a.isEnabled() for a in actions)
    assert harness.controller.print_action.toolTip() == "Print the QR codes of the 2 selected links"
    harness.select(ACTIVE_1)
    assert harness.controller.pdf_action.toolTip() == "Save as PDF the QR code of the 1 selected link"


def test_print_opens_the_preview_with_the_links_left_out(harness: Harness) -> None:
    harness.select(ACTIVE_1, EXPIRED, DISABLED, ACTIVE_2, USED)
    harness.controller.print_action.trigger()
    preview = harness.controller.preview
    assert preview is not None
    assert preview.isVisible()
    assert preview.template_box.currentText() == "Label sheet (A4)"  # several links
    assert (preview.columns_box.value(), preview.rows_box.value()) == (3, 8)
    assert [item.link.id for item in preview.choice.items] == ["link-01", "link-02"]
    banner = preview.left_out_label
    assert banner.accessibleName() == "Left out"
    assert banner.textFormat() == Qt.TextFormat.PlainText
    assert not banner.isHidden()
    lines = visible(banner.text()).splitlines()
    assert lines[0] == "3 links left out: 1 expired, 1 used, 1 disabled:"
    assert lines[1] == "• Link 3 (link-03): expired on 19 May 2026 14:00 +04:00"
    assert lines[2].startswith("• Link 5 (link-05): used")
    assert lines[3].startswith("• Link 4 (link-04): disabled")
    assert preview.preview_widget is not None
    assert preview.preview_widget.pageCount() == 1
    preview.close()


def test_including_disabled_links_and_changing_template_rerender(harness: Harness) -> None:
    harness.select(ACTIVE_1, DISABLED, EXPIRED)
    preview = harness.controller.print_selected()
    assert preview is not None
    preview.template_box.setCurrentIndex(0)  # counter card (A6): one page a link
    assert preview.preview_widget.pageCount() == 1
    size = preview.printer().pageLayout().pageSize().size(QPageSize.Unit.Millimeter)
    assert (round(size.width()), round(size.height())) == (105, 148)

    preview.disabled_box.setChecked(True)
    assert [(i.link.id, i.mark) for i in preview.choice.items] == [("link-01", None), ("link-04", "DISABLED")]
    assert preview.preview_widget.pageCount() == 2
    assert preview.left_out_label.text().startswith("1 link left out: 1 expired:")

    preview.template_box.setCurrentIndex(2)  # receipt: 80 mm wide
    size = preview.printer().pageLayout().pageSize().size(QPageSize.Unit.Millimeter)
    assert round(size.width()) == 80
    assert preview.preview_widget.pageCount() == 2
    preview.close()


def test_the_label_grid_is_chosen_in_the_preview_and_follows_the_paper(harness: Harness) -> None:
    """The issue: a label sheet's paper and grid are configurable (to match the label stock)."""
    links = [make(n) for n in range(1, 11)]
    harness.select(*links)
    preview = harness.controller.print_selected()
    assert preview is not None
    assert preview.columns_box.isVisibleTo(preview)
    assert preview.columns_box.accessibleName() == "Label columns"
    assert preview.preview_widget.pageCount() == 1

    preview.rows_box.setValue(4)
    preview.columns_box.setValue(2)  # 2 x 4: eight a page, so ten links take two pages
    assert (preview.sheet.columns, preview.sheet.rows) == (2, 4)
    assert preview.preview_widget.pageCount() == 2

    preview.rows_box.setValue(14)  # too dense for A4: refused in words, nothing printable
    assert "fewer labels" in preview.warnings_label.text()
    assert not preview.warnings_label.isHidden()
    assert not preview.printable
    assert preview.print_action is not None
    assert not preview.print_action.isEnabled()
    assert not preview.save_button.isEnabled()
    assert preview.save_pdf() is None
    preview.rows_box.setValue(8)
    assert preview.printable
    assert preview.print_action.isEnabled()

    preview.template_box.setCurrentText("Label sheet (Letter)")  # its own default grid: 3 x 7
    assert (preview.columns_box.value(), preview.rows_box.value()) == (3, 7)
    size = preview.printer().pageLayout().pageSize().size(QPageSize.Unit.Inch)
    assert (round(size.width(), 1), round(size.height(), 1)) == (8.5, 11.0)
    assert preview.preview_widget.pageCount() == 1

    preview.template_box.setCurrentIndex(0)  # a card has no grid
    assert not preview.columns_box.isVisibleTo(preview)
    assert preview.sheet.per_page == 1
    preview.close()


def dark_pixels(preview: PrintPreview) -> int:
    """Black pixels on the preview's white page as it is on screen: the codes drawn on it (the
    page's shadow, outside the white, is not counted)."""
    assert preview.preview_widget is not None
    image = preview.preview_widget.grab().toImage()
    points = [(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)]
    light = {p: QColor(image.pixel(*p)).lightness() for p in points}
    white = [p for p, value in light.items() if value > 250]
    left, right = min(x for x, _ in white), max(x for x, _ in white)
    top, bottom = min(y for _, y in white), max(y for _, y in white)
    return sum(value < 30 for (x, y), value in light.items() if left < x < right and top < y < bottom)


def test_a_preview_with_nothing_to_print_shows_no_stale_codes(harness: Harness, qtbot: QtBot) -> None:
    """Unticking "Include disabled links", or a grid too dense, leaves nothing to print: the
    preview must then show a blank page, not the codes it showed before."""
    harness.select(DISABLED, ACTIVE_1, ACTIVE_2)
    preview = harness.controller.print_selected()
    assert preview is not None
    preview.resize(900, 700)
    qtbot.waitExposed(preview)
    assert dark_pixels(preview) > 0
    preview.rows_box.setValue(14)  # refused: nothing printable
    assert dark_pixels(preview) == 0
    preview.rows_box.setValue(8)
    assert dark_pixels(preview) > 0
    preview.close()

    harness.select(DISABLED)
    preview = harness.controller.print_selected()
    assert preview is not None
    preview.resize(900, 700)
    qtbot.waitExposed(preview)
    preview.disabled_box.setChecked(True)
    assert dark_pixels(preview) > 0
    preview.disabled_box.setChecked(False)  # the disabled link is left out again
    assert dark_pixels(preview) == 0
    preview.close()


def test_only_disabled_links_open_an_empty_preview_until_asked(harness: Harness) -> None:
    harness.select(DISABLED)
    preview = harness.controller.print_selected()
    assert preview is not None
    assert preview.choice.items == ()
    assert preview.warnings_label.text().startswith("Nothing to print")
    assert preview.print_action is not None
    assert not preview.print_action.isEnabled()
    assert not preview.save_button.isEnabled()
    preview.disabled_box.setChecked(True)
    assert preview.print_action.isEnabled()
    assert preview.save_button.isEnabled()
    assert preview.warnings_label.isHidden()
    assert preview.preview_widget.pageCount() == 1
    preview.close()


def test_nothing_printable_says_why_instead_of_a_preview(harness: Harness) -> None:
    harness.select(EXPIRED, USED)
    assert harness.controller.print_selected() is None
    assert harness.controller.preview is None
    notice = harness.controller.notice
    assert notice is not None
    assert notice.isVisible()
    assert notice.windowTitle() == "Nothing to print"
    assert notice.text().startswith("2 links left out: 1 expired, 1 used:")
    notice.close()


def test_save_as_pdf_from_the_preview_scans(
    harness: Harness, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    harness.select(ACTIVE_1, EXPIRED, ACTIVE_2)
    preview = harness.controller.print_selected()
    assert preview is not None
    asked: list[str] = []
    target = tmp_path / "sheet.pdf"

    def choose(name: str) -> str:
        asked.append(name)
        return str(target)

    monkeypatch.setattr(preview, "choose_pdf_path", choose)
    with qtbot.waitSignal(harness.controller.saved) as saved:
        preview.save_button.click()
    assert saved.args == [str(target)]
    assert asked == ["qr-labels-2-links.pdf"]
    assert decode_pdf(target) == [ACTIVE_1.link.url, ACTIVE_2.link.url]
    preview.close()


def test_save_qr_as_pdf_writes_the_default_template_and_reports_left_outs(
    harness: Harness, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    harness.select(ACTIVE_1, DISABLED)
    asked: list[str] = []
    target = tmp_path / "card.pdf"

    def choose(name: str) -> str:
        asked.append(name)
        return str(target)

    monkeypatch.setattr(harness.controller, "choose_pdf_path", choose)
    with qtbot.waitSignal(harness.controller.saved):
        harness.controller.pdf_action.trigger()
    assert asked == ["Link 1-qr.pdf"]  # one link to print: a counter card named after it
    assert decode_pdf(target) == [ACTIVE_1.link.url]
    notice = harness.controller.notice
    assert notice is not None
    assert "1 link left out: 1 disabled" in notice.text()
    assert DISABLED_HINT in notice.text()
    notice.close()


def test_a_long_left_out_list_stays_short_on_screen(harness: Harness) -> None:
    """200 expired links among the selection must not push the preview off the screen: the
    banner names the first few and counts the rest; a message box keeps the rest in Details."""
    expired = [make(100 + n, expires_at=NOW - timedelta(days=1)) for n in range(200)]
    harness.select(ACTIVE_1, *expired)
    preview = harness.controller.print_selected()
    assert preview is not None
    lines = visible(preview.left_out_label.text()).splitlines()
    assert lines[0] == "200 links left out: 200 expired:"
    assert len(lines) <= 10
    assert lines[-1] == f"… and {200 - (len(lines) - 2)} more"
    assert lines[1].startswith("• Link 100 (link-100): expired")
    preview.close()

    harness.select(*expired)
    assert harness.controller.print_selected() is None
    notice = harness.controller.notice
    assert notice is not None
    assert len(notice.text().splitlines()) <= 20
    assert notice.text().splitlines()[-1].startswith("… and ")
    details = visible(notice.detailedText()).splitlines()
    assert len(details) == 200
    assert details[-1].startswith("• Link 299 (link-299): expired")
    notice.close()


def test_cancelling_the_file_dialog_writes_nothing(
    harness: Harness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    harness.select(ACTIVE_1)
    monkeypatch.setattr(harness.controller, "choose_pdf_path", lambda name: None)
    assert harness.controller.save_selected_pdf() is None
    assert list(tmp_path.iterdir()) == []


def test_a_new_print_replaces_the_open_preview_and_names_stay_plain(harness: Harness) -> None:
    hostile = make(6, expires_at=NOW - timedelta(days=1), name="<b>Rent</b>")
    harness.select(ACTIVE_1, hostile)
    first = harness.controller.print_selected()
    second = harness.controller.print_selected()
    assert first is not None
    assert second is not None
    assert first is not second
    assert not first.isVisible()
    assert "• <b>Rent</b> (link-06): expired" in visible(second.left_out_label.text())
    second.close()


def test_a_pdf_that_cannot_be_written_is_reported(
    harness: Harness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    harness.select(ACTIVE_1)
    target = tmp_path / "no-such-folder" / "x.pdf"
    monkeypatch.setattr(harness.controller, "choose_pdf_path", lambda name: str(target))
    assert harness.controller.save_selected_pdf() is None
    notice = harness.controller.notice
    assert notice is not None
    assert notice.windowTitle() == "PDF not saved"
    assert str(target) in notice.text()
    notice.close()
