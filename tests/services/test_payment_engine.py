"""The Payments view's table engine without Qt: newest request wins, steps say what changed.

Tables are made from numbers (no cache needed: services.payments reads none for these sorts);
a property test asks filters, sorts and new tables in any order, answers them in any order, and
checks that what is shown is always the newest request's rows and that a relayout finds every
shown payment's row by its usage key.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from linkmanager.domain.outcome import OUTCOMES, Outcome
from linkmanager.services.payment_engine import PaymentEngine, locator
from linkmanager.services.payments import PaymentColumn, PaymentFilter, PaymentSort, PaymentTable, Picked
from linkmanager.services.table_diff import Relayout, Reset
from linkmanager.storage.payment_reads import LinkFacts, UsageNumbers

NOW = datetime(2026, 12, 1, tzinfo=UTC)
START = int((NOW - timedelta(days=20)).timestamp())
LINKS = [
    LinkFacts(1, "10.00", "AED", "ACTIVE", False, False),
    LinkFacts(2, "1.500", "KWD", "ACTIVE", False, False),
    LinkFacts(3, "25.50", "SAR", "DISABLED", False, False),
]
SORTS = [PaymentSort(PaymentColumn(c), d) for c in (0, 3, 4, 5) for d in (False, True)]


def table_of(keys: list[int], seed: int = 0) -> PaymentTable:
    """Usages with these keys (sorted, unique), spread over the three links and 20 days."""
    rng = np.random.default_rng(seed)
    usage_keys = np.array(sorted(set(keys)), dtype=np.int64)
    n = len(usage_keys)
    numbers = UsageNumbers(
        keys=usage_keys,
        link_keys=rng.integers(1, 4, n).astype(np.int64),
        seen=(START + rng.integers(0, 20 * 86_400, n)).astype(np.int64),
        outcome=rng.choice(np.array([int(o) for o in OUTCOMES], dtype=np.int8), n),
        seen_before=np.zeros(n, dtype=np.bool_),
    )
    return PaymentTable(numbers, LINKS, NOW)


def keys_shown(table: PaymentTable, places: np.ndarray) -> list[int]:
    return [int(k) for k in table.keys[places]]


def extra(table: PaymentTable, picked: Picked) -> int:
    return len(picked.places)


def test_the_first_answer_is_a_reset_and_later_ones_relayouts_that_find_their_keys() -> None:
    table = table_of(list(range(1, 301)))
    engine: PaymentEngine[int] = PaymentEngine(extra)
    assert engine.set_filter(PaymentFilter()) is None  # no table yet: nothing to pick from
    job = engine.set_table(table)
    assert job is not None
    answer = job.make()
    steps = engine.accept(answer)
    assert steps is not None
    assert len(steps) == 1
    assert isinstance(steps[0], Reset)
    assert answer.extra == 300
    assert sum(answer.counts.values()) == 300

    collected = engine.set_filter(PaymentFilter(outcomes=frozenset({Outcome.COLLECTED})))
    assert collected is not None
    narrowed = collected.make()
    [step] = engine.accept(narrowed) or []
    assert isinstance(step, Relayout)
    wanted = keys_shown(table, answer.places)
    found = step.locate(wanted)
    shown = keys_shown(table, narrowed.places)
    assert found == {k: shown.index(k) for k in wanted if k in shown}  # the rest are gone
    assert all(table.outcome[p] == Outcome.COLLECTED for p in narrowed.places)


def test_asking_the_same_again_changes_nothing() -> None:
    engine: PaymentEngine[int] = PaymentEngine(extra)
    table = table_of(list(range(1, 50)))
    first = engine.set_table(table)
    assert first is not None
    engine.accept(first.make())
    again = engine.set_filter(PaymentFilter())
    assert again is not None
    assert engine.accept(again.make()) == []


def test_an_older_answer_is_dropped_and_a_late_plan_is_made_again() -> None:
    engine: PaymentEngine[int] = PaymentEngine(extra)
    table = table_of(list(range(1, 100)))
    old = engine.set_table(table)
    new = engine.set_sort(PaymentSort(PaymentColumn.AMOUNT, False))
    assert old is not None
    assert new is not None
    newest = new.make()
    assert engine.accept(old.make()) is None  # superseded: never shown
    assert engine.pending
    steps = engine.accept(newest)
    assert steps is not None
    assert isinstance(steps[0], Reset)
    assert engine.shown == engine.asked == newest.request  # no longer pending
    assert engine.answer is newest


def test_a_new_read_of_the_cache_keeps_the_payments_found_by_key() -> None:
    """A sync read the table again with new usages: usage keys are stable, so the rows shown
    before are found in the new table (where they now are), and new keys come in."""
    engine: PaymentEngine[int] = PaymentEngine(extra)
    before = table_of(list(range(10, 60)), seed=1)
    job = engine.set_table(before)
    assert job is not None
    engine.accept(job.make())
    after = table_of([1, 2, 3, *range(10, 60), 99], seed=1)
    job = engine.set_table(after)
    assert job is not None
    answer = job.make()
    [step] = engine.accept(answer) or []
    assert isinstance(step, Relayout)
    shown = keys_shown(after, answer.places)
    assert step.locate(list(range(10, 60))) == {k: shown.index(k) for k in range(10, 60)}
    assert step.locate([7, 1000]) == {}


@settings(max_examples=60, deadline=None)
@given(
    keys=st.lists(st.integers(1, 5_000), min_size=0, max_size=200, unique=True),
    asks=st.lists(
        st.tuples(st.sampled_from(["filter", "sort", "table"]), st.integers(0, 7), st.booleans()),
        min_size=1,
        max_size=8,
    ),
)
def test_whatever_order_answers_arrive_in_the_newest_request_is_what_shows(
    keys: list[int], asks: list[tuple[str, int, bool]]
) -> None:
    engine: PaymentEngine[int] = PaymentEngine(extra)
    table = table_of(keys)
    jobs = [engine.set_table(table)]
    shown: np.ndarray | None = None
    for what, n, answer_now in asks:
        if what == "filter":
            outcomes = frozenset({OUTCOMES[n % len(OUTCOMES)]}) if n else frozenset()
            jobs.append(engine.set_filter(PaymentFilter(outcomes=outcomes)))
        elif what == "sort":
            jobs.append(engine.set_sort(SORTS[n]))
        else:
            table = table_of([*keys, 9000 + n], seed=n)
            jobs.append(engine.set_table(table))
        if answer_now:  # an earlier job may land now, late
            job = jobs[n % len(jobs)]
            assert job is not None
            answer = job.make()
            steps = engine.accept(answer)
            if steps is not None:
                shown = answer.places
    newest = jobs[-1]
    assert newest is not None
    final = newest.make()
    steps = engine.accept(final)
    assert steps is not None
    assert not engine.pending
    expected = table.pick(engine.filter, engine.sort)
    assert np.array_equal(final.places, expected.places)
    if steps:
        step = steps[0]
        if isinstance(step, Relayout):
            wanted = [int(k) for k in table.keys]
            located = step.locate(wanted)
            assert located == {int(table.keys[p]): row for row, p in enumerate(final.places)}
        else:
            assert shown is None  # a reset only when nothing was shown


def test_locator_on_an_empty_table_finds_nothing() -> None:
    table = table_of([])
    assert locator(table, np.zeros(0, dtype=np.intp))([1, 2]) == {}
