"""A bulk action's result as a list to keep: copied as text, or exported as CSV (no Qt).

The same rules as the other exports (services.export): a link's name that a spreadsheet would
run as a formula is defused, amounts keep their exact digits beside their currency.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path

from linkmanager.domain.i18n import translate
from linkmanager.domain.money import Money
from linkmanager.domain.status import LinkStatus, link_status_text
from linkmanager.services.bulk_status import BulkEntry, BulkResult, Outcome
from linkmanager.services.export import export_rows
from linkmanager.services.export_cells import ExportColumn, ExportHeader, csv_text, money_text


def outcome_text(entry: BulkEntry, target: LinkStatus) -> str:
    """ "Disabled", "Enabled", "Skipped", "Failed", "Not attempted": what became of one link."""
    if entry.outcome == Outcome.DONE:
        if target == LinkStatus.DISABLED:
            return translate("BulkStatus", "Disabled")
        return translate("BulkStatus", "Enabled")
    if entry.outcome == Outcome.SKIPPED:
        return translate("BulkStatus", "Skipped")
    if entry.outcome == Outcome.FAILED:
        return translate("BulkStatus", "Failed")
    return translate("BulkStatus", "Not attempted")


def detail_text(entry: BulkEntry) -> str:
    """Why it was skipped, or Lean's answer with its HTTP status and request id when it failed."""
    parts = [entry.detail] if entry.detail else []
    if entry.http_status is not None:
        parts.append(translate("BulkStatus", "HTTP {status}").format(status=entry.http_status))
    if entry.request_id:
        parts.append(translate("BulkStatus", "request ID {id}").format(id=entry.request_id))
    return " · ".join(parts)


def status_text(status: LinkStatus | None) -> str:
    return link_status_text(status) if status is not None else ""


def _columns() -> tuple[ExportColumn, ...]:
    return (
        ExportColumn(translate("BulkStatus", "Link ID"), "text"),
        ExportColumn(translate("BulkStatus", "Name"), "text"),
        ExportColumn(translate("BulkStatus", "Currency"), "text"),
        ExportColumn(translate("BulkStatus", "Amount"), "money"),
        ExportColumn(translate("BulkStatus", "Status before"), "text"),
        ExportColumn(translate("BulkStatus", "Outcome"), "text"),
        ExportColumn(translate("BulkStatus", "Details"), "text"),
    )


def _row(entry: BulkEntry, target: LinkStatus) -> list[object]:
    amount = entry.item.amount
    before = entry.before or entry.item.status
    return [
        entry.link_id,
        entry.item.name,
        amount.currency if amount is not None else None,
        amount,
        status_text(before) or None,
        outcome_text(entry, target),
        detail_text(entry) or None,
    ]


def export_result(
    path: Path, result: BulkResult, *, profile: str, environment: str, zone: tzinfo, now: datetime
) -> int:
    """Write every link of `result` to `path` as CSV; ExportError (one sentence) when it cannot be."""
    if result.target == LinkStatus.DISABLED:
        title = translate("BulkStatus", "Links disabled together")
    else:
        title = translate("BulkStatus", "Links enabled together")
    header = ExportHeader(title, profile, environment, "", now, zone, now)  # as Lean answered just now
    rows = [_row(entry, result.target) for entry in result.entries]
    return export_rows(path, "csv", header, _columns(), rows, total=len(rows))


def result_text(result: BulkResult) -> str:
    """Every link of `result` as tab-separated lines with a title line, for the clipboard; each cell
    defused as in a CSV (a spreadsheet is where such a list is usually pasted)."""
    lines = ["\t".join(column.title for column in _columns())]
    for entry in result.entries:
        cells = []
        for value in _row(entry, result.target):
            if isinstance(value, Money):
                cells.append(money_text(value))
            elif isinstance(value, str):
                cells.append(csv_text(" ".join(value.split())))  # no tab or line break inside a cell
            else:
                cells.append("")
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"
