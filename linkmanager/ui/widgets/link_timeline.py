"""The link's timeline in the detail pane: services.link_timeline's events, newest first, as text.

A QTreeWidget rather than labels: item texts are never read as markup, it is one Tab stop with
arrow keys inside, and a screen reader reads it as a table. Times are local with their offset
(domain.lifecycle.moment_text), UTC one hover away. Names, reasons and Lean's messages are shown as
text, their directional controls made visible (domain.display.outside_text). The latest events come
first; "Show all" asks the controller for the rest. A payment's row opens it in the drawer.
"""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from linkmanager.domain import display
from linkmanager.domain.lifecycle import moment_text, utc_text
from linkmanager.domain.money import format_money
from linkmanager.domain.status import LinkStatus
from linkmanager.services.link_timeline import TIMELINE_LIMIT, LinkTimeline, TimelineEvent, TimelineKind
from linkmanager.services.workspace import JournalEntry, PrintRecord
from linkmanager.ui.widgets.copy_field import muted, plain_label, plain_tooltip, status_text
from linkmanager.ui.widgets.detail_usages import styled
from linkmanager.ui.widgets.outcome_legend import outcome_label

USAGE_ROLE = Qt.ItemDataRole.UserRole + 1  # a payment's usage id, for the drawer
MAX_ROWS_TALL = 12  # the list grows with its rows up to this many, then scrolls


def _status(value: str | None) -> str:
    """A link status in words; one Lean has not documented, as it came; unknown: "?"."""
    return status_text(LinkStatus(value)) if value else "?"


def _text(value: str) -> str:
    return display.outside_text(value)


def _action_text(entry: JournalEntry) -> tuple[str, str]:
    """(what, details) of a journalled change: who asked for what, Lean's answer, and why."""
    draft = entry.draft
    who = _text(entry.user) or QCoreApplication.translate("LinkTimeline", "an unknown user")
    words = {
        ("disable", "done"): QCoreApplication.translate("LinkTimeline", "Disabled here by {user}"),
        ("enable", "done"): QCoreApplication.translate("LinkTimeline", "Enabled here by {user}"),
        ("create", "done"): QCoreApplication.translate("LinkTimeline", "Created here by {user}"),
        ("disable", "refused"): QCoreApplication.translate(
            "LinkTimeline", "Disable by {user} refused before sending"
        ),
        ("enable", "refused"): QCoreApplication.translate(
            "LinkTimeline", "Enable by {user} refused before sending"
        ),
        ("create", "refused"): QCoreApplication.translate(
            "LinkTimeline", "Create by {user} refused before sending"
        ),
        ("disable", "failed"): QCoreApplication.translate("LinkTimeline", "Disable by {user} failed"),
        ("enable", "failed"): QCoreApplication.translate("LinkTimeline", "Enable by {user} failed"),
        ("create", "failed"): QCoreApplication.translate("LinkTimeline", "Create by {user} failed"),
    }
    what = words.get(
        (draft.action, draft.outcome),
        QCoreApplication.translate("LinkTimeline", "{action} by {user}: {outcome}"),
    )
    what = what.format(user=who, action=draft.action, outcome=draft.outcome)
    parts: list[str] = []
    if draft.reason:
        parts.append(
            QCoreApplication.translate("LinkTimeline", "Reason: {reason}").format(reason=_text(draft.reason))
        )
    if draft.outcome == "done" and draft.status_before and draft.status_after:
        parts.append(
            QCoreApplication.translate("LinkTimeline", "{before} → {after}").format(
                before=_status(draft.status_before), after=_status(draft.status_after)
            )
        )
    if draft.http_status is not None:
        parts.append(QCoreApplication.translate("LinkTimeline", "HTTP {code}").format(code=draft.http_status))
    if draft.message:
        parts.append(_text(draft.message))
    if draft.request_id:
        parts.append(
            QCoreApplication.translate("LinkTimeline", "Request ID {id}").format(id=draft.request_id)
        )
    if draft.batch:
        parts.append(QCoreApplication.translate("LinkTimeline", "Part of a bulk action"))
    return what, " · ".join(parts)


