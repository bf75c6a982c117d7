"""Settings (File > Settings…, Ctrl+,): the workstation's choices that are not a profile's.

The interface's language and digits (linkmanager.ui.language), kept in ui-state.ini beside the
profiles. A language applies from the next start: every window, menu and message would have to
be built again, and a half-translated window is worse than a restart (the dialog says so).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from linkmanager.ui import language


class SettingsDialog(QDialog):
    def __init__(self, settings: QSettings, running: language.Choice, parent: QWidget | None = None) -> None:
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
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.setTabOrder(self.language, self.digits)
        self.setTabOrder(self.digits, buttons)
        self.language.currentIndexChanged.connect(self._update_note)
        self.digits.currentIndexChanged.connect(self._update_note)
        self._update_note()

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
        self._settings.sync()
        super().accept()


def _name(code: str) -> str:
    return "العربية" if code == "ar" else "English"
