"""QR codes of payment links as bytes (PNG, SVG), and file names to save them under.

No Qt: a worker (or the GUI thread, for one small code) encodes; the UI turns bytes into pixmaps.
Every code has a quiet zone of at least 4 modules, whatever the caller asks, because a code
printed flush against text or a card edge does not scan reliably.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree as ET

from linkmanager.domain.i18n import Context, translate
from linkmanager.domain.models import PaymentLink
from linkmanager.domain.urls import payment_page_problem

QrCounts = Context("QrCounts")  # plurals: lupdate reads X.tr(text, "", n) as a plural

if TYPE_CHECKING:
    from PIL import Image
    from qrcode.image.svg import SvgPathFillImage

# qrcode and Pillow (~45 ms of imports) load with the first code drawn, not with the window:
# the functions below import them where they use them.

__all__ = [
    "EC_LEVELS",
    "MIN_PRINT_MM",
    "QUIET_ZONE",
    "QrError",
    "check_print_width",
    "default_file_name",
    "least_print_mm",
    "module_count",
    "qr_matrix",
    "qr_png",
    "qr_svg",
]

QUIET_ZONE = 4  # modules of white around the code (ISO/IEC 18004)
MIN_PRINT_MM = 20  # smallest printed code ITSELF, quiet zone not counted: smaller ones fail on phones
_MARK_MODULES = 6  # height of the band under the code that carries a mark such as "DISABLED"

# qrcode.constants.ERROR_CORRECT_L/M/Q/H, spelled out so that naming a level loads nothing
# (tests/services/test_qr.py holds them equal).
_LEVELS = {"L": 1, "M": 0, "Q": 3, "H": 2}


EC_LEVELS = tuple(_LEVELS)  # "L", "M", "Q", "H": M by default, H when a sticker may cover part


class QrError(ValueError):
    """A URL that cannot become a QR code (empty, or too long for the largest code)."""


Matrix = tuple[tuple[bool, ...], ...]


@lru_cache(maxsize=32)
def _matrix(url: str, ec: str) -> Matrix:
    """The code's dark modules, without the quiet zone. Cached: choosing the mask pattern is most
    of the ~20 ms an encode takes, and the preview, a copy and a save all encode the same URL."""
    problem = payment_page_problem(url)
    if problem is not None:  # a cache from before the API refused such links may still hold one
        refused = translate("Qr", "it is not a payment page LinkManager will encode: {problem}")
        raise QrError(refused.format(problem=translate("Urls", problem)))
    level = _LEVELS.get(ec.upper())
    if level is None:
        raise ValueError(f"error correction is one of L, M, Q, H, not {ec!r}")
    import qrcode
    from qrcode.exceptions import DataOverflowError

    code: qrcode.QRCode[Any] = qrcode.QRCode(error_correction=level, border=0)
    code.add_data(url)
    try:
        code.make(fit=True)
    except (DataOverflowError, ValueError):  # qrcode 8 says "Invalid version (was 41...)" for too much
        length = len(url)
        raise QrError(
            QrCounts.tr("the URL is too long for a QR code (%Ln character(s))", None, length)
        ) from None
    return tuple(tuple(bool(module) for module in row) for row in code.modules)


def qr_matrix(url: str, ec: str = "M") -> Matrix:
    """The dark modules row by row, quiet zone not included: for painters that draw vectors."""
    return _matrix(url, ec.upper())


def _quiet(border: int) -> int:
    return max(QUIET_ZONE, int(border))


def module_count(url: str, *, border: int = QUIET_ZONE, ec: str = "M") -> int:
    """Width of the code in modules, quiet zone included: lets a caller pick a whole box size."""
    return len(_matrix(url, ec)) + 2 * _quiet(border)


def qr_png(
    url: str,
    *,
    box_size: int = 10,
    border: int = 4,
    ec: str = "M",
    mark: str | None = None,
    size: int | None = None,
) -> bytes:
    """Pure black on white PNG (thermal printers and scanners like no grey); `mark`, when given,
    is printed in a band under the code, clear of the quiet zone, e.g. "DISABLED".

    `size` asks for an image exactly that many pixels wide (quiet zone included) instead of
    `box_size` pixels a module: modules stay whole pixels, the spare pixels widen the quiet zone.
    """
    matrix = _matrix(url, ec)
    quiet, count = _quiet(border), len(matrix)
    if size is None:
        box, spare = max(1, int(box_size)), 0
    else:
        box = int(size) // (count + 2 * quiet)
        if box < 1:
            needs = translate("Qr", "this code needs at least {needed} pixels, not {size}")
            raise QrError(needs.format(needed=count + 2 * quiet, size=size))
        spare = int(size) - box * (count + 2 * quiet)
    from PIL import Image, ImageOps

    pixels = bytes(0 if dark else 255 for row in matrix for dark in row)
    image = ImageOps.expand(Image.frombytes("L", (count, count), pixels), border=quiet, fill=255)
    image = image.resize((image.width * box, image.height * box), Image.Resampling.NEAREST)
    if spare:
        low = spare // 2
        image = ImageOps.expand(image, border=(low, low, spare - low, spare - low), fill=255)
    if mark:
        image = _with_mark(image, mark, box)
    out = io.BytesIO()
    image.convert("1", dither=Image.Dither.NONE).save(out, format="PNG")
    return out.getvalue()


def _with_mark(code: Image.Image, mark: str, box: int) -> Image.Image:
    """`code` with `mark` centred in a band under it. Placed by the drawn letters' own box, with a
    gap above them, so no stroke of the mark reaches into the code's quiet zone; a band too short
    for the smallest legible letters (1 or 2 pixels a module) grows to hold them."""
    from PIL import Image, ImageDraw, ImageFont

    size = max(8, int(_MARK_MODULES * box * 0.7))
    measure = ImageDraw.Draw(Image.new("L", (1, 1), 255))
    font = ImageFont.load_default(size=size)
    while size > 8 and measure.textlength(mark, font=font) > code.width - 4 * box:
        size -= 1
        font = ImageFont.load_default(size=size)
    stroke = size // 24  # the default font has no bold face: a stroke makes a large mark heavy
    left, top, right, bottom = measure.textbbox((0, 0), mark, font=font, stroke_width=stroke)
    gap = max(2, box)  # at least a module of white between the quiet zone and the letters
    band = max(_MARK_MODULES * box, math.ceil(bottom - top) + 2 * gap)
    image = Image.new("L", (code.width, code.height + band), 255)
    image.paste(code, (0, 0))
    x = (code.width - (right - left)) / 2 - left
    y = code.height + (band - (bottom - top)) / 2 - top
    ImageDraw.Draw(image).text((x, y), mark, fill=0, font=font, stroke_width=stroke, stroke_fill=0)
    return image


def qr_svg(
    url: str, *, border: int = 4, ec: str = "M", mark: str | None = None, size_mm: float | None = None
) -> bytes:
    """A path-based SVG on a white square (qrcode's rect-based SVG renders as a blob in Qt);
    one module is 1 mm, so the file prints at a scannable size as it is. `size_mm` sets the
    printed width instead (quiet zone included; the code itself at least MIN_PRINT_MM); the
    drawing is the same vector either way."""
    matrix, quiet = _matrix(url, ec), _quiet(border)
    # box 10 = 1 mm = one unit of the viewBox (qrcode's convention)
    svg = _runs_svg_image()(quiet, len(matrix), 10, qrcode_modules=[list(row) for row in matrix])
    svg.process()
    width = len(matrix) + 2 * quiet
    if mark:
        _add_svg_mark(svg, width, mark)
    if size_mm is not None:
        check_print_width(size_mm, len(matrix), quiet)
        _set_svg_width(svg, width, width + (_MARK_MODULES if mark else 0), size_mm)
    out = io.BytesIO()
    svg.save(out)
    return out.getvalue()


@lru_cache(maxsize=1)
def _runs_svg_image() -> type[SvgPathFillImage]:
    """qrcode's SvgPathImage drawn as one rectangle per run of dark modules, in paths of a bounded
    size: Qt's SVG renderer truncates a path of more than ~32,000 elements (a long URL's code).
    A class made on first use, as its base class is qrcode's."""
    from qrcode.image.svg import SvgPathFillImage

    class RunsSvgImage(SvgPathFillImage):
        needs_drawrect = False
        ROWS_PER_PATH = 40  # at most ~90 runs a row, 5 path elements a run

        def process(self) -> None:
            size = str(self.units(self.pixel_size, text=False))
            for rect in self.get_image().iter("rect"):  # Qt reads the background's "100%" as 100 units
                rect.set("width", size)
                rect.set("height", size)
            rows = [_row_runs(row, y + self.border, self.border) for y, row in enumerate(self.modules)]
            for start in range(0, len(rows), self.ROWS_PER_PATH):
                data = "".join(rows[start : start + self.ROWS_PER_PATH])
                if data:
                    ET.SubElement(self.get_image(), "path", d=data, attrib=dict(self.QR_PATH_STYLE))

    return RunsSvgImage


