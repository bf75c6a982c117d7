"""The status bar: which profile and environment, online or not, how fresh the cache is, sync.

Every part is a permanent widget, so a transient showMessage() never hides the PRODUCTION
badge. States are words first ("PRODUCTION", "Offline"); colour only repeats them. What went
wrong is said in the bar itself, from the message catalogue ("Offline — Lean could not be
reached (connection refused). Next try at 14:05."); a line too long for the bar is elided and
opens whole, with its advice, its button and Details (ui.dialogs.message_box)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta, tzinfo
from decimal import Decimal

from PySide6 import QtGui
from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QPushButton, QStatusBar, QStyle, QWidget

from linkmanager.domain import utc_now
from linkmanager.domain.i18n import QT_TRANSLATE_NOOP, Context
from linkmanager.domain.money import Money, format_money
from linkmanager.services.messages import NETWORK_KINDS, Action, MessageKind, UserMessage
from linkmanager.services.workspace import SyncProgress
from linkmanager.ui.models.status_style import AMBER, GREEN, RED
from linkmanager.ui.widgets.message_line import MessageLine

StatusBarCounts = Context("StatusBarCounts")  # plurals: lupdate reads X.tr(text, "", n) as a plural
REFRESH_MS = 30_000

# Badge colours: each background carries its own text colour, so both read on any palette.
# The words are translated where shown (set_profile), in the context "StatusBar".
BADGES: dict[str, tuple[str, str, str, str]] = {
    # environment: (text, background, foreground, tooltip)
    "production": (
        QT_TRANSLATE_NOOP("StatusBar", "PRODUCTION"),
        "#c62828",
        "#ffffff",
        QT_TRANSLATE_NOOP(
            "StatusBar", "Production: real customers and real money. Changes take effect at once."
        ),
    ),
    "sandbox": (
        QT_TRANSLATE_NOOP("StatusBar", "SANDBOX"),
        "#ffb300",
        "#1f1f1f",
        QT_TRANSLATE_NOOP("StatusBar", "Sandbox: Lean's test environment; no real money moves."),
    ),
    "demo": (
        QT_TRANSLATE_NOOP("StatusBar", "DEMO"),
        "#1565c0",
        "#ffffff",
        QT_TRANSLATE_NOOP(
            "StatusBar",
            "Demo: a simulated Lean server on this computer with made-up data. Nothing leaves this computer.",
        ),
    ),
    "custom": (
        QT_TRANSLATE_NOOP("StatusBar", "CUSTOM"),
        "#616161",
        "#ffffff",
        QT_TRANSLATE_NOOP("StatusBar", "A custom Lean address set in this profile."),
    ),
}
ONLINE_COLOR = GREEN  # the status colours' mid tones: visible on light and dark windows
OFFLINE_COLOR = AMBER
REFUSED_COLOR = RED  # Lean answers, but not to these credentials: no try will help by itself
REFUSALS = frozenset({MessageKind.CREDENTIALS_REFUSED, MessageKind.FORBIDDEN, MessageKind.SECRET_MISSING})


def selection_text(count: int, sums: Mapping[str, Decimal]) -> str:
    """ "3 selected · AED 786.00 · KWD 1.500": the selected rows' sums per currency, in both views."""
    parts = [QCoreApplication.translate("StatusBar", "{count} selected").format(count=f"{count:,}")]
    parts += [format_money(Money(amount, currency)) for currency, amount in sorted(sums.items())]
    return " · ".join(parts)


def _plain_tip(text: str) -> str:
    """Tooltips guess rich text from '<': wrap plain text so it shows exactly as given."""
    if not text:
        return ""
    return QtGui.Qt.convertFromPlainText(text, QtGui.Qt.WhiteSpaceMode.WhiteSpaceNormal)


