"""Profile addresses a hand-edited file may hold, refused in one sentence that never shows a password;
and the usage freshness setting, stored in the file and read as 60 from files that lack it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linkmanager.domain.urls import redact_url
from linkmanager.storage.profiles import (
    USAGE_FRESHNESS_RANGE,
    Profile,
    ProfileError,
    ProfileStore,
)

GOOD = {
    "environment": "custom",
    "client_id": "c",
    "api_url": "https://api.example.com",
    "token_url": "https://auth.example.com/oauth2/token",
}
PASSWORD = "hunter2-s3cret"


def write(path: Path, **fields: object) -> ProfileStore:
    path.parent.mkdir(parents=True, exist_ok=True)
    entry = {"name": "Main", **GOOD, **fields}
    path.write_text(json.dumps({"format": 1, "profiles": [entry]}), encoding="utf-8")
    return ProfileStore(path)


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("https://[::1", "api_url is not a valid address: 'https://[::1'"),
        ("https://host:port", "api_url has a port that is not a number from 0 to 65535: 'https://host:port'"),
        ("https://host:99999", "api_url has a port that is not a number from 0 to 65535"),
        ("https://exa mple.com", "api_url cannot contain spaces: 'https://exa mple.com'"),
        ("ftp://x", "api_url must be an absolute https:// address, not 'ftp://x'"),
        ("http://example.com", "api_url must use https:// (plain http only for this computer)"),
        ("https://api.example.com?key=1", "api_url must not carry a query or fragment"),
        (
            f"https://lean:{PASSWORD}@api.example.com/v1",
            "api_url must not carry a user name or password (the client secret is kept in the keyring): "
            "'https://***@api.example.com/v1'",
        ),
        (f"https://:{PASSWORD}@x@api.example.com", "'https://***@api.example.com'"),
        (f"https://lean:{PASSWORD}/x@api.example.com", "has a port that is not a number"),
        (f"https://lean:{PASSWORD} x@api.example.com", "api_url cannot contain spaces: 'https://***@api"),
    ],
)
def test_a_bad_address_in_the_file_is_one_sentence_without_the_password(
    tmp_path: Path, url: str, words: str
) -> None:
    path = tmp_path / "profiles.json"
    store = write(path, api_url=url)
    for read in (store.list, lambda: store.get("Main"), store.default):
        with pytest.raises(ProfileError) as caught:
            read()
        message = str(caught.value)
        assert message.startswith(f"The profiles file {path} is damaged (profile 1: The profile's ")
        assert words in message
        assert PASSWORD not in message
        assert "\n" not in message


def test_an_at_sign_in_the_path_is_no_password(tmp_path: Path) -> None:
    assert (
        write(tmp_path / "p.json", api_url="https://api.example.com/a@b").get("Main").api_url.endswith("@b")
    )


def test_loopback_may_use_plain_http(tmp_path: Path) -> None:
    for host in ("127.0.0.1:8123", "localhost", "[::1]:9"):
        store = write(
            tmp_path / host.replace(":", "_") / "p.json",
            api_url=f"http://{host}",
            token_url=f"http://{host}/t",
        )
        assert store.get("Main").api_url == f"http://{host}"


def test_a_new_profile_with_a_password_in_its_address_is_refused() -> None:
    with pytest.raises(ProfileError) as caught:
        Profile("Main", "custom", "c", GOOD["api_url"], f"https://u:{PASSWORD}@auth.example.com/t")
    assert PASSWORD not in str(caught.value)
    assert "token_url must not carry a user name or password" in str(caught.value)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://u:p@h.example/x?y#z", "https://***@h.example/x?y#z"),
        ("https://u:pa/ss?w#rd@h.example/x", "https://***@h.example/x"),  # raw / ? # in a password
        ("u:p@h.example/x", "***@h.example/x"),
        ("https://h.example/x", "https://h.example/x"),
    ],
)
def test_redaction_hides_everything_before_the_last_at(url: str, shown: str) -> None:
    assert redact_url(url) == shown


def test_usage_freshness_is_stored_and_old_files_read_as_60(tmp_path: Path) -> None:
    path = tmp_path / "profiles.json"
    old = write(path)
    assert old.get("Main").usage_freshness_minutes == 60
    store = ProfileStore(tmp_path / "new.json")
    store.add(Profile("Main", **GOOD, usage_freshness_minutes=15))  # type: ignore[arg-type]
    entry = json.loads(store.path.read_text(encoding="utf-8"))["profiles"][0]
    assert entry["usage_freshness_minutes"] == 15
    assert store.get("Main").usage_freshness_minutes == 15


@pytest.mark.parametrize(
    "minutes", [USAGE_FRESHNESS_RANGE[0] - 1, USAGE_FRESHNESS_RANGE[1] + 1, 30.0, True, "60"]
)
def test_usage_freshness_outside_5_to_1440_is_refused(tmp_path: Path, minutes: object) -> None:
    with pytest.raises(ProfileError, match=r"usage_freshness_minutes must be a whole number from 5 to 1440"):
        write(tmp_path / "profiles.json", usage_freshness_minutes=minutes).list()
    for good in USAGE_FRESHNESS_RANGE:
        assert (
            write(tmp_path / "ok.json", usage_freshness_minutes=good).get("Main").usage_freshness_minutes
            == good
        )
