"""Real read-only and full file systems for tests, run in a child Python process.

- "tmpfs": a fresh tmpfs of a given size (and inode count) at DIR; `make_read_only()` remounts it
  read-only, `fill_disk()` / `fill_inodes()` use up its room. It is mounted in a new mount
  namespace (`unshare -m` as root, `unshare -rm` as anyone else), which nothing outside ever
  sees; where namespaces are refused (a chroot, such as the pristine CI root, refuses them) root
  mounts it where it is and always unmounts it afterwards.
- "permission": no namespace; `make_read_only(path)` takes write permission away with chmod
  (a child of root first gives up the capabilities that let root ignore file modes).

The script is Python source run in the child after a small preamble (DIR, the helpers above and
`emit(value)`, which hands a JSON value back). A setup that cannot be made fails the test with a
sentence saying why: a check that silently did not run would pass while proving nothing.
"""

from __future__ import annotations

import ctypes
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from functools import cache
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE = 1
_CAP_DAC_READ_SEARCH = 2
MARK = "@@fs_sandbox@@ "
TIMEOUT_S = 120

_PREAMBLE = (
    '''
import errno, json, os, subprocess, sys
from pathlib import Path

DIR = Path(sys.argv[1])
SETUP = sys.argv[2]


def make_read_only(*paths):
    """tmpfs: remount read-only. permission: files 0400 and folders 0500 (only those named)."""
    if SETUP == "tmpfs":
        subprocess.run(["mount", "-o", "remount,ro", str(DIR)], check=True)
        return
    for path in paths:
        os.chmod(path, 0o500 if Path(path).is_dir() else 0o400)
    for path in paths:  # the setup must really refuse writes, or the test proves nothing
        probe = Path(path) / ".probe" if Path(path).is_dir() else Path(path)
        try:
            os.close(os.open(probe, os.O_WRONLY | os.O_CREAT))
        except PermissionError:
            continue
        raise SystemExit(f"chmod did not take write permission away from {path}")


def fill_disk():
    """Write a filler file until the file system says it is full."""
    with open(DIR / "filler", "ab", buffering=0) as out:
        try:
            while True:
                out.write(b"\\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC, exc


def fill_inodes():
    """Make empty files until no inode is left."""
    count = 0
    try:
        while True:
            (DIR / f"inode-{count}").touch()
            count += 1
    except OSError as exc:
        assert exc.errno == errno.ENOSPC, exc


def emit(value):
    print("\\n'''
    + MARK
    + """" + json.dumps(value), flush=True)

"""
)


def _unshare() -> list[str]:
    """A new mount namespace: root needs nothing more (and a chroot, such as a pristine CI root,
    refuses a new user namespace); anyone else maps themselves to root in a user namespace."""
    return ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-rm"]


def _can_run(command: list[str]) -> str | None:
    """None when `command` mounts a tmpfs at "$1", else what it said."""
    with tempfile.TemporaryDirectory() as folder:
        try:
            done = subprocess.run(
                [*command, "sh", folder], capture_output=True, text=True, timeout=TIMEOUT_S, check=False
            )
        except OSError as exc:
            return str(exc)
        if done.returncode == 0 and not command[0].startswith("unshare"):
            subprocess.run(["umount", folder], check=False)
    return None if done.returncode == 0 else done.stderr.strip() or f"exit {done.returncode}"


MOUNT_SMALL = ["sh", "-c", 'mount -t tmpfs -o size=64k none "$1"']


@cache
def tmpfs_mode() -> tuple[str | None, str]:
    """("namespace" or "direct", "") when a tmpfs can be mounted for a child, else (None, why not)."""
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        return None, "the `unshare` and `mount` commands (util-linux) are not installed"
    said = _can_run([*_unshare(), *MOUNT_SMALL])
    if said is None:
        return "namespace", ""
    if os.geteuid() == 0:
        direct = _can_run(MOUNT_SMALL)
        if direct is None:
            return "direct", ""
        return (
            None,
            f"`{' '.join(_unshare())}` is refused ({said}) and mounting as root failed too ({direct})",
        )
    return None, f"`{' '.join(_unshare())}` + mount tmpfs is not permitted here ({said})"


def namespace_problem() -> str | None:
    """None when a tmpfs can be mounted for a child here, else why not (in a sentence)."""
    mode, why = tmpfs_mode()
    return None if mode is not None else why


def _parse(done: subprocess.CompletedProcess[str]) -> Any:
    lines = [line for line in done.stdout.splitlines() if line.startswith(MARK)]
    if done.returncode != 0 or not lines:
        pytest.fail(
            f"the child process failed (exit {done.returncode}):\n{done.stdout}\n{done.stderr}", pytrace=False
        )
    return json.loads(lines[-1][len(MARK) :])


