"""A cache that can be read but not written (read-only media, no write permission) opens read-only.

Every read answers; every write raises CacheReadOnlyError naming the real reason; nothing in any
message calls the file damaged or advises a rebuild, and the file's bytes stay as they were.
Real file systems only: a read-only tmpfs in a user+mount namespace, or chmod (fs_sandbox).
"""

from __future__ import annotations

import os
from typing import Any

import pytest

from linkmanager.storage.schema import SCHEMA_VERSION

from .fs_sandbox import CACHE_HELPERS, FILLED_LINKS, run_on_tmpfs, run_read_only, run_without_permission

SETUPS = ["tmpfs", "permission"]
NOT_DAMAGE = ("rebuil", "damaged", "corrupt", "integrity")

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX file systems: tmpfs, namespaces, file modes")


def expected_reason(setup: str, value: dict[str, Any]) -> str:
    if setup == "tmpfs":
        return "read-only file system"
    return f"no permission to write to {value['cache']}"


def assert_no_damage_words(message: str) -> None:
    assert not any(word in message.lower() for word in NOT_DAMAGE), message
    assert "\n" not in message


EVERY_READ = (
    CACHE_HELPERS
    + """
import hashlib
from linkmanager.storage import CacheReadOnlyError

cache_path = DIR / "caches" / "main.sqlite3"
fill(cache_path)
make_read_only(cache_path)
before = hashlib.sha256(cache_path.read_bytes()).hexdigest()
out = {"cache": str(cache_path)}
with open_cache(cache_path) as cache:
    out["reason"] = cache.read_only
    out["links"] = len(cache.links())
    out["active"] = len(cache.links(LinkStatus.ACTIVE))
    out["first"] = [c.link.id for c in cache.first_links("name", limit=3)]
    out["link"] = cache.link("link-5").link.name
    out["usages"] = [u.usage_id for u in cache.usages("link-5")]
    out["search"] = sorted({h.link.link.id for h in cache.search("payer5x")})
    out["ids"] = [sorted(part) for part in cache.search_link_ids("payer10x")]
    out["counts"] = {status.value: n for status, n in cache.status_counts().items() if n}
    out["synced"] = cache.sync_state().last_full_sync.isoformat()
    cache.prepare_search()  # its own read-only connection (storage.term_owners)
    out["ids_prepared"] = [sorted(part) for part in cache.search_link_ids("flat 1")]
    out["writes"] = []
    for write in (
        lambda: cache.store_listing([make_link(99)], WALL, complete=False),
        lambda: cache.record_sync_started(WALL),
        lambda: cache.store_usages("link-0", [], WALL, link_status=LinkStatus.ACTIVE),
    ):
        try:
            write()
            out["writes"].append("written")
        except CacheReadOnlyError as exc:
            out["writes"].append(str(exc))
    out["links_after"] = len(cache.links())
out["unchanged"] = hashlib.sha256(cache_path.read_bytes()).hexdigest() == before
emit(out)
"""
)


@pytest.mark.parametrize("setup", SETUPS)
def test_every_read_works_and_every_write_names_the_reason(setup: str) -> None:
    used, out = run_read_only(setup, EVERY_READ)
    reason = expected_reason(used, out)
    assert out["reason"] == reason
    assert out["links"] == out["active"] == out["links_after"] == FILLED_LINKS
    assert out["first"] == ["link-0", "link-1", "link-10"]
    assert out["link"] == "Rent flat 5"
    assert out["usages"] == ["u-5-0", "u-5-1", "u-5-2"]
    assert out["search"] == ["link-5"]
    assert out["ids"] == [[], ["link-10"]]
    assert out["counts"] == {"ACTIVE": FILLED_LINKS}
    assert out["synced"] == "2026-03-01T09:00:00+00:00"
    assert out["ids_prepared"] == [["link-1", *(f"link-{i}" for i in range(10, 20))], []]
    assert len(out["writes"]) == 3
    for message in out["writes"]:
        assert message.startswith(f"The offline cache {out['cache']} is read-only ({reason}):")
        assert "still answers reads" in message
        assert_no_damage_words(message)
    assert out["unchanged"]


OLD_OR_NEW = """
import sqlite3
from linkmanager.storage import CacheError, LinkCache
from linkmanager.storage.schema import MIGRATIONS, migrate

out = {}
for name, version in (("old", MIGRATIONS[-2].version), ("new", MIGRATIONS[-1].version + 1), ("empty", 0)):
    path = DIR / f"{name}.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    if version:
        migrate(conn, path, MIGRATIONS[: min(version, len(MIGRATIONS))])
    if version > len(MIGRATIONS):
        conn.execute("INSERT INTO schema_version VALUES (?, 'from the future', '')", (version,))
    conn.close()
    out[name] = str(path)
make_read_only(*[DIR / f"{name}.sqlite3" for name in ("old", "new", "empty")])
for name in ("old", "new", "empty"):
    try:
        LinkCache.open(DIR / f"{name}.sqlite3").close()
        out[name + "_error"] = None
    except CacheError as exc:
        out[name + "_error"] = (type(exc).__name__, str(exc))
emit(out)
"""


