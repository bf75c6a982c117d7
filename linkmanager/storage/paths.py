"""Where LinkManager keeps its files: one home directory for profiles and caches.

One option moves everything (`--home DIR`, or LINKMANAGER_HOME), so tests and portable installs
never touch the user's real data. Caches live under the data directory, not the OS cache
directory: they hold the links people read offline, and a cache cleaner must not erase them.
Nothing here creates a directory until something is written.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

log = logging.getLogger(__name__)

APP_NAME = "linkmanager"
HOME_ENV = "LINKMANAGER_HOME"
PROFILES_FILE_NAME = "profiles.json"
CACHES_DIR_NAME = "caches"
CACHE_SUFFIX = ".sqlite3"

# Directories hold payer data: only the user may list or enter them.
PRIVATE_DIR_MODE = 0o700
_SLUG_MAX = 32
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


class PathError(ValueError):
    """The home directory given is unusable (an empty --home would silently mean the real data)."""


def cache_file_name(profile_name: str) -> str:
    """A file name safe on every OS, distinct per exact profile name: `sandbox-main-1a2b3c4d.sqlite3`.

    The slug keeps it readable (ASCII only, lower case, so case-insensitive file systems and
    Windows reserved characters are no concern); the hash of the exact name keeps names that
    differ only in case or script (Arabic names slug to nothing) apart.
    """
    name = unicodedata.normalize("NFC", profile_name)
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", ascii_name.lower()).strip("-")[:_SLUG_MAX].strip("-") or "profile"
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
    return f"{slug}-{digest}{CACHE_SUFFIX}"


@dataclass(frozen=True)
class AppPaths:
    """The files of one LinkManager home; computing them touches nothing on disk."""

    home: Path
    profiles_file: Path
    caches_dir: Path

    @classmethod
    def under(cls, home: Path) -> AppPaths:
        return cls(home=home, profiles_file=home / PROFILES_FILE_NAME, caches_dir=home / CACHES_DIR_NAME)

    def cache_file(self, profile_name: str) -> Path:
        return self.caches_dir / cache_file_name(profile_name)

    def ensure_caches_dir(self) -> Path:
        """For the cache's first write: home and caches/ both private (0700) when created here."""
        ensure_private_dir(self.home)
        ensure_private_dir(self.caches_dir)
        return self.caches_dir


def resolve_paths(home: str | None = None, environ: Mapping[str, str] | None = None) -> AppPaths:
    """--home wins over LINKMANAGER_HOME, which wins over the platform's user data directory.

    An empty LINKMANAGER_HOME counts as unset (as XDG variables do); an empty --home is an
    error, because falling back would point a test or script at the user's real profiles.
    """
    env = os.environ if environ is None else environ
    if home is not None:
        if not home.strip():
            raise PathError("--home needs a directory, not an empty value")
        chosen = Path(home).expanduser().absolute()
        source = "--home"
    elif env.get(HOME_ENV, "").strip():
        chosen = Path(env[HOME_ENV]).expanduser().absolute()
        source = HOME_ENV
    else:
        chosen = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
        source = "platformdirs"
    log.debug("LinkManager home is %s (from %s)", chosen, source)
    return AppPaths.under(chosen)


def ensure_private_dir(path: Path) -> None:
    """Create `path` (and missing parents) for a first write; the leaf is made 0700.

    Parents are created with the usual mode, since they may be shared directories such as
    ~/.local/share; a directory that already exists keeps the mode its owner gave it.
    """
    if path.is_dir():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        path.mkdir(mode=PRIVATE_DIR_MODE)
    except FileExistsError:
        if not path.is_dir():
            raise
        return
    # mkdir's mode is filtered by the umask; set it exactly so an odd umask cannot widen or break it.
    os.chmod(path, PRIVATE_DIR_MODE)
    log.debug("Created %s", path)