def _row_runs(row: list[bool | None], y: int, x0: int) -> str:
    parts: list[str] = []
    x, width = 0, len(row)
    while x < width:
        if not row[x]:
            x += 1
            continue
        start = x
        while x < width and row[x]:
            x += 1
        parts.append(f"M{start + x0},{y}h{x - start}v1h-{x - start}z")
    return "".join(parts)


def _add_svg_mark(svg: SvgPathFillImage, width: int, mark: str) -> None:
    root = svg.get_image()
    height = width + _MARK_MODULES
    root.set("height", f"{height}mm")
    root.set("viewBox", f"0 0 {width} {height}")
    for rect in root.iter("rect"):
        rect.set("height", str(height))
        rect.set("width", str(width))
    text = ET.SubElement(
        root,
        "text",
        x=str(width / 2),
        y=str(width + _MARK_MODULES / 2),
        fill="#000000",
        attrib={
            "text-anchor": "middle",
            "dominant-baseline": "central",
            "font-family": "sans-serif",
            "font-weight": "bold",
            "font-size": str(min(3.0, 1.6 * width / max(1, len(mark)))),
        },
    )
    text.text = mark


def least_print_mm(modules: int, quiet: int = QUIET_ZONE) -> float:
    """The narrowest printed width, quiet zone included, of a code of `modules` modules (quiet
    zone not counted) whose code itself is MIN_PRINT_MM wide; rounded up to 0.1 mm."""
    return math.ceil(MIN_PRINT_MM * (modules + 2 * quiet) / modules * 10) / 10


