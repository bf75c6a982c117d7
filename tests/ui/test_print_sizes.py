"""Printed codes MEASURED on the rendered page: every template, a short URL and a long one.

Each PDF goes through the print painter, poppler renders it at 300 dpi, zxing-cpp finds every
code on the page, decodes it and gives its corners; the width of the code itself (its quiet
zone not counted) is read from those corners in millimetres and must be at least 20 mm, and the
quiet zone around it must be white (no text, no label edge in it).
"""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from linkmanager.domain.models import PaymentDetails, PaymentLink
from linkmanager.domain.money import Money
from linkmanager.domain.status import LinkStatus
from linkmanager.services.print_batch import SheetItem, SheetLayout, sheet_layout, with_copies
from linkmanager.services.qr import qr_matrix
from linkmanager.ui.printing.output import write_sheet_pdf

pytestmark = pytest.mark.usefixtures("qapp")

DPI = 300
SHORT_URL = "https://pay.simulator.invalid/pay/0b9e0a4c-3f6e-4a51-9d7a-1b7f3c2e0001"
LONG_URL = SHORT_URL + "?" + "&".join(f"k{i}=v{i:03d}xyz" for i in range(40))
NOW = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def link(url: str = SHORT_URL, **changes: object) -> PaymentLink:
    made = PaymentLink(
        id="0b9e0a4c-3f6e-4a51-9d7a-1b7f3c2e0001",
        url=url,
        status=LinkStatus.ACTIVE,
        current_usages=0,
        payment_details=PaymentDetails(Money(Decimal("262.00"), "AED"), "INV-2026-0042"),
        name="Spring sale",
        expires_at=datetime(2026, 11, 28, 19, 59, tzinfo=UTC),
    )
    return replace(made, **changes)  # type: ignore[arg-type]


