"""`linkmanager qr | print`: QR codes of cached links as files, and printable sheets as PDF (offline).

Both read the cache only: no keyring, no network. The lifecycle decides as in the window: an
ACTIVE link's code is plain, a DISABLED one carries the DISABLED mark (`print` leaves it out
unless asked), EXPIRED and USED links get no code. `print` draws with the window's printing
painter, so Qt is imported here lazily, and only by `print` and `qr --out FILE.pdf`.
"""

from __future__ import annotations

import argparse
import math
import sys
from datetime import UTC, datetime, tzinfo
from pathlib import Path

from linkmanager.cli.context import Context
from linkmanager.cli.exit_codes import EXIT_USAGE
from linkmanager.cli.output import ago, local_time, safe
from linkmanager.cli.profile_cmds import CommandError
from linkmanager.domain.models import utc_now
from linkmanager.services.print_batch import (
    PAPERS,
    LayoutError,
    Template,
    choose_links,
    module_warning,
    plain_line,
    scan_warnings,
    sheet_layout,
)
from linkmanager.services.qr import (
    EC_LEVELS,
    MIN_PRINT_MM,
    QrError,
    default_file_name,
    module_count,
    qr_png,
    qr_svg,
)
from linkmanager.storage.cache import CachedLink, LinkCache

PNG_BOX = 16  # pixels a module when --size is not given: as the window saves (~7 cm at 300 dpi)
FORMATS = (".png", ".svg", ".pdf")


def add_qr_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    qr = commands.add_parser(
        "qr",
        parents=[common],
        help="save a cached link's QR code as PNG, SVG or PDF (offline)",
        description="Save the QR code of a cached link; it encodes exactly the link's hosted URL. A "
        "disabled link's code carries a DISABLED mark; expired and used links have no code.",
    )
    qr.add_argument("link_id", metavar="LINK_ID")
    qr.add_argument(
        "--out",
        metavar="FILE",
        required=True,
        help="FILE.png, FILE.svg or FILE.pdf (the extension picks the format); "
        "a folder: the link's name + -qr.png in it",
    )
    qr.add_argument(
        "--size",
        metavar="N",
        type=_number,
        help="PNG: width in pixels (default 16 pixels a module); SVG and PDF: printed width in millimetres, "
        f"at least {MIN_PRINT_MM} (default 1 mm a module). The quiet zone is included.",
    )
    qr.add_argument("--ec", type=str.upper, choices=EC_LEVELS, default="M", help=_EC_HELP)

    sheet = commands.add_parser(
        "print",
        parents=[common],
        help="print QR codes of cached links to a PDF: counter card, receipt or label sheet (offline)",
        description="Lay out the QR codes of the given links, in the order given, as a PDF ready to "
        "print. Links that are not ACTIVE are left out and named on stderr; disabled ones can be "
        "included, marked DISABLED. Give an id several times for several copies.",
    )
    sheet.add_argument("link_ids", nargs="+", metavar="LINK_ID")
    sheet.add_argument(
        "--template",
        choices=[t.value for t in Template],
        help="card (A6 counter card), receipt (80 mm roll) or labels (A4, 3 x 8); "
        "default: card for one link, labels for several",
    )
    sheet.add_argument("--pdf", metavar="OUT.pdf", required=True, help="the PDF to write")
    sheet.add_argument(
        "--include-disabled", action="store_true", help="print disabled links too, marked DISABLED"
    )
    sheet.add_argument("--bilingual", action="store_true", help='caption "Scan to pay" in English and Arabic')
    sheet.add_argument(
        "--paper",
        choices=list(PAPERS),
        help="cards: A6 (default), A5, A4 or Letter; labels: A4 (default), Letter, A5 or A6",
    )
    sheet.add_argument(
        "--grid",
        metavar="COLSxROWS",
        type=_grid,
        help="labels a sheet, e.g. 3x8 (default: 3 x 8, fewer rows when the paper or code size needs it)",
    )
    sheet.add_argument(
        "--qr-size",
        metavar="MM",
        type=_number,
        help=f"printed width of each code in mm, quiet zone included (at least {MIN_PRINT_MM})",
    )
    sheet.add_argument("--margin", metavar="MM", type=_number, help="page margin in mm")
    sheet.add_argument("--ec", type=str.upper, choices=EC_LEVELS, default="M", help=_EC_HELP)


_EC_HELP = "error correction: L, M (default), Q, or H when something may cover part of the code"