def _script(folder: Path, body: str) -> Path:
    script = folder / "child.py"
    script.write_text(_PREAMBLE + textwrap.dedent(body), encoding="utf-8")
    return script


def run_on_tmpfs(body: str, *, size: str = "300k", inodes: int | None = None) -> Any:
    """Run `body` in a new namespace with a fresh tmpfs of `size` at DIR; return what it emits."""
    problem = namespace_problem()
    if problem is not None:
        pytest.fail(f"This check needs a real small or read-only file system, but {problem}.", pytrace=False)
    options = f"size={size}" + (f",nr_inodes={inodes}" if inodes else "")
    mode, _ = tmpfs_mode()
    with tempfile.TemporaryDirectory() as work:
        mount = Path(work) / "mnt"
        mount.mkdir()
        script = _script(Path(work), body)
        command = f'mount -t tmpfs -o {options} none "$1" && exec "$2" "$3" "$1" tmpfs'
        wrapper = _unshare() if mode == "namespace" else []
        try:
            done = subprocess.run(
                [*wrapper, "sh", "-c", command, "sh", str(mount), sys.executable, str(script)],
                capture_output=True,
                text=True,
                timeout=TIMEOUT_S,
                cwd=ROOT,
                check=False,
            )
        finally:
            if mode == "direct":  # mounted where we are: never leave it behind
                subprocess.run(["umount", "-l", str(mount)], capture_output=True, check=False)
    return _parse(done)


def _forget_root_privileges() -> None:
    """Root ignores file modes through CAP_DAC_OVERRIDE / CAP_DAC_READ_SEARCH: drop both from the
    bounding set, so the Python exec'd next is held to file modes like anyone else (and can still
    reach its own files under /root, which becoming nobody could not)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def run_without_permission(body: str) -> Any:
    """Run `body` where file modes bind (root gives up its override) in a fresh folder DIR."""
    work = Path(tempfile.mkdtemp(prefix="lm-perm-"))
    try:
        mount = work / "mnt"
        mount.mkdir()
        script = _script(work, body)
        as_root = os.geteuid() == 0
        done = subprocess.run(
            [sys.executable, str(script), str(mount), "permission"],
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            cwd=ROOT,
            preexec_fn=_forget_root_privileges if as_root else None,  # only prctl: no lock held
            check=False,
        )
        return _parse(done)
    finally:
        for folder, _, _ in os.walk(work):  # give write permission back, or the folder stays behind
            os.chmod(folder, 0o700)
        shutil.rmtree(work, ignore_errors=True)


def run_read_only(setup: str, body: str) -> tuple[str, Any]:
    """(the setup used, what `body` emitted). `setup` "tmpfs" (a read-only file system) falls
    back to "permission" (chmod) where namespaces are not permitted."""
    if setup == "tmpfs" and namespace_problem() is None:
        return "tmpfs", run_on_tmpfs(body, size="16m")
    return "permission", run_without_permission(body)


# For scripts: a cache with links, usages, search values and a finished sync, made with the
# real LinkCache (FILLED_LINKS links; links 0, 5, 10, ... have 3 usages each).
FILLED_LINKS = 20
CACHE_HELPERS = f"\nFILLED_LINKS = {FILLED_LINKS}\n" + (
    """
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from linkmanager.domain import (
    CollectedIdentifier, IdentifierType, LinkStatus, Money, PaymentDetails, PaymentLink, Usage,
    UsageStatus,
)
from linkmanager.storage import LinkCache

T0 = datetime(2026, 3, 1, 9, tzinfo=UTC)
WALL = T0 + timedelta(days=30)


def make_link(i, reference=None):
    return PaymentLink(
        id=f"link-{i}", url=f"https://pay.example/l/link-{i}", status=LinkStatus.ACTIVE,
        current_usages=0, payment_details=PaymentDetails(Money(Decimal("150.00"), "AED"), reference or f"INV-{i}"),
        name=f"Rent flat {i}", max_usages=10,
    )


def make_usage(i, j):
    mail = CollectedIdentifier(IdentifierType.EMAIL, "Email", f"payer{i}x{j}@mail.example")
    return Usage(f"u-{i}-{j}", f"link-{i}", UsageStatus.STARTED, (mail,))


def open_cache(path):
    return LinkCache.open(path, clock=lambda: WALL)


def fill(path, links=FILLED_LINKS):
    with open_cache(path) as cache:
        cache.store_listing([make_link(i) for i in range(links)], T0, complete=True)
        for i in range(0, links, 5):
            cache.store_usages(f"link-{i}", [make_usage(i, j) for j in range(3)], T0, link_status=LinkStatus.ACTIVE)
        cache.record_full_sync(T0)
"""
)
