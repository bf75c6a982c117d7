"""The resources render with the Qt this machine has (also proves the Qt system packages are there)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from pytestqt.qtbot import QtBot

RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def test_every_svg_icon_renders(qtbot: QtBot) -> None:
    icons = sorted((RESOURCES / "icons").glob("*.svg"))
    assert icons, "resources/icons holds no SVG icon"
    for icon in icons:
        renderer = QSvgRenderer(str(icon))
        assert renderer.isValid(), f"{icon.name} is not a valid SVG for Qt"
        image = QImage(64, 64, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter, QRectF(0, 0, 64, 64))
        painter.end()
        opaque = sum(QColor(image.pixel(x, y)).alpha() > 0 for x in range(0, 64, 4) for y in range(0, 64, 4))
        assert opaque > 64, f"{icon.name} renders (nearly) empty"
