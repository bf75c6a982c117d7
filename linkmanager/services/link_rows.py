"""One links-table row: its texts made once, its sort keys made once per column.

No Qt here: rows are plain objects with slots, cheap to hold 100,000 of.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from operator import attrgetter
from typing import Any

from linkmanager.domain.lifecycle import effective_status
from linkmanager.domain.models import PaymentLink
from linkmanager.domain.money import format_money
from linkmanager.domain.sorting import text_key
from linkmanager.domain.status import LinkStatus
from linkmanager.services.workspace import CachedLink

NAME_HINT = "Matched in a value a payer entered (a usage of this link), not in the link itself."
NOT_LISTED = " · not listed by Lean"
NONE_TEXT = "—"

_COLUMNS = 8
_UNSET: Any = object()
_STATUS_ORDER = {LinkStatus.ACTIVE: 0, LinkStatus.DISABLED: 1, LinkStatus.EXPIRED: 2, LinkStatus.USED: 3}

by_id = attrgetter("id")
by_seq = attrgetter("seq")


def local_text(moment: datetime) -> str:
    """ "2026-11-28 23:59" in the user's zone: the table's compact form of a time."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def utc_text(moment: datetime) -> str:
    """ "2026-11-28 19:59 UTC": the same time one hover away, in UTC."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


class LinkRow:
    """A cached link with what the table shows of it; `status` is the effective status."""

    __slots__ = ("cached", "id", "keys", "seq", "status", "texts")

    def __init__(self, cached: CachedLink, status: LinkStatus, seq: int) -> None:
        self.cached = cached
        self.id = cached.link.id
        self.status = status
        self.seq = seq  # place in the list set_links() was given: the "unsorted" order
        self.texts: tuple[str, ...] | None = None
        self.keys: list[Any] | None = None

    def update(self, cached: CachedLink, status: LinkStatus, seq: int) -> bool:
        """Take a newer copy of the link; True when what the row shows has changed.

        A sync confirms every link again (confirmed_at moves), which alone changes nothing shown.
        """
        same = LinkRow(cached, status, seq).shows_as(self)
        self.cached = cached
        self.seq = seq
        if same:
            return False
        self.status = status
        self.texts = None
        self.keys = None
        return True

    def shows_as(self, other: LinkRow) -> bool:
        """True when this row and `other` (an older copy of the link) show the same."""
        mine, theirs = self.cached, other.cached
        return self.status == other.status and (
            mine is theirs
            or (mine.link == theirs.link and (mine.missing_since is None) == (theirs.missing_since is None))
        )

    def make_texts(self) -> tuple[str, ...]:
        link = self.cached.link
        status = self.status.label + (NOT_LISTED if self.cached.missing_since is not None else "")
        usages = f"{link.current_usages:,}"
        if link.max_usages is not None:
            usages += f" / {link.max_usages:,}"
        texts = (
            link.id,
            link.name or NONE_TEXT,
            status,
            format_money(link.amount),
            usages,
            local_text(link.expires_at) if link.expires_at is not None else NONE_TEXT,
            link.reference,
            link.customer_id if link.customer_id is not None else NONE_TEXT,
        )
        self.texts = texts
        return texts

    def key(self, column: int) -> Any:
        """The column's sort key (None: nothing to sort by, shown last), made once."""
        keys = self.keys
        if keys is None:
            keys = self.keys = [_UNSET] * _COLUMNS
        found = keys[column]
        if found is _UNSET:
            found = keys[column] = _KEYS[column](self.cached.link, self)
        return found


_KEYS: tuple[Callable[[PaymentLink, LinkRow], Any], ...] = (
    lambda link, row: link.id,
    lambda link, row: text_key(link.name),
    lambda link, row: (
        _STATUS_ORDER.get(row.status, len(_STATUS_ORDER)),
        row.status.value,
        row.cached.missing_since is not None,
    ),
    # Grouped by currency (comparing 10 KWD with 10 AED means nothing), then the exact Decimal.
    lambda link, row: (link.amount.currency, link.amount.amount),
    lambda link, row: (link.current_usages, link.max_usages is None, link.max_usages or 0),
    lambda link, row: link.expires_at,
    lambda link, row: text_key(link.reference),
    lambda link, row: text_key(link.customer_id),
)


