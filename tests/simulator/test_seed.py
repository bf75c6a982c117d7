"""Seeded demo data: deterministic, covering every case, keeping Lean's invariants, and fast."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal
from typing import Any

import pytest
from babel.numbers import get_currency_precision

from linkmanager.simulator import Simulator
from linkmanager.simulator.fake import HOSTILE_VALUES, LONG_VALUE


def _everything(sim: Simulator) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    links = sim.state.list_links(0, 100)["content"]
    usages = [u for link in links for u in sim.state.list_usages(link["id"], 0, 1000)["content"]]
    return links, usages


def _without_times(links: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in link.items() if k != "expires_at"} for link in links]


def test_same_seed_same_data() -> None:
    a_links, a_usages = _everything(Simulator(seed=11, links=60))
    b_links, b_usages = _everything(Simulator(seed=11, links=60))
    assert _without_times(a_links) == _without_times(b_links)
    assert a_usages == b_usages
    for a, b in zip(a_links, b_links, strict=True):
        if a["expires_at"] is not None:
            assert abs((a["expires_at"] - b["expires_at"]).total_seconds()) <= 2


def test_other_seed_other_data() -> None:
    a_links, _ = _everything(Simulator(seed=1, links=20))
    b_links, _ = _everything(Simulator(seed=2, links=20))
    assert {x["id"] for x in a_links}.isdisjoint({x["id"] for x in b_links})


@pytest.fixture(scope="module")
def seeded() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    return _everything(Simulator(seed=7, links=60))


def test_covers_every_status_and_currency(seeded: tuple[list, list]) -> None:
    links, usages = seeded
    assert {link["status"] for link in links} == {"ACTIVE", "DISABLED", "EXPIRED", "USED"}
    assert {u["usage_status"] for u in usages} == {"STARTED", "PAYMENT_CREATED", "FAILED", "EXPIRED"}
    assert {link["payment_details"]["currency"] for link in links} == {"AED", "SAR", "KWD"}
    payment_statuses = {u["payment_status"] for u in usages}
    assert {
        None,
        "PENDING_WITH_BANK",
        "ACCEPTED_BY_BANK",
        "FAILED",
        "AWAITING_AUTHORIZATION",
    } <= payment_statuses
    assert "SETTLEMENT_HOLD" in payment_statuses  # one Lean has never documented
    assert all(u["payment_status"] is None for u in usages if u["usage_status"] == "STARTED")


def test_covers_limits_expiries_and_identifiers(seeded: tuple[list, list]) -> None:
    links, usages = seeded
    assert any(link["max_usages"] is None for link in links)
    assert any(link["max_usages"] == 1 for link in links)
    assert any(link["expires_at"] is None for link in links)
    assert any(link["expires_at"] is not None for link in links)
    assert any(link["name"] is None for link in links)
    kinds = {i["type"] for link in links for i in link["identifiers"] or ()}
    assert kinds == {"EMAIL", "MOBILE_PHONE", "TEXT"}
    assert any(link["identifiers"] is None for link in links)
    by_link = Counter(u["payment_link_id"] for u in usages)
    assert max(by_link.values()) > 100


def test_amounts_fit_their_currency(seeded: tuple[list, list]) -> None:
    links, _ = seeded
    for link in links:
        amount = link["payment_details"]["amount"]
        assert isinstance(amount, Decimal)
        assert amount > 0
        exponent = amount.as_tuple().exponent
        assert -exponent <= get_currency_precision(link["payment_details"]["currency"])
    assert any(link["payment_details"]["amount"].as_tuple().exponent == -3 for link in links)


def test_looks_real_and_holds_arabic_and_hostile_input(seeded: tuple[list, list]) -> None:
    links, usages = seeded
    text = [link["name"] or "" for link in links] + [link["payment_details"]["reference"] for link in links]
    assert any(name.startswith("Invoice INV-") for name in text)
    assert any("rent" in name for name in text)
    assert any("tuition" in name or "الصف" in name for name in text)
    arabic = lambda s: any("\u0600" <= ch <= "\u06ff" for ch in s)  # noqa: E731
    assert any(arabic(name) for name in text)
    labels = [i["display_label"] or "" for link in links for i in link["identifiers"] or ()]
    assert any(arabic(label) for label in labels)
    values = [i["value"] for u in usages for i in u["identifiers"]]
    assert any(arabic(v) for v in values)
    for hostile in ("<b>x</b>", LONG_VALUE):
        assert hostile in values
    assert any(v.startswith('=HYPERLINK("http://evil') for v in values)
    assert any("\u202e" in v for v in values)
    assert any(ord(ch) > 0xFFFF for v in values for ch in v)  # emoji
    assert len(LONG_VALUE) == 255
    assert sum(v in HOSTILE_VALUES for v in values) >= len(HOSTILE_VALUES) - 1


def test_keeps_lean_invariants(seeded: tuple[list, list]) -> None:
    links, usages = seeded
    now = dt.datetime.now(dt.UTC)
    created = Counter(u["payment_link_id"] for u in usages if u["usage_status"] == "PAYMENT_CREATED")
    for link in links:
        cu, mu, exp = link["current_usages"], link["max_usages"], link["expires_at"]
        assert cu == created[link["id"]]
        assert link["link"].startswith("https://pay.simulator.invalid/pay/")
        assert link["redirect_url"].startswith(("https://shop.example.com/", "https://your.domain.com/"))
        if link["status"] == "USED":
            assert mu is not None
            assert cu == mu
        elif link["status"] == "EXPIRED":
            assert exp is not None
            assert exp <= now
        else:
            assert exp is None or exp > now + dt.timedelta(minutes=10)
            assert mu is None or cu < mu


def test_started_usages_expire_with_time() -> None:
    sim = Simulator(seed=7, links=60)
    _, usages = _everything(sim)
    assert any(u["usage_status"] == "STARTED" for u in usages)
    sim.clock.advance(30 * 60)
    _, later = _everything(sim)
    assert not any(u["usage_status"] == "STARTED" for u in later)


def test_fewer_links_than_scenarios_and_none() -> None:
    assert len(_everything(Simulator(links=3))[0]) == 3
    assert Simulator(links=0).state.list_links(0, 50)["page"]["total_elements"] == 0


def test_twenty_thousand_links_page_from_either_end() -> None:
    # How fast is measured in tests/benchmarks/, never asserted here.
    sim = Simulator(seed=5, links=20_000)
    ids = sim.state.link_ids()
    first, last = sim.state.list_links(0, 100), sim.state.list_links(199, 100)
    assert last["page"] == {"number": 199, "size": 100, "total_elements": 20_000, "total_pages": 200}
    assert [link["id"] for link in first["content"]] == ids[:100]
    assert [link["id"] for link in last["content"]] == ids[-100:]  # the oldest, newest first
    assert len(set(ids)) == 20_000
