"""What the customer reads on the counter display: fixed English and Arabic, both always.

The customer in front of the counter may read either language, whatever language the operator
chose for the interface, so these lines are never translated at run time: each is a pair, the
English as written and the Arabic beside it, shown one above the other. The English is still
marked (QT_TRANSLATE_NOOP, context "CounterDisplay") so that the translation catalogue lists
every customer-facing sentence for review; the Arabic shown is the one fixed here, so the display
never depends on the interface's language or on how complete the catalogue is.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP


@dataclass(frozen=True, slots=True)
class Bilingual:
    english: str
    arabic: str


SCAN_TO_PAY = Bilingual(str(QT_TRANSLATE_NOOP("CounterDisplay", "Scan to pay")), "امسح للدفع")
# "Paid — AED 262.00": the amount follows the dash, in both lines.
PAID = Bilingual(str(QT_TRANSLATE_NOOP("CounterDisplay", "Paid — {amount}")), "تم الدفع — {amount}")
NOT_COMPLETED = Bilingual(
    str(QT_TRANSLATE_NOOP("CounterDisplay", "Payment not completed — please try again")),
    "لم تكتمل عملية الدفع — يرجى المحاولة مرة أخرى",
)
PENDING = Bilingual(
    str(QT_TRANSLATE_NOOP("CounterDisplay", "Payment pending with the bank…")),
    "الدفع قيد المعالجة لدى البنك…",
)
THANK_YOU = Bilingual(str(QT_TRANSLATE_NOOP("CounterDisplay", "Thank you")), "شكرا لك")
CLOSED = Bilingual(
    str(QT_TRANSLATE_NOOP("CounterDisplay", "This code is no longer accepting payments")),
    "لم يعد هذا الرمز يقبل المدفوعات",
)
