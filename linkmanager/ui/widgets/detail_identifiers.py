"""The detail pane's "Asked of the payer" grid: each identifier the link asks for, as Lean holds it.

Its words stay in the pane's translation context ("DetailPane"), where they were first written.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QGridLayout

from linkmanager.domain.i18n import Context
from linkmanager.domain.models import IdentifierConfig
from linkmanager.ui.widgets.copy_field import EMPTY, identifier_text, muted, plain_label

DetailPane = Context("DetailPane")  # plurals: lupdate reads X.tr(text, "", n) as a plural


def show_identifiers(grid: QGridLayout, identifiers: Sequence[IdentifierConfig]) -> None:
    """Empty `grid`, then fill it: a header and a row per identifier, or a note that there are none."""
    while grid.count():
        item = grid.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()  # at once: deleteLater waits for the event loop
            widget.deleteLater()
    if not identifiers:
        note = DetailPane.tr("Nothing: payers go straight to payment.")
        grid.addWidget(muted(plain_label(note)), 0, 0)
        return
    header = (
        DetailPane.tr("Field"),
        DetailPane.tr("Label shown"),
        DetailPane.tr("Required"),
        DetailPane.tr("Limit"),
    )
    for col, text in enumerate(header):
        grid.addWidget(muted(plain_label(text)), 0, col)
    for row, config in enumerate(identifiers, start=1):
        cells = (
            identifier_text(config.type),
            config.display_label or EMPTY,
            DetailPane.tr("Yes") if config.required else DetailPane.tr("No"),
            DetailPane.tr("%Ln character(s)", "", config.limit) if config.limit is not None else EMPTY,
        )
        for col, text in enumerate(cells):
            grid.addWidget(plain_label(text, selectable=col == 1), row, col)
    grid.setColumnStretch(1, 1)
