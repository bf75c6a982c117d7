"""Which bank-statement line is which collected payment: proposals for the user to confirm or reject.

Pure (lines and payments in, proposals out); the command line and the window read the cache and store
what the user confirms (storage.matches). The rules, strongest first:

1. payment_id: the line's description holds exactly one payment's id, as a whole token (any case;
   "P-1" is not found inside "P-12").
2. reference: the description holds a link's reference (a whole token, 3 characters or more) and exactly
   one payment of such links has the line's amount and currency.
3. amount: exactly one payment has the line's amount and currency and was seen within ±3 days of the
   line's date, both as dates in the workstation's zone. A payment found on the first look at its link
   (seen_before) happened at some time before it was seen: any earlier line date fits it too.

Never a guess: a line naming several payment ids is left to the user, and one naming any id is decided by
rule 1 alone; a line naming references is matched by rule 3 only to a payment of those links. Each rule
runs over every open line before the next, so a strong match takes its payment first, and a payment
that is the only fit of two lines goes to neither, nor to anyone by a weaker rule: that is the user's call.
Debit lines and zero amounts never match. Confirmed (stored) matches are kept out of the proposals and
reported as matched, even when Lean has since stopped reporting their payment as collected (a bank
rejected or cancelled it after the match): those are flagged (Confirmed.collected, MatchResult
.confirmed_not_collected) for the user to check against the bank; the stored match is theirs to undo.

Unmatched payments are the collected ones seen within the statement's dates ±3 days, in a currency the
statement shows, that nothing matched: older and newer payments belong to other statements, and one in
another currency went to another account.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from decimal import Decimal
from typing import Literal

from linkmanager.domain.outcome import Outcome
from linkmanager.services.statement import StatementLine
from linkmanager.storage.matches import CollectedRow, MatchRow, StoredMatch, line_key

By = Literal["payment_id", "reference", "amount"]
RULES: tuple[By, ...] = ("payment_id", "reference", "amount")
WINDOW_DAYS = 3
MIN_REFERENCE = 3  # a shorter reference ("12") is in too many descriptions to mean anything


@dataclass(frozen=True, slots=True)
class PaymentCandidate:
    """A collected payment, with its link's money and reference."""

    usage_key: int
    usage_id: str
    payment_id: str | None
    link_id: str
    reference: str
    amount: Decimal
    currency: str
    seen_at: datetime  # when this workstation first saw it (aware)
    seen_before: bool = False  # found on the first look at its link: it happened some time before


@dataclass(frozen=True, slots=True)
class Proposal:
    line: StatementLine
    candidate: PaymentCandidate
    by: By


@dataclass(frozen=True, slots=True)
class Confirmed:
    """A line of this statement the user matched before (stored)."""

    line: StatementLine
    usage_key: int
    usage_id: str
    payment_id: str | None
    by: str  # as stored
    link_id: str | None = None
    confirmed_at: datetime | None = None
    outcome: Outcome | None = None  # what Lean reports of the payment now; None: not known
    usage_status: str | None = None
    payment_status: str | None = None

    @property
    def collected(self) -> bool:
        """False when Lean now reports the payment as anything but collected: check the bank."""
        return self.outcome is None or self.outcome == Outcome.COLLECTED

    @property
    def lean_status(self) -> str:
        """What Lean reports, in its own words: the bank's status, else the usage's ("REJECTED_BY_BANK")."""
        return self.payment_status or self.usage_status or (self.outcome.word if self.outcome else "")


@dataclass(frozen=True, slots=True)
class MatchResult:
    proposals: list[Proposal]  # by line
    confirmed: list[Confirmed]  # by line
    unmatched_lines: list[StatementLine]  # credits nothing matched
    unmatched_payments: list[PaymentCandidate]  # see the module's docstring; first seen first
    ignored: list[StatementLine]  # debits and zero amounts: never matched

    @property
    def confirmed_not_collected(self) -> list[Confirmed]:
        """The confirmed matches whose payment Lean no longer reports as collected, by line."""
        return [c for c in self.confirmed if not c.collected]


_TOKEN = re.compile(r"[\w-]+")


class _Finder:
    """Needles (ids, references) found in a text as whole tokens, any case. A needle of one token
    is a dict look-up of the text's tokens; a longer one ("Invoice 12") is searched for where its
    first token is."""

    def __init__(self, needles: Iterable[tuple[str, int]]) -> None:
        self.owners: dict[str, list[int]] = {}  # by needle in lower case
        for needle, owner in needles:
            key = needle.strip().lower()
            held = self.owners.get(key)
            if held is None:
                self.owners[key] = [owner]
            else:
                held.append(owner)
        self._longer: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
        for key in self.owners:
            if not key.replace("-", "").replace("_", "").isalnum() and (first := _TOKEN.search(key)):
                pattern = re.compile(rf"(?<![\w-]){re.escape(key)}(?![\w-])", re.I)
                self._longer.setdefault(first.group(), []).append((key, pattern))

    def found(self, text: str, tokens: set[str]) -> list[str]:
        """The needles in `text` (`tokens`: its tokens in lower case)."""
        single = [token for token in sorted(tokens) if token in self.owners]
        longer = [
            key
            for token in sorted(tokens & self._longer.keys())
            for key, pattern in self._longer[token]
            if pattern.search(text)
        ]
        return single + longer


