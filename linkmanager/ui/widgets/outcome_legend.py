"""The outcomes' words and colours, and the legend that explains them (domain.outcome's RULES).

One colour per outcome (status_style.outcome_colour, re-exported here), the same in the chart, the
legend, the payments table, the usages table and the usage drawer. The tones are Okabe–Ito's
palette, made to stay distinct for people with red–green colour blindness; colour is still only a
second cue: every bar, dot and cell also carries the outcome's name. Mid tones that show on a light
and a dark window alike; the chart outlines its bars in the text colour and the table dots have a
darker rim, so each keeps a clear edge on either background.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from linkmanager.domain.i18n import QT_TRANSLATE_NOOP
from linkmanager.domain.outcome import OUTCOMES, RULES, Outcome
from linkmanager.ui.models.status_style import outcome_colour
from linkmanager.ui.text import escaped

__all__ = ["DOT", "OutcomeLegend", "legend_dialog", "legend_line", "outcome_colour", "outcome_label"]

_LABELS: dict[Outcome, str] = {
    Outcome.COLLECTED: QT_TRANSLATE_NOOP("OutcomeLegend", "Collected"),
    Outcome.PENDING: QT_TRANSLATE_NOOP("OutcomeLegend", "Pending with bank"),
    Outcome.FAILED: QT_TRANSLATE_NOOP("OutcomeLegend", "Failed"),
    Outcome.STARTED: QT_TRANSLATE_NOOP("OutcomeLegend", "Started"),
    Outcome.EXPIRED: QT_TRANSLATE_NOOP("OutcomeLegend", "Expired"),
    Outcome.OTHER: QT_TRANSLATE_NOOP("OutcomeLegend", "Other"),
}
DOT = "●"


def outcome_label(outcome: Outcome) -> str:
    """The outcome's name for people: "Collected", "Pending with bank", ... (translated)."""
    return QCoreApplication.translate("OutcomeLegend", _LABELS[outcome])


def rule_text(rule: str) -> str:
    """domain.outcome's RULES line, translated (marked there in the context "OutcomeLegend")."""
    return QCoreApplication.translate("OutcomeLegend", rule) if rule else ""


def legend_line(outcome: Outcome, rule: str) -> str:
    """The line for `outcome`, "Collected — the bank accepted … (…)", in plain text."""
    line = QCoreApplication.translate("OutcomeLegend", "{outcome} — {rule}")
    return line.format(outcome=outcome_label(outcome), rule=rule_text(rule))


class OutcomeLegend(QWidget):
    """One line per outcome rule, in the order finance staff read them, each with its colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Outcome legend"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        rules = dict(RULES)
        self.lines: dict[Outcome, QLabel] = {}
        for outcome in OUTCOMES:
            rule = rules.get(outcome, "")
            plain = legend_line(outcome, rule)
            label = QLabel(
                f'<span style="color:{outcome_colour(outcome).name()}">{DOT}</span>&nbsp;'
                f"<b>{escaped(outcome_label(outcome))}</b> — {escaped(rule_text(rule))}"
            )
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAccessibleName(plain)
            layout.addWidget(label)
            self.lines[outcome] = label
        layout.addStretch(1)

    def plain_text(self) -> str:
        """Every line as plain text, "● Collected — …", one a line (for tests and copying)."""
        rules = dict(RULES)
        return "\n".join(f"{DOT} {legend_line(o, rules.get(o, ''))}" for o in OUTCOMES)


def legend_dialog(parent: QWidget | None = None) -> QDialog:
    """A small window with the legend and a Close button (not modal: it can stay beside the table)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("OutcomeLegend", "What the outcomes mean"))
    dialog.setAccessibleName(dialog.windowTitle())
    layout = QVBoxLayout(dialog)
    intro = QLabel(
        QCoreApplication.translate("OutcomeLegend", "Every payment attempt falls in exactly one outcome:")
    )
    intro.setWordWrap(True)
    layout.addWidget(intro)
    layout.addWidget(OutcomeLegend(dialog))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.setMinimumWidth(620)
    return dialog
