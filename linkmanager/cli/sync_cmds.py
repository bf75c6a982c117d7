"""`linkmanager sync`: bring the offline cache up to date.

Exit 0 when everything was brought up to date, 4 when the sync finished but some links (or
part of the listing) could not be (each named), 3 when Lean could not be reached, 1 when the
sync could not run; a cron job can tell "all fresh" from "mostly fresh" from "nothing done".
"""

from __future__ import annotations

import argparse
import sys
import threading
from datetime import timedelta
from typing import Any

from linkmanager.cli.context import Context
from linkmanager.cli.exit_codes import EXIT_CANCELLED, EXIT_PROBLEMS
from linkmanager.cli.output import print_json, safe
from linkmanager.services.sync import SchedulePolicy, SyncCancelled, SyncEngine, SyncProgress, SyncReport
from linkmanager.storage.cache import CacheCorruptError, CacheReadOnlyError, LinkCache


def add_sync_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    sync = commands.add_parser(
        "sync",
        parents=[common],
        help="bring the offline cache up to date with Lean",
        description="Read every link and the usages that can have changed. Exits 0 when everything "
        "was brought up to date, 4 when it finished with problems (the links that could not be updated "
        "are listed and keep what was cached), 3 when Lean could not be reached, 1 when the sync could "
        "not run. Nothing cached before is ever lost.",
    )
    sync.add_argument("--json", action="store_true", help="print the sync report as JSON")
    sync.add_argument("--full", action="store_true", help="read every link's usages again")
    sync.add_argument(
        "--rebuild", action="store_true", help="move a damaged cache file aside and sync into a new one"
    )
    sync.add_argument(
        "--concurrency", type=_concurrency, help="requests at once, 1 to 32 (default: the profile's, 8)"
    )


