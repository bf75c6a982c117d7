"""Lines of our own that carry a payer's or Lean's text read left to right, whatever its script."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from linkmanager.domain import LinkStatus, Money, PaymentDetails, PaymentLink
from linkmanager.services.print_batch import choose_links
from linkmanager.ui.printing.choices import left_out_lines
from linkmanager.ui.text import isolated

NOW = datetime(2026, 6, 1, tzinfo=UTC)


def resolved_direction(line: str) -> Qt.LayoutDirection:
    document = QTextDocument()
    document.setPlainText(line)
    return document.firstBlock().textDirection()


def disabled_link(name: str) -> PaymentLink:
    return PaymentLink(
        id="266bfe19-c228-4710-8560-abf75bee058d",
        url="https://pay.example/1",
        status=LinkStatus.DISABLED,
        current_usages=0,
        payment_details=PaymentDetails(Money(Decimal("10.00"), "AED"), "REF"),
        name=name,
    )


@pytest.mark.parametrize("name", ["إيجار شهر مارس – شقة 107", "Rent March", "\u202eevil"])
def test_a_left_out_line_reads_left_to_right(qtbot: QtBot, name: str) -> None:
    [line] = left_out_lines(choose_links([disabled_link(name)], NOW))
    assert resolved_direction(line) == Qt.LayoutDirection.LeftToRight
    assert "266bfe19-c228-4710-8560-abf75bee058d" in line
    assert "\u202e" not in line  # an override in a name is dropped, not obeyed


def test_without_the_marks_an_arabic_name_turns_the_line_around(qtbot: QtBot) -> None:
    """What the marks are for: the check above can fail."""
    bare = "• إيجار شهر مارس (266bfe19): disabled"
    assert resolved_direction(bare) == Qt.LayoutDirection.RightToLeft
    assert isolated("x") == "\u2068x\u2069"
