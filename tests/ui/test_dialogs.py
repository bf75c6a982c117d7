"""Dialogs: the status-change confirmation, the welcome, the profile form and the switcher.

Modal dialogs are driven without blocking: either the dialog object is used without exec(),
or a zero-delay timer answers the modal dialog that exec() shows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from linkmanager.domain import LinkStatus, Money, PaymentDetails, PaymentLink
from linkmanager.domain.secret import Secret
from linkmanager.ui.app_setup import apply_color_scheme
from linkmanager.ui.dialogs.confirm import ConfirmStatusDialog, confirm_status_change, consequence_text
from linkmanager.ui.dialogs.profile_form import ProfileFormDialog, ProfileValues
from linkmanager.ui.dialogs.profiles import (
    ProfileSummary,
    ProfileSwitcherDialog,
    add_profile,
    edit_profile,
    open_profile_switcher,
)
from linkmanager.ui.dialogs.welcome import WelcomeChoice, WelcomeDialog, ask_welcome
from linkmanager.ui.tasks import InlineRunner

EXPIRY = datetime(2026, 6, 30, 23, 59, tzinfo=UTC)


def make_link(**fields: object) -> PaymentLink:
    values: dict[str, object] = {
        "id": "pl_123",
        "url": "https://pay.example/l/pl_123",
        "status": LinkStatus.ACTIVE,
        "current_usages": 0,
        "payment_details": PaymentDetails(Money(Decimal("150"), "AED"), "INV-1"),
        "name": "Ramadan sale",
        "expires_at": EXPIRY,
    }
    values.update(fields)
    return PaymentLink(**values)  # type: ignore[arg-type]


def answer_modal(action: Callable[[QDialog], None]) -> None:
    """Run `action` on the modal dialog that exec() is about to show."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, act)
            return
        assert isinstance(dialog, QDialog)
        action(dialog)

    QTimer.singleShot(0, act)


# -- confirm -----------------------------------------------------------------------------------


def test_disable_states_the_consequence_and_the_way_back() -> None:
    question, text = consequence_text(make_link(), LinkStatus.DISABLED, UTC)
    assert question == "Disable this payment link?"
    assert text == (
        "Customers will see an error page and cannot start new payments. "
        "You can re-enable it until 30 Jun 2026 23:59 +00:00."
    )


def test_disable_without_expiry_can_always_come_back() -> None:
    _, text = consequence_text(make_link(expires_at=None), LinkStatus.DISABLED)
    assert text.endswith("You can re-enable it at any time.")


def test_the_way_back_defaults_to_the_local_zone_at_the_expiry() -> None:
    _, text = consequence_text(make_link(), LinkStatus.DISABLED)
    local = EXPIRY.astimezone()
    assert f"{local:%H:%M}" in text
    assert str(local.year) in text


def test_enable_says_customers_can_pay_again() -> None:
    question, text = consequence_text(make_link(status=LinkStatus.DISABLED), LinkStatus.ACTIVE, UTC)
    assert question == "Enable this payment link?"
    assert text.startswith("Customers can pay through this link again.")


def test_only_disable_and_enable_are_confirmed() -> None:
    with pytest.raises(ValueError, match="Only disabling and enabling"):
        consequence_text(make_link(), LinkStatus.EXPIRED, UTC)


def test_confirm_dialog_defaults_to_cancel_and_shows_server_text_plainly(qtbot: QtBot) -> None:
    dialog = ConfirmStatusDialog(None, make_link(name="<b>x</b>"), LinkStatus.DISABLED, UTC)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.cancel_button.isDefault()
    assert not dialog.confirm_button.isDefault()
    assert dialog.confirm_button.text() == "Disable link"
    assert dialog.link_label.textFormat() == Qt.TextFormat.PlainText
    assert dialog.link_label.text() == "<b>x</b>"
    assert dialog.details_label.textFormat() == Qt.TextFormat.PlainText
    assert "pl_123" in dialog.details_label.text()
    assert "150.00" in dialog.details_label.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter takes the default: Cancel
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_confirm_status_change_true_only_when_confirmed(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    answer_modal(lambda d: d.confirm_button.click())  # type: ignore[attr-defined]
    assert confirm_status_change(parent, make_link(), LinkStatus.DISABLED, UTC) is True
    answer_modal(lambda d: d.cancel_button.click())  # type: ignore[attr-defined]
    assert confirm_status_change(parent, make_link(), LinkStatus.DISABLED, UTC) is False
    answer_modal(lambda d: d.reject())  # Esc or the window's close button
    assert confirm_status_change(parent, make_link(status=LinkStatus.DISABLED), LinkStatus.ACTIVE) is False


# -- welcome ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("button", "choice"), [("connect_button", WelcomeChoice.CONNECT), ("demo_button", WelcomeChoice.DEMO)]
)
def test_welcome_offers_two_ways_in(qtbot: QtBot, button: str, choice: WelcomeChoice) -> None:
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    assert dialog.connect_button.text() == "Connect to Lean"
    assert dialog.demo_button.text() == "Explore with demo data"
    qtbot.mouseClick(getattr(dialog, button), Qt.MouseButton.LeftButton)
    assert dialog.choice is choice
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_closing_the_welcome_chooses_nothing(qtbot: QtBot) -> None:
    answer_modal(lambda d: d.reject())
    assert ask_welcome() is None
    answer_modal(lambda d: d.demo_button.click())  # type: ignore[attr-defined]
    assert ask_welcome() is WelcomeChoice.DEMO


