"""Which links go on a printed sheet of QR codes, and which are left out, with the reason why.

The lifecycle decides what prints (product.md): ACTIVE links do; DISABLED ones only when the
user asks, and then with a DISABLED mark; EXPIRED, USED and unknown statuses never. The reasons
and the summary are for people (the window shows them translated; the command line in English).
services.print_batch lays the chosen links out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, tzinfo

from linkmanager.domain.i18n import Context, translate
from linkmanager.domain.lifecycle import effective_status, moment_text
from linkmanager.domain.models import PaymentLink
from linkmanager.domain.status import LinkStatus
from linkmanager.services.qr import QrError, qr_matrix
from linkmanager.storage.cache_model import CachedLink

PrintBatchCounts = Context("PrintBatchCounts")  # plurals: lupdate reads X.tr(text, "", n) as a plural

DISABLED_MARK = "DISABLED"
UNREADABLE = "no QR code"  # the summary's word for a link whose URL cannot be encoded


@dataclass(frozen=True, slots=True)
class SheetItem:
    link: PaymentLink
    mark: str | None = None  # DISABLED_MARK for a disabled link printed on request

    def __post_init__(self) -> None:
        # However an item is made, a link Lean reports as disabled never prints unmarked.
        if self.link.status == LinkStatus.DISABLED and not self.mark:
            object.__setattr__(self, "mark", DISABLED_MARK)


@dataclass(frozen=True, slots=True)
class LeftOut:
    link: PaymentLink
    kind: str  # "expired", "used", "disabled", an unknown status in lower case, or UNREADABLE
    reason: str  # for people: "expired on 30 Jun 2026 23:59 +04"


@dataclass(frozen=True, slots=True)
class SheetChoice:
    items: tuple[SheetItem, ...]
    left_out: tuple[LeftOut, ...]

    @property
    def summary(self) -> str:
        """ "3 links left out: 2 expired, 1 disabled", or "" when nothing was left out."""
        if not self.left_out:
            return ""
        counts = Counter(out.kind for out in self.left_out)
        parts = ", ".join(_count_of(kind, n) for kind, n in counts.items())
        total = len(self.left_out)
        return PrintBatchCounts.tr("%n link(s) left out: {kinds}", None, total).format(kinds=parts)


def _count_of(kind: str, n: int) -> str:
    """ "2 expired": how many links of one kind were left out."""
    if kind == "expired":
        return PrintBatchCounts.tr("%n expired", None, n)
    if kind == "used":
        return PrintBatchCounts.tr("%n used", None, n)
    if kind == "disabled":
        return PrintBatchCounts.tr("%n disabled", None, n)
    if kind == UNREADABLE:
        return PrintBatchCounts.tr("%n no QR code", None, n)
    return translate("PrintBatch", "{count} {status}").format(count=n, status=kind)


_KIND_ORDER = ("expired", "used", "disabled")


def choose_links(
    links: Iterable[CachedLink | PaymentLink],
    now: datetime,
    *,
    include_disabled: bool = False,
    ec: str = "M",
    tz: tzinfo | None = None,
) -> SheetChoice:
    """The links to print, in the order given, and those left out with the reason why (its times
    in `tz`, as domain.lifecycle.moment_text writes them; None, the default: the workstation's
    zone, as on the printed card, never UTC)."""
    items: list[SheetItem] = []
    left_out: list[LeftOut] = []
    for entry in links:
        link = entry.link if isinstance(entry, CachedLink) else entry
        status = effective_status(link, now)
        if status == LinkStatus.ACTIVE or (status == LinkStatus.DISABLED and include_disabled):
            try:
                qr_matrix(link.url, ec)
            except QrError as exc:
                why = translate("PrintBatch", "its URL cannot be a QR code: {error}").format(error=exc)
                left_out.append(LeftOut(link, UNREADABLE, why))
                continue
            items.append(SheetItem(link, DISABLED_MARK if status == LinkStatus.DISABLED else None))
        else:
            left_out.append(LeftOut(link, status.value.lower(), _reason(link, status, tz)))
    rank = {kind: i for i, kind in enumerate(_KIND_ORDER)}
    # Stable: the summary lists kinds in a fixed order, each link keeps its place within its kind.
    left_out.sort(key=lambda out: rank.get(out.kind, len(rank)))
    return SheetChoice(tuple(items), tuple(left_out))


def _reason(link: PaymentLink, status: LinkStatus, tz: tzinfo | None) -> str:
    if status == LinkStatus.EXPIRED:
        if link.expires_at is None:
            return translate("PrintBatch", "expired")
        return translate("PrintBatch", "expired on {when}").format(when=moment_text(link.expires_at, tz))
    if status == LinkStatus.USED:
        if (limit := link.max_usages) is not None:
            return PrintBatchCounts.tr("used: reached its limit of %Ln payment(s)", None, limit)
        return translate("PrintBatch", "used")
    if status == LinkStatus.DISABLED:
        return translate("PrintBatch", "disabled (it can be printed on request, marked DISABLED)")
    unknown = translate("PrintBatch", "Lean reports the status {status}, which LinkManager does not know")
    return unknown.format(status=repr(status.value))
