"""The profile form: name, environment, client ID and secret, sync interval, payment freshness.

The dialog only gathers and checks values; storing them is the caller's (`save`), because the
ui layer does not touch storage: the composition root puts the secret in the keyring and the
rest in the profiles file. Saving runs through the task runner when one is given, since a
keyring may block (an unlock prompt) and the window must not.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from linkmanager.domain.secret import Secret
from linkmanager.ui.app_setup import is_dark
from linkmanager.ui.tasks import TaskRunner

FIELDS = ("name", "environment", "api_url", "token_url", "client_id", "secret", "sync_interval_minutes",
          "usage_freshness_minutes")  # fmt: skip
INTERVAL_RANGE = (1, 24 * 60)
FRESHNESS_RANGE = (5, 24 * 60)  # storage.profiles.USAGE_FRESHNESS_RANGE (ui does not import storage)


@dataclass(frozen=True)
class ProfileValues:
    """What the form gathered. `secret` None: keep the stored one (editing only).
    `api_url`/`token_url` are set only for a custom environment."""

    name: str
    environment: str
    client_id: str
    secret: Secret | None
    api_url: str | None = None
    token_url: str | None = None
    sync_interval_minutes: int = 5
    usage_freshness_minutes: int = 60


Validator = Callable[[ProfileValues], dict[str, str]]
Saver = Callable[[ProfileValues], None]


def error_color(widget: QWidget) -> str:
    """A red that reads on the widget's window colour, light or dark."""
    return "#ff8a80" if is_dark(widget.palette()) else "#b3261e"


