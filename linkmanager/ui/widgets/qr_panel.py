"""The QR code of the shown link, as the lifecycle allows: preview, save as PNG or SVG, copy the image.

ACTIVE links get a plain code; DISABLED ones get a code with a DISABLED band (in the preview and in
every copy), so a printed card cannot pass for a working one; EXPIRED and USED links get no code,
only the reason. The preview is rendered at the screen's device pixel ratio with a whole number of
pixels per module, so it is sharp on high-DPI screens and never blurred by scaling.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from linkmanager.domain.lifecycle import QrUse
from linkmanager.domain.models import PaymentLink
from linkmanager.services.workspace import PrintRecord, current_user
from linkmanager.ui.widgets.copy_field import COPIED_MS, plain_label

# services.qr and print_batch load with the first code shown (they are no part of the window's
# start), and qrcode with Pillow with the first code drawn.

logger = logging.getLogger(__name__)

PNG_FILTER = "PNG image (*.png)"  # in English; the save dialog shows its description translated
SVG_FILTER = "SVG image (*.svg)"
EXPORT_BOX = 16  # pixels per module in a saved or copied PNG: ~7 cm at 300 dpi for a typical link


def path_for_filter(path: str, chosen: str, default_name: str) -> str:
    """The file to write: the extension typed wins; with none typed, or the proposed name kept
    unchanged while the other format was chosen in the filter list, the filter decides."""
    wanted = ".svg" if chosen.endswith("(*.svg)") else ".png"  # the pattern: the words are translated
    suffix = Path(path).suffix.lower()
    if suffix not in (".png", ".svg"):
        return path + wanted
    if Path(path).name == default_name and suffix != wanted:
        return str(Path(path).with_suffix(wanted))
    return path


class QrPanel(QWidget):
    """Preview, "Save QR code" and "Copy QR image" for one link, or a note saying why there is none."""

    saved = Signal(str)  # the path written
    recorded = Signal(object)  # (PrintRecord,): the save, for the print register (copying is not recorded)
    PREVIEW = 176  # logical pixels the preview aims at

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._link: PaymentLink | None = None
        self._mark: str | None = None
        self._rendered: tuple[str, str | None, int, float] | None = None
        self._last_dir: str | None = None
        self._action_buttons: list[QToolButton] = []

        self.image_label = QLabel()
        self.image_label.setAccessibleName(self.tr("QR code"))
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.image_label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.note_label = plain_label()
        self.note_label.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save QR code…"))
        self.save_button.setAccessibleName(self.tr("Save QR code"))
        self.save_button.setToolTip(self.tr("Save the QR code as a PNG image or an SVG drawing for print"))
        self.save_button.clicked.connect(self.save_qr)
        self.copy_button = QPushButton(self.tr("Copy QR image"))
        self.copy_button.setAccessibleName(self.tr("Copy QR image"))
        self.copy_button.setToolTip(self.tr("Put the QR code on the clipboard as an image"))
        self.copy_button.clicked.connect(self.copy_image)
        self._copied = QTimer(self)
        self._copied.setSingleShot(True)
        self._copied.setInterval(COPIED_MS)
        self._copied.timeout.connect(self._restore_copy_text)

        buttons = QVBoxLayout()
        self._buttons = buttons
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.note_label)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.image_label, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(buttons, 1)

    # -- state -------------------------------------------------------------------------------------

    def add_action_button(self, action: QAction) -> QToolButton:
        """A button under Copy QR image for a window action (Print QR…): its text, tooltip and
        enabled state follow the action."""
        button = QToolButton()
        button.setDefaultAction(action)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
        self._buttons.insertWidget(self._buttons.indexOf(self.copy_button) + 1, button)
        self._action_buttons.append(button)
        return button

    def has_code(self) -> bool:
        """True when a code is shown: Save and Copy have something to give."""
        return self._link is not None

    def focus_order(self) -> list[QWidget]:
        """Save, Copy, then the window's buttons (Print QR…), as they stand: the Tab order."""
        return [self.save_button, self.copy_button, *self._action_buttons]

    def show_qr(self, link: PaymentLink | None, use: QrUse, refusal: str = "") -> None:
        """Offer the code as `use` allows; `refusal` says why not (shown when there is no code)."""
        from linkmanager.services.print_batch import DISABLED_MARK

        self._link = link if use != QrUse.REFUSED else None
        self._mark = DISABLED_MARK if use == QrUse.MARKED_DISABLED else None
        if link is None or use == QrUse.REFUSED:
            self._show_none(
                self.tr("No QR code. {reason}").format(reason=refusal).strip() if link is not None else ""
            )
            return
        if use == QrUse.MARKED_DISABLED:
            self.note_label.setText(
                self.tr(
                    "This link is disabled: customers who scan the code see an error page. "
                    "Saved and copied codes carry the DISABLED mark."
                )
            )
        else:
            self.note_label.setText(
                self.tr(
                    "Scans to the payment page. Saved codes keep a white margin; print at least 2 cm wide."
                )
            )
        self._render()

    def _show_none(self, note: str) -> None:
        self._link = None
        self._rendered = None
        self.image_label.clear()
        self.image_label.hide()
        self.save_button.hide()
        self.copy_button.hide()
        self.note_label.setText(note)

    def _render(self) -> None:
        link = self._link
        if link is None:
            return
        from linkmanager.services.qr import QrError, module_count, qr_png

        ratio = self.devicePixelRatioF()
        try:
            box = max(2, round(self.PREVIEW * ratio / module_count(link.url)))
            key = (link.url, self._mark, box, ratio)
            if key != self._rendered:
                image = QImage.fromData(qr_png(link.url, box_size=box, mark=self._mark))
                pixmap = QPixmap.fromImage(image)
                pixmap.setDevicePixelRatio(ratio)
                self.image_label.setPixmap(pixmap)
                self._rendered = key
        except QrError as exc:
            self._show_none(self.tr("No QR code: {reason}.").format(reason=exc))
            return
        self.image_label.show()
        self.save_button.show()
        self.copy_button.show()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DevicePixelRatioChange:  # moved to a screen of another density
            self._render()
        return super().event(event)

    # -- actions -----------------------------------------------------------------------------------

    def copy_image(self) -> None:
        if self._link is None:
            return
        from linkmanager.services.qr import qr_png

        data = qr_png(self._link.url, box_size=EXPORT_BOX, mark=self._mark)
        QGuiApplication.clipboard().setImage(QImage.fromData(data))
        self.copy_button.setText(self.tr("Copied"))
        self._copied.start()

    def _restore_copy_text(self) -> None:
        self.copy_button.setText(self.tr("Copy QR image"))

    def choose_save_path(self, default_name: str) -> str | None:
        """Ask where to save (tests replace this); None when the user cancels."""
        from PySide6.QtWidgets import QFileDialog

        folder = self._last_dir or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.PicturesLocation
        )
        filters = self.tr("PNG image") + " (*.png);;" + self.tr("SVG image") + " (*.svg)"
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Save QR code"), str(Path(folder) / default_name), filters
        )
        return path_for_filter(path, chosen, default_name) if path else None

    def save_qr(self) -> None:
        link = self._link
        if link is None:
            return
        from linkmanager.services.qr import QrError, default_file_name, qr_png, qr_svg

        path = self.choose_save_path(default_file_name(link, "-qr.png"))
        if not path:
            return
        try:
            if Path(path).suffix.lower() == ".svg":
                data = qr_svg(link.url, mark=self._mark)
            else:
                data = qr_png(link.url, box_size=EXPORT_BOX, mark=self._mark)
            Path(path).write_bytes(data)
        except (OSError, QrError) as exc:
            logger.info("Could not save a QR code: %s", exc)
            from PySide6.QtWidgets import QMessageBox

            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("QR code not saved"),
                self.tr("The QR code could not be saved to {path}:\n{reason}").format(path=path, reason=exc),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.open()
            return
        self._last_dir = str(Path(path).parent)
        self.saved.emit(path)
        kind = Path(path).suffix.lower().lstrip(".") or "png"
        self.recorded.emit(
            (
                PrintRecord(
                    link.id, datetime.now(UTC), "qr_file", kind, 1, str(Path(path).absolute()), current_user()
                ),
            )
        )
