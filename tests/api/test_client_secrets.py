"""The client secret and access tokens never reach logs, exception text or any repr."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterator

import httpx
import pytest

from linkmanager.api import BadRequestError, Credentials, LeanClient, LeanError, LeanSchemaError, Secret
from linkmanager.api.session import RAW_BODY_LIMIT
from linkmanager.domain import LinkStatus, NewPaymentLink
from linkmanager.simulator import Simulator

SECRET = "sk-live-Zq8w-very-secret-value"


def chain(exc: BaseException | None) -> Iterator[BaseException]:
    """The exception and every cause or context behind it (what a crash reporter would walk)."""
    seen: list[BaseException] = []
    while exc is not None and exc not in seen:
        seen.append(exc)
        yield exc
        exc = exc.__cause__ or exc.__context__


def test_a_full_run_leaks_nothing(
    start_sim: Callable[..., Simulator],
    make_client: Callable[..., LeanClient],
    new_link: Callable[..., NewPaymentLink],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, httpx and httpcore included
    sim = start_sim(client_secret=SECRET)
    sim.patch_allowed = False
    client = make_client(sim)
    tokens: set[str] = set()
    errors: list[BaseException] = []

    def note_token() -> None:
        current = client._session.tokens.current()
        if current is not None:
            tokens.add(current.reveal())

    def attempt(action: Callable[[], object]) -> None:
        try:
            action()
        except LeanError as exc:
            errors.append(exc)
        note_token()

    link_id = sim.state.link_ids(status="ACTIVE")[0]
    attempt(client.list_links)
    attempt(lambda: client.create_link(new_link()))
    attempt(lambda: client.set_status(link_id, LinkStatus.DISABLED))
    attempt(lambda: client.list_usages(link_id))
    sim.revoke_tokens()  # 401, then a new token
    attempt(lambda: client.get_link(link_id))
    sim.faults.queue("drop", count=4, method="GET")
    attempt(client.list_links)
    sim.faults.queue("429:1", method="GET")
    attempt(lambda: client.get_link("no-such-link"))
    sim.override_next("GET", "/payment-links/v1", 401, b"no", count=2)
    attempt(client.list_links)
    sim.faults.queue("drop", method="POST")
    attempt(lambda: client.create_link(new_link()))
    wrong = make_client(sim, credentials=Credentials(sim.client_id, SECRET + "-wrong"))
    attempt(wrong.list_links)

    assert len(tokens) == 3  # first, after revoke_tokens, after the canned 401
    assert len(errors) == 5
    forbidden = {SECRET, *tokens}
    log_text = caplog.text + "\n".join(r.getMessage() for r in caplog.records)
    assert any(r.name.startswith("httpcore") for r in caplog.records)  # the wire was logged at DEBUG
    assert "GET /payment-links/v1" in log_text
    assert "attempt" in log_text
    texts = [log_text, repr(client), repr(wrong), repr(client._session), repr(client._session.tokens)]
    for error in errors:
        for item in chain(error):
            texts += [str(item), repr(item), repr(vars(item))]
            # No httpx request (and so no Authorization header) is reachable from our errors.
            assert not isinstance(item, httpx.HTTPError), repr(item)
    for text in texts:
        for value in forbidden:
            assert value not in text
        assert not re.search(r"authorization\W{0,3}[:,=]", text, re.IGNORECASE)  # no header, in any form
        assert not re.search(r"Bearer [\w-]{16,}", text)  # WWW-Authenticate's `Bearer error=` is fine


@pytest.mark.parametrize(
    ("token", "expires_in", "field"),
    [
        ("tok3nLeakCheck\r\nX-Injected: 1", 3599, "access_token"),  # header injection
        ("tok3nLeakCheck\u00e9", 3599, "access_token"),  # not ASCII: httpx cannot encode it
        ("tok3nLeakCheck", 10**400, "expires_in"),  # float() would overflow
    ],
    ids=["crlf", "non-ascii", "huge-expires-in"],
)
def test_a_malformed_token_answer_is_refused_and_never_quoted(
    sim: Simulator,
    client: LeanClient,
    requests_delta: Callable[[], dict[tuple[str, str], int]],
    caplog: pytest.LogCaptureFixture,
    token: str,
    expires_in: int,
    field: str,
) -> None:
    caplog.set_level(logging.DEBUG)
    body = f'{{"access_token": {json.dumps(token, ensure_ascii=False)}, "expires_in": {expires_in}}}'
    sim.override_next("POST", "/oauth2/token", 200, body.encode(), {"Content-Type": "application/json"})
    with pytest.raises(LeanSchemaError) as info:
        client.list_links()
    assert info.value.field == field
    assert info.value.context == "token answer"
    assert requests_delta() == {("POST", "token"): 1}  # the API never saw a request with it
    texts = [caplog.text, *(r.getMessage() for r in caplog.records)]
    texts += [text for item in chain(info.value) for text in (str(item), repr(item), repr(vars(item)))]
    for text in texts:
        assert "tok3nLeakCheck" not in text


def test_a_token_straddling_the_error_body_limit_is_redacted_whole(
    sim: Simulator, client: LeanClient
) -> None:
    client.list_links()
    token = current_token(client)
    body = "x" * (RAW_BODY_LIMIT - 5) + token + "y" * 10
    sim.override_next("GET", "/payment-links/v1", 400, body.encode(), {"Content-Type": "text/plain"})
    with pytest.raises(BadRequestError) as info:
        client.list_links()
    assert info.value.raw_body == ("x" * (RAW_BODY_LIMIT - 5) + "[redacted]")[:RAW_BODY_LIMIT]
    assert token[:5] not in info.value.raw_body


def test_a_token_straddling_the_excerpt_of_a_non_json_answer_is_redacted_whole(
    sim: Simulator, client: LeanClient
) -> None:
    link_id = sim.state.link_ids()[0]
    client.get_link(link_id)
    token = current_token(client)
    body = "x" * 55 + token  # the excerpt quoted in the error is 60 characters
    sim.override_next(
        "GET", f"/payment-links/v1/{link_id}", 200, body.encode(), {"Content-Type": "text/plain"}
    )
    with pytest.raises(LeanSchemaError, match="not JSON") as info:
        client.get_link(link_id)
    assert token[:5] not in str(info.value)
    assert "[reda" in str(info.value)


def current_token(client: LeanClient) -> str:
    token = client._session.tokens.current()
    assert isinstance(token, Secret)
    return token.reveal()
