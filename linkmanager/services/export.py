"""Export exactly the rows and columns a view shows to CSV or XLSX, for an accountant (no Qt).

The file starts with a header block (what was exported, from which profile and environment,
with which filters, how fresh the data was, in which time zone), then the column titles, then
the rows, streamed from an iterator: memory stays bounded whatever the row count.

It is written to a temporary file beside the target and moved over it in one step, so a
cancelled or failed export leaves no partial file and never destroys an earlier one. Problems
with the place (no such folder, no permission, disk full) become an ExportError of one sentence.
"""

from __future__ import annotations

import csv
import errno
import os
import secrets
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import suppress
from datetime import tzinfo
from pathlib import Path
from typing import IO, Literal

from linkmanager.domain.i18n import translate
from linkmanager.services.export_cells import (
    ColumnKind,
    ExportCancelled,
    ExportColumn,
    ExportError,
    ExportHeader,
    as_integer,
    as_money,
    as_text,
    csv_text,
    defuse,
    header_block,
    local_moment,
    money_text,
)
from linkmanager.services.export_xlsx import write_xlsx

__all__ = [
    "ColumnKind",
    "ExportCancelled",
    "ExportColumn",
    "ExportError",
    "ExportFormat",
    "ExportHeader",
    "defuse",
    "export_rows",
]

ExportFormat = Literal["csv", "xlsx"]
CHECK_EVERY = 1_000  # rows between two looks at cancelled()
PROGRESS_EVERY = 2_000  # rows between two progress reports
_PERMISSION = {errno.EACCES, errno.EPERM, errno.EROFS}
_NO_SPACE = {errno.ENOSPC} | ({errno.EDQUOT} if hasattr(errno, "EDQUOT") else set())


