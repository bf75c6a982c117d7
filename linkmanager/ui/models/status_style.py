"""Status colours and the small dots that carry them beside the status text.

Colour is a second cue, never the only one: every dot sits next to words. The tones are mid
tones chosen to stay visible (about 3:1 or better, the bar for non-text marks) on both a light
and a dark window background, so the same colour works whichever scheme the system uses.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from linkmanager.domain.status import FINAL_PAYMENT_STATUSES, LinkStatus, UsageStatus

GREEN = "#2DA44E"
GREY = "#8C959F"
AMBER = "#C78A00"
BLUE = "#3B82F6"
RED = "#E5484D"
PURPLE = "#A371F7"

_LINK_COLOURS = {
    LinkStatus.ACTIVE: GREEN,
    LinkStatus.DISABLED: GREY,
    LinkStatus.EXPIRED: AMBER,
    LinkStatus.USED: BLUE,
}
_USAGE_COLOURS = {
    UsageStatus.STARTED: BLUE,
    UsageStatus.PAYMENT_CREATED: GREEN,
    UsageStatus.FAILED: RED,
    UsageStatus.EXPIRED: AMBER,
}
_PAID = frozenset({"ACCEPTED_BY_BANK", "PROCESSED"})

# Words for the bank-side values Lean documents; anything else is shown exactly as it came.
PAYMENT_STATUS_LABELS: dict[str, str] = {
    "PENDING": "Pending",
    "PENDING_WITH_BANK": "Pending with bank",
    "ACCEPTED_BY_BANK": "Accepted by bank",
    "REJECTED_BY_BANK": "Rejected by bank",
    "PROCESSING": "Processing",
    "PROCESSED": "Processed",
    "FAILED": "Failed",
    "CANCELLED": "Cancelled",
}

_ICON_SIZE = 16
_icons: dict[tuple[str, bool], QIcon] = {}


def link_status_color(status: LinkStatus) -> QColor:
    """The colour of a link status (an unknown status gets its own, so it is never mistaken)."""
    return QColor(_LINK_COLOURS.get(status, PURPLE))


def usage_status_color(status: UsageStatus) -> QColor:
    return QColor(_USAGE_COLOURS.get(status, PURPLE))


def payment_status_color(payment_status: str) -> QColor:
    """Paid (green), refused (red), still moving (amber): Lean's payment_status is free text."""
    if payment_status in _PAID:
        return QColor(GREEN)
    if payment_status in FINAL_PAYMENT_STATUSES:
        return QColor(RED)
    return QColor(AMBER)


def payment_status_text(payment_status: str) -> str:
    return PAYMENT_STATUS_LABELS.get(payment_status, payment_status)


def dot_icon(color: QColor, *, hollow: bool = False) -> QIcon:
    """A filled dot (or a ring, for "not as sure as usual"), drawn at 1x and 2x for high-DPI screens.

    Made on first use, so only on the GUI thread and only once an application exists.
    """
    cache_key = (color.name(), hollow)
    icon = _icons.get(cache_key)
    if icon is None:
        icon = QIcon()
        for ratio in (1, 2):
            icon.addPixmap(_dot_pixmap(color, hollow, ratio))
        _icons[cache_key] = icon
    return icon


def _dot_pixmap(color: QColor, hollow: bool, ratio: int) -> QPixmap:
    pixmap = QPixmap(_ICON_SIZE * ratio, _ICON_SIZE * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    centre = QPointF(_ICON_SIZE / 2, _ICON_SIZE / 2)
    if hollow:
        painter.setPen(QPen(color, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, 4, 4)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(centre, 5, 5)
    painter.end()
    return pixmap


def entered_value_icon() -> QIcon:
    """The Name column's mark for "found in what a payer typed": a small text field with a caret."""
    cache_key = ("entered-value", False)
    icon = _icons.get(cache_key)
    if icon is None:
        icon = QIcon()
        color = QColor(BLUE)
        for ratio in (1, 2):
            pixmap = QPixmap(_ICON_SIZE * ratio, _ICON_SIZE * ratio)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(color, 1.5))
            painter.drawRoundedRect(QRectF(1.5, 4.5, 13, 7), 2, 2)
            painter.drawLine(QPointF(5, 6.5), QPointF(5, 9.5))
            painter.end()
            icon.addPixmap(pixmap)
        _icons[cache_key] = icon
    return icon
