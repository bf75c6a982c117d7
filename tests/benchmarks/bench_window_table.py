"""bench_window's one table: measure, value, reference, ratio, goal, met (a Markdown table)."""

from __future__ import annotations

from dataclasses import dataclass

HEADER = ("measure", "value", "reference", "ratio", "goal", "met")


@dataclass(frozen=True)
class Row:
    measure: str
    value: str
    reference: str
    ratio: float | None  # value / reference, when they compare
    goal: str
    met: bool | None  # None: nothing to judge
    result: str = "-"  # said instead of met / NOT MET when met is None

    def cells(self, smoke: bool) -> list[str]:
        ratio = "-" if self.ratio is None else f"{self.ratio:,.2f}x"
        if smoke:  # tiny sizes: the figures show that every measure is made, nothing more
            return [self.measure, self.value, self.reference, ratio, "smoke", ""]
        met = self.result if self.met is None else ("met" if self.met else "NOT MET")
        return [self.measure, self.value, self.reference, ratio, self.goal, met]


def print_table(rows: list[Row], *, smoke: bool) -> None:
    table = [list(HEADER), *(row.cells(smoke) for row in rows)]
    widths = [max(len(cells[i]) for cells in table) for i in range(len(HEADER))]
    right = {1, 3}  # figures line up on their units

    def line(cells: list[str]) -> str:
        padded = [
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "| " + " | ".join(padded) + " |"

    print(line(table[0]))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for cells in table[1:]:
        print(line(cells))
