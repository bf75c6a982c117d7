"""Injected failures: the spec parser, one-shot queues, canned answers, random faults, latency."""

from __future__ import annotations

import time

import httpx
import pytest

from linkmanager.simulator import FaultSpec, FaultSpecError, Simulator

from .conftest import LINKS, bearer, grant, http, new_link_body


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("", ""),
        ("429=0.05:2,503=0.02,drop=0.01,slow=0.1:1500", "429=0.05:2,503=0.02,drop=0.01,slow=0.1:1500"),
        (" 500=0.5 , 502=0.25,", "500=0.5,502=0.25"),
        ("429=1", "429=1:1"),
        ("slow=1", "slow=1:1000"),
        ("504=0,drop=1", "504=0,drop=1"),
        ("token:503=0.2", "token:503=0.2"),
        ("503=0.1, token:503=0.2,token:429=0.3:4", "503=0.1,token:503=0.2,token:429=0.3:4"),
        ("api:503=0.5", "503=0.5"),
        ("500=0.6,token:500=0.6,token:slow=1:5", "500=0.6,token:500=0.6,token:slow=1:5"),
        ("create:drop-after=0.3", "create:drop-after=0.3"),
        ("slow-after=1", "slow-after=1:1000"),
        ("create:slow-after=0.5:3000,504-after=0.1", "create:slow-after=0.5:3000,504-after=0.1"),
        (
            "503=1,create:500-after=0.5,create:502-after=0.5",
            "503=1,create:500-after=0.5,create:502-after=0.5",
        ),
    ],
)
def test_fault_spec_parses(text: str, normal: str) -> None:
    spec = FaultSpec.parse(text)
    assert str(spec) == normal
    assert FaultSpec.parse(str(spec)) == spec


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("429", "kind=rate"),
        ("418=0.1", "unknown fault kind"),
        ("503=lots", "not a number"),
        ("503=1.5", "between 0 and 1"),
        ("503=-0.1", "between 0 and 1"),
        ("503=0.1:5", "takes no parameter"),
        ("slow=0.1:fast", "milliseconds"),
        ("429=0.1:-1", "Retry-After"),
        ("500=0.1,500=0.2", "twice"),
        ("500=0.6,503=0.6", "more than 1"),
        ("tokn:503=0.1", "unknown fault target"),
        ("token:418=0.1", "unknown fault kind"),
        ("token:500=0.1,token:500=0.2", "twice"),
        ("token:500=0.6,token:503=0.6", "more than 1"),
        ("drop-after=0.1:5", "takes no parameter"),
        ("503-after=0.1", "unknown fault kind"),
        ("create:drop-after=0.6,create:504-after=0.6", "more than 1"),
        ("create:slow-after=0.1:soon", "milliseconds"),
    ],
)
def test_fault_spec_refuses(text: str, words: str) -> None:
    with pytest.raises(FaultSpecError, match=words):
        FaultSpec.parse(text)


def test_fault_rules_know_their_target() -> None:
    spec = FaultSpec.parse("503=0.1,token:503=0.2")
    assert [(r.target, r.fault.kind, r.rate) for r in spec.rules] == [
        ("api", "503", 0.1),
        ("token", "503", 0.2),
    ]


def test_fault_spec_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown fault kind"):
        FaultSpec.parse("boom=1")


def test_queued_429_has_retry_after(sim: Simulator, client: httpx.Client) -> None:
    sim.faults.queue("429")
    sim.faults.queue("429:3")
    first, second, third = (client.get(LINKS) for _ in range(3))
    assert (first.status_code, first.headers["retry-after"]) == (429, "1")
    assert (second.status_code, second.headers["retry-after"]) == (429, "3")
    assert first.json()["status"] == "RATE_LIMIT_EXCEEDED"
    assert third.status_code == 200


@pytest.mark.parametrize(
    ("kind", "json_status"), [("500", "INTERNAL_SERVER_ERROR"), ("503", "SERVICE_UNAVAILABLE")]
)
def test_queued_json_server_errors(sim: Simulator, client: httpx.Client, kind: str, json_status: str) -> None:
    sim.faults.queue(kind)
    response = client.get(LINKS)
    assert response.status_code == int(kind)
    assert response.json()["status"] == json_status
    assert client.get(LINKS).status_code == 200


@pytest.mark.parametrize("kind", ["502", "504"])
def test_gateway_errors_are_html(sim: Simulator, client: httpx.Client, kind: str) -> None:
    sim.faults.queue(kind)
    response = client.get(LINKS)
    assert response.status_code == int(kind)
    assert response.headers["content-type"] == "text/html"
    assert response.text.startswith("<html>")


def test_drop_closes_without_answer(sim: Simulator, client: httpx.Client) -> None:
    sim.faults.queue("drop", count=2)
    for _ in range(2):
        with pytest.raises(httpx.TransportError):
            client.get(LINKS)
    assert client.get(LINKS).status_code == 200
    assert sim.requests[("GET", "list_links")] == 3


