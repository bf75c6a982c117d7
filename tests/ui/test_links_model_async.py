"""Large sets are sorted and filtered on the task runner's workers, and the newest request wins.

The model is given a low threshold so a few hundred links take the worker path; the rows and
the counts arrive through the runner, never from an older request, and the selection survives.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from linkmanager.domain import LinkStatus
from linkmanager.storage.cache import LinkCache
from linkmanager.ui.models.links_model import LINK_ID_ROLE, Column, LinksTableModel
from linkmanager.ui.tasks import TaskRunner

from .test_links_loading import NOW, awkward_links

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    made = TaskRunner()
    yield made
    made.wait_idle(10_000)


@pytest.fixture
def links(tmp_path: Path) -> list:  # type: ignore[type-arg]
    cache = LinkCache.open(tmp_path / "c.sqlite3", clock=lambda: NOW)
    cache.store_listing(awkward_links(600, seed=5), NOW, complete=True)
    found = cache.links(now=NOW, ordered=False)
    cache.close()
    return found


def ids(model: LinksTableModel) -> list[str]:
    return [model.index(row, 0).data(LINK_ID_ROLE) for row in range(model.rowCount())]


def reference(
    links: list, column: Column, order: Qt.SortOrder, status: LinkStatus | None = None
) -> list[str]:  # type: ignore[type-arg]
    model = LinksTableModel(lambda: NOW)  # no runner: every answer on the spot
    model.sort(column, order)
    model.set_links(links)
    model.set_status_filter(status)
    return ids(model)


def test_rows_arrive_from_a_worker_and_only_the_newest_sort_is_shown(
    qtbot: QtBot,
    runner: TaskRunner,
    links: list,  # type: ignore[type-arg]
) -> None:
    model = LinksTableModel(lambda: NOW, runner=runner, async_from=100)
    threads: set[int] = set()
    original = model.engine.set_rows

    def spy(rows):  # type: ignore[no-untyped-def]
        job = original(rows)
        make = job.make

        def made():  # type: ignore[no-untyped-def]
            threads.add(threading.get_ident())
            return make()

        object.__setattr__(job, "make", made)
        return job

    model.engine.set_rows = spy  # type: ignore[method-assign]
    model.set_links(links)
    assert model.rowCount() == 0  # not on the spot: on a worker
    assert not model.is_complete
    qtbot.waitUntil(lambda: model.rowCount() == 600)
    assert threading.get_ident() not in threads
    assert threads
    assert model.is_complete
    answers: list[bool] = []
    model.answered.connect(lambda: answers.append(True))
    model.sort(Column.NAME, ASC)
    model.sort(Column.EXPIRES, DESC)  # clicked again before the first sort came back
    qtbot.waitUntil(lambda: not model.engine.pending)
    runner.wait_idle(5_000)
    assert answers == [True]  # the name sort's answer was dropped
    assert ids(model) == reference(links, Column.EXPIRES, DESC)


def test_a_filter_asked_during_a_sort_is_applied_with_it_and_counts_follow(
    qtbot: QtBot,
    runner: TaskRunner,
    links: list,  # type: ignore[type-arg]
) -> None:
    model = LinksTableModel(lambda: NOW, runner=runner, async_from=100)
    model.set_links(links)
    qtbot.waitUntil(lambda: model.is_complete)
    model.sort(Column.CUSTOMER_ID, ASC)
    model.set_status_filter(LinkStatus.DISABLED)
    qtbot.waitUntil(lambda: not model.engine.pending)
    assert ids(model) == reference(links, Column.CUSTOMER_ID, ASC, LinkStatus.DISABLED)
    counts = model.status_counts()
    assert counts[None] == 600
    assert counts[LinkStatus.DISABLED] == model.rowCount()


def test_settle_shows_what_was_asked_at_once_and_the_late_answer_changes_nothing(
    qtbot: QtBot,
    runner: TaskRunner,
    links: list,  # type: ignore[type-arg]
) -> None:
    model = LinksTableModel(lambda: NOW, runner=runner, async_from=100)
    model.sort(Column.NAME, ASC)
    model.set_links(links)
    qtbot.waitUntil(lambda: model.is_complete)
    wanted = set(ids(model)[::7])
    model.set_id_filter(wanted)
    model.settle()
    assert set(ids(model)) == wanted  # at once, for a caller that selects a row next
    shown = ids(model)
    runner.wait_idle(5_000)  # the worker's answer for the same request arrives late: dropped
    assert ids(model) == shown


def test_the_selection_survives_a_sync_answered_on_a_worker(
    qtbot: QtBot,
    runner: TaskRunner,
    links: list,  # type: ignore[type-arg]
) -> None:
    from dataclasses import replace

    model = LinksTableModel(lambda: NOW, runner=runner, async_from=100)
    view = QTableView()
    view.setModel(model)
    model.sort(Column.NAME, ASC)
    model.set_links(links)
    qtbot.waitUntil(lambda: model.is_complete)
    chosen = ids(model)[40]
    view.selectionModel().select(
        model.index(40, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    newer = [
        replace(c, link=replace(c.link, name="0 first")) if c.link.id == chosen else c for c in links[1:]
    ]
    model.set_links(newer)  # one link gone, the selected one renamed to the top
    qtbot.waitUntil(lambda: model.rowCount() == 599)
    selected = [index.data(LINK_ID_ROLE) for index in view.selectionModel().selectedRows()]
    assert selected == [chosen]
    assert ids(model) == reference(newer, Column.NAME, ASC)
