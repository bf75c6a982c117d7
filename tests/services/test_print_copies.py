"""Copies of each link and the first position on a part-used label sheet; no Qt."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from linkmanager.domain.models import PaymentDetails, PaymentLink
from linkmanager.domain.money import Money
from linkmanager.domain.status import LinkStatus
from linkmanager.services.print_batch import (
    FILL,
    LayoutError,
    SheetItem,
    Template,
    pages_needed,
    sheet_layout,
    with_copies,
)

NOW = datetime(2026, 5, 20, 10, 0, tzinfo=UTC)


def item(n: int) -> SheetItem:
    return SheetItem(
        PaymentLink(
            id=f"link-{n:02d}",
            url=f"https://pay.simulator.invalid/pay/0b9e0a4c-3f6e-4a51-9d7a-1b7f3c2e{n:04d}",
            status=LinkStatus.ACTIVE,
            current_usages=0,
            payment_details=PaymentDetails(Money(Decimal("10.00"), "AED"), f"REF-{n}"),
            name=f"Link {n}",
            expires_at=NOW + timedelta(days=10),
        )
    )


def ids(items: tuple[SheetItem, ...]) -> list[str]:
    return [i.link.id[-2:] for i in items]


def test_copies_repeat_each_link_in_order() -> None:
    layout = sheet_layout("labels")
    assert ids(with_copies([item(1), item(2)], 3, layout)) == ["01", "01", "01", "02", "02", "02"]
    assert ids(with_copies([item(1), item(1)], 1, layout)) == ["01", "01"], "an id given twice stays twice"
    assert with_copies([], 5, layout) == ()


@pytest.mark.parametrize("copies", [0, -1, 1001])
def test_copies_out_of_range_are_one_sentence(copies: int) -> None:
    with pytest.raises(ValueError, match=rf"^Copies are 1 to 1,000 of each link; {copies} was asked\.$"):
        with_copies([item(1)], copies, sheet_layout("labels"))


def test_too_many_codes_in_all_are_refused() -> None:
    with pytest.raises(ValueError, match="more than one print holds"):
        with_copies([item(n) for n in range(11)], 1000, sheet_layout("labels"))


def test_fill_shares_one_sheet_evenly_the_first_links_taking_the_remainder() -> None:
    layout = sheet_layout("labels")  # 24 positions
    assert len(with_copies([item(1)], FILL, layout)) == 24
    five = with_copies([item(n) for n in range(1, 6)], FILL, layout)
    assert [ids(five).count(f"{n:02d}") for n in range(1, 6)] == [5, 5, 5, 5, 4]
    assert len(five) == 24
    part_used = replace(layout, start_at=5)  # 20 free positions
    assert len(with_copies([item(1), item(2), item(3)], FILL, part_used)) == 20
    many = [item(n) for n in range(1, 31)]
    assert len(with_copies(many, FILL, layout)) == 30, "at least one each: more links run onto a page"
    assert len(with_copies([item(1), item(2)], FILL, sheet_layout("card"))) == 2, "a card: one each"


def test_a_copy_of_a_card_or_receipt_is_a_page() -> None:
    for template in ("card", "receipt", "receipt58"):
        layout = sheet_layout(template)
        assert pages_needed(len(with_copies([item(1), item(2)], 3, layout)), layout) == 6


def test_start_at_shifts_the_first_page_only() -> None:
    layout = sheet_layout("labels", start_at=5)
    assert layout.position(0) == (0, 4)
    assert layout.cell(0) == sheet_layout("labels").cell(4)
    assert layout.position(19) == (0, 23)
    assert layout.position(20) == (1, 0), "the next page starts at position 1"
    assert layout.cell(20) == sheet_layout("labels").cell(0)
    assert [pages_needed(n, layout) for n in (0, 1, 20, 21, 24, 44, 45)] == [0, 1, 1, 2, 2, 2, 3]
    assert pages_needed(24, sheet_layout("labels")) == 1


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        (
            {"template": "labels", "start_at": 25},
            "Label sheets of 3 × 8 have positions 1 to 24; 25 was asked.",
        ),
        ({"template": "labels", "start_at": 0}, "Label sheets of 3 × 8 have positions 1 to 24; 0 was asked."),
        ({"template": "labels", "paper": "Letter", "start_at": 22}, "3 × 7 have positions 1 to 21; 22"),
        ({"template": "card", "start_at": 2}, "Only label sheets have a first position"),
        ({"template": "receipt58", "start_at": 3}, "Only label sheets have a first position"),
    ],
)
def test_a_first_position_off_the_sheet_is_refused_in_one_sentence(
    kwargs: dict[str, object], words: str
) -> None:
    with pytest.raises(LayoutError, match=words.replace("(", r"\(")):
        sheet_layout(**kwargs)  # type: ignore[arg-type]
    assert sheet_layout("labels", start_at=24).problems() == []
    assert sheet_layout("card", start_at=1).problems() == []


def test_the_58_mm_receipt_is_a_roll_of_its_own() -> None:
    layout = sheet_layout("receipt58", bilingual=True)
    assert layout.template == Template.RECEIPT58
    assert layout.is_roll
    assert layout.page_size()[0] == 58
    assert layout.code_box_mm <= 58 - 2 * layout.margin_mm
    assert layout.qr_mm >= 20
    with pytest.raises(LayoutError, match="58 mm roll"):
        sheet_layout("receipt58", paper="A4")
