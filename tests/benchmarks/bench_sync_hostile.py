"""A sync against hostile servers: peak memory and time, next to a sync of the same server behaving.

Run: `.venv/bin/python tests/benchmarks/bench_sync_hostile.py [--links 500]`

Each row runs the simulator (`linkmanager sim --faults ...`) in its own process and the sync in
a fresh child process, which reports its own peak resident memory (ru_maxrss) and time: the
reference is the same child against the same simulator without faults. Goals (issue 11): peak
memory under 300 MB whatever the server answers; a stalled server ends the sync within 5 minutes
with a message naming the stall.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from linkmanager.api import ApiEndpoints, Credentials, LeanClient
from linkmanager.services.sync import SyncEngine, SyncFailed
from linkmanager.storage.cache import LinkCache

sim = json.loads(sys.argv[1])
started = time.monotonic()
with LinkCache.open(Path(sys.argv[2])) as cache, LeanClient(
    ApiEndpoints(sim["api_url"], sim["token_url"]), Credentials(sim["client_id"], sim["client_secret"])
) as client:
    try:
        report = SyncEngine(client, cache).run()
        outcome = "complete" if report.complete else f"{len(report.problems)} problems"
    except SyncFailed as exc:
        outcome = f"stopped: {exc}"
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"peak_mb": peak, "seconds": time.monotonic() - started, "outcome": outcome}))
"""

CASES = (
    ("every answer 300 MB (huge=1.0:300)", "huge=1.0:300"),
    ("1 answer in 10 is 300 MB (huge=0.1:300)", "huge=0.1:300"),
    ("absurd page totals (page-lie=1.0)", "page-lie=1.0"),
    ("bad and foreign records (2 % each)", "bad-link=0.02,bad-usage=0.02,foreign-usage=0.02"),
    ("5xx, 429, drops (the issue's mix)", "429=0.1:1,500=0.05,503=0.05,drop=0.05,token:503=0.2"),
    ("1 answer in 20 trickles (drip=0.05:20000)", "drip=0.05:20000"),
    ("stalled: every answer trickles (drip=1.0:20000)", "drip=1.0:20000"),
)
MEMORY_GOAL_MB = 300
STALL_GOAL_S = 300


def run_case(links: int, faults: str, folder: Path, name: str) -> dict[str, object]:
    command = [sys.executable, "-m", "linkmanager", "sim", "--links", str(links), "--latency-ms", "5"]
    if faults:
        command += ["--faults", faults]
    sim = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert sim.stdout is not None
        ready = sim.stdout.readline()
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-c", CHILD, ready, str(folder / f"{name}.sqlite3")],
            capture_output=True,
            text=True,
            timeout=900,
            check=True,
        )
        result: dict[str, object] = json.loads(done.stdout)
        result["wall"] = time.monotonic() - started
        return result
    finally:
        sim.terminate()
        sim.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        folder = Path(home)
        reference = run_case(args.links, "", folder, "reference")
        print(
            f"{args.links} links; reference (no faults): peak {reference['peak_mb']:.0f} MB, {reference['seconds']:.1f} s"
        )
        print("| server | peak memory | reference | ratio | goal | met | time | outcome |")
        print("|---|---|---|---|---|---|---|---|")
        for index, (label, faults) in enumerate(CASES):
            result = run_case(args.links, faults, folder, f"case{index}")
            peak, seconds = float(str(result["peak_mb"])), float(str(result["seconds"]))
            ratio = peak / float(str(reference["peak_mb"]))
            stalled = "stalled" in label
            goal = f"< {MEMORY_GOAL_MB} MB" + (f", < {STALL_GOAL_S} s" if stalled else "")
            met = peak < MEMORY_GOAL_MB and (not stalled or seconds < STALL_GOAL_S)
            outcome = str(result["outcome"])
            outcome = outcome if len(outcome) < 150 else outcome[:147] + "…"
            print(
                f"| {label} | {peak:.0f} MB | {float(str(reference['peak_mb'])):.0f} MB | {ratio:.2f}x | {goal} | "
                f"{'met' if met else 'NOT MET'} | {seconds:.1f} s | {outcome} |"
            )


if __name__ == "__main__":
    main()
