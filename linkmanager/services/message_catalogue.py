"""The catalogue's entries: which failure is which kind, and the sentences each kind says.

Kept apart from services.messages (the types) so the sentences can be read in one place. Every
template is English with `str.format` fields, marked for pyside6-lupdate (context "Messages").
"""

from __future__ import annotations

import shlex

from linkmanager.api.errors import (
    AuthenticationError,
    CreateOutcomeUnknown,
    LeanDeadlineError,
    LeanError,
    LeanHTTPError,
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
from linkmanager.services.message_local import describe_local
from linkmanager.services.messages import (
    QT_TRANSLATE_NOOP,
    Action,
    MessageContext,
    MessageKind,
    Text,
    UserMessage,
    build,
    details_of,
    literal,
    profile_words,
)
from linkmanager.services.sync_report import SyncFailed, SyncReport

OFFLINE = QT_TRANSLATE_NOOP("Messages", "Offline — Lean could not be reached ({reason}).")
NEXT_TRY = QT_TRANSLATE_NOOP("Messages", "Next try at {time}.")
# Words for what failed on the wire, matched in the transport error's own text (lower case).
_DNS_MARKS = (
    "name or service not known",
    "nodename nor servname",
    "name resolution",
    "getaddrinfo",
    "no address associated",
)
_TLS_MARKS = ("certificate", "[ssl", "ssl:", "tlsv", "handshake")


def _secret_command(ctx: MessageContext) -> str:
    return f"linkmanager profile secret {shlex.quote(ctx.profile)}" if ctx.profile else ""


# -- network -------------------------------------------------------------------------------------------


def _network(error: LeanTransportError) -> tuple[MessageKind, Text, Text]:
    """The kind, the reason in a few words, and the advice."""
    text = str(error).lower()
    if isinstance(error, LeanTimeoutError):
        words = (
            QT_TRANSLATE_NOOP("Messages", "no complete answer in time")
            if isinstance(error, LeanDeadlineError)
            else QT_TRANSLATE_NOOP("Messages", "no answer in time")
        )
        hint = QT_TRANSLATE_NOOP("Messages", "Lean or the network is slow right now: try again in a moment.")
        return MessageKind.TIMEOUT, Text(words), Text(hint)
    if any(mark in text for mark in _DNS_MARKS):
        return (
            MessageKind.DNS_FAILURE,
            Text(QT_TRANSLATE_NOOP("Messages", "its address could not be looked up")),
            Text(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "Check this computer's network connection, and that the profile's Lean address is right.",
                )
            ),
        )
    if any(mark in text for mark in _TLS_MARKS):
        return (
            MessageKind.TLS_FAILURE,
            Text(QT_TRANSLATE_NOOP("Messages", "the secure connection could not be verified")),
            Text(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "A proxy or firewall may be intercepting the connection, or this computer's date and time "
                    "are wrong: check them, or ask whoever runs your network.",
                )
            ),
        )
    if "refused" in text:
        reason = Text(QT_TRANSLATE_NOOP("Messages", "connection refused"))
    elif "dropped" in text or "broke" in text or "stopped answering" in text:
        reason = Text(QT_TRANSLATE_NOOP("Messages", "the connection dropped"))
    else:
        reason = Text(QT_TRANSLATE_NOOP("Messages", "the connection failed"))
    advice = QT_TRANSLATE_NOOP(
        "Messages", "Check this computer's network connection; the offline cache still answers."
    )
    return MessageKind.UNREACHABLE, reason, Text(advice)


def _offline(error: LeanTransportError, ctx: MessageContext) -> UserMessage:
    kind, reason, advice = _network(error)
    headline = Text(
        QT_TRANSLATE_NOOP("Messages", "Lean could not be reached for {profile} ({reason})."),
        {"profile": profile_words(ctx), "reason": reason},
    )
    status = [Text(OFFLINE, {"reason": reason})]
    tips = [advice]
    if ctx.next_try is not None:
        when = f"{ctx.next_try.astimezone(ctx.tz):%H:%M}"
        status.append(Text(NEXT_TRY, {"time": when}))
        tips.append(
            Text(
                QT_TRANSLATE_NOOP("Messages", "LinkManager tries again at {time} by itself."), {"time": when}
            )
        )
    details = details_of(error, ctx)
    return build(kind, Action.RETRY, (headline,), tuple(tips), tuple(status), details, ctx, reason=reason)


