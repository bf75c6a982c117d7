"""The print register in the window: a PDF saved from the preview and a QR file saved from the pane
are recorded (the pane then says "QR printed N times"), disabling a printed link says what stops
working, and a print on a printer counts only when its job ended well."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from linkmanager.domain.status import LinkStatus
from linkmanager.services.workspace import PrintSummary
from linkmanager.storage.print_register import PrintRegister
from linkmanager.ui.controllers import link_controller
from linkmanager.ui.dialogs.confirm import ConfirmStatusDialog
from linkmanager.ui.main_window import MainWindow

from .print_helpers import make, open_preview

WAIT_MS = 20_000
T0 = datetime(2026, 5, 12, 8, 30, tzinfo=UTC)


def wire(window: MainWindow) -> None:
    """The window's line from finished prints to the register (MainWindow), made here while it is not
    there yet: exactly one connection either way."""
    if window.printing.receivers("2printed(PyObject)") == 0:
        window.printing.printed.connect(window.links.record_prints)


def long_lived_active(window: MainWindow) -> str:
    """An ACTIVE link that neither expires within days nor is near its limit: no warning asks first."""
    now = datetime.now(UTC)
    for cached in window._workspace.links():
        link = cached.link
        if link.status != LinkStatus.ACTIVE:
            continue
        if link.expires_at is not None and link.expires_at < now + timedelta(days=3):
            continue
        if link.max_usages is not None and link.max_usages - link.current_usages < max(
            2, link.max_usages // 5
        ):
            continue
        return link.id
    raise AssertionError("the simulated shop has no long-lived ACTIVE link")


def test_saved_pdf_and_qr_file_are_recorded_and_shown_then_named_on_disable(
    qtbot: QtBot, synced_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = synced_window
    wire(window)
    link_id = long_lived_active(window)
    assert window.links.select(link_id)
    qtbot.waitUntil(lambda: window.detail.current_link_id() == link_id, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.detail.print_summary is not None, timeout=WAIT_MS)
    assert window.detail.print_summary.count == 0  # type: ignore[union-attr]
    assert not window.detail.prints_label.isVisible()

    preview = window.printing.print_selected()
    assert preview is not None
    preview.template_box.setCurrentText("Counter card (A6)")
    preview.options.copies_box.setValue(3)  # three cards of the one link
    target = tmp_path / "cards.pdf"
    monkeypatch.setattr(preview, "choose_pdf_path", lambda name: str(target))
    with qtbot.waitSignal(window.links.prints_recorded, timeout=WAIT_MS):
        preview.save_button.click()
    assert target.exists()
    label = window.detail.prints_label
    qtbot.waitUntil(lambda: label.text().startswith("QR printed 3 times"), timeout=WAIT_MS)
    assert re.fullmatch(r"QR printed 3 times, last \d{1,2} \w{3}", label.text())
    assert label.isVisible()
    assert str(target) in label.toolTip()
    preview.close()

    svg = tmp_path / "code.svg"
    monkeypatch.setattr(window.detail.qr, "choose_save_path", lambda name: str(svg))
    with qtbot.waitSignal(window.links.prints_recorded, timeout=WAIT_MS):
        window.detail.qr.save_qr()
    qtbot.waitUntil(lambda: label.text().startswith("QR printed 4 times"), timeout=WAIT_MS)
    window.detail.qr.copy_image()  # copying is not recorded

    register = PrintRegister.beside(window._workspace.cache.path)
    assert register.name == "c-prints.sqlite3"
    with PrintRegister.open(register) as opened:
        assert [(r.kind, r.template, r.copies) for r in opened.entries(link_id)] == [
            ("qr_file", "svg", 1),
            ("pdf", "card", 3),
        ]

    asked: list[PrintSummary | None] = []
    monkeypatch.setattr(
        link_controller,
        "confirm_status_change",
        lambda parent, link, target, tz, printed=None: asked.append(printed) or False,
    )
    window.detail.request_toggle()
    assert len(asked) == 1
    assert asked[0] is not None
    assert asked[0].count == 4


def test_disabling_a_printed_link_says_the_printed_items_stop_working(qtbot: QtBot) -> None:
    link = make(1).link
    printed = PrintSummary(3, 2, T0, T0 + timedelta(days=2), "HP LaserJet", "print")
    dialog = ConfirmStatusDialog(None, link, LinkStatus.DISABLED, UTC, printed)
    qtbot.addWidget(dialog)
    dialog.open()  # never exec(): the test answers it
    assert dialog.printed_label.isVisible()
    assert dialog.printed_label.text() == (
        "Its QR code is on 3 printed items since 12 May 2026 — customers who scan them will see an error page."
        if datetime.now(UTC).year != 2026
        else "Its QR code is on 3 printed items since 12 May — customers who scan them will see an error page."
    )
    assert dialog.printed_label.accessibleName() == "Printed QR codes"
    dialog.confirm_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted

    for target, summary in (
        (LinkStatus.DISABLED, PrintSummary(0, 0, None, None)),
        (LinkStatus.ACTIVE, printed),
    ):
        quiet = ConfirmStatusDialog(None, make(1, LinkStatus.DISABLED).link, target, UTC, summary)
        qtbot.addWidget(quiet)
        assert quiet.printed_label.isHidden()


def test_a_print_counts_only_when_the_job_ended_well(qtbot: QtBot, tmp_path: Path) -> None:
    preview = open_preview(qtbot, [make(1), make(2)])
    preview.options.copies_box.setValue(2)
    printer = preview.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "missing-folder" / "out.pdf"))  # the job cannot start
    records: list[object] = []
    preview.printed.connect(records.append)
    assert preview.print_now() is False
    assert records == []
    assert preview.failure_box is not None
    assert preview.failure_box.isVisible()
    assert "nothing was recorded as printed" in preview.failure_box.text()
    preview.failure_box.close()

    printer.setOutputFileName(str(tmp_path / "out.pdf"))
    assert preview.print_now() is True
    (printed,) = records
    assert [(r.link_id, r.kind, r.template, r.copies, r.where) for r in printed] == [  # type: ignore[attr-defined]
        ("link-01", "pdf", "labels", 2, str(tmp_path / "out.pdf")),
        ("link-02", "pdf", "labels", 2, str(tmp_path / "out.pdf")),
    ]


def test_the_print_button_asks_about_soon_expiring_links_before_the_printer(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    preview = open_preview(qtbot, [make(1, expires_in=timedelta(hours=2))])
    asked: list[bool] = []
    monkeypatch.setattr(preview, "ask_printer", lambda: asked.append(True))
    assert preview.print_action is not None
    preview.print_action.trigger()
    assert asked == []  # the warning first
    assert preview.warning_box is not None
    assert "Link 1 expires in 2 hours" in preview.warning_box.text()
    assert preview.go_on_button is not None
    preview.go_on_button.click()
    assert asked == [True]
