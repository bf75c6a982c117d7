"""`linkmanager links | usages | search`: answers from the offline cache, no network needed.

Every answer says how old the cache is (on stderr, so stdout stays clean for scripts). Searches
follow the window's rules (storage.search_query): every word matches, in any order and any field;
amounts however typed; status and outcome words. One that finds nothing says so on stderr, with
the nearest link names for a misspelling, and exits 0 like any answer (an empty list is one).
"""

from __future__ import annotations

import argparse
import sys

from linkmanager.cli.context import Context
from linkmanager.cli.exit_codes import EXIT_USAGE
from linkmanager.cli.output import ago, clip, link_json, local_time, print_json, safe, table, usage_json
from linkmanager.cli.profile_cmds import CommandError
from linkmanager.domain.models import utc_now
from linkmanager.domain.money import format_money
from linkmanager.domain.status import LinkStatus
from linkmanager.services.link_rows import COLUMN_NAMES, LINK_SPEC, make_rows
from linkmanager.services.table_rows import RowFilter, RowSet, RowSort, select
from linkmanager.storage.cache import CachedLink, LinkCache
from linkmanager.storage.search_words import WordSearch

SEARCH_ALL = 10_000_000  # `search --json` prints every match
SEARCH_SHOWN = 200  # `search` prints this many and says when there are more


def add_read_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    links = commands.add_parser("links", parents=[common], help="list cached links (offline)")
    links.add_argument(
        "--status",
        type=str.upper,
        choices=[s.value for s in LinkStatus.known()],
        help="only links in this status",
    )
    links.add_argument("--search", metavar="TEXT", help="only links matching TEXT (ids, names, payer values)")
    links.add_argument(
        "--currency", type=str.upper, metavar="CODE", help="only links in this currency, e.g. AED"
    )
    links.add_argument(
        "--sort",
        choices=COLUMN_NAMES,
        help="sort as the window's table does by this column (default: newest confirmed first)",
    )
    links.add_argument("--descending", action="store_true", help="with --sort: largest, latest or Z first")
    links.add_argument("--json", action="store_true", help="a JSON array of links in Lean's field names")

    usages = commands.add_parser("usages", parents=[common], help="list a cached link's usages (offline)")
    usages.add_argument("link_id", metavar="LINK_ID")
    usages.add_argument("--json", action="store_true", help="a JSON array of usages in Lean's field names")

    search = commands.add_parser(
        "search", parents=[common], help="search links and payer-entered values in the cache (offline)"
    )
    search.add_argument(
        "text",
        metavar="TEXT",
        help='words to find in any order and any field; an amount ("6,300"), a status or outcome word '
        '("active", "pending"), or a "quoted phrase"',
    )
    search.add_argument("--json", action="store_true")


def _as_of(cache: LinkCache) -> None:
    """Say how old the cached answer is; a cache never synced says what to do."""
    last = cache.sync_state().last_full_sync
    if last is None:
        if cache.is_empty():
            print("The cache is empty: run `linkmanager sync` first.", file=sys.stderr)
        else:
            print("From the cache; no sync has completed yet.", file=sys.stderr)
        return
    print(f"From the cache as of {local_time(last)} ({ago(last, utc_now())}).", file=sys.stderr)


def _usages_text(cached: CachedLink) -> str:
    link = cached.link
    return (
        f"{link.current_usages} / {link.max_usages}"
        if link.max_usages is not None
        else str(link.current_usages)
    )


