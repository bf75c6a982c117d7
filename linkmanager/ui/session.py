"""One open session of the window and the small helpers the GUI's composition root (app.py) needs."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from linkmanager.services.workspace import Workspace
from linkmanager.ui.main_window import MainWindow
from linkmanager.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


def local_zone() -> tzinfo:
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone


def has_display() -> bool:
    """Qt aborts without one; only Linux and the BSDs need a DISPLAY or WAYLAND_DISPLAY."""
    if os.environ.get("QT_QPA_PLATFORM") or sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def save_screenshot(window: QWidget, path: str) -> bool:
    """The window as it is drawn now, as PNG."""
    QApplication.processEvents()
    return window.grab().save(path, "PNG")


@dataclass
class Session:
    """One open workspace and its window; closed once its background tasks are done."""

    window: MainWindow
    workspace: Workspace
    runner: TaskRunner
    settings: QSettings
    cleanups: list[Callable[[], None]] = field(default_factory=list)

    def close(self, wait_ms: int) -> None:
        if not self.runner.wait_idle(wait_ms):
            log.warning("Closing %r with background tasks still running", self.workspace.info.name)
        self.workspace.close()
        self.settings.sync()
        for cleanup in reversed(self.cleanups):
            try:
                cleanup()
            except Exception:
                log.exception("Cleaning up after %r failed", self.workspace.info.name)
        self.window.deleteLater()
        self.runner.deleteLater()
