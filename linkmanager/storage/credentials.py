"""The client secret, in the OS keyring and nowhere else.

One entry per profile (service "linkmanager", username = the profile name). There is no
plaintext fallback: keyring's fail/null backends, keyrings.alt's file backends and anything
keyring itself ranks at priority <= 0 are refused with a sentence saying what to install or
unlock (Vorta's silent fallback to a plaintext file is the mistake not to repeat).

The secret never reaches a log record, an exception text or a traceback: it travels as a
domain Secret, is revealed only in the call to the backend, and backend errors are re-raised
from outside the except block with the secret scrubbed from their text.
"""

from __future__ import annotations

import logging
import shlex
import threading
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from linkmanager.domain.i18n import QT_TRANSLATE_NOOP, Context, translate
from linkmanager.domain.secret import Secret
from linkmanager.storage.profiles import ProfileError, validate_name

CredentialsCounts = Context("CredentialsCounts")  # plurals: lupdate reads X.tr(text, "", n) as a plural

if TYPE_CHECKING:  # keyring itself is imported on first use: ~65 ms the window's start need not pay
    import keyring.backend

log = logging.getLogger(__name__)

SERVICE = "linkmanager"
# In English; said translated ("Credentials").
NO_SECURE_BACKEND = QT_TRANSLATE_NOOP(
    "Credentials",
    "No secure keyring is available: install and start GNOME Keyring or KWallet (Secret Service), "
    "or unlock your login keyring",
)
KEYRING_LOCKED = QT_TRANSLATE_NOOP(
    "Credentials",
    "The keyring is locked: unlock it (log in to the desktop, or run `gnome-keyring-daemon --unlock`) "
    "and try again",
)
# Modules whose backends keep secrets in files beside the user's data.
_FILE_BACKEND_MODULES = ("keyrings.alt",)
# What Secret Service stacks raise when a collection is locked or its unlock prompt was
# dismissed (secretstorage, or keyring's wrapper); matched by name: storage does not import them.
_LOCKED_EXCEPTIONS = frozenset({"KeyringLocked", "LockedException", "PromptDismissedException"})
# A backend that deletes only the first of duplicate entries gets this many tries.
_DELETE_ATTEMPTS = 8

T = TypeVar("T")


class CredentialError(Exception):
    """The keyring could not do what was asked; the text names the backend, never the secret."""


class NoSecureBackendError(CredentialError):
    """Only an insecure keyring backend (or none) is available."""


class KeyringLockedError(CredentialError):
    """The keyring is locked, or the prompt to unlock it was dismissed or could not be shown."""


class SecretMissingError(CredentialError):
    """The keyring has no client secret for this profile."""


def describe_backend(backend: keyring.backend.KeyringBackend) -> str:
    """`keyring.backends.SecretService.Keyring`: the full name, so a refusal can be looked up."""
    kind = type(backend)
    return f"{kind.__module__}.{kind.__qualname__}"


def _refusal(backend: keyring.backend.KeyringBackend) -> str | None:
    """Why this backend may not hold a client secret, or None when it may."""
    from keyring.backends import fail, null

    name = describe_backend(backend)
    module = type(backend).__module__
    if isinstance(backend, fail.Keyring | null.Keyring):
        return translate("Credentials", "{backend} stores nothing").format(backend=name)
    if module.startswith(_FILE_BACKEND_MODULES) or "Plaintext" in type(backend).__name__:
        return translate(
            "Credentials", "{backend} keeps secrets in a file, which LinkManager refuses"
        ).format(backend=name)
    try:
        priority = backend.priority  # a plain number; keyring's contract: raises when unusable here
        usable = priority > 0
    except Exception as exc:
        return translate("Credentials", "{backend} is unusable here: {error}").format(backend=name, error=exc)
    if not usable:
        return translate(
            "Credentials", "{backend} is not a recommended keyring (priority {priority})"
        ).format(backend=name, priority=f"{priority:g}")
    return None


