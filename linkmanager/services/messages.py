"""User-facing messages: one catalogue that turns typed errors into "what happened, what to do".

The window and the command line both ask `message_for(error, context)` and get a UserMessage:
a `headline` naming the profile and its environment, `advice` (what to do), an `action` (the
button that does it, or the command the CLI suggests), a short `status` line for the status bar
and `details` (method, path, HTTP status, Lean's request id, the original text) for "Details".

Translation: every sentence is an English template (`str.format` fields) marked with
QT_TRANSLATE_NOOP in the context "Messages", so pyside6-lupdate collects them; the fields hold
the rendered English, and `UserMessage.translated(tr)` renders them again through the window's
translator (QCoreApplication.translate with that context). A sentence with a count ("%Ln link(s)")
is Qt's plural form: rendered through domain.i18n.translate, whose forms the translations hold
(English as written: domain.i18n.english_plural). Nothing here imports Qt.

Secrets never reach a message: the API client already redacts what Lean sends back, and every
text is scrubbed once more here for bearer tokens and secret form fields.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, tzinfo
from enum import Enum

from linkmanager.api.errors import LeanHTTPError

# QT_TRANSLATE_NOOP marks the catalogue's templates here and in message_catalogue and message_local.
from linkmanager.domain.i18n import QT_TRANSLATE_NOOP as QT_TRANSLATE_NOOP
from linkmanager.domain.i18n import english_plural, translate

CONTEXT = "Messages"
Translate = Callable[[str], str]


def _same(text: str) -> str:
    return text


class Action(Enum):
    """What the message's button does (the CLI suggests a command instead, when there is one)."""

    NONE = "none"
    EDIT_PROFILE = "edit-profile"
    RETRY = "retry"
    OPEN_KEYRING_HELP = "keyring-help"
    OPEN_DATA_FOLDER = "data-folder"


ACTION_LABELS: Mapping[Action, str] = {
    Action.NONE: "",
    Action.EDIT_PROFILE: QT_TRANSLATE_NOOP("Messages", "Edit profile…"),
    Action.RETRY: QT_TRANSLATE_NOOP("Messages", "Retry"),
    Action.OPEN_KEYRING_HELP: QT_TRANSLATE_NOOP("Messages", "Keyring help"),
    Action.OPEN_DATA_FOLDER: QT_TRANSLATE_NOOP("Messages", "Open data folder"),
}


class MessageKind(Enum):
    CREDENTIALS_REFUSED = "credentials-refused"
    FORBIDDEN = "forbidden"
    RATE_LIMITED = "rate-limited"
    SERVER_ERROR = "server-error"
    UNREACHABLE = "unreachable"
    DNS_FAILURE = "dns-failure"
    TLS_FAILURE = "tls-failure"
    TIMEOUT = "timeout"
    MALFORMED_ANSWER = "malformed-answer"
    NOT_FOUND = "not-found"
    BAD_REQUEST = "bad-request"
    LINK_UNCHANGEABLE = "link-unchangeable"
    CREATE_UNCERTAIN = "create-uncertain"
    UPDATE_NOT_CONFIRMED = "update-not-confirmed"
    KEYRING_LOCKED = "keyring-locked"
    KEYRING_UNAVAILABLE = "keyring-unavailable"
    SECRET_MISSING = "secret-missing"  # noqa: S105 - a kind of message, not a secret
    CACHE_CORRUPT = "cache-corrupt"
    CACHE_READ_ONLY = "cache-read-only"
    CACHE_DISK_FULL = "cache-disk-full"
    CACHE_ERROR = "cache-error"
    PROFILE_PROBLEM = "profile-problem"
    SYNC_INTERRUPTED = "sync-interrupted"
    KEYRING_HELP = "keyring-help"
    INTERNAL = "internal"


NETWORK_KINDS = frozenset(
    {MessageKind.UNREACHABLE, MessageKind.DNS_FAILURE, MessageKind.TLS_FAILURE, MessageKind.TIMEOUT}
)
# Lean answered (so it can be reached), but not as hoped.
ANSWERED_KINDS = frozenset(
    {
        MessageKind.CREDENTIALS_REFUSED,
        MessageKind.FORBIDDEN,
        MessageKind.RATE_LIMITED,
        MessageKind.SERVER_ERROR,
        MessageKind.MALFORMED_ANSWER,
        MessageKind.NOT_FOUND,
        MessageKind.BAD_REQUEST,
    }
)

# Bearer tokens, secret form fields and JSON members: whatever slipped past the client's redaction.
_SECRET_PATTERNS = (
    re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]+"),
    re.compile(r"(?i)((?:client_secret|access_token|password)=)[^&\s]+"),
    re.compile(r'(?i)("(?:client_secret|access_token|password)"\s*:\s*")[^"]*'),
)


def scrub(text: str) -> str:
    for pattern in _SECRET_PATTERNS:
        text = pattern.sub(r"\1********", text)
    return text


