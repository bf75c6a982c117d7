"""The cache's tables, and the migrations that bring any older cache file up to date.

A migration is a numbered list of statements run in one transaction together with the row
that records it in `schema_version`, so a crash mid-migration leaves the previous version
whole. A file whose version is newer than the last step here is refused, never downgraded.

Why the tables look as they do:
- Amounts are TEXT holding str(Decimal) (exact digits, "1500.10" stays "1500.10"); times are
  fixed-width ISO-8601 UTC text ("2026-06-30T23:59:00.000000Z"), so text order is time order.
- Statuses and identifier types are stored as the text Lean sent, so unknown values round-trip.
- Identifier configs and collected identifiers are small JSON lists of lists, in Lean's order:
  [type, display_label, required, limit] and [type, display_label, value].
- Rows refer to each other by integer keys (cheap joins); Lean's ids are UNIQUE text columns.
- `search_terms` holds one row per searchable value (which link, which usage, which field) and
  `search_index` is an external-content FTS5 index over it. storage.search writes both, in the
  caller's transaction, with set-based statements: triggers (one FTS5 insert per row, each in its
  own statement) made the first store of 10,000 links three times slower (1.3 s, not 0.45 s). The trigram
  tokenizer gives case-insensitive substring search that works for ids, phone numbers and Arabic.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from linkmanager.domain.i18n import translate
from linkmanager.domain.outcome import outcome_code
from linkmanager.domain.sorting import text_key
from linkmanager.storage.cache_errors import CacheCorruptError, CacheTooNewError

log = logging.getLogger(__name__)

# "LMC1" in the SQLite header: `file` and forensic tools can tell a LinkManager cache apart.
APPLICATION_ID = 0x4C4D4331


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


_V1 = (
    """CREATE TABLE schema_version (
        version INTEGER PRIMARY KEY,
        description TEXT NOT NULL,
        applied_at TEXT NOT NULL
    )""",
    "CREATE TABLE sync_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    """CREATE TABLE links (
        key INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        url TEXT NOT NULL,
        status TEXT NOT NULL,
        current_usages INTEGER NOT NULL,
        amount TEXT NOT NULL,
        currency TEXT NOT NULL,
        reference TEXT NOT NULL,
        destination_id TEXT,
        payment_purpose TEXT,
        name TEXT,
        max_usages INTEGER,
        expires_at TEXT,
        redirect_url TEXT,
        customer_id TEXT,
        identifiers TEXT NOT NULL,
        confirmed_at TEXT NOT NULL,
        first_seen_at TEXT NOT NULL,
        missing_since TEXT,
        usages_confirmed_at TEXT,
        usages_confirmed_status TEXT,
        usage_count INTEGER NOT NULL DEFAULT 0,
        unsettled_usages INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX links_by_status ON links (status)",
    "CREATE INDEX links_by_expiry ON links (expires_at)",
    """CREATE TABLE usages (
        key INTEGER PRIMARY KEY,
        link_key INTEGER NOT NULL REFERENCES links (key),
        usage_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        usage_status TEXT NOT NULL,
        payment_status TEXT,
        payment_id TEXT,
        customer_id TEXT,
        identifiers TEXT NOT NULL,
        settled INTEGER NOT NULL,
        first_seen_at TEXT NOT NULL,
        UNIQUE (link_key, usage_id)
    )""",
    "CREATE INDEX usages_in_order ON usages (link_key, position)",
    """CREATE TABLE search_terms (
        key INTEGER PRIMARY KEY,
        link_key INTEGER NOT NULL REFERENCES links (key),
        usage_key INTEGER REFERENCES usages (key),
        kind TEXT NOT NULL,
        label TEXT,
        value TEXT NOT NULL
    )""",
    "CREATE INDEX search_terms_by_owner ON search_terms (link_key, usage_key)",
    """CREATE VIRTUAL TABLE search_index USING fts5 (
        value, content='search_terms', content_rowid='key', tokenize='trigram', columnsize=0
    )""",
)

