"""A bank statement's column titles, for the columns dialog to offer before anything is read.

The same reading as services.statement (size limits, CSV or XLSX by content, each likely
delimiter): the header is taken to be the row with the most filled cells among the first rows.
"""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

from linkmanager.domain.i18n import translate
from linkmanager.services.statement import HEADER_ROWS, MAX_CELL, StatementError, tables_of

MOST_TITLES = 200  # a wider "header" is no bank's


def _cell(value: object) -> str:
    return " ".join(str(value).split())[:MAX_CELL] if value is not None else ""


def statement_titles(path: Path) -> list[str]:
    """The likeliest header row's non-empty titles, in column order; [] when none has two.
    StatementError (one sentence) when the file is no statement at all."""
    path = Path(path)
    tables = tables_of(path)
    try:
        for _sheet, rows in tables:
            head = [[_cell(c) for c in row[:MOST_TITLES]] for row in itertools.islice(rows, HEADER_ROWS)]
            best = max(head, key=lambda row: sum(1 for c in row if c), default=[])
            titles = [c for c in best if c]
            if len(titles) >= 2:
                return titles
    except csv.Error as exc:
        not_csv = translate("Statement", "{name} is not a CSV file this program can read ({error}).")
        raise StatementError(not_csv.format(name=path.name, error=exc)) from None
    finally:
        getattr(tables, "close", lambda: None)()
    return []
