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
from collections.abc import Sequence
from pathlib import Path

from linkmanager.cli.context import Context
from linkmanager.cli.exit_codes import EXIT_USAGE
from linkmanager.cli.output import ago, local_time, safe
from linkmanager.cli.profile_cmds import CommandError
from linkmanager.domain.models import utc_now
from linkmanager.services.print_batch import (
    FILL,
    MAX_COPIES,
    PAPERS,
    LayoutError,
    SheetItem,
    SheetLayout,
    Template,
    choose_links,
    module_warning,
    plain_line,
    print_warnings,
    scan_warnings,
    sheet_layout,
    with_copies,
)
from linkmanager.services.print_copies import print_records
from linkmanager.services.qr import (
    EC_LEVELS,
    MIN_PRINT_MM,
    QrError,
    default_file_name,
    least_print_mm,
    module_count,
    qr_matrix,
    qr_png,
    qr_svg,
)
from linkmanager.storage.cache import CachedLink, LinkCache
from linkmanager.storage.print_register import PrintRecord, PrintRegisterError, current_user

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
        f"enough for the code itself to be at least {MIN_PRINT_MM} mm (about 25 for a short link; default 1 mm "
        "a module). The quiet zone is included.",
    )
    qr.add_argument("--ec", type=str.upper, choices=EC_LEVELS, default="M", help=_EC_HELP)

    sheet = commands.add_parser(
        "print",
        parents=[common],
        help="print QR codes of cached links to a PDF: counter card, receipt or label sheet (offline)",
        description="Lay out the QR codes of the given links, in the order given, as a PDF ready to "
        "print. Links that are not ACTIVE are left out and named on stderr; disabled ones can be "
        "included, marked DISABLED. Give an id several times, or --copies, for several copies. Links "
        "that expire within 24 hours or have under 10% of their uses left are named with a warning.",
    )
    sheet.add_argument("link_ids", nargs="+", metavar="LINK_ID")
    sheet.add_argument(
        "--template",
        choices=[t.value for t in Template],
        help="card (A6 counter card), receipt (80 mm thermal roll), receipt58 (58 mm thermal roll) or labels "
        "(A4, 3 x 8); default: card for one link printed once, labels otherwise",
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
        help=f"printed width of each code itself in mm, its quiet zone not counted (at least {MIN_PRINT_MM})",
    )
    sheet.add_argument(
        "--copies",
        metavar="N",
        help=f"copies of each link (1 to {MAX_COPIES:,}), one after another; 'fill': enough copies of the "
        "links to fill one sheet of labels (shared evenly, the first links one more when it does not divide). "
        "On cards and receipts a copy is a page",
    )
    sheet.add_argument(
        "--start-at",
        metavar="N",
        type=int,
        default=1,
        help="labels: the first position to print on the first sheet, counted across then down from 1 "
        "(a sheet used in part); the next sheets start at 1",
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
    # tz None: the computer's zone as it is on each date (daylight saving included)
    choice = choose_links([cached], utc_now(), include_disabled=True, ec=args.ec, tz=None)
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
    least = _least_size(link.url, args.ec)
    if size is not None and suffix != ".png" and least is not None and size < least:
        raise CommandError(
            f"--size is at least {least:g} mm for this link's code (quiet zone included), so that the code "
            f"itself is at least {MIN_PRINT_MM} mm; {size:g} was asked.",
            EXIT_USAGE,
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
    record = PrintRecord(link.id, utc_now(), "qr_file", suffix[1:], 1, str(out.absolute()), current_user())
    _record(ctx, (record,))
    print(out)
    return 0


def _record(ctx: Context, records: Sequence[PrintRecord]) -> None:
    """Put a finished print or saved file in the print register. The file is whole either way: a
    register that cannot be written is said (stderr), not made the command's failure."""
    try:
        ctx.print_register().record(records)
    except PrintRegisterError as exc:
        print(
            f"Warning: {safe(str(exc))} The file was written but is not in the print register.",
            file=sys.stderr,
        )


def _least_size(url: str, ec: str) -> float | None:
    """The narrowest printed width of this URL's code, quiet zone included (None: no code)."""
    try:
        return least_print_mm(len(qr_matrix(url, ec)))
    except QrError:
        return None  # the encoder says why, below


def _copies(text: str | None) -> int | None:
    """--copies as with_copies takes it: a number, or FILL; one sentence for anything else."""
    if text is None:
        return 1
    if text.strip().lower() == "fill":
        return FILL
    if not text.strip().isdigit() or not 1 <= int(text) <= MAX_COPIES:
        raise CommandError(
            f"--copies is a number from 1 to {MAX_COPIES:,}, or fill; not {text!r}.", EXIT_USAGE
        )
    return int(text)


def print_sheet(ctx: Context, args: argparse.Namespace) -> int:
    copies = _copies(args.copies)
    cache = ctx.cache()
    cached = _cached(cache, args.link_ids)
    _as_of(cache)
    once = len(args.link_ids) == 1 and copies == 1 and args.start_at == 1
    template = args.template or (Template.CARD if once else Template.LABELS)
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
            start_at=args.start_at,
        )
    except LayoutError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from None
    now = utc_now()
    # tz None: the computer's zone as it is on each date (daylight saving included), for the
    # reasons below and the dates on cards and receipts alike
    choice = choose_links(cached, now, include_disabled=args.include_disabled, ec=args.ec, tz=None)
    for out in choice.left_out:
        name = safe(out.link.display_name)
        print(f"Left out {out.link.id}{f' ({name})' if name else ''}: {out.reason}", file=sys.stderr)
    if choice.summary:
        print(f"{choice.summary}.", file=sys.stderr)
    if not choice.items:
        raise CommandError("Nothing to print: every link given was left out.")
    try:
        items = with_copies(choice.items, copies, layout)
    except ValueError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from None
    # A command line cannot ask "print anyway?": it warns, then prints.
    for warning in [*print_warnings(choice.items, now, None), *scan_warnings(choice.items, layout)]:
        print(f"Warning: {safe(warning)}", file=sys.stderr)
    target = Path(args.pdf)
    if target.suffix.lower() != ".pdf":
        raise CommandError(f"--pdf must end in .pdf, not {target.name!r}.", EXIT_USAGE)
    _writable(target)
    from linkmanager.ui.printing.output import ensure_gui_app, write_sheet_pdf

    ensure_gui_app()
    try:
        pages = write_sheet_pdf(target, layout, items, tz=None)
    except OSError as exc:  # PrintOutputError included: nothing was printed
        raise CommandError(f"Could not write {target}: {exc}. Nothing was printed.") from None
    where = str(target.absolute())
    _record(ctx, print_records(items, layout, "pdf", where, utc_now()))
    return _printed(target, layout, items, len(choice.items), pages)


def _printed(target: Path, layout: SheetLayout, items: Sequence[SheetItem], links: int, pages: int) -> int:
    """The one place a print ends well: the PDF is whole. Say what is on it (stderr) and where
    (stdout). The print register records here."""
    count = len(items)
    copies = "" if count == links else f", {links} link{'s' if links != 1 else ''} in {count} copies"
    width, height = layout.page_size()
    grid = ""
    if layout.template == Template.LABELS:
        last = (count + layout.start_at - 1) % layout.per_page or layout.per_page
        first = f"positions {layout.start_at} to {min(layout.per_page, layout.start_at + count - 1)}"
        grid = f", {layout.columns} x {layout.rows} a page, {first} on the first page"
        if pages > 1:
            grid += f", 1 to {last} on the last"
    print(
        f"{count} QR code{'s' if count != 1 else ''}{copies} on {pages} page{'s' if pages != 1 else ''} "
        f"({layout.template.value}{grid}, {width:g} x {height:g} mm, codes {layout.qr_mm:g} mm wide without "
        "their quiet zone).",
        file=sys.stderr,
    )
    print(target)
    return 0
