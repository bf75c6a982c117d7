"""Link, usage and identifier vocabularies, tolerant of values Lean has not documented.

Lean adds values without notice (payment statuses especially), so every enum here accepts an
unknown string: `LinkStatus("ARCHIVED")` gives a member whose value is "ARCHIVED" and whose
`is_known` is False. It is kept and shown as it came; it never crashes a parser or a view.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Self

from linkmanager.domain.i18n import QT_TRANSLATE_NOOP, translate

_UNKNOWN_CACHE_LIMIT = 256


class _OpenEnum(StrEnum):
    """A StrEnum that turns an unknown string into a stable pseudo-member instead of raising."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str) or not value:
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        # Cache it so the same unknown string maps to the same object, up to a bound: a server
        # sending a new value on every answer must not grow memory for ever (equality holds anyway).
        if len(cls._value2member_map_) < _UNKNOWN_CACHE_LIMIT:
            cls._value2member_map_[value] = member
        return member

    @property
    def is_known(self) -> bool:
        return self._name_ in type(self).__members__

    @classmethod
    def known(cls) -> tuple[Self, ...]:
        return tuple(cls.__members__.values())

    @property
    def label(self) -> str:
        """Words for people: "PAYMENT_CREATED" -> "Payment created"; unknown values as they came."""
        if not self.is_known:
            return self.value
        return self.value.replace("_", " ").capitalize()


class LinkStatus(_OpenEnum):
    ACTIVE = "ACTIVE"
    DISABLED = "DISABLED"
    EXPIRED = "EXPIRED"
    USED = "USED"


class UsageStatus(_OpenEnum):
    STARTED = "STARTED"
    PAYMENT_CREATED = "PAYMENT_CREATED"
    FAILED = "FAILED"
    EXPIRED = "EXPIRED"


class IdentifierType(_OpenEnum):
    EMAIL = "EMAIL"
    MOBILE_PHONE = "MOBILE_PHONE"
    TEXT = "TEXT"


# Lean's payment purpose codes and what they mean (from the contract's PaymentPurposeCode); the
# meanings in English (purpose_meaning gives them in the interface's language).
PAYMENT_PURPOSES: dict[str, str] = {
    "FIS": QT_TRANSLATE_NOOP("PaymentPurpose", "Financial services"),
    "TCS": QT_TRANSLATE_NOOP("PaymentPurpose", "Telecommunication services"),
    "MWP": QT_TRANSLATE_NOOP("PaymentPurpose", "Mobile wallet card payments"),
    "OAT": QT_TRANSLATE_NOOP("PaymentPurpose", "Own account transfer"),
    "IFS": QT_TRANSLATE_NOOP("PaymentPurpose", "Information services"),
    "RNT": QT_TRANSLATE_NOOP("PaymentPurpose", "Rent payments"),
    "LNC": QT_TRANSLATE_NOOP("PaymentPurpose", "Loan charges"),
    "PIN": QT_TRANSLATE_NOOP("PaymentPurpose", "Personal investments"),
    "GDS": QT_TRANSLATE_NOOP("PaymentPurpose", "Goods bought or sold"),
}


def purpose_meaning(code: str) -> str:
    """What a purpose code means, in the interface's language; a code Lean has not documented as it is."""
    meaning = PAYMENT_PURPOSES.get(code)
    return translate("PaymentPurpose", meaning) if meaning is not None else code


# A link status for people, in the interface's language (`label` stays English: exports, the cache).
LINK_STATUS_WORDS: dict[LinkStatus, str] = {
    LinkStatus.ACTIVE: QT_TRANSLATE_NOOP("LinkStatus", "Active"),
    LinkStatus.DISABLED: QT_TRANSLATE_NOOP("LinkStatus", "Disabled"),
    LinkStatus.EXPIRED: QT_TRANSLATE_NOOP("LinkStatus", "Expired"),
    LinkStatus.USED: QT_TRANSLATE_NOOP("LinkStatus", "Used"),
}


def link_status_text(status: LinkStatus) -> str:
    """ "Active" (translated); a status Lean has not documented as it came."""
    word = LINK_STATUS_WORDS.get(status)
    return translate("LinkStatus", word) if word is not None else status.label


# payment_status is free text from the bank side. These values no longer change; anything
# else (PENDING_WITH_BANK, AWAITING_*, PROCESSING, values never seen) may still move.
FINAL_PAYMENT_STATUSES: frozenset[str] = frozenset(
    {"ACCEPTED_BY_BANK", "FAILED", "PROCESSED", "REJECTED_BY_BANK", "CANCELLED"}
)