def sort_rows(rows: list[LinkRow], column: int, *, descending: bool) -> list[LinkRow]:
    """`rows` in id order -> a new list by the column's key; ties stay in id order and rows
    without a key (no expiry, no name) come last in either direction."""
    for row in rows:
        if row.keys is None or row.keys[column] is _UNSET:
            row.key(column)
    values = [row.keys[column] for row in rows]  # type: ignore[index]
    present = [i for i, value in enumerate(values) if value is not None]
    keyed = [values[i] for i in present]
    # A C-level key (list.__getitem__) over plain values lets sort() use its fast compares;
    # sort() is stable in both directions, so ties keep the id order.
    order = sorted(range(len(keyed)), key=keyed.__getitem__, reverse=descending)
    placed = [rows[present[j]] for j in order]
    if len(present) < len(rows):
        placed.extend(row for row, value in zip(rows, values, strict=True) if value is None)
    return placed


class PreparedRows:
    """Every link as rows, with the work a whole list costs done off the GUI thread (prepare_rows).

    `rows` maps id -> row in the order given; `changed` holds the ids whose shown content differs
    from the rows the model had; `by_id` and `order` (for `column`, `descending`) are ready sorted.
    """

    __slots__ = ("by_id", "changed", "column", "descending", "order", "places", "rows")

    def __init__(
        self,
        rows: dict[str, LinkRow],
        changed: set[str],
        in_id_order: list[LinkRow],
        column: int,
        descending: bool,
    ) -> None:
        self.rows = rows
        self.changed = changed
        self.by_id = in_id_order
        self.column = column
        self.descending = descending
        if column >= 0:
            self.order = sort_rows(in_id_order, column, descending=descending)
        else:
            self.order = list(rows.values())
        self.places: dict[Any, int] = {row.id: place for place, row in enumerate(self.order)}


def prepare_rows(
    links: Sequence[CachedLink],
    now: datetime,
    old: Mapping[str, LinkRow],
    column: int,
    descending: bool,
) -> PreparedRows:
    """New rows for `links` (statuses at `now`, sort keys, the sorted order), compared with the
    model's `old` rows, which are only read. Runs on a worker: with 100,000 links this is most of
    a second that the GUI thread would otherwise be frozen for."""
    rows: dict[str, LinkRow] = {}
    changed: set[str] = set()
    for seq, cached in enumerate(links):
        row = LinkRow(cached, effective_status(cached.link, now), seq)
        before = old.get(row.id)
        if before is not None and not row.shows_as(before):
            changed.add(row.id)
        rows[row.id] = row
    return PreparedRows(rows, changed, sorted(rows.values(), key=by_id), column, descending)


def status_reason(row: LinkRow) -> str:
    """Why the Status cell says what it says, and as of when (the cache can be hours old)."""
    cached = row.cached
    link = cached.link
    lines = [f"Confirmed by Lean {local_text(cached.confirmed_at)} ({utc_text(cached.confirmed_at)})."]
    if row.status != link.status:
        if row.status == LinkStatus.EXPIRED and link.expires_at is not None:
            lines.append(
                f"Lean last reported it {link.status.label.lower()}; its expiry "
                f"({local_text(link.expires_at)}) has passed, so it is shown as expired."
            )
        elif row.status == LinkStatus.USED:
            lines.append(
                f"Lean last reported it {link.status.label.lower()}; it has reached its limit of "
                f"{link.max_usages:,} payments, so it is shown as used."
            )
    if cached.missing_since is not None:
        lines.append(
            f"Lean's full listing of {local_text(cached.missing_since)} did not include this link "
            "(it may have been removed at Lean); shown as last confirmed."
        )
    if not row.status.is_known:
        lines.append("Lean reports a status LinkManager does not know yet; it is shown as it came.")
    return "\n".join(lines)
