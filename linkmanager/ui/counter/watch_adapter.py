"""The Qt-free link watcher (services.watch) on a thread of its own, its news as Qt signals.

The watcher blocks (HTTP to Lean, the cache), so it never runs on the GUI thread. One Python
thread per watch: it starts the watcher, then polls round after round, waiting the watcher's own
delay between them (it backs off on 429 and errors), until `stop()`. The signals are emitted on
that thread and reach the receivers' thread queued: connect them to bound methods of GUI-thread
objects only (a lambda slot may run on the emitting thread in PySide6).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from linkmanager.domain.models import utc_now

if TYPE_CHECKING:
    from linkmanager.domain.models import PaymentLink
    from linkmanager.services.watch import LinkWatcher, WatchEvent

logger = logging.getLogger(__name__)


class WatchAdapter(QObject):
    """Runs one LinkWatcher until stopped; see the module docstring."""

    started = Signal(object)  # PaymentLink: the watch has begun with the link as Lean has it
    failed = Signal(object)  # BaseException: it could not begin (unknown or terminal link, Lean)
    seen = Signal(object)  # WatchEvent: something the watcher saw
    checked = Signal(object)  # datetime (UTC): a round of polling has ended
    finished = Signal()  # the thread has ended (after stop(), or after `failed`)

    def __init__(
        self, make_watcher: Callable[[], LinkWatcher], parent: QObject | None = None, *, name: str = ""
    ) -> None:
        super().__init__(parent)
        self._make_watcher = make_watcher
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"watch {name}".strip(), daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Ask the thread to end after the round it is in; returns at once (see `wait`)."""
        self._stop.set()

    def wait(self, timeout_s: float) -> bool:
        """Wait up to `timeout_s` for the thread to end; True when it has (or never started)."""
        if self._thread.ident is None:
            return True
        self._thread.join(timeout_s)
        return not self._thread.is_alive()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        watcher: LinkWatcher | None = None
        try:
            watcher = self._make_watcher()
            link: PaymentLink = watcher.start()
            if self._stop.is_set():
                return
            self.started.emit(link)
            while not self._stop.is_set():
                events: list[WatchEvent] = watcher.poll()
                for event in events:
                    self.seen.emit(event)
                self.checked.emit(utc_now())
                self._stop.wait(watcher.next_delay())
        except Exception as exc:  # said on the operator's side; the thread ends cleanly
            logger.info("The counter display's watch ended: %s", exc)
            if not self._stop.is_set():
                self.failed.emit(exc)
        finally:
            if watcher is not None:
                try:
                    watcher.close()
                except Exception:
                    logger.exception("Closing the link watcher failed")
            self.finished.emit()