def _concurrency(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= 32:
        raise argparse.ArgumentTypeError(f"{value} is outside 1..32")
    return value


class _ProgressLine:
    """One updating line on a terminal's stderr; silent when stderr is not a terminal."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self.lock = threading.Lock()

    def __call__(self, p: SyncProgress) -> None:
        if not self.enabled:
            return
        pages = f"link pages {p.link_pages_done}/{p.link_pages_total or '?'}"
        usages = (
            f"usages {p.usage_links_done}/{p.usage_links_total}" if p.usage_links_total is not None else ""
        )
        with self.lock:
            sys.stderr.write(f"\rSyncing: {pages}  {usages}   ")
            sys.stderr.flush()

    def end(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * 60 + "\r")


def report_json(report: SyncReport) -> dict[str, Any]:
    return {
        "completed": report.completed,
        "complete": report.complete,
        "problems": [{"link_id": p.link_id, "what": p.what, "detail": p.detail} for p in report.problems],
        "full": report.full,
        "links": report.links_seen,
        "links_added": [c.link_id for c in report.links_added],
        "status_changes": [
            {
                "id": c.link_id,
                "name": c.name,
                "from": c.before.value if c.before else None,
                "to": c.after.value,
            }
            for c in report.status_changes
        ],
        "links_missing": report.links_missing,
        "new_usages": [
            {"link_id": c.link_id, "usage_id": c.usage_id, "usage_status": c.after.value}
            for c in report.new_usages
        ],
        "usage_status_changes": [
            {
                "link_id": c.link_id,
                "usage_id": c.usage_id,
                "from": c.before.value if c.before else None,
                "to": c.after.value,
                "payment_status_from": c.payment_status_before,
                "payment_status_to": c.payment_status_after,
            }
            for c in report.usage_changes
        ],
        "usage_reads": report.usage_reads,
        "usage_probes": report.usage_probes,
        "usage_skips": report.usage_skips,
        "requests": report.requests,
        "seconds": round(report.seconds, 3),
        "concurrency": report.concurrency,
    }


def report_text(report: SyncReport) -> str:
    changed = len(report.status_changes)
    lines = [
        f"Synced {report.links_seen:,} links: {len(report.links_added):,} new, {changed:,} changed status"
        + (f", {report.links_missing:,} no longer listed by Lean" if report.links_missing else "")
        + ".",
        f"Usages: {len(report.new_usages):,} new, {len(report.usage_changes):,} changed "
        f"({report.usage_reads:,} links read, {report.usage_probes:,} probed, {report.usage_skips:,} final).",
        f"{report.requests:,} requests in {report.seconds:.1f} s ({report.concurrency} at a time).",
    ]
    lines += [
        f"  {safe(c.link_id)}  {c.before.value if c.before else '—'} -> {c.after.value}  {safe(c.name)}"
        for c in report.status_changes[:20]
    ]
    return "\n".join(lines)


def problems_text(report: SyncReport) -> str:
    """Each problem on its own line, for stderr: what could not be updated, and why."""
    links = report.problem_links
    listing = [p for p in report.problems if p.link_id is None]
    head = []
    if links:
        head.append(f"{len(links):,} link{'s' if len(links) != 1 else ''} could not be updated")
    if listing:
        head.append("part of the list of links could not be read")
    kept = "it is" if len(links) == 1 and not listing else "them is"
    lines = [f"Finished with problems: {' and '.join(head)}; what was cached for {kept} kept."]
    lines += [f"  {safe(p.link_id) or '(listing)'}  {p.what}: {safe(p.detail)}" for p in report.problems[:50]]
    if len(report.problems) > 50:
        lines.append(
            f"  … and {len(report.problems) - 50:,} more (`linkmanager sync --json` lists them all)."
        )
    return "\n".join(lines)


def _open_cache(ctx: Context, rebuild: bool) -> LinkCache:
    """The profile's cache; with --rebuild a damaged one is moved aside, a healthy one kept.

    The secret and Lean are checked first, so a rebuild that cannot sync never leaves the user
    with an empty cache.
    """
    if not rebuild:
        return ctx.cache()
    ctx.client().links_page(0, size=1)
    try:
        return ctx.cache()
    except CacheCorruptError:
        return ctx.cache(rebuild=True)


def sync(ctx: Context, args: argparse.Namespace) -> int:
    cache = _open_cache(ctx, args.rebuild)
    if cache.read_only is not None:  # said before the keyring or Lean is asked for anything
        raise CacheReadOnlyError(cache.path, cache.read_only)
    concurrency = args.concurrency or ctx.profile.concurrency
    policy = SchedulePolicy(freshness=timedelta(minutes=ctx.profile.usage_freshness_minutes))
    engine = SyncEngine(ctx.client(), cache, concurrency=concurrency, policy=policy)
    progress = _ProgressLine()
    cancel = threading.Event()
    done = threading.Event()
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["report"] = engine.run(full=args.full or args.rebuild, progress=progress, cancel=cancel)
        except BaseException as exc:  # handed to the main thread, which reports it
            outcome["error"] = exc
        finally:
            done.set()

    # The sync runs in a thread so that Ctrl+C in the main thread can cancel it between requests.
    # An Event, not Thread.join: on CPython 3.11 a join interrupted by Ctrl+C can return at once
    # later while the thread still runs.
    threading.Thread(target=work, name="sync", daemon=True).start()
    try:
        while not done.wait(0.2):
            pass
    except KeyboardInterrupt:
        cancel.set()
        print("\nCancelling after the requests under way…", file=sys.stderr)
        done.wait()
    progress.end()
    if "error" in outcome:
        if isinstance(outcome["error"], SyncCancelled):
            print("Sync cancelled; everything cached before is kept.", file=sys.stderr)
            return EXIT_CANCELLED
        raise outcome["error"]
    report: SyncReport = outcome["report"]
    if args.json:
        print_json(report_json(report), sys.stdout)
    else:
        print(report_text(report))
    if report.complete:
        return 0
    print(problems_text(report), file=sys.stderr)
    return EXIT_PROBLEMS
