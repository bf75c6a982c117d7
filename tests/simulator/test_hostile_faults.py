"""Hostile answers that do not fail: spoiled link and usage records, foreign usages, lying pages."""

from __future__ import annotations

import argparse
import re
import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import httpx
import pytest

from linkmanager.simulator import FaultSpec, FaultSpecError, Simulator
from linkmanager.simulator.cli import add_sim_arguments
from linkmanager.simulator.jsonio import dumps, loads
from linkmanager.simulator.spoil import LINK_VARIANTS, USAGE_VARIANTS

from .conftest import LINKS, bearer, http, new_link_body

SECONDS = re.compile(rb"\d\d:\d\d:\d\d(?:\.\d+)?Z")  # the time of day in an ISO-8601 time

# -- the spec ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("bad-link=0.2", "bad-link=0.2"),
        ("bad-link=0.5:id-null,bad-usage=1:usage_status", "bad-link=0.5:id-null,bad-usage=1:usage_status"),
        ("api:bad-link=1:id", "bad-link=1:id"),
        ("foreign-usage=0.1, page-lie=0.2", "foreign-usage=0.1,page-lie=0.2"),
        ("huge=0.1", "huge=0.1:300"),
        ("huge=0.1:5,drip=0.2", "huge=0.1:5,drip=0.2:20000"),
        ("token:huge=0.5:2,token:drip=0.5:50", "token:huge=0.5:2,token:drip=0.5:50"),
        ("create:drip=1:10", "create:drip=1:10"),
        # Record kinds fail nothing: their rates do not count toward the failing kinds' 1.
        (
            "503=1,bad-link=1,bad-usage=1,foreign-usage=1,page-lie=1",
            "503=1,bad-link=1,bad-usage=1,foreign-usage=1,page-lie=1",
        ),
    ],
)
def test_hostile_kinds_parse(text: str, normal: str) -> None:
    spec = FaultSpec.parse(text)
    assert str(spec) == normal
    assert FaultSpec.parse(str(spec)) == spec


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("bad-link=0.1:name", "takes a variant or its field"),
        ("bad-link=0.1:usage_status", "takes a variant or its field"),
        ("bad-usage=0.1:amount-text", "takes a variant or its field"),
        ("foreign-usage=0.1:3", "takes no parameter"),
        ("page-lie=0.5:x", "takes no parameter"),
        ("token:bad-link=0.1", "spoils API answers"),
        ("create:page-lie=0.1", "spoils API answers"),
        ("huge=0.1:0", "megabytes, 1 or more"),
        ("huge=0.1:lots", "megabytes"),
        ("drip=0.1:0", "milliseconds, 1 or more"),
        ("drip=0.1:-5", "milliseconds"),
        ("bad-link=1.5", "between 0 and 1"),
        ("page-lie=often", "not a number"),
    ],
)
def test_hostile_kind_errors_name_the_part(text: str, words: str) -> None:
    with pytest.raises(FaultSpecError, match=words) as caught:
        FaultSpec.parse(f"503=0.1,{text}")
    assert repr(text) in str(caught.value)


@pytest.mark.parametrize(
    "text", ["huge=0.6,drip=0.6", "token:huge=0.5,token:503=0.6", "create:drip=1,create:500-after=0.1"]
)
def test_huge_and_drip_count_as_failing_kinds(text: str) -> None:
    with pytest.raises(FaultSpecError, match="more than 1"):
        FaultSpec.parse(text)


def test_sim_help_documents_every_hostile_kind_and_variant() -> None:
    parser = argparse.ArgumentParser(prog="linkmanager sim")
    add_sim_arguments(parser)
    text = " ".join(parser.format_help().split()).replace("- ", "-")  # undo the wrapping
    for words in ("huge=RATE[:MB]", "drip=RATE[:MS]", "bad-link=RATE[:VARIANT]", "bad-usage=RATE[:VARIANT]"):
        assert words in text
    for words in ("foreign-usage=RATE", "page-lie=RATE", *LINK_VARIANTS, *USAGE_VARIANTS):
        assert words in text


