"""domain.i18n (translation without Qt, directional isolates) and domain.display (the window's
locale for amounts and times): English by default and byte-identical to before; Arabic when the
window asks, with Latin or Arabic-Indic digits."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from linkmanager.domain import display, i18n
from linkmanager.domain.lifecycle import moment_text
from linkmanager.domain.money import Money, format_amount, format_money

DUBAI = timezone(timedelta(hours=4))
MOMENT = datetime(2026, 11, 28, 19, 59, tzinfo=UTC)
RLO, PDF, LRI, FSI, PDI = "\u202e", "\u202c", "\u2066", "\u2068", "\u2069"


@pytest.fixture(autouse=True)
def english_again() -> Iterator[None]:
    yield
    display.set_locale("en")
    i18n.install(None)


def test_untranslated_plurals_read_as_english() -> None:
    assert i18n.translate("Ctx", "%Ln payment(s)", None, 1) == "1 payment"
    assert i18n.translate("Ctx", "%Ln payment(s)", None, 12400) == "12,400 payments"
    assert i18n.translate("Ctx", "%n link(s) left", None, 0) == "0 links left"
    assert i18n.translate("Ctx", "Nothing (s) to count") == "Nothing (s) to count"  # no n: as written


def test_an_installed_translator_is_used_and_can_be_removed() -> None:
    i18n.install(lambda context, text, disambiguation=None, n=-1: f"[{context}] {text}")
    assert i18n.translate("Status", "Active") == "[Status] Active"
    i18n.install(None)
    assert i18n.translate("Status", "Active") == "Active"


def test_noop_marks_without_changing() -> None:
    assert i18n.QT_TRANSLATE_NOOP("Status", "Pending with bank") == "Pending with bank"


def test_an_override_in_a_name_is_shown_and_cannot_reverse_anything() -> None:
    name = f"Invoice {RLO}fdp.exe{PDF}"
    shown = i18n.isolated(name)
    assert shown == f"{FSI}Invoice \\u202efdp.exe\\u202c{PDI}"
    assert not i18n.BIDI_CONTROLS.intersection(shown[1:-1])  # nothing left to obey inside
    for control in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069":
        assert control not in i18n.visible_controls(f"a{control}b")


def test_outside_text_is_untouched_in_english_unless_it_carries_a_control() -> None:
    assert display.outside_text("Consulting retainer") == "Consulting retainer"
    assert display.outside_text("محمد") == "محمد"
    assert display.outside_text(f"{RLO}محمد") == f"{FSI}\\u202eمحمد{PDI}"
    display.set_locale("ar")
    assert display.outside_text("Consulting retainer") == f"{FSI}Consulting retainer{PDI}"
    assert display.left_to_right("lnk-123") == f"{LRI}lnk-123{PDI}"
    assert display.outside_text("") == ""


def test_english_amounts_and_times_are_as_before() -> None:
    assert format_money(Money(Decimal("1500"), "AED")) == "AED\u00a01,500.00"
    assert format_amount(Money(Decimal("12.5"), "KWD")) == "12.500"
    assert moment_text(MOMENT, DUBAI) == "28 Nov 2026 23:59 +04:00"


def test_arabic_with_latin_digits() -> None:
    display.set_locale("ar", "latin")
    assert format_money(Money(Decimal("1500"), "AED")) == "\u200f1,500.00\u00a0AED"
    assert format_amount(Money(Decimal("12.5"), "KWD")) == "12.500"  # three decimals, as always
    text = moment_text(MOMENT, DUBAI)
    assert text == f"28 نوفمبر 2026 23:59 {LRI}+04:00{PDI}"  # the offset cannot turn into "04:00+"
    assert display.number_text(12400) == "12,400"


def test_arabic_with_arabic_indic_digits() -> None:
    display.set_locale("ar", "arabic")
    assert format_money(Money(Decimal("1500.5"), "SAR")) == "\u200f١٬٥٠٠٫٥٠\u00a0SAR"
    assert moment_text(MOMENT, DUBAI) == f"٢٨ نوفمبر ٢٠٢٦ ٢٣:٥٩ {LRI}+٠٤:٠٠{PDI}"
    assert display.number_text(12400) == "١٢٬٤٠٠"


def test_an_explicit_locale_is_never_changed_by_the_window() -> None:
    """Exports and the command line pass or rely on English; the window's choice stays its own."""
    display.set_locale("ar", "arabic")
    assert format_money(Money(Decimal("1500"), "AED"), "en") == "AED\u00a01,500.00"
    display.set_locale("xx")  # unknown: English
    assert display.language() == "en"
