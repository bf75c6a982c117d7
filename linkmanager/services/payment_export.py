"""What the Payments and Links views export: their columns, each row's values, the filters in words.

No Qt here: the command line's `export` and the window's Export share it, so a file holds the
same columns whichever made it. Values are kept as what they are (a Money, an aware moment, an
int) for services.export to write as real numbers and dates; statuses stay Lean's own codes
(ACCEPTED_BY_BANK), which an accountant can match with Lean's dashboard whatever the language.
The window exports only its visible columns under its own translated titles (ExportLayout.only)
and passes its translated words (ExportWords).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from decimal import InvalidOperation
from functools import lru_cache, partial
from pathlib import Path
from typing import Generic, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from linkmanager.domain.models import Usage
from linkmanager.domain.money import Money
from linkmanager.domain.outcome import OUTCOMES, Outcome
from linkmanager.domain.status import LinkStatus
from linkmanager.services.export import ExportColumn, ExportFormat
from linkmanager.services.link_rows import COLUMN_NAMES, LINK_SPEC, NOT_LISTED, LinkRow, make_rows
from linkmanager.services.payment_source import TEXT_BATCH, PaymentRow, PaymentSource, link_info
from linkmanager.services.payments import (
    PaymentColumn,
    PaymentFilter,
    PaymentLinkInfo,
    PaymentSort,
    PaymentTable,
    Places,
)
from linkmanager.services.table_rows import RowFilter, RowSet, RowSort, select
from linkmanager.storage import payment_reads
from linkmanager.storage.cache import LinkCache
from linkmanager.storage.cache_model import StoredDataError, decode_usage
from linkmanager.storage.payment_reads import UsageTexts

R = TypeVar("R")

OUTCOME_LABELS: dict[Outcome, str] = {
    Outcome.COLLECTED: "Collected",
    Outcome.PENDING: "Pending with bank",
    Outcome.FAILED: "Failed",
    Outcome.STARTED: "Started",
    Outcome.EXPIRED: "Expired",
    Outcome.OTHER: "Other",
}


def _status_label(status: LinkStatus) -> str:
    return status.label


@dataclass(frozen=True, slots=True)
class ExportWords:
    """The words an export writes in its cells (English here; the window passes translations)."""

    outcomes: Mapping[Outcome, str] = field(default_factory=lambda: dict(OUTCOME_LABELS))
    # Seen: found between two looks at its link (it happened shortly before "Seen at"), or on the
    # first look at the link (it happened some time before "Seen at": Lean sends no payment times).
    first_seen: str = "first seen"
    seen_before: str = "seen before"
    not_listed: str = NOT_LISTED
    link_status: Callable[[LinkStatus], str] = _status_label


ENGLISH = ExportWords()

PAYMENT_EXPORT_COLUMNS: tuple[ExportColumn, ...] = (
    ExportColumn("Seen at", "moment"),
    ExportColumn("Seen", "text"),
    ExportColumn("Link", "text"),
    ExportColumn("Reference", "text"),
    ExportColumn("Amount", "money"),
    ExportColumn("Currency", "text"),
    ExportColumn("Outcome", "text"),
    ExportColumn("Usage status", "text"),
    ExportColumn("Payment status", "text"),
    ExportColumn("Payment ID", "text"),
    ExportColumn("Customer ID", "text"),
    ExportColumn("Payer value", "text"),
    ExportColumn("Link ID", "text"),
    ExportColumn("Usage ID", "text"),
)
# The export columns each of the view's columns shows (Seen is a time and whether it is only a
# bound); the ids the view keeps out of sight follow them (PAYMENT_ID_COLUMNS).
PAYMENT_VIEW_COLUMNS: dict[PaymentColumn, tuple[int, ...]] = {
    PaymentColumn.SEEN: (0, 1),
    PaymentColumn.LINK: (2,),
    PaymentColumn.REFERENCE: (3,),
    PaymentColumn.AMOUNT: (4,),
    PaymentColumn.CURRENCY: (5,),
    PaymentColumn.OUTCOME: (6,),
    PaymentColumn.USAGE_STATUS: (7,),
    PaymentColumn.PAYMENT_STATUS: (8,),
    PaymentColumn.PAYMENT_ID: (9,),
    PaymentColumn.CUSTOMER_ID: (10,),
    PaymentColumn.PAYER: (11,),
}
PAYMENT_ID_COLUMNS: tuple[int, ...] = (12, 13)

LINK_EXPORT_COLUMNS: tuple[ExportColumn, ...] = (
    ExportColumn("Link ID", "text"),
    ExportColumn("Name", "text"),
    ExportColumn("Status", "text"),
    ExportColumn("Amount", "money"),
    ExportColumn("Currency", "text"),
    ExportColumn("Usages", "integer"),
    ExportColumn("Max usages", "integer"),
    ExportColumn("Expires", "moment"),
    ExportColumn("Reference", "text"),
    ExportColumn("Customer ID", "text"),
)
# By the links view's column (link_rows.COLUMN_NAMES' order): money and "used / limit" are each
# two cells, so a spreadsheet can sum and compare them.
LINK_VIEW_COLUMNS: tuple[tuple[int, ...], ...] = ((0,), (1,), (2,), (3, 4), (5, 6), (7,), (8,), (9,))


def payment_values(row: PaymentRow, words: ExportWords = ENGLISH) -> list[object]:
    """One row of the Payments view, a value per PAYMENT_EXPORT_COLUMNS column (None: empty)."""
    texts, link = row.texts, row.link
    return [
        row.seen_at,
        words.seen_before if row.seen_before else words.first_seen,
        link.display_name or None,
        link.reference or None,
        link.money,
        link.currency,
        words.outcomes[row.outcome],
        texts.usage_status if texts else None,
        texts.payment_status if texts else None,
        texts.payment_id if texts else None,
        texts.customer_id if texts else None,
        texts.first_value if texts else None,
        link.id or None,  # "": the link went in a rebuild meanwhile
        texts.usage_id if texts else None,
    ]


def link_values(row: LinkRow, words: ExportWords = ENGLISH) -> list[object]:
    """One row of the Links view, a value per LINK_EXPORT_COLUMNS column (None: empty)."""
    try:
        amount: Money | None = row.amount
    except (ValueError, InvalidOperation):  # a damaged stored amount costs its cell, not the row
        amount = None
    status = words.link_status(row.status) + (words.not_listed if row.missing_since is not None else "")
    return [
        row.id,
        row.name,
        status,
        amount,
        row.currency,
        row.current_usages,
        row.max_usages,
        row.expires_at,
        row.reference,
        row.customer_id,
    ]


class ExportLayout(Generic[R]):
    """Columns and how a row gives their values; `only` keeps some of them, retitled if asked."""

    def __init__(
        self,
        columns: Sequence[ExportColumn],
        values: Callable[[R, ExportWords], list[object]],
        words: ExportWords = ENGLISH,
        indexes: Sequence[int] | None = None,
    ) -> None:
        self._all = tuple(columns)
        self._values = values
        self.words = words
        self.indexes = tuple(range(len(self._all)) if indexes is None else indexes)
        for index in self.indexes:
            if not 0 <= index < len(self._all):
                raise IndexError(f"no export column {index} (there are {len(self._all)})")
        self.columns: tuple[ExportColumn, ...] = tuple(self._all[i] for i in self.indexes)

    def only(
        self, indexes: Sequence[int], titles: Sequence[str] | None = None, words: ExportWords | None = None
    ) -> ExportLayout[R]:
        """The columns at `indexes` (into the whole list) in that order, with `titles` if given."""
        chosen = ExportLayout(self._all, self._values, words or self.words, indexes)
        if titles is not None:
            if len(titles) != len(chosen.columns):
                raise ValueError(f"{len(titles)} titles for {len(chosen.columns)} columns")
            chosen.columns = tuple(
                ExportColumn(title, column.kind) for title, column in zip(titles, chosen.columns, strict=True)
            )
        return chosen

    def row(self, item: R) -> list[object]:
        values = self._values(item, self.words)
        return [values[i] for i in self.indexes]

    def rows(self, items: Iterable[R]) -> Iterator[list[object]]:
        return map(self.row, items)


PAYMENTS: ExportLayout[PaymentRow] = ExportLayout(PAYMENT_EXPORT_COLUMNS, payment_values)
LINKS: ExportLayout[LinkRow] = ExportLayout(LINK_EXPORT_COLUMNS, link_values)


def payment_view_indexes(visible: Iterable[PaymentColumn], *, ids: bool = True) -> list[int]:
    """The export columns of the view's `visible` columns, in their order; then the ids if asked."""
    chosen = [index for column in visible for index in PAYMENT_VIEW_COLUMNS[column]]
    return chosen + list(PAYMENT_ID_COLUMNS) if ids else chosen