@pytest.mark.parametrize("setup", SETUPS)
def test_a_read_only_cache_of_another_version_is_refused_in_one_sentence(setup: str) -> None:
    used, out = run_read_only(setup, OLD_OR_NEW)
    for name in ("old", "new", "empty"):
        kind, message = out[name + "_error"]
        assert message.startswith(f"The offline cache {out[name]} "), message
        assert_no_damage_words(message)
    reason = "read-only file system" if used == "tmpfs" else f"no permission to write to {out['old']}"
    kind, message = out["old_error"]
    assert kind == "CacheUpgradeBlockedError"
    assert message == (
        f"The offline cache {out['old']} was written by an older LinkManager (cache schema "
        f"{SCHEMA_VERSION - 1}; this version reads {SCHEMA_VERSION}) and cannot be upgraded where it is ({reason}): open it once where it can "
        "be written."
    )
    kind, message = out["empty_error"]
    assert kind == "CacheUpgradeBlockedError"
    assert message.startswith(f"The offline cache {out['empty']} holds no data yet and cannot be set up")
    kind, message = out["new_error"]
    assert kind == "CacheTooNewError"
    assert "written by a newer version of LinkManager" in message
    assert message.endswith("update LinkManager to read it.")


def test_a_folder_without_write_permission_and_no_shm_says_what_sqlite_needs() -> None:
    out = run_without_permission(
        CACHE_HELPERS
        + """
from linkmanager.storage import CacheError
cache_path = DIR / "caches" / "main.sqlite3"
fill(cache_path)  # closed cleanly: no -wal or -shm is left beside it
make_read_only(cache_path, cache_path.parent)
try:
    open_cache(cache_path).close()
    emit({"error": None})
except CacheError as exc:
    emit({"error": str(exc), "folder": str(cache_path.parent), "cache": str(cache_path)})
"""
    )
    assert out["error"] == (
        f"The offline cache {out['cache']} cannot be read where it is: SQLite must create "
        f"main.sqlite3-shm beside it to read it safely, but there is no permission to write to "
        f"{out['folder']}. Make that folder writable, or copy the cache to a folder you can write to."
    )


MISSING_ON_READ_ONLY = """
from linkmanager.storage import CacheError, LinkCache
(DIR / "caches").mkdir()
make_read_only()
out = {}
for name, path in (("file", DIR / "caches" / "new.sqlite3"), ("folder", DIR / "more" / "new.sqlite3")):
    try:
        LinkCache.open(path).close()
        out[name] = None
    except CacheError as exc:
        out[name] = [type(exc).__name__, str(exc), str(path)]
emit(out)
"""


def test_a_cache_that_cannot_be_created_on_read_only_media_says_so() -> None:
    out = run_on_tmpfs(MISSING_ON_READ_ONLY, size="1m")
    kind, message, path = out["file"]
    assert kind == "CacheError"
    assert message == f"The offline cache {path} cannot be created (read-only file system)."
    kind, message, path = out["folder"]
    folder = path.rsplit("/", 1)[0]
    assert (
        message == f"The folder for the offline cache, {folder}, cannot be created (read-only file system)."
    )


UNCLEAN_WAL = (
    CACHE_HELPERS
    + """
from linkmanager.storage import CacheError
cache_path = DIR / "main.sqlite3"
fill(cache_path, links=3)
pid = os.fork()
if pid == 0:  # a writer that dies before it checkpoints: its last sync is only in the -wal
    cache = open_cache(cache_path)
    cache._live().execute("PRAGMA wal_autocheckpoint = 0")
    cache.store_listing([make_link(7)], T0, complete=False)
    os._exit(0)
os.waitpid(pid, 0)
shm = DIR / "main.sqlite3-shm"
keep_shm = sys.argv[3] == "keep"
if not keep_shm:
    shm.unlink()
make_read_only()
try:
    with open_cache(cache_path) as cache:
        emit({"links": len(cache.links()), "reason": cache.read_only})
except CacheError as exc:
    emit({"error": str(exc), "cache": str(cache_path)})
"""
)


@pytest.mark.parametrize("shm", ["keep", "lose"])
def test_unsaved_changes_in_the_wal_are_read_or_the_cache_is_refused(shm: str) -> None:
    out = run_on_tmpfs(UNCLEAN_WAL.replace('sys.argv[3] == "keep"', repr(shm == "keep")), size="16m")
    if shm == "keep":  # SQLite reads the -wal through the existing -shm: the last link is there
        assert out == {"links": 4, "reason": "read-only file system"}
    else:  # immutable=1 would silently miss link-7: refused instead
        assert out["error"] == (
            f"The offline cache {out['cache']} cannot be read where it is (read-only file system): its "
            "last changes are still in main.sqlite3-wal, which SQLite cannot read there without "
            "main.sqlite3-shm. Open it once where it can be written."
        )
