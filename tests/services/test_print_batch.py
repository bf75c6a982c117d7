"""What goes on a printed sheet (the lifecycle decides) and where it goes (validated in mm); no Qt."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from linkmanager.domain.models import PaymentDetails, PaymentLink
from linkmanager.domain.money import Money
from linkmanager.domain.status import LinkStatus
from linkmanager.services.print_batch import (
    DISABLED_MARK,
    Box,
    LayoutError,
    SheetItem,
    SheetLayout,
    Template,
    choose_links,
    plain_line,
    scan_warnings,
    sheet_layout,
)
from linkmanager.storage.cache_model import CachedLink

NOW = datetime(2026, 5, 20, 10, 0, tzinfo=UTC)
DUBAI = timezone(timedelta(hours=4), "+04")


def make(n: int, status: LinkStatus = LinkStatus.ACTIVE, **changes: object) -> PaymentLink:
    link = PaymentLink(
        id=f"link-{n:02d}",
        url=f"https://pay.simulator.invalid/pay/0b9e0a4c-3f6e-4a51-9d7a-1b7f3c2e{n:04d}",
        status=status,
        current_usages=0,
        payment_details=PaymentDetails(Money(Decimal("10.00"), "AED"), f"REF-{n}"),
        name=f"Link {n}",
        max_usages=5,
        expires_at=NOW + timedelta(days=10),
    )
    return replace(link, **changes)  # type: ignore[arg-type]


def cached(link: PaymentLink) -> CachedLink:
    return CachedLink(link, NOW, None, None, None, 0, 0)


def mixed() -> list[PaymentLink]:
    return [
        make(1),
        make(2, LinkStatus.EXPIRED, expires_at=NOW - timedelta(days=1)),
        make(3, LinkStatus.DISABLED),
        make(4),
        # Still ACTIVE in the cache, but its expiry has passed: it is expired now.
        make(5, expires_at=NOW - timedelta(minutes=1)),
        make(6),
    ]


def test_only_active_links_print_in_the_order_given() -> None:
    choice = choose_links(mixed(), NOW)
    assert [item.link.id for item in choice.items] == ["link-01", "link-04", "link-06"]
    assert all(item.mark is None for item in choice.items)
    assert [(out.link.id, out.kind) for out in choice.left_out] == [
        ("link-02", "expired"),
        ("link-05", "expired"),
        ("link-03", "disabled"),
    ]
    assert choice.summary == "3 links left out: 2 expired, 1 disabled"


def test_disabled_links_print_on_request_with_the_mark_in_their_place() -> None:
    choice = choose_links(mixed(), NOW, include_disabled=True)
    assert [(item.link.id, item.mark) for item in choice.items] == [
        ("link-01", None),
        ("link-03", DISABLED_MARK),
        ("link-04", None),
        ("link-06", None),
    ]
    assert choice.summary == "2 links left out: 2 expired"


def test_a_disabled_link_never_makes_an_unmarked_item() -> None:
    assert SheetItem(make(3, LinkStatus.DISABLED)).mark == DISABLED_MARK
    assert SheetItem(make(3, LinkStatus.DISABLED), mark=None).mark == DISABLED_MARK
    assert SheetItem(make(1)).mark is None


def test_cached_links_are_accepted_and_used_and_unknown_are_left_out() -> None:
    links = [
        cached(make(1)),
        cached(make(2, current_usages=5)),  # reached its limit: used, whatever the status says
        cached(make(3, LinkStatus("PAUSED"))),
    ]
    choice = choose_links(links, NOW, include_disabled=True)
    assert [item.link.id for item in choice.items] == ["link-01"]
    used, unknown = choice.left_out
    assert (used.kind, used.reason) == ("used", "used: reached its limit of 5 payments")
    assert unknown.kind == "paused"
    assert "PAUSED" in unknown.reason
    assert choice.summary == "2 links left out: 1 used, 1 paused"


def test_reasons_say_when_in_the_zone_given() -> None:
    link = make(2, LinkStatus.EXPIRED, expires_at=datetime(2026, 5, 1, 19, 59, tzinfo=UTC))
    (out,) = choose_links([link], NOW, tz=DUBAI).left_out
    assert out.reason == "expired on 01 May 2026 23:59 +04:00"
    (single,) = [choose_links([make(1, LinkStatus.DISABLED)], NOW).summary]
    assert single == "1 link left out: 1 disabled"
    assert choose_links([make(1)], NOW).summary == ""


def test_a_url_that_cannot_be_a_code_is_left_out_not_a_crash() -> None:
    choice = choose_links([make(1, url="https://x.invalid/" + "z" * 5000), make(2)], NOW)
    assert [item.link.id for item in choice.items] == ["link-02"]
    assert choice.left_out[0].kind == "no QR code"
    assert "too long" in choice.left_out[0].reason


def test_repeated_links_print_as_often_as_given() -> None:
    link = make(1)
    assert len(choose_links([link] * 24, NOW).items) == 24


def test_plain_line_keeps_text_on_one_line_without_bidi_tricks() -> None:
    assert plain_line("May\nrent\t2026") == "May rent 2026"
    assert plain_line("Rent\u202egnp.exe") == "Rentgnp.exe"
    assert plain_line("إيجار\u200dشهر") == "إيجار\u200dشهر"  # a joiner shapes Arabic: kept
    assert plain_line("<b>x</b>") == "<b>x</b>"  # drawn as plain text, never markup
    assert plain_line(None) == ""


# --- layouts ----------------------------------------------------------------------------------


def test_defaults_of_each_template() -> None:
    card = sheet_layout("card")
    assert (card.paper.name, card.per_page, card.qr_mm) == ("A6", 1, 50)  # the code itself
    assert sheet_layout("card", paper="A5").qr_mm > card.qr_mm
    labels = sheet_layout("labels")
    assert (labels.paper.name, labels.columns, labels.rows) == ("A4", 3, 8)
    receipt = sheet_layout("receipt", bilingual=True)
    width, height = receipt.page_size()
    assert width == 80
    assert height == pytest.approx(receipt.block_height() + 2 * receipt.margin_mm, abs=0.1)
    assert height > sheet_layout("receipt").page_size()[1], "the Arabic caption adds a row"


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"template": "card", "qr_mm": 15}, "at least 20 mm"),
        ({"template": "labels", "qr_mm": 30, "columns": 3, "rows": 8}, "leaves labels of 64.7 × 35.1 mm"),
        ({"template": "labels", "columns": 5, "rows": 14}, "fewer labels"),
        ({"template": "labels", "columns": 0, "rows": 8}, "1 to 10 columns"),
        ({"template": "card", "paper": "B5"}, "Paper is one of"),
        ({"template": "receipt", "paper": "A4"}, "80 mm roll"),
        ({"template": "card", "columns": 2}, "only labels have a grid"),
        ({"template": "card", "margin_mm": 60}, "Margins of 60 mm"),
        ({"template": "card", "ec": "X"}, "Error correction"),
        # NaN compares false with every limit: it must not slip through as a size
        ({"template": "card", "qr_mm": float("nan")}, "Sizes are numbers of mm"),
        ({"template": "labels", "margin_mm": float("nan")}, "Sizes are numbers of mm"),
        ({"template": "receipt", "qr_mm": float("inf")}, "Sizes are numbers of mm"),
    ],
)
def test_unprintable_layouts_are_refused_in_words(kwargs: dict[str, object], words: str) -> None:
    with pytest.raises(LayoutError, match=words):
        sheet_layout(**kwargs)  # type: ignore[arg-type]


def test_the_default_label_grid_fits_the_paper_and_a_given_grid_is_kept() -> None:
    """3 x 8 on A4; Letter is 18 mm shorter, so 8 rows of the default code and text do not fit."""
    assert (sheet_layout("labels").columns, sheet_layout("labels").rows) == (3, 8)
    letter = sheet_layout("labels", paper="Letter")
    assert (letter.columns, letter.rows) == (3, 7)
    assert letter.problems() == []
    bigger = sheet_layout("labels", qr_mm=30)  # 41.4 mm with the quiet zone, and the words beside it
    assert (bigger.columns, bigger.rows) == (2, 6)
    assert (sheet_layout("labels", paper="A6").columns, sheet_layout("labels", paper="A6").rows) == (1, 3)
    assert sheet_layout("labels", paper="Letter", columns=2).columns == 2
    with pytest.raises(LayoutError, match="3 × 8 grid on Letter"):
        sheet_layout("labels", paper="Letter", rows=8)


def test_the_minimum_size_is_accepted() -> None:
    assert sheet_layout("labels", qr_mm=20).qr_mm == 20


def boxes_overlap(a: Box, b: Box) -> bool:
    return not (
        a.x + a.width <= b.x + 1e-9
        or b.x + b.width <= a.x + 1e-9
        or a.y + a.height <= b.y + 1e-9
        or b.y + b.height <= a.y + 1e-9
    )


def inside(box: Box, cell: Box) -> bool:
    return (
        cell.x <= box.x
        and box.x + box.width <= cell.x + cell.width + 1e-9
        and cell.y <= box.y
        and box.y + box.height <= cell.y + cell.height + 1e-9
    )


@pytest.mark.parametrize(
    "layout",
    [
        sheet_layout("card", bilingual=True),
        sheet_layout("card", paper="A5", bilingual=True),
        sheet_layout("card", paper="A4"),
        sheet_layout("receipt", bilingual=True),
        sheet_layout("labels", bilingual=True),
        sheet_layout("labels", columns=2, rows=4, qr_mm=45),
    ],
    ids=lambda layout: f"{layout.template}-{layout.paper.name}-{layout.columns}x{layout.rows}",
)
def test_every_row_stays_in_its_cell_on_the_page_without_overlap(layout: SheetLayout) -> None:
    width, height = layout.page_size()
    cells = [layout.cell(i) for i in range(layout.per_page)]
    for i, cell in enumerate(cells):
        assert cell.x >= layout.margin_mm - 1e-9
        assert cell.y >= layout.margin_mm - 1e-9
        assert cell.x + cell.width <= width - layout.margin_mm + 1e-9
        assert cell.y + cell.height <= height - layout.margin_mm + 1e-9
        assert not any(boxes_overlap(cell, other) for other in cells[i + 1 :])
        placed = layout.place(i)
        for n, (row, box) in enumerate(placed):
            assert inside(box, cell), row
            assert not any(boxes_overlap(box, other) for _, other in placed[n + 1 :]), row
        (qr,) = [box for row, box in placed if row.role == "qr"]
        # the square kept for the code and the widest quiet zone (a version 1 code's): no text in it
        assert qr.width == qr.height == pytest.approx(layout.qr_mm * 29 / 21)
        assert layout.qr_mm >= 20


def test_labels_fill_rows_left_to_right_and_start_a_new_page() -> None:
    layout = sheet_layout("labels")
    first, second, fourth = layout.cell(0), layout.cell(1), layout.cell(3)
    assert (second.x > first.x, second.y) == (True, first.y)
    assert (fourth.x, fourth.y > first.y) == (first.x, True)
    assert layout.cell(24) == first
    roles = [row.role for row in layout.block()]
    assert roles == ["qr", "name", "amount", "reference", "caption"]


def test_card_rows_hold_everything_a_counter_card_needs() -> None:
    roles = [row.role for row in sheet_layout("card", bilingual=True).block()]
    assert roles == ["name", "amount", "qr", "caption", "caption_ar", "reference", "expires", "link_id"]
    assert "caption_ar" not in [row.role for row in sheet_layout("receipt").block()]


def test_small_modules_are_warned_about() -> None:
    items = choose_links([make(1), make(2, url="https://pay.simulator.invalid/pay/" + "q" * 500)], NOW).items
    warnings = scan_warnings(items, sheet_layout("labels"))
    assert len(warnings) == 1
    assert warnings[0].startswith("Link 2: its long URL makes modules of 0.")
    assert "at least" in warnings[0]
    assert scan_warnings(items, sheet_layout("card")) == []


def test_a_layout_is_a_plain_value() -> None:
    layout = sheet_layout(Template.LABELS, columns=2, rows=4, qr_mm=45, bilingual=True)
    assert layout == sheet_layout("labels", columns=2, rows=4, qr_mm=45, bilingual=True)
    assert layout.per_page == 8
