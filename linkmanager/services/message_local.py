"""The catalogue's entries for failures on this computer: keyring, offline cache, profile, bugs.

Lean's own failures are in services.message_catalogue; both build through services.messages.
"""

from __future__ import annotations

import shlex
from pathlib import Path

from linkmanager.services.messages import (
    QT_TRANSLATE_NOOP,
    Action,
    MessageContext,
    MessageKind,
    Text,
    UserMessage,
    build,
    details_of,
    literal,
    profile_words,
)
from linkmanager.storage.cache_errors import (
    CacheCorruptError,
    CacheDiskFullError,
    CacheError,
    CacheReadOnlyError,
    CacheTooNewError,
)
from linkmanager.storage.credentials import (
    CredentialError,
    KeyringLockedError,
    NoSecureBackendError,
    SecretMissingError,
)
from linkmanager.storage.paths import PathError
from linkmanager.storage.profiles import ProfileError

NO_SECURE_KEYRING = QT_TRANSLATE_NOOP(
    "Messages",
    "Install and start GNOME Keyring or KWallet (Secret Service), or unlock your login keyring; "
    "LinkManager never keeps the secret in a plain file.",
)


def _folder(path: Path) -> str:
    return str(path.parent)


def _keyring(error: CredentialError, ctx: MessageContext) -> UserMessage:
    who = {"profile": profile_words(ctx)}
    details = details_of(error, ctx)
    if isinstance(error, KeyringLockedError):
        return build(
            MessageKind.KEYRING_LOCKED,
            Action.RETRY,
            (
                Text(
                    QT_TRANSLATE_NOOP(
                        "Messages", "The keyring holding the client secret of {profile} is locked."
                    ),
                    who,
                ),
            ),
            (
                Text(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "Unlock it (log in to the desktop, or run `gnome-keyring-daemon --unlock`), then try again.",
                    )
                ),
            ),
            (Text(QT_TRANSLATE_NOOP("Messages", "Keyring locked — the client secret cannot be read.")),),
            details,
            ctx,
        )
    if isinstance(error, SecretMissingError):
        return build(
            MessageKind.SECRET_MISSING,
            Action.EDIT_PROFILE,
            (Text(QT_TRANSLATE_NOOP("Messages", "No client secret is stored for {profile}."), who),),
            (
                Text(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "Enter it again in the profile (Lean's dashboard issues a new one if it is lost); "
                        "the offline cache is kept.",
                    )
                ),
            ),
            (
                Text(
                    QT_TRANSLATE_NOOP(
                        "Messages", "No client secret — the keyring holds none for this profile."
                    )
                ),
            ),
            details,
            ctx,
            command=f"linkmanager profile secret {shlex.quote(ctx.profile)}" if ctx.profile else "",
        )
    if isinstance(error, NoSecureBackendError):
        headline = QT_TRANSLATE_NOOP(
            "Messages", "No secure keyring is available to hold the client secret of {profile}."
        )
    else:
        headline = QT_TRANSLATE_NOOP("Messages", "The keyring could not give the client secret of {profile}.")
    return build(
        MessageKind.KEYRING_UNAVAILABLE,
        Action.OPEN_KEYRING_HELP,
        (Text(headline, who),),
        (Text(NO_SECURE_KEYRING),),
        (Text(QT_TRANSLATE_NOOP("Messages", "No secure keyring — the client secret cannot be read.")),),
        details,
        ctx,
    )