def links(ctx: Context, args: argparse.Namespace) -> int:
    cache = ctx.cache()
    now = utc_now()
    keys = None
    words = WordSearch(cache)
    if args.search:
        keys = frozenset(words.find(args.search).ids)
    # The window's table engine picks and orders them, so both list the same links the same way.
    links = cache.links(now=now)
    every = make_rows(links, now)
    status = LinkStatus(args.status) if args.status else None
    sort = RowSort(COLUMN_NAMES.index(args.sort) if args.sort else -1, args.descending)
    chosen = select(RowSet(every, LINK_SPEC), RowFilter(status, keys, currency=args.currency), sort)
    whole = {cached.link.id: cached for cached in links}
    found = [whole[row.id] for row in chosen.rows]
    _as_of(cache)
    if args.json:
        print_json([link_json(c, now) for c in found], sys.stdout)
        return 0
    rows = [
        [
            c.link.id,
            shown_status.label + (" (not listed)" if c.missing_since else ""),
            format_money(c.link.amount),
            _usages_text(c),
            local_time(c.link.expires_at),
            clip(safe(c.link.display_name), 40),
        ]
        for c, shown_status in zip(found, (row.status for row in chosen.rows), strict=True)
    ]
    print(table(rows, ["Link ID", "Status", "Amount", "Usages", "Expires", "Name"], right=frozenset({2})))
    if args.search and not keys:
        print(no_match(args.search, words), file=sys.stderr)
    else:
        print(f"{len(found):,} link{'s' if len(found) != 1 else ''}.", file=sys.stderr)
    return 0


def no_match(text: str, words: WordSearch) -> str:
    """One sentence: nothing matched, and the names meant, if a word looks misspelt."""
    said = f"No link matches \u201c{clip(safe(text.strip()), 60)}\u201d"
    names = [clip(safe(name), 50) for name in words.suggest(text)]
    return f"{said}; did you mean: {', '.join(names)}?" if names else f"{said}."


def usages(ctx: Context, args: argparse.Namespace) -> int:
    cache = ctx.cache()
    cached = cache.link(args.link_id)
    if cached is None:
        raise CommandError(f"No link {args.link_id!r} in the cache. Run `linkmanager sync`, or check the id.")
    found = cache.usages(args.link_id)
    _as_of(cache)
    if args.json:
        print_json([usage_json(u) for u in found], sys.stdout)
        return 0
    rows = [
        [
            u.usage_id,
            u.usage_status.label,
            u.payment_status or "—",
            u.payment_id or "—",
            clip(safe(u.identifiers[0].value), 40) if u.identifiers else "—",
        ]
        for u in found
    ]
    print(table(rows, ["Usage ID", "Usage status", "Payment status", "Payment ID", "First value"]))
    seen = "never" if cached.usages_confirmed_at is None else local_time(cached.usages_confirmed_at)
    print(
        f"{len(found):,} usages of {safe(cached.link.display_name)}; confirmed by Lean: {seen}.",
        file=sys.stderr,
    )
    return 0


def search(ctx: Context, args: argparse.Namespace) -> int:
    if not args.text.strip():
        raise CommandError("Search for what? Give some text, e.g. a reference or a phone number.", EXIT_USAGE)
    cache = ctx.cache()
    words = WordSearch(cache)
    hits = words.hits(args.text, limit=SEARCH_ALL if args.json else SEARCH_SHOWN + 1)
    more = not args.json and len(hits) > SEARCH_SHOWN
    hits = hits if args.json else hits[:SEARCH_SHOWN]
    _as_of(cache)
    if args.json:
        print_json(
            [
                {
                    "link_id": h.link.link.id,
                    "name": h.link.link.name,
                    "usage_id": h.usage.usage_id if h.usage else None,
                    "field": h.field,
                    "value": h.value,
                }
                for h in hits
            ],
            sys.stdout,
        )
        if not hits:
            print(no_match(args.text, words), file=sys.stderr)
        return 0
    if not hits:
        print(no_match(args.text, words), file=sys.stderr)
        return 0
    rows = [
        [
            h.link.link.id,
            clip(safe(h.link.link.display_name), 30),
            h.field,
            clip(safe(h.value), 40),
            h.usage.usage_id if h.usage else "",
        ]
        for h in hits
    ]
    print(table(rows, ["Link ID", "Link", "Matched", "Value", "Usage ID"]))
    if more:
        print(
            f"The first {SEARCH_SHOWN} matches; there are more: narrow the search or use --json.",
            file=sys.stderr,
        )
    else:
        print(f"{len(hits):,} match{'es' if len(hits) != 1 else ''}.", file=sys.stderr)
    return 0
