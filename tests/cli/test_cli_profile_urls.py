"""A hand-edited profiles file with a bad address: one line and exit 1 from every command that reads
profiles, never a traceback or a password; and `profile add --freshness`."""

from __future__ import annotations

import json

import pytest

from linkmanager.storage import ProfileStore

from .conftest import Run

PASSWORD = "hunter2-s3cret"
TOKEN_URL = "https://auth.example.com/oauth2/token"
BAD_URLS = [
    "https://[::1",
    "https://host:port",
    "https://exa mple.com",
    "ftp://x",
    "http://example.com",
    f"https://lean:{PASSWORD}@api.example.com",
    f"https://lean:{PASSWORD}/x@api.example.com",
]
COMMANDS = [
    ("profile", "list"),
    ("profile", "remove", "Main"),
    ("profile", "secret", "Main", "--secret-stdin", "--no-check"),
    ("links",),
    ("links", "--profile", "Main"),
    ("usages", "link-1"),
    ("search", "rent"),
    ("sync",),
    ("disable", "link-1"),
    ("qr", "link-1", "--out", "qr.png"),
]


def write_profiles(run: Run, api_url: str) -> None:
    run.home.mkdir(parents=True, exist_ok=True)
    entry = {
        "name": "Main",
        "environment": "custom",
        "client_id": "c",
        "api_url": api_url,
        "token_url": TOKEN_URL,
    }
    text = json.dumps({"format": 1, "profiles": [entry]})
    (run.home / "profiles.json").write_text(text, encoding="utf-8")


def assert_one_line(code: int, err: str, start: str) -> None:
    assert code == 1, err
    assert err.startswith(f"linkmanager: {start}"), err
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    assert PASSWORD not in err


@pytest.mark.parametrize("url", BAD_URLS)
def test_every_command_says_the_profiles_file_is_damaged_in_one_line(
    run: Run, memory_keyring: object, url: str
) -> None:
    write_profiles(run, url)
    for argv in COMMANDS:
        code, out, err = run(*argv, stdin="s3cret\n")
        assert_one_line(code, err, f"The profiles file {run.home / 'profiles.json'} is damaged (profile 1: ")
        assert "api_url" in err
        assert PASSWORD not in out


def test_an_address_only_the_client_refuses_is_named_with_the_profile(
    run: Run, memory_keyring: object
) -> None:
    """An "xn--zz" name passes the file's checks but is no valid IDNA name: building the client says so."""
    write_profiles(run, "https://xn--zz.example.com")
    assert run("profile", "list")[0] == 0
    expected = "The profile 'Main' cannot be used: its api_url is not a URL: 'https://xn--zz.example.com'."
    for argv in (("sync",), ("disable", "link-1"), ("profile", "secret", "Main", "--secret-stdin")):
        code, _, err = run(*argv, stdin="s3cret\n")
        assert_one_line(code, err, expected)
    assert memory_keyring.entries == {}  # type: ignore[attr-defined]  # refused before the keyring


def test_profile_add_keeps_the_freshness(run: Run, memory_keyring: object) -> None:
    base = ("profile", "add", "Main", "--env", "sandbox", "--client-id", "c", "--secret-stdin", "--no-check")
    code, _, err = run(*base, "--freshness", "15", stdin="s3cret\n")
    assert code == 0, err
    store = ProfileStore(run.home / "profiles.json")
    assert store.get("Main").usage_freshness_minutes == 15
    code, _, _ = run("profile", "add", "Other", *base[3:], stdin="s3cret\n")
    assert code == 0
    assert store.get("Other").usage_freshness_minutes == 60


@pytest.mark.parametrize("minutes", ["4", "1441"])
def test_profile_add_refuses_a_freshness_outside_5_to_1440(
    run: Run, memory_keyring: object, minutes: str
) -> None:
    code, _, err = run(
        "profile", "add", "Main", "--env", "sandbox", "--client-id", "c", "--secret-stdin",
        "--no-check", "--freshness", minutes, stdin="s3cret\n",
    )  # fmt: skip
    assert code == 2
    assert err == f"linkmanager: --freshness is 5 to 1440 minutes, not {minutes}.\n"
    assert memory_keyring.entries == {}  # type: ignore[attr-defined]


def test_profile_add_with_a_password_in_the_address_never_shows_it(run: Run, memory_keyring: object) -> None:
    code, _, err = run(
        "profile", "add", "Main", "--api-url", f"https://u:{PASSWORD}@api.example.com",
        "--token-url", TOKEN_URL, "--client-id", "c", "--secret-stdin", "--no-check", stdin="s3cret\n",
    )  # fmt: skip
    assert code == 2
    assert "api_url must not carry a user name or password" in err
    assert PASSWORD not in err
