"""The action journal: a hash chain whose every changed, removed or cut-off entry verify() names, kept
beside the cache (a rebuild leaves it whole), private, never repaired, and safe for two writers."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from linkmanager.storage.cache import LinkCache
from linkmanager.storage.journal import ActionJournal, JournalDraft, JournalError
from linkmanager.storage.journal_file import GENESIS, anchor_path, entry_hash
from linkmanager.storage.journal_model import COLUMNS

from .fs_sandbox import run_without_permission

T0 = datetime(2026, 5, 12, 8, 30, tzinfo=UTC)
DRAFT = JournalDraft(
    action="disable",
    link_id="link-1",
    profile="Shop",
    environment="production",
    status_before="ACTIVE",
    status_after="DISABLED",
    outcome="done",
    reason="Season over",
    http_status=None,
    request_id=None,
)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return ActionJournal.beside(tmp_path / "caches" / "shop-1a2b3c4d.sqlite3")


def fill(path: Path, count: int) -> None:
    with ActionJournal.open(path) as journal:
        for n in range(1, count + 1):
            journal.append(
                replace(DRAFT, link_id=f"link-{n}", reason=f"reason {n}"),
                at=T0 + timedelta(minutes=n),
                user="amal",
            )


def sql(path: Path, statement: str, *params: object) -> None:
    """A plain edit of the journal's file, as anyone with sqlite3 could make it."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(statement, params)
    conn.close()


def verify(path: Path) -> tuple[bool, int | None, str]:
    with ActionJournal.open(path) as journal:
        check = journal.verify()
    return check.ok, check.broken_seq, check.message


def test_the_journal_sits_beside_the_cache_in_its_own_files(tmp_path: Path) -> None:
    journal = ActionJournal.beside(tmp_path / "shop-1a2b3c4d.sqlite3")
    assert journal == tmp_path / "shop-1a2b3c4d-journal.sqlite3"
    assert anchor_path(journal) == tmp_path / "shop-1a2b3c4d-journal.anchor"


def test_entries_round_trip_newest_first_chained_and_filtered(path: Path) -> None:
    with ActionJournal.open(path) as journal:
        first = journal.append(DRAFT, at=T0, user="amal")
        failed = replace(
            DRAFT, action="enable", status_after=None, outcome="failed", http_status=503, request_id="req-9",
            message="Lean could not handle the request.", batch="b-1",
        )  # fmt: skip
        second = journal.append(failed, at=T0 + timedelta(hours=1), user="omar")
        created = replace(DRAFT, action="create", link_id="link-2", status_before=None, status_after="ACTIVE")
        third = journal.append(created, at=T0 + timedelta(hours=2), user="amal")
        assert (first.seq, second.seq, third.seq) == (1, 2, 3)
        assert first.prev_hash == GENESIS
        assert second.prev_hash == first.hash
        assert third.prev_hash == second.hash
        assert [e.seq for e in journal.entries()] == [3, 2, 1]
        back = journal.entries(action="enable")[0]
        assert (back.at, back.user, back.draft) == (T0 + timedelta(hours=1), "omar", failed)
        assert back.at.tzinfo is not None
        assert [e.seq for e in journal.entries(link_id="link-1")] == [2, 1]
        assert [e.seq for e in journal.entries(user="amal")] == [3, 1]
        assert [e.seq for e in journal.entries(since=T0 + timedelta(minutes=30))] == [3, 2]
        assert [e.seq for e in journal.entries(until=T0 + timedelta(hours=1))] == [1]
        assert [e.seq for e in journal.entries(limit=2)] == [3, 2]
        check = journal.verify()
    assert (check.ok, check.entries, check.broken_seq, check.message) == (
        True,
        3,
        None,
        "Journal intact: 3 entries.",
    )


def test_the_user_defaults_to_the_os_login_and_the_time_to_now(path: Path) -> None:
    from linkmanager.storage.print_register import current_user

    before = datetime.now(UTC)
    with ActionJournal.open(path) as journal:
        entry = journal.append(DRAFT)
    assert entry.user == current_user()
    assert before <= entry.at <= datetime.now(UTC)


def test_text_is_bounded_and_made_one_line_before_it_is_hashed(path: Path) -> None:
    hostile = replace(DRAFT, reason="a\nb\tc" + "x" * 2000, message="<b>" * 1000, request_id="r" * 5000)
    with ActionJournal.open(path) as journal:
        entry = journal.append(hostile, at=T0, user="amal")
        assert entry.draft.reason.startswith("a b c")
        assert len(entry.draft.reason) == 500
        assert len(entry.draft.message) == 500
        assert len(entry.draft.request_id or "") == 200
        assert journal.entries()[0] == entry
        assert journal.verify().ok


