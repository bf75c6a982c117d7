"""Test-wide settings: Qt never needs a display, and nothing touches the user's real files."""

import os

# Qt aborts without a display; every Qt test runs on the offscreen platform.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
