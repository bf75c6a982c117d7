"""`linkmanager reconcile` after a confirmed payment was rejected by the bank: --json lists it under
"confirmed_not_collected" (the other keys as they were), the text and stderr say it, --out marks it.

A real home with a profile and a cache filled as syncs fill it; the command run through its own parser.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from linkmanager.cli.context import Context
from linkmanager.cli.errors import explain
from linkmanager.cli.reconcile_cmds import add_reconcile_parser, reconcile
from linkmanager.domain import LinkStatus, Money, PaymentDetails, PaymentLink, Usage, UsageStatus
from linkmanager.storage import AppPaths, Profile, ProfileStore
from linkmanager.storage.cache import LinkCache

SEEN = datetime(2026, 11, 10, 12, 0, tzinfo=UTC)
COLUMNS = "date=Date,amount=Amount,currency=Currency,description=Details"
LINES = [
    ["10/11/2026", "LEAN TRANSFER pay-a", "262.00", "AED"],  # 1: by payment id
    ["12/11/2026", "transfer rent-b from tenant", "500.00", "AED"],  # 2: by reference
]


def sync(cache: LinkCache, at: datetime, b_status: str = "ACCEPTED_BY_BANK") -> None:
    links = [("a", "262.00", "INV-7"), ("b", "500.00", "RENT-B")]
    cache.store_listing(
        [
            PaymentLink(
                id=key,
                url=f"https://pay.example/l/{key}",
                status=LinkStatus.ACTIVE,
                current_usages=1,
                payment_details=PaymentDetails(Money(Decimal(amount), "AED"), reference),
                name=f"Link {key}",
                max_usages=10,
            )
            for key, amount, reference in links
        ],
        at,
        complete=True,
    )
    for key, status in (("a", "ACCEPTED_BY_BANK"), ("b", b_status)):
        paid = Usage(
            usage_id=f"u{key}",
            payment_link_id=key,
            usage_status=UsageStatus.PAYMENT_CREATED,
            payment_id=f"pay-{key}",
            payment_status=status,
        )
        cache.store_usages(key, [paid], at, link_status=LinkStatus.ACTIVE)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    paths = AppPaths.under(home)
    profile = Profile("Main", "sandbox", "c", "https://sandbox.leantech.me", "https://auth.sandbox.leantech.me/oauth2/token")  # fmt: skip
    ProfileStore(paths.profiles_file).add(profile)
    paths.cache_file("Main").parent.mkdir(parents=True, exist_ok=True)
    with LinkCache.open(paths.cache_file("Main")) as cache:
        sync(cache, SEEN)
    return home


Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(home: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    parser = argparse.ArgumentParser(prog="linkmanager")
    add_reconcile_parser(parser.add_subparsers(dest="command"), argparse.ArgumentParser(add_help=False))

    def run(*argv: str) -> tuple[int, str, str]:
        capsys.readouterr()
        ctx = Context(home=str(home), profile_name=None, environ={})
        try:
            code = reconcile(ctx, parser.parse_args(["reconcile", *argv]))
        except Exception as exc:  # as main() does
            known = explain(exc, ctx)
            if known is None:
                raise
            print(f"linkmanager: {known[0]}", file=sys.stderr)
            code = known[1]
        finally:
            ctx.close()
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def statement(tmp_path: Path) -> Path:
    path = tmp_path / "nov.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file).writerows([["Date", "Details", "Amount", "Currency"], *LINES])
    return path


def later_sync(home: Path, b_status: str) -> None:
    with LinkCache.open(AppPaths.under(home).cache_file("Main")) as cache:
        sync(cache, SEEN + timedelta(days=2), b_status)


def test_json_lists_a_confirmed_match_whose_payment_was_rejected(
    run: Run, home: Path, statement: Path
) -> None:
    code, _, err = run(str(statement), "--columns", COLUMNS, "--confirm")
    assert (code, "Stored 2 new matches." in err) == (0, True)
    later_sync(home, "REJECTED_BY_BANK")
    code, out, err = run(str(statement), "--columns", COLUMNS, "--json")
    assert code == 0, err
    answer = json.loads(out)
    assert answer["matched"] == [  # still reported as matched, exactly as before
        {"line": 1, "usage_id": "ua", "payment_id": "pay-a", "by": "payment_id"},
        {"line": 2, "usage_id": "ub", "payment_id": "pay-b", "by": "reference"},
    ]
    assert (answer["unmatched_lines"], answer["unmatched_payments"]) == ([], [])
    (flagged,) = answer["confirmed_not_collected"]
    assert {k: v for k, v in flagged.items() if k != "confirmed_at"} == {
        "line": 2,
        "usage_id": "ub",
        "payment_id": "pay-b",
        "link_id": "b",
        "outcome": "failed",
        "usage_status": "PAYMENT_CREATED",
        "payment_status": "REJECTED_BY_BANK",
    }
    assert flagged["confirmed_at"].endswith("Z")
    assert "Line 2, matched to payment pay-b: Lean now reports REJECTED_BY_BANK (failed)" in err
    assert "2 confirmed (1 no longer collected: check them)" in err


def test_text_and_out_mark_it_and_a_normal_run_flags_nothing(
    run: Run, home: Path, statement: Path, tmp_path: Path
) -> None:
    run(str(statement), "--columns", COLUMNS, "--confirm")
    code, out, err = run(str(statement), "--columns", COLUMNS, "--json")
    assert json.loads(out)["confirmed_not_collected"] == []  # every confirmed payment still collected
    assert "no longer collected" not in err
    later_sync(home, "CANCELLED")
    code, out, err = run(str(statement), "--columns", COLUMNS, "--out", str(tmp_path / "result.csv"))
    assert code == 0, err
    assert "CHECK: now CANCELLED" in out
    rows = list(csv.reader((tmp_path / "result.csv").read_text(encoding="utf-8-sig").splitlines()))
    body = rows[next(i for i, row in enumerate(rows) if row and row[0] == "Result") + 1 :]
    assert [(row[0], row[1], row[-1]) for row in body if row] == [
        ("confirmed", "1", ""),
        ("confirmed, needs checking", "2", "Lean now reports CANCELLED (failed); check the bank statement"),
    ]
