"""table_rows and table_engine: what a filter and a sort pick, and how the engine gets a view there.

Every answer is checked against a plain reference (filter, then sort by the column with the key as
tie-break, rows without a value last) and applied to the Qt-free view of test_table_diff.
"""

from __future__ import annotations

import random
import subprocess
import sys
import threading
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from operator import attrgetter, eq
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkmanager.services.table_diff import Relayout, Reset
from linkmanager.services.table_engine import Answer, Job, TableEngine
from linkmanager.services.table_rows import _SORT_ALONE_BELOW, RowFilter, RowSet, RowSort, TableSpec, select

from .test_table_diff import View, apply_and_check

ROOT = Path(__file__).resolve().parents[2]
GROUPS = ("a", "b", "c", "d")
CURRENCIES = ("AED", "SAR", "KWD")
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
MOMENTS = [T0 + timedelta(hours=h) for h in range(8)]

PROPERTY = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@dataclass(frozen=True)
class Row:
    """A table row; `version` is a newer copy of the same content (not a change to repaint)."""

    key: str
    group: str
    value: int | None
    when: datetime | None
    currency: str
    version: int = field(default=0, compare=False)


def column_value(row: Row, column: int) -> Any:
    """Column 0: the value; column 1: the key's last character (many ties), none for keys ending in 0."""
    if column == 0:
        return row.value
    assert column == 1
    return None if row.key.endswith("0") else row.key[-1]


def sort_key(column: int) -> Callable[[Row], Any]:
    """The spec's sort key: a column's key function."""
    return lambda row: column_value(row, column)


SPEC: TableSpec[Row] = TableSpec(
    key=attrgetter("key"),
    group=attrgetter("group"),
    sort_key=sort_key,
    columns=2,
    groups=GROUPS,
    when=attrgetter("when"),
    currency=attrgetter("currency"),
    same=eq,  # `version` does not take part in ==
)


def row_key(row: Row) -> str:
    return row.key


def same_objects(got: Sequence[Row], wanted: Sequence[Row]) -> bool:
    return len(got) == len(wanted) and all(map(lambda a, b: a is b, got, wanted))


def reference(
    given: Sequence[Row], flt: RowFilter, sort: RowSort
) -> tuple[list[Row], dict[Hashable | None, int]]:
    """What a filter and a sort should show, and the counts per group, written plainly."""
    by_key: dict[str, Row] = {}
    for row in given:  # a later row replaces an earlier one, at the earlier one's place
        by_key[row.key] = row
    dated = flt.since is not None or flt.until is not None

    def passes(row: Row) -> bool:
        if flt.keys is not None and row.key not in flt.keys:
            return False
        if flt.currency is not None and row.currency != flt.currency:
            return False
        if dated:
            if row.when is None:
                return False
            if flt.since is not None and row.when < flt.since:
                return False
            if flt.until is not None and row.when >= flt.until:
                return False
        return True

    candidates = [row for row in by_key.values() if passes(row)]
    counts: dict[Hashable | None, int] = dict.fromkeys(GROUPS, 0)
    for row in candidates:
        counts[row.group] += 1
    counts[None] = len(candidates)
    shown = [row for row in candidates if flt.group is None or row.group == flt.group]
    if sort.column < 0:
        return shown, counts
    in_key_order = sorted(shown, key=row_key)
    value = sort_key(sort.column)
    valued = [row for row in in_key_order if value(row) is not None]
    valued.sort(key=value, reverse=sort.descending)
    return valued + [row for row in in_key_order if value(row) is None], counts


# -- strategies ------------------------------------------------------------------------------------------

KEY_POOL = [f"k{i:03d}" for i in range(120)]


def make_row(rnd: random.Random, key: str, version: int = 0) -> Row:
    return Row(
        key=key,
        group=rnd.choice(GROUPS),
        value=rnd.choice([None, *range(-3, 4)]),
        when=rnd.choice([None, *MOMENTS]),
        currency=rnd.choice(CURRENCIES),
        version=version,
    )


@st.composite
def row_lists(draw: st.DrawFn) -> list[Row]:
    """Up to 120 rows, some keys given twice, with few distinct values (many ties)."""
    rnd = random.Random(draw(st.integers(0, 2**32)))  # plain random: hypothesis' own is slow per call
    keys = KEY_POOL[: draw(st.integers(1, len(KEY_POOL)))]
    return [make_row(rnd, rnd.choice(keys)) for _ in range(draw(st.integers(0, 120)))]


