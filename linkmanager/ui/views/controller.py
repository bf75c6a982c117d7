"""View > Saved views: save the view shown under a name, show a saved one, choose the default
(shown when the window opens), rename and delete them, and share them as small JSON files.

What asks the user something is a seam (`ask_name`, `ask_replace`, `ask_save_path`,
`ask_open_path`, `tell`): the window's tests replace them, as a modal dialog would block them.
The views themselves are services.saved_views_store's; the window's state, view_state's.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from linkmanager.services.saved_views import (
    MAX_FILE_BYTES,
    Page,
    SavedView,
    SavedViewError,
    read_view_file,
    view_file_bytes,
)
from linkmanager.services.saved_views_store import SavedViewStore, home_directory, write_atomically
from linkmanager.ui.text import plain_tooltip
from linkmanager.ui.views import view_state

if TYPE_CHECKING:
    from linkmanager.ui.main_window import MainWindow
    from linkmanager.ui.views.dialogs import ManageViewsDialog

log = logging.getLogger(__name__)
NOTICE_MS = 15_000
SAVE_KEY = "Ctrl+Shift+S"
FILE_SUFFIX = ".json"


def menu_text(name: str) -> str:
    """A name as a menu entry shows it: "&" is a mnemonic marker in Qt's menus, so doubled."""
    return name.replace("&", "&&")


def views_directory(settings: QSettings) -> Path:
    """Beside the window's ui-state.ini (the home, or a demo's throwaway folder)."""
    if settings.format() == QSettings.Format.IniFormat and settings.fileName():
        return Path(settings.fileName()).parent
    return home_directory()


