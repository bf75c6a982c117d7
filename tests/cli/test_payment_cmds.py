"""`payments`, `totals` and `export` on a real SQLite cache: filters, exact JSON, files read back.

The cache holds links in AED, KWD (3 decimals) and SAR, usages of every outcome first seen on
both sides of a local midnight in Dubai, and hostile text (markup, a spreadsheet formula, a
right-to-left override). The commands run in-process through the same error handling as
`linkmanager` (cli.main._run), with their own parser (main.py wires them in separately) and a
fixed time zone (payment_cmds.local_zone).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import importlib
import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from linkmanager.cli import payment_cmds, read_cmds
from linkmanager.cli.exit_codes import EXIT_CANCELLED
from linkmanager.cli.profile_cmds import CommandError
from linkmanager.domain import (
    CollectedIdentifier,
    IdentifierType,
    LinkStatus,
    Money,
    PaymentDetails,
    PaymentLink,
    Usage,
    UsageStatus,
)
from linkmanager.services.export import ExportColumn, ExportHeader
from linkmanager.services.payments import COLUMN_NAMES
from linkmanager.storage import AppPaths, LinkCache, Profile, ProfileStore

cli_main = importlib.import_module("linkmanager.cli.main")  # the package exports main() itself

DUBAI = ZoneInfo("Asia/Dubai")
T1 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)  # 12:00 on 1 March in Dubai
T2 = datetime(2026, 3, 1, 19, 59, 59, tzinfo=UTC)  # 23:59:59 on 1 March in Dubai
T3 = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)  # midnight starting 2 March in Dubai
T4 = datetime(2026, 3, 5, 10, 0, tzinfo=UTC)
FORMULA = '=HYPERLINK("x")'
RLO = "\u202eevil"
NEWEST_FIRST = ["u-f1", "u-k3", "u-k2", "u-a4", "u-a3", "u-s2", "u-s1", "u-a2", "u-k1", "u-a1"]
TITLES = ("Seen at", "Link", "Reference", "Amount", "Outcome", "Payment status", "Payer", "Payment ID")
HANDLERS = {
    "payments": payment_cmds.payments,
    "totals": payment_cmds.totals,
    "export": payment_cmds.export,
    "links": read_cmds.links,
}


def link(id_: str, amount: str, currency: str, reference: str, name: str | None, **kw: Any) -> PaymentLink:
    details = PaymentDetails(Money(Decimal(amount), currency), reference)
    return PaymentLink(
        id_, f"https://pay.example/{id_}", kw.pop("status", LinkStatus.ACTIVE), 0, details, name, **kw
    )


def usage(id_: str, link_id: str, status: str, bank: str | None = None, payer: str | None = None) -> Usage:
    values = (CollectedIdentifier(IdentifierType.TEXT, "Note", payer),) if payer else ()
    payment_id = f"p-{id_[2:]}" if bank else None
    return Usage(id_, link_id, UsageStatus(status), values, None, payment_id, bank)


def fill_cache(path: Path) -> None:
    """Links in three currencies; each usage's outcome and first sight chosen (see NEWEST_FIRST)."""
    with LinkCache.open(path, clock=lambda: T4 + timedelta(days=1)) as cache:
        cache.store_listing(
            [
                link("link-aed", "262.00", "AED", "INV-1", "Rent <b>flat</b>"),
                link("link-kwd", "1.500", "KWD", "K-2", FORMULA),
                link("link-sar", "100.00", "SAR", "S-3" + RLO, None, status=LinkStatus.DISABLED),
                link(
                    "link-fee", "50.00", "AED", "INV-4", "Fees", expires_at=datetime(2025, 1, 1, tzinfo=UTC)
                ),
            ],
            T1,
            complete=True,
        )
        second = timedelta(seconds=1)
        schedule = [  # (first seen, usage), no two at once: every order here is the cache's own
            (T1, usage("u-a1", "link-aed", "PAYMENT_CREATED", "ACCEPTED_BY_BANK", "<b>bold</b>")),
            (T1 + 10 * second, usage("u-k1", "link-kwd", "PAYMENT_CREATED", "PROCESSED")),
            (T1 + 300 * second, usage("u-a2", "link-aed", "PAYMENT_CREATED", "PENDING_WITH_BANK", FORMULA)),
            (T2 - 9 * second, usage("u-s1", "link-sar", "PAYMENT_CREATED", "ACCEPTED_BY_BANK")),
            (T2 - 4 * second, usage("u-s2", "link-sar", "MYSTERY")),
            (T2, usage("u-a3", "link-aed", "FAILED", payer=RLO)),
            (T3, usage("u-a4", "link-aed", "PAYMENT_CREATED", "PROCESSED")),
            (T3 + 1 * second, usage("u-k2", "link-kwd", "STARTED")),
            (T3 + 2 * second, usage("u-k3", "link-kwd", "EXPIRED")),
            (T4, usage("u-f1", "link-fee", "PAYMENT_CREATED", "REJECTED_BY_BANK")),
        ]
        listed: dict[str, list[Usage]] = {}
        for seen, found in schedule:  # a link's first look finds its first usage ("seen before")
            listed.setdefault(found.payment_link_id, []).append(found)
            status = LinkStatus.DISABLED if found.payment_link_id == "link-sar" else LinkStatus.ACTIVE
            cache.store_usages(found.payment_link_id, listed[found.payment_link_id], seen, link_status=status)
        cache.record_full_sync(T4)


