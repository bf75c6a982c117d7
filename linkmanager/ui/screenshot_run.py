"""`linkmanager --screenshot PATH`: save the window once its first sync has settled, then quit.

With `--counter LINK_ID` (or `first`: the first active link; the demo's ids are the same every
run, seed 7) it opens the counter display for that link instead, waits for its watch's first
round, and saves the customer's display as PATH (at COUNTER_SIZE, a common counter monitor's
shape) and the operator's panel beside it as PATH-operator.png.

Kept apart from the Shell because it is a one-shot run with its own timers and exit rules (for
documentation images and smoke tests), not part of opening and closing profiles.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer

from linkmanager.ui.session import Session, save_screenshot

__all__ = ["SCREENSHOT_TIMEOUT_MS", "SETTLE_MAX_S", "ScreenshotRun"]

SCREENSHOT_TIMEOUT_MS = 60_000
COUNTER_SIZE = (1280, 720)
SETTLE_MAX_S = 15.0  # after selecting the link, wait at most this long for its details to load
SETTLE_TICK_MS = 100
QUIET_TICKS = 3  # the selected link's details are in after this many idle ticks in a row...
QUIET_MIN_S = 0.5  # ...and at least this long after the selection


class ScreenshotRun(QObject):
    """Waits for the current session's first sync, selects a link, saves the window, asks to quit.

    `exit_app(code)` ends the application: 0 once the PNG is written, 1 when it cannot be or when
    the first sync does not finish within SCREENSHOT_TIMEOUT_MS.
    """

    def __init__(
        self,
        path: str,
        exit_app: Callable[[int], None],
        parent: QObject | None = None,
        *,
        view: str = "links",
        counter: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.view = view  # "links" or "payments"
        self.counter = counter  # a link id, or "first": save the counter display instead
        self._exit_app = exit_app
        self._session: Session | None = None
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self._finished = False
        self._settle_timer = QTimer(self, interval=SETTLE_TICK_MS)
        self._settle_timer.timeout.connect(self._settle_tick)
        self._settle_started = 0.0
        self._idle_ticks = 0
        self._timeout = QTimer(self, singleShot=True, interval=SCREENSHOT_TIMEOUT_MS)
        self._timeout.timeout.connect(self._on_timeout)

    def settings_dir(self) -> Path:
        """A throwaway folder for the window's UI state: a screenshot must not depend on how
        someone last left the window."""
        if self._folder is None:
            self._folder = tempfile.TemporaryDirectory(prefix="linkmanager-shot-")
        return Path(self._folder.name)

    def attach(self, session: Session) -> None:
        """The window to save is now this session's; its first sync has `SCREENSHOT_TIMEOUT_MS`."""
        self._session = session
        session.window.first_sync_finished.connect(self._on_first_sync)
        self._timeout.start()

    def close(self) -> None:
        """Stop waiting and remove the settings folder (after the sessions have saved into it)."""
        self._settle_timer.stop()
        self._timeout.stop()
        self._session = None
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None

    def _on_first_sync(self) -> None:
        if self._session is None:
            return
        window = self._session.window
        if self.counter:
            self._open_counter()
            return
        if self.view == "payments":
            # Every usage is read, filtered and totalled first; then the window settles as usual.
            window.show_view(1)  # made and asked to read now; its answer comes on a later turn
            window.payments_view().loaded.connect(
                self._start_settling, Qt.ConnectionType.SingleShotConnection
            )
            return
        if not window.select_first_active():
            print("linkmanager: no active link to select; saving the window as it is", file=sys.stderr)
        self._start_settling()

    def _start_settling(self, *_: object) -> None:
        self._settle_started = time.monotonic()
        self._idle_ticks = 0
        self._settle_timer.start()

    def _settle_tick(self) -> None:
        """Wait until the selected link's details and usages are in: three quiet ticks in a row."""
        assert self._session is not None
        self._idle_ticks = self._idle_ticks + 1 if self._session.runner.wait_idle(0) else 0
        waited = time.monotonic() - self._settle_started
        if (self._idle_ticks >= QUIET_TICKS and waited >= QUIET_MIN_S) or waited >= SETTLE_MAX_S:
            self._settle_timer.stop()
            self._take()

    def _open_counter(self) -> None:
        """The counter display for the link asked for; settled after its watch's first round."""
        assert self._session is not None
        window = self._session.window
        if self.counter == "first":
            found = window._current_link() if window.select_first_active() else None
        else:
            row = window.model.row_of(self.counter or "")
            found = window.model.link_at(row) if row is not None else None
        if found is None or not window.show_link(found.link.id):
            print(f"linkmanager: no link {self.counter} to show on the counter display", file=sys.stderr)
            self._finish(1)
            return
        session = window.counter.open_link(found.link)
        session.display.resize(*COUNTER_SIZE)
        session.adapter.checked.connect(self._start_settling, Qt.ConnectionType.SingleShotConnection)
        session.adapter.failed.connect(self._start_settling, Qt.ConnectionType.SingleShotConnection)

    def _take_counter(self) -> bool:
        assert self._session is not None
        session = self._session.window.counter.session
        if session is None:
            return False
        operator = str(Path(self.path).with_suffix("")) + "-operator.png"
        saved = save_screenshot(session.display, self.path) and save_screenshot(session.panel, operator)
        if saved:
            print(f"Saved the counter display to {self.path} and its operator panel to {operator}")
        return saved

    def _take(self) -> None:
        assert self._session is not None
        if self.counter:
            if not self._take_counter():
                print(f"linkmanager: cannot write a PNG to {self.path}", file=sys.stderr)
                self._finish(1)
            else:
                self._finish(0)
            return
        if save_screenshot(self._session.window, self.path):
            print(f"Saved the window to {self.path}")
            self._finish(0)
        else:
            print(f"linkmanager: cannot write a PNG to {self.path}", file=sys.stderr)
            self._finish(1)

    def _on_timeout(self) -> None:
        if not self._settle_timer.isActive() and not self._finished:
            print(
                f"linkmanager: the first sync did not finish within {SCREENSHOT_TIMEOUT_MS // 1000} s",
                file=sys.stderr,
            )
            self._finish(1)

    def _finish(self, code: int) -> None:
        self._finished = True
        self._timeout.stop()
        self._exit_app(code)
