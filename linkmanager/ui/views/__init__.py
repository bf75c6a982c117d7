"""Saved views (View > Saved views): the window's side of services.saved_views.

The window calls `install_saved_views(window, settings)` once, at the end of its building: the
submenu goes into the View menu, and the profile's default view, if any, is shown at once
(before the first read of the links, so its sort is the first screenful's order).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from linkmanager.services.saved_views_store import SavedViewStore, store_path
from linkmanager.ui.views.controller import SavedViewsController, views_directory

if TYPE_CHECKING:
    from linkmanager.ui.main_window import MainWindow

__all__ = ["SavedViewsController", "install_saved_views"]
log = logging.getLogger(__name__)


def install_saved_views(window: MainWindow, settings: QSettings) -> SavedViewsController:
    """The Saved views submenu in View (after Sync problems), its shortcut, and the default view."""
    store = SavedViewStore(store_path(views_directory(settings), window._workspace.info.name))
    views = SavedViewsController(window, store)
    view_menu, after = window.view_menu, window.problems.action
    views.attach_to(view_menu, after)
    # View is cleared and refilled as it opens (window_menus.fill_view_menu, connected first):
    # the submenu goes back in after that.
    view_menu.aboutToShow.connect(lambda: views.attach_to(view_menu, after))
    if store.problem is not None:
        log.warning("%s", store.problem)
        window.status.showMessage(store.problem, 30_000)
    views.apply_default()
    return views
