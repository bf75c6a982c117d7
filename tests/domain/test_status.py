from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from linkmanager.domain.status import IdentifierType, LinkStatus, UsageStatus


def test_known_values_are_members() -> None:
    assert LinkStatus("ACTIVE") is LinkStatus.ACTIVE
    assert LinkStatus.ACTIVE.is_known
    assert [s.value for s in LinkStatus.known()] == ["ACTIVE", "DISABLED", "EXPIRED", "USED"]


def test_an_unknown_status_is_kept_as_it_came() -> None:
    archived = LinkStatus("ARCHIVED")
    assert archived.value == "ARCHIVED"
    assert archived == "ARCHIVED"
    assert not archived.is_known
    assert archived.label == "ARCHIVED"
    assert LinkStatus("ARCHIVED") == archived
    assert hash(LinkStatus("ARCHIVED")) == hash(archived)
    assert archived not in LinkStatus.known()


def test_labels_read_as_words() -> None:
    assert UsageStatus.PAYMENT_CREATED.label == "Payment created"
    assert IdentifierType.MOBILE_PHONE.label == "Mobile phone"


@given(st.text(min_size=1, max_size=40))
def test_any_text_is_a_status_never_a_crash(text: str) -> None:
    for kind in (LinkStatus, UsageStatus, IdentifierType):
        status = kind(text)
        assert status.value == text
        assert status.is_known == (text in kind.__members__)


def test_unknown_values_do_not_grow_memory_for_ever() -> None:
    for n in range(2000):
        assert UsageStatus(f"NEW_{n}").value == f"NEW_{n}"
    assert len(UsageStatus._value2member_map_) <= 256 + len(UsageStatus.known())
