"""One link on the counter display: the display, the operator's panel and the watch, together.

The watcher's events become what the customer sees: a collected usage "Paid", a failed one "not
completed", a pending one "pending with the bank"; the link turning USED, EXPIRED or DISABLED
(or its expiry passing on the local clock) blanks the code. Each usage is acted on once per
outcome, so a watcher that reports a usage again changes nothing on screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from linkmanager.domain.display import digits
from linkmanager.domain.lifecycle import offset_text
from linkmanager.domain.models import PaymentLink, Usage
from linkmanager.domain.money import format_money
from linkmanager.domain.outcome import Outcome, outcome_of
from linkmanager.domain.status import LinkStatus, UsageStatus
from linkmanager.ui.counter.counter_display import CounterDisplay
from linkmanager.ui.counter.operator_panel import OperatorPanel
from linkmanager.ui.counter.watch_adapter import WatchAdapter
from linkmanager.ui.text import isolated

if TYPE_CHECKING:
    from linkmanager.services.watch import WatchEvent

logger = logging.getLogger(__name__)

CLOSING_STATUSES = frozenset({LinkStatus.USED, LinkStatus.EXPIRED, LinkStatus.DISABLED})
DAY_MS = 24 * 3600 * 1000  # a QTimer holds ~24 days at most: a far expiry is looked at daily


def clock_text(moment: datetime, zone: tzinfo | None) -> str:
    """ "14:02:11 +04:00": a time of today, to the second, with its offset; isolated, so that in
    an Arabic sentence the offset stays beside its time."""
    local = moment.astimezone(zone)
    return isolated(digits(f"{local:%H:%M:%S}\u00a0{offset_text(local.utcoffset())}"))  # one unbreakable unit


class CounterSession(QObject):
    """See the module docstring. `now` is the workspace's clock (UTC)."""

    ended = Signal()  # the display was closed and the watch asked to stop

    def __init__(
        self,
        link: PaymentLink,
        display: CounterDisplay,
        panel: OperatorPanel,
        adapter: WatchAdapter,
        now: Callable[[], datetime],
        *,
        zone: tzinfo | None = None,
        chime: Callable[[], None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.link = link
        self.display = display
        self.panel = panel
        self.adapter = adapter
        self.sound = True
        self._now = now
        self._zone = zone
        self._chime = chime
        self._outcomes: dict[str, Outcome] = {}  # usage id -> the outcome last acted on
        self._created: set[str] = set()  # usages that count toward the link's limit
        self._pending: str | None = None
        self._unreachable_since: datetime | None = None
        self._closed = False
        self._expiry = QTimer(self, singleShot=True)
        self._expiry.timeout.connect(self._check_expiry)
        adapter.started.connect(self._on_started)
        adapter.failed.connect(self._on_failed)
        adapter.seen.connect(self._on_event)
        adapter.checked.connect(self._on_checked)
        panel.set_watch_text(self.tr("Starting to watch the link…"))
        self._check_expiry()

    # -- the watch ---------------------------------------------------------------------------------

    def _on_started(self, link: PaymentLink) -> None:
        self.link = link
        self.panel.set_watch_text(self.tr("Watching"))
        self._check_expiry()

    def _on_failed(self, error: BaseException) -> None:
        self.panel.set_watch_text(self.tr("Not watching: {reason}").format(reason=self.reason(error)))

    def _on_checked(self, moment: datetime) -> None:
        if self._unreachable_since is None:
            self.panel.set_watch_text(
                self.tr("Watching — last checked {time}").format(time=clock_text(moment, self._zone))
            )

    def handle(self, event: WatchEvent) -> None:
        """One event from the watcher (tests feed them here directly too)."""
        self._on_event(event)

    def _on_event(self, event: WatchEvent) -> None:
        if event.kind in ("usage", "usage_changed") and event.usage is not None:
            self._on_usage(event.usage, event.seen_at)
        elif event.kind == "link_status" and event.status is not None:
            self._on_status(event.status)
        elif event.kind == "unreachable":
            self._unreachable_since = self._unreachable_since or event.seen_at
            self.panel.set_watch_text(
                self.tr("Not reaching Lean since {time} — retrying").format(
                    time=clock_text(self._unreachable_since, self._zone)
                )
            )
        elif event.kind == "reachable":
            self._unreachable_since = None
            self._on_checked(event.seen_at)

    def _on_usage(self, usage: Usage, seen_at: datetime) -> None:
        outcome = outcome_of(usage.usage_status, usage.payment_status, usage.payment_id)
        if self._outcomes.get(usage.usage_id) == outcome:
            return  # reported again: acted on already
        self._outcomes[usage.usage_id] = outcome
        if usage.usage_status == UsageStatus.PAYMENT_CREATED:
            self._created.add(usage.usage_id)
        when = clock_text(seen_at, self._zone)
        amount = format_money(self.link.amount)
        if outcome == Outcome.COLLECTED:
            self._pending = None if self._pending == usage.usage_id else self._pending
            self.display.show_paid(self.link.amount, uses_left=self._uses_left())
            self.panel.add_payment(self.tr("{time} Paid {amount}").format(time=when, amount=amount))
            if self.sound:
                self._chime()
        elif outcome == Outcome.FAILED:
            if self._pending == usage.usage_id:
                self._pending = None
            self.display.show_failed()
            self.panel.add_payment(self.tr("{time} Not completed").format(time=when))
        elif outcome == Outcome.PENDING:
            self._pending = usage.usage_id
            self.display.show_pending()
            self.panel.add_payment(self.tr("{time} Pending with the bank").format(time=when))
        elif self._pending == usage.usage_id:  # expired or undocumented: no longer pending
            self._pending = None
            self.display.pending_ended()

    def _uses_left(self) -> bool:
        """Whether the link takes another payment after the ones seen (Lean counts every usage
        that reached PAYMENT_CREATED toward max_usages)."""
        limit = self.link.max_usages
        return limit is None or self.link.current_usages + len(self._created) < limit

    def _on_status(self, status: str) -> None:
        if status in CLOSING_STATUSES:
            self._close_code()
        elif status == LinkStatus.ACTIVE and self._closed:  # enabled again while the display is up
            self._closed = False
            self.display.show_code()

    def _close_code(self) -> None:
        self._closed = True
        self._expiry.stop()
        self.display.show_closed()

    def _check_expiry(self) -> None:
        """Blank the code at expires_at by the local clock, whatever the next poll says."""
        expires = self.link.expires_at
        if expires is None or self._closed:
            return
        left = expires - self._now()
        if left <= timedelta(0):
            self._close_code()
        else:
            self._expiry.start(min(DAY_MS, int(left.total_seconds() * 1000) + 1))

    # -- the operator ------------------------------------------------------------------------------

    def set_sound(self, on: bool) -> None:
        self.sound = on

    def stop(self) -> None:
        """Close the display and the panel, and ask the watch to stop (it ends after its round)."""
        self._expiry.stop()
        self.adapter.stop()
        for widget in (self.display, self.panel):
            widget.blockSignals(True)
            widget.close()
        self.ended.emit()

    def reason(self, error: BaseException) -> str:
        """One sentence for why the watch could not go on (the watcher's own, or the catalogue's)."""
        from linkmanager.services.messages import MessageContext, message_for
        from linkmanager.services.watch import WatchError

        if isinstance(error, WatchError):
            return str(error)
        message = message_for(error, MessageContext())
        return " ".join(filter(None, (message.headline, message.advice)))
