"""Links and usages end to end against the simulator: paging, exact amounts, status updates."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from linkmanager.api import LeanClient, MethodNotAllowedError, NotFoundError, ServerError, UpdateNotConfirmed
from linkmanager.domain import LinkStatus, NewPaymentLink, Page, PaymentLink, Usage
from linkmanager.simulator import Simulator

Delta = Callable[[], dict[tuple[str, str], int]]


def test_list_links_walks_every_page_once(big_sim: Simulator, make_client: Callable[..., LeanClient]) -> None:
    before = big_sim.requests[("GET", "list_links")]
    pages: list[Page[PaymentLink]] = []
    links = make_client(big_sim).list_links(progress=pages.append)
    ids = [link.id for link in links]
    assert len(ids) == len(set(ids)) == 260
    assert set(ids) == set(big_sim.state.link_ids())
    assert [p.number for p in pages] == [0, 1, 2]
    assert [len(p.items) for p in pages] == [100, 100, 60]
    assert big_sim.requests[("GET", "list_links")] - before == 3


def test_single_page_and_cheap_count(big_sim: Simulator, make_client: Callable[..., LeanClient]) -> None:
    client = make_client(big_sim)
    probe = client.links_page(0, size=1)
    last = client.links_page(2)
    assert probe.total_elements == 260
    assert len(probe.items) == 1
    assert last.number == 2
    assert len(last.items) == 60
    assert last.is_last


@pytest.mark.parametrize(("page", "size"), [(-1, 10), (0, 0), (0, 101)])
def test_page_arguments_are_checked_before_sending(client: LeanClient, page: int, size: int) -> None:
    with pytest.raises(ValueError, match="page"):
        client.links_page(page, size)
    assert client.stats.requests == 0


def test_link_created_between_pages_is_not_lost_nor_doubled(
    start_sim: Callable[..., Simulator], make_client: Callable[..., LeanClient]
) -> None:
    sim = start_sim(links=250)
    created: list[str] = []

    def create_after_first_page(page: Page[PaymentLink]) -> None:
        if page.number == 0 and not created:
            body = {
                "payment_details": {"amount": Decimal("10.00"), "currency": "AED", "reference": "MID-WALK"}
            }
            created.append(sim.state.create_link(body)["id"])

    links = make_client(sim).list_links(progress=create_after_first_page)
    ids = [link.id for link in links]
    assert created[0] in ids
    assert len(ids) == len(set(ids)) == 251
    # Three pages, then page 0 once more to pick up what slipped above the pages already read.
    assert sim.requests[("GET", "list_links")] == 4


def test_usages_are_walked_across_pages(sim: Simulator, client: LeanClient) -> None:
    link_id = sim.state.link_ids(status="ACTIVE")[0]
    for i in range(130):
        identifiers = [{"type": "EMAIL", "display_label": "Email", "value": f"p{i}@example.ae"}]
        sim.state.add_usage(link_id, status="FAILED", identifiers=identifiers)
    total = client.usages_page(link_id, 0, size=1).total_elements
    usages = client.list_usages(link_id)
    assert total >= 130
    assert len(usages) == len({u.usage_id for u in usages}) == total
    assert all(isinstance(u, Usage) and u.payment_link_id == link_id for u in usages)
    assert client.get_usage(link_id, usages[-1].usage_id) == usages[-1]


def test_create_keeps_amounts_exact(
    sim: Simulator, client: LeanClient, new_link: Callable[..., NewPaymentLink]
) -> None:
    aed = client.create_link(new_link("1500.10", "AED", "RENT-APR"))
    kwd = client.create_link(new_link("12.345", "KWD", "FEE-KW"))
    assert aed.amount.amount == Decimal("1500.10")
    assert str(aed.amount.amount) == "1500.10"
    assert str(kwd.amount.amount) == "12.345"
    assert kwd.amount.currency == "KWD"
    again = client.get_link(aed.id)
    assert str(again.amount.amount) == "1500.10"
    assert again.reference == "RENT-APR"
    assert again.status == LinkStatus.ACTIVE
    assert sim.state.get_link(kwd.id) is not None


def test_status_update_uses_patch_and_rereads(
    sim: Simulator, client: LeanClient, requests_delta: Delta
) -> None:
    link_id = sim.state.link_ids(status="ACTIVE")[0]
    link = client.set_status(link_id, LinkStatus.DISABLED)
    assert link.status == LinkStatus.DISABLED
    assert link.id == link_id
    assert requests_delta() == {("POST", "token"): 1, ("PATCH", "update_link"): 1, ("GET", "get_link"): 1}
    assert client.update_method == "PATCH"


def test_put_fallback_after_405_is_remembered(
    sim: Simulator, client: LeanClient, requests_delta: Delta
) -> None:
    sim.patch_allowed = False
    link_id = sim.state.link_ids(status="ACTIVE")[0]
    assert client.set_status(link_id, LinkStatus.DISABLED).status == LinkStatus.DISABLED
    assert client.update_method == "PUT"
    assert client.set_status(link_id, LinkStatus.ACTIVE).status == LinkStatus.ACTIVE
    delta = requests_delta()
    assert delta[("PATCH", "update_link")] == 1  # the second update went straight to PUT
    assert delta[("PUT", "update_link")] == 2
    assert delta[("GET", "get_link")] == 2


def test_put_is_not_remembered_when_it_failed_too(
    sim: Simulator, client: LeanClient, requests_delta: Delta
) -> None:
    sim.patch_allowed = False
    link_id = sim.state.link_ids(status="ACTIVE")[0]
    refusal = b'{"status":"INVALID_HTTP_METHOD","message":"not here"}'
    sim.override_next("PUT", f"/payment-links/v1/{link_id}", 405, refusal)
    with pytest.raises(MethodNotAllowedError):
        client.set_status(link_id, LinkStatus.DISABLED)
    assert client.update_method == "PATCH"  # neither verb worked: nothing learned
    assert requests_delta() == {("POST", "token"): 1, ("PATCH", "update_link"): 1, ("PUT", "update_link"): 1}
    sim.patch_allowed = True
    assert client.set_status(link_id, LinkStatus.DISABLED).status == LinkStatus.DISABLED
    assert requests_delta()[("PATCH", "update_link")] == 2


def test_an_update_whose_reread_fails_is_accepted_but_not_confirmed(
    sim: Simulator, client: LeanClient, requests_delta: Delta
) -> None:
    link_id = sim.state.link_ids(status="ACTIVE")[0]
    failure = b'{"status":"INTERNAL_SERVER_ERROR","message":"try later"}'
    sim.override_next("GET", f"/payment-links/v1/{link_id}", 500, failure, count=10)
    with pytest.raises(UpdateNotConfirmed) as info:
        client.set_status(link_id, LinkStatus.DISABLED)
    assert (info.value.link_id, info.value.status) == (link_id, "DISABLED")
    assert isinstance(info.value.cause, ServerError)
    assert info.value.__cause__ is info.value.cause
    assert "Lean accepted the change to DISABLED" in str(info.value)
    assert requests_delta()[("PATCH", "update_link")] == 1
    link = sim.state.get_link(link_id)
    assert link is not None
    assert link["status"] == "DISABLED"  # the change happened; only its confirmation is missing


def test_hostile_ids_cannot_change_the_path(client: LeanClient, requests_delta: Delta) -> None:
    for hostile in ("../../oauth2/token", "?page=0", "x/usages", ".."):
        with pytest.raises(NotFoundError):
            client.get_link(hostile)
    delta = requests_delta()
    assert delta[("GET", "get_link")] == 4
    assert ("GET", "list_links") not in delta
    assert ("GET", "list_usages") not in delta


def test_request_counter_matches_the_server(sim: Simulator, client: LeanClient) -> None:
    before = sum(sim.requests.values())
    client.list_links()
    client.get_link(sim.state.link_ids()[0])
    assert client.stats.requests == sum(sim.requests.values()) - before == 3
    assert client.stats.tokens_fetched == 1
    assert client.stats.retries == 0
