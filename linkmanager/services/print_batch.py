"""What goes on a printed sheet of QR codes, and where each thing sits on it: no Qt.

The lifecycle decides what prints (product.md): ACTIVE links do; DISABLED ones only when the
user asks, and then with a DISABLED mark; EXPIRED, USED and unknown statuses never. The painter
(ui/printing) draws exactly what `choose_links` returns, in the order given, at the places
`SheetLayout.place` computes in millimetres, so what is validated here is what gets printed.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from linkmanager.domain.i18n import translate

# The layouts (services.print_layout), choosing the links (services.print_choice), copies
# (services.print_copies) and the warnings before printing (services.print_warnings) are part of
# this module's face: the painter, the preview and the command line import them from here.
from linkmanager.services.print_choice import DISABLED_MARK as DISABLED_MARK
from linkmanager.services.print_choice import UNREADABLE as UNREADABLE
from linkmanager.services.print_choice import LeftOut as LeftOut
from linkmanager.services.print_choice import SheetChoice as SheetChoice
from linkmanager.services.print_choice import SheetItem as SheetItem
from linkmanager.services.print_choice import choose_links as choose_links
from linkmanager.services.print_copies import FILL as FILL
from linkmanager.services.print_copies import MAX_COPIES as MAX_COPIES
from linkmanager.services.print_copies import fill_copies as fill_copies
from linkmanager.services.print_copies import pages_needed as pages_needed
from linkmanager.services.print_copies import with_copies as with_copies
from linkmanager.services.print_layout import PAPERS as PAPERS
from linkmanager.services.print_layout import RECEIPT58_PAPER as RECEIPT58_PAPER
from linkmanager.services.print_layout import RECEIPT_PAPER as RECEIPT_PAPER
from linkmanager.services.print_layout import ROLLS as ROLLS
from linkmanager.services.print_layout import Box as Box
from linkmanager.services.print_layout import LayoutError as LayoutError
from linkmanager.services.print_layout import Paper as Paper
from linkmanager.services.print_layout import Row as Row
from linkmanager.services.print_layout import SheetLayout as SheetLayout
from linkmanager.services.print_layout import Template as Template
from linkmanager.services.print_layout import plain_line as plain_line
from linkmanager.services.print_layout import sheet_layout as sheet_layout
from linkmanager.services.print_warnings import print_warnings as print_warnings
from linkmanager.services.qr import QUIET_ZONE, qr_matrix

MIN_MODULE_MM = 0.33  # smaller modules are unreliable for phone cameras (common print guidance)


def module_warning(
    name: str, url: str, width_mm: float, ec: str = "M", *, quiet_zone_included: bool = True
) -> str | None:
    """A sentence when a code `width_mm` wide (its quiet zone included, or not: a layout's qr_mm
    is the code itself) has modules too small for a phone to read (its URL is long); None when
    it will scan."""
    modules = len(qr_matrix(url, ec)) + (2 * QUIET_ZONE if quiet_zone_included else 0)
    size = width_mm / modules
    if size >= MIN_MODULE_MM:
        return None
    needed = math.ceil(modules * MIN_MODULE_MM)
    return translate(
        "PrintBatch",
        "{name}: its long URL makes modules of {size} mm, which phones may not read; print the code at least "
        "{needed} mm wide.",
    ).format(name=name, size=f"{size:.2f}", needed=needed)


def scan_warnings(items: Iterable[SheetItem], layout: SheetLayout) -> list[str]:
    """Links whose code would be printed with modules too small for a phone to read (once a
    link, however many copies)."""
    links = {item.link.id: item.link for item in items}  # in order, one a link
    found = (
        module_warning(
            plain_line(link.display_name) or link.id,
            link.url,
            layout.qr_mm,
            layout.ec,
            quiet_zone_included=False,
        )
        for link in links.values()
    )
    return [warning for warning in found if warning]