def test_a_bad_draft_is_refused_and_nothing_is_written(path: Path) -> None:
    with ActionJournal.open(path) as journal:
        for bad in (
            replace(DRAFT, action="delete"),
            replace(DRAFT, outcome="maybe"),
            replace(DRAFT, http_status=7),
        ):
            with pytest.raises(ValueError, match=r"a journal entry.s|an HTTP status"):
                journal.append(bad)
        with pytest.raises(ValueError, match="naive datetime"):
            journal.append(DRAFT, at=T0.replace(tzinfo=None))  # naive
        assert journal.entries() == []


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("reason", "Season over (approved)"),
        ("user", "mallory"),
        ("at", "2026-05-12T08:31:00.000000Z"),
        ("status_after", "ACTIVE"),
        ("outcome", "failed"),
        ("http_status", 404),
        ("batch", "b-2"),
        ("hash", "0" * 64),
    ],
)
def test_changing_any_entry_s_text_is_named(path: Path, column: str, value: object) -> None:
    fill(path, 5)
    sql(path, f"UPDATE entries SET {column} = ? WHERE seq = 3", value)  # noqa: S608 - a column of the test's
    ok, broken, message = verify(path)
    assert (ok, broken) == (False, 3)
    assert message == (
        f"Entry 3 of the action journal {path} was changed after it was written (its contents no longer match "
        "its hash)."
    )


def test_an_entry_changed_with_its_hash_recomputed_is_named_by_the_next_one(path: Path) -> None:
    fill(path, 4)
    conn = sqlite3.connect(path, isolation_level=None)
    row = conn.execute(f"SELECT {', '.join(COLUMNS)} FROM entries WHERE seq = 2").fetchone()  # noqa: S608
    fields = dict(zip(COLUMNS, row, strict=True))
    fields["reason"] = "nothing to see"
    conn.execute(
        "UPDATE entries SET reason = ?, hash = ? WHERE seq = 2", ("nothing to see", entry_hash(fields))
    )
    conn.close()
    ok, broken, message = verify(path)
    assert (ok, broken) == (False, 2)
    assert "Entry 2 of the action journal" in message
    assert "entry 3 still holds the old one" in message


@pytest.mark.parametrize("seq", [1, 3])
def test_a_removed_entry_is_named(path: Path, seq: int) -> None:
    fill(path, 5)
    sql(path, "DELETE FROM entries WHERE seq = ?", seq)
    ok, broken, message = verify(path)
    assert (ok, broken) == (False, seq)
    assert message.startswith(f"Entry {seq} of the action journal {path} is missing: it was removed")


def test_renumbering_after_a_removal_does_not_hide_it(path: Path) -> None:
    fill(path, 4)
    sql(path, "DELETE FROM entries WHERE seq = 2")
    sql(path, "UPDATE entries SET seq = seq - 1 WHERE seq > 2")
    ok, broken, _ = verify(path)
    assert (ok, broken) == (False, 2)


def test_removing_the_newest_entries_is_seen_against_the_anchor(path: Path) -> None:
    fill(path, 5)
    sql(path, "DELETE FROM entries WHERE seq >= 4")
    ok, broken, message = verify(path)
    assert (ok, broken) == (False, 4)
    assert message == (
        f"The newest entries of the action journal {path} were removed: it ends at entry 3, but entry 5 was "
        f"written (its anchor {anchor_path(path)} says so)."
    )
    # appending does not paper over it: the anchor stays where it was, and the break stays reported
    with ActionJournal.open(path) as journal:
        journal.append(DRAFT, at=T0, user="amal")
        journal.append(DRAFT, at=T0, user="amal")
        journal.append(DRAFT, at=T0, user="amal")
        check = journal.verify()
    assert (check.ok, check.broken_seq) == (False, 5)
    assert "is not the entry its anchor" in check.message


def test_a_journal_replaced_by_an_empty_one_is_seen_against_the_anchor(path: Path) -> None:
    fill(path, 2)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    ok, broken, message = verify(path)
    assert (ok, broken) == (False, 1)
    assert "it ends at entry 0, but entry 2 was written" in message


def test_a_missing_or_garbled_anchor_is_reported(path: Path) -> None:
    fill(path, 2)
    anchor = anchor_path(path)
    anchor.write_text("{not json")
    ok, broken, message = verify(path)
    assert (ok, broken) == (False, None)
    assert (
        f"The anchor {anchor} of the action journal {path} cannot be read (it is not a journal anchor)"
        in message
    )
    anchor.unlink()
    ok, broken, message = verify(path)
    assert (ok, broken) == (False, None)
    assert f"The anchor {anchor} of the action journal {path} is missing" in message


def test_an_anchor_behind_the_head_is_accepted_when_the_chain_holds_its_entry(path: Path) -> None:
    """A crash between an append and its anchor leaves the anchor one entry behind: not a break."""
    fill(path, 2)
    anchor = anchor_path(path)
    kept = anchor.read_text()
    fill(path, 1)
    anchor.write_text(kept)
    assert verify(path) == (True, None, "Journal intact: 3 entries.")
    assert json.loads(anchor.read_text())["seq"] == 2


