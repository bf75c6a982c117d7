"""The words and defaults around a print: template choices, file names, the left-out list.

Kept apart from the preview so the window can build its print actions without loading Qt's
print support, which is only needed once someone prints.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from linkmanager.domain.models import PaymentLink
from linkmanager.services.print_batch import SheetChoice, SheetLayout, Template, plain_line
from linkmanager.services.qr import default_file_name
from linkmanager.ui.text import LEFT_TO_RIGHT, isolated

# (label, template, paper): the choices a person at a counter needs; a label sheet's grid is
# chosen beside it (3 x 8 on A4, 3 x 7 on Letter by default). The labels are translated where
# shown (template_label).
TEMPLATES: tuple[tuple[str, Template, str | None], ...] = (
    (str(QT_TRANSLATE_NOOP("PrintChoices", "Counter card (A6)")), Template.CARD, "A6"),
    (str(QT_TRANSLATE_NOOP("PrintChoices", "Counter card (A5)")), Template.CARD, "A5"),
    (str(QT_TRANSLATE_NOOP("PrintChoices", "Receipt (80 mm roll)")), Template.RECEIPT, None),
    (str(QT_TRANSLATE_NOOP("PrintChoices", "Receipt (58 mm roll)")), Template.RECEIPT58, None),
    (str(QT_TRANSLATE_NOOP("PrintChoices", "Label sheet (A4)")), Template.LABELS, "A4"),
    (str(QT_TRANSLATE_NOOP("PrintChoices", "Label sheet (Letter)")), Template.LABELS, "Letter"),
)


def template_label(label: str) -> str:
    """A TEMPLATES label in the interface's language."""
    return QCoreApplication.translate("PrintChoices", label)


def pdf_filter() -> str:
    """The save dialog's filter: its description translated, its pattern as it is."""
    return QCoreApplication.translate("PrintChoices", "PDF document") + " (*.pdf)"


def default_template(count: int) -> int:
    """A counter card for one link, a label sheet for several (an index into TEMPLATES)."""
    wanted = (Template.CARD, "A6") if count <= 1 else (Template.LABELS, "A4")
    return next(n for n, (_, template, paper) in enumerate(TEMPLATES) if (template, paper) == wanted)


def template_index(label: str | None) -> int | None:
    """The TEMPLATES index of a remembered choice, by its (untranslated) label; None if gone."""
    return next((n for n, (known, _, _) in enumerate(TEMPLATES) if known == label), None)


def sheet_file_name(links: Sequence[PaymentLink], layout: SheetLayout) -> str:
    """ "May rent-qr.pdf" for one link, "qr-labels-24-links.pdf" for several."""
    if len(links) == 1:
        return default_file_name(links[0], "-qr.pdf")
    return f"qr-{layout.template.value}-{len(links)}-links.pdf"


BANNER_LINES = 8  # links named in the preview's banner; more would push the pages off the screen
NOTICE_LINES = 15  # in a message box, whose Details hold the whole list


def left_out_lines(choice: SheetChoice) -> list[str]:
    """One line a link left out: its name, id and reason."""
    lines = []
    for out in choice.left_out:
        name = plain_line(out.link.display_name)
        # Left to right whatever the name's script (see ui.text): an Arabic name first would
        # otherwise turn the line around ("disabled (…) :(id) اسم •").
        shown = f"{isolated(name)} ({out.link.id})" if name else out.link.id
        lines.append(f"{LEFT_TO_RIGHT}• {shown}: {out.reason}")
    return lines


def left_out_text(choice: SheetChoice, limit: int | None = None) -> str:
    """The banner: the summary, then the links left out, at most `limit` of them and a count
    of the rest (the summary already counts every kind)."""
    if not choice.left_out:
        return ""
    lines = left_out_lines(choice)
    if limit is not None and len(lines) > limit:
        more = QCoreApplication.translate("PrintChoices", "… and {count} more").format(
            count=len(lines) - (limit - 1)
        )
        lines = [*lines[: limit - 1], more]
    return "\n".join([f"{choice.summary}:", *lines])
