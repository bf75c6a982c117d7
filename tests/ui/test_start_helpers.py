"""What the start does ahead of time or without a module: money's locale data read on a thread
while the application starts, and HTML escaping without the html module."""

from __future__ import annotations

import html
from decimal import Decimal
from types import SimpleNamespace
from typing import Any, ClassVar

import pytest
from pytestqt.qtbot import QtBot

from linkmanager.domain.money import Money, format_money, load_locale_data
from linkmanager.ui import app_setup
from linkmanager.ui.text import escaped, plain_tooltip
from linkmanager.ui.widgets.copy_field import plain_tooltip as field_tooltip

HOSTILE = (
    "",
    "<b>x</b>",
    '=HYPERLINK("x")',
    "Tom & Jerry's <café>",
    "&amp; stays &amp;amp;",
    "\u202eevil.exe",
    "Fatima 🎉 فاطمة\nsecond line",
)


class _Thread:
    """Stands in for threading.Thread: records what would run, runs nothing."""

    made: ClassVar[list[_Thread]] = []

    def __init__(self, *, target: Any, name: str, daemon: bool) -> None:
        self.target, self.name, self.daemon, self.started = target, name, daemon, False
        _Thread.made.append(self)

    def start(self) -> None:
        self.started = True


def test_the_locale_data_is_read_once_on_a_daemon_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    _Thread.made = []
    monkeypatch.setattr(app_setup, "_locale_data_asked", False)
    monkeypatch.setattr(app_setup, "threading", SimpleNamespace(Thread=_Thread))
    app_setup.load_locale_data_meanwhile()
    app_setup.load_locale_data_meanwhile()
    [thread] = _Thread.made
    assert (thread.target, thread.name, thread.daemon, thread.started) == (
        load_locale_data,
        "locale data",
        True,
        True,
    )


def test_the_application_asks_for_it(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[bool] = []
    monkeypatch.setattr(app_setup, "load_locale_data_meanwhile", lambda: asked.append(True))
    app_setup.create_application()
    assert asked == [True]


def test_loading_the_locale_data_changes_no_amount() -> None:
    load_locale_data()
    load_locale_data()
    assert format_money(Money(Decimal("1500.1"), "AED")) == "AED\u00a01,500.10"
    assert format_money(Money(Decimal("12.5"), "KWD")) == "KWD\u00a012.500"


@pytest.mark.parametrize("text", HOSTILE)
def test_escaping_is_what_the_html_module_does(text: str) -> None:
    assert escaped(text) == html.escape(text)
    assert escaped(text, quote=False) == html.escape(text, quote=False)
    assert plain_tooltip(text) == "<p>" + html.escape(text).replace("\n", "<br>") + "</p>"
    expected = f'<p style="white-space:pre-wrap">{html.escape(text, quote=False)}</p>' if text else ""
    assert field_tooltip(text) == expected
