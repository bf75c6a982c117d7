"""services.slices gives exactly what sorted() and dict() give, cut into short calls."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linkmanager.services import slices


@pytest.fixture(autouse=True)
def small_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(slices, "SLICE", 4)  # many slices and merge rounds from a few items


# (key, tag) pairs: sorted by key alone, equal keys must keep the tags' order (stability)
pairs = st.lists(st.tuples(st.integers(0, 5), st.integers()), max_size=60)


@given(pairs, st.booleans())
def test_sorting_in_slices_is_sorted_with_its_stability(items: list[tuple[int, int]], reverse: bool) -> None:
    def by_key(item: tuple[int, int]) -> int:
        return item[0]

    assert slices.sorted_in_slices(items, key=by_key, reverse=reverse) == sorted(
        items, key=by_key, reverse=reverse
    )


@given(st.lists(st.text(max_size=3), max_size=60), st.booleans())
def test_sorting_in_slices_without_a_key(items: list[str], reverse: bool) -> None:
    assert slices.sorted_in_slices(items, reverse=reverse) == sorted(items, reverse=reverse)


@given(st.lists(st.integers(0, 20), max_size=60))
def test_places_and_pairs_in_slices_are_the_dicts(keys: list[int]) -> None:
    assert slices.places_in_slices(keys) == {key: place for place, key in enumerate(keys)}
    values = [-place for place in range(len(keys))]
    assert slices.dict_in_slices(keys, values) == dict(zip(keys, values, strict=True))


def test_a_range_sorts_by_a_lookup_as_the_table_engine_asks() -> None:
    values = [3, 1, 2, 1, 3, 0, 2, 1, 0, 3]
    got = slices.sorted_in_slices(range(len(values)), key=values.__getitem__)
    assert got == sorted(range(len(values)), key=values.__getitem__)
    assert got == [5, 8, 1, 3, 7, 2, 6, 0, 4, 9]
