"""One line of the status bar that never hides what it cannot fit: elided with "…", it opens whole.

A flat button rather than a label, so it takes focus (Tab) and opens with the mouse, Space or
Enter. The full text is kept apart from what is shown; the size hint asks for all of it, and the
status bar's layout shrinks it down to a few words when the window is narrow.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

MIN_CHARACTERS = 12  # what it keeps when squeezed: "Offline — Le…"


class MessageLine(QPushButton):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self._shown = ""
        self.setFlat(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setStyleSheet("QPushButton { text-align: left; padding: 1px 4px; }")

    def set_full_text(self, text: str) -> None:
        self._full = text
        self._elide()
        self.updateGeometry()

    def full_text(self) -> str:
        return self._full

    def shown_text(self) -> str:
        """What the line shows now: the full text, or its start and "…"."""
        return self._shown

    def is_elided(self) -> bool:
        return self._shown != self._full

    def _chrome(self) -> int:
        """The width around the text: padding and frame, as the style draws them."""
        return super().sizeHint().width() - self.fontMetrics().horizontalAdvance(self._shown)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        return QSize(self._chrome() + self.fontMetrics().horizontalAdvance(self._full) + 2, hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        sample = self._full[:MIN_CHARACTERS] + "…"
        return QSize(
            min(self.sizeHint().width(), self._chrome() + self.fontMetrics().horizontalAdvance(sample)),
            hint.height(),
        )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = max(self.width() - self._chrome(), 0) if self.isVisible() else 1 << 20
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room)
        if shown != self._shown:
            self._shown = shown
            super().setText(shown.replace("&", "&&"))  # an '&' is shown, never taken as a shortcut

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        super().keyPressEvent(event)
