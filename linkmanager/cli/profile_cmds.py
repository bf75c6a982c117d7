"""`linkmanager profile add | list | remove`: profiles on disk, secrets in the OS keyring."""

from __future__ import annotations

import argparse
import getpass
import sys

from linkmanager.api.errors import AuthenticationError, LeanError
from linkmanager.cli.context import Context
from linkmanager.cli.exit_codes import EXIT_ERROR, EXIT_USAGE
from linkmanager.cli.output import local_time, safe, table
from linkmanager.domain.secret import Secret
from linkmanager.services.endpoints import endpoints_of
from linkmanager.storage.cache import CacheCorruptError, CacheError, CacheTooNewError, LinkCache
from linkmanager.storage.cache_errors import CacheDiskFullError
from linkmanager.storage.profiles import USAGE_FRESHNESS_RANGE, Profile

# api.ENVIRONMENTS' names (tests/cli holds them equal): the parser, which `linkmanager` builds on
# its way to the window too, must not import the HTTP stack (~60 ms) to list them.
LEAN_ENVIRONMENTS = ("production", "sandbox")


class CommandError(Exception):
    """A sentence for stderr and an exit code."""

    def __init__(self, message: str, code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.code = code


def add_profile_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    profile = commands.add_parser("profile", help="add, list or remove Lean profiles")
    actions = profile.add_subparsers(dest="profile_command", metavar="ACTION", required=True)

    add = actions.add_parser(
        "add",
        parents=[common],
        help="add a profile; the client secret goes to the OS keyring",
        description="Add a profile for one Lean application in one environment. The client secret is "
        "stored in the OS keyring only, and checked with Lean unless --no-check is given.",
    )
    add.add_argument("name", help="a name for the profile, e.g. 'Sandbox' or 'Dubai store'")
    where = add.add_mutually_exclusive_group(required=True)
    where.add_argument("--env", choices=LEAN_ENVIRONMENTS, help="one of Lean's environments")
    where.add_argument("--api-url", help="API base URL of another deployment (with --token-url)")
    add.add_argument("--token-url", help="OAuth token URL of that deployment (with --api-url)")
    add.add_argument("--client-id", required=True, help="the application's client ID from Lean's dashboard")
    add.add_argument(
        "--secret-stdin", action="store_true", help="read the client secret from standard input (one line)"
    )
    add.add_argument(
        "--no-check", action="store_true", help="do not ask Lean for a token to check the secret"
    )
    add.add_argument(
        "--sync-interval", type=int, default=5, metavar="MIN", help="minutes between syncs in the app"
    )
    low, high = USAGE_FRESHNESS_RANGE
    add.add_argument(
        "--freshness",
        type=int,
        default=60,
        metavar="MINUTES",
        help=f"re-check the payments of every link that can still change at least this often "
        f"({low} to {high} minutes; default 60)",
    )

    secret = actions.add_parser(
        "secret",
        parents=[common],
        help="store a profile's client secret again (a new secret, or a keyring that lost it)",
    )
    secret.add_argument("name")
    secret.add_argument("--secret-stdin", action="store_true", help="read the secret from standard input")
    secret.add_argument("--no-check", action="store_true", help="do not ask Lean for a token to check it")

    actions.add_parser("list", parents=[common], help="list profiles")
    remove = actions.add_parser(
        "remove", parents=[common], help="remove a profile, its keyring entry and its offline cache"
    )
    remove.add_argument("name")


def _read_secret(from_stdin: bool) -> Secret:
    if from_stdin:
        text = sys.stdin.readline().strip()
    else:
        if not sys.stdin.isatty():
            raise CommandError(
                "No terminal to ask for the client secret: pass it with --secret-stdin.", EXIT_USAGE
            )
        text = getpass.getpass("Client secret (not shown): ").strip()
    if not text:
        raise CommandError("The client secret is empty.", EXIT_USAGE)
    return Secret(text)


def _profile_from(args: argparse.Namespace) -> Profile:
    if args.env:
        from linkmanager.api import ENVIRONMENTS

        endpoints = ENVIRONMENTS[args.env]
        environment = args.env
    else:
        if not args.token_url:
            raise CommandError("--api-url needs --token-url too (the OAuth token address).", EXIT_USAGE)
        try:
            from linkmanager.api import ApiEndpoints

            endpoints = ApiEndpoints(args.api_url, args.token_url)
        except ValueError as exc:
            raise CommandError(f"{exc}.", EXIT_USAGE) from None
        environment = "custom"
    if args.sync_interval < 1:
        raise CommandError("--sync-interval is at least 1 minute.", EXIT_USAGE)
    low, high = USAGE_FRESHNESS_RANGE
    if not low <= args.freshness <= high:
        raise CommandError(f"--freshness is {low} to {high} minutes, not {args.freshness}.", EXIT_USAGE)
    return Profile(
        name=args.name,
        environment=environment,
        client_id=args.client_id,
        api_url=endpoints.api_url,
        token_url=endpoints.token_url,
        sync_interval_minutes=args.sync_interval,
        usage_freshness_minutes=args.freshness,
    )


def _check_with_lean(profile: Profile, secret: Secret) -> str:
    """Ask Lean for a token: wrong credentials stop here, an unreachable Lean only warns."""
    from linkmanager.api import Credentials, LeanClient  # the HTTP stack: not with the parser

    with LeanClient(endpoints_of(profile), Credentials(profile.client_id, secret)) as client:
        try:
            client.links_page(0, size=1)
        except AuthenticationError as exc:
            from linkmanager.services.messages import MessageContext, credentials_refused

            ctx = MessageContext(profile.name, profile.environment)
            raise CommandError(credentials_refused(exc, ctx)) from None
        except LeanError as exc:
            return f"Could not check the credentials with Lean ({exc}); saved anyway."
    return "Lean accepted the credentials."


def profile_add(ctx: Context, args: argparse.Namespace) -> int:
    profile = _profile_from(args)
    taken = next((p for p in ctx.profiles.list() if p.key == profile.key), None)
    if taken is not None:  # checked before the keyring is touched: never replace another profile's secret
        raise CommandError(
            f"A profile named {taken.name!r} already exists: choose another name or remove it first."
        )
    ctx.credentials.check_backend()
    secret = _read_secret(args.secret_stdin)
    verdict = "Not checked with Lean (--no-check)." if args.no_check else _check_with_lean(profile, secret)
    ctx.credentials.store(profile.name, secret, account=profile.keyring_account)
    ctx.profiles.add(profile)
    print(
        f"Profile {safe(profile.name)!r} added ({profile.environment}); secret stored in {ctx.credentials.backend_name}."
    )
    print(verdict)
    return 0


def profile_secret(ctx: Context, args: argparse.Namespace) -> int:
    """Replace the stored secret: the profile, its cache and its settings stay as they are."""
    profile = ctx.profiles.get(args.name)
    ctx.credentials.check_backend()
    secret = _read_secret(args.secret_stdin)
    verdict = "Not checked with Lean (--no-check)." if args.no_check else _check_with_lean(profile, secret)
    ctx.credentials.store(profile.name, secret, account=profile.keyring_account)
    print(f"Client secret for {safe(profile.name)!r} stored in {ctx.credentials.backend_name}.")
    print(verdict)
    return 0


def profile_list(ctx: Context, args: argparse.Namespace) -> int:
    profiles = ctx.profiles.list()
    if not profiles:
        print("No profiles yet: add one with `linkmanager profile add NAME --env sandbox --client-id ID`.")
        return 0
    rows = []
    for p in profiles:
        rows.append([p.name, p.environment.upper(), p.client_id, p.api_url, _last_sync(ctx, p)])
    print(table(rows, ["Name", "Environment", "Client ID", "API", "Last full sync"]))
    return 0


def _last_sync(ctx: Context, profile: Profile) -> str:
    path = ctx.paths.cache_file(profile.name)
    if not path.exists():
        return "never"
    try:
        with LinkCache.open(path) as cache:
            return local_time(cache.sync_state().last_full_sync)
    except CacheTooNewError:
        return "cache from a newer LinkManager"
    except CacheCorruptError:
        return "cache damaged"
    except CacheDiskFullError:
        return "disk full"
    except CacheError:
        return "cache unreadable"


def profile_remove(ctx: Context, args: argparse.Namespace) -> int:
    profile = ctx.profiles.get(args.name)
    ctx.credentials.delete(profile.name, account=profile.keyring_account)
    ctx.profiles.remove(profile.name)
    cache = ctx.paths.cache_file(profile.name)
    removed = []
    for path in (cache, cache.with_name(cache.name + "-wal"), cache.with_name(cache.name + "-shm")):
        if path.exists():
            path.unlink()
            removed.append(path)
    extra = " and its offline cache" if removed else ""
    print(f"Profile {safe(profile.name)!r}, its keyring entry{extra} removed.")
    return 0