def render(pdf: Path, dpi: int = DPI, *, antialias: bool = True) -> list[Image.Image]:
    prefix = pdf.with_name(f"{pdf.stem}-{dpi}")
    args = ["pdftoppm", "-r", str(dpi), "-png", *([] if antialias else ["-aa", "no", "-aaVector", "no"])]
    subprocess.run([*args, str(pdf), str(prefix)], check=True)
    pages = sorted(pdf.parent.glob(prefix.name + "-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    return [Image.open(page).convert("L") for page in pages]


def measured(page: Image.Image, url: str) -> list[tuple[float, float, float]]:
    """(x mm, y mm, width mm) of every code on the page, each decoded to `url`; its quiet zone
    checked white."""
    found = []
    modules = len(qr_matrix(url))
    for result in zxingcpp.read_barcodes(page):
        assert result.text == url
        corners = result.position
        xs = [corners.top_left.x, corners.top_right.x, corners.bottom_left.x, corners.bottom_right.x]
        ys = [corners.top_left.y, corners.top_right.y, corners.bottom_left.y, corners.bottom_right.y]
        width_px = max(xs) - min(xs)
        assert max(ys) - min(ys) == pytest.approx(width_px, abs=3), "square, not skewed"
        quiet = 4 * width_px / modules
        ring = page.crop(
            (round(min(xs) - quiet), round(min(ys) - quiet), round(max(xs) + quiet), round(max(ys) + quiet))
        )
        # the code itself, give or take 2 pixels of rounding: what is left is its quiet zone
        ring.paste(
            255,
            (
                round(quiet) - 2,
                round(quiet) - 2,
                ring.width - round(quiet) + 2,
                ring.height - round(quiet) + 2,
            ),
        )
        assert ring.getextrema()[0] >= 200, "nothing printed in the quiet zone"
        found.append((min(xs) / DPI * 25.4, min(ys) / DPI * 25.4, width_px / DPI * 25.4))
    return sorted(found, key=lambda f: (round(f[1]), f[0]))


def write(tmp_path: Path, layout: SheetLayout, items: tuple[SheetItem, ...], name: str) -> Path:
    pdf = tmp_path / f"{name}.pdf"
    write_sheet_pdf(pdf, layout, items, tz=None)
    return pdf


@pytest.mark.parametrize("url", [SHORT_URL, LONG_URL], ids=["short", "long"])
def test_24_labels_of_one_link_fill_one_a4_page_each_code_at_least_20_mm(tmp_path: Path, url: str) -> None:
    layout = sheet_layout("labels")
    items = with_copies([SheetItem(link(url))], 24, layout)
    (page,) = render(write(tmp_path, layout, items, "labels"))
    codes = measured(page, url)
    assert len(codes) == 24
    assert min(width for _, _, width in codes) >= 20
    assert all(width == pytest.approx(layout.qr_mm, abs=0.3) for _, _, width in codes)


def test_starting_at_position_5_puts_20_on_the_first_page_and_4_on_the_next(tmp_path: Path) -> None:
    layout = sheet_layout("labels", start_at=5)
    items = with_copies([SheetItem(link())], 24, layout)
    first, second = render(write(tmp_path, layout, items, "part-used"))
    on_first, on_second = measured(first, SHORT_URL), measured(second, SHORT_URL)
    assert (len(on_first), len(on_second)) == (20, 4)
    assert all(width >= 20 for *_, width in on_first + on_second)
    # Positions 1 to 4 (the first row and the first label of the second) stay empty: the first code
    # printed is in the second row's second label; the next page starts at its first position.
    full = measured(render(write(tmp_path, sheet_layout("labels"), items, "full"))[0], SHORT_URL)
    assert on_first[0][:2] == pytest.approx(full[4][:2], abs=0.5)
    for shown, expected in zip(on_second, full[:4], strict=True):
        assert shown[:2] == pytest.approx(expected[:2], abs=0.5)


@pytest.mark.parametrize("template", ["card", "receipt", "receipt58"])
@pytest.mark.parametrize("url", [SHORT_URL, LONG_URL], ids=["short", "long"])
def test_cards_and_receipts_print_the_code_at_least_20_mm(tmp_path: Path, template: str, url: str) -> None:
    layout = sheet_layout(template, bilingual=True)
    items = with_copies([SheetItem(link(url))], 2, layout)
    pages = render(write(tmp_path, layout, items, template))
    assert len(pages) == 2, "a copy of a card or a receipt is a page"
    for page in pages:
        ((_, _, width),) = measured(page, url)
        assert width >= 20
        assert width == pytest.approx(layout.qr_mm, abs=0.3)


def test_the_58_mm_receipt_is_pure_black_on_white(tmp_path: Path) -> None:
    items = (SheetItem(link()), SheetItem(link(status=LinkStatus.DISABLED)))
    pdf = write(tmp_path, sheet_layout("receipt58", bilingual=True), items, "receipt58")
    for page in render(pdf, 203, antialias=False):  # a thermal printer's 8 dots/mm
        assert {colour for _, colour in page.getcolors(256)} == {0, 255}, "no grey: text, code, mark"
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    width_pt = float(next(line for line in info.splitlines() if line.startswith("Page size:")).split()[2])
    assert width_pt == pytest.approx(58 / 25.4 * 72, abs=1)


@pytest.mark.usefixtures("dubai")
def test_a_card_dates_its_expiry_in_the_shops_zone(tmp_path: Path) -> None:
    """tz=None, as the command line and the window pass it: the workstation's zone, with its offset."""
    pdf = write(tmp_path, sheet_layout("card"), (SheetItem(link()),), "card")
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert "Expires 28 Nov 2026 23:59 +04:00" in text
    assert "UTC" not in text


def test_each_label_carries_its_reference_or_its_short_id(tmp_path: Path) -> None:
    layout = sheet_layout("labels")
    items = (
        SheetItem(link()),
        SheetItem(link(payment_details=PaymentDetails(Money(Decimal("5"), "AED"), ""))),
    )
    text = subprocess.run(
        ["pdftotext", str(write(tmp_path, layout, items, "refs")), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "INV-2026-0042" in text
    assert "ID 0b9e0a4c…" in text
    assert link().expires_at > NOW  # type: ignore[operator]
