"""QR codes are decoded back (zxing-cpp) and must give the link's URL; file names survive hostile names."""

from __future__ import annotations

import io
import unicodedata
from decimal import Decimal

import pytest
import zxingcpp
from PIL import Image

from linkmanager.domain.models import PaymentDetails, PaymentLink
from linkmanager.domain.money import Money
from linkmanager.domain.status import LinkStatus
from linkmanager.services.qr import (
    QrError,
    default_file_name,
    module_count,
    qr_matrix,
    qr_png,
    qr_svg,
)

URL = "https://pay.simulator.invalid/pay/0b9e0a4c-3f6e-4a51-9d7a-1b7f3c2e9a10"
LONG_URL = "https://pay.simulator.invalid/pay/" + "a1b2c3d4e5-" * 80 + "?ref=" + "x" * 200


def decode(image: Image.Image) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(image)]


def png_image(data: bytes) -> Image.Image:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    return Image.open(io.BytesIO(data))


def link(name: str | None, link_id: str = "5d6f0c1e-2b7a-4c39-8e21-9f0a1b2c3d4e") -> PaymentLink:
    return PaymentLink(
        id=link_id,
        url=URL,
        status=LinkStatus.ACTIVE,
        current_usages=0,
        payment_details=PaymentDetails(Money(Decimal("10.00"), "AED"), "REF-1"),
        name=name,
    )


@pytest.mark.parametrize(
    ("url", "ec"),
    [
        *((URL, ec) for ec in "LMQH"),
        (LONG_URL, "L"),
        (LONG_URL, "M"),  # about 1,200 characters: a version 33 code
        ("https://pay.example/ع/دفع?x=1", "M"),
    ],
)
def test_png_decodes_to_the_url(url: str, ec: str) -> None:
    assert decode(png_image(qr_png(url, ec=ec))) == [url]


def test_png_is_pure_black_on_white_with_a_quiet_zone_of_four_modules() -> None:
    image = png_image(qr_png(URL, box_size=3, border=0)).convert("L")
    assert {colour for _, colour in image.getcolors()} == {0, 255}
    modules = module_count(URL)
    assert image.size == (modules * 3, modules * 3)
    quiet = 4 * 3  # border 0 was asked for; 4 modules were kept
    for x in range(image.width):
        for y in (*range(quiet), *range(image.height - quiet, image.height)):
            assert image.getpixel((x, y)) == 255
            assert image.getpixel((y, x)) == 255
    assert image.getpixel((quiet, quiet)) == 0  # the finder pattern starts right after the zone


def test_a_wider_border_is_kept() -> None:
    narrow = png_image(qr_png(URL, box_size=1))
    wide = png_image(qr_png(URL, box_size=1, border=6))
    assert wide.width == narrow.width + 4


def test_a_marked_png_still_scans_and_is_taller() -> None:
    plain = png_image(qr_png(URL))
    marked = png_image(qr_png(URL, mark="DISABLED"))
    assert marked.width == plain.width
    assert marked.height > plain.height
    band = marked.convert("L").crop((0, plain.height, marked.width, marked.height))
    assert 0 in {colour for _, colour in band.getcolors()}, "the mark is drawn in the band"
    assert decode(marked) == [URL]


@pytest.mark.parametrize("box", [1, 2, 10, 13, 16, 24, 40])
def test_the_mark_keeps_out_of_the_quiet_zone(box: int) -> None:
    """The DISABLED mark sits in its band under the code: not one dark pixel in the 4 modules of
    white below the code, at any module size (16 is what the window and the CLI save)."""
    code = module_count(URL) * box
    marked = png_image(qr_png(URL, box_size=box, mark="DISABLED")).convert("L")
    below = marked.crop((0, code - 4 * box, marked.width, code))
    assert {colour for _, colour in below.getcolors()} == {255}
    band = marked.crop((0, code, marked.width, marked.height))
    assert 0 in {colour for _, colour in band.getcolors()}, "the mark is drawn in the band"
    assert decode(marked) == [URL]


