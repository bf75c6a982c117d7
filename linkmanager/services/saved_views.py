"""Saved views: a page's tab, filters, search, columns and sort under a name, as JSON.

A view is kept by names, never by Qt's binary header state: a file shared with a colleague must
still mean the same after a column is added in a later version, and must be readable (and
checkable) by people. So columns, tabs and filters are words ("amount", "collected",
"last-7-days"); the window (ui/views) turns them into its tables' indexes.

Whatever a file holds, reading it is bounded and never raises anything but SavedViewError with
one sentence for the user: too large, not JSON, not a saved view, or from a newer format. Parts
this version does not know (a column, a tab, a filter) are left out and each gives a note, so
an older LinkManager opens a newer colleague's view as far as it can.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Any

from linkmanager.domain import jsontext
from linkmanager.domain.i18n import BIDI_CONTROLS, Context
from linkmanager.domain.status import LinkStatus
from linkmanager.services.date_ranges import QuickRange

SavedViews = Context("SavedViews")

FORMAT = "linkmanager-saved-view"  # one view in a file of its own (export / import)
VERSION = 1
MAX_FILE_BYTES = 64 * 1024  # a view is well under 2 KiB; anything larger is not one
MAX_NAME_CHARS = 60  # fits a menu entry
MAX_SEARCH_CHARS = 200
MAX_COLUMNS = 64  # entries read from a file's column list; more are not looked at
MAX_NOTES = 12  # notes shown about one file; the rest are counted
MIN_WIDTH, MAX_WIDTH = 16, 4000
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2100, 12, 31)  # custom days outside these are not real
_SHOWN_CHARS = 40  # a hostile word from a file, quoted in a note, is cut to this


class Page(StrEnum):
    LINKS = "links"
    PAYMENTS = "payments"


# Each page's columns by name, in the order of the tables' own columns (ui.models.links_model.Column,
# services.payments.PaymentColumn; a test keeps them equal). Qt-free and numpy-free here.
LINK_COLUMNS = ("link_id", "name", "status", "amount", "usages", "expires", "reference", "customer_id")
PAYMENT_COLUMNS = (
    "seen",
    "link",
    "reference",
    "amount",
    "currency",
    "outcome",
    "usage_status",
    "payment_status",
    "payment_id",
    "customer_id",
    "payer",
)
# The tabs in the windows' order (ui.controllers.search_controller.TABS, payments_page.TAB_OUTCOMES).
LINK_TABS = ("all", "active", "disabled", "expired", "used")
PAYMENT_TABS = ("all", "collected", "pending", "failed", "started", "expired")
COLUMNS: dict[Page, tuple[str, ...]] = {Page.LINKS: LINK_COLUMNS, Page.PAYMENTS: PAYMENT_COLUMNS}
TABS: dict[Page, tuple[str, ...]] = {Page.LINKS: LINK_TABS, Page.PAYMENTS: PAYMENT_TABS}
_VIEW_KEYS = frozenset({"name", "page", "tab", "search", "columns", "sort", "filters"})
_FILTER_KEYS = frozenset({"currency", "dates", "first_day", "last_day", "link_status"})


class SavedViewError(ValueError):
    """A file or a name that cannot be a saved view; the message is one sentence for the user."""


@dataclass(frozen=True, slots=True)
class ColumnLayout:
    """One column as the view shows it; `width` None keeps the width the table has."""

    name: str
    hidden: bool = False
    width: int | None = None


@dataclass(frozen=True, slots=True)
class Sort:
    column: str
    descending: bool = False


@dataclass(frozen=True, slots=True)
class PaymentFilters:
    """The Payments page's filters; the custom days only mean something with QuickRange.CUSTOM."""

    currency: str | None = None
    dates: QuickRange = QuickRange.ALL
    first_day: date | None = None
    last_day: date | None = None
    link_status: LinkStatus | None = None


@dataclass(frozen=True, slots=True)
class SavedView:
    name: str
    page: Page
    tab: str = "all"
    search: str = ""
    columns: tuple[ColumnLayout, ...] = ()  # in the order shown, left to right (right to left in Arabic)
    sort: Sort | None = None
    filters: PaymentFilters = field(default_factory=PaymentFilters)  # the Payments page's only

    def renamed(self, name: str) -> SavedView:
        return replace(self, name=clean_name(name))

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "name": self.name,
            "page": self.page.value,
            "tab": self.tab,
            "search": self.search,
            "columns": [
                {"name": c.name, "hidden": c.hidden, **({} if c.width is None else {"width": c.width})}
                for c in self.columns
            ],
            "sort": None
            if self.sort is None
            else {"column": self.sort.column, "order": "descending" if self.sort.descending else "ascending"},
        }
        if self.page == Page.PAYMENTS:
            f = self.filters
            custom = f.dates == QuickRange.CUSTOM
            data["filters"] = {
                "currency": f.currency,
                "dates": f.dates.value,
                "first_day": f.first_day.isoformat() if custom and f.first_day else None,
                "last_day": f.last_day.isoformat() if custom and f.last_day else None,
                "link_status": f.link_status.value if f.link_status else None,
            }
        return data


