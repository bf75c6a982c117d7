"""One usage in a side drawer over the right edge of the window: not a dialog, not a new page.

Everything a finance user copies when reconciling a payment (what the payer typed, the usage,
payment and customer IDs) sits here with its own copy button. The drawer is a child of `host`
and follows its size; Esc (with focus anywhere in the host) or the close button closes it. A
sync that brings a newer copy of the open usage updates the drawer in place.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo

from PySide6.QtCore import (
    QCoreApplication,
    QEasingCurve,
    QEvent,
    QObject,
    QPoint,
    QPropertyAnimation,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from linkmanager.domain.lifecycle import moment_text, utc_text
from linkmanager.domain.models import Usage
from linkmanager.services.workspace import UsageSeen
from linkmanager.ui.models.status_style import (
    dot_icon,
    outcome_colour,
    payment_status_color,
    payment_status_text,
    usage_outcome,
    usage_status_text,
)
from linkmanager.ui.widgets.copy_field import (
    EMPTY,
    CopyField,
    identifier_text,
    muted,
    plain_label,
    plain_tooltip,
)
from linkmanager.ui.widgets.outcome_legend import outcome_label

WIDTH = 360
DURATION_MS = 150


def short_id(usage_id: str) -> str:
    """The first 8 characters, as people read a UUID aloud; the whole ID is in the drawer below."""
    return usage_id if len(usage_id) <= 10 else usage_id[:8] + "…"


class UsageDrawer(QFrame):
    """A usage's details (accessible name "Usage details"), sliding in over the host's right edge."""

    closed = Signal()
    shown = Signal()  # a usage is shown (its payer fields may be new: the window's Tab order follows)
    # None: animate unless the platform is offscreen or the style turns animations off.
    # Tests set True (and wait for `animation.finished`) or False.
    animate: bool | None = None

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self._host = host
        self._usage: Usage | None = None
        self._open = False
        self._focus_return: QWidget | None = None
        self.setAccessibleName(self.tr("Usage details"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFrameShadow(QFrame.Shadow.Raised)
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        self.animation = QPropertyAnimation(self, b"pos", self)
        self.animation.setDuration(DURATION_MS)
        self.animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self.animation.finished.connect(self._on_animation_finished)
        self._built = False  # what it shows is made with the first usage (_build): not at start
        self.hide()

    def _build(self) -> None:
        """The title, statuses, what the payer entered and the references, with the first usage
        shown: a window that never opens a usage does not make (or lay out) them."""
        self._built = True
        self.title = plain_label()
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.close_button = QToolButton()
        self.close_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
        self.close_button.setAutoRaise(True)
        self.close_button.setAccessibleName(self.tr("Close usage details"))
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        self.close_button.clicked.connect(self.close_drawer)

        self.usage_status_dot, self.usage_status_label = QLabel(), plain_label(selectable=True)
        self.payment_status_dot, self.payment_status_label = QLabel(), plain_label(selectable=True)
        self.payment_status_label.setWordWrap(True)
        self.seen_label = plain_label(selectable=True)  # when this workstation saw it, and its changes
        self.seen_label.setWordWrap(True)
        self.seen_label.setAccessibleName(self.tr("Seen by this workstation"))
        self.identifiers_heading = _heading(self.tr("What the payer entered"))
        self.no_identifiers = muted(plain_label(self.tr("Nothing: the link asks for no details.")))
        self._identifier_fields: list[CopyField] = []
        self.identifiers_box = QVBoxLayout()
        self.identifiers_box.setSpacing(8)
        self.usage_id_field = CopyField(self.tr("Usage ID"))
        self.payment_id_field = CopyField(self.tr("Payment ID"))
        self.customer_id_field = CopyField(self.tr("Customer ID"))

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        statuses = QGridLayout()
        statuses.setColumnStretch(2, 1)
        for row, (caption, dot, label) in enumerate(
            (
                (self.tr("Usage status"), self.usage_status_dot, self.usage_status_label),
                (self.tr("Payment status"), self.payment_status_dot, self.payment_status_label),
            )
        ):
            statuses.addWidget(muted(plain_label(caption)), row, 0)
            statuses.addWidget(dot, row, 1)
            statuses.addWidget(label, row, 2)

        body = QWidget()
        column = QVBoxLayout(body)
        column.addLayout(statuses)
        column.addWidget(self.seen_label)
        column.addSpacing(6)
        column.addWidget(self.identifiers_heading)
        column.addWidget(self.no_identifiers)
        column.addLayout(self.identifiers_box)
        column.addSpacing(6)
        column.addWidget(_heading(self.tr("References")))
        for field in (self.usage_id_field, self.payment_id_field, self.customer_id_field):
            column.addWidget(field)
        column.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its Copy buttons
        self.scroll_area.setWidget(body)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.scroll_area, 1)

    # -- public ------------------------------------------------------------------------------------

    def show_usage(self, usage: Usage) -> None:
        """Show `usage`, opening the drawer if it is closed; the same usage again updates in place."""
        if not self._built:
            self._build()
        if self._usage is None or usage.usage_id != self._usage.usage_id:
            self.scroll_area.verticalScrollBar().setValue(0)
        self._usage = usage
        self.title.setText(self.tr("Usage {id}").format(id=short_id(usage.usage_id)))
        self.title.setToolTip(plain_tooltip(usage.usage_id))
        self.usage_status_label.setText(usage_status_text(usage.usage_status))
        outcome = usage_outcome(usage)  # the dot: what the usage came to, in the Payments view's colours
        self.usage_status_dot.setPixmap(dot_icon(outcome_colour(outcome)).pixmap(16, 16))
        said = self.tr("Outcome: {outcome}").format(outcome=outcome_label(outcome))
        self.usage_status_dot.setToolTip(plain_tooltip(said))
        self.usage_status_dot.setAccessibleName(said)
        if usage.payment_status is None:
            self.payment_status_label.setText(EMPTY)
            self.payment_status_label.setToolTip(self.tr("The bank has not reported on this payment yet."))
            self.payment_status_dot.clear()
        else:
            self.payment_status_label.setText(payment_status_text(usage.payment_status))
            self.payment_status_label.setToolTip(
                plain_tooltip(
                    self.tr("As reported by the bank: {status}").format(status=usage.payment_status)
                )
            )
            self.payment_status_dot.setPixmap(
                dot_icon(payment_status_color(usage.payment_status)).pixmap(16, 16)
            )
        self._show_identifiers(usage)
        self.usage_id_field.set_value(usage.usage_id)
        self.payment_id_field.set_value(usage.payment_id)
        self.customer_id_field.set_value(usage.customer_id)
        if not self._open:
            self._slide_in()
        self.raise_()
        self.shown.emit()

    def show_seen(self, usage_id: str, seen: UsageSeen | None, zone: tzinfo | None) -> None:
        """When this workstation first saw the usage and each change of its statuses since (Lean
        sends no times); an answer for a usage no longer shown is dropped."""
        if not self._built or self._usage is None or self._usage.usage_id != usage_id:
            return
        self.seen_label.setText("" if seen is None else seen_words(seen, zone))
        self.seen_label.setToolTip("" if seen is None else plain_tooltip(seen_words(seen, utc=True)))

    def close_drawer(self) -> None:
        """Close (no-op when closed); `closed` is emitted once the drawer is out of sight."""
        if not self._open:
            return
        self._open = False
        focused, back = QApplication.focusWidget(), self._focus_return
        if focused is not None and self.isAncestorOf(focused) and back is not None and back.isVisible():
            back.setFocus(Qt.FocusReason.ShortcutFocusReason)  # where the keyboard came from
        self._slide(QPoint(self._host.width(), 0))

    def is_open(self) -> bool:
        return self._open

    def current_usage_id(self) -> str | None:
        """The usage shown while the drawer is open; None when it is closed."""
        return self._usage.usage_id if self._open and self._usage is not None else None

    def current_usage(self) -> Usage | None:
        return self._usage if self._open else None

    # -- keyboard ----------------------------------------------------------------------------------

    def set_focus_return(self, widget: QWidget) -> None:
        """Where focus goes when the drawer closes with focus inside it (the usages table)."""
        self._focus_return = widget

    def focus_order(self) -> list[QWidget]:
        """Close, then each Copy button top to bottom: the drawer's part of the window's Tab order."""
        if not self._built:
            return []
        fields = (
            *self._identifier_fields,
            self.usage_id_field,
            self.payment_id_field,
            self.customer_id_field,
        )
        return [self.close_button, *(field.copy_button for field in fields)]

    def focus_first(self) -> None:
        """Into the open drawer (Enter on a usage): its first control takes the keyboard."""
        if self._open and self._built:
            self.close_button.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- content -----------------------------------------------------------------------------------

    def _show_identifiers(self, usage: Usage) -> None:
        """Reuses the fields already there, so an update in place keeps focus and scroll position."""
        items = usage.identifiers
        while len(self._identifier_fields) > len(items):
            field = self._identifier_fields.pop()
            self.identifiers_box.removeWidget(field)
            field.hide()  # at once: deleteLater waits for the event loop
            field.deleteLater()
        while len(self._identifier_fields) < len(items):
            field = CopyField("")
            self._identifier_fields.append(field)
            self.identifiers_box.addWidget(field)
        for field, item in zip(self._identifier_fields, items, strict=True):
            kind = identifier_text(item.type)
            field.set_label(f"{item.display_label or kind} ({kind})")
            field.set_value(item.value)
        self.no_identifiers.setVisible(not items)

    # -- geometry and animation --------------------------------------------------------------------

    def _width(self) -> int:
        return max(0, min(WIDTH, self._host.width()))

    def _open_pos(self) -> QPoint:
        return QPoint(self._host.width() - self._width(), 0)

    def _slide_in(self) -> None:
        # The host's events (its size, Esc) matter only while the drawer is out: its filter is
        # installed then (Qt never holds the same one twice), so that a closed drawer costs the
        # host's events, each paint and resize of the window's centre among them, no call into Python.
        self._open = True
        self._host.installEventFilter(self)
        self.resize(self._width(), self._host.height())
        if not self.isVisible():
            self.move(self._host.width(), 0)
            self.show()
        self._slide(self._open_pos())

    def _animating(self) -> bool:
        if self.animate is not None:
            return self.animate
        if QGuiApplication.platformName() in ("offscreen", "minimal"):
            return False
        return self.style().styleHint(QStyle.StyleHint.SH_Widget_Animation_Duration, None, self) > 0

    def _slide(self, end: QPoint) -> None:
        self.animation.stop()
        if not self._animating() or self.pos() == end:
            self.move(end)
            self._on_animation_finished()
            return
        self.animation.setStartValue(self.pos())
        self.animation.setEndValue(end)
        self.animation.start()

    def _on_animation_finished(self) -> None:
        if not self._open and self.isVisible():
            self._hide()
            self.closed.emit()

    def _hide(self) -> None:
        """Out of sight: the host's events no longer concern the drawer until it opens again."""
        self.hide()
        self._host.removeEventFilter(self)

    def _follow_host(self) -> None:
        if not self._open:
            if self.isVisible() and self.animation.state() != QPropertyAnimation.State.Running:
                self._hide()
            return
        self.resize(self._width(), self._host.height())
        if self.animation.state() == QPropertyAnimation.State.Running:
            self.animation.setEndValue(self._open_pos())
        else:
            self.move(self._open_pos())

    # -- events ------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # While a window is torn down, Qt can still hand the host's events to this filter after
        # the Python side of the drawer has let go of its attributes: nothing to follow then.
        host = self.__dict__.get("_host")
        if host is None:
            return False
        if watched is host:
            if event.type() == QEvent.Type.Resize:
                self._follow_host()
            elif event.type() == QEvent.Type.KeyPress and self._is_escape(event) and self._open:
                self.close_drawer()  # Esc that nothing inside the host used
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self._is_escape(event) and self._open:
            self.close_drawer()
            event.accept()
            return
        super().keyPressEvent(event)

    @staticmethod
    def _is_escape(event: QEvent) -> bool:
        return isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape and not event.modifiers()


def seen_words(seen: UsageSeen, zone: tzinfo | None = None, *, utc: bool = False) -> str:
    """ "First seen 05 Dec 2026 09:17 +04:00" (or "Seen before …"), then one line per change;
    in `zone` (None: the workstation's), or in UTC for the tooltip."""
    said: Callable[[datetime], str] = utc_text if utc else (lambda moment: moment_text(moment, zone))
    when = said(seen.first_seen_at) if seen.first_seen_at else "?"
    if seen.before:
        first = QCoreApplication.translate("UsageDrawer", "Seen before {when}")
    else:
        first = QCoreApplication.translate("UsageDrawer", "First seen {when}")
    lines = [first.format(when=when)]
    for at, _, payment_before, status, payment in seen.changes:
        moment = said(at) if at else "?"
        bank = payment_status_text(payment) if payment else EMPTY
        was = payment_status_text(payment_before) if payment_before else EMPTY
        lines.append(
            QCoreApplication.translate("UsageDrawer", "{when}: {status}, bank {was} → {bank}").format(
                when=moment, status=usage_status_text(status), was=was, bank=bank
            )
        )
    return "\n".join(lines)


def _heading(text: str) -> QLabel:
    label = plain_label(text)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label