@pytest.mark.parametrize("size", [module_count(URL), 300, 301, 517])
def test_png_of_an_exact_size_keeps_whole_modules_and_decodes(size: int) -> None:
    image = png_image(qr_png(URL, size=size)).convert("L")
    assert image.size == (size, size)
    assert {colour for _, colour in image.getcolors()} == {0, 255}
    box = size // module_count(URL)
    dark = [x for x in range(size) if image.getpixel((x, size // 2)) == 0]
    assert min(dark) >= 4 * box, "the quiet zone is at least 4 modules"
    assert decode(image) == [URL]


def test_png_smaller_than_one_pixel_a_module_is_refused() -> None:
    with pytest.raises(QrError, match=f"at least {module_count(URL)} pixels"):
        qr_png(URL, size=module_count(URL) - 1)


def test_the_matrix_is_the_code_without_its_quiet_zone() -> None:
    matrix = qr_matrix(URL)
    assert len(matrix) + 8 == module_count(URL)
    assert all(len(row) == len(matrix) for row in matrix)
    assert matrix[0][:7] == (True,) * 7, "a finder pattern starts the first row"
    assert len(qr_matrix(URL, "h")) > len(matrix), "more correction, a larger code"


@pytest.mark.usefixtures("qapp")
def test_svg_of_a_printed_width_decodes() -> None:
    data = qr_svg(URL, size_mm=25).decode()
    assert 'width="25mm"' in data
    assert 'height="25mm"' in data
    marked = qr_svg(URL, size_mm=25, mark="DISABLED").decode()
    assert 'width="25mm"' in marked
    modules = module_count(URL)  # the mark's band adds 6 modules of height, in proportion
    assert f'height="{25 * (modules + 6) / modules:g}mm"' in marked
    assert decode(render_svg(marked.encode())) == [URL]
    # The code itself (quiet zone not counted) is never under 20 mm printed: for this URL's 37
    # modules, 45 with the quiet zone, that is 24.4 mm in all.
    assert len(qr_matrix(URL)) == 37
    for too_small in (0, 19.9, 24.3, float("nan"), float("-inf")):
        with pytest.raises(
            ValueError, match=r"at least 24\.4 mm wide with its quiet zone \(the code itself 20 mm\)"
        ):
            qr_svg(URL, size_mm=too_small)
    assert 'width="24.4mm"' in qr_svg(URL, size_mm=24.4).decode()


def test_too_long_or_empty_is_a_qr_error() -> None:
    with pytest.raises(QrError, match="too long"):
        qr_png("https://x.invalid/" + "z" * 5000)
    with pytest.raises(QrError, match="too long"):
        qr_svg("https://x.invalid/" + "z" * 1300, ec="H")
    with pytest.raises(QrError):
        qr_svg("")
    with pytest.raises(ValueError, match="error correction"):
        qr_png(URL, ec="X")


def render_svg(data: bytes, width: int = 400) -> Image.Image:
    """Through Qt's own SVG renderer, the one the app and its print preview use (callers take
    pytest-qt's `qapp`, so the one QApplication of the session is made the usual way)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(data))
    assert renderer.isValid()
    size = renderer.defaultSize()
    image = QImage(width, width * size.height() // size.width(), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.red)  # anything the SVG leaves unpainted shows as red
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data().data()))).convert("RGB")


@pytest.mark.parametrize("url", [URL, LONG_URL])
@pytest.mark.usefixtures("qapp")
def test_svg_is_path_based_and_decodes_through_qt(url: str) -> None:
    data = qr_svg(url)
    assert 1 <= data.count(b"<path") <= 5, "a few paths, not a shape per module"
    assert data.count(b"<rect") == 1, "one white background"
    image = render_svg(data, width=600)
    assert (255, 0, 0) not in {colour for _, colour in image.getcolors(1 << 20)}, (
        "the white background covers the whole code"
    )
    assert decode(image) == [url]


def test_svg_prints_at_one_millimetre_per_module() -> None:
    data = qr_svg(URL).decode()
    modules = module_count(URL)
    assert f'width="{modules}mm"' in data
    assert f'height="{modules}mm"' in data


@pytest.mark.usefixtures("qapp")
def test_marked_svg_decodes_and_shows_the_mark() -> None:
    data = qr_svg(URL, mark="DISABLED")
    assert b">DISABLED</text>" in data
    image = render_svg(data)
    assert image.height > image.width
    assert decode(image) == [URL]


def test_svg_mark_is_escaped() -> None:
    data = qr_svg(URL, mark="<b>&x</b>").decode()
    assert "&lt;b&gt;&amp;x&lt;/b&gt;" in data


# --- file names ---------------------------------------------------------------------------------

WINDOWS_FORBIDDEN = set('<>:"/\\|?*')
# Microsoft's "Naming Files, Paths, and Namespaces": COM0 and LPT0 are reserved too, as are the
# superscript digits.
WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {
    f"{k}{n}" for k in ("COM", "LPT") for n in (*"0123456789", "¹", "²", "³")
}


def assert_portable(name: str) -> None:
    assert name.endswith("-qr.png")
    assert not WINDOWS_FORBIDDEN & set(name)
    assert not any(unicodedata.category(ch) in ("Cc", "Cf") for ch in name)
    assert not name.startswith((".", " "))
    assert name.split(".", 1)[0].rstrip(" ").upper() not in WINDOWS_RESERVED
    assert len(name.encode("utf-8")) <= 255
    assert name == unicodedata.normalize("NFC", name)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Invoice 42", "Invoice 42-qr.png"),
        ("../../etc", "etc-qr.png"),
        ("..\\..\\Windows\\system32", "Windows system32-qr.png"),
        ("<b>x</b>", "b x b-qr.png"),
        ("a:b*c?d|e", "a b c d e-qr.png"),
        ("فاتورة رقم ٤٢", "فاتورة رقم ٤٢-qr.png"),
        ("Rent\u202egnp.exe", "Rentgnp.exe-qr.png"),
        ("Tab\there\nnew line", "Tab here new line-qr.png"),
        ("Coffee ☕ 🎉", "Coffee ☕ 🎉-qr.png"),
        ("  dots...  ", "dots-qr.png"),
    ],
)
def test_file_name_from_a_hostile_name(name: str, expected: str) -> None:
    result = default_file_name(link(name), "-qr.png")
    assert result == expected
    assert_portable(result)


@pytest.mark.parametrize(
    "name", ["CON", "con", "NUL", "COM1", "lpt9", "CON.txt", "aux .x", "COM0.tar", "lpt0.x", "COM².gz"]
)
def test_file_name_avoids_windows_reserved_names(name: str) -> None:
    assert_portable(default_file_name(link(name), "-qr.png"))


def test_file_names_for_every_format() -> None:
    assert [default_file_name(link("May rent"), s) for s in ("-qr.png", "-qr.svg", "-qr.pdf")] == [
        "May rent-qr.png",
        "May rent-qr.svg",
        "May rent-qr.pdf",
    ]


def test_file_name_falls_back_to_the_id() -> None:
    assert default_file_name(link(None), "-qr.svg") == "5d6f0c1e-2b7a-4c39-8e21-9f0a1b2c3d4e-qr.svg"
    assert default_file_name(link("///"), "-qr.png") == "5d6f0c1e-2b7a-4c39-8e21-9f0a1b2c3d4e-qr.png"
    assert default_file_name(link("..", link_id="../.."), "-qr.png") == "payment-link-qr.png"


@pytest.mark.parametrize("name", ["x" * 500, "ع" * 500, "🎉" * 500, "a" + "\u0301" * 400])
def test_long_names_are_trimmed(name: str) -> None:
    result = default_file_name(link(name), "-qr.png")
    assert_portable(result)
    assert len(result) <= 80 + len("-qr.png")
    assert result[0] == unicodedata.normalize("NFC", name)[0]


def test_the_levels_named_are_qrcodes_own() -> None:
    """services.qr spells out qrcode's error-correction constants so that naming one imports
    nothing; they must stay the library's values, or "H" would quietly encode as another level."""
    import qrcode.constants

    from linkmanager.services import qr

    assert qr._LEVELS == {
        "L": qrcode.constants.ERROR_CORRECT_L,
        "M": qrcode.constants.ERROR_CORRECT_M,
        "Q": qrcode.constants.ERROR_CORRECT_Q,
        "H": qrcode.constants.ERROR_CORRECT_H,
    }
