"""The matcher: each rule, their order, and its refusal to guess (examples and a hypothesis property)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from linkmanager.services.matching import (
    Confirmed,
    MatchResult,
    PaymentCandidate,
    Proposal,
    line_keys,
    match,
    reconcile,
    rows_to_store,
)
from linkmanager.services.statement import StatementLine
from linkmanager.storage.matches import CollectedRow, MatchRow, StoredMatch

DAY = date(2026, 12, 10)
DUBAI = timezone(timedelta(hours=4))


def cand(
    key: int,
    amount: str = "262.00",
    *,
    payment_id: str | None = None,
    reference: str = "",
    currency: str = "AED",
    seen: date = DAY,
    hour: int = 12,
    seen_before: bool = False,
) -> PaymentCandidate:
    seen_at = datetime(seen.year, seen.month, seen.day, hour, tzinfo=UTC)
    pay = payment_id if payment_id is not None else f"pay-{key}-0000"
    return PaymentCandidate(
        key, f"u{key}", pay, f"link-{key}", reference, Decimal(amount), currency, seen_at, seen_before
    )


def line(number: int, amount: str = "262.00", description: str = "", *, day: date = DAY, currency: str = "AED") -> StatementLine:  # fmt: skip
    return StatementLine(number, day, Decimal(amount), currency, description)


def pairs(result: MatchResult) -> list[tuple[int, int, str]]:
    return [(p.line.line, p.candidate.usage_key, p.by) for p in result.proposals]


def test_rule_1_a_payment_id_in_the_description() -> None:
    result = match([line(1, "999.00", "LEAN REF PAY-7-0000 THANK YOU")], [cand(7), cand(8)])
    assert pairs(result) == [(1, 7, "payment_id")]  # the id decides, whatever the amount
    assert result.unmatched_lines == []


def test_an_id_inside_a_longer_id_is_not_found() -> None:
    candidates = [cand(1, payment_id="P-1"), cand(2, payment_id="ab12")]
    lines = [line(1, "5", "ref P-12 and xab12"), line(2, "5", "ref P-1-2")]
    assert pairs(match(lines, candidates)) == []
    assert pairs(match([line(1, "5", "(p-1).")], candidates)) == [(1, 1, "payment_id")]


def test_a_line_naming_two_payment_ids_is_left_to_the_user() -> None:
    # The amount would single out u1, but the description names u2 as well: no guess between them.
    result = match([line(1, "262.00", "pay-1-0000 pay-2-0000")], [cand(1), cand(2, "5.00")])
    assert pairs(result) == []
    assert [x.line for x in result.unmatched_lines] == [1]


def test_two_lines_naming_one_payment_get_neither_it_nor_a_weaker_match() -> None:
    lines = [line(1, "262.00", "pay-1-0000"), line(2, "262.00", "PAY-1-0000 again"), line(3, "262.00")]
    result = match(lines, [cand(1)])
    assert pairs(result) == []  # line 3 would fit u1 by amount alone: u1 is the user's call
    assert [x.line for x in result.unmatched_lines] == [1, 2, 3]


def test_rule_2_a_reference_with_the_same_amount_and_currency() -> None:
    candidates = [cand(1, reference="INV-2026-7"), cand(2, reference="INV-2026-8"), cand(3, reference="INV-2026-7", currency="SAR")]  # fmt: skip
    result = match(
        [line(1, "262.00", "transfer inv-2026-7 from ahmed", day=DAY + timedelta(days=20))], candidates
    )
    assert pairs(result) == [(1, 1, "reference")]  # the date does not matter to a reference
    other_amount = match([line(1, "263.00", "transfer INV-2026-7")], candidates)
    assert pairs(other_amount) == []
    other_currency = match([line(1, "262.00", "transfer INV-2026-7", currency="USD")], candidates)
    assert pairs(other_currency) == []


def test_a_reference_of_several_payments_is_narrowed_by_the_date_or_refused() -> None:
    # One multi-use link: every usage has its reference and amount.
    old, recent = cand(1, reference="RENT", seen=DAY - timedelta(days=30)), cand(2, reference="RENT")
    assert pairs(match([line(1, "262.00", "RENT DEC")], [old, recent])) == [(1, 2, "amount")]
    both_recent = [cand(1, reference="RENT"), cand(2, reference="RENT", seen=DAY + timedelta(days=1))]
    assert pairs(match([line(1, "262.00", "RENT DEC")], both_recent)) == []


def test_a_named_reference_keeps_the_amount_rule_to_its_link() -> None:
    # The line names link A's reference; the only payment of its amount nearby is link B's.
    candidates = [cand(1, "100.00", reference="SCHOOL-FEES"), cand(2, reference="OTHER-LINK")]
    assert pairs(match([line(1, "262.00", "SCHOOL-FEES term 2")], candidates)) == []


def test_short_references_are_not_looked_for() -> None:
    candidates = [cand(1, reference="12"), cand(2, reference="12")]
    # "12" names no link: u1 and u2 both fit by amount, so nothing, but not because of the reference.
    assert pairs(match([line(1, "262.00", "invoice 12")], candidates)) == []
    assert pairs(match([line(1, "262.00", "invoice 12")], candidates[:1])) == [(1, 1, "amount")]


def test_rule_3_amount_and_currency_within_three_days_each_way() -> None:
    for offset, expected in ((-4, []), (-3, [(1, 1, "amount")]), (0, [(1, 1, "amount")]), (3, [(1, 1, "amount")]), (4, [])):  # fmt: skip
        assert pairs(match([line(1, day=DAY + timedelta(days=offset))], [cand(1)], zone=UTC)) == expected, (
            offset
        )
    assert pairs(match([line(1, currency="SAR")], [cand(1)])) == []
    assert pairs(match([line(1, "262.01")], [cand(1)])) == []
    assert pairs(match([line(1, "262")], [cand(1)])) == [(1, 1, "amount")]  # 262 is 262.00


def test_rule_3_compares_dates_in_the_workstation_s_zone() -> None:
    # Seen at 22:00 UTC on the 10th: the 11th in Dubai, so a line of the 14th is 3 days away there.
    late = cand(1, hour=22)
    fourteenth = line(1, day=DAY + timedelta(days=4))
    assert pairs(match([fourteenth], [late], zone=UTC)) == []
    assert pairs(match([fourteenth], [late], zone=DUBAI)) == [(1, 1, "amount")]


def test_rule_3_refuses_to_guess() -> None:
    two_payments = match([line(1)], [cand(1), cand(2, seen=DAY + timedelta(days=2))])
    assert pairs(two_payments) == []
    two_lines = match([line(1), line(2, day=DAY + timedelta(days=1))], [cand(1)])
    assert pairs(two_lines) == []
    assert [x.line for x in two_lines.unmatched_lines] == [1, 2]
    assert [c.usage_key for c in two_lines.unmatched_payments] == [1]


def test_a_unique_fit_wins_over_a_line_that_fits_several() -> None:
    # Line 1 fits u1 and u2; line 2 fits only u2: line 2 gets u2, line 1 is left (no elimination).
    candidates = [cand(1, seen=DAY - timedelta(days=2)), cand(2, seen=DAY + timedelta(days=3))]
    lines = [line(1), line(2, day=DAY + timedelta(days=6))]
    assert pairs(match(lines, candidates)) == [(2, 2, "amount")]


def test_a_payment_seen_on_a_first_look_fits_any_earlier_line() -> None:
    first_look = cand(1, seen=DAY + timedelta(days=60), seen_before=True)
    assert pairs(match([line(1)], [first_look])) == [(1, 1, "amount")]
    assert pairs(match([line(1, day=DAY + timedelta(days=64))], [first_look])) == []


def test_stronger_rules_take_their_payment_first_whatever_the_line_order() -> None:
    candidates = [cand(1, reference="INV-99"), cand(2, "5.00")]
    lines = [line(1), line(2, "262.00", "INV-99"), line(3, "1.00", "pay-2-0000")]
    result = match(lines, candidates)
    assert pairs(result) == [(2, 1, "reference"), (3, 2, "payment_id")]
    assert [x.line for x in result.unmatched_lines] == [1]  # it fitted u1 by amount; u1 was taken


def test_debits_and_zero_amounts_never_match() -> None:
    lines = [line(1, "-262.00", "pay-1-0000"), line(2, "0", "pay-1-0000"), line(3, "0.00")]
    result = match(lines, [cand(1)])
    assert pairs(result) == []
    assert [x.line for x in result.ignored] == [1, 2, 3]
    assert result.unmatched_lines == []


def test_confirmed_lines_and_payments_are_kept_out_and_reported() -> None:
    lines = [line(1, "262.00", "pay-1-0000"), line(2)]
    confirmed = [Confirmed(lines[0], 1, "u1", "pay-1-0000", "payment_id")]
    result = match(lines, [cand(1), cand(2, "5.00")], confirmed=confirmed)
    assert pairs(result) == []  # line 2 would fit u1 by amount: u1 is matched already
    assert result.confirmed == confirmed
    assert [x.line for x in result.unmatched_lines] == [2]
    assert [c.usage_key for c in result.unmatched_payments] == [2]


def test_unmatched_payments_are_those_of_the_statement_s_dates_and_currencies() -> None:
    lines = [line(1, "1.00", day=DAY), line(2, "2.00", day=DAY + timedelta(days=10))]
    candidates = [
        cand(1, "9.00", seen=DAY - timedelta(days=3)),
        cand(2, "9.00", seen=DAY - timedelta(days=4)),  # before the statement's days
        cand(3, "9.00", seen=DAY + timedelta(days=13)),
        cand(4, "9.00", seen=DAY + timedelta(days=14)),  # after them
        cand(5, "9.00", currency="USD"),  # another account's
        cand(6, "9.00", seen=DAY + timedelta(days=5)),
    ]
    assert [c.usage_key for c in match(lines, candidates).unmatched_payments] == [1, 6, 3]
    assert match([], candidates).unmatched_payments == []


def collected(c: PaymentCandidate) -> CollectedRow:
    return CollectedRow(c.usage_key, c.usage_id, c.payment_id, c.link_id, c.reference, c.amount, c.currency, c.seen_at, c.seen_before)  # fmt: skip


def test_reconcile_uses_what_the_cache_holds() -> None:
    lines = [line(1, "262.00", "pay-1-0000"), line(2, "5.00"), line(3, "7.00")]
    keys = line_keys(lines)
    stored = [
        StoredMatch(
            MatchRow(1, keys[1], 1, DAY, Decimal("262.00"), "AED", "pay-1-0000", "payment_id"),
            "dec.csv",
            datetime(2026, 12, 11, tzinfo=UTC),
            "u1",
            "pay-1-0000",
            "link-1",
        ),
        StoredMatch(
            MatchRow(3, "another statement's line", 9, DAY, Decimal("7.00"), "AED", "", "amount"),
            "nov.csv",
            datetime(2026, 12, 11, tzinfo=UTC),
            "u3",
            None,
            "link-3",
        ),
    ]
    payments = [collected(c) for c in (cand(1), cand(2, "5.00"), cand(3, "7.00"))]
    result = reconcile(lines, payments, stored, zone=UTC)
    assert [(c.line.line, c.usage_id, c.by) for c in result.confirmed] == [(1, "u1", "payment_id")]
    assert pairs(result) == [(2, 2, "amount")]
    # u3 is matched to a line of another statement: not proposed for line 3, not "unmatched" either.
    assert [x.line for x in result.unmatched_lines] == [3]
    assert result.unmatched_payments == []


def test_identical_lines_have_keys_of_their_own_and_keep_them() -> None:
    lines = [line(1, "5.00", "ATM"), line(2, "5.00", "ATM"), line(3, "5.00", "ATM ")]
    keys = line_keys(lines)
    assert len(set(keys.values())) == 3
    assert line_keys([line(7, "5.0", "ATM"), line(8, "5", "ATM")]) == {7: keys[1], 8: keys[2]}


def test_rows_to_store() -> None:
    lines = [line(1), line(2, "5.00", "x")]
    proposals = [Proposal(lines[1], cand(4, "5.00"), "amount")]
    assert rows_to_store(proposals, lines) == [
        MatchRow(4, line_keys(lines)[2], 2, DAY, Decimal("5.00"), "AED", "x", "amount")
    ]


# --- the property: every proposal is justified by one rule, and nothing is given twice -----------

IDS = ("p-1", "p-2", "p-3", "P-1X")
REFERENCES = ("INV-1", "INV-2", "RENT")
AMOUNTS = ("5", "262.00", "262", "-262")


def named(needle: str | None, text: str) -> bool:
    return (
        bool(needle) and re.search(rf"(?<![\w-]){re.escape(needle or '')}(?![\w-])", text, re.I) is not None
    )


def holds(rule: str, ln: StatementLine, c: PaymentCandidate, pool: list[PaymentCandidate]) -> bool:
    """Rule `rule`'s own condition for the pair, evidence included (an oracle written apart from the code)."""
    ids = {x.usage_key for x in pool if named(x.payment_id, ln.description)}
    if rule == "payment_id":
        return c.usage_key in ids
    if ids or (ln.amount, ln.currency) != (c.amount, c.currency):
        return False
    refs = {x.usage_key for x in pool if len(x.reference) >= 3 and named(x.reference, ln.description)}
    if rule == "reference":
        return c.usage_key in refs
    delta = (ln.date - c.seen_at.astimezone(UTC).date()).days
    return (not refs or c.usage_key in refs) and delta <= 3 and (delta >= -3 or c.seen_before)


