"""A read-only value with a copy button, and the plain-text helpers the detail views share.

Values are plain text always (a payer can type `<b>x</b>` or `=HYPERLINK(...)`), selectable with
the mouse and keyboard, and the button says "Copied" for a moment so the click is seen to work.
Times are shown as everywhere ("28 Nov 2026 23:59 +04:00", domain.lifecycle.moment_text), with how
long ago or ahead ("in 3 days"); the exact UTC time goes in a tooltip.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QToolButton, QWidget

from linkmanager.domain import display
from linkmanager.domain.i18n import QT_TRANSLATE_NOOP, Context
from linkmanager.domain.lifecycle import moment_text
from linkmanager.domain.status import IdentifierType, LinkStatus
from linkmanager.ui.text import escaped

CopyFieldCounts = Context("CopyFieldCounts")  # plurals: lupdate reads X.tr(text, "", n) as a plural

EMPTY = "—"
COPIED_MS = 1500
HOUR, DAY, MONTH, YEAR = 3600, 86400, 30 * 86400, 365 * 86400
# Lean's words for people, as the detail views, the payments filters and the tables show them.
_STATUS_WORDS = {
    LinkStatus.ACTIVE: QT_TRANSLATE_NOOP("CopyField", "Active"),
    LinkStatus.DISABLED: QT_TRANSLATE_NOOP("CopyField", "Disabled"),
    LinkStatus.EXPIRED: QT_TRANSLATE_NOOP("CopyField", "Expired"),
    LinkStatus.USED: QT_TRANSLATE_NOOP("CopyField", "Used"),
}
_IDENTIFIER_WORDS = {
    IdentifierType.EMAIL: QT_TRANSLATE_NOOP("CopyField", "Email"),
    IdentifierType.MOBILE_PHONE: QT_TRANSLATE_NOOP("CopyField", "Mobile phone"),
    IdentifierType.TEXT: QT_TRANSLATE_NOOP("CopyField", "Text"),
}


def status_text(status: LinkStatus) -> str:
    """ "Active", "Disabled", ... (translated); a status Lean has not documented as it came."""
    words = _STATUS_WORDS.get(status)
    return QCoreApplication.translate("CopyField", words) if words else status.label


def identifier_text(kind: IdentifierType) -> str:
    """ "Email", "Mobile phone", "Text" (translated); a kind Lean has not documented as it came."""
    words = _IDENTIFIER_WORDS.get(kind)
    return QCoreApplication.translate("CopyField", words) if words else kind.label


def relative_text(moment: datetime, now: datetime) -> str:
    """ "in 3 days", "2 hours ago", "just now": rounded down, the way people say it."""
    seconds = (moment - now).total_seconds()
    span = abs(seconds)
    if span < 60:
        return QCoreApplication.translate("CopyField", "just now")
    # The counts are worked out before the calls: pyside6-lupdate reads "//" in a call as a comment.
    if span >= 2 * YEAR:
        count = int(span // YEAR)
        words = CopyFieldCounts.tr("%Ln year(s)", "", count)
    elif span >= 2 * MONTH:
        count = int(span // MONTH)
        words = CopyFieldCounts.tr("%Ln month(s)", "", count)
    elif span >= DAY:
        count = int(span // DAY)
        words = CopyFieldCounts.tr("%Ln day(s)", "", count)
    elif span >= HOUR:
        count = int(span // HOUR)
        words = CopyFieldCounts.tr("%Ln hour(s)", "", count)
    else:
        count = int(span // 60)
        words = CopyFieldCounts.tr("%Ln min", "", count)
    if seconds > 0:
        return QCoreApplication.translate("CopyField", "in {span}").format(span=words)
    return QCoreApplication.translate("CopyField", "{span} ago").format(span=words)


def when_text(moment: datetime, now: datetime, tz: tzinfo | None) -> str:
    """ "05 Dec 2026 14:02 +04:00 (3 min ago)": how the app says when Lean last confirmed something
    (`tz` None: the workstation's zone)."""
    return f"{moment_text(moment, tz)} ({relative_text(moment, now)})"


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally: Qt guesses rich text from a "<" in a plain tooltip,
    so untrusted text is escaped into a rich one (which also wraps long reasons)."""
    if not text:
        return ""
    return f'<p style="white-space:pre-wrap">{escaped(text, quote=False)}</p>'


def plain_label(text: str = "", parent: QWidget | None = None, *, selectable: bool = False) -> QLabel:
    """A QLabel that never interprets its text as markup."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    if selectable:
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
    return label


def muted(label: QLabel) -> QLabel:
    """Secondary text in the palette's own muted colour, so it follows light and dark schemes."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class CopyField(QWidget):
    """A caption, a selectable value, and a "Copy" button (accessible name "Copy <caption>").

    `inline=True` leaves the caption out, for a form that already names the row.
    """

    copied = Signal(str)

    def __init__(
        self,
        label: str,
        value: str | None = None,
        *,
        copy_name: str | None = None,
        inline: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._value: str | None = None
        self._copy_name = copy_name
        self.caption = muted(plain_label(label))
        self.value_label = plain_label(selectable=True)
        self.value_label.setWordWrap(True)
        # Left even for Arabic values: a column of values lines up; the text itself still reads RTL.
        self.value_label.setAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
        )
        self.value_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.value_label.setMinimumWidth(60)
        self.copy_button = QToolButton()
        self.copy_button.setText(self.tr("Copied"))
        self.copy_button.setMinimumWidth(self.copy_button.sizeHint().width())  # no jump on "Copied"
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.copy_button.clicked.connect(self.copy)
        self._reset = QTimer(self)
        self._reset.setSingleShot(True)
        self._reset.setInterval(COPIED_MS)
        self._reset.timeout.connect(self._restore_button)

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(6)
        layout.setVerticalSpacing(1)
        layout.setColumnStretch(0, 1)
        row = 0
        if not inline:
            layout.addWidget(self.caption, 0, 0, 1, 2)
            row = 1
        else:
            self.caption.hide()
        layout.addWidget(self.value_label, row, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.copy_button, row, 1, Qt.AlignmentFlag.AlignTop)
        self.set_label(label)
        self.set_value(value)

    def label(self) -> str:
        return self.caption.text()

    def set_label(self, label: str) -> None:
        self.caption.setText(label)
        name = self._copy_name or self.tr("Copy {label}").format(label=label)
        self.copy_button.setAccessibleName(name)
        self.copy_button.setToolTip(plain_tooltip(name))
        self.value_label.setAccessibleDescription(label)

    def value(self) -> str | None:
        return self._value

    def set_value(self, value: str | None) -> None:
        """None or "" shows a dash and disables the button: there is nothing to copy."""
        self._value = value or None
        self.value_label.setText(display.outside_text(value) if value else EMPTY)  # copied as sent
        self.copy_button.setEnabled(bool(value))
        self._restore_button()

    def copy(self) -> None:
        if self._value is None:
            return
        QGuiApplication.clipboard().setText(self._value)
        self.copy_button.setText(self.tr("Copied"))
        self._reset.start()
        self.copied.emit(self._value)

    def _restore_button(self) -> None:
        self._reset.stop()
        self.copy_button.setText(self.tr("Copy"))
