"""`linkmanager print` with copies, a first position, receipts on 58 mm, and warnings: from a
profile synced from the simulator, then offline; every code found on the rendered page, decoded
and measured."""

from __future__ import annotations

import json
import subprocess
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from PIL import Image

from linkmanager.domain.models import utc_now
from linkmanager.simulator import Simulator
from linkmanager.storage.cache import LinkCache

pytestmark = pytest.mark.usefixtures("qapp", "memory_keyring")

Run = Any  # tests/cli/conftest.py
DPI = 300


@pytest.fixture
def offline(run: Run) -> tuple[Run, list[dict[str, Any]]]:
    """A synced profile whose simulator has stopped, and its ACTIVE links."""
    with Simulator(seed=3, links=40) as sim:
        assert run.add_profile(sim)[0] == 0
        assert run("sync")[0] == 0
    code, out, _ = run("links", "--json")
    assert code == 0
    return run, [link for link in json.loads(out) if link["effective_status"] == "ACTIVE"]


def pages(pdf: Path) -> list[Image.Image]:
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", str(pdf), str(pdf.with_suffix(""))], check=True)
    found = sorted(pdf.parent.glob(pdf.stem + "-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    return [Image.open(page) for page in found]


def codes(page: Image.Image) -> list[tuple[str, float]]:
    """(text, width of the code itself in mm) of every code on the page."""
    found = []
    for result in zxingcpp.read_barcodes(page):
        corners = result.position
        xs = [corners.top_left.x, corners.top_right.x, corners.bottom_left.x, corners.bottom_right.x]
        found.append((result.text, (max(xs) - min(xs)) / DPI * 25.4))
    return found


def test_24_copies_of_one_link_make_one_a4_page_of_24_codes_of_20_mm(offline: Any, tmp_path: Path) -> None:
    run, active = offline
    pdf = tmp_path / "labels.pdf"
    code, out, err = run(
        "print", active[0]["id"], "--template", "labels", "--copies", "24", "--pdf", str(pdf)
    )
    assert code == 0, err
    assert out.strip() == str(pdf)
    assert "24 QR codes, 1 link in 24 copies on 1 page (labels, 3 x 8 a page, positions 1 to 24" in err
    (page,) = pages(pdf)
    found = codes(page)
    assert [text for text, _ in found] == [active[0]["link"]] * 24
    assert min(width for _, width in found) >= 20


def test_start_at_5_puts_20_on_the_first_page_and_the_rest_on_a_second(offline: Any, tmp_path: Path) -> None:
    run, active = offline
    pdf = tmp_path / "part-used.pdf"
    code, _, err = run("print", active[0]["id"], "--copies", "24", "--start-at", "5", "--pdf", str(pdf))
    assert code == 0, err
    assert "positions 5 to 24 on the first page, 1 to 4 on the last" in err
    first, second = (codes(page) for page in pages(pdf))
    assert (len(first), len(second)) == (20, 4)
    assert all(width >= 20 for _, width in first + second)


def test_fill_shares_one_sheet_between_the_links_given(offline: Any, tmp_path: Path) -> None:
    run, active = offline
    ids = [link["id"] for link in active[:5]]
    pdf = tmp_path / "fill.pdf"
    code, _, err = run("print", *ids, "--copies", "fill", "--pdf", str(pdf))
    assert code == 0, err
    (page,) = pages(pdf)
    texts = [text for text, _ in codes(page)]
    assert sorted(texts.count(link["link"]) for link in active[:5]) == [4, 5, 5, 5, 5]


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (("--copies", "0"), "--copies is a number from 1 to 1,000, or fill; not '0'."),
        (("--copies", "1001"), "--copies is a number from 1 to 1,000, or fill; not '1001'."),
        (("--copies", "many"), "--copies is a number from 1 to 1,000, or fill; not 'many'."),
        (("--start-at", "0"), "Label sheets of 3 × 8 have positions 1 to 24; 0 was asked."),
        (("--start-at", "25"), "Label sheets of 3 × 8 have positions 1 to 24; 25 was asked."),
        (("--template", "card", "--start-at", "2"), "Only label sheets have a first position"),
    ],
)
def test_bad_copies_or_positions_are_one_sentence_and_exit_2(
    offline: Any, tmp_path: Path, options: tuple[str, ...], words: str
) -> None:
    run, active = offline
    code, out, err = run("print", active[0]["id"], *options, "--pdf", str(tmp_path / "x.pdf"))
    assert (code, out) == (2, "")
    assert words in err
    assert not (tmp_path / "x.pdf").exists()


