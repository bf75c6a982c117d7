"""Known failures as one sentence for stderr and an exit code; anything else is a bug and raises.

The sentence is the message catalogue's (services.messages): what happened, naming the profile,
what to do, and the command that does it, so the window and the command line say the same.
"""

from __future__ import annotations

from linkmanager.api import LeanError, LeanTransportError
from linkmanager.cli.context import Context
from linkmanager.cli.exit_codes import EXIT_ERROR, EXIT_OFFLINE
from linkmanager.cli.output import ago, local_time
from linkmanager.cli.profile_cmds import CommandError
from linkmanager.domain.models import utc_now
from linkmanager.services.actions import ActionRefused
from linkmanager.services.messages import MessageContext, message_for
from linkmanager.services.sync import SyncFailed
from linkmanager.storage.cache import CacheError, LinkCache
from linkmanager.storage.credentials import CredentialError
from linkmanager.storage.paths import PathError
from linkmanager.storage.profiles import ProfileError

SAID_BY_THE_CATALOGUE = (
    SyncFailed,
    LeanError,
    ActionRefused,
    CacheError,
    CredentialError,
    ProfileError,
    PathError,
)


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


def message_context(ctx: Context) -> MessageContext:
    """The profile the command ran for, when it is known (an unknown one is the error itself)."""
    try:
        profile = ctx.profile
    except (ProfileError, PathError, OSError):
        return MessageContext(ctx.profile_name or "")
    return MessageContext(profile.name, profile.environment)


def explain(exc: BaseException, ctx: Context) -> tuple[str, int] | None:
    if isinstance(exc, CommandError):
        return str(exc), exc.code
    if not isinstance(exc, SAID_BY_THE_CATALOGUE):
        return None
    offline = isinstance(exc.cause if isinstance(exc, SyncFailed) else exc, LeanTransportError)
    sentence = message_for(exc, message_context(ctx)).sentence()
    if offline and not isinstance(exc, SyncFailed):
        sentence += (
            " If a change was being sent, run `linkmanager sync` once Lean answers to see whether it arrived."
        )
    return sentence + (_cache_age(ctx) if offline else ""), EXIT_OFFLINE if offline else EXIT_ERROR
