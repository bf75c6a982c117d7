"""`linkmanager create` as a person or a script runs it: in-process, against the simulator,
with an in-memory keyring and a throwaway --home."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from linkmanager.simulator import Simulator

CREATES = ("POST", "create_link")
CUSTOMER = "f47ac10b-58cc-4372-a567-0e02b2c3d479"


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(seed=4, links=10) as simulator:
        yield simulator


Run = Any  # tests/cli/conftest.py


@pytest.fixture
def run(run: Run, sim: Simulator, memory_keyring: Any) -> Run:
    """The shared runner (tests/cli/conftest.py) with a profile for the simulator."""
    code, _, err = run.add_profile(sim)
    assert code == 0, err
    return run


BASIC = ("create", "--amount", "1500.00", "--currency", "AED", "--reference", "INV-1042")


def test_create_prints_the_id_and_url_and_caches_the_link(run: Run, sim: Simulator) -> None:
    code, out, err = run(*BASIC, "--name", "Counter sale")
    assert code == 0, err
    first, url = out.strip().splitlines()
    link_id = first.split()[3].rstrip(":")
    assert first == f"Created payment link {link_id}: Counter sale, AED\u00a01,500.00, reference INV-1042."
    held = sim.state.get_link(link_id)
    assert held is not None
    assert url == held["link"]
    assert sim.requests[CREATES] == 1
    code, out, _ = run("links", "--json")  # offline read: the cache has it without a sync
    assert [link["id"] for link in json.loads(out)] == [link_id]


def test_create_with_every_option_as_json(run: Run, sim: Simulator) -> None:
    code, out, err = run(
        *BASIC, "--name", "April rent", "--max-usages", "3", "--expires-at", "2099-07-01T18:00+04:00",
        "--redirect-url", "https://shop.example.com/thanks", "--customer-id", CUSTOMER, "--purpose", "rnt",
        "--identifier", "EMAIL:Your email:required:limit=80", "--identifier", "text:Order: number", "--json",
    )  # fmt: skip
    assert code == 0, err
    link = json.loads(out)
    assert link["payment_details"] == {
        "reference": "INV-1042",
        "currency": "AED",
        "amount": "1500.00",  # a string: exact, safe for tools that read numbers as floats
        "payment_purpose": "RNT",
    }
    assert (link["name"], link["max_usages"], link["expires_at"]) == ("April rent", 3, "2099-07-01T14:00:00Z")
    assert (link["redirect_url"], link["customer_id"], link["status"]) == (
        "https://shop.example.com/thanks",
        CUSTOMER,
        "ACTIVE",
    )
    assert link["identifiers"] == [
        {"type": "EMAIL", "required": True, "display_label": "Your email", "limit": 80},
        {"type": "TEXT", "required": False, "display_label": "Order: number"},
    ]
    assert sim.state.get_link(link["id"]) is not None


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (("--amount", "12.345"), "--amount: AED amounts have at most 2 decimal places; 12.345 has 3."),
        (("--currency", "XYZ"), "--currency: Choose a currency"),
        (("--reference", ""), "--reference: Enter a reference"),
        (("--max-usages", "0"), "--max-usages: The usage limit must be a whole number of at least 1"),
        (("--expires-at", "2020-01-01T00:00Z"), "--expires-at: The expiry has passed"),
        (("--expires-at", "next week"), "--expires-at: Write the expiry as ISO-8601"),
        (("--redirect-url", "http://shop.example.com/"), "--redirect-url: The redirect URL must be"),
        (("--customer-id", "42"), "--customer-id: The customer ID must be a UUID"),
        (("--purpose", "XYZ"), "--purpose: The payment purpose must be one of Lean's codes"),
        (("--identifier", "FAX:Fax"), "--identifier #1: Ask for one of EMAIL, MOBILE_PHONE, TEXT"),
        (
            ("--identifier", "TEXT:Note:limit=300"),
            "--identifier #1: The character limit must be from 1 to 255.",
        ),
    ],
)
def test_invalid_input_is_one_sentence_and_sends_nothing(
    run: Run, sim: Simulator, extra: tuple[str, ...], words: str
) -> None:
    before = sum(sim.requests.values())
    code, out, err = run(*BASIC, *extra)
    assert code == 2
    assert out == ""
    assert err.startswith(f"linkmanager: Nothing was sent. {words}")
    assert err.count("\n") == 1
    assert sum(sim.requests.values()) == before  # not even a token


def test_each_identifier_is_named_by_its_place_on_the_command_line(run: Run, sim: Simulator) -> None:
    before = sum(sim.requests.values())
    code, _, err = run(*BASIC, "--identifier", "FAX:Fax", "--identifier", "TEXT:Note:limit=300")
    assert code == 2
    assert "--identifier #1: Ask for one of EMAIL, MOBILE_PHONE, TEXT" in err
    assert err.rstrip().endswith("(1 more: --identifier #2)")  # the second one, not the first again
    rows = ["TEXT:A", "TEXT:B:limit=0", *(f"TEXT:Field {i}" for i in range(8)), "TEXT:K:limit=300"]
    code, _, err = run(*BASIC, *(arg for row in rows for arg in ("--identifier", row)))
    assert "--identifier #2: The character limit must be from 1 to 255. (1 more: --identifier #11)" in err
    assert sum(sim.requests.values()) == before


def test_an_expiry_without_offset_is_read_in_the_local_zone_of_that_date(run: Run, london: None) -> None:
    # Whatever the offset is today, 18:00 on a summer day is 17:00 UTC and on a winter day 18:00.
    for day, utc in (("2099-07-15", "2099-07-15T17:00:00Z"), ("2099-01-15", "2099-01-15T18:00:00Z")):
        code, out, err = run(*BASIC, "--expires-at", f"{day}T18:00", "--json")
        assert code == 0, err
        assert json.loads(out)["expires_at"] == utc


def test_an_expiry_the_clocks_skip_is_refused(run: Run, sim: Simulator, london: None) -> None:
    code, _, err = run(*BASIC, "--expires-at", "2099-03-29T01:30")
    assert code == 2
    assert "--expires-at: 2099-03-29 01:30 does not exist in your time zone" in err
    assert sim.requests[CREATES] == 0


def test_several_problems_name_the_others(run: Run, sim: Simulator) -> None:
    code, _, err = run(*BASIC, "--amount", "0", "--customer-id", "x", "--max-usages", "-1")
    assert code == 2
    assert "--amount: The amount must be more than zero. (2 more: --max-usages, --customer-id)" in err
    assert sim.requests[CREATES] == 0


def test_a_server_side_refusal_is_shown_and_nothing_is_created(run: Run, sim: Simulator) -> None:
    before = sim.state.link_count()
    code, out, err = run(*BASIC, "--redirect-url", "https://unregistered.example.org/")
    assert code == 1
    assert out == ""
    assert "redirect_url is not registered for this application" in err
    assert "Nothing was created" in err
    assert sim.state.link_count() == before


def test_a_lost_answer_is_checked_before_the_command_answers(run: Run, sim: Simulator) -> None:
    sim.faults.queue("drop", method="POST")
    code, _, err = run(*BASIC)
    assert code == 1
    assert "looked for the link" in err
    assert "it was not created. It is safe to run the command again." in err
    assert "will look once more" not in err  # a command remembers nothing: it promises no later look
    code, _, err = run(*BASIC)
    assert code == 0, err
    assert sim.requests[CREATES] == 2
    assert (
        sum(
            link["payment_details"]["reference"] == "INV-1042"
            for link in sim.state.list_links(0, 100)["content"]
        )
        == 1
    )


def test_an_answer_lost_after_lean_created_the_link_ends_with_one_link(run: Run, sim: Simulator) -> None:
    sim.faults.queue("drop-after", method="POST")  # Lean stores the link; the connection drops
    code, out, err = run(*BASIC, "--json")
    assert code == 0, err
    assert sim.faults.applied == {"drop-after": 1}
    link = json.loads(out)
    assert "looked for the link" in err
    assert f"It was created once, as link {link['id']}." in err
    assert [held["id"] for held in sim.state.list_links(0, 100)["content"]
            if held["payment_details"]["reference"] == "INV-1042"] == [link["id"]]  # fmt: skip
    assert sim.requests[CREATES] == 1
    code, out, _ = run("links", "--json")  # in the cache, without a sync
    assert [cached["id"] for cached in json.loads(out)] == [link["id"]]


def test_when_looking_fails_the_command_promises_nothing_it_cannot_keep(run: Run, sim: Simulator) -> None:
    sim.faults.queue("drop-after", method="POST")  # Lean stores the link, the answer is lost...
    refused = b'{"status": "INVALID_PARAMETERS"}'
    sim.override_next("GET", "/payment-links/v1", 400, refused)  # ...and looking for it fails
    code, out, err = run(*BASIC)
    assert code == 1
    assert out == ""
    assert "may or may not exist" in err
    # The next run is a new process that remembers no attempt: it would send a second create.
    assert "nothing is sent until" not in err
    assert "Running create again sends a new request" in err
    assert "linkmanager sync" in err
    assert "linkmanager links --search INV-1042" in err
    assert len([link for link in sim.state.list_links(0, 100)["content"]
                if link["payment_details"]["reference"] == "INV-1042"]) == 1  # fmt: skip


def test_offline_exits_3_with_the_reason(run: Run, sim: Simulator) -> None:
    sim.stop()
    code, out, err = run(*BASIC)
    assert code == 3
    assert out == ""
    assert "Could not reach" in err
    assert "Nothing was created" in err
