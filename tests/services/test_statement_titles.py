"""A statement's column titles for the columns dialog: found under a bank's letterhead, in CSV
(any of the usual delimiters, Arabic Windows text) and XLSX, and a file that is no statement is
refused in one sentence."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from linkmanager.services.statement import StatementError
from linkmanager.services.statement_titles import statement_titles


def test_the_header_under_a_letterhead_is_found_in_a_csv(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text(
        "Emirates Bank of Nowhere\nStatement 1-30 Nov 2026\nDate;Details;Credit  Amount;Currency\n"
        "01/11/2026;TRANSFER;262.00;AED\n",
        encoding="utf-8-sig",
    )
    assert statement_titles(path) == ["Date", "Details", "Credit Amount", "Currency"]


def test_arabic_titles_in_windows_text_are_read(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_bytes("التاريخ,البيان,المبلغ\n01/11/2026,تحويل,262.00\n".encode("cp1256"))
    assert statement_titles(path) == ["التاريخ", "البيان", "المبلغ"]


def test_an_xlsx_header_is_found(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Bank statement"])
    sheet.append([])
    sheet.append(["Posting date", None, "Description", "Amount"])
    sheet.append(["01/11/2026", None, "x", 262])
    path = tmp_path / "s.xlsx"
    book.save(path)
    assert statement_titles(path) == ["Posting date", "Description", "Amount"]


def test_no_header_gives_no_titles(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("just one line of prose\n", encoding="utf-8")
    assert statement_titles(path) == []


def test_a_pdf_is_refused_in_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_bytes(b"%PDF-1.7 ...")
    with pytest.raises(StatementError, match="is a PDF"):
        statement_titles(path)
