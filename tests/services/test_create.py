"""Creating links against the simulator over loopback: checked first, sent once, never twice."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from linkmanager.api import ApiEndpoints, Credentials, LeanClient
from linkmanager.api.retry import RetryPolicy
from linkmanager.domain.link_draft import DraftError, IdentifierDraft, LinkDraft, duplicate_of
from linkmanager.domain.models import IdentifierConfig, utc_now
from linkmanager.domain.money import Money
from linkmanager.domain.status import IdentifierType, LinkStatus
from linkmanager.services.create import (
    CheckOutcome,
    CreateRefused,
    CreateUncertain,
    LinkCreator,
    field_in_message,
)
from linkmanager.services.sync import SyncEngine
from linkmanager.simulator import Simulator
from linkmanager.storage.cache import LinkCache

CUSTOMER = "f47ac10b-58cc-4372-a567-0e02b2c3d479"
DESTINATION = "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d"
FAST_RETRIES = RetryPolicy(attempts=2, base_delay=0.01, max_delay=0.02, max_retry_after=0.02)
CREATES = ("POST", "create_link")


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(seed=9, links=30) as simulator:
        yield simulator


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[LinkCache]:
    with LinkCache.open(tmp_path / "cache.sqlite3") as opened:
        yield opened


class Clients:
    """A client factory that counts how often it was asked (the keyring and network are behind it)."""

    def __init__(self, sim: Simulator, **options: Any) -> None:
        options.setdefault("timeout", httpx.Timeout(10.0, connect=2.0))
        options.setdefault("retry", FAST_RETRIES)
        self.made: list[LeanClient] = []
        endpoints = ApiEndpoints(sim.api_url, sim.token_url)  # a stopped simulator forgets its address
        self._make = lambda: LeanClient(endpoints, Credentials(sim.client_id, sim.client_secret), **options)

    def __call__(self) -> LeanClient:
        self.made.append(self._make())
        return self.made[-1]

    def close(self) -> None:
        for client in self.made:
            client.close()


@pytest.fixture
def clients(sim: Simulator) -> Iterator[Clients]:
    made = Clients(sim)
    yield made
    made.close()


@pytest.fixture
def creator(cache: LinkCache, clients: Clients) -> LinkCreator:
    return LinkCreator(cache, clients)


def draft(**fields: Any) -> LinkDraft:
    return replace(LinkDraft(amount="1500.00", currency="AED", reference="INV-1042"), **fields)


def server_links(sim: Simulator, reference: str) -> list[dict[str, Any]]:
    every = sim.state.list_links(0, 100)["content"]
    return [link for link in every if link["payment_details"]["reference"] == reference]


def test_valid_creation_with_every_field(sim: Simulator, cache: LinkCache, creator: LinkCreator) -> None:
    expiry = (utc_now() + timedelta(days=30)).replace(second=0, microsecond=0)
    full = draft(
        amount="2,500.5",
        name="April rent",
        payment_purpose="RNT",
        destination_id=DESTINATION,
        expires_at=expiry,
        max_usages="3",
        redirect_url="https://shop.example.com/thanks?order=42",
        customer_id=CUSTOMER,
        identifiers=(IdentifierDraft("EMAIL", "Your email", True, 80), IdentifierDraft("TEXT", "Order")),
    )
    result = creator.create(full)
    link = result.link
    assert not result.recovered
    assert result.note == ""
    assert sim.requests[CREATES] == 1
    assert link.status == LinkStatus.ACTIVE
    assert link.amount == Money(Decimal("2500.50"), "AED")
    assert (link.name, link.reference, link.max_usages, link.expires_at) == (
        "April rent",
        "INV-1042",
        3,
        expiry,
    )
    assert link.payment_details.payment_purpose == "RNT"
    assert link.payment_details.destination_id == DESTINATION
    assert (link.redirect_url, link.customer_id) == ("https://shop.example.com/thanks?order=42", CUSTOMER)
    assert link.identifiers == (
        IdentifierConfig(IdentifierType.EMAIL, "Your email", True, 80),
        IdentifierConfig(IdentifierType.TEXT, "Order", False, None),
    )
    stored = cache.link(link.id)
    assert stored is not None
    assert stored.link == link
    assert sim.state.get_link(link.id) is not None


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"amount": "12.345"}, "amount"),
        ({"amount": "0"}, "amount"),
        ({"currency": "XYZ"}, "currency"),
        ({"reference": " "}, "reference"),
        ({"redirect_url": "http://shop.example.com/"}, "redirect_url"),
        ({"expires_at": utc_now() - timedelta(minutes=5)}, "expires_at"),
        ({"max_usages": "0"}, "max_usages"),
        ({"customer_id": "customer-42"}, "customer_id"),
        ({"destination_id": "acct-1"}, "destination_id"),
        ({"payment_purpose": "XYZ"}, "payment_purpose"),
        ({"identifiers": (IdentifierDraft("FAX"),)}, "identifiers[0].type"),
        ({"identifiers": (IdentifierDraft("TEXT", "Note", False, 256),)}, "identifiers[0].limit"),
    ],
)
def test_each_invalid_field_is_refused_before_any_request(
    sim: Simulator, creator: LinkCreator, clients: Clients, fields: dict[str, Any], field: str
) -> None:
    with pytest.raises(DraftError) as caught:
        creator.create(draft(**fields))
    assert list(caught.value.errors) == [field]
    assert clients.made == []  # not even a token was asked for
    assert sum(sim.requests.values()) == 0


def test_a_server_side_refusal_names_the_field_and_creates_nothing(
    sim: Simulator, cache: LinkCache, creator: LinkCreator
) -> None:
    before = sim.state.link_count()
    with pytest.raises(CreateRefused) as caught:
        creator.create(draft(redirect_url="https://elsewhere.example.org/back"))
    assert caught.value.field == "redirect_url"
    assert caught.value.lean_status == "INVALID_PARAMETERS"
    assert "redirect_url is not registered" in str(caught.value)
    assert "Nothing was created" in str(caught.value)
    assert not caught.value.unreachable
    assert sim.state.link_count() == before
    assert cache.is_empty()


def test_a_timeout_after_lean_created_the_link_ends_with_one_link(sim: Simulator, cache: LinkCache) -> None:
    # The simulator stores the link, then holds its answer well past the client's read timeout.
    sim.faults.queue("slow-after:10000", method="POST")
    impatient = Clients(sim, timeout=httpx.Timeout(10.0, connect=2.0, read=1.0))
    try:
        result = LinkCreator(cache, impatient).create(draft(name="Held"))
    finally:
        impatient.close()
    assert sim.faults.applied == {"slow-after": 1}
    assert result.recovered
    assert "lost" in result.note
    assert f"created once, as link {result.link.id}" in result.note
    assert [link["id"] for link in server_links(sim, "INV-1042")] == [result.link.id]
    assert sim.requests[CREATES] == 1
    assert cache.link(result.link.id) is not None


@pytest.mark.parametrize("fault", ["drop-after", "500-after", "502-after", "504-after"])
def test_an_answer_lost_after_lean_created_the_link_finds_it(
    sim: Simulator, cache: LinkCache, creator: LinkCreator, fault: str
) -> None:
    sim.faults.queue(fault, method="POST")  # stored by Lean; then the connection drops, or a 5xx
    result = creator.create(draft())
    assert sim.faults.applied == {fault: 1}
    assert result.recovered
    assert [link["id"] for link in server_links(sim, "INV-1042")] == [result.link.id]
    assert sim.requests[CREATES] == 1
    assert cache.link(result.link.id) is not None
    assert not creator.pending_check(draft())


def test_a_lost_request_is_reported_not_created_and_trying_again_looks_first(
    sim: Simulator, creator: LinkCreator
) -> None:
    sim.faults.queue("drop", method="POST")  # the connection breaks before Lean handles it
    with pytest.raises(CreateUncertain) as caught:
        creator.create(draft())
    assert caught.value.check.outcome is CheckOutcome.ABSENT
    assert "it was not created. It is safe to try again" in str(caught.value)
    assert server_links(sim, "INV-1042") == []
    assert creator.pending_check(draft())

    lists_before = sim.requests[("GET", "list_links")]
    result = creator.create(draft())
    assert sim.requests[("GET", "list_links")] > lists_before  # looked again before sending
    assert not result.recovered
    assert [link["id"] for link in server_links(sim, "INV-1042")] == [result.link.id]
    assert sim.requests[CREATES] == 2
    assert not creator.pending_check(draft())


def test_trying_again_finds_a_link_lean_stored_late_and_sends_nothing(
    sim: Simulator, creator: LinkCreator
) -> None:
    sim.faults.queue("drop", method="POST")
    with pytest.raises(CreateUncertain):
        creator.create(draft())
    late = sim.state.create_link(
        {"payment_details": {"amount": Decimal("1500.00"), "currency": "AED", "reference": "INV-1042"}}
    )
    result = creator.create(draft())
    assert result.recovered
    assert result.link.id == late["id"]
    assert "earlier attempt had created it" in result.note
    assert sim.requests[CREATES] == 1


def test_when_looking_fails_nothing_is_sent_until_a_look_succeeds(
    sim: Simulator, creator: LinkCreator
) -> None:
    sim.faults.queue("drop", method="POST")
    sim.faults.queue("503", count=2, method="GET", path_prefix="/payment-links/v1")
    with pytest.raises(CreateUncertain) as caught:
        creator.create(draft())
    assert caught.value.check.outcome is CheckOutcome.UNCHECKED
    assert "may or may not exist" in str(caught.value)

    sim.faults.queue("503", count=2, method="GET", path_prefix="/payment-links/v1")
    with pytest.raises(CreateUncertain):
        creator.create(draft())
    assert sim.requests[CREATES] == 1  # still only the first attempt

    result = creator.create(draft())
    assert sim.requests[CREATES] == 2
    assert len(server_links(sim, "INV-1042")) == 1
    assert result.link.reference == "INV-1042"


def test_an_identical_link_already_cached_is_not_mistaken_for_the_new_one(
    sim: Simulator, cache: LinkCache, clients: Clients
) -> None:
    body = {"payment_details": {"amount": Decimal("1500.00"), "currency": "AED", "reference": "INV-1042"}}
    old = sim.state.create_link(body)
    SyncEngine(clients(), cache).run()
    sim.faults.queue("drop-after", method="POST")
    result = LinkCreator(cache, clients).create(draft())
    assert result.recovered
    assert result.link.id != old["id"]
    assert len(server_links(sim, "INV-1042")) == 2


def test_an_identical_link_lean_holds_but_the_cache_never_saw_makes_the_answer_uncertain(
    sim: Simulator, creator: LinkCreator
) -> None:
    body = {"payment_details": {"amount": Decimal("1500.00"), "currency": "AED", "reference": "INV-1042"}}
    sim.state.create_link(body)
    sim.faults.queue("drop-after", method="POST")
    with pytest.raises(CreateUncertain) as caught:
        creator.create(draft())
    assert caught.value.check.outcome is CheckOutcome.AMBIGUOUS
    assert "2 new links that match" in str(caught.value)
    with pytest.raises(CreateUncertain):
        creator.create(draft())  # trying again still sends nothing
    assert sim.requests[CREATES] == 1


def test_offline_is_refused_with_the_reason(sim: Simulator, creator: LinkCreator) -> None:
    sim.stop()
    with pytest.raises(CreateRefused) as caught:
        creator.create(draft())
    assert caught.value.unreachable
    assert "Could not reach" in str(caught.value)
    assert "Nothing was created" in str(caught.value)


def test_the_same_link_cannot_be_sent_twice_at_once(sim: Simulator, creator: LinkCreator) -> None:
    sim.faults.queue("slow-after:1500", method="POST")  # the first answer is on its way for a while
    outcome: list[object] = []
    first = threading.Thread(target=lambda: outcome.append(creator.create(draft())))
    first.start()
    try:
        deadline = time.monotonic() + 30
        while sim.requests[CREATES] == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert sim.requests[CREATES] == 1  # the first request has reached Lean
        with pytest.raises(CreateRefused, match="already being sent"):
            creator.create(draft())
    finally:
        first.join(30)
    assert len(outcome) == 1
    assert sim.requests[CREATES] == 1
    assert len(server_links(sim, "INV-1042")) == 1


def test_duplicate_of_a_used_link(sim: Simulator, cache: LinkCache, clients: Clients) -> None:
    used_id = sim.state.link_ids(status="USED")[0]
    used = clients().get_link(used_id)
    copy = duplicate_of(used, utc_now())
    new = LinkCreator(cache, clients).create(copy).link
    assert new.id != used.id
    assert new.status == LinkStatus.ACTIVE
    assert new.current_usages == 0
    assert new.name == f"{used.display_name} (copy)"
    assert new.payment_details == used.payment_details
    assert (new.identifiers, new.redirect_url, new.customer_id) == (
        used.identifiers,
        used.redirect_url,
        used.customer_id,
    )
    assert new.max_usages == (used.max_usages or 1000)
    if used.expires_at is None or used.expires_at <= utc_now():
        assert new.expires_at is None
    assert cache.link(new.id) is not None


def test_an_unreadable_created_answer_is_checked_like_a_lost_one(
    sim: Simulator, creator: LinkCreator
) -> None:
    sim.override_next("POST", "/payment-links/v1", 201, b"<html>created</html>")  # the handler never runs
    with pytest.raises(CreateUncertain) as caught:
        creator.create(draft())
    assert caught.value.check.outcome is CheckOutcome.ABSENT
    assert creator.pending_check(draft())


@pytest.mark.parametrize(
    ("message", "field"),
    [
        ("payment_details.amount has more decimal places than AED allows (2)", "amount"),
        ("payment_details.currency must be an ISO 4217 code", "currency"),
        ("identifiers[1].limit must be an integer from 1 to 255", "identifiers[1].limit"),
        ("identifiers[0] must be an object", "identifiers[0].type"),
        ("redirect_url is not registered for this application", "redirect_url"),
        ("expires_at must be in the future", "expires_at"),
        ("name must be a string", "name"),
        ("the request body must be a JSON object", None),
        ("Something went wrong", None),
    ],
)
def test_leans_words_are_attributed_to_the_field_they_name(message: str, field: str | None) -> None:
    assert field_in_message(message) == field


def test_a_corrected_request_for_the_same_reference_settles_the_earlier_one_first(
    sim: Simulator, cache: LinkCache, creator: LinkCreator
) -> None:
    """The answer was lost and the look failed; the person then corrects the amount and tries
    again. The earlier attempt did create a link: it is found and named, nothing new is sent;
    only a deliberate second try makes a second link."""
    sim.faults.queue("drop-after", method="POST")  # stored at Lean, the answer lost
    sim.faults.queue("503", count=2, method="GET", path_prefix="/payment-links/v1")  # the look fails
    with pytest.raises(CreateUncertain):
        creator.create(draft())
    assert len(server_links(sim, "INV-1042")) == 1

    with pytest.raises(CreateRefused) as caught:
        creator.create(draft(amount="1450.00"))
    earlier = server_links(sim, "INV-1042")[0]
    assert earlier["id"] in str(caught.value)
    assert "AED" in str(caught.value)
    assert "Nothing new was sent" in str(caught.value)
    assert sim.requests[CREATES] == 1
    assert cache.link(earlier["id"]) is not None  # the earlier link is cached now

    result = creator.create(draft(amount="1450.00"))  # asked again, knowing: a second link
    assert sim.requests[CREATES] == 2
    assert result.link.amount.amount == Decimal("1450.00")


def test_a_corrected_request_is_sent_once_the_earlier_attempt_proves_absent(
    sim: Simulator, creator: LinkCreator
) -> None:
    sim.faults.queue("drop", method="POST")  # never reached Lean
    sim.faults.queue("503", count=2, method="GET", path_prefix="/payment-links/v1")
    with pytest.raises(CreateUncertain):
        creator.create(draft())
    result = creator.create(draft(amount="1450.00"))
    assert sim.requests[CREATES] == 2
    assert [link["id"] for link in server_links(sim, "INV-1042")] == [result.link.id]


def test_a_corrected_request_waits_while_the_earlier_one_cannot_be_checked(
    sim: Simulator, creator: LinkCreator
) -> None:
    sim.faults.queue("drop-after", method="POST")
    sim.faults.queue("503", count=2, method="GET", path_prefix="/payment-links/v1")
    with pytest.raises(CreateUncertain):
        creator.create(draft())
    sim.faults.queue("503", count=2, method="GET", path_prefix="/payment-links/v1")
    with pytest.raises(CreateUncertain) as caught:
        creator.create(draft(amount="1450.00"))
    assert "still unsettled" in str(caught.value)
    assert sim.requests[CREATES] == 1
