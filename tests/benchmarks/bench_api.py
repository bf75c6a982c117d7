"""Speed and memory of the foundation: simulator seeding, a full client walk, resilience under faults.

Run: `.venv/bin/python tests/benchmarks/bench_api.py [--links 10000] [--repeat 3]`
Not part of the test suite (no timed assertions there); prints a table of measured figures.
"""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

from linkmanager.api import ApiEndpoints, Credentials, LeanClient
from linkmanager.api.retry import RetryPolicy
from linkmanager.simulator import Simulator


def timed(work: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Median wall time of `repeat` runs, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def client_for(sim: Simulator, **kwargs: Any) -> LeanClient:
    return LeanClient(
        ApiEndpoints(sim.api_url, sim.token_url), Credentials(sim.client_id, sim.client_secret), **kwargs
    )


def bench_seed(links: int, repeat: int) -> None:
    seconds, _ = timed(lambda: Simulator(links=links), repeat)
    tracemalloc.start()
    Simulator(links=links)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"seed {links:>6} links              {seconds:8.3f} s   peak {peak / 2**20:7.1f} MiB")


def bench_walk(links: int, repeat: int) -> None:
    with Simulator(links=links) as sim, client_for(sim) as client:
        before = client.stats.requests
        seconds, result = timed(client.list_links, repeat)
        requests = (client.stats.requests - before) / repeat
        tracemalloc.start()
        client.list_links()
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(
            f"list_links {len(result):>6} links        {seconds:8.3f} s   "
            f"{requests:5.0f} requests   {len(result) / seconds:8.0f} links/s   peak {peak / 2**20:6.1f} MiB"
        )
        heaviest = max(result, key=lambda link: link.current_usages)
        seconds, usages = timed(lambda: client.list_usages(heaviest.id), repeat)
        print(f"list_usages of busiest link     {seconds:8.3f} s   {len(usages):5d} usages")


def bench_faults(links: int) -> None:
    """Every page must arrive despite random 429/503/drops; figures show what retrying costs."""
    spec = "429=0.05:0,503=0.05,502=0.03,drop=0.03"
    policy = RetryPolicy(attempts=6, base_delay=0.05, max_delay=0.5)
    with Simulator(links=links, faults=spec, seed=11) as sim, client_for(sim, retry=policy) as client:
        started = time.perf_counter()
        result = client.list_links()
        seconds = time.perf_counter() - started
        stats = client.stats
        print(
            f"list_links under faults ({spec}): {len(result)} links in {seconds:.3f} s, "
            f"{stats.requests} requests, {stats.retries} retries"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for n in (1_000, args.links, 2 * args.links):
        bench_seed(n, args.repeat)
    bench_walk(args.links, args.repeat)
    bench_faults(min(args.links, 2_000))


if __name__ == "__main__":
    main()
