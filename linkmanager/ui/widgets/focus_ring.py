"""A focus ring that can be seen: a 2-pixel outline in the palette's accent around the control
that has the keyboard, in light and dark schemes alike.

Fusion marks focus faintly (a pale tint on a tab, a thin line on a button) and not at all on a
table, whose selected row looks the same with focus or without. One ring widget follows the
focus (QApplication.focusChanged) as a sibling laid over the focused control: Python runs when
focus moves, never per painted cell, as a proxy style would. Tables, text fields and lists
always show it (they are where keys go); buttons and tabs when the keyboard moved the focus
(Qt's WA_KeyboardFocusChange, which a click clears), as platforms do.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen, QRegion
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTextEdit,
    QWidget,
)
from shiboken6 import isValid

WIDTH = 2  # the ring's line
GAP = 1  # between the control and the ring, where the parent leaves room
ALWAYS = (QAbstractItemView, QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit)
_TRACKED = (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide)


def ring_colour(palette: QPalette) -> QColor:
    """The highlight on a light window; on a dark one the link colour, which keeps 3:1 against
    it (the dark palette's highlight, a mid blue, does not)."""
    window = palette.color(QPalette.ColorRole.Window)
    dark = window.lightness() < palette.color(QPalette.ColorRole.WindowText).lightness()
    return palette.color(QPalette.ColorRole.Link if dark else QPalette.ColorRole.Highlight)


def host_of(widget: QWidget) -> QWidget | None:
    """The ring's parent: the control's own, or the first above it that is no QSplitter (a
    splitter makes every child widget a pane of its own)."""
    parent = widget.parentWidget()
    while isinstance(parent, QSplitter):
        parent = parent.parentWidget()
    return parent


class FocusRing(QWidget):
    """The ring itself: a see-through, click-through outline (masked to its line)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("focus-ring")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def place(self, target: QRect) -> None:
        """Around `target` (parent coordinates); inside it where the parent has no room."""
        margin = WIDTH + GAP
        rect = target.adjusted(-margin, -margin, margin, margin)
        parent = self.parentWidget()
        if parent is not None:
            rect = rect.intersected(parent.rect())
        self.setGeometry(rect)
        inner = self.rect().adjusted(WIDTH, WIDTH, -WIDTH, -WIDTH)
        self.setMask(QRegion(self.rect()).subtracted(QRegion(inner)))
        self.raise_()

    def paintEvent(self, _: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(ring_colour(self.palette()), WIDTH))
        half = WIDTH / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half), 3, 3)


class FocusRings(QObject):
    """Moves one ring to whichever control takes the focus, in every window of the application."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.ring: FocusRing | None = None
        self.target: QWidget | None = None
        self._watched: list[QWidget] = []  # the target and the splitters between it and the ring
        app.focusChanged.connect(self.follow)

    def follow(self, _: QWidget | None, now: QWidget | None) -> None:
        self._release()
        if now is None or not self.wanted(now):
            self._hide()
            return
        parent = host_of(now)
        if parent is None:
            self._hide()
            return
        ring = self.ring if self.ring is not None and isValid(self.ring) else None
        if ring is None:
            ring = self.ring = FocusRing(parent)
        elif ring.parentWidget() is not parent:
            ring.setParent(parent)  # a window's ring dies with it: isValid above makes a new one
        self.target = now
        watched: QWidget | None = now
        while watched is not None and watched is not parent:
            watched.installEventFilter(self)
            self._watched.append(watched)
            watched = watched.parentWidget()
        self._place()

    @staticmethod
    def wanted(widget: QWidget) -> bool:
        if widget.window().windowType() == Qt.WindowType.Popup:  # a menu marks its own item
            return False
        if isinstance(widget, ALWAYS):
            return True
        return widget.window().testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in _TRACKED and watched in self._watched:
            self._place()
        return False

    def _place(self) -> None:
        target, ring = self.target, self.ring
        if target is None or ring is None or not isValid(target) or not isValid(ring):
            return
        if not target.isVisible():
            ring.hide()
            return
        parent = ring.parentWidget()
        if parent is None:
            return
        ring.place(QRect(target.mapTo(parent, QPoint(0, 0)), target.size()))
        ring.show()

    def _hide(self) -> None:
        if self.ring is not None and isValid(self.ring):
            self.ring.hide()

    def _release(self) -> None:
        for watched in self._watched:
            if isValid(watched):
                watched.removeEventFilter(self)
        self._watched = []
        self.target = None


def install_focus_rings(app: QApplication) -> FocusRings:
    """Once per application (a second call returns the first)."""
    existing = app.findChild(FocusRings)
    return existing if existing is not None else FocusRings(app)
