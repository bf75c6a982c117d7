"""Bulk disable/enable in the window: the actions, the confirmation, the run and its result."""

from linkmanager.ui.bulk.controller import BulkController, install_bulk_actions

__all__ = ["BulkController", "install_bulk_actions"]
