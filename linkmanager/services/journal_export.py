"""What the Journal view exports: its columns, each entry's values, its filters in words (no Qt).

The same rules as the other exports (services.export): a header block, times as real dates in
the workstation's zone (the header names it), hostile text (a reason typed as =HYPERLINK(...))
defused. Values stay the journal's own codes (disable, DISABLED, refused), as `journal --json`
writes them, so a file matches the command line whatever the window's language. Each entry's
number and hash close the row: with them an auditor can hold the file against the journal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import datetime, timedelta, tzinfo
from pathlib import Path

from linkmanager.services.export import ExportColumn, ExportFormat, ExportHeader, export_rows
from linkmanager.services.journal_view import JournalColumn, JournalFilter
from linkmanager.storage.journal_model import JournalEntry

__all__ = [
    "JOURNAL_EXPORT_COLUMNS",
    "TITLE",
    "export_journal",
    "journal_filters_text",
    "journal_values",
    "journal_view_indexes",
    "rows_of",
]

TITLE = "Journal"

JOURNAL_EXPORT_COLUMNS: tuple[ExportColumn, ...] = (
    ExportColumn("When", "moment"),  # 0
    ExportColumn("User", "text"),
    ExportColumn("Profile", "text"),
    ExportColumn("Environment", "text"),
    ExportColumn("Action", "text"),
    ExportColumn("Link name", "text"),  # 5
    ExportColumn("Link ID", "text"),
    ExportColumn("Status before", "text"),
    ExportColumn("Status after", "text"),
    ExportColumn("Outcome", "text"),
    ExportColumn("HTTP status", "integer"),  # 10
    ExportColumn("Request ID", "text"),
    ExportColumn("Reason", "text"),
    ExportColumn("Message", "text"),
    ExportColumn("Batch", "text"),
    ExportColumn("Entry", "integer"),  # 15
    ExportColumn("Hash", "text"),
)
# The export columns each of the view's columns shows; the entry's number and hash follow them.
JOURNAL_VIEW_COLUMNS: dict[JournalColumn, tuple[int, ...]] = {
    JournalColumn.WHEN: (0,),
    JournalColumn.USER: (1,),
    JournalColumn.PROFILE: (2, 3),
    JournalColumn.ACTION: (4,),
    JournalColumn.LINK: (5, 6),
    JournalColumn.STATUS: (7, 8),
    JournalColumn.OUTCOME: (9,),
    JournalColumn.LEAN: (10, 11),
    JournalColumn.REASON: (12,),
    JournalColumn.MESSAGE: (13,),
    JournalColumn.BATCH: (14,),
}
ENTRY_COLUMNS: tuple[int, ...] = (15, 16)


def journal_values(entry: JournalEntry, names: Mapping[str, str]) -> list[object]:
    """Every export column's value for `entry`; None is an empty cell."""
    draft = entry.draft
    return [
        entry.at,
        entry.user,
        draft.profile,
        draft.environment,
        draft.action,
        names.get(draft.link_id) if draft.link_id else None,
        draft.link_id or None,
        draft.status_before,
        draft.status_after,
        draft.outcome,
        draft.http_status,
        draft.request_id,
        draft.reason or None,
        draft.message or None,
        draft.batch,
        entry.seq,
        entry.hash,
    ]


def journal_view_indexes(visible: Iterable[int] | None = None) -> list[int]:
    """The export columns of the view's `visible` columns (in their order), then number and hash;
    None: every column."""
    shown = list(JournalColumn) if visible is None else [JournalColumn(c) for c in visible]
    return [i for column in shown for i in JOURNAL_VIEW_COLUMNS[column]] + list(ENTRY_COLUMNS)


def rows_of(
    entries: Iterable[JournalEntry], names: Mapping[str, str], indexes: Sequence[int]
) -> Iterator[list[object]]:
    """The entries as export rows of the columns at `indexes`."""
    for entry in entries:
        values = journal_values(entry, names)
        yield [values[i] for i in indexes]


def journal_filters_text(flt: JournalFilter, zone: tzinfo) -> str:
    """The Journal view's filters in words: 'link "shop"; user amal; action disable; …'."""
    parts: list[str] = []
    if flt.link.strip():
        parts.append(f'link "{flt.link.strip()}"')
    if flt.user is not None:
        parts.append(f"user {flt.user}")
    if flt.action is not None:
        parts.append(f"action {flt.action}")
    if flt.outcome is not None:
        parts.append(f"outcome {flt.outcome}")
    days = _days_text(flt.since, flt.until, zone)
    if days is not None:
        parts.append(days + " (local days)")  # the header names the zone
    return "; ".join(parts) or "none (all entries)"


def _days_text(since: datetime | None, until: datetime | None, zone: tzinfo) -> str | None:
    """[since, until) as local days, "2026-03-01 to 2026-03-07" (until's day excluded)."""
    if since is None and until is None:
        return None
    first = since.astimezone(zone).date().isoformat() if since is not None else None
    last = (until - timedelta(microseconds=1)).astimezone(zone).date().isoformat() if until else None
    if first is not None and last is not None:
        return first if first == last else f"{first} to {last}"
    return f"from {first}" if first is not None else f"until {last}"


def export_journal(
    path: Path,
    fmt: ExportFormat,
    header: ExportHeader,
    entries: Sequence[JournalEntry],
    names: Mapping[str, str],
    *,
    visible: Iterable[int] | None = None,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write `entries` (as the view shows them) to `path`; see services.export.export_rows."""
    indexes = journal_view_indexes(visible)
    columns = [JOURNAL_EXPORT_COLUMNS[i] for i in indexes]
    return export_rows(
        path,
        fmt,
        header,
        columns,
        rows_of(entries, names, indexes),
        total=len(entries),
        progress=progress,
        cancelled=cancelled,
    )
