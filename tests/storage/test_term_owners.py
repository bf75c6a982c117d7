"""The in-memory owners of indexed values (storage.term_owners) answer exactly as SQL does.

A search after prepare_search() must find the same links, marked the same way, as before it,
also after writes by this cache or by another process on the same file, and deleted values'
keys must never be given again (or the memory would map them to their old link).
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from linkmanager.domain import CollectedIdentifier, IdentifierType, LinkStatus, PaymentLink, Usage
from linkmanager.storage import owner_pages, term_owners
from linkmanager.storage.cache import LinkCache

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
LinkFactory = Callable[..., PaymentLink]
UsageFactory = Callable[..., Usage]
WORDS = [
    "rent",
    "Rent",
    "flat",
    "إيجار",
    "شقة",
    "566",
    "5660",
    "+971566",
    "=HYPERLINK(",
    "<b>",
    "INV-2",
    "Table 9",
]
QUERIES = [
    "ren",
    "REN",
    "fla",
    "إيج",
    "566",
    "5660",
    "971",
    "=HY",
    "<b>",
    "INV",
    "INV-2",
    "tab",
    "zzz",
    "e 9",
]


def payer(rnd: random.Random, usage_id: str, link_id: str, make_usage: UsageFactory) -> Usage:
    values = [" ".join(rnd.sample(WORDS, 2)) for _ in range(rnd.randrange(1, 4))]
    return make_usage(
        usage_id,
        link_id,
        identifiers=tuple(CollectedIdentifier(IdentifierType.TEXT, "Note", v) for v in values),
    )


def fill(cache: LinkCache, make_link: LinkFactory, make_usage: UsageFactory, seed: int, at: datetime) -> None:
    rnd = random.Random(seed)
    links = [make_link(f"L{i}", name=" ".join(rnd.sample(WORDS, 2)), reference=f"INV-{i}") for i in range(40)]
    cache.store_listing(links, at, complete=True)
    for link in rnd.sample(links, 25):
        usages = [payer(rnd, f"{link.id}-u{j}", link.id, make_usage) for j in range(rnd.randrange(1, 5))]
        cache.store_usages(link.id, usages, at, link_status=LinkStatus.ACTIVE)


def answers(cache: LinkCache) -> dict[str, tuple[set[str], set[str]]]:
    return {query: cache.search_link_ids(query) for query in QUERIES}


@pytest.mark.parametrize("chunk_keys", [term_owners.CHUNK_KEYS, 7])
def test_the_memory_answers_as_sql_does_before_and_after_writes(
    tmp_path: Path,
    make_link: LinkFactory,
    make_usage: UsageFactory,
    monkeypatch: pytest.MonkeyPatch,
    chunk_keys: int,
) -> None:
    # Small chunks: most are read whole, and those holding the gaps left by rewritten values
    # are read key by key; both must place every owner where SQL finds it.
    monkeypatch.setattr(term_owners, "CHUNK_KEYS", chunk_keys)
    path = tmp_path / "cache.sqlite3"
    with LinkCache.open(path) as prepared, LinkCache.open(path) as plain:
        fill(prepared, make_link, make_usage, seed=1, at=T0)
        prepared.prepare_search()
        assert answers(prepared) == answers(plain)
        assert any(direct or via for direct, via in answers(prepared).values())
        # new values, renamed links (their old values deleted), new usages: written here...
        fill(prepared, make_link, make_usage, seed=2, at=T0 + timedelta(minutes=1))
        assert answers(prepared) == answers(plain)
        # ...and by another process on the same file
        fill(plain, make_link, make_usage, seed=3, at=T0 + timedelta(minutes=2))
        assert answers(prepared) == answers(plain)


def test_a_deleted_values_key_is_never_given_again(tmp_path: Path, make_link: LinkFactory) -> None:
    path = tmp_path / "cache.sqlite3"
    with LinkCache.open(path) as cache:
        cache.store_listing([make_link("a", name="alpha"), make_link("b", name="bravo")], T0, complete=True)
        conn = sqlite3.connect(path)
        highest = conn.execute("SELECT max(key) FROM search_terms").fetchone()[0]
        # "b" holds the largest keys; renaming it deletes them and writes new ones
        cache.store_link(make_link("b", name="charlie"), T0 + timedelta(minutes=1))
        keys_now = [row[0] for row in conn.execute("SELECT key FROM search_terms WHERE link_key = 2")]
        conn.close()
        assert keys_now
        assert min(keys_now) > highest
        cache.prepare_search()
        assert cache.search_link_ids("bra") == (set(), set())
        assert cache.search_link_ids("cha") == ({"b"}, set())


@pytest.mark.parametrize("page_keys", [owner_pages.PAGE_KEYS, 7])
def test_the_kept_pages_spare_the_next_start_and_answer_the_same(
    tmp_path: Path,
    make_link: LinkFactory,
    make_usage: UsageFactory,
    monkeypatch: pytest.MonkeyPatch,
    page_keys: int,
) -> None:
    monkeypatch.setattr(owner_pages, "PAGE_KEYS", page_keys)  # 7: values span many pages
    path = tmp_path / "cache.sqlite3"
    with LinkCache.open(path) as plain:
        for seed in (1, 2, 3):  # new values, renamed links, more usages: every write appends
            fill(plain, make_link, make_usage, seed=seed, at=T0 + timedelta(minutes=seed))
        highest = max_term_key(path)
        built = term_owners.build(path)
        assert (built.kept, built.covered) == (highest, highest)  # nothing worked out again
        with LinkCache.open(path) as fresh:
            fresh.prepare_search()
            assert answers(fresh) == answers(plain)


def test_pages_that_lag_or_are_damaged_are_worked_out_again_and_kept(
    tmp_path: Path, make_link: LinkFactory, make_usage: UsageFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(owner_pages, "PAGE_KEYS", 7)
    path = tmp_path / "cache.sqlite3"
    with LinkCache.open(path) as plain:
        fill(plain, make_link, make_usage, seed=1, at=T0)
        highest = max_term_key(path)
        conn = sqlite3.connect(path)
        with conn:  # as a cache from before the pages, or one another writer got ahead of
            conn.execute("DELETE FROM search_owner_pages WHERE page > 2")
            conn.execute("UPDATE sync_meta SET value = '20' WHERE key = 'owner_pages_upto'")
        assert term_owners.build(path).kept == 20
        with LinkCache.open(path) as lagging:
            lagging.prepare_search()  # reads the rest the slow way, and keeps it
            assert answers(lagging) == answers(plain)
        assert term_owners.build(path).kept == highest
        with conn:  # a page of nonsense: owners of links that do not exist
            conn.execute(
                "UPDATE search_owner_pages SET owners = ? WHERE page = 1", (b"\xff\xff\xff\x7f" * 7,)
            )
        conn.close()
        assert term_owners.build(path).kept == 0
        with LinkCache.open(path) as damaged:
            damaged.prepare_search()
            assert answers(damaged) == answers(plain)
        assert term_owners.build(path).kept == highest


def max_term_key(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT max(key) FROM search_terms").fetchone()[0])
    finally:
        conn.close()


def test_a_damaged_last_page_is_not_appended_to(
    tmp_path: Path, make_link: LinkFactory, make_usage: UsageFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(owner_pages, "PAGE_KEYS", 1000)  # one page holds every value
    path = tmp_path / "cache.sqlite3"
    with LinkCache.open(path) as plain:
        fill(plain, make_link, make_usage, seed=1, at=T0)
        conn = sqlite3.connect(path)
        with conn:
            conn.execute("UPDATE search_owner_pages SET owners = zeroblob(length(owners))")
        conn.close()
        fill(plain, make_link, make_usage, seed=2, at=T0 + timedelta(minutes=1))  # appends to that page
        assert term_owners.build(path).kept == 0  # not trusted: worked out again
        with LinkCache.open(path) as fresh:
            fresh.prepare_search()
            assert answers(fresh) == answers(plain)
        assert term_owners.build(path).kept == max_term_key(path)
