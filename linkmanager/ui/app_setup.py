"""The QApplication: names, icon, high-DPI, and the light or dark scheme the system asks for.

One style everywhere (Fusion) with an explicit palette for each scheme: the native styles of
some platforms draw a dark palette badly (Windows' older styles), and Fusion draws every control
from palette roles, so text stays readable in both. The palette follows the system live
(`colorSchemeChanged`), e.g. when the desktop switches to dark at sunset. Making the application
also starts reading the locale data amounts are formatted with, on a thread of its own.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, qVersion
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from linkmanager.domain.money import load_locale_data
from linkmanager.resources import resource_path
from linkmanager.ui.widgets.focus_ring import install_focus_rings

if TYPE_CHECKING:  # the self-test's checks load what they use: no part of a window's start
    from PySide6.QtGui import QImage

log = logging.getLogger(__name__)

APP_NAME = "LinkManager"
ORGANIZATION = "LinkManager"
DESKTOP_FILE = "linkmanager"  # Wayland finds the window icon through the .desktop file of this name


def dark_palette() -> QPalette:
    """A dark palette whose every role pair (text on its background) reads clearly."""
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1f1f1f",
        QPalette.ColorRole.AlternateBase: "#272727",
        QPalette.ColorRole.ToolTipBase: "#3a3a3a",
        QPalette.ColorRole.ToolTipText: "#f0f0f0",
        QPalette.ColorRole.PlaceholderText: "#9e9e9e",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#363636",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.BrightText: "#ff8a80",
        QPalette.ColorRole.Light: "#4a4a4a",
        QPalette.ColorRole.Midlight: "#3f3f3f",
        QPalette.ColorRole.Mid: "#2f2f2f",
        QPalette.ColorRole.Dark: "#1a1a1a",
        QPalette.ColorRole.Shadow: "#0d0d0d",
        QPalette.ColorRole.Highlight: "#2f74c7",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#7cb8ff",
        QPalette.ColorRole.LinkVisited: "#c0a4ff",
        QPalette.ColorRole.Accent: "#2f74c7",
    }
    for role, color in roles.items():
        pal.setColor(role, QColor(color))
    disabled = {
        QPalette.ColorRole.WindowText: "#8a8a8a",
        QPalette.ColorRole.Text: "#8a8a8a",
        QPalette.ColorRole.ButtonText: "#8a8a8a",
        QPalette.ColorRole.Highlight: "#4a4a4a",
        QPalette.ColorRole.HighlightedText: "#b0b0b0",
        QPalette.ColorRole.PlaceholderText: "#6e6e6e",
    }
    for role, color in disabled.items():
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(color))
    return pal


def light_palette() -> QPalette:
    """Fusion's own light palette, with placeholder text dark enough to read."""
    style = QStyleFactory.create("Fusion")
    pal = style.standardPalette()
    pal.setColor(QPalette.ColorRole.PlaceholderText, QColor("#6b6b6b"))
    return pal


def is_dark(palette: QPalette) -> bool:
    """True when text is lighter than the window: how widgets pick colours that read on it."""
    return (
        palette.color(QPalette.ColorRole.Window).lightness()
        < palette.color(QPalette.ColorRole.WindowText).lightness()
    )


def apply_color_scheme(app: QApplication, scheme: Qt.ColorScheme) -> None:
    """Set the palette for `scheme`; Unknown (no preference reported) means light."""
    app.setPalette(dark_palette() if scheme == Qt.ColorScheme.Dark else light_palette())
    log.debug("Colour scheme: %s", scheme.name)


class SchemeFollower(QObject):
    """Re-applies the palette when the system scheme changes; lives as long as the app."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        app.styleHints().colorSchemeChanged.connect(self.follow)

    def follow(self, scheme: Qt.ColorScheme) -> None:
        apply_color_scheme(self._app, scheme)


def app_icon(icon_file: Path | None) -> QIcon:
    return QIcon(str(icon_file)) if icon_file is not None else QIcon()


_locale_data = threading.Lock()
_locale_data_asked = False


def load_locale_data_meanwhile() -> None:
    """Money's CLDR data (~20 ms, mostly holding the interpreter) read on a thread of its own,
    once per process: the first table rows need it, and read while the application starts and
    the cache opens (SQLite lets go of the interpreter) it is neither in the way of the first
    paint nor of the first rows' read."""
    global _locale_data_asked
    with _locale_data:
        if _locale_data_asked:
            return
        _locale_data_asked = True
    threading.Thread(target=load_locale_data, name="locale data", daemon=True).start()


def create_application(
    argv: Sequence[str] | None = None,
    *,
    icon_file: Path | None = None,
    scheme: Qt.ColorScheme | None = None,
) -> QApplication:
    """The one QApplication (reused if a test made it), styled and named.

    `scheme` forces light or dark (screenshots, tests); None follows the system, live.
    """
    load_locale_data_meanwhile()
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        # Qt 6 scales for high DPI by default; pass fractional factors (150 %) through unrounded.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QGuiApplication.setDesktopFileName(DESKTOP_FILE)
    app.setStyle("Fusion")
    install_focus_rings(app)  # Fusion's own marks are faint, and absent on tables
    icon = app_icon(icon_file)
    if not icon.isNull():
        app.setWindowIcon(icon)
    if scheme is None:
        apply_color_scheme(app, app.styleHints().colorScheme())
        if app.findChild(SchemeFollower) is None:
            SchemeFollower(app)
    else:
        apply_color_scheme(app, scheme)
    return app