# -- Lean answered ------------------------------------------------------------------------------------


def _http(error: LeanHTTPError, ctx: MessageContext) -> UserMessage:
    who = {"profile": profile_words(ctx)}
    details = details_of(error, ctx)
    if isinstance(error, AuthenticationError):
        return build(
            MessageKind.CREDENTIALS_REFUSED,
            Action.EDIT_PROFILE,
            (
                Text(
                    QT_TRANSLATE_NOOP("Messages", "Lean did not accept the client secret of {profile}."),
                    who,
                ),
            ),
            (
                Text(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "It may have been revoked or replaced in Lean's dashboard: enter the current client ID "
                        "and secret in the profile.",
                    )
                ),
            ),
            (
                Text(
                    QT_TRANSLATE_NOOP("Messages", "Sign-in refused — Lean did not accept the client secret.")
                ),
            ),
            details,
            ctx,
            command=_secret_command(ctx),
        )
    if isinstance(error, PermissionDeniedError):
        return build(
            MessageKind.FORBIDDEN,
            Action.EDIT_PROFILE,
            (Text(QT_TRANSLATE_NOOP("Messages", "Lean does not allow {profile} to do this."), who),),
            (
                Text(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "The application's access level does not cover Payment Links: check the profile's client ID, "
                        "or ask Lean to enable Payment Links for it.",
                    )
                ),
            ),
            (
                Text(
                    QT_TRANSLATE_NOOP(
                        "Messages", "Access refused — Lean does not allow this application to do that."
                    )
                ),
            ),
            details,
            ctx,
        )
    if isinstance(error, RateLimitedError):
        if error.retry_after is not None:
            wait = Text(
                QT_TRANSLATE_NOOP("Messages", "Lean asked to wait {seconds} s: try again after that."),
                {"seconds": f"{error.retry_after:.0f}"},
            )
        else:
            wait = Text(QT_TRANSLATE_NOOP("Messages", "Wait a minute, then try again."))
        return build(
            MessageKind.RATE_LIMITED,
            Action.RETRY,
            (Text(QT_TRANSLATE_NOOP("Messages", "Lean is limiting the requests of {profile}."), who),),
            (wait,),
            (Text(QT_TRANSLATE_NOOP("Messages", "Rate limited — Lean asked LinkManager to wait.")),),
            details,
            ctx,
        )
    status = {"status": str(error.http_status)}
    if isinstance(error, ServerError) or error.http_status >= 500:
        return build(
            MessageKind.SERVER_ERROR,
            Action.RETRY,
            (
                Text(
                    QT_TRANSLATE_NOOP(
                        "Messages", "Lean's server failed to answer {profile} (HTTP {status})."
                    ),
                    {**who, **status},
                ),
            ),
            (
                Text(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "The fault is on Lean's side and usually passes: try again in a few minutes. If it lasts, "
                        "give Lean's support the Details.",
                    )
                ),
            ),
            (Text(QT_TRANSLATE_NOOP("Messages", "Lean's server failed (HTTP {status})."), status),),
            details,
            ctx,
        )
    if error.http_status == 409 or error.request.startswith(("PATCH ", "PUT ")):
        why = literal((error.detail or f"HTTP {error.http_status}").rstrip("."))
        return _unchangeable(
            Text(
                QT_TRANSLATE_NOOP("Messages", "Lean did not allow the change to the link: {why}."),
                {"why": why},
            ),
            Text(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "Only Active and Disabled links can be switched: sync to see the link as it is now, "
                    "or create a new link.",
                )
            ),
            details,
            ctx,
        )
    if isinstance(error, NotFoundError):
        listing = error.request.split("?")[0].rstrip("/").endswith("/payment-links/v1")
        return build(
            MessageKind.NOT_FOUND,
            Action.EDIT_PROFILE if listing else Action.RETRY,
            (Text(QT_TRANSLATE_NOOP("Messages", "Lean did not find what {profile} asked for."), who),),
            (
                Text(
                    QT_TRANSLATE_NOOP("Messages", "Check the profile's Lean address.")
                    if listing
                    else QT_TRANSLATE_NOOP(
                        "Messages", "The link may be gone at Lean: sync to see what Lean holds."
                    )
                ),
            ),
            (Text(QT_TRANSLATE_NOOP("Messages", "Not found at Lean (HTTP 404).")),),
            details,
            ctx,
        )
    return build(
        MessageKind.BAD_REQUEST,
        Action.NONE,
        (
            Text(
                QT_TRANSLATE_NOOP("Messages", "Lean refused the request of {profile}: {detail}."),
                {**who, "detail": error.detail.rstrip(".") or f"HTTP {error.http_status}"},
            ),
        ),
        (Text(QT_TRANSLATE_NOOP("Messages", "Nothing was changed; the Details show what Lean answered.")),),
        (Text(QT_TRANSLATE_NOOP("Messages", "Lean refused the request (HTTP {status})."), status),),
        details,
        ctx,
    )


