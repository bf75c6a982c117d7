"""A message from the catalogue, whole: what happened, what to do, its button, and Details.

What the status bar cannot fit opens here. A QDialog rather than QMessageBox: QMessageBox
guesses rich text from '<', and Lean's words in the details are data, never markup. The details
(request, HTTP status, Lean's request id) are folded away until asked for, and can be copied.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from linkmanager.services.messages import CONTEXT, Action, UserMessage

WIDTH = 520


def translate(text: str) -> str:
    """A catalogue template in the interface's language (context "Messages")."""
    return QCoreApplication.translate(CONTEXT, text) if text else ""


def translated(message: UserMessage) -> UserMessage:
    """The message's sentences in the interface's language."""
    return message.translated(translate)


def action_text(message: UserMessage) -> str:
    return translate(message.action_label)


def _plain_label(text: str, parent: QWidget, name: str) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(name)
    label.setAccessibleDescription(text)
    return label


class MessageDialog(QDialog):
    """Headline, advice, the action's button, Close, and a Details section folded away.

    `action_requested(message)` is emitted when the action's button is pressed; the dialog
    closes then. `message` is expected already translated (see `translated`).
    """

    action_requested = Signal(object)

    def __init__(self, parent: QWidget | None, message: UserMessage) -> None:
        super().__init__(parent)
        self.message = message
        self.setWindowTitle(self.tr("LinkManager — what happened"))
        self.setAccessibleName(message.headline)
        self.setMinimumWidth(WIDTH)

        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.headline = _plain_label(message.headline, self, self.tr("What happened"))
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.advice = _plain_label(message.advice, self, self.tr("What to do"))
        self.advice.setVisible(bool(message.advice))

        self.details_toggle = QToolButton(self)
        self.details_toggle.setText(self.tr("Details"))
        self.details_toggle.setCheckable(True)
        self.details_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.details_toggle.setAccessibleName(self.tr("Show details"))
        self.details_toggle.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.details_toggle.toggled.connect(self.show_details)
        self.details_toggle.setVisible(bool(message.details))
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setPlainText(message.details)
        self.details.setAccessibleName(self.tr("Details"))
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.details.setTabChangesFocus(True)
        self.details.setMaximumHeight(180)
        self.details.hide()
        self.copy_button = QPushButton(self.tr("Copy details"), self)
        self.copy_button.setAccessibleName(self.tr("Copy details"))
        self.copy_button.clicked.connect(self.copy_details)
        self.copy_button.hide()

        buttons = QDialogButtonBox(self)
        self.action_button: QPushButton | None = None
        if message.action is not Action.NONE:
            self.action_button = buttons.addButton(
                action_text(message), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.action_button.setAccessibleName(action_text(message))
            self.action_button.clicked.connect(self._act)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        self.close_button = close
        # The action first (Enter does it), then Close, then the details.
        (self.action_button or close).setDefault(True)

        words = QVBoxLayout()
        words.addWidget(self.headline)
        words.addWidget(self.advice)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(words, 1)
        fold = QHBoxLayout()
        fold.addWidget(self.details_toggle)
        fold.addStretch(1)
        fold.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(fold)
        layout.addWidget(self.details)
        layout.addWidget(buttons)

        order: list[QWidget] = [w for w in (self.action_button, close) if w is not None]
        order += [self.details_toggle, self.details, self.copy_button]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        (self.action_button or close).setFocus()

    def show_details(self, shown: bool) -> None:
        self.details_toggle.setChecked(shown)
        self.details_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.details_toggle.setAccessibleName(self.tr("Hide details") if shown else self.tr("Show details"))
        self.details.setVisible(shown)
        self.copy_button.setVisible(shown)
        self.adjustSize()

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(
            "\n".join(filter(None, (self.message.headline, self.message.advice, self.message.details)))
        )

    def _act(self) -> None:
        self.action_requested.emit(self.message)
        self.accept()
