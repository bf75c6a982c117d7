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
from PySide6.QtGui import QPageSize
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from linkmanager.domain.models import PaymentDetails, PaymentLink
from linkmanager.domain.money import Money
from linkmanager.domain.status import LinkStatus
from linkmanager.storage.cache_model import CachedLink
from linkmanager.ui.controllers.print_controller import DISABLED_HINT, NOTHING_SELECTED, PrintController

NOW = datetime(2026, 5, 20, 10, 0, tzinfo=UTC)
DUBAI = timezone(timedelta(hours=4), "+04")


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
    assert preview.template_box.currentText() == "Label sheet (A4, 3 × 8)"  # several links
    assert [item.link.id for item in preview.choice.items] == ["link-01", "link-02"]
    banner = preview.left_out_label
    assert banner.accessibleName() == "Left out"
    assert banner.textFormat() == Qt.TextFormat.PlainText
    assert not banner.isHidden()
    lines = banner.text().splitlines()
    assert lines[0] == "3 links left out: 1 expired, 1 used, 1 disabled:"
    assert lines[1] == "• Link 3 (link-03): expired on 19 May 2026 14:00 +04"
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
    assert "• <b>Rent</b> (link-06): expired" in second.left_out_label.text()
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
