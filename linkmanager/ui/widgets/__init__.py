"""Widgets the window is made of: the detail pane, the usage drawer, the status bar."""
