"""Save QR code…: the format the user picked is the format written."""

from __future__ import annotations

import pytest

from linkmanager.ui.widgets.qr_panel import PNG_FILTER, SVG_FILTER, path_for_filter

DEFAULT = "Counter card-qr.png"


@pytest.mark.parametrize(
    ("path", "chosen", "written"),
    [
        ("/x/Counter card-qr.png", SVG_FILTER, "/x/Counter card-qr.svg"),  # the name kept, SVG picked
        ("/x/Counter card-qr.png", PNG_FILTER, "/x/Counter card-qr.png"),
        ("/x/till", SVG_FILTER, "/x/till.svg"),  # no extension typed: the filter decides
        ("/x/till", PNG_FILTER, "/x/till.png"),
        ("/x/till.png", SVG_FILTER, "/x/till.png"),  # an extension typed wins
        ("/x/till.SVG", PNG_FILTER, "/x/till.SVG"),
        ("/x/till.v2", SVG_FILTER, "/x/till.v2.svg"),
    ],
)
def test_the_filter_decides_unless_an_extension_was_typed(path: str, chosen: str, written: str) -> None:
    assert path_for_filter(path, chosen, DEFAULT) == written
