"""The cache's tab counts (a grouped SQL pass) always agree with the domain's rule, link by link."""

from __future__ import annotations

import tempfile
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkmanager.domain.lifecycle import effective_status
from linkmanager.domain.status import LinkStatus
from linkmanager.storage.cache import LinkCache

from .conftest import T0, WALL_CLOCK

STATUSES = st.sampled_from(["ACTIVE", "DISABLED", "EXPIRED", "USED", "PAUSED_BY_LEAN"])
LINKS = st.lists(
    st.fixed_dictionaries(
        {
            "status": STATUSES,
            "current_usages": st.integers(0, 4),
            "max_usages": st.none() | st.integers(0, 4),
            # whole seconds around the moment counted at, so "exactly now" comes up too
            "expires_in": st.none() | st.integers(-3, 3),
        }
    ),
    max_size=30,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(links=LINKS, at=st.integers(-2, 2))
def test_counts_from_sql_equal_the_rule_applied_to_every_link(
    make_link: Any, links: list[dict[str, Any]], at: int
) -> None:
    moment = T0 + timedelta(seconds=at)
    made = [
        make_link(
            f"link-{i}",
            status=LinkStatus(spec["status"]),
            current_usages=spec["current_usages"],
            max_usages=spec["max_usages"],
            expires_at=None if spec["expires_in"] is None else T0 + timedelta(seconds=spec["expires_in"]),
        )
        for i, spec in enumerate(links)
    ]
    with (
        tempfile.TemporaryDirectory() as folder,
        LinkCache.open(Path(folder) / "c.sqlite3", clock=lambda: WALL_CLOCK) as cache,
    ):
        cache.store_listing(made, T0, complete=True)
        expected: Counter[LinkStatus] = Counter({status: 0 for status in LinkStatus.known()})
        expected.update(effective_status(link, moment) for link in made)
        assert cache.status_counts(moment) == dict(expected)
