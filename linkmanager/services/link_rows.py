"""One links-table row: its texts made once, its sort keys made once per column.

No Qt here: rows are plain objects with slots, cheap to hold 100,000 of. LINK_SPEC tells the
table engine (services.table_engine) how to read them, for the window and the command line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from decimal import Decimal, InvalidOperation
from operator import attrgetter
from typing import Any

from linkmanager.domain import display
from linkmanager.domain.i18n import QT_TRANSLATE_NOOP, Context, translate
from linkmanager.domain.lifecycle import moment_text, status_at
from linkmanager.domain.lifecycle import utc_text as utc_text  # the links table's tooltips
from linkmanager.domain.money import Money, format_money
from linkmanager.domain.sorting import text_key
from linkmanager.domain.status import LinkStatus, link_status_text
from linkmanager.services.table_rows import TableSpec
from linkmanager.storage.cache_model import (
    CachedLink,
    StoredDataError,
    link_status,
    money_from,
    time_from,
    time_or_none,
)

LinkRowsCounts = Context("LinkRowsCounts")  # plurals: lupdate reads X.tr(text, "", n) as a plural

_CURRENCIES: dict[str, str] = {}  # each currency code once, whatever row it came with

# Shown as it is translated: translate("LinkRows", NAME_HINT).
NAME_HINT = QT_TRANSLATE_NOOP(
    "LinkRows", "Matched in a value a payer entered (a usage of this link), not in the link itself."
)
NOT_LISTED = " · not listed by Lean"  # in English, for exports (the table says it translated)
NONE_TEXT = "—"

# The columns' names on the command line (`links --sort`), in the table's column order.
COLUMN_NAMES = ("id", "name", "status", "amount", "usages", "expires", "reference", "customer")
_COLUMNS = len(COLUMN_NAMES)
_STATUS_ORDER = {LinkStatus.ACTIVE: 0, LinkStatus.DISABLED: 1, LinkStatus.EXPIRED: 2, LinkStatus.USED: 3}

by_id = attrgetter("id")


def local_text(moment: datetime) -> str:
    """ "28 Nov 2026 23:59 +04:00" in the workstation's zone: how every view says a time
    (domain.lifecycle.moment_text); utc_text gives the same moment one hover away, in UTC."""
    return moment_text(moment)


class LinkRow:
    """What the links table shows of a link; `status` is the effective status, `reported` Lean's.

    A row read for the table (table_row) holds only these fields, a fifth of a CachedLink's memory
    at 100,000 links; `cached` is the whole link when the row was made from one (a sync's answer,
    the command line), else None: the window reads it by id when it needs it (Workspace.link_now).
    """

    __slots__ = (
        "amount_text",
        "cached",
        "confirmed_at",
        "currency",
        "current_usages",
        "customer_id",
        "expires_at",
        "id",
        "max_usages",
        "missing_since",
        "name",
        "name_key",
        "reference",
        "reported",
        "status",
        "texts",
    )

    def __init__(
        self,
        link_id: str,
        name: str | None,
        reported: LinkStatus,
        current_usages: int,
        max_usages: int | None,
        amount_text: str,
        currency: str,
        expires_at: datetime | None,
        reference: str,
        customer_id: str | None,
        confirmed_at: datetime,
        missing_since: datetime | None,
        now: datetime,
        cached: CachedLink | None = None,
        name_key: str | None = None,
    ) -> None:
        self.id = link_id
        self.name = name
        # The Name column's sort key; the cache stores it (a read is cheaper than casefolding
        # 100,000 names), a row made from a whole link computes it.
        self.name_key = name_key if name_key is not None or name is None else text_key(name)
        self.reported = reported
        self.current_usages = current_usages
        self.max_usages = max_usages
        # The amount as stored (str(Decimal)), made a Money when shown: 100,000 Decimals and
        # Moneys held ~13 MB; a handful of currency strings are shared by every row.
        self.amount_text = amount_text
        self.currency = _CURRENCIES.setdefault(currency, currency)
        self.expires_at = expires_at
        self.reference = reference
        self.customer_id = customer_id
        self.confirmed_at = confirmed_at
        self.missing_since = missing_since
        self.cached = cached
        self.status = status_at(reported, current_usages, max_usages, expires_at, now)
        self.texts: tuple[str, ...] | None = None

    @classmethod
    def of(cls, cached: CachedLink, now: datetime) -> LinkRow:
        link = cached.link
        return cls(
            link.id,
            link.name,
            link.status,
            link.current_usages,
            link.max_usages,
            str(link.amount.amount),
            link.amount.currency,
            link.expires_at,
            link.reference,
            link.customer_id,
            cached.confirmed_at,
            cached.missing_since,
            now,
            cached,
        )

    def at(self, now: datetime) -> LinkRow:
        """The same link judged at `now` (its expiry may have passed since)."""
        return LinkRow(
            self.id,
            self.name,
            self.reported,
            self.current_usages,
            self.max_usages,
            self.amount_text,
            self.currency,
            self.expires_at,
            self.reference,
            self.customer_id,
            self.confirmed_at,
            self.missing_since,
            now,
            self.cached,
            self.name_key,
        )

    @property
    def amount(self) -> Money:
        return money_from(self.amount_text, self.currency)

    @property
    def display_name(self) -> str:
        """What a person calls the link: its name, else its reference."""
        return self.name or self.reference

    def shows_as(self, other: LinkRow) -> bool:
        """True when this row and `other` (an older copy of the link) show the same. A new
        confirmation time alone is not a change: every resync moves it on every link (the
        tooltip that names it is made afresh on each hover)."""
        return (
            self.status == other.status
            and self.reported == other.reported
            and self.name == other.name
            and self.current_usages == other.current_usages
            and self.max_usages == other.max_usages
            and self.amount_text == other.amount_text
            and self.currency == other.currency
            and self.expires_at == other.expires_at
            and self.reference == other.reference
            and self.customer_id == other.customer_id
            and (self.missing_since is None) == (other.missing_since is None)
        )

    def make_texts(self) -> tuple[str, ...]:
        status = link_status_text(self.status)
        if self.missing_since is not None:
            status = translate("LinkRows", "{status} · not listed by Lean").format(status=status)
        usages = f"{self.current_usages:,}"
        if self.max_usages is not None:
            usages += f" / {self.max_usages:,}"
        # Lean's and payers' texts in isolates (domain.display): a U+202E is shown, never obeyed.
        texts = (
            display.left_to_right(self.id),
            display.outside_text(self.name) if self.name else NONE_TEXT,
            status,
            format_money(self.amount),
            display.left_to_right(display.digits(usages)),
            local_text(self.expires_at) if self.expires_at is not None else NONE_TEXT,
            display.outside_text(self.reference),
            display.outside_text(self.customer_id) if self.customer_id is not None else NONE_TEXT,
        )
        self.texts = texts
        return texts

    def key(self, column: int) -> Any:
        """The column's sort key (None: nothing to sort by, shown last). The table engine keeps
        a list of them per column (RowSet), so rows do not: 100,000 rows hold less."""
        return _KEYS[column](self)


_KEYS: tuple[Callable[[LinkRow], Any], ...] = (
    lambda row: row.id,
    attrgetter("name_key"),
    lambda row: (
        _STATUS_ORDER.get(row.status, len(_STATUS_ORDER)),
        row.status.value,
        row.missing_since is not None,
    ),
    # Grouped by currency (comparing 10 KWD with 10 AED means nothing), then the exact amount.
    lambda row: _amount_key(row.amount),
    lambda row: (row.current_usages, row.max_usages is None, row.max_usages or 0),
    lambda row: row.expires_at,
    lambda row: text_key(row.reference),
    lambda row: text_key(row.customer_id),
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
    return row.currency


def _expires(row: LinkRow) -> datetime | None:
    return row.expires_at


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
    """Rows for `links` in their order, each holding its whole CachedLink."""
    return [LinkRow.of(cached, now) for cached in links]


def table_row(raw: Sequence[Any], now: datetime) -> LinkRow:
    """A row from storage.cache_model.SELECT_TABLE's columns; StoredDataError when it cannot be one."""
    try:
        return LinkRow(
            raw[0],
            raw[6],
            link_status(raw[1]),
            raw[2],
            raw[7],
            _amount_checked(raw[3], raw[4]),
            raw[4],
            time_or_none(raw[8]),
            raw[5],
            raw[9],
            time_from(raw[10]),
            time_or_none(raw[11]),
            now,
            name_key=raw[12],
        )
    except (ValueError, TypeError, KeyError, InvalidOperation) as exc:
        unreadable = translate("Cache", "a stored link cannot be read back ({kind})")
        raise StoredDataError(unreadable.format(kind=type(exc).__name__)) from exc


