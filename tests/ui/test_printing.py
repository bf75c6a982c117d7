"""Printed QR codes scan: every template goes through the print painter to PDF, poppler rasterises
it at 150 dpi (as a cheap office printer would), and zxing-cpp must read back the link's URL."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter

from linkmanager.domain.models import PaymentDetails, PaymentLink
from linkmanager.domain.money import Money
from linkmanager.domain.status import LinkStatus
from linkmanager.services.print_batch import SheetItem, SheetLayout, choose_links, sheet_layout
from linkmanager.services.qr import module_count
from linkmanager.ui.printing.output import configure_printer, write_code_pdf, write_sheet_pdf
from linkmanager.ui.printing.painter import paint_sheet

pytestmark = pytest.mark.usefixtures("qapp")

NOW = datetime(2026, 5, 20, 10, 0, tzinfo=UTC)
DUBAI = timezone(timedelta(hours=4), "+04")
BASE = "https://pay.simulator.invalid/pay/"
LONG_URL = BASE + "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f?" + "&".join(f"k{i}=v{i:03d}xyz" for i in range(40))
DPI = 150


def make(n: int, status: LinkStatus = LinkStatus.ACTIVE, **changes: object) -> PaymentLink:
    link = PaymentLink(
        id=f"0b9e0a4c-3f6e-4a51-9d7a-1b7f3c2e{n:04d}",
        url=f"{BASE}0b9e0a4c-3f6e-4a51-9d7a-1b7f3c2e{n:04d}",
        status=status,
        current_usages=0,
        payment_details=PaymentDetails(Money(Decimal("1500.00"), "AED"), f"REF-{n}"),
        name=f"Link {n}",
        expires_at=datetime(2026, 5, 30, 10, 0, tzinfo=UTC),
    )
    return replace(link, **changes)  # type: ignore[arg-type]


def rasterise(pdf: Path, dpi: int = DPI, *, antialias: bool = True) -> list[Image.Image]:
    prefix = pdf.with_name(pdf.stem + f"-{dpi}")
    args = ["pdftoppm", "-r", str(dpi), "-png"]
    if not antialias:
        args += ["-aa", "no", "-aaVector", "no"]
    subprocess.run([*args, str(pdf), str(prefix)], check=True)
    pages = sorted(pdf.parent.glob(prefix.name + "-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    return [Image.open(page) for page in pages]


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def page_points(pdf: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    line = next(line for line in info.splitlines() if line.startswith("Page size:"))
    width, _, height = line.split()[2:5]
    return float(width), float(height)


def word_boxes(pdf: Path) -> dict[str, list[tuple[float, float]]]:
    """Each word of the PDF's text and the (x, y) of its top left corners, in points."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True)
    found: dict[str, list[tuple[float, float]]] = {}
    for x, y, word in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', html.stdout):
        found.setdefault(word, []).append((float(x), float(y)))
    return found


def mm_to_points(mm: float) -> float:
    return mm / 25.4 * 72


def write(tmp_path: Path, layout: SheetLayout, items: Sequence[SheetItem], name: str = "sheet") -> Path:
    path = tmp_path / f"{name}.pdf"
    write_sheet_pdf(path, layout, items, tz=DUBAI)
    return path


def decoded(image: Image.Image) -> list[zxingcpp.Result]:
    return list(zxingcpp.read_barcodes(image))


LAYOUTS = {
    "card-A6": lambda qr: sheet_layout("card", qr_mm=qr),
    "card-A5": lambda qr: sheet_layout("card", paper="A5", qr_mm=qr),
    "receipt": lambda qr: sheet_layout("receipt", qr_mm=qr, bilingual=True),
    "labels": lambda qr: sheet_layout("labels", qr_mm=qr),
    # A long URL needs a larger code than a 3 x 8 label holds: labels are configurable.
    "labels-2x4": lambda qr: sheet_layout("labels", columns=2, rows=4, qr_mm=qr),
}


