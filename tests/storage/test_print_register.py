"""The print register: a round trip of what was printed, kept apart from the cache (a rebuild of the
cache leaves it whole), and a damaged, foreign or newer file said in words and never replaced."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from linkmanager.storage.cache import LinkCache
from linkmanager.storage.print_register import (
    NO_PRINTS,
    PrintRecord,
    PrintRegister,
    PrintRegisterError,
    PrintSummary,
    current_user,
)

from .fs_sandbox import run_without_permission

T0 = datetime(2026, 5, 12, 8, 30, tzinfo=UTC)
DUBAI = timezone(timedelta(hours=4))


def rec(link_id: str = "link-1", minutes: int = 0, **changes: object) -> PrintRecord:
    values: dict[str, object] = {
        "link_id": link_id,
        "at": T0 + timedelta(minutes=minutes),
        "kind": "print",
        "template": "labels",
        "copies": 1,
        "where": "HP LaserJet (front desk)",
        "user": "cashier",
    }
    values.update(changes)
    return PrintRecord(**values)  # type: ignore[arg-type]


@pytest.fixture
def register_path(tmp_path: Path) -> Path:
    return PrintRegister.beside(tmp_path / "caches" / "shop-1a2b3c4d.sqlite3")


def test_the_register_sits_beside_the_cache_in_its_own_file(tmp_path: Path) -> None:
    cache_path = tmp_path / "caches" / "shop-1a2b3c4d.sqlite3"
    assert PrintRegister.beside(cache_path) == tmp_path / "caches" / "shop-1a2b3c4d-prints.sqlite3"


def test_records_round_trip_newest_first_with_a_summary(register_path: Path) -> None:
    with PrintRegister.open(register_path) as register:
        assert register.summary("link-1") == NO_PRINTS
        register.record([rec(copies=24, template="labels"), rec("link-2", copies=1)])
        register.record([rec(minutes=60, kind="pdf", template="card", where="/tmp/May rent-qr.pdf")])
        register.record([rec(minutes=90, kind="qr_file", template="svg", where="/tmp/q.svg")])
    with PrintRegister.open(register_path) as register:  # what was committed, read back from the file
        entries = register.entries("link-1")
        assert [(e.kind, e.template, e.copies) for e in entries] == [
            ("qr_file", "svg", 1),
            ("pdf", "card", 1),
            ("print", "labels", 24),
        ]
        assert entries[-1] == rec(copies=24)
        assert entries[0].at == T0 + timedelta(minutes=90)
        assert entries[0].at.tzinfo is not None
        assert register.summary("link-1") == PrintSummary(
            26, 3, T0, T0 + timedelta(minutes=90), "/tmp/q.svg", "qr_file"
        )
        assert register.summary("link-2").count == 1
        # Newest first; of two at the same moment, the one recorded last first.
        assert [e.link_id for e in register.entries()] == ["link-1", "link-1", "link-2", "link-1"]
        assert len(register.entries(limit=2)) == 2
        assert register.link_ids() == {"link-1", "link-2"}


def test_a_time_in_any_zone_is_stored_as_the_same_moment(register_path: Path) -> None:
    with PrintRegister.open(register_path) as register:
        register.record([rec(at=T0.astimezone(DUBAI))])
        assert register.entries()[0].at == T0


def test_a_bad_record_is_refused_and_nothing_of_its_batch_is_written(register_path: Path) -> None:
    with PrintRegister.open(register_path) as register:
        for bad in (rec(copies=0), rec(kind="fax"), rec(link_id=""), rec(at=datetime(2026, 5, 12))):  # noqa: DTZ001
            with pytest.raises(ValueError, match=r"print record|naive"):
                register.record([rec(), bad])
        assert register.entries() == []


def test_the_register_survives_a_rebuild_of_the_cache_beside_it(tmp_path: Path) -> None:
    cache_path = tmp_path / "caches" / "shop.sqlite3"
    LinkCache.open(cache_path).close()
    with PrintRegister.open(PrintRegister.beside(cache_path)) as register:
        register.record([rec(copies=3)])
    cache_path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)  # the cache is damaged...
    LinkCache.rebuild(cache_path).close()  # ...moved aside and made anew
    aside = [p.name for p in cache_path.parent.iterdir() if ".corrupt-" in p.name]
    assert aside
    assert all(name.startswith("shop.sqlite3.corrupt-") for name in aside)
    with PrintRegister.open(PrintRegister.beside(cache_path)) as register:
        assert register.summary("link-1").count == 3


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"a shopping list, not a database\n" * 50, "is not a database"),
        (b"SQLite for", "cut short"),
        (b"SQLite format 3\x00" + b"\xff" * 4000, "damaged"),
    ],
)
def test_a_damaged_register_is_said_in_words_and_left_as_it_is(
    register_path: Path, content: bytes, said: str
) -> None:
    register_path.parent.mkdir(parents=True)
    register_path.write_bytes(content)
    with pytest.raises(PrintRegisterError) as caught:
        PrintRegister.open(register_path)
    message = str(caught.value)
    assert str(register_path) in message
    assert said in message
    assert "only record of what was printed" in message
    assert "Restore it from a backup" in message
    assert "\n" not in message
    assert register_path.read_bytes() == content  # not replaced, not moved aside
    assert sorted(p.name for p in register_path.parent.iterdir()) == [register_path.name]


def test_another_programs_database_is_not_taken_for_the_register(register_path: Path) -> None:
    register_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(register_path)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(PrintRegisterError, match="some other program"):
        PrintRegister.open(register_path)


def test_a_cache_file_is_not_taken_for_the_register(tmp_path: Path) -> None:
    cache_path = tmp_path / "shop.sqlite3"
    LinkCache.open(cache_path).close()
    with pytest.raises(PrintRegisterError, match="some other program"):
        PrintRegister.open(cache_path)


def test_a_register_from_a_newer_version_is_refused_not_downgraded(register_path: Path) -> None:
    PrintRegister.open(register_path).close()
    conn = sqlite3.connect(register_path, isolation_level=None)
    conn.execute("INSERT INTO schema_version VALUES (99, 'from the future', '2030-01-01')")
    conn.close()
    with pytest.raises(PrintRegisterError, match=r"newer version of LinkManager \(register schema 99"):
        PrintRegister.open(register_path)
    conn = sqlite3.connect(register_path)
    assert conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == 99
    conn.close()


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_the_register_is_private(register_path: Path) -> None:
    with PrintRegister.open(register_path) as register:
        register.record([rec()])
    assert stat.S_IMODE(register_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(register_path.parent.stat().st_mode) == 0o700


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_a_read_only_register_still_answers_reads_and_says_why_it_cannot_record() -> None:
    out = run_without_permission(
        """