def choose_secure_backend(backend: keyring.backend.KeyringBackend) -> keyring.backend.KeyringBackend:
    """The backend to use, or NoSecureBackendError saying what was found.

    A ChainerBackend is unwrapped to its best secure member: chaining would let a write or a
    read fall through to a plaintext backend that keyrings.alt had added to the chain.
    """
    from keyring.backends import chainer

    if isinstance(backend, chainer.ChainerBackend):
        members: list[keyring.backend.KeyringBackend] = list(backend.backends)
        reasons = []
        for member in members:
            reason = _refusal(member)
            if reason is None:
                return member
            reasons.append(reason)
        found = "; ".join(reasons) or translate("Credentials", "the keyring library found no backend at all")
        raise NoSecureBackendError(f"{translate('Credentials', NO_SECURE_BACKEND)} ({found})")
    reason = _refusal(backend)
    if reason is not None:
        raise NoSecureBackendError(f"{translate('Credentials', NO_SECURE_BACKEND)} ({reason})")
    return backend


def _is_locked(exc: BaseException) -> bool:
    import keyring.errors

    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, keyring.errors.KeyringLocked) or type(current).__name__ in _LOCKED_EXCEPTIONS:
            return True
        current = current.__cause__ or current.__context__
    return False


def _scrub(text: str, secret: Secret | None) -> str:
    if secret:
        text = text.replace(secret.reveal(), "********")
    return text


def _profile_username(profile_name: str) -> str:
    try:
        return validate_name(profile_name)
    except ProfileError as exc:
        raise CredentialError(str(exc)) from None


def _account(profile_name: str, account: str | None) -> str:
    """The keyring entry's user name: the profile's own account (see Profile.keyring_account),
    or for callers that have none, the profile name."""
    _profile_username(profile_name)
    if account is None:
        return _profile_username(profile_name)
    if not account or len(account) > 200 or any(unicodedata.category(c) == "Cc" for c in account):
        raise CredentialError(f"Unusable keyring account for profile {profile_name!r}")
    return account