@pytest.mark.parametrize(
    ("template", "url", "qr_mm"),
    [
        *((name, make(1).url, None) for name in ("card-A6", "card-A5", "receipt", "labels")),
        *((name, LONG_URL, None) for name in ("card-A6", "card-A5", "receipt")),
        ("labels-2x4", LONG_URL, 45),
        *((name, make(1).url, 20) for name in ("card-A6", "card-A5", "receipt", "labels")),
    ],
)
def test_every_template_prints_a_code_that_decodes_to_the_url(
    tmp_path: Path, template: str, url: str, qr_mm: float | None
) -> None:
    assert len(LONG_URL) > 500
    layout = LAYOUTS[template](qr_mm)
    pdf = write(tmp_path, layout, [SheetItem(make(1, url=url))])
    width, height = layout.page_size()
    assert page_points(pdf) == pytest.approx((mm_to_points(width), mm_to_points(height)), abs=1.0)
    (page,) = rasterise(pdf)
    (result,) = decoded(page)
    assert result.text == url
    # The code itself (quiet zone not counted) is printed at the size asked for, never under 20 mm.
    symbol_px = result.position.top_right.x - result.position.top_left.x
    printed_mm = symbol_px / DPI * 25.4
    assert printed_mm == pytest.approx(layout.qr_mm, abs=0.5)
    assert printed_mm >= 19.8


def test_the_printer_path_paints_the_same_sheet(tmp_path: Path) -> None:
    """QPrinter (what the preview and the OS print dialog drive), in PDF mode."""
    layout = sheet_layout("card")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    configure_printer(printer, layout)
    painter = QPainter(printer)
    pages = paint_sheet(painter, printer, layout, [SheetItem(make(1)), SheetItem(make(2))], DUBAI)
    painter.end()
    assert pages == 2
    assert page_points(tmp_path / "printer.pdf") == pytest.approx((297.6, 419.5), abs=1.0)  # A6
    assert [r.text for page in rasterise(tmp_path / "printer.pdf") for r in decoded(page)] == [
        make(1).url,
        make(2).url,
    ]


