"""The layers of architecture.md, enforced: ui -> services -> api | storage -> domain.

Static import checks catch a forbidden `import` anywhere in a file (also inside functions);
the subprocess check catches an indirect import that would load Qt at run time.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "linkmanager"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")

# What each layer may import from linkmanager itself.
ALLOWED: dict[str, set[str]] = {
    "domain": {"domain"},
    "api": {"domain", "api"},
    "storage": {"domain", "storage"},
    "simulator": {"domain", "simulator"},
    "services": {"domain", "api", "storage", "services"},
    "ui": {"domain", "services", "ui"},
    # The command line: a face beside the window, never importing it...
    "cli": {"domain", "api", "storage", "services", "simulator", "cli"},
}
# ...but for these, named one by one, each imported only where it is used: the window itself when
# no command is given, and the window's own painter for `qr --out FILE.pdf` and `print --pdf`
# (a Qt application without a window, started only for those two commands).
CLI_USES_OF_UI = {"linkmanager.app", "linkmanager.ui.printing.output"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def python_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def layer_of(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def test_the_package_has_every_layer() -> None:
    for layer in ALLOWED:
        assert (PACKAGE / layer / "__init__.py").is_file(), f"layer {layer} is missing"


def test_only_ui_and_app_import_qt() -> None:
    offenders = []
    for path in python_files():
        if layer_of(path) in ("ui", "app"):
            continue
        for name in imported_modules(path):
            if name.split(".")[0] in QT_MODULES:
                offenders.append(f"{path.relative_to(PACKAGE.parent)} imports {name}")
    assert offenders == []


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layers_point_one_way(layer: str) -> None:
    offenders = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for name in imported_modules(path):
            parts = name.split(".")
            inner = parts[1] if parts[0] == "linkmanager" and len(parts) > 1 else None
            if layer == "cli" and name in CLI_USES_OF_UI:
                continue
            if inner in {*ALLOWED, "ui", "app"} and inner not in ALLOWED[layer]:
                offenders.append(f"{path.relative_to(PACKAGE.parent)} imports {name}")
    assert offenders == []


def test_the_checker_sees_a_forbidden_import(tmp_path: Path) -> None:
    """The static check must be able to fail: an import hidden in a function is found."""
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from PySide6.QtCore import QObject\n    return QObject\n", encoding="utf-8")
    assert "PySide6.QtCore" in imported_modules(bad)


def test_importing_the_core_and_cli_loads_no_qt() -> None:
    code = (
        "import sys, linkmanager.cli, linkmanager.domain, linkmanager.api, linkmanager.storage, "
        "linkmanager.services, linkmanager.simulator\n"
        "import pkgutil, importlib\n"
        "for pkg in ('domain', 'api', 'storage', 'services', 'simulator'):\n"
        "    mod = importlib.import_module('linkmanager.' + pkg)\n"
        "    for info in pkgutil.walk_packages(mod.__path__, mod.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
