"""The Journal table's model: the filtered entries, newest first, each cell worded for people.

A plain list behind a QAbstractTableModel: a few thousand entries are replaced in one reset and
each cell is worded when painted (only the rows in sight are). Times are the workstation's with
their offset, UTC one hover away, as in the other tables; statuses and actions in the
interface's language; server and person text (reasons, messages) shown as text, never markup.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from linkmanager.domain.i18n import QT_TRANSLATE_NOOP
from linkmanager.domain.lifecycle import moment_text, utc_text
from linkmanager.domain.status import LinkStatus
from linkmanager.services.journal_view import JournalColumn, lean_text
from linkmanager.services.workspace import JournalEntry
from linkmanager.ui.text import plain_tooltip
from linkmanager.ui.widgets.copy_field import status_text

AnyIndex = QModelIndex | QPersistentModelIndex
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
LINK_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # the row's link id ("" for a create with none)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

TITLES: dict[JournalColumn, str] = {
    JournalColumn.WHEN: QT_TRANSLATE_NOOP("JournalModel", "When"),
    JournalColumn.USER: QT_TRANSLATE_NOOP("JournalModel", "User"),
    JournalColumn.PROFILE: QT_TRANSLATE_NOOP("JournalModel", "Profile"),
    JournalColumn.ACTION: QT_TRANSLATE_NOOP("JournalModel", "Action"),
    JournalColumn.LINK: QT_TRANSLATE_NOOP("JournalModel", "Link"),
    JournalColumn.STATUS: QT_TRANSLATE_NOOP("JournalModel", "Before → After"),
    JournalColumn.OUTCOME: QT_TRANSLATE_NOOP("JournalModel", "Outcome"),
    JournalColumn.LEAN: QT_TRANSLATE_NOOP("JournalModel", "Lean"),
    JournalColumn.REASON: QT_TRANSLATE_NOOP("JournalModel", "Reason"),
    JournalColumn.MESSAGE: QT_TRANSLATE_NOOP("JournalModel", "Message"),
    JournalColumn.BATCH: QT_TRANSLATE_NOOP("JournalModel", "Batch"),
}
ACTION_WORDS = {
    "disable": QT_TRANSLATE_NOOP("JournalModel", "Disable"),
    "enable": QT_TRANSLATE_NOOP("JournalModel", "Enable"),
    "create": QT_TRANSLATE_NOOP("JournalModel", "Create"),
}
OUTCOME_WORDS = {
    "done": QT_TRANSLATE_NOOP("JournalModel", "Done"),
    "refused": QT_TRANSLATE_NOOP("JournalModel", "Refused"),
    "failed": QT_TRANSLATE_NOOP("JournalModel", "Failed"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("JournalModel", text)


def action_text(action: str) -> str:
    """ "Disable", "Enable", "Create" (translated); anything else as stored."""
    words = ACTION_WORDS.get(action)
    return _tr(words) if words else action


def outcome_text(outcome: str) -> str:
    words = OUTCOME_WORDS.get(outcome)
    return _tr(words) if words else outcome


def _status(code: str | None, unknown: str) -> str:
    return status_text(LinkStatus(code)) if code else unknown


def before_after_text(entry: JournalEntry) -> str:
    """ "Active → Disabled"; a create "→ Active"; "?" an unknown status before, "—" none after."""
    draft = entry.draft
    after = _status(draft.status_after, "—")
    if draft.action == "create":
        return f"→ {after}"
    return f"{_status(draft.status_before, '?')} → {after}"


def link_text(entry: JournalEntry, names: Mapping[str, str]) -> str:
    """The link's cached name and its id: "Iftar dinner (0c2f…)"; the id alone when not cached."""
    link_id = entry.draft.link_id
    if not link_id:
        return "—"
    name = names.get(link_id)
    return f"{name} ({link_id})" if name else link_id


def profile_text(entry: JournalEntry) -> str:
    return f"{entry.draft.profile} ({entry.draft.environment})"


class JournalTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[JournalEntry] = []
        self._names: Mapping[str, str] = {}

    def set_entries(self, entries: Sequence[JournalEntry], names: Mapping[str, str]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._names = names
        self.endResetModel()

    def entries(self) -> list[JournalEntry]:
        """The entries shown, in their order (do not change the list)."""
        return self._entries

    def names(self) -> Mapping[str, str]:
        return self._names

    def entry_at(self, row: int) -> JournalEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    # -- Qt overrides --------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(JournalColumn)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:  # noqa: N802
        if (
            orientation == Qt.Orientation.Horizontal
            and role == _DISPLAY
            and 0 <= section < len(JournalColumn)
        ):
            return _tr(TITLES[JournalColumn(section)])
        return super().headerData(section, orientation, role)

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        entry = self.entry_at(index.row()) if index.isValid() else None
        if entry is None:
            return None
        if role == _DISPLAY:
            return self.text(entry, JournalColumn(index.column()))
        if role == LINK_ID_ROLE:
            return entry.draft.link_id
        if role == _TOOLTIP:
            return self._tooltip(entry, JournalColumn(index.column()))
        return None

    def text(self, entry: JournalEntry, column: JournalColumn) -> str:
        """What a cell shows (the table, and a copied cell)."""
        draft = entry.draft
        match column:
            case JournalColumn.WHEN:
                return moment_text(entry.at)
            case JournalColumn.USER:
                return entry.user
            case JournalColumn.PROFILE:
                return profile_text(entry)
            case JournalColumn.ACTION:
                return action_text(draft.action)
            case JournalColumn.LINK:
                return link_text(entry, self._names)
            case JournalColumn.STATUS:
                return before_after_text(entry)
            case JournalColumn.OUTCOME:
                return outcome_text(draft.outcome)
            case JournalColumn.LEAN:
                return lean_text(entry)
            case JournalColumn.REASON:
                return draft.reason
            case JournalColumn.MESSAGE:
                return draft.message
        return draft.batch or ""

    def _tooltip(self, entry: JournalEntry, column: JournalColumn) -> str | None:
        if column == JournalColumn.WHEN:
            said = _tr("{utc} · entry {seq}").format(utc=utc_text(entry.at), seq=entry.seq)
            return plain_tooltip(said)
        text = self.text(entry, column)
        return plain_tooltip(text) if text else None  # long reasons and messages, whole