@dataclass(frozen=True, slots=True)
class ReadView:
    """A view read from outside, and what was left out of it (notes for the user)."""

    view: SavedView
    notes: tuple[str, ...] = ()


# -- names ---------------------------------------------------------------------------------------


def clean_name(text: str) -> str:
    """A view's name as plain text on one line: no control or direction-changing characters
    (U+202E would turn a menu entry around), spaces collapsed, at most MAX_NAME_CHARS."""
    kept = "".join(
        " " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in text if c not in BIDI_CONTROLS
    )
    return " ".join(kept.split())[:MAX_NAME_CHARS].strip()


def checked_name(text: str) -> str:
    """`text` as a view's name, or SavedViewError when nothing of it is left."""
    name = clean_name(text)
    if not name:
        raise SavedViewError(SavedViews.tr("A saved view needs a name."))
    return name


def _shown(value: object) -> str:
    """A word from a file, safe to quote in a note (cut, on one line, no controls)."""
    text = clean_name(value) if isinstance(value, str) else "?"
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"


# -- reading ---------------------------------------------------------------------------------------


def view_file_bytes(view: SavedView) -> bytes:
    """The export file: {"format", "version", "view"}, UTF-8, indented for people to read."""
    document = {"format": FORMAT, "version": VERSION, "view": view.to_json()}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def read_view_file(data: bytes, *, fallback_name: str) -> ReadView:
    """An imported file, strictly: anything that is not a saved view is one clear sentence."""
    if len(data) > MAX_FILE_BYTES:
        raise SavedViewError(
            SavedViews.tr("The file is larger than {size} KiB, so it is not a saved view.").format(
                size=MAX_FILE_BYTES // 1024
            )
        )
    not_a_view = SavedViewError(SavedViews.tr("This file is not a LinkManager saved view."))
    try:
        document = jsontext.loads(data)
    except (jsontext.JsonTextError, ValueError):  # ValueError: an integer of thousands of digits
        raise not_a_view from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise not_a_view
    version = document.get("version")
    if type(version) is not int or version < 1:
        raise not_a_view
    if version > VERSION:
        raise SavedViewError(
            SavedViews.tr(
                "This saved view comes from a newer LinkManager (format {version}); "
                "update LinkManager to import it."
            ).format(version=version)
        )
    return view_from_json(document.get("view"), fallback_name=fallback_name)


def view_from_json(data: object, *, fallback_name: str = "") -> ReadView:
    """A view from parsed JSON, leniently: what is unknown is left out with a note; only a
    value that is no view at all, or is for a page this version has not, is an error."""
    if not isinstance(data, dict):
        raise SavedViewError(SavedViews.tr("This file is not a LinkManager saved view."))
    notes: list[str] = []
    page_word = data.get("page")
    page = next((p for p in Page if p == page_word), None)
    if page is None:
        raise SavedViewError(
            SavedViews.tr("This saved view is for a page LinkManager does not have (“{page}”).").format(
                page=_shown(page_word)
            )
        )
    for key in sorted(k for k in data if k not in _VIEW_KEYS)[:MAX_NOTES]:
        notes.append(SavedViews.tr("“{key}” is not known here and was left out.").format(key=_shown(key)))
    raw_name = data.get("name")
    name = clean_name(raw_name) if isinstance(raw_name, str) else ""
    name = name or clean_name(fallback_name) or SavedViews.tr("Imported view")
    view = SavedView(
        name=name,
        page=page,
        tab=_tab(page, data.get("tab"), notes),
        search=_search(data.get("search"), notes),
        columns=_columns(page, data.get("columns"), notes),
        sort=_sort(page, data.get("sort"), notes),
        filters=_filters(data.get("filters"), notes) if page == Page.PAYMENTS else PaymentFilters(),
    )
    return ReadView(view, _bounded(notes))


