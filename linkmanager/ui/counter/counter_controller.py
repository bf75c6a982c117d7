"""Link > "Show on counter display…" (Ctrl+Shift+D) and Esc to close it: the window's side.

Offered for the selected link while it is ACTIVE. Opening puts the customer's display on the
screen the operator picks (another screen than the window's by default), the operator's panel
beside the window, and starts watching the link on a thread of its own; closing the display,
the panel or the window stops the watch. One display at a time: opening another link's replaces
it. In --demo the panel can pay the link through the in-process simulator (`pay`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from linkmanager.domain.models import PaymentLink
from linkmanager.domain.money import format_money
from linkmanager.domain.status import LinkStatus
from linkmanager.services.workspace import CachedLink, Workspace
from linkmanager.ui.tasks import TaskRunner

if TYPE_CHECKING:  # the display and its parts load when first opened: no part of the window's start
    from linkmanager.ui.counter.counter_display import CounterDisplay
    from linkmanager.ui.counter.counter_session import CounterSession
    from linkmanager.ui.counter.operator_panel import OperatorPanel
    from linkmanager.ui.counter.watch_adapter import WatchAdapter
    from linkmanager.ui.main_window import MainWindow
    from linkmanager.ui.widgets.usage_drawer import UsageDrawer

logger = logging.getLogger(__name__)

Pay = Callable[[str, str], object]  # (link id, "accepted" | "pending" | "failed"): the simulator's payer
SOUND_KEY = "counter/sound"
SCREEN_KEY = "counter/screen"
SHORTCUT = "Ctrl+Shift+D"
STOP_WAIT_S = 5.0  # closing the window waits this long for the watch's last round


def beep() -> None:
    """The payment sound: the desktop's bell (Qt Multimedia is not bundled; see the report)."""
    QApplication.beep()


