"""The GUI's composition root: profiles, keyring, cache and client become a Workspace and a window.

`run_gui(options)` is what `linkmanager` with no command runs. It opens the profile asked for,
the only one, or the last one used; on first run it welcomes. `--demo` serves the simulator on
loopback to a throwaway cache; `--screenshot PATH` saves the window after the first sync
(ui/screenshot_run.py); `--self-test` checks an installation (frozen or not) without opening a window
(app_selftest.py). The Profile menu's dialogs are in app_profile_menu.py.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from argparse import Namespace
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

# Qt-free first: once PySide6.QtCore is loaded it reads the source of every module imported after
# it (its __feature__ check), ~20 ms of a start for the services, storage, domain and Babel below.
from linkmanager import api
from linkmanager.app_profiles import ClientFactory, StorageProfileBook
from linkmanager.resources import ResourceError, resource_path
from linkmanager.services.workspace import ProfileInfo, Workspace
from linkmanager.storage.cache import CacheCorruptError, CacheError, CacheTooNewError, LinkCache
from linkmanager.storage.credentials import CredentialStore
from linkmanager.storage.paths import AppPaths, ensure_private_dir, resolve_paths
from linkmanager.storage.profiles import ProfileError, ProfileStore

# isort: split
from PySide6.QtCore import QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from linkmanager.app_profile_menu import ProfileMenu
from linkmanager.ui import language
from linkmanager.ui.app_setup import create_application
from linkmanager.ui.main_window import MainWindow
from linkmanager.ui.session import Session, has_display, local_zone, save_screenshot
from linkmanager.ui.tasks import TaskRunner

if TYPE_CHECKING:  # loaded when used: no part of a window's start
    from linkmanager.ui.dialogs.welcome import WelcomeChoice
    from linkmanager.ui.screenshot_run import ScreenshotRun

__all__ = ["run_gui", "save_screenshot", "self_test"]

log = logging.getLogger(__name__)

DEMO_PROFILE = "Demo"
SETTINGS_FILE = "ui-state.ini"  # window geometry and the like; beside the profiles, moved by --home
LAST_PROFILE_KEY = "profiles/last"
SHUTDOWN_WAIT_MS = 10_000


class Shell(QObject):
    """Opens, switches and closes profiles; owns everything it built."""

    def __init__(self, options: Namespace, icon: QIcon) -> None:
        super().__init__()
        self._home: str | None = getattr(options, "home", None)
        self._profile: str | None = getattr(options, "profile", None)
        self._demo = bool(getattr(options, "demo", False))
        self._icon = icon
        self._paths: AppPaths | None = None
        self._credentials = CredentialStore()
        self._dialog_runner = TaskRunner(self)
        self._session: Session | None = None
        self._retiring: list[Session] = []
        self._retire_timer = QTimer(self, interval=200)
        self._retire_timer.timeout.connect(self._retire_idle)
        self._profile_menu = ProfileMenu(
            self.book, lambda: self._session, self.open_profile, self._dialog_runner
        )
        screenshot: str | None = getattr(options, "screenshot", None)
        self._screenshot: ScreenshotRun | None = None
        if screenshot:
            from linkmanager.ui.screenshot_run import ScreenshotRun

            view = getattr(options, "view", None) or "links"
            counter = getattr(options, "counter", None)
            self._screenshot = ScreenshotRun(screenshot, self._quit, self, view=view, counter=counter)
        self.exit_code = 0

    # -- where things are -------------------------------------------------------------------------

    @property
    def paths(self) -> AppPaths:
        if self._paths is None:
            self._paths = resolve_paths(self._home)
        return self._paths

    def book(self) -> StorageProfileBook:
        return StorageProfileBook(ProfileStore(self.paths.profiles_file), self._credentials)

    def _settings(self, directory: Path | None = None) -> QSettings:
        """UI state in an INI file: under --home normally, in a throwaway folder for demo and
        screenshots (a screenshot must not depend on how someone last left the window)."""
        if directory is None and self._screenshot is not None:
            directory = self._screenshot.settings_dir()
        if directory is None:
            ensure_private_dir(self.paths.home)
            directory = self.paths.home
        return QSettings(str(directory / SETTINGS_FILE), QSettings.Format.IniFormat)

    def tell(self, text: str, title: str = "LinkManager") -> None:
        """A problem for the user: always on stderr, and in a message box when someone is watching."""
        print(f"linkmanager: {text}", file=sys.stderr)
        self.exit_code = 1
        if self._screenshot is None:
            from PySide6.QtWidgets import QMessageBox  # only when something went wrong

            box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self._parent())
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.exec()

    def _parent(self) -> QWidget | None:
        return self._session.window if self._session is not None else None

    # -- starting ---------------------------------------------------------------------------------

    def start(self) -> bool:
        """Open the first window; False when there is none to open (closed welcome, an error)."""
        if self._demo:
            return self.open_demo()
        if self._profile:
            return self.open_profile(self._profile)
        try:
            profiles = ProfileStore(self.paths.profiles_file).list()
        except (ProfileError, OSError) as exc:
            self.tell(str(exc))
            return False
        names = [p.name for p in profiles]
        if self._screenshot is not None and len(names) != 1:
            self.tell(
                "--screenshot needs --demo or --profile NAME" + (f" ({', '.join(names)})" if names else "")
            )
            return False
        if not names:
            return self._welcome()
        if len(names) == 1:
            return self.open_profile(names[0])
        last = self._settings().value(LAST_PROFILE_KEY)
        if isinstance(last, str) and last in names:
            return self.open_profile(last)
        from linkmanager.ui.dialogs.profiles import open_profile_switcher  # ~95 ms: only when asked

        chosen = open_profile_switcher(None, self.book(), None, self._dialog_runner)
        return self.open_profile(chosen) if chosen else False

    def _welcome(self) -> bool:
        from linkmanager.ui.dialogs.welcome import WelcomeChoice

        while True:
            choice = ask_welcome(None, self._icon)
            if choice is WelcomeChoice.DEMO:
                return self.open_demo()
            if choice is not WelcomeChoice.CONNECT:
                return False
            from linkmanager.ui.dialogs.profiles import add_profile

            name = add_profile(None, self.book(), self._dialog_runner)
            if name is not None:
                return self.open_profile(name)

    # -- opening ----------------------------------------------------------------------------------

    def open_profile(self, name: str) -> bool:
        try:
            profile = ProfileStore(self.paths.profiles_file).get(name)
            # The cache makes its own folders (0700), and names a full or read-only disk if it cannot.
            cache = self._open_cache(self.paths.cache_file(profile.name))
        except (ProfileError, CacheError, OSError) as exc:
            self.tell(str(exc))
            return False
        if cache is None:
            return False
        info = ProfileInfo(profile.name, profile.environment, profile.api_url, profile.sync_interval_minutes)
        workspace = Workspace(
            info,
            cache,
            ClientFactory(profile, self._credentials),
            concurrency=profile.concurrency,
            freshness=timedelta(minutes=profile.usage_freshness_minutes),
            tz=local_zone(),
        )
        settings = self._settings()
        self._show(workspace, settings, [])
        if self._screenshot is None:
            settings.setValue(LAST_PROFILE_KEY, profile.name)
        return True

    def _open_cache(self, path: Path) -> LinkCache | None:
        """The profile's cache; a damaged one is moved aside (never deleted) if the user agrees."""
        try:
            return LinkCache.open(path)
        except CacheCorruptError as exc:
            if self._screenshot is not None or (
                isinstance(exc, CacheTooNewError) and exc.read_only is not None
            ):
                raise  # said as it is: a read-only file cannot be moved aside
            from PySide6.QtWidgets import QMessageBox

            answer = QMessageBox.question(
                self._parent(),
                self.tr("Offline cache damaged"),
                self.tr(
                    "{problem}\n\nMove the damaged file aside and start with an empty cache? "
                    "The next sync fills it again from Lean."
                ).format(problem=exc),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
            return LinkCache.rebuild(path)

    def open_demo(self) -> bool:
        """The simulator on loopback with payers at work, a cache in a temporary folder, and
        credentials held in memory only: the simulator's secret is a throwaway, never stored."""
        try:
            from linkmanager.simulator import Simulator

            simulator = Simulator(activity_per_minute=6, links=60).start()
        except OSError as exc:
            self.tell(
                self.tr("The demo's simulated Lean server cannot start on this computer: {error}").format(
                    error=exc
                )
            )
            return False
        folder = tempfile.TemporaryDirectory(prefix="linkmanager-demo-")
        cache = LinkCache.open(Path(folder.name) / "demo.sqlite3")
        endpoints = api.ApiEndpoints(simulator.api_url, simulator.token_url)
        credentials = api.Credentials(simulator.client_id, simulator.client_secret)
        info = ProfileInfo(DEMO_PROFILE, "demo", simulator.api_url, sync_interval_minutes=1)
        workspace = Workspace(info, cache, lambda: api.LeanClient(endpoints, credentials), tz=local_zone())
        settings = self._settings(None if self._screenshot is not None else Path(folder.name))
        # The counter display's "Simulate a payment": a payer in the simulator, in this process.
        self._show(workspace, settings, [simulator.stop, folder.cleanup], pay=simulator.pay)
        return True

    def _show(
        self,
        workspace: Workspace,
        settings: QSettings,
        cleanups: list[Callable[[], None]],
        *,
        pay: Callable[[str, str], object] | None = None,
    ) -> None:
        runner = TaskRunner(self)  # its own thread pool: waiting for it waits for this window only
        window = MainWindow(workspace, runner, settings, pay=pay)
        self._profile_menu.add_to(window, workspace.info)
        old, self._session = self._session, Session(window, workspace, runner, settings, cleanups)
        if self._screenshot is not None:
            self._screenshot.attach(self._session)
        window.show()
        window.start()
        if old is not None:  # the new window is up first, so closing the old one does not quit
            old.window.close()
            self._retiring.append(old)
            self._retire_timer.start()

    # -- closing ----------------------------------------------------------------------------------

    def _retire_idle(self) -> None:
        """Close replaced sessions once their background work has finished (or been cancelled)."""
        for session in list(self._retiring):
            if session.runner.wait_idle(0):
                self._retiring.remove(session)
                session.close(0)
        if not self._retiring:
            self._retire_timer.stop()

    def close(self) -> None:
        self._retire_timer.stop()
        sessions = [*self._retiring, *([self._session] if self._session else [])]
        self._retiring, self._session = [], None
        for session in sessions:
            session.window.close()
            session.close(SHUTDOWN_WAIT_MS)
        if self._screenshot is not None:
            self._screenshot.close()  # after the sessions: their settings are saved in its folder

    def _quit(self, code: int) -> None:
        self.exit_code = code
        QApplication.exit(code)


def ask_welcome(parent: QWidget | None, icon: QIcon) -> WelcomeChoice | None:
    """The first run's welcome (ui.dialogs.welcome): loaded only when there is no profile yet."""
    from linkmanager.ui.dialogs.welcome import ask_welcome as ask

    return ask(parent, icon)


def _icon() -> tuple[Path | None, QIcon]:
    try:
        path = resource_path("icons", "linkmanager.svg")
    except ResourceError as exc:
        log.warning("%s", exc)
        return None, QIcon()
    return path, QIcon(str(path))


def self_test(out: TextIO | None = None) -> int:
    """Check an installation (linkmanager.app_selftest, ~45 ms of imports: only when asked)."""
    from linkmanager import app_selftest

    return app_selftest.self_test(out)


def _language_settings(options: Namespace) -> QSettings | None:
    """Where the Settings dialog keeps the language: none for a screenshot (--lang or the
    system's decide, never how someone last set up this workstation)."""
    if getattr(options, "screenshot", None):
        return None
    try:
        home = resolve_paths(getattr(options, "home", None)).home
    except (OSError, ValueError):  # said properly by the Shell, which resolves them again
        return None
    return QSettings(str(home / SETTINGS_FILE), QSettings.Format.IniFormat)


def run_gui(options: Namespace) -> int:
    """`linkmanager [--demo] [--profile NAME] [--screenshot PATH] [--self-test] [--home DIR]`."""
    if getattr(options, "self_test", False):
        return self_test()
    if getattr(options, "counter", None) and not getattr(options, "screenshot", None):
        print(
            "linkmanager: --counter LINK_ID goes with --screenshot PATH; in the window, select the link and "
            "use Link > Show on counter display… (Ctrl+Shift+D)",
            file=sys.stderr,
        )
        return 2
    if not has_display():
        if not getattr(options, "screenshot", None):
            print(
                "linkmanager: no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset); "
                "the command line works without one: linkmanager --help",
                file=sys.stderr,
            )
            return 1
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
    icon_file, icon = _icon()
    app = create_application(icon_file=icon_file)
    language.apply(app, language.chosen(getattr(options, "lang", None), _language_settings(options)))
    shell = Shell(options, icon)
    try:
        if not shell.start():
            return shell.exit_code  # 1 after an error; 0 when the welcome was simply closed
        code = app.exec()
        return shell.exit_code or code
    finally:
        shell.close()