class _Counted:
    """The rows passed through, counted: checks each row's width, watches for a cancel, reports."""

    def __init__(
        self,
        width: int,
        progress: Callable[[int], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        self.written = 0
        self.reported = -1
        self._width = width
        self._progress = progress
        self._cancelled = cancelled

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise ExportCancelled(translate("Export", "The export was cancelled; no file was written."))

    def report(self) -> None:
        if self._progress is not None and self.reported != self.written:
            self.reported = self.written
            self._progress(self.written)

    def each(self, rows: Iterable[Sequence[object]]) -> Iterator[Sequence[object]]:
        for row in rows:
            if len(row) != self._width:
                raise ValueError(
                    f"export row {self.written + 1} has {len(row)} values for {self._width} columns"
                )
            yield row
            self.written += 1  # the writer asked for the next row: this one is written
            if self.written % CHECK_EVERY == 0:
                self.check()
                if self.written % PROGRESS_EVERY == 0:
                    self.report()


def export_rows(
    path: Path,
    fmt: ExportFormat,
    header: ExportHeader,
    columns: Sequence[ExportColumn],
    rows: Iterable[Sequence[object]],
    *,
    total: int | None = None,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write `rows` under `header` and `columns` to `path` as CSV or XLSX; return the rows written.

    Each row holds one value per column, by the column's kind: "text" a str, "money" a Money,
    "moment" an aware datetime, "integer" an int; None for an empty cell. `total`, when known,
    is written in the header ("Rows") and must match. `progress(rows_written)` is called every
    few thousand rows and once at the end; `cancelled()` is asked every thousand rows and makes
    the export stop with ExportCancelled. Raises ExportError (one sentence for the person) when
    the place cannot be written; TypeError or ValueError, naming the column, for a wrong value.
    """
    if fmt not in ("csv", "xlsx"):
        raise ValueError(f"an export is written as csv or xlsx, not {fmt!r}")
    if not columns:
        raise ValueError("an export needs at least one column")
    if total is not None and total < 0:
        raise ValueError(f"an export's total cannot be negative ({total})")
    target = Path(path)
    if target.is_dir():
        raise ExportError(
            translate("Export", "{path} is a folder; type a file name for the export.").format(path=target)
        )
    counted = _Counted(len(columns), progress, cancelled)
    counted.check()
    temporary = _create_beside(target)
    replacing = False
    try:
        if fmt == "csv":
            with open(temporary, "w", encoding="utf-8-sig", newline="") as text:
                _write_csv(text, header, columns, counted.each(rows), total)
                _flush(text)
        else:
            with open(temporary, "wb") as binary:
                write_xlsx(binary, header, columns, counted.each(rows), total)
                _flush(binary)
        if total is not None and counted.written != total:
            raise ValueError(f"the export was told of {total} rows but was given {counted.written}")
        counted.check()  # a last chance before an earlier file is replaced
        replacing = True
        os.replace(temporary, target)
    except OSError as error:
        _remove(temporary)
        raise _explain(error, target, replacing=replacing) from error
    except BaseException:
        _remove(temporary)
        raise
    counted.report()
    return counted.written


def _write_csv(
    file: IO[str],
    header: ExportHeader,
    columns: Sequence[ExportColumn],
    rows: Iterable[Sequence[object]],
    total: int | None,
) -> None:
    writer = csv.writer(file)
    for label, value in header_block(header, total):
        writer.writerow((label, value if isinstance(value, int) else csv_text(value)))
    writer.writerow(())
    writer.writerow([csv_text(column.title) for column in columns])
    cells = [_csv_cell(column, header.zone) for column in columns]
    for row in rows:
        writer.writerow([cell(value) for cell, value in zip(cells, row, strict=True)])


def _csv_cell(column: ExportColumn, zone: tzinfo) -> Callable[[object], str]:
    """How a value of `column` becomes CSV text; None is an empty cell."""

    def text(value: object) -> str:
        return "" if value is None else csv_text(as_text(value, column))

    def money(value: object) -> str:
        return "" if value is None else money_text(as_money(value, column))

    def moment(value: object) -> str:
        # "2026-12-01 14:05:00": local time that Excel parses as a date-time
        return "" if value is None else local_moment(value, column, zone).isoformat(" ")

    def integer(value: object) -> str:
        return "" if value is None else str(as_integer(value, column))

    cells: dict[str, Callable[[object], str]] = {
        "text": text,
        "money": money,
        "moment": moment,
        "integer": integer,
    }
    return cells[column.kind]


def _create_beside(target: Path) -> Path:
    """An empty new file in the target's folder, with the permissions a new file gets there."""
    for _ in range(100):
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
        try:
            # O_EXCL: never someone else's file; 0o666 less the umask, as the target would get.
            os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        except OSError as error:
            raise _explain(error, target, replacing=False) from error
        return temporary
    no_temporary = translate(
        "Export", "LinkManager could not create a temporary file beside {path}; choose another folder."
    )
    raise ExportError(no_temporary.format(path=target))


def _flush(file: IO[str] | IO[bytes]) -> None:
    """On disk before it replaces anything: a crash then never leaves an empty file in its place."""
    file.flush()
    os.fsync(file.fileno())


def _remove(temporary: Path) -> None:
    with suppress(OSError):
        temporary.unlink()


def _explain(error: OSError, target: Path, *, replacing: bool) -> ExportError:
    """A failure of the place, in one sentence naming the path and what to do."""
    folder = target.parent
    code = error.errno
    if code in _NO_SPACE:
        said = translate(
            "Export",
            "There is not enough disk space to export {path}; free some space or choose another disk, then export "
            "again.",
        )
    elif code in _PERMISSION and replacing:
        said = translate(
            "Export",
            "{path} could not be replaced; close it if another program (such as Excel) has it open, or choose "
            "another name.",
        )
    elif code in _PERMISSION:
        said = translate(
            "Export",
            "LinkManager is not allowed to write in {folder}; choose a folder you can write to, such as Documents.",
        )
    elif code == errno.ENOENT:
        said = translate("Export", "The folder {folder} does not exist; choose an existing folder.")
    elif code == errno.ENOTDIR:
        said = translate("Export", "{folder} is not a folder; choose an existing folder.")
    elif code == errno.EISDIR:
        said = translate("Export", "{path} is a folder; type a file name for the export.")
    elif code == errno.ENAMETOOLONG:
        said = translate("Export", "The name {path} is too long; choose a shorter name.")
    else:
        said = translate(
            "Export", "{path} could not be written ({reason}); choose another place and export again."
        )
    return ExportError(said.format(path=target, folder=folder, reason=error.strerror or str(error)))