def test_queue_refuses_unknown_variants(sim: Simulator) -> None:
    with pytest.raises(FaultSpecError, match="id-null"):  # the message lists what there is
        sim.faults.queue("bad-link:nonsense")
    with pytest.raises(ValueError, match="count"):
        sim.faults.queue("page-lie", count=0)


# -- bad-link ----------------------------------------------------------------------------------


def _wire(value: Any) -> Any:
    """What the store's records look like on the wire, read as the simulator reads JSON."""
    return loads(dumps(value))


def _fields(record: Any, prefix: str = "") -> dict[str, Any]:
    """Leaves by dotted path; lists stay whole (identifiers as a string is one field)."""
    if not isinstance(record, dict):
        return {prefix: record}
    out: dict[str, Any] = {}
    for key, value in record.items():
        path = f"{prefix}.{key}" if prefix else key
        out.update(_fields(value, path) if isinstance(value, dict) else {path: value})
    return out


def _changed(served: Any, stored: Any) -> list[str]:
    got, want = _fields(served), _fields(stored)
    assert got.keys() == want.keys()  # no field lost or added
    return sorted(path for path in want if type(got[path]) is not type(want[path]) or got[path] != want[path])


def _stored_links(sim: Simulator) -> list[Any]:
    return list(_wire(sim.state.list_links(0, 100))["content"])


_LINK_EXPECTED: dict[str, tuple[str, Callable[[Any, Any], bool]]] = {
    "id-null": ("id", lambda new, old: new is None),
    "id-number": ("id", lambda new, old: isinstance(new, int)),
    "status-number": ("status", lambda new, old: new == 5),
    "current_usages-text": ("current_usages", lambda new, old: new == str(old)),
    "current_usages-huge": ("current_usages", lambda new, old: new == 10**23),
    "amount-text": ("payment_details.amount", lambda new, old: new == "abc"),
    "amount-huge": ("payment_details.amount", lambda new, old: new >= Decimal("1e308")),
    "identifiers-text": ("identifiers", lambda new, old: isinstance(new, str)),
    "expires_at-garbage": ("expires_at", lambda new, old: new == "not-a-time"),
    "link-javascript": ("link", lambda new, old: new.startswith("javascript:")),
}


def test_every_link_variant_is_tested() -> None:
    assert set(_LINK_EXPECTED) == set(LINK_VARIANTS)


@pytest.mark.parametrize("variant", sorted(_LINK_EXPECTED))
def test_a_forced_link_variant_spoils_that_field_of_the_next_record_only(
    sim: Simulator, client: httpx.Client, variant: str
) -> None:
    stored = _stored_links(sim)
    sim.faults.queue(f"bad-link:{variant}")
    served = loads(client.get(LINKS, params={"size": 100}).content)["content"]
    field, check = _LINK_EXPECTED[variant]
    assert _changed(served[0], stored[0]) == [field]
    assert check(_fields(served[0])[field], _fields(stored[0])[field])
    assert served[1:] == stored[1:]  # the rest of the page is intact
    assert sim.faults.applied == {"bad-link": 1}
    assert loads(client.get(LINKS, params={"size": 100}).content)["content"] == stored  # one-shot


def test_a_forced_variant_hits_a_single_link_answer(sim: Simulator, client: httpx.Client) -> None:
    link_id = sim.state.link_ids()[3]
    sim.faults.queue("bad-link:id-null", path_prefix=f"{LINKS}/{link_id}")
    assert client.get(LINKS).json()["content"][0]["id"] is not None  # not aimed there
    answer = client.get(f"{LINKS}/{link_id}")
    assert answer.status_code == 200
    assert _changed(loads(answer.content), _wire(sim.state.get_link(link_id))) == ["id"]
    assert answer.json()["id"] is None
    assert sim.state.get_link(link_id) is not None  # the store keeps its record


