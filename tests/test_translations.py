"""The translations: every string of the sources in the Arabic .ts, all of them finished, the .qm
files built from the .ts as committed, and the English plural forms complete.

A new `self.tr("…")` without its Arabic fails here, naming the string: run the README's
"Translations" commands, translate what Qt Linguist (or the .ts) shows unfinished, release.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent
LUPDATE, LRELEASE = BIN / "pyside6-lupdate", BIN / "pyside6-lrelease"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%L?n")
ARABIC_PLURAL_FORMS = 6  # zero, one, two, few, many, other
ENGLISH_PLURAL_FORMS = 2


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "linkmanager").rglob("*.py"))


def messages(ts: Path) -> list[tuple[str, ET.Element]]:
    tree = ET.parse(ts)  # noqa: S314 - our own file, in the repository
    return [
        (context.findtext("name") or "", message)
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
    ]


def tools() -> None:
    if not LUPDATE.exists() or not LRELEASE.exists():
        pytest.fail(f"PySide6's translation tools are missing beside {sys.executable}")


def update(ts: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """The README's lupdate command, on `ts`."""
    return subprocess.run(
        [str(LUPDATE), *extra, *sources(), "-no-obsolete", "-locations", "none", "-ts", str(ts)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )


@pytest.mark.parametrize(("language", "extra"), [("ar", ()), ("en", ("-pluralonly",))])
def test_the_ts_holds_every_string_of_the_sources(
    tmp_path: Path, language: str, extra: tuple[str, ...]
) -> None:
    tools()
    committed = TRANSLATIONS / f"linkmanager_{language}.ts"
    copy = tmp_path / committed.name
    shutil.copy(committed, copy)
    update(copy, *extra)
    new = [
        (c, m.findtext("source"))
        for c, m in messages(copy)
        if m.find("translation").get("type") == "unfinished"
    ]
    assert not new, f"not in {committed.name} yet (run the README's Translations commands): {new[:20]}"
    assert len(messages(copy)) == len(messages(committed)), (
        "strings gone from the sources are still in the .ts"
    )


def test_the_arabic_translation_is_complete_and_keeps_every_placeholder() -> None:
    found = messages(TRANSLATIONS / "linkmanager_ar.ts")
    assert len(found) > 500
    problems = []
    for context, message in found:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms):
            problems.append(f"{context}: {source!r} unfinished")
            continue
        if message.get("numerus") == "yes" and len(forms) != ARABIC_PLURAL_FORMS:
            problems.append(f"{context}: {source!r} has {len(forms)} plural forms")
        wanted = sorted(set(PLACEHOLDER.findall(source)) - {"%n", "%Ln"})
        for form in forms:
            if sorted(set(PLACEHOLDER.findall(form)) - {"%n", "%Ln"}) != wanted:
                problems.append(f"{context}: {source!r} -> {form!r} changes the placeholders")
    assert not problems, "\n".join(problems[:30])


def test_english_plural_forms_are_complete() -> None:
    found = messages(TRANSLATIONS / "linkmanager_en.ts")
    assert found, "no numerus strings: the English plural file is empty"
    for context, message in found:
        forms = [f.text or "" for f in message.find("translation").iter("numerusform")]
        assert len(forms) == ENGLISH_PLURAL_FORMS, (context, message.findtext("source"))
        assert all(forms), (context, message.findtext("source"))
        assert "(s)" not in "".join(forms), (context, forms)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_qm_is_released_from_the_committed_ts(tmp_path: Path, language: str) -> None:
    tools()
    ts = TRANSLATIONS / f"linkmanager_{language}.ts"
    built = tmp_path / f"linkmanager_{language}.qm"
    subprocess.run([str(LRELEASE), str(ts), "-qm", str(built)], check=True, capture_output=True, timeout=120)
    shipped = TRANSLATIONS / built.name
    assert shipped.read_bytes() == built.read_bytes(), (
        f"{shipped.name} is stale: run pyside6-lrelease (README)"
    )