def _bounded(notes: list[str]) -> tuple[str, ...]:
    if len(notes) <= MAX_NOTES:
        return tuple(notes)
    more = SavedViews.tr("…and %Ln more.", "", len(notes) - MAX_NOTES)
    return (*notes[:MAX_NOTES], more)


def _tab(page: Page, value: object, notes: list[str]) -> str:
    if value is None or value in TABS[page]:
        return value if isinstance(value, str) else "all"
    notes.append(
        SavedViews.tr("The tab “{tab}” is not known here; the view opens on All.").format(tab=_shown(value))
    )
    return "all"


def _search(value: object, notes: list[str]) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        notes.append(SavedViews.tr("The search was not text and was left out."))
        return ""
    text = " ".join(value.split())  # one line: a search box holds no line breaks or tabs
    text = "".join(c for c in text if unicodedata.category(c) != "Cc")
    if len(text) > MAX_SEARCH_CHARS:
        notes.append(SavedViews.tr("The search was cut to %Ln character(s).", "", MAX_SEARCH_CHARS))
        text = text[:MAX_SEARCH_CHARS]
    return text


def _columns(page: Page, value: object, notes: list[str]) -> tuple[ColumnLayout, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        notes.append(SavedViews.tr("The columns were not a list and were left out."))
        return ()
    known, seen, columns = COLUMNS[page], set(), []
    for entry in value[:MAX_COLUMNS]:
        name = entry.get("name") if isinstance(entry, dict) else None
        if name not in known:
            notes.append(
                SavedViews.tr("The column “{column}” is not known here and was left out.").format(
                    column=_shown(name)
                )
            )
            continue
        if name in seen:
            continue
        seen.add(name)
        hidden, width = entry.get("hidden"), entry.get("width")
        columns.append(
            ColumnLayout(
                name,
                hidden=hidden is True,
                width=min(max(width, MIN_WIDTH), MAX_WIDTH) if type(width) is int else None,
            )
        )
    return tuple(columns)


def _sort(page: Page, value: object, notes: list[str]) -> Sort | None:
    if value is None:
        return None
    if isinstance(value, dict):
        column = value.get("column")
        if isinstance(column, str) and column in COLUMNS[page]:
            return Sort(column, descending=value.get("order") == "descending")
    else:
        column = None
    notes.append(
        SavedViews.tr("The sort column “{column}” is not known here; the order is left as it is.").format(
            column=_shown(column)
        )
    )
    return None


def _filters(value: object, notes: list[str]) -> PaymentFilters:
    if value is None:
        return PaymentFilters()
    if not isinstance(value, dict):
        notes.append(SavedViews.tr("The filters were not understood and were left out."))
        return PaymentFilters()
    for key in sorted(k for k in value if k not in _FILTER_KEYS)[:MAX_NOTES]:
        notes.append(
            SavedViews.tr("The filter “{filter}” is not known here and was left out.").format(
                filter=_shown(key)
            )
        )
    return PaymentFilters(
        currency=_currency(value.get("currency"), notes),
        link_status=_link_status(value.get("link_status"), notes),
        **_dates(value, notes),
    )


def _currency(value: object, notes: list[str]) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and len(value) == 3 and value.isascii() and value.isalpha() and value.isupper():
        return value
    notes.append(
        SavedViews.tr("“{currency}” is not a currency code; the view shows every currency.").format(
            currency=_shown(value)
        )
    )
    return None


def _link_status(value: object, notes: list[str]) -> LinkStatus | None:
    if value is None:
        return None
    known = {status.value: status for status in LinkStatus.known()}
    if isinstance(value, str) and value in known:
        return known[value]
    notes.append(
        SavedViews.tr("The link status “{status}” is not known here and was left out.").format(
            status=_shown(value)
        )
    )
    return None


def _dates(value: Mapping[str, object], notes: list[str]) -> dict[str, Any]:
    word = value.get("dates")
    if word is None:
        return {}
    which = next((q for q in QuickRange if q == word), None)
    if which is None:
        notes.append(
            SavedViews.tr("The date range “{range}” is not known here; the view shows all dates.").format(
                range=_shown(word)
            )
        )
        return {}
    if which != QuickRange.CUSTOM:
        return {"dates": which}
    first, last = _day(value.get("first_day")), _day(value.get("last_day"))
    if first is None or last is None:
        notes.append(
            SavedViews.tr("The custom days were not dates from 2000 to 2100; the view shows all dates.")
        )
        return {}
    first, last = min(first, last), max(first, last)
    return {"dates": which, "first_day": first, "last_day": last}


def _day(value: object) -> date | None:
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None
    return day if FIRST_DAY <= day <= LAST_DAY else None
