"""`linkmanager reconcile`: a real home with a profile and a filled cache, real statement files.

The command is run through its own parser and handler (cli/main.py wires them in), with the errors
turned into a sentence and an exit code exactly as main() does.
"""

from __future__ import annotations

import argparse
import csv
import json
import sqlite3
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from linkmanager.cli.context import Context
from linkmanager.cli.errors import explain
from linkmanager.cli.output import safe
from linkmanager.cli.reconcile_cmds import add_reconcile_parser, reconcile
from linkmanager.domain import LinkStatus, Money, PaymentDetails, PaymentLink, Usage, UsageStatus
from linkmanager.storage import AppPaths, Profile, ProfileStore
from linkmanager.storage.cache import LinkCache

SEEN = datetime(2026, 11, 10, 12, 0, tzinfo=UTC)
COLUMNS = "date=Date,amount=Amount,currency=Currency,description=Details"
PAY_A = "3fa85f64-5717-4562-b3fc-2c963f66afa6"


def link(link_id: str, amount: str, reference: str) -> PaymentLink:
    return PaymentLink(
        id=link_id,
        url=f"https://pay.example/l/{link_id}",
        status=LinkStatus.ACTIVE,
        current_usages=1,
        payment_details=PaymentDetails(Money(Decimal(amount), "AED"), reference),
        name=f"Link {link_id}",
        max_usages=10,
    )


def collected(usage_id: str, link_id: str, payment_id: str) -> Usage:
    return Usage(
        usage_id=usage_id,
        payment_link_id=link_id,
        usage_status=UsageStatus.PAYMENT_CREATED,
        payment_id=payment_id,
        payment_status="ACCEPTED_BY_BANK",
    )


def sync(cache: LinkCache, at: datetime) -> None:
    """What a sync stores: three links, three collected payments (one seen on a later look)."""
    cache.store_listing(
        [link("a", "262.00", "INV-7"), link("b", "500.00", "RENT-B"), link("c", "75.00", "GYM")],
        at,
        complete=True,
    )
    cache.store_usages("a", [collected("ua", "a", PAY_A)], at, link_status=LinkStatus.ACTIVE)
    cache.store_usages("b", [], at, link_status=LinkStatus.ACTIVE)
    cache.store_usages(
        "b", [collected("ub", "b", "pay-b")], at + timedelta(minutes=1), link_status=LinkStatus.ACTIVE
    )
    cache.store_usages("c", [], at, link_status=LinkStatus.ACTIVE)
    cache.store_usages(
        "c", [collected("uc", "c", "pay-c")], at + timedelta(minutes=1), link_status=LinkStatus.ACTIVE
    )


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    paths = AppPaths.under(home)
    ProfileStore(paths.profiles_file).add(
        Profile(
            "Main",
            "sandbox",
            "c",
            "https://sandbox.leantech.me",
            "https://auth.sandbox.leantech.me/oauth2/token",
        )
    )
    cache_path = paths.cache_file("Main")
    cache_path.parent.mkdir(parents=True, exist_ok=True)
    with LinkCache.open(cache_path) as cache:
        sync(cache, SEEN)
    return home


def cache_path(home: Path) -> Path:
    return AppPaths.under(home).cache_file("Main")