@dataclass(frozen=True, slots=True)
class Text:
    """One sentence: an English template and its fields (plain values, or sentences themselves);
    with a `count`, the template is a plural form ("%Ln link(s)")."""

    template: str
    args: Mapping[str, str | Text] = field(default_factory=dict)
    count: int | None = None

    def render(self, tr: Translate = _same) -> str:
        values = {k: v.render(tr) if isinstance(v, Text) else v for k, v in self.args.items()}
        english = self.template if self.count is None else english_plural(self.template, self.count)
        try:
            if self.count is None:
                return tr(self.template).format(**values)
            if tr is _same:
                return english.format(**values)
            return translate(CONTEXT, self.template, None, self.count).format(**values)
        except (KeyError, IndexError, ValueError):  # a translation with a broken field: English then
            return english.format(**values)


def literal(text: str) -> Text:
    """Words that already are a sentence (an exception's own text): shown as they are."""
    return Text("{text}", {"text": scrub(text)})


def join(parts: tuple[Text, ...], tr: Translate = _same, sep: str = " ") -> str:
    return sep.join(filter(None, (part.render(tr) for part in parts)))


@dataclass(frozen=True, slots=True)
class MessageContext:
    """Who the message is about: the profile, its environment, and when the next try is."""

    profile: str = ""
    environment: str = ""  # sandbox, production, custom or demo
    next_try: datetime | None = None  # when the window tries again by itself
    tz: tzinfo | None = None  # None: the workstation's zone
    isolate: Callable[[str], str] = _same  # the window wraps names in directional isolates

    @property
    def can_edit_profile(self) -> bool:
        return bool(self.profile) and self.environment != "demo"


@dataclass(frozen=True, slots=True)
class MessageTexts:
    """The sentences behind a UserMessage's fields, kept to render them again in another language."""

    headline: tuple[Text, ...]
    advice: tuple[Text, ...]
    status: tuple[Text, ...]
    details: tuple[Text, ...]
    reason: Text | None = None


@dataclass(frozen=True, slots=True)
class UserMessage:
    kind: MessageKind
    headline: str  # what happened, in one plain sentence naming the profile
    advice: str  # what to do
    action: Action  # the button that does it
    details: str  # for "Details": request, HTTP status, Lean's request id, the original text
    status: str  # the status bar's line (the bar shows the profile itself)
    reason: str = ""  # for "Offline: Lean cannot be reached (…)": "connection refused"
    profile: str = ""  # the profile EDIT_PROFILE opens
    path: str = ""  # the folder OPEN_DATA_FOLDER opens
    command: str = ""  # the CLI's way to do the action: `linkmanager profile secret Shop`
    answered: bool = False  # Lean answered: it can be reached, whatever it said
    texts: MessageTexts | None = field(default=None, compare=False, repr=False)

    @property
    def action_label(self) -> str:
        return ACTION_LABELS[self.action]

    @property
    def offline(self) -> bool:
        """Lean could not be reached (the window goes offline and tries again by itself)."""
        return self.kind in NETWORK_KINDS or bool(self.reason)

    def translated(self, tr: Translate) -> UserMessage:
        """The same message in the language `tr` translates templates into (context "Messages")."""
        texts = self.texts
        if texts is None:
            return self
        return replace(
            self,
            headline=join(texts.headline, tr),
            advice=join(texts.advice, tr),
            status=join(texts.status, tr),
            details=join(texts.details, tr, "\n"),
            reason=texts.reason.render(tr) if texts.reason is not None else "",
        )

    def sentence(self) -> str:
        """The command line's one sentence: what happened, what to do, and the command for it."""
        words = " ".join(filter(None, (self.headline, self.advice)))
        if self.command:
            words += " " + Text(RUN_COMMAND, {"command": self.command}).render()
        return words


RUN_COMMAND = QT_TRANSLATE_NOOP("Messages", "Run `{command}`.")


def build(
    kind: MessageKind,
    action: Action,
    headline: tuple[Text, ...],
    advice: tuple[Text, ...],
    status: tuple[Text, ...],
    details: tuple[Text, ...],
    ctx: MessageContext,
    *,
    reason: Text | None = None,
    path: str = "",
    command: str = "",
    answered: bool | None = None,
) -> UserMessage:
    if action is Action.EDIT_PROFILE and not ctx.can_edit_profile:
        action, command = Action.NONE, ""
    texts = MessageTexts(
        _scrub_all(headline),
        _scrub_all(advice),
        _scrub_all(status),
        _scrub_all(details),
        reason and _scrubbed(reason),
    )
    return UserMessage(
        kind=kind,
        headline=join(texts.headline),
        advice=join(texts.advice),
        action=action,
        details=join(texts.details, sep="\n"),
        status=join(texts.status),
        reason=reason.render() if reason is not None else "",
        profile=ctx.profile,
        path=path,
        command=command,
        answered=kind in ANSWERED_KINDS if answered is None else answered,
        texts=texts,
    )


