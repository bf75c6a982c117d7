"""ProfileStore and Profile: the JSON file, its safety on disk, names and the default profile."""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from linkmanager.storage import profiles as profiles_module
from linkmanager.storage.profiles import (
    ENVIRONMENTS,
    FORMAT_VERSION,
    Profile,
    ProfileError,
    ProfileStore,
    name_key,
    validate_name,
)

# One profile as the file holds it, without its name and optional settings.
RAW = {
    "environment": "sandbox",
    "client_id": "c",
    "api_url": "https://a.example",
    "token_url": "https://a.example/t",
}
POSIX_MODES = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def make(name: str = "main", **changes: object) -> Profile:
    fields: dict[str, object] = {
        "environment": "sandbox",
        "client_id": "c0ffee00-0000-4000-8000-000000000001",
        "api_url": "https://sandbox.leantech.me",
        "token_url": "https://auth.sandbox.leantech.me/oauth2/token",
    }
    fields.update(changes)
    return Profile(name, **fields)  # type: ignore[arg-type]


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "home" / "profiles.json"


@pytest.fixture
def store(path: Path) -> ProfileStore:
    return ProfileStore(path)


@pytest.fixture
def write_raw(path: Path) -> Callable[[str], None]:
    def write(text: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    return write


# -- the file --------------------------------------------------------------------------------


def test_no_file_means_no_profiles_and_reading_creates_nothing(store: ProfileStore, path: Path) -> None:
    assert store.list() == []
    assert not path.parent.exists()


def test_round_trip_through_a_new_store(store: ProfileStore, path: Path) -> None:
    custom = make(
        "Staging KSA",
        environment="custom",
        api_url="https://api.ksa.example",
        token_url="https://auth.ksa.example/oauth2/token",
        sync_interval_minutes=15,
        concurrency=2,
    )
    demo = make(
        "demo", environment="demo", api_url="http://127.0.0.1:8123", token_url="http://127.0.0.1:8123/t"
    )
    store.add(custom)
    store.add(demo)
    store.add(make("حساب تجريبي"))

    assert ProfileStore(path).list() == [demo, custom, make("حساب تجريبي")]


def test_the_file_is_versioned_json_with_every_field(store: ProfileStore, path: Path) -> None:
    store.add(make("Main"))

    document = json.loads(path.read_text(encoding="utf-8"))
    secret_id = document["profiles"][0].pop("secret_id")
    assert re.fullmatch(r"[0-9a-f]{32}", secret_id)

    assert document == {
        "format": FORMAT_VERSION,
        "profiles": [
            {
                "name": "Main",
                "environment": "sandbox",
                "client_id": "c0ffee00-0000-4000-8000-000000000001",
                "api_url": "https://sandbox.leantech.me",
                "token_url": "https://auth.sandbox.leantech.me/oauth2/token",
                "sync_interval_minutes": 5,
                "concurrency": 8,
                "usage_freshness_minutes": 60,
            }
        ],
    }


def test_profile_defaults_and_a_hand_edited_file(
    store: ProfileStore, write_raw: Callable[[str], None]
) -> None:
    """Settings may be left out of the file, and a byte-order mark from Notepad is no damage."""
    write_raw("\ufeff" + json.dumps({"format": 1, "profiles": [{"name": "x", **RAW}]}))

    profile = store.get("x")

    assert (profile.sync_interval_minutes, profile.concurrency, profile.usage_freshness_minutes) == (5, 8, 60)
    assert ENVIRONMENTS == ("sandbox", "production", "custom", "demo")


@POSIX_MODES
def test_file_is_0600_and_a_created_home_is_0700(store: ProfileStore, path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        store.add(make())
        os.chmod(path, 0o644)  # widened by someone: the next write narrows it again
        store.update(make(concurrency=3))
    finally:
        os.umask(old_umask)

    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_write_leaves_no_temp_file(store: ProfileStore, path: Path) -> None:
    store.add(make("a"))
    store.add(make("b"))
    store.remove("a")

    assert sorted(p.name for p in path.parent.iterdir()) == ["profiles.json"]


def test_a_failed_write_keeps_the_old_file_whole_and_leaves_no_temp(
    store: ProfileStore, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add(make("a"))
    before = path.read_bytes()

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(profiles_module.os, "replace", broken_replace)
    with pytest.raises(ProfileError, match=r"Cannot write the profiles file .*No space left on device"):
        store.add(make("b"))

    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == ["profiles.json"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("{not json", "not valid JSON"),
        ("[]", '"format" and "profiles"'),
        ('{"format": 1}', '"format" and "profiles"'),
        ('{"format": 1, "profiles": [], "extra": 1}', '"format" and "profiles"'),
        ('{"format": "1", "profiles": []}', "not a version number"),
        ('{"format": true, "profiles": []}', "not a version number"),
        ('{"format": 1, "profiles": {}}', "not a list"),
        ('{"format": 1, "profiles": [7]}', "profile 1 is not an object"),
        ('{"format": 1, "profiles": [{"name": "x"}]}', "profile 1: missing environment"),
        ('{"format": 1, "profiles": [{"concurency": 3}]}', "profile 1: unknown concurency"),
    ],
)
def test_a_damaged_file_is_an_error_naming_it_and_is_never_replaced(
    store: ProfileStore, path: Path, write_raw: Callable[[str], None], text: str, reason: str
) -> None:
    write_raw(text)
    before = path.read_bytes()

    for attempt in (store.list, lambda: store.get("x"), store.default, lambda: store.add(make("new"))):
        with pytest.raises(ProfileError) as caught:
            attempt()
        assert f"The profiles file {path} is damaged" in str(caught.value)
        assert reason in str(caught.value)

    assert path.read_bytes() == before


def test_a_file_that_is_not_utf8_is_damage(store: ProfileStore, path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(b'{"format": 1, "profiles": [{"name": "\xff"}]}')

    with pytest.raises(ProfileError, match=r"is damaged \(not valid JSON: 'utf-8' codec"):
        store.list()
    assert path.read_bytes().startswith(b'{"format"')


def test_a_profile_with_bad_values_in_the_file_is_damage(
    store: ProfileStore, path: Path, write_raw: Callable[[str], None]
) -> None:
    write_raw(json.dumps({"format": 1, "profiles": [{**RAW, "name": "ok", "environment": "staging"}]}))

    with pytest.raises(ProfileError, match=r"damaged \(profile 1: Unknown environment 'staging'"):
        store.list()


def test_two_profiles_with_one_name_in_the_file_is_damage(
    store: ProfileStore, write_raw: Callable[[str], None]
) -> None:
    write_raw(json.dumps({"format": 1, "profiles": [{"name": "Main", **RAW}, {"name": "MAIN", **RAW}]}))

    with pytest.raises(ProfileError, match="two profiles have the same name"):
        store.list()


def test_a_newer_format_asks_for_an_update(
    store: ProfileStore, path: Path, write_raw: Callable[[str], None]
) -> None:
    write_raw(json.dumps({"format": FORMAT_VERSION + 1, "profiles": []}))

    with pytest.raises(ProfileError, match=re.escape(f"{path} was written by a newer LinkManager")):
        store.add(make())


def test_an_unreadable_file_is_an_error_naming_it(tmp_path: Path) -> None:
    directory = tmp_path / "profiles.json"
    directory.mkdir()

    with pytest.raises(ProfileError, match=re.escape(f"Cannot read the profiles file {directory}")):
        ProfileStore(directory).list()


# -- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "main",
        "Sandbox Main",
        "prod-1.eu_2",
        "حساب تجريبي",
        "حساب ١٢",  # Arabic-Indic digits
        "مُتجر",  # with a combining mark (damma)
        "हिन्दी",  # Devanagari vowel signs are marks
        "Ünïcödé",
        "x" * 64,
        "a",
    ],
)
def test_valid_names(store: ProfileStore, name: str) -> None:
    store.add(make(name))
    assert store.get(name).name == name


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("", "cannot be empty"),
        ("x" * 65, "at most 64 characters"),
        (" main", "cannot start or end with a space"),
        ("main ", "cannot start or end with a space"),
        ("a/b", "'/'"),
        ("a\\b", "'\\\\'"),
        ("a:b", "':'"),
        ("a*b", "'*'"),
        ("tab\tname", "U+0009"),
        ("new\nline", "U+000A"),
        ("emoji 😀", "U+1F600"),
        ("zero\u200bwidth", "U+200B"),
        ("\u0301accent-first", "U+0301"),
        ("a'b", "only letters, digits, spaces"),
    ],
)
def test_invalid_names(name: str, words: str) -> None:
    with pytest.raises(ProfileError) as caught:
        make(name)
    assert words in str(caught.value)


