"""The offline cache (sqlite3) and the credential store (keyring). No Qt, nothing from `api`."""

from linkmanager.storage.cache import (
    CacheCorruptError,
    CachedLink,
    CacheError,
    CacheTooNewError,
    LinkCache,
    LinkChange,
    SearchHit,
    SyncState,
    UnknownLinkError,
    UsageChange,
)
from linkmanager.storage.cache_errors import (
    CacheDiskFullError,
    CacheReadOnlyError,
    CacheUpgradeBlockedError,
)
from linkmanager.storage.credentials import (
    CredentialError,
    CredentialStore,
    KeyringLockedError,
    NoSecureBackendError,
    SecretMissingError,
)
from linkmanager.storage.paths import AppPaths, PathError, resolve_paths
from linkmanager.storage.profiles import Profile, ProfileError, ProfileStore

__all__ = [
    "AppPaths",
    "CacheCorruptError",
    "CacheDiskFullError",
    "CacheError",
    "CacheReadOnlyError",
    "CacheTooNewError",
    "CacheUpgradeBlockedError",
    "CachedLink",
    "CredentialError",
    "CredentialStore",
    "KeyringLockedError",
    "LinkCache",
    "LinkChange",
    "NoSecureBackendError",
    "PathError",
    "Profile",
    "ProfileError",
    "ProfileStore",
    "SearchHit",
    "SecretMissingError",
    "SyncState",
    "UnknownLinkError",
    "UsageChange",
    "resolve_paths",
]