class CounterController(QObject):
    """See the module docstring."""

    opened = Signal()
    closed = Signal()

    def __init__(
        self,
        workspace: Workspace,
        runner: TaskRunner,
        settings: QSettings,
        current_link: Callable[[], CachedLink | None],
        window: QWidget,
        *,
        pay: Pay | None = None,
        before_escape: Callable[[], bool] = lambda: False,
        zone: tzinfo | None = None,
    ) -> None:
        super().__init__(window)
        self._workspace = workspace
        self._runner = runner
        self._settings = settings
        self._current = current_link
        self._window = window
        self._pay = pay
        self._before_escape = before_escape
        self._zone = zone
        self.session: CounterSession | None = None
        self._stopping: list[WatchAdapter] = []  # asked to stop, their round not yet over
        self.chime: Callable[[], None] = beep  # tests replace it to hear the sound

        self.action = QAction(self.tr("Show on &counter display…"), window)
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.triggered.connect(self.open_current)
        self.close_action = QAction(self.tr("Close counter display"), window)
        self.close_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.close_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.close_action.setToolTip(self.tr("Close the counter display and stop watching its link (Esc)"))
        self.close_action.triggered.connect(self.escape)
        self.close_action.setEnabled(False)
        window.addActions([self.action, self.close_action])
        self.update_action()

    # -- the actions -------------------------------------------------------------------------------

    def update_action(self, *_: object) -> None:
        """Enabled for a selected ACTIVE link (connect the table's selection and the model's reset)."""
        cached = self._current()
        active = cached is not None and self._workspace.status_of(cached) == LinkStatus.ACTIVE
        self.action.setEnabled(active)
        if cached is None:
            tip = self.tr("Select an active link to show its QR code to the customer")
        elif active:
            tip = self.tr("Show this link's QR code full screen to the customer and confirm payments live")
        else:
            tip = self.tr("Only an active link can take payments at the counter")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)

    def open_current(self) -> None:
        cached = self._current()
        if cached is not None and self._workspace.status_of(cached) == LinkStatus.ACTIVE:
            self.open_link(cached.link)

    def escape(self) -> None:
        """Esc on the operator's side: what is on top goes first (the usage drawer), then the display."""
        if not self._before_escape():
            self.close_display()

    @property
    def is_open(self) -> bool:
        return self.session is not None

    # -- opening and closing -----------------------------------------------------------------------

    def open_link(self, link: PaymentLink) -> CounterSession:
        """Show `link` on the counter display and start watching it (replacing one shown)."""
        from linkmanager.ui.counter.counter_display import CounterDisplay
        from linkmanager.ui.counter.counter_session import CounterSession
        from linkmanager.ui.counter.operator_panel import OperatorPanel
        from linkmanager.ui.counter.watch_adapter import WatchAdapter

        self.close_display()
        display = CounterDisplay(link, self._window)
        amount = format_money(link.amount)
        title = self.tr("{name} — {amount}").format(name=link.display_name, amount=amount)
        panel = OperatorPanel(title, self._window, can_simulate=self._pay is not None)
        workspace = self._workspace
        adapter = WatchAdapter(lambda: workspace.watch_link(link.id), self, name=link.id)
        session = CounterSession(
            link, display, panel, adapter, workspace.now, zone=self._zone, chime=self._play, parent=self
        )
        self.session = session
        session.set_sound(self.sound_on())
        panel.set_sound(self.sound_on())
        panel.sound_toggled.connect(self.set_sound)
        panel.screen_chosen.connect(self.move_to_screen)
        panel.close_requested.connect(self.close_display)
        panel.simulate.connect(self.simulate)
        display.closed.connect(self.close_display)
        adapter.finished.connect(self._forget_stopped)
        self._show(display, panel)
        self.close_action.setEnabled(True)
        adapter.start()
        self.opened.emit()
        return session

    def _show(self, display: CounterDisplay, panel: OperatorPanel) -> None:
        from linkmanager.ui.counter import screens

        found = screens.all_screens()
        operator = self._window.screen()
        remembered = str(self._settings.value(SCREEN_KEY, "") or "")
        index = screens.default_screen(found, operator, remembered)
        panel.set_screens(screens.screen_names(found, operator), index)
        screens.place(display, found, index)
        frame = self._window.frameGeometry()  # the panel at the window's top right, inside it
        panel.adjustSize()
        panel.move(frame.right() - panel.width() - 24, frame.top() + 80)
        panel.show()
        panel.raise_()

    def move_to_screen(self, index: int) -> None:
        from linkmanager.ui.counter import screens

        session = self.session
        found = screens.all_screens()
        if session is None or not 0 <= index < len(found):
            return
        screens.place(session.display, found, index)
        self._settings.setValue(SCREEN_KEY, found[index].name())

    def close_display(self) -> None:
        """Close the display and the panel; the watch ends after the round it is in."""
        session, self.session = self.session, None
        if session is None:
            return
        self.close_action.setEnabled(False)
        self._stopping.append(session.adapter)
        session.stop()
        session.display.deleteLater()
        session.panel.deleteLater()
        self.closed.emit()

    def shutdown(self) -> bool:
        """The window closes: close the display and wait for every watch thread to end."""
        self.close_display()
        ended = all(adapter.wait(STOP_WAIT_S) for adapter in self._stopping)
        if not ended:
            logger.warning("A counter display's watch did not end within %s s", STOP_WAIT_S)
        return ended

    def _forget_stopped(self) -> None:
        self._stopping = [adapter for adapter in self._stopping if adapter.running]

    def watching(self) -> bool:
        """True while a watch thread is running (the open one, or one still ending)."""
        adapters = [*self._stopping, *([self.session.adapter] if self.session else [])]
        return any(adapter.running for adapter in adapters)

    # -- sound and the simulator ---------------------------------------------------------------------

    def sound_on(self) -> bool:
        return bool(self._settings.value(SOUND_KEY, True, type=bool))

    def set_sound(self, on: bool) -> None:
        self._settings.setValue(SOUND_KEY, on)
        if self.session is not None:
            self.session.set_sound(on)

    def _play(self) -> None:
        self.chime()

    def simulate(self, outcome: str) -> None:
        """--demo: a payer pays the shown link in the simulator (off the GUI thread); the watch
        then sees the payment as it would see a real one."""
        session, pay = self.session, self._pay
        if session is None or pay is None:
            return
        link_id = session.link.id
        self._runner.run(
            lambda: pay(link_id, outcome), self._on_simulated, self._on_simulate_failed, owner=self
        )

    def _on_simulated(self, _: object) -> None:
        pass  # the watch reports it, as it would a real payer's

    def _on_simulate_failed(self, error: BaseException) -> None:
        if self.session is not None:
            self.session.panel.add_payment(
                self.tr("The simulator refused the payment: {reason}").format(reason=error)
            )


def drawer_first(drawer: UsageDrawer) -> Callable[[], bool]:
    """Esc's first job while the usage drawer is open: closing the drawer (its own Esc), not the display."""

    def close() -> bool:
        if drawer.is_open():
            drawer.close_drawer()
            return True
        return False

    return close


def counter_for(window: MainWindow, pay: Pay | None) -> CounterController:
    """The window's counter display controller: the selected link, the window's settings, Esc after the drawer."""
    return CounterController(
        window._workspace,
        window._runner,
        window._settings,
        window._current_link,
        window,
        pay=pay,
        before_escape=drawer_first(window.drawer),
    )
