"""The command line as a person or a script uses it: in-process, against the simulator,
with an in-memory keyring (never the real one) and a throwaway --home."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import keyring.backend
import pytest
from keyring.backends import fail

from linkmanager.simulator import Simulator

# MemoryKeyring and the memory_keyring fixture come from tests/conftest.py (one copy for the suite);
# the Run fixture (`run`) from tests/cli/conftest.py.
MemoryKeyring = Any
Run = Any


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(seed=3, links=40) as simulator:
        yield simulator


def add_profile(run: Run, sim: Simulator, name: str = "Sim") -> tuple[int, str, str]:
    return run.add_profile(sim, name)


def every_file_text(root: Path) -> str:
    return "".join(p.read_bytes().decode("utf-8", "replace") for p in root.rglob("*") if p.is_file())


def test_add_a_profile_and_the_secret_goes_only_to_the_keyring(
    run: Run, sim: Simulator, memory_keyring: MemoryKeyring
) -> None:
    code, out, err = add_profile(run, sim)
    assert code == 0, err
    assert "Lean accepted the credentials" in out
    ((service, account), stored) = next(iter(memory_keyring.entries.items()))
    assert len(memory_keyring.entries) == 1
    assert (service, stored) == ("linkmanager", sim.client_secret)
    assert account.startswith("Sim [")  # the profile's own entry, apart from a "Sim" in another --home
    assert sim.client_secret not in out + err
    assert sim.client_secret not in every_file_text(run.home)
    code, out, _ = run("profile", "list")
    assert code == 0
    assert "Sim" in out
    assert "CUSTOM" in out
    assert sim.client_id in out


def test_wrong_credentials_are_refused_and_nothing_is_saved(
    run: Run, sim: Simulator, memory_keyring: MemoryKeyring
) -> None:
    code, _, err = run(
        "profile", "add", "Sim", "--api-url", sim.api_url, "--token-url", sim.token_url,
        "--client-id", sim.client_id, "--secret-stdin", stdin="wrong-secret\n",
    )  # fmt: skip
    assert code == 1
    # Which profile, what to do, that nothing was saved, and Lean's own words.
    assert "did not accept the client secret of profile Sim" in err
    assert "Check the client ID and secret in Lean's dashboard" in err
    assert "Nothing was saved." in err
    assert "(Lean said: " in err
    assert "wrong-secret" not in err
    assert memory_keyring.entries == {}
    assert run("profile", "list")[1].startswith("No profiles yet")


def test_no_secure_keyring_is_a_clear_error(run: Run, sim: Simulator) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        code, _, err = add_profile(run, sim)
    finally:
        keyring.set_keyring(previous)
    assert code == 1
    assert "keyring" in err.lower()
    assert "install" in err.lower() or "unlock" in err.lower()


def test_sync_then_read_offline(run: Run, sim: Simulator, memory_keyring: MemoryKeyring) -> None:
    add_profile(run, sim)
    code, out, err = run("sync", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["completed"] is True
    assert report["links"] == 40
    assert {"requests", "seconds", "concurrency"} <= report.keys()

    sim.stop()  # offline from here on
    code, out, err = run("links", "--json")
    assert code == 0
    links = json.loads(out)
    assert len(links) == 40
    first = links[0]
    assert {"id", "link", "status", "current_usages", "payment_details", "identifiers"} <= first.keys()
    assert isinstance(first["payment_details"]["amount"], str)
    assert "From the cache as of" in err

    code, out, _ = run("links", "--status", "expired", "--json")
    assert code == 0
    assert {link["effective_status"] for link in json.loads(out)} == {"EXPIRED"}

    busy = max(links, key=lambda link: link["current_usages"])
    code, out, _ = run("usages", busy["id"], "--json")
    assert code == 0
    usages = json.loads(out)
    assert usages
    assert all(u["payment_link_id"] == busy["id"] for u in usages)

    code, out, err = run("sync")
    assert code == 3
    assert "still answers reads" in err


def test_text_output_escapes_terminal_control_characters(
    run: Run, sim: Simulator, memory_keyring: MemoryKeyring
) -> None:
    link_id = sim.state.link_ids(status="ACTIVE")[0]
    sim.state.add_usage(
        link_id,
        status="FAILED",
        identifiers=[{"type": "TEXT", "display_label": "Name", "value": "\x1b[2Jevil\u202e"}],
    )
    add_profile(run, sim)
    run("sync")
    code, out, _ = run("usages", link_id)
    assert code == 0
    assert "\x1b" not in out
    assert "\u202e" not in out
    assert "\\x1b[2Jevil\\u202e" in out


def test_search_finds_payer_values(run: Run, sim: Simulator, memory_keyring: MemoryKeyring) -> None:
    link_id = sim.state.link_ids(status="ACTIVE")[1]
    usage_id = sim.state.add_usage(
        link_id,
        status="PAYMENT_CREATED",
        identifiers=[{"type": "MOBILE_PHONE", "display_label": "Mobile", "value": "+971501112233"}],
    )["usage_id"]
    add_profile(run, sim)
    run("sync")
    code, out, _ = run("search", "5011122", "--json")
    assert code == 0
    hits = json.loads(out)
    assert {(h["link_id"], h["usage_id"]) for h in hits} >= {(link_id, usage_id)}
    code, out, _ = run("links", "--search", "5011122", "--json")
    assert [link["id"] for link in json.loads(out)] == [link_id]


def test_disable_and_enable_online(run: Run, sim: Simulator, memory_keyring: MemoryKeyring) -> None:
    add_profile(run, sim)
    run("sync")
    link_id = sim.state.link_ids(status="ACTIVE")[0]
    code, out, err = run("disable", link_id)
    assert code == 0, err
    assert "disabled" in out
    assert "error page" in out
    assert sim.state.get_link(link_id)["status"] == "DISABLED"
    code, out, _ = run("enable", link_id)
    assert code == 0
    assert sim.state.get_link(link_id)["status"] == "ACTIVE"


def test_enable_of_a_terminal_link_is_refused_before_any_request(
    run: Run, sim: Simulator, memory_keyring: MemoryKeyring
) -> None:
    add_profile(run, sim)
    run("sync")
    used = sim.state.link_ids(status="USED")[0]
    before = sum(sim.requests.values())
    code, _, err = run("enable", used)
    assert code == 1
    assert "limit" in err
    assert "duplicate it as a new link" in err
    assert sum(sim.requests.values()) == before


def test_a_damaged_cache_says_so_and_can_be_rebuilt(
    run: Run, sim: Simulator, memory_keyring: MemoryKeyring
) -> None:
    add_profile(run, sim)
    run("sync")
    cache_file = next((run.home).rglob("*.sqlite3"))
    cache_file.write_bytes(b"this is not a database" * 100)
    code, _, err = run("links")
    assert code == 1
    assert "damaged" in err.lower() or "corrupt" in err.lower()
    code, _, err = run("sync", "--rebuild")
    assert code == 0, err
    code, out, _ = run("links", "--json")
    assert len(json.loads(out)) == 40
    assert memory_keyring.entries  # credentials untouched


def test_remove_a_profile_removes_its_secret_and_cache(
    run: Run, sim: Simulator, memory_keyring: MemoryKeyring
) -> None:
    add_profile(run, sim)
    run("sync")
    code, _, _ = run("profile", "remove", "Sim")
    assert code == 0
    assert memory_keyring.entries == {}
    assert not list(run.home.rglob("*.sqlite3"))


def test_two_profiles_need_a_choice(run: Run, sim: Simulator, memory_keyring: MemoryKeyring) -> None:
    add_profile(run, sim, "One")
    add_profile(run, sim, "Two")
    code, _, err = run("links")
    assert code == 1
    assert "--profile" in err
    run("sync", "--profile", "Two")
    code, _, _ = run("links", "--profile", "Two")
    assert code == 0


def test_a_reader_that_goes_away_is_not_a_traceback(tmp_path: Path) -> None:
    import subprocess
    import sys

    env = {"LINKMANAGER_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "linkmanager", "profile", "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None
    proc.stdout.close()  # the reader is gone before anything is written
    _, err = proc.communicate(timeout=30)
    assert b"Traceback" not in err
    assert proc.returncode in (0, 141)  # 0 only if it wrote before the pipe closed


def test_a_lost_secret_is_stored_again_without_losing_the_cache(
    run: Run, sim: Simulator, memory_keyring: MemoryKeyring
) -> None:
    add_profile(run, sim)
    run("sync")
    memory_keyring.entries.clear()  # the keyring lost it
    code, _, err = run("sync")
    assert code == 1
    assert "linkmanager profile secret Sim" in err
    code, out, err = run("profile", "secret", "Sim", "--secret-stdin", stdin=sim.client_secret + "\n")
    assert code == 0, err
    assert "Lean accepted the credentials" in out
    assert run("sync")[0] == 0
    assert len(json.loads(run("links", "--json")[1])) == 40


def test_two_homes_with_a_same_named_profile_keep_their_own_secrets(
    run_in: Callable[[str], Run], sim: Simulator, memory_keyring: MemoryKeyring
) -> None:
    first, second = run_in("a"), run_in("b")
    assert add_profile(first, sim)[0] == 0
    assert add_profile(second, sim)[0] == 0
    assert second("profile", "remove", "Sim")[0] == 0
    assert first("sync")[0] == 0  # the first home's secret survived the second's removal


def test_rebuild_never_empties_a_cache_when_lean_cannot_be_reached(
    run: Run, sim: Simulator, memory_keyring: MemoryKeyring
) -> None:
    add_profile(run, sim)
    run("sync")
    sim.stop()
    code, _, _ = run("sync", "--rebuild")
    assert code == 3
    assert len(json.loads(run("links", "--json")[1])) == 40
    assert not list(run.home.rglob("*.corrupt-*"))


def test_lean_error_text_is_escaped_on_the_terminal(
    run: Run, sim: Simulator, memory_keyring: MemoryKeyring
) -> None:
    add_profile(run, sim)
    run("sync")
    link_id = sim.state.link_ids(status="ACTIVE")[0]
    body = b'{"status": "INVALID_PARAMETERS", "message": "bad \\u001b[2J\\u202eevil"}'
    sim.override_next("PATCH", f"/payment-links/v1/{link_id}", 400, body, count=1)
    code, _, err = run("disable", link_id)
    assert code == 1
    assert "\x1b" not in err
    assert "\u202e" not in err
    assert "\\x1b[2J" in err
