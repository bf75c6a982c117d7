"""walk_pages and path_segment without a server: shifting pages, totals, hostile ids."""

from __future__ import annotations

import logging

import pytest

from linkmanager.api import LeanSchemaError
from linkmanager.api.client import path_segment, walk_pages
from linkmanager.domain import Page


class ShiftingList:
    """A newest-first list of ids served in pages; `insert_after` adds items once a page was read."""

    def __init__(self, count: int, size: int) -> None:
        self.items = [f"id{i}" for i in range(count, 0, -1)]
        self.size = size
        self.insert_after: dict[int, list[str]] = {}
        self.calls: list[int] = []

    def __call__(self, number: int) -> Page[str]:
        self.calls.append(number)
        chunk = self.items[number * self.size : (number + 1) * self.size]
        total = len(self.items)
        page = Page(tuple(chunk), number, self.size, total, -(-total // self.size))
        for new in self.insert_after.pop(number, []):
            self.items.insert(0, new)
        return page


def test_all_pages_are_read_in_order() -> None:
    source = ShiftingList(25, 10)
    seen: list[int] = []
    items = walk_pages(source, str, lambda page: seen.append(page.number))
    assert items == source.items
    assert source.calls == seen == [0, 1, 2]


def test_items_pushed_down_while_walking_are_neither_lost_nor_doubled() -> None:
    source = ShiftingList(25, 10)
    source.insert_after = {0: ["new1"], 1: ["new2"]}
    items = walk_pages(source, str)
    assert sorted(items) == sorted(source.items)
    assert len(items) == len(set(items)) == 27
    assert source.calls == [0, 1, 2, 0]  # one extra page to pick up what slipped above


def test_empty_list_is_one_request() -> None:
    source = ShiftingList(0, 10)
    assert walk_pages(source, str) == []
    assert source.calls == [0]


def test_a_failing_page_returns_nothing() -> None:
    source = ShiftingList(25, 10)

    def fetch(number: int) -> Page[str]:
        if number == 2:
            raise LeanSchemaError("content[0].id", "missing")
        return source(number)

    with pytest.raises(LeanSchemaError):
        walk_pages(fetch, str)


@pytest.mark.parametrize(
    ("value", "segment"),
    [
        ("a1b2-c3", "a1b2-c3"),
        ("../../x", "..%2F..%2Fx"),
        ("..", "%2E%2E"),
        (".", "%2E"),
        ("a?b#c d%", "a%3Fb%23c%20d%25"),
    ],
)
def test_ids_cannot_change_the_path(value: str, segment: str) -> None:
    assert path_segment(value) == segment


def test_empty_id_is_refused() -> None:
    with pytest.raises(ValueError, match="non-empty"):
        path_segment("")


def test_a_server_that_ignores_the_page_number_cannot_loop_us(caplog: pytest.LogCaptureFixture) -> None:
    calls: list[int] = []

    def fetch(number: int) -> Page[str]:
        calls.append(number)
        return Page(("a", "b"), 0, 2, 6, 3)  # always page 0, claiming three pages

    with pytest.raises(LeanSchemaError, match="only 2 of 6 items") as info:
        walk_pages(fetch, str)
    assert info.value.field == "page.total_elements"
    assert calls == [0, 1, 2, 0, 1, 2]  # two bounded sweeps, then a refusal, not half a list
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("2 of 6" in message for message in warnings)


def test_a_list_that_catches_up_on_the_second_pass_is_returned() -> None:
    sweeps = iter([("a",), ("a", "b")])

    def fetch(number: int) -> Page[str]:
        return Page(next(sweeps), 0, 2, 2, 1)  # the first answer's total was ahead of its content

    assert walk_pages(fetch, str) == ["a", "b"]


def test_the_last_copy_read_wins_and_keeps_its_first_place() -> None:
    pages = {
        0: (("b", "old"), ("a", "old")),
        1: (("a", "new"), ("c", "new")),  # "a" slipped down a page and changed meanwhile
    }

    def fetch(number: int) -> Page[tuple[str, str]]:
        return Page(pages[number], number, 2, 3, 2)

    items = walk_pages(fetch, lambda item: item[0])
    assert items == [("b", "old"), ("a", "new"), ("c", "new")]