@dataclass(slots=True)
class _ByDay:
    """Payments of one amount and currency (and reference), in seen-day order: a window is two
    bisections, not a pass over every payment (a multi-use link can hold a hundred thousand)."""

    days: list[int] = field(default_factory=list)  # date ordinals
    owners: list[int] = field(default_factory=list)
    before_days: list[int] = field(default_factory=list)  # seen_before ones: any earlier line fits
    before_owners: list[int] = field(default_factory=list)

    def window(self, day: int | None) -> Iterable[int]:
        """Every owner (day None), or those whose seen day fits a line of `day` (rule 3)."""
        if day is None:
            return itertools.chain(self.owners, self.before_owners)
        low, high = bisect_left(self.days, day - WINDOW_DAYS), bisect_right(self.days, day + WINDOW_DAYS)
        start = bisect_left(self.before_days, day - WINDOW_DAYS)
        return itertools.chain(self.owners[low:high], self.before_owners[start:])


def _by_day(items: Iterable[tuple[Hashable, int, int, bool]]) -> dict[Hashable, _ByDay]:
    groups: dict[Hashable, list[tuple[int, bool, int]]] = {}
    for key, day, owner, before in items:
        groups.setdefault(key, []).append((day, before, owner))
    index: dict[Hashable, _ByDay] = {}
    for key, members in groups.items():
        entry = index[key] = _ByDay()
        for day, before, owner in sorted(members):
            (entry.before_days if before else entry.days).append(day)
            (entry.before_owners if before else entry.owners).append(owner)
    return index


def _two(owners: Iterable[int], available: set[int]) -> set[int]:
    """Up to two available owners: all a rule needs to know is none, one, or several."""
    found: set[int] = set()
    for owner in owners:
        if owner in available:
            found.add(owner)
            if len(found) == 2:
                break
    return found


def match(
    lines: Sequence[StatementLine],
    candidates: Sequence[PaymentCandidate],
    *,
    confirmed: Sequence[Confirmed] = (),
    zone: tzinfo | None = None,
) -> MatchResult:
    """Proposals by the rules above; `zone` is the workstation's (None: the computer's own)."""
    done_lines = {c.line.line for c in confirmed}
    done_keys = {c.usage_key for c in confirmed}
    pool = [c for c in candidates if c.usage_key not in done_keys]
    ids = _Finder((c.payment_id, i) for i, c in enumerate(pool) if c.payment_id)
    refs = _Finder((c.reference, i) for i, c in enumerate(pool) if len(c.reference.strip()) >= MIN_REFERENCE)
    open_lines = [line for line in lines if line.line not in done_lines and line.amount > 0]
    ignored = [line for line in lines if line.line not in done_lines and not line.amount > 0]
    named: dict[int, tuple[list[str], list[str]]] = {}
    for line in open_lines:
        tokens = {token.lower() for token in _TOKEN.findall(line.description)}
        named[line.line] = (ids.found(line.description, tokens), refs.found(line.description, tokens))
    # Only the payments some line could take by amount are indexed by day.
    wanted = {(line.amount, line.currency) for line in open_lines}
    named_refs = {key for _, ref_keys in named.values() for key in ref_keys}
    fitting = [
        (i, c, c.seen_at.astimezone(zone).toordinal())
        for i, c in enumerate(pool)
        if (c.amount, c.currency) in wanted
    ]
    money = _by_day(((c.amount, c.currency), day, i, c.seen_before) for i, c, day in fitting)
    money_refs = _by_day(
        ((key, c.amount, c.currency), day, i, c.seen_before)
        for i, c, day in fitting
        if (key := c.reference.strip().lower()) in named_refs
    )

    def fits(rule: By, line: StatementLine, available: set[int]) -> set[int]:
        id_keys, ref_keys = named[line.line]
        if rule == "payment_id" or id_keys:  # a line naming an id is rule 1's alone
            owners = (i for key in id_keys for i in ids.owners[key]) if rule == "payment_id" else ()
            return _two(owners, available)
        day = None if rule == "reference" else line.date.toordinal()
        if rule == "reference" or ref_keys:  # rule 3 keeps to the payments of the links a line names
            empty = _ByDay()
            groups = (money_refs.get((key, line.amount, line.currency), empty) for key in ref_keys)
            return _two((i for group in groups for i in group.window(day)), available)
        return _two(money.get((line.amount, line.currency), _ByDay()).window(day), available)

    available = set(range(len(pool)))
    proposals: list[Proposal] = []
    for rule in RULES:
        claims: dict[int, list[StatementLine]] = {}
        for line in open_lines:
            found = fits(rule, line, available)
            if len(found) == 1:
                claims.setdefault(found.pop(), []).append(line)
        for index, claimants in claims.items():
            available.discard(index)  # taken, or contested: no weaker rule gives it to anyone
            if len(claimants) == 1:
                proposals.append(Proposal(claimants[0], pool[index], rule))
        taken = {p.line.line for p in proposals}
        open_lines = [line for line in open_lines if line.line not in taken]
    proposed = {p.candidate.usage_key for p in proposals}
    return MatchResult(
        proposals=sorted(proposals, key=lambda p: p.line.line),
        confirmed=sorted(confirmed, key=lambda c: c.line.line),
        unmatched_lines=open_lines,
        unmatched_payments=_unmatched_payments(lines, pool, proposed, zone),
        ignored=ignored,
    )