def make_home(home: Path, *, filled: bool = True) -> Path:
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
    if filled:
        fill_cache(paths.cache_file("Main"))
    return paths.cache_file("Main")


def parser() -> argparse.ArgumentParser:
    """The program's parser as main.build_parser makes it, with these commands (and `links`)."""
    root = argparse.ArgumentParser(prog="linkmanager")
    root.add_argument("--home")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--home", default=argparse.SUPPRESS)
    common.add_argument("--profile", default=argparse.SUPPRESS)
    commands = root.add_subparsers(dest="command")
    payment_cmds.add_payment_parsers(commands, common)
    read_cmds.add_read_parsers(commands, common)
    return root


class Run:
    def __init__(self, home: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.home, self.capsys = home, capsys

    def __call__(self, *argv: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        args = parser().parse_args(["--home", str(self.home), *argv])
        code = cli_main._run(HANDLERS[args.command], args)
        out, err = self.capsys.readouterr()
        return code, out, err

    def json(self, *argv: str) -> Any:
        code, out, err = self(*argv, "--json")
        assert code == 0, err
        return json.loads(out)

    def ids(self, *argv: str) -> list[str]:
        return [item["usage_id"] for item in self.json("payments", *argv)]


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> ZoneInfo:
    monkeypatch.setattr(payment_cmds, "local_zone", lambda: DUBAI)
    return DUBAI


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], zone: ZoneInfo) -> Run:
    make_home(tmp_path / "home")
    return Run(tmp_path / "home", capsys)


def test_the_parser_is_built_without_numpy_or_openpyxl() -> None:
    code = "import sys, linkmanager.cli.payment_cmds\nprint(sorted({'numpy', 'openpyxl'} & set(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout == "[]\n"  # every command builds this parser: it stays light
    assert tuple(COLUMN_NAMES) == payment_cmds.SORT_COLUMNS


# -- payments -------------------------------------------------------------------------------------


def test_payments_are_listed_newest_first(run: Run) -> None:
    assert run.ids() == NEWEST_FIRST
    assert run.ids("--sort", "seen", "--descending") == NEWEST_FIRST
    assert run.ids("--sort", "seen") == NEWEST_FIRST[::-1]


def test_payments_json_is_leans_usage_plus_the_link_and_what_the_cache_knows(run: Run) -> None:
    by_id = {item["usage_id"]: item for item in run.json("payments")}
    assert by_id["u-a2"] == {
        "usage_id": "u-a2",
        "payment_link_id": "link-aed",
        "usage_status": "PAYMENT_CREATED",
        "customer_id": None,
        "payment_id": "p-a2",
        "payment_status": "PENDING_WITH_BANK",
        "identifiers": [{"type": "TEXT", "display_label": "Note", "value": FORMULA}],
        "link_id": "link-aed",
        "link_name": "Rent <b>flat</b>",
        "reference": "INV-1",
        "amount": "262.00",
        "currency": "AED",
        "outcome": "pending",
        "first_seen_at": "2026-03-01T08:05:00Z",
        "first_seen_before": False,
    }
    assert list(by_id["u-a2"]) == list(by_id["u-k3"])  # Lean's order, then ours
    assert by_id["u-k3"]["amount"] == "1.500"
    assert by_id["u-s2"]["link_name"] is None
    assert by_id["u-s2"]["reference"] == "S-3" + RLO
    assert by_id["u-a3"]["identifiers"][0]["value"] == RLO
    assert by_id["u-a1"]["first_seen_before"] is True  # found on the first look at its link
    assert by_id["u-a1"]["first_seen_at"] == "2026-03-01T08:00:00Z"
    assert by_id["u-a4"]["first_seen_before"] is False
    assert by_id["u-a4"]["first_seen_at"] == "2026-03-01T20:00:00Z"
    assert {item["outcome"] for item in by_id.values()} == {
        "collected", "pending", "failed", "started", "expired", "other",
    }  # fmt: skip


