"""A faithful Lean Payment Links server for loopback: demo mode, tests and benchmarks.

Pure stdlib HTTP (plus babel for currency digits); no Qt, and nothing from `linkmanager.api`.
"""

from linkmanager.simulator.clock import SimClock
from linkmanager.simulator.errors import ApiError
from linkmanager.simulator.faults import Fault, FaultSpec, FaultSpecError
from linkmanager.simulator.simulator import Simulator

__all__ = ["ApiError", "Fault", "FaultSpec", "FaultSpecError", "SimClock", "Simulator"]
