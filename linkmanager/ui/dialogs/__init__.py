"""Modal dialogs: the first-run welcome, the profile form and switcher, and confirmations."""
