"""Reads of the cache that need more than a SELECT: a screenful in the table's order, counts by status.

Each runs inside a read transaction LinkCache opened.
"""

from __future__ import annotations

import gc
import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from linkmanager.domain import jsontext
from linkmanager.domain.lifecycle import effective_status
from linkmanager.domain.models import PaymentDetails, PaymentLink
from linkmanager.domain.money import Money
from linkmanager.domain.status import LinkStatus
from linkmanager.storage.cache_model import BY_KEYS, SELECT_CACHED, time_text

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
    """Links per effective status at `moment`; every known status is present, unknown ones when held.

    SQL answers the two facts the rule looks at (limit reached, expiry passed: fixed-width UTC
    text compares as time) in one pass, into a handful of groups; the rule itself stays
    domain.lifecycle.effective_status, applied to a stand-in link per group. At 100,000 links
    this is a few tens of milliseconds: the window's tabs can count from it before the rows load.
    """
    rows = conn.execute(
        "SELECT status, max_usages IS NOT NULL AND current_usages >= max_usages, "
        "expires_at IS NOT NULL AND expires_at <= ?, count(*) FROM links GROUP BY 1, 2, 3",
        (time_text(moment),),
    ).fetchall()
    counts: Counter[LinkStatus] = Counter({status: 0 for status in LinkStatus.known()})
    passed = moment - timedelta(seconds=1)
    for status, full, expired, count in rows:
        stand_in = PaymentLink(
            id="",
            url="",
            status=LinkStatus(status),
            current_usages=1 if full else 0,
            payment_details=_NO_DETAILS,
            max_usages=1 if full else None,
            expires_at=passed if expired else None,
        )
        counts[effective_status(stand_in, moment)] += count
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
