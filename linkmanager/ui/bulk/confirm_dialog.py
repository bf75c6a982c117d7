"""Confirming a bulk disable/enable: every link, what customers will see, what is skipped, and why.

One question for the whole selection, so the reason is asked once; it is checked here
(domain.reason.check_reason) before anything is sent, and a refused one is said in a sentence
under the field while the dialog stays open. Shown with open() (never exec), so tests drive it:
`confirm()` is what the confirm button does. Cancel is the default button, as in the
one-link question (ui.dialogs.confirm): Enter on a dialog that appears by surprise changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from linkmanager.domain.reason import MAX_REASON, ReasonRefused, check_reason
from linkmanager.domain.status import LinkStatus
from linkmanager.services.bulk_status import BulkPlan, skip_kind_text
from linkmanager.ui.bulk.link_list import STATUS, fill_items, make_link_list, set_cell

WIDTH = 640


def plain_label(text: str, parent: QWidget, name: str) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(name)
    return label


class BulkConfirmDialog(QDialog):
    """The question; `confirmed(reason)` once the person confirms with a usable reason."""

    confirmed = Signal(str)

    def __init__(self, parent: QWidget | None, plan: BulkPlan, *, reason_required: bool) -> None:
        super().__init__(parent)
        self.plan = plan
        self._required = reason_required
        disabling = plan.target == LinkStatus.DISABLED
        count = len(plan.to_change)
        self.setWindowTitle(self.tr("Disable links") if disabling else self.tr("Enable links"))
        if disabling:
            question = self.tr("Disable %n payment link(s)?", "", count)
            consequence = self.tr(
                "Customers opening these links will see an error page and cannot start new payments. "
                "Payments already made are not affected. You can enable each link again until it expires."
            )
        else:
            question = self.tr("Enable %n payment link(s)?", "", count)
            consequence = self.tr(
                "Customers can pay through these links again. You can disable them again at any time."
            )
        self.setAccessibleName(question)
        self.question_label = plain_label(question, self, self.tr("Question"))
        font = self.question_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.question_label.setFont(font)

        self.table = make_link_list(self, STATUS + 1, self.tr("Links"), [self.tr("Will be")])
        fill_items(self.table, plan.items)
        self._fill_plan_column()
        self.consequence_label = plain_label(consequence, self, self.tr("Consequence"))
        self.skipped_label = plain_label(self._skipped_text(), self, self.tr("Skipped links"))
        self.skipped_label.setVisible(bool(plan.skipped))

        if reason_required:
            words = self.tr("&Reason (required for production links):")
        else:
            words = self.tr("&Reason (optional, kept in the action journal):")
        self.reason_label = QLabel(words, self)
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(MAX_REASON)
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("For example: season over, price changed"))
        self.reason_label.setBuddy(self.reason)
        self.refusal_label = plain_label("", self, self.tr("Problem with the reason"))
        bold = self.refusal_label.font()
        bold.setBold(True)
        self.refusal_label.setFont(bold)
        self.refusal_label.setVisible(False)
        self.reason.textEdited.connect(lambda _: self.refusal_label.setVisible(False))

        self.buttons = QDialogButtonBox(self)
        if disabling:
            act = self.tr("Disable %n link(s)", "", count)
        else:
            act = self.tr("Enable %n link(s)", "", count)
        self.confirm_button = QPushButton(act, self)
        self.confirm_button.setEnabled(count > 0)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        for button in (self.confirm_button, self.cancel_button):
            button.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        self.confirm_button.clicked.connect(self.confirm)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.question_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.consequence_label)
        layout.addWidget(self.skipped_label)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.refusal_label)
        layout.addWidget(self.buttons)
        for before, after in ((self.table, self.reason), (self.reason, self.confirm_button)):
            QWidget.setTabOrder(before, after)
        QWidget.setTabOrder(self.confirm_button, self.cancel_button)
        self.resize(WIDTH, 480)
        self.reason.setFocus()

    def _fill_plan_column(self) -> None:
        """The last column: what will be done to each link, or why it is skipped."""
        disabling = self.plan.target == LinkStatus.DISABLED
        for row, item in enumerate(self.plan.items):
            if item.acts:
                text = self.tr("Disabled") if disabling else self.tr("Enabled")
            else:
                text = self.tr("Skipped: {why}").format(why=item.why)
            set_cell(self.table, row, STATUS + 1, text)
        self.table.resizeColumnToContents(STATUS + 1)

    def _skipped_text(self) -> str:
        skipped = len(self.plan.skipped)
        if not skipped:
            return ""
        reasons = ", ".join(
            skip_kind_text(kind, count, self.plan.target) for kind, count in self.plan.skip_counts().items()
        )
        if not self.plan.to_change:
            said = self.tr("Nothing to do: every link is skipped ({reasons}).")
            return said.format(reasons=reasons)
        said = self.tr("%n link(s) will be skipped and left as they are: {reasons}.", "", skipped)
        return said.format(reasons=reasons)

    def confirm(self) -> bool:
        """The confirm button: the reason checked first; a refused one is said and nothing is sent."""
        if not self.plan.to_change:
            return False
        try:
            reason = check_reason(self.reason.text(), self._required)
        except ReasonRefused as refused:
            self.refusal_label.setText(str(refused))
            self.refusal_label.setVisible(True)
            self.reason.setFocus()
            return False
        self.accept()
        self.confirmed.emit(reason)
        return True
