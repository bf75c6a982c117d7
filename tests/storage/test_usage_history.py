"""What the cache observed and when: "seen before", first_seen_at, usage and link history, outcomes."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from linkmanager.domain import LinkStatus, PaymentLink, Usage, UsageStatus
from linkmanager.domain.outcome import Outcome
from linkmanager.storage import usage_history as history_reads
from linkmanager.storage.cache import LinkCache
from linkmanager.storage.cache_model import UsageList, time_text

Raw = Callable[[Path], sqlite3.Connection]
At = Callable[[float], datetime]
ACTIVE = LinkStatus.ACTIVE


def rows(path: Path, raw: Raw, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    conn = raw(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def usage_state(path: Path, raw: Raw) -> dict[str, tuple[Any, ...]]:
    """usage id -> (seen_before, first_seen_at, outcome, usage_status, payment_status)."""
    found = rows(
        path,
        raw,
        "SELECT usage_id, seen_before, first_seen_at, outcome, usage_status, payment_status FROM usages",
    )
    return {row[0]: row[1:] for row in found}


def usage_history(path: Path, raw: Raw) -> list[tuple[Any, ...]]:
    return rows(
        path,
        raw,
        "SELECT u.usage_id, h.seen_at, h.usage_status_before, h.payment_status_before, h.usage_status, "
        "h.payment_status FROM usage_history AS h JOIN usages AS u ON u.key = h.usage_key ORDER BY h.key",
    )


def link_history(path: Path, raw: Raw) -> list[tuple[Any, ...]]:
    return rows(
        path,
        raw,
        "SELECT l.id, h.seen_at, h.status_before, h.status FROM link_history AS h "
        "JOIN links AS l ON l.key = h.link_key ORDER BY h.key",
    )


@pytest.fixture
def listed(cache: LinkCache, make_link: Callable[..., PaymentLink], at: At) -> LinkCache:
    cache.store_listing([make_link("link-1"), make_link("link-2")], at(0), complete=True)
    return cache


def paid(make_usage: Callable[..., Usage], usage_id: str, bank: str | None, link_id: str = "link-1") -> Usage:
    return make_usage(
        usage_id,
        link_id,
        usage_status=UsageStatus.PAYMENT_CREATED,
        payment_status=bank,
        payment_id=f"pay-{usage_id}",
    )


def test_usages_found_on_the_first_look_were_seen_before(
    listed: LinkCache, make_usage: Callable[..., Usage], at: At, cache_path: Path, raw_connection: Raw
) -> None:
    listed.store_usages(
        "link-1", [make_usage("u1"), paid(make_usage, "u2", "PROCESSED")], at(1), link_status=ACTIVE
    )
    state = usage_state(cache_path, raw_connection)
    assert state == {
        "u1": (1, time_text(at(1)), int(Outcome.STARTED), "STARTED", None),
        "u2": (1, time_text(at(1)), int(Outcome.COLLECTED), "PAYMENT_CREATED", "PROCESSED"),
    }
    assert usage_history(cache_path, raw_connection) == []


def test_a_usage_new_on_a_later_look_appeared_between_the_looks(
    listed: LinkCache, make_usage: Callable[..., Usage], at: At, cache_path: Path, raw_connection: Raw
) -> None:
    listed.store_usages("link-1", [make_usage("u1")], at(1), link_status=ACTIVE)
    listed.store_usages("link-1", [make_usage("u1"), make_usage("u2")], at(5), link_status=ACTIVE)
    state = usage_state(cache_path, raw_connection)
    assert state["u1"][:2] == (1, time_text(at(1)))  # the first look's date is kept
    assert state["u2"][:2] == (0, time_text(at(5)))
    assert usage_history(cache_path, raw_connection) == []  # a new usage is no change


def test_a_first_look_that_found_nothing_still_counts_as_a_look(
    listed: LinkCache, make_usage: Callable[..., Usage], at: At, cache_path: Path, raw_connection: Raw
) -> None:
    listed.store_usages("link-1", [], at(1), link_status=ACTIVE)
    listed.store_usages("link-1", [make_usage("u1")], at(2), link_status=ACTIVE)
    assert usage_state(cache_path, raw_connection)["u1"][:2] == (0, time_text(at(2)))


def test_seen_before_is_per_link(
    listed: LinkCache, make_usage: Callable[..., Usage], at: At, cache_path: Path, raw_connection: Raw
) -> None:
    listed.store_usages("link-1", [make_usage("u1")], at(1), link_status=ACTIVE)
    listed.store_usage_lists(
        [
            UsageList("link-1", (make_usage("u1"), make_usage("u2")), at(3), ACTIVE, True),
            UsageList("link-2", (make_usage("v1", "link-2"),), at(3), ACTIVE, True),
        ]
    )
    state = usage_state(cache_path, raw_connection)
    assert {usage_id: value[0] for usage_id, value in state.items()} == {"u1": 1, "u2": 0, "v1": 1}


def test_a_status_change_writes_one_history_row(
    listed: LinkCache, make_usage: Callable[..., Usage], at: At, cache_path: Path, raw_connection: Raw
) -> None:
    listed.store_usages("link-1", [make_usage("u1"), make_usage("u2")], at(1), link_status=ACTIVE)
    listed.store_usages(
        "link-1", [paid(make_usage, "u1", "PENDING_WITH_BANK"), make_usage("u2")], at(4), link_status=ACTIVE
    )
    assert usage_history(cache_path, raw_connection) == [
        ("u1", time_text(at(4)), "STARTED", None, "PAYMENT_CREATED", "PENDING_WITH_BANK")
    ]


def test_a_bank_status_change_alone_is_a_change(
    listed: LinkCache, make_usage: Callable[..., Usage], at: At, cache_path: Path, raw_connection: Raw
) -> None:
    listed.store_usages("link-1", [paid(make_usage, "u1", None)], at(1), link_status=ACTIVE)
    listed.store_usages("link-1", [paid(make_usage, "u1", "PENDING_WITH_BANK")], at(2), link_status=ACTIVE)
    listed.store_usages("link-1", [paid(make_usage, "u1", "ACCEPTED_BY_BANK")], at(3), link_status=ACTIVE)
    assert usage_history(cache_path, raw_connection) == [
        ("u1", time_text(at(2)), "PAYMENT_CREATED", None, "PAYMENT_CREATED", "PENDING_WITH_BANK"),
        (
            "u1",
            time_text(at(3)),
            "PAYMENT_CREATED",
            "PENDING_WITH_BANK",
            "PAYMENT_CREATED",
            "ACCEPTED_BY_BANK",
        ),
    ]
    key = rows(cache_path, raw_connection, "SELECT key FROM usages WHERE usage_id = 'u1'")[0][0]
    read = listed.read("read the history", lambda conn: history_reads.history(conn, key))
    assert read == [
        (at(2), "PAYMENT_CREATED", None, "PAYMENT_CREATED", "PENDING_WITH_BANK"),
        (at(3), "PAYMENT_CREATED", "PENDING_WITH_BANK", "PAYMENT_CREATED", "ACCEPTED_BY_BANK"),
    ]


def test_no_change_writes_no_row(
    listed: LinkCache, make_usage: Callable[..., Usage], at: At, cache_path: Path, raw_connection: Raw
) -> None:
    usages = [make_usage("u1"), paid(make_usage, "u2", "PENDING_WITH_BANK")]
    listed.store_usages("link-1", usages, at(1), link_status=ACTIVE)
    listed.store_usages("link-1", usages, at(2), link_status=ACTIVE)
    listed.store_usages(
        "link-1", list(reversed(usages)), at(3), link_status=ACTIVE
    )  # a new order is no change
    listed.store_usages("link-1", usages[:1], at(4), link_status=ACTIVE)  # no longer listed is no change
    assert usage_history(cache_path, raw_connection) == []
    assert {value[1] for value in usage_state(cache_path, raw_connection).values()} == {time_text(at(1))}


def test_a_stale_answer_writes_nothing(
    listed: LinkCache, make_usage: Callable[..., Usage], at: At, cache_path: Path, raw_connection: Raw
) -> None:
    listed.store_usages("link-1", [paid(make_usage, "u1", "PENDING_WITH_BANK")], at(1), link_status=ACTIVE)
    listed.store_usages("link-1", [paid(make_usage, "u1", "PROCESSED")], at(10), link_status=ACTIVE)
    before = usage_state(cache_path, raw_connection), usage_history(cache_path, raw_connection)
    changes = listed.store_usages(
        "link-1",
        [paid(make_usage, "u1", "REJECTED_BY_BANK"), make_usage("u-late")],
        at(7),  # read before the answer already stored
        link_status=ACTIVE,
    )
    assert changes == []
    assert (usage_state(cache_path, raw_connection), usage_history(cache_path, raw_connection)) == before
    assert before[0]["u1"][2] == int(Outcome.COLLECTED)
    assert len(before[1]) == 1


def test_the_outcome_column_follows_the_statuses(
    listed: LinkCache, make_usage: Callable[..., Usage], at: At, cache_path: Path, raw_connection: Raw
) -> None:
    steps = [
        (make_usage("u1"), Outcome.STARTED),
        (make_usage("u1", payment_id="pay-u1"), Outcome.PENDING),
        (paid(make_usage, "u1", "PENDING_WITH_BANK"), Outcome.PENDING),
        (paid(make_usage, "u1", "PROCESSED"), Outcome.COLLECTED),
        (paid(make_usage, "u1", "CANCELLED"), Outcome.FAILED),  # a bank can still reverse a payment
        (make_usage("u1", usage_status=UsageStatus("ON_HOLD")), Outcome.OTHER),
        (make_usage("u1", usage_status=UsageStatus.EXPIRED), Outcome.EXPIRED),
    ]
    for minute, (usage, outcome) in enumerate(steps, start=1):
        listed.store_usages("link-1", [usage], at(minute), link_status=ACTIVE)
        assert usage_state(cache_path, raw_connection)["u1"][2] == int(outcome), outcome
    # (payment id only: no status moved) + five moves of status
    assert len(usage_history(cache_path, raw_connection)) == len(steps) - 2


def test_a_link_status_change_writes_link_history(
    cache: LinkCache, make_link: Callable[..., PaymentLink], at: At, cache_path: Path, raw_connection: Raw
) -> None:
    cache.store_listing([make_link("link-1")], at(0), complete=True)
    assert link_history(cache_path, raw_connection) == []  # the first state seen is no change
    cache.store_listing([make_link("link-1")], at(1), complete=True)
    assert link_history(cache_path, raw_connection) == []
    cache.store_listing([make_link("link-1", status=LinkStatus.DISABLED)], at(2), complete=True)
    cache.store_link(make_link("link-1", status=LinkStatus.ACTIVE), at(3))
    cache.store_listing([make_link("link-1", status=LinkStatus.USED)], at(2.5), complete=True)  # stale
    assert link_history(cache_path, raw_connection) == [
        ("link-1", time_text(at(2)), "ACTIVE", "DISABLED"),
        ("link-1", time_text(at(3)), "DISABLED", "ACTIVE"),
    ]
    assert rows(cache_path, raw_connection, "SELECT status FROM links") == [("ACTIVE",)]


def test_an_unknown_link_status_is_recorded_as_it_came(
    cache: LinkCache, make_link: Callable[..., PaymentLink], at: At, cache_path: Path, raw_connection: Raw
) -> None:
    cache.store_listing([make_link("link-1")], at(0), complete=True)
    cache.store_listing([make_link("link-1", status=LinkStatus("ARCHIVED"))], at(1), complete=True)
    assert link_history(cache_path, raw_connection) == [("link-1", time_text(at(1)), "ACTIVE", "ARCHIVED")]
