"""CredentialStore with an in-memory keyring backend: the round trip, read-back verification,
and the secret going nowhere else. No real keychain is touched here.

Test backends are KeyringBackend subclasses, which keyring registers globally as candidates for
its own backend detection; each is unregistered at once so no other test in the session can be
handed one by keyring.get_keyring().
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
import pytest

from linkmanager.domain.secret import Secret
from linkmanager.storage.credentials import (
    SERVICE,
    CredentialError,
    CredentialStore,
    SecretMissingError,
)
from linkmanager.storage.paths import resolve_paths
from linkmanager.storage.profiles import Profile, ProfileStore

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
    """A secure backend for unit tests: a dict, priority 1, with knobs for misbehaving.

    keep: what a write keeps of the value (None: nothing); error: raised by every operation;
    deletes=False: deletes report success and do nothing.
    """

    priority = 1  # type: ignore[assignment]

    def __init__(
        self,
        *,
        keep: Callable[[str], str | None] = lambda value: value,
        error: Callable[[], Exception] | None = None,
        deletes: bool = True,
    ) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], list[str]] = {}
        self.keep, self.error, self.deletes = keep, error, deletes

    def _maybe_fail(self) -> None:
        if self.error is not None:
            raise self.error()

    def get_password(self, service: str, username: str) -> str | None:
        self._maybe_fail()
        values = self.entries.get((service, username))
        return values[0] if values else None

    def set_password(self, service: str, username: str, password: str) -> None:
        self._maybe_fail()
        kept = self.keep(password)
        if kept is not None:
            self.entries[(service, username)] = [kept]

    def delete_password(self, service: str, username: str) -> None:
        self._maybe_fail()
        values = self.entries.get((service, username))
        if not values:
            raise keyring.errors.PasswordDeleteError("No such password!")
        if self.deletes:
            values.pop(0)  # like Secret Service: only the first of duplicates goes
            if not values:
                del self.entries[(service, username)]


def locked_by_keyring() -> Exception:
    return keyring.errors.KeyringLocked("Failed to unlock the collection!")


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


# -- the round trip ----------------------------------------------------------------------------


def test_store_then_load_returns_the_secret_wrapped(
    store: CredentialStore, memory: MemoryKeyring, secret: Secret
) -> None:
    store.store("Sandbox Main", secret)

    loaded = store.load("Sandbox Main")
    assert isinstance(loaded, Secret)
    assert loaded.reveal() == SECRET_VALUE
    assert SECRET_VALUE not in repr(loaded)
    assert memory.entries == {(SERVICE, "Sandbox Main"): [SECRET_VALUE]}


def test_one_entry_per_profile_under_the_linkmanager_service(
    store: CredentialStore, memory: MemoryKeyring
) -> None:
    store.store("a", Secret("one"))
    store.store("b", Secret("two"))
    store.store("a", Secret("three"))

    assert SERVICE == "linkmanager"
    assert memory.entries == {(SERVICE, "a"): ["three"], (SERVICE, "b"): ["two"]}
    assert store.load("a") == Secret("three")


def test_the_username_is_the_profile_name_in_nfc(store: CredentialStore, memory: MemoryKeyring) -> None:
    store.store("Cafe\u0301", Secret("x"))  # typed in NFD, as macOS may

    assert list(memory.entries) == [(SERVICE, "Caf\u00e9")]
    assert store.load("Caf\u00e9") == Secret("x")


def test_load_of_an_absent_secret_says_how_to_fix_it(store: CredentialStore) -> None:
    with pytest.raises(SecretMissingError) as caught:
        store.load("sandbox main")

    message = str(caught.value)
    assert "No client secret is stored for profile 'sandbox main'" in message
    assert "store it again with `linkmanager profile secret 'sandbox main'`" in message


def test_delete_removes_and_absent_is_fine(
    store: CredentialStore, memory: MemoryKeyring, secret: Secret
) -> None:
    store.store("main", secret)
    store.delete("main")
    store.delete("main")
    store.delete("never-stored")

    assert memory.entries == {}
    with pytest.raises(SecretMissingError):
        store.load("main")


def test_delete_removes_duplicates_another_tool_made(store: CredentialStore, memory: MemoryKeyring) -> None:
    memory.entries[(SERVICE, "main")] = ["old", "older", "oldest"]

    store.delete("main")

    assert memory.entries == {}


def test_delete_that_never_takes_effect_is_an_error(secret: Secret) -> None:
    store = CredentialStore(MemoryKeyring(deletes=False))
    store.store("main", secret)

    with pytest.raises(CredentialError, match="still holds a client secret for profile 'main'"):
        store.delete("main")


@pytest.mark.parametrize("name", ["", " main", "a/b", "x" * 65])
def test_invalid_profile_names_are_refused(store: CredentialStore, secret: Secret, name: str) -> None:
    with pytest.raises(CredentialError, match="profile name"):
        store.store(name, secret)


def test_an_empty_secret_is_refused(store: CredentialStore, memory: MemoryKeyring) -> None:
    with pytest.raises(CredentialError, match="empty"):
        store.store("main", Secret(""))
    assert memory.entries == {}


def test_a_plain_string_is_not_accepted_as_a_secret(store: CredentialStore) -> None:
    with pytest.raises(TypeError):
        store.store("main", SECRET_VALUE)  # type: ignore[arg-type]


# -- verification by reading back --------------------------------------------------------------


def test_a_backend_that_drops_writes_is_caught(secret: Secret) -> None:
    store = CredentialStore(MemoryKeyring(keep=lambda value: None))

    with pytest.raises(CredentialError, match="did not keep the client secret for profile 'main'") as caught:
        store.store("main", secret)

    assert "found nothing" in str(caught.value)
    assert "MemoryKeyring" in str(caught.value)
    no_leak(caught.value)


def test_a_backend_that_alters_writes_is_caught(secret: Secret) -> None:
    store = CredentialStore(MemoryKeyring(keep=lambda value: value[:-1]))  # truncated, say

    with pytest.raises(CredentialError, match="gave a different value") as caught:
        store.store("main", secret)

    no_leak(caught.value)
    assert SECRET_VALUE[:-1] not in str(caught.value)


# -- the secret goes nowhere else --------------------------------------------------------------


def test_the_secret_never_reaches_a_log_record(
    caplog: pytest.LogCaptureFixture, memory: MemoryKeyring, secret: Secret
) -> None:
    caplog.set_level(logging.DEBUG)
    store = CredentialStore(memory)
    store.check_backend()
    store.store("main", secret)
    store.load("main")
    store.delete("main")
    for backend in (
        MemoryKeyring(keep=lambda value: None),
        MemoryKeyring(keep=lambda value: value[:-1]),
        MemoryKeyring(error=lambda: keyring.errors.PasswordSetError(f"echo {SECRET_VALUE}")),
        MemoryKeyring(error=locked_by_keyring),
    ):
        with pytest.raises(CredentialError):
            CredentialStore(backend).store("main", secret)

    assert any(r.name == "linkmanager.storage.credentials" for r in caplog.records)
    for record in caplog.records:
        text = record.getMessage() + repr(record.args) + str(record.exc_text or "")
        assert SECRET_VALUE not in text, record


def test_the_secret_is_in_no_file_of_the_home(tmp_path: Path, memory: MemoryKeyring, secret: Secret) -> None:
    paths = resolve_paths(str(tmp_path / "home"), {})
    profiles = ProfileStore(paths.profiles_file)
    credentials = CredentialStore(memory)
    profile = Profile(
        "main", "sandbox", "client-1", "https://sandbox.leantech.me", "https://auth.sandbox.leantech.me/t"
    )

    profiles.add(profile)
    credentials.store(profile.name, secret)
    profiles.update(profile)

    written = [p for p in paths.home.rglob("*") if p.is_file()]
    assert written == [paths.profiles_file]
    for path in written:
        assert SECRET_VALUE.encode("utf-8") not in path.read_bytes()
    assert credentials.load(profile.name) == secret
