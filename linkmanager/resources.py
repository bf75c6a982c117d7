"""The one place that knows where `resources/` (icons, style sheets, translations) is.

Three ways LinkManager runs, one lookup (architecture.md: no `sys._MEIPASS` checks anywhere else):

1. Frozen by PyInstaller: the spec copies `resources/` into the bundle, beside the code.
2. From the source tree or an editable install: `resources/` sits beside the package directory.
3. Installed from a wheel: pyproject ships `resources/` as data files under
   `<prefix>/share/linkmanager/resources`, found through the distribution's file list, so a
   `--user` install or a venv works as well as a system prefix.

No Qt here: the self-test and the command line can use it without loading Qt.
"""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

DIST_NAME = "linkmanager"
RESOURCES_DIR = "resources"
# Where pyproject's data-files put resources/ inside an installed distribution.
INSTALLED_PREFIX = ("share", "linkmanager", RESOURCES_DIR)
# A folder is ours only if it holds this: site-packages may hold another project's "resources".
MARKER = ("icons", "linkmanager.svg")


class ResourceError(FileNotFoundError):
    """resources/ or a file in it is missing: the installation is incomplete."""


def _frozen_root() -> Path | None:
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / RESOURCES_DIR
    return None


def _source_root() -> Path:
    return Path(__file__).resolve().parents[1] / RESOURCES_DIR


def _installed_root() -> Path | None:
    """resources/ as installed from the wheel, located through the distribution's RECORD."""
    import importlib.metadata  # ~45 ms: only when the bundle and the source tree have none

    try:
        dist = importlib.metadata.distribution(DIST_NAME)
    except importlib.metadata.PackageNotFoundError:
        return None
    for file in dist.files or ():
        parts = file.parts
        for i in range(len(parts) - len(INSTALLED_PREFIX)):
            if parts[i : i + len(INSTALLED_PREFIX)] == INSTALLED_PREFIX:
                root = Path(str(dist.locate_file(Path(*parts[: i + len(INSTALLED_PREFIX)]))))
                return root.resolve()
    return None


def _looks() -> tuple[Callable[[], Path | None], ...]:
    return (_frozen_root, _source_root, _installed_root)  # looked up when called (tests swap them)


def candidates() -> list[Path]:
    """Where resources/ may be, in the order looked at (the self-test prints the one found)."""
    found = [look() for look in _looks()]
    return [p for p in found if p is not None]


@functools.cache
def resources_root() -> Path:
    """The resources/ directory in use (the first place that has it: the installed wheel's RECORD
    is read only when needed); ResourceError naming every place looked at."""
    for look in _looks():
        place = look()
        if place is not None and place.joinpath(*MARKER).is_file():
            log.debug("Resources from %s", place)
            return place
    places = candidates()
    raise ResourceError(
        "LinkManager's resources folder is missing; looked in: " + ", ".join(str(p) for p in places)
    )


def resource_path(*parts: str) -> Path:
    """`resource_path("icons", "linkmanager.svg")`: an existing file or folder in resources/."""
    path = resources_root().joinpath(*parts)
    if not path.exists():
        raise ResourceError(f"LinkManager's resource {'/'.join(parts)} is missing from {resources_root()}")
    return path
