"""The saved views' dialogs: a name, a question, a file, and the Manage list.

Loaded when first used (never at the window's start). Names are shown as plain text
everywhere: a name comes from a shared file and may hold "<b>" or "&".
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from linkmanager.services.saved_views import MAX_NAME_CHARS, Page, clean_name

if TYPE_CHECKING:
    from linkmanager.ui.views.controller import SavedViewsController

NAME_ROLE = int(Qt.ItemDataRole.UserRole) + 1


class NameDialog(QDialog):
    """One line for a view's name; OK only once there is a name."""

    def __init__(self, parent: QWidget | None, title: str, suggested: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        label = QLabel(self.tr("Name:"))
        self.field = QLineEdit(suggested)
        self.field.setMaxLength(MAX_NAME_CHARS)
        self.field.setAccessibleName(self.tr("View name"))
        self.field.setPlaceholderText(self.tr("For example: Unpaid this month"))
        label.setBuddy(self.field)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.field, 1)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.field.textChanged.connect(self._update)
        self._update()

    def name(self) -> str:
        return clean_name(self.field.text())

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(bool(self.name()))


def ask_name(parent: QWidget, title: str, suggested: str) -> str | None:
    dialog = NameDialog(parent, title, suggested)
    return dialog.name() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_replace(parent: QWidget, name: str) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("SavedViewsDialogs", "Save current view"),
        QCoreApplication.translate(
            "SavedViewsDialogs",
            "A saved view named “{name}” already exists. Replace it with the view shown now?",
        ).format(name=name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_delete(parent: QWidget, name: str) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("SavedViewsDialogs", "Delete saved view"),
        QCoreApplication.translate(
            "SavedViewsDialogs", "Delete the saved view “{name}”? Files exported from it stay as they are."
        ).format(name=name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box.exec() == QMessageBox.StandardButton.Yes


def tell(parent: QWidget, text: str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("SavedViewsDialogs", "Saved views"),
        text,
        parent=parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def _file_filter() -> str:
    return QCoreApplication.translate("SavedViewsDialogs", "Saved view") + " (*.json)"


def ask_save_path(parent: QWidget, name: str) -> Path | None:
    suggested = "".join(c if c.isalnum() or c in "-_ " else "-" for c in name).strip() or "view"
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("SavedViewsDialogs", "Export view “{name}”").format(name=name),
        suggested + ".json",
        _file_filter(),
    )
    return Path(path) if path else None


def ask_open_path(parent: QWidget) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("SavedViewsDialogs", "Import view"), "", _file_filter()
    )
    return Path(path) if path else None


class ManageViewsDialog(QDialog):
    """The saved views in a list: show, rename, delete, make default or export the one chosen.
    Opened with open() (window-modal, never blocking); every button is the controller's own
    method, so what the menu does and what this does cannot differ."""

    def __init__(self, views: SavedViewsController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.views = views
        self.setWindowTitle(self.tr("Saved views"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Saved views"))
        self.show_button = self._button(self.tr("&Show"), self._show)
        self.rename_button = self._button(self.tr("&Rename…"), self._rename)
        self.delete_button = self._button(self.tr("&Delete"), self._delete)
        self.default_button = self._button(self.tr("Set as &default"), self._default)
        self.export_button = self._button(self.tr("&Export…"), self._export)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        side = QVBoxLayout()
        for button in (
            self.show_button,
            self.rename_button,
            self.delete_button,
            self.default_button,
            self.export_button,
        ):
            side.addWidget(button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(close)
        self.list.currentItemChanged.connect(lambda *_: self._update())
        self.list.itemActivated.connect(lambda _: self._show())
        views.changed.connect(self.refill)
        self.refill()

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(slot)
        return button

    def refill(self) -> None:
        chosen = self.chosen()
        self.list.clear()
        store = self.views.store
        for view in store.views():
            page = self.tr("Links") if view.page == Page.LINKS else self.tr("Payments")
            text = self.tr("{name} — {page}").format(name=view.name, page=page)
            if view.name == store.default_name:
                text = self.tr("{view} (default)").format(view=text)
            item = QListWidgetItem(text)  # a list item's text is never read as markup
            item.setData(NAME_ROLE, view.name)
            self.list.addItem(item)
            if view.name == chosen:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._update()

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        name = item.data(NAME_ROLE) if item is not None else None
        return name if isinstance(name, str) else None

    def _update(self) -> None:
        chosen = self.chosen() is not None
        for button in (
            self.show_button,
            self.rename_button,
            self.delete_button,
            self.default_button,
            self.export_button,
        ):
            button.setEnabled(chosen)

    def _show(self) -> None:
        name = self.chosen()
        if name is not None and self.views.apply(name):
            self.accept()

    def _rename(self) -> None:
        name = self.chosen()
        if name is not None:
            renamed = self.views.rename(name)
            if renamed is not None:
                self._choose(renamed.name)

    def _delete(self) -> None:
        name = self.chosen()
        if name is not None and self.views.ask_delete(name):
            self.views.delete(name)

    def _default(self) -> None:
        name = self.chosen()
        if name is not None:
            self.views.set_default(name)

    def _export(self) -> None:
        name = self.chosen()
        if name is not None:
            self.views.export_view(name)

    def _choose(self, name: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item is not None and item.data(NAME_ROLE) == name:
                self.list.setCurrentItem(item)
