"""The create form: a new payment link, or a duplicate of one, checked here before Lean sees it.

Problems are shown next to their field, in words; Lean's own refusals too when its words name a
field, else above the buttons, with the form kept as typed. Sending runs on the task runner;
while it runs, the form and its buttons are disabled and the dialog cannot be closed, so a
double click sends once and an answer is never lost. A lost answer shows what looking for the
link at Lean found (see services.create).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, tzinfo

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QScrollArea, QVBoxLayout, QWidget

from linkmanager.domain.link_draft import DraftError, LinkDraft, validate
from linkmanager.domain.models import utc_now
from linkmanager.services.create import CheckOutcome, CreateRefused, CreateResult, CreateUncertain
from linkmanager.ui.dialogs.link_form import LinkForm, plain_label
from linkmanager.ui.dialogs.profile_form import error_color
from linkmanager.ui.tasks import TaskRunner


class CreateLinkDialog(QDialog):
    """Gathers a LinkDraft, checks it, and sends it once through `create` on the runner."""

    created = Signal(object)  # CreateResult, on the GUI thread

    def __init__(
        self,
        parent: QWidget | None,
        *,
        create: Callable[[LinkDraft], CreateResult],
        runner: TaskRunner,
        draft: LinkDraft | None = None,
        source_name: str | None = None,
        notice: str = "",
        clock: Callable[[], datetime] = utc_now,
        tz: tzinfo | None = None,
    ) -> None:
        super().__init__(parent)
        self._create = create
        self._runner = runner
        self._clock = clock
        self._busy = False
        self._online = True
        # After a lost answer that looking did not settle, the form is read-only: "Look again"
        # must ask about the link that was sent, and an edited one would be sent without a look.
        self._locked = False
        self._offline_text = ""  # the offline sentence shown, taken away when back online
        self.result_value: CreateResult | None = None
        duplicating = source_name is not None
        self.setWindowTitle(
            self.tr("Duplicate as new link") if duplicating else self.tr("Create payment link")
        )
        self.setAccessibleName(self.windowTitle())
        color = error_color(self)
        self.intro = intro = plain_label(self, wrap=True)
        intro.setText(
            self.tr(
                "A new link with the payment details of “{name}”. Nothing is sent until you press "
                "Create link; the original stays as it is."
            ).format(name=source_name)
            if duplicating
            else self.tr("A link cannot be changed once created: check the amount, reference and expiry.")
        )
        if notice:
            intro.setText(f"{intro.text()} {notice}")
        intro.show()
        self.form = LinkForm(self, color=color, now=clock(), tz=tz)

        self.form_error = plain_label(self, error=color, wrap=True)
        self.form_error.setAccessibleName(self.tr("Problem"))
        self.busy_label = plain_label(self, muted=True, wrap=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(self.tr("Create link"))
        self.create_button.setAccessibleName(self.tr("Create link"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        self.scroll_area = scroll = QScrollArea(self)
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self._outer = layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.form_error)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.buttons)
        self.form.fill(draft or LinkDraft())
        self.form.amount_edit.setFocus()
        self._fit()
        self.form.identifiers.changed.connect(self._fit_soon)  # a row added: grow with it

    # -- layout ------------------------------------------------------------------------------------

    def _fit(self, *, shrink: bool = False) -> None:
        """Grow to show the whole form (errors included) when the screen allows.

        Never shrinks once shown, so that the buttons do not jump as messages come and go.
        """
        self._outer.activate()  # the labels shown or hidden since the last layout take their place
        form = self.form.form
        form.activate()
        width = max(self.width(), 680)
        body = self.form.sizeHint().height()
        if form.hasHeightForWidth():  # wrapped error lines: as tall as they are at this width
            body = form.totalHeightForWidth(self.scroll_area.width())
        around = self.height() - self.scroll_area.height()  # intro, messages, buttons, margins
        wanted = body + around + 2
        screen = self.screen().availableGeometry().height() if self.screen() else wanted
        keep = 0 if shrink or not self.isVisible() else self.height()
        self.resize(width, max(keep, min(wanted, int(screen * 0.9))))

    def _fit_soon(self) -> None:
        """Fit once the event loop has polished new widgets (their sizes are not final before)."""
        QTimer.singleShot(0, self._fit)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._fit(shrink=True)  # sizes are only final once the style has polished the widgets

    # -- errors ------------------------------------------------------------------------------------

    def show_errors(self, errors: Mapping[str, str], general: str = "") -> None:
        self.form.show_errors(errors)
        self.form.focus_first(errors)
        self.form_error.setText(general)
        self.form_error.setVisible(bool(general))
        self._fit_soon()

    def shown_errors(self) -> dict[str, str]:
        """The messages on screen now, by field ("" for the form's own): for tests."""
        shown = self.form.shown_errors()
        if not self.form_error.isHidden():
            shown[""] = self.form_error.text()
        return shown

    # -- sending -----------------------------------------------------------------------------------

    def submit(self) -> None:
        """Check; then send once, off the GUI thread. A second press while sending does nothing."""
        if self._busy or not self._online:
            return
        draft = self.form.draft()
        errors = validate(draft, self._clock())
        if problem := self.form.expiry.problem():  # a daylight saving gap or repeat: not one moment
            errors["expires_at"] = problem
        self.show_errors(errors, self.tr("Please correct the fields marked above.") if errors else "")
        if errors:
            return
        self._set_busy(True)
        create = self._create
        self._runner.run(lambda: create(draft), self._created, self._failed, key="create-link", owner=self)

    def _created(self, result: CreateResult) -> None:
        self._locked = False
        self._set_busy(False)
        self.result_value = result
        self.created.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        unsettled = isinstance(error, CreateUncertain) and error.check.outcome is not CheckOutcome.ABSENT
        self._locked = unsettled
        self._set_busy(False)
        if isinstance(error, DraftError):
            self.show_errors(error.errors, self.tr("Please correct the fields marked above."))
        elif isinstance(error, CreateRefused) and error.field and self.form.knows(error.field):
            self.show_errors(
                {error.field: str(error)}, self.tr("Lean refused the link; the form is as you typed it.")
            )
        elif isinstance(error, CreateUncertain):
            self.create_button.setText(self.tr("Look again") if unsettled else self.tr("Try again"))
            locked = self.tr("{problem} The form keeps what was sent until then; Cancel closes it.")
            self.show_errors({}, locked.format(problem=error) if unsettled else str(error))
        else:
            self.show_errors({}, str(error) or type(error).__name__)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_label.setText(
            self.tr("Sending to Lean… Creating is never repeated automatically; please wait for the answer.")
            if busy
            else ""
        )
        self.busy_label.setVisible(busy)
        self.form.setEnabled(not busy and not self._locked)
        for button in self.buttons.buttons():
            button.setEnabled(not busy)
        self.create_button.setEnabled(not busy and self._online)

    def set_online(self, online: bool, reason: str = "") -> None:
        """Offline, Create is disabled with the reason; the form keeps what was typed."""
        self._online = online
        self.create_button.setEnabled(online and not self._busy)
        self.create_button.setToolTip("" if online else self.tr("Offline: {reason}").format(reason=reason))
        if not online:
            self._offline_text = self.tr(
                "Offline: Lean cannot be reached ({reason}). Creating needs a connection; "
                "the form keeps what you typed."
            ).format(reason=reason)
            self.show_errors({}, self._offline_text)
        elif self._offline_text and self.form_error.text() == self._offline_text:
            self.show_errors({})

    def reject(self) -> None:
        if not self._busy:  # the answer must be seen: closing would not stop the request
            super().reject()
