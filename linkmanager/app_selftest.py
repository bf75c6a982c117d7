"""`linkmanager --self-test`: is this installation (frozen or not) whole? No window needed.

Part of the GUI's composition root (app.py), kept apart to keep each file short. One line per
check ("ok   …", "FAIL …", "note …"); exit 0 only when nothing failed. Finding no secure keyring
is a note, not a failure: it describes the machine (a CI box has no unlocked keyring), not the
installation, and the app then refuses to store a secret and says what to install. What the
installation must bring (the keyring backends' modules and their plugin metadata) is checked.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import os
import platform
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC
from decimal import Decimal
from pathlib import Path
from typing import TextIO

from linkmanager import __version__
from linkmanager.domain import LinkStatus, Money, PaymentDetails, PaymentLink, format_money, utc_now
from linkmanager.resources import resource_path, resources_root
from linkmanager.storage.cache import LinkCache
from linkmanager.storage.credentials import NoSecureBackendError, choose_secure_backend, describe_backend
from linkmanager.storage.paths import AppPaths
from linkmanager.ui.app_setup import (
    check_icon,
    check_platform_plugins,
    check_qr,
    check_qt,
    check_translations,
    ensure_widget_application,
)

# The keyring backend modules each OS needs, with what they import.
KEYRING_MODULES = {
    "linux": ("keyring.backends.SecretService", "secretstorage", "jeepney"),
    "darwin": ("keyring.backends.macOS",),
    "win32": ("keyring.backends.Windows",),
}


def frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def check_runtime() -> str:
    how = "frozen (PyInstaller)" if frozen() else "not frozen"
    return f"LinkManager {__version__}, Python {platform.python_version()}, {how}: {sys.executable}"


def check_resources() -> str:
    return f"{resources_root()}; {check_icon(resource_path('icons', 'linkmanager.svg'))}"


def check_metadata() -> str:
    """Help > About lists the bundled libraries from package metadata: it must be there."""
    from linkmanager.ui.dialogs.about import bundled_libraries

    libraries = bundled_libraries()
    if not libraries:
        raise ValueError("no package metadata: About cannot list the libraries and their licences")
    return f"{len(libraries)} libraries with their licences (Help > About)"


def check_money() -> str:
    """Currency formats come from babel's locale data, which a bundle must carry."""
    aed = format_money(Money(Decimal("1500.1"), "AED"))
    kwd = format_money(Money(Decimal("12.5"), "KWD"))
    if "1,500.10" not in aed or "12.500" not in kwd:
        raise ValueError(f"unexpected formats {aed!r} and {kwd!r}")
    return f"{aed} and {kwd} (babel locale data present)".replace("\xa0", " ")


def check_cache() -> str:
    """A real cache file in a temporary home: write, read back, search (FTS5 trigram), 0600."""
    link = PaymentLink(
        id="self-test-link",
        url="https://pay.example/l/self-test-link",
        status=LinkStatus.ACTIVE,
        current_usages=0,
        payment_details=PaymentDetails(Money(Decimal("1500.10"), "AED"), "SELFTEST-REF-42"),
        name="Self-test link",
    )
    with tempfile.TemporaryDirectory(prefix="linkmanager-selftest-") as folder:
        paths = AppPaths.under(Path(folder) / "home")
        paths.ensure_caches_dir()
        path = paths.cache_file("Self test")
        with LinkCache.open(path) as cache:
            cache.store_listing([link], utc_now(), complete=True)
            back = cache.link(link.id)
            if back is None or back.link != link:
                raise ValueError("the link read back differs from the one stored")
            hits = cache.search("TEST-REF")
            if not any(hit.link.link.id == link.id for hit in hits):
                raise ValueError("search did not find the stored link by a part of its reference")
        mode = path.stat().st_mode & 0o777
        if os.name == "posix" and mode != 0o600:
            raise ValueError(f"the cache file was created with mode {mode:o}, not 600")
    return "stored a link in a temporary home, read it back and found it by search"


def check_print() -> str:
    """A small label sheet through the real print painter to PDF files in a temporary folder.
    Qt's print support is imported here as the window imports it, on first use, so a bundle
    that lacks it fails this check rather than a person's first print."""
    from linkmanager.ui.printing.selfcheck import check_print as check

    return check()


