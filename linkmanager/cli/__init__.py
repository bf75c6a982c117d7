"""The headless command line: `linkmanager COMMAND ...`, thin over the services."""

from linkmanager.cli.main import main

__all__ = ["main"]
