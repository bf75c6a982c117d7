"""Where files go: --home over LINKMANAGER_HOME over platformdirs, nothing created until written."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import unicodedata
from pathlib import Path

import platformdirs
import pytest

from linkmanager.storage.paths import (
    HOME_ENV,
    AppPaths,
    PathError,
    cache_file_name,
    ensure_private_dir,
    resolve_paths,
)

ROOT = Path(__file__).resolve().parents[2]
SAFE_CACHE_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*-[0-9a-f]{8}\.sqlite3$")
WINDOWS_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}


def test_home_option_wins_over_the_environment(tmp_path: Path) -> None:
    paths = resolve_paths(str(tmp_path / "option"), {HOME_ENV: str(tmp_path / "env")})

    assert paths.home == tmp_path / "option"


def test_environment_wins_over_platformdirs(tmp_path: Path) -> None:
    paths = resolve_paths(None, {HOME_ENV: str(tmp_path / "env")})

    assert paths.home == tmp_path / "env"


def test_platformdirs_data_dir_by_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.delenv(HOME_ENV, raising=False)

    paths = resolve_paths()

    assert paths.home == Path(platformdirs.user_data_dir("linkmanager", appauthor=False))
    if sys.platform.startswith("linux"):
        assert paths.home == tmp_path / "xdg-data" / "linkmanager"
    assert not (tmp_path / "xdg-data").exists()


def test_the_process_environment_is_the_default_mapping(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "from-env"))

    assert resolve_paths().home == tmp_path / "from-env"
    assert resolve_paths(None, {}).home != tmp_path / "from-env"


def test_an_empty_environment_variable_counts_as_unset() -> None:
    assert resolve_paths(None, {HOME_ENV: ""}) == resolve_paths(None, {})


@pytest.mark.parametrize("value", ["", "  "])
def test_an_empty_home_option_is_an_error_not_the_real_data(value: str) -> None:
    with pytest.raises(PathError, match="--home needs a directory"):
        resolve_paths(value, {})


def test_relative_and_tilde_homes_become_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    monkeypatch.setenv("USERPROFILE", str(tmp_path / "user"))

    assert resolve_paths("portable", {}).home == tmp_path / "portable"
    assert resolve_paths(None, {HOME_ENV: "~/lm"}).home == tmp_path / "user" / "lm"


def test_the_files_of_a_home(tmp_path: Path) -> None:
    paths = resolve_paths(str(tmp_path), {})

    assert paths == AppPaths(tmp_path, tmp_path / "profiles.json", tmp_path / "caches")
    assert paths.cache_file("sandbox main").parent == tmp_path / "caches"


def test_resolving_creates_no_directories(tmp_path: Path) -> None:
    home = tmp_path / "not" / "yet"
    paths = resolve_paths(str(home), {})
    paths.cache_file("main")

    assert list(tmp_path.iterdir()) == []


def test_importing_storage_creates_nothing(tmp_path: Path) -> None:
    """No import-time side effects: a fresh interpreter imports the modules with every
    directory variable pointed at an empty folder, which must stay empty."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "USERPROFILE": str(tmp_path),
        "APPDATA": str(tmp_path),
        "LOCALAPPDATA": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "PYTHONPATH": str(ROOT),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    if "SYSTEMROOT" in os.environ:
        env["SYSTEMROOT"] = os.environ["SYSTEMROOT"]
    code = (
        "import linkmanager.storage.paths, linkmanager.storage.profiles, linkmanager.storage.credentials\n"
        "linkmanager.storage.paths.resolve_paths()\n"
    )
    subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path, check=True, timeout=60)

    assert list(tmp_path.iterdir()) == []


# -- cache file names --------------------------------------------------------------------------


def test_cache_file_name_is_a_slug_and_a_short_hash() -> None:
    name = cache_file_name("Sandbox Main")

    assert re.fullmatch(r"sandbox-main-[0-9a-f]{8}\.sqlite3", name)
    assert cache_file_name("Sandbox Main") == name  # stable: the cache is found again


NAMES = [
    "main",
    "Main",
    "MAIN",
    "sandbox main",
    "sandbox-main",
    "sandbox_main",
    "sandbox.main",
    "حساب",
    "حسابي",
    "حساب تجريبي",
    "Маin",  # a Cyrillic М: looks like "Main"
    "con",
    "nul.x",
    "..",
    "x" * 64,
    "Ünïcödé",
    "ℌ",
]


def test_cache_file_names_are_safe_everywhere() -> None:
    for profile_name in NAMES:
        name = cache_file_name(profile_name)
        assert SAFE_CACHE_NAME.fullmatch(name), (profile_name, name)
        assert len(name) <= 64
        assert name.split(".")[0] not in WINDOWS_RESERVED, (profile_name, name)


def test_cache_file_names_are_distinct_even_on_case_insensitive_file_systems(tmp_path: Path) -> None:
    names = [cache_file_name(n) for n in NAMES]

    assert len({n.casefold() for n in names}) == len(NAMES)
    for name in names:  # and the file system accepts every one
        (tmp_path / name).touch()
    assert len(list(tmp_path.iterdir())) == len(NAMES)


def test_arabic_names_get_a_neutral_slug_and_their_own_hash() -> None:
    first, second = cache_file_name("حساب"), cache_file_name("حسابي")

    assert first.startswith("profile-")
    assert second.startswith("profile-")
    assert first != second


def test_one_visible_name_is_one_cache_file() -> None:
    assert cache_file_name("Cafe\u0301") == cache_file_name(unicodedata.normalize("NFC", "Cafe\u0301"))
    assert cache_file_name("Café").startswith("cafe-")


# -- creating directories ----------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_first_write_creates_private_directories(tmp_path: Path) -> None:
    paths = resolve_paths(str(tmp_path / "portable" / "lm"), {})
    old_umask = os.umask(0o002)
    try:
        assert paths.ensure_caches_dir() == paths.caches_dir
    finally:
        os.umask(old_umask)

    assert stat.S_IMODE(paths.home.stat().st_mode) == 0o700
    assert stat.S_IMODE(paths.caches_dir.stat().st_mode) == 0o700
    paths.ensure_caches_dir()  # again: nothing to do


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_an_existing_directory_keeps_its_mode(tmp_path: Path) -> None:
    shared = tmp_path / "usb-stick"
    shared.mkdir()
    os.chmod(shared, 0o750)  # noqa: S103 - a shared mode we must leave alone

    ensure_private_dir(shared)

    assert stat.S_IMODE(shared.stat().st_mode) == 0o750


def test_a_file_in_the_way_is_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "home"
    blocker.write_text("not a directory", encoding="utf-8")

    with pytest.raises(OSError, match="exists"):
        ensure_private_dir(blocker)
