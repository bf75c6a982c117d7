"""The command line's composition root: profile, secret, client and cache, built on demand.

Reads never touch the keyring or the network; only commands that talk to Lean ask for the
secret, so an offline look-up over SSH works without an unlocked keyring.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from linkmanager.services.endpoints import endpoints_of
from linkmanager.storage.cache import LinkCache
from linkmanager.storage.credentials import CredentialStore
from linkmanager.storage.journal import ActionJournal
from linkmanager.storage.paths import AppPaths, resolve_paths
from linkmanager.storage.print_register import PrintRegister
from linkmanager.storage.profiles import Profile, ProfileStore

if TYPE_CHECKING:
    from linkmanager.api import LeanClient


@dataclass
class Context:
    """What one command needs, opened lazily and closed once."""

    home: str | None
    profile_name: str | None
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    _opened: list[LeanClient | LinkCache | PrintRegister | ActionJournal] = field(default_factory=list)

    @cached_property
    def paths(self) -> AppPaths:
        return resolve_paths(self.home, self.environ)

    @cached_property
    def profiles(self) -> ProfileStore:
        return ProfileStore(self.paths.profiles_file)

    @cached_property
    def credentials(self) -> CredentialStore:
        return CredentialStore()

    @cached_property
    def profile(self) -> Profile:
        if self.profile_name:
            return self.profiles.get(self.profile_name)
        return self.profiles.default()

    def cache(self, *, rebuild: bool = False) -> LinkCache:
        path = self.paths.cache_file(self.profile.name)
        cache = LinkCache.rebuild(path) if rebuild else LinkCache.open(path)
        self._opened.append(cache)
        return cache

    def cached_names(self, link_ids: set[str]) -> dict[str, str]:
        """The cached names of `link_ids` (a link not in the cache has none); no cache is made."""
        path = self.paths.cache_file(self.profile.name)
        link_ids = link_ids - {""}
        if not link_ids or not path.exists():
            return {}
        with LinkCache.open(path) as cache:
            found = {link_id: cache.link(link_id) for link_id in link_ids}
        return {link_id: cached.link.display_name for link_id, cached in found.items() if cached is not None}

    def print_register_path(self) -> Path:
        """The profile's print register: beside its cache (storage.print_register)."""
        return PrintRegister.beside(self.paths.cache_file(self.profile.name))

    def print_register(self) -> PrintRegister:
        """The profile's print register, created on first use (the `print` and `qr` commands record
        into it)."""
        register = PrintRegister.open(self.print_register_path())
        self._opened.append(register)
        return register

    def journal_path(self) -> Path:
        """The profile's action journal: beside its cache (storage.journal)."""
        return ActionJournal.beside(self.paths.cache_file(self.profile.name))

    def journal(self) -> ActionJournal:
        """The profile's action journal, created on first use (the commands that change links append
        to it); JournalError when it cannot be used."""
        journal = ActionJournal.open(self.journal_path())
        self._opened.append(journal)
        return journal

    def client(self) -> LeanClient:
        # The HTTP stack (~60 ms of imports) loads here, not with the parser: `linkmanager` with
        # no command builds the same parser on its way to the window.
        from linkmanager.api import Credentials, LeanClient

        endpoints = endpoints_of(self.profile)  # a bad address is said before the keyring is asked
        secret = self.credentials.load(self.profile.name, account=self.profile.keyring_account)
        client = LeanClient(endpoints, Credentials(self.profile.client_id, secret))
        self._opened.append(client)
        return client

    def close(self) -> None:
        while self._opened:
            self._opened.pop().close()
