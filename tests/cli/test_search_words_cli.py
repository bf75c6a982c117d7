"""`linkmanager search` and `links --search` with the window's rules: several words in any order,
amounts however typed, status and outcome words, and a sentence (with names meant) when nothing
matches. Run in-process through cli.main, on a real cache file in a throwaway --home."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

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
from linkmanager.storage import AppPaths, LinkCache, Profile, ProfileStore

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
Run = Any  # tests/cli/conftest.py


def link(link_id: str, name: str | None, amount: str, currency: str = "AED", **fields: Any) -> PaymentLink:
    details = PaymentDetails(Money(Decimal(amount), currency), f"REF-{link_id.upper()}")
    status = fields.pop("status", LinkStatus.ACTIVE)
    return PaymentLink(link_id, f"https://pay.example/{link_id}", status, 0, details, name, **fields)


@pytest.fixture
def run(run: Run) -> Run:
    """A home with one profile whose cache holds a few links (no network needed)."""
    paths = AppPaths.under(run.home)
    ProfileStore(paths.profiles_file).add(
        Profile(
            "Main",
            "sandbox",
            "c",
            "https://sandbox.leantech.me",
            "https://auth.sandbox.leantech.me/oauth2/token",
        )
    )
    fill(paths.cache_file("Main"))
    return run


def fill(path: Path) -> None:
    with LinkCache.open(path, clock=lambda: T0 + timedelta(days=1)) as cache:
        cache.store_listing(
            [
                link("oct", "October consulting retainer", "6300.00"),
                link("gym", "Gym membership", "6300", "SAR"),
                link("off", "Offsite workshop", "250.00", status=LinkStatus.DISABLED),
                link("evil", "Invoice \u202eexe.pdf", "10.00"),
            ],
            T0,
            complete=True,
        )
        fatima = CollectedIdentifier(IdentifierType.TEXT, "Name", "Fatima Zahra")
        cache.store_usages(
            "oct",
            [
                Usage(
                    "oct-1", "oct", UsageStatus.PAYMENT_CREATED, (fatima,), None, "pay-1", "PENDING_WITH_BANK"
                )
            ],
            T0,
            link_status=LinkStatus.ACTIVE,
        )
        cache.record_full_sync(T0)


def found(run: Run, *argv: str) -> set[tuple[str, str, str]]:
    code, out, err = run(*argv, "--json")
    assert code == 0, err
    return {(hit["link_id"], hit["field"], hit["value"]) for hit in json.loads(out)}


def test_words_in_any_order_and_any_field(run: Run) -> None:
    assert found(run, "search", "consulting retainer october") == {
        ("oct", "name", "October consulting retainer")
    }
    assert found(run, "search", "october fatima") == {
        ("oct", "name", "October consulting retainer"),
        ("oct", "Name", "Fatima Zahra"),
    }


@pytest.mark.parametrize("typed", ["6300", "6,300", "6,300.00", "6300.0"])
def test_amounts_however_typed(run: Run, typed: str) -> None:
    assert {hit[0] for hit in found(run, "search", typed)} == {"oct", "gym"}
    assert ("oct", "amount", "AED\xa06,300.00") in found(run, "search", typed)


def test_an_amount_as_the_window_shows_it_and_the_links_command(run: Run) -> None:
    assert {hit[0] for hit in found(run, "search", "AED 6,300.00")} == {"oct"}
    code, out, _ = run("links", "--search", "AED 6,300.00", "--json")
    assert code == 0
    assert [item["id"] for item in json.loads(out)] == ["oct"]


def test_status_and_outcome_words(run: Run) -> None:
    assert found(run, "search", "disabled") == {("off", "status", "Disabled")}
    assert found(run, "search", "pending october") == {
        ("oct", "payment outcome", "pending"),
        ("oct", "name", "October consulting retainer"),
    }
    code, out, _ = run("links", "--search", "pending", "--json")
    assert code == 0
    assert [item["id"] for item in json.loads(out)] == ["oct"]


def test_nothing_found_says_so_with_the_names_meant(run: Run) -> None:
    code, out, err = run("search", "consultng")
    assert code == 0
    assert out == ""
    assert (
        err.splitlines()[-1]
        == "No link matches \u201cconsultng\u201d; did you mean: October consulting retainer?"
    )
    code, out, err = run("search", "consultng", "--json")
    assert (code, json.loads(out)) == (0, [])
    assert "did you mean: October consulting retainer?" in err
    code, _, err = run("links", "--search", "retainr octobr")
    assert code == 0
    assert err.splitlines()[-1].endswith("did you mean: October consulting retainer?")


def test_nothing_near_says_so_plainly(run: Run) -> None:
    code, out, err = run("search", "xyzzy 99")
    assert (code, out) == (0, "")
    assert err.splitlines()[-1] == "No link matches \u201cxyzzy 99\u201d."


def test_hostile_text_is_searched_and_shown_escaped(run: Run) -> None:
    code, out, err = run("search", "\u202eexe")
    assert code == 0
    assert "\u202e" not in out + err
    assert "\\u202eexe" in out
    code, _, err = run("search", '=HYPERLINK("x") \u202e\x00')
    assert code == 0
    assert "\u202e" not in err  # shown escaped, as typed
    assert "\x00" not in err
    assert err.splitlines()[-1] == 'No link matches \u201c=HYPERLINK("x") \\u202e\\x00\u201d.'


def test_an_empty_search_is_a_usage_error(run: Run) -> None:
    code, _, err = run("search", "   ")
    assert code == 2
    assert "Search for what?" in err