def _cache(error: CacheError, ctx: MessageContext) -> UserMessage:
    who = {"profile": profile_words(ctx)}
    details = details_of(error, ctx)
    if isinstance(error, CacheReadOnlyError):
        return build(
            MessageKind.CACHE_READ_ONLY,
            Action.OPEN_DATA_FOLDER,
            (
                Text(
                    QT_TRANSLATE_NOOP("Messages", "The offline cache of {profile} is read-only ({reason})."),
                    {**who, "reason": error.reason},
                ),
            ),
            (
                Text(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "It still answers reads, but nothing can be saved to it: to sync, copy it to a folder "
                        "you can write to, or make this one writable.",
                    )
                ),
            ),
            (Text(QT_TRANSLATE_NOOP("Messages", "Read-only cache — syncing is off.")),),
            details,
            ctx,
            path=_folder(error.path),
        )
    if isinstance(error, CacheCorruptError):
        if isinstance(error, CacheTooNewError):
            advice = QT_TRANSLATE_NOOP("Messages", "Update LinkManager, or rebuild the cache from Lean.")
        else:
            advice = QT_TRANSLATE_NOOP(
                "Messages",
                "It is damaged: rebuild it from Lean with a full sync (your saved credentials are untouched).",
            )
        return build(
            MessageKind.CACHE_CORRUPT,
            Action.OPEN_DATA_FOLDER,
            (
                Text(
                    QT_TRANSLATE_NOOP(
                        "Messages", "The offline cache of {profile} cannot be used because {reason}."
                    ),
                    {**who, "reason": error.reason},
                ),
            ),
            (Text(advice),),
            (Text(QT_TRANSLATE_NOOP("Messages", "Offline cache unusable.")),),
            details,
            ctx,
            path=_folder(error.path),
            command="linkmanager sync --rebuild",
        )
    if isinstance(error, CacheDiskFullError):
        return build(
            MessageKind.CACHE_DISK_FULL,
            Action.RETRY,
            (
                Text(
                    QT_TRANSLATE_NOOP("Messages", "The disk holding the offline cache of {profile} is full."),
                    who,
                ),
            ),
            (
                Text(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "Free some space on that disk and try again; nothing stored before is lost.",
                    )
                ),
            ),
            (Text(QT_TRANSLATE_NOOP("Messages", "Disk full — the offline cache cannot be written.")),),
            details,
            ctx,
            path=_folder(error.path),
        )
    return build(
        MessageKind.CACHE_ERROR,
        Action.NONE,
        (literal(str(error)),),
        (),
        (Text(QT_TRANSLATE_NOOP("Messages", "Offline cache problem.")),),
        details,
        ctx,
    )


def describe_local(error: BaseException, ctx: MessageContext) -> UserMessage:
    """Keyring, cache and profile failures; anything else is a bug of ours, said as one."""
    if isinstance(error, CredentialError):
        return _keyring(error, ctx)
    if isinstance(error, CacheError):
        return _cache(error, ctx)
    if isinstance(error, ProfileError | PathError):
        return build(
            MessageKind.PROFILE_PROBLEM,
            Action.EDIT_PROFILE,
            (literal(str(error)),),
            (),
            (Text(QT_TRANSLATE_NOOP("Messages", "Profile problem.")),),
            details_of(error, ctx),
            ctx,
        )
    return build(
        MessageKind.INTERNAL,
        Action.NONE,
        (
            Text(
                QT_TRANSLATE_NOOP("Messages", "Something unexpected stopped the work of {profile}."),
                {"profile": profile_words(ctx)},
            ),
        ),
        (
            Text(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "Nothing cached before was lost. Please report it, with the Details, to whoever supports LinkManager.",
                )
            ),
        ),
        (Text(QT_TRANSLATE_NOOP("Messages", "Unexpected error — please report it.")),),
        details_of(error, ctx),
        ctx,
    )


def keyring_help_message(ctx: MessageContext) -> UserMessage:
    """Where the secret lives on each system, and what makes that work."""
    return build(
        MessageKind.KEYRING_HELP,
        Action.RETRY,
        (
            Text(
                QT_TRANSLATE_NOOP(
                    "Messages", "LinkManager keeps the client secret only in the system's keyring."
                )
            ),
        ),
        (
            Text(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "Linux: GNOME Keyring or KWallet through Secret Service (packages gnome-keyring or kwalletmanager), "
                    "unlocked when you log in. macOS: the login Keychain. Windows: Credential Locker.",
                )
            ),
            Text(NO_SECURE_KEYRING),
            Text(QT_TRANSLATE_NOOP("Messages", "Once the keyring works, choose Retry.")),
        ),
        (Text(QT_TRANSLATE_NOOP("Messages", "Keyring help")),),
        (),
        ctx,
    )