class SavedViewsController(QObject):
    applied = Signal(str)  # the name of the view just shown
    changed = Signal()  # views saved, renamed, deleted, imported, or the default changed

    def __init__(self, window: MainWindow, store: SavedViewStore) -> None:
        super().__init__(window)
        self.window, self.store = window, store
        self.ask_name: Callable[[str, str], str | None] = self._ask_name
        self.ask_replace: Callable[[str], bool] = self._ask_replace
        self.ask_delete: Callable[[str], bool] = self._ask_delete
        self.ask_save_path: Callable[[str], Path | None] = self._ask_save_path
        self.ask_open_path: Callable[[], Path | None] = self._ask_open_path
        self.tell: Callable[[str], None] = self._tell

        self.menu = QMenu(self.tr("Saved &views"), window)
        self.menu.setObjectName("saved-views-menu")
        self.save_action = QAction(self.tr("&Save current view…"), window, shortcut=QKeySequence(SAVE_KEY))
        self.save_action.setToolTip(self.tr("Save the tab, filters, search, columns and sort under a name"))
        self.save_action.triggered.connect(lambda: self.save_current())
        self.manage_action = QAction(self.tr("&Manage saved views…"), window)
        self.manage_action.triggered.connect(self.manage)
        self.import_action = QAction(self.tr("&Import view…"), window)
        self.import_action.setToolTip(self.tr("Add a view a colleague shared as a JSON file"))
        self.import_action.triggered.connect(lambda: self.import_view())
        self.default_menu = QMenu(self.tr("Set as &default"), self.menu)
        self.export_menu = QMenu(self.tr("&Export view"), self.menu)
        self.view_actions: list[QAction] = []  # one per saved view, made as the menu opens
        window.addAction(self.save_action)  # its key works while the menu is closed
        self.menu.aboutToShow.connect(self.fill_menu)
        self.fill_menu()
        self.manager: ManageViewsDialog | None = None  # the Manage dialog, once opened

    # -- the menu --------------------------------------------------------------------------------

    def fill_menu(self) -> None:
        menu = self.menu
        menu.clear()
        menu.addAction(self.save_action)
        views = self.store.views()
        self.view_actions = []
        for page, heading in (
            (Page.LINKS, self.tr("Links views")),
            (Page.PAYMENTS, self.tr("Payments views")),
        ):
            mine = [v for v in views if v.page == page]
            if mine:
                menu.addSection(heading)
            for view in mine:
                action = menu.addAction(menu_text(view.name))
                action.setToolTip(
                    plain_tooltip(self.tr("Show the saved view “{name}”").format(name=view.name))
                )
                action.triggered.connect(lambda _=False, name=view.name: self.apply(name))
                self.view_actions.append(action)
        if not views:
            empty = menu.addAction(self.tr("No saved views yet"))
            empty.setEnabled(False)
        menu.addSeparator()
        self._fill_default_menu(views)
        self._fill_export_menu(views)
        menu.addMenu(self.default_menu)
        menu.addMenu(self.export_menu)
        menu.addAction(self.import_action)
        menu.addAction(self.manage_action)
        for sub in (self.default_menu, self.export_menu):
            sub.setEnabled(bool(views))
        self.manage_action.setEnabled(bool(views))

    def _fill_default_menu(self, views: list[SavedView]) -> None:
        menu, group = self.default_menu, QActionGroup(self.default_menu)
        menu.clear()
        none = menu.addAction(self.tr("&None (the window as last left)"))
        entries = [(none, None)] + [(menu.addAction(menu_text(v.name)), v.name) for v in views]
        for action, name in entries:
            action.setCheckable(True)
            action.setChecked(name == self.store.default_name)
            action.setActionGroup(group)
            action.triggered.connect(lambda _=False, n=name: self.set_default(n))

    def _fill_export_menu(self, views: list[SavedView]) -> None:
        self.export_menu.clear()
        for view in views:
            action = self.export_menu.addAction(menu_text(view.name) + "…")
            action.triggered.connect(lambda _=False, name=view.name: self.export_view(name))

    def attach_to(self, view_menu: QMenu, after: QAction) -> None:
        """Put the submenu into the window's View menu, after `after` (View is refilled as it
        opens, so this runs then too: connected after the window's own filling)."""
        actions = view_menu.actions()
        if self.menu.menuAction() in actions or after not in actions:
            return
        following = actions[actions.index(after) + 1] if actions[-1] is not after else None
        if following is None:
            view_menu.addMenu(self.menu)
        else:
            view_menu.insertMenu(following, self.menu)

    # -- what the entries do ---------------------------------------------------------------------

    def apply(self, name: str) -> bool:
        view = self.store.find(name)
        if view is None:
            self.tell(self.tr("There is no saved view named “{name}”.").format(name=name))
            return False
        view_state.apply(self.window, view)
        self.applied.emit(view.name)
        self._notice(self.tr("Showing the saved view “{name}”").format(name=view.name))
        return True

    def apply_default(self) -> bool:
        """At start: the default view, when there is one."""
        view = self.store.default()
        if view is None:
            return False
        view_state.apply(self.window, view)
        self.applied.emit(view.name)
        return True

    def save_current(self, name: str | None = None) -> SavedView | None:
        """Save the view shown; asks for a name (and before replacing one) unless given."""
        if name is None:
            name = self.ask_name(self.tr("Save current view"), "")
            if name is None:
                return None
            existing = self.store.find(name)
            if existing is not None and not self.ask_replace(existing.name):
                return None
        chosen = name
        return self._store(
            lambda: self.store.save(view_state.capture(self.window, chosen)),
            self.tr("Saved the view “{name}”"),
        )

    def rename(self, old: str, new: str | None = None) -> SavedView | None:
        if new is None:
            new = self.ask_name(self.tr("Rename saved view"), old)
            if new is None:
                return None
        chosen = new
        return self._store(lambda: self.store.rename(old, chosen), self.tr("Renamed the view to “{name}”"))

    def delete(self, name: str) -> bool:
        try:
            self.store.delete(name)
        except SavedViewError as error:
            self.tell(str(error))
            return False
        self.changed.emit()
        self._notice(self.tr("Deleted the view “{name}”").format(name=name))
        return True

    def set_default(self, name: str | None) -> bool:
        try:
            self.store.set_default(name)
        except SavedViewError as error:
            self.tell(str(error))
            return False
        self.changed.emit()
        if name is None:
            self._notice(self.tr("No saved view is shown at start now"))
        else:
            self._notice(self.tr("“{name}” is shown when the window opens").format(name=name))
        return True

    def _store(self, change: Callable[[], SavedView], said: str) -> SavedView | None:
        try:
            view = change()
        except SavedViewError as error:
            self.tell(str(error))
            return None
        self.changed.emit()
        self._notice(said.format(name=view.name))
        return view

    def export_view(self, name: str, path: Path | None = None) -> Path | None:
        view = self.store.find(name)
        if view is None:
            self.tell(self.tr("There is no saved view named “{name}”.").format(name=name))
            return None
        path = path or self.ask_save_path(view.name)
        if path is None:
            return None
        if path.suffix.lower() != FILE_SUFFIX:
            path = path.with_name(path.name + FILE_SUFFIX)
        try:
            write_atomically(path, view_file_bytes(view))
        except OSError as error:
            self.tell(
                self.tr("The view could not be written to {path}: {reason}").format(
                    path=path, reason=error.strerror or error
                )
            )
            return None
        self._notice(self.tr("Exported the view “{name}” to {path}").format(name=view.name, path=path))
        return path

    def import_view(self, path: Path | None = None) -> SavedView | None:
        """Read a shared view; its name made unique; what this version does not know is said."""
        path = path or self.ask_open_path()
        if path is None:
            return None
        try:
            with path.open("rb") as file:
                data = file.read(MAX_FILE_BYTES + 1)  # never more: the check says it is too large
        except OSError as error:
            self.tell(
                self.tr("{path} could not be read: {reason}").format(
                    path=path, reason=error.strerror or error
                )
            )
            return None
        try:
            read = read_view_file(data, fallback_name=path.stem)
            view = self.store.save(read.view.renamed(self.store.unique_name(read.view.name)))
        except SavedViewError as error:
            self.tell(str(error))
            return None
        self.changed.emit()
        self._notice(self.tr("Imported the view “{name}”").format(name=view.name))
        if read.notes:
            self.tell(
                self.tr("Imported the view “{name}”, without what this version does not know:").format(
                    name=view.name
                )
                + "\n\n"
                + "\n".join(f"• {note}" for note in read.notes)
            )
        return view

    def manage(self) -> None:
        from linkmanager.ui.views.dialogs import ManageViewsDialog

        if self.manager is None:
            self.manager = ManageViewsDialog(self, self.window)
        self.manager.refill()
        self.manager.open()

    def _notice(self, text: str) -> None:
        self.window.status.showMessage(text, NOTICE_MS)

    # -- the seams' real dialogs -----------------------------------------------------------------

    def _ask_name(self, title: str, suggested: str) -> str | None:
        from linkmanager.ui.views.dialogs import ask_name

        return ask_name(self.window, title, suggested)

    def _ask_replace(self, name: str) -> bool:
        from linkmanager.ui.views.dialogs import ask_replace

        return ask_replace(self.window, name)

    def _ask_delete(self, name: str) -> bool:
        from linkmanager.ui.views.dialogs import ask_delete

        return ask_delete(self.window, name)

    def _ask_save_path(self, name: str) -> Path | None:
        from linkmanager.ui.views.dialogs import ask_save_path

        return ask_save_path(self.window, name)

    def _ask_open_path(self) -> Path | None:
        from linkmanager.ui.views.dialogs import ask_open_path

        return ask_open_path(self.window)

    def _tell(self, text: str) -> None:
        from linkmanager.ui.views.dialogs import tell

        tell(self.window, text)
