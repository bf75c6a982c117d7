"""`links`, `usages`, `search` and `profile list` answer from a cache that cannot be written.

The command line runs in a child process on a real read-only file system (or with write
permission taken away), as tests/storage/fs_sandbox.py sets up.
"""

from __future__ import annotations

import json
import os

import pytest

from ..storage.fs_sandbox import CACHE_HELPERS, FILLED_LINKS, run_read_only

COMMANDS = (
    CACHE_HELPERS
    + """
import contextlib, io
from linkmanager.cli import main
from linkmanager.storage import AppPaths, Profile, ProfileStore

home = DIR / "home"
paths = AppPaths.under(home)
ProfileStore(paths.profiles_file).add(
    Profile("Main", "sandbox", "c", "https://sandbox.leantech.me", "https://auth.sandbox.leantech.me/oauth2/token")
)
cache_path = paths.cache_file("Main")
fill(cache_path)
make_read_only(cache_path)
out = {"cache": str(cache_path)}
for name, argv in (
    ("links", ["links", "--json"]),
    ("usages", ["usages", "link-5", "--json"]),
    ("search", ["search", "payer5x", "--json"]),
    ("table", ["links", "--search", "payer10x"]),
    ("profiles", ["profile", "list"]),
    ("sync", ["sync"]),
):
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main(["--home", str(home), *argv])
    out[name] = [code, stdout.getvalue(), stderr.getvalue()]
emit(out)
"""
)

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX file systems: tmpfs, namespaces, file modes")


@pytest.mark.parametrize("setup", ["tmpfs", "permission"])
def test_reads_work_from_a_read_only_cache(setup: str) -> None:
    _, out = run_read_only(setup, COMMANDS)
    for name in ("links", "usages", "search", "table", "profiles"):
        code, _, err = out[name]
        assert code == 0, (name, err)
        assert "read-only" not in err  # a read needs no excuse
    assert len(json.loads(out["links"][1])) == FILLED_LINKS
    assert [u["usage_id"] for u in json.loads(out["usages"][1])] == ["u-5-0", "u-5-1", "u-5-2"]
    assert {hit["link_id"] for hit in json.loads(out["search"][1])} == {"link-5"}
    assert "link-10" in out["table"][1]
    assert "From the cache as of" in out["table"][2]
    # A sync is refused before the keyring or Lean is asked, naming the real reason.
    code, _, err = out["sync"]
    assert code == 1
    assert "is read-only" in err
    assert "rebuild" not in err
    assert "keyring" not in err.lower()
    assert "Main" in out["profiles"][1]
    assert "damaged" not in out["profiles"][1]
    assert "unreadable" not in out["profiles"][1]
