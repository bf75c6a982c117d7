"""A profile's addresses as a client needs them, for the window and the command line alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

from linkmanager.domain.i18n import translate
from linkmanager.storage.profiles import Profile, ProfileError

if TYPE_CHECKING:
    from linkmanager.api.config import ApiEndpoints


def endpoints_of(profile: Profile) -> ApiEndpoints:
    """The profile's API and token addresses; one a client must not use is a ProfileError naming
    the profile and the field, never a traceback. (httpx loads here, on first use: not before the
    window's first paint.)"""
    from linkmanager.api.config import ApiEndpoints, EndpointError

    try:
        return ApiEndpoints(profile.api_url, profile.token_url)
    except EndpointError as exc:
        unusable = translate("Endpoints", "The profile {name} cannot be used: its {field} {problem}.")
        raise ProfileError(
            unusable.format(name=repr(profile.name), field=exc.field, problem=exc.problem)
        ) from None
