"""`linkmanager qr` and `linkmanager print` as a person or a script uses them: a profile synced from
the simulator, then the simulator stopped, so every file comes from the cache; each file decodes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from PIL import Image

from linkmanager.services.qr import module_count
from linkmanager.simulator import Simulator

# One QApplication for the session, made first by pytest-qt: `print` then reuses it.
pytestmark = pytest.mark.usefixtures("qapp", "memory_keyring")


Run = Any  # tests/cli/conftest.py


Offline = tuple[Run, dict[str, list[dict[str, Any]]]]


@pytest.fixture
def offline(run: Run) -> Offline:
    """A synced profile whose simulator has stopped; links grouped by effective status."""
    with Simulator(seed=3, links=40) as sim:
        code, _, err = run.add_profile(sim)
        assert code == 0, err
        assert run("sync")[0] == 0
    code, out, _ = run("links", "--json")  # the simulator is gone: this is the cache talking
    assert code == 0
    groups: dict[str, list[dict[str, Any]]] = {}
    for link in json.loads(out):
        groups.setdefault(link["effective_status"], []).append(link)
    assert {"ACTIVE", "DISABLED", "EXPIRED"} <= groups.keys()
    return run, groups


def written(folder: Path) -> list[str]:
    """Files the commands wrote, beside the profile's home."""
    return sorted(p.name for p in folder.iterdir() if p.name != "home")


def decode(image: Image.Image) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(image)]


