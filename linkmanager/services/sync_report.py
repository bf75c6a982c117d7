"""What a sync reports: progress, the report of what it found and cost, and how it stopped."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from linkmanager.api.errors import LeanTransportError
from linkmanager.storage.cache import LinkChange, SyncProblem, UsageChange


class SyncCancelled(Exception):
    """The user stopped the sync; what was stored before stays, nothing half-written."""


class SyncAborted(Exception):
    """Raised in a worker when the sync is stopping; the first real error is the one reported."""


class SyncFailed(Exception):
    """The sync could not go on. `report` holds what was done before it; the cache is intact."""

    def __init__(self, cause: Exception, report: SyncReport) -> None:
        self.cause = cause
        self.report = report
        super().__init__(f"Sync stopped: {cause} Everything cached before is kept.")

    @property
    def offline(self) -> bool:
        """Lean could not be reached (as opposed to refusing or answering badly)."""
        return isinstance(self.cause, LeanTransportError)


@dataclass(frozen=True, slots=True)
class SyncProgress:
    """Counts for a progress bar: link pages, then links whose usages are done."""

    link_pages_done: int
    link_pages_total: int | None
    usage_links_done: int
    usage_links_total: int | None


@dataclass(slots=True)
class SyncReport:
    """What a sync found and what it cost. `completed`: it ran to its end; `complete`: with no problem."""

    concurrency: int
    full: bool
    links_seen: int = 0
    links_added: list[LinkChange] = field(default_factory=list)
    status_changes: list[LinkChange] = field(default_factory=list)
    new_usages: list[UsageChange] = field(default_factory=list)
    usage_changes: list[UsageChange] = field(default_factory=list)
    problems: list[SyncProblem] = field(default_factory=list)
    links_missing: int = 0
    usage_reads: int = 0
    usage_probes: int = 0
    usage_skips: int = 0
    requests: int = 0
    seconds: float = 0.0
    completed: bool = False
    finished_at: datetime | None = None  # when it ran to its end (the cache's "last synced")
    # What "Sync interrupted — 120 of 300 links updated" counts: the links Lean listed (None until
    # the first page answered, or when its totals cannot be believed), and the links brought up
    # to date: listed and stored, with their payments stored or needing no read.
    links_total: int | None = None
    usage_lists_stored: int = 0

    @property
    def complete(self) -> bool:
        return self.completed and not self.problems

    @property
    def links_updated(self) -> int:
        return self.usage_skips + self.usage_lists_stored

    @property
    def interrupted(self) -> bool:
        """It stopped part-way: the listing had begun, and it did not run to its end."""
        return not self.completed and self.links_total is not None

    @property
    def problem_links(self) -> list[str]:
        """The links that could not be brought up to date, each once."""
        return list(dict.fromkeys(p.link_id for p in self.problems if p.link_id is not None))


ProgressCallback = Callable[[SyncProgress], None]