def _print_text(record: PrintRecord) -> tuple[str, str]:
    if record.kind == "qr_file":
        what = QCoreApplication.translate("LinkTimeline", "QR code saved as {format}").format(
            format=record.template.upper()
        )
    elif record.kind == "pdf":
        what = QCoreApplication.translate("LinkTimeline", "%n item(s) saved to PDF", "", record.copies)
    else:
        what = QCoreApplication.translate("LinkTimeline", "%n item(s) printed", "", record.copies)
    details = _text(record.where)
    if record.user:
        details = QCoreApplication.translate("LinkTimeline", "{where} · by {user}").format(
            where=details, user=_text(record.user)
        )
    return what, details


def event_texts(event: TimelineEvent) -> tuple[str, str]:
    """(what happened, details) of one event, translated, for one row of the list."""
    kind = event.kind
    if kind == TimelineKind.FIRST_SEEN:
        return QCoreApplication.translate("LinkTimeline", "First seen by this workstation"), _status(
            event.status_after
        )
    if kind == TimelineKind.STATUS:
        what = QCoreApplication.translate("LinkTimeline", "Status changed: {before} → {after}").format(
            before=_status(event.status_before), after=_status(event.status_after)
        )
        return what, QCoreApplication.translate("LinkTimeline", "Seen by a sync, not done here")
    if kind == TimelineKind.PAYMENT and event.outcome is not None:
        amount = format_money(event.amount) if event.amount is not None else ""
        what = QCoreApplication.translate("LinkTimeline", "Payment: {outcome} {amount}").format(
            outcome=outcome_label(event.outcome), amount=amount
        )
        details = QCoreApplication.translate("LinkTimeline", "Usage {id}").format(id=event.usage_id or "?")
        if event.seen_before:
            details = QCoreApplication.translate(
                "LinkTimeline", "{usage} · made before this workstation first looked"
            ).format(usage=details)
        return what.strip(), details
    if kind == TimelineKind.PAYMENT_MOVED and event.outcome is not None:
        before = outcome_label(event.outcome_before) if event.outcome_before is not None else "?"
        what = QCoreApplication.translate("LinkTimeline", "Payment moved: {before} → {after}").format(
            before=before, after=outcome_label(event.outcome)
        )
        statuses = f"{event.status_before} / {event.payment_before or '-'} → "
        statuses += f"{event.status_after} / {event.payment_after or '-'}"
        return what, QCoreApplication.translate("LinkTimeline", "Usage {id}").format(
            id=event.usage_id or "?"
        ) + " · " + _text(statuses)
    if kind == TimelineKind.ACTION and event.entry is not None:
        return _action_text(event.entry)
    if kind == TimelineKind.PRINT and event.record is not None:
        return _print_text(event.record)
    return kind.value, ""