def pdf_pages(path: Path) -> list[Image.Image]:
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(path), str(path.with_suffix(""))], check=True)
    pages = sorted(path.parent.glob(path.stem + "-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    return [Image.open(page) for page in pages]


def svg_image(path: Path) -> Image.Image:
    from PySide6.QtCore import QByteArray, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(path.read_bytes()))
    assert renderer.isValid()
    image = QImage(600, 600, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    png = path.with_suffix(".rendered.png")
    assert image.save(str(png))
    return Image.open(png)


def test_qr_writes_png_svg_and_pdf_that_decode_offline(offline: Offline, tmp_path: Path) -> None:
    run, groups = offline
    link = groups["ACTIVE"][0]
    code, out, err = run("qr", link["id"], "--out", str(tmp_path / "code.png"))
    assert code == 0, err
    assert out.strip() == str(tmp_path / "code.png")
    assert "Link statuses from the cache, as of" in err
    assert decode(Image.open(tmp_path / "code.png")) == [link["link"]]

    assert run("qr", link["id"], "--out", str(tmp_path / "sized.png"), "--size", "400", "--ec", "h")[0] == 0
    sized = Image.open(tmp_path / "sized.png")
    assert sized.size == (400, 400)
    assert decode(sized) == [link["link"]]

    assert run("qr", link["id"], "--out", str(tmp_path / "code.svg"), "--size", "30")[0] == 0
    assert 'width="30mm"' in (tmp_path / "code.svg").read_text()
    assert decode(svg_image(tmp_path / "code.svg")) == [link["link"]]

    assert run("qr", link["id"], "--out", str(tmp_path / "code.pdf"), "--size", "25")[0] == 0
    (page,) = pdf_pages(tmp_path / "code.pdf")
    assert abs(page.width - 25 / 25.4 * 150) <= 2  # a page the code's size, 25 mm wide
    assert decode(page) == [link["link"]]


def test_qr_warns_when_a_long_url_makes_modules_too_small_to_scan(offline: Offline, tmp_path: Path) -> None:
    """`print` warns about modules under 0.33 mm; `qr --size` for print must too."""
    from dataclasses import replace

    from linkmanager.domain.models import utc_now
    from linkmanager.storage.cache import LinkCache

    run, groups = offline
    (path,) = (run.home / "caches").glob("*.sqlite3")
    with LinkCache.open(path) as cache:
        short = cache.link(groups["ACTIVE"][0]["id"])
        assert short is not None
        long_link = replace(short.link, id="long-url-link", url=short.link.url + "?" + "q" * 400)
        cache.store_link(long_link, utc_now())
    for suffix in (".svg", ".pdf"):  # 25 mm: a short link's code itself is 20.6 mm of it
        code, _, err = run("qr", "long-url-link", "--out", str(tmp_path / f"long{suffix}"), "--size", "25")
        assert code == 0, err
        assert "Warning: " in err
        assert "which phones may not read; print the code at least" in err
        code, _, err = run("qr", short.link.id, "--out", str(tmp_path / f"short{suffix}"), "--size", "25")
        assert (code, "Warning" in err) == (0, False), err
    code, _, err = run("qr", "long-url-link", "--out", str(tmp_path / "long-default.pdf"))
    assert (code, "Warning" in err) == (0, False), "1 mm a module by default"


def test_qr_into_a_folder_takes_the_link_name(offline: Offline, tmp_path: Path) -> None:
    run, groups = offline
    link = next(item for item in groups["ACTIVE"] if item.get("name"))
    code, out, _ = run("qr", link["id"], "--out", str(tmp_path))
    assert code == 0
    written = Path(out.strip())
    assert written.parent == tmp_path
    assert written.name.endswith("-qr.png")
    assert decode(Image.open(written)) == [link["link"]]


def test_qr_of_a_disabled_link_carries_the_mark(offline: Offline, tmp_path: Path) -> None:
    run, groups = offline
    link = groups["DISABLED"][0]
    code, _, err = run("qr", link["id"], "--out", str(tmp_path / "code.png"))
    assert code == 0
    assert "carries the DISABLED mark" in err
    image = Image.open(tmp_path / "code.png")
    assert image.height > image.width  # the band under the code
    assert decode(image) == [link["link"]]


def test_qr_refuses_expired_links_and_bad_options(offline: Offline, tmp_path: Path) -> None:
    run, groups = offline
    expired, active = groups["EXPIRED"][0], groups["ACTIVE"][0]
    code, _, err = run("qr", expired["id"], "--out", str(tmp_path / "x.png"))
    assert code == 1
    assert f"No QR code for {expired['id']}: expired" in err
    assert not (tmp_path / "x.png").exists()

    modules = module_count(active["link"])
    checks = [
        (("--out", str(tmp_path / "x.gif")), 2, "must end in .png, .svg or .pdf"),
        (("--out", str(tmp_path / "x.pdf"), "--size", "12"), 2, "at least 20 mm"),
        (("--out", str(tmp_path / "x.png"), "--size", str(modules - 1)), 2, f"at least {modules} pixels"),
        (("--out", str(tmp_path / "missing" / "x.png")), 1, "does not exist"),
    ]
    for args, expected, words in checks:
        code, _, err = run("qr", active["id"], *args)
        assert (code, words in err) == (expected, True), err
    code, _, err = run("qr", "no-such-link", "--out", str(tmp_path / "x.png"))
    assert code == 1
    assert "No link 'no-such-link' in the cache" in err
    assert written(tmp_path) == []


def test_print_labels_leaves_out_what_is_not_active_and_decodes_in_order(
    offline: Offline, tmp_path: Path
) -> None:
    run, groups = offline
    active = groups["ACTIVE"][:4]
    expired, disabled = groups["EXPIRED"][0], groups["DISABLED"][0]
    ids = [active[0]["id"], expired["id"], active[1]["id"], disabled["id"], active[2]["id"], active[3]["id"]]
    pdf = tmp_path / "labels.pdf"
    code, out, err = run("print", *ids, "--template", "labels", "--pdf", str(pdf))
    assert code == 0, err
    assert out.strip() == str(pdf)
    assert f"Left out {expired['id']}" in err
    assert f"Left out {disabled['id']}" in err
    assert "expired" in err.split(f"Left out {expired['id']}")[1].splitlines()[0]
    assert "disabled" in err.split(f"Left out {disabled['id']}")[1].splitlines()[0]
    assert "2 links left out: 1 expired, 1 disabled." in err
    (page,) = pdf_pages(pdf)
    found = zxingcpp.read_barcodes(page)
    in_order = sorted(found, key=lambda r: (r.position.top_left.y // 150, r.position.top_left.x))
    assert [r.text for r in in_order] == [link["link"] for link in active]


def test_print_includes_disabled_links_on_request(offline: Offline, tmp_path: Path) -> None:
    run, groups = offline
    disabled = groups["DISABLED"][0]
    pdf = tmp_path / "card.pdf"
    code, _, err = run("print", disabled["id"], "--include-disabled", "--bilingual", "--pdf", str(pdf))
    assert code == 0, err
    assert "Left out" not in err
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "DISABLED" in text
    assert [decode(page) for page in pdf_pages(pdf)] == [[disabled["link"]]]


@pytest.mark.parametrize("template", ["card", "receipt", "labels"])
def test_print_every_template_at_the_minimum_size(offline: Offline, tmp_path: Path, template: str) -> None:
    run, groups = offline
    link = groups["ACTIVE"][0]
    pdf = tmp_path / f"{template}.pdf"
    code, _, err = run("print", link["id"], "--template", template, "--qr-size", "20", "--pdf", str(pdf))
    assert code == 0, err
    assert [decode(page) for page in pdf_pages(pdf)] == [[link["link"]]]


def test_print_with_nothing_left_fails_and_says_why(offline: Offline, tmp_path: Path) -> None:
    run, groups = offline
    expired, disabled = groups["EXPIRED"][0], groups["DISABLED"][0]
    code, out, err = run("print", expired["id"], disabled["id"], "--pdf", str(tmp_path / "x.pdf"))
    assert code == 1
    assert out == ""
    assert f"Left out {expired['id']}" in err
    assert f"Left out {disabled['id']}" in err
    assert "Nothing to print" in err
    assert not (tmp_path / "x.pdf").exists()


def test_print_refuses_a_layout_that_cannot_print(offline: Offline, tmp_path: Path) -> None:
    run, groups = offline
    link = groups["ACTIVE"][0]["id"]
    code, _, err = run("print", link, "--template", "labels", "--grid", "3x8", "--qr-size", "40",
                       "--pdf", str(tmp_path / "x.pdf"))  # fmt: skip
    assert code == 2
    assert "leaves labels of 64.7 × 35.1 mm" in err
    code, _, err = run("print", link, "--template", "labels", "--grid", "2x4", "--qr-size", "40",
                       "--pdf", str(tmp_path / "ok.pdf"))  # fmt: skip
    assert code == 0, err
    code, _, err = run("print", link, "unknown-id", "--pdf", str(tmp_path / "y.pdf"))
    assert code == 1
    assert "No link 'unknown-id' in the cache" in err
    with pytest.raises(SystemExit) as exit_info:
        run("print", link, "--grid", "three-by-eight", "--pdf", str(tmp_path / "z.pdf"))
    assert exit_info.value.code == 2
    assert written(tmp_path) == ["ok.pdf"]


@pytest.mark.parametrize("option", ["--qr-size", "--margin"])
@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "ten"])
def test_print_refuses_sizes_that_are_not_numbers(
    offline: Offline, tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, value: str
) -> None:
    """NaN passes every `<` check: it must stop at the parser, not reach the painter."""
    run, groups = offline
    with pytest.raises(SystemExit) as exit_info:
        run("print", groups["ACTIVE"][0]["id"], f"{option}={value}", "--pdf", str(tmp_path / "x.pdf"))
    assert exit_info.value.code == 2
    assert "a number is needed" in capsys.readouterr().err
    assert written(tmp_path) == []


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_qr_refuses_a_size_that_is_not_a_number(
    offline: Offline, tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    run, groups = offline
    for value in ("nan", "inf", "-inf"):
        with pytest.raises(SystemExit) as exit_info:
            run("qr", groups["ACTIVE"][0]["id"], "--out", str(tmp_path / f"x{suffix}"), f"--size={value}")
        assert exit_info.value.code == 2
        assert "a number is needed" in capsys.readouterr().err
    assert written(tmp_path) == []


def test_labels_on_letter_paper_fit_the_default_grid(offline: Offline, tmp_path: Path) -> None:
    """The help offers Letter for labels: 8 rows do not fit on it, so the default grid is 3 x 7."""
    run, groups = offline
    ids = [link["id"] for link in groups["ACTIVE"][:2]]
    pdf = tmp_path / "letter.pdf"
    code, _, err = run("print", *ids, "--template", "labels", "--paper", "Letter", "--pdf", str(pdf))
    assert code == 0, err
    assert (
        "2 QR codes on 1 page (labels, 3 x 7 a page, positions 1 to 2 on the first page, 215.9 x 279.4 mm, "
        "codes 22 mm wide without their quiet zone)." in err
    )
    assert [len(decode(page)) for page in pdf_pages(pdf)] == [2]


def test_every_unknown_id_is_named_at_once(offline: Offline, tmp_path: Path) -> None:
    run, groups = offline
    active = groups["ACTIVE"][0]["id"]
    code, out, err = run("print", "typo-1", active, "typo-2", "typo-1", "--pdf", str(tmp_path / "x.pdf"))
    assert (code, out) == (1, "")
    assert "No links 'typo-1', 'typo-2' in the cache (2 of 4)" in err
    assert written(tmp_path) == []


def test_a_profile_never_synced_says_to_sync_first(
    offline: Offline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run, groups = offline
    for cache in (run.home / "caches").iterdir():
        cache.unlink()  # as on a machine where the profile was added but never synced
    code, _, err = run("qr", groups["ACTIVE"][0]["id"], "--out", str(tmp_path / "x.png"))
    assert code == 1
    assert "The cache is empty: run `linkmanager sync` first." in err
    code, _, err = run("print", groups["ACTIVE"][0]["id"], "--pdf", str(tmp_path / "x.pdf"))
    assert code == 1
    assert "The cache is empty" in err
    assert written(tmp_path) == []


def test_a_damaged_cache_is_reported_not_a_traceback(offline: Offline, tmp_path: Path) -> None:
    run, groups = offline
    for cache in (run.home / "caches").glob("*.sqlite3"):
        cache.write_bytes(b"this is not a database" * 100)
    for argv in (("qr", groups["ACTIVE"][0]["id"], "--out", str(tmp_path / "x.png")),
                 ("print", groups["ACTIVE"][0]["id"], "--pdf", str(tmp_path / "x.pdf"))):  # fmt: skip
        code, _, err = run(*argv)
        assert code == 1
        assert "cannot be used because it is not a database" in err
        assert "sync --rebuild" in err
    assert written(tmp_path) == []


def test_print_in_a_fresh_process_without_a_display(offline: Offline, tmp_path: Path) -> None:
    """The command as a shell runs it: no QApplication yet, no DISPLAY, no QT_QPA_PLATFORM."""
    run, groups = offline
    link = groups["ACTIVE"][0]
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    pdf = tmp_path / "fresh.pdf"
    argv = ["--home", str(run.home), "print", link["id"], "--template", "receipt", "--pdf", str(pdf)]
    done = subprocess.run(
        [sys.executable, "-m", "linkmanager", *argv], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert [decode(page) for page in pdf_pages(pdf)] == [[link["link"]]]
