"""The cache holds payer data: the folder is 0700, the database and its -wal/-shm files 0600."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from linkmanager.domain import PaymentLink
from linkmanager.storage.cache import LinkCache

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def test_a_new_cache_and_its_wal_files_are_private(
    cache_path: Path, make_link: Callable[..., PaymentLink]
) -> None:
    old_umask = os.umask(0o022)  # a typical, permissive umask: the cache must not depend on it
    try:
        with LinkCache.open(cache_path) as cache:
            cache.store_listing([make_link()], T0, complete=True)
            assert side(cache_path, "-wal").exists()
            assert side(cache_path, "-shm").exists()
            assert mode(cache_path) == 0o600
            assert mode(side(cache_path, "-wal")) == 0o600
            assert mode(side(cache_path, "-shm")) == 0o600
    finally:
        os.umask(old_umask)


def test_missing_folders_are_created_private(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "cache.sqlite"
    old_umask = os.umask(0o022)
    try:
        LinkCache.open(path).close()
    finally:
        os.umask(old_umask)
    assert mode(tmp_path / "a") == 0o700
    assert mode(tmp_path / "a" / "b") == 0o700


def test_an_existing_folder_keeps_its_mode(tmp_path: Path) -> None:
    """The parent may be a folder the user chose (a portable drive): not ours to change."""
    folder = tmp_path / "mine"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)  # noqa: S103 (a user's own, ordinary folder)
    LinkCache.open(folder / "cache.sqlite").close()
    assert mode(folder) == 0o755
    assert mode(folder / "cache.sqlite") == 0o600


def test_a_loose_existing_cache_is_made_private_again(cache_path: Path) -> None:
    LinkCache.open(cache_path).close()
    os.chmod(cache_path, 0o644)
    with LinkCache.open(cache_path):
        assert mode(cache_path) == 0o600
        assert mode(side(cache_path, "-wal")) == 0o600
        assert mode(side(cache_path, "-shm")) == 0o600


def test_the_cache_is_in_wal_mode(cache_path: Path) -> None:
    LinkCache.open(cache_path).close()
    with open(cache_path, "rb") as f:
        header = f.read(20)
    assert header[:16] == b"SQLite format 3\x00"
    assert header[18:20] == b"\x02\x02"  # file format read/write versions 2: WAL
