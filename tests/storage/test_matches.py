"""Confirmed statement matches and bank formats in a real cache file: stored, refused, kept across syncs."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from linkmanager.domain import LinkStatus, PaymentLink, Usage, UsageStatus
from linkmanager.storage import matches
from linkmanager.storage.cache import CacheError, LinkCache
from linkmanager.storage.matches import MatchConflict, MatchRow

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
LinkFactory = Callable[..., PaymentLink]
UsageFactory = Callable[..., Usage]


def paid(make_usage: UsageFactory, usage_id: str, link_id: str, payment_id: str) -> Usage:
    return make_usage(
        usage_id,
        link_id,
        usage_status=UsageStatus.PAYMENT_CREATED,
        payment_status="ACCEPTED_BY_BANK",
        payment_id=payment_id,
    )


@pytest.fixture
def filled(cache: LinkCache, make_link: LinkFactory, make_usage: UsageFactory) -> LinkCache:
    """Two links; u1 (seen on the first look), u2 (seen on the second), both collected; u3 pending."""
    cache.store_listing(
        [make_link("a", amount=Decimal("262.00"), reference="INV-7"), make_link("b", currency="SAR")],
        T0,
        complete=True,
    )
    cache.store_usages("a", [paid(make_usage, "u1", "a", "pay-1")], T0, link_status=LinkStatus.ACTIVE)
    later = [
        paid(make_usage, "u1", "a", "pay-1"),
        paid(make_usage, "u2", "a", "pay-2"),
        make_usage("u3", "a", usage_status=UsageStatus.PAYMENT_CREATED, payment_status="PENDING"),
    ]
    cache.store_usages("a", later, T0 + timedelta(days=1), link_status=LinkStatus.ACTIVE)
    return cache


def row(usage_key: int, line: int = 1, *, key: str | None = None, by: str = "payment_id") -> MatchRow:
    return MatchRow(
        usage_key=usage_key,
        line_key=key or f"key-{line}",
        line=line,
        line_date=date(2026, 3, 2),
        line_amount=Decimal("262.00"),
        line_currency="AED",
        line_description='LEAN pay-1 =HYPERLINK("x") \u202e',
        matched_by=by,
    )


def keys_by_usage(cache: LinkCache) -> dict[str, int]:
    return {r.usage_id: r.usage_key for r in cache.read("read", matches.collected_candidates)}


def test_collected_candidates_are_the_collected_usages_with_their_link_s_money(filled: LinkCache) -> None:
    rows = filled.read("read", matches.collected_candidates)
    assert [(r.usage_id, r.payment_id, r.link_id, r.reference) for r in rows] == [
        ("u1", "pay-1", "a", "INV-7"),
        ("u2", "pay-2", "a", "INV-7"),
    ]
    first, second = rows
    assert first.amount == Decimal("262.00")
    assert str(first.amount) == "262.00"
    assert first.currency == "AED"
    assert first.first_seen_at == T0
    assert first.first_seen_at.tzinfo is not None
    assert second.first_seen_at == T0 + timedelta(days=1)
    assert (first.seen_before, second.seen_before) == (True, False)


def test_a_damaged_row_costs_that_payment_only(
    filled: LinkCache, cache_path: Path, make_usage: UsageFactory
) -> None:
    filled.store_usages("b", [paid(make_usage, "u4", "b", "pay-4")], T0, link_status=LinkStatus.ACTIVE)
    conn = sqlite3.connect(cache_path)
    with conn:
        conn.execute("UPDATE links SET amount = 'lots' WHERE id = 'b'")
        conn.execute("UPDATE usages SET first_seen_at = 'yesterday' WHERE usage_id = 'u2'")
    conn.close()
    assert [r.usage_id for r in filled.read("read", matches.collected_candidates)] == ["u1"]


def test_confirmed_matches_survive_a_sync_and_a_restart(
    filled: LinkCache, cache_path: Path, make_usage: UsageFactory
) -> None:
    keys = keys_by_usage(filled)
    stored = filled.write(
        "save", lambda conn: matches.confirm(conn, [row(keys["u1"])], "dec.csv", T0 + timedelta(days=2))
    )
    assert stored == 1
    # The next sync reads the same usages again (and one more): the match stays.
    again = [paid(make_usage, "u1", "a", "pay-1"), paid(make_usage, "u2", "a", "pay-2")]
    filled.store_usages("a", again, T0 + timedelta(days=3), link_status=LinkStatus.ACTIVE)
    filled.close()
    with LinkCache.open(cache_path, clock=lambda: T0 + timedelta(days=30)) as reopened:
        held = reopened.read("read", matches.confirmed_matches)
    assert len(held) == 1
    match = held[0]
    assert (match.usage_id, match.payment_id, match.link_id, match.statement) == (
        "u1",
        "pay-1",
        "a",
        "dec.csv",
    )
    assert match.match == row(keys["u1"])  # hostile text comes back as it went in
    assert match.confirmed_at == T0 + timedelta(days=2)


def test_a_payment_or_a_line_cannot_be_matched_twice(filled: LinkCache, cache_path: Path) -> None:
    keys = keys_by_usage(filled)
    filled.write("save", lambda conn: matches.confirm(conn, [row(keys["u1"], 4)], "dec.csv", T0))
    refusals = [
        ([row(keys["u1"], 5)], r"^Payment u1 is already matched to line 4 of dec.csv; nothing was stored\.$"),
        ([row(keys["u2"], 4)], r"^Line 4 is already matched \(as line 4 of dec.csv\); nothing was stored\.$"),
        ([row(keys["u2"], 6), row(keys["u2"], 7)], "matched twice in one confirmation"),
        ([row(keys["u2"], 6), row(999, 7)], "no longer in the cache"),
    ]
    for rows, words in refusals:
        with pytest.raises(MatchConflict, match=words):
            filled.write("save", lambda conn, rows=rows: matches.confirm(conn, rows, "jan.csv", T0))
    # All or nothing: the good first row of each refused batch was not stored either.
    assert [m.usage_id for m in filled.read("read", matches.confirmed_matches)] == ["u1"]
    assert issubclass(MatchConflict, CacheError)  # the command line says it in one sentence


def test_unconfirm_forgets_one_match(filled: LinkCache) -> None:
    keys = keys_by_usage(filled)
    rows = [row(keys["u1"], 1), row(keys["u2"], 2)]
    filled.write("save", lambda conn: matches.confirm(conn, rows, "dec.csv", T0))
    assert filled.write("undo", lambda conn: matches.unconfirm(conn, keys["u1"])) is True
    assert filled.write("undo", lambda conn: matches.unconfirm(conn, keys["u1"])) is False
    assert [m.usage_id for m in filled.read("read", matches.confirmed_matches)] == ["u2"]
    # Once forgotten, the payment can be matched again.
    filled.write("save", lambda conn: matches.confirm(conn, [row(keys["u1"], 9)], "dec.csv", T0))


def test_bank_formats_are_remembered_by_name_in_any_case(cache: LinkCache) -> None:
    cache.write("save", lambda conn: matches.save_format(conn, "ENBD", "date=A,amount=B,description=C", T0))
    cache.write("save", lambda conn: matches.save_format(conn, " Al Rajhi ", "date=Date,amount=Credit,description=Details", T0))  # fmt: skip
    assert (
        cache.read("load", lambda conn: matches.load_format(conn, "enbd")) == "date=A,amount=B,description=C"
    )
    later = T0 + timedelta(days=1)
    cache.write(
        "save", lambda conn: matches.save_format(conn, "Enbd", "date=1,amount=2,description=3", later)
    )
    held = cache.read("list", matches.formats)
    assert [(f.bank, f.columns, f.saved_at) for f in held] == [
        ("Al Rajhi", "date=Date,amount=Credit,description=Details", T0),
        ("Enbd", "date=1,amount=2,description=3", later),
    ]
    assert cache.read("load", lambda conn: matches.load_format(conn, "HSBC")) is None
    with pytest.raises(ValueError, match="name"):
        cache.write("save", lambda conn: matches.save_format(conn, "  ", "date=A,amount=B,description=C", T0))


def test_line_keys_tell_lines_apart_and_ignore_how_the_amount_is_written() -> None:
    day = date(2026, 12, 5)
    key = matches.line_key(day, Decimal("262.00"), "AED", "LEAN  payment\n1", 1)
    assert key == matches.line_key(day, Decimal("262.0"), "AED", "LEAN payment 1", 1)
    assert len(key) == 64
    others = {
        matches.line_key(day, Decimal("262.00"), "AED", "LEAN payment 1", 2),
        matches.line_key(day + timedelta(days=1), Decimal("262.00"), "AED", "LEAN payment 1", 1),
        matches.line_key(day, Decimal("262.01"), "AED", "LEAN payment 1", 1),
        matches.line_key(day, Decimal("262.00"), "SAR", "LEAN payment 1", 1),
        matches.line_key(day, Decimal("262.00"), "AED", "lean payment 1", 1),
    }
    assert key not in others
    assert len(others) == 5
    assert matches.line_key(day, Decimal("100"), "AED", "", 1) == matches.line_key(
        day, Decimal("1E+2"), "AED", "", 1
    )
