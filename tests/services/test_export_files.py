"""The export writer and the file system: written beside the target and moved over it in one step,
so a cancel or a failure leaves no partial file and keeps an earlier one; the place's problems
told in one sentence; progress and cancel while rows stream; rows never held.
"""

from __future__ import annotations

import errno
import gc
import os
import tempfile
import weakref
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from linkmanager.domain.money import Money
from linkmanager.services.export import (
    CHECK_EVERY,
    ExportCancelled,
    ExportColumn,
    ExportError,
    ExportHeader,
    _explain,
    export_rows,
)

HEADER = ExportHeader(
    "Payments", "Main", "sandbox", "All", None, ZoneInfo("Asia/Dubai"), datetime(2026, 12, 2, tzinfo=UTC)
)
COLUMNS = (
    ExportColumn("Paid at", "moment"),
    ExportColumn("Payer", "text"),
    ExportColumn("Amount", "money"),
    ExportColumn("Usages", "integer"),
)
FORMATS = ("csv", "xlsx")
EARLIER = b"an earlier export the accountant already has"


class Row(list[object]):
    """A row that can be watched with a weak reference (a plain tuple cannot)."""


def rows(count: int) -> Iterator[Row]:
    paid = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    for i in range(count):
        yield Row([paid, f"Payer {i}", Money(Decimal(i).scaleb(-2), "AED"), i])


