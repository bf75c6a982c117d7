"""Messages in the window: the status bar says what is wrong in itself, never only in a tooltip;
what it cannot fit opens whole with its advice, its button and Details; no secret anywhere."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from linkmanager.api import ApiEndpoints, Credentials, LeanClient
from linkmanager.api.errors import AuthenticationError, LeanTransportError
from linkmanager.services.messages import Action, MessageContext, UserMessage, message_for
from linkmanager.simulator import Simulator
from linkmanager.ui.dialogs.message_box import MessageDialog
from linkmanager.ui.widgets.status_bar import StatusBar

NEXT_TRY = datetime(2026, 3, 1, 14, 5, tzinfo=UTC)
SHOP = MessageContext("Shop", "sandbox", next_try=NEXT_TRY, tz=UTC)
REFUSED = "Could not reach Lean at api.example: could not connect ([Errno 111] Connection refused)."
SECRET = "sk-live-Qm9-known-secret-value"


@pytest.fixture
def bar(qtbot: QtBot) -> Iterator[StatusBar]:
    host = QMainWindow()  # the dialogs' parent, as the window is
    qtbot.addWidget(host)
    widget = StatusBar(host)
    host.setStatusBar(widget)
    host.resize(1900, 120)
    host.show()
    yield widget
    host.close()


def refused_secret() -> AuthenticationError:
    return AuthenticationError(
        401,
        lean_status="UNAUTHORIZED",
        lean_message="client authentication failed",
        request="sign in (POST /oauth2/token)",
        request_id="req-7f3a",
    )


def everything_shown(bar: StatusBar) -> str:
    line = bar.online_label
    return "\n".join(
        [
            line.full_text(),
            line.shown_text(),
            line.toolTip(),
            line.accessibleDescription(),
            bar.online_dot.toolTip(),
            bar.action_button.text(),
            bar.action_button.accessibleName(),
        ]
    )


def test_offline_says_why_and_the_next_try_in_the_bar_itself(bar: StatusBar, qtbot: QtBot) -> None:
    bar.show_message(message_for(LeanTransportError(REFUSED), SHOP))
    expected = "Offline — Lean could not be reached (connection refused). Next try at 14:05."
    assert bar.connection_text() == expected
    qtbot.waitUntil(lambda: bar.online_label.shown_text() == expected)  # in the bar, not only in a tooltip
    assert bar.online_label.isVisible()
    assert not bar.is_online()
    assert not bar.action_button.isVisible()  # Sync now and the next try are the way back


def test_a_refused_secret_replaces_offline_and_its_stale_tooltip(bar: StatusBar) -> None:
    bar.show_message(message_for(LeanTransportError(REFUSED), SHOP))
    assert "connection refused" in bar.online_label.toolTip().lower()
    bar.show_message(message_for(refused_secret(), SHOP))
    shown = everything_shown(bar)
    assert bar.connection_text() == "Sign-in refused — Lean did not accept the client secret."
    assert "Offline" not in shown
    assert "connection refused" not in shown.lower()  # nothing of the previous state stays
    assert "Lean did not accept the client secret of profile Shop (sandbox)." in bar.online_label.toolTip()
    assert bar.action_button.isVisible()
    assert bar.action_button.text() == "Edit profile…"
    assert bar.action_button.accessibleName() == "Edit profile…"
    bar.show_message(None)
    assert bar.connection_text() == "Online"
    assert "refused" not in everything_shown(bar).lower()
    assert not bar.action_button.isVisible()


def test_elided_text_opens_the_whole_message_with_details(bar: StatusBar, qtbot: QtBot) -> None:
    bar.show_message(message_for(refused_secret(), SHOP))
    bar.window().resize(380, 120)
    qtbot.waitUntil(bar.online_label.is_elided)
    assert bar.online_label.shown_text().endswith("…")
    qtbot.mouseClick(bar.online_label, Qt.MouseButton.LeftButton)
    dialog = bar.message_dialog
    assert isinstance(dialog, MessageDialog)
    qtbot.waitExposed(dialog)
    assert dialog.headline.text() == "Lean did not accept the client secret of profile Shop (sandbox)."
    assert dialog.advice.text().startswith("It may have been revoked")
    assert dialog.headline.textFormat() == Qt.TextFormat.PlainText
    assert not dialog.details.isVisible()  # folded until asked for
    qtbot.mouseClick(dialog.details_toggle, Qt.MouseButton.LeftButton)
    assert dialog.details.isVisible()
    details = dialog.details.toPlainText().splitlines()
    assert {
        "Request: POST /oauth2/token",
        "HTTP status: 401 UNAUTHORIZED",
        "Lean's request id: req-7f3a",
    } <= set(details)
    assert dialog.action_button is not None
    assert dialog.action_button.text() == "Edit profile…"
    with qtbot.waitSignal(bar.message_action, timeout=2000) as sent:
        qtbot.mouseClick(dialog.action_button, Qt.MouseButton.LeftButton)
    message = sent.args[0]
    assert isinstance(message, UserMessage)
    assert (message.action, message.profile) == (Action.EDIT_PROFILE, "Shop")
    qtbot.waitUntil(lambda: bar.message_dialog is None)


def test_enter_on_the_line_opens_it_and_every_control_is_named(bar: StatusBar, qtbot: QtBot) -> None:
    bar.show_message(message_for(LeanTransportError(REFUSED), SHOP))
    bar.online_label.setFocus()
    qtbot.keyClick(bar.online_label, Qt.Key.Key_Return)
    dialog = bar.message_dialog
    assert isinstance(dialog, MessageDialog)
    for control in (
        dialog.action_button,
        dialog.close_button,
        dialog.details_toggle,
        dialog.details,
        dialog.copy_button,
    ):
        assert control is not None
        assert control.accessibleName()
    assert dialog.action_button is not None
    assert dialog.action_button.text() == "Retry"
    chain = [dialog.action_button]
    for _ in range(3):
        chain.append(chain[-1].nextInFocusChain())
    assert chain[1] is dialog.close_button
    assert chain[2] is dialog.details_toggle
    dialog.close()
    assert bar.online_label.focusPolicy() == Qt.FocusPolicy.StrongFocus


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(seed=3, links=5, client_secret=SECRET) as simulator:
        yield simulator


def test_a_secret_sent_back_by_lean_is_nowhere_in_the_bar_or_its_dialog(
    bar: StatusBar, sim: Simulator, qtbot: QtBot, tmp_path: Path
) -> None:
    echo = f'{{"status": "UNAUTHORIZED", "message": "bad client_secret={SECRET} for Bearer {SECRET}"}}'
    sim.override_next("POST", "/oauth2/token", 401, echo.encode())
    with (
        LeanClient(ApiEndpoints(sim.api_url, sim.token_url), Credentials(sim.client_id, SECRET)) as client,
        pytest.raises(AuthenticationError) as refused,
    ):
        client.list_links()
    bar.show_message(message_for(refused.value, SHOP))
    bar.open_message()
    dialog = bar.message_dialog
    assert isinstance(dialog, MessageDialog)
    dialog.show_details(True)
    shown = (
        everything_shown(bar) + dialog.headline.text() + dialog.advice.text() + dialog.details.toPlainText()
    )
    assert "HTTP status: 401 UNAUTHORIZED" in dialog.details.toPlainText()  # Lean's answer is there...
    assert SECRET not in shown  # ...its echo of the secret is not
    assert re.search(r"\*{8}", dialog.details.toPlainText())