def check_print_width(size_mm: float, modules: int | None = None, quiet: int = QUIET_ZONE) -> None:
    """Refuse a printed width (quiet zone included) whose code itself would be under MIN_PRINT_MM,
    for a code of `modules` modules (None: the quiet zone is not known, `size_mm` is the code
    itself); or not a number: NaN passes any `<`."""
    least = float(MIN_PRINT_MM) if modules is None else least_print_mm(modules, quiet)
    if not math.isfinite(size_mm) or size_mm < least:
        narrow = translate(
            "Qr",
            "a printed QR code is at least {least} mm wide with its quiet zone (the code itself {code} mm), "
            "not {size} mm",
        )
        raise ValueError(narrow.format(least=f"{least:g}", code=MIN_PRINT_MM, size=f"{size_mm:g}"))


def _set_svg_width(svg: SvgPathFillImage, modules: int, height_modules: int, size_mm: float) -> None:
    """Print `modules` wide at `size_mm`; the height (a mark's band included) in proportion."""
    root = svg.get_image()
    root.set("width", f"{size_mm:g}mm")
    root.set("height", f"{size_mm * height_modules / modules:g}mm")


# --- file names ---------------------------------------------------------------------------------

_MAX_CHARS = 80
_MAX_BYTES = 180  # UTF-8 bytes of the stem: 255 is the usual limit, and Arabic or emoji take 2-4 each
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\u2215\u2044\uff0f\uff3c]+')  # Windows' set, plus slash look-alikes
_SPACES = re.compile(r"\s+")
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{kind}{n}" for kind in ("COM", "LPT") for n in (*"0123456789", "¹", "²", "³")}
)


def _safe_text(text: str) -> str:
    """`text` as a file name stem: no separators, no control or direction-override characters
    (they hide a real extension: "invoice\u202egnp.exe"), no leading/trailing dots or spaces."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in text)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cf", "Cs", "Co", "Cn"))
    text = _SPACES.sub(" ", _FORBIDDEN.sub(" ", text)).strip(" .")
    text = text[:_MAX_CHARS]
    while len(text.encode("utf-8")) > _MAX_BYTES:
        text = text[:-1]
    return text.strip(" .")


def default_file_name(link: PaymentLink, suffix: str) -> str:
    """The link's name made safe for every file system (else its id), then `suffix` ("-qr.png")."""
    stem = _safe_text(link.name or "") or _safe_text(link.id) or "payment-link"
    name = stem + suffix
    if name.split(".", 1)[0].rstrip(" ").upper() in _RESERVED:
        name = "_" + name  # Windows reserves "CON" and "CON.anything"
    return name