def test_a_sheet_of_24_labels_decodes_to_the_active_urls_in_order(tmp_path: Path) -> None:
    links = [make(n) for n in range(1, 25)]
    # Not ACTIVE, mixed in among them: left out, the others keep their order.
    links[3:3] = [make(90, LinkStatus.EXPIRED), make(91, LinkStatus.DISABLED)]
    links[15:15] = [make(92, current_usages=1, max_usages=1), make(93, expires_at=NOW - timedelta(hours=1))]
    choice = choose_links(links, NOW)
    assert choice.summary == "4 links left out: 2 expired, 1 used, 1 disabled"
    layout = sheet_layout("labels")
    pdf = write(tmp_path, layout, choice.items)
    (page,) = rasterise(pdf)
    results = decoded(page)
    row_px = layout.cell(0).height / 25.4 * DPI

    def reading_order(result: zxingcpp.Result) -> tuple[int, int]:
        return int(result.position.top_left.y // row_px), result.position.top_left.x

    assert [r.text for r in sorted(results, key=reading_order)] == [make(n).url for n in range(1, 25)]


def test_labels_run_onto_a_second_page_and_cards_take_one_each(tmp_path: Path) -> None:
    items = [SheetItem(make(n)) for n in range(1, 26)]
    labels = rasterise(write(tmp_path, sheet_layout("labels"), items, "labels"))
    assert [len(decoded(page)) for page in labels] == [24, 1]
    assert write_sheet_pdf(tmp_path / "cards.pdf", sheet_layout("card"), items[:3]) == 3


def test_a_disabled_link_printed_on_request_carries_the_mark(tmp_path: Path) -> None:
    links = [make(1), make(2, LinkStatus.DISABLED), make(3)]
    items = choose_links(links, NOW, include_disabled=True).items
    pdf = write(tmp_path, sheet_layout("labels"), items)
    text = pdf_text(pdf)
    assert text.count("DISABLED") == 1
    places = word_boxes(pdf)
    (mark,), (ref,) = places["DISABLED"], places["REF-2"]
    assert abs(mark[0] - ref[0]) < 15, "in its own link's column of words, beside its code"
    assert mark[1] > ref[1], "under its reference"
    assert text.count("Scan to pay") == 2, "the mark replaces the call to pay"
    (page,) = rasterise(pdf)
    assert sorted(r.text for r in decoded(page)) == sorted(link.url for link in links)

    card = write(tmp_path, sheet_layout("card"), items[1:2], "card")
    assert "DISABLED" in pdf_text(card)
    assert "Scan to pay" not in pdf_text(card)


def test_the_receipt_is_pure_black_on_white(tmp_path: Path) -> None:
    items = choose_links([make(1), make(2, LinkStatus.DISABLED)], NOW, include_disabled=True).items
    pdf = write(tmp_path, sheet_layout("receipt", bilingual=True), items)
    for page in rasterise(pdf, 203, antialias=False):  # a thermal printer's 8 dots/mm
        colours = {colour for _, colour in page.convert("RGB").getcolors(1 << 16)}
        assert colours == {(0, 0, 0), (255, 255, 255)}, "no grey: text, code and mark are pure black"
    page_mm = sheet_layout("receipt", bilingual=True).page_size()
    assert page_points(pdf) == pytest.approx(tuple(map(mm_to_points, page_mm)), abs=1.0)
    assert page_mm[0] == 80


def test_a_card_says_what_the_counter_needs_in_local_time(tmp_path: Path) -> None:
    link = make(7, payment_details=PaymentDetails(Money(Decimal("12.5"), "KWD"), "INV-2026-0042"))
    text = pdf_text(write(tmp_path, sheet_layout("card"), [SheetItem(link)]))
    for expected in (
        "Link 7",
        "KWD 12.500",
        "Scan to pay",
        "Reference INV-2026-0042",
        "Expires 30 May 2026 14:00 +04:00",
        f"Link ID {link.id}",
    ):
        assert expected in text


def test_the_arabic_caption_is_shaped(tmp_path: Path) -> None:
    """The PDF's text holds Arabic contextual forms (initial, medial, final): the glyphs were
    joined by the shaper, not printed as isolated letters."""
    text = pdf_text(write(tmp_path, sheet_layout("card", bilingual=True), [SheetItem(make(1))]))
    assert "امسح للدفع" in unicodedata.normalize("NFKC", text)
    forms = {unicodedata.name(ch).rsplit(" ", 2)[-2] for ch in text if "\ufe70" <= ch <= "\ufefc"}
    assert {"INITIAL", "MEDIAL", "FINAL"} <= forms


def test_server_text_is_plain_and_long_names_never_cut_the_amount_or_the_id(tmp_path: Path) -> None:
    link = make(8, name="<b>Rent</b>\n" + "very long name " * 30)
    text = pdf_text(write(tmp_path, sheet_layout("card"), [SheetItem(link)]))
    assert "<b>Rent</b> very long name" in text
    assert "…" in text
    assert "AED 1,500.00" in text
    assert link.id in text


@pytest.mark.parametrize("mark", [None, "DISABLED"])
def test_a_single_code_pdf_is_its_own_size_and_decodes(tmp_path: Path, mark: str | None) -> None:
    path = tmp_path / "code.pdf"
    write_code_pdf(path, make(1).url, 25, mark=mark)
    width, height = page_points(path)
    assert width == pytest.approx(mm_to_points(25), abs=1.0)
    assert (height > width) == bool(mark)
    (page,) = rasterise(path)
    assert [r.text for r in decoded(page)] == [make(1).url]
    assert ("DISABLED" in pdf_text(path)) == bool(mark)


@pytest.mark.parametrize("size_mm", [19.9, 0, 24.3, float("nan"), float("inf")])
def test_a_single_code_pdf_is_never_under_20_mm(tmp_path: Path, size_mm: float) -> None:
    """The code itself: 37 modules of the 45 with its quiet zone, so 24.4 mm in all."""
    path = tmp_path / "small.pdf"
    with pytest.raises(
        ValueError, match=r"at least 24\.4 mm wide with its quiet zone \(the code itself 20 mm\)"
    ):
        write_code_pdf(path, make(1).url, size_mm)
    assert not path.exists()


def test_on_a_printer_modules_are_whole_dots_and_pure_black() -> None:
    """A raster device (what a printer driver gets): every module the same number of dots."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage

    from linkmanager.services.qr import qr_matrix
    from linkmanager.ui.printing.painter import paint_code

    image = QImage(420, 420, QImage.Format.Format_RGB32)
    image.fill(0xFF808080)  # grey: whatever the code leaves unpainted shows
    painter = QPainter(image)
    area = paint_code(painter, QRectF(3.3, 7.7, 399.6, 399.6), qr_matrix(make(1).url), min_px=160)
    painter.end()
    modules = module_count(make(1).url)
    unit = area.width() / modules
    assert unit == int(unit) == 399 // modules
    assert (area.x(), area.y()) == (round(area.x()), round(area.y()))
    inside = image.copy(int(area.x()), int(area.y()), int(area.width()), int(area.height()))
    colours = {inside.pixel(x, y) & 0xFFFFFF for x in range(inside.width()) for y in range(inside.height())}
    assert colours == {0x000000, 0xFFFFFF}
    pil = Image.frombytes(
        "RGBA", (420, 420), bytes(image.convertToFormat(QImage.Format.Format_RGBA8888).constBits())
    )
    assert [r.text for r in decoded(pil)] == [make(1).url]
