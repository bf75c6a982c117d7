"""The GUI's composition root: resources found one way, the self-test, profiles saved from the
dialogs, and the window started on the demo or on a profile (saved as a screenshot)."""

from __future__ import annotations

import importlib.metadata
import io
import os
import re
import subprocess
import sys
from argparse import Namespace
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from linkmanager import app, app_selftest, resources
from linkmanager.api import SANDBOX
from linkmanager.app_profiles import StorageProfileBook, check_with_lean
from linkmanager.domain.secret import Secret
from linkmanager.simulator import Simulator
from linkmanager.storage.cache import CacheError
from linkmanager.storage.credentials import SERVICE, CredentialStore
from linkmanager.storage.profiles import Profile, ProfileError, ProfileStore
from linkmanager.ui.dialogs.profile_form import ProfileFormDialog, ProfileValues
from linkmanager.ui.dialogs.welcome import WelcomeDialog

ROOT = Path(__file__).resolve().parents[1]


# MemoryKeyring and the memory_keyring fixture come from tests/conftest.py (one copy for the suite).
MemoryKeyring = Any


@pytest.fixture
def fresh_resources() -> Iterator[None]:
    resources.resources_root.cache_clear()
    yield
    resources.resources_root.cache_clear()


# -- resources ----------------------------------------------------------------------------------


def test_resources_from_the_source_tree(fresh_resources: None) -> None:
    assert (
        resources.resource_path("icons", "linkmanager.svg")
        == ROOT / "resources" / "icons" / "linkmanager.svg"
    )


def test_a_missing_resource_is_named(fresh_resources: None) -> None:
    with pytest.raises(resources.ResourceError, match=re.escape("icons/nothing.svg")):
        resources.resource_path("icons", "nothing.svg")


def test_a_frozen_bundle_wins(fresh_resources: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "resources" / "icons").mkdir(parents=True)
    (tmp_path / "resources" / "icons" / "linkmanager.svg").write_text("<svg/>")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resources_root() == tmp_path / "resources"


class FakeDistribution:
    def __init__(self, site: Path) -> None:
        self.site = site
        self.files = [
            importlib.metadata.PackagePath("linkmanager/__init__.py"),
            importlib.metadata.PackagePath("../../../share/linkmanager/resources/icons/linkmanager.svg"),
        ]

    def locate_file(self, path: Path) -> Path:
        return self.site / path


