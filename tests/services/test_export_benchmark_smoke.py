"""The export benchmark still runs: tiny sizes, nothing judged (`--smoke`), every measure printed
in its one table (measure, value, reference, ratio, goal, met), so it cannot rot."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_export.py"


def test_the_export_benchmark_runs_and_prints_every_measure() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH), "--smoke"], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in done.stdout.splitlines()
        if line.startswith("| ") and not line.startswith("| measure")
    ]
    measures = [row[0] for row in rows]
    assert measures == [
        "CSV export, 3,000 rows",
        "XLSX export, 3,000 rows",
        "XLSX export, 3,000 rows",
        "CSV: peak memory growth, 3,000 rows",
        "XLSX: peak memory growth, 3,000 rows",
        "csv.writer: peak memory growth, 3,000 rows",
        "openpyxl: peak memory growth, 3,000 rows",
        "rows held in a list: peak memory growth, 3,000 rows",
    ], done.stdout
    for row in rows:
        assert len(row) == 6, row
        assert row[4] == "smoke"  # nothing is judged at tiny sizes
        assert row[5] == ""
    assert all(row[3].endswith("x") and float(row[3][:-1]) > 0 for row in rows[:3])
