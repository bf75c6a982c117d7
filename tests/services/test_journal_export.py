"""The Journal view's export and filters, on a real journal file: read back with openpyxl and csv,
a header block, times as real local dates, hostile reasons defused; filters by link (id or name),
user, action, outcome and local days."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from linkmanager.services.date_ranges import days
from linkmanager.services.export import ExportHeader
from linkmanager.services.journal_export import (
    export_journal,
    journal_filters_text,
    journal_view_indexes,
)
from linkmanager.services.journal_view import JournalColumn, JournalFilter, filter_entries, users_of
from linkmanager.storage.journal import ActionJournal, JournalDraft, JournalEntry

DUBAI = ZoneInfo("Asia/Dubai")
T0 = datetime(2026, 5, 12, 20, 30, 15, 700_000, tzinfo=UTC)  # 00:30:15 on 13 May in Dubai
HOSTILE = '=HYPERLINK("http://evil.example","Approved")'
DRAFT = JournalDraft(
    action="disable",
    link_id="link-1",
    profile="Shop",
    environment="production",
    status_before="ACTIVE",
    status_after="DISABLED",
    outcome="done",
    reason="Season over",
)
NAMES = {"link-1": "Iftar dinner", "link-2": "+971 hotline", "link-3": "School fees"}


@pytest.fixture
def entries(tmp_path: Path) -> list[JournalEntry]:
    """Four entries, newest first, as Workspace.journal_entries gives them."""
    with ActionJournal.open(ActionJournal.beside(tmp_path / "shop.sqlite3")) as journal:
        journal.append(DRAFT, at=T0, user="amal")
        journal.append(
            replace(DRAFT, link_id="link-2", reason=HOSTILE), at=T0 + timedelta(hours=1), user="amal"
        )
        journal.append(
            replace(
                DRAFT, link_id="link-1", action="enable", status_before="DISABLED", status_after="ACTIVE"
            ),
            at=T0 + timedelta(days=1),
            user="omar",
        )
        journal.append(
            replace(
                DRAFT,
                link_id="link-3",
                status_before="EXPIRED",
                status_after=None,
                outcome="failed",
                http_status=429,
                request_id="req-9",
                message="Too many requests",
                batch="b-1",
            ),
            at=T0 + timedelta(days=2),
            user="amal",
        )
        return journal.entries()


def header(title: str = "Journal", filters: str = "none (all entries)") -> ExportHeader:
    return ExportHeader(
        title, "Shop", "production", filters, None, DUBAI, datetime(2026, 5, 20, 9, tzinfo=UTC)
    )


def read_csv(path: Path) -> tuple[dict[str, str], list[str], list[list[str]]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    blank = rows.index([])
    return {row[0]: row[1] for row in rows[:blank]}, rows[blank + 1], rows[blank + 2 :]


def test_csv_has_the_header_block_local_times_and_every_column(
    tmp_path: Path, entries: list[JournalEntry]
) -> None:
    target = tmp_path / "journal.csv"
    assert export_journal(target, "csv", header(), entries, NAMES) == 4
    block, titles, rows = read_csv(target)
    assert block["LinkManager export"] == "Journal"
    assert block["Profile"] == "Shop"
    assert block["Environment"] == "production"
    assert block["Filters"] == "none (all entries)"
    assert block["Time zone"] == "Asia/Dubai (UTC+04:00)"
    assert block["Rows"] == "4"
    assert titles[:3] == ["When", "User", "Profile"]
    assert titles[-2:] == ["Entry", "Hash"]
    oldest = dict(zip(titles, rows[-1], strict=True))
    assert oldest["When"] == "2026-05-13 00:30:15"  # local, to the second, never rounded
    assert oldest["Link name"] == "Iftar dinner"
    assert oldest["Link ID"] == "link-1"
    assert oldest["Status before"] == "ACTIVE"
    assert oldest["Status after"] == "DISABLED"
    assert oldest["Entry"] == "1"
    assert oldest["Hash"] == entries[-1].hash
    failed = dict(zip(titles, rows[0], strict=True))
    assert (failed["Outcome"], failed["HTTP status"], failed["Request ID"]) == ("failed", "429", "req-9")
    assert failed["Status after"] == ""
    assert failed["Batch"] == "b-1"


def test_hostile_reasons_and_names_are_defused(tmp_path: Path, entries: list[JournalEntry]) -> None:
    target = tmp_path / "journal.csv"
    export_journal(target, "csv", header(), entries, NAMES)
    _, titles, rows = read_csv(target)
    hostile = dict(zip(titles, rows[2], strict=True))
    assert hostile["Reason"] == "'" + HOSTILE
    assert hostile["Link name"] == "'+971 hotline"

    workbook = tmp_path / "journal.xlsx"
    export_journal(workbook, "xlsx", header(), entries, NAMES)
    sheet = openpyxl.load_workbook(workbook).active
    assert sheet is not None
    cells = list(sheet.iter_rows())
    at = next(i for i, row in enumerate(cells) if row[0].value == "When")
    names = [c.value for c in cells[at]]
    reason = cells[at + 3][names.index("Reason")]
    assert reason.value == HOSTILE  # as typed: Excel's quote prefix keeps it from running
    assert reason.quotePrefix
    assert reason.data_type == "s"


def test_xlsx_times_are_real_dates_and_numbers_real_numbers(
    tmp_path: Path, entries: list[JournalEntry]
) -> None:
    workbook = tmp_path / "journal.xlsx"
    export_journal(workbook, "xlsx", header(), entries, NAMES)
    sheet = openpyxl.load_workbook(workbook).active
    assert sheet is not None
    rows = list(sheet.iter_rows())
    block = {row[0].value: row[1].value for row in rows[:8]}
    assert block["LinkManager export"] == "Journal"
    assert block["Time zone"] == "Asia/Dubai (UTC+04:00)"
    at = next(i for i, row in enumerate(rows) if row[0].value == "When")
    titles = [c.value for c in rows[at]]
    oldest, newest = rows[-1], rows[at + 1]
    assert oldest[0].is_date
    assert oldest[0].value == datetime(2026, 5, 13, 0, 30, 15, tzinfo=UTC).replace(tzinfo=None)  # wall clock
    assert oldest[0].number_format == "yyyy-mm-dd hh:mm:ss"
    assert newest[titles.index("HTTP status")].value == 429
    assert newest[titles.index("HTTP status")].data_type == "n"
    assert oldest[titles.index("Entry")].value == 1


def test_only_the_columns_the_view_shows_in_its_order(tmp_path: Path, entries: list[JournalEntry]) -> None:
    shown = [JournalColumn.LINK, JournalColumn.WHEN, JournalColumn.REASON]
    target = tmp_path / "some.csv"
    export_journal(target, "csv", header(), entries[:1], NAMES, visible=shown)
    _, titles, rows = read_csv(target)
    assert titles == ["Link name", "Link ID", "When", "Reason", "Entry", "Hash"]
    assert rows[0][:2] == ["School fees", "link-3"]
    assert journal_view_indexes()[:3] == [0, 1, 2]


def test_an_unknown_link_has_an_empty_name(tmp_path: Path, entries: list[JournalEntry]) -> None:
    target = tmp_path / "journal.csv"
    export_journal(target, "csv", header(), entries, {})
    _, titles, rows = read_csv(target)
    assert {row[titles.index("Link name")] for row in rows} == {""}


def test_filters_by_link_id_or_name_user_action_and_outcome(entries: list[JournalEntry]) -> None:
    def seqs(flt: JournalFilter) -> list[int]:
        return [e.seq for e in filter_entries(entries, flt, NAMES)]

    assert seqs(JournalFilter()) == [4, 3, 2, 1]
    assert seqs(JournalFilter(link="LINK-1")) == [3, 1]
    assert seqs(JournalFilter(link="  iftar ")) == [3, 1]  # by the cached name, any case
    assert seqs(JournalFilter(user="omar")) == [3]
    assert seqs(JournalFilter(action="enable")) == [3]
    assert seqs(JournalFilter(outcome="failed")) == [4]
    assert seqs(JournalFilter(user="amal", action="disable", outcome="done")) == [2, 1]
    assert users_of(entries) == ["amal", "omar"]


def test_filters_by_local_days(entries: list[JournalEntry]) -> None:
    may_13 = days(date(2026, 5, 13), date(2026, 5, 13), DUBAI)  # T0 and an hour later, in Dubai
    flt = JournalFilter(since=may_13.since, until=may_13.until)
    assert [e.seq for e in filter_entries(entries, flt, NAMES)] == [2, 1]
    assert journal_filters_text(flt, DUBAI) == "2026-05-13 (local days)"
    both = days(date(2026, 5, 13), date(2026, 5, 14), DUBAI)
    flt = JournalFilter(
        link="iftar", user="amal", action="disable", outcome="done", since=both.since, until=both.until
    )
    assert journal_filters_text(flt, DUBAI) == (
        'link "iftar"; user amal; action disable; outcome done; 2026-05-13 to 2026-05-14 (local days)'
    )
    assert journal_filters_text(JournalFilter(), DUBAI) == "none (all entries)"
