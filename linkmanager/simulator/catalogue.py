"""What a Gulf merchant's payment links are for: rent, school fees, invoices, bills, donations.

Each kind gives a name and bank reference in English or Arabic, a purpose code, a price range
(in dirhams, converted by the seeder) and the identifiers such a link asks payers for.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from linkmanager.simulator.fake import BUILDINGS, MONTHS_AR, MONTHS_EN
from linkmanager.simulator.model import DEFAULT_MAX_USAGES, IdentifierSpec

__all__ = ["KINDS", "Description", "describe"]

KINDS = (
    "rent", "school", "invoice", "clinic", "telecom", "loan", "gym", "donation",
    "wallet", "savings", "transfer", "parking", "consulting",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Description:
    name: str
    reference: str
    purpose: str | None
    aed_range: tuple[int, int]
    max_usages: int | None
    identifiers: tuple[IdentifierSpec, ...] | None


def _id(kind: str, label: str, required: bool | None = True, limit: int | None = None) -> IdentifierSpec:
    return IdentifierSpec(kind, label, required, limit)


def describe(rng: random.Random, kind: str | None = None, arabic: bool = False) -> Description:
    """A random link of `kind` (any kind when None), worded in Arabic when `arabic`."""
    kind = kind or rng.choice(KINDS)
    month = rng.randrange(12)
    mon_en, mon_ar = MONTHS_EN[month], MONTHS_AR[month]
    year = 2024 + rng.randint(0, 2)
    n = rng.randint(1000, 99999)
    unit = f"{rng.randint(1, 32)}{rng.randint(1, 20):02d}"
    email_label = "البريد الإلكتروني" if arabic else "Email for the receipt"
    mobile_label = "رقم الجوال" if arabic else "Mobile number"
    ids: tuple[IdentifierSpec, ...] | None
    if kind == "rent":
        name = (
            f"إيجار شهر {mon_ar} – شقة {unit}"
            if arabic
            else f"{mon_en} rent – Unit {unit}, {rng.choice(BUILDINGS)}"
        )
        ids = (_id("EMAIL", email_label), _id("TEXT", "رقم الشقة" if arabic else "Unit number", False, 10))
        return Description(name, f"RENT-{mon_en[:3].upper()}-{unit}", "RNT", (3500, 18000), 1, ids)
    if kind == "school":
        term, grade = rng.randint(1, 3), rng.randint(1, 12)
        name = (
            f"رسوم الفصل الدراسي {term} – الصف {grade}" if arabic else f"Term {term} tuition – Grade {grade}"
        )
        ids = (
            _id("TEXT", "رقم الطالب" if arabic else "Student ID", True, 12),
            _id("TEXT", "اسم ولي الأمر" if arabic else "Parent name", False, 80),
            _id("MOBILE_PHONE", mobile_label, False),
            _id("EMAIL", email_label, False),
        )
        cap = rng.choice((1, 25, 40))
        return Description(
            name, f"SCH-T{term}-G{grade}-{n}", rng.choice((None, "FIS")), (6000, 28000), cap, ids
        )
    if kind == "invoice":
        number = f"INV-{year}-{n:05d}"
        name = f"فاتورة رقم {number}" if arabic else f"Invoice {number}"
        ids = (_id("EMAIL", email_label),) if rng.random() < 0.6 else None
        return Description(name, number, "GDS", (90, 9800), 1, ids)
    if kind == "clinic":
        name = "استشارة طبية – عيادة الأسنان" if arabic else "Dental check-up and cleaning"
        ids = (
            _id("MOBILE_PHONE", mobile_label),
            _id("TEXT", "اسم المريض" if arabic else "Patient name", True, 60),
        )
        return Description(name, f"CLN-{n}", None, (250, 1200), rng.choice((1, DEFAULT_MAX_USAGES)), ids)
    if kind == "telecom":
        name = f"فاتورة الإنترنت – {mon_ar}" if arabic else f"Fibre 500 Mbps – {mon_en} bill"
        ids = (_id("MOBILE_PHONE", "رقم الحساب" if arabic else "Account mobile number"),)
        return Description(name, f"TEL-{year}{month + 1:02d}-{n}", "TCS", (199, 899), 1, ids)
    if kind == "loan":
        k = rng.randint(1, 48)
        name = f"قسط تمويل سيارة {k} من 48" if arabic else f"Car loan instalment {k} of 48"
        ids = (_id("TEXT", "رقم العقد" if arabic else "Contract number", True, 20),)
        return Description(name, f"LN-{n}-{k:02d}", "LNC", (950, 4800), 1, ids)
    if kind == "gym":
        name = "اشتراك النادي الرياضي السنوي" if arabic else "Annual gym membership"
        ids = (_id("EMAIL", email_label), _id("MOBILE_PHONE", mobile_label, False))
        return Description(
            name, f"GYM-{year}-{n}", None, (1800, 6500), rng.choice((None, 50, DEFAULT_MAX_USAGES)), ids
        )
    if kind == "donation":
        name = "مساهمة إفطار صائم" if arabic else "Ramadan iftar contribution"
        ids = (
            _id("TEXT", "الاسم على الإيصال" if arabic else "Name on receipt", True, 255),
            _id("EMAIL", email_label, False),
            _id("MOBILE_PHONE", "رقم الجوال", False),
        )
        return Description(name, f"IFTAR-{year}", None, (15, 100), None, ids)
    if kind == "wallet":
        name = "شحن المحفظة" if arabic else "Wallet top-up"
        return Description(
            name, f"WAL-{n}", "MWP", (50, 1000), DEFAULT_MAX_USAGES, (_id("MOBILE_PHONE", mobile_label),)
        )
    if kind == "savings":
        name = f"خطة الادخار الشهرية – {mon_ar}" if arabic else f"Monthly savings plan – {mon_en}"
        return Description(name, f"SAV-{year}{month + 1:02d}", "PIN", (500, 5000), 1, ())
    if kind == "transfer":
        name = "تحويل إلى حساب التوفير" if arabic else "Transfer to own savings account"
        return Description(name, f"OAT-{n}", "OAT", (1000, 20000), DEFAULT_MAX_USAGES, None)
    if kind == "parking":
        name = "تصريح موقف سيارات" if arabic else f"Parking permit – {rng.choice(BUILDINGS)}"
        ids = (
            _id("TEXT", "رقم اللوحة" if arabic else "Plate number", True, 12),
            _id("EMAIL", email_label, False),
        )
        return Description(name, f"PRK-{year}-{n}", "GDS", (150, 600), 200, ids)
    if kind == "consulting":
        name = f"أتعاب استشارية – {mon_ar}" if arabic else f"Consulting retainer – {mon_en}"
        return Description(name, f"CONS-{year}-{n}", "IFS", (2500, 15000), 1, (_id("EMAIL", email_label),))
    raise ValueError(f"unknown link kind {kind!r}")
