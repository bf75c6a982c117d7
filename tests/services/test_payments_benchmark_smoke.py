"""The Payments view's benchmark still runs: tiny sizes, no goals (`--smoke`), so it cannot rot.

Its timings are not judged here (a busy machine would make that a coin toss); what is checked is
that the parent and its child run through and every measure is made and printed in the one table.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
MEASURES = (
    "first screen",
    "every payment loaded",
    "filter change, max",
    "filter change, median",
    "stalls while the payments load",
    "memory, Links + every payment",
)


def test_the_payments_benchmark_runs_and_prints_every_measure() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "bench_payments.py"), "--smoke"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    rows = {
        cells[0]: cells
        for line in done.stdout.splitlines()
        if line.startswith("| ")
        for cells in [[cell.strip() for cell in line.strip().strip("|").split("|")]]
    }
    rows.pop("measure", None)  # the header
    for measure in MEASURES:
        assert [name for name in rows if measure in name], f"{measure!r} missing:\n{done.stdout}"
    assert len(rows) == len(MEASURES), done.stdout
    for cells in rows.values():
        assert len(cells) == 6, cells
        assert cells[1] not in ("", "-"), cells  # a value was measured
        assert cells[4] == "smoke"  # nothing is judged at tiny sizes
        assert cells[5] == ""
    # The smoke cache: 200 links x 5 usages, every one of them in the Payments table.
    assert "1,000 usages: first screen" in done.stdout
    assert "(1,000 rows;" in done.stdout, done.stdout