def link_view_indexes(visible: Iterable[int]) -> list[int]:
    """The export columns of the links view's `visible` columns (link_rows.COLUMN_NAMES' places)."""
    return [index for column in visible for index in LINK_VIEW_COLUMNS[column]]


def chosen_links(
    cache: LinkCache,
    now: datetime,
    *,
    status: LinkStatus | None = None,
    search: str | None = None,
    currency: str | None = None,
    sort: tuple[str, bool] | None = None,
) -> list[LinkRow]:
    """The links `linkmanager links` lists for the same options, in its order (its engine and
    filter); `sort` is (a link_rows.COLUMN_NAMES name, descending), None the cache's order."""
    keys = None
    if search:
        direct, via_usage = cache.search_link_ids(search)
        keys = frozenset(direct | via_usage)
    every = make_rows(cache.links(now=now), now)
    order = RowSort(COLUMN_NAMES.index(sort[0]), sort[1]) if sort is not None else RowSort()
    return select(RowSet(every, LINK_SPEC), RowFilter(status, keys, currency=currency), order).rows


# -- reading the rows to export -------------------------------------------------------------------

_OUTCOME_OF = tuple(Outcome(code) for code in range(len(Outcome)))
_moment = lru_cache(maxsize=4096)(lambda seconds: datetime.fromtimestamp(seconds, UTC))  # in runs


