"""Saved views as JSON: a round trip keeps everything; a file from outside is read within bounds,
what this version does not know is left out with a note, and anything that is not a saved view
is one sentence; the store writes atomically, keeps names unique and sets a damaged file aside."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from linkmanager.domain.status import LinkStatus
from linkmanager.services.date_ranges import QuickRange
from linkmanager.services.saved_views import (
    FORMAT,
    MAX_FILE_BYTES,
    MAX_NAME_CHARS,
    MAX_NOTES,
    MAX_SEARCH_CHARS,
    ColumnLayout,
    Page,
    PaymentFilters,
    SavedView,
    SavedViewError,
    Sort,
    clean_name,
    read_view_file,
    view_file_bytes,
)
from linkmanager.services.saved_views_store import MAX_VIEWS, SavedViewStore, store_path

LINKS_VIEW = SavedView(
    "Active invoices",
    Page.LINKS,
    tab="active",
    search="INV-2026",
    columns=(
        ColumnLayout("link_id", width=120),
        ColumnLayout("amount", width=140),
        ColumnLayout("name"),
        ColumnLayout("status", hidden=True),
    ),
    sort=Sort("amount", descending=True),
)
PAYMENTS_VIEW = SavedView(
    "KWD in May",
    Page.PAYMENTS,
    tab="collected",
    search="",
    columns=(ColumnLayout("seen", width=200), ColumnLayout("payer", hidden=True)),
    sort=Sort("amount"),
    filters=PaymentFilters(
        currency="KWD",
        dates=QuickRange.CUSTOM,
        first_day=date(2026, 5, 1),
        last_day=date(2026, 5, 31),
        link_status=LinkStatus.ACTIVE,
    ),
)


def file_of(view: object, **top: Any) -> bytes:
    return json.dumps({"format": FORMAT, "version": 1, "view": view, **top}).encode()


@pytest.mark.parametrize("view", [LINKS_VIEW, PAYMENTS_VIEW])
def test_a_view_comes_back_from_its_file_unchanged(view: SavedView) -> None:
    read = read_view_file(view_file_bytes(view), fallback_name="ignored")
    assert read.view == view
    assert read.notes == ()


def test_the_file_says_its_format_and_version_and_reads_as_words() -> None:
    document = json.loads(view_file_bytes(PAYMENTS_VIEW))
    assert (document["format"], document["version"]) == (FORMAT, 1)
    assert document["view"]["filters"] == {
        "currency": "KWD",
        "dates": "custom",
        "first_day": "2026-05-01",
        "last_day": "2026-05-31",
        "link_status": "ACTIVE",
    }
    assert document["view"]["sort"] == {"column": "amount", "order": "ascending"}


def test_unknown_columns_tabs_and_filters_are_left_out_with_a_note() -> None:
    view = {
        "name": "From a newer version",
        "page": "payments",
        "tab": "refunded",
        "columns": [
            {"name": "seen", "width": 150},
            {"name": "refund_reason", "width": 90},
            "amount",
            {"name": "payer", "hidden": True, "width": 10**9},
            {"name": "seen", "hidden": True},  # the same column twice: the first counts
        ],
        "sort": {"column": "refund_reason", "order": "descending"},
        "filters": {"currency": "usd", "dates": "next-year", "link_status": "ARCHIVED", "refunds": True},
        "colour": "blue",
    }
    read = read_view_file(file_of(view), fallback_name="x")
    assert read.view.columns == (ColumnLayout("seen", width=150), ColumnLayout("payer", True, 4000))
    assert (read.view.tab, read.view.sort, read.view.filters) == ("all", None, PaymentFilters())
    notes = "\n".join(read.notes)
    for word in ("refunded", "refund_reason", "usd", "next-year", "ARCHIVED", "refunds", "colour"):
        assert f"“{word}”" in notes


@pytest.mark.parametrize(
    ("data", "sentence"),
    [
        (b"", "This file is not a LinkManager saved view."),
        (b"\xff\xfe\x00garbage", "This file is not a LinkManager saved view."),
        (b"[" * 60_000, "This file is not a LinkManager saved view."),  # nested past the parser's depth
        (b"9" * 50_000, "This file is not a LinkManager saved view."),  # an integer Python will not read
        (
            b'{"format": "linkmanager-saved-view", "version": NaN}',
            "This file is not a LinkManager saved view.",
        ),
        (
            json.dumps({"format": "excel", "version": 1}).encode(),
            "This file is not a LinkManager saved view.",
        ),
        (json.dumps([FORMAT, 1]).encode(), "This file is not a LinkManager saved view."),
        (
            json.dumps({"format": FORMAT, "version": True}).encode(),
            "This file is not a LinkManager saved view.",
        ),
        (file_of("a view"), "This file is not a LinkManager saved view."),
        (json.dumps({"format": FORMAT, "version": 7, "view": {}}).encode(), "newer LinkManager (format 7)"),
        (file_of({"name": "x", "page": "reports"}), "for a page LinkManager does not have (“reports”)"),
        (file_of({"name": "x", "page": ["links"]}), "for a page LinkManager does not have (“?”)"),
        (b" " * (MAX_FILE_BYTES + 1), "larger than 64 KiB"),
    ],
)
def test_what_is_not_a_saved_view_is_one_sentence(data: bytes, sentence: str) -> None:
    with pytest.raises(SavedViewError) as raised:
        read_view_file(data, fallback_name="x")
    assert sentence in str(raised.value)
    assert "\n" not in str(raised.value)


def test_hostile_text_becomes_a_plain_bounded_name_and_search() -> None:
    view = {
        "name": "\u202eevil\u202c <b>bold</b>\tname\n" + "x" * 500,
        "page": "links",
        "search": '=HYPERLINK("http://x")\n\x00' + "y" * 5000,
        "columns": [{"name": "n" * 300}] * 150,  # a long list of long names: bounded notes
    }
    read = read_view_file(file_of(view), fallback_name="x")
    name = read.view.name
    assert name.startswith("evil <b>bold</b> name x")
    assert len(name) == MAX_NAME_CHARS
    assert not any(c in name for c in "\u202e\u202c\t\n")
    assert read.view.search.startswith('=HYPERLINK("http://x")')
    assert len(read.view.search) == MAX_SEARCH_CHARS
    assert "\x00" not in read.view.search
    assert len(read.notes) == MAX_NOTES + 1
    assert read.notes[-1].startswith("…and ")
    assert all(len(note) < 200 for note in read.notes)


def test_a_view_without_a_name_takes_the_files() -> None:
    read = read_view_file(file_of({"page": "links", "name": "\u202e \n"}), fallback_name="shared-view")
    assert read.view.name == "shared-view"


def test_custom_days_out_of_range_or_not_dates_fall_back_to_all_dates() -> None:
    for first, last in (("2026-02-30", "2026-03-01"), ("1900-01-01", "2026-01-01"), (20260101, None)):
        filters = {"dates": "custom", "first_day": first, "last_day": last}
        read = read_view_file(file_of({"page": "payments", "filters": filters}), fallback_name="x")
        assert read.view.filters.dates == QuickRange.ALL
        assert read.notes
    swapped = {"dates": "custom", "first_day": "2026-05-31", "last_day": "2026-05-01"}
    read = read_view_file(file_of({"page": "payments", "filters": swapped}), fallback_name="x")
    assert (read.view.filters.first_day, read.view.filters.last_day) == (date(2026, 5, 1), date(2026, 5, 31))


def test_clean_name_keeps_arabic_and_joiners() -> None:
    assert clean_name("  فواتير\u200c  مايو  ") == "فواتير\u200c مايو"


# -- the store -----------------------------------------------------------------------------------


def test_the_store_keeps_views_per_profile_and_its_default(tmp_path: Path) -> None:
    path = store_path(tmp_path, "Main shop")
    assert path != store_path(tmp_path, "main shop")  # as the caches: one file per exact profile name
    store = SavedViewStore(path)
    store.save(LINKS_VIEW)
    store.save(PAYMENTS_VIEW)
    store.set_default("kwd IN may")  # any case finds it; the name stays as saved
    again = SavedViewStore(path)
    assert again.views() == [LINKS_VIEW, PAYMENTS_VIEW]
    assert again.default() == PAYMENTS_VIEW
    assert SavedViewStore(store_path(tmp_path, "Other shop")).views() == []
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left behind


def test_rename_delete_and_unique_names(tmp_path: Path) -> None:
    store = SavedViewStore(store_path(tmp_path, "Shop"))
    store.save(LINKS_VIEW)
    store.save(PAYMENTS_VIEW)
    store.set_default(LINKS_VIEW.name)
    store.rename(LINKS_VIEW.name, "Open invoices")
    assert store.default_name == "Open invoices"
    with pytest.raises(SavedViewError, match="already exists"):
        store.rename("Open invoices", "kwd in may")
    with pytest.raises(SavedViewError, match="needs a name"):
        store.rename("Open invoices", " \u202e ")
    assert store.unique_name("KWD in May") == "KWD in May (2)"
    assert store.unique_name("New") == "New"
    store.delete("Open invoices")
    assert store.default() is None
    assert [v.name for v in SavedViewStore(store.path).views()] == ["KWD in May"]
    with pytest.raises(SavedViewError, match="no saved view named"):
        store.delete("Open invoices")


def test_saving_under_a_taken_name_replaces_that_view(tmp_path: Path) -> None:
    store = SavedViewStore(store_path(tmp_path, "Shop"))
    store.save(LINKS_VIEW)
    store.set_default(LINKS_VIEW.name)
    store.save(SavedView("ACTIVE INVOICES", Page.LINKS, tab="used"))
    assert [(v.name, v.tab) for v in store.views()] == [("ACTIVE INVOICES", "used")]
    assert store.default_name == "ACTIVE INVOICES"


def test_the_store_is_bounded(tmp_path: Path) -> None:
    store = SavedViewStore(store_path(tmp_path, "Shop"))
    for n in range(MAX_VIEWS):
        store._views.append(SavedView(f"v{n}", Page.LINKS))  # as a long-used store would hold
    with pytest.raises(SavedViewError, match="delete some first"):
        store.save(SavedView("one more", Page.LINKS))


def test_a_damaged_store_is_said_and_set_aside_never_overwritten_in_silence(tmp_path: Path) -> None:
    path = store_path(tmp_path, "Shop")
    path.parent.mkdir(parents=True)
    path.write_text("{ not json", encoding="utf-8")
    store = SavedViewStore(path)
    assert store.views() == []
    assert store.problem is not None
    assert str(path) in store.problem
    store.save(LINKS_VIEW)
    assert path.with_suffix(".damaged.json").read_text(encoding="utf-8") == "{ not json"
    assert SavedViewStore(path).views() == [LINKS_VIEW]


def test_one_bad_entry_in_the_store_costs_only_itself(tmp_path: Path) -> None:
    path = store_path(tmp_path, "Shop")
    path.parent.mkdir(parents=True)
    entries = [{"name": "broken", "page": "nowhere"}, LINKS_VIEW.to_json(), 42]
    path.write_text(json.dumps({"format": "linkmanager-saved-views", "version": 1, "views": entries}))
    store = SavedViewStore(path)
    assert store.views() == [LINKS_VIEW]
    assert store.problem is None
