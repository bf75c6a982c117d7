"""`Simulator`: a Lean Payment Links server on loopback, for demo mode, tests and benchmarks.

It imports nothing from `linkmanager.api`: the client is tested against the contract as this
server reads it, not against itself.
"""

from __future__ import annotations

import ipaddress
import logging
import random
import secrets
import threading
import uuid
from collections import Counter
from collections.abc import Iterable
from types import TracebackType
from typing import Any

from linkmanager.simulator.activity import PayerActivity
from linkmanager.simulator.auth import TokenIssuer
from linkmanager.simulator.clock import SimClock
from linkmanager.simulator.faults import FaultInjector, FaultSpec
from linkmanager.simulator.payer import PAY_PATH_PREFIX, OnDemandPayer
from linkmanager.simulator.routes import LINKS_PATH, TOKEN_PATH, ApiApp
from linkmanager.simulator.seed import seed_store
from linkmanager.simulator.server import SimHTTPServer
from linkmanager.simulator.state import Store
from linkmanager.simulator.validation import RedirectAllowList

__all__ = ["Simulator"]

logger = logging.getLogger(__name__)


class Simulator:
    """Seeded store + HTTP server + optional simulated payers; start() serves in a daemon thread.

    Links created without a redirect_url answer with the first entry of `redirect_allow_list`
    (the application's default registered redirect URL): the contract marks redirect_url as a
    required string in every PaymentLinkResponse.
    """

    def __init__(
        self,
        seed: int = 7,
        links: int = 60,
        latency_ms: int = 0,
        faults: FaultSpec | str | None = None,
        activity_per_minute: float = 0.0,
        host: str = "127.0.0.1",
        port: int = 0,
        token_ttl_seconds: int = 3599,
        client_id: str | None = None,
        client_secret: str | None = None,
        redirect_allow_list: Iterable[str] | None = None,
    ) -> None:
        if latency_ms < 0:
            raise ValueError("latency_ms must be 0 or more")
        self.seed = seed
        self.host = host
        self.port = port
        self.clock = SimClock()
        self.state = Store(self.clock.now, RedirectAllowList(redirect_allow_list))
        seed_store(self.state, seed=seed, links=links, now=self.clock.now())
        # A stable id per seed (like the one Lean's dashboard shows); the secret is new every run.
        self.client_id = client_id or str(
            uuid.UUID(int=random.Random(f"client-{seed}").getrandbits(128), version=4)
        )
        self.client_secret = client_secret or secrets.token_urlsafe(24)
        self._tokens = TokenIssuer(self.clock.now, self.client_id, self.client_secret, token_ttl_seconds)
        self.payer = OnDemandPayer(self.state, seed=seed + 2)
        self._app = ApiApp(self.clock, self.state, self._tokens, self.payer)
        spec = FaultSpec.parse(faults) if isinstance(faults, str) else faults
        self.faults = FaultInjector(spec, seed=seed)
        self.activity = PayerActivity(self.state, activity_per_minute, seed=seed + 1)
        self.requests: Counter[tuple[str, str]] = Counter()
        self._count_lock = threading.Lock()
        self._latency_ms = latency_ms
        self._server: SimHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()

    # -- lifecycle ------------------------------------------------------------------------------

    def start(self) -> Simulator:
        """Bind (port 0 = any free port) and serve in a daemon thread; idempotent."""
        if self._server is not None:
            return self
        self._stopping.clear()
        self._server = SimHTTPServer(
            (self.host, self.port), self._app, self.faults, self._count, self._latency_ms, self._stopping
        )
        self._thread = threading.Thread(
            target=self._server.serve_until_stopped, name="simulator-http", daemon=True
        )
        self._thread.start()
        self.activity.start()
        logger.info("simulator serving %d links at %s", self.state.link_count(), self.api_url)
        return self

    def stop(self) -> None:
        """Stop payers and server and cut open keep-alive connections; idempotent."""
        self.activity.stop()
        server, thread = self._server, self._thread
        if server is None:
            return
        self._stopping.set()
        server.wake()
        if thread is not None:
            thread.join(timeout=5)
        server.close_connections()
        server.server_close()
        self._server = self._thread = None
        logger.info("simulator stopped")

    def __enter__(self) -> Simulator:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # -- addresses ------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """Where clients connect: loopback when bound to every address (0.0.0.0 or ::)."""
        if self._server is None:
            raise RuntimeError("the simulator is not running; call start() first")
        port = self._server.server_address[1]
        host = _advertised_host(self.host)
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{port}"

    @property
    def api_url(self) -> str:
        """The API base; the operations live under /payment-links/v1."""
        return self.base_url

    @property
    def token_url(self) -> str:
        return self.base_url + TOKEN_PATH

    @property
    def links_url(self) -> str:
        return self.base_url + LINKS_PATH

    # -- knobs for tests and demos --------------------------------------------------------------

    @property
    def token_ttl_seconds(self) -> int:
        return self._tokens.ttl_seconds

    @token_ttl_seconds.setter
    def token_ttl_seconds(self, value: int) -> None:
        """Applies to tokens granted from now on."""
        self._tokens.ttl_seconds = value

    @property
    def patch_allowed(self) -> bool:
        return self._app.patch_allowed

    @patch_allowed.setter
    def patch_allowed(self, value: bool) -> None:
        """False answers PATCH with 405 INVALID_HTTP_METHOD, as a spec-only (PUT) server would."""
        self._app.patch_allowed = value

    @property
    def latency_ms(self) -> int:
        return self._latency_ms

    @latency_ms.setter
    def latency_ms(self, value: int) -> None:
        if value < 0:
            raise ValueError("latency_ms must be 0 or more")
        self._latency_ms = value
        if self._server is not None:
            self._server.latency_ms = value

    def pay(self, link_id: str, outcome: str) -> dict[str, Any]:
        """A payer on demand, as `POST /_sim/links/{link_id}/pay` does (payer.py): the new usage in
        Lean's wire form. `outcome` is "accepted", "pending" or "failed". Raises ApiError (its
        `http_status` says which): 404 unknown link, 409 a link that cannot take a payment now
        (not ACTIVE, expired, or max_usages reached), 400 an unknown outcome."""
        return self.payer.pay(link_id, outcome)

    @property
    def pay_url_prefix(self) -> str:
        """`{pay_url_prefix}{link_id}/pay` is where to POST a simulated payment."""
        return self.base_url + PAY_PATH_PREFIX

    def revoke_tokens(self) -> None:
        """Every token granted so far answers 401 from now on."""
        self._tokens.revoke_all()

    def override_next(
        self,
        method: str | None,
        path_prefix: str,
        status: int,
        body: bytes,
        headers: dict[str, str] | None = None,
        count: int = 1,
    ) -> None:
        """Answer the next `count` requests matching method and path prefix with these raw bytes."""
        self.faults.override(method, path_prefix, status, body, headers, count)

    def _count(self, method: str, route_name: str) -> None:
        with self._count_lock:
            self.requests[(method, route_name)] += 1


def _advertised_host(host: str) -> str:
    """The host clients should connect to: loopback of the same family for a wildcard bind."""
    # 0.0.0.0 and :: are not addresses to connect to, and clients refuse plain http to any
    # host but loopback.
    if host == "":
        return "127.0.0.1"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host  # a host name, e.g. localhost
    if address.is_unspecified:
        return "::1" if address.version == 6 else "127.0.0.1"
    return host
