"""CredentialStore against a real Secret Service: gnome-keyring in a private D-Bus session.

Headless gnome-keyring needs three things, all arranged here: a session bus (dbus-run-session),
a default collection, and that collection unlocked. Without a display nothing can prompt, so
creating or unlocking a collection through D-Bus is "dismissed"; `gnome-keyring-daemon --unlock`
reading a password on stdin creates the login keyring (which becomes the default collection)
already unlocked. HOME, every XDG directory and the runtime directory point into tmp_path, and
DISPLAY, WAYLAND_DISPLAY and DBUS_SESSION_BUS_ADDRESS are not passed on, so the user's real
keyring is never touched and no prompt can appear on a developer's screen.

CI installs the programs (Debian: gnome-keyring, dbus); there a missing one fails the test.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROGRAMS = ("dbus-run-session", "gnome-keyring-daemon")
TIMEOUT = 60

# Runs inside the D-Bus session. Prints one line per step; the test reads the verdict.
SCRIPT = r"""
import os, secrets, sys
from contextlib import closing

import secretstorage

from linkmanager.domain.secret import Secret
from linkmanager.storage.credentials import CredentialStore, KeyringLockedError, SecretMissingError

name = "Integration حساب"
secret = Secret("lm-" + secrets.token_urlsafe(24))

store = CredentialStore()  # the default: whatever keyring picks in this session
store.check_backend()
print("backend:", store.backend_name)

store.store(name, secret)
print("stored: ok")
print("loaded-by-a-new-store:", "ok" if CredentialStore().load(name) == secret else "DIFFERENT")

needle = secret.reveal().encode()
plain = [
    os.path.join(folder, file)
    for root in (os.environ["HOME"], os.environ["LINKMANAGER_HOME"])
    for folder, _, files in os.walk(root)
    for file in files
    if needle in open(os.path.join(folder, file), "rb").read()
]
print("plaintext-on-disk:", plain or "none")

store.delete(name)
try:
    store.load(name)
    print("after-delete: STILL THERE")
except SecretMissingError:
    print("after-delete: missing")

store.store(name, secret)
with closing(secretstorage.dbus_init()) as bus:
    secretstorage.get_default_collection(bus).lock()
try:
    CredentialStore().load(name)
    print("locked: LOADED ANYWAY")
except KeyringLockedError as exc:
    print("locked:", "ok" if "The keyring is locked" in str(exc) else str(exc))
    print("locked-message-has-secret:", secret.reveal() in str(exc))

print("VERDICT: done")
"""

# The password goes to gnome-keyring on stdin; the daemon's own output goes to stderr.
SHELL = 'printf %s "$KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >&2 && exec "$PYTHON" -c "$SCRIPT"'


def missing_programs() -> list[str]:
    return [p for p in PROGRAMS if shutil.which(p) is None]


@pytest.fixture
def session_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    runtime = tmp_path / "run"
    home.mkdir()
    runtime.mkdir(mode=0o700)
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(runtime),
        "LINKMANAGER_HOME": str(tmp_path / "linkmanager"),
        "PYTHONPATH": str(ROOT),
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHON": sys.executable,
        "SCRIPT": SCRIPT,
        "KEYRING_PASSWORD": secrets.token_hex(16),
    }


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Secret Service is Linux's keyring")
def test_store_load_delete_and_lock_with_a_real_secret_service(session_env: dict[str, str]) -> None:
    missing = missing_programs()
    if missing:
        reason = (
            f"{' and '.join(missing)} not on PATH: install the Debian packages gnome-keyring and dbus "
            "to run the real Secret Service test"
        )
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)

    # A session of its own, so a timeout can end the bus, the daemon and Python together.
    process = subprocess.Popen(
        ["dbus-run-session", "--", "sh", "-c", SHELL],
        env=session_env,
        cwd=session_env["HOME"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        out, err = process.communicate()
        pytest.fail(f"the Secret Service session did not finish in {TIMEOUT} s\n{out}\n{err}")

    report = f"exit {process.returncode}\n--- stdout\n{out}--- stderr\n{err}"
    assert process.returncode == 0, report
    lines = dict(line.split(": ", 1) for line in out.splitlines() if ": " in line)
    assert lines.get("VERDICT") == "done", report
    assert lines["backend"] == "keyring.backends.SecretService.Keyring", report
    assert lines["stored"] == "ok", report
    assert lines["loaded-by-a-new-store"] == "ok", report
    assert lines["plaintext-on-disk"] == "none", report
    assert lines["after-delete"] == "missing", report
    assert lines["locked"] == "ok", report
    assert lines["locked-message-has-secret"] == "False", report
    # The keyring really lives in the throwaway home, encrypted.
    keyrings = Path(session_env["XDG_DATA_HOME"]) / "keyrings"
    assert (keyrings / "login.keyring").is_file(), report
