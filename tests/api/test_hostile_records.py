"""Records with values no real answer holds, over the wire: refused one by one, never a crash.

The stub in hostile_server.py serves a links page whose records 1 to 4 are each broken in one
way (a count past any real one, an amount of 1e308, a javascript: payment page, no id) between
two good ones. Read leniently, the page keeps the good records and names the bad; read strictly,
it is malformed. Dates that overflow when converted to UTC are malformed too, not OverflowError.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from linkmanager.api import LeanSchemaError
from linkmanager.api.wire import RAW_RECORD_CHARS

from .hostile_server import Clients, HostileServer, answer, link_record, links_page

BROKEN: list[tuple[dict[str, Any], str | None, str]] = [
    # (the changes to a good record, the id it is known by, the field its problem names)
    ({"current_usages": 10**23}, "link-0001", "current_usages"),
    ({"payment_details": {"amount": 1e308, "currency": "AED", "reference": "INV-2"}}, "link-0002", "amount"),
    ({"link": "javascript:alert(1)"}, "link-0003", "link"),
    ({"id": None, "name": "x" * 5000}, None, "id"),  # the long name: the raw copy stays bounded
]


@pytest.fixture
def connect(server: HostileServer) -> Iterator[Clients]:
    clients = Clients(server, deadline=10.0, timeout=httpx.Timeout(5.0), random=lambda: 0.5)
    yield clients
    clients.close()


def hostile_page() -> dict[str, Any]:
    records = [link_record(0)]
    records += [link_record(n, **changes) for n, (changes, _, _) in enumerate(BROKEN, start=1)]
    records.append(link_record(5))
    return links_page(records)


def test_a_lenient_page_keeps_the_good_records_and_names_the_bad(
    server: HostileServer, connect: Clients
) -> None:
    server.behave(answer(200, hostile_page()))
    page = connect().links_page(0, lenient=True)
    assert [link.id for link in page.items] == ["link-0000", "link-0005"]
    assert [r.index for r in page.rejected] == [1, 2, 3, 4]
    for rejected, (_, record_id, field) in zip(page.rejected, BROKEN, strict=True):
        assert rejected.record_id == record_id
        assert field in rejected.problem, rejected.problem
        assert len(rejected.problem) <= 300
        assert 0 < len(rejected.raw) <= RAW_RECORD_CHARS
    assert "javascript:alert(1)" in page.rejected[2].raw  # kept for inspection, never as a link
    # Each problem names the record's place and the field (the words are wire.py's to choose).
    assert page.rejected[0].problem.startswith("content[1].current_usages: 1000000000000000000")
    assert page.rejected[1].problem.startswith("content[2].payment_details.amount: 1E+308")
    assert page.rejected[2].problem.startswith("content[3].link: ")
    assert page.rejected[3].problem.startswith("content[4].id: ")
    assert page.rejected[3].raw.startswith("{")  # the record as sent, cut
    assert len(page.rejected[3].raw) == RAW_RECORD_CHARS


def test_a_strict_page_with_a_bad_record_is_malformed(server: HostileServer, connect: Clients) -> None:
    server.behave(answer(200, hostile_page()))
    with pytest.raises(LeanSchemaError) as info:
        connect().links_page(0)
    assert info.value.field == "content[1].current_usages"  # the first bad record fails the page
    assert info.value.context == "links page 0"


EXPIRY_9999 = "9999-12-31T23:00:00-05:00"  # a valid ISO time whose UTC is past year 9999


def test_an_expiry_that_overflows_in_utc_is_malformed_not_an_overflow(
    server: HostileServer, connect: Clients
) -> None:
    server.behave(answer(200, link_record(8, expires_at=EXPIRY_9999)))
    with pytest.raises(LeanSchemaError) as info:
        connect().get_link("link-0008")
    assert info.value.field == "expires_at"
    assert EXPIRY_9999 in info.value.problem


def test_a_lenient_page_sets_aside_an_expiry_that_overflows(server: HostileServer, connect: Clients) -> None:
    records = [link_record(0), link_record(1, expires_at=EXPIRY_9999), link_record(2)]
    server.behave(answer(200, links_page(records)))
    page = connect().links_page(0, lenient=True)
    assert [link.id for link in page.items] == ["link-0000", "link-0002"]
    [rejected] = page.rejected
    assert (rejected.index, rejected.record_id) == (1, "link-0001")
    assert rejected.problem.startswith("content[1].expires_at: ")
    assert EXPIRY_9999 in rejected.problem
    assert json.loads(rejected.raw)["expires_at"] == EXPIRY_9999
