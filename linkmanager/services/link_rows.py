"""One links-table row: its texts made once, its sort keys made once per column.

No Qt here: rows are plain objects with slots, cheap to hold 100,000 of. LINK_SPEC tells the
table engine (services.table_engine) how to read them, for the window and the command line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from decimal import Decimal
from operator import attrgetter
from typing import Any

from linkmanager.domain.lifecycle import effective_status
from linkmanager.domain.money import Money, format_money
from linkmanager.domain.sorting import text_key
from linkmanager.domain.status import LinkStatus
from linkmanager.services.table_rows import TableSpec
from linkmanager.services.workspace import CachedLink

NAME_HINT = "Matched in a value a payer entered (a usage of this link), not in the link itself."
NOT_LISTED = " · not listed by Lean"
NONE_TEXT = "—"

# The columns' names on the command line (`links --sort`), in the table's column order.
COLUMN_NAMES = ("id", "name", "status", "amount", "usages", "expires", "reference", "customer")
_COLUMNS = len(COLUMN_NAMES)
_STATUS_ORDER = {LinkStatus.ACTIVE: 0, LinkStatus.DISABLED: 1, LinkStatus.EXPIRED: 2, LinkStatus.USED: 3}

by_id = attrgetter("id")


def local_text(moment: datetime) -> str:
    """ "2026-11-28 23:59" in the user's zone: the table's compact form of a time."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def utc_text(moment: datetime) -> str:
    """ "2026-11-28 19:59 UTC": the same time one hover away, in UTC."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


class LinkRow:
    """A cached link with what the table shows of it; `status` is the effective status."""

    __slots__ = ("cached", "id", "status", "texts")

    def __init__(self, cached: CachedLink, status: LinkStatus) -> None:
        self.cached = cached
        self.id = cached.link.id
        self.status = status
        self.texts: tuple[str, ...] | None = None

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
        """The column's sort key (None: nothing to sort by, shown last). The table engine keeps
        a list of them per column (RowSet), so rows do not: 100,000 rows hold less."""
        return _KEYS[column](self)


_KEYS: tuple[Callable[[LinkRow], Any], ...] = (
    lambda row: row.id,
    lambda row: text_key(row.cached.link.name),
    lambda row: (
        _STATUS_ORDER.get(row.status, len(_STATUS_ORDER)),
        row.status.value,
        row.cached.missing_since is not None,
    ),
    # Grouped by currency (comparing 10 KWD with 10 AED means nothing), then the exact amount.
    lambda row: _amount_key(row.cached.link.amount),
    lambda row: (
        row.cached.link.current_usages,
        row.cached.link.max_usages is None,
        row.cached.link.max_usages or 0,
    ),
    lambda row: row.cached.link.expires_at,
    lambda row: text_key(row.cached.link.reference),
    lambda row: text_key(row.cached.link.customer_id),
)


def _amount_key(money: Money) -> tuple[str, int | Decimal]:
    """(currency, amount in thousandths): ints compare many times faster than Decimals, and a
    sort of 100,000 amounts is mostly compares. An amount finer than that stays a Decimal (an int
    and a Decimal compare exactly)."""
    amount = money.amount
    numerator, denominator = amount.as_integer_ratio()
    if 1000 % denominator == 0:
        return money.currency, numerator * (1000 // denominator)
    return money.currency, amount.scaleb(3)


def _sort_key(column: int) -> Callable[[LinkRow], Any]:
    return _KEYS[column]


def _shows_same(new: LinkRow, old: LinkRow) -> bool:
    return new.shows_as(old)


def _currency(row: LinkRow) -> str:
    return row.cached.link.amount.currency


def _expires(row: LinkRow) -> datetime | None:
    return row.cached.link.expires_at


# A date range over links looks at their expiry: the one date a link has.
LINK_SPEC: TableSpec[LinkRow] = TableSpec(
    key=by_id,
    group=attrgetter("status"),
    sort_key=_sort_key,
    columns=_COLUMNS,
    groups=tuple(LinkStatus.known()),
    when=_expires,
    currency=_currency,
    same=_shows_same,
)


def make_rows(links: Iterable[CachedLink], now: datetime) -> list[LinkRow]:
    """Rows for `links` in their order, with each link's effective status at `now`. With 100,000
    links this is most of a second: the window makes them on a worker."""
    return [LinkRow(cached, effective_status(cached.link, now)) for cached in links]


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
