"""Translation and bidirectional text for the layers below `ui/`, without Qt.

Strings the window shows but services or the domain make (messages, status words, lifecycle
sentences) are written `translate("Context", "English text")`: `pyside6-lupdate` finds them
there like `self.tr(...)` in widgets (see README, "Translations"). The window installs Qt's
translator at start (`install(QCoreApplication.translate)`); the command line installs nothing
and speaks English. `QT_TRANSLATE_NOOP` marks a string for the translators where it is defined
(a table made at import) and leaves it as it is; `translate` it where it is shown.

Names and payer values come from outside and may carry bidirectional controls (U+202E turns the
rest of a line around). `isolated` shows such text inside Unicode isolates (FSI ... PDI), with
its own controls made visible, so it can neither reverse the text around it nor be reversed.
"""

from __future__ import annotations

from collections.abc import Callable

# (context, text, disambiguation, n) -> the text in the chosen language.
Translator = Callable[[str, str, str | None, int], str]


def _as_written(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return text


_translator: Translator = _as_written


def install(translator: Translator | None) -> None:
    """The translator from now on (None: the English as written)."""
    global _translator
    _translator = translator or _as_written


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the chosen language. With `n` >= 0 the text is Qt's plural form: "%Ln link(s)"
    ("%Ln": the count, grouped; "%n": the count as it is), whose forms the translations hold
    (English's too: resources/translations/linkmanager_en.ts); untranslated, "(s)" is dropped
    for one and kept as "s" otherwise."""
    translated = _translator(context, text, disambiguation, n)
    if n >= 0 and ("%n" in translated or "%Ln" in translated or "(s)" in translated):
        translated = english_plural(translated, n)
    return translated


class Context:
    """A translation context for code with no Qt object at hand (module functions, services):
    `Statements = Context("Statements")`, then `Statements.tr("%Ln line(s) read", "", count)`.

    lupdate files `X.tr(...)` under the name X, so the variable must be named as its context.
    For plurals this is the form to use: lupdate's Python parser reads a name or an expression
    as the fourth argument of `translate(...)` as an "encoding" and loses the plural forms."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return translate(self.name, text, disambiguation, n)


def english_plural(text: str, n: int) -> str:
    """ "%Ln link(s)" for `n` in English: "1 link", "12,400 links"."""
    return text.replace("%Ln", f"{n:,}").replace("%n", str(n)).replace("(s)", "" if n == 1 else "s")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks `text` for translation in `context`; returns it unchanged."""
    return text


# Explicit directional formatting: embeddings and overrides (U+202A-U+202E), isolates
# (U+2066-U+2069). Marks (LRM, RLM, ALM) cannot reorder anything beyond their neighbours.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
FIRST_STRONG_ISOLATE, LEFT_TO_RIGHT_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2066", "\u2069"


def visible_controls(text: str) -> str:
    """`text` with each directional control written as a visible escape (\\u202e), as the
    command line shows it: the character is seen, never obeyed."""
    if not BIDI_CONTROLS.intersection(text):
        return text
    return "".join(f"\\u{ord(c):04x}" if c in BIDI_CONTROLS else c for c in text)


def isolated(text: str) -> str:
    """Outside text (a name, a payer's value) for a line of the interface: its controls made
    visible, then set apart in a first-strong isolate, so it takes its own direction (Arabic
    right to left, Latin left to right) and leaves the line's alone."""
    if not text:
        return text
    return FIRST_STRONG_ISOLATE + visible_controls(text) + POP_DIRECTIONAL_ISOLATE


def left_to_right(text: str) -> str:
    """Text that must read left to right in any layout (ids, URLs, an amount's digits and
    currency code): set in a left-to-right isolate."""
    if not text:
        return text
    return LEFT_TO_RIGHT_ISOLATE + visible_controls(text) + POP_DIRECTIONAL_ISOLATE
