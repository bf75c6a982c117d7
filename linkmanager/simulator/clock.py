"""Simulated time: the real UTC clock plus an offset that tests move forward.

Everything in the simulator that depends on time (token expiry, link expiry, stuck usages,
simulated payers) reads this clock, so `advance()` replays the lifecycle without real waits.
"""

from __future__ import annotations

import datetime as dt
import threading

__all__ = ["SimClock"]


class SimClock:
    """Aware-UTC clock that runs at real speed from a movable offset."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._offset = dt.timedelta(0)

    def now(self) -> dt.datetime:
        with self._lock:
            offset = self._offset
        return dt.datetime.now(dt.UTC) + offset

    def advance(self, seconds: float) -> dt.datetime:
        """Jump forward; time never goes back, so lifecycle transitions stay one-way."""
        if seconds < 0:
            raise ValueError("the simulated clock only moves forward")
        with self._lock:
            self._offset += dt.timedelta(seconds=seconds)
        return self.now()

    @property
    def offset_seconds(self) -> float:
        with self._lock:
            return self._offset.total_seconds()
