"""House rules that code review alone lets slip: every module of the application under 400 lines."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "linkmanager"
MAX_LINES = 399


def test_every_module_is_under_400_lines() -> None:
    sizes = {
        str(path.relative_to(PACKAGE.parent)): len(path.read_text(encoding="utf-8").splitlines())
        for path in PACKAGE.rglob("*.py")
    }
    assert len(sizes) > 50  # the package was found
    assert {name: lines for name, lines in sizes.items() if lines > MAX_LINES} == {}
