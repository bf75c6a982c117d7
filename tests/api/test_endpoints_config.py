"""Endpoints are validated configuration; secrets never show in repr or str."""

from __future__ import annotations

import pickle

import pytest

from linkmanager.api import ENVIRONMENTS, PRODUCTION, SANDBOX, ApiEndpoints, Credentials, Secret
from linkmanager.api.config import EndpointError


def test_known_environments() -> None:
    assert ENVIRONMENTS["sandbox"] == SANDBOX
    assert SANDBOX.api_url == "https://sandbox.leantech.me"
    assert SANDBOX.token_url == "https://auth.sandbox.leantech.me/oauth2/token"
    assert PRODUCTION.api_url == "https://api2.leantech.me"
    assert PRODUCTION.token_url == "https://auth.leantech.me/oauth2/token"
    assert PRODUCTION.api_host == "api2.leantech.me"


def test_trailing_slash_dropped_and_loopback_http_allowed() -> None:
    endpoints = ApiEndpoints("http://127.0.0.1:8123/", "http://localhost:8123/oauth2/token")
    assert endpoints.api_url == "http://127.0.0.1:8123"
    assert endpoints.api_host == "127.0.0.1:8123"
    assert ApiEndpoints("http://[::1]:9/", "https://auth.example.com/t").api_host == "[::1]:9"


@pytest.mark.parametrize(
    ("api_url", "token_url"),
    [
        ("http://sandbox.leantech.me", "https://auth.sandbox.leantech.me/oauth2/token"),
        ("https://sandbox.leantech.me", "http://auth.sandbox.leantech.me/oauth2/token"),
        ("ftp://sandbox.leantech.me", "https://auth.sandbox.leantech.me/oauth2/token"),
        ("sandbox.leantech.me", "https://auth.sandbox.leantech.me/oauth2/token"),
        ("https://sandbox.leantech.me?x=1", "https://auth.sandbox.leantech.me/oauth2/token"),
    ],
)
def test_unsafe_or_broken_endpoints_are_refused(api_url: str, token_url: str) -> None:
    with pytest.raises(ValueError, match=r"api_url|token_url"):
        ApiEndpoints(api_url, token_url)


def test_secret_never_shows() -> None:
    secret = Secret("s3cr3t-value")
    creds = Credentials("my-client", "s3cr3t-value")
    for text in (repr(secret), str(secret), f"{secret}", repr(creds), str(creds), repr([creds])):
        assert "s3cr3t-value" not in text
    assert "my-client" in repr(creds)
    assert creds.client_secret.reveal() == "s3cr3t-value"
    assert creds.client_secret == secret
    with pytest.raises(TypeError):
        pickle.dumps(secret)


def test_credentials_need_both_parts() -> None:
    with pytest.raises(ValueError, match="client id"):
        Credentials("", "x")
    with pytest.raises(ValueError, match="client secret"):
        Credentials("id", "")


PASSWORD = "hunter2-s3cret"


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://[::1", "is not a valid address: 'https://[::1'"),
        ("https://host:port", "has a port that is not a number from 0 to 65535: 'https://host:port'"),
        ("https://host:99999", "has a port that is not a number from 0 to 65535: 'https://host:99999'"),
        ("https://exa mple.com", "cannot contain spaces: 'https://exa mple.com'"),
        ("ftp://x", "must be an absolute https:// address, not 'ftp://x'"),
        ("http://example.com", "must use https:// (plain http only for this computer): 'http://example.com'"),
        (
            f"https://lean:{PASSWORD}@api.example.com/v1",
            "must not carry a user name or password (the client secret is kept in the keyring): "
            "'https://***@api.example.com/v1'",
        ),
        (
            f"https://{PASSWORD}@api.example.com",
            "must not carry a user name or password (the client secret is kept in the keyring): "
            "'https://***@api.example.com'",
        ),
        (
            f"https://lean:{PASSWORD}/x@api.example.com",
            "has a port that is not a number from 0 to 65535: 'https://***@api.example.com'",
        ),
    ],
)
def test_each_refusal_names_the_field_and_never_the_password(url: str, problem: str) -> None:
    for field, pair in (("api_url", (url, SANDBOX.token_url)), ("token_url", (SANDBOX.api_url, url))):
        with pytest.raises(EndpointError) as caught:
            ApiEndpoints(*pair)
        assert isinstance(caught.value, ValueError)  # callers that catch ValueError still do
        assert caught.value.field == field
        assert caught.value.problem == problem
        assert str(caught.value) == f"{field} {problem}"
        assert PASSWORD not in str(caught.value)


def test_an_at_sign_in_the_path_is_no_password() -> None:
    assert ApiEndpoints("https://api.example.com/a@b", SANDBOX.token_url).api_url.endswith("/a@b")