def test_an_installed_copy_is_found_through_the_distribution(
    fresh_resources: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "venv" / "lib" / "python3" / "site-packages"
    site.mkdir(parents=True)
    installed = tmp_path / "venv" / "share" / "linkmanager" / "resources"
    (installed / "icons").mkdir(parents=True)
    (installed / "icons" / "linkmanager.svg").write_text("<svg/>")
    (site / "resources").mkdir()  # another project's folder of that name is not taken for ours
    monkeypatch.setattr(importlib.metadata, "distribution", lambda name: FakeDistribution(site))
    monkeypatch.setattr(resources, "_source_root", lambda: site / "resources")
    assert resources.resources_root() == installed.resolve()


def test_no_resources_anywhere_says_where_it_looked(
    fresh_resources: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(resources, "_source_root", lambda: tmp_path / "gone")
    monkeypatch.setattr(resources, "_installed_root", lambda: None)
    with pytest.raises(resources.ResourceError, match=re.escape(str(tmp_path / "gone"))):
        resources.resources_root()


# -- the self-test ------------------------------------------------------------------------------


def test_self_test_passes_here(qtbot: QtBot) -> None:
    out = io.StringIO()
    assert app.self_test(out) == 0
    lines = out.getvalue().splitlines()
    for name in ("resources", "qt", "qr", "print", "money", "cache", "keyring modules"):
        assert any(line.startswith(f"ok   {name}:") for line in lines), name
    assert any(line.startswith(("ok   keyring:", "note keyring:")) for line in lines)
    assert lines[-1] == "self-test passed"


def test_self_test_fails_when_a_check_fails(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> str:
        raise ValueError("the QR came out blank")

    monkeypatch.setattr(app_selftest, "CHECKS", (*app_selftest.CHECKS, ("qr again", broken)))
    out = io.StringIO()
    assert app.self_test(out) == 1
    assert "FAIL qr again: ValueError: the QR came out blank" in out.getvalue()
    assert "self-test FAILED" in out.getvalue()


def test_the_print_check_reads_the_pages_from_the_pdf_itself(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A painter that claims two pages but draws one (no page break) fails the check: the page
    count comes from the PDF's page tree, not from what the painter says."""
    from linkmanager.ui.printing import output, painter, selfcheck

    def one_page(qp: Any, device: Any, layout: Any, items: Any, tz: Any = None) -> int:
        qp.drawText(10, 10, "x")
        return 2

    monkeypatch.setattr(painter, "paint_sheet", one_page)
    monkeypatch.setattr(output, "paint_sheet", one_page)
    monkeypatch.setattr(selfcheck, "paint_sheet", one_page)
    with pytest.raises(ValueError, match=r"labels\.pdf has \[1\] pages \(2 drawn\), not 2"):
        app_selftest.check_print()


def test_the_print_check_passes_with_the_real_painter(qtbot: QtBot) -> None:
    assert app_selftest.check_print().startswith("a 3-label sheet on 2 A6 pages as PDF")


def test_a_truncated_or_wrong_sized_pdf_fails_the_print_check(tmp_path: Path) -> None:
    from linkmanager.ui.printing import selfcheck

    truncated = tmp_path / "cut.pdf"
    truncated.write_bytes(b"%PDF-1.4\n1 0 obj\n<<")
    with pytest.raises(ValueError, match="not a whole PDF"):
        selfcheck.check_pdf(truncated, 1, expected_pages=1)
    a4 = tmp_path / "a4.pdf"
    a4.write_bytes(b"%PDF-1.4\n<< /Type /Pages /Count 1 >>\n/MediaBox [0 0 595 842]\n%%EOF\n")
    with pytest.raises(ValueError, match="not A6"):
        selfcheck.check_pdf(a4, 1, expected_pages=1)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the CUPS plugin is Linux's")
def test_a_bundle_without_the_cups_plugin_fails_the_print_check(tmp_path: Path) -> None:
    from linkmanager.ui.printing import selfcheck

    with pytest.raises(ValueError, match="no CUPS print support plugin"):
        selfcheck.printer_plugin([str(tmp_path)])
    (tmp_path / "printsupport").mkdir()
    (tmp_path / "printsupport" / "libcupsprintersupport.so").write_bytes(b"not a library")
    assert "does not load here" in selfcheck.printer_plugin([str(tmp_path)])


def test_starting_the_app_does_not_load_print_support() -> None:
    """The self-test's print check imports Qt's print support when it runs, as the window does
    on the first print: importing the composition root must not load it."""
    code = "import sys, linkmanager.app\nprint('PySide6.QtPrintSupport' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False", result.stderr


def test_the_command_runs_the_self_test() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "linkmanager", "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok   resources:" in result.stdout


# -- profiles from the dialogs ------------------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path) -> ProfileStore:
    return ProfileStore(tmp_path / "profiles.json")


@pytest.fixture
def book(store: ProfileStore, memory_keyring: MemoryKeyring) -> StorageProfileBook:
    return StorageProfileBook(store, CredentialStore(), check=None)


def values(name: str = "Main", **fields: object) -> ProfileValues:
    base: dict[str, object] = {
        "name": name,
        "environment": "sandbox",
        "client_id": "abc",
        "secret": Secret("s3cret"),
    }
    base.update(fields)
    return ProfileValues(**base)  # type: ignore[arg-type]


def test_a_new_profile_goes_to_the_file_and_its_secret_to_the_keyring(
    book: StorageProfileBook, store: ProfileStore, memory_keyring: MemoryKeyring
) -> None:
    assert book.validate(values(), editing=False) == {}
    book.save(values(sync_interval_minutes=15), editing=False)
    assert store.get("Main") == Profile("Main", "sandbox", "abc", SANDBOX.api_url, SANDBOX.token_url, 15)
    assert list(memory_keyring.entries.values()) == ["s3cret"]
    ((service, account),) = memory_keyring.entries
    assert service == SERVICE
    assert account.startswith("Main [")
    assert "s3cret" not in store.path.read_text()
    assert [s.name for s in book.summaries()] == ["Main"]


def test_validation_speaks_per_field(book: StorageProfileBook) -> None:
    book.save(values(), editing=False)
    assert "already exists" in book.validate(values("MAIN"), editing=False)["name"]
    assert "letters" in book.validate(values("a/b"), editing=False)["name"]
    custom = values(
        "Other", environment="custom", api_url="http://api.example.com", token_url="https://t.example"
    )
    errors = book.validate(custom, editing=False)
    assert errors["api_url"].startswith("The API address must use https://")
    assert "token_url" not in errors
    assert "client_id" in book.validate(values("Other", client_id="a b\t"), editing=False)


def test_editing_keeps_the_secret_when_none_is_given(
    book: StorageProfileBook, store: ProfileStore, memory_keyring: MemoryKeyring
) -> None:
    book.save(values(), editing=False)
    loaded = book.values("Main")
    assert loaded.secret is None
    assert loaded.environment == "sandbox"
    book.save(values(secret=None, client_id="new-id", sync_interval_minutes=30), editing=True)
    assert store.get("Main").client_id == "new-id"
    assert store.get("Main").sync_interval_minutes == 30
    assert list(memory_keyring.entries.values()) == ["s3cret"]
    ((service, account),) = memory_keyring.entries
    assert service == SERVICE
    assert account.startswith("Main [")


def test_a_custom_profile_round_trips(book: StorageProfileBook) -> None:
    custom = values(
        environment="custom", api_url="https://api.example.com", token_url="https://auth.example.com/t"
    )
    book.save(custom, editing=False)
    assert book.values("Main") == ProfileValues(
        "Main", "custom", "abc", None, "https://api.example.com", "https://auth.example.com/t", 5
    )


def test_credentials_lean_refuses_save_nothing(store: ProfileStore, memory_keyring: MemoryKeyring) -> None:
    book = StorageProfileBook(store, CredentialStore())  # checks with Lean, as a user's save does
    with Simulator(seed=2, links=3) as sim:
        wrong = values(
            environment="custom",
            api_url=sim.api_url,
            token_url=sim.token_url,
            client_id=sim.client_id,
            secret=Secret("nope"),
        )
        with pytest.raises(
            ProfileError, match=r"did not accept the client secret of profile .* Nothing was saved"
        ):
            book.save(wrong, editing=False)
        assert store.list() == []
        assert memory_keyring.entries == {}
        book.save(
            values(
                environment="custom",
                api_url=sim.api_url,
                token_url=sim.token_url,
                client_id=sim.client_id,
                secret=Secret(sim.client_secret),
            ),
            editing=False,
        )
    assert [p.name for p in store.list()] == ["Main"]


def test_an_unreachable_lean_does_not_stop_the_save() -> None:
    profile = Profile("Main", "custom", "abc", "http://127.0.0.1:9", "http://127.0.0.1:9/token")
    check_with_lean(profile, Secret("s"))  # logged, not raised: the window then shows it offline


# -- the window ---------------------------------------------------------------------------------


def options(**given: object) -> Namespace:
    base: dict[str, object] = {
        "demo": False,
        "screenshot": None,
        "profile": None,
        "home": None,
        "self_test": False,
    }
    base.update(given)
    return Namespace(**base)


def assert_png(path: Path) -> None:
    image = QImage(str(path))
    assert not image.isNull()
    assert image.width() > 600
    assert image.height() > 400


def test_demo_screenshot(qtbot: QtBot, tmp_path: Path) -> None:
    shot = tmp_path / "demo.png"
    assert app.run_gui(options(demo=True, screenshot=str(shot))) == 0
    assert_png(shot)


def test_demo_screenshot_of_the_payments_view(qtbot: QtBot, tmp_path: Path) -> None:
    shot = tmp_path / "payments.png"
    # 0 only once the Payments view has read, filtered and totalled every payment (its `loaded`);
    # a view that never loads ends the run with 1 when the screenshot's wait runs out.
    assert app.run_gui(options(demo=True, screenshot=str(shot), view="payments")) == 0
    assert_png(shot)


def test_profile_screenshot_reads_the_secret_from_the_keyring(
    qtbot: QtBot, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    home = tmp_path / "home"
    with Simulator(seed=4, links=20) as sim:
        ProfileStore(home / "profiles.json").add(
            Profile("Sim", "custom", sim.client_id, sim.api_url, sim.token_url)
        )
        memory_keyring.set_password(SERVICE, "Sim", sim.client_secret)
        shot = tmp_path / "profile.png"
        assert app.run_gui(options(home=str(home), screenshot=str(shot))) == 0
    assert_png(shot)
    assert (home / "caches").is_dir()


def test_screenshot_needs_something_to_show(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert app.run_gui(options(home=str(tmp_path), screenshot=str(tmp_path / "x.png"))) == 1
    assert "--screenshot needs --demo or --profile NAME" in capsys.readouterr().err


def test_closing_the_welcome_opens_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app, "ask_welcome", lambda parent, icon: None)
    assert app.run_gui(options(home=str(tmp_path))) == 0
    assert not (tmp_path / "profiles.json").exists()


def test_the_demo_leaves_nothing_behind(qtbot: QtBot) -> None:
    shell = app.Shell(options(demo=True), QIcon())
    assert shell.start()
    session = shell._session
    assert session is not None
    assert session.workspace.info.environment == "demo"
    # The Profile menu goes before Help, which stays last.
    assert [a.text() for a in session.window.menuBar().actions()][-2:] == ["&Profile", "&Help"]
    folder = session.workspace.cache.path.parent
    assert folder.is_dir()
    shell.close()
    assert not folder.exists()


def test_no_display_is_said_not_crashed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    assert not app.has_display()
    assert app.run_gui(options()) == 1
    assert "no display" in capsys.readouterr().err


def test_switching_profiles_replaces_the_window_and_closes_the_old_workspace(
    qtbot: QtBot, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    home = tmp_path / "home"
    with Simulator(seed=6, links=10) as sim:
        store = ProfileStore(home / "profiles.json")
        for name in ("First", "Second"):
            store.add(Profile(name, "custom", sim.client_id, sim.api_url, sim.token_url))
            memory_keyring.set_password(SERVICE, name, sim.client_secret)
        app.Shell(options(home=str(home)), QIcon())._settings().setValue(app.LAST_PROFILE_KEY, "Second")

        shell = app.Shell(options(home=str(home)), QIcon())
        try:
            assert shell.start()  # two profiles: the one used last opens, no question asked
            first = shell._session
            assert first is not None
            assert first.workspace.info.name == "Second"
            assert shell.open_profile("First")
            second = shell._session
            assert second is not None
            assert second.workspace.info.name == "First"
            assert second.window.isVisible()
            assert not first.window.isVisible()
            qtbot.waitUntil(lambda: not shell._retiring, timeout=15_000)
            with pytest.raises(CacheError, match="closed"):
                first.workspace.links()
        finally:
            shell.close()


def test_first_run_connects_to_lean_and_opens_the_new_profile(
    qtbot: QtBot, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    home = tmp_path / "home"
    with Simulator(seed=8, links=5) as sim:

        def answer() -> None:
            dialog = QApplication.activeModalWidget()
            if isinstance(dialog, WelcomeDialog):
                dialog.connect_button.click()
            elif isinstance(dialog, ProfileFormDialog) and dialog.isEnabled() and not dialog._busy:
                dialog.name_edit.setText("Sim")
                dialog.environment_box.setCurrentIndex(dialog.environment_box.findData("custom"))
                dialog.api_url_edit.setText(sim.api_url)
                dialog.token_url_edit.setText(sim.token_url)
                dialog.client_id_edit.setText(sim.client_id)
                dialog.secret_edit.setText(sim.client_secret)
                dialog.submit()  # checks with the simulator and saves on a worker thread
                return
            if dialog is not None or not shell._session:
                QTimer.singleShot(20, answer)

        shell = app.Shell(options(home=str(home)), QIcon())
        QTimer.singleShot(0, answer)
        try:
            assert shell.start()
            assert shell._session is not None
            assert shell._session.workspace.info.name == "Sim"
        finally:
            shell.close()
    assert [p.name for p in ProfileStore(home / "profiles.json").list()] == ["Sim"]
    assert list(memory_keyring.entries.values()) == [sim.client_secret]
    assert next(iter(memory_keyring.entries))[1].startswith("Sim [")