@pytest.fixture
def own_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system temporary folder for this test only: openpyxl streams its sheet XML there."""
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_successful_export_replaces_an_earlier_file_and_leaves_nothing_beside_it(
    tmp_path: Path, fmt: Any, own_temp: Path
) -> None:
    path = tmp_path / f"payments.{fmt}"
    path.write_bytes(EARLIER)
    assert export_rows(path, fmt, HEADER, COLUMNS, rows(10)) == 10
    assert path.read_bytes() != EARLIER
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, own_temp.name])
    assert list(own_temp.iterdir()) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_cancel_leaves_no_file_and_keeps_an_earlier_one_intact(
    tmp_path: Path, fmt: Any, own_temp: Path
) -> None:
    path = tmp_path / f"payments.{fmt}"
    path.write_bytes(EARLIER)
    pulled = 0

    def counted() -> Iterator[Row]:
        nonlocal pulled
        for row in rows(10_000):
            pulled += 1
            yield row

    with pytest.raises(ExportCancelled):
        export_rows(path, fmt, HEADER, COLUMNS, counted(), cancelled=lambda: pulled >= 2_500)
    assert path.read_bytes() == EARLIER
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, own_temp.name])
    assert list(own_temp.iterdir()) == []  # openpyxl's streamed sheet is gone too
    assert pulled <= 2_500 + CHECK_EVERY  # seen within a thousand rows


@pytest.mark.parametrize("fmt", FORMATS)
def test_cancel_before_the_first_row_writes_nothing(tmp_path: Path, fmt: Any) -> None:
    with pytest.raises(ExportCancelled):
        export_rows(tmp_path / f"out.{fmt}", fmt, HEADER, COLUMNS, rows(5), cancelled=lambda: True)
    assert list(tmp_path.iterdir()) == []


def test_cancelled_is_asked_about_every_thousand_rows(tmp_path: Path) -> None:
    asked = 0

    def cancelled() -> bool:
        nonlocal asked
        asked += 1
        return False

    export_rows(tmp_path / "out.csv", "csv", HEADER, COLUMNS, rows(10_500), cancelled=cancelled)
    assert 10 <= asked <= 13  # at the start, every 1,000 rows, and before the file is put in place


@pytest.mark.parametrize("fmt", FORMATS)
def test_progress_counts_up_and_ends_at_the_total(tmp_path: Path, fmt: Any) -> None:
    seen: list[int] = []
    written = export_rows(
        tmp_path / f"out.{fmt}", fmt, HEADER, COLUMNS, rows(9_500), total=9_500, progress=seen.append
    )
    assert written == 9_500
    assert len(seen) >= 3
    assert seen == sorted(set(seen))  # strictly increasing
    assert seen[-1] == 9_500


def test_progress_of_an_empty_export_is_one_call_with_zero(tmp_path: Path) -> None:
    seen: list[int] = []
    export_rows(tmp_path / "out.csv", "csv", HEADER, COLUMNS, iter([]), progress=seen.append)
    assert seen == [0]


@pytest.mark.parametrize("fmt", FORMATS)
def test_rows_are_streamed_never_held(tmp_path: Path, fmt: Any) -> None:
    """Each row is let go once written: the first is gone while the thousandth is being written."""
    first: list[weakref.ref[Row]] = []
    freed_in_time: list[bool] = []

    def watched() -> Iterator[Row]:
        for i, row in enumerate(rows(3_000)):
            if i == 0:
                first.append(weakref.ref(row))
            elif i == 1_000:
                gc.collect()
                freed_in_time.append(first[0]() is None)
            yield row

    export_rows(tmp_path / f"out.{fmt}", fmt, HEADER, COLUMNS, watched())
    assert freed_in_time == [True]


BAD_VALUES = [
    (1, "Amount", 12.5, TypeError, r"'Amount' \(money\) holds a float, not Money or None"),
    (1, "Payer", 42, TypeError, r"'Payer' \(text\) holds a int, not str or None"),
    (1, "Usages", True, TypeError, r"'Usages' \(integer\) holds a bool"),
    (1, "Paid at", "2026-12-01", TypeError, r"'Paid at' \(moment\) holds a str"),
    (1, "Paid at", datetime(2026, 12, 1), ValueError, r"'Paid at' \(moment\) holds a naive datetime"),  # noqa: DTZ001
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("at", "column", "value", "error", "message"), BAD_VALUES)
def test_a_wrong_value_is_a_programming_error_naming_its_column(
    tmp_path: Path, fmt: Any, at: int, column: str, value: object, error: type[Exception], message: str
) -> None:
    path = tmp_path / f"out.{fmt}"
    path.write_bytes(EARLIER)
    good = list(rows(3))
    index = [c.title for c in COLUMNS].index(column)
    good[at][index] = value
    with pytest.raises(error, match=message):
        export_rows(path, fmt, HEADER, COLUMNS, iter(good))
    assert path.read_bytes() == EARLIER
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_row_of_the_wrong_width_or_a_wrong_total_is_refused(tmp_path: Path, fmt: Any) -> None:
    path = tmp_path / f"out.{fmt}"
    with pytest.raises(ValueError, match="export row 2 has 3 values for 4 columns"):
        export_rows(path, fmt, HEADER, COLUMNS, iter([next(rows(1)), Row([None, None, None])]))
    with pytest.raises(ValueError, match="told of 5 rows but was given 3"):
        export_rows(path, fmt, HEADER, COLUMNS, rows(3), total=5)
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_format_or_column_kind_and_a_naive_header_time_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="export column 'When' has an unknown kind 'date'"):
        ExportColumn("When", "date")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="csv or xlsx"):
        export_rows(tmp_path / "out.ods", "ods", HEADER, COLUMNS, rows(1))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="exported_at must be an aware datetime"):
        ExportHeader("Payments", "P", "sandbox", "", None, UTC, datetime(2026, 12, 2))  # noqa: DTZ001


def one_sentence(error: ExportError, path: Path) -> str:
    text = str(error)
    assert str(path) in text
    assert text.endswith(".")
    assert "\n" not in text
    assert text.count(". ") == 0  # one sentence
    return text


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_missing_folder_is_said_in_one_sentence(tmp_path: Path, fmt: Any) -> None:
    path = tmp_path / "no such folder" / f"out.{fmt}"
    with pytest.raises(ExportError) as raised:
        export_rows(path, fmt, HEADER, COLUMNS, rows(3))
    assert "does not exist; choose an existing folder" in one_sentence(raised.value, path.parent)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_path_under_a_regular_file_is_said_in_one_sentence(tmp_path: Path, fmt: Any) -> None:
    """Fails for root too, unlike a read-only folder."""
    some_file = tmp_path / "some_file"
    some_file.write_bytes(EARLIER)
    path = some_file / f"out.{fmt}"
    with pytest.raises(ExportError) as raised:
        export_rows(path, fmt, HEADER, COLUMNS, rows(3))
    assert "is not a folder; choose an existing folder" in one_sentence(raised.value, some_file)
    assert some_file.read_bytes() == EARLIER


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_folder_as_the_target_is_said_in_one_sentence(tmp_path: Path, fmt: Any) -> None:
    folder = tmp_path / f"looks like a file.{fmt}"
    folder.mkdir()
    with pytest.raises(ExportError) as raised:
        export_rows(folder, fmt, HEADER, COLUMNS, rows(3))
    assert "is a folder; type a file name" in one_sentence(raised.value, folder)
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    ("code", "replacing", "expected"),
    [
        (errno.ENOSPC, False, "There is not enough disk space to export {path}; free some space"),
        (
            errno.EACCES,
            False,
            "LinkManager is not allowed to write in {folder}; choose a folder you can write to",
        ),
        (errno.EROFS, False, "LinkManager is not allowed to write in {folder}"),
        (
            errno.EACCES,
            True,
            "{path} could not be replaced; close it if another program (such as Excel) has it open",
        ),
        (errno.ENAMETOOLONG, False, "The name {path} is too long; choose a shorter name"),
        (errno.EIO, False, "{path} could not be written (Input/output error); choose another place"),
    ],
)
def test_each_failure_of_the_place_is_one_sentence_saying_what_to_do(
    tmp_path: Path, code: int, replacing: bool, expected: str
) -> None:
    """Conditions a test cannot make for real (a full disk, a file Excel holds open on Windows)."""
    path = tmp_path / "out.csv"
    error = _explain(OSError(code, os.strerror(code)), path, replacing=replacing)
    assert isinstance(error, ExportError)
    assert expected.format(path=path, folder=tmp_path) in one_sentence(
        error, path if "{path}" in expected else tmp_path
    )
