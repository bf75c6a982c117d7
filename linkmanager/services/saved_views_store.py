"""Where a profile's saved views live: one small JSON file per profile, written atomically.

Why a JSON file and not QSettings: the views are exchanged as JSON anyway (one format to read,
check and test, Qt-free), they are per profile while the window's QSettings file (ui-state.ini)
is one per LinkManager home, and an INI file holds nested lists only as opaque blobs. The file
sits in `saved-views/` beside ui-state.ini (so --home moves it, and a demo's throwaway folder
keeps the user's own views out of the demo), named like the profile's cache file.

A file that cannot be read is never overwritten in silence: it is set aside (`….damaged.json`)
at the next write, and `problem` says so meanwhile.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from linkmanager.domain import jsontext
from linkmanager.services.saved_views import (
    MAX_NAME_CHARS,
    SavedView,
    SavedViewError,
    SavedViews,
    checked_name,
    view_from_json,
)
from linkmanager.storage.paths import CACHE_SUFFIX, cache_file_name, ensure_private_dir, resolve_paths

STORE_FORMAT = "linkmanager-saved-views"
STORE_VERSION = 1
DIR_NAME = "saved-views"
MAX_VIEWS = 200  # a menu of more is no help; a store file stays under MAX_VIEWS * a few KiB
MAX_STORE_BYTES = 4 * 1024 * 1024
FILE_MODE = 0o600


def home_directory() -> Path:
    """The LinkManager home (LINKMANAGER_HOME or the platform's): where a window whose settings
    are not an INI file keeps its views."""
    return resolve_paths().home


def store_path(directory: Path, profile_name: str) -> Path:
    """`directory/saved-views/<profile's cache file name>.json`: distinct for every exact profile name."""
    return directory / DIR_NAME / (cache_file_name(profile_name).removesuffix(CACHE_SUFFIX) + ".json")


def write_atomically(path: Path, payload: bytes) -> None:
    """Write to a temporary file beside `path`, then rename it over: never half a file."""
    ensure_private_dir(path.parent)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as temp:
            temp.write(payload)
            temp.flush()
            os.fsync(temp.fileno())
        os.chmod(temp_name, FILE_MODE)
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


class SavedViewStore:
    """A profile's saved views and its default one. Names are unique regardless of case."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problem: str | None = None  # the file could not be read (it is set aside on the next write)
        self._views: list[SavedView] = []
        self._default: str | None = None
        self._load()

    # -- reading ---------------------------------------------------------------------------------

    def _load(self) -> None:
        try:
            with self.path.open("rb") as file:
                data = file.read(MAX_STORE_BYTES + 1)
        except FileNotFoundError:
            return
        except OSError as exc:
            self.problem = self._damaged(exc.strerror or str(exc))
            return
        try:
            if len(data) > MAX_STORE_BYTES:
                raise SavedViewError("too large")
            document = jsontext.loads(data)
            if not isinstance(document, dict) or document.get("format") != STORE_FORMAT:
                raise SavedViewError("not a saved views file")
            entries = document.get("views")
            if not isinstance(entries, list):
                raise SavedViewError("no list of views")
        except (jsontext.JsonTextError, ValueError) as exc:
            self.problem = self._damaged(str(exc))
            return
        for entry in entries[:MAX_VIEWS]:
            with contextlib.suppress(SavedViewError):  # one bad entry does not cost the others
                view = view_from_json(entry).view
                if self.find(view.name) is None:
                    self._views.append(view)
        default = document.get("default")
        found = self.find(default) if isinstance(default, str) else None
        self._default = found.name if found else None

    def _damaged(self, reason: str) -> str:
        return SavedViews.tr("The saved views file {path} could not be read ({reason}).").format(
            path=self.path, reason=reason
        )

    def views(self) -> list[SavedView]:
        """Links views first, then Payments views, each by name."""
        return sorted(self._views, key=lambda v: (v.page != "links", v.name.casefold()))

    def find(self, name: str) -> SavedView | None:
        key = name.casefold()
        return next((v for v in self._views if v.name.casefold() == key), None)

    @property
    def default_name(self) -> str | None:
        return self._default

    def default(self) -> SavedView | None:
        return self.find(self._default) if self._default else None

    def unique_name(self, name: str) -> str:
        """`name`, or `name (2)`, `name (3)`…: the first not taken (for an import)."""
        name = checked_name(name)
        if self.find(name) is None:
            return name
        for n in range(2, MAX_VIEWS + 2):
            suffix = f" ({n})"
            candidate = name[: MAX_NAME_CHARS - len(suffix)].rstrip() + suffix
            if self.find(candidate) is None:
                return candidate
        raise SavedViewError(self._full())

    # -- changing (each writes the file) ---------------------------------------------------------

    def save(self, view: SavedView) -> SavedView:
        """Add `view`, or replace the one of the same name (the default stays the default)."""
        view = view.renamed(checked_name(view.name))
        old = self.find(view.name)
        if old is None and len(self._views) >= MAX_VIEWS:
            raise SavedViewError(self._full())
        views = [v for v in self._views if v is not old] + [view]
        default = view.name if old is not None and old.name == self._default else self._default
        self._write(views, default)
        return view

    def rename(self, old_name: str, new_name: str) -> SavedView:
        old = self._existing(old_name)
        new_name = checked_name(new_name)
        taken = self.find(new_name)
        if taken is not None and taken is not old:
            raise SavedViewError(
                SavedViews.tr("A saved view named “{name}” already exists.").format(name=taken.name)
            )
        view = old.renamed(new_name)
        views = [view if v is old else v for v in self._views]
        self._write(views, view.name if self._default == old.name else self._default)
        return view

    def delete(self, name: str) -> None:
        old = self._existing(name)
        self._write(
            [v for v in self._views if v is not old], None if self._default == old.name else self._default
        )

    def set_default(self, name: str | None) -> None:
        """The view applied when the window opens (None: none, the window as last left)."""
        self._write(self._views, None if name is None else self._existing(name).name)

    def _existing(self, name: str) -> SavedView:
        view = self.find(name)
        if view is None:
            raise SavedViewError(SavedViews.tr("There is no saved view named “{name}”.").format(name=name))
        return view

    def _full(self) -> str:
        return SavedViews.tr("There are already %Ln saved view(s); delete some first.", "", MAX_VIEWS)

    def _write(self, views: list[SavedView], default: str | None) -> None:
        document: dict[str, Any] = {
            "format": STORE_FORMAT,
            "version": STORE_VERSION,
            "default": default,
            "views": [v.to_json() for v in views],
        }
        payload = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        try:
            if self.problem is not None and self.path.exists():  # kept for whoever wants to look
                os.replace(self.path, self.path.with_suffix(".damaged.json"))
            write_atomically(self.path, payload)
        except OSError as exc:
            raise SavedViewError(
                SavedViews.tr("The saved views could not be written to {path}: {reason}").format(
                    path=self.path, reason=exc.strerror or exc
                )
            ) from exc
        self._views, self._default, self.problem = views, default, None