def _scrubbed(text: Text) -> Text:
    """The sentence with every value in it (nested sentences' too) scrubbed of secrets."""
    args = {k: _scrubbed(v) if isinstance(v, Text) else scrub(v) for k, v in text.args.items()}
    return Text(text.template, args, text.count)


def _scrub_all(texts: tuple[Text, ...]) -> tuple[Text, ...]:
    return tuple(_scrubbed(text) for text in texts)


# -- parts every entry uses -------------------------------------------------------------------------

ENVIRONMENT_WORDS: Mapping[str, str] = {
    "sandbox": QT_TRANSLATE_NOOP("Messages", "sandbox"),
    "production": QT_TRANSLATE_NOOP("Messages", "production"),
    "demo": QT_TRANSLATE_NOOP("Messages", "demo"),
    "custom": QT_TRANSLATE_NOOP("Messages", "custom address"),
}
_REQUEST_LINE = re.compile(r"\b(GET|POST|PUT|PATCH|DELETE|HEAD)\s+([^\s)]+)")


def profile_words(ctx: MessageContext, *, bare: bool = False) -> Text:
    """ "profile Shop (sandbox)" ("Shop (sandbox)" when `bare`), or "this profile" without a name."""
    if not ctx.profile:
        return Text(QT_TRANSLATE_NOOP("Messages", "this profile"))
    name = ctx.isolate(ctx.profile)
    environment = ENVIRONMENT_WORDS.get(ctx.environment)
    if environment is None:
        return Text("{name}" if bare else QT_TRANSLATE_NOOP("Messages", "profile {name}"), {"name": name})
    template = (
        "{name} ({environment})" if bare else QT_TRANSLATE_NOOP("Messages", "profile {name} ({environment})")
    )
    return Text(template, {"name": name, "environment": Text(environment)})


def request_id_of(error: LeanHTTPError) -> str | None:
    """Lean's id for the request: given with the error, or a member of its JSON body."""
    if error.request_id:
        return error.request_id
    try:
        body = json.loads(error.raw_body)
    except ValueError:
        return None
    if not isinstance(body, dict):
        return None
    for key in ("request_id", "requestId", "trace_id", "traceId", "correlation_id"):
        value = body.get(key)
        if isinstance(value, str | int) and str(value).strip():
            return str(value)[:100]
    return None


def details_of(error: BaseException, ctx: MessageContext) -> tuple[Text, ...]:
    """What the Details section shows: request line, HTTP status, Lean's words and id, the text."""
    lines: list[Text] = []
    if ctx.profile:
        lines.append(
            Text(
                QT_TRANSLATE_NOOP("Messages", "Profile: {profile}"),
                {"profile": profile_words(ctx, bare=True)},
            )
        )
    if isinstance(error, LeanHTTPError):
        found = _REQUEST_LINE.search(error.request)
        if found:
            lines.append(
                Text(
                    QT_TRANSLATE_NOOP("Messages", "Request: {method} {path}"),
                    {"method": found.group(1), "path": found.group(2)},
                )
            )
        elif error.request:
            lines.append(
                Text(QT_TRANSLATE_NOOP("Messages", "Request: {request}"), {"request": error.request})
            )
        status = f"{error.http_status} {error.lean_status}" if error.lean_status else str(error.http_status)
        lines.append(Text(QT_TRANSLATE_NOOP("Messages", "HTTP status: {status}"), {"status": status}))
        if error.detail:
            lines.append(Text(QT_TRANSLATE_NOOP("Messages", "Lean said: {detail}"), {"detail": error.detail}))
        request_id = request_id_of(error)
        if request_id:
            lines.append(Text(QT_TRANSLATE_NOOP("Messages", "Lean's request id: {id}"), {"id": request_id}))
        if error.attempts > 1:
            lines.append(Text(QT_TRANSLATE_NOOP("Messages", "Attempts: {n}"), {"n": str(error.attempts)}))
    lines.append(Text(QT_TRANSLATE_NOOP("Messages", "Error: {name}"), {"name": type(error).__name__}))
    lines.append(literal(str(error)))
    return tuple(lines)


def message_for(error: BaseException, ctx: MessageContext) -> UserMessage:
    """The message for any failure the window or the CLI shows (an unknown one is INTERNAL)."""
    from linkmanager.services.message_catalogue import describe

    return describe(error, ctx)


def credentials_refused(error: BaseException, ctx: MessageContext) -> str:
    """A new profile's credentials refused by Lean (nothing saved yet, so nothing to edit): the
    catalogue's headline naming the profile, what to do, and Lean's own words."""
    headline = message_for(error, ctx).headline
    advice = translate(
        "Messages", "Check the client ID and secret in Lean's dashboard and try again. Nothing was saved."
    )
    detail = getattr(error, "detail", "") or str(error)
    return f"{headline} {advice} " + translate("Messages", "(Lean said: {detail})").format(detail=detail)


def keyring_help(ctx: MessageContext) -> UserMessage:
    """What "Keyring help" shows: where LinkManager keeps the secret, and how to make that work."""
    from linkmanager.services.message_local import keyring_help_message

    return keyring_help_message(ctx)
