"""A full disk is named as a full disk wherever it strikes, and never costs what was stored before.

Real file systems only: a small tmpfs in a user+mount namespace (fs_sandbox), filled by the
cache's own writes, by a filler file, or by using up its inodes.
"""

from __future__ import annotations

import os

import pytest

from .fs_sandbox import CACHE_HELPERS, run_on_tmpfs

FULL = "The disk is full: the offline cache "
TAIL = "Free some space on that disk and try again; nothing stored before is lost."

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX file systems: tmpfs, namespaces, file modes")


def assert_full(message: str, path: str, doing: str) -> None:
    assert message == f"{FULL}{path} could not {doing}. {TAIL}"


WRITES_ON_A_FULL_DISK = (
    CACHE_HELPERS
    + """
from linkmanager.storage import CacheDiskFullError

cache_path = DIR / "main.sqlite3"
fill(cache_path, links=5)
out = {"cache": str(cache_path), "errors": []}
cache = open_cache(cache_path)
before = [c.link.id for c in cache.links()]
try:  # far more than 1 MB holds: SQLite's own write fails (SQLITE_FULL)
    cache.store_listing([make_link(i, reference="R" * 2000) for i in range(100, 2100)], WALL, complete=False)
except CacheDiskFullError as exc:
    out["errors"].append(str(exc))
import sqlite3
side = sqlite3.connect(cache_path)  # an empty -wal, so the next write needs new room
side.execute("PRAGMA wal_checkpoint(TRUNCATE)")
side.close()
fill_disk()  # not a byte left: even a tiny write fails
try:
    cache.record_sync_started(WALL)
except CacheDiskFullError as exc:
    out["errors"].append(str(exc))
out["same_cache_reads"] = [c.link.id for c in cache.links()] == before
out["usages"] = [u.usage_id for u in cache.usages("link-0")]
out["search"] = sorted(part for ids in cache.search_link_ids("payer0x1") for part in ids)
out["synced"] = cache.sync_state().last_full_sync.isoformat()
cache.close()
(DIR / "filler").unlink()
with open_cache(cache_path) as cache:  # reopened with room again: intact, and writable
    out["reopened"] = [c.link.id for c in cache.links()] == before
    cache.record_sync_started(WALL)
    out["started"] = cache.sync_state().last_sync_started.isoformat()
emit(out)
"""
)


def test_a_failed_write_says_the_disk_is_full_and_the_cache_still_reads() -> None:
    out = run_on_tmpfs(WRITES_ON_A_FULL_DISK, size="1m")
    assert len(out["errors"]) == 2
    assert_full(out["errors"][0], out["cache"], "save links")
    assert_full(out["errors"][1], out["cache"], "record the sync")
    assert out["same_cache_reads"]
    assert out["usages"] == ["u-0-0", "u-0-1", "u-0-2"]
    assert out["search"] == ["link-0"]
    assert out["synced"] == "2026-03-01T09:00:00+00:00"
    assert out["reopened"]
    assert out["started"] == "2026-03-31T09:00:00+00:00"


OPEN_ON_A_FULL_DISK = (
    CACHE_HELPERS
    + """
from linkmanager.storage import CacheError

out = {}
cache_path = DIR / "main.sqlite3"
fill(cache_path, links=3)  # closed cleanly: opening must create the -wal and -shm files again
fresh = DIR / "fresh.sqlite3"
fill_disk()
for name, path in (("existing", cache_path), ("fresh", fresh)):
    try:
        open_cache(path).close()
        out[name] = None
    except CacheError as exc:
        out[name] = [type(exc).__name__, str(exc), str(path)]
emit(out)
"""
)


def test_opening_or_creating_on_a_full_disk_says_the_disk_is_full() -> None:
    out = run_on_tmpfs(OPEN_ON_A_FULL_DISK, size="1m")
    for name in ("existing", "fresh"):
        kind, message, path = out[name]
        assert kind == "CacheDiskFullError"
        assert_full(message, path, "be opened")


NO_INODE_LEFT = """
from linkmanager.storage import CacheError, LinkCache

out = {}
(DIR / "caches").mkdir()
fill_inodes()
for name, path in (("file", DIR / "caches" / "new.sqlite3"), ("folder", DIR / "more" / "new.sqlite3")):
    try:
        LinkCache.open(path).close()
        out[name] = None
    except CacheError as exc:
        out[name] = [type(exc).__name__, str(exc), str(path)]
emit(out)
"""


def test_creating_the_file_or_its_folder_on_a_full_disk_says_the_disk_is_full() -> None:
    out = run_on_tmpfs(NO_INODE_LEFT, size="1m", inodes=16)
    for name in ("file", "folder"):
        kind, message, path = out[name]
        assert kind == "CacheDiskFullError"
        assert_full(message, path, "be created")
