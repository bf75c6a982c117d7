"""CredentialStore's choice of backend and its errors: insecure backends refused, chains
unwrapped, the default looked up lazily, locked keyrings and other failures named clearly.
In-memory backends only; test_credentials_secret_service.py uses a real one.

Test backends are KeyringBackend subclasses, which keyring registers globally as candidates for
its own backend detection; each is unregistered at once.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable

import keyring
import keyring.backend
import keyring.errors
import pytest
from keyring.backends import chainer, fail, null

from linkmanager.domain.secret import Secret
from linkmanager.storage.credentials import (
    SERVICE,
    CredentialError,
    CredentialStore,
    KeyringLockedError,
    NoSecureBackendError,
)

SECRET_VALUE = "s3cr3t-Ω-7f9a2c"
LOCKED_WORDS = (
    "The keyring is locked: unlock it (log in to the desktop, or run `gnome-keyring-daemon --unlock`)"
)
NO_BACKEND_WORDS = (
    "No secure keyring is available: install and start GNOME Keyring or KWallet (Secret Service)"
)


def _unregister(cls: type) -> type:
    """Keep a test backend out of keyring's detection (KeyringBackendMeta registers every subclass)."""
    keyring.backend.KeyringBackend._classes.discard(cls)  # type: ignore[attr-defined]
    return cls


@_unregister
class MemoryKeyring(keyring.backend.KeyringBackend):
    """A secure backend for unit tests: a dict, priority 1. error: raised by every operation;
    delete_error: raised by deletes."""

    priority = 1  # type: ignore[assignment]

    def __init__(
        self, *, error: Callable[[], Exception] | None = None, delete_error: Exception | None = None
    ) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self.error, self.delete_error = error, delete_error

    def _maybe_fail(self) -> None:
        if self.error is not None:
            raise self.error()

    def get_password(self, service: str, username: str) -> str | None:
        self._maybe_fail()
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._maybe_fail()
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._maybe_fail()
        if self.delete_error is not None:
            raise self.delete_error
        if self.entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("No such password!")


@_unregister
class PlaintextKeyring(MemoryKeyring):
    """Looks like keyrings.alt's file backend, which keyring itself ranks above zero."""

    priority = 0.5  # type: ignore[assignment]


PlaintextKeyring.__module__ = "keyrings.alt.file"


@_unregister
class EncryptedKeyring(MemoryKeyring):
    """keyrings.alt's encrypted file: still a file beside the data, still refused."""

    priority = 0.6  # type: ignore[assignment]


EncryptedKeyring.__module__ = "keyrings.alt.file"


@_unregister
class ZeroPriorityKeyring(MemoryKeyring):
    priority = 0  # type: ignore[assignment]


@_unregister
class UnavailableKeyring(MemoryKeyring):
    """Its priority raises, as keyring's backends do when unusable here (no D-Bus, say)."""

    @property
    def priority(self) -> float:  # type: ignore[override]
        raise RuntimeError("The Secret Service daemon is neither running nor activatable through D-Bus")


class LockedException(Exception):
    """Named like secretstorage's exception for a locked collection."""


class PromptDismissedException(Exception):
    """Named like secretstorage's exception for a dismissed (or unshowable) unlock prompt."""


def locked_by_keyring() -> Exception:
    return keyring.errors.KeyringLocked("Failed to unlock the collection!")


def prompt_dismissed() -> Exception:
    """What keyring's SecretService backend raises when the default collection needs a prompt."""
    try:
        raise PromptDismissedException("Prompt dismissed.")
    except PromptDismissedException as cause:
        try:
            raise keyring.errors.InitError(f"Failed to create the collection: {cause}.") from cause
        except keyring.errors.InitError as error:
            return error


def chain_of(*members: keyring.backend.KeyringBackend) -> chainer.ChainerBackend:
    cls = _unregister(type("TestChainer", (chainer.ChainerBackend,), {"backends": list(members)}))
    chain: chainer.ChainerBackend = cls()
    return chain


@pytest.fixture
def memory() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def store(memory: MemoryKeyring) -> CredentialStore:
    return CredentialStore(memory)


@pytest.fixture
def secret() -> Secret:
    return Secret(SECRET_VALUE)


def no_leak(exc: BaseException) -> None:
    """The secret is in no text of the exception, and no backend exception rides along with it."""
    shown = "".join(traceback.format_exception(exc)) + repr(exc) + str(exc)
    assert SECRET_VALUE not in shown
    assert exc.__cause__ is None
    assert exc.__context__ is None


# -- refusing insecure backends ----------------------------------------------------------------


def test_the_test_backends_are_not_offered_to_keyring() -> None:
    test_backends = {
        MemoryKeyring,
        PlaintextKeyring,
        EncryptedKeyring,
        ZeroPriorityKeyring,
        UnavailableKeyring,
    }
    assert not test_backends & keyring.backend.KeyringBackend._classes  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "backend",
    [
        fail.Keyring(),
        null.Keyring(),
        PlaintextKeyring(),
        EncryptedKeyring(),
        ZeroPriorityKeyring(),
        UnavailableKeyring(),
    ],
    ids=["fail", "null", "keyrings.alt-plaintext", "keyrings.alt-encrypted", "priority-0", "priority-raises"],
)
def test_insecure_backends_are_refused_before_any_write(
    backend: keyring.backend.KeyringBackend, secret: Secret
) -> None:
    store = CredentialStore(backend)

    with pytest.raises(NoSecureBackendError) as caught:
        store.check_backend()
    with pytest.raises(NoSecureBackendError):
        store.store("main", secret)
    with pytest.raises(NoSecureBackendError):
        store.load("main")

    assert NO_BACKEND_WORDS in str(caught.value)
    assert type(backend).__name__ in str(caught.value)
    if isinstance(backend, MemoryKeyring):
        assert backend.entries == {}


