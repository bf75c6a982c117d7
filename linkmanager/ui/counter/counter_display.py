"""The customer-facing window: one link's name, its amount, its QR code and "Scan to pay", and
what became of the payment, in English and Arabic, readable from two metres.

Black on white, nothing else on it. Sizes follow the window's height (the amount ~10 % of it),
so the same window reads well on a 13" tablet and a 27" monitor. The code is drawn with a whole
number of device pixels per module and its quiet zone, pure black on white, never scaled.

States: the code; "Paid — AED 262.00" for PAID_MS, then the code again (uses left) or a "Thank
you" blank; "Payment not completed" for FAILED_MS, then the code; "Payment pending with the
bank…" until the payment moves; a blank "no longer accepting payments" once the link is used,
expired or disabled. Every text is plain text: a link's name is whatever its creator typed.
"""

from __future__ import annotations

import logging
from enum import Enum

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QImage, QKeyEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from linkmanager.domain.models import PaymentLink
from linkmanager.domain.money import Money, format_money
from linkmanager.ui.counter import texts
from linkmanager.ui.counter.texts import Bilingual
from linkmanager.ui.text import isolated

logger = logging.getLogger(__name__)

INK = "#000000"
PAPER = "#ffffff"
PAID_GREEN = "#0a6b2d"  # 6.9:1 on white: a green that still reads as text
FAILED_RED = "#a40e0e"
CHECK, CROSS, HOURGLASS = "✓", "✕", "⌛"


class DisplayState(Enum):
    CODE = "code"
    PAID = "paid"
    FAILED = "failed"
    PENDING = "pending"
    THANKS = "thanks"
    CLOSED = "closed"


def _label(parent: QWidget, weight: QFont.Weight = QFont.Weight.Normal) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # a name is data, never markup
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widen the window
    font = label.font()
    font.setWeight(weight)
    label.setFont(font)
    return label


def _arabic(label: QLabel) -> QLabel:
    label.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    return label


