"""The usages table model: payer values as plain text, diffs within a link, a reset between links."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon, QTextDocument
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from linkmanager.domain import CollectedIdentifier, IdentifierType, Usage, UsageStatus
from linkmanager.ui.models.usages_model import USAGE_ROLE, UsageColumn, UsagesTableModel

DISPLAY = Qt.ItemDataRole.DisplayRole
HOSTILE = '<b>x</b> <a href="http://evil/">pay here</a> =1+1'


def usage(
    usage_id: str,
    status: UsageStatus = UsageStatus.PAYMENT_CREATED,
    payment_status: str | None = "ACCEPTED_BY_BANK",
    payment_id: str | None = "pay-1",
    values: tuple[str, ...] = ("payer@example.com",),
) -> Usage:
    return Usage(
        usage_id=usage_id,
        payment_link_id="link-1",
        usage_status=status,
        identifiers=tuple(
            CollectedIdentifier(IdentifierType.TEXT, f"Field {i}", v) for i, v in enumerate(values)
        ),
        payment_id=payment_id,
        payment_status=payment_status,
    )


def cell(model: UsagesTableModel, usage_id: str, column: UsageColumn, role: Any = DISPLAY) -> Any:
    row = model.row_of(usage_id)
    assert row is not None
    return model.data(model.index(row, column), role)


def usage_ids(model: UsagesTableModel) -> list[str]:
    return [model.data(model.index(r, 0), DISPLAY) for r in range(model.rowCount())]


class Events:
    def __init__(self, model: UsagesTableModel) -> None:
        self.seen: list[str] = []
        model.rowsInserted.connect(self.inserted)
        model.rowsRemoved.connect(self.removed)
        model.dataChanged.connect(self.changed)
        model.modelReset.connect(self.reset)
        model.layoutChanged.connect(self.layout)

    def inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        self.seen.append(f"inserted {first}-{last}")

    def removed(self, parent: QModelIndex, first: int, last: int) -> None:
        self.seen.append(f"removed {first}-{last}")

    def changed(self, top: QModelIndex, bottom: QModelIndex, roles: object) -> None:
        self.seen.append(f"changed {top.row()}-{bottom.row()}")

    def reset(self) -> None:
        self.seen.append("reset")

    def layout(self, *args: object) -> None:
        self.seen.append("layout")


@pytest.fixture
def model(qtbot: QtBot) -> UsagesTableModel:
    made = UsagesTableModel()
    made.set_usages(
        "link-1",
        [
            usage("u1"),
            usage("u2", UsageStatus.STARTED, None, None, ()),
            usage("u3", UsageStatus.PAYMENT_CREATED, "SETTLED_SOMEHOW", "pay-3", (HOSTILE, "second")),
        ],
    )
    return made


def test_model_tester(qtmodeltester: ModelTester, model: UsagesTableModel) -> None:
    qtmodeltester.check(model)
    model.set_usages("link-1", [usage("u0"), usage("u2", UsageStatus.FAILED), usage("u1")])
    model.set_usages("link-2", [usage("v1")])
    model.set_usages(None, [])


def test_titles_and_cells(model: UsagesTableModel) -> None:
    titles = [model.headerData(c, Qt.Orientation.Horizontal, DISPLAY) for c in range(model.columnCount())]
    assert titles == ["Usage ID", "Usage status", "Payment status", "Payment ID", "First value"]
    assert cell(model, "u1", UsageColumn.USAGE_STATUS) == "Payment created"
    assert cell(model, "u1", UsageColumn.PAYMENT_STATUS) == "Accepted by bank"
    assert cell(model, "u1", UsageColumn.PAYMENT_ID) == "pay-1"
    assert cell(model, "u1", UsageColumn.FIRST_VALUE) == "payer@example.com"
    assert cell(model, "u2", UsageColumn.PAYMENT_STATUS) == "—"
    assert cell(model, "u2", UsageColumn.PAYMENT_ID) == "—"
    assert cell(model, "u2", UsageColumn.FIRST_VALUE) == "—"
    assert cell(model, "u3", UsageColumn.PAYMENT_STATUS) == "SETTLED_SOMEHOW"  # unknown: as it came
    assert cell(model, "u1", UsageColumn.USAGE_ID, USAGE_ROLE).usage_id == "u1"
    assert model.usage_at(1) is not None
    assert model.usage_at(3) is None
    assert model.row_of("nope") is None


def test_status_has_a_colour_dot_beside_the_text(model: UsagesTableModel) -> None:
    paid = cell(model, "u1", UsageColumn.USAGE_STATUS, Qt.ItemDataRole.DecorationRole)
    started = cell(model, "u2", UsageColumn.USAGE_STATUS, Qt.ItemDataRole.DecorationRole)
    assert isinstance(paid, QIcon)
    assert paid.pixmap(16).toImage() != started.pixmap(16).toImage()
    assert isinstance(cell(model, "u1", UsageColumn.PAYMENT_STATUS, Qt.ItemDataRole.DecorationRole), QIcon)
    assert cell(model, "u2", UsageColumn.PAYMENT_STATUS, Qt.ItemDataRole.DecorationRole) is None


def test_payer_values_are_plain_text(model: UsagesTableModel) -> None:
    assert cell(model, "u3", UsageColumn.FIRST_VALUE) == HOSTILE
    tooltip = cell(model, "u3", UsageColumn.FIRST_VALUE, Qt.ItemDataRole.ToolTipRole)
    assert "<b>" not in tooltip
    document = QTextDocument()
    document.setHtml(tooltip)
    assert document.toPlainText() == f"Field 0: {HOSTILE}\nField 1: second"


def test_same_link_diffs_and_keeps_selection(model: UsagesTableModel) -> None:
    selection = QItemSelectionModel(model)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    selection.select(model.index(2, 0), flags)
    keep = QPersistentModelIndex(model.index(2, 0))
    events = Events(model)
    # u2 became FAILED, u1 is gone, u4 is new: a sync seen from the open link.
    model.set_usages(
        "link-1", [usage("u2", UsageStatus.FAILED, None, None, ()), model.usage_at(2), usage("u4")]
    )  # type: ignore[list-item]
    assert usage_ids(model) == ["u2", "u3", "u4"]
    assert events.seen == ["removed 0-0", "inserted 2-2", "changed 0-0"]
    assert cell(model, "u2", UsageColumn.USAGE_STATUS) == "Failed"
    assert keep.isValid()
    assert model.data(keep, DISPLAY) == "u3"
    assert [model.data(i, DISPLAY) for i in selection.selectedRows()] == ["u3"]


def test_reorder_is_a_layout_change(model: UsagesTableModel) -> None:
    events = Events(model)
    current = [model.usage_at(r) for r in range(3)]
    model.set_usages("link-1", list(reversed(current)))  # type: ignore[arg-type]
    assert usage_ids(model) == ["u3", "u2", "u1"]
    assert events.seen == ["layout"]


def test_unchanged_resync_signals_nothing(model: UsagesTableModel) -> None:
    events = Events(model)
    model.set_usages("link-1", [replace(model.usage_at(r)) for r in range(3)])  # type: ignore[type-var]
    assert events.seen == []


def test_another_link_resets(model: UsagesTableModel) -> None:
    events = Events(model)
    model.set_usages("link-2", [usage("u1")])
    assert events.seen == ["reset"]
    assert model.link_id() == "link-2"
    model.set_usages(None, [])
    assert model.rowCount() == 0
