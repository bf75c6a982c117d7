"""Help > About LinkManager: the version, where this window keeps its data, and the licence of
every library the application ships with.

All of it is read, not written down: the version and the libraries from the installed package's
metadata (its runtime requirements, then theirs, as installed for this platform), so the list
follows pyproject.toml. importlib.metadata (~45 ms) loads with the dialog, never at start.
"""

from __future__ import annotations

import platform
import re
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

DIST_NAME = "linkmanager"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
MAX_LICENCE_CHARS = 60  # a License field longer than this is the licence's whole text


@dataclass(frozen=True)
class Library:
    name: str
    version: str
    licence: str
    direct: bool  # named in LinkManager's own requirements (else needed by one of those)


def app_version() -> str:
    """The installed package's version; the source's own when it is not installed (a bundle)."""
    import importlib.metadata

    try:
        return importlib.metadata.version(DIST_NAME)
    except importlib.metadata.PackageNotFoundError:
        from linkmanager import __version__

        return __version__


def licence_of(meta: object) -> str:
    """An SPDX expression when the package states one, else its License field, else its
    classifiers ("MIT License"); a whole licence text pasted into License gives its first line."""
    get = getattr(meta, "get", None)
    get_all = getattr(meta, "get_all", None)
    if get is None or get_all is None:
        return QCoreApplication.translate("About", "not stated")
    expression = str(get("License-Expression") or "").strip()
    if expression:
        return expression
    text = str(get("License") or "").strip()
    if text and "\n" not in text and len(text) <= MAX_LICENCE_CHARS:
        return text
    classifiers = [c.rsplit(" :: ", 1)[-1] for c in get_all("Classifier") or [] if c.startswith("License ::")]
    if classifiers:
        return ", ".join(classifiers)
    return (
        text.splitlines()[0][:MAX_LICENCE_CHARS]
        if text
        else QCoreApplication.translate("About", "not stated")
    )


def _applies(requirement: str) -> bool:
    """False for an extra's requirement or one whose marker excludes this platform."""
    if ";" not in requirement:
        return True
    marker = requirement.split(";", 1)[1]
    if "extra" in marker:
        return False
    try:
        from packaging.markers import Marker
    except ImportError:  # not shipped: an absent distribution is then skipped as not installed
        return True
    return Marker(marker).evaluate()


def bundled_libraries(dist: str = DIST_NAME) -> list[Library]:
    """`dist`'s runtime requirements (pyproject's dependencies) and what they require in turn,
    as installed here: direct ones first, each group by name."""
    import importlib.metadata

    try:
        wanted = [r for r in importlib.metadata.requires(dist) or [] if _applies(r)]
    except importlib.metadata.PackageNotFoundError:
        return []
    direct = {_key(r) for r in wanted}
    queue, seen, found = deque(wanted), set(), []
    while queue:
        match = _NAME.match(queue.popleft())
        key = _key(match.group(0)) if match else ""
        if not key or key in seen:
            continue
        seen.add(key)
        try:
            distribution = importlib.metadata.distribution(key)
        except importlib.metadata.PackageNotFoundError:
            continue  # another platform's (pywin32-ctypes on Linux)
        meta = distribution.metadata
        found.append(Library(meta["Name"], distribution.version, licence_of(meta), key in direct))
        queue.extend(r for r in distribution.requires or [] if _applies(r))
    return sorted(found, key=lambda lib: (not lib.direct, lib.name.lower()))


def _key(requirement: str) -> str:
    match = _NAME.match(requirement.strip())
    return re.sub(r"[-_.]+", "-", match.group(0)).lower() if match else ""


class AboutDialog(QDialog):
    """Version, data folder (with a button that opens it) and the libraries' licences."""

    def __init__(
        self, parent: QWidget, data_folder: Path, open_folder: Callable[[], object] | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About LinkManager"))
        self.setAccessibleName(self.tr("About LinkManager"))
        self.version = app_version()
        self.data_folder = data_folder
        self.libraries = bundled_libraries()
        title = QLabel(self.tr("LinkManager {version}").format(version=self.version))
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        title.setFont(font)
        title.setTextFormat(Qt.TextFormat.PlainText)
        self.runtime_label = _plain(
            self.tr("Payment links of Lean Technologies. Qt {qt}, Python {python}.").format(
                qt=qVersion(), python=platform.python_version()
            )
        )
        self.folder_label = _plain(str(data_folder), selectable=True)
        self.folder_label.setAccessibleName(self.tr("Data folder"))
        self.open_button = QPushButton(self.tr("&Open data folder"))
        self.open_button.setAccessibleName(self.tr("Open data folder"))
        self.open_button.setToolTip(self.tr("Open the folder in the file manager"))
        self.open_button.setAutoDefault(False)  # Enter closes the dialog, it opens no folder
        if open_folder is not None:
            self.open_button.clicked.connect(open_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(_plain(self.tr("Data folder:")))
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.open_button)
        self.table = self._libraries_table()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.runtime_label)
        layout.addLayout(folder_row)
        layout.addWidget(
            _plain(
                self.tr(
                    "The libraries it ships with and their licences (in bold: those LinkManager requires; "
                    "the others are what those need):"
                )
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 560)

    def _libraries_table(self) -> QTableWidget:
        table = QTableWidget(0, 3)
        table.setAccessibleName(self.tr("Libraries and licences"))
        table.setHorizontalHeaderLabels([self.tr("Library"), self.tr("Version"), self.tr("Licence")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setTabKeyNavigation(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        if not self.libraries:
            table.insertRow(0)
            table.setItem(0, 0, QTableWidgetItem(self.tr("This build carries no package metadata.")))
        for library in self.libraries:
            row = table.rowCount()
            table.insertRow(row)
            for column, text in enumerate((library.name, library.version, library.licence)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if library.direct:  # LinkManager's own requirement (the others are theirs)
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                table.setItem(row, column, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table

    def licences(self) -> dict[str, str]:
        """Library name -> licence, as the table shows them."""
        return {lib.name: lib.licence for lib in self.libraries}


def _plain(text: str, *, selectable: bool = False) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
