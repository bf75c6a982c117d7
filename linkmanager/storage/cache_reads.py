"""Reads of the cache that need more than a SELECT: a screenful in the table's order, counts by status.

Each runs inside a read transaction LinkCache opened.
"""

from __future__ import annotations

import gc
import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from decimal import Decimal
from typing import Any

from linkmanager.domain import jsontext
from linkmanager.domain.lifecycle import effective_status
from linkmanager.domain.models import PaymentDetails, PaymentLink
from linkmanager.domain.money import Money
from linkmanager.domain.status import LinkStatus
from linkmanager.storage.cache_model import BY_KEYS, SELECT_CACHED, time_or_none

# effective_status needs a whole PaymentLink; status_counts builds slim ones with these details.
_NO_DETAILS = PaymentDetails(Money(Decimal(0), "XXX"), "")


# The orders first_links() can read without reading every link: each is exactly the order the
# links table sorts that column in (domain.sorting for text). "name" and "expires_at" come from
# an index; the others are computed over every link (~0.1 s at 100,000), still far from a full load.
FIRST_ORDERS = {
    "id": "id",
    "name": "name_key",
    "reference": "lm_text_key(reference)",
    "customer_id": "lm_text_key(customer_id)",
    "expires_at": "expires_at",
}


def first_rows(conn: sqlite3.Connection, order: str, descending: bool, limit: int) -> list[Any]:
    """SELECT_CACHED rows of the first `limit` links in one of FIRST_ORDERS: ties by id, links
    without the value last, as in the table."""
    value = FIRST_ORDERS[order]
    direction = "DESC" if descending else "ASC"
    ranked = (
        f"SELECT key FROM links WHERE {value} IS NOT NULL ORDER BY {value} {direction}, id LIMIT ?",  # noqa: S608 - value and direction are ours
        f"SELECT key FROM links WHERE {value} IS NULL ORDER BY id LIMIT ?",  # noqa: S608
    )
    keys = [row[0] for row in conn.execute(ranked[0], (limit,))]
    if len(keys) < limit:
        keys += [row[0] for row in conn.execute(ranked[1], (limit - len(keys),))]
    rows = {
        row[-1]: row
        for row in conn.execute(SELECT_CACHED + " WHERE key IN " + BY_KEYS, (jsontext.dumps(keys),))
    }
    return [rows[key] for key in keys]


def status_counts(conn: sqlite3.Connection, moment: datetime) -> dict[LinkStatus, int]:
    """Links per effective status at `moment`; every known status is present, unknown ones when held."""
    rows = conn.execute(
        "SELECT status, current_usages, max_usages, expires_at, count(*) FROM links "
        "GROUP BY status, current_usages, max_usages, expires_at"
    ).fetchall()
    counts: Counter[LinkStatus] = Counter({status: 0 for status in LinkStatus.known()})
    for status, current, maximum, expires, count in rows:
        slim = PaymentLink(
            id="",
            url="",
            status=LinkStatus(status),
            current_usages=current,
            payment_details=_NO_DETAILS,
            max_usages=maximum,
            expires_at=time_or_none(expires),
        )
        counts[effective_status(slim, moment)] += count
    return dict(counts)


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic-GC passes while a bulk read builds objects that all stay alive: with 100,000
    links, the passes it would trigger scan every object made so far (~0.3 s of 1 s) to free
    nothing. Decoded links hold no reference cycles; refcounting still frees as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
