"""Synthetic links for the model and engine benchmarks: awkward, varied, reproducible (no Qt)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from linkmanager.domain import LinkStatus, Money, PaymentDetails, PaymentLink
from linkmanager.storage.cache_model import CachedLink

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
WORDS = ["Rent", "Invoice", "Tuition", "Membership", "Consulting", "إيجار", "فاتورة", "اشتراك"]
NAMES = ["Ahmed", "Fatima", "Omar", "Layla", "Yusuf", "Mariam", "محمد", "عائشة", "خالد", "نورة"]


def make_links(count: int, rng: random.Random) -> list[CachedLink]:
    statuses = [LinkStatus.ACTIVE] * 6 + [LinkStatus.DISABLED, LinkStatus.EXPIRED, LinkStatus.USED]
    made = []
    for i in range(count):
        currency = rng.choice(["AED", "SAR", "KWD"])
        link = PaymentLink(
            id=f"{rng.getrandbits(128):032x}",
            url=f"https://pay.example/l/{i}",
            status=rng.choice(statuses),
            current_usages=rng.randrange(10),
            payment_details=PaymentDetails(
                Money(Decimal(rng.randrange(100, 10**7)).scaleb(-3 if currency == "KWD" else -2), currency),
                f"INV-{i:06d}",
            ),
            name=None if i % 50 == 0 else f"{rng.choice(WORDS)} {rng.choice(NAMES)} {i}",
            max_usages=rng.choice([None, 1, 10, 1000]),
            expires_at=None if i % 4 == 0 else NOW + timedelta(hours=rng.randrange(-2000, 8000)),
            customer_id=None if i % 3 else f"cust-{i % 997}",
        )
        made.append(CachedLink(link, NOW - timedelta(minutes=5), None, None, None, rng.randrange(5), 0))
    return made
