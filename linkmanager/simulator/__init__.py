"""A faithful Lean Payment Links server for loopback: demo mode, tests and benchmarks.

Pure stdlib HTTP (plus babel for currency digits); no Qt, and nothing from `linkmanager.api`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from linkmanager.simulator.clock import SimClock
from linkmanager.simulator.errors import ApiError
from linkmanager.simulator.faults import Fault, FaultSpec, FaultSpecError

if TYPE_CHECKING:
    from linkmanager.simulator.simulator import Simulator

__all__ = ["ApiError", "Fault", "FaultSpec", "FaultSpecError", "SimClock", "Simulator"]


def __getattr__(name: str) -> Any:
    # The server loads on first use (PEP 562): `linkmanager`'s parser imports this package for
    # `sim`'s options on its way to the window, which needs no server.
    if name == "Simulator":
        from linkmanager.simulator.simulator import Simulator

        return Simulator
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