def test_names_are_stored_in_nfc(store: ProfileStore) -> None:
    store.add(make("Cafe\u0301"))

    assert store.list()[0].name == "Caf\u00e9"
    assert store.get("CAFÉ").name == "Caf\u00e9"
    assert validate_name("Cafe\u0301") == "Caf\u00e9"


@pytest.mark.parametrize("other", ["main", "MAIN", "mAiN", "Ｍａｉｎ"])
def test_names_are_unique_ignoring_case(store: ProfileStore, other: str) -> None:
    store.add(make("Main"))

    with pytest.raises(ProfileError, match="A profile named 'Main' already exists"):
        store.add(make(other))
    assert [p.name for p in store.list()] == ["Main"]


def test_get_ignores_case_and_returns_the_stored_spelling(store: ProfileStore) -> None:
    store.add(make("Sandbox Main"))
    assert store.get("sandbox MAIN").name == "Sandbox Main"
    assert name_key("Straße") == name_key("STRASSE")


def test_list_is_sorted_by_name_ignoring_case(store: ProfileStore) -> None:
    for name in ("beta", "Alpha", "gamma", "Delta"):
        store.add(make(name))
    assert [p.name for p in store.list()] == ["Alpha", "beta", "Delta", "gamma"]


# -- get, update, remove, default ------------------------------------------------------------


