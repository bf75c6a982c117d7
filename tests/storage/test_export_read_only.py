"""An export into a folder nobody may write to: one sentence, no file, on a real file system.

Here rather than beside the other export tests because fs_sandbox lives here: as root, chmod does
not stop writes, so the child gives up the capabilities that let root ignore file modes.
"""

from __future__ import annotations

import os

import pytest

from .fs_sandbox import run_without_permission

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_read_only_folder_is_said_in_one_sentence(fmt: str) -> None:
    out = run_without_permission(
        f"""
from datetime import UTC, datetime
from linkmanager.services.export import ExportColumn, ExportError, ExportHeader, export_rows
folder = DIR / "exports"
folder.mkdir()
make_read_only(folder)
header = ExportHeader("Payments", "Shop", "sandbox", "none", None, UTC, datetime.now(UTC))
try:
    export_rows(folder / "out.{fmt}", "{fmt}", header, [ExportColumn("Name", "text")], [["a"]])
    emit({{"error": None, "files": []}})
except ExportError as exc:
    emit({{"error": str(exc), "folder": str(folder), "files": sorted(p.name for p in folder.iterdir())}})
"""
    )
    assert out["error"] is not None, "the export was written into a read-only folder"
    assert "is not allowed to write in" in out["error"]
    assert out["folder"] in out["error"]
    assert "\n" not in out["error"]
    assert out["files"] == []


def test_the_command_line_says_it_in_one_sentence_and_writes_nothing() -> None:
    """`linkmanager export links --out` into a folder nobody may write to (tests/cli has the rest)."""
    out = run_without_permission(
        """
import contextlib, io
from linkmanager.cli.main import main
from linkmanager.storage.cache import LinkCache
from linkmanager.storage.paths import AppPaths
from linkmanager.storage.profiles import Profile, ProfileStore
paths = AppPaths.under(DIR / "home")
paths.ensure_caches_dir()
ProfileStore(paths.profiles_file).add(Profile("Main", "sandbox", "client", "https://api.example", "https://auth.example"))
LinkCache.open(paths.cache_file("Main")).close()
folder = DIR / "locked"
folder.mkdir()
make_read_only(folder)
err = io.StringIO()
with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
    code = main(["--home", str(paths.home), "export", "links", "--out", str(folder / "links.xlsx")])
emit({"code": code, "err": err.getvalue(), "folder": str(folder), "files": sorted(p.name for p in folder.iterdir())})
"""
    )
    assert out["code"] == 1
    assert out["err"].splitlines()[-1] == (
        f"linkmanager: LinkManager is not allowed to write in {out['folder']}; "
        "choose a folder you can write to, such as Documents."
    )
    assert out["files"] == []
