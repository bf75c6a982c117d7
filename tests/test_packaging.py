"""Packaging: the README's commands as .ci/run reads them, the PyInstaller spec, the wheel's data
files and the self-test. The frozen build itself runs in .ci/run (too slow for the suite)."""

from __future__ import annotations

import ast
import os
import re
import shlex
import shutil
import struct
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from linkmanager import app_selftest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
CI_SCRIPT = ROOT / ".ci" / "run"
SPEC = ROOT / "linkmanager.spec"
RESOURCES = ROOT / "resources"
SCREENSHOT = RESOURCES / "screenshot.png"


def readme() -> str:
    return README.read_text(encoding="utf-8")


def sh_blocks(text: str) -> list[str]:
    """The ```sh blocks of a Markdown text, backslash continuations joined."""
    blocks = re.findall(r"^```sh\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL)
    return [block.replace("\\\n", " ") for block in blocks]


def pyproject() -> dict[str, Any]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def resource_folders() -> list[Path]:
    """Every folder under resources/ that holds files (setuptools' data-files do not recurse)."""
    return sorted(
        folder
        for folder in RESOURCES.rglob("*")
        if folder.is_dir() and any(child.is_file() for child in folder.iterdir())
    )


# -- the README's commands, as .ci/run finds them -----------------------------------------------


@pytest.fixture(scope="module")
def ci_finds() -> tuple[list[str], str]:
    """Run .ci/run's own lines that read README.md: the apt packages and the test command."""
    if shutil.which("bash") is None or shutil.which("sed") is None or shutil.which("grep") is None:
        pytest.skip("needs bash, sed and grep, as .ci/run does")
    script = CI_SCRIPT.read_text(encoding="utf-8").splitlines()
    readers = [line for line in script if line.startswith(("packages=$(", "test_command=$("))]
    assert len(readers) == 2, "the lines of .ci/run that read README.md have changed"
    program = "\n".join([*readers, 'printf "%s\\n%s\\n" "$packages" "$test_command"'])
    result = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", program], cwd=ROOT, capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    packages, test_command = result.stdout.splitlines()
    return packages.split(), test_command


def test_the_ci_script_finds_the_apt_packages_and_they_match_the_visible_command(
    ci_finds: tuple[list[str], str],
) -> None:
    packages, _ = ci_finds
    for needed in (
        "python3-venv",
        "libegl1",
        "libxkbcommon-x11-0",
        "libxcb-cursor0",
        "gnome-keyring",
        "xvfb",
    ):
        assert needed in packages
    visible = [block for block in sh_blocks(readme()) if block.startswith("apt-get install")]
    assert len(visible) == 1
    words = shlex.split(visible[0])
    assert words[:3] == ["apt-get", "install", "-y"]
    assert words[3:] == packages, "the apt-get command shown differs from the <!-- apt: --> comment"


def test_the_ci_script_finds_the_test_command_and_it_is_the_readme_s(
    ci_finds: tuple[list[str], str],
) -> None:
    _, test_command = ci_finds
    assert test_command == (
        "python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' && .venv/bin/python -m pytest"
    )
    assert test_command in sh_blocks(readme())[1].splitlines()


def test_the_first_command_opens_the_demo() -> None:
    first = sh_blocks(readme())[0].strip()
    assert "\n" not in first
    steps = [shlex.split(step) for step in first.split(" && ")]
    assert steps[0] == ["python3", "-m", "venv", ".venv"]
    assert steps[1][:2] == [".venv/bin/pip", "install"]
    assert "-e" in steps[1]
    assert steps[-1] == [".venv/bin/linkmanager", "--demo"]
    assert "pytest" not in first, ".ci/run would take the demo command for the test command"


def test_the_ci_script_builds_the_frozen_app_then_runs_the_tests_last() -> None:
    assert os.access(CI_SCRIPT, os.X_OK)
    lines = [line for line in CI_SCRIPT.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert "set -euo pipefail" in lines
    build = next(i for i, line in enumerate(lines) if "pyinstaller" in line and "linkmanager.spec" in line)
    self_test = next(
        i for i, line in enumerate(lines) if line.endswith("dist/linkmanager/linkmanager --self-test")
    )
    assert build < self_test
    # pytest's summary must be the last thing a CI log shows.
    assert lines[-1] == 'bash -euo pipefail -c "$test_command"'


def test_built_files_stay_out_of_git_and_of_pytest() -> None:
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "build/" in ignored
    assert "dist/" in ignored
    assert pyproject()["tool"]["pytest"]["ini_options"]["testpaths"] == ["tests"]


# -- the screenshot -----------------------------------------------------------------------------


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    assert data[12:16] == b"IHDR", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_readme_shows_a_screenshot_of_the_window() -> None:
    assert "![LinkManager](resources/screenshot.png)" in readme()
    width, height = png_size(SCREENSHOT)
    assert width >= 1000
    assert height >= 600
    # .gitignore ignores *.png but those in resources/.
    if shutil.which("git") and (ROOT / ".git").exists():
        result = subprocess.run(
            ["git", "check-ignore", "-q", str(SCREENSHOT)], cwd=ROOT, capture_output=True, timeout=30
        )
        assert result.returncode == 1, "resources/screenshot.png is git-ignored"


# -- the spec and the wheel ---------------------------------------------------------------------


def spec_calls() -> dict[str, ast.Call]:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    calls: dict[str, ast.Call] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            calls.setdefault(node.func.id, node)
    return calls


def keyword(call: ast.Call, name: str) -> object:
    return next(ast.literal_eval(k.value) for k in call.keywords if k.arg == name)


def test_the_spec_builds_one_folder_named_linkmanager() -> None:
    calls = spec_calls()
    assert keyword(calls["EXE"], "name") == "linkmanager"
    assert keyword(calls["EXE"], "exclude_binaries") is True  # one folder, not one file
    assert keyword(calls["EXE"], "console") is True  # the command line and --self-test print
    assert keyword(calls["COLLECT"], "name") == "linkmanager"
    # The one script is linkmanager/__main__.py: `python -m linkmanager`, the installed command alike.
    assert "'linkmanager' / '__main__.py'" in ast.unparse(calls["Analysis"].args[0])


def test_the_spec_keeps_every_qt_module_the_app_imports_and_lists_print_support() -> None:
    """Qt's print support is imported inside functions (on the first print): the spec names it,
    and excludes no Qt module that linkmanager imports anywhere, lazily or not."""
    calls = spec_calls()
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    lists = {
        ast.unparse(node.targets[0]): node.value
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.List)
    }
    hidden = {e.value for e in lists["hiddenimports"].elts if isinstance(e, ast.Constant)}
    excluded = set(ast.literal_eval(lists["excludes"]))
    assert "PySide6.QtPrintSupport" in hidden
    assert ast.unparse(calls["Analysis"]).count("hiddenimports=hiddenimports") == 1
    used: set[str] = set()
    for path in (ROOT / "linkmanager").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("PySide6."):
                used.add(".".join(node.module.split(".")[:2]))
            elif isinstance(node, ast.Import):
                used |= {".".join(a.name.split(".")[:2]) for a in node.names if a.name.startswith("PySide6.")}
    assert "PySide6.QtPrintSupport" in used
    assert used & excluded == set()


def test_the_spec_bundles_every_resources_folder() -> None:
    """Evaluate the spec's first `datas = ...` as PyInstaller would, with ROOT the checkout."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    assignment = next(
        node
        for node in tree.body
        if isinstance(node, ast.Assign) and [ast.unparse(t) for t in node.targets] == ["datas"]
    )
    code = compile(ast.Expression(assignment.value), str(SPEC), "eval")
    datas = eval(code, {"ROOT": ROOT, "Path": Path})  # noqa: S307 - the repository's own spec
    bundled = {Path(source).resolve(): destination for source, destination in datas}
    top_folders = sorted(p for p in RESOURCES.iterdir() if p.is_dir())
    assert top_folders, "resources/ has no folders"
    for folder in top_folders:
        assert bundled.get(folder.resolve()) == f"resources/{folder.name}"
    assert SCREENSHOT.resolve() not in bundled


def test_the_wheel_ships_every_resources_folder_where_resources_py_looks() -> None:
    data_files: dict[str, list[str]] = pyproject()["tool"]["setuptools"]["data-files"]
    wanted = {
        "share/linkmanager/" + folder.relative_to(ROOT).as_posix(): [
            f"{folder.relative_to(ROOT).as_posix()}/*"
        ]
        for folder in resource_folders()
    }
    assert wanted
    assert data_files == wanted
    assert "icons" in {Path(key).name for key in data_files}


def test_the_build_extra_brings_pyinstaller() -> None:
    build = pyproject()["project"]["optional-dependencies"]["build"]
    assert any(re.match(r"pyinstaller\s*>=\s*6", requirement) for requirement in build)


# -- the self-test ------------------------------------------------------------------------------


def test_the_self_test_prints_one_line_per_check_and_exits_0() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "linkmanager", "--self-test"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    names = [name for name, _ in app_selftest.CHECKS]
    assert len(lines) == len(names) + 2, result.stdout
    for line, name in zip(lines, names, strict=False):
        assert line.startswith(f"ok   {name}: "), line
    assert lines[-2].startswith(("ok   keyring: ", "note keyring: "))
    assert lines[-1] == "self-test passed"
