"""The create form and its controller: a real simulator over loopback, a real cache, real threads.

Dialogs are opened with open() (never exec()), so nothing blocks.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from linkmanager.api import ApiEndpoints, Credentials, LeanClient
from linkmanager.domain.link_draft import IdentifierDraft, LinkDraft, parse_amount
from linkmanager.domain.models import utc_now
from linkmanager.domain.status import LinkStatus
from linkmanager.services.create import CheckOutcome, CreateCheck, CreateResult, CreateUncertain
from linkmanager.services.workspace import CachedLink, ProfileInfo, Workspace
from linkmanager.simulator import Simulator
from linkmanager.storage.cache import LinkCache
from linkmanager.ui.controllers.create_controller import CreateController
from linkmanager.ui.dialogs.create_link import CreateLinkDialog
from linkmanager.ui.tasks import TaskRunner

WAIT_MS = 20_000
DUBAI = timezone(timedelta(hours=4), "+04")
CREATES = ("POST", "create_link")


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(seed=12, links=12) as simulator:
        yield simulator


@pytest.fixture
def workspace(sim: Simulator, tmp_path: Path) -> Iterator[Workspace]:
    endpoints = ApiEndpoints(sim.api_url, sim.token_url)

    def client() -> LeanClient:
        return LeanClient(endpoints, Credentials(sim.client_id, sim.client_secret))

    opened = Workspace(
        ProfileInfo("Shop", "sandbox", endpoints.api_url), LinkCache.open(tmp_path / "c.db"), client
    )
    yield opened
    opened.close()


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    made = TaskRunner()
    yield made
    assert made.wait_idle(WAIT_MS)


class Window:
    """The controller in a plain widget, with a settable "selected link"."""

    def __init__(self, qtbot: QtBot, workspace: Workspace, runner: TaskRunner) -> None:
        self.widget = QWidget()
        qtbot.addWidget(self.widget)
        self.selected: CachedLink | None = None
        self.controller = CreateController(workspace, runner, lambda: self.selected, self.widget, tz=DUBAI)
        self.widget.addAction(self.controller.create_action)
        self.widget.show()

    def open_create(self) -> CreateLinkDialog:
        self.controller.create_action.trigger()
        assert self.controller.dialog is not None
        return self.controller.dialog


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace, runner: TaskRunner) -> Window:
    return Window(qtbot, workspace, runner)


def fill(
    qtbot: QtBot, dialog: CreateLinkDialog, amount: str = "1500.00", reference: str = "INV-1042"
) -> None:
    dialog.form.amount_edit.clear()
    qtbot.keyClicks(dialog.form.amount_edit, amount)
    qtbot.keyClicks(dialog.form.reference_edit, reference)


def click_create(qtbot: QtBot, dialog: CreateLinkDialog) -> None:
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)


def test_create_from_the_form_stores_the_link_and_names_it(
    qtbot: QtBot, window: Window, workspace: Workspace, sim: Simulator
) -> None:
    dialog = window.open_create()
    assert dialog.windowTitle() == "Create payment link"
    assert window.controller.create_action.shortcut() == QKeySequence("Ctrl+N")
    fill(qtbot, dialog)
    qtbot.keyClicks(dialog.form.name_edit, "Counter sale")
    dialog.form.purpose_box.setCurrentIndex(dialog.form.purpose_box.findData("GDS"))
    dialog.form.identifiers.add_button.click()
    qtbot.keyClicks(dialog.form.identifiers.rows[0].label_edit, "Your email")
    dialog.form.identifiers.rows[0].required_box.setChecked(True)
    with (
        qtbot.waitSignal(window.controller.notice, timeout=WAIT_MS) as said,
        qtbot.waitSignal(window.controller.link_created, timeout=WAIT_MS) as created,
    ):
        click_create(qtbot, dialog)
    link_id = created.args[0]
    cached = workspace.link(link_id)
    assert cached is not None
    assert (cached.link.name, cached.link.payment_details.payment_purpose) == ("Counter sale", "GDS")
    assert cached.link.identifiers[0].display_label == "Your email"
    assert said.args[0] == f"Payment link created: \u2068Counter sale\u2069 ({link_id})."  # isolated: ui.text
    assert sim.requests[CREATES] == 1
    qtbot.waitUntil(lambda: window.controller.dialog is None)


def test_errors_are_shown_next_to_each_field_and_nothing_is_sent(
    qtbot: QtBot, window: Window, sim: Simulator
) -> None:
    dialog = window.open_create()
    qtbot.keyClicks(dialog.form.redirect_edit, "http://shop.example.com")
    qtbot.keyClicks(dialog.form.customer_edit, "customer-42")
    qtbot.keyClicks(dialog.form.max_usages_edit, "0")
    dialog.form.expiry.set_value(utc_now() - timedelta(hours=1))
    dialog.form.identifiers.add_button.click()
    dialog.form.identifiers.rows[0].type_box.addItem("FAX", "FAX")
    dialog.form.identifiers.rows[0].type_box.setCurrentIndex(3)
    click_create(qtbot, dialog)
    shown = dialog.shown_errors()
    assert set(shown) == {
        "amount", "reference", "redirect_url", "customer_id", "max_usages", "expires_at", "identifiers[0]", "",
    }  # fmt: skip
    assert shown["amount"] == "Enter the amount to charge, e.g. 1500.00."
    assert dialog.focusWidget() is dialog.form.amount_edit  # the cursor goes to the first problem
    assert "https://" in shown["redirect_url"]
    assert "EMAIL, MOBILE_PHONE, TEXT" in shown["identifiers[0]"]
    assert dialog.isVisible()
    assert sum(sim.requests.values()) == 0
    qtbot.keyClicks(dialog.form.customer_edit, "x")  # typing in a field clears its message
    assert "customer_id" not in dialog.shown_errors()


@pytest.mark.parametrize(("currency", "typed", "kept", "amount"), [
    ("AED", "12.345", "12.34", "12.34"), ("KWD", "12.3456", "12.345", "12.345"),
    # A point refused in a currency without decimals must not glue the decimals on: 12005 JPY.
    ("JPY", "1200.5", "1200.", "1200"),
])  # fmt: skip
def test_the_amount_accepts_the_currencys_digits_only(
    qtbot: QtBot, window: Window, currency: str, typed: str, kept: str, amount: str
) -> None:
    dialog = window.open_create()
    dialog.form.currency_box.setCurrentIndex(dialog.form.currency_box.findData(currency))
    qtbot.keyClicks(dialog.form.amount_edit, typed)
    assert dialog.form.amount_edit.text() == kept
    assert parse_amount(dialog.form.draft().amount, currency) == Decimal(amount)
    assert dialog.form.amount_hint.text().startswith(f"{currency} amounts have")


def test_a_double_click_sends_once(qtbot: QtBot, workspace: Workspace, runner: TaskRunner, window: Window,
                                   sim: Simulator) -> None:  # fmt: skip
    gate = threading.Event()
    calls: list[LinkDraft] = []

    def slow_create(draft: LinkDraft) -> CreateResult:
        calls.append(draft)
        gate.wait(WAIT_MS / 1000)
        return window.controller.creator.create(draft)

    dialog = CreateLinkDialog(window.widget, create=slow_create, runner=runner, tz=DUBAI)
    qtbot.addWidget(dialog)
    dialog.open()
    fill(qtbot, dialog)
    qtbot.mouseDClick(dialog.create_button, Qt.MouseButton.LeftButton)
    click_create(qtbot, dialog)
    dialog.submit()  # Enter, or any other way in, while sending
    assert not dialog.create_button.isEnabled()
    assert "Sending to Lean" in dialog.busy_label.text()
    dialog.reject()  # Esc cannot close it while the answer is on its way
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.created, timeout=WAIT_MS):
        gate.set()
    assert len(calls) == 1
    assert sim.requests[CREATES] == 1


def test_a_server_refusal_is_shown_next_to_the_field_and_the_form_is_kept(
    qtbot: QtBot, window: Window, runner: TaskRunner, sim: Simulator
) -> None:
    dialog = window.open_create()
    fill(qtbot, dialog)
    qtbot.keyClicks(dialog.form.redirect_edit, "https://not-registered.example.org/<b>back</b>")
    click_create(qtbot, dialog)
    qtbot.waitUntil(lambda: "redirect_url" in dialog.shown_errors(), timeout=WAIT_MS)
    shown = dialog.shown_errors()
    assert "redirect_url is not registered" in shown["redirect_url"]
    assert "Nothing was created" in shown["redirect_url"]
    assert shown[""] == "Lean refused the link; the form is as you typed it."
    assert dialog.form.errors["redirect_url"].textFormat() == Qt.TextFormat.PlainText
    assert (dialog.form.amount_edit.text(), dialog.form.reference_edit.text()) == ("1500.00", "INV-1042")
    assert dialog.form.redirect_edit.text() == "https://not-registered.example.org/<b>back</b>"
    assert dialog.isVisible()
    assert dialog.create_button.isEnabled()
    assert dialog.focusWidget() is dialog.form.redirect_edit


def test_a_lost_answer_says_what_the_check_found_and_trying_again_creates_one(
    qtbot: QtBot, window: Window, sim: Simulator
) -> None:
    sim.faults.queue("drop", method="POST")
    dialog = window.open_create()
    fill(qtbot, dialog)
    click_create(qtbot, dialog)
    qtbot.waitUntil(lambda: "" in dialog.shown_errors(), timeout=WAIT_MS)
    assert "it was not created. It is safe to try again" in dialog.shown_errors()[""]
    assert dialog.create_button.text() == "Try again"
    with qtbot.waitSignal(window.controller.link_created, timeout=WAIT_MS):
        click_create(qtbot, dialog)
    references = [link["payment_details"]["reference"] for link in sim.state.list_links(0, 100)["content"]]
    assert references.count("INV-1042") == 1


def test_an_answer_lost_after_lean_created_the_link_ends_with_one_link_and_says_so(
    qtbot: QtBot, window: Window, workspace: Workspace, sim: Simulator
) -> None:
    sim.faults.queue("drop-after", method="POST")  # Lean stores the link; the connection drops
    dialog = window.open_create()
    fill(qtbot, dialog)
    with (
        qtbot.waitSignal(window.controller.notice, timeout=WAIT_MS) as said,
        qtbot.waitSignal(window.controller.link_created, timeout=WAIT_MS) as created,
    ):
        click_create(qtbot, dialog)
    link_id = created.args[0]
    assert sim.faults.applied == {"drop-after": 1}
    assert f"It was created once, as link {link_id}." in said.args[0]
    assert workspace.link(link_id) is not None
    references = [link["payment_details"]["reference"] for link in sim.state.list_links(0, 100)["content"]]
    assert references.count("INV-1042") == 1
    assert sim.requests[CREATES] == 1


@pytest.mark.parametrize("outcome", [CheckOutcome.UNCHECKED, CheckOutcome.AMBIGUOUS])
def test_while_the_outcome_is_unknown_the_form_is_locked_so_looking_again_sends_the_same_link(
    qtbot: QtBot, runner: TaskRunner, outcome: CheckOutcome
) -> None:
    # An edited draft is a new request: sent at once, without looking for the first one.
    asked: list[LinkDraft] = []

    def create(draft: LinkDraft) -> CreateResult:
        asked.append(draft)
        raise CreateUncertain(CreateCheck(outcome, "Lean's answer was lost; looking for it failed."))

    dialog = CreateLinkDialog(None, create=create, runner=runner, tz=DUBAI)
    qtbot.addWidget(dialog)
    dialog.open()
    fill(qtbot, dialog)
    click_create(qtbot, dialog)
    qtbot.waitUntil(lambda: len(asked) == 1 and dialog.create_button.isEnabled(), timeout=WAIT_MS)
    assert dialog.create_button.text() == "Look again"
    assert not dialog.form.isEnabled()  # nothing can be changed before Lean has been asked again
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).isEnabled()
    assert "Cancel" in dialog.shown_errors()[""]  # the way out is said
    click_create(qtbot, dialog)
    qtbot.waitUntil(lambda: len(asked) == 2 and dialog.create_button.isEnabled(), timeout=WAIT_MS)
    assert asked[1] == asked[0]
    assert not dialog.form.isEnabled()


def test_after_a_look_that_found_nothing_the_form_can_be_changed(qtbot: QtBot, runner: TaskRunner) -> None:
    def create(draft: LinkDraft) -> CreateResult:
        raise CreateUncertain(CreateCheck(CheckOutcome.ABSENT, "Lean has no such link: it was not created."))

    dialog = CreateLinkDialog(None, create=create, runner=runner, tz=DUBAI)
    qtbot.addWidget(dialog)
    dialog.open()
    fill(qtbot, dialog)
    click_create(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.create_button.text() == "Try again", timeout=WAIT_MS)
    assert dialog.form.isEnabled()


def test_duplicate_of_a_used_link_is_prefilled_and_sends_nothing_until_confirmed(
    qtbot: QtBot, window: Window, workspace: Workspace, sim: Simulator
) -> None:
    workspace.sync()
    used = next(c for c in workspace.links() if c.link.status == LinkStatus.USED)
    assert not window.controller.duplicate_action.isEnabled()  # nothing selected yet
    window.selected = used
    window.controller.refresh()
    assert window.controller.duplicate_action.isEnabled()
    before = sum(sim.requests.values())
    window.controller.duplicate_action.trigger()
    dialog = window.controller.dialog
    assert dialog is not None
    assert dialog.windowTitle() == "Duplicate as new link"
    draft = dialog.form.draft()
    link = used.link
    assert draft.name == f"{link.display_name} (copy)"
    assert (draft.currency, draft.reference) == (link.amount.currency, link.reference)
    assert draft.identifiers == tuple(
        IdentifierDraft(c.type.value, c.display_label or "", c.required, c.limit) for c in link.identifiers
    )
    assert draft.redirect_url == (link.redirect_url or "")
    if link.expires_at is not None and link.expires_at <= utc_now():
        assert draft.expires_at is None
    assert sum(sim.requests.values()) == before  # nothing sent by opening it
    with qtbot.waitSignal(window.controller.link_created, timeout=WAIT_MS) as created:
        click_create(qtbot, dialog)
    assert created.args[0] != link.id
    assert sim.requests[CREATES] == 1


def test_duplicate_says_a_passed_expiry_was_cleared(
    qtbot: QtBot, window: Window, workspace: Workspace
) -> None:
    workspace.sync()
    expired = next(c for c in workspace.links() if c.link.expires_at and c.link.expires_at <= utc_now())
    window.selected = expired
    window.controller.open_duplicate()
    dialog = window.controller.dialog
    assert dialog is not None
    assert dialog.form.expiry.value() is None
    assert not dialog.form.expiry.enabled_box.isChecked()
    assert "has passed, so the new link has none: set one if needed." in dialog.intro.text()


def test_expiry_is_typed_in_local_time_and_shown_with_its_offset(qtbot: QtBot, window: Window) -> None:
    dialog = window.open_create()
    dialog.form.expiry.set_value(datetime(2099, 6, 30, 19, 59, tzinfo=UTC))
    assert dialog.form.expiry.edit.dateTime().time().hour() == 23  # 19:59 UTC is 23:59 in Dubai
    assert dialog.form.expiry.utc_label.text() == "Expires 30 Jun 2099 23:59 +04:00, your time"
    assert dialog.form.expiry.utc_label.toolTip() == "In UTC: 2099-06-30 19:59:00 UTC"
    dialog.form.expiry.enabled_box.setChecked(False)
    assert dialog.form.expiry.value() is None
    assert "Never expires" in dialog.form.expiry.utc_label.text()


# London: the clocks go 01:00 -> 02:00 on 29 Mar 2099, and 02:00 -> 01:00 on 25 Oct 2099.
@pytest.mark.parametrize(
    ("day", "words"), [(QDate(2099, 3, 29), "does not exist"), (QDate(2099, 10, 25), "happens twice")]
)
def test_a_local_expiry_the_clocks_skip_or_repeat_is_refused_next_to_the_field(
    qtbot: QtBot, runner: TaskRunner, sim: Simulator, day: QDate, words: str
) -> None:
    london = ZoneInfo("Europe/London")
    dialog = CreateLinkDialog(None, create=lambda d: pytest.fail("sent"), runner=runner, tz=london)
    qtbot.addWidget(dialog)
    dialog.open()
    fill(qtbot, dialog)
    dialog.form.expiry.enabled_box.setChecked(True)
    dialog.form.expiry.edit.setDateTime(QDateTime(day, QTime(1, 30)))  # 01:30 in London
    assert words in dialog.form.expiry.utc_label.text()  # said at once, not only on Create
    click_create(qtbot, dialog)
    assert words in dialog.shown_errors()["expires_at"]
    assert sum(sim.requests.values()) == 0


def test_offline_disables_the_actions_and_the_open_form_with_the_reason(
    qtbot: QtBot, window: Window, sim: Simulator
) -> None:
    dialog = window.open_create()
    fill(qtbot, dialog)
    window.controller.set_online(False, "connection refused")
    assert not window.controller.create_action.isEnabled()
    assert "connection refused" in window.controller.create_action.toolTip()
    assert not window.controller.duplicate_action.isEnabled()
    assert not dialog.create_button.isEnabled()
    assert dialog.shown_errors()[""].startswith("Offline: Lean cannot be reached (connection refused)")
    dialog.submit()
    assert sum(sim.requests.values()) == 0
    window.controller.set_online(True)
    assert dialog.create_button.isEnabled()
    assert "" not in dialog.shown_errors()
    assert dialog.form.amount_edit.text() == "1500.00"


def test_the_form_is_shown_whole_without_a_band_of_blank_space(qtbot: QtBot, runner: TaskRunner) -> None:
    rows = (
        IdentifierDraft("EMAIL", "Email for the receipt", True),
        IdentifierDraft("TEXT", "Order", False, 40),
    )
    draft = LinkDraft(amount="782.05", reference="INV-2024-84679", identifiers=rows)
    dialog = CreateLinkDialog(None, create=lambda d: pytest.fail("sent"), runner=runner, draft=draft,
                              source_name="Invoice INV-2024-84679", tz=DUBAI)  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.show()
    for errors in ({}, {"amount": "x " * 80, "reference": "y", "identifiers[1].limit": "z"}):
        dialog.show_errors(errors, "Please correct the fields marked above." if errors else "")
        qtbot.waitUntil(lambda: fits_whole(dialog), timeout=2000)


def fits_whole(dialog: CreateLinkDialog) -> bool:
    """No scroll bar, and no band of blank space under the form (a few lines' worth at most)."""
    layout = dialog.form.form
    needed = layout.totalHeightForWidth(dialog.form.width()) if layout.hasHeightForWidth() else -1
    needed = needed if needed > 0 else dialog.form.sizeHint().height()
    blank = dialog.scroll_area.viewport().height() - needed
    return not dialog.scroll_area.verticalScrollBar().isVisible() and 0 <= blank < 40


def test_empty_fields_do_not_look_filled_while_the_form_is_disabled(qtbot: QtBot, runner: TaskRunner) -> None:
    dialog = CreateLinkDialog(None, create=lambda d: pytest.fail("sent"), runner=runner, tz=DUBAI)
    qtbot.addWidget(dialog)
    palette = dialog.form.name_edit.palette()
    disabled = QPalette.ColorGroup.Disabled
    placeholder = palette.color(disabled, QPalette.ColorRole.PlaceholderText)
    typed = palette.color(disabled, QPalette.ColorRole.Text)
    assert placeholder.alpha() < typed.alpha()  # a hint stays fainter than greyed text


def test_identifier_rows_can_be_added_and_removed(qtbot: QtBot, window: Window) -> None:
    dialog = window.open_create()
    rows = dialog.form.identifiers
    assert rows.empty_label.isVisibleTo(dialog)
    for _ in range(3):
        rows.add_button.click()
    rows.rows[1].label_edit.setText("Second")
    rows.rows[0].remove_button.click()
    assert [row.label_edit.text() for row in rows.rows] == ["Second", ""]
    assert not rows.empty_label.isVisibleTo(dialog)
    assert len(dialog.form.draft().identifiers) == 2


def test_ctrl_n_opens_the_form(qtbot: QtBot, window: Window) -> None:
    window.widget.activateWindow()
    qtbot.waitUntil(window.widget.isActiveWindow)
    qtbot.keyClick(window.widget, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.dialog is not None
    assert window.controller.dialog.windowTitle() == "Create payment link"


def test_asking_again_brings_the_open_form_forward_with_what_was_typed(qtbot: QtBot, window: Window) -> None:
    dialog = window.open_create()
    qtbot.keyClicks(dialog.form.reference_edit, "INV-7")
    assert window.open_create() is dialog
    assert dialog.form.reference_edit.text() == "INV-7"
