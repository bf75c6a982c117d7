"""The print register's file on disk: its error, and storage.private_file's checks (private,
checked before use, never replaced) said in the register's words."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from linkmanager.domain.i18n import translate
from linkmanager.storage import private_file
from linkmanager.storage.cache_errors import CacheError


class PrintRegisterError(CacheError):
    """The register cannot be read or written; the message names the file and what to do."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


def damaged(path: Path, reason: str) -> PrintRegisterError:
    """The register's file cannot be used: said so, and left as it is."""
    said = translate(
        "PrintRegister",
        "The print register {path} cannot be used because {reason}. LinkManager leaves it as it is: it is "
        "the only record of what was printed. Restore it from a backup, or move it elsewhere to start a new "
        "register; printing itself still works.",
    )
    return PrintRegisterError(said.format(path=path, reason=reason), path)


def _refused(path: Path, reason: object) -> PrintRegisterError:
    said = translate("PrintRegister", "The print register {path} cannot be opened ({reason}).")
    return PrintRegisterError(said.format(path=path, reason=reason), path)


def prepare_file(path: Path) -> str | None:
    """storage.private_file.prepare_file, in this file's words."""
    return private_file.prepare_file(path, damaged, _refused)


def check_file(conn: sqlite3.Connection, path: Path, application_id: int) -> None:
    """storage.private_file.check_file, in this file's words."""
    other = translate(
        "PrintRegister", "it is an SQLite database of some other program, not a LinkManager print register"
    )
    private_file.check_file(conn, path, application_id, damaged, other)
