"""First run, no profile yet: connect to Lean, or look around with demo data first."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QEvent, QPointF, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)


class WelcomeChoice(Enum):
    CONNECT = "connect"
    DEMO = "demo"


def arrow_icon(palette: QPalette) -> QIcon:
    """The command links' arrow in the palette's text colour: the style's own arrow is black,
    invisible on a dark window."""
    icon = QIcon()
    for ratio in (1, 2):
        pixmap = QPixmap(20 * ratio, 20 * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(palette.color(QPalette.ColorRole.ButtonText), 2.2)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(QPointF(4, 10), QPointF(16, 10))
        painter.drawLine(QPointF(11, 5), QPointF(16, 10))
        painter.drawLine(QPointF(11, 15), QPointF(16, 10))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


class WelcomeDialog(QDialog):
    """Two choices as large buttons; `choice` says which was taken (None: closed)."""

    def __init__(self, parent: QWidget | None = None, icon: QIcon | None = None) -> None:
        super().__init__(parent)
        self.choice: WelcomeChoice | None = None
        self.setWindowTitle(self.tr("Welcome to LinkManager"))
        self.setAccessibleName(self.tr("Welcome"))

        title = QLabel(self.tr("Welcome to LinkManager"), self)
        title.setTextFormat(Qt.TextFormat.PlainText)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "Find your Lean payment links, see who paid, share and print their QR codes, and review "
                "everything offline."
            ),
            self,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)

        header = QHBoxLayout()
        if icon is not None and not icon.isNull():
            logo = QLabel(self)
            logo.setPixmap(icon.pixmap(QSize(56, 56)))
            logo.setAccessibleName(self.tr("LinkManager logo"))
            header.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(intro)
        header.addLayout(heading, 1)

        connect_text = self.tr("Connect to Lean")
        connect_detail = self.tr(
            "Enter your application's client ID and secret from Lean's dashboard (Sandbox or Production). "
            "The secret is kept in your system keyring, never in a file."
        )
        self.connect_button = QCommandLinkButton(connect_text, connect_detail, self)
        self.connect_button.setAccessibleName(connect_text)
        self.connect_button.clicked.connect(self.choose_connect)
        demo_text = self.tr("Explore with demo data")
        demo_detail = self.tr(
            "Try every feature against a simulated Lean server on this computer, with made-up links and "
            "customers paying. Nothing is sent anywhere, and nothing is kept when you close it."
        )
        self.demo_button = QCommandLinkButton(demo_text, demo_detail, self)
        self.demo_button.setAccessibleName(demo_text)
        self.demo_button.clicked.connect(self.choose_demo)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addSpacing(12)
        layout.addWidget(self.connect_button)
        layout.addWidget(self.demo_button)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self._paint_arrows()
        self.connect_button.setFocus()

    def _paint_arrows(self) -> None:
        icon = arrow_icon(self.palette())
        for button in (self.connect_button, self.demo_button):
            button.setIcon(icon)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.PaletteChange:  # the system switched light/dark
            self._paint_arrows()
        super().changeEvent(event)

    def choose_connect(self) -> None:
        self.choice = WelcomeChoice.CONNECT
        self.accept()

    def choose_demo(self) -> None:
        self.choice = WelcomeChoice.DEMO
        self.accept()


def ask_welcome(parent: QWidget | None = None, icon: QIcon | None = None) -> WelcomeChoice | None:
    """Show the welcome modally; the choice, or None when it was closed."""
    dialog = WelcomeDialog(parent, icon)
    try:
        dialog.exec()
        return dialog.choice
    finally:
        dialog.deleteLater()
