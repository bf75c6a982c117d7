"""What a sync could not bring up to date, said where the link is shown, and the times it names.

A sync that meets a bad answer for a link keeps what was cached and records a problem; until a
later sync reads the link cleanly, the detail pane says so under the link's status:
"Not updated since 05 Dec 2026 14:02 +04:00 (3 min ago): <Lean's sentence> What is shown is Lean's
last answer, confirmed 05 Dec 2026 13:40 +04:00." Times are local with their UTC offset, written as
everywhere (domain.lifecycle.moment_text); UTC is in the tooltip.
The engine's sentence can quote what Lean sent: it is plain text, isolated for bidi.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from linkmanager.domain.lifecycle import moment_text
from linkmanager.domain.lifecycle import utc_text as utc_text  # the sync problems dialog's too
from linkmanager.services.workspace import CachedLink, SyncProblem
from linkmanager.ui.models.status_style import AMBER
from linkmanager.ui.text import LEFT_TO_RIGHT, isolated
from linkmanager.ui.widgets.copy_field import plain_tooltip, when_text

# The one kind that is about the link's own record (the listing); every other kind of a link is
# about its usages, and a clean read of its usages ends it (storage.cache_sync.clear_link_problems).
LINK_RECORD_KIND = "link-malformed"
# The sentences below are in the context "SyncProblems", shared with the sync problems dialog.


def outdated(problem: SyncProblem, cached: CachedLink) -> bool:
    """The link's usages were read cleanly after the problem was last met (opening the link reads
    them): the cache has dropped it already, and the window's copy of the list is behind."""
    if problem.what == LINK_RECORD_KIND or problem.seen_at is None:
        return False
    confirmed = cached.usages_confirmed_at
    return confirmed is not None and confirmed > problem.seen_at


def notice_text(cached: CachedLink, problems: Sequence[SyncProblem], now: datetime, tz: tzinfo | None) -> str:
    """The sentence under the status for a link with problems ("" for none)."""
    if not problems:
        return ""
    starts = [m for m in (p.since or p.seen_at for p in problems) if m is not None]
    details = " ".join(dict.fromkeys(p.detail.strip() for p in problems if p.detail.strip()))
    detail = (
        isolated(details)
        if details
        else QCoreApplication.translate("SyncProblems", "Lean's answer could not be used.")
    )
    if starts:
        since = min(starts)
        head = QCoreApplication.translate("SyncProblems", "Not updated since {when}:").format(
            when=when_text(since, now, tz)
        )
    else:
        head = QCoreApplication.translate("SyncProblems", "Not updated:")
    about_usages = any(p.what != LINK_RECORD_KIND for p in problems)
    confirmed = cached.usages_confirmed_at if about_usages else cached.confirmed_at
    if confirmed is not None:
        tail = QCoreApplication.translate(
            "SyncProblems", "What is shown is Lean's last answer, confirmed {when}."
        ).format(when=moment_text(confirmed, tz))
    else:
        tail = QCoreApplication.translate("SyncProblems", "Its usages have not been read from Lean yet.")
    return f"{LEFT_TO_RIGHT}{head} {detail} {tail}"


def notice_tooltip(cached: CachedLink, problems: Sequence[SyncProblem]) -> str:
    lines = []
    for problem in problems:
        if problem.since is not None:
            lines.append(
                QCoreApplication.translate("SyncProblems", "First met: {when}").format(
                    when=utc_text(problem.since)
                )
            )
        if problem.seen_at is not None:
            lines.append(
                QCoreApplication.translate("SyncProblems", "Last met: {when}").format(
                    when=utc_text(problem.seen_at)
                )
            )
    about_usages = any(p.what != LINK_RECORD_KIND for p in problems)
    confirmed = cached.usages_confirmed_at if about_usages else cached.confirmed_at
    if confirmed is not None:
        lines.append(
            QCoreApplication.translate("SyncProblems", "Lean's last answer: {when}").format(
                when=utc_text(confirmed)
            )
        )
    lines.append(
        QCoreApplication.translate(
            "SyncProblems", "View > Sync problems… lists every problem and what Lean sent."
        )
    )
    return "\n".join(dict.fromkeys(lines))


class ProblemNotice(QLabel):
    """The warning under a link's status while a sync could not update it (hidden otherwise)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAccessibleName(self.tr("Not updated"))
        # Words first; the amber rule only repeats them (as the status dots do).
        self.setStyleSheet(
            "QLabel { border-width: 0 0 0 3px; border-style: solid;"
            f" border-color: {AMBER}; padding: 2px 0px 2px 6px; }}"
        )
        self.hide()

    def show_problems(
        self, cached: CachedLink, problems: Sequence[SyncProblem], now: datetime, tz: tzinfo | None
    ) -> bool:
        """Show the link's open problems; True when some were outdated (the list needs a re-read)."""
        current = [p for p in problems if not outdated(p, cached)]
        text = notice_text(cached, current, now, tz)
        self.setText(text)
        self.setVisible(bool(text))
        tip = notice_tooltip(cached, current) if current else ""
        self.setToolTip(plain_tooltip(tip))
        self.setAccessibleDescription(text)
        return len(current) != len(problems)