def test_payments_json_is_one_array_streamed_one_object_a_line(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = run("payments", "--json")[1]
    monkeypatch.setattr(payment_cmds, "BATCH", 3)  # four batches
    assert run("payments", "--json")[1] == whole
    lines = whole.splitlines()
    assert (lines[0], lines[-1], len(lines)) == ("[", "]", 12)
    objects = [json.loads(line.strip().rstrip(",")) for line in lines[1:-1]]
    assert objects == json.loads(whole)
    assert [item["usage_id"] for item in objects] == NEWEST_FIRST
    assert "\u202e" not in whole  # escaped: no raw override reaches a terminal
    assert run("payments", "--json", "--currency", "JPY")[1] == "[]\n"


def test_a_usage_damaged_in_the_cache_is_left_out_of_json_and_said(run: Run) -> None:
    cache = AppPaths.under(run.home).cache_file("Main")
    with LinkCache.open(cache) as opened:
        opened.write(
            "damage",
            lambda conn: conn.execute("UPDATE usages SET identifiers = '[[' WHERE usage_id = 'u-a3'"),
        )
    code, out, err = run("payments", "--json")
    assert code == 0
    assert [item["usage_id"] for item in json.loads(out)] == [i for i in NEWEST_FIRST if i != "u-a3"]
    assert err.endswith("10 payments (1 damaged in the cache, left out).\n")
    code, out, _ = run("payments")
    assert (code, len(out.splitlines())) == (0, 11)  # the table keeps the row, its texts blank


@pytest.mark.parametrize(
    ("outcomes", "expected"),
    [
        (["collected"], ["u-a4", "u-s1", "u-k1", "u-a1"]),
        (["pending"], ["u-a2"]),
        (["failed"], ["u-f1", "u-a3"]),
        (["started"], ["u-k2"]),
        (["expired"], ["u-k3"]),
        (["other"], ["u-s2"]),
        (["PENDING", "expired"], ["u-k3", "u-a2"]),
    ],
)
def test_each_outcome_filters(run: Run, outcomes: list[str], expected: list[str]) -> None:
    assert run.ids(*[arg for word in outcomes for arg in ("--outcome", word)]) == expected


def test_currency_link_status_and_search_filter(run: Run) -> None:
    assert run.ids("--currency", "kwd") == ["u-k3", "u-k2", "u-k1"]
    assert run.ids("--link-status", "disabled") == ["u-s2", "u-s1"]
    assert run.ids("--link-status", "EXPIRED", "--link-status", "DISABLED") == ["u-f1", "u-s2", "u-s1"]
    assert run.ids("--search", "INV-1") == ["u-a4", "u-a3", "u-a2", "u-a1"]  # the link's payments
    assert run.ids("--search", "bold") == ["u-a1"]  # a payer's value
    assert run.ids("--currency", "AED", "--outcome", "failed") == ["u-f1", "u-a3"]


def test_since_and_until_are_whole_local_days(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    first_of_march = ["u-a3", "u-s2", "u-s1", "u-a2", "u-k1", "u-a1"]
    assert run.ids("--until", "2026-03-01") == first_of_march  # 23:59:59 in, midnight out
    assert run.ids("--since", "2026-03-01", "--until", "2026-03-01") == first_of_march
    assert run.ids("--since", "2026-03-02") == ["u-f1", "u-k3", "u-k2", "u-a4"]
    assert run.ids("--since", "2026-03-02", "--until", "2026-03-04") == ["u-k3", "u-k2", "u-a4"]
    assert run.ids("--since", "2026-03-06") == []
    monkeypatch.setattr(payment_cmds, "local_zone", lambda: UTC)  # the same days, elsewhere
    assert run.ids("--until", "2026-03-01") == [i for i in NEWEST_FIRST if i != "u-f1"]


@pytest.mark.parametrize("day", ["2026-13-01", "2026-02-30", "1/3/2026", "20260301", "yesterday"])
def test_a_bad_day_is_one_sentence_and_nothing_is_read(run: Run, day: str) -> None:
    cache = AppPaths.under(run.home).cache_file("Main")
    before = hashlib.sha256(cache.read_bytes()).hexdigest()
    code, out, err = run("payments", "--since", day)
    assert (code, out) == (2, "")
    assert err == f"linkmanager: --since takes a day as YYYY-MM-DD, such as 2026-03-01, not {day!r}.\n"
    assert hashlib.sha256(cache.read_bytes()).hexdigest() == before


def test_until_before_since_and_an_unknown_outcome_are_refused(run: Run) -> None:
    code, out, err = run("totals", "--since", "2026-03-05", "--until", "2026-03-01")
    assert (code, out) == (2, "")
    assert err == "linkmanager: --until 2026-03-01 is before --since 2026-03-05: no day is in between.\n"
    with pytest.raises(SystemExit) as exited:
        run("payments", "--outcome", "paid")
    assert exited.value.code == 2
    assert "invalid choice: 'paid'" in run.capsys.readouterr().err


def test_sorting_by_a_text_column_puts_missing_values_last(run: Run) -> None:
    for descending in ((), ("--descending",)):
        by_payment = run.ids("--sort", "payment-id", *descending)
        present = ["u-a1", "u-a2", "u-a4", "u-f1", "u-k1", "u-s1"]
        assert by_payment[:6] == (present[::-1] if descending else present)
        assert set(by_payment[6:]) == {"u-a3", "u-k2", "u-k3", "u-s2"}  # no payment id: last
    assert set(run.ids("--sort", "amount", "--descending")[:4]) == {"u-a1", "u-a2", "u-a3", "u-a4"}


def test_payments_text_is_a_terminal_safe_table_aligned_across_batches(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, whole, err = run("payments")
    assert code == 0
    assert "\u202e" not in whole
    assert "\\u202eevil" in whole
    assert "Rent <b>flat</b>" in whole
    assert FORMULA in whole
    lines = whole.splitlines()
    assert lines[0].split() == " ".join(TITLES).split()
    assert lines[1].startswith("before 2026-03-05 14:00 +04:00  Fees")
    assert lines[2].startswith("2026-03-02 00:00 +04:00 ")
    assert "KWD\xa01.500" in whole
    assert "AED\xa0262.00" in whole
    assert err.splitlines() == [
        "From the cache as of " + err.split("as of ")[1].splitlines()[0],
        "10 payments.",
    ]
    monkeypatch.setattr(payment_cmds, "BATCH", 3)
    batched = run("payments")[1].splitlines()
    column = batched[0].index("Outcome")
    words = [line[column:].split()[0] for line in batched[1:]]
    expected = "failed expired started collected failed other collected pending collected collected"
    assert words == expected.split()


def test_an_empty_cache_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str], zone: ZoneInfo) -> None:
    make_home(tmp_path / "home", filled=False)
    run = Run(tmp_path / "home", capsys)
    code, out, err = run("payments")
    assert code == 0
    assert out.split() == " ".join(TITLES).split()  # the titles alone
    assert "The cache is empty: run `linkmanager sync` first." in err
    assert "0 payments." in err
    assert run.json("totals") == {}


# -- totals ---------------------------------------------------------------------------------------


def total(count: int, amount: str) -> dict[str, Any]:
    return {"count": count, "amount": amount}


def test_totals_json_has_exact_amounts_per_currency_and_outcome(run: Run) -> None:
    assert run.json("totals") == {
        "AED": {"collected": total(2, "524.00"), "pending": total(1, "262.00"), "failed": total(2, "312.00")},
        "KWD": {"collected": total(1, "1.500"), "pending": total(0, "0.000"), "failed": total(0, "0.000")},
        "SAR": {"collected": total(1, "100.00"), "pending": total(0, "0.00"), "failed": total(0, "0.00")},
    }
    assert run.json("totals", "--since", "2026-03-02", "--currency", "AED") == {
        "AED": {"collected": total(1, "262.00"), "pending": total(0, "0.00"), "failed": total(1, "50.00")}
    }
    assert run.json("totals", "--outcome", "started") == {
        "KWD": {"collected": total(0, "0.000"), "pending": total(0, "0.000"), "failed": total(0, "0.000")}
    }


def test_totals_text_is_a_small_table_per_currency(run: Run) -> None:
    code, out, err = run("totals", "--currency", "KWD")
    assert code == 0
    assert [line.split() for line in out.splitlines()] == [
        ["Currency", "Outcome", "Payments", "Amount"],
        ["KWD", "collected", "1", "KWD", "1.500"],  # str.split() splits at the no-break space too
        ["pending", "0", "KWD", "0.000"],
        ["failed", "0", "KWD", "0.000"],
    ]
    assert err.endswith("3 payments match.\n")


# -- export ---------------------------------------------------------------------------------------


def read_back(path: Path) -> tuple[dict[str, Any], list[Any], list[list[Any]]]:
    """(header block, titles, rows) of an export, read as an accountant's tools read it."""
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as file:
            table: list[list[Any]] = list(csv.reader(file))
    else:
        sheet = openpyxl.load_workbook(path).active
        assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)  # no formula
        table = [list(row) for row in sheet.iter_rows(values_only=True)]
    empty = next(i for i, row in enumerate(table) if all(v in (None, "") for v in row))
    return {row[0]: row[1] for row in table[:empty]}, table[empty + 1], table[empty + 2 :]


