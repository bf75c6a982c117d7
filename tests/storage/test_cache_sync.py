"""What a sync writes: listings, missing links, usages, the changes reported, and the sync state."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from linkmanager.domain import LinkStatus, PaymentLink, Usage, UsageStatus
from linkmanager.storage.cache import LinkCache, LinkChange, UnknownLinkError, UsageChange

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
LinkFactory = Callable[..., PaymentLink]
UsageFactory = Callable[..., Usage]


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def ids(cache: LinkCache) -> list[str]:
    return [c.link.id for c in cache.links()]


# --- listings ---------------------------------------------------------------------------------


def test_a_first_listing_reports_every_link_as_new(cache: LinkCache, make_link: LinkFactory) -> None:
    changes = cache.store_listing(
        [make_link("a", name="Rent"), make_link("b", name=None, reference="INV-9", status=LinkStatus.USED)],
        T0,
        complete=True,
    )
    assert changes == [
        LinkChange("a", "Rent", None, LinkStatus.ACTIVE),
        LinkChange("b", "INV-9", None, LinkStatus.USED),  # no name: the reference names it
    ]
    assert not cache.is_empty()


def test_a_status_change_is_reported_and_stored(cache: LinkCache, make_link: LinkFactory) -> None:
    cache.store_listing([make_link("a"), make_link("b")], at(0), complete=True)
    changes = cache.store_listing(
        [make_link("a", status=LinkStatus.DISABLED), make_link("b", current_usages=2)], at(5), complete=True
    )
    assert changes == [LinkChange("a", "Link a", LinkStatus.ACTIVE, LinkStatus.DISABLED)]
    a, b = cache.link("a"), cache.link("b")
    assert a is not None
    assert b is not None
    assert a.link.status == LinkStatus.DISABLED
    assert b.link.current_usages == 2  # every field is replaced by the server's
    assert a.confirmed_at == at(5)


def test_changes_compare_the_reported_status_not_the_effective_one(
    cache: LinkCache, make_link: LinkFactory
) -> None:
    expiring = make_link("a", expires_at=at(1))
    cache.store_listing([expiring], at(0), complete=True)
    assert cache.store_listing([expiring], at(10), complete=True) == []  # still ACTIVE as Lean says


def test_a_link_absent_from_a_complete_listing_is_kept_and_marked(
    cache: LinkCache, make_link: LinkFactory
) -> None:
    cache.store_listing([make_link("a"), make_link("b")], at(0), complete=True)
    assert cache.store_listing([make_link("a")], at(5), complete=True) == []
    gone = cache.link("b")
    assert gone is not None
    assert gone.missing_since == at(5)
    assert gone.confirmed_at == at(0)
    assert sorted(ids(cache)) == ["a", "b"]
    cache.store_listing([make_link("a")], at(10), complete=True)
    still = cache.link("b")
    assert still is not None
    assert still.missing_since == at(5)  # the first moment it was missed is kept


def test_a_link_that_reappears_is_unmarked(cache: LinkCache, make_link: LinkFactory) -> None:
    cache.store_listing([make_link("a"), make_link("b")], at(0), complete=True)
    cache.store_listing([make_link("a")], at(5), complete=True)
    assert cache.store_listing([make_link("a"), make_link("b")], at(10), complete=True) == []
    back = cache.link("b")
    assert back is not None
    assert back.missing_since is None


def test_a_partial_listing_marks_nothing_missing(cache: LinkCache, make_link: LinkFactory) -> None:
    cache.store_listing([make_link("a"), make_link("b")], at(0), complete=True)
    cache.store_listing([make_link("a")], at(5), complete=False)
    assert all(c.missing_since is None for c in cache.links())


def test_a_link_read_again_is_no_longer_missing(cache: LinkCache, make_link: LinkFactory) -> None:
    cache.store_listing([make_link("a"), make_link("b")], at(0), complete=True)
    cache.store_listing([make_link("a")], at(5), complete=True)
    assert cache.store_link(make_link("b"), at(6)) is None
    back = cache.link("b")
    assert back is not None
    assert back.missing_since is None


def test_store_link_reports_new_and_changed_links(cache: LinkCache, make_link: LinkFactory) -> None:
    assert cache.store_link(make_link("a"), at(0)) == LinkChange("a", "Link a", None, LinkStatus.ACTIVE)
    assert cache.store_link(make_link("a"), at(1)) is None
    assert cache.store_link(make_link("a", status=LinkStatus.DISABLED), at(2)) == LinkChange(
        "a", "Link a", LinkStatus.ACTIVE, LinkStatus.DISABLED
    )


def test_a_link_listed_twice_is_stored_once(cache: LinkCache, make_link: LinkFactory) -> None:
    changes = cache.store_listing([make_link("a"), make_link("a", current_usages=4)], T0, complete=True)
    assert changes == [LinkChange("a", "Link a", None, LinkStatus.ACTIVE)]
    assert ids(cache) == ["a"]
    stored = cache.link("a")
    assert stored is not None
    assert stored.link.current_usages == 4


def test_a_stale_answer_does_not_undo_a_fresher_one(cache: LinkCache, make_link: LinkFactory) -> None:
    """A listing read from at(0) lands after the user disabled a link at at(3): the disable stands."""
    cache.store_listing([make_link("a"), make_link("b")], at(-10), complete=True)
    cache.store_link(make_link("a", status=LinkStatus.DISABLED), at(3))
    changes = cache.store_listing([make_link("a"), make_link("b", current_usages=1)], at(0), complete=True)
    assert changes == []
    a, b = cache.link("a"), cache.link("b")
    assert a is not None
    assert b is not None
    assert a.link.status == LinkStatus.DISABLED
    assert a.confirmed_at == at(3)
    assert b.link.current_usages == 1


def test_a_time_in_the_future_of_the_wall_clock_is_not_trusted(
    cache_path: Path, make_link: LinkFactory
) -> None:
    """A clock that was wrong and set back must not freeze the cache until it catches up."""
    wall = [at(100)]
    with LinkCache.open(cache_path, clock=lambda: wall[0]) as cache:
        cache.store_link(make_link("a"), at(500))  # written while the clock ran ahead
        cache.store_listing([make_link("a", status=LinkStatus.DISABLED)], at(101), complete=True)
        stored = cache.link("a")
        assert stored is not None
        assert stored.link.status == LinkStatus.DISABLED
        assert stored.confirmed_at == at(101)


# --- usages -----------------------------------------------------------------------------------


def test_usages_keep_leans_order_and_report_what_is_new(
    cache: LinkCache, make_link: LinkFactory, make_usage: UsageFactory
) -> None:
    cache.store_listing([make_link("l")], T0, complete=True)
    listed = [make_usage("u3", "l"), make_usage("u1", "l"), make_usage("u2", "l")]
    changes = cache.store_usages("l", listed, at(1), link_status=LinkStatus.ACTIVE)
    assert changes == [UsageChange("l", u, None, UsageStatus.STARTED, None, None) for u in ("u3", "u1", "u2")]
    assert [u.usage_id for u in cache.usages("l")] == ["u3", "u1", "u2"]
    stored = cache.link("l")
    assert stored is not None
    assert stored.usages_confirmed_at == at(1)
    assert stored.usages_confirmed_status == LinkStatus.ACTIVE
    assert stored.usage_count == 3


def test_usage_changes_name_both_statuses(
    cache: LinkCache, make_link: LinkFactory, make_usage: UsageFactory
) -> None:
    cache.store_listing([make_link("l")], T0, complete=True)
    cache.store_usages(
        "l", [make_usage("a", "l"), make_usage("b", "l")], at(1), link_status=LinkStatus.ACTIVE
    )
    paid = make_usage(
        "a",
        "l",
        usage_status=UsageStatus.PAYMENT_CREATED,
        payment_id="p1",
        payment_status="PENDING_WITH_BANK",
    )
    changes = cache.store_usages("l", [paid, make_usage("b", "l")], at(2), link_status=LinkStatus.ACTIVE)
    assert changes == [
        UsageChange("l", "a", UsageStatus.STARTED, UsageStatus.PAYMENT_CREATED, None, "PENDING_WITH_BANK")
    ]
    accepted = make_usage(
        "a", "l", usage_status=UsageStatus.PAYMENT_CREATED, payment_id="p1", payment_status="ACCEPTED_BY_BANK"
    )
    changes = cache.store_usages("l", [accepted, make_usage("b", "l")], at(3), link_status=LinkStatus.USED)
    assert changes == [
        UsageChange(
            "l",
            "a",
            UsageStatus.PAYMENT_CREATED,
            UsageStatus.PAYMENT_CREATED,
            "PENDING_WITH_BANK",
            "ACCEPTED_BY_BANK",
        )
    ]
    assert cache.usage("l", "a") == accepted


def test_usages_are_never_deleted(cache: LinkCache, make_link: LinkFactory, make_usage: UsageFactory) -> None:
    cache.store_listing([make_link("l")], T0, complete=True)
    cache.store_usages(
        "l",
        [make_usage("a", "l"), make_usage("b", "l"), make_usage("c", "l")],
        at(1),
        link_status=LinkStatus.ACTIVE,
    )
    changes = cache.store_usages(
        "l", [make_usage("d", "l"), make_usage("b", "l")], at(2), link_status=LinkStatus.ACTIVE
    )
    assert [c.usage_id for c in changes] == ["d"]
    # the listed ones in Lean's order, then the ones no longer listed in their old order
    assert [u.usage_id for u in cache.usages("l")] == ["d", "b", "a", "c"]
    stored = cache.link("l")
    assert stored is not None
    assert stored.usage_count == 4
    cache.store_usages("l", [], at(3), link_status=LinkStatus.ACTIVE)
    assert len(cache.usages("l")) == 4


def test_usages_of_a_link_that_went_missing_are_kept(
    cache: LinkCache, make_link: LinkFactory, make_usage: UsageFactory
) -> None:
    cache.store_listing([make_link("l"), make_link("m")], T0, complete=True)
    cache.store_usages("l", [make_usage("a", "l")], at(1), link_status=LinkStatus.ACTIVE)
    cache.store_listing([make_link("m")], at(2), complete=True)
    assert [u.usage_id for u in cache.usages("l")] == ["a"]


def test_unsettled_usages_are_counted(
    cache: LinkCache, make_link: LinkFactory, make_usage: UsageFactory
) -> None:
    cache.store_listing([make_link("l")], T0, complete=True)
    usages = [
        make_usage("started", "l"),
        make_usage("failed", "l", usage_status=UsageStatus.FAILED),
        make_usage(
            "pending", "l", usage_status=UsageStatus.PAYMENT_CREATED, payment_status="PENDING_WITH_BANK"
        ),
        make_usage("paid", "l", usage_status=UsageStatus.PAYMENT_CREATED, payment_status="ACCEPTED_BY_BANK"),
    ]
    cache.store_usages("l", usages, at(1), link_status=LinkStatus.ACTIVE)
    stored = cache.link("l")
    assert stored is not None
    assert (stored.usage_count, stored.unsettled_usages) == (4, 2)


def test_confirm_usages_moves_only_the_confirmation(
    cache: LinkCache, make_link: LinkFactory, make_usage: UsageFactory
) -> None:
    cache.store_listing([make_link("l")], T0, complete=True)
    cache.store_usages("l", [make_usage("a", "l")], at(1), link_status=LinkStatus.ACTIVE)
    cache.confirm_usages("l", at(9), link_status=LinkStatus.EXPIRED)
    stored = cache.link("l")
    assert stored is not None
    assert stored.usages_confirmed_at == at(9)
    assert stored.usages_confirmed_status == LinkStatus.EXPIRED
    assert stored.usage_count == 1
    assert cache.usages("l") == [make_usage("a", "l")]


def test_a_stale_usage_list_is_ignored(
    cache: LinkCache, make_link: LinkFactory, make_usage: UsageFactory
) -> None:
    cache.store_listing([make_link("l")], T0, complete=True)
    paid = make_usage("a", "l", usage_status=UsageStatus.PAYMENT_CREATED)
    cache.store_usages("l", [paid], at(5), link_status=LinkStatus.ACTIVE)
    assert cache.store_usages("l", [make_usage("a", "l")], at(2), link_status=LinkStatus.ACTIVE) == []
    assert cache.usages("l") == [paid]


def test_usages_of_an_unknown_link_are_refused(cache: LinkCache, make_usage: UsageFactory) -> None:
    with pytest.raises(UnknownLinkError, match="'ghost' is not in the offline cache"):
        cache.store_usages("ghost", [make_usage("a", "ghost")], T0, link_status=LinkStatus.ACTIVE)
    with pytest.raises(UnknownLinkError):
        cache.confirm_usages("ghost", T0, link_status=LinkStatus.ACTIVE)


def test_a_usage_of_another_link_is_refused_and_nothing_is_stored(
    cache: LinkCache, make_link: LinkFactory, make_usage: UsageFactory
) -> None:
    cache.store_listing([make_link("l")], T0, complete=True)
    with pytest.raises(ValueError, match="belongs to link 'other'"):
        cache.store_usages(
            "l", [make_usage("a", "l"), make_usage("b", "other")], at(1), link_status=LinkStatus.ACTIVE
        )
    assert cache.usages("l") == []


# --- reads ------------------------------------------------------------------------------------


def test_links_are_ordered_newest_confirmed_first_then_by_name(
    cache: LinkCache, make_link: LinkFactory
) -> None:
    cache.store_listing([make_link("1", name="beta"), make_link("2", name="Alpha")], at(0), complete=False)
    cache.store_listing(
        [make_link("3", name="zulu"), make_link("4", name=None, reference="gamma")], at(1), complete=False
    )
    assert ids(cache) == ["4", "3", "2", "1"]


def test_status_filters_and_counts_use_the_effective_status(cache: LinkCache, make_link: LinkFactory) -> None:
    cache.store_listing(
        [
            make_link("active"),
            make_link("past-expiry", expires_at=at(30)),  # Lean said ACTIVE; the expiry has passed since
            make_link("disabled", status=LinkStatus.DISABLED),
            make_link("full", current_usages=3, max_usages=3),
            make_link("odd", status=LinkStatus("ARCHIVED")),
        ],
        at(0),
        complete=True,
    )
    before, after = at(10), at(60)
    assert [c.link.id for c in cache.links(LinkStatus.ACTIVE, now=before)] == ["active", "past-expiry"]
    assert [c.link.id for c in cache.links(LinkStatus.ACTIVE, now=after)] == ["active"]
    assert [c.link.id for c in cache.links(LinkStatus.EXPIRED, now=after)] == ["past-expiry"]
    assert [c.link.id for c in cache.links(LinkStatus.USED, now=after)] == ["full"]
    assert [c.link.id for c in cache.links(LinkStatus("ARCHIVED"), now=after)] == ["odd"]
    assert cache.status_counts(after) == {
        LinkStatus.ACTIVE: 1,
        LinkStatus.DISABLED: 1,
        LinkStatus.EXPIRED: 1,
        LinkStatus.USED: 1,
        LinkStatus("ARCHIVED"): 1,
    }
    assert cache.status_counts(before)[LinkStatus.ACTIVE] == 2
    assert cache.status_counts(before)[LinkStatus.EXPIRED] == 0


def test_an_empty_cache_counts_zero_for_every_status(cache: LinkCache) -> None:
    assert cache.status_counts(T0) == dict.fromkeys(LinkStatus.known(), 0)
    assert cache.links() == []
    assert cache.is_empty()
    assert cache.link("x") is None
    assert cache.usages("x") == []


def test_the_sync_state_records_the_last_full_sync(cache: LinkCache) -> None:
    assert cache.sync_state().last_full_sync is None
    cache.record_full_sync(at(1))
    cache.record_full_sync(at(7))
    assert cache.sync_state().last_full_sync == at(7)


def test_links_unordered_are_the_same_links(cache: LinkCache, make_link: Callable[..., PaymentLink]) -> None:
    cache.store_listing(
        [make_link(f"l{i:02d}", name=f"Name {20 - i:02d}") for i in range(20)], T0, complete=True
    )
    ordered = cache.links()
    assert [c.link.name for c in ordered] == sorted(c.link.name or "" for c in ordered)
    assert sorted(c.link.id for c in cache.links(ordered=False)) == sorted(c.link.id for c in ordered)