def maybe(values: Sequence[object]) -> st.SearchStrategy[object]:
    """No limit half the time, else one of `values`."""
    return st.sampled_from([None] * len(values) + list(values))


key_sets = st.one_of(
    st.none(),
    st.none(),
    st.frozensets(st.sampled_from([*KEY_POOL, "unknown"]), max_size=4),
    st.frozensets(st.sampled_from([*KEY_POOL, "unknown"]), min_size=10),
)
filters = st.builds(
    RowFilter,
    group=maybe(GROUPS),
    keys=key_sets,
    since=maybe(MOMENTS),
    until=maybe(MOMENTS),
    currency=maybe(CURRENCIES),
)
sorts = st.builds(RowSort, column=st.sampled_from([-1, 0, 1]), descending=st.booleans())


# -- select ---------------------------------------------------------------------------------------------


@given(row_lists(), filters, sorts, st.booleans())
@PROPERTY
def test_select_shows_what_the_filter_and_sort_say(
    given_rows: list[Row], flt: RowFilter, sort: RowSort, order_made: bool
) -> None:
    """Any rows, filter and sort, with the sort's whole order made first or not: the reference's
    rows in its order, and its counts (everything in the filter but the group)."""
    rowset = RowSet(given_rows, SPEC)
    if order_made:
        rowset.ordered(sort)
    chosen = select(rowset, flt, sort)
    wanted, counts = reference(given_rows, flt, sort)
    assert same_objects(chosen.rows, wanted), ([r.key for r in chosen.rows], [r.key for r in wanted])
    assert chosen.counts == counts
    alone = (
        not order_made
        and flt.keys is not None
        and sort.column >= 0
        and len(flt.keys) * _SORT_ALONE_BELOW < len(rowset)
    )
    assert rowset.has_order(sort) is not alone  # a small search on a big set is sorted on its own


def test_a_small_search_is_sorted_alone_until_the_order_is_made() -> None:
    """A few keys out of many, before the sort's whole order is made: sorted on their own (the
    order is not made); once it is, picked out of it. The same rows and counts either way."""
    rnd = random.Random(7)
    given_rows = [make_row(rnd, key) for key in KEY_POOL]
    sort = RowSort(0, descending=True)
    flt = RowFilter(keys=frozenset(KEY_POOL[::30]) | {"unknown"})
    wanted, counts = reference(given_rows, flt, sort)

    rowset = RowSet(given_rows, SPEC)
    alone = select(rowset, flt, sort)
    assert not rowset.has_order(sort)
    assert alone.order is None
    assert same_objects(alone.rows, wanted)
    assert alone.counts == counts

    rowset.ordered(sort)
    picked = select(rowset, flt, sort)
    assert picked.order is not None
    assert picked.at is not None
    assert same_objects([picked.order[i] for i in picked.at], picked.rows)
    assert same_objects(picked.rows, wanted)
    assert picked.counts == counts


def test_no_filter_shows_the_whole_order_and_counts_every_group() -> None:
    """No filter: the sort's whole order itself; rows without a value last either way."""
    rows = [Row("k1", "a", 2, None, "AED"), Row("k0", "a", None, None, "SAR"), Row("k2", "c", 1, T0, "AED")]
    rowset = RowSet(rows, SPEC)
    chosen = select(rowset, RowFilter(), RowSort(0))
    assert [r.key for r in chosen.rows] == ["k2", "k1", "k0"]
    assert chosen.rows is chosen.order
    assert chosen.counts == {"a": 2, "b": 0, "c": 1, "d": 0, None: 3}
    descending = select(rowset, RowFilter(), RowSort(0, descending=True))
    assert [r.key for r in descending.rows] == ["k1", "k2", "k0"]  # no value: last either way


def test_a_date_range_is_half_open_and_leaves_out_undated_rows() -> None:
    """[since, until): since is in, until is out, a row with no date is out of any range."""
    rows = [
        Row(f"k{i}", "a", i, when, "AED") for i, when in enumerate([MOMENTS[1], MOMENTS[2], MOMENTS[3], None])
    ]
    chosen = select(RowSet(rows, SPEC), RowFilter(since=MOMENTS[1], until=MOMENTS[3]), RowSort())
    assert [r.key for r in chosen.rows] == ["k0", "k1"]
    assert chosen.counts[None] == 2
    assert select(RowSet(rows, SPEC), RowFilter(since=MOMENTS[0]), RowSort()).counts[None] == 3


