"""The command line's `links` lists what the window's table shows, in the same order.

Both go through the table engine (services.table_engine); this runs the real command line on a
real cache and compares it with the window's model over awkward names, ties and empty values.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from linkmanager.cli import main
from linkmanager.domain import LinkStatus
from linkmanager.domain.models import utc_now
from linkmanager.services.link_rows import COLUMN_NAMES
from linkmanager.storage import AppPaths, Profile, ProfileStore
from linkmanager.storage.cache import LinkCache
from linkmanager.ui.models.links_model import LINK_ID_ROLE, Column, LinksTableModel

from .test_links_loading import NOW, awkward_links


def cli_ids(home: Path, *argv: str) -> list[str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--home", str(home), "links", "--json", *argv])
    assert code == 0, err.getvalue()
    return [link["id"] for link in json.loads(out.getvalue())]


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    paths = AppPaths.under(home)
    ProfileStore(paths.profiles_file).add(
        Profile(
            "Main",
            "sandbox",
            "c",
            "https://sandbox.leantech.me",
            "https://auth.sandbox.leantech.me/oauth2/token",
        )
    )
    cache = LinkCache.open(paths.cache_file("Main"), clock=lambda: NOW)
    cache.store_listing(awkward_links(400, seed=11), NOW, complete=True)
    cache.close()
    return home


def window_ids(home: Path, column: int, order: Qt.SortOrder, status: LinkStatus | None) -> list[str]:
    cache = LinkCache.open(AppPaths.under(home).cache_file("Main"))
    model = LinksTableModel(utc_now)  # as the command line judges expiry: now
    model.sort(column, order)
    model.set_links(cache.links())
    model.set_status_filter(status)
    cache.close()
    return [model.index(row, 0).data(LINK_ID_ROLE) for row in range(model.rowCount())]


@pytest.mark.parametrize("column", list(Column))
@pytest.mark.parametrize("descending", [False, True])
def test_links_sorted_by_any_column_list_in_the_window_order(
    qtbot: QtBot, home: Path, column: Column, descending: bool
) -> None:
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    argv = ["--sort", COLUMN_NAMES[column]] + (["--descending"] if descending else [])
    listed = cli_ids(home, *argv)
    assert len(listed) == 400
    assert listed == window_ids(home, column, order, None)
    active = cli_ids(home, *argv, "--status", "active")
    assert active == window_ids(home, column, order, LinkStatus.ACTIVE)
    assert 0 < len(active) < 400


def test_unsorted_links_list_newest_confirmed_first_and_filter_by_currency(home: Path) -> None:
    listed = cli_ids(home)
    cache = LinkCache.open(AppPaths.under(home).cache_file("Main"))
    assert listed == [c.link.id for c in cache.links()]  # the cache's own order, as before
    cache.close()
    assert cli_ids(home, "--currency", "aed") == listed  # every awkward link is in AED
    assert cli_ids(home, "--currency", "SAR") == []
