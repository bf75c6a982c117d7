"""`linkmanager sync` as a nightly job sees it: exit 0 all fresh, 4 finished with problems (each
named), 3 Lean unreachable, 1 could not run; `--json` says complete and lists the problems.

One simulator serves both homes of a comparison: a fault-free sync in one, a faulty one in the
other, so that the only difference between them is the faults (two simulators started a second
apart date their seeded expiries a second apart).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from linkmanager.simulator import FaultSpec, Simulator

Run = Any
MemoryKeyring = Any


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(seed=7, links=60) as simulator:
        yield simulator


def cached(run: Run) -> dict[str, Any]:
    """Every link and its usages in the home's cache, as `links --json` and `usages --json` print them."""
    code, out, err = run("links", "--json")
    assert code == 0, err
    everything = {}
    for link in json.loads(out):
        code, usages, err = run("usages", link["id"], "--json")
        assert code == 0, err
        link.pop("confirmed_at")  # when this cache heard it: differs between homes by design
        everything[link["id"]] = (link, json.loads(usages))
    return everything


def sync_clean_then_faulty(
    run_in: Callable[[str], Run], sim: Simulator, faults: str
) -> tuple[Run, Run, int, str, str]:
    """A fault-free sync in one home, then `sync --json` in another under `faults` (cleared after)."""
    clean, faulty = run_in("clean"), run_in("faulty")
    clean.add_profile(sim)
    assert clean("sync")[0] == 0
    faulty.add_profile(sim)
    sim.faults.spec = FaultSpec.parse(faults)
    try:
        code, out, err = faulty("sync", "--json")
    finally:
        sim.faults.spec = FaultSpec()
    return clean, faulty, code, out, err


def test_a_faulty_lean_that_answers_in_the_end_syncs_exactly_and_exits_0(
    run_in: Callable[[str], Run], sim: Simulator, memory_keyring: MemoryKeyring
) -> None:
    clean, faulty, code, out, err = sync_clean_then_faulty(
        run_in, sim, "429=0.1:1,500=0.05,503=0.05,drop=0.05,token:503=0.2"
    )
    assert code == 0, err
    report = json.loads(out)
    assert report["complete"] is True
    assert report["problems"] == []
    assert sum(sim.faults.applied.values()) > 0
    assert cached(faulty) == cached(clean)


def test_bad_records_cost_their_links_exit_4_and_every_other_link_is_exact(
    run_in: Callable[[str], Run], sim: Simulator, memory_keyring: MemoryKeyring
) -> None:
    clean, faulty, code, out, err = sync_clean_then_faulty(run_in, sim, "bad-usage=0.02,foreign-usage=0.02")
    assert code == 4
    report = json.loads(out)
    assert report["completed"] is True
    assert report["complete"] is False
    problems = report["problems"]
    assert problems
    assert all(set(p) == {"link_id", "what", "detail"} for p in problems)
    assert {p["what"] for p in problems} <= {"usages-malformed", "usages-inconsistent"}
    bad = {p["link_id"] for p in problems}
    assert "Finished with problems" in err
    assert all(link_id in err for link_id in bad)  # each named on stderr, for the log of a cron job
    expected, got = cached(clean), cached(faulty)
    assert got.keys() == expected.keys()  # every link cached
    for link_id, (link, usages) in expected.items():
        assert got[link_id][0] == link
        assert got[link_id][1] == ([] if link_id in bad else usages)
    # The next sync reads the problem links again; with Lean answering well, all is fresh.
    code, out, err = faulty("sync", "--json")
    assert code == 0, err
    assert json.loads(out)["complete"] is True
    assert cached(faulty) == expected


def test_a_listing_record_without_an_id_is_a_problem_with_a_null_link(
    run: Run, sim: Simulator, memory_keyring: MemoryKeyring
) -> None:
    run.add_profile(sim)
    sim.faults.queue("bad-link:id-null", path_prefix="/payment-links/v1?")
    code, out, err = run("sync", "--json")
    assert code == 4
    (problem,) = json.loads(out)["problems"]
    assert problem["link_id"] is None
    assert problem["what"] == "link-malformed"
    assert "(listing)" in err
    assert "part of the list of links could not be read" in err


def test_a_hostile_link_name_in_a_problem_is_escaped_on_the_terminal(
    run: Run, sim: Simulator, memory_keyring: MemoryKeyring
) -> None:
    run.add_profile(sim)
    link_id = sim.state.link_ids(status="ACTIVE")[0]
    sim.faults.queue("bad-usage:identifiers-text", path_prefix=f"/payment-links/v1/{link_id}/usages")
    sim.state.add_usage(
        link_id,
        status="FAILED",
        identifiers=[{"type": "TEXT", "display_label": "N", "value": "\u202e\x1b[2J"}],
    )
    code, _, err = run("sync")
    assert code == 4
    assert "\x1b" not in err
    assert "\u202e" not in err
