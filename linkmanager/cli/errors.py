"""Known failures as one sentence for stderr and an exit code; anything else is a bug and raises."""

from __future__ import annotations

from linkmanager.api import LeanError, LeanTransportError
from linkmanager.cli.context import Context
from linkmanager.cli.exit_codes import EXIT_ERROR, EXIT_OFFLINE
from linkmanager.cli.output import ago, local_time
from linkmanager.cli.profile_cmds import CommandError
from linkmanager.domain.models import utc_now
from linkmanager.services.actions import ActionRefused
from linkmanager.services.sync import SyncFailed
from linkmanager.storage.cache import CacheCorruptError, CacheError, LinkCache
from linkmanager.storage.credentials import CredentialError
from linkmanager.storage.paths import PathError
from linkmanager.storage.profiles import ProfileError


def _cache_age(ctx: Context) -> str:
    """ "The cache from 14:02 (3 min ago) still answers reads." when there is one."""
    try:
        path = ctx.paths.cache_file(ctx.profile.name)
        if not path.exists():
            return ""
        with LinkCache.open(path) as cache:
            last = cache.sync_state().last_full_sync
    except (CacheError, ProfileError, OSError):
        return ""
    if last is None:
        return " The cache still answers reads (`linkmanager links`)."
    return f" The cache from {local_time(last)} ({ago(last, utc_now())}) still answers reads (`linkmanager links`)."


def explain(exc: BaseException, ctx: Context) -> tuple[str, int] | None:
    if isinstance(exc, CommandError):
        return str(exc), exc.code
    if isinstance(exc, SyncFailed):
        offline = isinstance(exc.cause, LeanTransportError)
        return str(exc) + (_cache_age(ctx) if offline else ""), EXIT_OFFLINE if offline else EXIT_ERROR
    if isinstance(exc, LeanTransportError):
        return (
            f"{exc} If a change was being sent, run `linkmanager sync` once Lean answers to see "
            f"whether it arrived.{_cache_age(ctx)}",
            EXIT_OFFLINE,
        )
    if isinstance(exc, ActionRefused):
        return f"Refused: {exc}", EXIT_ERROR
    if isinstance(exc, CacheCorruptError):
        return str(exc), EXIT_ERROR
    if isinstance(exc, LeanError | CacheError | CredentialError | ProfileError | PathError):
        return str(exc), EXIT_ERROR
    return None