def test_links_about_to_stop_working_are_warned_about_and_still_printed(offline: Any, tmp_path: Path) -> None:
    run, active = offline
    (path,) = (run.home / "caches").glob("*.sqlite3")
    with LinkCache.open(path) as cache:
        soon = cache.link(active[0]["id"])
        assert soon is not None
        now = utc_now()
        cache.store_link(
            replace(soon.link, id="soon", name="Spring sale", expires_at=now + timedelta(minutes=17)), now
        )
        cache.store_link(replace(soon.link, id="low", name="Raffle", max_usages=50, current_usages=48), now)
    pdf = tmp_path / "warned.pdf"
    code, out, err = run("print", "soon", "low", "--pdf", str(pdf))
    assert code == 0, err
    assert out.strip() == str(pdf)
    assert "Warning: Spring sale expires in 1" in err  # 17 minutes, or 16 by the time it prints
    assert " minutes (" in err
    assert "customers who scan it after that see an error page." in err
    assert "Warning: Raffle has 2 of 50 uses left" in err


@pytest.mark.usefixtures("dubai")
def test_a_card_and_a_58_mm_receipt_date_the_expiry_in_the_shops_zone(offline: Any, tmp_path: Path) -> None:
    run, active = offline
    link = next(item for item in active if item.get("expires_at"))
    for template in ("card", "receipt58"):
        pdf = tmp_path / f"{template}.pdf"
        code, _, err = run("print", link["id"], "--template", template, "--pdf", str(pdf))
        assert code == 0, err
        text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
        assert "Expires " in text
        assert "+04:00" in text.split("Expires ", 1)[1].splitlines()[0]
        ((decoded, width),) = codes(pages(pdf)[0])
        assert (decoded, width >= 20) == (link["link"], True)


def test_a_pdf_that_cannot_be_written_says_so_and_prints_nothing(offline: Any, tmp_path: Path) -> None:
    run, active = offline
    blocked = tmp_path / "blocked.pdf"
    blocked.mkdir()  # a folder where the file should go: the writer cannot open it
    code, out, err = run("print", active[0]["id"], "--copies", "3", "--pdf", str(blocked))
    assert (code, out) == (1, "")
    assert f"Could not write {blocked}" in err
    assert "Nothing was printed." in err
    assert "QR codes" not in err


def test_a_print_and_a_saved_qr_file_are_in_the_register_a_failed_print_is_not(
    offline: Any, tmp_path: Path
) -> None:
    run, active = offline
    first, second = active[0]["id"], active[1]["id"]
    blocked = tmp_path / "blocked.pdf"
    blocked.mkdir()
    assert run("print", first, "--copies", "3", "--pdf", str(blocked))[0] == 1
    code, out, _ = run("prints", "--json")
    assert (code, json.loads(out)) == (0, [])

    pdf = tmp_path / "labels.pdf"
    assert run("print", first, second, "--copies", "fill", "--start-at", "3", "--pdf", str(pdf))[0] == 0
    svg = tmp_path / "counter.svg"
    assert run("qr", second, "--out", str(svg))[0] == 0
    code, out, _ = run("prints", "--json")
    assert code == 0
    records = json.loads(out)
    summary = sorted((r["link_id"], r["kind"], r["template"], r["copies"], r["where"]) for r in records)
    assert summary == sorted(
        [
            (first, "pdf", "labels", 11, str(pdf)),
            (second, "pdf", "labels", 11, str(pdf)),
            (second, "qr_file", "svg", 1, str(svg)),
        ]
    )
    code, out, _ = run("prints", second)
    assert code == 0
    lines = out.splitlines()[1:]
    assert [("QR file saved" in line, "PDF saved" in line) for line in lines] == [
        (True, False),
        (False, True),
    ]
