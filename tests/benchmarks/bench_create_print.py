"""Creating links and printing QR sheets, at the sizes a shop meets.

Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_create_print.py [--links 2000]`
Not part of the test suite (no timed assertions there); prints the figures.

- create: one link through the service (checks, one POST, the cache write), median of 20, with
  the simulator's `--latency-ms`; then a create whose answer is lost (`drop-after`), which lists
  every link at Lean to find it: the cost grows with the account.
- print: a 24-label A4 sheet, a 240-label batch (10 pages) and a counter card written as PDF by
  the printing painter; a PNG and an SVG of one code.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from linkmanager.api import ApiEndpoints, Credentials, LeanClient
from linkmanager.domain.link_draft import LinkDraft
from linkmanager.services.create import LinkCreator
from linkmanager.services.print_batch import choose_links, sheet_layout
from linkmanager.services.qr import qr_png, qr_svg
from linkmanager.simulator import Simulator
from linkmanager.storage.cache import LinkCache


def median_s(work: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def bench_create(links: int, latency_ms: int, folder: Path) -> None:
    with Simulator(seed=9, links=links, latency_ms=latency_ms) as sim:
        endpoints = ApiEndpoints(sim.api_url, sim.token_url)
        client = LeanClient(endpoints, Credentials(sim.client_id, sim.client_secret))
        cache = LinkCache.open(folder / "create.sqlite3")
        creator = LinkCreator(cache, lambda: client)
        counter = iter(range(10**6))

        def one() -> None:
            creator.create(LinkDraft(amount="150.00", currency="AED", reference=f"BENCH-{next(counter)}"))

        one()  # the token
        print(f"create, {latency_ms} ms latency: {median_s(one, 20) * 1000:,.0f} ms median of 20")
        sim.faults.queue("drop-after", method="POST")
        started = time.perf_counter()
        result = creator.create(LinkDraft(amount="150.00", currency="AED", reference="BENCH-LOST"))
        lost = time.perf_counter() - started
        total = len(sim.state.link_ids())
        print(
            f"create with a lost answer, {total:,} links at Lean: {lost:,.2f} s to look and find it "
            f"(recovered={result.recovered}, {sim.state.link_ids().count(result.link.id)} link)"
        )
        client.close()
        cache.close()


def bench_print(folder: Path) -> None:
    from linkmanager.ui.printing.output import ensure_gui_app, write_sheet_pdf

    ensure_gui_app()
    with Simulator(seed=3, links=300) as sim:
        client = LeanClient(
            ApiEndpoints(sim.api_url, sim.token_url), Credentials(sim.client_id, sim.client_secret)
        )
        links = client.list_links()
        client.close()
    choice = choose_links(links, datetime.now(UTC))
    items = choice.items
    url = items[0].link.url
    print(
        f"QR PNG (16 px modules) {median_s(lambda: qr_png(url, box_size=16), 20) * 1000:,.1f} ms, "
        f"SVG {median_s(lambda: qr_svg(url), 20) * 1000:,.1f} ms (encoding cached after the first)"
    )
    for label, template, count in (
        ("counter card", "card", 1),
        ("label sheet", "labels", 24),
        ("label batch", "labels", 240),
    ):
        chosen = (items * (count // len(items) + 1))[:count]
        path = folder / f"{template}-{count}.pdf"
        layout = sheet_layout(template, bilingual=True)
        seconds = median_s(lambda: write_sheet_pdf(path, layout, chosen), 3)  # noqa: B023 - used at once
        print(f"{label}, {count} codes: {seconds * 1000:,.0f} ms, {path.stat().st_size / 1024:,.0f} KiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", type=int, default=2_000)
    parser.add_argument("--latency-ms", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        bench_create(args.links, args.latency_ms, Path(folder))
        bench_print(Path(folder))


if __name__ == "__main__":
    main()
