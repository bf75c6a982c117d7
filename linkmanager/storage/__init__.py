"""The offline cache (sqlite3) and the credential store (keyring). No Qt."""
