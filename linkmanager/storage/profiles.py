"""Profiles: which Lean application, in which environment, with which sync settings.

A small JSON file with a format version, rewritten whole and atomically (temp file, fsync,
os.replace) with mode 0600. A file we cannot read is an error naming it, never replaced: it
may be the only record of the user's applications. The client secret is not a profile field
at all; it lives in the OS keyring (see credentials.py).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
import threading
import unicodedata
import uuid
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any, TypeAlias

from linkmanager.domain.i18n import Context, translate
from linkmanager.domain.urls import service_url_problem
from linkmanager.storage.paths import ensure_private_dir

ProfilesCounts = Context("ProfilesCounts")  # plurals: lupdate reads X.tr(text, "", n) as a plural

log = logging.getLogger(__name__)

ENVIRONMENTS = ("sandbox", "production", "custom", "demo")
# 2 added usage_freshness_minutes: a LinkManager that reads only format 1 says to update it,
# rather than calling the file damaged for a field it does not know.
FORMAT_VERSION = 2
NAME_MAX = 64
CLIENT_ID_MAX = 256
SYNC_INTERVAL_RANGE = (1, 24 * 60)  # minutes
USAGE_FRESHNESS_RANGE = (5, 24 * 60)  # minutes
CONCURRENCY_RANGE = (1, 32)
FILE_MODE = 0o600

_NAME_PUNCTUATION = frozenset(" -_.")
NO_PROFILES = "No profiles yet: add one with `linkmanager profile add`"


class ProfileError(Exception):
    """A profile problem, said in one sentence the user can act on."""


def validate_name(name: str) -> str:
    """The name in NFC if it is a valid profile name, else ProfileError saying why.

    Letters of any script (with their combining marks), digits, space, '-', '_' and '.';
    1..64 characters, no leading or trailing space. NFC, so the same visible name typed on
    macOS (NFD) and elsewhere is one profile and one keyring entry.
    """
    if not isinstance(name, str):
        raise ProfileError("A profile name is text")
    name = unicodedata.normalize("NFC", name)
    if not name:
        raise ProfileError(translate("Profiles", "A profile name cannot be empty"))
    if len(name) > NAME_MAX:
        limit = NAME_MAX
        too_long = ProfilesCounts.tr(
            "A profile name has at most %n character(s); {name} has {length}", None, limit
        )
        raise ProfileError(too_long.format(name=repr(name), length=len(name)))
    if name != name.strip(" "):
        spaced = translate("Profiles", "A profile name cannot start or end with a space: {name}")
        raise ProfileError(spaced.format(name=repr(name)))
    for index, char in enumerate(name):
        category = unicodedata.category(char)
        if (
            category.startswith("L")
            or category == "Nd"
            or char in _NAME_PUNCTUATION
            or (category.startswith("M") and index > 0)
        ):
            continue
        refused = translate(
            "Profiles",
            "A profile name may hold only letters, digits, spaces, '-', '_' and '.': {name} has {char}",
        )
        raise ProfileError(refused.format(name=repr(name), char=f"{char!r} (U+{ord(char):04X})"))
    return name


def name_key(name: str) -> str:
    """What uniqueness compares: 'Main', 'MAIN' and the full-width 'Ｍａｉｎ' are one name."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())


def _check_url(field: str, value: object) -> None:
    """The rules api.ApiEndpoints applies (domain.urls), checked when the file is read: a
    hand-edited address is refused in one sentence by every command, not met later as a traceback."""
    if not isinstance(value, str) or not value:
        raise ProfileError(f"The profile's {field} is required")
    problem = service_url_problem(value)
    if problem is not None:
        raise ProfileError(f"The profile's {field} {problem}")


def _check_int(field: str, value: object, bounds: tuple[int, int]) -> None:
    low, high = bounds
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ProfileError(
            f"The profile's {field} must be a whole number from {low} to {high}, not {value!r}"
        )


