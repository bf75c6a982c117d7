"""Status words for every status Lean's contract names, and one set of outcome colours: the usages
table and the usage drawer colour what a usage came to as the Payments view does."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from linkmanager.domain import Usage, UsageStatus
from linkmanager.domain.outcome import Outcome
from linkmanager.ui.models.status_style import (
    PAYMENT_STATUS_LABELS,
    USAGE_STATUS_LABELS,
    dot_icon,
    outcome_colour,
    payment_status_color,
    payment_status_text,
    usage_status_text,
)
from linkmanager.ui.models.usages_model import UsageColumn, UsagesTableModel
from linkmanager.ui.widgets import outcome_legend
from linkmanager.ui.widgets.usage_drawer import UsageDrawer, seen_words

CONTRACT = Path(__file__).resolve().parents[3] / "shared" / "lean" / "payment-links-openapi.yml"


def contract() -> dict[str, Any]:
    if not CONTRACT.exists():
        pytest.skip("Lean's contract is not beside the project (../shared/lean)")
    loaded: dict[str, Any] = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))
    return loaded


def walk(node: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield key, value
            yield from walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from walk(item)


def test_every_usage_status_of_the_contract_has_words() -> None:
    statuses = contract()["components"]["schemas"]["UsageStatus"]["enum"]
    assert statuses == ["STARTED", "PAYMENT_CREATED", "FAILED", "EXPIRED"]
    for status in statuses:
        assert usage_status_text(status) != status
        assert usage_status_text(status) == USAGE_STATUS_LABELS[status]
    assert {str(s) for s in UsageStatus.known()} == set(USAGE_STATUS_LABELS)


def test_every_payment_status_the_contract_shows_has_words() -> None:
    """The contract has no enum for payment_status (free text from the bank); every value its
    examples and schema name must still read as words."""
    seen = set()
    for key, value in walk(contract()):
        if key == "payment_status" and isinstance(value, str):
            seen.add(value)
        if key == "payment_status" and isinstance(value, dict):
            seen.update(v for v in value.get("examples", []) if isinstance(v, str))
    assert seen  # the contract's own example, PENDING
    for status in seen:
        assert status in PAYMENT_STATUS_LABELS
        assert payment_status_text(status) != status


def test_undocumented_codes_are_shown_as_they_came() -> None:
    assert usage_status_text("PAUSED") == "PAUSED"
    assert payment_status_text("SETTLEMENT_HOLD") == "SETTLEMENT_HOLD"
    assert usage_status_text("PAYMENT_CREATED") == "Payment created"
    assert payment_status_text("AWAITING_AUTHORIZATION") == "Awaiting authorization"


def centre(icon: QIcon) -> QColor:
    image = icon.pixmap(16, 16).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    return QColor(image.pixel(image.width() // 2, image.height() // 2))


def usage(status: str, payment: str | None, payment_id: str | None = "pay-1") -> Usage:
    return Usage(
        usage_id=f"u-{status}-{payment}",
        payment_link_id="link-1",
        usage_status=UsageStatus(status),
        identifiers=(),
        payment_id=payment_id,
        payment_status=payment,
    )


CASES = [
    (usage("PAYMENT_CREATED", "ACCEPTED_BY_BANK"), Outcome.COLLECTED),
    (usage("PAYMENT_CREATED", "PENDING_WITH_BANK"), Outcome.PENDING),
    (usage("PAYMENT_CREATED", "REJECTED_BY_BANK"), Outcome.FAILED),
    (usage("FAILED", None, None), Outcome.FAILED),
    (usage("STARTED", None, None), Outcome.STARTED),
    (usage("EXPIRED", None, None), Outcome.EXPIRED),
    (usage("PAUSED", None, None), Outcome.OTHER),
]


def test_the_usages_table_colours_usages_as_the_payments_view_does(qtbot: QtBot) -> None:
    model = UsagesTableModel()
    model.set_usages("link-1", [u for u, _ in CASES])
    for row, (item, outcome) in enumerate(CASES):
        index = model.index(row, UsageColumn.USAGE_STATUS)
        assert centre(index.data(Qt.ItemDataRole.DecorationRole)) == outcome_colour(outcome), item.usage_id
        assert outcome_legend.outcome_label(outcome) in index.data(Qt.ItemDataRole.ToolTipRole)
        assert index.data() == usage_status_text(item.usage_status)
    assert outcome_legend.outcome_colour is outcome_colour  # one source for the Payments view too


def test_the_bank_word_dot_has_its_outcome_colour() -> None:
    assert payment_status_color("ACCEPTED_BY_BANK") == outcome_colour(Outcome.COLLECTED)
    assert payment_status_color("PROCESSED") == outcome_colour(Outcome.COLLECTED)
    assert payment_status_color("REJECTED_BY_BANK") == outcome_colour(Outcome.FAILED)
    assert payment_status_color("CANCELLED") == outcome_colour(Outcome.FAILED)
    assert payment_status_color("PENDING_WITH_BANK") == outcome_colour(Outcome.PENDING)
    assert payment_status_color("SETTLEMENT_HOLD") == outcome_colour(Outcome.PENDING)  # not final


def test_the_drawer_colours_and_names_the_outcome(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(900, 600)
    drawer = UsageDrawer(host)
    drawer.animate = False
    for item, outcome in CASES:
        drawer.show_usage(replace(item, customer_id="c-1"))
        dot = drawer.usage_status_dot.pixmap().toImage().convertToFormat(QImage.Format.Format_ARGB32)
        assert QColor(dot.pixel(dot.width() // 2, dot.height() // 2)) == outcome_colour(outcome)
        assert outcome_legend.outcome_label(outcome) in drawer.usage_status_dot.toolTip()
        assert drawer.usage_status_label.text() == usage_status_text(item.usage_status)


def test_seen_words_use_the_status_words() -> None:
    from datetime import UTC, datetime

    from linkmanager.services.workspace import UsageSeen

    at = datetime(2026, 12, 5, 9, 17, tzinfo=UTC)
    seen = UsageSeen(
        at, False, [(at, "STARTED", None, "PAUSED", None), (at, "STARTED", None, "FAILED", None)]
    )
    lines = seen_words(seen, UTC).splitlines()
    assert lines[1].endswith(": PAUSED, bank — → —")  # undocumented: as it came
    assert lines[2].endswith(": Failed, bank — → —")


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def on(background: str, icon: QIcon) -> list[QColor]:
    """The dot as a table cell shows it: drawn over the background; the pixels of its middle row."""
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    image.fill(QColor(background))
    painter = QPainter(image)
    painter.drawPixmap(0, 0, icon.pixmap(16, 16))
    painter.end()
    return [QColor(image.pixel(x, 8)) for x in range(16)]


@pytest.mark.parametrize("outcome", list(Outcome))
@pytest.mark.parametrize("background", ["#ffffff", "#f7f7f7", "#1f1f1f", "#2b2b2b"])
def test_every_outcome_dot_keeps_3_to_1_on_light_and_dark(
    outcome: Outcome, background: str, qtbot: QtBot
) -> None:
    """The light tones (orange, sky blue) are under 3:1 on white: the dot's rim carries the edge there."""
    pixels = on(background, dot_icon(outcome_colour(outcome)))
    assert max(contrast(c, QColor(background)) for c in pixels) >= 3.0