candidates_strategy = st.lists(
    st.builds(
        lambda i, pid, ref, amount, cur, day, before: cand(
            i,
            amount,
            payment_id=pid,
            reference=ref,
            currency=cur,
            seen=DAY + timedelta(days=day),
            seen_before=before,
        ),
        st.integers(0, 0),
        st.sampled_from(IDS),
        st.sampled_from(REFERENCES),
        st.sampled_from(AMOUNTS[:3]),
        st.sampled_from(("AED", "SAR")),
        st.integers(-6, 6),
        st.booleans(),
    ),
    max_size=7,
)
lines_strategy = st.lists(
    st.tuples(
        st.sampled_from(AMOUNTS),
        st.sampled_from(("AED", "SAR")),
        st.integers(-6, 6),
        st.lists(st.sampled_from((*IDS, *REFERENCES, "p-12", "noise", "inv-1-2")), max_size=3),
    ),
    max_size=7,
)


@settings(max_examples=500, deadline=None)
@given(candidates_strategy, lines_strategy)
def test_every_proposal_is_justified_by_exactly_one_rule_and_nothing_is_given_twice(
    raw_candidates: list[PaymentCandidate], raw_lines: list[tuple[str, str, int, list[str]]]
) -> None:
    pool = [_rekey(c, i) for i, c in enumerate(raw_candidates)]
    lines = [
        line(n, amount, " ".join(words), day=DAY + timedelta(days=day), currency=currency)
        for n, (amount, currency, day, words) in enumerate(raw_lines, start=1)
    ]
    result = match(lines, pool, zone=UTC)
    used_lines = [p.line.line for p in result.proposals]
    used_payments = [p.candidate.usage_key for p in result.proposals]
    assert len(set(used_lines)) == len(used_lines)
    assert len(set(used_payments)) == len(used_payments)
    rules = ("payment_id", "reference", "amount")
    for p in result.proposals:
        assert p.line.amount > 0
        assert holds(p.by, p.line, p.candidate, pool)
        stronger = rules[: rules.index(p.by)]
        for r in stronger:  # no stronger rule could decide the line: its fits are none, several, or claimed
            fits = [c for c in pool if holds(r, p.line, c, pool)]
            assert len(fits) != 1 or claimed(fits[0], rules[: rules.index(r) + 1], p.line, lines, pool)
        for other in pool:
            if other is p.candidate or not holds(p.by, p.line, other, pool):
                continue
            # Another payment fits the same way only when a stronger rule claimed it for another line.
            assert claimed(other, stronger, p.line, lines, pool)
    # Not over-cautious either: a line alone in naming exactly one payment's id gets it.
    for ln in lines:
        ids = [c for c in pool if named(c.payment_id, ln.description)]
        rivals = [
            o for o in lines if o is not ln and o.amount > 0 and ids and holds("payment_id", o, ids[0], pool)
        ]
        if ln.amount > 0 and len(ids) == 1 and not rivals:
            assert (ln.line, ids[0].usage_key, "payment_id") in pairs(result)
    accounted = used_lines + [x.line for x in result.unmatched_lines] + [x.line for x in result.ignored]
    assert sorted(accounted) == [x.line for x in lines]


def claimed(
    c: PaymentCandidate,
    rules: tuple[str, ...],
    ln: StatementLine,
    lines: list[StatementLine],
    pool: list[PaymentCandidate],
) -> bool:
    """`c` fits another (credit) line by one of `rules`: another line may have taken or contested it."""
    return any(holds(r, o, c, pool) for r in rules for o in lines if o is not ln and o.amount > 0)


def _rekey(c: PaymentCandidate, key: int) -> PaymentCandidate:
    return PaymentCandidate(key, f"u{key}", c.payment_id, c.link_id, c.reference, c.amount, c.currency, c.seen_at, c.seen_before)  # fmt: skip
