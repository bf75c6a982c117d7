"""The window's behaviour, split by feature: sync, the selected link, search and status tabs."""