# -- RowSet ---------------------------------------------------------------------------------------------


def test_a_later_row_with_a_key_replaces_the_earlier_at_its_place() -> None:
    """Given the same key twice, the later row is the one kept, at the first one's place."""
    first = Row("k1", "a", 1, None, "AED")
    other = Row("k2", "b", 2, None, "AED")
    later = Row("k1", "c", 3, None, "SAR")
    rowset = RowSet([first, other, later], SPEC)
    assert len(rowset) == 2
    assert same_objects(rowset.rows(), [later, other])
    assert rowset.by_key["k1"] is later
    assert same_objects(rowset.ordered(RowSort())[0], [later, other])
    assert rowset.counts() == {"a": 0, "b": 1, "c": 1, "d": 0, None: 2}
    assert same_objects(select(rowset, RowFilter(), RowSort()).rows, [later, other])


def test_changes_from_names_rows_that_show_differently() -> None:
    """Keys in both sets whose rows differ by spec.same; without `same`, every new object."""
    old = [Row("k1", "a", 1, None, "AED"), Row("k2", "a", 2, None, "AED"), Row("k3", "a", 3, None, "AED")]
    new = [
        replace(old[0], version=1),  # a newer copy, the same content
        replace(old[1], value=20),  # changed
        old[2],  # the very same object
        Row("k4", "a", 4, None, "AED"),  # new: not a change
    ]
    older, newer = RowSet(old, SPEC), RowSet(new, SPEC)
    changes = newer.changes_from(older)
    assert changes == {"k2"}
    assert newer.changes_from(older) is changes  # kept for the last older set
    plain = TableSpec(key=row_key, group=attrgetter("group"), sort_key=sort_key, columns=2)
    assert RowSet(new, plain).changes_from(RowSet(old, plain)) == {"k1", "k2"}  # without `same`


# -- the engine ---------------------------------------------------------------------------------------------


def check_engine(engine: TableEngine[Row], given_rows: Sequence[Row], view: View) -> None:
    """The view shows what the engine was last asked for; counts and row_of agree."""
    wanted, counts = reference(given_rows, engine.filter, engine.sort)
    assert same_objects(view.rows, wanted)
    assert engine.counts() == counts
    assert all(engine.row_of(row.key) == i for i, row in enumerate(wanted))
    assert not engine.pending