# -- profile form -------------------------------------------------------------------------------


def fill(form: ProfileFormDialog, **fields: str) -> None:
    edits = {
        "name": form.name_edit,
        "client_id": form.client_id_edit,
        "secret": form.secret_edit,
        "api_url": form.api_url_edit,
        "token_url": form.token_url_edit,
    }
    for key, value in fields.items():
        edits[key].setText(value)


def test_custom_addresses_are_asked_only_for_custom(qtbot: QtBot) -> None:
    form = ProfileFormDialog()
    qtbot.addWidget(form)
    form.show()
    assert form.environment() == "sandbox"
    assert not form.api_url_edit.isVisible()
    form.environment_box.setCurrentIndex(form.environment_box.findData("custom"))
    assert form.api_url_edit.isVisible()
    assert form.token_url_edit.isVisible()
    form.environment_box.setCurrentIndex(form.environment_box.findData("production"))
    assert not form.token_url_edit.isVisible()
    assert "real money" in form.environment_hint.text()


def test_the_secret_is_never_echoed(qtbot: QtBot) -> None:
    form = ProfileFormDialog()
    qtbot.addWidget(form)
    assert form.secret_edit.echoMode() == form.secret_edit.EchoMode.Password


def test_missing_fields_are_named_next_to_them(qtbot: QtBot) -> None:
    saved: list[ProfileValues] = []
    form = ProfileFormDialog(save=saved.append)
    qtbot.addWidget(form)
    form.show()
    form.submit()
    assert set(form.shown_errors()) == {"name", "client_id", "secret"}
    assert form.errors["name"].isVisible()
    assert form.result() != QDialog.DialogCode.Accepted
    assert saved == []
    fill(form, name="Main")
    form.name_edit.textEdited.emit("Main")  # typing clears that field's message
    assert "name" not in form.shown_errors()


def test_validator_messages_are_plain_and_keep_the_form_open(qtbot: QtBot) -> None:
    form = ProfileFormDialog(validate=lambda values: {"client_id": "<b>bad</b> id"})
    qtbot.addWidget(form)
    form.show()
    fill(form, name="Main", client_id="abc", secret="s3cret")
    form.submit()
    assert form.shown_errors() == {"client_id": "<b>bad</b> id"}
    assert form.errors["client_id"].textFormat() == Qt.TextFormat.PlainText
    assert form.result() != QDialog.DialogCode.Accepted


@pytest.mark.parametrize("inline", [False, True])
def test_a_valid_form_is_saved_then_closed(qtbot: QtBot, inline: bool) -> None:
    saved: list[ProfileValues] = []
    runner = InlineRunner() if inline else None
    form = ProfileFormDialog(validate=lambda values: {}, save=saved.append, runner=runner)
    qtbot.addWidget(form)
    form.environment_box.setCurrentIndex(form.environment_box.findData("custom"))
    fill(
        form,
        name=" Main ",
        client_id="abc",
        secret="s3cret",
        api_url="https://api.example",
        token_url="https://auth.example/t",
    )
    form.interval_box.setValue(15)
    form.submit()
    assert form.result() == QDialog.DialogCode.Accepted
    expected = ProfileValues(
        "Main", "custom", "abc", Secret("s3cret"), "https://api.example", "https://auth.example/t", 15
    )
    assert saved == [expected]
    assert form.result_values == expected
    assert form.secret_edit.text() == ""  # not left in a widget


def test_a_failed_save_is_said_and_the_form_stays_usable(qtbot: QtBot) -> None:
    def refuse(values: ProfileValues) -> None:
        raise RuntimeError("No secure keyring is available: install GNOME Keyring")

    form = ProfileFormDialog(save=refuse, runner=InlineRunner())
    qtbot.addWidget(form)
    fill(form, name="Main", client_id="abc", secret="s3cret")
    form.submit()
    assert form.shown_errors() == {"": "No secure keyring is available: install GNOME Keyring"}
    assert form.result() != QDialog.DialogCode.Accepted
    assert form.save_button.isEnabled()
    assert form.name_edit.isEnabled()


def test_editing_keeps_the_name_and_an_empty_secret_means_unchanged(qtbot: QtBot) -> None:
    existing = ProfileValues("Main", "production", "abc", None, sync_interval_minutes=10)
    saved: list[ProfileValues] = []
    form = ProfileFormDialog(existing=existing, save=saved.append)
    qtbot.addWidget(form)
    assert form.name_edit.isReadOnly()
    assert not form.name_edit.isEnabled()
    assert form.environment() == "production"
    assert form.interval_box.value() == 10
    assert "keep" in form.secret_edit.placeholderText()
    form.client_id_edit.setText("new-id")
    form.submit()
    assert saved == [ProfileValues("Main", "production", "new-id", None, None, None, 10)]


