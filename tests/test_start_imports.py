"""The window's start imports only what its first paint needs.

httpx (~45 ms), the API client, the simulator and keyring (~65 ms) load with the first sync or
with --demo, the create form and print support when first used: not before the window is on screen (bench_window measures the start; this keeps it from creeping).
Likewise what only a menu, a dialog, a first shown QR code or the self-test needs (~35 ms in all).
"""

from __future__ import annotations

import json
import subprocess
import sys

DEFERRED = (
    "httpx",
    "linkmanager.api.client",
    "linkmanager.simulator",
    "keyring",  # ~65 ms: the secret is read with the first sync, on a worker
    "linkmanager.ui.dialogs.create_link",  # the create form, built when first opened
    "PySide6.QtPrintSupport",  # printing, loaded when first used
    "linkmanager.ui.dialogs.profiles",  # ~95 ms: the profile dialogs, when the Profile menu is used
    "linkmanager.app_selftest",  # only for --self-test
    "importlib.metadata",  # ~45 ms: resources are found in the source tree or bundle first
    "qrcode",  # ~25 ms with Pillow: loaded with the first code drawn (services.qr)
    "PIL",
    "linkmanager.services.qr",  # with xml.etree: the detail pane's QR code, when a link is first shown
    "xml.etree",
    "linkmanager.services.print_batch",  # ~8 ms: the DISABLED mark, sheets and print layouts
    "linkmanager.ui.printing.choices",
    "linkmanager.services.create",  # with the drafts (~8 ms): the creator is made with the first form
    "linkmanager.domain.link_draft",
    "linkmanager.ui.dialogs.confirm",  # Disable/Enable's question, when first asked
    "linkmanager.ui.dialogs.sync_problems",  # the Sync problems list, when first opened
    "linkmanager.ui.dialogs.welcome",  # the first run's welcome
    "linkmanager.ui.screenshot_run",  # only for --screenshot
    "PySide6.QtSvg",  # the self-test's checks (the SVG icon is drawn by Qt's own plugin)
    "ctypes",
    "html",  # ui.text escapes without it (html.entities is most of its ~2.5 ms)
)


def test_the_window_start_does_not_import_the_network_stack() -> None:
    code = (
        "import json, sys\n"
        "from linkmanager.cli.main import window_args\n"
        "assert window_args(['--profile', 'Shop']).profile == 'Shop'  # as `linkmanager` starts the window\n"
        "from linkmanager.app import run_gui\n"
        "from linkmanager.ui.main_window import MainWindow\n"
        "from linkmanager.services.workspace import Workspace\n"
        "from linkmanager.api import LeanTransportError\n"
        f"print(json.dumps([m for m in {DEFERRED!r} if m in sys.modules]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert json.loads(done.stdout) == []


def test_a_lazy_api_name_still_imports_on_use() -> None:
    code = (
        "import sys\n"
        "from linkmanager import api\n"
        "assert 'httpx' not in sys.modules\n"
        "assert api.LeanClient.__name__ == 'LeanClient' and 'httpx' in sys.modules\n"
        "try:\n"
        "    api.NoSuchThing\n"
        "except AttributeError as exc:\n"
        "    print(exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert "has no attribute 'NoSuchThing'" in done.stdout
