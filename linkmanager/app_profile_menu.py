"""The window's Profile menu: switch to, add or edit a profile, then open it.

Kept apart from the Shell so that the Shell only opens and closes sessions; this module only
asks the user (through the profile dialogs) which profile to open next. It imports no Qt itself:
the menu is made by the window's menu bar, its words translated through domain.i18n.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from linkmanager.domain.i18n import translate
from linkmanager.services.workspace import ProfileInfo
from linkmanager.ui.main_window import MainWindow
from linkmanager.ui.session import Session
from linkmanager.ui.tasks import TaskRunner

if TYPE_CHECKING:  # the dialogs (~95 ms of imports) load when the menu is first used, not at start
    from linkmanager.ui.dialogs.profiles import ProfileBook

__all__ = ["ProfileMenu"]

DEMO_ENVIRONMENT = "demo"


class ProfileMenu:
    """Builds the Profile menu of each window and runs its dialogs.

    `book()` gives the saved profiles, `session()` the open one (None before the first), and
    `open_profile(name)` replaces it with the named profile's window. `runner` runs the dialogs'
    background checks.
    """

    def __init__(
        self,
        book: Callable[[], ProfileBook],
        session: Callable[[], Session | None],
        open_profile: Callable[[str], bool],
        runner: TaskRunner,
    ) -> None:
        self._book = book
        self._session = session
        self._open_profile = open_profile
        self._runner = runner

    def add_to(self, window: MainWindow, info: ProfileInfo) -> None:
        """Put the menu before Help (or last); the demo has nothing to edit."""
        bar = window.menuBar()
        help_menu = next(
            (a for a in bar.actions() if a.menu() is not None and a.menu().objectName() == "help-menu"), None
        )
        menu = bar.addMenu(translate("ProfileMenu", "&Profile"))
        if help_menu is not None:
            bar.insertAction(help_menu, menu.menuAction())  # moves it: a widget holds an action once
        menu.addAction(translate("ProfileMenu", "&Switch profile…"), self.switch_profile)
        menu.addAction(translate("ProfileMenu", "&Add profile…"), self.add_profile)
        edit = menu.addAction(translate("ProfileMenu", "&Edit this profile…"), self.edit_current)
        window.sync.edit_profile_requested.connect(
            lambda _name: self.edit_current()
        )  # "Edit profile…" in a message
        if info.environment == DEMO_ENVIRONMENT:
            edit.setEnabled(False)
            edit.setToolTip(translate("ProfileMenu", "The demo profile has nothing to edit"))

    def switch_profile(self) -> None:
        current = self._current_name()
        from linkmanager.ui.dialogs.profiles import open_profile_switcher

        chosen = open_profile_switcher(self._parent(), self._book(), current, self._runner)
        if chosen is not None and chosen != current:
            self._open_profile(chosen)

    def add_profile(self) -> None:
        from linkmanager.ui.dialogs.profiles import add_profile

        name = add_profile(self._parent(), self._book(), self._runner)
        if name is not None:
            self._open_profile(name)

    def edit_current(self) -> None:
        current = self._current_name()
        from linkmanager.ui.dialogs.profiles import edit_profile

        if current is not None and edit_profile(self._parent(), self._book(), current, self._runner):
            self._open_profile(current)  # reopen: the address, client ID or secret may have changed

    def _current_name(self) -> str | None:
        """The open profile's name; None for the demo, which is no saved profile."""
        session = self._session()
        if session is None or session.workspace.info.environment == DEMO_ENVIRONMENT:
            return None
        return session.workspace.info.name

    def _parent(self) -> MainWindow | None:
        session = self._session()
        return session.window if session is not None else None
