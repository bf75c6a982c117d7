"""View > Changes: what the last sync changed, and the syncs before it (the last 100 kept).

A dock beside the links: the sections (new payments, payments whose status moved, links whose
status changed, links about to expire or near their limit), each row opening its link (and a
payment's usage in the drawer) with a double-click or Enter. Everything here is plain text:
names come from Lean. Where the desktop has no tray, the notices show on a line at the top.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from linkmanager.services.changes_model import ChangeDigest
from linkmanager.ui.changes import rows
from linkmanager.ui.changes.rows import Row

LINK_ROLE = Qt.ItemDataRole.UserRole
USAGE_ROLE = Qt.ItemDataRole.UserRole + 1


def _plain_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names and Lean's words: never markup
    label.setWordWrap(True)
    return label


class ChangeTree(QTreeWidget):
    """The rows; Enter opens the current one, as a double-click does."""

    entered = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.entered.emit()
            return
        super().keyPressEvent(event)


LINK_COLUMN_MAX = 220  # pixels


class ChangesDock(QDockWidget):
    link_chosen = Signal(str)  # a link's row: its id
    payment_chosen = Signal(str, str)  # a payment's row: the link's id, the usage's id
    sync_chosen = Signal(int)  # the index of the sync to show (0: the newest)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Changes"), parent)
        self.setObjectName("changes-dock")  # saveState() needs a name
        self.setAccessibleName(self.tr("Changes"))
        body = QWidget(self)

        self.notice = _plain_label(body)
        self.notice.setObjectName("changes-notice")
        self.notice.setAccessibleName(self.tr("Latest notices"))
        self.dismiss = QPushButton(self.tr("&Dismiss"), body)
        self.dismiss.setAccessibleName(self.tr("Dismiss the notices"))
        self.dismiss.clicked.connect(self.clear_notice)
        self.notice_bar = QWidget(body)
        bar = QHBoxLayout(self.notice_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.notice, 1)
        bar.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignTop)
        self.notice_bar.hide()

        self.syncs = QComboBox(body)
        self.syncs.setObjectName("changes-syncs")
        self.syncs.setAccessibleName(self.tr("Sync shown"))
        self.syncs.setToolTip(self.tr("The last syncs kept (up to 100): choose one to see what it changed"))
        self.syncs.currentIndexChanged.connect(self._sync_chosen)
        syncs_label = QLabel(self.tr("S&ync:"), body)
        syncs_label.setBuddy(self.syncs)
        choose = QHBoxLayout()
        choose.addWidget(syncs_label)
        choose.addWidget(self.syncs, 1)

        self.summary = _plain_label(body)
        self.summary.setObjectName("changes-summary")
        self.summary.setAccessibleName(self.tr("About this sync"))
        self.tree = ChangeTree(body)
        self.tree.setObjectName("changes-tree")
        self.tree.setAccessibleName(self.tr("Changes at this sync"))
        self.tree.setHeaderLabels([self.tr("Change"), self.tr("Amount"), self.tr("Link"), self.tr("Note")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)  # up to thousands of payments: measured once
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.itemActivated.connect(lambda item, _column: self.open_item(item))
        self.tree.entered.connect(lambda: self.open_item(self.tree.currentItem()))
        self.empty = _plain_label(body)
        self.empty.setObjectName("changes-empty")
        self.empty.setAccessibleName(self.tr("Notes on this sync"))

        layout = QVBoxLayout(body)
        layout.addWidget(self.notice_bar)
        layout.addLayout(choose)
        layout.addWidget(self.summary)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 1)
        body.setMinimumWidth(480)  # the change, the link's name and the amount, without scrolling
        self.setWidget(body)
        for before, after in ((self.dismiss, self.syncs), (self.syncs, self.tree)):
            QWidget.setTabOrder(before, after)
        self._digests: list[ChangeDigest] = []
        self.show_digest(None)

    # -- what it shows ---------------------------------------------------------------------------

    def set_digests(self, digests: Sequence[ChangeDigest]) -> None:
        """The kept syncs, newest first; the one shown stays shown (the newest when it was)."""
        shown = self.shown_digest()
        keep = shown.sync_id if shown is not None and self.syncs.currentIndex() > 0 else None
        self._digests = list(digests)
        self.syncs.blockSignals(True)
        try:
            self.syncs.clear()
            for digest in self._digests:
                self.syncs.addItem(rows.sync_choice(digest), digest.sync_id)
            index = self.syncs.findData(keep) if keep is not None else 0
            self.syncs.setCurrentIndex(max(0, index) if self._digests else -1)
        finally:
            self.syncs.blockSignals(False)
        self.show_digest(self.shown_digest())

    def shown_digest(self) -> ChangeDigest | None:
        index = self.syncs.currentIndex()
        return self._digests[index] if 0 <= index < len(self._digests) else None

    def show_digest(self, digest: ChangeDigest | None) -> None:
        self.tree.clear()
        if digest is None:
            self.summary.setText(self.tr("No sync has been recorded yet."))
            self.empty.setText(self.tr("What each sync changes will show here."))
            self.empty.show()
            return
        self.summary.setText(rows.summary(digest))
        notes = rows.notes(digest)
        self.empty.setText("\n".join(notes))
        self.empty.setVisible(bool(notes))
        items = []
        for section in rows.sections(digest):
            head = QTreeWidgetItem([section.title])
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            head.addChildren([self._item(row) for row in section.rows])
            items.append(head)
        self.tree.addTopLevelItems(items)
        for head in items:
            head.setExpanded(True)
            head.setFirstColumnSpanned(True)
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        # A long link name would push the amount out of sight: its column is capped (elided, whole in
        # the row's tooltip).
        self.tree.setColumnWidth(2, min(self.tree.columnWidth(2), LINK_COLUMN_MAX))

    @staticmethod
    def _item(row: Row) -> QTreeWidgetItem:
        item = QTreeWidgetItem([row.change, row.amount, row.link, row.note])  # the amount in sight
        item.setToolTip(2, row.link)  # the column is capped; the whole name here
        item.setData(0, LINK_ROLE, row.link_id)
        item.setData(0, USAGE_ROLE, row.usage_id)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def change_rows(self) -> list[QTreeWidgetItem]:
        """Every row that opens something (not the section heads), in order."""
        found: list[QTreeWidgetItem] = []
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            if head is not None:
                found += [child for j in range(head.childCount()) if (child := head.child(j)) is not None]
        return found

    # -- the notices line (no tray) ----------------------------------------------------------------

    def show_notice(self, title: str, text: str) -> None:
        self.notice.setText(f"{title}\n{text}" if text else title)
        self.notice_bar.show()

    def clear_notice(self) -> None:
        self.notice.clear()
        self.notice_bar.hide()
        self.syncs.setFocus()

    # -- behaviour ---------------------------------------------------------------------------------

    def _sync_chosen(self, index: int) -> None:
        self.show_digest(self.shown_digest())
        self.sync_chosen.emit(index)

    def open_item(self, item: QTreeWidgetItem | None) -> None:
        """A row's link in the Links view (and a payment's usage in the drawer)."""
        if item is None:
            return
        link_id = item.data(0, LINK_ROLE)
        if not link_id:
            return  # a section's head
        usage_id = item.data(0, USAGE_ROLE)
        if usage_id:
            self.payment_chosen.emit(link_id, usage_id)
        else:
            self.link_chosen.emit(link_id)

    def focus_order(self) -> list[QWidget]:
        """The panel's controls in Tab order, for the window's chain (window_keys.focus_chain)."""
        return [self.dismiss, self.syncs, self.tree]

    def focus_first(self) -> None:
        """Into the panel: the rows when there are any, else the list of syncs."""
        found = self.change_rows()
        if found:
            self.tree.setCurrentItem(found[0])
            self.tree.setFocus()
        else:
            self.syncs.setFocus()