def test_error_colour_reads_on_light_and_dark(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    colours = []
    try:
        for scheme in (Qt.ColorScheme.Light, Qt.ColorScheme.Dark):
            apply_color_scheme(app, scheme)
            form = ProfileFormDialog()
            qtbot.addWidget(form)
            form.submit()
            colours.append(form.errors["name"].styleSheet())
    finally:
        apply_color_scheme(app, Qt.ColorScheme.Light)
    assert colours[0] != colours[1]


def test_payment_freshness_has_its_field_after_the_sync_interval(qtbot: QtBot) -> None:
    form = ProfileFormDialog(
        existing=ProfileValues("Main", "sandbox", "abc", None, usage_freshness_minutes=15)
    )
    qtbot.addWidget(form)
    box = form.freshness_box
    assert (box.value(), box.minimum(), box.maximum()) == (15, 5, 1440)
    label = next(w for w in form.findChildren(QLabel) if w.buddy() is box)
    assert label.text() == "Re-check payments at least every"
    assert box.accessibleName() == "Payment re-check interval"
    assert "payments" in box.toolTip()
    after = form.interval_box.nextInFocusChain()
    while after.parent() is form.interval_box:  # the spin box's own line edit
        after = after.nextInFocusChain()
    assert after is box  # Tab from the sync interval lands here
    box.setValue(30)
    assert form.values().usage_freshness_minutes == 30
    form.show_errors({"usage_freshness_minutes": "Re-check payments every 5 to 1440 minutes."})
    assert form.shown_errors() == {"usage_freshness_minutes": "Re-check payments every 5 to 1440 minutes."}


# -- the Profile menu's dialogs ---------------------------------------------------------------------


class FakeBook:
    def __init__(self) -> None:
        self.profiles = {
            "Main": ProfileValues("Main", "sandbox", "abc", None),
            "Live": ProfileValues("Live", "production", "xyz", None),
        }
        self.saved: list[tuple[ProfileValues, bool]] = []

    def summaries(self) -> list[ProfileSummary]:
        return [ProfileSummary(v.name, v.environment, "sandbox.leantech.me") for v in self.profiles.values()]

    def values(self, name: str) -> ProfileValues:
        return self.profiles[name]

    def validate(self, values: ProfileValues, *, editing: bool) -> dict[str, str]:
        if not editing and values.name in self.profiles:
            return {"name": "taken"}
        return {}

    def save(self, values: ProfileValues, *, editing: bool) -> None:
        self.saved.append((values, editing))
        self.profiles[values.name] = values


def test_switcher_lists_profiles_and_opens_the_chosen_one(qtbot: QtBot) -> None:
    dialog = ProfileSwitcherDialog(None, FakeBook(), current="Live")
    qtbot.addWidget(dialog)
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert texts[0].startswith("Main")
    assert "SANDBOX" in texts[0]
    assert "PRODUCTION" in texts[1]
    assert "(open now)" in texts[1]
    assert dialog.selected_name() == "Live"
    dialog.list.setCurrentRow(0)
    dialog.open_selected()
    assert dialog.chosen == "Main"
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_switcher_says_when_profiles_cannot_be_read(qtbot: QtBot) -> None:
    book = FakeBook()

    def broken() -> list[ProfileSummary]:
        raise OSError("The profiles file is damaged")

    book.summaries = broken  # type: ignore[method-assign]
    dialog = ProfileSwitcherDialog(None, book)
    qtbot.addWidget(dialog)
    assert dialog.problem.text() == "The profiles file is damaged"
    assert not dialog.open_button.isEnabled()


def test_open_profile_switcher_returns_the_choice(qtbot: QtBot) -> None:
    answer_modal(lambda d: d.open_selected())  # type: ignore[attr-defined]
    assert open_profile_switcher(None, FakeBook(), current="Main") == "Main"
    answer_modal(lambda d: d.reject())
    assert open_profile_switcher(None, FakeBook()) is None


def test_add_profile_validates_with_the_book_and_saves_through_it(qtbot: QtBot) -> None:
    book = FakeBook()

    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, ProfileFormDialog)
        fill(dialog, name="Main", client_id="id", secret="s")
        dialog.submit()
        assert dialog.shown_errors() == {"name": "taken"}
        fill(dialog, name="Riyadh")
        dialog.submit()

    answer_modal(answer)
    assert add_profile(None, book, InlineRunner()) == "Riyadh"
    assert book.saved == [(ProfileValues("Riyadh", "sandbox", "id", Secret("s")), False)]


def test_edit_profile_saves_as_an_edit(qtbot: QtBot) -> None:
    book = FakeBook()

    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, ProfileFormDialog)
        dialog.interval_box.setValue(30)
        dialog.submit()

    answer_modal(answer)
    assert edit_profile(None, book, "Live") is True
    assert book.saved == [(ProfileValues("Live", "production", "xyz", None, None, None, 30), True)]
    answer_modal(lambda d: d.reject())
    assert edit_profile(None, book, "Live") is False
