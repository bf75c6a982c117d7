"""One pause shared by every thread of a session when Lean answers 429."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

logger = logging.getLogger(__name__)


class RateGate:
    """When Lean answers 429, every other thread of the session waits out the same pause.

    The thread that was told waits in its own retry loop; the others would otherwise keep
    hitting a server that has just asked us to slow down (the sync engine runs up to 8 at once).
    """

    def __init__(self, sleep: Callable[[float], None], clock: Callable[[], float] = time.monotonic) -> None:
        self._sleep = sleep
        self._clock = clock
        self._lock = threading.Lock()
        self._until = 0.0
        self._owner: int | None = None

    def hold(self, seconds: float) -> None:
        with self._lock:
            until = self._clock() + seconds
            if until > self._until:
                self._until = until
                self._owner = threading.get_ident()

    def wait(self, at_most: float | None = None) -> None:
        """Wait out a pause another thread was told of, but not past `at_most` seconds."""
        with self._lock:
            pause = self._until - self._clock()
            mine = self._owner == threading.get_ident()
        if at_most is not None:
            pause = min(pause, at_most)
        if pause > 0 and not mine:
            logger.debug("Lean asked to slow down; waiting %.2f s", pause)
            self._sleep(pause)
