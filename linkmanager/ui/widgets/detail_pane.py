"""The selected link in full: what Lean holds, how fresh it is, its QR code, Disable/Enable, its usages.

Everything the server sent is plain text. Times are local with their offset, written as in every
view (domain.lifecycle.moment_text), with UTC one hover away. The status is
the *effective* one (a cached ACTIVE link past its expiry shows as expired), so the Disable/Enable
button never offers what Lean would refuse; the lead's controller confirms and runs the change.
A link a sync could not update says so under its status (detail_problems); the usages section
is its own widget (detail_usages), and so is the link's timeline (link_timeline).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, tzinfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from linkmanager.domain import display
from linkmanager.domain.lifecycle import (
    check_status_change,
    effective_status,
    moment_text,
    qr_use,
)
from linkmanager.domain.models import IdentifierConfig, PaymentLink, Usage
from linkmanager.domain.money import format_money
from linkmanager.domain.outcome import collected_summary
from linkmanager.domain.status import LinkStatus, purpose_meaning
from linkmanager.services.link_timeline import LinkTimeline
from linkmanager.services.workspace import CachedLink, PrintSummary, SyncProblem
from linkmanager.ui.models.status_style import dot_icon, link_status_color
from linkmanager.ui.widgets.copy_field import (
    EMPTY,
    CopyField,
    muted,
    plain_label,
    plain_tooltip,
    status_text,
    when_text,
)
from linkmanager.ui.widgets.detail_actions import DetailActions
from linkmanager.ui.widgets.detail_identifiers import show_identifiers
from linkmanager.ui.widgets.detail_problems import ProblemNotice
from linkmanager.ui.widgets.detail_usages import UsagesSection, show_time, styled
from linkmanager.ui.widgets.link_timeline import LinkTimelineView
from linkmanager.ui.widgets.print_note import PrintNoteLabel
from linkmanager.ui.widgets.qr_panel import QrPanel

REFRESH_MS = 60_000  # relative times ("in 3 days", "3 min ago") and the effective status age


class DetailPane(QWidget):
    """Details of one link (accessible name "Link details"); see the module docstring."""

    toggle_requested = Signal(str, object)  # (link_id, target LinkStatus)
    usage_activated = Signal(str)  # usage_id
    problems_outdated = Signal()  # a link shown was read cleanly after its problem: re-read the list
    usages_shown = Signal(str)  # link_id: its usages are in the table (the search marks its matches)

    def __init__(
        self, now: Callable[[], datetime], parent: QWidget | None = None, *, tz: tzinfo | None = None
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Link details"))
        self._now = now
        self._tz = tz  # None: the system's zone, looked up each time (it can change while running)
        self._cached: CachedLink | None = None
        self._writable = True
        self._write_reason = ""
        self._shown_identifiers: tuple[IdentifierConfig, ...] | None = None
        self._problems: Mapping[str, Sequence[SyncProblem]] = {}
        self._outdated_told: set[tuple[str, datetime | None]] = set()
        self.print_summary: PrintSummary | None = None  # the shown link's, once read (show_prints)

        self.placeholder = muted(
            plain_label(self.tr("Select a link to see its details, QR code and usages."))
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self._stack = QStackedWidget()
        self._stack.addWidget(self.placeholder)
        self._stack.addWidget(self._build_content())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)

        self._clock = QTimer(self)
        self._clock.setInterval(REFRESH_MS)
        self._clock.timeout.connect(self._refresh)
        self._clock.start()
        self.show_link(None)

    # -- building ----------------------------------------------------------------------------------

    def _build_content(self) -> QWidget:
        self.title = styled(plain_label(selectable=True), scale=1.35)
        self.title.setWordWrap(True)
        self.toggle_button = QPushButton(self.tr("Disable"))
        self.toggle_button.clicked.connect(self.request_toggle)
        self.status_dot = QLabel()
        self.status_label = styled(plain_label())
        self.confirmed_label = muted(plain_label())
        self.confirmed_label.setWordWrap(True)  # a full time and how long ago: wraps in a narrow pane
        self.warning_label = plain_label()
        self.warning_label.setWordWrap(True)
        self.problem_label = ProblemNotice()

        head = QGridLayout()
        head.addWidget(self.title, 0, 0, 1, 4)
        head.addWidget(self.toggle_button, 0, 4, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.status_dot, 1, 0)
        head.addWidget(self.status_label, 1, 1)
        head.addWidget(self.confirmed_label, 1, 2, 1, 2)
        self._head = head
        head.setColumnStretch(2, 1)
        head.addWidget(self.warning_label, 2, 0, 1, 5)
        head.addWidget(self.problem_label, 3, 0, 1, 5)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.amount_label = styled(plain_label(selectable=True))
        self.reference_label = plain_label(selectable=True)
        self.usages_count_label = plain_label()
        self.expires_label = plain_label(selectable=True)
        self.url_field = CopyField(self.tr("Link URL"), copy_name=self.tr("Copy link URL"), inline=True)
        self.link_id_field = CopyField(self.tr("Link ID"), inline=True)
        self.customer_field = CopyField(self.tr("Customer ID"), inline=True)
        self.redirect_field = CopyField(self.tr("Redirect URL"), inline=True)
        self.purpose_label = plain_label(selectable=True)
        self.destination_field = CopyField(self.tr("Destination ID"), inline=True)
        rows: tuple[tuple[str, QWidget], ...] = (
            (self.tr("Amount"), self.amount_label),
            (self.tr("Reference"), self.reference_label),
            (self.tr("Payments"), self.usages_count_label),
            (self.tr("Expires"), self.expires_label),
            (self.tr("Link URL"), self.url_field),
            (self.tr("Link ID"), self.link_id_field),
            (self.tr("Customer ID"), self.customer_field),
            (self.tr("Redirect URL"), self.redirect_field),
            (self.tr("Purpose"), self.purpose_label),
            (self.tr("Destination"), self.destination_field),
        )
        for text, widget in rows:
            self.form.addRow(muted(plain_label(text)), widget)
            if isinstance(widget, QLabel):
                widget.setWordWrap(True)

        self.qr = QrPanel()
        self.prints_label = PrintNoteLabel()  # "QR printed 3 times, last 12 May"; hidden if never
        self.identifiers_box = QWidget()
        self.identifiers_grid = QGridLayout(self.identifiers_box)
        self.identifiers_grid.setContentsMargins(0, 0, 0, 0)
        self.identifiers_grid.setHorizontalSpacing(12)

        details = QWidget()
        column = QVBoxLayout(details)
        column.addLayout(head)
        column.addWidget(_rule())
        column.addLayout(self.form)
        column.addWidget(_rule())
        column.addWidget(_heading(self.tr("QR code")))
        column.addWidget(self.qr)
        column.addWidget(self.prints_label)
        column.addWidget(_rule())
        column.addWidget(_heading(self.tr("Asked of the payer")))
        column.addWidget(self.identifiers_box)
        column.addWidget(_rule())
        self.timeline = LinkTimelineView()  # read on a worker by the controller (show_timeline)
        self.timeline.usage_activated.connect(self.usage_activated)
        column.addWidget(self.timeline)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop: it scrolls to the control focused
        scroll.setWidget(details)
        self.scroll_area = scroll

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(scroll)
        self.usages = UsagesSection()
        self.usages.usage_activated.connect(self.usage_activated)
        # The section's parts, by the names the window, its controllers and the tests use.
        self.usages_title, self.usages_asof = self.usages.title, self.usages.asof
        self.usages_loading, self.usages_view = self.usages.loading, self.usages.view
        self.usages_model = self.usages.model
        self.link_actions = DetailActions(self, self.toggle_button)  # also the menus' and the keys'
        splitter.addWidget(self.usages)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        return splitter

    # -- public ------------------------------------------------------------------------------------

    def add_head_action(self, action: QAction) -> QToolButton:
        """A button under Disable/Enable for a window action (Duplicate as new link…): the next
        step for an expired or used link. Text, tooltip and enabled state follow the action."""
        button = QToolButton()
        button.setDefaultAction(action)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
        self._head.addWidget(button, 1, 4, Qt.AlignmentFlag.AlignTop)
        self.link_actions.head_buttons.append(button)  # after Disable/Enable in the Tab order
        return button

    def show_link(self, cached: CachedLink | None) -> None:
        """Show `cached` (None: the placeholder). The same link again keeps its usages and selection."""
        previous = self._cached.link.id if self._cached else None
        self._cached = cached
        if cached is None:
            self._stack.setCurrentIndex(0)
            self.link_actions.clear()
            self.timeline.set_link(None)
            self.usages.set_usages(None, [])
            self.usages_loading.hide()
            return
        if cached.link.id != previous:
            self.show_prints(cached.link.id, None)
            self.timeline.set_link(cached.link.id)
            self.usages.set_usages(cached.link.id, [])
            self.usages.show_collected(None, cached.link.amount)
            self.usages_loading.hide()
        self._stack.setCurrentIndex(1)
        self._refresh()

    def current_link_id(self) -> str | None:
        return self._cached.link.id if self._cached else None

    def show_usages(self, link_id: str, usages: Sequence[Usage]) -> None:
        """Usages of `link_id`; an answer for a link no longer shown is dropped."""
        if self._cached is None or link_id != self._cached.link.id:
            return
        self.usages.set_usages(link_id, usages)
        self.usages_shown.emit(link_id)
        self._show_usage_count(len(usages))
        link = self._cached.link
        self.usages.show_collected(
            collected_summary(usages, link.amount.amount, link.max_usages), link.amount
        )

    def show_prints(self, link_id: str, summary: PrintSummary | None, error: str = "") -> None:
        """What the print register holds for `link_id` (None: not read yet); `error` when it
        could not be read. An answer for a link no longer shown is dropped."""
        if self._cached is None or link_id != self._cached.link.id:
            return
        self.print_summary = summary
        self.prints_label.show_summary(summary, self._now(), self._zone(), error)

    def show_timeline(self, timeline: LinkTimeline) -> None:
        """The link's timeline (services.link_timeline); one of a link no longer shown is dropped."""
        self.timeline.show_timeline(timeline, self._zone())

    def set_usages_loading(self, loading: bool) -> None:
        self.usages_loading.setVisible(loading and self._cached is not None)

    def set_problems(self, problems: Mapping[str, Sequence[SyncProblem]]) -> None:
        """What syncs could not update, by link id (the window reads them off the GUI thread)."""
        self._problems = problems
        if self._cached is not None:
            self._show_problems(self._cached, self._now(), self._zone())

    def set_writable(self, writable: bool, reason: str = "") -> None:
        """Offline or busy: the toggle is disabled and says why."""
        self._writable = writable
        self._write_reason = reason
        if self._cached is not None:
            self.link_actions.show_link(self._cached.link, self._now(), self._zone(), writable, reason)

    # -- rendering ---------------------------------------------------------------------------------

    def _zone(self) -> tzinfo | None:
        """The zone times are shown in; None: the workstation's, as it is at each moment (DST)."""
        return self._tz

    def _refresh(self) -> None:
        cached = self._cached
        if cached is None:
            return
        link, now, zone = cached.link, self._now(), self._zone()
        self.title.setText(display.outside_text(link.display_name))  # a U+202E is shown, never obeyed
        self._show_status(cached, now, zone)
        self.amount_label.setText(format_money(link.amount))
        self.reference_label.setText(display.outside_text(link.reference) or EMPTY)
        used = f"{link.current_usages:,}"
        if link.max_usages is not None:
            self.usages_count_label.setText(f"{used} / {link.max_usages:,}")
        else:
            self.usages_count_label.setText(self.tr("{count} (no limit)").format(count=used))
        self.usages_count_label.setToolTip(self.tr("Successful payments / the link's limit"))
        expires = link.expires_at
        show_time(self.expires_label, when_text(expires, now, zone) if expires else self.tr("Never"), expires)
        self.url_field.set_value(link.url)
        self.link_id_field.set_value(link.id)
        self._set_row(self.customer_field, link.customer_id)
        self._set_row(self.redirect_field, link.redirect_url)
        self._set_row(self.destination_field, link.payment_details.destination_id)
        purpose = link.payment_details.payment_purpose
        words = purpose_meaning(purpose) if purpose else ""  # in the interface's language
        self.purpose_label.setText(f"{words} ({purpose})" if purpose else "")
        self.form.setRowVisible(self.purpose_label, bool(purpose))
        use = qr_use(link, now)
        refusal = check_status_change(link, LinkStatus.ACTIVE, now, zone).reason
        self.qr.show_qr(link, use, refusal)
        self._show_identifiers(link)
        self.link_actions.show_link(link, now, zone, self._writable, self._write_reason)
        self._show_usage_count(None)

    def _set_row(self, field: CopyField, value: str | None) -> None:
        field.set_value(value)
        self.form.setRowVisible(field, bool(value))

    def _show_status(self, cached: CachedLink, now: datetime, zone: tzinfo | None) -> None:
        link = cached.link
        status = effective_status(link, now)
        self.status_label.setText(status_text(status))
        self.status_dot.setPixmap(dot_icon(link_status_color(status)).pixmap(16, 16))
        why = ""
        if status != link.status:
            why = self.tr("Lean last said {said}; the app judges it {judged} now.").format(
                said=status_text(link.status).lower(), judged=status_text(status).lower()
            )
        self.status_label.setToolTip(plain_tooltip(why))
        confirmed = cached.confirmed_at
        said = self.tr("Confirmed by Lean {when}").format(when=when_text(confirmed, now, zone))
        show_time(self.confirmed_label, said, confirmed)
        missing = cached.missing_since
        self.warning_label.setVisible(missing is not None)
        if missing is not None:
            self.warning_label.setText(
                self.tr(
                    "Lean's list of links has not included this link since {when}; "
                    "what is shown is the last copy the app has."
                ).format(when=moment_text(missing, zone))
            )
        self._show_problems(cached, now, zone)

    def _show_problems(self, cached: CachedLink, now: datetime, zone: tzinfo | None) -> None:
        link_id = cached.link.id
        problems = self._problems.get(link_id, ())
        if self.problem_label.show_problems(cached, problems, now, zone):
            told = {(link_id, p.seen_at) for p in problems}
            if not told <= self._outdated_told:  # once per problem met: never a loop of re-reads
                self._outdated_told |= told
                self.problems_outdated.emit()

    def _show_identifiers(self, link: PaymentLink) -> None:
        if self._shown_identifiers == link.identifiers:
            return  # the minute's refresh: nothing to rebuild
        self._shown_identifiers = link.identifiers
        show_identifiers(self.identifiers_grid, link.identifiers)

    def _show_usage_count(self, count: int | None) -> None:
        if self._cached is not None:
            self.usages.show_count(count, self._cached.usages_confirmed_at, self._now(), self._zone())

    # -- Disable / Enable --------------------------------------------------------------------------

    def request_toggle(self) -> None:
        """Disable/Enable (the button, its menu entry and shortcut): the window confirms and runs it."""
        target = self.link_actions.toggle_to
        if self._cached is not None and target is not None:
            self.toggle_requested.emit(self._cached.link.id, target)


def _heading(text: str) -> QLabel:
    return styled(plain_label(text))


def _rule() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line
