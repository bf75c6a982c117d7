"""Which screen the counter display goes on, and how: full screen on a screen of its own facing
the customer, or an ordinary 800×600 window when the workstation has only one screen (the
operator still needs theirs)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

WINDOWED = QSize(800, 600)


def screen_names(screens: list[QScreen], operator: QScreen | None) -> list[str]:
    """ "2: HDMI-1 (1920×1080)" per screen, the operator's own marked."""
    names = []
    for number, screen in enumerate(screens, 1):
        size = screen.geometry().size()
        name = QCoreApplication.translate("CounterScreens", "{number}: {name} ({width}×{height})").format(
            number=number, name=screen.name() or "?", width=size.width(), height=size.height()
        )
        if screen is operator:
            name = QCoreApplication.translate("CounterScreens", "{screen} — this window's screen").format(
                screen=name
            )
        names.append(name)
    return names


def default_screen(screens: list[QScreen], operator: QScreen | None, remembered: str = "") -> int:
    """The screen remembered by name when it is still there, else the first one that is not the
    operator's (the customer's monitor), else the only one."""
    for index, screen in enumerate(screens):
        if remembered and screen.name() == remembered:
            return index
    for index, screen in enumerate(screens):
        if screen is not operator:
            return index
    return 0


def place(display: QWidget, screens: list[QScreen], index: int) -> bool:
    """Show `display` on `screens[index]`: full screen when there are several screens, windowed
    (WINDOWED, centred) when there is one. True when it went full screen."""
    if not screens:
        display.resize(WINDOWED)
        display.show()
        return False
    screen = screens[max(0, min(index, len(screens) - 1))]
    if len(screens) == 1:
        if display.isFullScreen():
            display.showNormal()
        area = screen.availableGeometry()
        rect = QRect(0, 0, min(WINDOWED.width(), area.width()), min(WINDOWED.height(), area.height()))
        rect.moveCenter(area.center())
        display.setGeometry(rect)
        display.show()
        return False
    if display.isFullScreen():
        display.showNormal()  # leaving full screen first: Qt moves a full-screen window badly
    display.setScreen(screen)
    display.setGeometry(screen.geometry())
    display.showFullScreen()
    return True


def all_screens() -> list[QScreen]:
    return list(QGuiApplication.screens())
