"""Create payment link (Ctrl+N) and Duplicate as new link: the actions, the form, and what follows.

The window adds the two actions to its menu and toolbar, calls `refresh()` when the selected
link changes and `set_online()` when Lean comes and goes, and on `link_created(link_id)` reloads
the table and selects the new link (which is already in the cache). One form at a time: asking
again brings the open one forward rather than discarding what was typed in it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from linkmanager.domain.lifecycle import moment_text
from linkmanager.domain.models import PaymentLink
from linkmanager.services.workspace import CachedLink, Workspace
from linkmanager.ui.tasks import TaskRunner
from linkmanager.ui.text import isolated

if TYPE_CHECKING:  # the form, its drafts and the creator load on first use: not at the window's start
    from linkmanager.domain.link_draft import LinkDraft
    from linkmanager.services.create import LinkCreator
    from linkmanager.ui.dialogs.create_link import CreateLinkDialog

CREATE_TIP = str(QT_TRANSLATE_NOOP("CreateController", "Create a new payment link (Ctrl+N)"))
DUPLICATE_TIP = str(
    QT_TRANSLATE_NOOP(
        "CreateController", "A new link with this link's amount, reference, identifiers, limit and customer"
    )
)
NO_SELECTION_TIP = str(QT_TRANSLATE_NOOP("CreateController", "Select a link to duplicate it as a new link"))
# The reason comes from the message catalogue, in the interface's language ("connection refused").
OFFLINE_TIP = str(
    QT_TRANSLATE_NOOP(
        "CreateController", "Offline: Lean cannot be reached ({reason}). Creating needs a connection."
    )
)


def tr(text: str) -> str:
    return QCoreApplication.translate("CreateController", text)


class CreateController(QObject):
    link_created = Signal(str)  # the new link's id: it is in the cache; reload and select it
    notice = Signal(str)  # one sentence for the status bar

    def __init__(
        self,
        workspace: Workspace,
        runner: TaskRunner,
        current_link: Callable[[], CachedLink | None],
        window: QWidget,
        *,
        tz: tzinfo | None = None,
    ) -> None:
        super().__init__(window)
        self._workspace = workspace
        self._runner = runner
        self._current_link = current_link
        self._window = window
        self._tz = tz
        self._creator: LinkCreator | None = None
        self._online = True
        self._offline_reason = ""
        self.dialog: CreateLinkDialog | None = None

        self.create_action = QAction(self.tr("Create payment link…"), window)
        self.create_action.setShortcut(QKeySequence("Ctrl+N"))
        self.create_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.create_action.triggered.connect(self.open_create)
        self.duplicate_action = QAction(self.tr("Duplicate as new link…"), window)
        self.duplicate_action.triggered.connect(self.open_duplicate)
        self.refresh()

    @property
    def creator(self) -> LinkCreator:
        """One creator per open profile: it remembers a create whose answer was lost until it is
        settled. Made with the first form (services.create is no part of the window's start)."""
        if self._creator is None:
            self._creator = self._workspace.creator()  # journals every create it sends
        return self._creator

    # -- state -------------------------------------------------------------------------------------

    def set_online(self, online: bool, reason: str = "") -> None:
        self._online = online
        self._offline_reason = reason
        if self.dialog is not None:
            self.dialog.set_online(online, reason)
        self.refresh()

    def refresh(self) -> None:
        """Enable the actions for what is possible now, with the reason in the tooltip when not."""
        offline = tr(OFFLINE_TIP).format(reason=self._offline_reason or "?")
        self.create_action.setEnabled(self._online)
        self.create_action.setToolTip(tr(CREATE_TIP) if self._online else offline)
        has_link = self._current_link() is not None
        self.duplicate_action.setEnabled(self._online and has_link)
        if not self._online:
            self.duplicate_action.setToolTip(offline)
        else:
            self.duplicate_action.setToolTip(tr(DUPLICATE_TIP) if has_link else tr(NO_SELECTION_TIP))

    # -- opening the form --------------------------------------------------------------------------

    def open_create(self) -> None:
        self._open(None, None, "")

    def open_duplicate(self) -> None:
        cached = self._current_link()
        if cached is None:
            return
        from linkmanager.domain.link_draft import duplicate_of

        link = cached.link
        now = self._workspace.now()
        self._open(duplicate_of(link, now), link.display_name, self._duplicate_notice(link))

    def _duplicate_notice(self, link: PaymentLink) -> str:
        from linkmanager.domain.link_draft import DEFAULT_MAX_USAGES

        notes = []
        if link.expires_at is not None and link.expires_at <= self._workspace.now():
            when = moment_text(link.expires_at, self._tz)  # None: the workstation's zone then
            notes.append(
                self.tr(
                    "Its expiry ({when}) has passed, so the new link has none: set one if needed."
                ).format(when=when)
            )
        if link.max_usages is None:
            notes.append(
                self.tr("The original has no usage limit; a new link gets Lean's default of {limit}.").format(
                    limit=f"{DEFAULT_MAX_USAGES:,}"
                )
            )
        return " ".join(notes)

    def _open(self, draft: LinkDraft | None, source: str | None, notice: str) -> None:
        if not self._online:
            return
        if self.dialog is not None:  # one form at a time, and what was typed in it is kept
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        from linkmanager.ui.dialogs.create_link import CreateLinkDialog

        dialog = CreateLinkDialog(
            self._window,
            create=self.creator.create,
            runner=self._runner,
            draft=draft,
            source_name=source,
            notice=notice,
            clock=self._workspace.now,
            tz=self._tz,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(self._on_created)
        dialog.finished.connect(self._on_finished)
        self.dialog = dialog
        dialog.open()

    def _on_finished(self, _result: int) -> None:
        self.dialog = None

    def _on_created(self, result: object) -> None:
        from linkmanager.services.create import CreateResult  # loaded with the form

        if not isinstance(result, CreateResult):
            return
        link = result.link
        words = self.tr("Payment link created: {name} ({id}).").format(
            name=isolated(link.display_name), id=link.id
        )
        self.notice.emit(f"{words} {result.note}".strip())
        self.link_created.emit(link.id)
