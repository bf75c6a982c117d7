"""Settings (File > Settings…, Ctrl+,): the workstation's choices that are not a profile's.

The interface's language and digits (linkmanager.ui.language), kept in ui-state.ini beside the
profiles. A language applies from the next start: every window, menu and message would have to
be built again, and a half-translated window is worse than a restart (the dialog says so).

The notices (ui.changes.prefs): one switch per kind, and whether closing the window keeps the
sync running in the tray. These hold from the next sync on, without a restart.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from linkmanager.ui import language
from linkmanager.ui.changes import prefs
from linkmanager.ui.changes.prefs import NoticeKind


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: QSettings,
        running: language.Choice,
        parent: QWidget | None = None,
        *,
        tray_available: bool | None = None,  # None: ask the desktop (tests say which)
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._running = running
        self.setWindowTitle(self.tr("Settings"))
        self.setObjectName("settings-dialog")

        self.language = QComboBox(self)
        self.language.setObjectName("settings-language")
        # Each language named in itself, as every operating system's language list does.
        for title, code in (
            (self.tr("As the system (now: {name})").format(name=_name(language.system_language())), "system"),
            ("English", "en"),
            ("العربية", "ar"),
        ):
            self.language.addItem(title, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language.saved_language(settings))))
        self.language.setAccessibleName(self.tr("Interface language"))

        self.digits = QComboBox(self)
        self.digits.setObjectName("settings-digits")
        self.digits.addItem(self.tr("Latin (0123456789)"), "latin")
        self.digits.addItem(self.tr("Arabic-Indic (٠١٢٣٤٥٦٧٨٩)"), "arabic")
        self.digits.setCurrentIndex(max(0, self.digits.findData(language.saved_digits(settings))))
        self.digits.setAccessibleName(self.tr("Digits in Arabic"))
        self.digits.setToolTip(
            self.tr("How amounts, dates and counts are written when the interface is in Arabic")
        )

        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setObjectName("settings-note")

        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("&Digits in Arabic:"), self.digits)
        for field in (self.language, self.digits):
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                label.setBuddy(field)
        self.notices = self._notices_group(settings, tray_available)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.notices)
        layout.addWidget(buttons)
        order = [self.language, self.digits, *self.notice_boxes.values(), self.close_to_tray, buttons]
        for before, after in pairwise(order):
            self.setTabOrder(before, after)
        self.language.currentIndexChanged.connect(self._update_note)
        self.digits.currentIndexChanged.connect(self._update_note)
        self._update_note()

    def _notices_group(self, settings: QSettings, tray_available: bool | None) -> QGroupBox:
        """Notifications: one switch per kind of notice, and closing to the tray."""
        group = QGroupBox(self.tr("Notifications"), self)
        group.setObjectName("settings-notifications")
        words = {
            NoticeKind.COLLECTED: (self.tr("Payments &collected"), self.tr("Notify payments collected")),
            NoticeKind.FAILED: (self.tr("Payments &failed"), self.tr("Notify failed payments")),
            NoticeKind.NEARING: (
                self.tr("Links about to &expire or near their limit"),
                self.tr("Notify links about to expire or near their limit"),
            ),
            NoticeKind.SYNC: (self.tr("&Sync problems"), self.tr("Notify sync problems")),
        }
        self.notice_boxes: dict[NoticeKind, QCheckBox] = {}
        layout = QVBoxLayout(group)
        for kind in prefs.NOTICE_KINDS:
            text, name = words[kind]
            box = QCheckBox(text, group)
            box.setObjectName(f"settings-notice-{kind.value}")
            box.setAccessibleName(name)
            box.setChecked(prefs.notices_on(settings, kind))
            layout.addWidget(box)
            self.notice_boxes[kind] = box
        self.close_to_tray = QCheckBox(self.tr("&Keep syncing in the tray when the window is closed"), group)
        self.close_to_tray.setObjectName("settings-close-to-tray")
        self.close_to_tray.setAccessibleName(self.tr("Keep syncing in the tray when the window is closed"))
        self.close_to_tray.setChecked(prefs.close_to_tray(settings))
        if tray_available is None:
            tray_available = QSystemTrayIcon.isSystemTrayAvailable()
        if not tray_available:  # a hidden window with no tray icon could not be brought back
            self.close_to_tray.setEnabled(False)
            self.close_to_tray.setToolTip(
                self.tr("This desktop has no tray: closing the window quits, and notices show in Changes")
            )
        where = QLabel(
            self.tr("Notices show in the tray, or in View > Changes where the desktop has no tray."), group
        )
        where.setWordWrap(True)
        layout.addWidget(self.close_to_tray)
        layout.addWidget(where)
        return group

    def notice_kinds(self) -> frozenset[NoticeKind]:
        """The kinds of notice switched on."""
        return frozenset(kind for kind, box in self.notice_boxes.items() if box.isChecked())

    def chosen(self) -> language.Choice:
        """What the fields say, as the next start will read it."""
        code = self.language.currentData()
        spoken = code if code in language.LANGUAGES else language.system_language()
        return language.Choice(spoken, self.digits.currentData())

    def _update_note(self) -> None:
        if self.chosen() != self._running:
            self.note.setText(self.tr("LinkManager will use this from its next start."))
        else:
            self.note.setText("")

    def accept(self) -> None:
        self._settings.setValue(language.LANGUAGE_KEY, self.language.currentData())
        self._settings.setValue(language.DIGITS_KEY, self.digits.currentData())
        prefs.store(self._settings, self.notice_kinds(), self.close_to_tray.isChecked())
        self._settings.sync()
        super().accept()


def _name(code: str) -> str:
    return "العربية" if code == "ar" else "English"