def test_slow_delays_then_answers(sim: Simulator, client: httpx.Client) -> None:
    sim.faults.queue("slow:300")
    started = time.perf_counter()
    assert client.get(LINKS).status_code == 200
    assert time.perf_counter() - started >= 0.3  # a lower bound: never flaky
    assert client.get(LINKS).status_code == 200
    assert sim.faults.applied == {"slow": 1}  # the one-shot hit exactly one request
    sim.faults.queue("slow:2000")
    with pytest.raises(httpx.ReadTimeout):
        client.get(LINKS, timeout=0.2)


def test_queue_aims_by_method_and_path(sim: Simulator, client: httpx.Client) -> None:
    link_id = sim.state.link_ids()[0]
    sim.faults.queue("503", method="GET", path_prefix=f"{LINKS}/{link_id}/usages")
    assert client.get(LINKS).status_code == 200
    assert client.get(f"{LINKS}/{link_id}").status_code == 200
    assert client.patch(f"{LINKS}/{link_id}/usages").status_code == 405
    assert client.get(f"{LINKS}/{link_id}/usages").status_code == 503
    assert client.get(f"{LINKS}/{link_id}/usages").status_code == 200


def test_unaimed_faults_spare_the_token_endpoint(sim: Simulator, client: httpx.Client) -> None:
    sim.faults.queue("500")
    assert grant(sim).status_code == 200
    assert client.get(LINKS).status_code == 500


def test_faults_can_aim_at_the_token_endpoint(sim: Simulator) -> None:
    sim.faults.queue("503", path_prefix="/oauth2/token")
    assert grant(sim).status_code == 503
    assert grant(sim).status_code == 200
    assert sim.requests[("POST", "token")] == 2


def test_queue_refuses_unknown_kinds(sim: Simulator) -> None:
    with pytest.raises(FaultSpecError):
        sim.faults.queue("418")
    with pytest.raises(ValueError, match="count"):
        sim.faults.queue("500", count=0)


def test_override_next_answers_raw_bytes(sim: Simulator, client: httpx.Client) -> None:
    sim.override_next("GET", LINKS, 200, b'{"content": "oops"', headers={"X-Test": "1"}, count=2)
    for _ in range(2):
        response = client.get(LINKS, params={"page": 0})
        assert response.status_code == 200
        assert response.content == b'{"content": "oops"'
        assert response.headers["x-test"] == "1"
        assert response.headers["content-type"] == "application/json"
    assert client.get(LINKS).json()["page"]["total_elements"] == 60


def test_override_matches_method_and_token_path(sim: Simulator, client: httpx.Client) -> None:
    sim.override_next("POST", "/oauth2/token", 200, b"{}", headers={"Content-Type": "text/plain"})
    sim.override_next("PUT", LINKS, 500, b"")
    assert client.get(LINKS).status_code == 200
    odd = grant(sim)
    assert (odd.status_code, odd.content, odd.headers["content-type"]) == (200, b"{}", "text/plain")
    assert client.put(f"{LINKS}/x", json={}).status_code == 500


def test_random_faults_follow_the_spec() -> None:
    with Simulator(links=5, faults="503=1") as sim, http(sim) as anon:
        assert grant(sim).status_code == 200  # the token endpoint is spared
        assert {anon.get(LINKS).status_code for _ in range(5)} == {503}


def test_token_faults_hit_the_token_endpoint_only() -> None:
    with Simulator(links=5, faults="token:503=1") as sim, http(sim) as anon:
        refused = [grant(sim) for _ in range(3)]
        assert {r.status_code for r in refused} == {503}
        assert refused[0].json()["status"] == "SERVICE_UNAVAILABLE"
        assert {anon.get(LINKS).status_code for _ in range(3)} == {401}  # the API is spared
        assert sim.faults.applied == {"503": 3}
        assert sim.requests[("POST", "token")] == 3


def test_token_and_api_faults_draw_apart() -> None:
    with Simulator(links=5, faults="token:drop=1,429=1") as sim, http(sim) as anon:
        with pytest.raises(httpx.TransportError):
            grant(sim)
        assert anon.get(LINKS).status_code == 429
        assert sim.faults.applied == {"drop": 1, "429": 1}


def test_random_faults_are_seeded() -> None:
    def run() -> list[int]:
        with Simulator(seed=3, links=5, faults=FaultSpec.parse("500=0.3,429=0.2")) as sim, http(sim) as anon:
            return [anon.get(LINKS).status_code for _ in range(40)]

    first = run()
    assert first == run()
    assert {500, 429, 401} <= set(first)


def test_latency_delays_every_request() -> None:
    with Simulator(links=1, latency_ms=150) as sim, http(sim) as anon:
        started = time.perf_counter()
        assert anon.get(LINKS).status_code == 401
        assert time.perf_counter() - started >= 0.15  # a lower bound: never flaky
        sim.latency_ms = 60_000  # reaches the running server...
        with pytest.raises(httpx.ReadTimeout):
            anon.get(LINKS, timeout=0.3)
        sim.latency_ms = 0  # ...and so does taking it away: else this would wait a minute
        assert anon.get(LINKS).status_code == 401
    with pytest.raises(ValueError, match="latency"):
        Simulator(links=0, latency_ms=-1)


