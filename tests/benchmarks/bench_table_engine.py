"""The table engine on its own (no Qt): 100,000 links and 1,000,000 payment rows.

Run: `.venv/bin/python tests/benchmarks/bench_table_engine.py [--links 100000] [--payments 1000000]
[--repeat 5]`; `--smoke` runs small sizes and checks nothing (the test suite runs it so it cannot rot).

Each measure is an engine answer made as a worker makes it (Job.make, then accept), compared in
the same run with its floor in plain Python over the same rows: a sort of the same keys, one
pass over every row, a dict lookup per searched key. Medians of --repeat; one table at the end.
The million payments are asked of the row engine too ("as rows", nothing judged): the reference
for the engine the Payments view uses, over numpy columns (services.payment_engine), which must
answer the same asks in a tenth of the time.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal
from operator import attrgetter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_link_data import NOW, make_links

from linkmanager.domain import LinkStatus
from linkmanager.services.link_rows import LINK_SPEC, LinkRow, make_rows
from linkmanager.services.table_engine import TableEngine
from linkmanager.services.table_rows import RowFilter, RowSort, TableSpec

NAME, AMOUNT = 1, 3


class PaymentRow:
    """What a Payments view row holds: a usage's outcome, amount, time, currency."""

    __slots__ = ("amount", "currency", "key", "outcome", "paid_at")

    def __init__(self, key: str, outcome: str, amount: Decimal, currency: str, paid_at: datetime) -> None:
        self.key, self.outcome, self.amount, self.currency, self.paid_at = (
            key,
            outcome,
            amount,
            currency,
            paid_at,
        )


PAYMENT_SPEC: TableSpec[PaymentRow] = TableSpec(
    key=attrgetter("key"),
    group=attrgetter("outcome"),
    sort_key=lambda column: (
        (lambda row: (row.currency, row.amount)) if column == 0 else attrgetter("paid_at")
    ),
    columns=2,
    groups=("completed", "pending", "failed"),
    when=attrgetter("paid_at"),
    currency=attrgetter("currency"),
)


def make_payments(count: int, rng: random.Random) -> list[PaymentRow]:
    outcomes = ["completed"] * 7 + ["pending", "failed"]
    return [
        PaymentRow(
            f"u-{i:07d}",
            rng.choice(outcomes),
            Decimal(rng.randrange(100, 10**7)).scaleb(-2),
            rng.choice(("AED", "SAR")),
            NOW - timedelta(minutes=rng.randrange(600_000)),
        )
        for i in range(count)
    ]


@dataclass
class Line:
    measure: str
    value: float
    reference: float
    reference_name: str
    goal: float | None  # ratio; None: a reference for the lines below it, nothing judged

    def row(self, smoke: bool) -> str:
        ratio = self.value / self.reference if self.reference else float("inf")
        goal = "(none)  " if self.goal is None else f"<= {self.goal:<4}x"
        met = "" if smoke or self.goal is None else ("met" if ratio <= self.goal else "NOT MET")
        return (
            f"| {self.measure:<44} | {self.value * 1000:9.1f} ms | {self.reference_name:<26} "
            f"{self.reference * 1000:8.1f} ms | {ratio:6.2f}x | {goal} | {met:<7} |"
        )


def median_of(repeat: int, run: Callable[[], object], setup: Callable[[], object] | None = None) -> float:
    times = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        gc.collect()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def answer(engine: TableEngine[Any], ask: Callable[[], Any]) -> None:
    """One request made and applied, as the window's worker and GUI thread do it."""
    job = ask()
    steps = engine.accept(job.make())
    assert steps is not None