def test_an_empty_journal_is_intact(path: Path) -> None:
    assert verify(path) == (True, None, "Journal intact: 0 entries.")


def test_the_journal_survives_a_rebuild_of_the_cache_beside_it(tmp_path: Path) -> None:
    cache_path = tmp_path / "caches" / "shop.sqlite3"
    LinkCache.open(cache_path).close()
    fill(ActionJournal.beside(cache_path), 3)
    journal_files = {p.name: p.read_bytes() for p in cache_path.parent.iterdir() if "journal" in p.name}
    cache_path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)  # the cache is damaged...
    LinkCache.rebuild(cache_path).close()  # ...moved aside and made anew
    aside = [p.name for p in cache_path.parent.iterdir() if ".corrupt-" in p.name]
    assert aside
    assert all(name.startswith("shop.sqlite3.corrupt-") for name in aside)
    assert {
        p.name: p.read_bytes() for p in cache_path.parent.iterdir() if "journal" in p.name
    } == journal_files
    assert verify(ActionJournal.beside(cache_path)) == (True, None, "Journal intact: 3 entries.")


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"a shopping list, not a database\n" * 50, "is not a database"),
        (b"SQLite for", "cut short"),
        (b"SQLite format 3\x00" + b"\xff" * 4000, "damaged"),
    ],
)
def test_a_damaged_journal_is_said_in_words_and_left_as_it_is(path: Path, content: bytes, said: str) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    with pytest.raises(JournalError) as caught:
        ActionJournal.open(path)
    message = str(caught.value)
    assert str(path) in message
    assert said in message
    assert "only record of the changes made from this computer" in message
    assert "Restore it from a backup" in message
    assert "\n" not in message
    assert path.read_bytes() == content  # not replaced, not moved aside
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_other_databases_are_not_taken_for_the_journal(tmp_path: Path) -> None:
    cache_path = tmp_path / "shop.sqlite3"
    LinkCache.open(cache_path).close()
    with pytest.raises(JournalError, match="some other program"):
        ActionJournal.open(cache_path)


def test_a_journal_from_a_newer_version_is_refused(path: Path) -> None:
    ActionJournal.open(path).close()
    sql(path, "INSERT INTO schema_version VALUES (99, 'from the future', '2030-01-01')")
    with pytest.raises(JournalError, match=r"newer version of LinkManager \(journal schema 99"):
        ActionJournal.open(path)


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_the_journal_and_its_anchor_are_private(path: Path) -> None:
    fill(path, 1)
    for file in (path, anchor_path(path)):
        assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_a_read_only_journal_still_answers_and_verifies_and_says_why_it_cannot_append() -> None:
    out = run_without_permission(
        """
sys.path.insert(0, os.getcwd())  # this checkout's code (the child runs from the repository's root)
from datetime import UTC, datetime
from linkmanager.storage.journal import ActionJournal, JournalDraft, JournalError

path = DIR / "shop-journal.sqlite3"
draft = JournalDraft("disable", "link-1", "Shop", "production", "ACTIVE", "DISABLED", "done", reason="r")
with ActionJournal.open(path) as journal:
    journal.append(draft, at=datetime(2026, 5, 12, tzinfo=UTC), user="amal")
make_read_only(path)
with ActionJournal.open(path) as journal:
    count = len(journal.entries())
    ok = journal.verify().ok
    problem = journal.problem
    try:
        journal.append(draft)
        emit({"count": count, "ok": ok, "error": None})
    except JournalError as exc:
        emit({"count": count, "ok": ok, "error": str(exc), "problem": problem, "path": str(path)})
"""
    )
    assert (out["count"], out["ok"]) == (1, True)
    assert (
        out["error"]
        == out["problem"]
        == (
            f"The action journal {out['path']} is read-only (no permission to write to {out['path']}): changes "
            "are not journalled. Make the folder writable to journal changes."
        )
    )


def test_two_writers_serialise_into_one_unbroken_chain(path: Path) -> None:
    """Two journals on one file (two windows, or a window and a command), each with threads."""
    ActionJournal.open(path).close()
    first, second = ActionJournal.open(path), ActionJournal.open(path)
    errors: list[BaseException] = []

    def write(journal: ActionJournal, who: str) -> None:
        try:
            for n in range(15):
                journal.append(replace(DRAFT, link_id=f"{who}-{n}"), user=who)
        except BaseException as exc:  # pragma: no cover - the assertion below names it
            errors.append(exc)

    threads = [
        threading.Thread(target=write, args=(j, f"w{i}")) for i, j in enumerate((first, second, first))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert errors == []
        check = first.verify()
        assert (check.ok, check.entries) == (True, 45)
        assert sorted(e.seq for e in second.entries()) == list(range(1, 46))
    finally:
        first.close()
        second.close()


def test_a_closed_journal_says_so(path: Path) -> None:
    journal = ActionJournal.open(path)
    journal.close()
    with pytest.raises(JournalError, match="has been closed"):
        journal.entries()