def _number(text: str) -> float:
    """A finite number: "nan" and "inf" are floats to Python but no size on paper."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"a number is needed, not {text!r}")
    return value


def _grid(text: str) -> tuple[int, int]:
    columns, sep, rows = text.lower().partition("x")
    if not sep or not columns.strip().isdigit() or not rows.strip().isdigit():
        raise argparse.ArgumentTypeError(f"a grid is COLUMNSxROWS, e.g. 3x8, not {text!r}")
    return int(columns), int(rows)


def _zone() -> tzinfo:
    return datetime.now(UTC).astimezone().tzinfo or UTC


def _as_of(cache: LinkCache) -> None:
    """Statuses come from the cache: say how old it is (stderr keeps stdout for the path)."""
    last = cache.sync_state().last_full_sync
    when = (
        "no sync has completed yet" if last is None else f"as of {local_time(last)} ({ago(last, utc_now())})"
    )
    print(f"Link statuses from the cache, {when}.", file=sys.stderr)


def _cached(cache: LinkCache, link_ids: list[str]) -> list[CachedLink]:
    """The cached links, in the order given; one error naming every id the cache does not hold."""
    found = [(link_id, cache.link(link_id)) for link_id in link_ids]
    missing = list(dict.fromkeys(link_id for link_id, cached in found if cached is None))
    if missing:
        if cache.sync_state().last_full_sync is None and cache.is_empty():
            raise CommandError("The cache is empty: run `linkmanager sync` first.")
        named = ", ".join(repr(link_id) for link_id in missing)
        raise CommandError(
            f"No link {named} in the cache. Run `linkmanager sync`, or check the id."
            if len(missing) == 1
            else f"No links {named} in the cache ({len(missing)} of {len(link_ids)}). "
            "Run `linkmanager sync`, or check the ids."
        )
    return [cached for _, cached in found if cached is not None]


def _writable(path: Path) -> None:
    if not path.parent.is_dir():
        raise CommandError(f"The folder {path.parent} does not exist.")


def qr(ctx: Context, args: argparse.Namespace) -> int:
    cache = ctx.cache()
    (cached,) = _cached(cache, [args.link_id])
    _as_of(cache)
    link = cached.link
    choice = choose_links([cached], utc_now(), include_disabled=True, ec=args.ec, tz=_zone())
    if not choice.items:
        raise CommandError(f"No QR code for {link.id}: {choice.left_out[0].reason}.")
    mark = choice.items[0].mark
    out = Path(args.out)
    if out.is_dir():
        out = out / default_file_name(link, "-qr.png")
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise CommandError(f"--out must end in .png, .svg or .pdf, not {out.name!r}.", EXIT_USAGE)
    _writable(out)
    size = args.size
    if size is not None and suffix != ".png" and size < MIN_PRINT_MM:
        raise CommandError(
            f"--size is at least {MIN_PRINT_MM} mm for a printed code, not {size:g}.", EXIT_USAGE
        )
    try:
        if suffix == ".png":
            if size is not None and size != int(size):
                raise CommandError(f"--size for a PNG is a whole number of pixels, not {size:g}.", EXIT_USAGE)
            data = qr_png(
                link.url, box_size=PNG_BOX, ec=args.ec, mark=mark, size=None if size is None else int(size)
            )
            out.write_bytes(data)
        elif suffix == ".svg":
            out.write_bytes(qr_svg(link.url, ec=args.ec, mark=mark, size_mm=size))
        else:
            from linkmanager.ui.printing.output import ensure_gui_app, write_code_pdf

            ensure_gui_app()
            width = size if size is not None else float(module_count(link.url, ec=args.ec))
            write_code_pdf(out, link.url, width, ec=args.ec, mark=mark)
    except QrError as exc:
        raise CommandError(f"No QR code for {link.id}: {exc}.", 2 if size is not None else 1) from None
    except OSError as exc:
        raise CommandError(f"Could not write {out}: {exc}") from None
    if size is not None and suffix != ".png":
        warning = module_warning(plain_line(link.display_name) or link.id, link.url, size, args.ec)
        if warning:
            print(f"Warning: {safe(warning)}", file=sys.stderr)
    if mark:
        print(f"{link.id} is disabled: its code carries the {mark} mark.", file=sys.stderr)
    print(out)
    return 0


def print_sheet(ctx: Context, args: argparse.Namespace) -> int:
    cache = ctx.cache()
    cached = _cached(cache, args.link_ids)
    _as_of(cache)
    template = args.template or (Template.CARD if len(args.link_ids) == 1 else Template.LABELS)
    columns, rows = args.grid or (None, None)
    try:
        layout = sheet_layout(
            template,
            paper=args.paper,
            columns=columns,
            rows=rows,
            qr_mm=args.qr_size,
            margin_mm=args.margin,
            bilingual=args.bilingual,
            ec=args.ec,
        )
    except LayoutError as exc:
        raise CommandError(str(exc), 2) from None
    choice = choose_links(cached, utc_now(), include_disabled=args.include_disabled, ec=args.ec, tz=_zone())
    for out in choice.left_out:
        name = safe(out.link.display_name)
        print(f"Left out {out.link.id}{f' ({name})' if name else ''}: {out.reason}", file=sys.stderr)
    if choice.summary:
        print(f"{choice.summary}.", file=sys.stderr)
    if not choice.items:
        raise CommandError("Nothing to print: every link given was left out.")
    for warning in scan_warnings(choice.items, layout):
        print(f"Warning: {safe(warning)}", file=sys.stderr)
    target = Path(args.pdf)
    if target.suffix.lower() != ".pdf":
        raise CommandError(f"--pdf must end in .pdf, not {target.name!r}.", EXIT_USAGE)
    _writable(target)
    from linkmanager.ui.printing.output import ensure_gui_app, write_sheet_pdf

    ensure_gui_app()
    try:
        pages = write_sheet_pdf(target, layout, choice.items)
    except OSError as exc:
        raise CommandError(f"Could not write {target}: {exc}") from None
    count = len(choice.items)
    width, height = layout.page_size()
    grid = f", {layout.columns} x {layout.rows} a page" if layout.template == Template.LABELS else ""
    print(
        f"{count} QR code{'s' if count != 1 else ''} on {pages} page{'s' if pages != 1 else ''} "
        f"({layout.template.value}{grid}, {width:g} x {height:g} mm, codes {layout.qr_mm:g} mm).",
        file=sys.stderr,
    )
    print(target)
    return 0
