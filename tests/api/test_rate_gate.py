"""A 429 slows the whole session down, not only the request that was told."""

from __future__ import annotations

import threading
from typing import Any

from linkmanager.api import LeanClient
from linkmanager.api.rate_gate import RateGate
from linkmanager.simulator import Simulator


class RecordingSleep(list[tuple[int, float]]):
    """Records (thread, seconds) and returns at once."""

    def __call__(self, seconds: float) -> None:
        self.append((threading.get_ident(), seconds))


def test_other_threads_wait_out_the_pause_lean_asked_for(sim: Simulator, make_client: Any) -> None:
    sleeps = RecordingSleep()
    client: LeanClient = make_client(sim, sleeps=sleeps)
    link_id = sim.state.link_ids()[0]
    client.get_link(link_id)  # token first, so the fault below meets the list request
    sim.faults.queue("429:2", method="GET")

    client.links_page(0)
    told = threading.get_ident()
    assert (told, 2.0) in sleeps

    other: list[BaseException] = []

    def read() -> None:
        try:
            client.get_link(link_id)
        except BaseException as exc:
            other.append(exc)

    worker = threading.Thread(target=read)
    worker.start()
    worker.join(10)
    assert other == []
    waits = [seconds for thread, seconds in sleeps if thread != told]
    assert waits, "the other thread sent at once although Lean had asked to wait"
    assert 1.0 < waits[0] <= 2.0


def test_the_thread_that_was_told_is_not_held_twice() -> None:
    now = [100.0]
    slept: list[float] = []
    gate = RateGate(slept.append, clock=lambda: now[0])
    gate.hold(3.0)
    gate.wait()
    assert slept == []
    result: list[float] = []
    worker = threading.Thread(target=lambda: (gate.wait(), result.extend(slept)))
    worker.start()
    worker.join(5)
    assert result == [3.0]