def stored(home: Path, table: str = "statement_matches") -> list[Any]:
    conn = sqlite3.connect(cache_path(home))
    try:
        return conn.execute(f"SELECT * FROM {table}").fetchall()  # noqa: S608 - the tests' own table names
    finally:
        conn.close()


Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(home: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    parser = argparse.ArgumentParser(prog="linkmanager")
    add_reconcile_parser(parser.add_subparsers(dest="command"), argparse.ArgumentParser(add_help=False))

    def run(*argv: str) -> tuple[int, str, str]:
        capsys.readouterr()
        args = parser.parse_args(["reconcile", *argv])
        ctx = Context(home=str(home), profile_name=None, environ={})
        try:
            code = reconcile(ctx, args)
        except Exception as exc:  # as main() does: a known failure is a sentence and a code
            known = explain(exc, ctx)
            if known is None:
                raise
            print(f"linkmanager: {safe(known[0])}", file=sys.stderr)
            code = known[1]
        finally:
            ctx.close()
        out, err = capsys.readouterr()
        return code, out, err

    return run


def write_statement(path: Path, lines: list[list[str]], header: tuple[str, ...] = ("Date", "Details", "Amount", "Currency")) -> Path:  # fmt: skip
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerows([["Bank of Nowhere"], ["Statement November 2026"], list(header), *lines])
    return path


LINES = [
    ["10/11/2026", f"LEAN TRANSFER {PAY_A}", "262.00", "AED"],  # 1: by payment id
    ["11/11/2026", 'Salary \u202eevil\x1b[31m =HYPERLINK("x")', "9,999.00", "AED"],  # 2: nothing
    ["12/11/2026", "transfer rent-b from tenant", "500.00", "AED"],  # 3: by reference
    ["12/11/2026", "Bank charges", "(10.00)", "AED"],  # 4: a debit, ignored
    ["13/11/2026", "CARD POS", "75.00", "AED"],  # 5: by amount, within 3 days
]


def test_json_proposes_and_stores_nothing(run: Run, home: Path, tmp_path: Path) -> None:
    path = write_statement(tmp_path / "nov.csv", LINES)
    code, out, err = run(str(path), "--columns", COLUMNS, "--json")
    assert code == 0, err
    assert json.loads(out) == {
        "matched": [
            {"line": 1, "usage_id": "ua", "payment_id": PAY_A, "by": "payment_id"},
            {"line": 3, "usage_id": "ub", "payment_id": "pay-b", "by": "reference"},
            {"line": 5, "usage_id": "uc", "payment_id": "pay-c", "by": "amount"},
        ],
        "unmatched_lines": [2],
        "unmatched_payments": [],
        "confirmed_not_collected": [],  # every confirmed payment still collected (none confirmed here)
    }
    assert "Nothing was stored" in err
    assert stored(home) == []


def test_confirm_stores_and_later_runs_and_syncs_keep_the_matches(
    run: Run, home: Path, tmp_path: Path
) -> None:
    path = write_statement(tmp_path / "nov.csv", LINES)
    code, _, err = run(str(path), "--columns", COLUMNS, "--confirm")
    assert code == 0, err
    assert "Stored 3 new matches." in err
    assert len(stored(home)) == 3
    with LinkCache.open(cache_path(home)) as cache:  # the next sync reads the same payments again
        sync(cache, SEEN + timedelta(hours=1))
    code, out, _ = run(str(path), "--columns", COLUMNS, "--json")
    assert code == 0
    assert [(m["line"], m["usage_id"], m["by"]) for m in json.loads(out)["matched"]] == [
        (1, "ua", "payment_id"),
        (3, "ub", "reference"),
        (5, "uc", "amount"),
    ]
    # Confirming again stores nothing new; a longer statement finds the same lines matched.
    code, _, err = run(str(path), "--columns", COLUMNS, "--confirm")
    assert "Stored 0 new matches." in err
    longer = write_statement(tmp_path / "q4.csv", [["09/11/2026", "opening", "1.00", "AED"], *LINES])
    code, out, _ = run(str(longer), "--columns", COLUMNS, "--json")
    assert [m["line"] for m in json.loads(out)["matched"]] == [2, 4, 6]
    assert len(stored(home)) == 3


def test_text_lists_matches_unmatched_lines_and_payments_safely(run: Run, tmp_path: Path) -> None:
    lines = [*LINES[1:4], ["14/11/2026", "unknown", "75.00", "SAR"]]  # the 75 AED payment finds no line
    code, out, err = run(str(write_statement(tmp_path / "nov.csv", lines)), "--columns", COLUMNS)
    assert code == 0, err
    assert "Matched:" in out
    for words in ("pay-b", "reference", "proposed"):
        assert words in out
    assert "Statement lines without a payment:" in out
    assert "\\u202eevil\\x1b[31m" in out  # shown escaped, never raw
    assert "\u202e" not in out
    assert "\x1b" not in out
    assert '=HYPERLINK("x")' in out  # plain text on a terminal
    assert "Collected payments without a statement line:" in out
    assert "ua" in out
    assert "uc" in out
    assert "4 lines: 1 proposed, 0 confirmed, 2 without a payment, 1 debits or zero ignored" in err


def test_a_bank_s_columns_are_remembered_and_used(run: Run, home: Path, tmp_path: Path) -> None:
    path = write_statement(tmp_path / "nov.csv", LINES)
    code, out, _ = run(str(path), "--columns", COLUMNS, "--bank", "ENBD", "--json")
    assert code == 0
    assert [row[:2] for row in stored(home, "statement_formats")] == [("ENBD", COLUMNS)]
    code, again, _ = run(str(path), "--bank", "enbd", "--json")
    assert (code, again) == (0, out)
    code, _, err = run(str(path), "--bank", "HSBC")
    assert code == 2
    assert "No columns are remembered for the bank 'HSBC'" in err


def test_xlsx_without_a_currency_column(run: Run, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["Posting date", "Narrative", "Credit"], [datetime(2026, 11, 10), f"ref {PAY_A}", 262]):  # noqa: DTZ001
        sheet.append(row)
    path = tmp_path / "nov.xlsx"
    book.save(path)
    code, out, err = run(
        str(path), "--columns", "date=A,amount=C,description=B", "--currency", "aed", "--json"
    )
    assert code == 0, err
    assert json.loads(out)["matched"] == [
        {"line": 1, "usage_id": "ua", "payment_id": PAY_A, "by": "payment_id"}
    ]


def test_out_writes_the_result_as_exports_are_written(run: Run, tmp_path: Path) -> None:
    path = write_statement(
        tmp_path / "nov.csv", [*LINES, ["20/11/2026", "=cmd|' /C calc'!A0", "1.00", "AED"]]
    )
    code, _, err = run(str(path), "--columns", COLUMNS, "--out", str(tmp_path / "result.csv"), "--json")
    assert code == 0, err
    assert "Wrote 6 rows to" in err
    text = (tmp_path / "result.csv").read_text(encoding="utf-8-sig")
    assert "LinkManager export,Reconciliation" in text
    assert "statement nov.csv; columns " + COLUMNS in text
    rows = list(csv.reader(text.splitlines()))
    results = [row[0] for row in rows[rows.index([c.title for c in _columns()]) + 1 :]]
    assert results == ["proposed"] * 3 + ["line without a payment"] * 2 + ["debit, not matched"]
    assert "'=cmd|' /C calc'!A0" in text  # a formula is written as text, never run
    code, _, err = run(str(path), "--columns", COLUMNS, "--out", str(tmp_path / "result.xlsx"))
    assert code == 0, err
    sheet = openpyxl.load_workbook(tmp_path / "result.xlsx").active
    cells = [row[0] for row in sheet.iter_rows(values_only=True) if row]
    assert cells.count("proposed") == 3


def _columns() -> tuple[Any, ...]:
    from linkmanager.services.reconcile_export import EXPORT_COLUMNS as _EXPORT_COLUMNS

    return _EXPORT_COLUMNS


def test_an_empty_cache_says_to_sync(run: Run, home: Path, tmp_path: Path) -> None:
    cache_path(home).unlink()
    code, out, err = run(str(write_statement(tmp_path / "nov.csv", LINES)), "--columns", COLUMNS, "--json")
    assert code == 0
    assert "run `linkmanager sync` first" in err
    assert json.loads(out) == {
        "matched": [],
        "unmatched_lines": [1, 2, 3, 5],
        "unmatched_payments": [],
        "confirmed_not_collected": [],
    }


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--columns", "date=Date,amount=Amount"], "needs description="),
        (["--columns", "day=Date,amount=Amount,description=Details"], "cannot read"),
        ([], "Say which columns to read"),
        (["--columns", COLUMNS, "--currency", "dirham"], "'DIRHAM' is not a currency code"),
        (["--columns", COLUMNS, "--bank", " "], "Give the bank a name"),
        (["--columns", COLUMNS, "--out", "result.pdf"], "--out names a .csv or .xlsx file"),
    ],
)
def test_usage_errors(run: Run, home: Path, tmp_path: Path, argv: list[str], words: str) -> None:
    code, out, err = run(str(write_statement(tmp_path / "nov.csv", LINES)), *argv, "--confirm")
    assert (code, out) == (2, "")
    assert words in err
    assert stored(home) == []


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("Date,Details,Amount,Currency\n10/11/2026,x,12,3x,AED\n", "Line 1: the currency '3X' is not a currency code."),
        ('Date,Details,Amount,Currency\n10/11/2026,x,"12,3x",AED\n', "Line 1: the amount '12,3x' is not a number."),
        ("Date,Details,Amount,Currency\n10/11/2026,x,1,AED\n2026-13-01,y,2,AED\n", "Line 2: the date '2026-13-01'"),
        ("Date,Info,Amount,Currency\n", "The statement has no column 'Details'; its columns are: Date, Info, Amount, Currency."),
        ("%PDF-1.4 binary", "is a PDF"),
    ],
)  # fmt: skip
def test_a_bad_statement_is_one_sentence_and_changes_nothing(
    run: Run, home: Path, tmp_path: Path, content: str, words: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(str(path), "--columns", COLUMNS, "--bank", "ENBD", "--confirm")
    assert (code, out) == (1, "")
    assert err.startswith("linkmanager: ")
    assert words in err
    assert err.count("\n") == 1
    assert stored(home) == []
    assert stored(home, "statement_formats") == []  # a mapping that read nothing is not remembered