def _amount_checked(text: str, currency: str) -> str:
    """The stored amount, once it is known to read back as a Money (a ValueError if not): in full
    for a currency not seen yet, then only as a finite Decimal (a tenth of the time)."""
    if currency not in _CURRENCIES:
        money_from(text, currency)
    elif not Decimal(text).is_finite():
        raise ValueError("an amount must be a finite number")
    return text


def status_reason(row: LinkRow) -> str:
    """Why the Status cell says what it says, and as of when (the cache can be hours old)."""
    confirmed = row.confirmed_at
    lines = [
        translate("LinkRows", "Confirmed by Lean {local} ({utc}).").format(
            local=local_text(confirmed), utc=utc_text(confirmed)
        )
    ]
    if row.status != row.reported:
        reported = _reported_words(row.reported)
        if row.status == LinkStatus.EXPIRED and row.expires_at is not None:
            lines.append(
                translate(
                    "LinkRows",
                    "Lean last reported it {reported}; its expiry ({expiry}) has passed, so it is shown as expired.",
                ).format(reported=reported, expiry=local_text(row.expires_at))
            )
        elif row.status == LinkStatus.USED:
            limit = row.max_usages or 0
            lines.append(
                LinkRowsCounts.tr(
                    "Lean last reported it {reported}; it has reached its limit of %Ln payment(s), so it is "
                    "shown as used.",
                    None,
                    limit,
                ).format(reported=reported)
            )
    if row.missing_since is not None:
        lines.append(
            translate(
                "LinkRows",
                "Lean's full listing of {when} did not include this link (it may have been removed at Lean); "
                "shown as last confirmed.",
            ).format(when=local_text(row.missing_since))
        )
    if not row.status.is_known:
        lines.append(
            translate(
                "LinkRows", "Lean reports a status LinkManager does not know yet; it is shown as it came."
            )
        )
    return "\n".join(lines)


def _reported_words(status: LinkStatus) -> str:
    """ "active" in "Lean last reported it active" (only a settable status can be overruled by time)."""
    if status == LinkStatus.ACTIVE:
        return translate("LinkRows", "active")
    if status == LinkStatus.DISABLED:
        return translate("LinkRows", "disabled")
    return status.label.lower()


def amounts_by_currency(rows: Iterable[LinkRow]) -> dict[str, Decimal]:
    """The rows' amounts summed per currency (a selection's, for the status bar); a damaged
    stored amount is left out of the sum."""
    sums: dict[str, Decimal] = {}
    for row in rows:
        try:
            sums[row.currency] = sums.get(row.currency, Decimal(0)) + Decimal(row.amount_text)
        except ArithmeticError:
            continue
    return sums
