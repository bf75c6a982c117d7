"""Confirming a status change: what happens to customers, and the way back.

A small QDialog rather than QMessageBox, because QMessageBox's informative text guesses rich
text and the link's name comes from the server. Cancel is the default button: Enter or Esc
on a dialog that appears by surprise changes nothing.

The reason for the change (a short line kept in the action journal) is asked for here: required to
disable a production link, optional otherwise. An unusable reason is refused in the dialog, with
domain.reason's sentence, before anything is sent.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from linkmanager.domain import PaymentLink, format_money
from linkmanager.domain.lifecycle import enable_deadline_text
from linkmanager.domain.reason import MAX_REASON, ReasonRefused, check_reason
from linkmanager.domain.status import LinkStatus
from linkmanager.services.workspace import PrintSummary
from linkmanager.ui.widgets.print_note import printed_warning

WIDTH = 460


def _local_zone(link: PaymentLink) -> tzinfo | None:
    """The system zone as it will be at the link's expiry (its DST offset, not today's)."""
    if link.expires_at is None:
        return None
    return link.expires_at.astimezone().tzinfo


def consequence_text(link: PaymentLink, target: LinkStatus, tz: tzinfo | None = None) -> tuple[str, str]:
    """(question, consequence and way back) for moving `link` to `target`; times in `tz`
    (None: the system's local zone)."""
    if target == LinkStatus.DISABLED:
        zone = tz or _local_zone(link)
        way_back = enable_deadline_text(link, zone) if zone is not None else enable_deadline_text(link)
        question = QCoreApplication.translate("Confirm", "Disable this payment link?")
        consequence = QCoreApplication.translate(
            "Confirm", "Customers will see an error page and cannot start new payments. {way_back}"
        )
        return question, consequence.format(way_back=way_back)
    if target == LinkStatus.ACTIVE:
        question = QCoreApplication.translate("Confirm", "Enable this payment link?")
        consequence = QCoreApplication.translate(
            "Confirm", "Customers can pay through this link again. You can disable it again at any time."
        )
        return question, consequence
    raise ValueError(f"Only disabling and enabling are confirmed here, not {target.value}")


def _plain_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ConfirmStatusDialog(QDialog):
    """Question, the link it is about, the consequence and the way back; Cancel by default."""

    def __init__(
        self,
        parent: QWidget | None,
        link: PaymentLink,
        target: LinkStatus,
        tz: tzinfo | None = None,
        printed: PrintSummary | None = None,
        *,
        reason_required: bool = False,
    ) -> None:
        """`printed`: what the print register holds for the link; disabling a printed code says
        that the printed items stop working. `reason_required`: Workspace.reason_required."""
        super().__init__(parent)
        self.reason = ""  # the reason given, checked, once accepted
        self._reason_required = reason_required
        question, consequence = consequence_text(link, target, tz)
        disabling = target == LinkStatus.DISABLED
        self.setWindowTitle(self.tr("Disable link") if disabling else self.tr("Enable link"))
        self.setModal(True)
        self.setAccessibleName(question)

        icon = QLabel(self)
        kind = (
            QStyle.StandardPixmap.SP_MessageBoxWarning
            if disabling
            else QStyle.StandardPixmap.SP_MessageBoxQuestion
        )
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize, None, self)
        icon.setPixmap(self.style().standardIcon(kind, None, self).pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.question_label = _plain_label(question, self)
        font = self.question_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.question_label.setFont(font)
        name = link.display_name or link.id
        self.link_label = _plain_label(name, self)
        self.link_label.setAccessibleName(self.tr("Link"))
        # Left in this left-to-right window even for an Arabic name, so it lines up with the rest.
        self.link_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
        font = self.link_label.font()
        font.setBold(True)
        self.link_label.setFont(font)
        details = self.tr("{amount} · Link ID {id}").format(amount=format_money(link.amount), id=link.id)
        self.details_label = _plain_label(details, self)
        self.details_label.setAccessibleName(self.tr("Amount and link ID"))
        self.consequence_label = _plain_label(consequence, self)
        self.consequence_label.setAccessibleName(self.tr("Consequence"))
        on_paper = printed_warning(printed, datetime.now(UTC), tz) if disabling else ""
        self.printed_label = _plain_label(on_paper, self)
        self.printed_label.setAccessibleName(self.tr("Printed QR codes"))
        self.printed_label.setVisible(bool(on_paper))
        self._build_reason(reason_required)

        self.buttons = QDialogButtonBox(self)
        self.confirm_button = QPushButton(
            self.tr("Disable link") if disabling else self.tr("Enable link"), self
        )
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        for button in (self.confirm_button, self.cancel_button):
            button.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        QWidget.setTabOrder(self.reason_edit, self.confirm_button)
        QWidget.setTabOrder(self.confirm_button, self.cancel_button)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        text = QVBoxLayout()
        text.addWidget(self.question_label)
        text.addWidget(self.link_label)
        text.addWidget(self.details_label)
        text.addSpacing(6)
        text.addWidget(self.consequence_label)
        text.addWidget(self.printed_label)
        text.addSpacing(6)
        text.addWidget(self.reason_label)
        text.addWidget(self.reason_edit)
        text.addWidget(self.reason_problem)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(WIDTH)
        layout.activate()
        self.resize(WIDTH, layout.totalHeightForWidth(WIDTH))  # as tall as the wrapped text, no taller
        # A reason to write: the cursor is there. Otherwise Cancel, as on any surprise question.
        (self.reason_edit if reason_required else self.cancel_button).setFocus()

    def _build_reason(self, required: bool) -> None:
        """The reason's label (our own text: Alt+R takes the cursor there), line and complaint; worded
        as in the bulk confirmation (ui.bulk.confirm_dialog)."""
        if required:
            words = self.tr("&Reason (required for production links):")
        else:
            words = self.tr("&Reason (optional, kept in the action journal):")
        self.reason_label = QLabel(words, self)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setMaxLength(MAX_REASON)
        self.reason_edit.setAccessibleName(self.tr("Reason"))
        self.reason_edit.setPlaceholderText(self.tr("For example: customer asked, price changed"))
        self.reason_label.setBuddy(self.reason_edit)
        self.reason_edit.textEdited.connect(self._on_reason_edited)
        self.reason_problem = _plain_label("", self)
        self.reason_problem.setAccessibleName(self.tr("Problem with the reason"))
        self.reason_problem.hide()

    def _on_reason_edited(self, _text: str) -> None:
        self.reason_problem.hide()

    def accept(self) -> None:
        """Only with a usable reason: otherwise say why (domain.reason's sentence) and stay open."""
        try:
            self.reason = check_reason(self.reason_edit.text(), self._reason_required)
        except ReasonRefused as refused:
            self.reason_problem.setText(str(refused))
            self.reason_problem.show()
            self.reason_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()


def ask_status_change(
    parent: QWidget | None,
    link: PaymentLink,
    target: LinkStatus,
    tz: tzinfo | None = None,
    printed: PrintSummary | None = None,
    *,
    reason_required: bool = False,
) -> str | None:
    """Ask before disabling or enabling `link`: the reason given ("" for none, checked by
    domain.reason), or None when the user kept the link as it is."""
    dialog = ConfirmStatusDialog(parent, link, target, tz, printed, reason_required=reason_required)
    try:
        return dialog.reason if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def confirm_status_change(
    parent: QWidget | None,
    link: PaymentLink,
    target: LinkStatus,
    tz: tzinfo | None = None,
    printed: PrintSummary | None = None,
) -> bool:
    """Ask before disabling or enabling `link` (no reason required); True only when the user chose the
    change."""
    return ask_status_change(parent, link, target, tz, printed) is not None