def _unchangeable(
    headline: Text, advice: Text, details: tuple[Text, ...], ctx: MessageContext
) -> UserMessage:
    return build(
        MessageKind.LINK_UNCHANGEABLE,
        Action.NONE,
        (headline,),
        (advice,),
        (Text(QT_TRANSLATE_NOOP("Messages", "The link cannot be changed.")),),
        details,
        ctx,
    )


def _malformed(error: LeanError, ctx: MessageContext) -> UserMessage:
    return build(
        MessageKind.MALFORMED_ANSWER,
        Action.RETRY,
        (
            Text(
                QT_TRANSLATE_NOOP("Messages", "Lean sent {profile} an answer LinkManager cannot read."),
                {"profile": profile_words(ctx)},
            ),
        ),
        (
            Text(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "Nothing was stored from it: try again later. If it repeats, give Lean's support the Details.",
                )
            ),
        ),
        (Text(QT_TRANSLATE_NOOP("Messages", "Lean sent an answer LinkManager cannot read.")),),
        details_of(error, ctx),
        ctx,
    )


def _interrupted(failed: SyncFailed, ctx: MessageContext) -> UserMessage:
    report: SyncReport = failed.report
    cause = describe(failed.cause, ctx)
    said = Text(
        QT_TRANSLATE_NOOP(
            "Messages",
            "Sync interrupted — {done} of %Ln link(s) updated; the rest keeps its previous data.",
        ),
        {"done": f"{report.links_updated:,}"},
        report.links_total or 0,
    )
    texts = cause.texts
    assert texts is not None
    status = (said, *texts.status[1:]) if cause.offline else (said,)  # keeps "Next try at …"
    return build(
        MessageKind.SYNC_INTERRUPTED,
        cause.action,
        (said,),
        (*texts.headline, *texts.advice),
        status,
        texts.details,
        ctx,
        reason=texts.reason,
        path=cause.path,
        command=cause.command or ("linkmanager sync" if cause.action is Action.RETRY else ""),
        answered=cause.answered,
    )


def describe(error: BaseException, ctx: MessageContext) -> UserMessage:
    if isinstance(error, SyncFailed):
        if error.report.interrupted:
            return _interrupted(error, ctx)
        return describe(error.cause, ctx)
    if isinstance(error, CreateOutcomeUnknown):
        return build(
            MessageKind.CREATE_UNCERTAIN,
            Action.RETRY,
            (literal(str(error)),),
            (),
            (Text(QT_TRANSLATE_NOOP("Messages", "The new link may or may not exist at Lean.")),),
            details_of(error, ctx),
            ctx,
        )
    if isinstance(error, LeanTransportError):
        return _offline(error, ctx)
    if isinstance(error, LeanHTTPError):
        return _http(error, ctx)
    if isinstance(error, LeanSchemaError | ResponseTooLarge):
        return _malformed(error, ctx)
    if isinstance(error, UpdateNotConfirmed):
        return build(
            MessageKind.UPDATE_NOT_CONFIRMED,
            Action.RETRY,
            (
                Text(
                    QT_TRANSLATE_NOOP(
                        "Messages", "Lean accepted the change to {status}, but reading the link back failed."
                    ),
                    {"status": error.status},
                ),
            ),
            (Text(QT_TRANSLATE_NOOP("Messages", "The change happened: sync to see the link as it is now.")),),
            (Text(QT_TRANSLATE_NOOP("Messages", "Change sent; reading the link back failed.")),),
            details_of(error, ctx),
            ctx,
        )
    if isinstance(error, ActionRefused):
        return _unchangeable(
            Text(QT_TRANSLATE_NOOP("Messages", "This change is not allowed for the link.")),
            literal(str(error)),  # the lifecycle rule's own words: why, and what to do instead
            details_of(error, ctx),
            ctx,
        )
    return describe_local(error, ctx)