@dataclass(frozen=True)
class Profile:
    """One Lean application in one environment. URLs are explicit even for sandbox and production."""

    name: str
    environment: str
    client_id: str
    api_url: str
    token_url: str
    sync_interval_minutes: int = 5
    concurrency: int = 8
    # The sync re-confirms every changeable link's usages at least this often (minutes).
    usage_freshness_minutes: int = 60
    # Names this profile's keyring entry apart from a same-named profile under another --home.
    secret_id: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", validate_name(self.name))
        if not self.secret_id:
            object.__setattr__(self, "secret_id", uuid.uuid4().hex)
        secret_id = self.secret_id
        if not isinstance(secret_id, str) or len(secret_id) > 64 or not secret_id.isprintable():
            raise ProfileError("The profile's secret_id is not usable")
        if self.environment not in ENVIRONMENTS:
            raise ProfileError(
                f"Unknown environment {self.environment!r}: choose one of {', '.join(ENVIRONMENTS)}"
            )
        client_id = self.client_id
        if not isinstance(client_id, str) or not client_id.strip():
            raise ProfileError(translate("Profiles", "A profile needs a client ID"))
        if client_id != client_id.strip() or any(unicodedata.category(c) == "Cc" for c in client_id):
            spaced = translate(
                "Profiles", "The client ID has spaces or control characters around or in it: {id}"
            )
            raise ProfileError(spaced.format(id=repr(client_id)))
        if len(client_id) > CLIENT_ID_MAX:
            limit = CLIENT_ID_MAX
            raise ProfileError(ProfilesCounts.tr("The client ID is longer than %n character(s)", None, limit))
        _check_url("api_url", self.api_url)
        _check_url("token_url", self.token_url)
        _check_int("sync_interval_minutes", self.sync_interval_minutes, SYNC_INTERVAL_RANGE)
        _check_int("concurrency", self.concurrency, CONCURRENCY_RANGE)
        _check_int("usage_freshness_minutes", self.usage_freshness_minutes, USAGE_FRESHNESS_RANGE)

    @property
    def key(self) -> str:
        return name_key(self.name)

    @property
    def keyring_account(self) -> str:
        """The keyring entry's user name: the profile name and its own id (readable in a keyring
        manager, unique across homes). Profiles written before the id existed keep the bare name."""
        return self.name if self.secret_id == self.name else f"{self.name} [{self.secret_id}]"


# ProfileStore has a method named list; inside the class the builtin needs another name.
Profiles: TypeAlias = list[Profile]
_FIELDS = tuple(f.name for f in fields(Profile))
_REQUIRED = ("name", "environment", "client_id", "api_url", "token_url")


def _sorted(profiles: Profiles) -> Profiles:
    return sorted(profiles, key=lambda p: (p.key, p.name))