# -- the self-test's Qt checks (linkmanager --self-test) -------------------------------------------
# Each returns one line for the report or raises with what is wrong. They run without a window
# (the offscreen platform), so CI can check a frozen build. What they use beyond the window's own
# needs (QtSvg, ctypes, the QR code maker) is imported inside them.


def ensure_gui_application() -> QGuiApplication:
    """The running application, or a bare QGuiApplication for checks that draw without widgets."""
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    return QGuiApplication(sys.argv[:1])


def ensure_widget_application() -> QGuiApplication:
    """The running application, or a bare QApplication for checks that draw widgets (the chart)."""
    from PySide6.QtWidgets import QApplication

    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    return QApplication(sys.argv[:1])


_QR_PROBE_URL = "https://checkout.leantech.me/pay/self-test/0123456789"
_PLATFORM_PLUGINS = {"linux": ("xcb", "wayland"), "win32": ("windows",), "darwin": ("cocoa",)}


def _rendered_svg(data: bytes | Path, width: int) -> QImage:
    from PySide6.QtCore import QByteArray, QRectF
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(data)) if isinstance(data, bytes) else QSvgRenderer(str(data))
    if not renderer.isValid():
        raise ValueError("Qt's SVG renderer cannot read it")
    image = QImage(width, width, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, width, width))
    painter.end()
    return image


def check_icon(icon_file: Path) -> str:
    image = _rendered_svg(icon_file, 64)
    marked = sum(image.pixelColor(x, y) != QColor("white") for x in range(0, 64, 4) for y in range(0, 64, 4))
    if marked < 64:
        raise ValueError(f"{icon_file.name} renders (nearly) empty")
    if QIcon(str(icon_file)).pixmap(32, 32).isNull():
        raise ValueError("QIcon cannot draw the SVG icon: the iconengines/svg plugin is missing")
    return f"{icon_file.name} renders (SVG icon engine present)"


def check_qt() -> str:
    from PySide6.QtGui import QImageReader

    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    missing = {"png", "svg"} - formats
    if missing:
        raise ValueError(f"Qt cannot read {', '.join(sorted(missing))} images (imageformats plugins missing)")
    return f"Qt {qVersion()}, platform {QGuiApplication.platformName()}, image formats include png and svg"


def check_platform_plugins() -> str:
    """The plugins that open a window on this OS exist, and (Linux) their libraries load.

    Loading the library needs no display but does need every system library it links to,
    so a missing libxcb-* or libEGL shows here, by name, instead of as Qt's misleading abort.
    """
    wanted = next((v for k, v in _PLATFORM_PLUGINS.items() if sys.platform.startswith(k)), ())
    found: dict[str, Path] = {}
    for directory in QCoreApplication.libraryPaths():
        for path in sorted((Path(directory) / "platforms").glob("*")):
            for name in wanted:
                if name in path.name and name not in found:
                    found[name] = path
    if not wanted:
        return "no platform plugin check for this OS"
    if not found:
        raise ValueError(f"no {' or '.join(wanted)} platform plugin in {QCoreApplication.libraryPaths()}")
    if not sys.platform.startswith("linux"):
        return f"platform plugins: {', '.join(sorted(found))}"
    import ctypes

    loaded, problems = [], []
    for name, path in found.items():
        try:
            ctypes.CDLL(str(path))
        except OSError as exc:
            problems.append(f"{name}: {exc}")
        else:
            loaded.append(name)
    if not loaded:
        raise ValueError("no platform plugin can load: " + "; ".join(problems))
    return f"platform plugins load: {', '.join(loaded)}" + (
        f" (not: {'; '.join(problems)})" if problems else ""
    )


def check_qr() -> str:
    """qr_png through Qt's PNG reader, and qr_svg through Qt's SVG renderer, module by module
    against the matrix qrcode computes for the same URL."""
    import qrcode  # the self-test's own: not on the way to the window
    import qrcode.constants
    from PySide6.QtGui import QImage

    from linkmanager.services.qr import QUIET_ZONE, qr_png, qr_svg

    box = 4
    reference = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=QUIET_ZONE)
    reference.add_data(_QR_PROBE_URL)
    reference.make(fit=True)
    matrix = reference.get_matrix()
    size = len(matrix)
    png = QImage.fromData(qr_png(_QR_PROBE_URL, box_size=box))
    if png.isNull() or png.width() != size * box or png.height() != size * box:
        raise ValueError(f"the PNG is {png.width()}x{png.height()} px, expected {size * box} px square")
    svg = _rendered_svg(qr_svg(_QR_PROBE_URL), size * box)
    for name, image in (("PNG", png), ("SVG", svg)):
        wrong = sum(
            (image.pixelColor(x * box + box // 2, y * box + box // 2).lightness() < 128) != matrix[y][x]
            for y in range(size)
            for x in range(size)
        )
        if wrong:
            raise ValueError(f"the {name} differs from the code in {wrong} of {size * size} modules")
    return f"PNG and SVG of a {size}x{size}-module code match it module for module"


def check_translations() -> str:
    """The Arabic interface and the English plural forms load (resources/translations/*.qm)."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    loaded = []
    for language in ("ar", "en"):
        translator = QTranslator()
        if not translator.load(f"linkmanager_{language}", str(resource_path("translations"))):
            raise ValueError(f"linkmanager_{language}.qm is missing or unreadable")
        QCoreApplication.installTranslator(translator)
        try:
            loaded.append(QCoreApplication.translate("MainWindow", "&File"))
        finally:
            QCoreApplication.removeTranslator(translator)
    if loaded[0] == "&File":
        raise ValueError("the Arabic translation does not translate the File menu")
    return f"Arabic ({loaded[0]}) and English plural forms"
