"""What can be done to the link the detail pane shows, as buttons and as QActions.

The Disable/Enable button says what it would do (or why not); the same state drives the
window's menu entries and shortcuts (Disable/Enable, Copy link URL, Copy link ID, Save and Copy
QR), so a key never offers what the button refuses. The actions sit in one group: the window
turns them off while the Payments view hides the pane. `focus_order` is the pane's part of the
window's Tab order: its controls, top to bottom.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QAbstractButton, QPushButton, QWidget

from linkmanager.domain.lifecycle import check_status_change, enable_deadline_text, toggle_target
from linkmanager.domain.models import PaymentLink
from linkmanager.domain.status import LinkStatus
from linkmanager.ui.widgets.copy_field import plain_tooltip

if TYPE_CHECKING:
    from linkmanager.ui.widgets.detail_pane import DetailPane


class DetailActions(QObject):
    """The detail pane's Disable/Enable state and its actions (see the module docstring)."""

    def __init__(self, pane: DetailPane, toggle_button: QPushButton) -> None:
        super().__init__(pane)
        self._pane = pane
        self.toggle_button = toggle_button
        self.toggle_to: LinkStatus | None = None  # what the button would do now; None: nothing
        self.head_buttons: list[QAbstractButton] = []  # Duplicate as new link… (the window's)
        self.group = QActionGroup(self)
        self.group.setExclusionPolicy(QActionGroup.ExclusionPolicy.None_)
        self.toggle = self._action(self.tr("&Disable link"), pane.request_toggle)
        self.copy_url = self._action(self.tr("Copy link &URL"), pane.url_field.copy)
        self.copy_id = self._action(self.tr("Copy link &ID"), pane.link_id_field.copy)
        self.save_qr = self._action(self.tr("&Save QR code…"), pane.qr.save_qr)
        self.copy_qr = self._action(self.tr("Copy QR &image"), pane.qr.copy_image)
        self.toggle.setToolTip(self.tr("Disable or enable the selected link (asks first)"))
        self.toggle.setWhatsThis(self.tr("Disable or enable the selected link (asks first)"))
        self.copy_url.setToolTip(self.tr("Copy the selected link's URL"))
        self.copy_id.setToolTip(self.tr("Copy the selected link's ID"))
        self.save_qr.setToolTip(pane.qr.save_button.toolTip())
        self.copy_qr.setToolTip(pane.qr.copy_button.toolTip())
        self.clear()

    def _action(self, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self._pane)
        action.triggered.connect(slot)
        self.group.addAction(action)
        return action

    # -- state -------------------------------------------------------------------------------------

    def clear(self) -> None:
        """No link shown: nothing to change, copy or save."""
        self.toggle_to = None
        for action in (self.toggle, self.copy_url, self.copy_id, self.save_qr, self.copy_qr):
            action.setEnabled(False)

    def show_link(
        self, link: PaymentLink, now: datetime, zone: tzinfo | None, writable: bool, reason: str
    ) -> None:
        """The button and the actions for `link`, as the lifecycle and the connection allow."""
        target = toggle_target(link, now)
        shown = target or (LinkStatus.ACTIVE if link.status == LinkStatus.DISABLED else LinkStatus.DISABLED)
        enable = shown == LinkStatus.ACTIVE
        text = self.tr("Enable") if enable else self.tr("Disable")
        button = self.toggle_button
        button.setText(text)
        button.setAccessibleName(self.tr("Enable link") if enable else self.tr("Disable link"))
        if target is None:
            tip = check_status_change(link, shown, now, zone).reason
        elif not writable:
            tip = reason or self.tr("Changes cannot be sent to Lean right now.")
        elif target == LinkStatus.DISABLED:
            tip = (
                self.tr("Stop payments through this link (asks first).")
                + " "
                + enable_deadline_text(link, zone)
            )
        else:
            tip = self.tr("Let customers pay through this link again (asks first).")
        self.toggle_to = target if writable else None
        button.setEnabled(self.toggle_to is not None)
        button.setToolTip(plain_tooltip(tip))
        button.setAccessibleDescription(tip)
        self.toggle.setText(self.tr("&Enable link") if enable else self.tr("&Disable link"))
        self.toggle.setEnabled(self.toggle_to is not None)
        self.toggle.setStatusTip(tip)
        pane = self._pane
        self.copy_url.setEnabled(pane.url_field.value() is not None)
        self.copy_id.setEnabled(pane.link_id_field.value() is not None)
        self.save_qr.setEnabled(pane.qr.has_code())
        self.copy_qr.setEnabled(pane.qr.has_code())

    # -- keyboard ----------------------------------------------------------------------------------

    def focus_order(self) -> list[QWidget]:
        """The pane's controls in Tab order: Disable/Enable, Duplicate, the Copy buttons, the QR's
        buttons, the usages table (hidden or disabled ones are skipped by Tab itself)."""
        pane = self._pane
        fields = (
            pane.url_field,
            pane.link_id_field,
            pane.customer_field,
            pane.redirect_field,
            pane.destination_field,
        )
        return [
            self.toggle_button,
            *self.head_buttons,
            *(field.copy_button for field in fields),
            *pane.qr.focus_order(),
            *pane.timeline.focus_order(),
            pane.usages_view,
        ]

    def focus_first(self) -> bool:
        """Focus the first control that can take it (Enter on a link); False when none can."""
        for widget in self.focus_order():
            if widget.isVisible() and widget.isEnabled():
                widget.setFocus(Qt.FocusReason.ShortcutFocusReason)  # a key moved it: show the ring
                return True
        return False
