"""How a table moves from the rows it shows to the next rows, in the fewest, smallest steps.

Why not always a reset: a background sync replaces the whole list every few minutes, and a reset
throws away a view's selection, current row and scroll position. So rows that go leave as
contiguous runs (from the bottom, so earlier positions stay true), rows that only moved are
carried by one relayout (a view's selection follows each row's key), new rows come in at their
final places, and rows whose content changed are named for a repaint.

The diff works on each row's place by key (a dict kept from one change to the next), not by
walking both lists: narrowing 100,000 rows to a search's 7,000 then looks at 7,000 rows, where a
walk over 100,000 rows scattered in memory cost tens of milliseconds per keystroke. No Qt here:
a view adapter applies the steps (ui/models/row_model.py), the command line needs none.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Mapping, Sequence
from dataclasses import dataclass
from itertools import compress, count, islice, repeat
from operator import add, gt, is_, le, ne, sub
from typing import Generic, TypeVar

R = TypeVar("R")
Key = Hashable
# Where some keys are in a relayout's rows: a view asks for the keys of the rows it tracks.
Locate = Callable[[Collection[Key]], Mapping[Key, int]]

# Past this many insert/remove runs one relayout is cheaper for every view than thousands of row
# signals (each costs a header an O(rows) shuffle); it keeps the selection the same way.
MAX_RUNS = 256


@dataclass(frozen=True, slots=True)
class Reset(Generic[R]):
    """Show `rows`, forgetting selection and scroll (a first load, a profile switch)."""

    rows: Sequence[R]


@dataclass(frozen=True, slots=True)
class Relayout(Generic[R]):
    """Show `rows` (any keys, any order) as one layout change: a view's tracked rows (selection,
    current row) move to `locate`'s places, or go when it does not find them."""

    rows: Sequence[R]
    locate: Locate


@dataclass(frozen=True, slots=True)
class Remove:
    """Rows first..last (inclusive) go."""

    first: int
    last: int


@dataclass(frozen=True, slots=True)
class Insert(Generic[R]):
    """`rows` come in at `first`."""

    first: int
    rows: Sequence[R]


@dataclass(frozen=True, slots=True)
class Refill(Generic[R]):
    """The same keys at the same places, as these (newer) objects: nothing moves, nothing to say."""

    rows: Sequence[R]


@dataclass(frozen=True, slots=True)
class Changed:
    """Rows first..last (inclusive, final places) show different content: repaint them."""

    first: int
    last: int


Step = Reset[R] | Relayout[R] | Remove | Insert[R] | Refill[R] | Changed


def runs(positions: Sequence[int]) -> list[tuple[int, int]]:
    """Ascending positions as inclusive (first, last) runs: [1, 2, 3, 7] -> [(1, 3), (7, 7)]."""
    if not positions:
        return []
    # a run starts at i where positions[i] is not positions[i - 1] + 1
    following = map(add, positions, repeat(1))
    breaks = list(compress(range(1, len(positions)), map(ne, islice(positions, 1, None), following)))
    firsts = [positions[0], *map(positions.__getitem__, breaks)]
    lasts = [*map(positions.__getitem__, map(sub, breaks, repeat(1))), positions[-1]]
    return list(zip(firsts, lasts, strict=True))


def gaps(places: Sequence[int], size: int, limit: int) -> list[tuple[int, int]] | None:
    """The (first, last) runs of range(size) missing from the ascending `places`; None past `limit`.

    Found from the places alone, with map/compress: hiding 93,000 of 100,000 rows looks at
    7,000 numbers, and stops once it is clear that one relayout will do.
    """
    starts = [0, *map(add, places, repeat(1))]
    lasts = [*map(sub, places, repeat(1)), size - 1]
    found = list(islice(compress(zip(starts, lasts, strict=True), map(le, starts, lasts)), limit + 1))
    return None if len(found) > limit else found


def too_many_gaps(kept: Sequence[int], size: int) -> bool:
    """True when keeping the ascending places `kept` of `size` rows removes more runs than
    MAX_RUNS: one relayout then serves views better than row signals."""
    return gaps(kept, size, MAX_RUNS) is None


def places_of(rows: Sequence[R], key: Callable[[R], Key]) -> dict[Key, int]:
    """Each row's place by key."""
    return dict(zip(map(key, rows), count()))


def scan_locate(rows: Sequence[R], key: Callable[[R], Key]) -> Locate:
    """Where a few keys are in `rows`, by one scan: cheaper than a dict of every row's place."""

    def locate(keys: Collection[Key]) -> Mapping[Key, int]:
        wanted = set(keys)
        found = compress(count(), map(wanted.__contains__, map(key, rows))) if wanted else ()
        return {key(rows[i]): i for i in found}

    return locate


def _unsorted(values: Sequence[int]) -> bool:
    return any(map(gt, values, islice(values, 1, None)))


def _changed_steps(positions: Collection[int]) -> list[Step[R]]:
    return [Changed(first, last) for first, last in runs(sorted(positions))]


def plan(
    shown: Sequence[R],
    shown_places: Mapping[Key, int],
    target: Sequence[R],
    key: Callable[[R], Key],
    changed: Collection[Key] = (),
    target_places: Mapping[Key, int] | None = None,
) -> list[Step[R]]:
    """The steps that turn `shown` into `target`, rows matched by key.

    `shown_places`/`target_places`: each row's place by key (target_places is made when None).
    `changed` holds the keys of rows whose shown content differs; a changed row keeps its place
    and its selection and is named in a Changed step (an inserted row needs none).
    """
    if len(shown) == len(target) and all(map(is_, shown, target)):
        return _changed_steps([shown_places[k] for k in changed if k in shown_places])
    if target_places is None:
        target_places = places_of(target, key)
    # Only the keys of the shorter side are looked up in the other; map/compress, no Python loop.
    if len(target_places) <= len(shown_places):
        common = list(compress(target_places, map(shown_places.__contains__, target_places)))
    else:
        common = list(compress(shown_places, map(target_places.__contains__, shown_places)))
    stay_at = list(map(shown_places.__getitem__, common))  # where the rows that stay are now
    places = list(map(target_places.__getitem__, common))  # and where they go
    moved = _unsorted(places) or _unsorted(stay_at)
    if moved:
        places.sort()
        stay_at.sort()
    removed = gaps(stay_at, len(shown), MAX_RUNS)
    added = gaps(places, len(target), MAX_RUNS - len(removed)) if removed is not None else None
    steps: list[Step[R]] = []
    if removed is None or added is None:
        final = target_places
        steps.append(Relayout(target, lambda keys: final))
        added = []
    else:
        steps.extend(Remove(first, last) for first, last in reversed(removed))
        staying = list(map(target.__getitem__, places))
        if moved:
            steps.append(Relayout(staying, scan_locate(staying, key)))
        elif not all(map(is_, map(shown.__getitem__, stay_at), staying)):
            steps.append(Refill(staying))
        steps.extend(Insert(first, target[first : last + 1]) for first, last in added)
    if changed:
        inserted = {key(target[i]) for first, last in added for i in range(first, last + 1)}
        steps.extend(
            _changed_steps([target_places[k] for k in changed if k in target_places and k not in inserted])
        )
    return steps
