"""Sorting and indexing 100,000 rows on a worker without starving the window's thread.

A single C-level call (sorted(), dict(zip(...))) holds the interpreter lock from start to end:
sorting 100,000 strings is one ~45 ms call, during which the GUI thread cannot run a line of
Python, and on two cores several such calls in a row froze the window for over 100 ms. Here the
same work is cut into calls of a few milliseconds; between them the lock can pass to the window.
The results are exactly those of sorted() and dict(): same order, same stability.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

SLICE = 16_384  # items a call sorts (~7 ms of strings) or hashes (~3 ms)


def sorted_in_slices(
    items: Sequence[T], key: Callable[[T], Any] | None = None, *, reverse: bool = False
) -> list[T]:
    """sorted(items, key=key, reverse=reverse), as short calls: each slice sorted alone (one C call
    of a few milliseconds), then neighbouring runs merged two at a time, each merge one sorted()
    of their concatenation (timsort sees the two runs and only merges them: the last merge of
    100,000 names holds the lock ~23 ms). A Python merge (heapq.merge) would let the lock go more
    often but costs three times as much. Stable like sorted(): runs stay in the items' order, and
    sorted() keeps equal items in the order it meets them, in either direction."""
    if len(items) <= SLICE:
        return sorted(items, key=key, reverse=reverse)  # type: ignore[type-var,arg-type]
    runs = [
        sorted(items[start : start + SLICE], key=key, reverse=reverse)  # type: ignore[type-var,arg-type]
        for start in range(0, len(items), SLICE)
    ]
    while len(runs) > 1:
        merged = [
            sorted(runs[i] + runs[i + 1], key=key, reverse=reverse)  # type: ignore[type-var,arg-type]
            for i in range(0, len(runs) - 1, 2)
        ]
        if len(runs) % 2:
            merged.append(runs[-1])
        runs = merged
    return runs[0]


def mapped_in_slices(function: Callable[[T], V], items: Sequence[T]) -> list[V]:
    """list(map(function, items)), a slice at a time (100,000 dict look-ups are one ~15 ms call)."""
    found: list[V] = []
    for start in range(0, len(items), SLICE):
        found.extend(map(function, items[start : start + SLICE]))
    return found


def places_in_slices(keys: Sequence[K]) -> dict[K, int]:
    """dict(zip(keys, count())): each key's place, made a slice at a time."""
    found: dict[K, int] = {}
    for start in range(0, len(keys), SLICE):
        found.update(
            zip(keys[start : start + SLICE], range(start, start + SLICE), strict=False)
        )  # the last slice is short
    return found


def dict_in_slices(keys: Sequence[K], values: Sequence[V]) -> dict[K, V]:
    """dict(zip(keys, values)), a slice at a time (a later pair with the same key wins, as in dict())."""
    found: dict[K, V] = {}
    for start in range(0, len(keys), SLICE):
        found.update(zip(keys[start : start + SLICE], values[start : start + SLICE], strict=True))
    return found