def test_requests_are_counted_by_route(sim: Simulator, client: httpx.Client) -> None:
    link_id = sim.state.link_ids()[0]
    client.get(LINKS)
    client.get(f"{LINKS}/{link_id}")
    client.get(f"{LINKS}/{link_id}/usages")
    client.post(LINKS, json={})
    client.put(f"{LINKS}/{link_id}", json={"status": "DISABLED"})
    client.get("/nowhere")
    client.delete(LINKS)
    assert sim.requests == {
        ("POST", "token"): 1,
        ("GET", "list_links"): 1,
        ("GET", "get_link"): 1,
        ("GET", "list_usages"): 1,
        ("POST", "create_link"): 1,
        ("PUT", "update_link"): 1,
        ("GET", "other"): 1,
        ("DELETE", "other"): 1,
    }


# -- faults after the request was handled: the work is done, the answer is lost ------------------


def test_drop_after_stores_the_link_then_drops_the_answer(sim: Simulator, client: httpx.Client) -> None:
    before = sim.state.link_count()
    sim.faults.queue("drop", method="POST")  # before handling: nothing is stored
    with pytest.raises(httpx.TransportError):
        client.post(LINKS, json=new_link_body())
    assert sim.state.link_count() == before
    sim.faults.queue("drop-after", method="POST")
    with pytest.raises(httpx.RemoteProtocolError):
        client.post(LINKS, json=new_link_body())
    assert sim.state.link_count() == before + 1
    assert sim.faults.applied == {"drop": 1, "drop-after": 1}
    assert client.get(LINKS).json()["page"]["total_elements"] == before + 1  # the next request is served


def test_slow_after_holds_the_answer_of_a_stored_link(sim: Simulator, client: httpx.Client) -> None:
    before = sim.state.link_count()
    sim.faults.queue("slow-after:5000", method="POST")
    started = time.perf_counter()
    with pytest.raises(httpx.ReadTimeout):
        client.post(LINKS, json=new_link_body(), timeout=0.3)
    assert time.perf_counter() - started < 5  # the client gave up; the server still holds it
    assert sim.state.link_count() == before + 1
    sim.faults.queue("slow-after:200", method="POST")
    started = time.perf_counter()
    answer = client.post(LINKS, json=new_link_body())
    assert time.perf_counter() - started >= 0.2  # a lower bound: never flaky
    assert answer.status_code == 201
    assert answer.json()["id"] == sim.state.link_ids()[0]


@pytest.mark.parametrize(
    ("kind", "json_status"), [("500-after", "INTERNAL_SERVER_ERROR"), ("504-after", None)]
)
def test_error_after_handling_answers_the_error_but_keeps_the_link(
    sim: Simulator, client: httpx.Client, kind: str, json_status: str | None
) -> None:
    before = sim.state.link_count()
    sim.faults.queue(kind, method="POST")
    answer = client.post(LINKS, json=new_link_body())
    assert answer.status_code == int(kind.removesuffix("-after"))
    if json_status is None:
        assert answer.headers["content-type"] == "text/html"  # the gateway's page, as for 504
    else:
        assert answer.json()["status"] == json_status
    assert sim.state.link_count() == before + 1


def test_after_faults_answer_a_refused_create_as_refused_work(sim: Simulator, client: httpx.Client) -> None:
    """The handler runs for real: a body Lean refuses stores nothing, whatever the fault does next."""
    before = sim.state.link_count()
    sim.faults.queue("drop-after", method="POST")
    with pytest.raises(httpx.RemoteProtocolError):
        client.post(LINKS, json={"payment_details": {"reference": "X", "currency": "AED", "amount": 0}})
    assert sim.state.link_count() == before


def test_create_rules_hit_creates_only() -> None:
    with Simulator(links=3, faults="create:drop-after=1") as sim, http(sim, headers=bearer(sim)) as api:
        assert api.get(LINKS).status_code == 200
        link_id = sim.state.link_ids()[0]
        assert api.put(f"{LINKS}/{link_id}", json={"status": "DISABLED"}).status_code == 200
        for _ in range(2):
            with pytest.raises(httpx.RemoteProtocolError):
                api.post(LINKS, json=new_link_body())
        assert sim.state.link_count() == 5  # both were stored
        assert sim.faults.applied == {"drop-after": 2}


def test_api_rules_come_before_create_rules() -> None:
    with (
        Simulator(links=3, faults="503=1,create:drop-after=1") as sim,
        http(sim, headers=bearer(sim)) as api,
    ):
        refused = api.post(LINKS, json=new_link_body())
        assert refused.status_code == 503  # refused before handling: the create rule is not drawn
        assert sim.state.link_count() == 3
        assert sim.faults.applied == {"503": 1}


def test_create_rules_leave_a_seeded_api_run_as_it_was() -> None:
    """Rules aimed at creates draw nothing for other requests: a replay of GETs is unchanged."""

    def run(spec: str) -> list[int]:
        with Simulator(seed=3, links=5, faults=spec) as sim, http(sim) as anon:
            return [anon.get(LINKS).status_code for _ in range(30)]

    assert run("500=0.3,429=0.2") == run("500=0.3,429=0.2,create:drop-after=0.5")
