"""Endpoints are validated configuration; secrets never show in repr or str."""

from __future__ import annotations

import pickle

import pytest

from linkmanager.api import ENVIRONMENTS, PRODUCTION, SANDBOX, ApiEndpoints, Credentials, Secret


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
