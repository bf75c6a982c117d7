"""The operator's side of the counter display: a small tool window beside the main window.

Which link is shown, on which screen (moving the display when another is chosen), the sound on
or off, how the watch is going ("Watching — last checked 14:02:11 +04:00"), the last payments
seen, "Close display" (Esc, the main window's action), and in --demo only "Simulate a payment". Not modal: the main window
stays usable while it is up. It only says what the CounterController tells it and asks for
what the operator chose through its signals.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from linkmanager.ui.widgets.copy_field import plain_label

PAYMENTS_KEPT = 6  # lines in "Last payments seen"
OUTCOMES = ("accepted", "pending", "failed")  # what the simulator's payer can do


class OperatorPanel(QWidget):
    """See the module docstring."""

    screen_chosen = Signal(int)  # an index into QGuiApplication.screens()
    sound_toggled = Signal(bool)
    simulate = Signal(str)  # one of OUTCOMES
    close_requested = Signal()

    def __init__(self, title: str, parent: QWidget | None, *, can_simulate: bool) -> None:
        super().__init__(parent, Qt.WindowType.Tool)
        self.setWindowTitle(self.tr("Counter display"))
        self.setAccessibleName(self.tr("Counter display controls"))
        self.link_label = plain_label()
        self.link_label.setText(title)
        self.link_label.setWordWrap(True)
        self.link_label.setAccessibleName(self.tr("Link shown"))
        self.screen_box = QComboBox()
        self.screen_box.setAccessibleName(self.tr("Screen for the counter display"))
        self.screen_box.currentIndexChanged.connect(self._on_screen)
        self.sound_box = QCheckBox(self.tr("Sound when a payment arrives"))
        self.sound_box.setAccessibleName(self.tr("Sound when a payment arrives"))
        self.sound_box.toggled.connect(self.sound_toggled)
        self.watch_label = plain_label()
        self.watch_label.setWordWrap(True)
        self.watch_label.setAccessibleName(self.tr("Watch state"))
        self.payments_list = QListWidget()
        self.payments_list.setAccessibleName(self.tr("Last payments seen"))
        self.payments_list.setMaximumHeight(self.fontMetrics().height() * (PAYMENTS_KEPT + 1))
        self.close_button = QPushButton(self.tr("Close display"))
        self.close_button.setAccessibleName(self.tr("Close the counter display"))
        self.close_button.setToolTip(self.tr("Close the counter display and stop watching the link (Esc)"))
        self.close_button.clicked.connect(self.close_requested)
        # Esc here is the main window's "Close counter display": Qt counts a tool window's keys as
        # its parent window's, so an Esc action of the panel's own would make the key ambiguous.

        form = QFormLayout()
        form.addRow(self.tr("Link:"), self.link_label)
        form.addRow(self.tr("Screen:"), self.screen_box)
        form.addRow("", self.sound_box)
        form.addRow(self.tr("Watch:"), self.watch_label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Last payments seen:")))
        layout.addWidget(self.payments_list)
        self.simulate_buttons: list[QPushButton] = []
        if can_simulate:  # --demo only: the in-process simulator's payer
            layout.addWidget(QLabel(self.tr("Simulate a payment (demo):")))
            row = QHBoxLayout()
            words = {
                "accepted": (self.tr("Accepted"), self.tr("Simulate an accepted payment")),
                "pending": (self.tr("Pending"), self.tr("Simulate a payment pending with the bank")),
                "failed": (self.tr("Failed"), self.tr("Simulate a failed payment")),
            }
            for outcome in OUTCOMES:
                text, name = words[outcome]
                button = QPushButton(text)
                button.setAccessibleName(name)
                button.setToolTip(name)
                button.setObjectName(f"simulate-{outcome}")
                button.clicked.connect(lambda _=False, o=outcome: self.simulate.emit(o))
                row.addWidget(button)
                self.simulate_buttons.append(button)
            layout.addLayout(row)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        order = [
            self.screen_box,
            self.sound_box,
            self.payments_list,
            *self.simulate_buttons,
            self.close_button,
        ]
        for before, after in pairwise(order):
            QWidget.setTabOrder(before, after)
        self.resize(380, 0)

    # -- what the controller says ------------------------------------------------------------------

    def set_screens(self, names: list[str], current: int) -> None:
        self.screen_box.blockSignals(True)
        self.screen_box.clear()
        self.screen_box.addItems(names)
        self.screen_box.setCurrentIndex(current)
        self.screen_box.blockSignals(False)

    def set_sound(self, on: bool) -> None:
        self.sound_box.blockSignals(True)
        self.sound_box.setChecked(on)
        self.sound_box.blockSignals(False)

    def set_watch_text(self, text: str) -> None:
        self.watch_label.setText(text)

    def add_payment(self, text: str) -> None:
        """A line at the top of "Last payments seen" (the newest first; the oldest drop off)."""
        self.payments_list.insertItem(0, text)
        while self.payments_list.count() > PAYMENTS_KEPT:
            self.payments_list.takeItem(self.payments_list.count() - 1)

    def payment_lines(self) -> list[str]:
        return [self.payments_list.item(i).text() for i in range(self.payments_list.count())]

    # -- inside ------------------------------------------------------------------------------------

    def _on_screen(self, index: int) -> None:
        if index >= 0:
            self.screen_chosen.emit(index)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        # Closing the panel (its title bar's X) closes the display too: no display left unwatched.
        self.close_requested.emit()
        super().closeEvent(event)