class LinkTimelineView(QWidget):
    """Heading, a note (reading, left out, could not read), the list, and "Show all"."""

    show_all_requested = Signal(str)  # link_id
    usage_activated = Signal(str)  # usage_id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Link timeline"))
        self._link_id: str | None = None
        self.whole = False  # "Show all" was asked for this link: refreshes read it all too
        self.heading = styled(plain_label(self.tr("Timeline")))
        self.note = muted(plain_label())
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("About the timeline"))
        self.view = QTreeWidget()
        self.view.setAccessibleName(self.tr("Timeline events"))
        self.view.setHeaderLabels([self.tr("When"), self.tr("Event"), self.tr("Details")])
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        # Long details (a reason, Lean's message) end in "…" with the whole text one hover away: the
        # pane scrolls up and down, never sideways.
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.itemActivated.connect(self._on_activated)
        self.show_all_button = QPushButton(self.tr("Show all"))
        self.show_all_button.setAccessibleName(self.tr("Show the whole timeline"))
        self.show_all_button.clicked.connect(self._on_show_all)
        self.show_all_button.hide()
        bottom = QHBoxLayout()
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.show_all_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.view)
        layout.addLayout(bottom)
        self.setTabOrder(self.view, self.show_all_button)
        self.set_link(None)

    def focus_order(self) -> list[QWidget]:
        """Its controls in Tab order (for DetailActions.focus_order, between the QR's and the usages)."""
        return [self.view, self.show_all_button]

    def link_id(self) -> str | None:
        return self._link_id

    def set_link(self, link_id: str | None) -> None:
        """A new link is shown: its timeline is being read (None: no link)."""
        if link_id == self._link_id and link_id is not None:
            return
        self._link_id = link_id
        self.whole = False
        self.view.clear()
        self.show_all_button.hide()
        self.note.setText(self.tr("Reading the timeline…") if link_id else "")
        self._fit()

    def show_timeline(self, timeline: LinkTimeline, zone: tzinfo | None) -> None:
        """`timeline`'s events in `zone` (None: the workstation's); one of another link is dropped."""
        if timeline.link_id != self._link_id:
            return
        current = self.view.currentItem()
        kept = self.view.indexOfTopLevelItem(current) if current is not None else -1
        self.view.clear()
        items = [self._item(event, zone) for event in timeline.events]
        self.view.addTopLevelItems(items)
        if 0 <= kept < len(items):
            self.view.setCurrentItem(items[kept])  # a refresh keeps the place of the keyboard
        for column in range(2):  # the details take what is left
            self.view.resizeColumnToContents(column)
        notes: list[str] = []
        if not timeline.events:
            notes.append(self.tr("Nothing recorded for this link yet."))
        if not timeline.complete:
            notes.append(self.tr("Showing the latest {count} events.").format(count=len(timeline.events)))
        notes += [self.tr("Left out: {problem}").format(problem=problem) for problem in timeline.problems]
        self.note.setText("\n".join(notes))
        self.show_all_button.setVisible(not timeline.complete)
        self._fit()

    def show_error(self, link_id: str, error: str) -> None:
        if link_id != self._link_id:
            return
        self.view.clear()
        self.show_all_button.hide()
        self.note.setText(self.tr("The timeline could not be read: {error}").format(error=error))
        self._fit()

    def _item(self, event: TimelineEvent, zone: tzinfo | None) -> QTreeWidgetItem:
        what, details = event_texts(event)
        item = QTreeWidgetItem([moment_text(event.at, zone), what, details])
        item.setToolTip(0, plain_tooltip(utc_text(event.at)))
        item.setToolTip(1, plain_tooltip(what))
        item.setToolTip(2, plain_tooltip(details))
        if event.usage_id is not None:
            item.setData(0, USAGE_ROLE, event.usage_id)
        return item

    def _fit(self) -> None:
        """As tall as its rows (a few at least, MAX_ROWS_TALL at most): the pane scrolls, not the list."""
        rows = min(max(self.view.topLevelItemCount(), 3), MAX_ROWS_TALL)
        row = (
            self.view.sizeHintForRow(0) if self.view.topLevelItemCount() else self.fontMetrics().height() + 6
        )
        header = self.view.header().sizeHint().height()
        self.view.setFixedHeight(header + rows * max(row, 1) + 2 * self.view.frameWidth() + 4)

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        usage_id = item.data(0, USAGE_ROLE)
        if isinstance(usage_id, str):
            self.usage_activated.emit(usage_id)

    def _on_show_all(self) -> None:
        if self._link_id is not None:
            self.whole = True
            self.show_all_requested.emit(self._link_id)


__all__ = ["MAX_ROWS_TALL", "TIMELINE_LIMIT", "USAGE_ROLE", "LinkTimelineView", "event_texts"]
