"""Test-wide settings and fixtures.

Qt never needs a display, and Lean's published contract (kept outside the repository, in
../shared/lean/) is loaded once for the tests that validate against it.
"""

from __future__ import annotations

import copy
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

# Qt aborts without a display; every Qt test runs on the offscreen platform.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
CONTRACT = ROOT.parent / "shared" / "lean" / "payment-links-openapi.yml"
CONTRACT_TOOL = ROOT.parent / "shared" / "tools" / "check-contract"


def shared_file(path: Path) -> Path:
    """A file from ../shared: CI always has it, so there a missing file fails instead of skipping."""
    if not path.exists():
        message = f"{path} is not beside this checkout"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def _nullable(node: Any) -> Any:
    """The spec writes `type: [X, 'null']` beside allOf/$ref/enum; JSON Schema would then refuse null."""
    if isinstance(node, list):
        return [_nullable(n) for n in node]
    if not isinstance(node, dict):
        return node
    node = {k: _nullable(v) for k, v in node.items()}
    kinds = node.get("type")
    if isinstance(kinds, list) and "null" in kinds and any(k in node for k in ("allOf", "$ref", "enum")):
        rest = dict(node)
        rest["type"] = [k for k in kinds if k != "null"]
        if len(rest["type"]) == 1:
            rest["type"] = rest["type"][0]
        return {"anyOf": [{"type": "null"}, rest]}
    return node


def _inline(node: Any, schemas: dict[str, Any]) -> Any:
    if isinstance(node, list):
        return [_inline(n, schemas) for n in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        merged = copy.deepcopy(schemas[node["$ref"].rsplit("/", 1)[-1]])
        merged.update({k: v for k, v in node.items() if k != "$ref"})
        return _inline(merged, schemas)
    return {k: _inline(v, schemas) for k, v in node.items()}


@pytest.fixture(scope="session")
def contract_spec() -> dict[str, Any]:
    import yaml

    with shared_file(CONTRACT).open(encoding="utf-8") as f:
        spec: dict[str, Any] = yaml.safe_load(f)
    return spec


@pytest.fixture(scope="session")
def contract_errors(contract_spec: dict[str, Any]) -> Callable[[str, Any], list[str]]:
    """contract_errors("PaymentLinkResponse", value) -> the schema violations, [] when valid."""
    import jsonschema

    schemas = contract_spec["components"]["schemas"]

    def errors(name: str, value: Any) -> list[str]:
        schema = _nullable(_inline(schemas[name], schemas))
        validator = jsonschema.Draft202012Validator(
            schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        )
        return [
            f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
            for e in validator.iter_errors(value)
        ]

    return errors


def _memory_keyring_class() -> type[Any]:
    import keyring.backend

    class MemoryKeyring(keyring.backend.KeyringBackend):
        """A keyring in a dict: unit tests never touch a real keychain."""

        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.entries: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.entries.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.entries[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.entries.pop((service, username), None)

    # keyring registers every subclass for its own backend detection; keep this one out of it.
    keyring.backend.KeyringBackend._classes.discard(MemoryKeyring)  # type: ignore[attr-defined]
    return MemoryKeyring


@pytest.fixture
def memory_keyring() -> Iterator[Any]:
    """The process's keyring replaced by an empty in-memory one for one test; `.entries` shows it."""
    import keyring

    previous = keyring.get_keyring()
    backend = _memory_keyring_class()()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@contextmanager
def workstation_zone(name: str) -> Iterator[None]:
    """The computer's time zone is `name` (TZ) inside the block, as it was after."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


@pytest.fixture
def london() -> Iterator[None]:
    """The computer's time zone is Europe/London (GMT in winter, BST +01:00 in summer) for one
    test: local times on either side of a clock change."""
    with workstation_zone("Europe/London"):
        yield


@pytest.fixture
def dubai() -> Iterator[None]:
    """The computer's time zone is Asia/Dubai (+04:00 all year) for one test."""
    with workstation_zone("Asia/Dubai"):
        yield
