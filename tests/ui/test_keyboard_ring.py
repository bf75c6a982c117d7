"""The focus ring (issue 14, part 1): one outline follows the keyboard, always on tables and
text fields, on buttons when the keyboard moved the focus; readable in both palettes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QListView, QPushButton, QSplitter, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from linkmanager.ui.app_setup import dark_palette, light_palette
from linkmanager.ui.widgets.focus_ring import WIDTH, FocusRings, install_focus_rings, ring_colour


@pytest.fixture
def rings(qapp: QApplication) -> Iterator[FocusRings]:
    made = install_focus_rings(qapp)
    yield made
    qapp.focusChanged.disconnect(made.follow)
    made.setParent(None)
    made.deleteLater()


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("palette", [light_palette, dark_palette], ids=["light", "dark"])
def test_the_ring_stands_out_from_the_window_and_the_tables(palette: object) -> None:
    made: QPalette = palette()  # type: ignore[operator]
    ring = ring_colour(made)
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        assert contrast(ring, made.color(role)) >= 3.0, role  # WCAG's non-text contrast


def test_the_ring_follows_the_focus(qtbot: QtBot, rings: FocusRings) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    splitter = QSplitter()
    table = QListView()
    table.setModel(QStringListModel(["a", "b"], table))
    splitter.addWidget(table)
    splitter.addWidget(QWidget())
    button = QPushButton("Go")
    layout = QVBoxLayout(host)
    layout.addWidget(splitter)
    layout.addWidget(button)
    host.resize(400, 300)
    host.show()
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)

    table.setFocus(Qt.FocusReason.MouseFocusReason)  # a list takes the ring however it got focus
    ring = rings.ring
    assert ring is not None
    assert ring.isVisible()
    assert ring.parentWidget() is host  # not the splitter: it would become a pane of it
    assert splitter.count() == 2
    assert ring.geometry().contains(table.geometry().translated(splitter.pos()).adjusted(2, 2, -2, -2))
    assert not ring.mask().contains(ring.rect().center())  # a line: the list shows through

    host.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, False)
    button.setFocus(Qt.FocusReason.MouseFocusReason)  # a click on a button: no ring, as platforms do
    assert not ring.isVisible()
    button.clearFocus()
    button.setFocus(Qt.FocusReason.ShortcutFocusReason)  # the keyboard moved it: the ring
    assert ring.isVisible()
    assert (
        ring.geometry()
        .adjusted(WIDTH, WIDTH, -WIDTH, -WIDTH)
        .contains(button.geometry().adjusted(1, 1, -1, -1))
    )

    button.resize(button.width() - 60, button.height())  # the ring keeps to its control
    assert ring.geometry().contains(button.geometry())
    assert ring.width() <= button.width() + 2 * (WIDTH + 1)