def wall(*fields: int) -> datetime:
    """A wall-clock time with no zone, as an Excel cell holds it."""
    return datetime(*fields, tzinfo=UTC).replace(tzinfo=None)


FILTERS = ("--since", "2026-03-01", "--outcome", "collected", "--outcome", "failed")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_exported_payments_are_the_rows_payments_lists(run: Run, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"payments.{fmt}"
    code, stdout, err = run("export", "payments", "--out", str(out), *FILTERS)
    assert (code, stdout) == (0, "")
    assert err.endswith(f"Exported 6 payments to {out}.\n")
    header, titles, rows = read_back(out)
    assert header["LinkManager export"] == "Payments"
    assert (header["Profile"], header["Environment"]) == ("Main", "sandbox")
    assert header["Filters"] == (
        "outcome collected, failed; seen on or after 2026-03-01 (local days); sorted by seen, descending"
    )
    assert header["Data as of"] == "2026-03-05 14:00:00 +04:00"
    assert header["Time zone"] == "Asia/Dubai (UTC+04:00)"
    assert str(header["Rows"]) == "6"
    assert titles == [
        "Seen at", "Seen", "Link", "Reference", "Amount", "Currency", "Outcome", "Usage status",
        "Payment status", "Payment ID", "Customer ID", "Payer value", "Link ID", "Usage ID",
    ]  # fmt: skip
    listed = run.json("payments", *FILTERS)
    assert [row[-1] for row in rows] == [item["usage_id"] for item in listed]
    assert [row[5] for row in rows] == [item["currency"] for item in listed]
    by_usage = {row[-1]: row for row in rows}
    if fmt == "csv":
        assert by_usage["u-k1"] == [
            "2026-03-01 12:00:10", "seen before", "'" + FORMULA, "K-2", "1.500", "KWD", "Collected",
            "PAYMENT_CREATED", "PROCESSED", "p-k1", "", "", "link-kwd", "u-k1",
        ]  # fmt: skip
        assert [row[4] for row in rows] == [item["amount"] for item in listed]
    else:
        assert by_usage["u-k1"][:7] == [
            wall(2026, 3, 1, 12, 0, 10), "seen before", FORMULA, "K-2", Decimal("1.5"), "KWD", "Collected",
        ]  # fmt: skip
        assert [Decimal(str(row[4])) for row in rows] == [Decimal(item["amount"]) for item in listed]
    assert by_usage["u-a3"][1] == "first seen"
    assert by_usage["u-a3"][11] == RLO
    assert by_usage["u-a3"][9] in (None, "")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize(
    "options",
    [
        (),
        ("--sort", "amount", "--descending"),
        ("--status", "active", "--sort", "name"),
        ("--currency", "AED"),
        ("--search", "INV"),
    ],
)
def test_exported_links_are_the_rows_links_lists(
    run: Run, tmp_path: Path, fmt: str, options: tuple[str, ...]
) -> None:
    out = tmp_path / f"links.{fmt}"
    assert run("export", "links", "--out", str(out), *options)[0] == 0
    header, titles, rows = read_back(out)
    assert header["LinkManager export"] == "Links"
    assert titles[:5] == ["Link ID", "Name", "Status", "Amount", "Currency"]
    assert [row[0] for row in rows] == [item["id"] for item in run.json("links", *options)]
    assert len(rows) == int(header["Rows"])


def test_exported_links_hold_money_counts_and_statuses(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "links.csv"
    run("export", "links", "--format", "csv", "--out", str(out), "--sort", "id")
    header, _, rows = read_back(out)
    assert header["Filters"] == "none (all links); sorted by id, ascending"
    assert {row[0]: row for row in rows}["link-kwd"] == [
        "link-kwd", "'" + FORMULA, "Active", "1.500", "KWD", "0", "", "", "K-2", "",
    ]  # fmt: skip
    assert {row[0]: row[2] for row in rows}["link-fee"] == "Expired"


@pytest.mark.parametrize("where", ["missing", "file"])
def test_an_unwritable_path_is_one_sentence_and_writes_nothing(run: Run, tmp_path: Path, where: str) -> None:
    (tmp_path / "file").write_text("not a folder")
    out = tmp_path / where / "payments.csv"
    code, stdout, err = run("export", "payments", "--out", str(out))
    assert (code, stdout) == (1, "")
    folder = tmp_path / where
    sentence = {
        "missing": f"The folder {folder} does not exist; choose an existing folder.",
        "file": f"{folder} is not a folder; choose an existing folder.",
    }[where]
    assert err.startswith("From the cache as of ")
    assert err.splitlines()[-1] == f"linkmanager: {sentence}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "home"]


def test_a_format_is_needed_when_the_name_does_not_say(run: Run, tmp_path: Path) -> None:
    code, _, err = run("export", "payments", "--out", str(tmp_path / "payments.txt"))
    assert code == 2
    assert err == "linkmanager: Give --format csv or --format xlsx ('payments.txt' does not say which).\n"
    assert run("export", "payments", "--format", "csv", "--out", str(tmp_path / "p.txt"))[0] == 0
    assert (tmp_path / "p.txt").read_text(encoding="utf-8-sig").startswith("LinkManager export,Payments")


HEADER = ExportHeader("Payments", "Main", "sandbox", "none", None, DUBAI, T4)
COLUMNS = (ExportColumn("Number", "integer"),)


def test_ctrl_c_leaves_no_file_and_keeps_an_earlier_one(tmp_path: Path) -> None:
    out = tmp_path / "payments.csv"
    out.write_text("earlier")

    def rows() -> Any:
        for number in range(5_000):
            if number == 2_500:
                raise KeyboardInterrupt
            yield [number]

    with pytest.raises(CommandError) as cancelled:
        payment_cmds.write_export(out, "csv", HEADER, COLUMNS, rows(), 5_000)
    assert cancelled.value.code == EXIT_CANCELLED
    assert str(cancelled.value) == "The export was cancelled; no file was written."
    assert [p.name for p in tmp_path.iterdir()] == ["payments.csv"]
    assert out.read_text() == "earlier"


def test_big_exports_say_how_far_they_are(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = ([n] for n in range(20_000))
    assert payment_cmds.write_export(tmp_path / "big.csv", "csv", HEADER, COLUMNS, rows, 20_000) == 20_000
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "Exported 10% (2,000 of 20,000 rows)…"
    assert lines[-1] == "Exported 100% (20,000 of 20,000 rows)…"
    assert len(lines) == 10
    small = ([n] for n in range(9_999))
    payment_cmds.write_export(tmp_path / "small.csv", "csv", HEADER, COLUMNS, small, 9_999)
    assert capsys.readouterr().err == ""


def test_linkmanager_itself_runs_the_commands(run: Run) -> None:
    """main.py wires add_payment_parsers and the three handlers in."""
    run.capsys.readouterr()
    assert cli_main.main(["--home", str(run.home), "totals", "--json", "--currency", "sar"]) == 0
    assert json.loads(run.capsys.readouterr().out)["SAR"]["collected"] == total(1, "100.00")
    assert cli_main.main(["--home", str(run.home), "payments", "--since", "2026-02-30"]) == 2
    assert cli_main.main(["--home", str(run.home), "export", "links", "--out", str(run.home / "l.csv")]) == 0
    assert (run.home / "l.csv").exists()


def test_a_format_and_a_name_that_disagree_are_refused(run: Run, tmp_path: Path) -> None:
    code, _, err = run("export", "payments", "--format", "xlsx", "--out", str(tmp_path / "payments.csv"))
    assert code == 2
    assert err == "linkmanager: --format xlsx and a .csv name disagree; name the file .xlsx.\n"
    assert not (tmp_path / "payments.csv").exists()
