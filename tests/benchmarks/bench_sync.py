"""Sync against the simulator with real latency: requests and seconds next to the floor.

Run: `.venv/bin/python tests/benchmarks/bench_sync.py [--links 2000] [--latency-ms 20] [--concurrency 8]`

The floor is `requests x latency / concurrency`: what the requests would cost if latency were
the only cost and the workers were always busy. Goals (issue 3): a full sync within 1.5x of its
floor; a resync with no change makes at most the link pages plus one request per link that can
still change.
"""

from __future__ import annotations

import argparse
import math
import tempfile
from pathlib import Path

from linkmanager.api import ApiEndpoints, Credentials, LeanClient
from linkmanager.domain.lifecycle import TERMINAL
from linkmanager.services.sync import SyncEngine, SyncReport
from linkmanager.simulator import Simulator
from linkmanager.storage.cache import LinkCache


def line(label: str, report: SyncReport, latency_s: float) -> str:
    floor = report.requests * latency_s / report.concurrency
    ratio = report.seconds / floor if floor else float("nan")
    return (
        f"{label:<22} {report.requests:6d} requests  {report.seconds:7.2f} s  "
        f"floor {floor:6.2f} s  ratio {ratio:4.2f}  (read {report.usage_reads}, probed {report.usage_probes}, "
        f"skipped {report.usage_skips})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", type=int, default=2000)
    parser.add_argument("--latency-ms", type=int, default=20)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    latency = args.latency_ms / 1000
    with (
        Simulator(links=args.links, latency_ms=args.latency_ms) as sim,
        tempfile.TemporaryDirectory() as home,
        LinkCache.open(Path(home) / "bench.sqlite3") as cache,
        LeanClient(
            ApiEndpoints(sim.api_url, sim.token_url), Credentials(sim.client_id, sim.client_secret)
        ) as client,
    ):
        engine = SyncEngine(client, cache, concurrency=args.concurrency)
        print(f"{args.links} links, {args.latency_ms} ms latency per request, concurrency {args.concurrency}")
        full = engine.run()
        print(line("full sync", full, latency))
        again = engine.run()
        print(line("resync, no change", again, latency))
        pages = math.ceil(args.links / 100)
        can_change = sum(
            1
            for c in cache.links()
            if not (c.usages_confirmed_status in TERMINAL and c.unsettled_usages == 0)
        )
        budget = pages + can_change
        print(
            f"resync budget: {pages} link pages + {can_change} links that can still change = {budget}; "
            f"made {again.requests} ({'within' if again.requests <= budget else 'OVER'} budget)"
        )
        print(
            f"full sync vs floor: {full.seconds / (full.requests * latency / full.concurrency):.2f}x (goal <= 1.5x)"
        )


if __name__ == "__main__":
    main()
