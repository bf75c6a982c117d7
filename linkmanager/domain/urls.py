"""What may be a payment page address: the one rule for the API parser and the QR renderer.

A link's hosted URL goes into QR codes that customers scan and onto printed cards, so anything
but an absolute https:// address (a `javascript:` URL, plain http, spaces, control or invisible
characters) is refused wherever it meets us: from Lean's answers, and from a cache written
before this rule existed.
"""

from __future__ import annotations

from urllib.parse import urlsplit


def payment_page_problem(url: object) -> str | None:
    """Why `url` cannot be a payment page, in words; None when it can."""
    if not isinstance(url, str) or not url:
        return "there is no address"
    if any(c.isspace() or not c.isprintable() for c in url):
        return "the address holds spaces or invisible characters"
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return "the address is not a URL"
    if parts.scheme.lower() != "https" or not host:
        return "it is not an https:// address"
    if parts.username is not None or parts.password is not None:
        return "the address carries a user name or password"
    return None
