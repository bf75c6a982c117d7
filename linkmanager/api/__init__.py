"""The Lean HTTP boundary (httpx): auth, pagination, retries, errors, wire <-> domain. No Qt."""
