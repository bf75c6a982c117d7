"""Address rules, one place for every layer: payment pages, and the addresses of Lean's services.

A link's hosted URL goes into QR codes that customers scan and onto printed cards, so anything
but an absolute https:// address (a `javascript:` URL, plain http, spaces, control or invisible
characters) is refused wherever it meets us: from Lean's answers, and from a cache written
before this rule existed.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from linkmanager.domain.i18n import QT_TRANSLATE_NOOP, translate

_SPACE = re.compile(r"\s")


def payment_page_problem(url: object) -> str | None:
    """Why `url` cannot be a payment page, in English words (translate("Urls", …) them to show
    them in the window); None when it can."""
    if not isinstance(url, str) or not url:
        return QT_TRANSLATE_NOOP("Urls", "there is no address")
    if not url.isprintable() or _SPACE.search(url):
        return QT_TRANSLATE_NOOP("Urls", "the address holds spaces or invisible characters")
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return QT_TRANSLATE_NOOP("Urls", "the address is not a URL")
    if parts.scheme.lower() != "https" or not host:
        return QT_TRANSLATE_NOOP("Urls", "it is not an https:// address")
    if parts.username is not None or parts.password is not None:
        return QT_TRANSLATE_NOOP("Urls", "the address carries a user name or password")
    return None


def redact_url(value: str) -> str:
    """`value` fit for a message: all before its last @ (after the scheme) becomes ***.

    Blunt on purpose: a password typed raw may hold '/', '?' or '#', so where the userinfo ends
    cannot be told for sure; hiding a harmless path now and then is the cheaper mistake.
    """
    scheme, sep, rest = value.partition("://")
    if not sep:
        scheme, rest = "", value
    if "@" not in rest:
        return value
    return f"{scheme}{sep}***@{rest.rpartition('@')[2]}"


def is_loopback(host: str) -> bool:
    """This computer (the simulator): the one place plain http is allowed."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def service_url_problem(value: str) -> str | None:
    """Why `value` cannot be the address of a Lean service (API or sign-in), completing "The
    profile's api_url …"; None when it can. The value is quoted redacted (redact_url).

    https only, but plain http for this computer (anywhere else the secret and tokens would cross
    the network in clear); no user name or password (it would travel in every request and show in
    logs); no query or fragment.
    """
    shown = repr(redact_url(value))
    if not value.isprintable() or _SPACE.search(value):
        return translate("Urls", "cannot contain spaces: {address}").format(address=shown)
    # urlsplit's own messages may quote a password taken for a port: say it in our words.
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        return translate("Urls", "is not a valid address: {address}").format(address=shown)
    try:
        parts.port  # noqa: B018 - raises for a port that is not a number from 0 to 65535
    except ValueError:
        return translate("Urls", "has a port that is not a number from 0 to 65535: {address}").format(
            address=shown
        )
    if "@" in parts.netloc:
        return translate(
            "Urls",
            "must not carry a user name or password (the client secret is kept in the keyring): {address}",
        ).format(address=shown)
    if parts.scheme not in ("https", "http") or not host:
        return translate("Urls", "must be an absolute https:// address, not {address}").format(address=shown)
    if parts.scheme == "http" and not is_loopback(host):
        return translate("Urls", "must use https:// (plain http only for this computer): {address}").format(
            address=shown
        )
    if parts.query or parts.fragment:
        return translate("Urls", "must not carry a query or fragment: {address}").format(address=shown)
    return None
