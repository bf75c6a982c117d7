"""table_diff: the steps from the rows a table shows to the next rows, checked against a plain view.

`View` applies steps to a list the way ui/models/row_model.py applies them to its rows, and keeps
a selection the way a Qt selection model does (it follows persistent indexes: a removed row leaves
it, a relayout carries it by key through `locate`, a reset drops it). The engine's tests use it too.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Collection, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkmanager.services.table_diff import (
    MAX_RUNS,
    Changed,
    Insert,
    Refill,
    Relayout,
    Remove,
    Reset,
    Step,
    gaps,
    places_of,
    plan,
    runs,
    scan_locate,
    too_many_gaps,
)

PROPERTY = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# -- a view without Qt -------------------------------------------------------------------------------


class View:
    """Rows shown and keys selected, moved by steps exactly as the Qt adapter moves its rows."""

    def __init__(self, key: Callable[[Any], Hashable], rows: Sequence[Any] = ()) -> None:
        self.key = key
        self.rows: list[Any] = list(rows)
        self.selected: set[Hashable] = set()
        self.repainted: list[Hashable] = []  # keys named by Changed steps, in the last apply
        self.arrived: set[Hashable] = set()  # keys that came in (Insert or Relayout) in the last apply
        self.inserted: set[Hashable] = set()  # keys that came in by an Insert in the last apply
        self.was_reset = False

    def shown_keys(self) -> list[Hashable]:
        return [self.key(row) for row in self.rows]

    def apply(self, steps: Sequence[Step[Any]]) -> None:
        self.repainted, self.arrived, self.inserted, self.was_reset = [], set(), set(), False
        rows, key = self.rows, self.key
        for step in steps:
            if isinstance(step, Changed):
                assert 0 <= step.first <= step.last < len(rows), (step, len(rows))
                self.repainted.extend(key(row) for row in rows[step.first : step.last + 1])
            elif isinstance(step, Remove):
                assert 0 <= step.first <= step.last < len(rows), (step, len(rows))
                self.selected -= {key(row) for row in rows[step.first : step.last + 1]}
                del rows[step.first : step.last + 1]
            elif isinstance(step, Insert):
                assert 0 <= step.first <= len(rows), (step.first, len(rows))
                assert len(step.rows) > 0, "an empty insert"
                self.arrived |= {key(row) for row in step.rows}
                self.inserted |= {key(row) for row in step.rows}
                rows[step.first : step.first] = step.rows
            elif isinstance(step, Refill):
                # No signal at all: the keys must be the same, at the same places.
                assert [key(row) for row in step.rows] == [key(row) for row in rows]
                rows[:] = step.rows
            elif isinstance(step, Relayout):
                self._relayout(step)
            elif isinstance(step, Reset):
                rows[:] = step.rows
                self.selected = set()
                self.was_reset = True
            else:  # pragma: no cover - a new kind of step
                raise AssertionError(f"unknown step {step!r}")
        assert len(set(self.shown_keys())) == len(rows), "a key shown twice"

    def _relayout(self, step: Relayout[Any]) -> None:
        tracked = set(self.selected)
        assert tracked <= set(self.shown_keys())
        self.arrived |= {self.key(row) for row in step.rows} - set(self.shown_keys())
        self.rows[:] = step.rows
        found = step.locate(tracked) if tracked else {}
        for k in tracked & found.keys():
            place = found[k]
            assert 0 <= place < len(step.rows), (k, place)
            assert self.key(step.rows[place]) == k, (k, place)
        self.selected = tracked & found.keys()


def apply_and_check(
    view: View, steps: Sequence[Step[Any]], target: Sequence[Any], changed: Collection[Hashable]
) -> None:
    """Apply `steps`; the view must then show exactly `target` (the same objects), keep its selection
    of rows still shown (none after a reset), and repaint exactly the changed rows it showed before
    and still shows."""
    before = set(view.shown_keys())
    selected_before = set(view.selected)
    view.apply(steps)
    assert len(view.rows) == len(target)
    assert all(map(lambda a, b: a is b, view.rows, target)), "not the target's rows, in its order"
    after = set(view.shown_keys())
    if view.was_reset:
        assert view.selected == set()
        assert view.repainted == []
        return
    assert view.selected == selected_before & after
    assert len(view.repainted) == len(set(view.repainted)), "a row repainted twice"
    repainted = set(view.repainted)
    assert not repainted & view.inserted, "an inserted row repainted"
    wanted = {k for k in changed if k in before and k in after}
    if view.arrived - before and any(isinstance(s, Relayout) for s in steps):
        # One relayout that brings rows in may name some of them changed too (a harmless repaint):
        # a row that changed while it was not shown.
        assert wanted <= repainted
        assert repainted - wanted <= view.arrived - before
    else:
        assert repainted == wanted


# -- rows for the diff ---------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Item:
    """A row told apart by identity: a newer copy of key k is another object."""

    key: int
    version: int = 0


def item_key(item: Item) -> int:
    return item.key


def items(keys: Sequence[int]) -> list[Item]:
    return [Item(k) for k in keys]


def kinds(steps: Sequence[Step[Any]]) -> list[str]:
    return [type(step).__name__ for step in steps]


# -- runs, gaps, too_many_gaps ---------------------------------------------------------------------------


def test_runs_are_the_inclusive_stretches_of_ascending_positions() -> None:
    assert runs([]) == []
    assert runs([4]) == [(4, 4)]
    assert runs([1, 2, 3, 7]) == [(1, 3), (7, 7)]
    assert runs([0, 2, 4]) == [(0, 0), (2, 2), (4, 4)]
    assert runs([0, 1, 2, 3]) == [(0, 3)]
    assert runs([5, 6, 9, 10, 11, 20]) == [(5, 6), (9, 11), (20, 20)]


@given(st.sets(st.integers(0, 300)))
@PROPERTY
def test_runs_cover_every_position_once_and_never_touch(positions: set[int]) -> None:
    """Runs spell out the positions exactly, and two runs never touch (else they would be one)."""
    found = runs(sorted(positions))
    assert [p for first, last in found for p in range(first, last + 1)] == sorted(positions)
    assert all(last + 1 < first for (_, last), (first, _) in itertools.pairwise(found))


def test_gaps_are_the_runs_missing_from_the_places() -> None:
    assert gaps([1, 2, 5], 8, 10) == [(0, 0), (3, 4), (6, 7)]
    assert gaps([0, 1, 2], 3, 10) == []
    assert gaps([], 3, 10) == [(0, 2)]
    assert gaps([], 0, 10) == []
    assert gaps([0, 2, 4], 5, 10) == [(1, 1), (3, 3)]


def test_gaps_give_up_past_the_limit_but_not_at_it() -> None:
    places = [1, 3, 5]  # gaps at 0, 2, 4 and 6 of range(7)
    assert gaps(places, 7, 4) == [(0, 0), (2, 2), (4, 4), (6, 6)]
    assert gaps(places, 7, 3) is None
    assert gaps(places, 7, 0) is None
    assert gaps([0, 1], 2, 0) == []


@given(
    st.integers(0, 200).flatmap(
        lambda n: st.tuples(st.just(n), st.sets(st.integers(0, max(n - 1, 0)), max_size=n))
    )
)
@PROPERTY
def test_gaps_are_the_runs_of_what_is_not_kept(case: tuple[int, set[int]]) -> None:
    """gaps() is runs() of the places not kept, and None one below their number."""
    size, kept = case
    kept = {p for p in kept if p < size}
    missing = runs([p for p in range(size) if p not in kept])
    assert gaps(sorted(kept), size, len(missing)) == missing
    if missing:
        assert gaps(sorted(kept), size, len(missing) - 1) is None


def test_too_many_gaps_is_past_max_runs() -> None:
    kept = list(range(1, 2 * MAX_RUNS, 2))  # gaps at 0, 2, ..., 2 * MAX_RUNS - 2: MAX_RUNS of them
    assert not too_many_gaps(kept, 2 * MAX_RUNS)
    assert too_many_gaps(kept, 2 * MAX_RUNS + 1)  # and one more at the end
    assert not too_many_gaps([], 0)
    assert not too_many_gaps([], 10_000)  # one gap, however long
    assert not too_many_gaps(list(range(10_000)), 10_000)


def test_places_of_and_scan_locate_find_rows_by_key() -> None:
    rows = items([7, 3, 9])
    assert places_of(rows, item_key) == {7: 0, 3: 1, 9: 2}
    locate = scan_locate(rows, item_key)
    assert locate([9, 7, 42]) == {9: 2, 7: 0}
    assert locate([]) == {}


# -- plan: chosen cases --------------------------------------------------------------------------------------


def plan_for(
    shown: Sequence[Item], target: Sequence[Item], changed: Collection[int] = ()
) -> list[Step[Item]]:
    return plan(shown, places_of(shown, item_key), target, item_key, changed)


def test_the_same_rows_need_no_step_but_their_repaints() -> None:
    rows = items(range(6))
    assert plan_for(rows, rows) == []
    assert plan_for(rows, list(rows), changed={1, 2, 4, 99}) == [Changed(1, 2), Changed(4, 4)]


def test_rows_that_go_leave_as_runs_from_the_bottom() -> None:
    shown = items(range(10))
    target = [shown[i] for i in (0, 3, 4, 8)]
    assert plan_for(shown, target) == [Remove(9, 9), Remove(5, 7), Remove(1, 2)]


def test_new_rows_come_in_at_their_final_places() -> None:
    shown = items([1, 3])
    new = items([0, 2, 4, 5])
    target = [new[0], shown[0], new[1], shown[1], new[2], new[3]]
    steps = plan_for(shown, target)
    assert kinds(steps) == ["Insert", "Insert", "Insert"]
    assert [(s.first, [r.key for r in s.rows]) for s in steps if isinstance(s, Insert)] == [
        (0, [0]),
        (2, [2]),
        (4, [4, 5]),
    ]


def test_newer_copies_at_the_same_places_are_a_refill_and_changed_rows_are_named() -> None:
    shown = items(range(5))
    target = [Item(k, 1) for k in range(5)]
    steps = plan_for(shown, target, changed={3})
    assert kinds(steps) == ["Refill", "Changed"]
    assert steps[0] == Refill(target)
    assert steps[1] == Changed(3, 3)


def test_moved_rows_are_one_relayout_that_finds_each_key() -> None:
    shown = items(range(6))
    target = [shown[i] for i in (5, 0, 1, 2, 3, 4)]
    steps = plan_for(shown, target)
    assert kinds(steps) == ["Relayout"]
    relayout = steps[0]
    assert isinstance(relayout, Relayout)
    assert relayout.locate([5, 2]) == {5: 0, 2: 3}


def test_a_changed_row_that_is_inserted_is_not_repainted() -> None:
    shown = items([0, 1])
    target = [shown[0], Item(5), Item(1, 1)]
    steps = plan_for(shown, target, changed={1, 5})
    assert steps == [Refill([shown[0], target[2]]), Insert(1, [target[1]]), Changed(2, 2)]


def test_max_runs_removed_runs_are_row_signals_and_one_more_is_a_relayout() -> None:
    shown = items(range(2 * MAX_RUNS + 1))
    at_limit = shown[1::2]  # removes 0, 2, ..., 2 * MAX_RUNS: MAX_RUNS + 1 runs
    assert kinds(plan_for(shown, at_limit)) == ["Relayout"]
    under = [*shown[1:-1:2], shown[-1]]  # removes 0, 2, ..., 2 * MAX_RUNS - 2: MAX_RUNS runs
    steps = plan_for(shown, under)
    assert len(steps) == MAX_RUNS
    assert all(isinstance(s, Remove) for s in steps)


def test_removed_and_inserted_runs_share_the_limit() -> None:
    """Removed and inserted runs count together: half the limit of each, plus one, is a relayout."""
    half = MAX_RUNS // 2
    shown = items(range(0, 4 * half, 2))  # 0, 2, 4, ...
    kept = shown[1::2]  # removes half runs: 0, 4, 8, ...
    extra = items(range(1, 4 * half + 2, 4))  # half + 1 inserted runs between them
    target = sorted([*kept, *extra], key=item_key)
    steps = plan_for(shown, target)
    assert isinstance(steps[0], Relayout)
    assert len(steps) == 1
    assert list(steps[0].rows) == target  # brings the new rows in too
    view = View(item_key, shown)
    view.selected = {k.key for k in shown[:10]}
    apply_and_check(view, steps, target, ())


# -- plan: any move ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Move:
    shown: list[Item]
    target: list[Item]
    changed: frozenset[int]
    selected: frozenset[int]
    give_places: bool

    def __repr__(self) -> str:  # short enough to read in a failure
        return (
            f"Move(shown={[i.key for i in self.shown]}, target={[(i.key, i.version) for i in self.target]}, "
            f"changed={sorted(self.changed)}, selected={sorted(self.selected)}, give_places={self.give_places})"
        )


SHAPES = (
    "any",
    "subset",
    "superset",
    "reorder",
    "block",
    "few_runs_big",
    "scatter_out",
    "scatter_in",
    "scatter_both",
    "shuffle_big",
    "thin_and_shuffle",
)


def move_keys(rnd: random.Random, shape: str) -> tuple[list[int], list[int]]:
    """The shown keys and the target keys of one kind of move."""
    if shape == "any":
        n = rnd.randint(0, 30)
        return rnd.sample(range(n), rnd.randint(0, n)), rnd.sample(range(n), rnd.randint(0, n))
    if shape in ("subset", "superset"):
        n = rnd.randint(0, 40)
        whole = rnd.sample(range(n), n)
        keep = rnd.random()
        part = [k for k in whole if rnd.random() < keep]
        return (whole, part) if shape == "subset" else (part, whole)
    if shape == "reorder":
        shown = rnd.sample(range(40), rnd.randint(0, 40))
        return shown, rnd.sample(shown, len(shown))
    if shape == "block":
        shown = list(range(rnd.randint(2, 40)))
        i = rnd.randrange(len(shown))
        j = rnd.randint(i + 1, len(shown))
        rest = shown[:i] + shown[j:]
        at = rnd.randint(0, len(rest))
        return shown, rest[:at] + shown[i:j] + rest[at:]
    if shape == "few_runs_big":
        n = rnd.randint(500, 1500)
        shown = list(range(0, 2 * n, 2))  # even keys; odd ones come in
        gone = {p for _ in range(rnd.randint(0, 8)) for p in range(rnd.randrange(n), n)[: rnd.randint(1, 30)]}
        kept = [k for p, k in enumerate(shown) if p not in gone]
        new = rnd.sample(range(1, 2 * n, 2), rnd.randint(0, 40))
        return shown, sorted({*kept, *new})
    if shape in ("scatter_out", "scatter_in"):
        n = rnd.randint(1100, 1600)
        part = [k for k in range(n) if rnd.random() < 0.5]
        return (list(range(n)), part) if shape == "scatter_out" else (part, list(range(n)))
    if shape == "scatter_both":
        n = rnd.randint(600, 1600)
        return [k for k in range(n) if rnd.random() < 0.6], [k for k in range(n) if rnd.random() < 0.6]
    if shape == "shuffle_big":
        shown = list(range(rnd.randint(300, 1200)))
        return shown, rnd.sample(shown, len(shown))
    assert shape == "thin_and_shuffle"
    n = rnd.randint(300, 1200)
    target = [k for k in range(n + 200) if k >= n or rnd.random() < 0.7]
    return list(range(n)), rnd.sample(target, len(target))


@st.composite
def moves(draw: st.DrawFn) -> Move:
    shape = draw(st.sampled_from(SHAPES))
    rnd = random.Random(draw(st.integers(0, 2**32)))  # plain random: hypothesis' own is slow per call
    shown_keys, target_keys = move_keys(rnd, shape)
    shown = items(shown_keys)
    by_key = {item.key: item for item in shown}
    reuse = rnd.choice([1.0, 1.0, 0.8, 0.0])  # how many rows that stay are the very same objects
    target = [
        by_key[k]
        if k in by_key and rnd.random() < reuse
        else Item(k, 1 + by_key[k].version if k in by_key else 0)
        for k in target_keys
    ]
    everyone = sorted(set(shown_keys) | set(target_keys))
    share = rnd.random()
    changed = frozenset(k for k in everyone if rnd.random() < share * 0.3) | (
        {-1} if rnd.random() < 0.2 else set()
    )
    picked = rnd.random()
    selected = frozenset(k for k in shown_keys if rnd.random() < picked)
    return Move(shown, target, changed, selected, draw(st.booleans()))


def check_step_shapes(move: Move, steps: Sequence[Step[Item]]) -> None:
    """The fewest, smallest steps: removes from the bottom, one relayout or refill, inserts in order,
    and one relayout of everything once the runs are past MAX_RUNS."""
    shown, target = move.shown, move.target
    if len(shown) == len(target) and all(map(lambda a, b: a is b, shown, target)):
        assert all(isinstance(s, Changed) for s in steps)
        return
    target_keys = {i.key for i in target}
    shown_keys = {i.key for i in shown}
    removed = runs([p for p, i in enumerate(shown) if i.key not in target_keys])
    added = runs([p for p, i in enumerate(target) if i.key not in shown_keys])
    rank = {"Remove": 0, "Relayout": 1, "Refill": 1, "Insert": 2, "Changed": 3}
    assert [rank[k] for k in kinds(steps)] == sorted(rank[k] for k in kinds(steps)), kinds(steps)
    if len(removed) + len(added) > MAX_RUNS:
        assert kinds(steps)[0] == "Relayout"
        assert set(kinds(steps)[1:]) <= {"Changed"}
        assert list(steps[0].rows) == target  # type: ignore[union-attr]
        return
    assert [s for s in steps if isinstance(s, Remove)] == [
        Remove(first, last) for first, last in reversed(removed)
    ]
    assert [(s.first, len(s.rows)) for s in steps if isinstance(s, Insert)] == [
        (first, last - first + 1) for first, last in added
    ]
    staying_before = [i for i in shown if i.key in target_keys]
    staying_after = [i for i in target if i.key in shown_keys]
    moved = [i.key for i in staying_before] != [i.key for i in staying_after]
    fresh = not moved and not all(map(lambda a, b: a is b, staying_before, staying_after))
    assert kinds(steps).count("Relayout") == int(moved)
    assert kinds(steps).count("Refill") == int(fresh)


@given(moves())
@PROPERTY
def test_applying_a_plan_shows_the_target_and_keeps_the_selection(move: Move) -> None:
    """Any move (subsets, supersets, reorders, thousands of scattered runs): the view ends on the
    target's objects, keeps the selected rows still shown, and repaints exactly the changed ones."""
    target_places = places_of(move.target, item_key) if move.give_places else None
    steps = plan(
        move.shown, places_of(move.shown, item_key), move.target, item_key, move.changed, target_places
    )
    check_step_shapes(move, steps)
    view = View(item_key, move.shown)
    view.selected = set(move.selected)
    apply_and_check(view, steps, move.target, move.changed)
    assert set(view.repainted) <= move.changed


def test_the_view_helper_catches_a_wrong_plan() -> None:
    """The checks above can fail: a relayout that loses a selected row, a remove past the end, a
    refill that moves keys, a repaint of a row that did not change."""
    shown = items(range(4))
    view = View(item_key, shown)
    view.selected = {1}
    lost = Relayout(list(reversed(shown)), lambda keys: {})
    with pytest.raises(AssertionError):
        apply_and_check(view, [lost], list(reversed(shown)), ())
    with pytest.raises(AssertionError):
        View(item_key, shown).apply([Remove(3, 4)])
    with pytest.raises(AssertionError):
        View(item_key, shown).apply([Refill(list(reversed(shown)))])
    with pytest.raises(AssertionError):
        apply_and_check(View(item_key, shown), [Changed(0, 1)], shown, {1})