class ProfileStore:
    """The profiles file. Every change re-reads the file first, so two windows or a window and
    the command line lose as little as possible; a lock keeps this process's threads in line."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._lock = threading.Lock()

    @property
    def path(self) -> Path:
        return self._path

    def list(self) -> Profiles:
        with self._lock:
            return self._read()

    def get(self, name: str) -> Profile:
        with self._lock:
            profiles = self._read()
        return self._find(profiles, name)

    def add(self, profile: Profile) -> None:
        with self._lock:
            profiles = self._read()
            for existing in profiles:
                if existing.key == profile.key:
                    taken = translate(
                        "Profiles",
                        "A profile named {name} already exists (names ignore case): choose another name or "
                        "remove it first",
                    )
                    raise ProfileError(taken.format(name=repr(existing.name)))
            self._write([*profiles, profile])
        log.info("Added profile %r (%s)", profile.name, profile.environment)

    def update(self, profile: Profile) -> None:
        """Replace the settings of an existing profile. The stored spelling of the name is kept:
        the keyring entry and the cache file are named after it."""
        with self._lock:
            profiles = self._read()
            current = self._find(profiles, profile.name)
            changed = replace(profile, name=current.name, secret_id=current.secret_id)
            self._write([changed if p.key == current.key else p for p in profiles])
        log.info("Updated profile %r", current.name)

    def remove(self, name: str) -> Profile:
        """Forget a profile; its keyring entry and cache file are the caller's to remove."""
        with self._lock:
            profiles = self._read()
            gone = self._find(profiles, name)
            self._write([p for p in profiles if p.key != gone.key])
        log.info("Removed profile %r", gone.name)
        return gone

    def default(self) -> Profile:
        """The profile to use when none is named: only ever the sole profile, never a guess."""
        profiles = self.list()
        if not profiles:
            raise ProfileError(NO_PROFILES)
        if len(profiles) > 1:
            raise ProfileError(
                f"There are {len(profiles)} profiles: choose one with --profile NAME "
                f"({', '.join(p.name for p in profiles)})"
            )
        return profiles[0]

    @staticmethod
    def _find(profiles: Profiles, name: str) -> Profile:
        if not profiles:
            raise ProfileError(NO_PROFILES)
        wanted = name_key(name) if isinstance(name, str) else None
        for profile in profiles:
            if profile.key == wanted:
                return profile
        unknown = translate("Profiles", "No profile named {name}. Profiles: {names}")
        raise ProfileError(unknown.format(name=repr(name), names=", ".join(p.name for p in profiles)))

    # -- the file ----------------------------------------------------------------------------

    def _damaged(self, reason: str) -> ProfileError:
        damaged = translate(
            "Profiles",
            "The profiles file {path} is damaged ({reason}): fix it or move it away; LinkManager will not "
            "overwrite it",
        )
        return ProfileError(damaged.format(path=self._path, reason=reason))

    def _read(self) -> Profiles:
        try:
            data = self._path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as exc:
            cannot = translate("Profiles", "Cannot read the profiles file {path}: {reason}")
            raise ProfileError(cannot.format(path=self._path, reason=exc.strerror or exc)) from exc
        try:
            document = json.loads(data.decode("utf-8-sig"))  # a BOM from Notepad is no damage
        except (UnicodeDecodeError, ValueError) as exc:
            raise self._damaged(f"not valid JSON: {exc}") from None
        if not isinstance(document, dict) or set(document) != {"format", "profiles"}:
            raise self._damaged('expected an object with "format" and "profiles"')
        version = document["format"]
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            raise self._damaged(f"format {version!r} is not a version number")
        if version > FORMAT_VERSION:
            newer = translate(
                "Profiles",
                "The profiles file {path} was written by a newer LinkManager (format {found}; this version "
                "reads format {supported}): update LinkManager",
            )
            raise ProfileError(newer.format(path=self._path, found=version, supported=FORMAT_VERSION))
        entries = document["profiles"]
        if not isinstance(entries, list):
            raise self._damaged('"profiles" is not a list')
        profiles = [self._parse(index, entry) for index, entry in enumerate(entries)]
        keys = [p.key for p in profiles]
        if len(set(keys)) != len(keys):
            raise self._damaged("two profiles have the same name")
        return _sorted(profiles)

    def _parse(self, index: int, entry: Any) -> Profile:
        if not isinstance(entry, dict):
            raise self._damaged(f"profile {index + 1} is not an object")
        unknown = sorted(set(entry) - set(_FIELDS))
        missing = [k for k in _REQUIRED if k not in entry]
        if unknown or missing:
            what = f"unknown {', '.join(unknown)}" if unknown else f"missing {', '.join(missing)}"
            raise self._damaged(f"profile {index + 1}: {what}")
        if "secret_id" not in entry:
            entry = {**entry, "secret_id": entry["name"]}  # written before secret ids: keyring entry = name
        try:
            return Profile(**entry)
        except ProfileError as exc:
            raise self._damaged(f"profile {index + 1}: {exc}") from None

    def _write(self, profiles: Profiles) -> None:
        document = {"format": FORMAT_VERSION, "profiles": [asdict(p) for p in _sorted(profiles)]}
        payload = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        parent = self._path.parent
        try:
            ensure_private_dir(parent)
            fd, temp_name = tempfile.mkstemp(prefix=f".{self._path.name}.", suffix=".tmp", dir=parent)
            try:
                with os.fdopen(fd, "wb") as temp:
                    temp.write(payload)
                    temp.flush()
                    os.fsync(temp.fileno())
                os.chmod(temp_name, FILE_MODE)
                os.replace(temp_name, self._path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temp_name)
                raise
        except OSError as exc:
            cannot = translate("Profiles", "Cannot write the profiles file {path}: {reason}")
            raise ProfileError(cannot.format(path=self._path, reason=exc.strerror or exc)) from exc
        _fsync_dir(parent)


def _fsync_dir(directory: Path) -> None:
    """Make the rename durable on POSIX; Windows cannot open a directory, and needs no such step."""
    if os.name != "posix":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
