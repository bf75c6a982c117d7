"""The Payments table's way to the cache, and its rows as people read them.

Qt-free: the window, the command line and exports use it alike. `PaymentSource` reads on the
cache's side connections (read_beside), so a sync writing meanwhile never waits and never makes
the view wait. Texts are read only for the rows asked for, a few thousand at a time.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np

from linkmanager.domain.models import utc_now
from linkmanager.domain.money import Money
from linkmanager.domain.outcome import Outcome
from linkmanager.services.large_blocks import map_large_blocks
from linkmanager.services.payments import Found, Ints, PaymentLinkInfo, PaymentTable, Places
from linkmanager.storage import payment_reads
from linkmanager.storage.cache import LinkCache
from linkmanager.storage.cache_model import time_text
from linkmanager.storage.payment_reads import LinkTexts, UsageTexts

TEXT_BATCH = 2_000


@dataclass(frozen=True, slots=True)
class PaymentRow:
    """One usage as the Payments view lists it."""

    usage_key: int
    seen_at: datetime  # when this workstation first saw it (aware UTC)
    seen_before: bool  # found on the first look at its link: it happened some time before `seen_at`
    link: PaymentLinkInfo
    outcome: Outcome
    texts: UsageTexts | None  # None: the usage is no longer in the cache (a rebuild meanwhile)

    @property
    def money(self) -> Money | None:
        return self.link.money


class PaymentSource:
    """The cache's usages as a PaymentTable, searches as usage keys, texts for rows on screen."""

    def __init__(self, cache: LinkCache) -> None:
        self.cache = cache

    def table(self, now: datetime | None = None) -> PaymentTable:
        map_large_blocks()  # the columns' megabytes go back to the system when freed
        moment = now or utc_now()
        stamp = time_text(moment)

        def read(
            conn: sqlite3.Connection,
        ) -> tuple[payment_reads.UsageNumbers, list[payment_reads.LinkFacts]]:
            return payment_reads.usage_numbers(conn), payment_reads.link_facts(conn, stamp)

        numbers, links = self.cache.read_beside("read the payments", read)
        return PaymentTable(numbers, links, moment)

    def text_ranks(self, column: str) -> tuple[Ints, int]:
        return self.cache.read_beside(
            "sort the payments", lambda conn: payment_reads.text_order(conn, column)
        )

    def link_texts_for_sort(self, by: str) -> list[tuple[int, str]]:
        return self.cache.read_beside(
            "sort the payments", lambda conn: payment_reads.link_name_order(conn, by)
        )

    def link_texts(self, keys: Sequence[int]) -> dict[int, LinkTexts]:
        return self.cache.read_beside("read payments", lambda conn: payment_reads.link_texts(conn, keys))

    def search(self, text: str) -> Found:
        keys = self.cache.read_beside(
            "search the payments", lambda conn: payment_reads.search_usage_keys(conn, text)
        )
        return Found(text, keys)

    def texts(self, keys: Sequence[int]) -> dict[int, UsageTexts]:
        return self.cache.read_beside("read payments", lambda conn: payment_reads.usage_texts(conn, keys))

    def first_keys(self, limit: int) -> Ints:
        return self.cache.read_beside("read payments", lambda conn: payment_reads.first_payments(conn, limit))

    def first_rows(self, keys: Ints, now: datetime | None = None) -> list[PaymentRow]:
        """Rows for a few usage keys, in that order, without reading every usage (a first screen)."""
        stamp = time_text(now or utc_now())

        def read(conn: sqlite3.Connection) -> PaymentTable:
            numbers = payment_reads.usage_numbers_of(conn, [int(key) for key in keys])
            links = payment_reads.link_facts(conn, stamp, [int(key) for key in numbers.link_keys])
            return PaymentTable(numbers, links, now or utc_now())

        table = self.cache.read_beside("read payments", read)
        return list(self.rows(table, places_of_keys(table, keys)))

    def screen_rows(self, table: PaymentTable, places: Places) -> list[PaymentRow]:
        """The rows at `places` for the window's thread (a block being painted): read on the cache's
        side connection (LinkCache.read_now), which a sync never blocks and nothing reopens."""
        keys = [int(key) for key in table.keys[places]]
        link_keys = [int(key) for key in table.link_keys[table.link[places]]]

        def read(conn: sqlite3.Connection) -> tuple[dict[int, UsageTexts], dict[int, LinkTexts]]:
            return payment_reads.usage_texts(conn, keys), payment_reads.link_texts(conn, link_keys)

        texts, links = self.cache.read_now("read payments", read)
        return [row_at(table, int(place), texts, links) for place in places]

    def rows(self, table: PaymentTable, places: Places, batch: int = TEXT_BATCH) -> Iterator[PaymentRow]:
        """The rows at `places`, in that order, their texts read a batch at a time (memory bounded)."""
        for start in range(0, len(places), batch):
            chunk = places[start : start + batch]
            texts = self.texts([int(key) for key in table.keys[chunk]])
            links = self.link_texts([int(key) for key in table.link_keys[table.link[chunk]]])
            yield from (row_at(table, int(place), texts, links) for place in chunk)


def row_at(
    table: PaymentTable, place: int, texts: dict[int, UsageTexts], links: dict[int, LinkTexts]
) -> PaymentRow:
    key = int(table.keys[place])
    return PaymentRow(
        usage_key=key,
        seen_at=datetime.fromtimestamp(int(table.seen[place]), UTC),
        seen_before=bool(table.seen_before[place]),
        link=link_info(table, int(table.link[place]), links),
        outcome=Outcome(int(table.outcome[place])),
        texts=texts.get(key),
    )


def link_info(table: PaymentTable, link: int, texts: dict[int, LinkTexts]) -> PaymentLinkInfo:
    key = int(table.link_keys[link])
    held = texts.get(key) or LinkTexts("", None, "")  # read after a rebuild: the link is gone
    currency = table.link_currency(link)
    amount = table.amounts.decimal(link)
    return PaymentLinkInfo(
        key,
        held.id,
        held.name,
        held.reference,
        None if amount is None else Money(amount, currency),
        currency,
        table.link_status(link),
    )


def places_of_keys(table: PaymentTable, keys: Ints) -> Places:
    """The places of the usage keys the table holds, in the keys' order."""
    at = np.searchsorted(table.keys, keys)
    inside = at < len(table.keys)
    at, keys = at[inside], keys[inside]
    found: Places = at[table.keys[at] == keys]
    return found
