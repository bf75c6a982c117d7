"""`linkmanager sim`: run the simulator until SIGINT/SIGTERM.

The first line on stdout is one JSON object with api_url, token_url, client_id and
client_secret, so a script or test can start the server on port 0 and connect to it.
Everything meant for people goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from types import FrameType
from typing import TYPE_CHECKING

from linkmanager.simulator.faults import FaultSpec, FaultSpecError

if TYPE_CHECKING:
    from linkmanager.simulator.simulator import Simulator
from linkmanager.simulator.spoil import LINK_VARIANTS, USAGE_VARIANTS

__all__ = ["add_sim_arguments", "run_sim"]

_LOOPBACK = ("127.0.0.1", "::1", "localhost")


def _non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be 0 or more")
    return value


def _port(text: str) -> int:
    value = _non_negative_int(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a TCP port")
    return value


def _rate(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 <= value < 1e6:
        raise argparse.ArgumentTypeError(f"{text!r} must be 0 or more payments a minute")
    return value


def _fault_spec(text: str) -> FaultSpec:
    try:
        return FaultSpec.parse(text)
    except FaultSpecError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


PAY_HELP = (
    "Paying a link on demand (demos, training, tests): POST /_sim/links/LINK_ID/pay on the "
    'simulator\'s own address with the JSON body {"outcome": "accepted"}, "pending" or "failed", e.g. '
    "curl -X POST -H 'Content-Type: application/json' -d '{\"outcome\": \"accepted\"}' "
    "API_URL/_sim/links/LINK_ID/pay. No token is needed and only this machine may ask. It answers 201 "
    "with the new usage as GET .../usages/USAGE_ID shows it (accepted: PAYMENT_CREATED and "
    "ACCEPTED_BY_BANK; pending: PAYMENT_CREATED and PENDING_WITH_BANK; failed: FAILED), 409 when the "
    "link cannot take a payment (not ACTIVE, expired, or max_usages reached; a link reaching its "
    "limit becomes USED), 404 for an unknown link, 400 for a missing or unknown outcome; errors in "
    "Lean's shape (status, message, timestamp)."
)


def add_sim_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = PAY_HELP
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=_port, default=0, help="TCP port; 0 picks a free one (default)")
    parser.add_argument("--seed", type=int, default=7, help="seed for the demo data and faults (default 7)")
    parser.add_argument("--links", type=_non_negative_int, default=60, help="seeded links (default 60)")
    parser.add_argument(
        "--latency-ms",
        type=_non_negative_int,
        default=0,
        metavar="MS",
        help="response time: each answer leaves MS milliseconds after its request arrived (the "
        "simulator's own work counted in it, as a remote server's is)",
    )
    parser.add_argument(
        "--faults",
        type=_fault_spec,
        default=FaultSpec(),
        metavar="SPEC",
        help="random faults per API request, e.g. 429=0.05:2,503=0.02,drop=0.01,slow=0.1:1500 "
        "(kinds 429, 500, 502, 503, 504, drop, slow). The -after kinds handle the request first and "
        "then lose its answer: drop-after, slow-after (holds the answer, e.g. slow-after=0.1:5000 for "
        "5 s), 500-after, 502-after, 504-after. Prefix a rule with token: to hit the token endpoint instead "
        "(token:503=0.2), or with create: to hit creates only (create:drop-after=0.3: the link is "
        "stored, the answer is lost). Hostile answers: huge=RATE[:MB] (a 200 JSON page of MB megabytes, "
        "default 300, sent chunked in place of the answer), drip=RATE[:MS] (the real answer, its body one "
        "byte every MS milliseconds, default 20000); both also take token: or create:. Spoiled records, "
        "API answers only, drawn apart from the failing kinds: bad-link=RATE[:VARIANT] (per link record in "
        "link lists and GET of a link: one field gets a wrong type or an impossible value; VARIANT forces "
        f"one of {', '.join(LINK_VARIANTS)}, or a field such as id lets the seed pick among its "
        f"variants), bad-usage=RATE[:VARIANT] (per usage record: {', '.join(USAGE_VARIANTS)}), "
        "foreign-usage=RATE (per usage record: payment_link_id names another link), page-lie=RATE (per "
        "list answer: absurd total_pages and total_elements)",
    )
    parser.add_argument(
        "--activity", type=_rate, default=0.0, metavar="N", help="simulated payments started per minute"
    )


def run_sim(args: argparse.Namespace) -> int:
    """Serve until SIGINT or SIGTERM; 0 on a clean stop, 2 when the address is unusable."""
    from linkmanager.simulator.simulator import Simulator  # the server: not with the parser

    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        sim = Simulator(
            seed=args.seed,
            links=args.links,
            latency_ms=args.latency_ms,
            faults=args.faults,
            activity_per_minute=args.activity,
            host=args.host,
            port=args.port,
        )
        try:
            sim.start()
        except OSError as exc:
            print(f"linkmanager sim: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
            return 2
        try:
            ready = {
                "api_url": sim.api_url,
                "token_url": sim.token_url,
                "client_id": sim.client_id,
                "client_secret": sim.client_secret,
            }
            print(json.dumps(ready), flush=True)
            _tell_people(sim, args)
            while not stop.wait(0.5):
                pass
        finally:
            sim.stop()
        print("linkmanager sim: stopped", file=sys.stderr, flush=True)
        return 0
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _tell_people(sim: Simulator, args: argparse.Namespace) -> None:
    lines = [
        f"linkmanager sim: {sim.state.link_count()} links (seed {args.seed}) at {sim.api_url}/payment-links/v1",
        f"linkmanager sim: token endpoint {sim.token_url}, client id {sim.client_id}",
    ]
    if str(args.faults):
        lines.append(f"linkmanager sim: faults {args.faults}")
    if args.activity:
        lines.append(f"linkmanager sim: about {args.activity:g} simulated payments a minute")
    if args.host not in _LOOPBACK:
        lines.append(f"linkmanager sim: WARNING: listening on {args.host}, beyond this machine")
    lines.append(
        f"linkmanager sim: simulate a payment: POST {sim.api_url}/_sim/links/LINK_ID/pay "
        '{"outcome": "accepted"} (or "pending", "failed")'
    )
    lines.append("linkmanager sim: press Ctrl+C to stop")
    print("\n".join(lines), file=sys.stderr, flush=True)
