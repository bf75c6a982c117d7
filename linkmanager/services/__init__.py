"""Use cases: sync, link actions, search, QR and print layouts, export. No Qt widgets."""