# The table's default order (by name) can be read a screenful at a time from an index: the key
# is domain.sorting.text_key(name), which SQL cannot compute (Unicode case folding).
_V2 = (
    "ALTER TABLE links ADD COLUMN name_key TEXT",
    "UPDATE links SET name_key = lm_text_key(name)",
    "CREATE INDEX links_by_name_key ON links (name_key, id)",
)

# What a sync could not bring up to date, and why (services.sync): one row per link and kind of
# problem, '' as link_id for problems with the listing itself. `since` is when the problem was
# first met in an unbroken run of syncs, `raw` a bounded excerpt of what Lean sent.
# `usages_read_at` is when a link's every usage was last read (a probe only confirms the count):
# settled usages are re-read at least daily, because a bank can still reverse a payment.
_V3 = (
    """CREATE TABLE problems (
        key INTEGER PRIMARY KEY,
        link_id TEXT NOT NULL,
        what TEXT NOT NULL,
        detail TEXT NOT NULL,
        raw TEXT NOT NULL,
        since TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        UNIQUE (link_id, what)
    )""",
    "ALTER TABLE links ADD COLUMN usages_read_at TEXT",
    "UPDATE links SET usages_read_at = usages_confirmed_at",
)

# The window's tab counts read four columns of every link (storage.cache_reads.status_counts): from
# this index, in status order, rather than from the wide rows (0.17 s -> ~0.04 s at 100,000 links).
# It begins with the status, so it serves whatever the old status index served.
_V4 = (
    "CREATE INDEX links_status_counts ON links (status, expires_at, current_usages, max_usages)",
    "DROP INDEX links_by_status",
)

# storage.owner_pages: the search index's owners, kept so that a start need not work them out.
_V5 = (
    "CREATE TABLE search_owner_pages (page INTEGER PRIMARY KEY, owners BLOB NOT NULL, crc INTEGER NOT NULL)",
)

# What this workstation observed, for finance staff (domain.outcome; Lean sends no times at all):
# - `usages.outcome`: the usage's outcome code, kept with every write so that a million usages
#   are counted and filtered without reading their statuses back into Python;
# - `usages.seen_before`: 1 when the usage was found on the first look at its link's usages (it
#   happened at some time before `first_seen_at`), 0 when it appeared between two looks. Usages
#   cached before this step were first seen by an older version: all "seen before".
# - `usage_history` / `link_history`: each change of a usage's statuses or a link's status a sync
#   observed, with when; the state first seen is the first change's "before" (or today's, if none).
# - `statement_matches`: bank-statement lines the user confirmed as a payment (services.matching);
#   `line_key` tells a line of a statement imported again; `statement_formats` remembers each
#   bank's column mapping.
_V6 = (
    "ALTER TABLE usages ADD COLUMN outcome INTEGER NOT NULL DEFAULT 0",
    "UPDATE usages SET outcome = lm_outcome(usage_status, payment_status, payment_id)",
    "ALTER TABLE usages ADD COLUMN seen_before INTEGER NOT NULL DEFAULT 1",
    # Covering: storage.payment_reads reads every usage's numbers from it, not from the wide rows.
    "CREATE INDEX usages_by_seen ON usages (first_seen_at, key, link_key, outcome, seen_before)",
    """CREATE TABLE usage_history (
        key INTEGER PRIMARY KEY,
        usage_key INTEGER NOT NULL REFERENCES usages (key),
        seen_at TEXT NOT NULL,
        usage_status_before TEXT NOT NULL,
        payment_status_before TEXT,
        usage_status TEXT NOT NULL,
        payment_status TEXT
    )""",
    "CREATE INDEX usage_history_by_usage ON usage_history (usage_key, seen_at)",
    """CREATE TABLE link_history (
        key INTEGER PRIMARY KEY,
        link_key INTEGER NOT NULL REFERENCES links (key),
        seen_at TEXT NOT NULL,
        status_before TEXT NOT NULL,
        status TEXT NOT NULL
    )""",
    "CREATE INDEX link_history_by_link ON link_history (link_key, seen_at)",
    """CREATE TABLE statement_matches (
        key INTEGER PRIMARY KEY,
        usage_key INTEGER NOT NULL UNIQUE REFERENCES usages (key),
        line_key TEXT NOT NULL UNIQUE,
        statement TEXT NOT NULL,
        line INTEGER NOT NULL,
        line_date TEXT NOT NULL,
        line_amount TEXT NOT NULL,
        line_currency TEXT NOT NULL,
        line_description TEXT NOT NULL,
        matched_by TEXT NOT NULL,
        confirmed_at TEXT NOT NULL
    )""",
    "CREATE TABLE statement_formats (bank TEXT PRIMARY KEY, columns TEXT NOT NULL, saved_at TEXT NOT NULL) WITHOUT ROWID",
)

