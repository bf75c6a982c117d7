"""What the links view says when a search finds nothing: the text searched and, for a misspelling,
the nearest link names, each a link that searches for it (SearchController.no_match).

The names are payer-facing texts from Lean: escaped and isolated, so "<b>" or a right-to-left
override in one is shown as written and cannot turn the sentence around it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from linkmanager.ui.text import LEFT_TO_RIGHT, escaped, isolated


class NoMatchNote(QLabel):
    """Hidden until a search matches nothing; a suggestion clicked (or Enter on it) is `chosen`."""

    chosen = Signal(str)  # the suggested name, to search for

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Search result"))
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Tab reaches the suggestions
        self.setContentsMargins(6, 6, 6, 6)
        self._names: list[str] = []
        self.linkActivated.connect(self._on_link)
        self.hide()

    def show_no_match(self, text: str, names: Sequence[str]) -> None:
        self._names = list(names)
        sentence = self.tr("No link matches “{text}”.").format(text=escaped(isolated(text)))
        if self._names:
            links = ", ".join(
                f'<a href="{i}">{escaped(isolated(name))}</a>' for i, name in enumerate(self._names)
            )
            sentence += " " + self.tr("Did you mean: {names}?").format(names=links)
        else:
            sentence += " " + self.tr("Check the spelling, or search for fewer words.")
        self.setText(LEFT_TO_RIGHT + sentence)
        self.setAccessibleDescription(
            self.tr("Suggestions: {names}").format(names=", ".join(self._names)) if self._names else ""
        )
        self.show()

    def clear_note(self) -> None:
        self._names = []
        self.setText("")
        self.hide()

    def _on_link(self, target: str) -> None:
        if target.isdigit() and int(target) < len(self._names):
            self.chosen.emit(self._names[int(target)])
