"""Believable Gulf payers and merchants for seeded data and simulated payers.

Payer values are untrusted input in the real system, so a share of them is hostile on purpose:
markup, spreadsheet formulas, bidi control characters, emoji, maximum-length strings. A client
that renders, exports or prints them must survive all of these.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence

from linkmanager.simulator.model import CollectedValue, IdentifierSpec

__all__ = [
    "BUILDINGS",
    "HOSTILE_VALUES",
    "LONG_VALUE",
    "MONTHS_AR",
    "MONTHS_EN",
    "payer_name",
    "payer_values",
    "phone",
    "seeded_uuid",
]

FIRST_NAMES = (
    "Fatima", "Ahmed", "Omar", "Layla", "Mohammed", "Sara", "Khalid", "Noura", "Yousef", "Mariam",
    "Abdullah", "Hessa", "Priya", "Rahul", "Anna", "John", "Aisha", "Faisal", "Reem", "Tariq",
)  # fmt: skip
LAST_NAMES = (
    "Al Hashimi", "Al Qahtani", "Al Mutairi", "Khan", "Menon", "Smith", "Haddad", "Nasser",
    "Al Suwaidi", "Al Ghamdi", "Al Sabah", "Fernandes", "Rahman", "Al Mansoori", "Saleh",
)  # fmt: skip
ARABIC_NAMES = (
    "فاطمة الهاشمي", "أحمد القحطاني", "عمر المطيري", "ليلى حداد", "محمد السويدي",
    "نورة الغامدي", "يوسف الصباح", "مريم المنصوري", "خالد ناصر", "عائشة صالح",
)  # fmt: skip
EMAIL_DOMAINS = ("example.com", "example.ae", "mail.example.sa", "example.com.kw")
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
MONTHS_AR = (
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
    "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
)  # fmt: skip
BUILDINGS = (
    "Marina Heights", "Al Reem Tower B", "Jumeirah Park Villa 14", "Al Olaya Residence",
    "Salmiya Gardens Block 4", "Al Khobar Corniche Court", "Downtown Views II",
)  # fmt: skip
_PHONE_PREFIXES = {
    "AED": ("+97150", "+97152", "+97155", "+97156"),
    "SAR": ("+96650", "+96653", "+96655", "+96659"),
    "KWD": ("+9655", "+9656", "+9659"),
}
_PHONE_LENGTH = {"AED": 13, "SAR": 13, "KWD": 12}

LONG_VALUE = ("Payment for villa maintenance, pool cleaning and garden service, " * 5)[:254] + "."
# What payers really type into free-text fields, including what breaks careless clients.
HOSTILE_VALUES = (
    "<b>x</b>",
    '=HYPERLINK("http://evil.example","Click for refund")',
    "+SUM(1+1)*cmd|' /C calc'!A0",
    LONG_VALUE,
    "\u202etxt.exe\u202c فاتورة رقم ١٢٣",
    "شكراً لكم 🙏🌙 Ramadan Kareem ✨",
    "Robert'); DROP TABLE links;--",
    "line one\nline two\ttabbed",
    "<script>alert('x')</script>",
    "   leading and trailing spaces   ",
)


def seeded_uuid(rng: random.Random) -> str:
    """A version-4 UUID drawn from `rng`, so seeded data has the same ids every run."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def payer_name(rng: random.Random, arabic: bool = False) -> str:
    if arabic:
        return rng.choice(ARABIC_NAMES)
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def email(rng: random.Random) -> str:
    first = rng.choice(FIRST_NAMES).lower()
    last = rng.choice(LAST_NAMES).lower().replace(" ", "")
    return f"{first}.{last}{rng.randint(1, 99)}@{rng.choice(EMAIL_DOMAINS)}"


def phone(rng: random.Random, currency: str) -> str:
    prefix = rng.choice(_PHONE_PREFIXES.get(currency, _PHONE_PREFIXES["AED"]))
    length = _PHONE_LENGTH.get(currency, 13)
    return prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix)))


def _text_value(rng: random.Random, spec: IdentifierSpec) -> str:
    label = (spec.display_label or "").lower()
    if "student" in label or "الطالب" in label:
        value = f"STU-{rng.randint(10000, 99999)}"
    elif "unit" in label or "شقة" in label or "الوحدة" in label:
        value = f"{rng.randint(1, 32)}{rng.randint(1, 20):02d}"
    elif "order" in label or "invoice" in label or "فاتورة" in label:
        value = f"ORD-{rng.randint(100000, 999999)}"
    elif "contract" in label or "العقد" in label:
        value = f"CN-{rng.randint(2019, 2026)}-{rng.randint(1000, 9999)}"
    elif "plate" in label or "لوحة" in label:
        value = f"{rng.choice('ABCDEFGHKLMNR')} {rng.randint(10000, 99999)}"
    elif any("\u0600" <= ch <= "\u06ff" for ch in label):
        value = payer_name(rng, arabic=True)
    else:
        value = payer_name(rng, arabic=rng.random() < 0.25)
    return value[: spec.limit] if spec.limit else value


def payer_values(
    rng: random.Random,
    identifiers: Sequence[IdentifierSpec] | None,
    currency: str,
    hostile: str | None = None,
) -> tuple[CollectedValue, ...]:
    """What one payer typed for a link's identifiers; `hostile` replaces the first TEXT value."""
    values: list[CollectedValue] = []
    for spec in identifiers or ():
        if not spec.required and rng.random() < 0.3:
            continue  # optional field left empty: it is simply not reported
        if spec.type == "EMAIL":
            value = email(rng)
        elif spec.type == "MOBILE_PHONE":
            value = phone(rng, currency)
        elif hostile is not None:
            value, hostile = hostile, None
            value = value[: spec.limit] if spec.limit else value
        else:
            value = _text_value(rng, spec)
        values.append(CollectedValue(spec.type, spec.label, value))
    return tuple(values)
