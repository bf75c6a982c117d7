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

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QScrollArea, QVBoxLayout, QWidget

from linkmanager.domain.link_draft import DraftError, LinkDraft, validate
from linkmanager.domain.models import utc_now
from linkmanager.services.create import CheckOutcome, CreateRefused, CreateResult, CreateUncertain
from linkmanager.ui.dialogs.link_form import LinkForm, plain_label
from linkmanager.ui.dialogs.profile_form import error_color
from linkmanager.ui.tasks import TaskRunner

CREATE_TEXT = "Create link"
FIX_FIELDS = "Please correct the fields marked above."


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
        self.result_value: CreateResult | None = None
        duplicating = source_name is not None
        self.setWindowTitle("Duplicate as new link" if duplicating else "Create payment link")
        self.setAccessibleName(self.windowTitle())
        color = error_color(self)
        self.intro = intro = plain_label(self, wrap=True)
        intro.setText(
            f"A new link with the payment details of “{source_name}”. Nothing is sent until you press "
            "Create link; the original stays as it is."
            if duplicating
            else "A link cannot be changed once created: check the amount, reference and expiry."
        )
        if notice:
            intro.setText(f"{intro.text()} {notice}")
        intro.show()
        self.form = LinkForm(self, color=color, now=clock(), tz=tz)

        self.form_error = plain_label(self, error=color, wrap=True)
        self.form_error.setAccessibleName("Problem")
        self.busy_label = plain_label(self, muted=True, wrap=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(CREATE_TEXT)
        self.create_button.setAccessibleName("Create link")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        scroll = QScrollArea(self)
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.form_error)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.buttons)
        self.form.fill(draft or LinkDraft())
        self.form.amount_edit.setFocus()
        self._fit()

    # -- layout ------------------------------------------------------------------------------------

    def _fit(self) -> None:
        """Grow to show the whole form (errors included) when the screen allows; never shrink."""
        layout = self.form.form
        layout.activate()
        width = max(self.width(), 680)
        body = layout.totalHeightForWidth(width - 60) if layout.hasHeightForWidth() else -1
        wanted = max(body, self.form.sizeHint().height()) + 170
        screen = self.screen().availableGeometry().height() if self.screen() else wanted
        self.resize(width, max(self.height() if self.isVisible() else 0, min(wanted, int(screen * 0.9))))

    # -- errors ------------------------------------------------------------------------------------

    def show_errors(self, errors: Mapping[str, str], general: str = "") -> None:
        self.form.show_errors(errors)
        self.form.focus_first(errors)
        self.form_error.setText(general)
        self.form_error.setVisible(bool(general))
        self._fit()

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
        self.show_errors(errors, FIX_FIELDS if errors else "")
        if errors:
            return
        self._set_busy(True)
        create = self._create
        self._runner.run(lambda: create(draft), self._created, self._failed, key="create-link", owner=self)

    def _created(self, result: CreateResult) -> None:
        self._set_busy(False)
        self.result_value = result
        self.created.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, DraftError):
            self.show_errors(error.errors, FIX_FIELDS)
        elif isinstance(error, CreateRefused) and error.field and self.form.knows(error.field):
            self.show_errors({error.field: str(error)}, "Lean refused the link; the form is as you typed it.")
        elif isinstance(error, CreateUncertain):
            settled = error.check.outcome is CheckOutcome.ABSENT
            self.create_button.setText("Try again" if settled else "Look again")
            self.show_errors({}, str(error))
        else:
            self.show_errors({}, str(error) or type(error).__name__)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_label.setText(
            "Sending to Lean… Creating is never repeated automatically; please wait for the answer."
            if busy
            else ""
        )
        self.busy_label.setVisible(busy)
        self.form.setEnabled(not busy)
        for button in self.buttons.buttons():
            button.setEnabled(not busy)
        self.create_button.setEnabled(not busy and self._online)

    def set_online(self, online: bool, reason: str = "") -> None:
        """Offline, Create is disabled with the reason; the form keeps what was typed."""
        self._online = online
        self.create_button.setEnabled(online and not self._busy)
        self.create_button.setToolTip("" if online else f"Offline: {reason}")
        if not online:
            self.show_errors({}, f"Offline: Lean cannot be reached ({reason}). Creating needs a connection; "
                             "the form keeps what you typed.")  # fmt: skip
        elif self.form_error.text().startswith("Offline:"):
            self.show_errors({})

    def reject(self) -> None:
        if not self._busy:  # the answer must be seen: closing would not stop the request
            super().reject()
