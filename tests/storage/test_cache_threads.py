"""Several sync workers write and GUI workers read at once: nothing raises, nothing is lost or torn."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

from linkmanager.domain import LinkStatus, PaymentLink, Usage, UsageStatus
from linkmanager.storage.cache import LinkCache

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
LINKS = 40
ROUNDS = 5


def test_concurrent_writers_and_readers(
    cache: LinkCache,
    cache_path: Path,
    make_link: Callable[..., PaymentLink],
    make_usage: Callable[..., Usage],
    index_is_consistent: Callable[[], None],
) -> None:
    links = [make_link(f"link-{i}") for i in range(LINKS)]
    cache.store_listing(links, T0, complete=True)
    stop = threading.Event()
    seen_torn: list[str] = []

    def write_usages(i: int) -> None:
        link_id = f"link-{i}"
        for round_ in range(1, ROUNDS + 1):
            usages = [
                make_usage(
                    f"{link_id}-u{j}",
                    link_id,
                    usage_status=UsageStatus.PAYMENT_CREATED,
                    payment_id=f"pay-{round_}",
                )
                for j in range(round_)
            ]
            cache.store_usages(link_id, usages, T0 + timedelta(minutes=round_), link_status=LinkStatus.ACTIVE)

    def relist(round_: int) -> None:
        cache.store_listing(links, T0 + timedelta(seconds=round_), complete=True)
        cache.store_link(make_link("link-0"), T0 + timedelta(seconds=round_))

    def read() -> None:
        while not stop.is_set():
            for cached in cache.links():
                usages = cache.usages(cached.link.id)
                if len(usages) < cached.usage_count:  # a count from one write, the list from an older one
                    seen_torn.append(cached.link.id)
            cache.search("link-1")
            cache.search("pay-")
            cache.status_counts(T0)

    readers = [threading.Thread(target=read) for _ in range(3)]
    for reader in readers:
        reader.start()
    try:
        with ThreadPoolExecutor(8) as pool:
            futures = [pool.submit(write_usages, i) for i in range(LINKS)]
            futures += [pool.submit(relist, r) for r in range(10)]
            for future in futures:
                future.result()  # re-raises anything a worker hit
    finally:
        stop.set()
        for reader in readers:
            reader.join()

    assert seen_torn == []
    assert len(cache.links()) == LINKS
    for i in range(LINKS):
        cached = cache.link(f"link-{i}")
        assert cached is not None
        assert cached.usage_count == ROUNDS
        assert cached.usages_confirmed_at == T0 + timedelta(minutes=ROUNDS)
        assert [u.usage_id for u in cache.usages(f"link-{i}")] == [f"link-{i}-u{j}" for j in range(ROUNDS)]
        assert all(u.payment_id == f"pay-{ROUNDS}" for u in cache.usages(f"link-{i}"))
    assert len(cache.search("pay-5", limit=1000)) == LINKS * ROUNDS
    assert cache.search("pay-4") == []  # the index followed every rewrite
    index_is_consistent()
    cache.close()
    with LinkCache.open(cache_path) as reopened:  # and the file is whole
        assert len(reopened.links()) == LINKS