def check_export() -> str:
    """A Payments export to XLSX and CSV (openpyxl, streamed), read back: numbers stay numbers,
    text that a spreadsheet would run stays text."""
    import openpyxl  # on use, as the export imports it

    from linkmanager.services.export import ExportColumn, ExportHeader, export_rows

    columns = [ExportColumn("Amount", "money"), ExportColumn("Payer value", "text")]
    header = ExportHeader("Payments", "Self test", "sandbox", "none", None, UTC, utc_now())
    rows = [[Money(Decimal("1.5"), "KWD"), "=HYPERLINK(1)"]]
    with tempfile.TemporaryDirectory(prefix="linkmanager-selftest-") as folder:
        xlsx, csv_file = Path(folder) / "payments.xlsx", Path(folder) / "payments.csv"
        export_rows(xlsx, "xlsx", header, columns, rows)
        export_rows(csv_file, "csv", header, columns, rows)
        sheet = openpyxl.load_workbook(xlsx).active
        amount, payer = [row for row in sheet.iter_rows() if row[0].value is not None][-1]
        if (
            amount.value != 1.5
            or payer.value != "=HYPERLINK(1)"
            or payer.data_type != "s"
            or not payer.quotePrefix
        ):
            raise ValueError(f"the XLSX read back as {(amount.value, payer.value, payer.data_type)!r}")
        written = csv_file.read_text(encoding="utf-8-sig")
        if "1.500" not in written or "'=HYPERLINK(1)" not in written:
            raise ValueError("the CSV lost the currency's three decimals or ran the payer's text")
    return f"XLSX (openpyxl {openpyxl.__version__}) and CSV written and read back"


def check_chart() -> str:
    """The Payments chart (pyqtgraph over numpy) drawn offscreen with one day's payments."""
    from datetime import date

    from linkmanager.domain.outcome import Outcome
    from linkmanager.services.payment_totals import DailyCollected
    from linkmanager.ui.widgets.payments_chart import PaymentsChart

    chart = PaymentsChart()
    chart.resize(600, 300)
    chart.show_data(
        DailyCollected([date(2026, 12, 5)], {"AED": [Decimal("262.00")]}), {Outcome.COLLECTED: 1}, "UTC"
    )
    if chart.grab().isNull() or "AED" not in chart.accessibleDescription():
        raise ValueError("the chart drew nothing")
    import numpy
    import pyqtgraph

    return f"pyqtgraph {pyqtgraph.__version__}, numpy {numpy.__version__}"


def check_keyring_modules() -> str:
    plugins = sorted(ep.name for ep in importlib.metadata.entry_points(group="keyring.backends"))
    if not plugins:
        raise ValueError("keyring finds no backend plugins (its package metadata is missing)")
    wanted = next((v for k, v in KEYRING_MODULES.items() if sys.platform.startswith(k)), ())
    for module in wanted:
        importlib.import_module(module)
    plaintext = _installed("keyrings.alt")
    if plaintext and frozen():
        raise ValueError("keyrings.alt is bundled: it offers a plaintext keyring; exclude it")
    note = "; keyrings.alt is installed (refused at run time)" if plaintext else "; no keyrings.alt"
    return f"plugins {', '.join(plugins)}; {', '.join(wanted) or 'no OS module'} import{note}"


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def keyring_line() -> str:
    """Which backend would hold client secrets here; never a failure (see the module docstring)."""
    import keyring  # on use: the window's start does not pay for it

    try:
        backend = choose_secure_backend(keyring.get_keyring())
    except NoSecureBackendError as exc:
        return (
            f"note keyring: {exc}. Not a failure of the self-test: it describes this machine, and "
            "LinkManager refuses to store a secret until a secure keyring is available"
        )
    return f"ok   keyring: client secrets would go to {describe_backend(backend)}"


CHECKS: tuple[tuple[str, Callable[[], str]], ...] = (
    ("runtime", check_runtime),
    ("resources", check_resources),
    ("qt", check_qt),
    ("qt platforms", check_platform_plugins),
    ("qr", check_qr),
    ("print", check_print),
    ("money", check_money),
    ("translations", check_translations),
    ("metadata", check_metadata),
    ("cache", check_cache),
    ("export", check_export),
    ("chart", check_chart),
    ("keyring modules", check_keyring_modules),
)


def self_test(out: TextIO | None = None) -> int:
    """Print one line per check; 0 when every check passed, 1 otherwise."""
    stream = out if out is not None else sys.stdout
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window: any machine can run it
    ensure_widget_application()  # widgets: the chart check draws one
    failed = 0
    for name, check in CHECKS:
        try:
            line = f"ok   {name}: {check()}"
        except Exception as exc:
            failed += 1
            line = f"FAIL {name}: {type(exc).__name__}: {exc}"
        print(line, file=stream, flush=True)
    print(keyring_line(), file=stream)
    print(
        "self-test passed" if not failed else f"self-test FAILED: {failed} of {len(CHECKS)} checks",
        file=stream,
    )
    return 0 if not failed else 1
