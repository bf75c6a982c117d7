"""Printing the QR codes of the selected links: the actions the window puts in its menu and toolbar.

"Print QR…" (Ctrl+P) opens the print preview (then the OS print dialog); "Save QR as PDF…"
writes the default template straight to a PDF. Both take the links selected in the table at
the moment they are triggered; neither blocks (dialogs are opened, never exec'd). A print that
ended well and every PDF written are announced (`printed`) for the print register; links that
will soon stop working are named, and asked about, before either.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QSettings, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from linkmanager.services.workspace import CachedLink

if TYPE_CHECKING:  # the sheets' choices and layouts load with the first print: not at the window's start
    from PySide6.QtWidgets import QMessageBox

    from linkmanager.services.print_batch import SheetChoice
    from linkmanager.ui.printing.preview import PrintPreview

logger = logging.getLogger(__name__)

# Translated where shown (PrintController.tr).
NOTHING_SELECTED = str(
    QT_TRANSLATE_NOOP("PrintController", "Select one or more links in the table to print their QR codes")
)
DISABLED_HINT = str(
    QT_TRANSLATE_NOOP(
        "PrintController",
        'To print disabled links marked DISABLED, use Print QR… and tick "Include disabled links".',
    )
)


class PrintController(QObject):
    """Owns "Print QR…" and "Save QR as PDF…" for the links `selected_links()` returns."""

    saved = Signal(str)  # a PDF was written (from the action or the preview's "Save as PDF…")
    printed = Signal(object)  # tuple[PrintRecord, ...]: a print that ended well, or a PDF written

    def __init__(
        self,
        selected_links: Callable[[], Sequence[CachedLink]],
        now: Callable[[], datetime],
        window: QWidget,
        *,
        tz: tzinfo | None = None,
        settings: QSettings | None = None,
    ) -> None:
        """`settings`: where the preview remembers the last template and options (None: nowhere)."""
        super().__init__(window)
        self._selected = selected_links
        self._now = now
        self._window = window
        self._tz = tz
        self._last_dir: str | None = None
        self._settings = settings
        self.preview: PrintPreview | None = None
        self.notice: QMessageBox | None = None  # the last message shown (tests read and close it)

        self.print_action = QAction(self.tr("&Print QR…"), window)
        self.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.print_action.triggered.connect(self.print_selected)
        self.pdf_action = QAction(self.tr("Save QR as P&DF…"), window)
        self.pdf_action.triggered.connect(self.save_selected_pdf)
        self.update_actions()

    def update_actions(self, *_: object) -> None:
        """Enable the actions when links are selected (connect the table's selectionChanged here)."""
        count = len(self._selected())
        tips = (
            (self.print_action, self.tr("Print the QR code(s) of the %Ln selected link(s)", "", count)),
            (self.pdf_action, self.tr("Save as PDF the QR code(s) of the %Ln selected link(s)", "", count)),
        )
        for action, tip in tips:
            action.setEnabled(count > 0)
            action.setToolTip(tip if count else self.tr(NOTHING_SELECTED))
            action.setStatusTip(action.toolTip())

    # -- print -----------------------------------------------------------------------------------------

    def print_selected(self) -> PrintPreview | None:
        """Open the preview for the selected links; a message instead when none can be printed."""
        links = list(self._selected())
        if not links:
            return None
        from linkmanager.services.print_batch import choose_links
        from linkmanager.ui.printing.choices import NOTICE_LINES, left_out_lines, left_out_text

        now = self._now()
        if not choose_links(links, now, include_disabled=True, tz=self._tz).items:
            choice = choose_links(links, now, tz=self._tz)
            self._inform(
                self.tr("Nothing to print"), left_out_text(choice, NOTICE_LINES), left_out_lines(choice)
            )
            return None
        from linkmanager.ui.printing.preview import PrintPreview  # Qt's print support, loaded on first use

        if self.preview is not None:
            self.preview.close()
            self.preview.deleteLater()
        self.preview = PrintPreview(links, now, self._window, tz=self._tz, settings=self._settings)
        self.preview.saved.connect(self.saved)
        self.preview.printed.connect(self.printed)
        self.preview.open()
        return self.preview

    # -- PDF -------------------------------------------------------------------------------------------

    def choose_pdf_path(self, default_name: str) -> str | None:
        """Ask where to save (tests replace this); None when the user cancels."""
        from PySide6.QtWidgets import QFileDialog

        from linkmanager.ui.printing.choices import pdf_filter

        folder = self._last_dir or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        path, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("Save QR codes as PDF"), str(Path(folder) / default_name), pdf_filter()
        )
        if not path:
            return None
        return path if path.lower().endswith(".pdf") else path + ".pdf"

    def save_selected_pdf(self) -> str | None:
        """The selected ACTIVE links on the default template (card for one, labels for several)."""
        links = list(self._selected())
        if not links:
            return None
        from linkmanager.services.print_batch import choose_links, print_warnings
        from linkmanager.ui.printing.choices import NOTICE_LINES, left_out_lines, left_out_text

        choice = choose_links(links, self._now(), tz=self._tz)
        has_disabled = any(out.kind == "disabled" for out in choice.left_out)
        hint = f"\n\n{self.tr(DISABLED_HINT)}" if has_disabled else ""
        if not choice.items:
            self._inform(
                self.tr("Nothing to save"), left_out_text(choice, NOTICE_LINES) + hint, left_out_lines(choice)
            )
            return None
        soon = print_warnings(choice.items, self._now(), self._tz)
        if soon:  # asked first: the save follows the answer
            from linkmanager.ui.printing.print_job import ask_to_go_on

            save = self.tr("Save anyway")
            self.notice, _ = ask_to_go_on(self._window, soon, save, lambda: self._save_pdf(choice, hint))
            return None
        return self._save_pdf(choice, hint)

    def _save_pdf(self, choice: SheetChoice, hint: str) -> str | None:
        from linkmanager.services.print_batch import sheet_layout
        from linkmanager.services.print_copies import print_records
        from linkmanager.ui.printing.choices import (
            NOTICE_LINES,
            TEMPLATES,
            default_template,
            left_out_lines,
            left_out_text,
            sheet_file_name,
        )

        _, template, paper = TEMPLATES[default_template(len(choice.items))]
        layout = sheet_layout(template, paper=paper)
        path = self.choose_pdf_path(sheet_file_name([item.link for item in choice.items], layout))
        if not path:
            return None
        from linkmanager.ui.printing.output import write_sheet_pdf

        try:
            write_sheet_pdf(path, layout, choice.items, tz=self._tz)
        except OSError as exc:  # PrintOutputError included
            logger.info("Could not save a PDF: %s", exc)
            text = self.tr("The PDF could not be saved to {path}:\n{error}").format(path=path, error=exc)
            self._inform(self.tr("PDF not saved"), text, warning=True)
            return None
        self._last_dir = str(Path(path).parent)
        if choice.left_out:
            saved = self.tr("Saved {path}.").format(path=path)
            self._inform(
                self.tr("Some links left out"),
                f"{saved}\n\n{left_out_text(choice, NOTICE_LINES)}{hint}",
                left_out_lines(choice),
            )
        where = str(Path(path).absolute())
        self.printed.emit(print_records(choice.items, layout, "pdf", where, datetime.now(UTC)))
        self.saved.emit(path)
        return path

    # -- helpers ---------------------------------------------------------------------------------------

    def _inform(
        self, title: str, text: str, details: list[str] | None = None, *, warning: bool = False
    ) -> None:
        """A message; `details`, when the text had to leave some lines out, under Show Details."""
        from PySide6.QtWidgets import QMessageBox

        from linkmanager.ui.printing.choices import NOTICE_LINES

        icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self._window)
        box.setTextFormat(Qt.TextFormat.PlainText)  # link names come from the server
        if details and len(details) > NOTICE_LINES:
            box.setDetailedText("\n".join(details))  # always plain text
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.notice = box
