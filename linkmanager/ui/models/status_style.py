"""Status words and colours, and the small dots that carry the colours beside the words.

Colour is a second cue, never the only one: every dot sits next to words. The tones are mid
tones chosen to stay visible on both a light and a dark window background; each filled dot also
has a darker rim, so light tones (the outcomes' orange and sky blue) keep a 3:1 edge on white.

What a usage or a payment came to (collected, pending, failed, ...) has one set of colours, the
outcomes' (OUTCOME_COLOURS): the Payments view, its chart and legend, the usages table and the
usage drawer all use them, so the same meaning never shows in two colours.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from linkmanager.domain.models import Usage
from linkmanager.domain.outcome import COLLECTED_PAYMENT_STATUSES, Outcome, outcome_of
from linkmanager.domain.status import FINAL_PAYMENT_STATUSES, LinkStatus

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
# Okabe–Ito: bluish green, orange, vermillion, sky blue, reddish purple (distinct for people with
# red–green colour blindness); grey for "other".
OUTCOME_COLOURS: dict[Outcome, str] = {
    Outcome.COLLECTED: "#009E73",
    Outcome.PENDING: "#E69F00",
    Outcome.FAILED: "#D55E00",
    Outcome.STARTED: "#56B4E9",
    Outcome.EXPIRED: "#CC79A7",
    Outcome.OTHER: "#999999",
}

# Words for the usage statuses of Lean's contract (UsageStatus); anything else is shown as it came.
USAGE_STATUS_LABELS: dict[str, str] = {
    "STARTED": str(QT_TRANSLATE_NOOP("StatusStyle", "Started")),
    "PAYMENT_CREATED": str(QT_TRANSLATE_NOOP("StatusStyle", "Payment created")),
    "FAILED": str(QT_TRANSLATE_NOOP("StatusStyle", "Failed")),
    "EXPIRED": str(QT_TRANSLATE_NOOP("StatusStyle", "Expired")),
}
# Words for the bank-side values Lean documents (the contract's example PENDING, and the payment
# docs' values); anything else is shown exactly as it came.
PAYMENT_STATUS_LABELS: dict[str, str] = {
    "PENDING": str(QT_TRANSLATE_NOOP("StatusStyle", "Pending")),
    "CREATED": str(QT_TRANSLATE_NOOP("StatusStyle", "Created")),
    "AWAITING_AUTHORIZATION": str(QT_TRANSLATE_NOOP("StatusStyle", "Awaiting authorization")),
    "PENDING_WITH_BANK": str(QT_TRANSLATE_NOOP("StatusStyle", "Pending with bank")),
    "ACCEPTED_BY_BANK": str(QT_TRANSLATE_NOOP("StatusStyle", "Accepted by bank")),
    "REJECTED_BY_BANK": str(QT_TRANSLATE_NOOP("StatusStyle", "Rejected by bank")),
    "PROCESSING": str(QT_TRANSLATE_NOOP("StatusStyle", "Processing")),
    "PROCESSED": str(QT_TRANSLATE_NOOP("StatusStyle", "Processed")),
    "FAILED": str(QT_TRANSLATE_NOOP("StatusStyle", "Failed")),
    "CANCELLED": str(QT_TRANSLATE_NOOP("StatusStyle", "Cancelled")),
}

_ICON_SIZE = 16
_icons: dict[tuple[str, bool], QIcon] = {}


def link_status_color(status: LinkStatus) -> QColor:
    """The colour of a link status (an unknown status gets its own, so it is never mistaken)."""
    return QColor(_LINK_COLOURS.get(status, PURPLE))


def _tr(text: str) -> str:
    return QCoreApplication.translate("StatusStyle", text)


def outcome_colour(outcome: Outcome) -> QColor:
    """The outcome's fixed colour, wherever an outcome is shown (table dots, chart bars, legend)."""
    return QColor(OUTCOME_COLOURS[outcome])


def usage_outcome(usage: Usage) -> Outcome:
    """What the usage came to, by domain.outcome's rules: its usage status dot has this colour."""
    return outcome_of(usage.usage_status, usage.payment_status, usage.payment_id)


def payment_status_color(payment_status: str) -> QColor:
    """The outcome the bank's word means: collected, failed, or (anything else) still pending."""
    if payment_status in COLLECTED_PAYMENT_STATUSES:
        return outcome_colour(Outcome.COLLECTED)
    if payment_status in FINAL_PAYMENT_STATUSES:
        return outcome_colour(Outcome.FAILED)
    return outcome_colour(Outcome.PENDING)


def usage_status_text(code: str) -> str:
    """ "PAYMENT_CREATED" -> "Payment created" (translated); a code Lean has not documented as it came."""
    label = USAGE_STATUS_LABELS.get(code)
    return _tr(label) if label is not None else code


def payment_status_text(payment_status: str) -> str:
    """ "PENDING_WITH_BANK" -> "Pending with bank" (translated); an undocumented value as it came."""
    label = PAYMENT_STATUS_LABELS.get(payment_status)
    return _tr(label) if label is not None else payment_status


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
    else:  # a darker rim: a light tone keeps its edge on white, the fill shows on dark
        painter.setPen(QPen(color.darker(170), 1.2))
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
