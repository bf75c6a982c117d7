"""The sync problems as a table: which link, what happened, since when, Lean's sentence.

A handful of rows (one per link and kind), so a plain QAbstractTableModel reset per change.
Everything in a row came from Lean or quotes it: cells are plain text (a view never guesses
markup from a cell; tooltips are escaped), names and sentences isolated for bidi, and the copied
text shows invisible format characters (a U+202E that would turn a line around) as escapes.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, tzinfo
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from linkmanager.domain.lifecycle import moment_text, utc_text
from linkmanager.services.workspace import SyncProblem
from linkmanager.ui.text import LEFT_TO_RIGHT, isolated
from linkmanager.ui.widgets.copy_field import plain_tooltip

AnyIndex = QModelIndex | QPersistentModelIndex
PROBLEM_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # -> SyncProblem
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_KEPT_FORMAT = "\u200c\u200d"  # joiners shape Arabic: not escaped


class ProblemColumn(IntEnum):
    LINK = 0
    WHAT = 1
    SINCE = 2
    DETAIL = 3


def column_titles() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("SyncProblemsModel", "Link"),
        QCoreApplication.translate("SyncProblemsModel", "What happened"),
        QCoreApplication.translate("SyncProblemsModel", "Since"),
        QCoreApplication.translate("SyncProblemsModel", "Detail"),
    )


def kind_label(what: str) -> str:
    """A short label for an engine code (services.sync_usages.ProblemKind); unknown codes as they are."""
    labels = {
        "usages-unreadable": QCoreApplication.translate("SyncProblemsModel", "Usages could not be read"),
        "usages-malformed": QCoreApplication.translate("SyncProblemsModel", "Malformed usages"),
        "usages-inconsistent": QCoreApplication.translate(
            "SyncProblemsModel", "Usages that contradict themselves"
        ),
        "link-malformed": QCoreApplication.translate("SyncProblemsModel", "Malformed link record"),
        "page-unreadable": QCoreApplication.translate(
            "SyncProblemsModel", "A page of links could not be read"
        ),
        "page-totals": QCoreApplication.translate("SyncProblemsModel", "Impossible page totals"),
        "listing-short": QCoreApplication.translate("SyncProblemsModel", "Links missing from the list"),
        "internal-error": QCoreApplication.translate("SyncProblemsModel", "Error inside LinkManager"),
    }
    return labels.get(what, what)


def visible_controls(text: str) -> str:
    """`text` with control and format characters (bidi overrides, isolates, NUL) written as \\u202e
    escapes, so nothing invisible reorders or hides what is shown or pasted; lines and tabs stay."""
    out = []
    for ch in text:
        invisible = unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") and ch not in "\n\t" + _KEPT_FORMAT
        out.append(f"\\u{ord(ch):04x}" if invisible else ch)
    return "".join(out)


def readable_json(raw: str) -> str:
    """Compact JSON indented to be read, when indenting changes nothing but white space (the
    compact form written again is exactly `raw`); anything else (an excerpt cut short, numbers
    Python would write differently) exactly as it came."""
    try:
        value = json.loads(raw)
        compact = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    except (ValueError, RecursionError):
        return raw
    if compact != raw or not isinstance(value, dict | list):
        return raw
    return json.dumps(value, ensure_ascii=False, indent=2)


def one_line(text: str) -> str:
    return " ".join(text.split())


def problem_key(problem: SyncProblem) -> tuple[str | None, str]:
    return problem.link_id, problem.what


class ProblemsTableModel(QAbstractTableModel):
    """Rows of SyncProblem in the cache's order (oldest first); PROBLEM_ROLE gives the problem."""

    def __init__(
        self, now: Callable[[], datetime], zone: Callable[[], tzinfo], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._zone = zone
        self._problems: list[SyncProblem] = []
        self._names: Mapping[str, str] = {}

    def set_problems(self, problems: Sequence[SyncProblem], names: Mapping[str, str]) -> None:
        """`names`: the cached links' names by id (a link not cached shows its id)."""
        self.beginResetModel()
        self._problems = list(problems)
        self._names = dict(names)
        self.endResetModel()

    def problem_at(self, row: int) -> SyncProblem | None:
        return self._problems[row] if 0 <= row < len(self._problems) else None

    def row_of(self, key: tuple[str | None, str]) -> int | None:
        return next((row for row, p in enumerate(self._problems) if problem_key(p) == key), None)

    def is_cached(self, link_id: str | None) -> bool:
        return link_id is not None and link_id in self._names

    # -- texts -------------------------------------------------------------------------------------

    def link_text(self, problem: SyncProblem) -> str:
        if problem.link_id is None:
            return self.tr("(list of links)")
        name = self._names.get(problem.link_id)
        # Left to right whatever the name's script (see ui.text), so the column lines up.
        return f"{LEFT_TO_RIGHT}{isolated(one_line(name))}" if name else problem.link_id

    def since_text(self, problem: SyncProblem) -> str:
        moment = problem.since or problem.seen_at
        return moment_text(moment, self._zone()) if moment else "—"

    def copy_text(self, problem: SyncProblem) -> str:
        """The problem as plain text for the clipboard (a support ticket, an email to Lean)."""
        if problem.link_id is None:
            link = self.tr("(list of links)")
        else:
            name = self._names.get(problem.link_id)
            link = f"{one_line(name)} ({problem.link_id})" if name else problem.link_id
        lines = [
            self.tr("Link: {link}").format(link=link),
            self.tr("What happened: {label} ({code})").format(
                label=kind_label(problem.what), code=problem.what
            ),
        ]
        if problem.since is not None:
            lines.append(
                self.tr("Since: {local}, {utc}").format(
                    local=self.since_text(problem), utc=utc_text(problem.since)
                )
            )
        if problem.seen_at is not None:
            lines.append(self.tr("Last met: {utc}").format(utc=utc_text(problem.seen_at)))
        lines.append(self.tr("Detail: {detail}").format(detail=problem.detail))
        if problem.raw:
            lines += [self.tr("What Lean sent:"), problem.raw]
        return visible_controls("\n".join(lines))

    # -- Qt ----------------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(ProblemColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:  # noqa: N802
        if (
            orientation == Qt.Orientation.Horizontal
            and role == _DISPLAY
            and 0 <= section < len(ProblemColumn)
        ):
            return column_titles()[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        problem = self.problem_at(index.row()) if index.isValid() else None
        if problem is None or not 0 <= index.column() < len(ProblemColumn):
            return None
        column = ProblemColumn(index.column())
        if role == _DISPLAY:
            return self._display(problem, column)
        if role == _TOOLTIP:
            return plain_tooltip(self._tooltip(problem, column))
        if role == PROBLEM_ROLE:
            return problem
        return None

    def _display(self, problem: SyncProblem, column: ProblemColumn) -> str:
        if column == ProblemColumn.LINK:
            return self.link_text(problem)
        if column == ProblemColumn.WHAT:
            return kind_label(problem.what)
        if column == ProblemColumn.SINCE:
            return self.since_text(problem)
        return f"{LEFT_TO_RIGHT}{isolated(one_line(problem.detail))}"

    def _tooltip(self, problem: SyncProblem, column: ProblemColumn) -> str:
        if column == ProblemColumn.LINK:
            if problem.link_id is None:
                return self.tr(
                    "The list of links itself: links on the part that was not read keep their last copy."
                )
            return self.tr("Link ID: {id}").format(id=problem.link_id)
        if column == ProblemColumn.WHAT:
            return problem.what
        if column == ProblemColumn.SINCE:
            parts = []
            if problem.since is not None:
                parts.append(self.tr("First met: {utc}").format(utc=utc_text(problem.since)))
            if problem.seen_at is not None:
                parts.append(self.tr("Last met: {utc}").format(utc=utc_text(problem.seen_at)))
            return "\n".join(parts)
        return visible_controls(problem.detail)