def bench_links(count: int, repeat: int, rng: random.Random) -> list[Line]:
    links = make_links(count, rng)
    lines: list[Line] = []
    holder: dict[str, Any] = {}

    def fresh_engine() -> None:
        engine: TableEngine[LinkRow] = TableEngine(LINK_SPEC)
        engine.set_sort(RowSort(NAME))
        holder["engine"], holder["rows"] = engine, make_rows(links, NOW)

    def first() -> None:
        answer(holder["engine"], lambda: holder["engine"].set_rows(holder["rows"]))

    def plain_sort() -> None:
        """The straightforward way: one sort of the rows by (no name, folded name, id)."""
        sorted(
            holder["rows"],
            key=lambda r: (r.cached.link.name is None, (r.cached.link.name or "").casefold(), r.id),
        )

    lines.append(
        Line(f"{count:,} links: first answer, by name", median_of(repeat, first, fresh_engine),
             median_of(repeat, plain_sort), "sorted(rows, key=name, id)", 2.0)
    )  # fmt: skip
    engine: TableEngine[LinkRow] = holder["engine"]
    rows: list[LinkRow] = holder["rows"]
    answer(engine, lambda: engine.set_sort(RowSort(AMOUNT, True)))  # keys made once
    keys = [row.key(AMOUNT) for row in rows]
    sorts = iter([RowSort(AMOUNT), RowSort(AMOUNT, True)] * repeat)
    first_sorts = iter([RowSort(AMOUNT), RowSort(AMOUNT, True)] * repeat)

    def forget_amount_order() -> None:
        engine.rowset._column_orders.pop(AMOUNT, None)  # keys kept, the sorted order not

    lines.append(
        Line("sort by amount anew (keys made)", median_of(repeat, lambda: answer(engine, lambda: engine.set_sort(next(first_sorts))), forget_amount_order),
             median_of(repeat, lambda: sorted(keys)), "sorted(the same keys)", None)
    )  # fmt: skip
    lines.append(
        Line("re-sort by amount either way (sorted once)", median_of(repeat, lambda: answer(engine, lambda: engine.set_sort(next(sorts)))),
             median_of(repeat, lambda: sorted(keys)), "sorted(the same keys)", 1.5)
    )  # fmt: skip
    tabs = iter([RowFilter(LinkStatus.ACTIVE), RowFilter()] * repeat)
    lines.append(
        Line("tab Active, then All (every row diffed)", median_of(repeat, lambda: answer(engine, lambda: engine.set_filter(next(tabs)))),
             median_of(repeat, lambda: [r for r in rows if r.status is LinkStatus.ACTIVE]), "one pass over the rows", 2.0)
    )  # fmt: skip
    found = frozenset(r.id for r in rng.sample(rows, min(7_000, count // 14)))
    by_id = {r.id: r for r in rows}
    searches = iter([RowFilter(keys=found), RowFilter()] * repeat)
    lines.append(
        Line(f"search of {len(found):,} links, then cleared", median_of(repeat, lambda: answer(engine, lambda: engine.set_filter(next(searches)))),
             median_of(repeat, lambda: sorted(by_id[k].key(AMOUNT) for k in found)), "look up + sort the found", 3.0)
    )  # fmt: skip
    chosen = set(rng.sample(range(count), 100))
    newer = [
        replace(c, link=replace(c.link, name=f"Renamed {i}")) if i in chosen else replace(c, confirmed_at=NOW)
        for i, c in enumerate(links)
    ]
    synced = [make_rows(newer, NOW), make_rows(links, NOW)] * repeat
    turns = iter(synced)
    lines.append(
        Line("a sync's rows: 100 changed, all re-confirmed", median_of(repeat, lambda: answer(engine, lambda: engine.set_rows(next(turns)))),
             median_of(repeat, lambda: compare_copies(synced[0], synced[1])), "compare each row's copies", 2.0)
    )  # fmt: skip
    return lines


def compare_copies(newer: list[LinkRow], older: list[LinkRow]) -> set[str]:
    """The floor of finding what a sync changed: each link compared with its older copy."""
    before = {r.id: r for r in older}
    return {r.id for r in newer if r.cached.link != before[r.id].cached.link}


def bench_payments(count: int, repeat: int, rng: random.Random) -> tuple[list[Line], float, float]:
    payments = make_payments(count, rng)
    engine: TableEngine[PaymentRow] = TableEngine(PAYMENT_SPEC)
    engine.set_sort(RowSort(0, True))
    gc.collect()
    tracemalloc.start()
    answer(engine, lambda: engine.set_rows(payments))
    engine_bytes = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    day = NOW - timedelta(days=1)
    lines = [
        Line(f"{count:,} payments as rows: today's", median_of(repeat, lambda: answer(engine, lambda: engine.set_filter(RowFilter(since=day) if engine.filter.since is None else RowFilter()))),
             median_of(repeat, lambda: [p for p in payments if p.paid_at >= day]), "one pass over the rows", None),
        Line("as rows: tab pending, then all", median_of(repeat, lambda: answer(engine, lambda: engine.set_filter(RowFilter("pending") if engine.filter.group is None else RowFilter()))),
             median_of(repeat, lambda: [p for p in payments if p.outcome == "pending"]), "one pass over the rows", None),
    ]  # fmt: skip
    rows_bytes = _size_of_rows(payments)
    lines += bench_columns(count, repeat, rng, lines[-2:])
    return lines, engine_bytes, rows_bytes


COLUMN_BYTES = [0.0]  # the columnar engine's table and first answer (its source numbers are freed after)


def bench_columns(count: int, repeat: int, rng: random.Random, rows_lines: list[Line]) -> list[Line]:
    """The Payments view's engine (services.payment_engine: numpy columns) over as many usages,
    against the row engine's answers above (the same asks) and a bare numpy pass over a column."""
    import numpy as np

    from linkmanager.domain.outcome import OUTCOMES, Outcome
    from linkmanager.services.payment_engine import PaymentEngine
    from linkmanager.services.payments import PaymentFilter, PaymentSort, PaymentTable
    from linkmanager.storage.payment_reads import LinkFacts, UsageNumbers

    links = max(count // 10, 1)
    seed = np.random.default_rng(rng.randrange(2**32))
    facts = [
        LinkFacts(k, f"{seed.integers(100, 10**6) / 100:.2f}", ("AED", "SAR")[k % 2], "ACTIVE", False, False)
        for k in range(1, links + 1)
    ]
    end = int(NOW.timestamp())
    numbers = UsageNumbers(
        keys=np.arange(1, count + 1, dtype=np.int64),
        link_keys=seed.integers(1, links + 1, count).astype(np.int64),
        seen=(end - seed.integers(0, 600_000 * 60, count)).astype(np.int64),
        outcome=seed.choice(np.array([int(o) for o in OUTCOMES], dtype=np.int8), count),
        seen_before=np.zeros(count, dtype=np.bool_),
    )
    engine: PaymentEngine[None] = PaymentEngine(lambda _t, _p: None)

    def ask(job: Any) -> None:
        assert job is not None
        assert engine.accept(job.make()) is not None

    gc.collect()
    tracemalloc.start()  # numpy's arrays are traced too
    table = PaymentTable(numbers, facts, NOW)
    ask(engine.set_table(table))
    ask(engine.set_sort(PaymentSort(descending=True)))  # the view's first order, made once
    COLUMN_BYTES[0] = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    day = int((NOW - timedelta(days=1)).timestamp())
    today = PaymentFilter(since=NOW - timedelta(days=1))
    pending = PaymentFilter(outcomes=frozenset({Outcome.PENDING}))

    def toggle(flt: PaymentFilter) -> None:
        ask(engine.set_filter(flt if engine.filter != flt else PaymentFilter()))

    floor = median_of(repeat, lambda: np.flatnonzero(table.seen >= day))
    row_today, row_tab = rows_lines[0].value, rows_lines[1].value  # the row engine's, same asks
    today_s = median_of(repeat, lambda: toggle(today))
    tab_s = median_of(repeat, lambda: toggle(pending))
    return [
        Line(f"{count:,} usages, columns: today's", today_s, row_today, "the row engine, same ask", 0.1),
        Line("columns: tab pending, then all", tab_s, row_tab, "the row engine, same ask", 0.1),
        Line(
            "columns: today's, against a bare numpy pass", today_s, floor, "np.flatnonzero(seen >= t)", 10.0
        ),
    ]


def _size_of_rows(rows: list[PaymentRow]) -> float:
    sample = rows[:1000]
    per_row = sum(sys.getsizeof(r) + sys.getsizeof(r.amount) + sys.getsizeof(r.key) for r in sample) / len(
        sample
    )
    return per_row * len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--links", type=int, default=100_000)
    parser.add_argument("--payments", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--smoke", action="store_true", help="small sizes, no goals (for the test suite)")
    args = parser.parse_args()
    if args.smoke:
        args.links, args.payments, args.repeat = 2_000, 5_000, 1
    rng = random.Random(7)
    lines = bench_links(args.links, args.repeat, rng)
    more, engine_bytes, rows_bytes = bench_payments(args.payments, args.repeat, rng)
    lines += more
    print(f"table engine, {args.links:,} links and {args.payments:,} payments; medians of {args.repeat}")
    print(
        "| measure                                      |     value    | reference                              | ratio   | goal     | met     |"
    )
    print("|---|---|---|---|---|---|")  # fmt: skip
    for line in lines:
        print(line.row(args.smoke))
    ratio = engine_bytes / rows_bytes
    print(
        f"| {'row engine memory over the payment rows':<44} | {engine_bytes / 2**20:9.1f} MB | {'the rows themselves':<26} "
        f"{rows_bytes / 2**20:8.1f} MB | {ratio:6.2f}x | (none)   |         |"
    )
    ratio = COLUMN_BYTES[0] / rows_bytes
    met = "" if args.smoke else ("met" if ratio <= 0.5 else "NOT MET")
    print(
        f"| {'columns: table + answer, all in memory':<44} | {COLUMN_BYTES[0] / 2**20:9.1f} MB | {'the payments as rows':<26} "
        f"{rows_bytes / 2**20:8.1f} MB | {ratio:6.2f}x | <= 0.5 x | {met:<7} |"
    )
    if not args.smoke and any("NOT MET" in line.row(False) for line in lines):
        sys.exit(1)


if __name__ == "__main__":
    main()