def test_a_forced_field_lets_the_rng_pick_its_variant(sim: Simulator, client: httpx.Client) -> None:
    stored = _stored_links(sim)
    sim.faults.queue("bad-link:id", count=12)
    served = loads(client.get(LINKS, params={"size": 100}).content)["content"]
    ids = [record["id"] for record in served[:12]]
    assert all(i is None or isinstance(i, int) for i in ids)
    assert None in ids
    assert any(isinstance(i, int) for i in ids)  # both variants of the field, seeded
    assert all(_changed(s, w) == ["id"] for s, w in zip(served[:12], stored, strict=False))
    assert served[12:] == stored[12:]
    assert sim.faults.applied == {"bad-link": 12}


def test_random_bad_links_spoil_one_field_of_some_records() -> None:
    with Simulator(seed=5, links=60, faults="bad-link=0.4") as sim, http(sim, headers=bearer(sim)) as api:
        stored = _stored_links(sim)
        served = loads(api.get(LINKS, params={"size": 100}).content)["content"]
        changes = [_changed(s, w) for s, w in zip(served, stored, strict=True)]
        spoiled = [c for c in changes if c]
        assert all(len(c) == 1 for c in spoiled)  # exactly one field each
        assert 5 <= len(spoiled) <= 55
        assert len({c[0] for c in spoiled}) >= 3  # several variants
        assert sim.faults.applied == {"bad-link": len(spoiled)}
        sim.faults.spec = FaultSpec()
        assert loads(api.get(LINKS, params={"size": 100}).content)["content"] == stored  # store intact


def test_record_faults_leave_creates_and_updates_alone() -> None:
    with Simulator(links=3, faults="bad-link=1,page-lie=1") as sim, http(sim, headers=bearer(sim)) as api:
        created = api.post(LINKS, json=new_link_body())
        assert created.status_code == 201
        assert created.headers["location"] == f"{LINKS}/{created.json()['id']}"
        assert api.put(f"{LINKS}/{created.json()['id']}", json={"status": "DISABLED"}).status_code == 200
        assert sim.faults.applied == {}
        assert api.get(LINKS).status_code == 200  # a spoiled answer is still a 200
        assert sim.faults.applied == {"bad-link": 4, "page-lie": 1}


def test_queued_record_and_failing_faults_keep_apart(sim: Simulator, client: httpx.Client) -> None:
    sim.faults.queue("503")
    sim.faults.queue("bad-link:status-number")
    assert client.get(LINKS).status_code == 503  # a failed answer carries no record to spoil
    assert client.get(LINKS).json()["content"][0]["status"] == 5
    assert sim.faults.applied == {"503": 1, "bad-link": 1}


# -- usages ------------------------------------------------------------------------------------


def _busy_link(sim: Simulator) -> str:
    return next(
        i for i in sim.state.link_ids() if sim.state.list_usages(i, 0, 1)["page"]["total_elements"] >= 2
    )


_USAGE_EXPECTED: dict[str, tuple[str, Callable[[Any], bool]]] = {
    "usage_id-null": ("usage_id", lambda new: new is None),
    "usage_id-number": ("usage_id", lambda new: isinstance(new, int)),
    "usage_status-number": ("usage_status", lambda new: isinstance(new, int)),
    "payment_status-number": ("payment_status", lambda new: isinstance(new, int)),
    "identifiers-text": ("identifiers", lambda new: isinstance(new, str)),
}


def test_every_usage_variant_is_tested() -> None:
    assert set(_USAGE_EXPECTED) == set(USAGE_VARIANTS)


@pytest.mark.parametrize("variant", sorted(_USAGE_EXPECTED))
def test_a_forced_usage_variant_spoils_that_field(sim: Simulator, client: httpx.Client, variant: str) -> None:
    link_id = _busy_link(sim)
    stored = _wire(sim.state.list_usages(link_id, 0, 50))["content"]
    field, check = _USAGE_EXPECTED[variant]
    sim.faults.queue(f"bad-usage:{variant}")
    served = loads(client.get(f"{LINKS}/{link_id}/usages").content)["content"]
    assert _changed(served[0], stored[0]) == [field]
    assert check(_fields(served[0])[field])
    assert served[1:] == stored[1:]
    sim.faults.queue(f"bad-usage:{variant}")
    one = loads(client.get(f"{LINKS}/{link_id}/usages/{stored[1]['usage_id']}").content)
    assert _changed(one, stored[1]) == [field]
    assert check(_fields(one)[field])
    assert sim.faults.applied == {"bad-usage": 2}


