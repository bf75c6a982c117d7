"""Profiles for the window's dialogs: the ProfileBook of ui.dialogs.profiles over storage.

Part of the GUI's composition root (app.py), kept apart to keep each file short. The ui layer
sees only ProfileValues and ProfileSummary; this module turns them into a Profile in the
profiles file and a secret in the keyring, with the same rules as `linkmanager profile add`.
save() runs on a worker thread (keyring and network may block): it touches no QObject.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from linkmanager import api
from linkmanager.domain.i18n import QT_TRANSLATE_NOOP, translate
from linkmanager.domain.secret import Secret
from linkmanager.services.endpoints import endpoints_of
from linkmanager.storage.credentials import CredentialStore
from linkmanager.storage.profiles import (
    SYNC_INTERVAL_RANGE,
    USAGE_FRESHNESS_RANGE,
    Profile,
    ProfileError,
    ProfileStore,
    name_key,
    validate_name,
)

if TYPE_CHECKING:  # the dialogs' modules (~95 ms of widgets) load when a dialog asks, not at start
    import httpx

    from linkmanager.ui.dialogs.profile_form import ProfileValues
    from linkmanager.ui.dialogs.profiles import ProfileSummary

log = logging.getLogger(__name__)

CHECK_TIMEOUT_S = (15.0, 5.0)  # (whole request, connect): a quick check, not a sync
_URL_LABELS = {
    "api_url": QT_TRANSLATE_NOOP("AppProfiles", "The API address"),
    "token_url": QT_TRANSLATE_NOOP("AppProfiles", "The token address"),
}

Checker = Callable[[Profile, Secret], None]


def _check_timeout() -> httpx.Timeout:
    import httpx

    total, connect = CHECK_TIMEOUT_S
    return httpx.Timeout(total, connect=connect)


def check_with_lean(profile: Profile, secret: Secret) -> None:
    """Ask Lean for a token and one link: wrong credentials stop the save; an unreachable Lean
    does not (the window then shows the profile offline and syncs when Lean is back)."""
    client = api.LeanClient(
        endpoints_of(profile),
        api.Credentials(profile.client_id, secret),
        timeout=_check_timeout(),
        retry=api.RetryPolicy(attempts=2),
    )
    with client:
        try:
            client.links_page(0, size=1)
        except api.AuthenticationError as exc:
            from linkmanager.services.messages import MessageContext, credentials_refused

            raise ProfileError(
                credentials_refused(exc, MessageContext(profile.name, profile.environment))
            ) from None
        except api.LeanError as exc:
            log.warning(
                "Could not check the credentials of %r with Lean (%s); saved anyway", profile.name, exc
            )


class ClientFactory:
    """Builds the profile's client on first use, on a worker: only then is the keyring asked.

    An address the client refuses is a ProfileError naming the profile and the field, which the
    window shows as the sync's failure. (Checked here, not when the profile opens: that would
    load httpx before the first paint; the profiles file's own checks already refuse the rest.)
    """

    def __init__(self, profile: Profile, credentials: CredentialStore) -> None:
        self._profile = profile
        self._credentials = credentials

    def __call__(self) -> api.LeanClient:
        endpoints = endpoints_of(self._profile)  # before the keyring is asked
        secret = self._credentials.load(self._profile.name, account=self._profile.keyring_account)
        return api.LeanClient(endpoints, api.Credentials(self._profile.client_id, secret))


class StorageProfileBook:
    """ui.dialogs.profiles.ProfileBook over the profiles file and the keyring."""

    def __init__(
        self, store: ProfileStore, credentials: CredentialStore, check: Checker | None = check_with_lean
    ) -> None:
        self._store = store
        self._credentials = credentials
        self._check = check

    def summaries(self) -> list[ProfileSummary]:
        from linkmanager.ui.dialogs.profiles import ProfileSummary

        return [ProfileSummary(p.name, p.environment, api.host_label(p.api_url)) for p in self._store.list()]

    def values(self, name: str) -> ProfileValues:
        from linkmanager.ui.dialogs.profile_form import ProfileValues

        p = self._store.get(name)
        known = p.environment in api.ENVIRONMENTS and (
            (api.ENVIRONMENTS[p.environment].api_url, api.ENVIRONMENTS[p.environment].token_url)
            == (p.api_url.rstrip("/"), p.token_url)
        )
        return ProfileValues(
            name=p.name,
            environment=p.environment if known else "custom",
            client_id=p.client_id,
            secret=None,
            api_url=None if known else p.api_url,
            token_url=None if known else p.token_url,
            sync_interval_minutes=p.sync_interval_minutes,
            usage_freshness_minutes=p.usage_freshness_minutes,
        )

    # -- checking -----------------------------------------------------------------------------

    def validate(self, values: ProfileValues, *, editing: bool) -> dict[str, str]:
        """Messages by form field; {} when the values would make a valid profile."""
        errors: dict[str, str] = {}
        if not editing:
            try:
                name = validate_name(values.name)
                taken = next((p for p in self._store.list() if p.key == name_key(name)), None)
            except ProfileError as exc:
                errors["name"] = str(exc)
            else:
                if taken is not None:
                    errors["name"] = _name_taken(taken.name)
        if values.environment == "custom":
            for field, value in (("api_url", values.api_url), ("token_url", values.token_url)):
                problem = _url_problem(field, value or "")
                if problem:
                    errors[field] = problem
        elif values.environment not in api.ENVIRONMENTS:
            errors["environment"] = translate(
                "StorageProfileBook", "Choose Sandbox, Production or a custom address, not {environment}."
            ).format(environment=repr(values.environment))
        try:
            Profile("x", "sandbox", values.client_id, api.SANDBOX.api_url, api.SANDBOX.token_url)
        except ProfileError as exc:
            errors["client_id"] = str(exc)
        low, high = SYNC_INTERVAL_RANGE
        if not low <= values.sync_interval_minutes <= high:
            errors["sync_interval_minutes"] = translate(
                "StorageProfileBook", "Sync every {low} to {high} minutes."
            ).format(low=low, high=high)
        low, high = USAGE_FRESHNESS_RANGE
        if not low <= values.usage_freshness_minutes <= high:
            errors["usage_freshness_minutes"] = translate(
                "StorageProfileBook", "Re-check payments every {low} to {high} minutes."
            ).format(low=low, high=high)
        return errors

    # -- saving (on a worker thread) ----------------------------------------------------------

    def save(self, values: ProfileValues, *, editing: bool) -> None:
        """Secret first, profile second, as the command line does: a keyring that refuses
        leaves no profile without a secret behind."""
        endpoints = _endpoints(values)
        if editing:
            current = self._store.get(values.name)
            profile = Profile(
                current.name,
                values.environment,
                values.client_id,
                endpoints.api_url,
                endpoints.token_url,
                values.sync_interval_minutes,
                current.concurrency,
                usage_freshness_minutes=values.usage_freshness_minutes,
                secret_id=current.secret_id,  # the same keyring entry
            )
        else:
            profile = Profile(
                values.name,
                values.environment,
                values.client_id,
                endpoints.api_url,
                endpoints.token_url,
                values.sync_interval_minutes,
                usage_freshness_minutes=values.usage_freshness_minutes,
            )
            taken = next((p for p in self._store.list() if p.key == profile.key), None)
            if taken is not None:  # before the keyring: never replace another profile's secret
                raise ProfileError(_name_taken(taken.name))
        secret = values.secret
        if secret is not None:
            self._credentials.check_backend()
            if self._check is not None:
                self._check(profile, secret)
            self._credentials.store(profile.name, secret, account=profile.keyring_account)
        if editing:
            self._store.update(profile)
        else:
            self._store.add(profile)


def _name_taken(name: str) -> str:
    return translate("AppProfiles", "A profile named {name} already exists: choose another name.").format(
        name=repr(name)
    )


def _endpoints(values: ProfileValues) -> api.ApiEndpoints:
    if values.environment == "custom":
        return api.ApiEndpoints(values.api_url or "", values.token_url or "")
    return api.ENVIRONMENTS[values.environment]


def _url_problem(field: str, value: str) -> str:
    """ApiEndpoints' rule for one address, said with the form's words."""
    try:
        if field == "api_url":
            api.ApiEndpoints(value, api.SANDBOX.token_url)
        else:
            api.ApiEndpoints(api.SANDBOX.api_url, value)
    except ValueError as exc:
        return str(exc).replace(field, translate("AppProfiles", _URL_LABELS[field]), 1)
    return ""
