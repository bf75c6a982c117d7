"""The links view's answer to a search, end to end (simulator over loopback, real cache, threads):
nothing found says so and offers the nearest names; a link found through a payment marks that
payment in the usages table."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from linkmanager.ui.main_window import MainWindow
from linkmanager.ui.models.links_model import LINK_ID_ROLE

WAIT_MS = 20_000


@pytest.fixture
def window(synced_window: MainWindow) -> MainWindow:
    return synced_window  # tests/ui/conftest.py


def test_a_misspelt_name_is_answered_with_the_nearest_names(qtbot: QtBot, window: MainWindow) -> None:
    names = (c.link.name for c in window._workspace.cache.links() if c.link.name)
    name = next(n for n in names if len(n) > 8 and n.replace(" ", "").isalpha())
    typo = name[:3] + name[4:]  # one letter left out
    window.search_box.setText(typo)
    qtbot.waitUntil(lambda: "Did you mean" in window.no_match.text(), timeout=WAIT_MS)
    assert window.no_match.isVisible()
    assert window.model.rowCount() == 0
    assert "No link matches" in window.no_match.text()
    window.no_match.linkActivated.emit("0")  # the first suggestion, clicked
    assert window.search_box.text() != typo
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.no_match.isVisible(), timeout=WAIT_MS)


def test_hostile_text_in_the_sentence_is_shown_as_written(qtbot: QtBot, window: MainWindow) -> None:
    window.no_match.show_no_match("<b>zz", ["<i>x</i>"])
    assert "&lt;b&gt;zz" in window.no_match.text()
    assert "&lt;i&gt;x&lt;/i&gt;" in window.no_match.text()


def test_a_link_found_through_a_payment_marks_that_payment(qtbot: QtBot, window: MainWindow) -> None:
    cache = window._workspace.cache
    found = next(
        (c.link.id, u.usage_id, u.identifiers[0].value)
        for c in cache.links()
        for u in cache.usages(c.link.id)
        if u.identifiers and len(u.identifiers[0].value) >= 6 and "<" not in u.identifiers[0].value
    )
    link_id, usage_id, value = found
    window.search_box.setText(value)
    qtbot.waitUntil(lambda: window.search.current_search() == value, timeout=WAIT_MS)  # the search shown
    qtbot.waitUntil(
        lambda: any(
            window.model.index(r, 0).data(LINK_ID_ROLE) == link_id for r in range(window.model.rowCount())
        ),
        timeout=WAIT_MS,
    )
    row = next(
        r for r in range(window.model.rowCount()) if window.model.index(r, 0).data(LINK_ID_ROLE) == link_id
    )
    window.table.setCurrentIndex(window.model.index(row, 0))
    usages = window.detail.usages.model

    def bold() -> bool:
        at = usages.row_of(usage_id)
        font = usages.index(at, 0).data(Qt.ItemDataRole.FontRole) if at is not None else None
        return isinstance(font, QFont) and font.bold()

    qtbot.waitUntil(bold, timeout=WAIT_MS)
    others = [u for r in range(usages.rowCount()) if (u := usages.usage_at(r)) and u.usage_id != usage_id]
    for other in others:
        if not any(value in i.value for i in other.identifiers):
            at = usages.row_of(other.usage_id)
            assert at is not None
            assert usages.index(at, 0).data(Qt.ItemDataRole.FontRole) is None
    window.search_box.clear()  # no search: no marks
    qtbot.waitUntil(lambda: not bold(), timeout=WAIT_MS)