def test_foreign_usage_names_another_existing_link(sim: Simulator, client: httpx.Client) -> None:
    link_id = _busy_link(sim)
    stored = _wire(sim.state.list_usages(link_id, 0, 50))["content"]
    sim.faults.queue("foreign-usage", count=len(stored))
    served = loads(client.get(f"{LINKS}/{link_id}/usages").content)["content"]
    for s, w in zip(served, stored, strict=True):
        assert _changed(s, w) == ["payment_link_id"]
        assert s["payment_link_id"] in sim.state.link_ids()
    assert sim.faults.applied == {"foreign-usage": len(stored)}


def test_foreign_usage_without_another_link_names_a_random_one() -> None:
    with Simulator(links=1, faults="foreign-usage=1") as sim, http(sim, headers=bearer(sim)) as api:
        link_id = sim.state.link_ids()[0]
        usage = sim.state.add_usage(link_id)
        served = api.get(f"{LINKS}/{link_id}/usages/{usage['usage_id']}").json()
        assert served["payment_link_id"] != link_id
        assert uuid.UUID(served["payment_link_id"]).version == 4
        assert {k: v for k, v in served.items() if k != "payment_link_id"} == {
            k: v for k, v in _wire(usage).items() if k != "payment_link_id"
        }


# -- page-lie ----------------------------------------------------------------------------------


def test_page_lie_claims_absurd_totals_with_the_real_content(sim: Simulator, client: httpx.Client) -> None:
    link_id = _busy_link(sim)
    sim.faults.queue("page-lie", count=2)
    assert client.get(f"{LINKS}/{link_id}").status_code == 200  # not a list: no lie there
    lying = client.get(LINKS, params={"size": 10}).json()
    usages = client.get(f"{LINKS}/{link_id}/usages").json()
    honest = client.get(LINKS, params={"size": 10}).json()
    assert lying["page"] == {
        **honest["page"],
        "total_pages": 1_000_000_000,
        "total_elements": 100_000_000_000,
    }
    assert lying["content"] == honest["content"]
    assert usages["page"]["total_pages"] == 1_000_000_000
    assert usages["content"] == _wire(sim.state.list_usages(link_id, 0, 50))["content"]
    assert honest["page"]["total_elements"] == 60
    assert sim.faults.applied == {"page-lie": 2}


# -- seeds -------------------------------------------------------------------------------------


def test_record_faults_are_seeded() -> None:
    spec = "bad-link=0.3,bad-usage=0.3,foreign-usage=0.3,page-lie=0.5"

    def run() -> list[bytes]:
        with Simulator(seed=11, links=20, faults=spec) as sim, http(sim, headers=bearer(sim)) as api:
            paths = [LINKS, *(f"{LINKS}/{i}/usages" for i in sim.state.link_ids()[:6]), LINKS]
            # Expiry times are set relative to the real clock: two runs a second apart differ there.
            return [SECONDS.sub(b"", api.get(path).content) for path in paths]

    first = run()
    assert first == run()
    assert any(b"javascript:" in body or b"page" in body for body in first)  # faults were served


def test_record_faults_leave_the_failing_draws_as_they_were() -> None:
    def run(spec: str) -> list[int]:
        with Simulator(seed=3, links=5, faults=spec) as sim, http(sim, headers=bearer(sim)) as api:
            return [api.get(LINKS).status_code for _ in range(30)]

    plain = run("500=0.3,429=0.2")
    assert {200, 500, 429} <= set(plain)
    assert plain == run("500=0.3,429=0.2,bad-link=0.5,page-lie=0.5,bad-usage=0.5,foreign-usage=0.5")
