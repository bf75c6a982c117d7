"""The only package that imports PySide6: window, models, widgets, dialogs."""
