"""The link watcher's rules that need no state: what to keep of an answer, how long to back off,
and the sentences it says. Qt-free; the sentences go through domain.i18n.translate."""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable

from linkmanager.api.errors import (
    AuthenticationError,
    LeanError,
    LeanTransportError,
    RateLimitedError,
    ServerError,
)
from linkmanager.domain.i18n import translate
from linkmanager.domain.models import Page, PaymentLink, Usage
from linkmanager.domain.status import LinkStatus

logger = logging.getLogger(__name__)

MIN_INTERVAL = 1.0  # never faster: Lean publishes no rate limits, and a counter needs no more
DEFAULT_INTERVAL = 2.0  # a payment shows within about 3 s of Lean's answer changing
LINK_INTERVAL = 10.0  # the link itself (status, expiry, current_usages)
MAX_BACKOFF = 30.0  # errors double the wait up to this
MAX_RETRY_AFTER = 300.0  # a Retry-After beyond this is waited for this long, then asked again
CATCH_UP_PAGES = 3  # pages of 100 read when several usages arrived between two polls
PENDING_REREADS = 3  # unsettled usages re-read each round, newest first


def check_interval(value: float, what: str = "interval") -> float:
    """`value` as seconds between polls; ValueError (one sentence) when not a number of at least 1."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"The watch {what} must be a number of seconds, not {value!r}.")
    if value < MIN_INTERVAL:
        raise ValueError(f"The watch {what} must be at least {MIN_INTERVAL:g} second, not {value:g}.")
    return float(value)


def own_usages(page: Page[Usage], link_id: str, size: int) -> list[Usage]:
    """The page's usages that can be trusted, in Lean's order: a page bigger than asked is cut to
    `size`, a usage naming another link is left out, and a malformed one (set aside by the
    lenient parser) costs that record only."""
    for bad in page.rejected[:5]:
        logger.warning("Watching %s: Lean sent a malformed usage (%s); it was left out", link_id, bad.problem)
    kept: list[Usage] = []
    for usage in page.items[:size]:
        if usage.payment_link_id != link_id:
            logger.warning(
                "Watching %s: Lean listed usage %s of another link (%s); it was left out",
                link_id,
                usage.usage_id,
                usage.payment_link_id,
            )
            continue
        kept.append(usage)
    return kept


def backoff_after(error: LeanError, previous: float, interval: float) -> float:
    """Seconds to wait after a failed round: Lean's Retry-After when it gave one (at most
    MAX_RETRY_AFTER), else double the previous wait (the interval the first time), up to MAX_BACKOFF."""
    if isinstance(error, RateLimitedError) and error.retry_after is not None:
        return min(max(float(error.retry_after), interval), MAX_RETRY_AFTER)
    return min(max(previous, interval) * 2, max(MAX_BACKOFF, interval))


def unreachable_message(error: LeanError, delay: float) -> str:
    """One sentence: what went wrong talking to Lean, and what happens next."""
    seconds = max(1, round(delay))
    if isinstance(error, RateLimitedError):
        text = translate("Watch", "Lean is limiting requests; checking again in {seconds} s.")
    elif isinstance(error, AuthenticationError):
        text = translate(
            "Watch", "Lean refused this profile's credentials; check them, checking again in {seconds} s."
        )
    elif isinstance(error, LeanTransportError | ServerError):
        text = translate(
            "Watch",
            "Lean cannot be reached; checking again in {seconds} s, and payments made meanwhile show "
            "when it answers.",
        )
    else:
        text = translate("Watch", "Lean's answer could not be read; checking again in {seconds} s.")
    return text.format(seconds=seconds)


def reachable_message() -> str:
    return translate("Watch", "Lean answers again; watching for payments.")


def unknown_link_message(link_id: str) -> str:
    return translate("Watch", "Lean has no payment link {link_id}; check the id.").format(link_id=link_id)


def terminal_message(link: PaymentLink, status: LinkStatus) -> str:
    """Why a USED or EXPIRED link cannot be watched, in one sentence."""
    if status == LinkStatus.USED:
        text = translate("Watch", "Link {name} is used up and cannot take payments; create a new link.")
    else:
        text = translate("Watch", "Link {name} has expired and cannot take payments; create a new link.")
    return text.format(name=link.display_name)


def newest_first(new: Iterable[Usage], known: dict[str, Usage]) -> dict[str, Usage]:
    """`known` with the `new` usages (given newest first) in front, as Lean lists them."""
    merged = {u.usage_id: u for u in new}
    merged.update((i, u) for i, u in known.items() if i not in merged)
    return merged
