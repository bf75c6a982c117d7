"""The message catalogue: every failure kind says which profile, what happened, what to do, and
keeps the technical detail (request, HTTP status, Lean's request id) for "Details"; no secret."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path

import pytest

from linkmanager.api.errors import (
    AuthenticationError,
    BadRequestError,
    CreateOutcomeUnknown,
    LeanDeadlineError,
    LeanSchemaError,
    LeanTimeoutError,
    LeanTransportError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    ResponseTooLarge,
    ServerError,
    UpdateNotConfirmed,
)
from linkmanager.services.actions import ActionRefused
from linkmanager.services.messages import (
    Action,
    MessageContext,
    MessageKind,
    UserMessage,
    keyring_help,
    message_for,
)
from linkmanager.services.sync_report import SyncFailed, SyncReport
from linkmanager.storage.cache_errors import CacheCorruptError, CacheDiskFullError, CacheReadOnlyError
from linkmanager.storage.credentials import KeyringLockedError, NoSecureBackendError, SecretMissingError
from linkmanager.storage.profiles import ProfileError

SHOP = MessageContext("Shop", "sandbox")
SECRET = "sk-live-Qm9-known-secret-value"
TOKEN_REQUEST = "sign in (POST /oauth2/token)"
CACHE = Path("/data/lm/shop-1a2b.sqlite3")

# (error, kind, action, names the profile)
CASES: list[tuple[BaseException, MessageKind, Action, bool]] = [
    (
        AuthenticationError(
            401,
            lean_status="UNAUTHORIZED",
            lean_message="client authentication failed",
            request=TOKEN_REQUEST,
            request_id="req-7f3a",
        ),
        MessageKind.CREDENTIALS_REFUSED,
        Action.EDIT_PROFILE,
        True,
    ),
    (
        PermissionDeniedError(403, lean_status="INSUFFICIENT_ACCESS_LEVEL", request="GET /payment-links/v1?page=0"),
        MessageKind.FORBIDDEN,
        Action.EDIT_PROFILE,
        True,
    ),
    (
        RateLimitedError(429, retry_after=30, lean_status="RATE_LIMIT_EXCEEDED", request="GET /payment-links/v1"),
        MessageKind.RATE_LIMITED,
        Action.RETRY,
        True,
    ),
    (
        ServerError(503, raw_body='{"request_id": "body-id-9"}', request="GET /payment-links/v1", attempts=4),
        MessageKind.SERVER_ERROR,
        Action.RETRY,
        True,
    ),
    (
        LeanTransportError("Could not reach Lean at api.example: could not connect ([Errno 111] Connection refused)."),
        MessageKind.UNREACHABLE,
        Action.RETRY,
        True,
    ),
    (
        LeanTransportError("Could not reach Lean at api.example: could not connect ([Errno -2] Name or service not known)."),
        MessageKind.DNS_FAILURE,
        Action.RETRY,
        True,
    ),
    (
        LeanTransportError("Could not reach Lean at api.example: could not connect ([SSL: CERTIFICATE_VERIFY_FAILED])."),
        MessageKind.TLS_FAILURE,
        Action.RETRY,
        True,
    ),
    (LeanTimeoutError("Could not reach Lean at api.example: no answer within 30 s."), MessageKind.TIMEOUT, Action.RETRY, True),
    (LeanDeadlineError("Could not reach Lean: no complete answer within 60 s."), MessageKind.TIMEOUT, Action.RETRY, True),
    (LeanSchemaError("content[3].status", "not text", context="GET /payment-links/v1"), MessageKind.MALFORMED_ANSWER, Action.RETRY, True),
    (ResponseTooLarge("GET /payment-links/v1", 2 * 1024 * 1024), MessageKind.MALFORMED_ANSWER, Action.RETRY, True),
    (NotFoundError(404, request="GET /payment-links/v1/abc"), MessageKind.NOT_FOUND, Action.RETRY, True),
    (NotFoundError(404, request="GET /payment-links/v1?page=0&size=100"), MessageKind.NOT_FOUND, Action.EDIT_PROFILE, True),
    (
        BadRequestError(400, lean_status="INVALID_PARAMETERS", lean_message="amount must be positive", request="POST /payment-links/v1"),
        MessageKind.BAD_REQUEST,
        Action.NONE,
        True,
    ),
    (BadRequestError(409, lean_message="link is EXPIRED", request="PATCH /payment-links/v1/abc"), MessageKind.LINK_UNCHANGEABLE, Action.NONE, False),
    (ActionRefused("An expired link can never be enabled again."), MessageKind.LINK_UNCHANGEABLE, Action.NONE, False),
    (UpdateNotConfirmed("abc", "DISABLED", LeanTransportError("dropped")), MessageKind.UPDATE_NOT_CONFIRMED, Action.RETRY, False),
    (KeyringLockedError("The keyring is locked"), MessageKind.KEYRING_LOCKED, Action.RETRY, True),
    (NoSecureBackendError("No secure keyring is available (fail.Keyring)"), MessageKind.KEYRING_UNAVAILABLE, Action.OPEN_KEYRING_HELP, True),
    (SecretMissingError("No client secret is stored for profile 'Shop'"), MessageKind.SECRET_MISSING, Action.EDIT_PROFILE, True),
    (CacheCorruptError(CACHE, "it is not a database"), MessageKind.CACHE_CORRUPT, Action.OPEN_DATA_FOLDER, True),
    (CacheReadOnlyError(CACHE, "read-only file system"), MessageKind.CACHE_READ_ONLY, Action.OPEN_DATA_FOLDER, True),
    (CacheDiskFullError(CACHE, "store the sync"), MessageKind.CACHE_DISK_FULL, Action.RETRY, True),
    (RuntimeError("a bug of ours"), MessageKind.INTERNAL, Action.NONE, True),
]  # fmt: skip


def text_fields(message: UserMessage) -> list[str]:
    return [str(getattr(message, f.name)) for f in fields(message)] + [message.sentence()]


@pytest.mark.parametrize(
    ("error", "kind", "action", "names_profile"),
    CASES,
    ids=[c[1].value + "-" + type(c[0]).__name__ for c in CASES],
)
def test_each_kind_says_what_happened_and_what_to_do(
    error: BaseException, kind: MessageKind, action: Action, names_profile: bool
) -> None:
    message = message_for(error, SHOP)
    assert (message.kind, message.action) == (kind, action)
    assert message.headline.endswith((".", "!"))
    assert message.headline[0].isupper()
    assert message.advice, "every kind says what to do"
    assert message.status
    assert ("profile Shop (sandbox)" in message.headline) is names_profile
    assert "Profile: Shop (sandbox)" in message.details
    assert str(error).strip() in message.details  # the original words stay under Details
    assert message.profile == "Shop"
    assert (message.action_label != "") is (action is not Action.NONE)


def test_the_refused_secret_of_the_review_reads_as_the_issue_asks() -> None:
    error = AuthenticationError(
        401,
        lean_status="UNAUTHORIZED",
        lean_message="client authentication failed",
        request=TOKEN_REQUEST,
        request_id="req-7f3a",
    )
    message = message_for(error, SHOP)
    assert message.headline == "Lean did not accept the client secret of profile Shop (sandbox)."
    assert message.action_label == "Edit profile…"
    assert message.status.startswith("Sign-in refused")
    assert "Offline" not in message.status
    assert not message.offline
    assert message.answered
    details = message.details.splitlines()
    assert "Request: POST /oauth2/token" in details
    assert "HTTP status: 401 UNAUTHORIZED" in details
    assert "Lean's request id: req-7f3a" in details
    assert "Lean said: client authentication failed" in details
    assert message.command == "linkmanager profile secret Shop"


def test_details_take_the_request_id_from_the_body_and_count_attempts() -> None:
    message = message_for(CASES[3][0], SHOP)
    assert "Lean's request id: body-id-9" in message.details
    assert "Attempts: 4" in message.details
    assert "HTTP status: 503" in message.details
    assert "HTTP 503" in message.headline


def test_rate_limit_says_how_long_to_wait() -> None:
    assert "30 s" in message_for(CASES[2][0], SHOP).advice


def test_offline_says_why_and_when_the_next_try_is() -> None:
    next_try = datetime(2026, 3, 1, 14, 5, tzinfo=UTC)
    message = message_for(CASES[4][0], MessageContext("Shop", "sandbox", next_try=next_try, tz=UTC))
    assert message.status == "Offline — Lean could not be reached (connection refused). Next try at 14:05."
    assert message.reason == "connection refused"
    assert "14:05" in message.advice
    assert message.offline
    assert not message.answered


@pytest.mark.parametrize(
    "leaky",
    [
        f"POST /oauth2/token body client_id=abc&client_secret={SECRET}&grant_type=client_credentials",
        f"Illegal header value b'Bearer {SECRET}'",
        f'{{"client_secret": "{SECRET}", "status": "UNAUTHORIZED"}}',
        f"access_token={SECRET}",
    ],
)
def test_no_secret_reaches_any_field(leaky: str) -> None:
    errors: list[BaseException] = [
        AuthenticationError(401, lean_message=leaky, raw_body=leaky, request=TOKEN_REQUEST),
        BadRequestError(400, raw_body=leaky, request=leaky),
        LeanTransportError(leaky),
        KeyringLockedError(leaky),
        RuntimeError(leaky),
        SyncFailed(LeanTransportError(leaky), SyncReport(concurrency=1, full=False, links_total=3)),
    ]
    for error in errors:
        message = message_for(error, SHOP)
        for text in text_fields(message) + text_fields(message.translated(str)):
            assert SECRET not in text, (type(error).__name__, text)
        assert "********" in message.details


def test_sentences_render_again_through_a_translator() -> None:
    table = {
        "Lean did not accept the client secret of {profile}.": "LEAN REFUSED THE SECRET OF {profile}.",
        "profile {name} ({environment})": "PROFILE {name} [{environment}]",
        "sandbox": "SANDBOX",
        "HTTP status: {status}": "STATUS = {status}",
    }
    message = message_for(CASES[0][0], SHOP).translated(lambda text: table.get(text, text))
    assert message.headline == "LEAN REFUSED THE SECRET OF PROFILE Shop [SANDBOX]."
    assert "STATUS = 401 UNAUTHORIZED" in message.details.splitlines()
    assert message.advice.startswith("It may have been revoked")  # untranslated: the English stays
    broken = message_for(CASES[0][0], SHOP).translated(lambda text: text.replace("{profile}", "{nope}"))
    assert "profile Shop" in broken.headline  # a translation with a wrong field falls back to English


def test_a_demo_profile_gets_no_edit_button_and_no_name_reads_as_this_profile() -> None:
    demo = message_for(CASES[0][0], MessageContext("Demo", "demo"))
    assert demo.action is Action.NONE
    assert demo.command == ""
    nameless = message_for(NoSecureBackendError("no keyring"), MessageContext())
    assert nameless.headline == "No secure keyring is available to hold the client secret of this profile."


def test_names_are_isolated_in_the_window_only() -> None:
    arabic = MessageContext("متجر", "production", isolate=lambda name: f"\u2068{name}\u2069")
    message = message_for(CASES[0][0], arabic)
    assert "profile \u2068متجر\u2069 (production)" in message.headline
    assert "\u2068" not in message_for(CASES[0][0], MessageContext("متجر", "production")).headline


def test_cache_messages_point_at_the_folder() -> None:
    message = message_for(CASES[20][0], SHOP)
    assert message.path == str(CACHE.parent)
    assert "damaged" in message.advice
    assert message.command == "linkmanager sync --rebuild"
    read_only = message_for(CASES[21][0], SHOP)
    assert "read-only (read-only file system)" in read_only.headline
    assert "rebuild" not in read_only.advice


def test_a_profile_problem_keeps_its_own_sentence() -> None:
    message = message_for(ProfileError("No profile named 'Shop'"), SHOP)
    assert (message.kind, message.action, message.headline) == (
        MessageKind.PROFILE_PROBLEM,
        Action.EDIT_PROFILE,
        "No profile named 'Shop'",
    )
    assert message.sentence() == "No profile named 'Shop'"


def test_create_outcome_unknown_keeps_the_words_that_say_to_look_first() -> None:
    words = "The request to create a payment link was sent but failed: the link may or may not exist now."
    message = message_for(CreateOutcomeUnknown(words), SHOP)
    assert message.kind is MessageKind.CREATE_UNCERTAIN
    assert message.headline == words


def test_keyring_help_says_where_the_secret_lives() -> None:
    message = keyring_help(SHOP)
    assert "keyring" in message.headline
    assert "GNOME Keyring" in message.advice
    assert "Keychain" in message.advice
    assert message.action is Action.RETRY


def test_sync_interrupted_counts_and_keeps_the_cause() -> None:
    report = SyncReport(concurrency=4, full=False, links_total=300, usage_skips=100, usage_lists_stored=20)
    cause = LeanTransportError("Could not reach Lean at api.example: connection dropped.")
    next_try = datetime(2026, 3, 1, 14, 5, tzinfo=UTC)
    message = message_for(
        SyncFailed(cause, report), MessageContext("Shop", "sandbox", next_try=next_try, tz=UTC)
    )
    assert message.kind is MessageKind.SYNC_INTERRUPTED
    assert (
        message.headline == "Sync interrupted — 120 of 300 links updated; the rest keeps its previous data."
    )
    assert message.status == f"{message.headline} Next try at 14:05."
    assert message.advice.startswith(
        "Lean could not be reached for profile Shop (sandbox) (the connection dropped)."
    )
    assert message.action is Action.RETRY
    assert message.offline
    refused = AuthenticationError(401, request=TOKEN_REQUEST)
    after_refusal = message_for(SyncFailed(refused, report), SHOP)
    assert after_refusal.action is Action.EDIT_PROFILE
    assert "did not accept the client secret" in after_refusal.advice
    before_listing = message_for(SyncFailed(cause, SyncReport(concurrency=4, full=False)), SHOP)
    assert before_listing.kind is MessageKind.UNREACHABLE  # nothing had begun: plain offline
