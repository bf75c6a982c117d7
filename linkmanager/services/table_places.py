"""Where rows are, by key, without a dict of every row: for orders of 100,000 rows and more.

A dict of 100,000 keys costs tens of milliseconds to make, every time a sort or a filter changes,
mostly in reading keys out of rows scattered in memory. Here a set of rows keeps one dict of its
keys (their place in the set's base order, made once), and each order is a list (a permutation) over it.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import deque
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from itertools import compress, count
from typing import Generic, TypeVar

R = TypeVar("R")
Key = Hashable


class OrderPlaces(Mapping[Key, int]):
    """Each row's place in one order, by key: `perm[place]` is the row's place in the base order."""

    __slots__ = ("_index", "_perm", "_rank")

    def __init__(self, key_index: Mapping[Key, int], perm: Sequence[int]) -> None:
        self._index = key_index
        self._perm = perm
        self._rank: array[int] | None = None  # place in the base order -> place in this order

    def made(self) -> OrderPlaces:
        """Make the lookup now (on the worker that made the order), not on a first question."""
        self._ranks()
        return self

    def _ranks(self) -> array[int]:
        if self._rank is None:
            rank = array("i", bytes(4 * len(self._perm)))  # 4 bytes a place, no int objects
            deque(map(rank.__setitem__, self._perm, count()), maxlen=0)  # C-level inverse
            self._rank = rank
        return self._rank

    def __getitem__(self, key: Key) -> int:
        return self._ranks()[self._index[key]]

    def __contains__(self, key: object) -> bool:
        return key in self._index

    def places_of(self, keys: Iterable[Key]) -> Iterator[int]:
        """Each key's place, C-level: a search asks for tens of thousands at once, and a Python
        call per key (__getitem__) made that most of a keystroke (~50 ms for 55,000 keys)."""
        return map(self._ranks().__getitem__, map(self._index.__getitem__, keys))

    def known(self, keys: Iterable[Key]) -> Iterator[Key]:
        """The keys the order holds, C-level."""
        keys = list(keys)
        return compress(keys, map(self._index.__contains__, keys))

    def __iter__(self) -> Iterator[Key]:
        keys = list(self._index)  # the base order
        return map(keys.__getitem__, self._perm)

    def __len__(self) -> int:
        return len(self._perm)


class PickedPlaces(Mapping[Key, int], Generic[R]):
    """Each picked row's place by key, without a dict of them: a key's place in the whole order,
    then bisection in the picked places. Making a dict of 110,000 rows scattered in memory costs
    a tenth of a second; a view asks for a handful of keys."""

    __slots__ = ("_at", "_key", "_order", "_order_places")

    def __init__(
        self, order: list[R], order_places: Mapping[Key, int], at: list[int], key: Callable[[R], Key]
    ) -> None:
        self._order, self._order_places, self._at, self._key = order, order_places, at, key

    def __getitem__(self, key: Key) -> int:
        place = self._order_places[key]
        row = bisect_left(self._at, place)
        if row < len(self._at) and self._at[row] == place:
            return row
        raise KeyError(key)

    def __iter__(self) -> Iterator[Key]:
        return map(self._key, map(self._order.__getitem__, self._at))

    def __len__(self) -> int:
        return len(self._at)