def next_rows(rnd: random.Random, rows: list[Row], pool: Sequence[str] = KEY_POOL) -> list[Row]:
    """A sync's new list: rows kept, copied, changed or gone, new ones, sometimes in another order."""
    out: list[Row] = []
    for row in rows:
        fate = rnd.random()
        if fate < 0.5:
            out.append(row)
        elif fate < 0.65:
            out.append(replace(row, version=row.version + 1))
        elif fate < 0.85:
            out.append(make_row(rnd, row.key, row.version + 1))
    known = {row.key for row in out}
    fresh = [key for key in pool if key not in known]
    coming = rnd.randint(0, len(pool) // 8) if rows else rnd.randint(len(pool) // 2, len(pool))
    for key in rnd.sample(fresh, min(len(fresh), coming)):
        out.insert(rnd.randint(0, len(out)), make_row(rnd, key))
    if rnd.random() < 0.2:
        rnd.shuffle(out)
    return out


def changed_keys(before: Sequence[Row], after: Sequence[Row]) -> set[str]:
    """Keys shown before and after whose content differs (spec.same, i.e. ==)."""
    old = {row.key: row for row in before}
    return {row.key for row in after if row.key in old and old[row.key] != row}


def random_filter(rnd: random.Random, pool: Sequence[str]) -> RowFilter:
    return RowFilter(
        group=rnd.choice([None, None, *GROUPS]),
        keys=rnd.choice([None, None, frozenset(rnd.sample(pool, rnd.randint(0, len(pool) // 2)))]),
        since=rnd.choice([None, None, *MOMENTS]),
        until=rnd.choice([None, None, *MOMENTS]),
        currency=rnd.choice([None, None, *CURRENCIES]),
    )


def random_sort(rnd: random.Random) -> RowSort:
    return RowSort(rnd.choice([-1, 0, 1]), rnd.random() < 0.5)


def run_ops(seed: int, ops: Sequence[str], pool: Sequence[str]) -> None:
    """Ask for each op in turn, make the job, accept its answer and apply it to a view; after each,
    the view, the counts and row_of are the reference's.

    "overtaken": a job whose answer comes after a newer request (it is refused). "remade": a job
    made twice, both answers accepted (the second is planned again from the first's rows)."""
    rnd = random.Random(seed)
    engine: TableEngine[Row] = TableEngine(SPEC)
    view = View(row_key)
    given_rows: list[Row] = []
    for op in ["rows", *ops]:
        if op == "clear":
            view.selected = {k for k in view.shown_keys() if rnd.random() < 0.5}
            view.apply(engine.clear())
            given_rows = []
            assert view.rows == []
            assert view.selected == set()
            assert engine.counts() == {**dict.fromkeys(GROUPS, 0), None: 0}
            continue
        overtaken = None
        if op in ("rows", "remade"):
            given_rows = next_rows(rnd, given_rows, pool)
            job = engine.set_rows(given_rows)
        elif op == "filter":
            job = engine.set_filter(random_filter(rnd, pool))
        elif op == "search":  # a search alone: over every row shown, a narrowing
            job = engine.set_filter(RowFilter(keys=frozenset(k for k in pool if rnd.random() < 0.4)))
        elif op == "tab":  # a tab alone: a narrowing too
            job = engine.set_filter(RowFilter(group=rnd.choice(GROUPS)))
        elif op == "unfilter":
            job = engine.set_filter(RowFilter())
        elif op == "sort":
            job = engine.set_sort(random_sort(rnd))
        elif op == "overtaken":
            overtaken = engine.set_sort(random_sort(rnd))
            job = engine.set_filter(random_filter(rnd, pool))
        else:
            assert op == "again"
            job = engine.again()
        assert engine.pending
        view.selected = {k for k in view.shown_keys() if rnd.random() < 0.3}
        before = list(view.rows)
        answer = job.make()
        if overtaken is not None:
            shown_before = engine.shown
            assert engine.accept(overtaken.make()) is None
            assert engine.shown == shown_before
        steps = engine.accept(answer)
        assert steps is not None
        apply_and_check(view, steps, answer.rows, changed_keys(before, answer.rows))
        if op == "remade":
            second = job.make()
            steps = engine.accept(second)
            assert steps is not None
            apply_and_check(view, steps, second.rows, ())
        check_engine(engine, given_rows, view)


OPS = ["rows", "filter", "search", "tab", "unfilter", "sort", "again", "clear", "overtaken", "remade"]


@given(st.integers(0, 2**32), st.lists(st.sampled_from(OPS), max_size=12))
@PROPERTY
def test_the_engine_keeps_a_view_on_what_was_asked(seed: int, ops: list[str]) -> None:
    """Any sequence of new rows, filters, searches and sorts, each answer accepted and applied: the
    view shows the reference's rows (its selection kept, only changed rows repainted), the counts
    are the reference's, and row_of finds every row."""
    run_ops(seed, ops, KEY_POOL)


BIG_POOL = [f"b{i:05d}" for i in range(2500)]


@given(st.integers(0, 2**32), st.lists(st.sampled_from(OPS), min_size=3, max_size=8))
@settings(PROPERTY, max_examples=25)
def test_the_engine_keeps_a_view_on_what_was_asked_over_many_rows(seed: int, ops: list[str]) -> None:
    """The same over thousands of rows: syncs and searches scatter hundreds of runs (one relayout),
    a search over every row is a narrowing."""
    run_ops(seed, ops, BIG_POOL)


def loaded(count: int = 60, seed: int = 3) -> tuple[TableEngine[Row], View, list[Row]]:
    """An engine with rows shown in a view."""
    rnd = random.Random(seed)
    given_rows = [make_row(rnd, key) for key in KEY_POOL[:count]]
    engine: TableEngine[Row] = TableEngine(SPEC)
    view = View(row_key)
    steps = engine.accept(engine.set_rows(given_rows).make())
    assert steps is not None
    assert isinstance(steps[0], Reset)
    view.apply(steps)
    return engine, view, given_rows


def test_the_newest_request_wins() -> None:
    """An answer to an older request is refused and changes nothing; the newest one applies."""
    engine, view, given_rows = loaded()
    shown_before = list(view.rows)
    older = engine.set_filter(RowFilter(group="a"))
    newer = engine.set_sort(RowSort(0, descending=True))
    assert newer.request > older.request
    older_answer, newer_answer = older.make(), newer.make()

    assert engine.accept(older_answer) is None
    assert engine.pending
    assert engine.shown == older.request - 1
    assert engine.counts() == reference(given_rows, RowFilter(), RowSort())[1]
    assert engine.row_of(shown_before[0].key) == 0

    steps = engine.accept(newer_answer)
    assert steps is not None
    view.selected = {shown_before[3].key}
    apply_and_check(view, steps, newer_answer.rows, ())
    assert engine.shown == newer.request
    check_engine(engine, given_rows, view)
    assert engine.accept(older_answer) is None  # still too old


def test_clear_voids_the_answer_on_its_way_and_shows_nothing() -> None:
    """clear(): one reset to no rows, zero counts, an answer on its way refused; then a reset again."""
    engine, view, _ = loaded()
    job = engine.set_sort(RowSort(1))
    answer = job.make()
    steps = engine.clear()
    assert steps == [Reset([])]
    view.apply(steps)
    assert engine.accept(answer) is None
    assert engine.counts() == {"a": 0, "b": 0, "c": 0, "d": 0, None: 0}
    assert engine.row_of(answer.rows[0].key) is None
    assert len(engine.rowset) == 0
    assert not engine.loaded
    assert engine.sort == RowSort(1)  # the filter and the sort stay

    rnd = random.Random(1)
    again_rows = [make_row(rnd, key) for key in KEY_POOL[:5]]
    steps_after = engine.accept(engine.set_rows(again_rows).make())
    assert steps_after is not None
    assert isinstance(steps_after[0], Reset)  # after a clear, the next rows are a reset
    view.apply(steps_after)
    check_engine(engine, again_rows, view)


def test_an_answer_planned_from_rows_no_longer_shown_is_planned_again() -> None:
    """The same job made twice (a retried worker): once the first answer is shown, the second's steps
    (planned from the rows shown before) would be wrong; accept plans them from what is shown."""
    engine, view, given_rows = loaded()
    rnd = random.Random(5)
    new_rows = [*given_rows[5:30], replace(given_rows[30], value=99), *given_rows[31:], make_row(rnd, "k999")]
    job = engine.set_rows(new_rows)
    first, second = job.make(), job.make()
    assert second.base is first.base

    steps = engine.accept(first)
    assert steps is not None
    view.selected = {k for k in view.shown_keys() if rnd.random() < 0.5}
    before = list(view.rows)
    apply_and_check(view, steps, first.rows, changed_keys(before, first.rows))

    stale = View(row_key, view.rows)  # the second answer's own steps, applied as they are...
    try:
        stale.apply(second.steps)
    except AssertionError:
        pass  # ...name rows that are not there,
    else:
        assert not same_objects(stale.rows, second.rows)  # ...or end somewhere else
    again = engine.accept(second)
    assert again is not None
    apply_and_check(view, again, second.rows, ())
    check_engine(engine, new_rows, view)


def test_a_search_over_every_row_is_one_relayout_that_keeps_the_selection() -> None:
    """Narrowing all of many rows to scattered search hits: one relayout whose locate finds each key
    by bisection; clearing the search brings them all back (one relayout again: too many runs)."""
    rnd = random.Random(11)
    many = [make_row(rnd, f"m{i:05d}") for i in range(3000)]
    engine: TableEngine[Row] = TableEngine(SPEC)
    view = View(row_key)
    view.apply(engine.accept(engine.set_rows(many).make()) or [])
    steps = engine.accept(engine.set_sort(RowSort(0)).make())
    assert steps is not None
    view.apply(steps)
    check_engine(engine, many, view)

    hits = frozenset(row.key for row in many if rnd.random() < 0.4)
    view.selected = {row.key for row in many[::7]}
    steps = engine.accept(engine.set_filter(RowFilter(keys=hits)).make())
    assert steps is not None
    assert [type(s) for s in steps] == [Relayout]
    apply_and_check(view, steps, reference(many, engine.filter, engine.sort)[0], ())
    check_engine(engine, many, view)
    relayout = steps[0]
    assert isinstance(relayout, Relayout)
    assert relayout.locate(["nope", *sorted(hits)[:3]]) == {k: engine.row_of(k) for k in sorted(hits)[:3]}

    steps = engine.accept(engine.set_filter(RowFilter()).make())
    assert steps is not None
    assert [type(s) for s in steps] == [Relayout]
    apply_and_check(view, steps, reference(many, RowFilter(), engine.sort)[0], ())
    check_engine(engine, many, view)


def test_a_job_is_heavy_from_async_from_rows_shown_or_asked() -> None:
    """A job is for a worker from async_from rows, asked for or still shown."""
    rnd = random.Random(2)
    rows = [make_row(rnd, key) for key in KEY_POOL[:10]]
    engine: TableEngine[Row] = TableEngine(SPEC, async_from=10)
    assert not engine.set_rows(rows[:9]).heavy
    job = engine.set_rows(rows)
    assert job.heavy
    engine.accept(job.make())
    assert engine.set_rows(rows[:2]).heavy  # ten rows are still shown
    assert not TableEngine(SPEC).set_rows(rows).heavy  # the default is far higher


def test_row_of_follows_the_shown_rows() -> None:
    """row_of is the row's place in what is shown: it moves when an answer is accepted, not before."""
    engine, _, given_rows = loaded(count=20)
    assert engine.row_of("nope") is None
    job = engine.set_sort(RowSort(0, descending=True))
    assert engine.row_of(given_rows[0].key) == 0  # not accepted yet
    answer = job.make()
    engine.accept(answer)
    assert {key: engine.row_of(key) for key in engine.rowset.by_key} == {
        row.key: i for i, row in enumerate(answer.rows)
    }


def test_jobs_made_on_two_threads_from_one_rowset_are_both_right() -> None:
    """A worker makes one answer while the GUI thread makes the next from the same rows, each with
    its own sort and a filter read through the set's per-order value lists: the set's lazy keys,
    orders, values and counts are built under its lock, and both answers are right."""
    rnd = random.Random(13)
    for round_ in range(3):
        many = [make_row(rnd, f"t{round_}-{i:05d}") for i in range(20_000)]
        engine: TableEngine[Row] = TableEngine(SPEC, async_from=1000)
        engine.set_rows(many)
        worker_filter, worker_sort = RowFilter(since=MOMENTS[2], until=MOMENTS[6]), RowSort(0)
        engine.set_filter(worker_filter)
        worker_job = engine.set_sort(worker_sort)
        assert worker_job.heavy
        gui_filter = RowFilter(group="b", keys=frozenset(row.key for row in many[::3]), currency="AED")
        gui_sort = RowSort(1, descending=True)  # the other sort: the set keeps only the last one
        engine.set_sort(gui_sort)
        gui_job = engine.set_filter(gui_filter)
        start = threading.Barrier(2)
        answers: dict[str, list[Answer[Row]]] = {"worker": [], "gui": []}

        def work(
            job: Job[Row] = worker_job,
            answers: dict[str, list[Answer[Row]]] = answers,
            start: threading.Barrier = start,
        ) -> None:
            start.wait()
            answers["worker"].extend(job.make() for _ in range(3))

        thread = threading.Thread(target=work)
        thread.start()
        start.wait()
        answers["gui"].extend(gui_job.make() for _ in range(3))
        thread.join(timeout=60)
        assert not thread.is_alive()

        worker_wanted, worker_counts = reference(many, worker_filter, worker_sort)
        gui_wanted, gui_counts = reference(many, gui_filter, gui_sort)
        assert len(answers["worker"]) == 3
        for answer in answers["worker"]:
            assert same_objects(answer.rows, worker_wanted)
            assert answer.counts == worker_counts
        for answer in answers["gui"]:
            assert same_objects(answer.rows, gui_wanted)
            assert answer.counts == gui_counts
        assert engine.accept(answers["worker"][0]) is None
        assert engine.accept(answers["gui"][0]) == [Reset(answers["gui"][0].rows)]


def test_the_engine_modules_import_no_qt() -> None:
    """The engine runs without Qt (the command line uses it): importing it loads no PySide6."""
    code = (
        "import sys\n"
        "import linkmanager.services.table_diff, linkmanager.services.table_rows\n"
        "import linkmanager.services.table_engine\n"
        "qt = [m for m in sys.modules if m.startswith('PySide6')]\n"
        "assert not qt, qt\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
