"""Copies of each link on a print, and how many pages they take: no Qt.

A label sheet is often printed for one or two links ("24 labels of this link"), and a sheet that
was used in part goes back into the printer (SheetLayout.start_at). The painter draws exactly the
items `with_copies` returns, at the positions SheetLayout.position gives them.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from datetime import datetime

from linkmanager.domain.i18n import translate
from linkmanager.services.print_choice import SheetItem
from linkmanager.services.print_layout import SheetLayout
from linkmanager.storage.print_register import PrintRecord, current_user

FILL = None  # copies=FILL: as many copies as share the free positions of one sheet
MAX_COPIES = 1000
MAX_CODES = 10_000  # codes in one print: 417 sheets of 24 labels, far past any counter's need


def fill_copies(count: int, layout: SheetLayout) -> list[int]:
    """How many copies each of `count` links gets to fill the free positions of one sheet
    (per_page - start_at + 1): the same number each, the remainder one more each for the first
    links, so the sheet is full and no link has more than one copy over another. At least one
    each: more links than free positions run onto the next pages."""
    free = layout.per_page - layout.start_at + 1
    each, spare = divmod(free, count)
    if each == 0:
        return [1] * count
    return [each + 1 if n < spare else each for n in range(count)]


def with_copies(items: Sequence[SheetItem], copies: int | None, layout: SheetLayout) -> tuple[SheetItem, ...]:
    """Each item `copies` times, in order (a, a, a, b, b, b); FILL (None): enough copies that the
    items fill one sheet (fill_copies). On cards and receipts a copy is a page. ValueError with
    one sentence for a number of copies outside 1 to 1000, or more than 10,000 codes in all."""
    if copies is not None and not 1 <= copies <= MAX_COPIES:
        raise ValueError(
            translate("PrintBatch", "Copies are 1 to {most} of each link; {asked} was asked.").format(
                most=f"{MAX_COPIES:,}", asked=copies
            )
        )
    if not items:
        return ()
    counts = fill_copies(len(items), layout) if copies is None else [copies] * len(items)
    if sum(counts) > MAX_CODES:
        raise ValueError(
            translate(
                "PrintBatch", "{count} codes is more than one print holds ({most}); print fewer copies."
            ).format(count=f"{sum(counts):,}", most=f"{MAX_CODES:,}")
        )
    return tuple(item for item, n in zip(items, counts, strict=True) for _ in range(n))


def pages_needed(count: int, layout: SheetLayout) -> int:
    """Pages that `count` codes take on `layout`, its first page starting at start_at."""
    if count <= 0:
        return 0
    return math.ceil((count + layout.start_at - 1) / layout.per_page)


def print_records(
    items: Sequence[SheetItem], layout: SheetLayout, kind: str, where: str, at: datetime, times: int = 1
) -> tuple[PrintRecord, ...]:
    """One register record a link of a print or a saved PDF: its copies on it (`times` over, the
    printer's own copies), in the order the links come."""
    counts = Counter(item.link.id for item in items)
    user = current_user()
    template = layout.template.value
    return tuple(
        PrintRecord(link_id, at, kind, template, n * times, where, user) for link_id, n in counts.items()
    )