# Each sync's report, the last 100 (storage.sync_history; services.changes reads them as "what
# changed"): `sync_reports` holds one row per sync with its true counts, `sync_report_rows` the
# links and payments it saw change, at most 5,000 per report, by Lean's ids (names and amounts are
# read from the links when shown). `kind`: 0 a link's status, 1 a new usage, 2 a usage that moved.
_V7 = (
    """CREATE TABLE sync_reports (
        key INTEGER PRIMARY KEY,
        finished_at TEXT NOT NULL,
        completed INTEGER NOT NULL,
        full INTEGER NOT NULL,
        first_sync INTEGER NOT NULL,
        problems INTEGER NOT NULL,
        links_added INTEGER NOT NULL,
        link_changes INTEGER NOT NULL,
        new_usages INTEGER NOT NULL,
        usage_changes INTEGER NOT NULL
    )""",
    """CREATE TABLE sync_report_rows (
        key INTEGER PRIMARY KEY,
        report_key INTEGER NOT NULL REFERENCES sync_reports (key) ON DELETE CASCADE,
        kind INTEGER NOT NULL,
        link_id TEXT NOT NULL,
        usage_id TEXT,
        status_before TEXT,
        status TEXT NOT NULL,
        payment_status_before TEXT,
        payment_status TEXT,
        outcome_before INTEGER,
        outcome INTEGER,
        seen_at TEXT
    )""",
    "CREATE INDEX sync_report_rows_by_report ON sync_report_rows (report_key, kind, key)",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "links, usages, sync state and the search index", _V1),
    Migration(2, "an index of the links by name as the table sorts them", _V2),
    Migration(3, "sync problems, and when each link's usages were last read in full", _V3),
    Migration(4, "an index the status counts are read from", _V4),
    Migration(5, "the search index's owners, kept", _V5),
    Migration(6, "outcomes, what was seen when, and bank-statement matches", _V6),
    Migration(7, "each sync's report of what changed, the last 100", _V7),
)
SCHEMA_VERSION = MIGRATIONS[-1].version


def register_functions(conn: sqlite3.Connection) -> None:
    """The Python functions the schema's statements and the cache's queries call."""
    conn.create_function("lm_text_key", 1, text_key, deterministic=True)
    conn.create_function("lm_outcome", 3, outcome_code, deterministic=True)


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
    return row is not None


def current_version(conn: sqlite3.Connection, path: Path) -> int:
    """The file's schema version: 0 for a new empty file; a foreign SQLite file is refused."""
    if _has_table(conn, "schema_version"):
        row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0] or 0)
    if conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone() is not None:
        foreign = translate(
            "Cache", "it is an SQLite database of some other program, not a LinkManager cache"
        )
        raise CacheCorruptError(path, foreign)
    return 0


def migrate(conn: sqlite3.Connection, path: Path, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Apply the missing steps, each in its own transaction; return the version reached.

    `conn` must be in autocommit mode (isolation_level=None): the transactions are explicit.
    """
    register_functions(conn)
    latest = migrations[-1].version
    found = current_version(conn, path)
    if found > latest:
        raise CacheTooNewError(path, found, latest)
    for step in migrations:
        if step.version <= found:
            continue
        conn.execute("BEGIN IMMEDIATE")  # one process migrates; another waits, then sees the result
        try:
            if current_version(conn, path) >= step.version:  # another process got there first
                conn.execute("ROLLBACK")
                continue
            for statement in step.statements:
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                (step.version, step.description, datetime.now(UTC).isoformat()),
            )
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID:d}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        log.info("cache %s migrated to schema %d (%s)", path, step.version, step.description)
    return max(found, latest)
