"""The Profile menu's dialogs: switch to another profile, add one, edit one.

They reach profiles through a ProfileBook that the composition root (app.py) implements over
the profiles file and the keyring; the ui layer never imports storage.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from linkmanager.ui.dialogs.profile_form import ProfileFormDialog, ProfileValues, error_color
from linkmanager.ui.tasks import TaskRunner

NAME_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class ProfileSummary:
    name: str
    environment: str  # "sandbox", "production", "custom" or "demo"
    address: str  # the API host, to tell two profiles of one environment apart


class ProfileBook(Protocol):
    """Profiles as the dialogs see them; app.py implements it over storage."""

    def summaries(self) -> list[ProfileSummary]: ...

    def values(self, name: str) -> ProfileValues: ...

    def validate(self, values: ProfileValues, *, editing: bool) -> dict[str, str]: ...

    def save(self, values: ProfileValues, *, editing: bool) -> None: ...


def summary_text(summary: ProfileSummary, current: str | None) -> str:
    if current is not None and summary.name == current:
        text = QCoreApplication.translate("Profiles", "{name}  —  {environment} · {address}  (open now)")
    else:
        text = QCoreApplication.translate("Profiles", "{name}  —  {environment} · {address}")
    return text.format(name=summary.name, environment=summary.environment.upper(), address=summary.address)


class ProfileSwitcherDialog(QDialog):
    """Pick a profile to open; add or edit one on the way. `chosen` is the name picked."""

    def __init__(
        self,
        parent: QWidget | None,
        book: ProfileBook,
        current: str | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._book = book
        self._current = current
        self._runner = runner
        self.chosen: str | None = None
        self.setWindowTitle(self.tr("Profiles"))
        self.setAccessibleName(self.tr("Profiles"))

        intro = QLabel(
            self.tr("Each profile is one Lean application in one environment, with its own offline cache."),
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Profile list"))
        self.list.itemActivated.connect(self._activated)
        self.list.currentItemChanged.connect(self._selection_changed)
        self.problem = QLabel(self)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.hide()

        self.buttons = QDialogButtonBox(self)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.add_button = QPushButton(self.tr("Add profile…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.edit_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.open_button.setDefault(True)
        self.buttons.accepted.connect(self.open_selected)
        self.buttons.rejected.connect(self.reject)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumSize(520, 320)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        self.list.clear()
        try:
            summaries = self._book.summaries()
        except Exception as exc:  # a damaged profiles file: say so, open nothing
            self._show_problem(str(exc))
            summaries = []
        wanted = select or self._current
        for summary in summaries:
            item = QListWidgetItem(summary_text(summary, self._current), self.list)
            item.setData(NAME_ROLE, summary.name)
            tip = self.tr("{environment} profile {name} at {address}")
            item.setToolTip(
                tip.format(
                    environment=summary.environment.upper(), name=repr(summary.name), address=summary.address
                )
            )
            if summary.name == wanted:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._selection_changed()

    def selected_name(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(NAME_ROLE))

    def _selection_changed(self) -> None:
        has = self.selected_name() is not None
        self.open_button.setEnabled(has)
        self.edit_button.setEnabled(has)

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setStyleSheet(f"QLabel {{ color: {error_color(self)}; }}")
        self.problem.show()

    def _activated(self, _: QListWidgetItem) -> None:
        self.open_selected()

    def open_selected(self) -> None:
        name = self.selected_name()
        if name is not None:
            self.chosen = name
            self.accept()

    def add(self) -> None:
        name = add_profile(self, self._book, self._runner)
        if name is not None:
            self.reload(select=name)

    def edit(self) -> None:
        name = self.selected_name()
        if name is not None and edit_profile(self, self._book, name, self._runner):
            self.reload(select=name)


def open_profile_switcher(
    parent: QWidget | None, book: ProfileBook, current: str | None = None, runner: TaskRunner | None = None
) -> str | None:
    """The profile the user chose to open, or None."""
    dialog = ProfileSwitcherDialog(parent, book, current, runner)
    try:
        dialog.exec()
        return dialog.chosen
    finally:
        dialog.deleteLater()


def profile_form(
    parent: QWidget | None,
    book: ProfileBook,
    existing: ProfileValues | None = None,
    runner: TaskRunner | None = None,
) -> ProfileFormDialog:
    """The form wired to the book: validation and saving for adding or editing."""
    editing = existing is not None

    def validate(values: ProfileValues) -> dict[str, str]:
        return book.validate(values, editing=editing)

    def save(values: ProfileValues) -> None:
        book.save(values, editing=editing)

    return ProfileFormDialog(parent, existing=existing, validate=validate, save=save, runner=runner)


def add_profile(parent: QWidget | None, book: ProfileBook, runner: TaskRunner | None = None) -> str | None:
    """Ask for a new profile and store it; its name, or None when cancelled."""
    dialog = profile_form(parent, book, None, runner)
    try:
        dialog.exec()
        return dialog.result_values.name if dialog.result_values is not None else None
    finally:
        dialog.deleteLater()


def edit_profile(
    parent: QWidget | None, book: ProfileBook, name: str, runner: TaskRunner | None = None
) -> bool:
    """Edit the named profile; True when it was saved (the caller reopens it if it is open)."""
    try:
        existing = book.values(name)
    except Exception as exc:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("Profiles", "Edit profile"),
            str(exc),
            parent=parent,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
        return False
    dialog = profile_form(parent, book, existing, runner)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
