"""The interface's language (English, or Arabic right to left) and its digits, chosen at start.

Order of choice: `--lang ar|en` for one run, else the Settings dialog's choice (ui-state.ini,
`interface/language`), else the system's locale (Arabic when the workstation's is). Changing it
in Settings applies from the next start, as most desktop applications do: every text, the
layout's direction and the widgets' own translations (Qt's qtbase_ar: OK, Cancel, the context
menus of text fields) are set once, before the first window.

Arabic: our translation (resources/translations/linkmanager_ar.qm, built from the .ts beside it
with pyside6-lrelease; see README, "Translations") and Qt's, and the layout mirrored. Digits:
Latin by default (what the UAE's and Saudi Arabia's banks print), Arabic-Indic as an option;
dates and amounts follow through linkmanager.domain.display (babel), counts through QLocale.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from linkmanager.domain import display, i18n
from linkmanager.resources import ResourceError, resource_path

log = logging.getLogger(__name__)

LANGUAGES = ("en", "ar")
DIGITS = ("latin", "arabic")
LANGUAGE_KEY = "interface/language"  # "system" (or absent), "en", "ar"
DIGITS_KEY = "interface/digits"  # "latin" (or absent), "arabic"
TRANSLATIONS_DIR = "translations"
# QLocale per language and digits: Qt follows CLDR, where ar_AE writes Latin digits and ar_SA
# Arabic-Indic ones; en_US groups with commas, as the amounts do.
_QT_LOCALES = {
    ("en", "latin"): "en_US",
    ("en", "arabic"): "en_US",
    ("ar", "latin"): "ar_AE",
    ("ar", "arabic"): "ar_SA",
}


@dataclass(frozen=True, slots=True)
class Choice:
    language: str  # one of LANGUAGES
    digits: str  # one of DIGITS

    @property
    def right_to_left(self) -> bool:
        return self.language == "ar"


def system_language() -> str:
    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


def saved_language(settings: QSettings | None) -> str:
    """The Settings dialog's choice: "system", "en" or "ar"."""
    value = settings.value(LANGUAGE_KEY, "system") if settings is not None else "system"
    return value if value in LANGUAGES else "system"


def saved_digits(settings: QSettings | None) -> str:
    value = settings.value(DIGITS_KEY, "latin") if settings is not None else "latin"
    return value if value in DIGITS else "latin"


def chosen(override: str | None, settings: QSettings | None) -> Choice:
    """What this run speaks: `override` (--lang), else the saved choice, else the system's."""
    language = override if override in LANGUAGES else saved_language(settings)
    if language not in LANGUAGES:
        language = system_language()
    return Choice(language, saved_digits(settings))


_running = Choice("en", "latin")


def running() -> Choice:
    """What this run speaks (set by `apply`)."""
    return _running


def apply(app: QApplication, choice: Choice) -> list[QTranslator]:
    """Install the translators, the layout direction and the formats for `choice`; returns the
    translators installed (kept by the application as its children). Missing translation files
    leave the English as written, with a warning in the log: never a failed start."""
    installed: list[QTranslator] = []
    for old in app.findChildren(QTranslator, "linkmanager-translator"):
        app.removeTranslator(old)
        old.deleteLater()
    # English has a file too: the plural forms of "%Ln payment(s)" (lupdate -pluralonly).
    wanted = [(f"linkmanager_{choice.language}", _our_translations_dir())]
    if choice.language != "en":
        wanted.insert(
            0, (f"qtbase_{choice.language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        )
    for name, folder in wanted:
        translator = QTranslator(app)
        translator.setObjectName("linkmanager-translator")
        if folder and translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("No %s translation in %s: that part of the interface stays English", name, folder)
            translator.deleteLater()
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if choice.right_to_left else Qt.LayoutDirection.LeftToRight
    )
    QLocale.setDefault(QLocale(_QT_LOCALES[(choice.language, choice.digits)]))
    display.set_locale(choice.language, choice.digits)
    global _running
    _running = choice
    i18n.install(_qt_translate)
    return installed


def _qt_translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate(context, text, disambiguation, n)


def _our_translations_dir() -> str:
    try:
        return str(resource_path(TRANSLATIONS_DIR))
    except ResourceError:
        return ""
