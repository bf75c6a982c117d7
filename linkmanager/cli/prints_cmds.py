"""`linkmanager prints [LINK_ID]`: the print register, newest first (offline).

Every print, saved PDF and saved QR file is recorded per link in the register beside the
profile's cache (storage.print_register). Reading it creates nothing: with no register yet, the
answer is that nothing was recorded. Times are in the computer's zone with the offset; `--json`
gives one array, times in UTC, as `links --json` does.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from linkmanager.cli.context import Context
from linkmanager.cli.output import clip, print_json, safe, table, utc_text, when_text
from linkmanager.cli.profile_cmds import CommandError
from linkmanager.storage.print_register import PrintRecord, PrintRegister

KIND_WORDS = {"print": "printed", "pdf": "PDF saved", "qr_file": "QR file saved"}


def add_prints_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    prints = commands.add_parser(
        "prints",
        parents=[common],
        help="list the print register: QR codes printed and saved, per link (offline)",
        description="List what the print register holds, newest first: every print job, saved PDF and "
        "saved QR file, with when, the template (or file format), copies, the printer or file, and the "
        "computer's user.",
    )
    prints.add_argument("link_id", nargs="?", metavar="LINK_ID", help="only the records of this link")
    prints.add_argument("--json", action="store_true", help="a JSON array of records, times in UTC")


def record_json(record: PrintRecord) -> dict[str, Any]:
    return {
        "link_id": record.link_id,
        "at": utc_text(record.at),
        "kind": record.kind,
        "template": record.template,
        "copies": record.copies,
        "where": record.where,
        "user": record.user,
    }


def _read(ctx: Context, link_id: str | None) -> list[PrintRecord]:
    path = ctx.print_register_path()
    if not path.exists():  # nothing printed yet: reading creates nothing
        return []
    with PrintRegister.open(path) as register:
        return register.entries(link_id)


def prints(ctx: Context, args: argparse.Namespace) -> int:
    link_id: str | None = args.link_id
    records = _read(ctx, link_id)
    names = ctx.cached_names({r.link_id for r in records} | ({link_id} if link_id else set()))
    if link_id and not records and link_id not in names:
        raise CommandError(
            f"No link {link_id!r} in the cache and no prints recorded for it: check the id "
            "(`linkmanager links` lists the cached links)."
        )
    if args.json:
        print_json([record_json(r) for r in records], sys.stdout)
    elif records:
        rows = [
            [
                when_text(r.at),
                *([] if link_id else [r.link_id, clip(safe(names.get(r.link_id, "")), 30)]),
                KIND_WORDS.get(r.kind, r.kind),
                r.template,
                f"{r.copies:,}",
                clip(safe(r.where), 60),
                safe(r.user),
            ]
            for r in records
        ]
        link_columns = [] if link_id else ["Link ID", "Name"]
        header = ["When", *link_columns, "What", "Template", "Copies", "Where", "User"]
        print(table(rows, header, right=frozenset({header.index("Copies")})))
    print(_summary(records, link_id, names), file=sys.stderr)
    return 0


def _summary(records: list[PrintRecord], link_id: str | None, names: dict[str, str]) -> str:
    if not records:
        if link_id:
            return f"No prints recorded for {safe(names.get(link_id) or link_id)}."
        return "The print register is empty: no QR code has been printed or saved from this profile yet."
    items = sum(r.copies for r in records)
    jobs = f"{len(records):,} record{'s' if len(records) != 1 else ''}"
    said = f"{jobs}, {items:,} item{'s' if items != 1 else ''} in all"
    return f"{said} for {safe(names.get(link_id) or link_id)}." if link_id else f"{said}."