sys.path.insert(0, os.getcwd())  # this checkout's code (the child runs from the repository's root)
from datetime import UTC, datetime
from linkmanager.storage.print_register import PrintRecord, PrintRegister, PrintRegisterError

path = DIR / "shop-prints.sqlite3"
record = PrintRecord("link-1", datetime(2026, 5, 12, tzinfo=UTC), "print", "card", 2, "HP", "cashier")
with PrintRegister.open(path) as register:
    register.record([record])
make_read_only(path)
with PrintRegister.open(path) as register:
    count = register.summary("link-1").count
    try:
        register.record([record])
        emit({"count": count, "error": None})
    except PrintRegisterError as exc:
        emit({"count": count, "error": str(exc), "path": str(path)})
"""
    )
    assert out["count"] == 2
    assert out["error"] == (
        f"The print register {out['path']} is read-only (no permission to write to {out['path']}): the print "
        "was not recorded. Make the folder writable to record prints."
    )


def test_threads_record_through_one_register(register_path: Path) -> None:
    with PrintRegister.open(register_path) as register:
        workers = [
            threading.Thread(target=register.record, args=([rec(f"link-{n}", copies=n + 1)],))
            for n in range(8)
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        assert sum(e.copies for e in register.entries()) == sum(range(1, 9))


def test_a_closed_register_says_so(register_path: Path) -> None:
    register = PrintRegister.open(register_path)
    register.close()
    with pytest.raises(PrintRegisterError, match="has been closed"):
        register.summary("link-1")


def test_the_user_is_the_os_login_or_nothing() -> None:
    assert isinstance(current_user(), str)
