"""What this workstation observed of each usage: when it was first seen, and each change of its
usage or payment status after that (schema 6's usage_history; Lean sends no times at all)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from linkmanager.storage.cache_model import time_or_none

Change = tuple[datetime | None, str, str | None, str, str | None]


def _time(text: str | None) -> datetime | None:
    try:
        return time_or_none(text)
    except (ValueError, TypeError):
        return None  # a damaged time costs this value, not the row


@dataclass(frozen=True, slots=True)
class UsageSeen:
    """When the usage was first seen (only a bound when `before`: it was found on the first look
    at its link) and each change of its statuses since."""

    first_seen_at: datetime | None
    before: bool
    changes: list[
        Change
    ]  # (seen at, usage status before, payment status before, usage status, payment status)


def usage_seen(conn: sqlite3.Connection, link_id: str, usage_id: str) -> UsageSeen | None:
    row = conn.execute(
        "SELECT u.key, u.first_seen_at, u.seen_before FROM usages AS u JOIN links AS l ON l.key = u.link_key "
        "WHERE l.id = ? AND u.usage_id = ?",
        (link_id, usage_id),
    ).fetchone()
    if row is None:
        return None
    return UsageSeen(_time(row[1]), bool(row[2]), history(conn, row[0]))


def history(
    conn: sqlite3.Connection, usage_key: int
) -> list[tuple[datetime | None, str, str | None, str, str | None]]:
    """A usage's observed changes, oldest first: (seen at, usage status before, payment status
    before, usage status, payment status)."""
    rows = conn.execute(
        "SELECT seen_at, usage_status_before, payment_status_before, usage_status, payment_status "
        "FROM usage_history WHERE usage_key = ? ORDER BY seen_at, key",
        (usage_key,),
    ).fetchall()
    return [(_time(row[0]), *row[1:]) for row in rows]