def whole_rows(
    source: PaymentSource, table: PaymentTable, places: Places, batch: int = TEXT_BATCH
) -> Iterator[tuple[PaymentRow, Usage | None]]:
    """The rows at `places` in order, each with its whole usage (None: gone or damaged in the
    cache; its texts are then blank), a batch at a time: PaymentSource.rows plus what --json
    needs, in one read a batch and each link's facts made once a batch (10-25% faster)."""
    for start in range(0, len(places), batch):
        chunk = places[start : start + batch]
        keys: list[int] = table.keys[chunk].tolist()
        stored = source.cache.read_beside("read payments", partial(payment_reads.usage_rows, keys=keys))
        link_places = table.link[chunk]
        texts = source.link_texts(table.link_keys[link_places].tolist())
        links: dict[int, PaymentLinkInfo] = {}
        numbers = zip(
            keys, table.seen[chunk].tolist(), table.seen_before[chunk].tolist(), link_places.tolist(),
            table.outcome[chunk].tolist(), strict=True,
        )  # fmt: skip
        for key, seen, before, link, outcome in numbers:
            info = links.get(link)
            if info is None:
                info = links[link] = link_info(table, link, texts)
            usage = _usage(stored.get(key))
            yield PaymentRow(key, _moment(seen), before, info, _OUTCOME_OF[outcome], _texts(usage)), usage


def _usage(stored: Sequence[object] | None) -> Usage | None:
    try:
        return decode_usage(stored) if stored is not None else None
    except StoredDataError:
        return None  # a damaged usage costs its texts, not the row


def _texts(usage: Usage | None) -> UsageTexts | None:
    if usage is None:
        return None
    first = usage.identifiers[0].value if usage.identifiers else None
    return UsageTexts(
        usage.usage_id, usage.usage_status.value, usage.payment_status, usage.payment_id,
        usage.customer_id, first if isinstance(first, str) else None,
    )  # fmt: skip