class CounterDisplay(QWidget):
    """The display for one link; the CounterSession tells it what happened."""

    closed = Signal()  # closed by its own window (Esc on it, the window manager): the watch ends too

    PAID_MS = 5_000  # the paid message stays this long (tests shorten it)
    FAILED_MS = 4_000  # and a failed attempt's
    AMOUNT_SHARE = 0.10  # of the window's height: ~10 cm on a 1 m tall screen, read at 2 m

    def __init__(self, link: PaymentLink, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._link = link
        self._state = DisplayState.CODE
        self._after_paid = DisplayState.CODE
        self._rendered: tuple[str, int, float] | None = None
        self.setWindowTitle(self.tr("Counter display — {name}").format(name=link.display_name))
        self.setAccessibleName(self.tr("Counter display"))
        self.setAutoFillBackground(True)
        self.setStyleSheet(f"CounterDisplay, QLabel {{ background: {PAPER}; color: {INK}; }}")
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # centred lines, each in its own direction
        self.setCursor(Qt.CursorShape.BlankCursor)  # the customer's screen: no pointer over the code

        self.pages = QStackedWidget(self)
        code_page = QWidget()
        self.name_label = _label(code_page, QFont.Weight.DemiBold)
        self.name_label.setText(link.display_name)
        self.amount_label = _label(code_page, QFont.Weight.Bold)
        self.amount_label.setText(format_money(link.amount, "en"))  # Latin digits: both readers know them
        self.qr_label = QLabel(code_page)
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_label.setAccessibleName(self.tr("QR code"))
        self.scan_label = _label(code_page, QFont.Weight.DemiBold)
        self.scan_label.setText(texts.SCAN_TO_PAY.english)
        self.scan_arabic = _arabic(_label(code_page, QFont.Weight.DemiBold))
        self.scan_arabic.setText(texts.SCAN_TO_PAY.arabic)
        column = QVBoxLayout(code_page)
        column.addStretch(1)
        column.addWidget(self.name_label)
        column.addWidget(self.amount_label)
        column.addWidget(self.qr_label, 0, Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.scan_label)
        column.addWidget(self.scan_arabic)
        column.addStretch(1)

        message_page = QWidget()
        self.symbol_label = _label(message_page, QFont.Weight.Bold)
        self.message_label = _label(message_page, QFont.Weight.Bold)
        self.message_arabic = _arabic(_label(message_page, QFont.Weight.Bold))
        self.detail_label = _label(message_page)
        messages = QVBoxLayout(message_page)
        messages.addStretch(1)
        for label in (self.symbol_label, self.message_label, self.message_arabic, self.detail_label):
            messages.addWidget(label)
        messages.addStretch(1)
        self.pages.addWidget(code_page)
        self.pages.addWidget(message_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._message_ended)
        self.resize(800, 600)
        self._scale()

    # -- what the customer sees --------------------------------------------------------------------

    @property
    def state(self) -> DisplayState:
        return self._state

    @property
    def link(self) -> PaymentLink:
        return self._link

    def visible_text(self) -> str:
        """Every line the customer can read now, top to bottom (tests, and the operator's preview)."""
        page = self.pages.currentWidget()
        if page is None:
            return ""
        return "\n".join(
            label.text() for label in page.findChildren(QLabel) if label.text() and not label.isHidden()
        )

    def show_code(self) -> None:
        self._timer.stop()
        self._state = DisplayState.CODE
        self.pages.setCurrentIndex(0)
        self._render_code()

    def show_paid(self, amount: Money, *, uses_left: bool) -> None:
        """A collected payment: "Paid — AED 262.00" for PAID_MS, then the code again while the
        link takes more payments, else the "Thank you" blank."""
        if self._state == DisplayState.CLOSED or not uses_left:
            self._after_paid = DisplayState.THANKS
        else:
            self._after_paid = DisplayState.CODE
        money = format_money(amount, "en")
        paid = Bilingual(
            texts.PAID.english.format(amount=money), texts.PAID.arabic.format(amount=isolated(money))
        )
        self._message(DisplayState.PAID, CHECK, PAID_GREEN, paid)
        self._timer.start(self.PAID_MS)

    def show_failed(self) -> None:
        """A failed attempt: say so for FAILED_MS, then the code (a paid message is not cut short)."""
        if self._state in (DisplayState.PAID, DisplayState.THANKS, DisplayState.CLOSED):
            return
        self._message(DisplayState.FAILED, CROSS, FAILED_RED, texts.NOT_COMPLETED)
        self._timer.start(self.FAILED_MS)

    def show_pending(self) -> None:
        """A payment the bank has not decided yet: shown until it is collected or fails."""
        if self._state in (DisplayState.PAID, DisplayState.THANKS, DisplayState.CLOSED):
            return
        self._timer.stop()
        self._message(DisplayState.PENDING, HOURGLASS, INK, texts.PENDING)

    def pending_ended(self) -> None:
        """The pending payment moved to something that is neither collected nor failed."""
        if self._state == DisplayState.PENDING:
            self.show_code()

    def show_closed(self) -> None:
        """The link takes no more payments (used, expired, disabled): no code any more. A paid
        message on screen finishes first; a "Thank you" blank stays as it is."""
        if self._state == DisplayState.PAID:
            if self._after_paid == DisplayState.CODE:
                self._after_paid = DisplayState.CLOSED
            return
        if self._state == DisplayState.THANKS:
            return
        self._timer.stop()
        self._message(DisplayState.CLOSED, "", INK, texts.CLOSED)

    # -- inside ------------------------------------------------------------------------------------

    def _message(self, state: DisplayState, symbol: str, colour: str, words: Bilingual) -> None:
        self._state = state
        self.symbol_label.setText(symbol)
        self.symbol_label.setVisible(bool(symbol))
        self.symbol_label.setStyleSheet(f"color: {colour};")
        self.message_label.setText(words.english)
        self.message_arabic.setText(words.arabic)
        for label in (self.message_label, self.message_arabic):
            label.setStyleSheet(f"color: {colour};")
        self.detail_label.setText("")
        self.detail_label.hide()
        self.pages.setCurrentIndex(1)

    def _message_ended(self) -> None:
        if self._state == DisplayState.PAID:
            after = self._after_paid
            if after == DisplayState.CODE:
                self.show_code()
            elif after == DisplayState.THANKS:
                self._message(DisplayState.THANKS, "", INK, texts.THANK_YOU)
            else:
                self._message(DisplayState.CLOSED, "", INK, texts.CLOSED)
        elif self._state == DisplayState.FAILED:
            self.show_code()

    def _scale(self) -> None:
        """Fonts as shares of the window's height; the code as large as the rest leaves room for."""
        height = max(1, self.height())
        sizes = (
            (self.name_label, 0.055),
            (self.amount_label, self.AMOUNT_SHARE),
            (self.scan_label, 0.05),
            (self.scan_arabic, 0.05),
            (self.symbol_label, 0.2),
            (self.message_label, 0.08),
            (self.message_arabic, 0.08),
            (self.detail_label, 0.05),
        )
        for label, share in sizes:
            font = label.font()
            font.setPixelSize(max(12, round(height * share)))
            label.setFont(font)
        self._render_code()

    def _render_code(self) -> None:
        """The QR code at a whole number of device pixels per module, as large as fits."""
        if self._state != DisplayState.CODE:
            return
        from linkmanager.services.qr import QrError, module_count, qr_png

        url = self._link.url
        ratio = self.devicePixelRatioF()
        room = min(self.width() * 0.8, self.height() * 0.56)  # logical pixels for the code
        try:
            box = max(2, int(room * ratio // module_count(url)))
            if self._rendered != (url, box, ratio):
                pixmap = QPixmap.fromImage(QImage.fromData(qr_png(url, box_size=box)))
                pixmap.setDevicePixelRatio(ratio)
                self.qr_label.setPixmap(pixmap)
                self._rendered = (url, box, ratio)
        except QrError as exc:  # a cache from before the API refused such links
            logger.warning("No QR code for the counter display: %s", exc)
            self.qr_label.clear()
            self._rendered = None

    def qr_image(self) -> QImage:
        """The code as drawn (tests decode it)."""
        return self.qr_label.pixmap().toImage()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._scale()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DevicePixelRatioChange:  # moved to a screen of another density
            self._render_code()
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        # The customer's screen has no keyboard of its own: Esc typed while it has the focus
        # (after the operator clicked it) still closes it, as Esc on the operator's side does.
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._timer.stop()
        self.closed.emit()
        super().closeEvent(event)