class ProfileFormDialog(QDialog):
    """Add a profile (`existing` None) or edit one (name read-only, empty secret = unchanged)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        existing: ProfileValues | None = None,
        validate: Validator | None = None,
        save: Saver | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._existing = existing
        self._validate = validate
        self._save = save
        self._runner = runner
        self.result_values: ProfileValues | None = None
        self._pending: ProfileValues | None = None
        self._busy = False
        editing = existing is not None
        self.setWindowTitle(self.tr("Edit profile") if editing else self.tr("Connect to Lean"))
        self.setAccessibleName(self.tr("Profile"))

        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(self.tr("Profile name"))
        self.name_edit.setPlaceholderText(self.tr("e.g. Dubai store"))
        self.name_edit.setMaxLength(64)
        self.environment_box = QComboBox(self)
        self.environment_box.setAccessibleName(self.tr("Environment"))
        environments = (  # the key stored, its name, and the hint under the box
            ("sandbox", self.tr("Sandbox"), self.tr("Lean's test environment: no real money moves.")),
            ("production", self.tr("Production"), self.tr("Live payments: real customers and real money.")),
            ("custom", self.tr("Custom address"), self.tr("Another Lean deployment, or a proxy.")),
        )
        self._environment_hints = {key: hint for key, _, hint in environments}
        for key, title, _ in environments:
            self.environment_box.addItem(title, key)
        self.environment_hint = self._hint_label()
        self.api_url_edit = QLineEdit(self)
        self.api_url_edit.setAccessibleName(self.tr("API address"))
        self.api_url_edit.setPlaceholderText("https://…")
        self.token_url_edit = QLineEdit(self)
        self.token_url_edit.setAccessibleName(self.tr("Token address"))
        self.token_url_edit.setPlaceholderText("https://…/oauth2/token")
        self.client_id_edit = QLineEdit(self)
        self.client_id_edit.setAccessibleName(self.tr("Client ID"))
        self.client_id_edit.setPlaceholderText(self.tr("From Lean's dashboard: Settings, Applications"))
        self.secret_edit = QLineEdit(self)
        self.secret_edit.setAccessibleName(self.tr("Client secret"))
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText
            | Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.secret_edit.setPlaceholderText(
            self.tr("Leave empty to keep the secret stored in the keyring")
            if editing
            else self.tr("Kept in your system keyring")
        )
        self.interval_box = QSpinBox(self)
        self.interval_box.setAccessibleName(self.tr("Sync interval"))
        self.interval_box.setRange(*INTERVAL_RANGE)
        self.interval_box.setSuffix(self.tr(" min"))
        self.interval_box.setValue(5)
        self.freshness_box = QSpinBox(self)
        self.freshness_box.setAccessibleName(self.tr("Payment re-check interval"))
        self.freshness_box.setToolTip(
            self.tr(
                "How long a link's payments may go unchecked: a sync reads them again from Lean once "
                "they are older than this, so a payment that completes or fails later is still seen. "
                "Shorter is fresher; longer sends fewer requests to Lean."
            )
        )
        self.freshness_box.setRange(*FRESHNESS_RANGE)
        self.freshness_box.setSuffix(self.tr(" minutes"))
        self.freshness_box.setValue(60)

        self.errors: dict[str, QLabel] = {field: self._error_label() for field in FIELDS}
        self.form_error = self._error_label()
        self.form_error.setAccessibleName(self.tr("Problem"))
        self.busy_label = self._hint_label()
        self.busy_label.setWordWrap(True)

        intro = QLabel(
            self.tr(
                "One profile is one Lean application in one environment. The client ID and secret are in "
                "Lean's dashboard; the secret is kept in your system keyring."
            ),
            self,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.form = QFormLayout()
        self._add_row(self.tr("Name"), self.name_edit, "name")
        self._add_row(self.tr("Environment"), self.environment_box, "environment", self.environment_hint)
        self._api_row = self._add_row(self.tr("API address"), self.api_url_edit, "api_url")
        self._token_row = self._add_row(self.tr("Token address"), self.token_url_edit, "token_url")
        self._add_row(self.tr("Client ID"), self.client_id_edit, "client_id")
        self._add_row(self.tr("Client secret"), self.secret_edit, "secret")
        self._add_row(self.tr("Sync every"), self.interval_box, "sync_interval_minutes")
        self._add_row(
            self.tr("Re-check payments at least every"), self.freshness_box, "usage_freshness_minutes"
        )
        QWidget.setTabOrder(self.interval_box, self.freshness_box)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save profile") if editing else self.tr("Connect"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(self.form)
        layout.addWidget(self.form_error)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(500)

        self.environment_box.currentIndexChanged.connect(self._environment_changed)
        for field, edit in (
            ("name", self.name_edit),
            ("api_url", self.api_url_edit),
            ("token_url", self.token_url_edit),
            ("client_id", self.client_id_edit),
            ("secret", self.secret_edit),
        ):
            edit.textEdited.connect(lambda _text, f=field: self._clear_error(f))
        if existing is not None:
            self._fill(existing)
        self._environment_changed()
        (self.client_id_edit if editing else self.name_edit).setFocus()

    # -- building ----------------------------------------------------------------------------

    def _hint_label(self) -> QLabel:
        label = QLabel(self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # muted, in light and dark alike
        label.hide()
        return label

    def _error_label(self) -> QLabel:
        label = QLabel(self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.hide()
        return label

    def _add_row(self, title: str, field: QWidget, key: str, hint: QLabel | None = None) -> int:
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(field)
        if hint is not None:
            box.addWidget(hint)
        box.addWidget(self.errors[key])
        label = QLabel(title, self)
        label.setBuddy(field)
        self.form.addRow(label, box)
        return self.form.rowCount() - 1

    def _fill(self, values: ProfileValues) -> None:
        self.name_edit.setText(values.name)
        self.name_edit.setReadOnly(True)
        self.name_edit.setEnabled(False)  # looks fixed, not merely refuses typing
        self.name_edit.setToolTip(
            self.tr("A profile's name cannot change: its keyring entry and cache are named after it")
        )
        index = self.environment_box.findData(values.environment)
        self.environment_box.setCurrentIndex(max(index, 0))
        self.api_url_edit.setText(values.api_url or "")
        self.token_url_edit.setText(values.token_url or "")
        self.client_id_edit.setText(values.client_id)
        self.interval_box.setValue(values.sync_interval_minutes)
        self.freshness_box.setValue(values.usage_freshness_minutes)

    def _environment_changed(self) -> None:
        key = self.environment()
        custom = key == "custom"
        self.form.setRowVisible(self._api_row, custom)
        self.form.setRowVisible(self._token_row, custom)
        self.environment_hint.setText(self._environment_hints[key])
        self.environment_hint.show()
        self._fit_height()

    # -- values and errors -------------------------------------------------------------------

    def environment(self) -> str:
        return str(self.environment_box.currentData())

    def values(self) -> ProfileValues:
        custom = self.environment() == "custom"
        secret = self.secret_edit.text().strip()
        return ProfileValues(
            name=self.name_edit.text().strip(),
            environment=self.environment(),
            client_id=self.client_id_edit.text().strip(),
            secret=Secret(secret) if secret else None,
            api_url=self.api_url_edit.text().strip() if custom else None,
            token_url=self.token_url_edit.text().strip() if custom else None,
            sync_interval_minutes=self.interval_box.value(),
            usage_freshness_minutes=self.freshness_box.value(),
        )

    def basic_errors(self, values: ProfileValues) -> dict[str, str]:
        """What is wrong without asking anyone: empty required fields."""
        errors: dict[str, str] = {}
        if not values.name:
            errors["name"] = self.tr("Give the profile a name, e.g. Sandbox or Dubai store.")
        if not values.client_id:
            errors["client_id"] = self.tr("Enter the client ID from Lean's dashboard.")
        if values.secret is None and self._existing is None:
            errors["secret"] = self.tr("Enter the client secret from Lean's dashboard.")
        if values.environment == "custom":
            if not values.api_url:
                errors["api_url"] = self.tr("Enter the API address, e.g. https://api.example.com.")
            if not values.token_url:
                errors["token_url"] = self.tr("Enter the OAuth token address.")
        return errors

    def show_errors(self, errors: dict[str, str]) -> None:
        color = error_color(self)
        for field, label in (*self.errors.items(), ("", self.form_error)):
            text = errors.get(field, "")
            label.setText(text)
            label.setStyleSheet(f"QLabel {{ color: {color}; }}")
            label.setVisible(bool(text))
        for field in FIELDS:
            if field in errors:
                widget = self._field_widget(field)
                if widget is not None:
                    widget.setFocus()
                break
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to fit wrapped messages: a dialog does not grow for height-for-width text by itself."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        needed = max(needed, layout.totalSizeHint().height())
        self.setMinimumHeight(needed)
        if self.height() < needed:
            self.resize(self.width(), needed)

    def _field_widget(self, field: str) -> QWidget | None:
        return {
            "name": self.name_edit,
            "environment": self.environment_box,
            "api_url": self.api_url_edit,
            "token_url": self.token_url_edit,
            "client_id": self.client_id_edit,
            "secret": self.secret_edit,
            "sync_interval_minutes": self.interval_box,
            "usage_freshness_minutes": self.freshness_box,
        }.get(field)

    def _clear_error(self, field: str) -> None:
        self.errors[field].hide()

    def shown_errors(self) -> dict[str, str]:
        """The messages on screen now, by field ("" for the form's own): for tests."""
        shown = {f: label.text() for f, label in self.errors.items() if not label.isHidden()}
        if not self.form_error.isHidden():
            shown[""] = self.form_error.text()
        return shown

    # -- submitting --------------------------------------------------------------------------

    def submit(self) -> None:
        """Check, then save (off the GUI thread when there is a runner), then close."""
        values = self.values()
        errors = self.basic_errors(values)
        if not errors and self._validate is not None:
            errors = self._validate(values)
        self.show_errors(errors)
        if errors:
            return
        if self._save is None:
            self._finish(values)
            return
        self._set_busy(True)
        save = self._save
        if self._runner is None:
            try:
                save(values)
            except Exception as exc:
                self._failed(exc)
                return
            self._finish(values)
        else:
            self._pending = values
            self._runner.run(lambda: save(values), self._saved, self._failed, key="profile-save", owner=self)

    def _saved(self, _: object) -> None:
        if self._pending is not None:
            self._finish(self._pending)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.show_errors({"": str(error) or type(error).__name__})

    def _set_busy(self, busy: bool) -> None:
        """While saving, nothing can be changed or cancelled: the save would go on regardless."""
        self._busy = busy
        self.busy_label.setText(
            self.tr("Checking with Lean and saving the secret to your system keyring…") if busy else ""
        )
        self.busy_label.setVisible(busy)
        for widget in (*(self._field_widget(f) for f in FIELDS), *self.buttons.buttons()):
            if widget is not None:
                widget.setEnabled(not busy)
        self.name_edit.setEnabled(not busy and self._existing is None)  # an edited profile keeps its name

    def reject(self) -> None:
        if not self._busy:
            super().reject()

    def _finish(self, values: ProfileValues) -> None:
        self.result_values = values
        self.secret_edit.clear()  # the secret is not kept in a widget once handed over
        self.accept()
