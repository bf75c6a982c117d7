"""The schema version table, the migration path, and refusing a file from a newer LinkManager."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from linkmanager.domain import PaymentLink
from linkmanager.storage.cache import CacheCorruptError, CacheTooNewError, LinkCache
from linkmanager.storage.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, Migration, migrate

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
Raw = Callable[[Path], sqlite3.Connection]


def versions(path: Path, raw: Raw) -> list[int]:
    conn = raw(path)
    try:
        return [row[0] for row in conn.execute("SELECT version FROM schema_version ORDER BY version")]
    finally:
        conn.close()


def test_a_new_cache_records_every_migration_once(cache_path: Path, raw_connection: Raw) -> None:
    LinkCache.open(cache_path).close()
    LinkCache.open(cache_path).close()  # reopening applies nothing twice
    assert versions(cache_path, raw_connection) == [m.version for m in MIGRATIONS]
    assert versions(cache_path, raw_connection)[-1] == SCHEMA_VERSION
    conn = raw_connection(cache_path)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    finally:
        conn.close()


def test_the_migration_steps_are_numbered_in_order() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))


def test_a_cache_from_a_newer_version_is_refused_untouched(
    cache_path: Path, raw_connection: Raw, make_link: Callable[..., PaymentLink]
) -> None:
    with LinkCache.open(cache_path) as cache:
        cache.store_listing([make_link()], T0, complete=True)
    conn = raw_connection(cache_path)
    conn.execute(
        "INSERT INTO schema_version (version, description, applied_at) VALUES (?, 'from the future', 'x')",
        (SCHEMA_VERSION + 5,),
    )
    conn.close()
    before = cache_path.read_bytes()
    with pytest.raises(CacheTooNewError) as caught:
        LinkCache.open(cache_path)
    message = str(caught.value)
    assert str(cache_path) in message
    assert "newer version of LinkManager" in message
    assert f"cache schema {SCHEMA_VERSION + 5}" in message
    assert "update LinkManager" in message
    assert "credentials are untouched" in message
    assert isinstance(caught.value, CacheCorruptError)
    assert cache_path.read_bytes() == before
    assert versions(cache_path, raw_connection)[-1] == SCHEMA_VERSION + 5


def test_a_sqlite_file_of_another_program_is_refused(cache_path: Path, raw_connection: Raw) -> None:
    cache_path.parent.mkdir(parents=True)
    conn = raw_connection(cache_path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.close()
    with pytest.raises(CacheCorruptError, match="some other program"):
        LinkCache.open(cache_path)
    conn = raw_connection(cache_path)
    try:
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["photos"]
    finally:
        conn.close()


NEXT = SCHEMA_VERSION + 1
V2 = Migration(
    NEXT,
    "test: a note per link",
    (
        "ALTER TABLE links ADD COLUMN note TEXT NOT NULL DEFAULT ''",
        "UPDATE links SET note = 'migrated ' || id",
    ),
)


def test_an_older_cache_is_migrated_and_keeps_its_data(
    cache_path: Path, raw_connection: Raw, make_link: Callable[..., PaymentLink]
) -> None:
    with LinkCache.open(cache_path) as cache:
        cache.store_listing([make_link("a"), make_link("b")], T0, complete=True)
    conn = raw_connection(cache_path)
    try:
        assert migrate(conn, cache_path, (*MIGRATIONS, V2)) == NEXT
        assert [row[0] for row in conn.execute("SELECT note FROM links ORDER BY id")] == [
            "migrated a",
            "migrated b",
        ]
        versions_now = [row[0] for row in conn.execute("SELECT version FROM schema_version")]
        assert versions_now == [*range(1, NEXT + 1)]
        assert migrate(conn, cache_path, (*MIGRATIONS, V2)) == NEXT  # nothing left to do
    finally:
        conn.close()


def test_a_failing_migration_leaves_the_previous_version_whole(
    cache_path: Path, raw_connection: Raw, make_link: Callable[..., PaymentLink]
) -> None:
    with LinkCache.open(cache_path) as cache:
        cache.store_listing([make_link("a")], T0, complete=True)
    broken = Migration(NEXT, "test: fails half-way", (*V2.statements, "INSERT INTO no_such_table VALUES (1)"))
    conn = raw_connection(cache_path)
    try:
        with pytest.raises(sqlite3.OperationalError):
            migrate(conn, cache_path, (*MIGRATIONS, broken))
        columns = [row[1] for row in conn.execute("PRAGMA table_info(links)")]
        assert "note" not in columns
        assert [row[0] for row in conn.execute("SELECT version FROM schema_version")] == [
            *range(1, SCHEMA_VERSION + 1)
        ]
    finally:
        conn.close()
    with LinkCache.open(cache_path) as cache:
        assert [c.link.id for c in cache.links()] == ["a"]


def test_a_version_1_cache_gets_its_name_index_and_reads_a_first_screenful(
    cache_path: Path, raw_connection: Raw
) -> None:
    """A cache written before the name index (schema 1) is opened, migrated and keeps its links;
    the name keys are folded as the table folds them (Unicode, not ASCII-only)."""
    cache_path.parent.mkdir(parents=True)
    conn = raw_connection(cache_path)
    try:
        migrate(conn, cache_path, MIGRATIONS[:1])
        for link_id, name in (("l1", "Ärger"), ("l2", "apple"), ("l3", None), ("l4", "STRASSE"), ("l5", "")):
            conn.execute(
                "INSERT INTO links (id, url, status, current_usages, amount, currency, reference, name, "
                "identifiers, confirmed_at, first_seen_at) VALUES (?, 'https://x', 'ACTIVE', 0, '1.00', 'AED', "
                "'R', ?, '[]', '2026-06-01T00:00:00.000000Z', '2026-06-01T00:00:00.000000Z')",
                (link_id, name),
            )
    finally:
        conn.close()
    with LinkCache.open(cache_path) as cache:
        assert [c.link.id for c in cache.first_links("name", limit=10)] == ["l2", "l4", "l1", "l3", "l5"]
        assert [c.link.id for c in cache.first_links("name", descending=True, limit=2)] == ["l1", "l4"]
        assert len(cache.links()) == 5
    conn = raw_connection(cache_path)
    try:
        keys = dict(conn.execute("SELECT id, name_key FROM links"))
        assert keys == {"l1": "ärger", "l2": "apple", "l3": None, "l4": "strasse", "l5": None}
    finally:
        conn.close()


def test_a_fresh_file_is_migrated_from_nothing(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "x.sqlite", isolation_level=None)
    try:
        assert migrate(conn, tmp_path / "x.sqlite") == SCHEMA_VERSION
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        assert {"links", "usages", "search_terms", "search_index", "sync_meta", "schema_version"} <= names
    finally:
        conn.close()
