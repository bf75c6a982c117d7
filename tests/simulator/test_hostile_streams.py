"""Answers that take over the connection: a huge endless-looking page, and a drip of one byte."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterator

import httpx
import pytest

from linkmanager.simulator import Simulator

from .conftest import LINKS, bearer, grant, http, new_link_body

MB = 1024 * 1024


def _handlers() -> set[threading.Thread]:
    """The simulator's connection threads (socketserver names them after process_request_thread)."""
    return {t for t in threading.enumerate() if "process_request_thread" in t.name}


def _wait_for(condition: Callable[[], bool], seconds: float = 10) -> None:
    """Wait for another thread; a deadline that fails the test, not a timing assertion."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "gave up waiting"
        time.sleep(0.01)


@pytest.fixture
def quiet(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Fails the test when the simulator logged an error (a traceback for a client hanging up)."""
    caplog.set_level(logging.DEBUG, logger="linkmanager.simulator")
    yield
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


# -- huge --------------------------------------------------------------------------------------


def test_huge_read_to_the_end_is_one_long_page(sim: Simulator, client: httpx.Client) -> None:
    sim.faults.queue("huge:2")
    answer = client.get(LINKS)
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/json"
    assert answer.headers["transfer-encoding"] == "chunked"
    assert "content-length" not in answer.headers
    assert answer.content.startswith(b'{"content":[')
    assert 2 * MB - 64 * 1024 <= len(answer.content) <= 2 * MB
    page = json.loads(answer.content)
    assert len(page["content"]) == page["page"]["total_elements"] > 1000
    assert client.get(LINKS).json()["page"]["total_elements"] == 60  # the next answer is normal
    assert sim.faults.applied == {"huge": 1}


def test_huge_goes_on_longer_than_a_client_reads(sim: Simulator, quiet: None) -> None:
    before = _handlers()
    with http(sim, headers=bearer(sim)) as hostile:
        sim.faults.queue("huge")  # 300 MB by default
        with hostile.stream("GET", LINKS) as answer:
            assert answer.status_code == 200
            read = 0
            for chunk in answer.iter_raw():
                read += len(chunk)
                if read >= 5 * MB:
                    break  # and hang up: leaving the block closes the connection
        assert read >= 5 * MB
    _wait_for(lambda: not (_handlers() - before))  # the writer noticed and ended
    with http(sim, headers=bearer(sim)) as api:
        assert api.get(LINKS).status_code == 200
    assert sim.faults.applied == {"huge": 1}


def test_a_stopping_simulator_ends_a_huge_answer(quiet: None) -> None:
    sim = Simulator(links=1).start()
    before = _handlers()
    with http(sim, headers=bearer(sim)) as hostile:
        sim.faults.queue("huge:100000")  # 100 GB: it only ends because the simulator stops
        with hostile.stream("GET", LINKS) as answer:
            chunks = answer.iter_raw()
            next(chunks)  # started; now the client stops reading, and the server's writes block
            sim.stop()
            _wait_for(lambda: not (_handlers() - before))
            with pytest.raises(httpx.TransportError):
                for _ in chunks:
                    pass  # what was in flight, then the cut


def test_huge_can_hit_the_token_endpoint() -> None:
    with Simulator(links=1, faults="token:huge=1:1") as sim:
        answer = grant(sim)
        assert answer.status_code == 200
        assert answer.content.startswith(b'{"content":[')
        assert "access_token" not in answer.json()
        assert sim.faults.applied == {"huge": 1}


# -- drip --------------------------------------------------------------------------------------


def test_drip_trickles_the_real_answer(sim: Simulator, client: httpx.Client, quiet: None) -> None:
    link_id = sim.state.link_ids()[0]
    normal = client.get(f"{LINKS}/{link_id}")
    before = _handlers()
    with http(sim, headers=bearer(sim)) as slow:
        sim.faults.queue("drip:50")
        with slow.stream("GET", f"{LINKS}/{link_id}") as answer:
            assert answer.status_code == 200
            assert answer.headers["content-length"] == normal.headers["content-length"]  # the real length
            started = time.perf_counter()
            got, pieces = b"", 0
            for piece in answer.iter_raw():
                got += piece
                pieces += 1
                if len(got) >= 20:
                    break
            elapsed = time.perf_counter() - started
        assert normal.content.startswith(got)
        assert elapsed >= 19 * 0.05  # a lower bound: never flaky
        assert pieces >= 5  # a byte at a time, give or take a busy machine
    _wait_for(lambda: not (_handlers() - before))  # the drip saw the hang-up
    assert sim.faults.applied == {"drip": 1}


def test_a_fast_drip_delivers_the_whole_answer(sim: Simulator, client: httpx.Client) -> None:
    link_id = sim.state.link_ids()[0]
    usage_id = sim.state.list_usages(link_id, 0, 1)["content"][0]["usage_id"]
    path = f"{LINKS}/{link_id}/usages/{usage_id}"
    sim.faults.queue("drip:1")
    dripped = client.get(path)
    assert dripped.status_code == 200
    assert dripped.content == client.get(path).content
    assert sim.faults.applied == {"drip": 1}


def test_a_dripped_create_is_stored() -> None:
    with Simulator(links=1, faults="create:drip=1:1") as sim, http(sim, headers=bearer(sim)) as api:
        created = api.post(LINKS, json=new_link_body())
        assert created.status_code == 201
        assert created.json()["id"] == sim.state.link_ids()[0]
        assert api.get(LINKS).json()["page"]["total_elements"] == 2  # reads are not dripped
        assert sim.faults.applied == {"drip": 1}


def test_a_stopping_simulator_ends_a_drip(quiet: None) -> None:
    sim = Simulator(links=1).start()
    before = _handlers()
    with http(sim, headers=bearer(sim)) as slow:
        sim.faults.queue("drip")  # a byte every 20 s
        with slow.stream("GET", LINKS) as answer:
            assert answer.status_code == 200
            started = time.perf_counter()
            sim.stop()
            _wait_for(lambda: not (_handlers() - before))
            assert time.perf_counter() - started < 3  # about a second, on a loaded machine
            with pytest.raises(httpx.TransportError):
                answer.read()


def test_a_client_hanging_up_ends_a_slow_drip(sim: Simulator, quiet: None) -> None:
    before = _handlers()
    with http(sim, headers=bearer(sim)) as slow:
        sim.faults.queue("drip")  # a byte every 20 s: only noticing the hang-up ends it soon
        with slow.stream("GET", LINKS) as answer:
            assert answer.status_code == 200
    _wait_for(lambda: not (_handlers() - before), seconds=5)
    assert sim.faults.applied == {"drip": 1}
