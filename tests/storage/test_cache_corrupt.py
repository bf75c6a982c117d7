"""A damaged cache is reported in words (which file, what is wrong, how to get out) and can be rebuilt."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from linkmanager.domain import LinkStatus, PaymentLink, Usage
from linkmanager.storage.cache import CacheCorruptError, CacheError, LinkCache
from linkmanager.storage.cache_errors import CacheDiskFullError, CacheReadOnlyError, translate

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
LinkFactory = Callable[..., PaymentLink]
UsageFactory = Callable[..., Usage]


def assert_clear(error: CacheCorruptError, path: Path, what: str) -> None:
    message = str(error)
    assert str(path) in message
    assert what in message
    assert "rebuilt" in message
    assert "linkmanager sync --rebuild" in message
    assert "credentials are untouched" in message
    assert "Traceback" not in message
    assert "\n" not in message  # one sentence, fit for a dialog or a terminal line


def fill(path: Path, make_link: LinkFactory, make_usage: UsageFactory, links: int = 300) -> None:
    with LinkCache.open(path) as cache:
        cache.store_listing([make_link(f"link-{i}") for i in range(links)], T0, complete=True)
        for i in range(0, links, 10):
            cache.store_usages(
                f"link-{i}",
                [make_usage(f"u-{i}-{j}", f"link-{i}") for j in range(5)],
                T0,
                link_status=LinkStatus.ACTIVE,
            )


def test_garbage_bytes_are_not_a_database(cache_path: Path) -> None:
    cache_path.parent.mkdir(parents=True)
    cache_path.write_bytes(b"this is not a database, it is a shopping list\n" * 100)
    with pytest.raises(CacheCorruptError) as caught:
        LinkCache.open(cache_path)
    assert_clear(caught.value, cache_path, "is not a database")


def test_a_file_cut_inside_its_header_is_reported(cache_path: Path) -> None:
    cache_path.parent.mkdir(parents=True)
    cache_path.write_bytes(b"SQLite for")
    with pytest.raises(CacheCorruptError) as caught:
        LinkCache.open(cache_path)
    assert_clear(caught.value, cache_path, "cut short")


def test_a_truncated_database_is_reported(
    cache_path: Path, make_link: LinkFactory, make_usage: UsageFactory
) -> None:
    fill(cache_path, make_link, make_usage)
    size = cache_path.stat().st_size
    assert size > 100_000
    with open(cache_path, "r+b") as f:
        f.truncate(size // 2)
    with pytest.raises(CacheCorruptError) as caught:
        LinkCache.open(cache_path)
    assert_clear(caught.value, cache_path, "cannot be used because")


def test_overwritten_pages_fail_the_integrity_check(
    cache_path: Path, make_link: LinkFactory, make_usage: UsageFactory
) -> None:
    fill(cache_path, make_link, make_usage)
    with open(cache_path, "r+b") as f:
        f.seek(8192)  # past the header and the schema page: inside the tables
        f.write(os.urandom(4096 * 4))
    with pytest.raises(CacheCorruptError) as caught:
        LinkCache.open(cache_path)
    assert_clear(caught.value, cache_path, "cannot be used because")


def test_a_row_that_cannot_be_read_back_is_reported_as_damage(
    cache: LinkCache,
    cache_path: Path,
    make_link: LinkFactory,
    raw_connection: Callable[[Path], sqlite3.Connection],
) -> None:
    cache.store_listing([make_link("a")], T0, complete=True)
    conn = raw_connection(cache_path)
    conn.execute("UPDATE links SET amount = 'lots' WHERE id = 'a'")
    conn.close()
    with pytest.raises(CacheCorruptError) as caught:
        cache.links()
    assert_clear(caught.value, cache_path, "a stored link cannot be read back")


def test_an_empty_file_is_a_new_cache(cache_path: Path) -> None:
    cache_path.parent.mkdir(parents=True)
    cache_path.touch()
    with LinkCache.open(cache_path) as cache:
        assert cache.is_empty()


def test_a_folder_in_the_way_is_reported(cache_path: Path) -> None:
    cache_path.mkdir(parents=True)
    with pytest.raises(CacheCorruptError) as caught:
        LinkCache.open(cache_path)
    assert_clear(caught.value, cache_path, "folder")


def test_a_closed_cache_says_so(cache_path: Path) -> None:
    cache = LinkCache.open(cache_path)
    cache.close()
    cache.close()  # twice is fine
    with pytest.raises(CacheError, match="has been closed"):
        cache.links()


# --- rebuilding -------------------------------------------------------------------------------


def test_rebuild_moves_the_damaged_files_aside_and_starts_empty(cache_path: Path) -> None:
    cache_path.parent.mkdir(parents=True)
    garbage = b"garbage " * 1000
    cache_path.write_bytes(garbage)
    cache_path.with_name(cache_path.name + "-wal").write_bytes(b"old wal")
    cache_path.with_name(cache_path.name + "-shm").write_bytes(b"old shm")
    moment = datetime(2026, 4, 5, 6, 7, 8, tzinfo=UTC)
    with LinkCache.rebuild(cache_path, clock=lambda: moment) as cache:
        assert cache.is_empty()
        assert cache.sync_state().last_full_sync is None
        assert cache.path == cache_path
    aside = cache_path.with_name("cache.sqlite.corrupt-20260405T060708Z")
    assert aside.read_bytes() == garbage
    assert aside.with_name(aside.name + "-wal").read_bytes() == b"old wal"
    assert aside.with_name(aside.name + "-shm").read_bytes() == b"old shm"
    with LinkCache.open(cache_path) as reopened:
        assert reopened.is_empty()


def test_rebuilding_twice_in_a_second_keeps_both_old_files(cache_path: Path) -> None:
    cache_path.parent.mkdir(parents=True)
    moment = datetime(2026, 4, 5, 6, 7, 8, tzinfo=UTC)
    cache_path.write_bytes(b"first damage")
    LinkCache.rebuild(cache_path, clock=lambda: moment).close()
    cache_path.write_bytes(b"second damage")
    LinkCache.rebuild(cache_path, clock=lambda: moment).close()
    assert cache_path.with_name("cache.sqlite.corrupt-20260405T060708Z").read_bytes() == b"first damage"
    assert cache_path.with_name("cache.sqlite.corrupt-20260405T060708Z-2").read_bytes() == b"second damage"


def test_rebuild_without_a_file_just_opens(cache_path: Path) -> None:
    with LinkCache.rebuild(cache_path) as cache:
        assert cache.is_empty()
    assert [p.name for p in cache_path.parent.iterdir() if "corrupt" in p.name] == []


@pytest.mark.parametrize(
    ("code", "words", "kind"),
    [
        (5, "busy, probably open in another LinkManager window", CacheError),
        (13, "The disk is full: the offline cache", CacheDiskFullError),
        (8 | (1 << 8), "is read-only (SQLite says: boom)", CacheReadOnlyError),
        (10 | (3 << 8), "reading or writing the file failed", CacheError),
        (11, "its contents are damaged", CacheCorruptError),
        (26, "its contents are damaged", CacheCorruptError),
        (14, "cannot be opened for reading and writing", CacheCorruptError),
        (1, "could not save links (boom)", CacheError),
    ],
)
def test_sqlite_errors_become_sentences(
    cache_path: Path, code: int, words: str, kind: type[CacheError]
) -> None:
    error = sqlite3.OperationalError("boom")
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    translated = translate(error, cache_path, "save links")
    assert type(translated) is kind
    assert words in str(translated)
    assert str(cache_path) in str(translated)


def test_a_large_cache_checks_its_links_at_open_and_still_reads(
    cache_path: Path, make_link: LinkFactory, make_usage: UsageFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    import linkmanager.storage.cache_open as cache_module

    fill(cache_path, make_link, make_usage, links=50)
    monkeypatch.setattr(cache_module, "_FULL_CHECK_BYTES", 0)  # every file counts as large
    assert cache_module._integrity_check(cache_path) == "PRAGMA quick_check(links)"
    with LinkCache.open(cache_path) as cache:
        assert len(cache.links()) == 50
