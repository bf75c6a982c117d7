"""What the print register says about one link, in the window's words.

"QR printed 3 times, last 12 May" under the detail pane's code (the count is of items: 24 labels
of one sheet are 24), the first and last time and where in its tooltip; and the sentence the
Disable confirmation adds for a link whose code is on paper somewhere.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

import babel.dates
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget

from linkmanager.domain import display
from linkmanager.domain.i18n import Context
from linkmanager.domain.lifecycle import moment_text
from linkmanager.domain.models import ensure_utc
from linkmanager.services.workspace import PrintSummary
from linkmanager.ui.text import plain_tooltip

_CONTEXT = "PrintNote"
# Plurals: Context.tr says the English forms even where the translations do not hold them yet.
PrintNoteCounts = Context("PrintNoteCounts")


def short_date(moment: datetime, now: datetime, tz: tzinfo | None) -> str:
    """ "12 May" in the workstation's zone (`tz` None), "12 May 2025" for another year than now's."""
    local = ensure_utc(moment).astimezone(tz)
    pattern = "d MMM" if local.year == ensure_utc(now).astimezone(tz).year else "d MMM y"
    return display.digits(babel.dates.format_date(local, pattern, locale=display.babel_locale()))


def kind_text(kind: str) -> str:
    if kind == "pdf":
        return QCoreApplication.translate(_CONTEXT, "saved as a PDF")
    if kind == "qr_file":
        return QCoreApplication.translate(_CONTEXT, "saved as an image")
    return QCoreApplication.translate(_CONTEXT, "printed")


def prints_text(summary: PrintSummary, now: datetime, tz: tzinfo | None) -> tuple[str, str]:
    """(the line, its tooltip); ("", "") for a link never printed."""
    if summary.count <= 0 or summary.first_at is None or summary.last_at is None:
        return "", ""
    line = PrintNoteCounts.tr("QR printed %Ln time(s), last {date}", "", summary.count)
    tip = PrintNoteCounts.tr(
        "First: {first}\nLast: {last}, {how}: {where}\n%Ln print job(s) and saved file(s) in all.", "",
        summary.times,
    )  # fmt: skip
    return (
        line.format(date=short_date(summary.last_at, now, tz)),
        tip.format(
            first=moment_text(summary.first_at, tz),
            last=moment_text(summary.last_at, tz),
            how=kind_text(summary.last_kind),
            where=display.left_to_right(summary.last_where),
        ),
    )


def printed_warning(summary: PrintSummary | None, now: datetime, tz: tzinfo | None) -> str:
    """The Disable confirmation's sentence for a printed code; "" when it never was."""
    if summary is None or summary.count <= 0 or summary.first_at is None:
        return ""
    said = PrintNoteCounts.tr(
        "Its QR code is on %Ln printed item(s) since {date} — customers who scan them will see an error page.",
        "",
        summary.count,
    )
    return said.format(date=short_date(summary.first_at, now, tz))


class PrintNoteLabel(QLabel):
    """The detail pane's line about the print register: plain text, hidden when there is nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # secondary, as copy_field.muted
        self.setWordWrap(True)
        self.setAccessibleName(QCoreApplication.translate(_CONTEXT, "Prints of this QR code"))
        self.hide()

    def show_summary(
        self, summary: PrintSummary | None, now: datetime, tz: tzinfo | None, error: str = ""
    ) -> None:
        """`summary` (None: not read yet); `error`: the register could not be read, and why."""
        if error:
            text, tip = QCoreApplication.translate(_CONTEXT, "The print register could not be read."), error
        elif summary is None:
            text, tip = "", ""
        else:
            text, tip = prints_text(summary, now, tz)
        self.setText(text)
        self.setToolTip(plain_tooltip(tip))
        self.setVisible(bool(text))
