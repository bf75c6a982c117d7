"""Workspace: one open profile as the window sees it, with every call it makes off the GUI thread.

No Qt here. Each method is a plain blocking call that the UI's task runner runs on a worker
thread; the window never holds a client, a cache or a keyring itself.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from linkmanager.api.errors import LeanTransportError
from linkmanager.domain.lifecycle import effective_status
from linkmanager.domain.models import Usage, utc_now
from linkmanager.domain.reason import MAX_REASON, ReasonRefused, check_reason
from linkmanager.domain.status import LinkStatus
from linkmanager.services.actions import LinkActions, StatusChange
from linkmanager.services.link_rows import LinkRow, make_rows, table_row
from linkmanager.services.sync import (
    ProgressCallback,
    SyncEngine,
    SyncFailed,
    SyncProgress,
    SyncReport,
)
from linkmanager.services.sync_plan import DEFAULT_FRESHNESS, SchedulePolicy
from linkmanager.storage.cache import CachedLink, LinkCache, SearchHit, SyncProblem, SyncState
from linkmanager.storage.journal import ActionJournal, JournalCheck, JournalDraft, JournalEntry, JournalError
from linkmanager.storage.journal_file import anchor_path
from linkmanager.storage.print_register import (
    NO_PRINTS,
    PrintRecord,
    PrintRegister,
    PrintSummary,
    current_user,
)
from linkmanager.storage.search_query import searchable
from linkmanager.storage.search_words import SHORT_WORD_LINKS, LinkSearch, WordSearch
from linkmanager.storage.usage_history import UsageSeen, usage_seen

if TYPE_CHECKING:  # the client module (and httpx) loads with the first client, not before
    from linkmanager.api.client import LeanClient
    from linkmanager.services.create import LinkCreator
    from linkmanager.services.watch import LinkWatcher

# The window may not import storage; these are the cache's answers it handles.
__all__ = [
    "MAX_REASON",
    "SHORT_WORD_LINKS",
    "CachedLink",
    "JournalCheck",
    "JournalDraft",
    "JournalEntry",
    "LinkSearch",
    "PrintRecord",
    "PrintSummary",
    "ProfileInfo",
    "ReasonRefused",
    "SearchHit",
    "SyncProblem",
    "SyncProgress",
    "SyncReport",
    "SyncState",
    "UsageSeen",
    "Workspace",
    "check_reason",
    "current_user",
    "is_unreachable",
    "searchable",
]


def is_unreachable(error: BaseException) -> bool:
    """Lean could not be reached: the window goes offline rather than showing a failure."""
    if isinstance(error, SyncFailed):
        return error.offline
    return isinstance(error, LeanTransportError)


@dataclass(frozen=True, slots=True)
class ProfileInfo:
    """What the status bar shows about the open profile."""

    name: str
    environment: str  # "sandbox", "production", "custom" or "demo"
    api_url: str
    sync_interval_minutes: int = 5


class Workspace:
    """Cache reads, sync, link actions and search for one profile.

    `client` is a factory: the keyring and the network are touched only by calls that need
    Lean, so an offline start never asks for the secret.
    """

    def __init__(
        self,
        info: ProfileInfo,
        cache: LinkCache,
        client: Callable[[], LeanClient],
        *,
        concurrency: int = 8,
        freshness: timedelta = DEFAULT_FRESHNESS,
        clock: Callable[[], datetime] = utc_now,
        tz: tzinfo = UTC,
    ) -> None:
        self.info = info
        self.cache = cache
        self._client_factory = client
        self._client: LeanClient | None = None
        self._engine: SyncEngine | None = None
        self._client_lock = threading.Lock()
        self._concurrency = concurrency
        self._policy = SchedulePolicy(freshness=freshness)
        self._clock = clock
        self._tz = tz
        self._journal: ActionJournal | None = None
        self._journal_problem: str | None = None
        self._journal_lock = threading.Lock()
        self._actions = LinkActions(
            cache,
            self.client,
            clock=clock,
            tz=tz,
            journal=self._journal_for_writing,
            profile=info.name,
            environment=info.environment,
        )
        self._words = WordSearch(cache, clock)

    def client(self) -> LeanClient:
        """The profile's client, made on first use and kept (its token is reused)."""
        with self._client_lock:
            if self._client is None:
                self._client = self._client_factory()
            return self._client

    def now(self) -> datetime:
        return self._clock()

    # -- reads (offline) ---------------------------------------------------------------------------

    def links(self) -> list[CachedLink]:
        """Every cached link, in no particular order: the window's table sorts them itself."""
        return self.cache.links(now=self._clock(), ordered=False)

    def link_rows(self) -> list[LinkRow]:
        """Every cached link as a links-table row (what the table shows, no more), judged now."""
        now = self._clock()
        return self.cache.table_rows(lambda raw: table_row(raw, now))

    def first_links(
        self, order: str | None, *, descending: bool = False, limit: int = 200
    ) -> list[CachedLink]:
        """The first `limit` links in one of the table's orders (storage.cache_reads.FIRST_ORDERS): a
        screenful to show at once while links() reads every one."""
        return self.cache.first_links(order, descending=descending, limit=limit)

    def first_rows(self, order: str | None, *, descending: bool = False, limit: int = 200) -> list[LinkRow]:
        """first_links() as table rows with their texts made: the first of them loads the locale
        data money is formatted with (tens of milliseconds), here on a worker, not in a paint."""
        rows = make_rows(self.first_links(order, descending=descending, limit=limit), self._clock())
        for row in rows:
            row.make_texts()
        return rows

    def prepare_search(self) -> None:
        """Make broad searches fast (storage.term_owners): seconds of work once, on a worker."""
        self.cache.prepare_search()

    def link(self, link_id: str) -> CachedLink | None:
        return self.cache.link(link_id)

    def link_now(self, link_id: str) -> CachedLink | None:
        """link() for the window's thread: a click never waits behind a sync (LinkCache.link_now)."""
        return self.cache.link_now(link_id)

    def usages(self, link_id: str) -> list[Usage]:
        return self.cache.usages(link_id)

    def usage_seen(self, link_id: str, usage_id: str) -> UsageSeen | None:
        """When this workstation first saw the usage, and each change of its statuses since."""
        return self.cache.read("read a usage's history", lambda conn: usage_seen(conn, link_id, usage_id))

    def search(self, text: str, limit: int = 100_000) -> list[SearchHit]:
        return self.cache.search(text, limit=limit)

    def search_link_ids(self, text: str) -> tuple[set[str], set[str]]:
        """(ids matched directly, ids matched only through a usage value) for `text` as one phrase."""
        return self.cache.search_link_ids(text)

    def find_links(self, text: str) -> LinkSearch:
        """The links matching every word of `text`, in any order and any field, with amounts, status
        and outcome words (storage.search_query): what the window's table filters on. A word under
        three characters is scanned for among SHORT_WORD_LINKS links at most, else skipped (and named)."""
        return self._words.find(text, short_limit=SHORT_WORD_LINKS)

    def prepare_search_words(self) -> None:
        """Hold every link's amount and currency in memory (storage.link_facts, ~0.35 s at 100,000
        links): once, on a worker. Amount and currency words scan the links until then (~30 ms)."""
        self._words.prepare()

    def search_suggestions(self, text: str, limit: int = 3) -> list[str]:
        """Up to `limit` link names near `text`, for a search that matched nothing (a misspelling)."""
        return self._words.suggest(text, limit)

    def matched_usages(self, text: str, link_id: str) -> list[str]:
        """The ids of `link_id`'s usages holding a match for a word of `text`, most words first."""
        return self._words.matched_usages(text, link_id)

    def status_counts(self) -> dict[LinkStatus, int]:
        """Links per effective status now, counted by the cache (milliseconds, before any row loads)."""
        return self.cache.status_counts(self._clock())

    def sync_state(self) -> SyncState:
        return self.cache.sync_state()

    def read_only(self) -> str | None:
        """Why nothing can be saved to this profile's cache (read-only media); None when it can."""
        return self.cache.read_only

    def problems(self) -> list[SyncProblem]:
        """What syncs could not bring up to date (a link's problems go when it syncs again)."""
        return self.cache.problems()

    def status_of(self, link: CachedLink) -> LinkStatus:
        return effective_status(link.link, self._clock())

    # -- online ------------------------------------------------------------------------------------

    def refresh_usages(self, link_id: str) -> list[Usage]:
        """Read one link's usages from Lean now (opening a link), store them, return them."""
        client = self.client()
        link = client.get_link(link_id)
        now = self._clock()
        self.cache.store_link(link, now)
        usages = client.list_usages(link_id)
        self.cache.store_usages(link_id, usages, now, link_status=link.status)
        return self.cache.usages(link_id)

    def sync(
        self, progress: ProgressCallback | None = None, cancel: threading.Event | None = None
    ) -> SyncReport:
        """One sync at a time per workspace: the engine refuses a second while one runs."""
        client = self.client()
        with self._client_lock:
            if self._engine is None:
                self._engine = SyncEngine(
                    client, self.cache, concurrency=self._concurrency, clock=self._clock, policy=self._policy
                )
            engine = self._engine
        return engine.run(progress=progress, cancel=cancel)

    def refusal(self, link_id: str, target: LinkStatus) -> str | None:
        return self._actions.refusal(link_id, target)

    def reason_required(self, target: LinkStatus) -> bool:
        """A reason must be given to disable a production link (domain.reason.check_reason)."""
        return self._actions.reason_required(target)

    def set_status(
        self, link_id: str, target: LinkStatus, *, reason: str = "", batch: str | None = None
    ) -> StatusChange:
        """LinkActions.set_status: ReasonRefused before any request for an unusable reason."""
        return self._actions.set_status(link_id, target, reason=reason, batch=batch)

    @property
    def actions(self) -> LinkActions:
        """The profile's journalled link actions (bulk actions journal the links they skip there)."""
        return self._actions

    def creator(self) -> LinkCreator:
        """A link creator for this profile that journals what it sends (one per create form)."""
        from linkmanager.services.create import LinkCreator  # with the first form, not at the window's start

        return LinkCreator(
            self.cache,
            self.client,
            clock=self._clock,
            journal=self._journal_for_writing,
            profile=self.info.name,
            environment=self.info.environment,
        )

    def close(self) -> None:
        with self._client_lock:
            if self._client is not None:
                self._client.close()
                self._client = None
        with self._journal_lock:
            if self._journal is not None:
                self._journal.close()
                self._journal = None
        self.cache.close()

    # -- the action journal (storage.journal) -----------------------------------------------------

    def _open_journal(self, *, create: bool) -> ActionJournal | None:
        """The journal beside the cache, opened on first need and kept; None when there is none yet
        (and `create` is False) or it cannot be used (journal_problem() says why)."""
        with self._journal_lock:
            if self._journal is not None:
                return self._journal
            path = ActionJournal.beside(self.cache.path)
            if not create and not path.exists() and not anchor_path(path).exists():
                return None
            try:
                self._journal = ActionJournal.open(path)
            except JournalError as exc:
                self._journal_problem = str(exc)
                return None
            self._journal_problem = None
            return self._journal

    def _journal_for_writing(self) -> ActionJournal:
        """The journal to append to; JournalError (why) when it cannot be used, said with each change."""
        journal = self._open_journal(create=True)
        if journal is None:
            raise JournalError(self._journal_problem or "", ActionJournal.beside(self.cache.path))
        return journal

    def journal_problem(self) -> str | None:
        """Why changes are not being journalled (the journal cannot be opened, is read-only, or its
        last append failed), or None. The window keeps working either way, and says so."""
        with self._journal_lock:
            if self._journal is not None:
                return self._journal.problem
            return self._journal_problem

    def journal_check(self) -> JournalCheck:
        """The journal's chain verified (storage.journal): for the window to report at start, never to
        repair. A journal not made yet is intact and empty; one that cannot be opened is not intact."""
        journal = self._open_journal(create=False)
        if journal is None:
            if self._journal_problem is not None:
                return JournalCheck(False, 0, None, self._journal_problem)
            return JournalCheck(True, 0, None, "")
        try:
            return journal.verify()
        except JournalError as exc:
            return JournalCheck(False, 0, None, str(exc))

    def journal_entries(
        self,
        *,
        link_id: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        user: str | None = None,
        action: str | None = None,
        limit: int | None = None,
    ) -> list[JournalEntry]:
        """The journal's entries, newest first, filtered (ActionJournal.entries); none when there is
        no journal yet. JournalError when it cannot be read."""
        journal = self._open_journal(create=False)
        if journal is None:
            if self._journal_problem is not None:
                raise JournalError(self._journal_problem, ActionJournal.beside(self.cache.path))
            return []
        return journal.entries(
            link_id=link_id, since=since, until=until, user=user, action=action, limit=limit
        )

    # -- the print register (storage.print_register) ----------------------------------------------

    def record_prints(self, records: Sequence[PrintRecord]) -> None:
        """Record prints and saved QR files in the register beside the cache, in one transaction.

        The register is opened for each call and closed again: it is written a few times a day,
        and so holds nothing open that a profile switch (close) would have to know of."""
        with PrintRegister.open(PrintRegister.beside(self.cache.path)) as register:
            register.record(records)

    def print_summary(self, link_id: str) -> PrintSummary:
        """How often the link's code was printed or saved here; a register not made yet is not made."""
        path = PrintRegister.beside(self.cache.path)
        if not path.exists():
            return NO_PRINTS
        with PrintRegister.open(path) as register:
            return register.summary(link_id)

    # -- watching one link (services.watch) -------------------------------------------------------

    def watch_link(self, link_id: str, *, interval: float = 2.0) -> LinkWatcher:
        """A watcher of one link for the counter display: its own client from this profile's
        factory (closed by LinkWatcher.close), this cache; call start() on a worker. `interval`
        is services.watch.DEFAULT_INTERVAL by default; under MIN_INTERVAL raises ValueError."""
        from linkmanager.services.watch import LinkWatcher  # the poller loads when first used

        return LinkWatcher(self._client_factory, self.cache, link_id, interval=interval, now=self._clock)