def test_get_with_no_profiles_says_how_to_add_one(store: ProfileStore) -> None:
    with pytest.raises(ProfileError, match=r"^No profiles yet: add one with `linkmanager profile add`$"):
        store.get("main")


def test_get_of_an_unknown_name_lists_the_names(store: ProfileStore) -> None:
    store.add(make("b"))
    store.add(make("a"))
    with pytest.raises(ProfileError, match=r"^No profile named 'x'\. Profiles: a, b$"):
        store.get("x")


def test_update_changes_settings_and_keeps_the_stored_spelling(store: ProfileStore, path: Path) -> None:
    store.add(make("Main"))
    store.add(make("other"))

    store.update(make("MAIN", sync_interval_minutes=30, concurrency=4))

    updated = ProfileStore(path).get("main")
    assert updated == make("Main", sync_interval_minutes=30, concurrency=4)
    assert ProfileStore(path).get("other") == make("other")


def test_update_of_an_unknown_profile_is_an_error(store: ProfileStore) -> None:
    store.add(make("a"))
    with pytest.raises(ProfileError, match="No profile named 'b'"):
        store.update(make("b"))
    assert store.list() == [make("a")]


def test_remove_returns_the_profile_and_forgets_it(store: ProfileStore, path: Path) -> None:
    store.add(make("a"))
    store.add(make("B"))

    assert store.remove("b") == make("B")
    assert ProfileStore(path).list() == [make("a")]
    assert store.remove("A") == make("a")
    assert store.list() == []
    assert json.loads(path.read_text(encoding="utf-8"))["profiles"] == []
    with pytest.raises(ProfileError, match="No profiles yet"):
        store.remove("a")


def test_default_is_the_only_profile(store: ProfileStore) -> None:
    with pytest.raises(ProfileError, match="No profiles yet: add one with `linkmanager profile add`"):
        store.default()
    store.add(make("only"))
    assert store.default() == make("only")


def test_default_with_several_asks_for_a_profile_and_lists_them(store: ProfileStore) -> None:
    store.add(make("b"))
    store.add(make("a"))
    with pytest.raises(ProfileError, match=r"choose one with --profile NAME \(a, b\)"):
        store.default()


# -- field validation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"environment": "Sandbox"}, "Unknown environment 'Sandbox'"),
        ({"client_id": ""}, "needs a client ID"),
        ({"client_id": " id"}, "client ID has spaces"),
        ({"api_url": "sandbox.leantech.me"}, "api_url must be an absolute https:// address"),
        ({"api_url": "ftp://x.example"}, "api_url must be an absolute https:// address"),
        ({"token_url": ""}, "token_url is required"),
        ({"token_url": "https://a.example/ t"}, "token_url cannot contain spaces"),
        ({"sync_interval_minutes": 0}, "sync_interval_minutes must be a whole number from 1 to 1440"),
        ({"sync_interval_minutes": 2.5}, "sync_interval_minutes"),
        ({"concurrency": 0}, "concurrency must be a whole number from 1 to 32"),
        ({"concurrency": 33}, "concurrency"),
        ({"concurrency": True}, "concurrency"),
    ],
)
def test_invalid_fields(changes: dict[str, object], words: str) -> None:
    with pytest.raises(ProfileError) as caught:
        make(**changes)
    assert words in str(caught.value)


def test_a_profile_file_from_before_secret_ids_keeps_its_keyring_entry(
    store: ProfileStore, write_raw: Callable[[str], None]
) -> None:
    write_raw(json.dumps({"format": 1, "profiles": [{"name": "Old", **RAW}]}))
    (old,) = store.list()
    assert old.keyring_account == "Old"


def test_same_named_profiles_in_two_homes_have_their_own_keyring_entries(tmp_path: Path) -> None:
    one = ProfileStore(tmp_path / "a" / "profiles.json")
    two = ProfileStore(tmp_path / "b" / "profiles.json")
    one.add(make("Main"))
    two.add(make("Main"))
    first, second = one.get("Main"), two.get("Main")
    assert first.keyring_account != second.keyring_account
    assert first.keyring_account.startswith("Main [")
    one.update(make("Main"))
    assert one.get("Main").keyring_account == first.keyring_account  # an edit keeps the entry
