"""The notices' switches and the close-to-tray choice, kept in ui-state.ini (Edit > Settings…).

Read each time they are needed rather than once: a switch turned off in Settings holds from the
next sync on, without a restart. Every kind of notice is on until switched off; closing the
window quits until "keep syncing in the tray" is chosen (a window that seems closed while its
sync goes on would surprise whoever did not ask for it).
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QSettings


class NoticeKind(StrEnum):
    """What a notice is about; its value names its switch in ui-state.ini."""

    COLLECTED = "collected"  # payments the bank accepted
    FAILED = "failed"  # payments that failed
    NEARING = "nearing"  # links about to expire or close to their limit
    SYNC = "sync"  # a sync that could not finish, or links it could not update


NOTICE_KINDS: tuple[NoticeKind, ...] = (
    NoticeKind.COLLECTED,
    NoticeKind.FAILED,
    NoticeKind.NEARING,
    NoticeKind.SYNC,
)
CLOSE_TO_TRAY_KEY = "notifications/close-to-tray"


def notice_key(kind: NoticeKind) -> str:
    return f"notifications/{kind.value}"


def _flag(settings: QSettings, key: str, default: bool) -> bool:
    """A yes/no as the ini file holds it ("true", "false"); anything else keeps the default."""
    value = settings.value(key, default)
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return default  # a hand-edited file: ignored, as the language's key is


def notices_on(settings: QSettings, kind: NoticeKind) -> bool:
    return _flag(settings, notice_key(kind), True)


def enabled_kinds(settings: QSettings) -> frozenset[NoticeKind]:
    return frozenset(kind for kind in NOTICE_KINDS if notices_on(settings, kind))


def close_to_tray(settings: QSettings) -> bool:
    return _flag(settings, CLOSE_TO_TRAY_KEY, False)


def store(settings: QSettings, kinds: frozenset[NoticeKind], tray: bool) -> None:
    for kind in NOTICE_KINDS:
        settings.setValue(notice_key(kind), kind in kinds)
    settings.setValue(CLOSE_TO_TRAY_KEY, tray)
