"""LinkManager: a desktop manager for Lean Technologies Payment Links."""

__version__ = "0.1.0"