class CredentialStore:
    """Client secrets by profile name, in one secure keyring backend.

    The default backend is keyring's choice (which honours PYTHON_KEYRING_BACKEND and
    keyringrc), looked up and checked on first use so that constructing the store in a
    composition root costs no D-Bus round trip and cannot fail.
    """

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self._given = backend
        self._secure: keyring.backend.KeyringBackend | None = None
        self._lock = threading.Lock()

    @property
    def backend_name(self) -> str:
        """The backend in use once checked; before that (or when refused), the one offered."""
        with self._lock:
            if self._secure is not None:
                return describe_backend(self._secure)
        return describe_backend(self._offered())

    def check_backend(self) -> None:
        """Raise NoSecureBackendError unless a secure backend is available."""
        self._backend()

    def store(self, profile_name: str, secret: Secret, *, account: str | None = None) -> None:
        """Write the secret, then read it back: a backend that drops writes must not look like success."""
        if not isinstance(secret, Secret):
            raise TypeError("store() takes the client secret wrapped in Secret")
        username = _account(profile_name, account)
        if not secret:
            empty = translate("Credentials", "The client secret for profile {profile} is empty")
            raise CredentialError(empty.format(profile=repr(username)))
        backend = self._backend()
        self._call(
            backend,
            "store",
            username,
            lambda: backend.set_password(SERVICE, username, secret.reveal()),
            secret,
        )
        stored = self._call(
            backend, "read back", username, lambda: _wrap(backend.get_password(SERVICE, username)), secret
        )
        if stored is None:
            lost = translate(
                "Credentials",
                "The keyring ({backend}) did not keep the client secret for profile {profile}: reading it back "
                "found nothing",
            )
            raise CredentialError(lost.format(backend=describe_backend(backend), profile=repr(username)))
        if stored != secret:
            changed = translate(
                "Credentials",
                "The keyring ({backend}) did not keep the client secret for profile {profile}: reading it back "
                "gave a different value",
            )
            raise CredentialError(changed.format(backend=describe_backend(backend), profile=repr(username)))
        log.info("Stored the client secret for profile %r in %s", username, describe_backend(backend))

    def load(self, profile_name: str, *, account: str | None = None) -> Secret:
        username = _account(profile_name, account)
        backend = self._backend()
        secret = self._call(backend, "read", username, lambda: _wrap(backend.get_password(SERVICE, username)))
        if not secret:
            raise SecretMissingError(
                f"No client secret is stored for profile {profile_name!r}; "
                f"store it again with `linkmanager profile secret {shlex.quote(profile_name)}`"
            )
        log.debug("Read the client secret for profile %r from %s", username, describe_backend(backend))
        return secret

    def delete(self, profile_name: str, *, account: str | None = None) -> None:
        """Remove the entry; an absent one is fine. Deletes until none is left, since Secret
        Service deletes only the first of duplicate items another tool may have made."""
        username = _account(profile_name, account)
        backend = self._backend()
        for _ in range(_DELETE_ATTEMPTS):
            present = self._call(
                backend, "look up", username, lambda: backend.get_password(SERVICE, username) is not None
            )
            if not present:
                log.info("No client secret is stored for profile %r any more", username)
                return
            self._call(backend, "delete", username, lambda: backend.delete_password(SERVICE, username))
        attempts = _DELETE_ATTEMPTS
        kept = CredentialsCounts.tr(
            "The keyring ({backend}) still holds a client secret for profile {profile} after %n deletion(s)",
            None,
            attempts,
        )
        raise CredentialError(kept.format(backend=describe_backend(backend), profile=repr(username)))

    # -- the backend -------------------------------------------------------------------------

    def _offered(self) -> keyring.backend.KeyringBackend:
        if self._given is not None:
            return self._given
        import keyring

        return keyring.get_keyring()

    def _backend(self) -> keyring.backend.KeyringBackend:
        """The checked backend. Only success is remembered: after a refusal the next call
        checks again, so unlocking or starting a keyring needs no restart of the app."""
        with self._lock:
            if self._secure is None:
                self._secure = choose_secure_backend(self._offered())
                log.debug("Client secrets go to %s", describe_backend(self._secure))
            return self._secure

    def _call(
        self,
        backend: keyring.backend.KeyringBackend,
        action: str,
        username: str,
        operation: Callable[[], T],
        secret: Secret | None = None,
    ) -> T:
        """Run one backend operation; turn its failure into our error, raised outside the except
        block so the backend's own exception (whose text we do not control) is not chained."""
        try:
            return operation()
        except Exception as exc:
            failure = self._failure(backend, action, username, exc, secret)
        raise failure

    @staticmethod
    def _failure(
        backend: keyring.backend.KeyringBackend,
        action: str,
        username: str,
        exc: Exception,
        secret: Secret | None,
    ) -> CredentialError:
        name = describe_backend(backend)
        detail = _scrub(f"{type(exc).__name__}: {exc}", secret)
        log.debug("Keyring %s for profile %r failed in %s: %s", action, username, name, detail)
        if _is_locked(exc):
            locked = translate("Credentials", "{locked} (keyring backend: {backend})")
            return KeyringLockedError(
                locked.format(locked=translate("Credentials", KEYRING_LOCKED), backend=name)
            )
        import keyring.errors

        if isinstance(exc, keyring.errors.NoKeyringError):
            return NoSecureBackendError(f"{translate('Credentials', NO_SECURE_BACKEND)} ({name}: {detail})")
        return CredentialError(_could_not(action, username, name, detail))


def _could_not(action: str, profile: str, backend: str, detail: str) -> str:
    """ "Could not store the client secret for profile 'Shop' in the keyring (…): …"."""
    values = {"profile": repr(profile), "backend": backend, "detail": detail}
    if action == "store":
        said = translate(
            "Credentials",
            "Could not store the client secret for profile {profile} in the keyring ({backend}): {detail}",
        )
    elif action == "read back":
        said = translate(
            "Credentials",
            "Could not read back the client secret for profile {profile} in the keyring ({backend}): {detail}",
        )
    elif action == "read":
        said = translate(
            "Credentials",
            "Could not read the client secret for profile {profile} in the keyring ({backend}): {detail}",
        )
    elif action == "look up":
        said = translate(
            "Credentials",
            "Could not look up the client secret for profile {profile} in the keyring ({backend}): {detail}",
        )
    elif action == "delete":
        said = translate(
            "Credentials",
            "Could not delete the client secret for profile {profile} in the keyring ({backend}): {detail}",
        )
    else:
        said = f"Could not {action} the client secret for profile {{profile}} in the keyring ({{backend}}): {{detail}}"
    return said.format(**values)


def _wrap(value: str | None) -> Secret | None:
    """Wrap at once, so the plain value never sits in a local a traceback could show."""
    return None if value is None else Secret(value)