def _unmatched_payments(
    lines: Sequence[StatementLine], pool: list[PaymentCandidate], proposed: set[int], zone: tzinfo | None
) -> list[PaymentCandidate]:
    if not lines:
        return []
    first = min(line.date for line in lines) - timedelta(days=WINDOW_DAYS)
    end = max(line.date for line in lines) + timedelta(days=WINDOW_DAYS + 1)
    # The days' bounds as moments: no conversion of each payment's time (there may be a million).
    low, high = (_midnight(day, zone) for day in (first, end))
    currencies = {line.currency for line in lines}
    found = [
        c
        for c in pool
        if c.usage_key not in proposed and c.currency in currencies and low <= c.seen_at < high
    ]
    return sorted(found, key=lambda c: (c.seen_at, c.usage_key))


def _midnight(day: date, zone: tzinfo | None) -> datetime:
    naive = datetime.combine(day, time())
    return naive.replace(tzinfo=zone) if zone is not None else naive.astimezone()


# --- between the matcher and the cache (storage.matches) ----------------------------------


def candidates_from(rows: Iterable[CollectedRow]) -> list[PaymentCandidate]:
    return [
        PaymentCandidate(
            r.usage_key,
            r.usage_id,
            r.payment_id,
            r.link_id,
            r.reference,
            r.amount,
            r.currency,
            r.first_seen_at,
            r.seen_before,
        )
        for r in rows
    ]


def line_keys(lines: Sequence[StatementLine]) -> dict[int, str]:
    """Each line's storage.matches.line_key by line number; identical lines are told apart by order."""
    counts: Counter[tuple[date, Decimal, str, str]] = Counter()
    keys: dict[int, str] = {}
    for line in lines:
        same = (line.date, line.amount, line.currency, " ".join(line.description.split()))
        counts[same] += 1
        keys[line.line] = line_key(line.date, line.amount, line.currency, line.description, counts[same])
    return keys


def reconcile(
    lines: Sequence[StatementLine],
    collected: Iterable[CollectedRow],
    stored: Iterable[StoredMatch],
    *,
    zone: tzinfo | None = None,
) -> MatchResult:
    """match() over what the cache holds: lines matched before are reported as matched (with what Lean
    reports of their payment now), and payments matched to a line of another statement are no longer
    anyone's candidate."""
    by_key = {key: number for number, key in line_keys(lines).items()}
    by_number = {line.line: line for line in lines}
    confirmed: list[Confirmed] = []
    elsewhere: set[int] = set()
    for held in stored:
        number = by_key.get(held.match.line_key)
        if number is None:
            elsewhere.add(held.match.usage_key)
            continue
        row = held.match
        confirmed.append(
            Confirmed(
                by_number[number],
                row.usage_key,
                held.usage_id,
                held.payment_id,
                row.matched_by,
                held.link_id,
                held.confirmed_at,
                held.outcome,
                held.usage_status,
                held.payment_status,
            )
        )
    candidates = [c for c in candidates_from(collected) if c.usage_key not in elsewhere]
    return match(lines, candidates, confirmed=confirmed, zone=zone)


def rows_to_store(proposals: Collection[Proposal], lines: Sequence[StatementLine]) -> list[MatchRow]:
    """The proposals the user confirmed, as storage.matches.confirm stores them."""
    keys = line_keys(lines)
    return [
        MatchRow(
            p.candidate.usage_key,
            keys[p.line.line],
            p.line.line,
            p.line.date,
            p.line.amount,
            p.line.currency,
            p.line.description,
            p.by,
        )
        for p in proposals
    ]