def ago_text(moment: datetime, now: datetime) -> str:
    """ "just now", "3 min ago", "2 h ago", "5 days ago"."""
    seconds = (now - moment).total_seconds()
    if seconds < 60:
        return QCoreApplication.translate("StatusBar", "just now")
    minutes = int(seconds // 60)
    hours, days = minutes // 60, minutes // (24 * 60)  # not inside the calls: lupdate reads "//" as a comment
    if minutes < 60:
        return StatusBarCounts.tr("%Ln min ago", "", minutes)
    if hours < 24:
        return StatusBarCounts.tr("%Ln h ago", "", hours)
    return StatusBarCounts.tr("%Ln day(s) ago", "", days)


def last_synced_text(moment: datetime | None, now: datetime, tz: tzinfo | None = None) -> str:
    """ "Last synced 14:02 (3 min ago)"; the date is added when it was not today (QLocale's month)."""
    if moment is None:
        return QCoreApplication.translate("StatusBar", "Not synced yet")
    local = moment.astimezone(tz)
    today = now.astimezone(tz).date()
    when = f"{local:%H:%M}"
    if local.date() == today - timedelta(days=1):
        when = QCoreApplication.translate("StatusBar", "yesterday {time}").format(time=when)
    elif local.date() != today:
        when = f"{QLocale().toString(QDate(local.year, local.month, local.day), 'd MMM yyyy')} {when}"
    synced = QCoreApplication.translate("StatusBar", "Last synced {when} ({ago})")
    return synced.format(when=when, ago=ago_text(moment, now))


def _has_button(message: UserMessage) -> bool:
    """Its button beside it; plain offline needs none: the bar tries again by itself, and Sync now."""
    return message.action is not Action.NONE and not (
        message.action is Action.RETRY and message.kind in NETWORK_KINDS
    )


class StatusBar(QStatusBar):
    """Profile badge, online indicator, last sync, what it could not update, sync progress with
    Cancel, and Sync now."""

    sync_requested = Signal()
    cancel_requested = Signal()
    problems_requested = Signal()  # the sync problems control was clicked (or pressed)
    message_action = Signal(object)  # UserMessage: its button was pressed, in the bar or its dialog

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] = utc_now,
        tz: tzinfo | None = None,
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._tz = tz  # None: the system's local zone
        self._last_synced: datetime | None = None
        self._environment = ""
        self._message: UserMessage | None = None  # the connection's message (None: online)
        self._offline = False
        self.message_dialog: QDialog | None = None  # the open message dialog, if any
        self.setSizeGripEnabled(False)

        self.badge = QLabel(self)
        self.badge.setAccessibleName(self.tr("Environment"))
        self.badge.setTextFormat(Qt.TextFormat.PlainText)
        self.profile_label = QLabel(self)
        self.profile_label.setAccessibleName(self.tr("Profile"))
        self.profile_label.setTextFormat(Qt.TextFormat.PlainText)

        self.online_dot = QLabel("●", self)
        self.online_dot.setAccessibleName(self.tr("Connection indicator"))
        # The connection's state and, when something is wrong, what: elided, it opens whole.
        self.online_label = MessageLine(self)
        self.online_label.setAccessibleName(self.tr("Connection"))
        self.online_label.clicked.connect(self.open_message)
        self.action_button = QPushButton(self)
        self.action_button.clicked.connect(self._on_action)
        self.action_button.hide()

        self.last_synced_label = QLabel(self)
        self.last_synced_label.setAccessibleName(self.tr("Last synced"))
        self.last_synced_label.setTextFormat(Qt.TextFormat.PlainText)

        # A button, not a label: it opens the list of problems, by mouse or from the keyboard.
        self.problems_button = QPushButton(self)
        self.problems_button.setFlat(True)
        self.problems_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
        self.problems_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.problems_button.setAccessibleName(self.tr("Sync problems"))
        problems_tip = self.tr(
            "Lean's answers for some links could not be used: the app shows its last good copy "
            "of them. Click to see which links and why."
        )
        self.problems_button.setToolTip(_plain_tip(problems_tip))
        self.problems_button.clicked.connect(self.problems_requested)

        self.progress_bar = QProgressBar(self)
        self.progress_bar.setAccessibleName(self.tr("Sync progress"))
        self.progress_bar.setFixedWidth(220)
        self.progress_bar.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel sync"))
        self.cancel_button.setToolTip(self.tr("Stop the sync; everything synced so far is kept"))
        self.cancel_button.clicked.connect(self._on_cancel)

        self.sync_button = QPushButton(self.tr("Sync now"), self)
        self.sync_button.setAccessibleName(self.tr("Sync now"))
        self.sync_button.setToolTip(self.tr("Sync with Lean now (F5)"))
        self.sync_button.clicked.connect(self.sync_requested)

        parts: tuple[QWidget, ...] = (self.badge, self.profile_label, self.online_dot, self.online_label)
        parts += (self.action_button, self.last_synced_label, self.problems_button, self.progress_bar)
        for widget in (*parts, self.cancel_button, self.sync_button):
            self.addPermanentWidget(widget)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._refresh_last_synced)

        self.set_profile("", "custom")
        self.set_online(True)
        self.set_last_synced(None)
        self.set_problems(0, listing=False)
        self.set_progress(None)

    # -- profile ------------------------------------------------------------------------------

    def set_profile(self, name: str, environment: str) -> None:
        """Badge and name; PRODUCTION also draws a red rule along the top of the bar."""
        key = environment.lower() if environment.lower() in BADGES else "custom"
        self._environment = key
        text, background, foreground, tip = BADGES[key]
        text = QCoreApplication.translate("StatusBar", text)
        tip = QCoreApplication.translate("StatusBar", tip)
        self.badge.setText(text)
        weight = "bold"
        self.badge.setStyleSheet(
            f"QLabel {{ background: {background}; color: {foreground}; font-weight: {weight};"
            " padding: 1px 8px; border-radius: 3px; }"
        )
        self.badge.setToolTip(_plain_tip(tip))
        self.badge.setAccessibleDescription(tip)
        self.profile_label.setText(name)
        self.profile_label.setToolTip(
            _plain_tip(self.tr("Profile: {name}").format(name=name) if name else "")
        )
        self.profile_label.setVisible(bool(name))
        if key == "production":
            self.setStyleSheet(f"QStatusBar {{ border-top: 3px solid {background}; }}")
        else:
            self.setStyleSheet("")

    def environment(self) -> str:
        return self._environment

    # -- connection ---------------------------------------------------------------------------

    def set_online(self, online: bool, detail: str = "") -> None:
        """Online, or offline with `detail` (why) in the bar itself; see show_message for more."""
        if online:
            self.show_message(None)
            return
        text = self.tr("Offline — {reason}").format(reason=detail) if detail else self.tr("Offline")
        self._show(None, text, detail or self.tr("Lean cannot be reached: showing the offline cache."), True)

    def show_message(self, message: UserMessage | None) -> None:
        """The connection's state from the catalogue: None is online; a message says what is
        wrong in the bar (its status line), with its headline and advice as the tooltip."""
        if message is None:
            self._show(None, self.tr("Online"), self.tr("Lean answered the last request."), False)
            return
        from linkmanager.ui.dialogs.message_box import translated

        shown = translated(message)
        whole = "\n".join(filter(None, (shown.headline, shown.advice, self.tr("Click for details."))))
        self._show(shown, shown.status, whole, message.offline)

    def _show(self, message: UserMessage | None, text: str, tip: str, offline: bool) -> None:
        """Every part of the state set anew, so nothing of the previous one (a tooltip) stays."""
        if self.message_dialog is not None and message != self._message:
            self.message_dialog.close()  # it spoke of a state that is gone
        self._message = message
        self._offline = offline
        refused = message is not None and message.kind in REFUSALS
        color = (
            ONLINE_COLOR if message is None and not offline else REFUSED_COLOR if refused else OFFLINE_COLOR
        )
        self.online_dot.setStyleSheet(f"QLabel {{ color: {color}; }}")
        self.online_label.set_full_text(text)
        self.online_label.setToolTip(_plain_tip(tip))
        self.online_dot.setToolTip(_plain_tip(tip))
        self.online_label.setAccessibleDescription(tip)
        self.online_label.setCursor(
            Qt.CursorShape.PointingHandCursor if message is not None else Qt.CursorShape.ArrowCursor
        )
        button = message is not None and _has_button(message)
        if message is not None and button:
            from linkmanager.ui.dialogs.message_box import action_text

            self.action_button.setText(action_text(message))
            self.action_button.setAccessibleName(action_text(message))
        self.action_button.setVisible(button)

    def message(self) -> UserMessage | None:
        """The message the bar shows about the connection (translated), None when all is well."""
        return self._message

    def connection_text(self) -> str:
        """The whole line, however much of it the bar can show."""
        return self.online_label.full_text()

    def is_online(self) -> bool:
        return not self._offline

    def open_message(self) -> None:
        """The whole message with its advice, its button and Details (also for what was elided)."""
        if self._message is not None:
            self.open_message_box(self._message)
        elif self.online_label.is_elided():
            whole = self.connection_text()
            self.open_message_box(UserMessage(MessageKind.UNREACHABLE, whole, "", Action.NONE, "", whole))

    def open_message_box(self, message: UserMessage) -> None:
        """A catalogue message in a dialog; its button is emitted as message_action."""
        from linkmanager.ui.dialogs.message_box import MessageDialog, translated

        if self.message_dialog is not None:
            self.message_dialog.close()
        dialog = MessageDialog(self.window(), translated(message))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.action_requested.connect(self.message_action)
        dialog.finished.connect(self._on_dialog_finished)
        self.message_dialog = dialog
        dialog.open()

    def _on_dialog_finished(self, _result: int) -> None:
        self.message_dialog = None

    def _on_action(self) -> None:
        if self._message is not None:
            self.message_action.emit(self._message)

    # -- last sync ----------------------------------------------------------------------------

    def set_last_synced(self, moment: datetime | None) -> None:
        """Shown in local time, in UTC in the tooltip, and re-worded every 30 s ("4 min ago")."""
        self._last_synced = moment
        self._refresh_last_synced()
        if moment is None:
            self._timer.stop()
            self.last_synced_label.setToolTip(_plain_tip(self.tr("No complete sync has finished yet.")))
        else:
            when = f"{moment.astimezone(UTC):%Y-%m-%d %H:%M:%S} UTC"
            tip = self.tr("Last complete sync: {when}").format(when=when)
            self.last_synced_label.setToolTip(_plain_tip(tip))
            self._timer.start()

    def _refresh_last_synced(self) -> None:
        self.last_synced_label.setText(last_synced_text(self._last_synced, self._now(), self._tz))

    # -- what syncs could not update --------------------------------------------------------------

    def set_problems(self, links: int, *, listing: bool) -> None:
        """ "Synced — 2 links could not be updated" (and/or the list of links); hidden when none."""
        counted = self.tr("%Ln link(s) could not be updated", "", links)
        if links and listing:
            text = self.tr("Synced — {links}; part of the list of links could not be read")
        elif links:
            text = self.tr("Synced — {links}")
        elif listing:
            text = self.tr("Synced — part of the list of links could not be read")
        else:
            text = ""
        text = text.format(links=counted)
        self.problems_button.setText(text)
        self.problems_button.setAccessibleDescription(text)
        self.problems_button.setVisible(bool(text))

    def problems_text(self) -> str:
        """What the bar says about problems ("" when there is nothing to say)."""
        return self.problems_button.text() if not self.problems_button.isHidden() else ""

    # -- progress -----------------------------------------------------------------------------

    def set_progress(self, progress: SyncProgress | None) -> None:
        """None hides the bar and Cancel; counts show link pages first, then links' payments."""
        syncing = progress is not None
        self.progress_bar.setVisible(syncing)
        self.cancel_button.setVisible(syncing)
        self.sync_button.setEnabled(not syncing)
        if progress is None:
            self.cancel_button.setEnabled(True)
            self.cancel_button.setText(self.tr("Cancel"))
            self.progress_bar.reset()
            return
        bar = self.progress_bar
        pages_total = progress.link_pages_total
        usages_total = progress.usage_links_total
        if pages_total is None:
            bar.setRange(0, 0)  # busy until the first page says how many there are
            bar.setFormat(self.tr("Reading links…"))
        elif usages_total is None or progress.link_pages_done < pages_total:
            bar.setRange(0, max(pages_total, 1))
            bar.setValue(min(progress.link_pages_done, pages_total))
            bar.setFormat(self.tr("Links: page %v of %m"))  # the bar writes in its value and its maximum
        else:
            bar.setRange(0, max(usages_total, 1))
            bar.setValue(min(progress.usage_links_done, usages_total) if usages_total else 1)
            done = f"{progress.usage_links_done:,}"
            bar.setFormat(self.tr("Payments: {done} of %Ln link(s)", "", usages_total).format(done=done))
        bar.setAccessibleDescription(bar.text())

    def _on_cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Cancelling…"))
        self.cancel_requested.emit()