def test_the_refusal_says_why_a_file_backend_is_refused() -> None:
    with pytest.raises(
        NoSecureBackendError, match=r"keyrings\.alt\.file\.PlaintextKeyring keeps secrets in a file"
    ):
        CredentialStore(PlaintextKeyring()).check_backend()


def test_a_chain_uses_only_its_secure_member(secret: Secret) -> None:
    plaintext, memory = PlaintextKeyring(), MemoryKeyring()
    store = CredentialStore(chain_of(plaintext, memory))

    store.store("main", secret)

    assert plaintext.entries == {}
    assert memory.entries == {(SERVICE, "main"): SECRET_VALUE}
    assert store.backend_name.endswith(".MemoryKeyring")


def test_a_chain_without_a_secure_member_is_refused(secret: Secret) -> None:
    plaintext = PlaintextKeyring()
    store = CredentialStore(chain_of(plaintext, ZeroPriorityKeyring()))

    with pytest.raises(NoSecureBackendError, match="PlaintextKeyring keeps secrets in a file") as caught:
        store.store("main", secret)

    assert "priority 0" in str(caught.value)
    assert plaintext.entries == {}


def test_an_empty_chain_is_refused() -> None:
    with pytest.raises(NoSecureBackendError, match="found no backend at all"):
        CredentialStore(chain_of()).check_backend()


def test_the_default_backend_is_looked_up_lazily_and_only_success_is_remembered(
    monkeypatch: pytest.MonkeyPatch, secret: Secret
) -> None:
    offered: list[keyring.backend.KeyringBackend] = [fail.Keyring(), MemoryKeyring()]
    calls: list[keyring.backend.KeyringBackend] = []

    def get_keyring() -> keyring.backend.KeyringBackend:
        calls.append(offered[min(len(calls), 1)])
        return calls[-1]

    monkeypatch.setattr(keyring, "get_keyring", get_keyring)

    store = CredentialStore()
    assert calls == []  # constructing costs nothing and cannot fail

    with pytest.raises(NoSecureBackendError):
        store.store("main", secret)
    store.store("main", secret)  # the keyring came up: no restart needed
    assert store.load("main") == secret
    assert len(calls) == 2
    assert store.backend_name.endswith(".MemoryKeyring")


def test_backend_name_names_the_class(store: CredentialStore) -> None:
    assert store.backend_name == f"{MemoryKeyring.__module__}.MemoryKeyring"
    assert CredentialStore(fail.Keyring()).backend_name == "keyring.backends.fail.Keyring"


# -- locked keyrings and other failures --------------------------------------------------------


@pytest.mark.parametrize(
    "make_error",
    [locked_by_keyring, prompt_dismissed, lambda: LockedException("Item is locked")],
    ids=["KeyringLocked", "InitError-prompt-dismissed", "secretstorage-LockedException"],
)
@pytest.mark.parametrize("operation", ["store", "load", "delete"])
def test_a_locked_keyring_names_the_cause(
    make_error: Callable[[], Exception], operation: str, secret: Secret
) -> None:
    store = CredentialStore(MemoryKeyring(error=make_error))
    run: dict[str, Callable[[], object]] = {
        "store": lambda: store.store("main", secret),
        "load": lambda: store.load("main"),
        "delete": lambda: store.delete("main"),
    }

    with pytest.raises(KeyringLockedError) as caught:
        run[operation]()

    assert LOCKED_WORDS in str(caught.value)
    assert "and try again" in str(caught.value)
    no_leak(caught.value)


def test_other_failures_name_the_backend_and_never_the_secret(secret: Secret) -> None:
    # A backend whose error text repeats what it was given: the store scrubs it.
    store = CredentialStore(
        MemoryKeyring(error=lambda: keyring.errors.PasswordSetError(f"D-Bus refused {SECRET_VALUE}"))
    )

    with pytest.raises(CredentialError) as caught:
        store.store("main", secret)

    message = str(caught.value)
    assert not isinstance(caught.value, KeyringLockedError | NoSecureBackendError)
    assert "Could not store the client secret for profile 'main'" in message
    assert "MemoryKeyring" in message
    assert "PasswordSetError: D-Bus refused ********" in message
    no_leak(caught.value)


def test_a_delete_the_backend_refuses_is_an_error(secret: Secret) -> None:
    store = CredentialStore(
        MemoryKeyring(delete_error=keyring.errors.PasswordDeleteError("Cancelled by user"))
    )
    store.store("main", secret)

    with pytest.raises(CredentialError, match=r"Could not delete .* Cancelled by user"):
        store.delete("main")
    assert store.load("main") == secret


def test_no_keyring_error_at_use_is_no_secure_backend() -> None:
    store = CredentialStore(
        MemoryKeyring(error=lambda: keyring.errors.NoKeyringError("No recommended backend"))
    )

    with pytest.raises(NoSecureBackendError, match="No secure keyring is available"):
        store.load("main")