def export_format(out: Path, asked: str | None) -> ExportFormat:
    """The format to write `out` in: the one asked for, else its name's; ValueError (one sentence)
    when neither says, or when they disagree (Excel refuses an XLSX named .csv)."""
    suffix = out.suffix.lower().lstrip(".")
    given = asked or suffix
    if given not in ("csv", "xlsx"):
        raise ValueError(f"Give --format csv or --format xlsx ({out.name!r} does not say which).")
    if suffix in ("csv", "xlsx") and suffix != given:
        raise ValueError(f"--format {given} and a .{suffix} name disagree; name the file .{given}.")
    return "xlsx" if given == "xlsx" else "csv"


# -- the filters in words, for the header block ---------------------------------------------------


def _days_text(flt: PaymentFilter, zone: tzinfo) -> str | None:
    """The local days of [since, until): until is the midnight after the last day."""
    first = flt.since.astimezone(zone).date() if flt.since is not None else None
    last = (flt.until.astimezone(zone) - timedelta(microseconds=1)).date() if flt.until is not None else None
    if first is not None and last is not None:
        return f"seen on {first}" if first == last else f"seen from {first} to {last}"
    if first is not None:
        return f"seen on or after {first}"
    if last is not None:
        return f"seen on or before {last}"
    return None


def _sort_text(name: str, descending: bool) -> str:
    return f"sorted by {name}, {'descending' if descending else 'ascending'}"


def payment_filters_text(flt: PaymentFilter, zone: tzinfo, sort: PaymentSort | None = None) -> str:
    """The Payments view's filters (and order) in words: "outcome collected; currency AED; …"."""
    parts: list[str] = []
    if flt.outcomes:
        parts.append("outcome " + ", ".join(o.word for o in OUTCOMES if o in flt.outcomes))
    if flt.currency is not None:
        parts.append(f"currency {flt.currency}")
    days = _days_text(flt, zone)
    if days is not None:
        parts.append(days + " (local days)")  # the header names the zone
    if flt.link_statuses:
        parts.append("link status " + ", ".join(sorted(s.value for s in flt.link_statuses)))
    if flt.found is not None:
        parts.append(f'search "{flt.found.text}"')
    text = "; ".join(parts) or "none (all payments)"
    if sort is not None:
        text += "; " + _sort_text(sort.column.name.lower().replace("_", " "), sort.descending)
    return text


def link_filters_text(
    *,
    status: LinkStatus | None = None,
    currency: str | None = None,
    search: str | None = None,
    sort: tuple[str, bool] | None = None,
) -> str:
    """The Links view's filters in words; `sort` is (column name, descending) when one was chosen."""
    parts: list[str] = []
    if status is not None:
        parts.append(f"status {status.value}")
    if currency is not None:
        parts.append(f"currency {currency}")
    if search:
        parts.append(f'search "{search}"')
    text = "; ".join(parts) or "none (all links)"
    return text + ("; " + _sort_text(*sort) if sort is not None else "")


# -- the workstation's time zone ------------------------------------------------------------------


def local_zone() -> tzinfo:
    """The workstation's zone, which exports, --since and --until count days in: its IANA zone
    when the system names one (an export then says "Asia/Dubai", and a day across a
    daylight-saving change has its real length), else its offset now."""
    now = datetime.now().astimezone()
    fixed = now.tzinfo or UTC
    for key in _zone_names():
        try:
            zone = ZoneInfo(key)
        except (ValueError, OSError, ZoneInfoNotFoundError):
            continue
        if now.astimezone(zone).utcoffset() == now.utcoffset():  # the name agrees with the clock
            return zone
    return fixed


def _zone_names() -> list[str]:
    """Where POSIX systems name the zone: TZ, else /etc/localtime's link, else /etc/timezone."""
    given = os.environ.get("TZ")
    if given is not None:  # TZ wins, even when it names no zone ("UTC-4": the offset then)
        return [given.lstrip(":").rpartition("zoneinfo/")[2]]
    names = []
    with suppress(OSError):
        names.append(os.readlink("/etc/localtime").rpartition("zoneinfo/")[2])
    with suppress(OSError), open("/etc/timezone", encoding="utf-8") as named:
        names.append(named.read().strip())
    return names
